//! `type ipip` and `type sit` options and help (ip/link_iptnl.c, 6.1.0).
//! This kernel has no ipip/sit: such a device can never be shown here, so
//! only the requests (checked against iproute2's bytes) and the texts are
//! provided. `ip link set` reads the device's current tunnel data first,
//! as iproute2 does.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::get_u16 as parse_u16;
use crate::args::{matches, Args};
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, fail, Res};
use crate::inet::{get_addr, get_addr_rta, InetPrefix};
use crate::netlink::attr::{get_u16, get_u32, get_u8, hdr_u32};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Req, Tb};

pub(super) const IFLA_IPTUN_LINK: u16 = 1;
pub(super) const IFLA_IPTUN_LOCAL: u16 = 2;
pub(super) const IFLA_IPTUN_REMOTE: u16 = 3;
pub(super) const IFLA_IPTUN_TTL: u16 = 4;
pub(super) const IFLA_IPTUN_TOS: u16 = 5;
pub(super) const IFLA_IPTUN_FLAGS: u16 = 8;
pub(super) const IFLA_IPTUN_PROTO: u16 = 9;
pub(super) const IFLA_IPTUN_PMTUDISC: u16 = 10;
pub(super) const IFLA_IPTUN_6RD_PREFIX: u16 = 11;
pub(super) const IFLA_IPTUN_6RD_RELAY_PREFIX: u16 = 12;
pub(super) const IFLA_IPTUN_6RD_PREFIXLEN: u16 = 13;
pub(super) const IFLA_IPTUN_6RD_RELAY_PREFIXLEN: u16 = 14;
pub(super) const IFLA_IPTUN_ENCAP_TYPE: u16 = 15;
pub(super) const IFLA_IPTUN_ENCAP_FLAGS: u16 = 16;
pub(super) const IFLA_IPTUN_ENCAP_SPORT: u16 = 17;
pub(super) const IFLA_IPTUN_ENCAP_DPORT: u16 = 18;
pub(super) const IFLA_IPTUN_COLLECT_METADATA: u16 = 19;
pub(super) const IFLA_IPTUN_FWMARK: u16 = 20;
pub(super) const IFLA_IPTUN_MAX: usize = 20;

const IPPROTO_IPIP: u8 = 4;
const IPPROTO_IPV6: u8 = 41;
const IPPROTO_MPLS: u8 = 137;
const SIT_ISATAP: u16 = 1;
pub(super) const TUNNEL_ENCAP_FLAG_CSUM: u16 = 1;
pub(super) const TUNNEL_ENCAP_FLAG_CSUM6: u16 = 2;
pub(super) const TUNNEL_ENCAP_FLAG_REMCSUM: u16 = 4;

fn help_text(kind: &str) -> String {
    let mode =
        if kind == "sit" { "{ ip6ip | ipip | mplsip | any } ]\n\t\t\t[ isatap" } else { "{ ipip | mplsip | any }" };
    format!(
        "Usage: ... {:<6}\t[ remote ADDR ]\n\
         \t\t\t[ local ADDR ]\n\
         \t\t\t[ ttl TTL ]\n\
         \t\t\t[ tos TOS ]\n\
         \t\t\t[ [no]pmtudisc ]\n\
         \t\t\t[ 6rd-prefix ADDR ]\n\
         \t\t\t[ 6rd-relay_prefix ADDR ]\n\
         \t\t\t[ 6rd-reset ]\n\
         \t\t\t[ dev PHYS_DEV ]\n\
         \t\t\t[ fwmark MARK ]\n\
         \t\t\t[ external ]\n\
         \t\t\t[ noencap ]\n\
         \t\t\t[ encap {{ fou | gue | none }} ]\n\
         \t\t\t[ encap-sport PORT ]\n\
         \t\t\t[ encap-dport PORT ]\n\
         \t\t\t[ [no]encap-csum ]\n\
         \t\t\t[ [no]encap-csum6 ]\n\
         \t\t\t[ [no]encap-remcsum ]\n\
         \t\t\t[ mode {} ]\n\
         \n\
         Where:\tADDR := {{ IP_ADDRESS | any }}\n\
         \tTOS  := {{ NUMBER | inherit }}\n\
         \tTTL  := {{ 1..255 | inherit }}\n\
         \tMARK := {{ 0x0..0xffffffff }}\n",
        kind, mode
    )
}

pub fn help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(help_text(kind).as_bytes());
}

