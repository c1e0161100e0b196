//! `type vxlan` (ip/iplink_vxlan.c, 6.1.0): options, the `-d` block and
//! JSON `info_data`, and the help.

use super::common::req_type_flags;
use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{get_u16, get_unsigned};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{duparg2, invarg};
use crate::error::{eprint_raw, Exit, Res};
use crate::inet::format_host;
use crate::inet::{get_addr, InetPrefix};
use crate::netlink::attr::{get_be16, get_u32};
use crate::netlink::consts::{AF_INET, AF_INET6, NLM_F_CREATE, RTM_NEWLINK};
use crate::netlink::{Req, Tb};
use crate::print::T;

pub const IFLA_VXLAN_ID: u16 = 1;
pub const IFLA_VXLAN_GROUP: u16 = 2;
pub const IFLA_VXLAN_LINK: u16 = 3;
pub const IFLA_VXLAN_LOCAL: u16 = 4;
pub const IFLA_VXLAN_TTL: u16 = 5;
pub const IFLA_VXLAN_TOS: u16 = 6;
pub const IFLA_VXLAN_LEARNING: u16 = 7;
pub const IFLA_VXLAN_AGEING: u16 = 8;
pub const IFLA_VXLAN_LIMIT: u16 = 9;
pub const IFLA_VXLAN_PORT_RANGE: u16 = 10;
pub const IFLA_VXLAN_PROXY: u16 = 11;
pub const IFLA_VXLAN_RSC: u16 = 12;
pub const IFLA_VXLAN_L2MISS: u16 = 13;
pub const IFLA_VXLAN_L3MISS: u16 = 14;
pub const IFLA_VXLAN_PORT: u16 = 15;
pub const IFLA_VXLAN_GROUP6: u16 = 16;
pub const IFLA_VXLAN_LOCAL6: u16 = 17;
pub const IFLA_VXLAN_UDP_CSUM: u16 = 18;
pub const IFLA_VXLAN_UDP_ZERO_CSUM6_TX: u16 = 19;
pub const IFLA_VXLAN_UDP_ZERO_CSUM6_RX: u16 = 20;
pub const IFLA_VXLAN_REMCSUM_TX: u16 = 21;
pub const IFLA_VXLAN_REMCSUM_RX: u16 = 22;
pub const IFLA_VXLAN_GBP: u16 = 23;
pub const IFLA_VXLAN_COLLECT_METADATA: u16 = 25;
pub const IFLA_VXLAN_LABEL: u16 = 26;
pub const IFLA_VXLAN_GPE: u16 = 27;
pub const IFLA_VXLAN_TTL_INHERIT: u16 = 28;
pub const IFLA_VXLAN_DF: u16 = 29;
pub const IFLA_VXLAN_VNIFILTER: u16 = 30;
pub const IFLA_VXLAN_MAX: usize = 30;

const VXLAN_DF_UNSET: u8 = 0;
const VXLAN_DF_SET: u8 = 1;
const VXLAN_DF_INHERIT: u8 = 2;

pub const HELP: &str = "Usage: ... vxlan id VNI
		[ { group | remote } IP_ADDRESS ]
		[ local ADDR ]
		[ ttl TTL ]
		[ tos TOS ]
		[ df DF ]
		[ flowlabel LABEL ]
		[ dev PHYS_DEV ]
		[ dstport PORT ]
		[ srcport MIN MAX ]
		[ [no]learning ]
		[ [no]proxy ]
		[ [no]rsc ]
		[ [no]l2miss ]
		[ [no]l3miss ]
		[ ageing SECONDS ]
		[ maxaddress NUMBER ]
		[ [no]udpcsum ]
		[ [no]udp6zerocsumtx ]
		[ [no]udp6zerocsumrx ]
		[ [no]remcsumtx ] [ [no]remcsumrx ]
		[ [no]external ] [ gbp ] [ gpe ]
		[ [no]vnifilter ]

