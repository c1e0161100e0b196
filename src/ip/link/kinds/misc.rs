//! Small kinds of iproute2 6.1.0 that this kernel may lack but whose
//! plug-in still shapes `ip link add|set ... type KIND ARGS`: the help-only
//! ones (ifb, dummy, nlmon, vcan, netdevsim, team, team_slave, virt_wifi:
//! their words after the kind are ignored and the request is sent), and
//! batadv, dsa, rmnet and wwan with their few options.

use crate::cli::{invarg, matches, Args};
use crate::error::{eprint_raw, Res};
use crate::ip::Ctx;
use crate::netlink::{Req, Tb};
use crate::print::T;
use crate::util::{get_u16, get_u32};

/// "Usage: ... KIND" of the kinds without options (virt_wifi has a
/// trailing blank).
pub fn plain_help(kind: &str, out: &mut dyn std::io::Write) {
    let sp = if kind == "virt_wifi" { " " } else { "" };
    let _ = write!(out, "Usage: ... {}{}\n", kind, sp);
}

const IFLA_BATADV_ALGO_NAME: u16 = 1;

const BATADV_HELP: &str = "Usage: ... batadv [ ra ROUTING_ALG ]

Where: ROUTING_ALG := { BATMAN_IV | BATMAN_V }
";

pub fn batadv_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(BATADV_HELP.as_bytes());
}

pub fn batadv_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req) -> Res<i32> {
    while let Some(w) = args.next() {
        if matches(&w, "ra") {
            let v = args.value()?;
            req.attr_str(IFLA_BATADV_ALGO_NAME, &v);
        } else if matches(&w, "help") {
            eprint_raw(BATADV_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("batadv: unknown command \"{}\"?\n", w));
            eprint_raw(BATADV_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}

const IFLA_DSA_MASTER: u16 = 1;
const DSA_HELP: &str = "Usage: ... dsa [ conduit DEVICE ]\n";

pub fn dsa_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(DSA_HELP.as_bytes());
}

pub fn dsa_parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req) -> Res<i32> {
    while let Some(w) = args.next() {
        // Exact words here, not prefixes.
        if w == "conduit" || w == "master" {
            let v = args.value()?;
            let idx = ctx.ifindex(&v);
            if idx == 0 {
                return Err(invarg("Device does not exist\n", &v));
            }
            req.attr_u32(IFLA_DSA_MASTER, idx);
        } else if w == "help" {
            eprint_raw(DSA_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("dsa: unknown command \"{}\"?\n", w));
            eprint_raw(DSA_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}

pub fn dsa_print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, 1);
    if let Some(i) = tb.u32(IFLA_DSA_MASTER) {
        let name = ctx.ifname(i);
        ctx.p.string(T::Any, "conduit", "conduit {} ", &name);
    }
}

const IFLA_RMNET_MUX_ID: u16 = 1;
const RMNET_HELP: &str = "Usage: ... rmnet mux_id MUXID

MUXID := 1-254
";

pub fn rmnet_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(RMNET_HELP.as_bytes());
}

pub fn rmnet_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req) -> Res<i32> {
    while let Some(w) = args.next() {
        if matches(&w, "mux_id") {
            let v = args.value()?;
            let id = get_u16(&v, 0).ok_or_else(|| invarg("mux_id is invalid", &v))?;
            req.attr_u16(IFLA_RMNET_MUX_ID, id);
        } else if matches(&w, "help") {
            eprint_raw(RMNET_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("rmnet: unknown command \"{}\"?\n", w));
            eprint_raw(RMNET_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}

pub fn rmnet_print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, 2);
    if let Some(v) = tb.u16(IFLA_RMNET_MUX_ID) {
        ctx.p.uint(T::Any, "mux_id", "mux_id {} ", u64::from(v));
    }
}

const IFLA_WWAN_LINK_ID: u16 = 1;
const WWAN_HELP: &str = "Usage: ... wwan linkid LINKID

Where: LINKID := 0-4294967295
";

pub fn wwan_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(WWAN_HELP.as_bytes());
}

pub fn wwan_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req) -> Res<i32> {
    while let Some(w) = args.next() {
        if matches(&w, "linkid") {
            let v = args.value()?;
            let id = get_u32(&v, 0).ok_or_else(|| invarg("linkid", &v))?;
            req.attr_u32(IFLA_WWAN_LINK_ID, id);
        } else if matches(&w, "help") {
            eprint_raw(WWAN_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("wwan: unknown command \"{}\"?\n", w));
            eprint_raw(WWAN_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}

pub fn wwan_print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, 1);
    if let Some(v) = tb.u32(IFLA_WWAN_LINK_ID) {
        ctx.p.uint(T::Any, "linkid", "linkid {} ", u64::from(v));
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::run;
    use super::*;

    #[test]
    fn printing() {
        let mut r = Req::new(0, 0, &[]);
        r.attr_u32(IFLA_DSA_MASTER, 3);
        assert_eq!(run(dsa_print, "dsa", &r.bytes()[16..], false, &[(3, "eth0")]), "conduit eth0 ");
        let mut r = Req::new(0, 0, &[]);
        r.attr_u16(IFLA_RMNET_MUX_ID, 7);
        assert_eq!(run(rmnet_print, "rmnet", &r.bytes()[16..], true, &[]), "\"info_data\":{\"mux_id\":7}");
        let mut r = Req::new(0, 0, &[]);
        r.attr_u32(IFLA_WWAN_LINK_ID, 9);
        assert_eq!(run(wwan_print, "wwan", &r.bytes()[16..], false, &[]), "linkid 9 ");
    }
}
