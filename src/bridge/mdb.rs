//! `bridge mdb` (bridge/mdb.c, 6.1.0): the multicast database dump
//! (RTM_GETMDB, twice: entries, then router ports) and add/del.

use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::{Ctx, Headers};
use crate::error::{fail, Exit, Res};
use crate::linkinfo::brport::{format_timer, print_router_port_stats};
use crate::names::LinkNames;
use crate::netlink::attr::{align4, get_u32, get_u8};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, Printer, T};

const RTM_NEWMDB: u16 = 84;
const RTM_DELMDB: u16 = 85;
const RTM_GETMDB: u16 = 86;

const MDBA_MDB: u16 = 1;
const MDBA_ROUTER: u16 = 2;
const MDBA_MDB_EATTR_TIMER: u16 = 1;
const MDBA_MDB_EATTR_SRC_LIST: u16 = 2;
const MDBA_MDB_EATTR_GROUP_MODE: u16 = 3;
const MDBA_MDB_EATTR_SOURCE: u16 = 4;
const MDBA_MDB_EATTR_RTPROT: u16 = 5;
const MDBA_MDB_EATTR_MAX: usize = 5;
const MDBA_MDB_SRCATTR_ADDRESS: u16 = 1;
const MDBA_MDB_SRCATTR_TIMER: u16 = 2;
const MDBA_SET_ENTRY: u16 = 1;
const MDBA_SET_ENTRY_ATTRS: u16 = 2;
const MDBE_ATTR_SOURCE: u16 = 1;

const MDB_PERMANENT: u8 = 1;
const MCAST_INCLUDE: u8 = 1;
const ETH_P_IP: u16 = 0x0800;
const ETH_P_IPV6: u16 = 0x86dd;

/// sizeof(struct br_mdb_entry): ifindex, state, flags, vid, a 16-byte
/// address union and the protocol, padded to 4.
const MDB_ENTRY_LEN: usize = 28;

pub const USAGE: &str =
    "Usage: bridge mdb { add | del } dev DEV port PORT grp GROUP [src SOURCE] [permanent | temp] [vid VID]
       bridge mdb {show} [ dev DEV ] [ vid VID ]
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Delete,
    Show,
    Help,
}

