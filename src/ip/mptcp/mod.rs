//! `ip mptcp` (ip/ipmptcp.c of iproute2 6.1.0): the MPTCP path manager's
//! endpoints and limits, and its event monitor, over the "mptcp_pm"
//! generic netlink family.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, invarg, strerror, Exit, Res};
use crate::netlink::attr::{get_be16, get_u16, get_u32, get_u8, msgs, NLA_F_NESTED};
use crate::netlink::consts::*;
use crate::netlink::genl;
use crate::netlink::{Msg, Req, Rtnl, Tb};
use crate::print::T;

pub const USAGE: &str = "Usage:	ip mptcp endpoint add ADDRESS [ dev NAME ] [ id ID ]
				      [ port NR ] [ FLAG-LIST ]
	ip mptcp endpoint delete id ID [ ADDRESS ]
	ip mptcp endpoint change [ id ID ] [ ADDRESS ] [ port NR ] CHANGE-OPT
	ip mptcp endpoint show [ id ID ]
	ip mptcp endpoint flush
	ip mptcp limits set [ subflows NR ] [ add_addr_accepted NR ]
	ip mptcp limits show
	ip mptcp monitor
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ signal | subflow | backup | fullmesh ]
CHANGE-OPT := [ backup | nobackup | fullmesh | nofullmesh ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

// linux/mptcp.h
const MPTCP_PM_VER: u8 = 1;
const MPTCP_PM_ATTR_ADDR: u16 = 1;
const MPTCP_PM_ATTR_RCV_ADD_ADDRS: u16 = 2;
const MPTCP_PM_ATTR_SUBFLOWS: u16 = 3;
const MPTCP_PM_ATTR_MAX: usize = 6;
const ADDR_ATTR_FAMILY: u16 = 1;
const ADDR_ATTR_ID: u16 = 2;
const ADDR_ATTR_ADDR4: u16 = 3;
const ADDR_ATTR_ADDR6: u16 = 4;
const ADDR_ATTR_PORT: u16 = 5;
const ADDR_ATTR_FLAGS: u16 = 6;
const ADDR_ATTR_IF_IDX: u16 = 7;
const ADDR_ATTR_MAX: usize = 7;
const FLAG_SIGNAL: u32 = 1;
const FLAG_BACKUP: u32 = 4;
const FLAG_FULLMESH: u32 = 8;
const CMD_ADD_ADDR: u8 = 1;
const CMD_DEL_ADDR: u8 = 2;
const CMD_GET_ADDR: u8 = 3;
const CMD_FLUSH_ADDRS: u8 = 4;
const CMD_SET_LIMITS: u8 = 5;
const CMD_GET_LIMITS: u8 = 6;
const CMD_SET_FLAGS: u8 = 7;
const MPTCP_ATTR_MAX: usize = 19;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obj {
    Help,
    Endpoint,
    Limits,
    Monitor,
}

/// do_mptcp()'s words, in its test order (help before the socket opens).
static OBJECTS: Table<Obj> = Table::new(
    "ip mptcp",
    &[kw("help", Obj::Help), kw("endpoint", Obj::Endpoint), kw("limits", Obj::Limits), kw("monitor", Obj::Monitor)],
);

/// `ip mptcp endpoint` commands.
static ENDPOINT: Table<u8> = Table::new(
    "ip mptcp endpoint",
    &[
        kw("add", CMD_ADD_ADDR),
        kw("change", CMD_SET_FLAGS),
        kw("delete", CMD_DEL_ADDR),
        kw("show", CMD_GET_ADDR),
        kw("flush", CMD_FLUSH_ADDRS),
    ],
);

/// `ip mptcp limits` commands.
static LIMITS: Table<u8> = Table::new("ip mptcp limits", &[kw("set", CMD_SET_LIMITS), kw("show", CMD_GET_LIMITS)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Flag(u32),
    Id,
    Dev,
    Port,
}

/// mptcp_parse_opt()'s words: the flags (strcmp, mptcp_addr_flag_names[]
/// order), then id, dev, port (prefixes); any other word is the address.
static OPTS: Table<Opt> = Table::new(
    "ip mptcp endpoint add",
    &[
        exact("signal", Opt::Flag(FLAG_SIGNAL)),
        exact("subflow", Opt::Flag(2)),
        exact("backup", Opt::Flag(FLAG_BACKUP)),
        exact("fullmesh", Opt::Flag(FLAG_FULLMESH)),
        exact("nobackup", Opt::Flag(0)),
        exact("nofullmesh", Opt::Flag(0)),
        kw("id", Opt::Id),
        kw("dev", Opt::Dev),
        kw("port", Opt::Port),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lim {
    Subflows,
    AddAddr,
}

/// mptcp_parse_limit()'s words.
static LIMIT_OPTS: Table<Lim> =
    Table::new("ip mptcp limits set", &[kw("subflows", Lim::Subflows), kw("add_addr_accepted", Lim::AddAddr)]);

pub static KEYWORDS: &[&dyn Words] = &[&OBJECTS, &ENDPOINT, &LIMITS, &OPTS, &LIMIT_OPTS];

/// The flag names the listing prints, in mptcp_addr_flag_names[] order.
const FLAG_NAMES: [(&str, u32); 6] =
    [("signal", 1), ("subflow", 2), ("backup", 4), ("fullmesh", 8), ("nobackup", 0), ("nofullmesh", 0)];

fn unknown(w: &str) -> Exit {
    fail(255, &format!("Command \"{}\" is unknown, try \"ip mptcp help\".\n", w))
}

pub fn do_mptcp(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else { return Err(usage()) };
    let obj = OBJECTS.find(&w);
    if obj == Some(Obj::Help) {
        return Err(usage());
    }
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "mptcp_pm") else {
        return Err(Exit(1));
    };
    let mut word = w;
    match obj {
        Some(Obj::Endpoint) => {
            let Some(sub) = args.next() else { return addr_show(ctx, &mut g, family, args) };
            return match ENDPOINT.find(&sub) {
                Some(CMD_GET_ADDR) => addr_show(ctx, &mut g, family, args),
                Some(CMD_FLUSH_ADDRS) => talk(&mut g, &mut request(family, CMD_FLUSH_ADDRS)),
                Some(cmd) => {
                    let mut req = request(family, cmd);
                    parse_opt(ctx, args, &mut req, cmd)?;
                    talk(&mut g, &mut req)
                }
                None => Err(unknown(&sub)),
            };
        }
        Some(Obj::Limits) => {
            let Some(sub) = args.next() else { return limit_get_set(ctx, &mut g, family, args, CMD_GET_LIMITS) };
            if let Some(cmd) = LIMITS.find(&sub) {
                return limit_get_set(ctx, &mut g, family, args, cmd);
            }
            // An unknown word after "limits" is tried as "monitor".
            word = sub;
        }
        _ => {}
    }
    if crate::args::matches(&word, "monitor") {
        return match args.next() {
            None => monitor(ctx, &mut g, family),
            Some(extra) => Err(unknown(&extra)),
        };
    }
    Err(unknown(&word))
}

fn request(family: u16, cmd: u8) -> Req {
    genl::request(family, cmd, MPTCP_PM_VER, NLM_F_REQUEST)
}

fn talk(g: &mut Rtnl, req: &mut Req) -> Res<i32> {
    Ok(if g.talk(req).is_err() { 2 } else { 0 })
}

/// mptcp_parse_opt(): the ADDR nest of an endpoint request.
fn parse_opt(ctx: &mut Ctx, mut a: Args, req: &mut Req, cmd: u8) -> Res<()> {
    let setting = cmd == CMD_SET_FLAGS;
    let adding = cmd == CMD_ADD_ADDR;
    let deling = cmd == CMD_DEL_ADDR;
    let mut address = None;
    let mut id: Option<u8> = None;
    let mut index = 0u32;
    let mut flags = 0u32;
    let mut port = 0u16;
    ctx.init_map()?;
    while let Some(w) = a.next() {
        match OPTS.find(&w) {
            Some(Opt::Flag(f)) => {
                flags |= f;
                if adding && flags & FLAG_SIGNAL != 0 && flags & FLAG_FULLMESH != 0 {
                    return Err(invarg("flags mustn't have both signal and fullmesh", &w));
                }
                // only the 'backup' and 'fullmesh' flags may change
                if setting && flags & !(FLAG_BACKUP | FLAG_FULLMESH) != 0 {
                    return Err(invarg("invalid flags, backup and fullmesh only", &w));
                }
            }
            Some(Opt::Id) => {
                let v = a.value()?;
                match crate::args::num::get_u8(&v, 0) {
                    Some(n) => id = Some(n),
                    None => return Err(invarg("invalid ID\n", &v)),
                }
            }
            Some(Opt::Dev) => {
                let v = a.value()?;
                if !crate::names::link::check_ifname(&v) {
                    return Err(invarg("invalid interface name\n", &v));
                }
                index = ctx.ifindex(&v);
                if index == 0 {
                    return Err(invarg("device does not exist\n", &v));
                }
            }
            Some(Opt::Port) => {
                let v = a.value()?;
                match crate::args::num::get_u16(&v, 0) {
                    Some(n) => port = n,
                    None => return Err(invarg("expected port", &v)),
                }
            }
            None => address = Some(crate::inet::get_addr(&w, AF_UNSPEC)?),
        }
    }
    if address.is_none() && adding {
        return Err(crate::error::missarg("ADDRESS"));
    }
    if deling {
        match id {
            None => return Err(crate::error::missarg("ID")),
            Some(n) if n != 0 && address.is_some() => {
                return Err(invarg("invalid for non-zero id address\n", "ADDRESS"));
            }
            Some(0) if address.is_none() => {
                return Err(invarg("address is needed for deleting id 0 address\n", "ID"));
            }
            _ => {}
        }
    }
    if adding && port != 0 && flags & FLAG_SIGNAL == 0 {
        return Err(invarg("flags must have signal when using port", "port"));
    }
    if setting && id.is_some() && port != 0 {
        return Err(invarg("port can't be used with id", "port"));
    }
    let nest = req.nest(MPTCP_PM_ATTR_ADDR | NLA_F_NESTED);
    if let Some(n) = id {
        req.attr_u8(ADDR_ATTR_ID, n);
    }
    if flags != 0 {
        req.attr_u32(ADDR_ATTR_FLAGS, flags);
    }
    if index != 0 {
        req.attr_u32(ADDR_ATTR_IF_IDX, index);
    }
    if port != 0 {
        req.attr_u16(ADDR_ATTR_PORT, port);
    }
    if let Some(ad) = address {
        req.attr_u16(ADDR_ATTR_FAMILY, u16::from(ad.family));
        let t = if ad.family == AF_INET { ADDR_ATTR_ADDR4 } else { ADDR_ATTR_ADDR6 };
        req.attr(t, &ad.data[..usize::from(ad.bytelen).min(ad.data.len())]);
    }
    req.nest_end(nest);
    Ok(())
}

fn addr_show(ctx: &mut Ctx, g: &mut Rtnl, family: u16, args: Args) -> Res<i32> {
    if args.is_empty() {
        return addr_dump(ctx, g, family);
    }
    let mut req = request(family, CMD_GET_ADDR);
    parse_opt(ctx, args, &mut req, CMD_GET_ADDR)?;
    let Ok(answer) = g.talk_answer(&mut req) else { return Ok(2) };
    ctx.p.new_json_obj();
    let rc = match msgs(&answer).next() {
        Some(m) => print_addr(ctx, family, m),
        None => Ok(()),
    };
    ctx.p.delete_json_obj();
    Ok(if rc.is_err() { 1 } else { 0 })
}

fn addr_dump(ctx: &mut Ctx, g: &mut Rtnl, family: u16) -> Res<i32> {
    let mut req = request(family, CMD_GET_ADDR);
    if let Err(e) = g.dump_request(&mut req) {
        return Err(fail(1, &format!("Cannot send show request: {}\n", strerror(e))));
    }
    ctx.init_map()?;
    ctx.p.new_json_obj();
    let ok = g.dump(|m| print_addr(ctx, family, m).map_err(|_| Exit(2)));
    if !matches!(ok, Ok(true)) {
        eprint_raw("Dump terminated\n");
        ctx.p.delete_json_obj();
        return Ok(2);
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// print_mptcp_addr(): Err when the message has no address.
fn print_addr(ctx: &mut Ctx, family: u16, m: Msg) -> Result<(), ()> {
    if m.ty != family {
        return Ok(());
    }
    let Some((_, attrs)) = genl::payload(&m) else { return Err(()) };
    let tb = Tb::parse(attrs, MPTCP_PM_ATTR_MAX);
    let Some(info) = tb.get(MPTCP_PM_ATTR_ADDR) else { return Err(()) };
    let tb = Tb::parse(info, ADDR_ATTR_MAX);
    let p = &mut ctx.p;
    p.open_object(None);
    let af = tb.get(ADDR_ATTR_FAMILY).and_then(get_u8).unwrap_or(AF_UNSPEC);
    let t = if af == AF_INET { ADDR_ATTR_ADDR4 } else { ADDR_ATTR_ADDR6 };
    if let Some(a) = tb.get(t) {
        let h = crate::inet::format_host(af, a, ctx.o.resolve > 0);
        p.string(T::Any, "address", "{} ", &h);
    }
    if let Some(port) = tb.get(ADDR_ATTR_PORT).and_then(get_u16) {
        if port != 0 {
            p.uint(T::Any, "port", "port {} ", u64::from(port));
        }
    }
    if let Some(id) = tb.get(ADDR_ATTR_ID).and_then(get_u8) {
        p.uint(T::Any, "id", "id {} ", u64::from(id));
    }
    if let Some(mut flags) = tb.get(ADDR_ATTR_FLAGS).and_then(get_u32) {
        for (name, mask) in FLAG_NAMES {
            if flags & mask != 0 {
                p.fpf(format_args!("{} ", name));
                p.bool(T::Json, name, "", true);
            }
            flags &= !mask;
        }
        if flags != 0 {
            p.string(T::Any, "rawflags", "rawflags {} ", &format!("{:02x}", flags));
        }
    }
    if let Some(index) = tb.get(ADDR_ATTR_IF_IDX).and_then(get_u32) {
        if index != 0 {
            let name = ctx.ifname(index);
            ctx.p.string(T::Any, "dev", "dev {} ", &name);
        }
    }
    let p = &mut ctx.p;
    p.close_object();
    p.fp("\n");
    let _ = p.flush();
    Ok(())
}

/// mptcp_limit_get_set(); the answer of a get is printed without a JSON
/// context (6.1.0 never opens one here, so -j prints text).
fn limit_get_set(ctx: &mut Ctx, g: &mut Rtnl, family: u16, mut a: Args, cmd: u8) -> Res<i32> {
    let mut req = request(family, cmd);
    let mut subflows = None;
    let mut rcv = None;
    while let Some(w) = a.next() {
        match LIMIT_OPTS.find(&w) {
            Some(Lim::Subflows) => {
                let v = a.value()?;
                match crate::args::num::get_u32(&v, 0) {
                    Some(n) => subflows = Some(n),
                    None => return Err(invarg("invalid subflows\n", &v)),
                }
            }
            Some(Lim::AddAddr) => {
                let v = a.value()?;
                match crate::args::num::get_u32(&v, 0) {
                    Some(n) => rcv = Some(n),
                    None => return Err(invarg("invalid add_addr_accepted\n", &v)),
                }
            }
            None => return Err(invarg("unknown limit", &w)),
        }
    }
    if let Some(n) = rcv {
        req.attr_u32(MPTCP_PM_ATTR_RCV_ADD_ADDRS, n);
    }
    if let Some(n) = subflows {
        req.attr_u32(MPTCP_PM_ATTR_SUBFLOWS, n);
    }
    if cmd != CMD_GET_LIMITS {
        return talk(g, &mut req);
    }
    let Ok(answer) = g.talk_answer(&mut req) else { return Ok(2) };
    let Some(m) = msgs(&answer).next() else { return Ok(0) };
    if m.ty != family {
        return Ok(0);
    }
    let Some((_, attrs)) = genl::payload(&m) else { return Ok(1) };
    let tb = Tb::parse(attrs, MPTCP_PM_ATTR_MAX);
    let mut s = String::new();
    if let Some(v) = tb.get(MPTCP_PM_ATTR_RCV_ADD_ADDRS).and_then(get_u32) {
        s.push_str(&format!("add_addr_accepted {} ", v as i32));
    }
    if let Some(v) = tb.get(MPTCP_PM_ATTR_SUBFLOWS).and_then(get_u32) {
        s.push_str(&format!("subflows {} ", v as i32));
    }
    s.push('\n');
    ctx.p.raw(s.as_bytes());
    let _ = ctx.p.flush();
    Ok(0)
}

/// The event names of event_to_str[], by command.
fn event_name(cmd: u8) -> Option<&'static str> {
    Some(match cmd {
        1 => "CREATED",
        2 => "ESTABLISHED",
        3 => "CLOSED",
        6 => "ANNOUNCED",
        7 => "REMOVED",
        10 => "SF_ESTABLISHED",
        11 => "SF_CLOSED",
        13 => "SF_PRIO",
        _ => return None,
    })
}

/// mptcp_monitor(): joins the events group and prints each event.
fn monitor(ctx: &mut Ctx, g: &mut Rtnl, family: u16) -> Res<i32> {
    if let Err(e) = genl::add_mcast_grp(g, family, "mptcp_pm_events") {
        eprint_raw(&format!("can't subscribe to mptcp events: {}\n", strerror(e)));
        return Ok(1);
    }
    let mut buf = vec![0u8; 1 << 15];
    loop {
        let n = match g.recv_event(&mut buf) {
            Ok((0, _)) => {
                eprint_raw("EOF on netlink\n");
                return Ok(2);
            }
            Ok((n, _)) => n,
            Err(libc::EINTR) | Err(libc::EAGAIN) => continue,
            Err(e) => {
                eprint_raw(&format!("netlink receive error {} ({})\n", strerror(e), e));
                return Ok(2);
            }
        };
        let data = buf[..n.min(buf.len())].to_vec();
        for m in msgs(&data) {
            monitor_msg(ctx, family, m);
        }
    }
}

/// print_timestamp().
fn timestamp(ctx: &Ctx) -> String {
    let (secs, usecs) = crate::sys::now();
    if ctx.o.tshort > 0 {
        let t = crate::sys::strftime_local(secs, "%Y-%m-%dT%H:%M:%S").unwrap_or_default();
        format!("[{}.{:06}] ", t, usecs)
    } else {
        format!("Timestamp: {} {} usec\n", crate::sys::asctime(secs), usecs)
    }
}

/// mptcp_monitor_msg(): one event line.
fn monitor_msg(ctx: &mut Ctx, family: u16, m: Msg) {
    let Some((cmd, attrs)) = genl::payload(&m) else { return };
    if m.ty != family {
        return;
    }
    let mut s = String::new();
    if ctx.o.timestamp > 0 {
        s.push_str(&timestamp(ctx));
    }
    let Some(name) = event_name(cmd) else {
        s.push_str(&format!("[UNKNOWN {}]\n", cmd));
        ctx.p.raw(s.as_bytes());
        let _ = ctx.p.flush();
        return;
    };
    s.push_str(&format!("[{:>14}]", name));
    let tb = Tb::parse(attrs, MPTCP_ATTR_MAX);
    s.push_str(&format!(" token={:08x}", tb.u32(1).unwrap_or(0)));
    if let Some(v) = tb.u8(4) {
        s.push_str(&format!(" remid={}", v));
    }
    if let Some(v) = tb.u8(3) {
        s.push_str(&format!(" locid={}", v));
    }
    for (t, key, af) in
        [(5u16, "saddr4", AF_INET), (7, "daddr4", AF_INET), (6, "saddr6", AF_INET6), (8, "daddr6", AF_INET6)]
    {
        if let Some(a) = tb.get(t).and_then(|d| crate::inet::inet_ntop_str(af, d)) {
            s.push_str(&format!(" {}={}", key, a));
        }
    }
    if let Some(v) = tb.get(9).and_then(get_be16) {
        s.push_str(&format!(" sport={}", v));
    }
    if let Some(v) = tb.get(10).and_then(get_be16) {
        s.push_str(&format!(" dport={}", v));
    }
    if let Some(v) = tb.u8(11) {
        s.push_str(&format!(" backup={}", v));
    }
    if let Some(v) = tb.u8(12) {
        s.push_str(&format!(" error={}", v));
    }
    if let Some(v) = tb.u16(13) {
        s.push_str(&format!(" flags={:x}", v));
    }
    if let Some(v) = tb.u32(14) {
        s.push_str(&format!(" timeout={}", v));
    }
    if let Some(v) = tb.i32(15) {
        s.push_str(&format!(" ifindex={}", v));
    }
    if let Some(v) = tb.u32(16) {
        s.push_str(&format!(" reset_reason={}", v));
    }
    if let Some(v) = tb.u32(17) {
        s.push_str(&format!(" reset_flags=0x{:x}", v));
    }
    s.push('\n');
    ctx.p.raw(s.as_bytes());
    let _ = ctx.p.flush();
}
