//! `type gre`, `gretap` and `erspan` options and help (ip/link_gre.c,
//! 6.1.0). This kernel has no GRE: such a device can never be shown here,
//! so only the requests (checked against iproute2's bytes) and the texts
//! are provided. `ip link set` reads the device's tunnel data first.

use super::iptnl::{
    existing_info_data, ENCAP_TYPES, TUNNEL_ENCAP_FLAG_CSUM, TUNNEL_ENCAP_FLAG_CSUM6, TUNNEL_ENCAP_FLAG_REMCSUM,
};
use super::Hooks;
use crate::args::keywords::{doc, exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, fail, Res};
use crate::inet::{get_addr, get_addr_rta, InetPrefix};
use crate::netlink::attr::{get_u16, get_u32, get_u8};
use crate::netlink::consts::*;
use crate::netlink::{Req, Tb};

const IFLA_GRE_LINK: u16 = 1;
const IFLA_GRE_IFLAGS: u16 = 2;
const IFLA_GRE_OFLAGS: u16 = 3;
const IFLA_GRE_IKEY: u16 = 4;
const IFLA_GRE_OKEY: u16 = 5;
const IFLA_GRE_LOCAL: u16 = 6;
const IFLA_GRE_REMOTE: u16 = 7;
const IFLA_GRE_TTL: u16 = 8;
const IFLA_GRE_TOS: u16 = 9;
const IFLA_GRE_PMTUDISC: u16 = 10;
const IFLA_GRE_ENCAP_TYPE: u16 = 14;
const IFLA_GRE_ENCAP_FLAGS: u16 = 15;
const IFLA_GRE_ENCAP_SPORT: u16 = 16;
const IFLA_GRE_ENCAP_DPORT: u16 = 17;
const IFLA_GRE_COLLECT_METADATA: u16 = 18;
const IFLA_GRE_IGNORE_DF: u16 = 19;
const IFLA_GRE_FWMARK: u16 = 20;
const IFLA_GRE_ERSPAN_INDEX: u16 = 21;
const IFLA_GRE_ERSPAN_VER: u16 = 22;
const IFLA_GRE_ERSPAN_DIR: u16 = 23;
const IFLA_GRE_ERSPAN_HWID: u16 = 24;
const IFLA_GRE_MAX: usize = 24;

// GRE flags are big-endian on the wire; kept here as host values.
const GRE_CSUM: u16 = 0x8000;
const GRE_KEY: u16 = 0x2000;
const GRE_SEQ: u16 = 0x1000;

fn help_text(kind: &str) -> String {
    let mut s = format!(
        "Usage: ... {:<9}\t[ remote ADDR ]\n\
         \t\t\t[ local ADDR ]\n\
         \t\t\t[ [no][i|o]seq ]\n\
         \t\t\t[ [i|o]key KEY | no[i|o]key ]\n\
         \t\t\t[ [no][i|o]csum ]\n\
         \t\t\t[ ttl TTL ]\n\
         \t\t\t[ tos TOS ]\n\
         \t\t\t[ [no]pmtudisc ]\n\
         \t\t\t[ [no]ignore-df ]\n\
         \t\t\t[ dev PHYS_DEV ]\n\
         \t\t\t[ fwmark MARK ]\n\
         \t\t\t[ external ]\n\
         \t\t\t[ noencap ]\n\
         \t\t\t[ encap {{ fou | gue | none }} ]\n\
         \t\t\t[ encap-sport PORT ]\n\
         \t\t\t[ encap-dport PORT ]\n\
         \t\t\t[ [no]encap-csum ]\n\
         \t\t\t[ [no]encap-csum6 ]\n\
         \t\t\t[ [no]encap-remcsum ]\n",
        kind
    );
    if kind == "erspan" {
        s.push_str(
            "\t\t\t[ erspan_ver version ]\n\
             \t\t\t[ erspan IDX ]\n\
             \t\t\t[ erspan_dir { ingress | egress } ]\n\
             \t\t\t[ erspan_hwid hwid ]\n",
        );
    }
    s.push_str(
        "\n\
         Where:\tADDR := { IP_ADDRESS | any }\n\
         \tTOS  := { NUMBER | inherit }\n\
         \tTTL  := { 1..255 | inherit }\n\
         \tKEY  := { DOTTED_QUAD | NUMBER }\n\
         \tMARK := { 0x0..0xffffffff }\n",
    );
    s
}

pub fn help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(help_text(kind).as_bytes());
}