/// get_prefix(): ADDR[/LEN] of `family` with its prefix length; exit(1)
/// with iproute2's message when it is not one.
pub(super) fn get_prefix(arg: &str, family: u8) -> Res<(InetPrefix, u32)> {
    let p = crate::inet::get_prefix(arg, family)?;
    Ok((p, p.bitlen as u32))
}

/// The current IFLA_INFO_DATA of the device the request targets, for
/// `ip link set` ("Failed to get existing tunnel info." when it has none).
pub(super) fn existing_info_data(ctx: &mut Ctx, req: &Req) -> Res<Option<Vec<u8>>> {
    let index = hdr_u32(req.bytes(), 16 + 4);
    let mut hdr = [0u8; 16];
    hdr[0] = ctx.o.family;
    hdr[4..8].copy_from_slice(&index.to_ne_bytes());
    let mut get = Req::new(RTM_GETLINK, NLM_F_REQUEST, &hdr);
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut get) else { return Ok(None) };
    for m in msgs(&ans) {
        if m.ty != RTM_NEWLINK || m.payload.len() < 16 {
            continue;
        }
        let tb = Tb::parse(&m.payload[16..], IFLA_MAX);
        let Some(li) = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else { return Ok(None) };
        return Ok(li.get(IFLA_INFO_DATA).map(|d| d.to_vec()));
    }
    Ok(None)
}

struct State {
    saddr: InetPrefix,
    daddr: InetPrefix,
    prefix6: InetPrefix,
    prefix6_len: u32,
    relay: InetPrefix,
    relay_len: u32,
    pmtudisc: u8,
    tos: u8,
    iflags: u16,
    ttl: u8,
    proto: u8,
    link: u32,
    encaptype: u16,
    encapflags: u16,
    encapsport: u16,
    encapdport: u16,
    metadata: bool,
    fwmark: u32,
}

/// Fills `s` from the device's current attributes; false when one is bad.
fn load_existing(s: &mut State, data: &[u8]) -> bool {
    let t = Tb::parse(data, IFLA_IPTUN_MAX);
    let addr = |ty: u16, fam: u8| -> Result<Option<InetPrefix>, ()> {
        match t.get(ty) {
            Some(d) => get_addr_rta(d, fam).ok().map(Some).ok_or(()),
            None => Ok(None),
        }
    };
    let (Ok(l), Ok(r), Ok(p6), Ok(rel)) = (
        addr(IFLA_IPTUN_LOCAL, AF_INET),
        addr(IFLA_IPTUN_REMOTE, AF_INET),
        addr(IFLA_IPTUN_6RD_PREFIX, AF_INET6),
        addr(IFLA_IPTUN_6RD_RELAY_PREFIX, AF_INET),
    ) else {
        return false;
    };
    if let Some(a) = l {
        s.saddr = a;
    }
    if let Some(a) = r {
        s.daddr = a;
    }
    if let Some(a) = p6 {
        s.prefix6 = a;
    }
    if let Some(a) = rel {
        s.relay = a;
    }
    let u8_ = |ty| t.get(ty).and_then(get_u8);
    let u16_ = |ty| t.get(ty).and_then(get_u16);
    let u32_ = |ty| t.get(ty).and_then(get_u32);
    s.prefix6_len = u32::from(u16_(IFLA_IPTUN_6RD_PREFIXLEN).unwrap_or(0));
    s.relay_len = u32::from(u16_(IFLA_IPTUN_6RD_RELAY_PREFIXLEN).unwrap_or(0));
    if let Some(v) = u8_(IFLA_IPTUN_TTL) {
        s.ttl = v;
    }
    if let Some(v) = u8_(IFLA_IPTUN_PMTUDISC) {
        s.pmtudisc = v;
    }
    if let Some(v) = u8_(IFLA_IPTUN_TOS) {
        s.tos = v;
    }
    if let Some(v) = u16_(IFLA_IPTUN_FLAGS) {
        s.iflags = v;
    }
    if let Some(v) = u32_(IFLA_IPTUN_LINK) {
        s.link = v;
    }
    if let Some(v) = u8_(IFLA_IPTUN_PROTO) {
        s.proto = v;
    }
    if let Some(v) = u16_(IFLA_IPTUN_ENCAP_TYPE) {
        s.encaptype = v;
    }
    if let Some(v) = u16_(IFLA_IPTUN_ENCAP_FLAGS) {
        s.encapflags = v;
    }
    if let Some(v) = u16_(IFLA_IPTUN_ENCAP_SPORT) {
        s.encapsport = v;
    }
    if let Some(v) = u16_(IFLA_IPTUN_ENCAP_DPORT) {
        s.encapdport = v;
    }
    if t.has(IFLA_IPTUN_COLLECT_METADATA) {
        s.metadata = true;
    }
    if let Some(v) = u32_(IFLA_IPTUN_FWMARK) {
        s.fwmark = v;
    }
    true
}

