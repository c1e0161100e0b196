//! `type geneve` options and help (ip/iplink_geneve.c, 6.1.0). This kernel
//! has no geneve: a device can never be shown here, so only the requests
//! (checked against iproute2's bytes) and the texts are provided.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{get_u16, get_unsigned};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{duparg2, invarg};
use crate::error::{eprint_raw, Res};
use crate::inet::{get_addr, InetPrefix};
use crate::netlink::consts::{AF_INET, AF_UNSPEC, NLM_F_CREATE, RTM_NEWLINK};
use crate::netlink::Req;

const IFLA_GENEVE_ID: u16 = 1;
const IFLA_GENEVE_REMOTE: u16 = 2;
const IFLA_GENEVE_TTL: u16 = 3;
const IFLA_GENEVE_TOS: u16 = 4;
const IFLA_GENEVE_PORT: u16 = 5;
const IFLA_GENEVE_COLLECT_METADATA: u16 = 6;
const IFLA_GENEVE_REMOTE6: u16 = 7;
const IFLA_GENEVE_UDP_CSUM: u16 = 8;
const IFLA_GENEVE_UDP_ZERO_CSUM6_TX: u16 = 9;
const IFLA_GENEVE_UDP_ZERO_CSUM6_RX: u16 = 10;
const IFLA_GENEVE_LABEL: u16 = 11;
const IFLA_GENEVE_TTL_INHERIT: u16 = 12;
const IFLA_GENEVE_DF: u16 = 13;
const IFLA_GENEVE_INNER_PROTO_INHERIT: u16 = 14;

pub const HELP: &str = "Usage: ... geneve id VNI
		remote ADDR
		[ ttl TTL ]
		[ tos TOS ]
		[ df DF ]
		[ flowlabel LABEL ]
		[ dstport PORT ]
		[ [no]external ]
		[ [no]udpcsum ]
		[ [no]udp6zerocsumtx ]
		[ [no]udp6zerocsumrx ]
		[ innerprotoinherit ]