/// tnl_parse_key(): a dotted quad or a number, in network order.
pub(super) fn parse_key(name: &str, key: &str) -> Res<[u8; 4]> {
    if key.contains('.') {
        // get_addr32()
        let a = if matches!(key, "default" | "any" | "all") { Some([0; 4]) } else { crate::inet::get_addr_ipv4(key) };
        return a.ok_or_else(|| fail(1, &format!("Error: an IP address is expected rather than \"{}\"\n", key)));
    }
    match crate::args::num::get_unsigned(key, 0) {
        Some(v) => Ok(v.to_be_bytes()),
        None => {
            Err(fail(255, &format!("invalid value for \"{}\": \"{}\"; it should be an unsigned integer\n", name, key)))
        }
    }
}

/// The values of `erspan_dir`, matched as prefixes (matches()); ids are
/// IFLA_GRE_ERSPAN_DIR. ip6gre/ip6erspan read the same table.
pub static ERSPAN_DIRS: Table<u8> = Table::new("ip link type erspan erspan_dir", &[kw("ingress", 0), kw("egress", 1)]);

/// gre_parse_opt()'s words: those it tests with matches(), in its order,
/// then the strcmp() ones; each mapped to itself (a word no entry takes
/// is matched as it is, and ends in the usage).
pub static OPTS: Table<&str> = Table::new(
    "ip link type gre",
    &[
        kw("key", "key"),
        kw("nokey", "nokey"),
        kw("ikey", "ikey"),
        kw("noikey", "noikey"),
        kw("okey", "okey"),
        kw("nookey", "nookey"),
        kw("seq", "seq"),
        kw("noseq", "noseq"),
        kw("iseq", "iseq"),
        kw("noiseq", "noiseq"),
        kw("oseq", "oseq"),
        kw("nooseq", "nooseq"),
        kw("csum", "csum"),
        kw("nocsum", "nocsum"),
        kw("icsum", "icsum"),
        kw("noicsum", "noicsum"),
        kw("ocsum", "ocsum"),
        kw("noocsum", "noocsum"),
        kw("nopmtudisc", "nopmtudisc"),
        kw("pmtudisc", "pmtudisc"),
        kw("remote", "remote"),
        kw("local", "local"),
        kw("dev", "dev"),
        kw("ttl", "ttl"),
        kw("hoplimit", "hoplimit"),
        kw("hlim", "hlim"),
        kw("tos", "tos"),
        kw("tclass", "tclass"),
        kw("dsfield", "dsfield"),
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
        exact("ignore-df", "ignore-df"),
        exact("noignore-df", "noignore-df"),
        exact("fwmark", "fwmark"),
        exact("erspan", "erspan"),
        exact("erspan_ver", "erspan_ver"),
        exact("erspan_dir", "erspan_dir"),
        exact("erspan_hwid", "erspan_hwid"),
    ],
);

