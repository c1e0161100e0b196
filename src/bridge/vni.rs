//! `bridge vni` (bridge/vni.c, 6.1.0): the VNI filter of vxlan devices
//! (RTM_GETTUNNEL dump, family AF_BRIDGE) and add/delete.

use crate::args::keywords::{exact, Table};
use crate::args::Args;
use crate::ctx::{Ctx, Headers};
use crate::error::{fail, Exit, Res};
use crate::names::LinkNames;
use crate::netlink::attr::{align4, get_u32};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, Printer, T};

const RTM_NEWTUNNEL: u16 = 120;
const RTM_DELTUNNEL: u16 = 121;
const RTM_GETTUNNEL: u16 = 122;
const TUNNEL_MSG_FLAG_STATS: u8 = 1;

const VXLAN_VNIFILTER_ENTRY: u16 = 1;
const ENTRY_START: u16 = 1;
const ENTRY_END: u16 = 2;
const ENTRY_GROUP: u16 = 3;
const ENTRY_GROUP6: u16 = 4;
const ENTRY_STATS: u16 = 5;
const ENTRY_MAX: usize = 5;

pub const USAGE: &str = "Usage: bridge vni { add | del } vni VNI
\t\t[ { group | remote } IP_ADDRESS ]
\t\t[ dev DEV ]
       bridge vni { show }

Where:\tVNI\t:= 0-16777215
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Delete,
    Show,
    Help,
}

