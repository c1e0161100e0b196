//! `ip netconf` (ip/ipnetconf.c, 6.1.0): the per-device IPv4/IPv6
//! configuration the kernel reports (forwarding, rp_filter, ...), as one
//! dump, or one answer for `dev DEV` with a family. [`print_msg`] prints
//! one message, for the dump here and for `ip monitor netconf`.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Exit, Res};
use crate::names::LinkNames;
use crate::netlink::attr::{get_u32, msgs, Req, Tb};
use crate::netlink::consts::*;
use crate::print::{Color, Printer, T};

pub const USAGE: &str = "Usage: ip netconf show [ dev STRING ]\n";

/// usage(): stderr, exit(-1).
pub fn usage() -> Exit {
    fail(255, USAGE)
}

pub const RTM_NEWNETCONF: u16 = 80;
pub const RTM_DELNETCONF: u16 = 81;
const RTM_GETNETCONF: u16 = 82;

const NETCONFA_IFINDEX: u16 = 1;
const NETCONFA_FORWARDING: u16 = 2;
const NETCONFA_RP_FILTER: u16 = 3;
const NETCONFA_MC_FORWARDING: u16 = 4;
const NETCONFA_PROXY_NEIGH: u16 = 5;
const NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: u16 = 6;
const NETCONFA_INPUT: u16 = 7;
const NETCONFA_MAX: usize = 9;

const NETCONFA_IFINDEX_ALL: i32 = -1;
const NETCONFA_IFINDEX_DEFAULT: i32 = -2;

/// struct netconfmsg, aligned.
const NCM_LEN: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Show,
    Help,
}

/// do_ipnetconf()'s commands.
pub static COMMANDS: Table<Cmd> = Table::new(
    "ip netconf",
    &[kw("show", Cmd::Show), kw("lst", Cmd::Show), kw("list", Cmd::Show), kw("help", Cmd::Help)],
);

/// do_show()'s one word (others are skipped).
pub static SHOW: Table<()> = Table::new("ip netconf show", &[exact("dev", ())]);

/// The keyword tables of `ip netconf` (command table first).
pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SHOW];

pub fn do_ipnetconf(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Show) => show(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip netconf help\".\n", cmd))),
    }
}

/// print_netconf(): one RTM_NEWNETCONF/RTM_DELNETCONF message as a line;
/// `family`/`ifindex` are the filter (0: any). Err(()) where iproute2
/// returns -1.
pub fn print_msg(
    p: &mut Printer,
    names: &mut LinkNames,
    ty: u16,
    raw_len: usize,
    flags: u16,
    payload: &[u8],
    family: u8,
    ifindex: i32,
) -> Result<(), ()> {
    if ty == NLMSG_ERROR {
        return Err(());
    }
    if ty != RTM_NEWNETCONF && ty != RTM_DELNETCONF {
        crate::eprintf!("Not a netconf message: {:08x} {:08x} {:08x}\n", raw_len, ty, flags);
        return Err(());
    }
    if payload.len() < NCM_LEN {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", payload.len() as i64 - NCM_LEN as i64);
        return Err(());
    }
    let ncm_family = payload[0];
    if family != 0 && family != ncm_family {
        return Ok(());
    }
    let tb = Tb::parse(payload.get(NCM_LEN..).unwrap_or(&[]), NETCONFA_MAX);
    let idx = tb.u32(NETCONFA_IFINDEX).unwrap_or(0) as i32;
    if ifindex != 0 && ifindex != idx {
        return Ok(());
    }
    p.open_object(None);
    if ty == RTM_DELNETCONF {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    p.string(T::Any, "family", "{} ", crate::inet::family_name(ncm_family));
    if tb.has(NETCONFA_IFINDEX) {
        let dev = match idx {
            NETCONFA_IFINDEX_ALL => "all".to_string(),
            NETCONFA_IFINDEX_DEFAULT => "default".to_string(),
            i => names.name_own_socket(i as u32),
        };
        p.color_string(T::Any, Color::Ifname, "interface", "{} ", &dev);
    }
    let on_off = |p: &mut Printer, a: u16, key: &str, fmt: &'static str| {
        if let Some(v) = tb.get(a).and_then(get_u32) {
            p.on_off(T::Any, key, fmt, v != 0);
        }
    };
    on_off(p, NETCONFA_FORWARDING, "forwarding", "forwarding {} ");
    if let Some(rp) = tb.get(NETCONFA_RP_FILTER).and_then(get_u32) {
        match ["off", "strict", "loose"].get(rp as usize) {
            Some(n) => p.string(T::Any, "rp_filter", "rp_filter {} ", n),
            None => p.uint(T::Any, "rp_filter", "rp_filter {} ", rp as u64),
        }
    }
    on_off(p, NETCONFA_MC_FORWARDING, "mc_forwarding", "mc_forwarding {} ");
    on_off(p, NETCONFA_PROXY_NEIGH, "proxy_neigh", "proxy_neigh {} ");
    on_off(p, NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, "ignore_routes_with_linkdown", "ignore_routes_with_linkdown {} ");
    on_off(p, NETCONFA_INPUT, "input", "input {} ");
    p.close_object();
    p.fp("\n");
    Ok(())
}

/// do_show()
fn show(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let family = ctx.o.family;
    let mut ifindex = 0i32;
    while let Some(w) = a.next() {
        if SHOW.find(&w).is_some() {
            let dev = a.value()?;
            ifindex = ctx.ifindex(&dev) as i32;
            if ifindex <= 0 {
                crate::eprintf!("Device \"{}\" does not exist.\n", dev);
                return Ok(1);
            }
        }
    }
    ctx.init_map()?;
    // A replay asks the host nothing (no lookups on sockets of their own).
    if ctx.is_replay() {
        ctx.names.offline = true;
    }
    if ifindex != 0 && family != AF_UNSPEC {
        // rtnl_send() + rtnl_listen(print_netconf): the answer, up to the
        // ACK (or an error, silently); no JSON array on this path.
        let mut req = Req::new(RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_ACK, &[family, 0, 0, 0]);
        req.attr(NETCONFA_IFINDEX, &ifindex.to_ne_bytes());
        if let Ok(ans) = ctx.rtnl()?.talk_answer_quiet(&mut req) {
            let Ctx { p, names, .. } = ctx;
            for m in msgs(&ans) {
                if print_msg(p, names, m.ty, m.raw.len(), m.flags, m.payload, family, ifindex).is_err() {
                    break;
                }
            }
        }
        let _ = ctx.p.flush();
        return Ok(0);
    }
    // The dump (family as given; this kernel dumps AF_UNSPEC, so
    // iproute2's EOPNOTSUPP fallback to inet then inet6 is not reached).
    let mut req = Req::new(RTM_GETNETCONF, NLM_F_DUMP | NLM_F_REQUEST, &[family, 0, 0, 0]);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
        return Ok(1);
    }
    ctx.p.new_json_obj();
    let ok = ctx.dump_stream(|s, m| {
        print_msg(s.p, s.names, m.ty, m.raw.len(), m.flags, m.payload, family, ifindex).map_err(|_| Exit(-1))
    });
    if !matches!(ok, Ok(true)) {
        if let Err(e) = ok {
            if e.0 != -1 {
                return Err(e);
            }
        }
        let _ = ctx.p.flush();
        crate::error::say_dump_terminated();
        return Ok(1);
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Ok(0)
}