Where:	VNI	:= 0-16777215
	ADDR	:= { IP_ADDRESS | any }
	TOS	:= { NUMBER | inherit }
	TTL	:= { 1..255 | auto | inherit }
	DF	:= { unset | set | inherit }
	LABEL := 0-1048575
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// vxlan_parse_opt()'s words in its order, each mapped to itself (the
/// parser matches on the full word).
pub static OPTS: Table<&str> = Table::new(
    "ip link type vxlan",
    &[
        kw("id", "id"),
        kw("vni", "vni"),
        kw("group", "group"),
        kw("remote", "remote"),
        kw("local", "local"),
        kw("dev", "dev"),
        kw("ttl", "ttl"),
        kw("hoplimit", "hoplimit"),
        kw("tos", "tos"),
        kw("dsfield", "dsfield"),
        kw("df", "df"),
        kw("label", "label"),
        kw("flowlabel", "flowlabel"),
        kw("ageing", "ageing"),
        kw("maxaddress", "maxaddress"),
        kw("port", "port"),
        kw("srcport", "srcport"),
        kw("dstport", "dstport"),
        kw("nolearning", "nolearning"),
        kw("learning", "learning"),
        kw("noproxy", "noproxy"),
        kw("proxy", "proxy"),
        kw("norsc", "norsc"),
        kw("rsc", "rsc"),
        kw("nol2miss", "nol2miss"),
        kw("l2miss", "l2miss"),
        kw("nol3miss", "nol3miss"),
        kw("l3miss", "l3miss"),
        kw("udpcsum", "udpcsum"),
        kw("noudpcsum", "noudpcsum"),
        kw("udp6zerocsumtx", "udp6zerocsumtx"),
        kw("noudp6zerocsumtx", "noudp6zerocsumtx"),
        kw("udp6zerocsumrx", "udp6zerocsumrx"),
        kw("noudp6zerocsumrx", "noudp6zerocsumrx"),
        kw("remcsumtx", "remcsumtx"),
        kw("noremcsumtx", "noremcsumtx"),
        kw("remcsumrx", "remcsumrx"),
        kw("noremcsumrx", "noremcsumrx"),
        kw("external", "external"),
        kw("noexternal", "noexternal"),
        kw("gbp", "gbp"),
        kw("gpe", "gpe"),
        exact("vnifilter", "vnifilter"),
        exact("novnifilter", "novnifilter"),
        kw("help", "help"),
    ],
);

/// Boolean options sent as a u8 0/1 at once: (word, attribute, value).
const FLAGS8: &[(&str, u16, u8)] = &[
    ("noproxy", IFLA_VXLAN_PROXY, 0),
    ("proxy", IFLA_VXLAN_PROXY, 1),
    ("norsc", IFLA_VXLAN_RSC, 0),
    ("rsc", IFLA_VXLAN_RSC, 1),
    ("nol2miss", IFLA_VXLAN_L2MISS, 0),
    ("l2miss", IFLA_VXLAN_L2MISS, 1),
    ("nol3miss", IFLA_VXLAN_L3MISS, 0),
    ("l3miss", IFLA_VXLAN_L3MISS, 1),
    ("udpcsum", IFLA_VXLAN_UDP_CSUM, 1),
    ("noudpcsum", IFLA_VXLAN_UDP_CSUM, 0),
    ("udp6zerocsumtx", IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 1),
    ("noudp6zerocsumtx", IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 0),
    ("udp6zerocsumrx", IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 1),
    ("noudp6zerocsumrx", IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 0),
    ("remcsumtx", IFLA_VXLAN_REMCSUM_TX, 1),
    ("noremcsumtx", IFLA_VXLAN_REMCSUM_TX, 0),
    ("remcsumrx", IFLA_VXLAN_REMCSUM_RX, 1),
    ("noremcsumrx", IFLA_VXLAN_REMCSUM_RX, 0),
];