pub fn parse(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let erspan = kind == "erspan";
    let (mut iflags, mut oflags) = (0u16, 0u16);
    let (mut ikey, mut okey) = ([0u8; 4], [0u8; 4]);
    let (mut saddr, mut daddr) = (InetPrefix::default(), InetPrefix::default());
    let mut pmtudisc: u8 = 1;
    let mut ignore_df: u8 = 0;
    let (mut tos, mut ttl) = (0u8, 0u8);
    let mut link: u32 = 0;
    let (mut encaptype, mut encapflags, mut encapsport, mut encapdport) = (0u16, 0u16, 0u16, 0u16);
    let mut metadata = false;
    let mut fwmark: u32 = 0;
    let mut erspan_idx: u32 = 0;
    let mut erspan_ver: u8 = 1;
    let mut erspan_dir: u8 = 0;
    let mut erspan_hwid: u16 = 0;

    let (_, flags) = super::common::req_type_flags(req);
    if flags & NLM_F_CREATE == 0 {
        let data = existing_info_data(ctx, req)?;
        let mut ok = false;
        if let Some(d) = data {
            let t = Tb::parse(&d, IFLA_GRE_MAX);
            let addr = |ty: u16| -> Result<Option<InetPrefix>, ()> {
                match t.get(ty) {
                    Some(x) => get_addr_rta(x, AF_INET).ok().map(Some).ok_or(()),
                    None => Ok(None),
                }
            };
            if let (Ok(l), Ok(r)) = (addr(IFLA_GRE_LOCAL), addr(IFLA_GRE_REMOTE)) {
                ok = true;
                if let Some(a) = l {
                    saddr = a;
                }
                if let Some(a) = r {
                    daddr = a;
                }
                let raw4 = |ty| t.get(ty).and_then(|x| x.get(..4)).and_then(|x| <[u8; 4]>::try_from(x).ok());
                let be16 = |ty| t.get(ty).and_then(|x| x.get(..2)).map(|x| u16::from_be_bytes([x[0], x[1]]));
                if let Some(k) = raw4(IFLA_GRE_IKEY) {
                    ikey = k;
                }
                if let Some(k) = raw4(IFLA_GRE_OKEY) {
                    okey = k;
                }
                if let Some(v) = be16(IFLA_GRE_IFLAGS) {
                    iflags = v;
                }
                if let Some(v) = be16(IFLA_GRE_OFLAGS) {
                    oflags = v;
                }
                let u8_ = |ty| t.get(ty).and_then(get_u8);
                let u16_ = |ty| t.get(ty).and_then(get_u16);
                let u32_ = |ty| t.get(ty).and_then(get_u32);
                if let Some(v) = u8_(IFLA_GRE_PMTUDISC) {
                    pmtudisc = v;
                }
                if let Some(v) = u8_(IFLA_GRE_IGNORE_DF) {
                    ignore_df = u8::from(v != 0);
                }
                if let Some(v) = u8_(IFLA_GRE_TOS) {
                    tos = v;
                }
                if let Some(v) = u8_(IFLA_GRE_TTL) {
                    ttl = v;
                }
                if let Some(v) = u32_(IFLA_GRE_LINK) {
                    link = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_TYPE) {
                    encaptype = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_FLAGS) {
                    encapflags = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_SPORT) {
                    encapsport = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_DPORT) {
                    encapdport = v;
                }
                if t.has(IFLA_GRE_COLLECT_METADATA) {
                    metadata = true;
                }
                if let Some(v) = u32_(IFLA_GRE_FWMARK) {
                    fwmark = v;
                }
                if let Some(v) = u32_(IFLA_GRE_ERSPAN_INDEX) {
                    erspan_idx = v;
                }
                if let Some(v) = u8_(IFLA_GRE_ERSPAN_VER) {
                    erspan_ver = v;
                }
                if let Some(v) = u8_(IFLA_GRE_ERSPAN_DIR) {
                    erspan_dir = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ERSPAN_HWID) {
                    erspan_hwid = v;
                }
            }
        }
        if !ok {
            eprint_raw("Failed to get existing tunnel info.\n");
            return Ok(1);
        }
    }

    while let Some(w) = args.next() {
        let word = OPTS.find(&w).unwrap_or(w.as_str());
        match word {
            "key" => {
                let v = args.value()?;
                iflags |= GRE_KEY;
                oflags |= GRE_KEY;
                ikey = parse_key("key", &v)?;
                okey = ikey;
            }
            "nokey" => {
                iflags &= !GRE_KEY;
                oflags &= !GRE_KEY;
                ikey = [0; 4];
                okey = [0; 4];
            }
            "ikey" => {
                let v = args.value()?;
                iflags |= GRE_KEY;
                ikey = parse_key("ikey", &v)?;
            }
            "noikey" => {
                iflags &= !GRE_KEY;
                ikey = [0; 4];
            }
            "okey" => {
                let v = args.value()?;
                oflags |= GRE_KEY;
                okey = parse_key("okey", &v)?;
            }
            "nookey" => {
                oflags &= !GRE_KEY;
                okey = [0; 4];
            }
            "seq" => {
                iflags |= GRE_SEQ;
                oflags |= GRE_SEQ;
            }
            "noseq" => {
                iflags &= !GRE_SEQ;
                oflags &= !GRE_SEQ;
            }
            "iseq" => iflags |= GRE_SEQ,
            "noiseq" => iflags &= !GRE_SEQ,
            "oseq" => oflags |= GRE_SEQ,
            "nooseq" => oflags &= !GRE_SEQ,
            "csum" => {
                iflags |= GRE_CSUM;
                oflags |= GRE_CSUM;
            }
            "nocsum" => {
                iflags &= !GRE_CSUM;
                oflags &= !GRE_CSUM;
            }
            "icsum" => iflags |= GRE_CSUM,
            "noicsum" => iflags &= !GRE_CSUM,
            "ocsum" => oflags |= GRE_CSUM,
            "noocsum" => oflags &= !GRE_CSUM,
            "nopmtudisc" => pmtudisc = 0,
            "pmtudisc" => pmtudisc = 1,
            "remote" => {
                let v = args.value()?;
                daddr = get_addr(&v, AF_INET)?;
            }
            "local" => {
                let v = args.value()?;
                saddr = get_addr(&v, AF_INET)?;
            }
            "dev" => {
                let v = args.value()?;
                link = ctx.ifindex(&v);
                if link == 0 {
                    return Err(crate::error::no_device(v));
                }
            }
            "ttl" | "hoplimit" | "hlim" => {
                let v = args.value()?;
                ttl = if v != "inherit" {
                    crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid TTL\n", &v))?
                } else {
                    0
                };
            }
            "tos" | "tclass" | "dsfield" => {
                let v = args.value()?;
                tos = if v != "inherit" {
                    crate::names::tables::dsfield_a2n(&v).map(|d| d as u8).ok_or_else(|| invarg("bad TOS value", &v))?
                } else {
                    1
                };
            }
            "noencap" => encaptype = 0,
            "encap" => {
                let v = args.value()?;
                encaptype = ENCAP_TYPES.find(&v).ok_or_else(|| invarg("Invalid encap type.", &v))?;
            }
            "encap-sport" => {
                let v = args.value()?;
                encapsport = if v == "auto" {
                    0
                } else {
                    crate::args::num::get_u16(&v, 0).ok_or_else(|| invarg("Invalid source port.", &v))?
                };
            }
            "encap-dport" => {
                let v = args.value()?;
                encapdport = crate::args::num::get_u16(&v, 0).ok_or_else(|| invarg("Invalid destination port.", &v))?;
            }
            "encap-csum" => encapflags |= TUNNEL_ENCAP_FLAG_CSUM,
            "noencap-csum" => encapflags &= !TUNNEL_ENCAP_FLAG_CSUM,
            "encap-udp6-csum" => encapflags |= TUNNEL_ENCAP_FLAG_CSUM6,
            "noencap-udp6-csum" => encapflags &= !TUNNEL_ENCAP_FLAG_CSUM6,
            "encap-remcsum" => encapflags |= TUNNEL_ENCAP_FLAG_REMCSUM,
            "noencap-remcsum" => encapflags &= !TUNNEL_ENCAP_FLAG_REMCSUM,
            "external" => metadata = true,
            "ignore-df" => ignore_df = 1,
            // Only the low bit is sent; 2 marks "given".
            "noignore-df" => ignore_df = 2,
            "fwmark" => {
                let v = args.value()?;
                fwmark = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("invalid fwmark\n", &v))?;
            }
            "erspan" if erspan => {
                let v = args.value()?;
                erspan_idx = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("invalid erspan index\n", &v))?;
                if erspan_idx & !((1 << 20) - 1) != 0 || erspan_idx == 0 {
                    return Err(invarg("erspan index must be > 0 and <= 20-bit\n", &v));
                }
            }
            "erspan_ver" if erspan => {
                let v = args.value()?;
                erspan_ver = crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid erspan version\n", &v))?;
                if erspan_ver > 2 {
                    return Err(invarg("erspan version must be 0/1/2\n", &v));
                }
            }
            "erspan_dir" if erspan => {
                let v = args.value()?;
                erspan_dir = ERSPAN_DIRS.find(&v).ok_or_else(|| invarg("Invalid erspan direction.", &v))?;
            }
            "erspan_hwid" if erspan => {
                let v = args.value()?;
                erspan_hwid = crate::args::num::get_u16(&v, 0).ok_or_else(|| invarg("invalid erspan hwid\n", &v))?;
            }
            _ => {
                eprint_raw(&help_text(kind));
                return Ok(1);
            }
        }
    }

    if daddr.is_inet_multi() {
        if ikey == [0; 4] {
            ikey.copy_from_slice(&daddr.data[..4]);
            iflags |= GRE_KEY;
        }
        if okey == [0; 4] {
            okey.copy_from_slice(&daddr.data[..4]);
            oflags |= GRE_KEY;
        }
        if !saddr.is_inet_not_unspec() {
            eprint_raw("A broadcast tunnel requires a source address.\n");
            return Ok(1);
        }
    }
    if metadata {
        req.attr(IFLA_GRE_COLLECT_METADATA, &[]);
        return Ok(0);
    }
    req.attr(IFLA_GRE_IKEY, &ikey);
    req.attr(IFLA_GRE_OKEY, &okey);
    req.attr(IFLA_GRE_IFLAGS, &iflags.to_be_bytes());
    req.attr(IFLA_GRE_OFLAGS, &oflags.to_be_bytes());
    if saddr.is_inet_not_unspec() {
        req.attr(IFLA_GRE_LOCAL, saddr.bytes());
    }
    if daddr.is_inet_not_unspec() {
        req.attr(IFLA_GRE_REMOTE, daddr.bytes());
    }
    req.attr_u8(IFLA_GRE_PMTUDISC, pmtudisc);
    if ignore_df != 0 {
        req.attr_u8(IFLA_GRE_IGNORE_DF, ignore_df & 1);
    }
    req.attr_u8(IFLA_GRE_TOS, tos);
    if link != 0 {
        req.attr_u32(IFLA_GRE_LINK, link);
    }
    req.attr_u8(IFLA_GRE_TTL, ttl);
    req.attr_u32(IFLA_GRE_FWMARK, fwmark);
    if erspan {
        req.attr_u8(IFLA_GRE_ERSPAN_VER, erspan_ver);
        if erspan_ver == 1 && erspan_idx != 0 {
            req.attr_u32(IFLA_GRE_ERSPAN_INDEX, erspan_idx);
        } else if erspan_ver == 2 {
            req.attr_u8(IFLA_GRE_ERSPAN_DIR, erspan_dir);
            req.attr_u16(IFLA_GRE_ERSPAN_HWID, erspan_hwid);
        }
    }
    req.attr_u16(IFLA_GRE_ENCAP_TYPE, encaptype);
    req.attr_u16(IFLA_GRE_ENCAP_FLAGS, encapflags);
    req.attr(IFLA_GRE_ENCAP_SPORT, &encapsport.to_be_bytes());
    req.attr(IFLA_GRE_ENCAP_DPORT, &encapdport.to_be_bytes());
    Ok(0)
}