/// The values of ipip/sit `mode`, compared whole in iptnl's order; ids
/// are the inner protocol (IPPROTO_IPV6 only for sit: ipip rejects it).
pub static MODES: Table<u8> = Table::new(
    "ip link type ipip mode",
    &[
        exact("ipv6/ipv4", IPPROTO_IPV6),
        exact("ip6ip", IPPROTO_IPV6),
        exact("ipv4/ipv4", IPPROTO_IPIP),
        exact("ipip", IPPROTO_IPIP),
        exact("ip4ip4", IPPROTO_IPIP),
        exact("mpls/ipv4", IPPROTO_MPLS),
        exact("mplsip", IPPROTO_MPLS),
        exact("any/ipv4", 0),
        exact("any", 0),
    ],
);

/// The values of ip6tnl `mode`, compared whole; ids are the inner protocol.
pub static MODES6: Table<u8> = Table::new(
    "ip link type ip6tnl mode",
    &[
        exact("ipv6/ipv6", IPPROTO_IPV6),
        exact("ip6ip6", IPPROTO_IPV6),
        exact("ip/ipv6", IPPROTO_IPIP),
        exact("ipv4/ipv6", IPPROTO_IPIP),
        exact("ipip6", IPPROTO_IPIP),
        exact("ip4ip6", IPPROTO_IPIP),
        exact("any/ipv6", 0),
        exact("any", 0),
    ],
);

/// The values of a tunnel's `encap` (the type), compared whole; ids are
/// TUNNEL_ENCAP_*. Every ip and gre tunnel kind reads this one table.
pub static ENCAP_TYPES: Table<u16> =
    Table::new("ip link type ipip encap", &[exact("fou", 1), exact("gue", 2), exact("none", 0)]);

/// iptunnel_parse_opt()'s words (all strcmp; some only for sit), each
/// mapped to itself.
pub static OPTS: Table<&str> = Table::new(
    "ip link type ipip",
    &[
        exact("mode", "mode"),
        exact("remote", "remote"),
        exact("local", "local"),
        exact("ttl", "ttl"),
        exact("hoplimit", "hoplimit"),
        exact("hlim", "hlim"),
        exact("tos", "tos"),
        exact("tclass", "tclass"),
        exact("tc", "tc"),
        exact("nopmtudisc", "nopmtudisc"),
        exact("pmtudisc", "pmtudisc"),
        exact("isatap", "isatap"),
        exact("noencap", "noencap"),
        exact("encap", "encap"),
        exact("encap-sport", "encap-sport"),
        exact("encap-dport", "encap-dport"),
        exact("encap-csum", "encap-csum"),
        exact("noencap-csum", "noencap-csum"),
        exact("encap-udp6-csum", "encap-udp6-csum"),
        exact("noencap-udp6-csum", "noencap-udp6-csum"),
        exact("encap-remcsum", "encap-remcsum"),
        exact("noencap-remcsum", "noencap-remcsum"),
        exact("external", "external"),
        exact("6rd-prefix", "6rd-prefix"),
        exact("6rd-relay_prefix", "6rd-relay_prefix"),
        exact("6rd-reset", "6rd-reset"),
        exact("fwmark", "fwmark"),
        kw("dev", "dev"),
        kw("dsfield", "dsfield"),
    ],
);