/// do_vni()'s commands (vni.c, 6.1.0), every one whole.
static COMMANDS: Table<Cmd> = Table::new(
    "bridge vni",
    &[
        exact("add", Cmd::Add),
        exact("delete", Cmd::Delete),
        exact("show", Cmd::Show),
        exact("lst", Cmd::Show),
        exact("list", Cmd::Show),
        exact("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AddOpt {
    Dev,
    Vni,
    Group,
    Remote,
    Help,
}

/// vni_modify()'s words (whole; the rest ignored).
static ADD: Table<AddOpt> = Table::new(
    "bridge vni add",
    &[
        exact("dev", AddOpt::Dev),
        exact("vni", AddOpt::Vni),
        exact("group", AddOpt::Group),
        exact("remote", AddOpt::Remote),
        exact("help", AddOpt::Help),
    ],
);

/// vni_show()'s one word (the rest ignored).
static SHOW: Table<()> = Table::new("bridge vni show", &[exact("dev", ())]);

/// This object's keyword tables, its command table first.
pub static KEYWORDS: &[&dyn crate::args::keywords::Words] = &[&COMMANDS, &ADD, &SHOW];

pub fn do_vni(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else { return vni_show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => vni_modify(ctx, RTM_NEWTUNNEL, args),
        Some(Cmd::Delete) => vni_modify(ctx, RTM_DELTUNNEL, args),
        Some(Cmd::Show) => vni_show(ctx, args),
        Some(Cmd::Help) => Err(fail(255, USAGE)),
        None => Err(crate::error::unknown_command(&cmd, "bridge vni")),
    }
}

fn is_multicast(fam: u8, b: &[u8]) -> bool {
    match fam {
        AF_INET => b.first().is_some_and(|&x| x & 0xf0 == 0xe0),
        AF_INET6 => b.first() == Some(&0xff),
        _ => false,
    }
}

fn is_unspecified(b: &[u8]) -> bool {
    b.iter().all(|&x| x == 0)
}

fn vni_modify(ctx: &mut Ctx, cmd: u16, mut args: Args) -> Res<i32> {
    let mut d: Option<String> = None;
    let mut vni: Option<String> = None;
    let mut group: Option<(u8, Vec<u8>)> = None;
    while let Some(w) = args.next() {
        match ADD.find(&w) {
            Some(AddOpt::Dev) => d = Some(args.value()?),
            Some(AddOpt::Vni) => {
                let v = args.value()?;
                if vni.is_some() {
                    return Err(crate::error::invarg("duplicate vni", &v));
                }
                vni = Some(v);
            }
            Some(AddOpt::Group) => {
                if group.is_some() {
                    return Err(crate::error::invarg("duplicate group", &w));
                }
                let v = args.value()?;
                let a = crate::inet::get_addr(&v, AF_UNSPEC).map(|a| (a.family, a.bytes().to_vec()))?;
                if !is_multicast(a.0, &a.1) {
                    return Err(crate::error::invarg("invalid group address", &v));
                }
                group = Some(a);
            }
            Some(AddOpt::Remote) => {
                if group.is_some() {
                    return Err(crate::error::invarg("duplicate group", &w));
                }
                let v = args.value()?;
                group = Some(crate::inet::get_addr(&v, AF_UNSPEC).map(|a| (a.family, a.bytes().to_vec()))?);
            }
            Some(AddOpt::Help) => return Err(fail(255, USAGE)),
            None => {}
        }
    }
    let (Some(d), Some(vni)) = (d, vni) else {
        crate::eprintf!("Device and VNI ID are required arguments.\n");
        return Ok(-1);
    };
    // tunnel_msg: family, flags, reserved, ifindex.
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    let mut req = Req::bounded(cmd, NLM_F_REQUEST, &hdr, crate::netlink::attr::bound::VLAN_OPTION_SET);
    // An address of an inet family picks GROUP or GROUP6; `any` and
    // `default` have no family and go out as attribute type 0.
    let group_type = match &group {
        Some((AF_INET, _)) => ENTRY_GROUP,
        Some((AF_INET6, _)) => ENTRY_GROUP6,
        _ => 0,
    };
    for tok in vni.split(',').filter(|t| !t.is_empty()) {
        let (start, end) = match tok.find('-') {
            Some(i) => (crate::args::num::atoi(&tok[..i]) as u32, crate::args::num::atoi(&tok[i + 1..]) as u32),
            None => (crate::args::num::atoi(tok) as u32, 0),
        };
        let n = req.nest(VXLAN_VNIFILTER_ENTRY | crate::netlink::attr::NLA_F_NESTED);
        req.attr_u32(ENTRY_START, start);
        if end != 0 {
            req.attr_u32(ENTRY_END, end);
        }
        if let Some((_, b)) = &group {
            req.attr(group_type, b);
        }
        req.nest_end(n);
    }
    let idx = ctx.ifindex(&d);
    if idx == 0 {
        crate::eprintf!("Cannot find vxlan device \"{}\"\n", d);
        return Ok(-1);
    }
    req.header_mut()[4..8].copy_from_slice(&idx.to_ne_bytes());
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

fn vni_show(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    while let Some(w) = args.next() {
        if SHOW.find(&w).is_some() {
            let v = args.value()?;
            if filter_dev.is_some() {
                return Err(crate::error::duparg("dev", &v));
            }
            filter_dev = Some(v);
        }
    }
    let mut index = 0u32;
    if let Some(d) = &filter_dev {
        index = ctx.ifindex(d);
        if index == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
    }
    ctx.p.new_json_obj();
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    hdr[1] = if ctx.o.stats > 0 { TUNNEL_MSG_FLAG_STATS } else { 0 };
    hdr[4..8].copy_from_slice(&index.to_ne_bytes());
    let mut req = Req::new(RTM_GETTUNNEL, NLM_F_DUMP | NLM_F_REQUEST, &hdr);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        return Err(crate::error::cannot_send_dump(e));
    }
    if !ctx.p.is_json() {
        ctx.p.raw(format!("{:<16}  {:<15}  {:<15}\n", "dev", "vni", "group/remote").as_bytes());
    }
    let hdr = ctx.headers;
    let ok = ctx
        .dump_stream(|sh, m| if print_vnifilter(sh.p, sh.names, hdr, &m, index) < 0 { Err(Exit(-1)) } else { Ok(()) });
    if !matches!(ok, Ok(true)) {
        // (sic) the reference's spelling.
        return Err(fail(1, "Dump ternminated\n"));
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

pub fn print_vnifilter(p: &mut Printer, names: &mut LinkNames, hdr: Headers, m: &Msg, filter: u32) -> i32 {
    if m.ty != RTM_NEWTUNNEL && m.ty != RTM_DELTUNNEL && m.ty != RTM_GETTUNNEL {
        crate::eprintf!("Unknown vni tunnel rtm msg: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some(h) = m.payload.get(..8) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 8);
        return -1;
    };
    if h[0] != AF_BRIDGE {
        return 0;
    }
    let ifindex = get_u32(&h[4..8]).unwrap_or(0);
    if filter != 0 && filter != ifindex {
        return 0;
    }
    hdr.print(p, "[TUNNEL]");
    if m.ty == RTM_DELTUNNEL {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    let mut first = true;
    let mut b = &m.payload[8..];
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]) & crate::netlink::attr::NLA_TYPE_MASK;
        if len < 4 || len > b.len() {
            break;
        }
        let data = &b[4..len];
        b = &b[align4(len).min(b.len())..];
        if t != VXLAN_VNIFILTER_ENTRY {
            continue;
        }
        if first {
            p.open_object(None);
            let n = names.name_own_socket(ifindex);
            p.field(
                T::Any,
                Color::Ifname,
                Some("ifname"),
                crate::print::J::Str(&n),
                format_args!("{:<16}  ", crate::print::fmt::C(&n)),
            );
            p.open_array(T::Json, "vnis");
            p.open_object(None);
            first = false;
        } else {
            p.open_object(None);
            p.fp(&format!("{:<16}  ", ""));
        }
        print_vni(p, data);
    }
    // The reference closes the port even when none was opened.
    p.close_array(T::Json, "");
    p.close_object();
    let sl = p.sl;
    p.fp(sl);
    0
}

fn print_vni(p: &mut Printer, data: &[u8]) {
    let tb = Tb::parse(data, ENTRY_MAX);
    let start = tb.u32(ENTRY_START).unwrap_or(0);
    let end = tb.u32(ENTRY_END).unwrap_or(0);
    if end != 0 {
        p.uint(T::Any, "vni", " {}", start as u64);
        if start != end {
            p.field(T::Any, Color::None, Some("vniEnd"), crate::print::J::U(end as u64), format_args!("-{:<14} ", end));
        }
    } else {
        p.field(T::Any, Color::None, Some("vni"), crate::print::J::U(start as u64), format_args!(" {:<14}", start));
    }
    if let Some(g) = tb.get(ENTRY_GROUP) {
        let a = g.get(..4).unwrap_or(&[0, 0, 0, 0]);
        if !is_unspecified(a) {
            let s = crate::inet::ntop_prefix(AF_INET, a).unwrap_or_default();
            let key = if is_multicast(AF_INET, a) { "group" } else { "remote" };
            p.string(T::Any, key, " {}", &s);
        }
    } else if let Some(g) = tb.get(ENTRY_GROUP6) {
        if let Some(a) = g.get(..16) {
            if !is_unspecified(a) {
                let s = crate::inet::ntop_prefix(AF_INET6, a).unwrap_or_default();
                let key = if is_multicast(AF_INET6, a) { "group" } else { "remote" };
                p.string(T::Any, key, " {}", &s);
            }
        }
    }
    if let Some(st) = tb.get(ENTRY_STATS) {
        let stb = Tb::parse(st, 10);
        p.open_object(Some("stats"));
        p.nl();
        p.fp(&format!("{:<16}   ", ""));
        p.fp("RX: ");
        for (a, key, fmt) in [
            (1u16, "rx_bytes", "bytes {} "),
            (2, "rx_pkts", "pkts {} "),
            (3, "rx_drops", "drops {} "),
            (4, "rx_errors", "errors {} "),
        ] {
            if let Some(v) = stb.u64(a) {
                p.uint(T::Any, key, fmt, v);
            }
        }
        p.nl();
        p.fp(&format!("{:<16}   ", ""));
        p.fp("TX: ");
        for (a, key, fmt) in [
            (5u16, "tx_bytes", "bytes {} "),
            (6, "tx_pkts", "pkts {} "),
            (7, "tx_drops", "drops {} "),
            (8, "tx_errors", "errors {} "),
        ] {
            if let Some(v) = stb.u64(a) {
                p.uint(T::Any, key, fmt, v);
            }
        }
        p.close_object();
    }
    p.close_object();
    let sl = p.sl;
    p.fp(sl);
}