// ---- ip6gre, ip6gretap, ip6erspan (ip/link_gre6.c) ----

use super::iptnl::{
    encap_word, ip6_flow_word, DEFAULT_TNL_HOP_LIMIT, IP6_TNL_F_IGN_ENCAP_LIMIT, IPV6_DEFAULT_TNL_ENCAP_LIMIT,
};

const IFLA_GRE_ENCAP_LIMIT: u16 = 11;
const IFLA_GRE_FLOWINFO: u16 = 12;
const IFLA_GRE_FLAGS: u16 = 13;

fn help6_text(kind: &str) -> String {
    format!(
        "Usage: ... {:<9}\t[ remote ADDR ]\n\
         \t\t\t[ local ADDR ]\n\
         \t\t\t[ [no][i|o]seq ]\n\
         \t\t\t[ [i|o]key KEY | no[i|o]key ]\n\
         \t\t\t[ [no][i|o]csum ]\n\
         \t\t\t[ hoplimit TTL ]\n\
         \t\t\t[ encaplimit ELIM ]\n\
         \t\t\t[ tclass TCLASS ]\n\
         \t\t\t[ flowlabel FLOWLABEL ]\n\
         \t\t\t[ dscp inherit ]\n\
         \t\t\t[ dev PHYS_DEV ]\n\
         \t\t\t[ fwmark MARK ]\n\
         \t\t\t[ [no]allow-localremote ]\n\
         \t\t\t[ external ]\n\
         \t\t\t[ noencap ]\n\
         \t\t\t[ encap {{ fou | gue | none }} ]\n\
         \t\t\t[ encap-sport PORT ]\n\
         \t\t\t[ encap-dport PORT ]\n\
         \t\t\t[ [no]encap-csum ]\n\
         \t\t\t[ [no]encap-csum6 ]\n\
         \t\t\t[ [no]encap-remcsum ]\n\
         \t\t\t[ erspan_ver version ]\n\
         \t\t\t[ erspan IDX ]\n\
         \t\t\t[ erspan_dir {{ ingress | egress }} ]\n\
         \t\t\t[ erspan_hwid hwid ]\n\
         \n\
         Where:\tADDR\t  := IPV6_ADDRESS\n\
         \tTTL\t  := {{ 0..255 }} (default={})\n\
         \tKEY\t  := {{ DOTTED_QUAD | NUMBER }}\n\
         \tELIM\t  := {{ none | 0..255 }}(default={})\n\
         \tTCLASS\t  := {{ 0x0..0xff | inherit }}\n\
         \tFLOWLABEL := {{ 0x0..0xfffff | inherit }}\n\
         \tMARK\t  := {{ 0x0..0xffffffff | inherit }}\n",
        kind, DEFAULT_TNL_HOP_LIMIT, IPV6_DEFAULT_TNL_ENCAP_LIMIT
    )
}