/// do_mdb()'s commands (mdb.c, 6.1.0), all prefixes.
static COMMANDS: Table<Cmd> = Table::new(
    "bridge mdb",
    &[
        kw("add", Cmd::Add),
        kw("delete", Cmd::Delete),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AddOpt {
    Dev,
    Grp,
    Port,
    Permanent,
    Temp,
    Vid,
    Src,
    Help,
}

/// mdb_modify()'s words (whole; `help` a prefix, tested last; the rest ignored).
static ADD: Table<AddOpt> = Table::new(
    "bridge mdb add",
    &[
        exact("dev", AddOpt::Dev),
        exact("grp", AddOpt::Grp),
        exact("port", AddOpt::Port),
        exact("permanent", AddOpt::Permanent),
        exact("temp", AddOpt::Temp),
        exact("vid", AddOpt::Vid),
        exact("src", AddOpt::Src),
        kw("help", AddOpt::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShowOpt {
    Dev,
    Vid,
}

/// mdb_show()'s words (whole; the rest ignored).
static SHOW: Table<ShowOpt> = Table::new("bridge mdb show", &[exact("dev", ShowOpt::Dev), exact("vid", ShowOpt::Vid)]);

/// This object's keyword tables, its command table first.
pub static KEYWORDS: &[&dyn crate::args::keywords::Words] = &[&COMMANDS, &ADD, &SHOW];

pub fn do_mdb(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else { return mdb_show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => mdb_modify(ctx, RTM_NEWMDB, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Delete) => mdb_modify(ctx, RTM_DELMDB, 0, args),
        Some(Cmd::Show) => mdb_show(ctx, args),
        Some(Cmd::Help) => Err(fail(255, USAGE)),
        None => Err(crate::error::unknown_command(&cmd, "bridge mdb")),
    }
}

#[derive(Clone, Copy, Default)]
struct Opt {
    index: u32,
    vlan: u16,
    details: bool,
    stats: bool,
}

/// The raw attributes of a buffer, type flags included.
fn raw_attrs(buf: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut b = buf;
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            break;
        }
        out.push((t, &b[4..len]));
        b = &b[align4(len).min(b.len())..];
    }
    out
}

fn mdb_show(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    let mut o = Opt { details: ctx.o.details > 0, stats: ctx.o.stats > 0, ..Opt::default() };
    while let Some(w) = args.next() {
        match SHOW.find(&w) {
            Some(ShowOpt::Dev) => {
                let v = args.value()?;
                if filter_dev.is_some() {
                    return Err(crate::error::duparg("dev", &v));
                }
                filter_dev = Some(v);
            }
            Some(ShowOpt::Vid) => {
                let v = args.value()?;
                if o.vlan != 0 {
                    return Err(crate::error::duparg("vid", &v));
                }
                o.vlan = crate::args::num::atoi(&v) as u16;
            }
            None => {}
        }
    }
    if let Some(d) = &filter_dev {
        o.index = ctx.ifindex(d);
        if o.index == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
    }
    ctx.p.new_json_obj();
    ctx.p.open_object(None);
    if !dump_req(ctx)? {
        return Ok(-1);
    }
    ctx.p.open_array(T::Json, "mdb");
    if !run_dump(ctx, o, false)? {
        return Ok(-1);
    }
    ctx.p.close_array(T::Json, "");
    if !dump_req(ctx)? {
        return Ok(-1);
    }
    ctx.p.open_object(Some("router"));
    if !run_dump(ctx, o, true)? {
        return Ok(-1);
    }
    ctx.p.close_object();
    ctx.p.close_object();
    ctx.p.delete_json_obj();
    Ok(0)
}

fn dump_req(ctx: &mut Ctx) -> Res<bool> {
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    let mut req = Req::new(RTM_GETMDB, NLM_F_DUMP | NLM_F_REQUEST, &hdr);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        crate::error::say_cannot_send_dump(e);
        return Ok(false);
    }
    Ok(true)
}

fn run_dump(ctx: &mut Ctx, o: Opt, routers: bool) -> Res<bool> {
    let ok =
        ctx.dump_stream(|sh, m| if print_msg(sh.p, sh.names, &m, o, routers) < 0 { Err(Exit(-1)) } else { Ok(()) });
    if !matches!(ok, Ok(true)) {
        crate::error::say_dump_terminated();
        return Ok(false);
    }
    Ok(true)
}

/// __parse_mdb_nlmsg() and print_mdbs()/print_rtrs().
fn print_msg(p: &mut Printer, names: &mut LinkNames, m: &Msg, o: Opt, routers: bool) -> i32 {
    if m.ty != RTM_GETMDB && m.ty != RTM_NEWMDB && m.ty != RTM_DELMDB {
        crate::eprintf!("Not RTM_GETMDB, RTM_NEWMDB or RTM_DELMDB: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some(h) = m.payload.get(..8) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 8);
        return -1;
    };
    let ifindex = get_u32(&h[4..8]).unwrap_or(0);
    if o.index != 0 && o.index != ifindex {
        return 0;
    }
    // parse_rtattr() without masking: the first attribute of each raw type.
    let attrs = raw_attrs(&m.payload[8..]);
    let find = |t: u16| attrs.iter().find(|(ty, _)| *ty == t).map(|(_, d)| *d);
    if !routers {
        if let Some(mdb) = find(MDBA_MDB) {
            for (_, entry) in raw_attrs(mdb) {
                for (_, info) in raw_attrs(entry) {
                    print_mdb_entry(p, names, ifindex, info, o);
                }
            }
        }
    } else if let Some(r) = find(MDBA_ROUTER) {
        print_router_entries(p, names, m.ty, ifindex, r, o);
    }
    0
}

/// print_mdb_mon(): an MDB event (entries, then router ports).
pub fn print_mdb_mon(p: &mut Printer, names: &mut LinkNames, hdr: Headers, m: &Msg, details: bool, stats: bool) -> i32 {
    if m.ty != RTM_GETMDB && m.ty != RTM_NEWMDB && m.ty != RTM_DELMDB {
        crate::eprintf!("Not RTM_GETMDB, RTM_NEWMDB or RTM_DELMDB: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some(h) = m.payload.get(..8) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 8);
        return -1;
    };
    let ifindex = get_u32(&h[4..8]).unwrap_or(0);
    let o = Opt { details, stats, ..Opt::default() };
    let attrs = raw_attrs(&m.payload[8..]);
    let find = |t: u16| attrs.iter().find(|(ty, _)| *ty == t).map(|(_, d)| *d);
    hdr.print(p, "[MDB]");
    if m.ty == RTM_DELMDB {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if let Some(mdb) = find(MDBA_MDB) {
        for (_, entry) in raw_attrs(mdb) {
            for (_, info) in raw_attrs(entry) {
                print_mdb_entry(p, names, ifindex, info, o);
            }
        }
    }
    if let Some(r) = find(MDBA_ROUTER) {
        print_router_entries(p, names, m.ty, ifindex, r, o);
    }
    0
}

fn family_color(af: u8) -> Color {
    match af {
        AF_INET => Color::Inet,
        AF_INET6 => Color::Inet6,
        _ => Color::None,
    }
}

/// rtnl_rtprot_n2a(): the compiled-in names, then /etc/iproute2/rt_protos
/// (and rt_protos.d/*.conf), else the number.
fn rtprot_name(id: u8) -> String {
    let builtin = match id {
        0 => "unspec",
        1 => "redirect",
        2 => "kernel",
        3 => "boot",
        4 => "static",
        8 => "gated",
        9 => "ra",
        10 => "mrt",
        11 => "zebra",
        12 => "bird",
        42 => "babel",
        13 => "dnrouted",
        14 => "xorp",
        15 => "ntk",
        16 => "dhcp",
        18 => "keepalived",
        186 => "bgp",
        187 => "isis",
        188 => "ospf",
        189 => "rip",
        192 => "eigrp",
        _ => "",
    };
    if !builtin.is_empty() {
        return builtin.to_string();
    }
    let mut files = vec![std::path::PathBuf::from("/etc/iproute2/rt_protos")];
    if let Ok(d) = std::fs::read_dir("/etc/iproute2/rt_protos.d") {
        for e in d.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if !n.starts_with('.') && n.len() > 5 && n.ends_with(".conf") {
                files.push(e.path());
            }
        }
    }
    let mut found = None;
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        for line in text.lines() {
            let l = line.trim_start_matches([' ', '\t']);
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let mut it = l.split_whitespace();
            let (Some(num), Some(name)) = (it.next(), it.next()) else { break };
            let v = match num.strip_prefix("0x") {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            if v == Some(id as u32) {
                found = Some(name.to_string());
            }
        }
    }
    found.unwrap_or_else(|| id.to_string())
}

fn print_mdb_entry(p: &mut Printer, names: &mut LinkNames, ifindex: u32, info: &[u8], o: Opt) {
    let Some(e) = info.get(..MDB_ENTRY_LEN) else { return };
    let port = get_u32(&e[0..4]).unwrap_or(0);
    let state = e[4];
    let flags = e[5];
    let vid = u16::from_ne_bytes([e[6], e[7]]);
    let addr = &e[8..24];
    let proto = u16::from_be_bytes([e[24], e[25]]);
    let tb = Tb::parse(&info[MDB_ENTRY_LEN..], MDBA_MDB_EATTR_MAX);
    if o.vlan != 0 && vid != o.vlan {
        return;
    }
    let af = if proto == 0 {
        AF_PACKET
    } else if proto == ETH_P_IP {
        AF_INET
    } else {
        AF_INET6
    };
    let dev = names.name_own_socket(ifindex);
    p.open_object(None);
    p.int(T::Json, "index", "", ifindex as i64);
    p.color_string(T::Any, Color::Ifname, "dev", "dev {}", &dev);
    let pn = names.name_own_socket(port);
    p.string(T::Any, "port", " port {}", &pn);
    let grp = if af == AF_PACKET {
        crate::inet::ll_addr(&addr[..6]).to_string()
    } else {
        crate::inet::ntop_prefix(af, addr).unwrap_or_default()
    };
    p.color_string(T::Any, family_color(af), "grp", " grp {}", &grp);
    if let Some(src) = tb.get(MDBA_MDB_EATTR_SOURCE) {
        let s = crate::inet::ntop_prefix(af, src).unwrap_or_else(|| "(null)".to_string());
        p.color_string(T::Any, family_color(af), "src", " src {}", &s);
    }
    p.string(T::Any, "state", " {}", if state & MDB_PERMANENT != 0 { "permanent" } else { "temp" });
    if o.details {
        if let Some(mode) = tb.u8(MDBA_MDB_EATTR_GROUP_MODE) {
            p.string(
                T::Any,
                "filter_mode",
                " filter_mode {}",
                if mode == MCAST_INCLUDE { "include" } else { "exclude" },
            );
        }
        if let Some(list) = tb.get(MDBA_MDB_EATTR_SRC_LIST) {
            let key = if p.is_json() { "source_list" } else { " source_list" };
            p.open_array(T::Any, key);
            let mut sep = " ";
            for (_, ent) in raw_attrs(list) {
                let st = Tb::parse(ent, 2);
                if let (Some(a), Some(t)) = (st.get(MDBA_MDB_SRCATTR_ADDRESS), st.u32(MDBA_MDB_SRCATTR_TIMER)) {
                    if let Some(addr) = crate::inet::ntop_prefix(af, a) {
                        p.open_object(None);
                        p.fp(sep);
                        p.color_string(T::Any, family_color(af), "address", "{}", &addr);
                        p.string(T::Any, "timer", "/{}", &format_timer(t, false));
                        p.close_object();
                    }
                }
                sep = ",";
            }
            p.close_array(T::Json, "");
        }
        if let Some(rp) = tb.get(MDBA_MDB_EATTR_RTPROT).and_then(get_u8) {
            p.string(T::Any, "protocol", " proto {} ", &rtprot_name(rp));
        }
    }
    p.open_array(T::Json, "flags");
    for (bit, name) in [(1u8, "offload"), (2, "fast_leave"), (4, "added_by_star_ex"), (8, "blocked")] {
        if flags & bit != 0 {
            p.string_nokey(T::Any, " {}", name);
        }
    }
    p.close_array(T::Json, "");
    if vid != 0 {
        p.uint(T::Any, "vid", " vid {}", vid as u64);
    }
    if o.stats {
        if let Some(t) = tb.u32(MDBA_MDB_EATTR_TIMER) {
            p.string(T::Any, "timer", " {}", &format_timer(t, true));
        }
    }
    p.nl();
    p.close_object();
}

fn print_router_entries(p: &mut Printer, names: &mut LinkNames, ty: u16, ifindex: u32, router: &[u8], o: Opt) {
    let br = names.name_own_socket(ifindex);
    if ty == RTM_GETMDB {
        if !o.details {
            return;
        }
        if p.is_json() {
            p.open_array(T::Json, &br);
        } else if !o.stats {
            p.raw(format!("router ports on {}: ", br).as_bytes());
        }
        for (_, d) in raw_attrs(router) {
            let port = names.name_own_socket(get_u32(d).unwrap_or(0));
            if p.is_json() {
                p.open_object(None);
                p.string(T::Json, "port", "", &port);
                if o.stats {
                    print_router_port_stats(p, d);
                }
                p.close_object();
            } else if o.stats {
                p.raw(format!("router ports on {}: {}", br, port).as_bytes());
                print_router_port_stats(p, d);
                p.raw(b"\n");
            } else {
                p.raw(format!("{} ", port).as_bytes());
            }
        }
        if !o.stats {
            p.nl();
        }
        p.close_array(T::Json, "");
    } else {
        let port = names.name_own_socket(raw_attrs(router).first().and_then(|(_, d)| get_u32(d)).unwrap_or(0));
        if p.is_json() {
            p.open_array(T::Json, &br);
            p.open_object(None);
            p.string(T::Json, "port", "", &port);
            p.close_object();
            p.close_array(T::Json, "");
        } else {
            p.raw(format!("router port dev {} master {}\n", port, br).as_bytes());
        }
    }
}

fn mdb_modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut args: Args) -> Res<i32> {
    let (mut d, mut port, mut grp, mut src) = (None::<String>, None::<String>, None::<String>, None::<String>);
    let mut state: u8 = 0;
    let mut vid: i16 = 0;
    while let Some(w) = args.next() {
        match ADD.find(&w) {
            Some(AddOpt::Dev) => d = Some(args.value()?),
            Some(AddOpt::Grp) => grp = Some(args.value()?),
            Some(AddOpt::Port) => port = Some(args.value()?),
            Some(AddOpt::Permanent) => {
                if cmd == RTM_NEWMDB {
                    state |= MDB_PERMANENT;
                }
            }
            Some(AddOpt::Temp) | None => {}
            Some(AddOpt::Vid) => vid = crate::args::num::atoi(&args.value()?) as i16,
            Some(AddOpt::Src) => src = Some(args.value()?),
            Some(AddOpt::Help) => return Err(fail(255, USAGE)),
        }
    }
    let (Some(d), Some(grp), Some(port)) = (d, grp, port) else {
        crate::eprintf!("Device, group address and port name are required arguments.\n");
        return Ok(-1);
    };
    let br = ctx.ifindex(&d);
    if br == 0 {
        crate::error::say_no_device(d);
        return Ok(-1);
    }
    let pidx = ctx.ifindex(&port);
    if pidx == 0 {
        crate::error::say_no_device(port);
        return Ok(-1);
    }
    let mut e = [0u8; MDB_ENTRY_LEN];
    e[0..4].copy_from_slice(&pidx.to_ne_bytes());
    e[4] = state;
    e[6..8].copy_from_slice(&(vid as u16).to_ne_bytes());
    if let Some(a) = crate::inet::inet4_pton(&grp) {
        e[8..12].copy_from_slice(&a);
        e[24..26].copy_from_slice(&ETH_P_IP.to_be_bytes());
    } else if let Some(a) = crate::inet::inet6_pton(&grp) {
        e[8..24].copy_from_slice(&a);
        e[24..26].copy_from_slice(&ETH_P_IPV6.to_be_bytes());
    } else {
        let mac = crate::inet::lladdr::ll_addr_a2n(&grp, 6).unwrap_or_default();
        if mac.len() != 6 {
            // ll_addr_a2n() cut the reference's copy at its first ':'.
            let shown = if grp.contains('.') { &grp[..] } else { grp.split(':').next().unwrap_or("") };
            crate::eprintf!("Invalid address \"{}\"\n", shown);
            return Ok(-1);
        }
        e[8..14].copy_from_slice(&mac);
    }
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    hdr[4..8].copy_from_slice(&br.to_ne_bytes());
    let mut req = Req::bounded(cmd, NLM_F_REQUEST | flags, &hdr, crate::netlink::attr::bound::MDB_MODIFY);
    req.attr(MDBA_SET_ENTRY, &e);
    if let Some(s) = &src {
        let n = req.nest(MDBA_SET_ENTRY_ATTRS | crate::netlink::attr::NLA_F_NESTED);
        if let Some(a) = crate::inet::inet4_pton(s) {
            req.attr(MDBE_ATTR_SOURCE, &a);
        } else if let Some(a) = crate::inet::inet6_pton(s) {
            req.attr(MDBE_ATTR_SOURCE, &a);
        } else {
            crate::eprintf!("Invalid source address \"{}\"\n", s);
            return Ok(-1);
        }
        req.nest_end(n);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers() {
        assert_eq!(format_timer(25999, true), " 259.99");
        assert_eq!(format_timer(5, false), "0.05");
    }

    #[test]
    fn lladdr() {
        // mdb reads a group MAC with the shared ll_addr_a2n into 6 bytes.
        use crate::inet::lladdr::ll_addr_a2n;
        assert_eq!(ll_addr_a2n("01:00:5e:00:00:01", 6), Ok(vec![1, 0, 0x5e, 0, 0, 1]));
        assert_eq!(ll_addr_a2n("1:2:3", 6).map(|v| v.len()), Ok(3));
        assert_eq!(ll_addr_a2n("1:2:3:4:5:6:7", 6).map(|v| v.len()), Ok(7));
        assert_eq!(ll_addr_a2n("1.2.3", 6).map(|v| v.len()), Ok(4));
    }
}
