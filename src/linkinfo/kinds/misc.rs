//! Small kinds of iproute2 6.1.0 that this kernel may lack but whose
//! plug-in still shapes `ip link add|set ... type KIND ARGS`: the help-only
//! ones (ifb, dummy, nlmon, vcan, netdevsim, team, team_slave, virt_wifi:
//! their words after the kind are ignored and the request is sent), and
//! batadv, dsa, rmnet and wwan with their few options.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{get_u16, get_u32};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, Res};
use crate::netlink::{Req, Tb};
use crate::print::T;

/// "Usage: ... KIND" of the kinds without options (virt_wifi has a
/// trailing blank).
pub fn plain_help(kind: &str, out: &mut dyn std::io::Write) {
    let sp = if kind == "virt_wifi" { " " } else { "" };
    let _ = writeln!(out, "Usage: ... {}{}", kind, sp);
}

const IFLA_BATADV_ALGO_NAME: u16 = 1;

const BATADV_HELP: &str = "Usage: ... batadv [ ra ROUTING_ALG ]

Where: ROUTING_ALG := { BATMAN_IV | BATMAN_V }
";

pub fn batadv_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(BATADV_HELP.as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatadvOpt {
    Ra,
    Help,
}

/// The option words of `ip link type batadv`, in the order the parser tests them.
pub static BATADV_OPTS: Table<BatadvOpt> =
    Table::new("ip link type batadv", &[kw("ra", BatadvOpt::Ra), kw("help", BatadvOpt::Help)]);

pub fn batadv_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let k = BATADV_OPTS.find(&w);
        if k == Some(BatadvOpt::Ra) {
            let v = args.value()?;
            req.attr_str(IFLA_BATADV_ALGO_NAME, &v);
        } else if k == Some(BatadvOpt::Help) {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DsaOpt {
    Conduit,
    Master,
    Help,
}

/// The option words of `ip link type dsa`, in the order the parser tests them.
pub static DSA_OPTS: Table<DsaOpt> = Table::new(
    "ip link type dsa",
    &[exact("conduit", DsaOpt::Conduit), exact("master", DsaOpt::Master), exact("help", DsaOpt::Help)],
);

pub fn dsa_parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let k = DSA_OPTS.find(&w);
        // Exact words here, not prefixes.
        if k == Some(DsaOpt::Conduit) || k == Some(DsaOpt::Master) {
            let v = args.value()?;
            let idx = ctx.ifindex(&v);
            if idx == 0 {
                return Err(invarg("Device does not exist\n", &v));
            }
            req.attr_u32(IFLA_DSA_MASTER, idx);
        } else if k == Some(DsaOpt::Help) {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RmnetOpt {
    MuxId,
    Help,
}

/// The option words of `ip link type rmnet`, in the order the parser tests them.
pub static RMNET_OPTS: Table<RmnetOpt> =
    Table::new("ip link type rmnet", &[kw("mux_id", RmnetOpt::MuxId), kw("help", RmnetOpt::Help)]);

pub fn rmnet_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let k = RMNET_OPTS.find(&w);
        if k == Some(RmnetOpt::MuxId) {
            let v = args.value()?;
            let id = get_u16(&v, 0).ok_or_else(|| invarg("mux_id is invalid", &v))?;
            req.attr_u16(IFLA_RMNET_MUX_ID, id);
        } else if k == Some(RmnetOpt::Help) {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WwanOpt {
    Linkid,
    Help,
}

/// The option words of `ip link type wwan`, in the order the parser tests them.
pub static WWAN_OPTS: Table<WwanOpt> =
    Table::new("ip link type wwan", &[kw("linkid", WwanOpt::Linkid), kw("help", WwanOpt::Help)]);

pub fn wwan_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let k = WWAN_OPTS.find(&w);
        if k == Some(WwanOpt::Linkid) {
            let v = args.value()?;
            let id = get_u32(&v, 0).ok_or_else(|| invarg("linkid", &v))?;
            req.attr_u32(IFLA_WWAN_LINK_ID, id);
        } else if k == Some(WwanOpt::Help) {
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

// ---- bareudp, amt, hsr, gtp, ipoib (options and help only: this kernel
// has none of them, so they can never be shown here) ----

use crate::error::duparg2;
use crate::inet::{get_addr, InetPrefix};

const BAREUDP_HELP: &str = "Usage: ... bareudp dstport PORT
		ethertype PROTO
		[ srcportmin PORT ]
		[ [no]multiproto ]

Where:	PORT  := UDP_PORT
	PROTO := ETHERTYPE

Note: ETHERTYPE can be given as number or as protocol name (\"ipv4\", \"ipv6\",
      \"mpls_uc\", etc.).
";

pub fn bareudp_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(BAREUDP_HELP.as_bytes());
}

/// check_duparg() of the kinds that track attributes in a bit set.
fn dup(attrs: &mut u64, t: u16, key: &str, arg: &str) -> Res<()> {
    if *attrs & (1u64 << t) != 0 {
        return Err(duparg2(key, arg));
    }
    *attrs |= 1u64 << t;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BareudpOpt {
    Dstport,
    Ethertype,
    Srcportmin,
    Multiproto,
    Nomultiproto,
    Help,
}

/// The option words of `ip link type bareudp`, in the order the parser tests them.
pub static BAREUDP_OPTS: Table<BareudpOpt> = Table::new(
    "ip link type bareudp",
    &[
        kw("dstport", BareudpOpt::Dstport),
        kw("ethertype", BareudpOpt::Ethertype),
        kw("srcportmin", BareudpOpt::Srcportmin),
        kw("multiproto", BareudpOpt::Multiproto),
        kw("nomultiproto", BareudpOpt::Nomultiproto),
        kw("help", BareudpOpt::Help),
    ],
);

pub fn bareudp_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    const PORT: u16 = 1;
    const ETHERTYPE: u16 = 2;
    const SRCPORT_MIN: u16 = 3;
    const MULTIPROTO_MODE: u16 = 4;
    let mut attrs: u64 = 0;
    let (mut dstport, mut ethertype, mut srcportmin) = (0u16, 0u16, 0u16);
    let mut multiproto = false;
    while let Some(w) = args.next() {
        let k = BAREUDP_OPTS.find(&w);
        if k == Some(BareudpOpt::Dstport) {
            let v = args.value()?;
            dup(&mut attrs, PORT, "dstport", &v)?;
            dstport = get_u16(&v, 0).ok_or_else(|| invarg("dstport", &v))?;
        } else if k == Some(BareudpOpt::Ethertype) {
            let v = args.value()?;
            dup(&mut attrs, ETHERTYPE, "ethertype", &v)?;
            ethertype = crate::names::ll_proto::ll_proto_a2n(&v).ok_or_else(|| invarg("ethertype", &v))?;
        } else if k == Some(BareudpOpt::Srcportmin) {
            let v = args.value()?;
            dup(&mut attrs, SRCPORT_MIN, "srcportmin", &v)?;
            srcportmin = get_u16(&v, 0).ok_or_else(|| invarg("srcportmin", &v))?;
        } else if k == Some(BareudpOpt::Multiproto) || k == Some(BareudpOpt::Nomultiproto) {
            dup(&mut attrs, MULTIPROTO_MODE, &w, &w)?;
            multiproto = k == Some(BareudpOpt::Multiproto);
        } else if k == Some(BareudpOpt::Help) {
            eprint_raw(BAREUDP_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("bareudp: unknown command \"{}\"?\n", w));
            eprint_raw(BAREUDP_HELP);
            return Ok(1);
        }
    }
    if attrs & (1 << PORT) == 0 {
        return Err(crate::error::missarg("dstport"));
    }
    if attrs & (1 << ETHERTYPE) == 0 {
        return Err(crate::error::missarg("ethertype"));
    }
    req.attr(PORT, &dstport.to_be_bytes());
    req.attr(ETHERTYPE, &ethertype.to_be_bytes());
    if attrs & (1 << SRCPORT_MIN) != 0 {
        req.attr_u16(SRCPORT_MIN, srcportmin);
    }
    if multiproto {
        req.attr(MULTIPROTO_MODE, &[]);
    }
    Ok(0)
}

const AMT_HELP: &str = "Usage: ... amt
               [ discovery IP_ADDRESS ]
               [ mode MODE ]
               [ local ADDR ]
               [ dev PHYS_DEV ]
               [ relay_port PORT ]
               [ gateway_port PORT ]
               [ max_tunnels NUMBER ]

Where: ADDR	:= { IP_ADDRESS }
       MODE	:= { gateway | relay }
";

pub fn amt_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(AMT_HELP.as_bytes());
}

/// The values of amt `mode`, compared whole; ids are IFLA_AMT_MODE.
pub static AMT_MODES: Table<u32> = Table::new("ip link type amt mode", &[exact("gateway", 0), exact("relay", 1)]);

/// amt_parse_opt()'s words (strcmp), each mapped to itself.
pub static AMT_OPTS: Table<&str> = Table::new(
    "ip link type amt",
    &[
        exact("mode", "mode"),
        exact("relay_port", "relay_port"),
        exact("gateway_port", "gateway_port"),
        exact("max_tunnels", "max_tunnels"),
        exact("dev", "dev"),
        exact("local", "local"),
        exact("discovery", "discovery"),
        exact("help", "help"),
    ],
);

pub fn amt_parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    const MODE: u16 = 1;
    const RELAY_PORT: u16 = 2;
    const GATEWAY_PORT: u16 = 3;
    const LINK: u16 = 4;
    const LOCAL_IP: u16 = 5;
    const DISCOVERY_IP: u16 = 7;
    const MAX_TUNNELS: u16 = 8;
    let mut attrs: u64 = 0;
    let mut daddr = InetPrefix::default();
    while let Some(w) = args.next() {
        match AMT_OPTS.find(&w).unwrap_or_default() {
            "mode" => {
                let v = args.value()?;
                let Some(m) = AMT_MODES.find(&v) else {
                    eprint_raw(AMT_HELP);
                    return Ok(1);
                };
                req.attr_u32(MODE, m);
            }
            "relay_port" | "gateway_port" => {
                let v = args.value()?;
                let p = get_u16(&v, 0).ok_or_else(|| invarg(&w, &v))?;
                req.attr(if w == "relay_port" { RELAY_PORT } else { GATEWAY_PORT }, &p.to_be_bytes());
            }
            "max_tunnels" => {
                let v = args.value()?;
                req.attr_u32(MAX_TUNNELS, get_u32(&v, 0).ok_or_else(|| invarg("max_tunnels", &v))?);
            }
            "dev" => {
                let v = args.value()?;
                let link = ctx.ifindex(&v);
                if link == 0 {
                    return Err(crate::error::no_device(v));
                }
                req.attr_u32(LINK, link);
            }
            "local" => {
                let v = args.value()?;
                dup(&mut attrs, LOCAL_IP, "local", &v)?;
                // iproute2 takes the family of the discovery address here.
                let s = get_addr(&v, daddr.family)?;
                if s.is_inet() {
                    req.attr(LOCAL_IP, s.bytes());
                }
            }
            "discovery" => {
                let v = args.value()?;
                dup(&mut attrs, DISCOVERY_IP, "discovery", &v)?;
                daddr = get_addr(&v, daddr.family)?;
                if daddr.is_inet() {
                    req.attr(DISCOVERY_IP, daddr.bytes());
                }
            }
            "help" => {
                eprint_raw(AMT_HELP);
                return Ok(1);
            }
            _ => {
                eprint_raw(&format!("amt: unknown command \"{}\"?\n", w));
                eprint_raw(AMT_HELP);
                return Ok(1);
            }
        }
    }
    Ok(0)
}

const HSR_HELP: &str = "Usage:\tip link add name NAME type hsr slave1 SLAVE1-IF slave2 SLAVE2-IF
\t[ supervision ADDR-BYTE ] [version VERSION] [proto PROTOCOL]

NAME
	name of new hsr device (e.g. hsr0)
SLAVE1-IF, SLAVE2-IF
	the two slave devices bound to the HSR device
ADDR-BYTE
	0-255; the last byte of the multicast address used for HSR supervision
	frames (default = 0)
VERSION
	0,1; the protocol version to be used. (default = 0)
PROTOCOL
	0 - HSR, 1 - PRP. (default = 0 - HSR)
";

pub fn hsr_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HSR_HELP.as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HsrOpt {
    Supervision,
    Version,
    Proto,
    Slave1,
    Slave2,
    Help,
}

/// The option words of `ip link type hsr`, in the order the parser tests them.
pub static HSR_OPTS: Table<HsrOpt> = Table::new(
    "ip link type hsr",
    &[
        kw("supervision", HsrOpt::Supervision),
        kw("version", HsrOpt::Version),
        kw("proto", HsrOpt::Proto),
        kw("slave1", HsrOpt::Slave1),
        kw("slave2", HsrOpt::Slave2),
        kw("help", HsrOpt::Help),
    ],
);

pub fn hsr_parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    const SLAVE1: u16 = 1;
    const SLAVE2: u16 = 2;
    const MULTICAST_SPEC: u16 = 3;
    const VERSION: u16 = 6;
    const PROTOCOL: u16 = 7;
    while let Some(w) = args.next() {
        let k = HSR_OPTS.find(&w);
        if k == Some(HsrOpt::Supervision) {
            let v = args.value()?;
            let b = crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("ADDR-BYTE is invalid", &v))?;
            req.attr_u8(MULTICAST_SPEC, b);
        } else if k == Some(HsrOpt::Version) {
            // iproute2 compares get_u8()'s status with 0 or 1, so any byte passes.
            let v = args.value()?;
            let b = crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("version is invalid", &v))?;
            req.attr_u8(VERSION, b);
        } else if k == Some(HsrOpt::Proto) {
            let v = args.value()?;
            let b = crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("protocol is invalid", &v))?;
            req.attr_u8(PROTOCOL, b);
        } else if k == Some(HsrOpt::Slave1) || k == Some(HsrOpt::Slave2) {
            let v = args.value()?;
            let idx = ctx.ifindex(&v);
            if idx == 0 {
                return Err(invarg("No such interface", &v));
            }
            req.attr_u32(if k == Some(HsrOpt::Slave1) { SLAVE1 } else { SLAVE2 }, idx);
        } else if k == Some(HsrOpt::Help) {
            eprint_raw(HSR_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("hsr: what is \"{}\"?\n", w));
            eprint_raw(HSR_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}

const GTP_HELP: &str = "Usage: ... gtp role ROLE
		[ hsize HSIZE ]
		[ restart_count RESTART_COUNT ]

Where:	ROLE		:= { sgsn | ggsn }
	HSIZE		:= 1-131071
	RESTART_COUNT	:= 0-255
";

pub fn gtp_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(GTP_HELP.as_bytes());
}

/// The values of gtp `role`, compared whole in gtp's order; ids are GTP_ROLE_*.
pub static GTP_ROLES: Table<u32> = Table::new("ip link type gtp role", &[exact("sgsn", 1), exact("ggsn", 0)]);

/// gtp_parse_opt()'s words (strcmp), each mapped to itself.
pub static GTP_OPTS: Table<&str> = Table::new(
    "ip link type gtp",
    &[exact("role", "role"), exact("hsize", "hsize"), exact("restart_count", "restart_count"), exact("help", "help")],
);

pub fn gtp_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    const PDP_HASHSIZE: u16 = 3;
    const ROLE: u16 = 4;
    const CREATE_SOCKETS: u16 = 5;
    const RESTART_COUNT: u16 = 6;
    let mut attrs: u64 = 0;
    req.attr_u8(CREATE_SOCKETS, 1);
    while let Some(w) = args.next() {
        match GTP_OPTS.find(&w).unwrap_or_default() {
            "role" => {
                let v = args.value()?;
                dup(&mut attrs, ROLE, "role", &v)?;
                let r = GTP_ROLES.find(&v).ok_or_else(|| invarg("invalid role, use sgsn or ggsn", &v))?;
                req.attr_u32(ROLE, r);
            }
            "hsize" => {
                let v = args.value()?;
                dup(&mut attrs, PDP_HASHSIZE, "hsize", &v)?;
                let h = get_u32(&v, 0).ok_or_else(|| invarg("invalid PDP hash size", &v))?;
                if h >= 1 << 17 {
                    return Err(invarg("PDP hash size too big", &v));
                }
                req.attr_u32(PDP_HASHSIZE, h);
            }
            "restart_count" => {
                let v = args.value()?;
                dup(&mut attrs, RESTART_COUNT, "restart_count", &v)?;
                let c = crate::args::num::get_u8(&v, 10).ok_or_else(|| invarg("invalid restart_count", &v))?;
                req.attr_u8(RESTART_COUNT, c);
            }
            "help" => {
                eprint_raw(GTP_HELP);
                return Ok(1);
            }
            // Other words are skipped without a word in 6.1.
            _ => {}
        }
    }
    if attrs & (1 << ROLE) == 0 {
        eprint_raw("gtp: role of the gtp device was not specified\n");
        return Ok(1);
    }
    if attrs & (1 << PDP_HASHSIZE) == 0 {
        req.attr_u32(PDP_HASHSIZE, 1024);
    }
    Ok(0)
}