pub fn help6(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(help6_text(kind).as_bytes());
}

/// The IPv6 GRE parser's words, as OPTS (the encap words are read by
/// iptnl's encap_word()).
pub static OPTS6: Table<&str> = Table::new(
    "ip link type ip6gre",
    &[
        kw("key", "key"),
        kw("nokey", "nokey"),
        kw("ikey", "ikey"),
        kw("noikey", "noikey"),
        kw("okey", "okey"),
        kw("nookey", "nookey"),
        kw("seq", "seq"),
        kw("noseq", "noseq"),
        kw("iseq", "iseq"),
        kw("noiseq", "noiseq"),
        kw("oseq", "oseq"),
        kw("nooseq", "nooseq"),
        kw("csum", "csum"),
        kw("nocsum", "nocsum"),
        kw("icsum", "icsum"),
        kw("noicsum", "noicsum"),
        kw("ocsum", "ocsum"),
        kw("noocsum", "noocsum"),
        kw("remote", "remote"),
        kw("local", "local"),
        kw("dev", "dev"),
        kw("ttl", "ttl"),
        kw("hoplimit", "hoplimit"),
        kw("hlim", "hlim"),
        kw("tos", "tos"),
        kw("tclass", "tclass"),
        kw("dsfield", "dsfield"),
        exact("flowlabel", "flowlabel"),
        exact("fl", "fl"),
        exact("dscp", "dscp"),
        exact("fwmark", "fwmark"),
        exact("allow-localremote", "allow-localremote"),
        exact("noallow-localremote", "noallow-localremote"),
        exact("external", "external"),
        exact("encaplimit", "encaplimit"),
        exact("erspan", "erspan"),
        exact("erspan_ver", "erspan_ver"),
        exact("erspan_dir", "erspan_dir"),
        exact("erspan_hwid", "erspan_hwid"),
        doc("noencap", "noencap"),
        doc("encap", "encap"),
        doc("encap-sport", "encap-sport"),
        doc("encap-dport", "encap-dport"),
        doc("encap-csum", "encap-csum"),
        doc("noencap-csum", "noencap-csum"),
        doc("encap-udp6-csum", "encap-udp6-csum"),
        doc("noencap-udp6-csum", "noencap-udp6-csum"),
        doc("encap-remcsum", "encap-remcsum"),
        doc("noencap-remcsum", "noencap-remcsum"),
    ],
);

