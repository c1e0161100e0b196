//! `ip link xstats type TYPE [ARGS]` (ip/iplink_xstats.c, and the bond
//! side of ip/iplink_bond.c).

use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, Exit, Res};
use crate::linkinfo::kinds;
use crate::netlink::consts::*;
use crate::netlink::{Req, Tb};

const RTM_GETSTATS: u16 = 94;
const IFLA_STATS_LINK_XSTATS: u32 = 2;
const IFLA_STATS_LINK_XSTATS_SLAVE: u32 = 3;
pub(super) const IFLA_STATS_AF_SPEC: u16 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum X {
    Type,
    Help,
}

/// iplink_ifla_xstats()'s first word.
pub(super) static OPTIONS: Table<X> = Table::new("ip link xstats", &[kw("type", X::Type), kw("help", X::Help)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum B {
    Lacp,
    Dev,
    Help,
}

/// bond_parse_xstats() (ip/iplink_bond.c), the bond and bond_slave kinds.
pub(super) static BOND_OPTIONS: Table<B> = Table::new(
    "ip link xstats type bond",
    &[exact("lacp", B::Lacp), exact("802.3ad", B::Lacp), exact("dev", B::Dev), exact("help", B::Help)],
);

/// iplink_ifla_xstats(): `ip link xstats type TYPE [ARGS]`.
pub fn iplink_xstats(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else {
        eprint_raw("xstats: missing argument\n");
        return Ok(1);
    };
    let kind = match OPTIONS.find(&w) {
        Some(X::Type) => {
            let v = args.value()?;
            if !kinds::known(&v) {
                return Err(invarg("invalid type", &v));
            }
            v
        }
        Some(X::Help) => {
            ctx.p.raw(b"Usage: ... xstats type TYPE [ ARGS ]\n");
            return Ok(0);
        }
        None => return Err(invarg("unknown argument", &w)),
    };
    let bond = match kind.as_str() {
        "bridge" | "bridge_slave" => false,
        "bond" | "bond_slave" => true,
        _ => {
            eprint_raw(&format!("xstats: link type {} doesn't support xstats\n", kind));
            return Ok(1);
        }
    };
    // parse_ifla_xstats: the bridge's lives with the bridge kind.
    let mut sel = kinds::bridge::XstatsSel::default();
    if bond {
        match bond_parse_xstats(ctx, &kind, &mut args)? {
            Ok(idx) => sel.ifindex = idx,
            Err(rc) => return Ok(rc),
        }
    } else {
        match kinds::bridge::parse_xstats(ctx, &kind, &mut args)? {
            Ok(s) => sel = s,
            Err(rc) => return Ok(rc),
        }
    }
    let mask = if kind.contains("_slave") { IFLA_STATS_LINK_XSTATS_SLAVE } else { IFLA_STATS_LINK_XSTATS };
    let mut req = stats_request(1 << (mask - 1));
    if ctx.rtnl()?.dump_request(&mut req).is_err() {
        eprint_raw("Cannont send dump request\n");
        return Ok(1);
    }
    ctx.p.new_json_obj();
    // Collected first: printing resolves names through the same socket.
    let mut found: Vec<Vec<u8>> = Vec::new();
    let ok = ctx.rtnl()?.dump(|m| {
        found.push(m.payload.to_vec());
        Ok(())
    })?;
    let mut failed = !ok;
    for payload in &found {
        if failed {
            break;
        }
        if bond {
            bond_print_xstats(payload, sel.ifindex);
        } else if kinds::bridge::print_xstats(ctx, sel, payload) < 0 {
            failed = true;
        }
    }
    ctx.p.delete_json_obj();
    if failed {
        eprint_raw("Dump terminated\n");
        return Ok(1);
    }
    Ok(0)
}

/// bond_parse_xstats(): `[lacp|802.3ad] [dev DEV] [help]`; the device
/// filter's ifindex (0: all).
fn bond_parse_xstats(ctx: &mut Ctx, kind: &str, args: &mut Args) -> Res<Result<u32, i32>> {
    let mut filter = 0;
    while let Some(a) = args.next() {
        match BOND_OPTIONS.find(&a) {
            Some(B::Lacp) => {}
            Some(B::Dev) => {
                let d = args.value()?;
                filter = ctx.ifindex(&d);
                if filter == 0 {
                    crate::error::say_no_device(d);
                    return Ok(Err(1));
                }
            }
            Some(B::Help) => {
                ctx.p.raw(format!("Usage: ... {} [ 802.3ad ] [ dev DEVICE ]\n", kind).as_bytes());
                return Err(Exit(0));
            }
            None => return Err(invarg("unknown attribute", &a)),
        }
    }
    Ok(Ok(filter))
}

/// bond_print_xstats(): only devices with extended statistics reach the
/// printer (below).
fn bond_print_xstats(payload: &[u8], filter: u32) {
    if filter != 0 && crate::netlink::attr::hdr_u32(payload, 4) != filter {
        return;
    }
    let tb = Tb::parse(payload.get(12..).unwrap_or(&[]), 8);
    if tb.has(IFLA_STATS_LINK_XSTATS as u16) || tb.has(IFLA_STATS_LINK_XSTATS_SLAVE as u16) {
        bond_print_stats_attr();
    }
}

/// bond_print_stats_attr(): iproute2 6.1.0 parses this attribute into a
/// table one entry too small, so the first device with extended
/// statistics ends it with the stack protector's abort (stdout unflushed).
fn bond_print_stats_attr() {
    eprint_raw("*** stack smashing detected ***: terminated\n");
    std::process::abort();
}

/// A RTM_GETSTATS request for every link with one filter bit.
pub(super) fn stats_request(filter_mask: u32) -> Req {
    // struct if_stats_msg: family, pad1, pad2(u16), ifindex, filter_mask.
    let mut hdr = [0u8; 12];
    hdr[8..12].copy_from_slice(&filter_mask.to_ne_bytes());
    let mut req = Req::new(RTM_GETSTATS, NLM_F_REQUEST | NLM_F_DUMP, &hdr);
    // rtnl_statsdump_req_filter() sends its whole zeroed struct ipstats_req
    // (128 bytes of room for filters) past nlmsg_len; the kernel ignores them.
    req.buf.extend_from_slice(&[0u8; 128]);
    req
}