/// ip6tunnel_parse_opt()'s words, each mapped to itself: `dev` (a prefix,
/// after the exact mode/remote/local), then those ip6_flow_word() and
/// encap_word() read, then the parser's own.
pub static OPTS6: Table<&str> = Table::new(
    "ip link type ip6tnl",
    &[
        exact("mode", "mode"),
        exact("remote", "remote"),
        exact("local", "local"),
        kw("dev", "dev"),
        exact("tos", "tos"),
        exact("tclass", "tclass"),
        exact("tc", "tc"),
        kw("dsfield", "dsfield"),
        exact("flowlabel", "flowlabel"),
        exact("fl", "fl"),
        exact("dscp", "dscp"),
        exact("fwmark", "fwmark"),
        exact("allow-localremote", "allow-localremote"),
        exact("noallow-localremote", "noallow-localremote"),
        exact("noencap", "noencap"),
        exact("encap", "encap"),
        exact("encap-sport", "encap-sport"),
        exact("encap-dport", "encap-dport"),
        exact("encap-csum", "encap-csum"),
        exact("noencap-csum", "noencap-csum"),
        exact("encap-udp6-csum", "encap-udp6-csum"),
        exact("noencap-udp6-csum", "noencap-udp6-csum"),
        exact("encap-remcsum", "encap-remcsum"),
        exact("noencap-remcsum", "noencap-remcsum"),
        exact("ttl", "ttl"),
        exact("hoplimit", "hoplimit"),
        exact("hlim", "hlim"),
        exact("encaplimit", "encaplimit"),
        exact("external", "external"),
    ],
);