pub fn parse6(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let (mut iflags, mut oflags) = (0u16, 0u16);
    let (mut ikey, mut okey) = ([0u8; 4], [0u8; 4]);
    let (mut saddr, mut daddr) = (InetPrefix::default(), InetPrefix::default());
    let mut hop_limit = DEFAULT_TNL_HOP_LIMIT;
    let mut encap_limit = IPV6_DEFAULT_TNL_ENCAP_LIMIT;
    let mut flowinfo: u32 = 0;
    let mut flags: u32 = 0;
    let mut link: u32 = 0;
    let (mut encaptype, mut encapflags, mut encapsport, mut encapdport) = (0u16, TUNNEL_ENCAP_FLAG_CSUM6, 0u16, 0u16);
    let mut metadata = false;
    let mut fwmark: u32 = 0;
    let mut erspan_idx: u32 = 0;
    let mut erspan_ver: u8 = 1;
    let mut erspan_dir: u8 = 0;
    let mut erspan_hwid: u16 = 0;

    let (_, nlflags) = super::common::req_type_flags(req);
    if nlflags & NLM_F_CREATE == 0 {
        let mut ok = false;
        if let Some(d) = existing_info_data(ctx, req)? {
            let t = Tb::parse(&d, IFLA_GRE_MAX);
            let addr = |ty: u16| -> Result<Option<InetPrefix>, ()> {
                match t.get(ty) {
                    Some(x) => get_addr_rta(x, AF_INET6).ok().map(Some).ok_or(()),
                    None => Ok(None),
                }
            };
            if let (Ok(l), Ok(r)) = (addr(IFLA_GRE_LOCAL), addr(IFLA_GRE_REMOTE)) {
                ok = true;
                if let Some(a) = l {
                    saddr = a;
                }
                if let Some(a) = r {
                    daddr = a;
                }
                let raw4 = |ty| t.get(ty).and_then(|x| x.get(..4)).and_then(|x| <[u8; 4]>::try_from(x).ok());
                let be16 = |ty| t.get(ty).and_then(|x| x.get(..2)).map(|x| u16::from_be_bytes([x[0], x[1]]));
                let u8_ = |ty| t.get(ty).and_then(get_u8);
                let u16_ = |ty| t.get(ty).and_then(get_u16);
                let u32_ = |ty| t.get(ty).and_then(get_u32);
                if let Some(k) = raw4(IFLA_GRE_IKEY) {
                    ikey = k;
                }
                if let Some(k) = raw4(IFLA_GRE_OKEY) {
                    okey = k;
                }
                if let Some(v) = be16(IFLA_GRE_IFLAGS) {
                    iflags = v;
                }
                if let Some(v) = be16(IFLA_GRE_OFLAGS) {
                    oflags = v;
                }
                if let Some(v) = u8_(IFLA_GRE_TTL) {
                    hop_limit = v;
                }
                if let Some(v) = u32_(IFLA_GRE_LINK) {
                    link = v;
                }
                if let Some(v) = u8_(IFLA_GRE_ENCAP_LIMIT) {
                    encap_limit = v;
                }
                if let Some(v) = t.get(IFLA_GRE_FLOWINFO).and_then(crate::netlink::attr::get_be32) {
                    flowinfo = v;
                }
                if let Some(v) = u32_(IFLA_GRE_FLAGS) {
                    flags = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_TYPE) {
                    encaptype = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_FLAGS) {
                    encapflags = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_SPORT) {
                    encapsport = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ENCAP_DPORT) {
                    encapdport = v;
                }
                if t.has(IFLA_GRE_COLLECT_METADATA) {
                    metadata = true;
                }
                if let Some(v) = u32_(IFLA_GRE_FWMARK) {
                    fwmark = v;
                }
                if let Some(v) = u32_(IFLA_GRE_ERSPAN_INDEX) {
                    erspan_idx = v;
                }
                if let Some(v) = u8_(IFLA_GRE_ERSPAN_VER) {
                    erspan_ver = v;
                }
                if let Some(v) = u8_(IFLA_GRE_ERSPAN_DIR) {
                    erspan_dir = v;
                }
                if let Some(v) = u16_(IFLA_GRE_ERSPAN_HWID) {
                    erspan_hwid = v;
                }
            }
        }
        if !ok {
            eprint_raw("Failed to get existing tunnel info.\n");
            return Ok(1);
        }
    }

    while let Some(w) = args.next() {
        let word = OPTS6.find(&w).unwrap_or(w.as_str());
        match word {
            "key" => {
                let v = args.value()?;
                iflags |= GRE_KEY;
                oflags |= GRE_KEY;
                ikey = parse_key("key", &v)?;
                okey = ikey;
            }
            "nokey" => {
                iflags &= !GRE_KEY;
                oflags &= !GRE_KEY;
                ikey = [0; 4];
                okey = [0; 4];
            }
            "ikey" => {
                let v = args.value()?;
                iflags |= GRE_KEY;
                ikey = parse_key("ikey", &v)?;
            }
            "noikey" => {
                iflags &= !GRE_KEY;
                ikey = [0; 4];
            }
            "okey" => {
                let v = args.value()?;
                oflags |= GRE_KEY;
                okey = parse_key("okey", &v)?;
            }
            "nookey" => {
                oflags &= !GRE_KEY;
                okey = [0; 4];
            }
            "seq" => {
                iflags |= GRE_SEQ;
                oflags |= GRE_SEQ;
            }
            "noseq" => {
                iflags &= !GRE_SEQ;
                oflags &= !GRE_SEQ;
            }
            "iseq" => iflags |= GRE_SEQ,
            "noiseq" => iflags &= !GRE_SEQ,
            "oseq" => oflags |= GRE_SEQ,
            "nooseq" => oflags &= !GRE_SEQ,
            "csum" => {
                iflags |= GRE_CSUM;
                oflags |= GRE_CSUM;
            }
            "nocsum" => {
                iflags &= !GRE_CSUM;
                oflags &= !GRE_CSUM;
            }
            "icsum" => iflags |= GRE_CSUM,
            "noicsum" => iflags &= !GRE_CSUM,
            "ocsum" => oflags |= GRE_CSUM,
            "noocsum" => oflags &= !GRE_CSUM,
            "remote" => {
                let v = args.value()?;
                daddr = get_addr(&v, AF_INET6)?;
            }
            "local" => {
                let v = args.value()?;
                saddr = get_addr(&v, AF_INET6)?;
            }
            "dev" => {
                let v = args.value()?;
                link = ctx.ifindex(&v);
                if link == 0 {
                    return Err(crate::error::no_device(v));
                }
            }
            "ttl" | "hoplimit" | "hlim" => {
                let v = args.value()?;
                hop_limit = if v != "inherit" {
                    crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid HLIM\n", &v))?
                } else {
                    0
                };
            }
            "tos" | "tclass" | "dsfield" => {
                ip6_flow_word("tclass", args, &mut flowinfo, &mut flags, &mut fwmark).unwrap_or(Ok(()))?;
            }
            "flowlabel" | "fl" | "dscp" | "fwmark" | "allow-localremote" | "noallow-localremote" => {
                ip6_flow_word(word, args, &mut flowinfo, &mut flags, &mut fwmark).unwrap_or(Ok(()))?;
            }
            "external" => metadata = true,
            "encaplimit" => {
                let v = args.value()?;
                if v == "none" {
                    flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
                } else {
                    encap_limit = crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid ELIM", &v))?;
                    flags &= !IP6_TNL_F_IGN_ENCAP_LIMIT;
                }
            }
            "erspan" => {
                let v = args.value()?;
                erspan_idx = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("invalid erspan index\n", &v))?;
                if erspan_idx & !((1 << 20) - 1) != 0 || erspan_idx == 0 {
                    return Err(invarg("erspan index must be > 0 and <= 20-bit\n", &v));
                }
            }
            "erspan_ver" => {
                let v = args.value()?;
                erspan_ver = crate::args::num::get_u8(&v, 0).ok_or_else(|| invarg("invalid erspan version\n", &v))?;
                if erspan_ver > 2 {
                    return Err(invarg("erspan version must be 0/1/2\n", &v));
                }
            }
            "erspan_dir" => {
                let v = args.value()?;
                erspan_dir = ERSPAN_DIRS.find(&v).ok_or_else(|| invarg("Invalid erspan direction.", &v))?;
            }
            "erspan_hwid" => {
                let v = args.value()?;
                erspan_hwid = crate::args::num::get_u16(&v, 0).ok_or_else(|| invarg("invalid erspan hwid\n", &v))?;
            }
            _ => {
                if let Some(r) =
                    encap_word(word, args, &mut encaptype, &mut encapflags, &mut encapsport, &mut encapdport)
                {
                    r?;
                    continue;
                }
                eprint_raw(&help6_text(kind));
                return Ok(1);
            }
        }
    }
    if metadata {
        req.attr(IFLA_GRE_COLLECT_METADATA, &[]);
        return Ok(0);
    }
    req.attr(IFLA_GRE_IKEY, &ikey);
    req.attr(IFLA_GRE_OKEY, &okey);
    req.attr(IFLA_GRE_IFLAGS, &iflags.to_be_bytes());
    req.attr(IFLA_GRE_OFLAGS, &oflags.to_be_bytes());
    if saddr.is_inet_not_unspec() {
        req.attr(IFLA_GRE_LOCAL, saddr.bytes());
    }
    if daddr.is_inet_not_unspec() {
        req.attr(IFLA_GRE_REMOTE, daddr.bytes());
    }
    if link != 0 {
        req.attr_u32(IFLA_GRE_LINK, link);
    }
    req.attr_u8(IFLA_GRE_TTL, hop_limit);
    req.attr_u8(IFLA_GRE_ENCAP_LIMIT, encap_limit);
    req.attr(IFLA_GRE_FLOWINFO, &flowinfo.to_be_bytes());
    req.attr_u32(IFLA_GRE_FLAGS, flags);
    req.attr_u32(IFLA_GRE_FWMARK, fwmark);
    if erspan_ver <= 2 {
        req.attr_u8(IFLA_GRE_ERSPAN_VER, erspan_ver);
        if erspan_ver == 1 && erspan_idx != 0 {
            req.attr_u32(IFLA_GRE_ERSPAN_INDEX, erspan_idx);
        } else if erspan_ver == 2 {
            req.attr_u8(IFLA_GRE_ERSPAN_DIR, erspan_dir);
            req.attr_u16(IFLA_GRE_ERSPAN_HWID, erspan_hwid);
        }
    }
    req.attr_u16(IFLA_GRE_ENCAP_TYPE, encaptype);
    req.attr_u16(IFLA_GRE_ENCAP_FLAGS, encapflags);
    req.attr(IFLA_GRE_ENCAP_SPORT, &encapsport.to_be_bytes());
    req.attr(IFLA_GRE_ENCAP_DPORT, &encapdport.to_be_bytes());
    Ok(0)
}