pub fn parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut saddr = InetPrefix::default();
    let mut daddr = InetPrefix::default();
    let mut vni: u32 = 0;
    let mut learning: u8 = 1;
    let mut dstport: u16 = 0;
    let mut metadata: u8 = 0;
    let mut vnifilter: u8 = 0;
    let mut attrs: u64 = 0;
    let (ty, flags) = req_type_flags(req);
    let set_op = ty == RTM_NEWLINK && flags & NLM_F_CREATE == 0;
    let is_set = |attrs: u64, t: u16| attrs & (1u64 << t) != 0;
    // check_duparg(): a second use of an attribute is duparg2 (exit 255).
    let dup = |attrs: &mut u64, t: u16, key: &str, arg: &str| -> Res<()> {
        if *attrs & (1u64 << t) != 0 {
            return Err(duparg2(key, arg));
        }
        *attrs |= 1u64 << t;
        Ok(())
    };

    while let Some(w) = args.next() {
        let Some(word) = OPTS.find(&w) else {
            eprint_raw(&format!("vxlan: unknown command \"{}\"?\n", w));
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
                dup(&mut attrs, IFLA_VXLAN_ID, "id", &v)?;
                match get_unsigned(&v, 0) {
                    Some(n) if n < 1 << 24 => vni = n,
                    _ => return Err(invarg("invalid id", &v)),
                }
            }
            "group" | "remote" => {
                let group = word == "group";
                let conflict = if group { daddr.is_inet_not_multi() } else { daddr.is_inet_multi() };
                if conflict {
                    eprint_raw("vxlan: both group and remote cannot be specified\n");
                    return Ok(1);
                }
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_GROUP, word, &v)?;
                daddr = get_addr(&v, saddr.family)?;
                if group && !daddr.is_inet_multi() {
                    return Err(invarg("invalid group address", &v));
                }
                if !group && !daddr.is_inet_not_multi() {
                    return Err(invarg("invalid remote address", &v));
                }
            }
            "local" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_LOCAL, "local", &v)?;
                saddr = get_addr(&v, daddr.family)?;
                if !saddr.is_inet_not_multi() {
                    return Err(invarg("invalid local address", &v));
                }
            }
            "dev" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_LINK, "dev", &v)?;
                let link = ctx.ifindex(&v);
                if link == 0 {
                    return Err(crate::error::no_device(v));
                }
                req.attr_u32(IFLA_VXLAN_LINK, link);
            }
            "ttl" | "hoplimit" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_TTL, "ttl", &v)?;
                if v == "inherit" {
                    req.attr(IFLA_VXLAN_TTL_INHERIT, &[]);
                } else if v == "auto" {
                    req.attr_u8(IFLA_VXLAN_TTL, 0);
                } else {
                    let n = get_unsigned(&v, 0).ok_or_else(|| invarg("invalid TTL", &v))?;
                    if n > 255 {
                        return Err(invarg("TTL must be <= 255", &v));
                    }
                    req.attr_u8(IFLA_VXLAN_TTL, n as u8);
                }
            }
            "tos" | "dsfield" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_TOS, "tos", &v)?;
                let tos = if v != "inherit" {
                    crate::names::tables::dsfield_a2n(&v).map(|d| d as u8).ok_or_else(|| invarg("bad TOS value", &v))?
                } else {
                    1
                };
                req.attr_u8(IFLA_VXLAN_TOS, tos);
            }
            "df" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_DF, "df", &v)?;
                let df = match v.as_str() {
                    "unset" => VXLAN_DF_UNSET,
                    "set" => VXLAN_DF_SET,
                    "inherit" => VXLAN_DF_INHERIT,
                    _ => return Err(invarg("DF must be 'unset', 'set' or 'inherit'", &v)),
                };
                req.attr_u8(IFLA_VXLAN_DF, df);
            }
            "label" | "flowlabel" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_LABEL, "flowlabel", &v)?;
                match get_unsigned(&v, 0) {
                    Some(n) if n & !0xfffff == 0 => req.attr(IFLA_VXLAN_LABEL, &n.to_be_bytes()),
                    _ => return Err(invarg("invalid flowlabel", &v)),
                }
            }
            "ageing" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_AGEING, "ageing", &v)?;
                let age =
                    if v == "none" { 0 } else { get_unsigned(&v, 0).ok_or_else(|| invarg("ageing timer", &v))? };
                req.attr_u32(IFLA_VXLAN_AGEING, age);
            }
            "maxaddress" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_LIMIT, "maxaddress", &v)?;
                let n = if v == "unlimited" {
                    0
                } else {
                    get_unsigned(&v, 0).ok_or_else(|| invarg("max addresses", &v))?
                };
                req.attr_u32(IFLA_VXLAN_LIMIT, n);
            }
            "port" | "srcport" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_PORT_RANGE, "srcport", &v)?;
                let low = get_u16(&v, 0).ok_or_else(|| invarg("min port", &v))?;
                let v2 = args.value()?;
                let high = get_u16(&v2, 0).ok_or_else(|| invarg("max port", &v2))?;
                if low != 0 || high != 0 {
                    let mut b = low.to_be_bytes().to_vec();
                    b.extend_from_slice(&high.to_be_bytes());
                    req.attr(IFLA_VXLAN_PORT_RANGE, &b);
                }
            }
            "dstport" => {
                let v = args.value()?;
                dup(&mut attrs, IFLA_VXLAN_PORT, "dstport", &v)?;
                dstport = get_u16(&v, 0).ok_or_else(|| invarg("dst port", &v))?;
            }
            "nolearning" | "learning" => {
                dup(&mut attrs, IFLA_VXLAN_LEARNING, &w, &w)?;
                learning = u8::from(word == "learning");
            }
            "external" | "noexternal" => {
                dup(&mut attrs, IFLA_VXLAN_COLLECT_METADATA, &w, &w)?;
                if word == "external" {
                    metadata = 1;
                    learning = 0;
                } else {
                    metadata = 0;
                }
                req.attr_u8(IFLA_VXLAN_COLLECT_METADATA, metadata);
            }
            "gbp" => {
                dup(&mut attrs, IFLA_VXLAN_GBP, &w, &w)?;
                req.attr(IFLA_VXLAN_GBP, &[]);
            }
            "gpe" => {
                dup(&mut attrs, IFLA_VXLAN_GPE, &w, &w)?;
                req.attr(IFLA_VXLAN_GPE, &[]);
            }
            "vnifilter" | "novnifilter" => {
                dup(&mut attrs, IFLA_VXLAN_VNIFILTER, &w, &w)?;
                let on = u8::from(word == "vnifilter");
                req.attr_u8(IFLA_VXLAN_VNIFILTER, on);
                if on == 1 {
                    vnifilter = 1;
                }
            }
            _ => {
                let Some((_, t, v)) = FLAGS8.iter().find(|(k, _, _)| *k == word) else {
                    return Err(Exit(1));
                };
                dup(&mut attrs, *t, &w, &w)?;
                req.attr_u8(*t, *v);
            }
        }
    }

    if metadata == 0 && vnifilter != 0 {
        eprint_raw("vxlan: vnifilter is valid only when 'external' is set\n");
        return Ok(1);
    }
    if metadata != 0 && is_set(attrs, IFLA_VXLAN_ID) {
        eprint_raw("vxlan: both 'external' and vni cannot be specified\n");
        return Ok(1);
    }
    if metadata == 0 && vnifilter == 0 && !is_set(attrs, IFLA_VXLAN_ID) && !set_op {
        eprint_raw("vxlan: missing virtual network identifier\n");
        return Ok(1);
    }
    if daddr.is_inet_multi() && !is_set(attrs, IFLA_VXLAN_LINK) {
        eprint_raw("vxlan: 'group' requires 'dev' to be specified\n");
        return Ok(1);
    }
    if !is_set(attrs, IFLA_VXLAN_PORT) && is_set(attrs, IFLA_VXLAN_GPE) {
        dstport = 4790;
    } else if !is_set(attrs, IFLA_VXLAN_PORT) && !set_op {
        eprint_raw(
            "vxlan: destination port not specified\n\
             Will use Linux kernel default (non-standard value)\n\
             Use 'dstport 4789' to get the IANA assigned value\n\
             Use 'dstport 0' to get default and quiet this message\n",
        );
    }

    if is_set(attrs, IFLA_VXLAN_ID) {
        req.attr_u32(IFLA_VXLAN_ID, vni);
    }
    let mut selected_family = false;
    if saddr.is_inet() {
        let t = if saddr.family == AF_INET { IFLA_VXLAN_LOCAL } else { IFLA_VXLAN_LOCAL6 };
        req.attr(t, saddr.bytes());
        selected_family = true;
    }
    if daddr.is_inet() {
        let t = if daddr.family == AF_INET { IFLA_VXLAN_GROUP } else { IFLA_VXLAN_GROUP6 };
        req.attr(t, daddr.bytes());
        selected_family = true;
    }
    if !selected_family {
        if ctx.o.family == AF_INET {
            req.attr(IFLA_VXLAN_GROUP, &[0; 4]);
        } else if ctx.o.family == AF_INET6 {
            req.attr(IFLA_VXLAN_GROUP6, &[0; 16]);
        }
    }
    if !set_op || is_set(attrs, IFLA_VXLAN_LEARNING) {
        req.attr_u8(IFLA_VXLAN_LEARNING, learning);
    }
    if dstport != 0 {
        req.attr(IFLA_VXLAN_PORT, &dstport.to_be_bytes());
    }
    Ok(0)
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_VXLAN_MAX);
    let flag = |ty: u16| tb.u8(ty).unwrap_or(0) != 0;
    if tb.has(IFLA_VXLAN_COLLECT_METADATA) && flag(IFLA_VXLAN_COLLECT_METADATA) {
        ctx.p.bool(T::Any, "external", "external ", true);
    }
    if tb.has(IFLA_VXLAN_VNIFILTER) && flag(IFLA_VXLAN_VNIFILTER) {
        // No space after it in 6.1.
        ctx.p.bool(T::Any, "vnifilter", "vnifilter", true);
    }
    if let Some(id) = tb.get(IFLA_VXLAN_ID).and_then(get_u32) {
        ctx.p.uint(T::Any, "id", "id {} ", u64::from(id));
    }
    if let Some(d) = tb.get(IFLA_VXLAN_GROUP) {
        let a = d.get(..4).unwrap_or(&[0; 4]);
        if a != [0; 4] {
            let s = format_host(AF_INET, a, ctx.o.resolve > 0);
            if a[0] & 0xf0 == 0xe0 {
                ctx.p.string(T::Any, "group", "group {} ", &s);
            } else {
                ctx.p.string(T::Any, "remote", "remote {} ", &s);
            }
        }
    } else if let Some(d) = tb.get(IFLA_VXLAN_GROUP6) {
        let a = d.get(..16).unwrap_or(&[0; 16]);
        if a != [0; 16] {
            let s = format_host(AF_INET6, a, ctx.o.resolve > 0);
            if a[0] == 0xff {
                ctx.p.string(T::Any, "group6", "group {} ", &s);
            } else {
                ctx.p.string(T::Any, "remote6", "remote {} ", &s);
            }
        }
    }
    if let Some(d) = tb.get(IFLA_VXLAN_LOCAL) {
        let a = d.get(..4).unwrap_or(&[0; 4]);
        if a != [0; 4] {
            let s = format_host(AF_INET, a, ctx.o.resolve > 0);
            ctx.p.string(T::Any, "local", "local {} ", &s);
        }
    } else if let Some(d) = tb.get(IFLA_VXLAN_LOCAL6) {
        let a = d.get(..16).unwrap_or(&[0; 16]);
        if a != [0; 16] {
            let s = format_host(AF_INET6, a, ctx.o.resolve > 0);
            ctx.p.string(T::Any, "local6", "local {} ", &s);
        }
    }
    if let Some(link) = tb.u32(IFLA_VXLAN_LINK) {
        if link != 0 {
            let name = ctx.ifname(link);
            ctx.p.string(T::Any, "link", "dev {} ", &name);
        }
    }
    if let Some(d) = tb.get(IFLA_VXLAN_PORT_RANGE) {
        let low = get_be16(d).unwrap_or(0);
        let high = d.get(2..).and_then(get_be16).unwrap_or(0);
        if ctx.p.is_json() {
            ctx.p.open_object(Some("port_range"));
            ctx.p.uint(T::Json, "low", "", u64::from(low));
            ctx.p.uint(T::Json, "high", "", u64::from(high));
            ctx.p.close_object();
        } else {
            ctx.p.fpf(format_args!("srcport {} {} ", low, high));
        }
    }
    if let Some(d) = tb.get(IFLA_VXLAN_PORT) {
        ctx.p.uint(T::Any, "port", "dstport {} ", u64::from(get_be16(d).unwrap_or(0)));
    }
    if let Some(l) = tb.u8(IFLA_VXLAN_LEARNING) {
        ctx.p.bool(T::Json, "learning", "", l != 0);
        if l == 0 {
            ctx.p.fp("nolearning ");
        }
    }
    for (ty, key) in [
        (IFLA_VXLAN_PROXY, "proxy"),
        (IFLA_VXLAN_RSC, "rsc"),
        (IFLA_VXLAN_L2MISS, "l2miss"),
        (IFLA_VXLAN_L3MISS, "l3miss"),
    ] {
        if tb.has(ty) && flag(ty) {
            ctx.p.bool_fmt(T::Any, key, &format!("{} ", key), true);
        }
    }
    let tos = tb.u8(IFLA_VXLAN_TOS).unwrap_or(0);
    if tos != 0 {
        if ctx.p.is_json() || tos != 1 {
            ctx.p.xhex(T::Any, "tos", "tos {} ", u64::from(tos));
        } else {
            ctx.p.fp("tos inherit ");
        }
    }
    if tb.has(IFLA_VXLAN_TTL_INHERIT) && flag(IFLA_VXLAN_TTL_INHERIT) {
        ctx.p.fp("ttl inherit ");
    } else if let Some(ttl) = tb.u8(IFLA_VXLAN_TTL) {
        if ctx.p.is_json() || ttl != 0 {
            ctx.p.uint(T::Any, "ttl", "ttl {} ", u64::from(ttl));
        } else {
            ctx.p.fp("ttl auto ");
        }
    }
    if let Some(df) = tb.u8(IFLA_VXLAN_DF) {
        match df {
            VXLAN_DF_UNSET => ctx.p.string(T::Json, "df", "df {} ", "unset"),
            VXLAN_DF_SET => ctx.p.string(T::Any, "df", "df {} ", "set"),
            VXLAN_DF_INHERIT => ctx.p.string(T::Any, "df", "df {} ", "inherit"),
            _ => {}
        }
    }
    if let Some(d) = tb.get(IFLA_VXLAN_LABEL) {
        let label = crate::netlink::attr::get_be32(d).unwrap_or(0);
        if label != 0 {
            ctx.p.xhex(T::Any, "label", "flowlabel {} ", u64::from(label));
        }
    }
    if let Some(age) = tb.u32(IFLA_VXLAN_AGEING) {
        if age == 0 {
            ctx.p.uint(T::Any, "ageing", "ageing none ", 0);
        } else {
            ctx.p.uint(T::Any, "ageing", "ageing {} ", u64::from(age));
        }
    }
    if let Some(m) = tb.u32(IFLA_VXLAN_LIMIT) {
        if m != 0 {
            ctx.p.uint(T::Any, "limit", "maxaddr {} ", u64::from(m));
        }
    }
    for (ty, key, word) in [
        (IFLA_VXLAN_UDP_CSUM, "udp_csum", "udpcsum "),
        (IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", "udp6zerocsumtx "),
        (IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", "udp6zerocsumrx "),
    ] {
        if let Some(v) = tb.u8(ty) {
            if ctx.p.is_json() {
                ctx.p.bool(T::Any, key, "", v != 0);
            } else {
                if v == 0 {
                    ctx.p.fp("no");
                }
                ctx.p.fp(word);
            }
        }
    }
    if tb.has(IFLA_VXLAN_REMCSUM_TX) && flag(IFLA_VXLAN_REMCSUM_TX) {
        ctx.p.bool(T::Any, "remcsum_tx", "remcsumtx ", true);
    }
    if tb.has(IFLA_VXLAN_REMCSUM_RX) && flag(IFLA_VXLAN_REMCSUM_RX) {
        ctx.p.bool(T::Any, "remcsum_rx", "remcsumrx ", true);
    }
    if tb.has(IFLA_VXLAN_GBP) {
        ctx.p.bool(T::Any, "gbp", "gbp ", true);
    }
    if tb.has(IFLA_VXLAN_GPE) {
        ctx.p.bool(T::Any, "gpe", "gpe ", true);
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::check_golden;
    use super::*;

    macro_rules! golden {
        ($($f:literal),*) => {
            $( check_golden(print, $f, include_str!(concat!("testdata/", $f)), &[(3, "v0"), (2, "v1")]); )*
        };
    }

    #[test]
    fn goldens() {
        golden!(
            "vxlan_v4.kind.text",
            "vxlan_v4.kind.json",
            "vxlan_v6.kind.text",
            "vxlan_v6.kind.json",
            "vxlan_group.kind.text",
            "vxlan_group.kind.json",
            "vxlan_group6.kind.text",
            "vxlan_group6.kind.json",
            "vxlan_external.kind.text",
            "vxlan_external.kind.json",
            "vxlan_gpe.kind.text",
            "vxlan_gpe.kind.json"
        );
    }

    #[test]
    fn addresses() {
        use crate::inet::get_addr_1;
        use crate::names::tables::dsfield_a2n;
        use crate::netlink::consts::AF_UNSPEC;
        assert!(get_addr_1("239.1.1.1", AF_UNSPEC).map(|a| a.is_inet_multi()).unwrap_or(false));
        assert!(get_addr_1("1.2.3.4", AF_UNSPEC).map(|a| a.is_inet_not_multi()).unwrap_or(false));
        assert!(get_addr_1("0.0.0.0", AF_UNSPEC).map(|a| a.is_inet_not_multi()).unwrap_or(false));
        assert!(get_addr_1("any", AF_UNSPEC).map(|a| !a.is_inet()).unwrap_or(false));
        assert!(get_addr_1("::1", AF_INET).is_none());
        assert!(get_addr_1("ff02::1", AF_UNSPEC).map(|a| a.is_inet_multi()).unwrap_or(false));
        assert_eq!(dsfield_a2n("0x10"), Some(0x10));
        assert_eq!(dsfield_a2n("10"), Some(0x10));
        assert_eq!(dsfield_a2n("100"), None);
    }
}