Where:	VNI   := 0-16777215
	ADDR  := IP_ADDRESS
	TOS   := { NUMBER | inherit }
	TTL   := { 1..255 | auto | inherit }
	DF    := { unset | set | inherit }
	LABEL := 0-1048575
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// geneve_parse_opt()'s words in its order, each mapped to itself (the
/// parser matches on the full word).
pub static OPTS: Table<&str> = Table::new(
    "ip link type geneve",
    &[
        kw("id", "id"),
        kw("vni", "vni"),
        kw("remote", "remote"),
        kw("ttl", "ttl"),
        kw("hoplimit", "hoplimit"),
        kw("tos", "tos"),
        kw("dsfield", "dsfield"),
        kw("df", "df"),
        kw("label", "label"),
        kw("flowlabel", "flowlabel"),
        kw("dstport", "dstport"),
        kw("external", "external"),
        kw("noexternal", "noexternal"),
        kw("udpcsum", "udpcsum"),
        kw("noudpcsum", "noudpcsum"),
        kw("udp6zerocsumtx", "udp6zerocsumtx"),
        kw("noudp6zerocsumtx", "noudp6zerocsumtx"),
        kw("udp6zerocsumrx", "udp6zerocsumrx"),
        kw("noudp6zerocsumrx", "noudp6zerocsumrx"),
        exact("innerprotoinherit", "innerprotoinherit"),
        kw("help", "help"),
    ],
);

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut daddr = InetPrefix::default();
    let mut vni: u32 = 0;
    let mut label: u32 = 0;
    let mut ttl: u8 = 0;
    let mut tos: u8 = 0;
    let mut dstport: u16 = 0;
    let mut metadata = false;
    let (mut udpcsum, mut tx, mut rx) = (0u8, 0u8, 0u8);
    let mut inner = false;
    let mut attrs: u64 = 0;
    let (ty, flags) = super::common::req_type_flags(req);
    let set_op = ty == RTM_NEWLINK && flags & NLM_F_CREATE == 0;
    let is_set = |attrs: u64, t: u16| attrs & (1u64 << t) != 0;
    let dup = |attrs: &mut u64, t: u16, key: &str, arg: &str| -> Res<()> {
        if *attrs & (1u64 << t) != 0 {
            return Err(duparg2(key, arg));
        }
        *attrs |= 1u64 << t;
        Ok(())
    };
    while let Some(w) = args.next() {
        let Some(word) = OPTS.find(&w) else {
            eprint_raw(&format!("geneve: unknown command \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        };
        match word {
            "help" => {
                eprint_raw(HELP);
                return Ok(1);
            }
            "id" | "vni" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_ID, "id", &v)?;
                match get_unsigned(&v, 0) {
                    Some(n) if n < 1 << 24 => vni = n,
                    _ => return Err(invarg("invalid id", &v)),
                }
            }
            "remote" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_REMOTE, "remote", &v)?;
                daddr = get_addr(&v, AF_UNSPEC)?;
                if !daddr.is_inet_not_multi() {
                    return Err(invarg("invalid remote address", &v));
                }
            }
            "ttl" | "hoplimit" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_TTL, "ttl", &v)?;
                if v == "inherit" {
                    req.attr_u8(IFLA_GENEVE_TTL_INHERIT, 1);
                } else if v != "auto" {
                    let n = get_unsigned(&v, 0).ok_or_else(|| invarg("invalid TTL", &v))?;
                    if n > 255 {
                        return Err(invarg("TTL must be <= 255", &v));
                    }
                    ttl = n as u8;
                }
            }
            "tos" | "dsfield" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_TOS, "tos", &v)?;
                tos = if v != "inherit" {
                    crate::names::tables::dsfield_a2n(&v).map(|d| d as u8).ok_or_else(|| invarg("bad TOS value", &v))?
                } else {
                    1
                };
            }
            "df" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_DF, "df", &v)?;
                let df = match v.as_str() {
                    "unset" => 0,
                    "set" => 1,
                    "inherit" => 2,
                    _ => return Err(invarg("DF must be 'unset', 'set' or 'inherit'", &v)),
                };
                req.attr_u8(IFLA_GENEVE_DF, df);
            }
            "label" | "flowlabel" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_LABEL, "flowlabel", &v)?;
                match get_unsigned(&v, 0) {
                    Some(n) if n & !0xfffff == 0 => label = n,
                    _ => return Err(invarg("invalid flowlabel", &v)),
                }
            }
            "dstport" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_GENEVE_PORT, "dstport", &v)?;
                dstport = get_u16(&v, 0).ok_or_else(|| invarg("dstport", &v))?;
            }
            "external" | "noexternal" => {
                dup(&mut attrs, IFLA_GENEVE_COLLECT_METADATA, &w, &w)?;
                metadata = word == "external";
            }
            "udpcsum" | "noudpcsum" => {
                dup(&mut attrs, IFLA_GENEVE_UDP_CSUM, &w, &w)?;
                udpcsum = u8::from(word == "udpcsum");
            }
            "udp6zerocsumtx" | "noudp6zerocsumtx" => {
                dup(&mut attrs, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, &w, &w)?;
                tx = u8::from(word == "udp6zerocsumtx");
            }
            "udp6zerocsumrx" | "noudp6zerocsumrx" => {
                dup(&mut attrs, IFLA_GENEVE_UDP_ZERO_CSUM6_RX, &w, &w)?;
                rx = u8::from(word == "udp6zerocsumrx");
            }
            _ => {
                // innerprotoinherit
                dup(&mut attrs, IFLA_GENEVE_INNER_PROTO_INHERIT, &w, &w)?;
                inner = true;
            }
        }
    }
    if metadata && is_set(attrs, IFLA_GENEVE_ID) {
        eprint_raw("geneve: both 'external' and vni cannot be specified\n");
        return Ok(1);
    }
    if !metadata {
        if !is_set(attrs, IFLA_GENEVE_ID) {
            eprint_raw("geneve: missing virtual network identifier\n");
            return Ok(1);
        }
        if !set_op && !daddr.is_inet() {
            eprint_raw("geneve: remote link partner not specified\n");
            return Ok(1);
        }
    }
    req.attr_u32(IFLA_GENEVE_ID, vni);
    if daddr.is_inet() {
        let t = if daddr.family == AF_INET { IFLA_GENEVE_REMOTE } else { IFLA_GENEVE_REMOTE6 };
        req.attr(t, daddr.bytes());
    }
    if !set_op || is_set(attrs, IFLA_GENEVE_LABEL) {
        req.attr(IFLA_GENEVE_LABEL, &label.to_be_bytes());
    }
    if !set_op || is_set(attrs, IFLA_GENEVE_TTL) {
        req.attr_u8(IFLA_GENEVE_TTL, ttl);
    }
    if !set_op || is_set(attrs, IFLA_GENEVE_TOS) {
        req.attr_u8(IFLA_GENEVE_TOS, tos);
    }
    if dstport != 0 {
        req.attr(IFLA_GENEVE_PORT, &dstport.to_be_bytes());
    }
    if metadata {
        req.attr(IFLA_GENEVE_COLLECT_METADATA, &[]);
    }
    if inner {
        req.attr(IFLA_GENEVE_INNER_PROTO_INHERIT, &[]);
    }
    if is_set(attrs, IFLA_GENEVE_UDP_CSUM) {
        req.attr_u8(IFLA_GENEVE_UDP_CSUM, udpcsum);
    }
    if is_set(attrs, IFLA_GENEVE_UDP_ZERO_CSUM6_TX) {
        req.attr_u8(IFLA_GENEVE_UDP_ZERO_CSUM6_TX, tx);
    }
    if is_set(attrs, IFLA_GENEVE_UDP_ZERO_CSUM6_RX) {
        req.attr_u8(IFLA_GENEVE_UDP_ZERO_CSUM6_RX, rx);
    }
    Ok(0)
}