const IPOIB_HELP: &str = "Usage: ... ipoib [ pkey PKEY ]
		 [ mode {datagram | connected} ]
		 [ umcast {0|1} ]

PKEY  := 0x8001-0xffff
";

pub fn ipoib_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(IPOIB_HELP.as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpoibOpt {
    Pkey,
    Mode,
    Umcast,
    Help,
}

/// The values of ipoib `mode`, compared whole; ids are IPOIB_MODE_*.
pub static IPOIB_MODES: Table<u16> =
    Table::new("ip link type ipoib mode", &[exact("datagram", 0), exact("connected", 1)]);

/// The option words of `ip link type ipoib`, in the order the parser tests them.
pub static IPOIB_OPTS: Table<IpoibOpt> = Table::new(
    "ip link type ipoib",
    &[
        kw("pkey", IpoibOpt::Pkey),
        kw("mode", IpoibOpt::Mode),
        kw("umcast", IpoibOpt::Umcast),
        kw("help", IpoibOpt::Help),
    ],
);

pub fn ipoib_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    const PKEY: u16 = 1;
    const MODE: u16 = 2;
    const UMCAST: u16 = 3;
    while let Some(w) = args.next() {
        let k = IPOIB_OPTS.find(&w);
        if k == Some(IpoibOpt::Pkey) {
            let v = args.value()?;
            req.attr_u16(PKEY, get_u16(&v, 0).ok_or_else(|| invarg("pkey is invalid", &v))?);
        } else if k == Some(IpoibOpt::Mode) {
            let v = args.value()?;
            let Some(m) = IPOIB_MODES.find(&v) else {
                eprint_raw("Error: argument of \"mode\" must be \"datagram\"or \"connected\"\n");
                return Ok(1);
            };
            req.attr_u16(MODE, m);
        } else if k == Some(IpoibOpt::Umcast) {
            let v = args.value()?;
            req.attr_u16(UMCAST, get_u16(&v, 0).ok_or_else(|| invarg("umcast is invalid", &v))?);
        } else if k == Some(IpoibOpt::Help) {
            eprint_raw(IPOIB_HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("ipoib: unknown option \"{}\"?\n", w));
            eprint_raw(IPOIB_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}