pub fn parse(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let sit = kind == "sit";
    let mut s = State {
        saddr: InetPrefix::default(),
        daddr: InetPrefix::default(),
        prefix6: InetPrefix::default(),
        prefix6_len: 0,
        relay: InetPrefix::default(),
        relay_len: 0,
        pmtudisc: 1,
        tos: 0,
        iflags: 0,
        ttl: 0,
        proto: 0,
        link: 0,
        encaptype: 0,
        encapflags: 0,
        encapsport: 0,
        encapdport: 0,
        metadata: false,
        fwmark: 0,
    };
    let (_, flags) = super::common::req_type_flags(req);
    if flags & NLM_F_CREATE == 0 {
        let data = existing_info_data(ctx, req)?;
        if !data.map(|d| load_existing(&mut s, &d)).unwrap_or(false) {
            eprint_raw("Failed to get existing tunnel info.\n");
            return Ok(1);
        }
    }
    while let Some(w) = args.next() {
        match OPTS.find(&w).unwrap_or(w.as_str()) {
            "mode" => {
                let v = args.value()?;
                s.proto = match MODES.find(&v) {
                    Some(IPPROTO_IPV6) if !sit => return Err(invarg("Cannot guess tunnel mode.", &v)),
                    Some(p) => p,
                    None => return Err(invarg("Cannot guess tunnel mode.", &v)),
                };
            }
            "remote" => {
                let v = args.value()?;
                s.daddr = get_addr(&v, AF_INET)?;
            }
            "local" => {
                let v = args.value()?;
                s.saddr = get_addr(&v, AF_INET)?;
            }
            "ttl" | "hoplimit" | "hlim" => {
                let v = args.value()?;
                s.ttl = if v != "inherit" {
                    crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid TTL\n", &v))?
                } else {
                    0
                };
            }
            "tos" | "tclass" | "tc" => tos_word(args, &mut s.tos)?,
            "nopmtudisc" => s.pmtudisc = 0,
            "pmtudisc" => s.pmtudisc = 1,
            "isatap" if sit => s.iflags |= SIT_ISATAP,
            "noencap" => s.encaptype = 0,
            "encap" => {
                let v = args.value()?;
                s.encaptype = ENCAP_TYPES.find(&v).ok_or_else(|| invarg("Invalid encap type.", &v))?;
            }
            "encap-sport" => {
                let v = args.value()?;
                s.encapsport =
                    if v == "auto" { 0 } else { parse_u16(&v, 0).ok_or_else(|| invarg("Invalid source port.", &v))? };
            }
            "encap-dport" => {
                let v = args.value()?;
                s.encapdport = parse_u16(&v, 0).ok_or_else(|| invarg("Invalid destination port.", &v))?;
            }
            "encap-csum" => s.encapflags |= TUNNEL_ENCAP_FLAG_CSUM,
            "noencap-csum" => s.encapflags &= !TUNNEL_ENCAP_FLAG_CSUM,
            "encap-udp6-csum" => s.encapflags |= TUNNEL_ENCAP_FLAG_CSUM6,
            "noencap-udp6-csum" => s.encapflags &= !TUNNEL_ENCAP_FLAG_CSUM6,
            "encap-remcsum" => s.encapflags |= TUNNEL_ENCAP_FLAG_REMCSUM,
            "noencap-remcsum" => s.encapflags &= !TUNNEL_ENCAP_FLAG_REMCSUM,
            "external" => s.metadata = true,
            "6rd-prefix" => {
                let v = args.value()?;
                (s.prefix6, s.prefix6_len) = get_prefix(&v, AF_INET6)?;
            }
            "6rd-relay_prefix" => {
                let v = args.value()?;
                (s.relay, s.relay_len) = get_prefix(&v, AF_INET)?;
            }
            "6rd-reset" => {
                // iproute2 6.1 writes into the string literal "2002::/16"
                // here and dies of SIGSEGV (status 139, its buffered output
                // lost): rip ends the same way.
                // SAFETY: installs the default action (no Rust handler runs);
                // nix's signal() is unsafe for that reason only.
                unsafe {
                    let _ = nix::sys::signal::signal(nix::sys::signal::SIGSEGV, nix::sys::signal::SigHandler::SigDfl);
                }
                let _ = nix::sys::signal::raise(nix::sys::signal::SIGSEGV);
                (s.prefix6, s.prefix6_len) = get_prefix("2002::/16", AF_INET6)?;
                s.relay = InetPrefix::default();
            }
            "fwmark" => {
                let v = args.value()?;
                s.fwmark = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("invalid fwmark\n", &v))?;
            }
            _ if matches(&w, "dev") => {
                let v = args.value()?;
                s.link = ctx.ifindex(&v);
                if s.link == 0 {
                    return Err(crate::error::no_device(v));
                }
            }
            _ if matches(&w, "dsfield") => tos_word(args, &mut s.tos)?,
            _ => {
                eprint_raw(&help_text(kind));
                return Ok(1);
            }
        }
    }
    if s.ttl != 0 && s.pmtudisc == 0 {
        return Err(fail(255, "ttl != 0 and nopmtudisc are incompatible\n"));
    }
    req.attr_u8(IFLA_IPTUN_PROTO, s.proto);
    if s.metadata {
        req.attr(IFLA_IPTUN_COLLECT_METADATA, &[]);
        return Ok(0);
    }
    if s.saddr.is_inet_not_unspec() {
        req.attr(IFLA_IPTUN_LOCAL, s.saddr.bytes());
    }
    if s.daddr.is_inet_not_unspec() {
        req.attr(IFLA_IPTUN_REMOTE, s.daddr.bytes());
    }
    req.attr_u8(IFLA_IPTUN_PMTUDISC, s.pmtudisc);
    req.attr_u8(IFLA_IPTUN_TOS, s.tos);
    req.attr_u8(IFLA_IPTUN_TTL, s.ttl);
    req.attr_u32(IFLA_IPTUN_LINK, s.link);
    req.attr_u32(IFLA_IPTUN_FWMARK, s.fwmark);
    req.attr_u16(IFLA_IPTUN_ENCAP_TYPE, s.encaptype);
    req.attr_u16(IFLA_IPTUN_ENCAP_FLAGS, s.encapflags);
    req.attr(IFLA_IPTUN_ENCAP_SPORT, &s.encapsport.to_be_bytes());
    req.attr(IFLA_IPTUN_ENCAP_DPORT, &s.encapdport.to_be_bytes());
    if sit {
        req.attr_u16(IFLA_IPTUN_FLAGS, s.iflags);
        if s.prefix6.is_inet() {
            req.attr(IFLA_IPTUN_6RD_PREFIX, s.prefix6.bytes());
            req.attr_u16(IFLA_IPTUN_6RD_PREFIXLEN, s.prefix6_len as u16);
        }
        if s.relay.is_inet() {
            req.attr(IFLA_IPTUN_6RD_RELAY_PREFIX, &s.relay.data[..4]);
            req.attr_u16(IFLA_IPTUN_6RD_RELAY_PREFIXLEN, s.relay_len as u16);
        }
    }
    Ok(0)
}

/// `tos|tclass|tc|dsfield VALUE`: inherit (1), a dsfield name, or hex.
fn tos_word(args: &mut Args, tos: &mut u8) -> Res<()> {
    let v = args.value()?;
    *tos = if v != "inherit" {
        crate::names::tables::dsfield_a2n(&v).map(|d| d as u8).ok_or_else(|| invarg("bad TOS value", &v))?
    } else {
        1
    };
    Ok(())
}

// ---- ip6tnl (ip/link_ip6tnl.c) ----

const IFLA_IPTUN_ENCAP_LIMIT: u16 = 6;
const IFLA_IPTUN_FLOWINFO: u16 = 7;
pub(super) const IP6_TNL_F_IGN_ENCAP_LIMIT: u32 = 0x1;
pub(super) const IP6_TNL_F_USE_ORIG_TCLASS: u32 = 0x2;
pub(super) const IP6_TNL_F_USE_ORIG_FLOWLABEL: u32 = 0x4;
pub(super) const IP6_TNL_F_RCV_DSCP_COPY: u32 = 0x10;
pub(super) const IP6_TNL_F_USE_ORIG_FWMARK: u32 = 0x20;
pub(super) const IP6_TNL_F_ALLOW_LOCAL_REMOTE: u32 = 0x40;
/// Flow info masks as host values of the big-endian field.
pub(super) const IP6_FLOWINFO_TCLASS: u32 = 0x0FF0_0000;
pub(super) const IP6_FLOWINFO_FLOWLABEL: u32 = 0x000F_FFFF;
pub(super) const DEFAULT_TNL_HOP_LIMIT: u8 = 64;
pub(super) const IPV6_DEFAULT_TNL_ENCAP_LIMIT: u8 = 4;

fn ip6_help_text(kind: &str) -> String {
    format!(
        "Usage: ... {:<6}\t[ remote ADDR ]\n\
         \t\t\t[ local ADDR ]\n\
         \t\t\t[ encaplimit ELIM ]\n\
         \t\t\t[ hoplimit HLIM ]\n\
         \t\t\t[ tclass TCLASS ]\n\
         \t\t\t[ flowlabel FLOWLABEL ]\n\
         \t\t\t[ dscp inherit ]\n\
         \t\t\t[ [no]allow-localremote ]\n\
         \t\t\t[ dev PHYS_DEV ]\n\
         \t\t\t[ fwmark MARK ]\n\
         \t\t\t[ external ]\n\
         \t\t\t[ noencap ]\n\
         \t\t\t[ encap {{ fou | gue | none }} ]\n\
         \t\t\t[ encap-sport PORT ]\n\
         \t\t\t[ encap-dport PORT ]\n\
         \t\t\t[ [no]encap-csum ]\n\
         \t\t\t[ [no]encap-csum6 ]\n\
         \t\t\t[ [no]encap-remcsum ]\n\
         \t\t\t[ mode {{ ip6ip6 | ipip6 | any }} ]\n\
         \n\
         Where:\tADDR\t  := IPV6_ADDRESS\n\
         \tELIM\t  := {{ none | 0..255 }}(default={})\n\
         \tHLIM\t  := 0..255 (default={})\n\
         \tTCLASS    := {{ 0x0..0xff | inherit }}\n\
         \tFLOWLABEL := {{ 0x0..0xfffff | inherit }}\n\
         \tMARK\t  := {{ 0x0..0xffffffff | inherit }}\n",
        kind, IPV6_DEFAULT_TNL_ENCAP_LIMIT, DEFAULT_TNL_HOP_LIMIT
    )
}

pub fn ip6_help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(ip6_help_text(kind).as_bytes());
}

/// The words shared by the IPv6 tunnels for traffic class, flow label,
/// dscp and fwmark; Some(Ok) when `w` was one of them.
pub(super) fn ip6_flow_word(
    w: &str,
    args: &mut Args,
    flowinfo: &mut u32,
    flags: &mut u32,
    fwmark: &mut u32,
) -> Option<Res<()>> {
    let r = (|| -> Res<bool> {
        if w == "tos" || w == "tclass" || w == "tc" || matches(w, "dsfield") {
            let v = args.value()?;
            *flowinfo &= !IP6_FLOWINFO_TCLASS;
            if v == "inherit" {
                *flags |= IP6_TNL_F_USE_ORIG_TCLASS;
            } else {
                let u = crate::args::num::get_u8(&v, 16).ok_or_else(|| invarg("invalid TClass", &v))?;
                *flowinfo |= (u32::from(u) << 20) & IP6_FLOWINFO_TCLASS;
                *flags &= !IP6_TNL_F_USE_ORIG_TCLASS;
            }
        } else if w == "flowlabel" || w == "fl" {
            let v = args.value()?;
            *flowinfo &= !IP6_FLOWINFO_FLOWLABEL;
            if v == "inherit" {
                *flags |= IP6_TNL_F_USE_ORIG_FLOWLABEL;
            } else {
                let u = crate::args::num::get_u32(&v, 16).ok_or_else(|| invarg("invalid Flowlabel", &v))?;
                if u > 0xFFFFF {
                    return Err(invarg("invalid Flowlabel", &v));
                }
                *flowinfo |= u & IP6_FLOWINFO_FLOWLABEL;
                *flags &= !IP6_TNL_F_USE_ORIG_FLOWLABEL;
            }
        } else if w == "dscp" {
            let v = args.value()?;
            if v != "inherit" {
                return Err(invarg("not inherit", &v));
            }
            *flags |= IP6_TNL_F_RCV_DSCP_COPY;
        } else if w == "fwmark" {
            let v = args.value()?;
            if v == "inherit" {
                *flags |= IP6_TNL_F_USE_ORIG_FWMARK;
                *fwmark = 0;
            } else {
                *fwmark = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("invalid fwmark\n", &v))?;
                *flags &= !IP6_TNL_F_USE_ORIG_FWMARK;
            }
        } else if w == "allow-localremote" {
            *flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
        } else if w == "noallow-localremote" {
            *flags &= !IP6_TNL_F_ALLOW_LOCAL_REMOTE;
        } else {
            return Ok(false);
        }
        Ok(true)
    })();
    match r {
        Ok(true) => Some(Ok(())),
        Ok(false) => None,
        Err(e) => Some(Err(e)),
    }
}

/// The encap words shared by the tunnels; Some(Ok) when `w` was one.
pub(super) fn encap_word(
    w: &str,
    args: &mut Args,
    ty: &mut u16,
    fl: &mut u16,
    sport: &mut u16,
    dport: &mut u16,
) -> Option<Res<()>> {
    let r = (|| -> Res<bool> {
        match w {
            "noencap" => *ty = 0,
            "encap" => {
                let v = args.value()?;
                *ty = ENCAP_TYPES.find(&v).ok_or_else(|| invarg("Invalid encap type.", &v))?;
            }
            "encap-sport" => {
                let v = args.value()?;
                *sport =
                    if v == "auto" { 0 } else { parse_u16(&v, 0).ok_or_else(|| invarg("Invalid source port.", &v))? };
            }
            "encap-dport" => {
                let v = args.value()?;
                *dport = parse_u16(&v, 0).ok_or_else(|| invarg("Invalid destination port.", &v))?;
            }
            "encap-csum" => *fl |= TUNNEL_ENCAP_FLAG_CSUM,
            "noencap-csum" => *fl &= !TUNNEL_ENCAP_FLAG_CSUM,
            "encap-udp6-csum" => *fl |= TUNNEL_ENCAP_FLAG_CSUM6,
            "noencap-udp6-csum" => *fl &= !TUNNEL_ENCAP_FLAG_CSUM6,
            "encap-remcsum" => *fl |= TUNNEL_ENCAP_FLAG_REMCSUM,
            "noencap-remcsum" => *fl &= !TUNNEL_ENCAP_FLAG_REMCSUM,
            _ => return Ok(false),
        }
        Ok(true)
    })();
    match r {
        Ok(true) => Some(Ok(())),
        Ok(false) => None,
        Err(e) => Some(Err(e)),
    }
}

pub fn ip6_parse(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let (mut saddr, mut daddr) = (InetPrefix::default(), InetPrefix::default());
    let mut hop_limit = DEFAULT_TNL_HOP_LIMIT;
    let mut encap_limit = IPV6_DEFAULT_TNL_ENCAP_LIMIT;
    let mut flowinfo: u32 = 0;
    let mut flags: u32 = 0;
    let mut proto: u8 = 0;
    let mut link: u32 = 0;
    let (mut encaptype, mut encapflags, mut encapsport, mut encapdport) = (0u16, TUNNEL_ENCAP_FLAG_CSUM6, 0u16, 0u16);
    let mut metadata = false;
    let mut fwmark: u32 = 0;

    let (_, nlflags) = super::common::req_type_flags(req);
    if nlflags & NLM_F_CREATE == 0 {
        let mut ok = false;
        if let Some(d) = existing_info_data(ctx, req)? {
            let t = Tb::parse(&d, IFLA_IPTUN_MAX);
            let addr = |ty: u16| -> Result<Option<InetPrefix>, ()> {
                match t.get(ty) {
                    Some(x) => get_addr_rta(x, AF_INET6).ok().map(Some).ok_or(()),
                    None => Ok(None),
                }
            };
            if let (Ok(l), Ok(r)) = (addr(IFLA_IPTUN_LOCAL), addr(IFLA_IPTUN_REMOTE)) {
                ok = true;
                if let Some(a) = l {
                    saddr = a;
                }
                if let Some(a) = r {
                    daddr = a;
                }
                let u8_ = |ty| t.get(ty).and_then(get_u8);
                let u32_ = |ty| t.get(ty).and_then(get_u32);
                if let Some(v) = u8_(IFLA_IPTUN_TTL) {
                    hop_limit = v;
                }
                if let Some(v) = u8_(IFLA_IPTUN_ENCAP_LIMIT) {
                    encap_limit = v;
                }
                if let Some(d) = t.get(IFLA_IPTUN_FLOWINFO).and_then(crate::netlink::attr::get_be32) {
                    flowinfo = d;
                }
                if let Some(v) = u32_(IFLA_IPTUN_FLAGS) {
                    flags = v;
                }
                if let Some(v) = u32_(IFLA_IPTUN_LINK) {
                    link = v;
                }
                if let Some(v) = u8_(IFLA_IPTUN_PROTO) {
                    proto = v;
                }
                if t.has(IFLA_IPTUN_COLLECT_METADATA) {
                    metadata = true;
                }
                if let Some(v) = u32_(IFLA_IPTUN_FWMARK) {
                    fwmark = v;
                }
            }
        }
        if !ok {
            eprint_raw("Failed to get existing tunnel info.\n");
            return Ok(1);
        }
    }
    while let Some(w) = args.next() {
        // "dev" is tested before "dsfield" ("d" is dev).
        if OPTS6.find(&w) == Some("dev") {
            let v = args.value()?;
            link = ctx.ifindex(&v);
            if link == 0 {
                return Err(crate::error::no_device(v));
            }
            continue;
        }
        if let Some(r) = ip6_flow_word(&w, args, &mut flowinfo, &mut flags, &mut fwmark) {
            r?;
            continue;
        }
        if let Some(r) = encap_word(&w, args, &mut encaptype, &mut encapflags, &mut encapsport, &mut encapdport) {
            r?;
            continue;
        }
        match OPTS6.find(&w).unwrap_or(w.as_str()) {
            "mode" => {
                let v = args.value()?;
                proto = MODES6.find(&v).ok_or_else(|| invarg("Cannot guess tunnel mode.", &v))?;
            }
            "remote" => {
                let v = args.value()?;
                daddr = get_addr(&v, AF_INET6)?;
            }
            "local" => {
                let v = args.value()?;
                saddr = get_addr(&v, AF_INET6)?;
            }
            "ttl" | "hoplimit" | "hlim" => {
                let v = args.value()?;
                hop_limit = if v != "inherit" {
                    crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid HLIM\n", &v))?
                } else {
                    0
                };
            }
            "encaplimit" => {
                let v = args.value()?;
                if v == "none" {
                    flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
                } else {
                    // iproute2 never rejects the value; a bad one leaves
                    // an unset byte, read here as 0.
                    encap_limit = crate::args::num::get_u8(&v, 0).unwrap_or(0);
                    flags &= !IP6_TNL_F_IGN_ENCAP_LIMIT;
                }
            }
            "external" => metadata = true,
            _ => {
                eprint_raw(&ip6_help_text(kind));
                return Ok(1);
            }
        }
    }
    req.attr_u8(IFLA_IPTUN_PROTO, proto);
    if metadata {
        req.attr(IFLA_IPTUN_COLLECT_METADATA, &[]);
        return Ok(0);
    }
    if saddr.is_inet_not_unspec() {
        req.attr(IFLA_IPTUN_LOCAL, saddr.bytes());
    }
    if daddr.is_inet_not_unspec() {
        req.attr(IFLA_IPTUN_REMOTE, daddr.bytes());
    }
    req.attr_u8(IFLA_IPTUN_TTL, hop_limit);
    req.attr_u8(IFLA_IPTUN_ENCAP_LIMIT, encap_limit);
    req.attr(IFLA_IPTUN_FLOWINFO, &flowinfo.to_be_bytes());
    req.attr_u32(IFLA_IPTUN_FLAGS, flags);
    req.attr_u32(IFLA_IPTUN_LINK, link);
    req.attr_u32(IFLA_IPTUN_FWMARK, fwmark);
    req.attr_u16(IFLA_IPTUN_ENCAP_TYPE, encaptype);
    req.attr_u16(IFLA_IPTUN_ENCAP_FLAGS, encapflags);
    req.attr(IFLA_IPTUN_ENCAP_SPORT, &encapsport.to_be_bytes());
    req.attr(IFLA_IPTUN_ENCAP_DPORT, &encapdport.to_be_bytes());
    Ok(0)
}
