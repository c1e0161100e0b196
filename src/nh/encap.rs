//! Lightweight-tunnel encapsulation (ip/iproute_lwtunnel.c): the type
//! keyword and its errors for every type, the options of `mpls` and `ip`,
//! and printing of those two. Other types are reported as unsupported.

use super::Env;
use crate::args::keywords::{exact, Table};
use crate::args::Args;
use crate::error::{duparg2, invarg};
use crate::error::{fail, Res};
use crate::inet::{get_addr, ABuf};
use crate::netlink::attr::{attrs, get_u16, get_u64, get_u8};
use crate::netlink::consts::*;
use crate::print::{Color, Printer, T};

/// format_encap_type(): the name of a type, from [`TYPES`]; "unknown".
fn type_name(t: u16) -> &'static str {
    match TYPES.entries.iter().find(|k| k.id == t && t != TYPE_HELP) {
        Some(k) => k.word(),
        None => "unknown",
    }
}

/// `help` among the types: the usage, not a type.
const TYPE_HELP: u16 = u16::MAX;

/// read_encap_type()'s words (LWTUNNEL_ENCAP_* values), in its order.
pub static TYPES: Table<u16> = Table::new(
    "ip route add encap",
    &[
        exact("mpls", 1),
        exact("ip", 2),
        exact("ip6", 4),
        exact("ila", 3),
        exact("bpf", 6),
        exact("seg6", 5),
        exact("seg6local", 7),
        exact("rpl", 8),
        exact("ioam6", 9),
        exact("xfrm", 10),
        exact("help", TYPE_HELP),
    ],
);

/// A level's options: each word maps to its own spelling, which the
/// parser matches on (all of iproute_lwtunnel.c's are strcmp).
type Opts = Table<&'static str>;

pub static MPLS_OPTIONS: Opts = Table::new("ip route add encap mpls", &[exact("ttl", "ttl")]);

pub static IP_OPTIONS: Opts = Table::new(
    "ip route add encap ip",
    &[
        exact("id", "id"),
        exact("dst", "dst"),
        exact("src", "src"),
        exact("tos", "tos"),
        exact("ttl", "ttl"),
        exact("key", "key"),
        exact("csum", "csum"),
        exact("seq", "seq"),
        exact("geneve_opts", "geneve_opts"),
        exact("vxlan_opts", "vxlan_opts"),
        exact("erspan_opts", "erspan_opts"),
    ],
);

pub static IP6_OPTIONS: Opts = Table::new(
    "ip route add encap ip6",
    &[
        exact("id", "id"),
        exact("dst", "dst"),
        exact("src", "src"),
        exact("tc", "tc"),
        exact("hoplimit", "hoplimit"),
        exact("key", "key"),
        exact("csum", "csum"),
        exact("seq", "seq"),
        exact("geneve_opts", "geneve_opts"),
        exact("vxlan_opts", "vxlan_opts"),
        exact("erspan_opts", "erspan_opts"),
    ],
);

pub static SEG6_OPTIONS: Opts =
    Table::new("ip route add encap seg6", &[exact("mode", "mode"), exact("segs", "segs"), exact("hmac", "hmac")]);

pub static SEG6LOCAL_OPTIONS: Opts = Table::new(
    "ip route add encap seg6local",
    &[
        exact("action", "action"),
        exact("table", "table"),
        exact("vrftable", "vrftable"),
        exact("nh4", "nh4"),
        exact("nh6", "nh6"),
        exact("iif", "iif"),
        exact("oif", "oif"),
        exact("count", "count"),
        exact("srh", "srh"),
        exact("flavors", "flavors"),
        exact("endpoint", "endpoint"),
    ],
);

pub static RPL_OPTIONS: Opts = Table::new("ip route add encap rpl", &[exact("segs", "segs")]);

/// ioam6 `mode` values, compared whole; ids are IOAM6_IPTUNNEL_MODE_*.
pub static IOAM6_MODES: Table<u8> =
    Table::new("ip route add encap ioam6 mode", &[exact("inline", 1), exact("encap", 2), exact("auto", 3)]);

/// parse_encap_ioam6()'s words: freq, mode, tundst, trace and prealloc in
/// that sequence, then the trace's type, ns and size in any order.
pub static IOAM6_OPTIONS: Opts = Table::new(
    "ip route add encap ioam6",
    &[
        exact("freq", "freq"),
        exact("mode", "mode"),
        exact("tundst", "tundst"),
        exact("trace", "trace"),
        exact("prealloc", "prealloc"),
        exact("type", "type"),
        exact("ns", "ns"),
        exact("size", "size"),
    ],
);

/// ila `csum-mode` values, compared whole; ids are ILA_CSUM_*.
pub static ILA_CSUM_MODES: Table<u8> = Table::new(
    "ip route add encap ila csum-mode",
    &[exact("adj-transport", 0), exact("neutral-map", 1), exact("neutral-map-auto", 3), exact("no-action", 2)],
);

/// ila `ident-type` values, compared whole; ids are ILA_ATYPE_*.
pub static ILA_IDENT_TYPES: Table<u8> =
    Table::new("ip route add encap ila ident-type", &[exact("luid", 1), exact("use-format", 32)]);

/// ila `hook-type` values, compared whole; ids are ILA_HOOK_*.
pub static ILA_HOOK_TYPES: Table<u8> =
    Table::new("ip route add encap ila hook-type", &[exact("output", 0), exact("input", 1)]);

pub static ILA_OPTIONS: Opts = Table::new(
    "ip route add encap ila",
    &[exact("csum-mode", "csum-mode"), exact("ident-type", "ident-type"), exact("hook-type", "hook-type")],
);

pub static XFRM_OPTIONS: Opts = Table::new(
    "ip route add encap xfrm",
    &[exact("if_id", "if_id"), exact("link_dev", "link_dev"), exact("help", "help")],
);

/// The option `w` names in `t` ("" when none).
fn opt(t: &Opts, w: &str) -> &'static str {
    t.find(w).unwrap_or("")
}

/// read_encap_type(): the type of `name`, 0 when none; `help` prints the
/// type list and exits 255.
fn read_type(name: &str) -> Res<u16> {
    match TYPES.find(name) {
        Some(TYPE_HELP) => {
            let mut s = String::from("Usage: ip route ... encap TYPE [ OPTIONS ] [...]\n");
            for i in 1..=10u16 {
                s.push_str(&format!("{} {}\n", type_name(i), if i == 1 { "TYPE := " } else { "      " }));
            }
            Err(fail(255, &s))
        }
        Some(t) => Ok(t),
        None => Ok(0),
    }
}

/// An attribute appended to `out` (rta_addattr_l).
fn add(out: &mut Vec<u8>, ty: u16, data: &[u8]) {
    let len = 4 + data.len();
    out.extend_from_slice(&(len as u16).to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(data);
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

/// lwt_parse_encap(): `a.i` is on "encap"; on return it is on the last word
/// used. Returns the RTA_ENCAP and RTA_ENCAP_TYPE attributes, ready to append.
pub fn parse(ctx: &mut crate::ctx::Ctx, a: &mut Args, encap_attr: u16, type_attr: u16) -> Res<Vec<u8>> {
    a.next_arg()?;
    let ty = read_type(a.cur())?;
    if ty == 0 {
        return Err(invarg("\"encap type\" value is invalid\n", a.cur()));
    }
    a.next_arg()?;
    if a.remaining() <= 1 {
        return Err(fail(255, "Error: unexpected end of line after \"encap\"\n"));
    }
    let mut inner = Vec::new();
    match ty {
        1 => {
            let w = a.cur().to_string();
            let addr = get_addr(&w, AF_MPLS)?;
            add(&mut inner, 1, addr.bytes());
            a.step();
            let mut ttl_ok = false;
            while a.remaining() > 0 {
                if opt(&MPLS_OPTIONS, a.cur()) == "ttl" {
                    a.next_arg()?;
                    if ttl_ok {
                        return Err(duparg2("ttl", a.cur()));
                    }
                    ttl_ok = true;
                    let Some(t) = crate::args::num::get_u8(a.cur(), 0) else {
                        return Err(invarg("\"ttl\" value is invalid\n", a.cur()));
                    };
                    add(&mut inner, 2, &[t]);
                } else {
                    break;
                }
                a.step();
            }
            a.back();
        }
        2 | 4 => parse_ip(a, ty == 4, &mut inner)?,
        5 => parse_seg6(a, &mut inner)?,
        7 => parse_seg6local(ctx, a, &mut inner)?,
        8 => {
            // parse_encap_rpl(): segs, reversed into an RPL source routing header.
            let mut segs = String::new();
            let mut segs_ok = false;
            while a.remaining() > 0 && opt(&RPL_OPTIONS, a.cur()) == "segs" {
                a.next_arg()?;
                if segs_ok {
                    return Err(duparg2("segs", a.cur()));
                }
                segs_ok = true;
                segs = a.cur().chars().take(1023).collect();
                a.step();
            }
            let nsegs = segs.bytes().filter(|&c| c == b',').count() + 1;
            let len = 8 + 16 * nsegs;
            let mut srh = vec![0u8; len];
            srh[1] = ((len >> 3) - 1) as u8;
            srh[2] = 3;
            srh[3] = nsegs as u8;
            let mut i = nsegs as isize - 1;
            for seg in segs.split(',').filter(|x| !x.is_empty()) {
                let addr = get_addr(seg, AF_INET6)?;
                if i >= 0 {
                    let at = 8 + 16 * i as usize;
                    srh[at..at + 16].copy_from_slice(&addr.data[..16]);
                }
                i -= 1;
            }
            add(&mut inner, 1, &srh);
            a.back();
        }
        9 => parse_ioam6(a, &mut inner)?,
        3 => parse_ila(a, &mut inner)?,
        10 => {
            // parse_encap_xfrm(): words it does not know are skipped, so
            // it takes the rest of the line.
            let (mut id_ok, mut link_ok) = (false, false);
            while a.remaining() > 0 {
                match opt(&XFRM_OPTIONS, a.cur()) {
                    "if_id" => {
                        a.next_arg()?;
                        if id_ok {
                            return Err(duparg2("if_id", a.cur()));
                        }
                        id_ok = true;
                        match crate::args::num::get_u32(a.cur(), 0) {
                            Some(v) if v != 0 => add(&mut inner, 1, &v.to_ne_bytes()),
                            _ => return Err(invarg("\"if_id\" value is invalid\n", a.cur())),
                        }
                    }
                    "link_dev" => {
                        a.next_arg()?;
                        if link_ok {
                            return Err(duparg2("link_dev", a.cur()));
                        }
                        link_ok = true;
                        let idx = ctx.ifindex(a.cur());
                        if idx == 0 {
                            return Err(crate::error::no_device(a.cur()));
                        }
                        add(&mut inner, 2, &idx.to_ne_bytes());
                    }
                    "help" => return Err(fail(255, XFRM_USAGE)),
                    _ => {}
                }
                a.step();
            }
            if !id_ok {
                return Err(fail(255, XFRM_USAGE));
            }
            a.back();
        }
        _ => {
            return Err(fail(1, &format!("rip: encap {} is not supported yet\n", type_name(ty))));
        }
    }
    let mut out = Vec::new();
    add(&mut out, encap_attr | 0x8000, &inner);
    add(&mut out, type_attr, &ty.to_ne_bytes());
    Ok(out)
}

/// parse_encap_ip() / parse_encap_ip6(): on return `a.i` is on the last word used.
fn parse_ip(a: &mut Args, v6: bool, inner: &mut Vec<u8>) -> Res<()> {
    let fam = if v6 { AF_INET6 } else { AF_INET };
    // LWTUNNEL_IP_* and LWTUNNEL_IP6_* share their numbers (TTL/HOPLIMIT, TOS/TC).
    let (a_id, a_dst, a_src, a_ttl, a_tos, a_flags) = (1u16, 2u16, 3u16, 4u16, 5u16, 6u16);
    let (k_tos, k_ttl) = if v6 { ("tc", "hoplimit") } else { ("tos", "ttl") };
    let (mut id_ok, mut dst_ok, mut src_ok, mut tos_ok, mut ttl_ok) = (false, false, false, false, false);
    let (mut key, mut csum, mut seq) = (false, false, false);
    let mut flags: u16 = 0;
    let table = if v6 { &IP6_OPTIONS } else { &IP_OPTIONS };
    while a.remaining() > 0 {
        let w = opt(table, a.cur()).to_string();
        if w == "id" {
            a.next_arg()?;
            if id_ok {
                return Err(duparg2("id", a.cur()));
            }
            id_ok = true;
            let Some(v) = crate::args::num::get_u64(a.cur(), 0) else {
                return Err(invarg("\"id\" value is invalid\n", a.cur()));
            };
            add(inner, a_id, &v.to_be_bytes());
        } else if w == "dst" || w == "src" {
            a.next_arg()?;
            let ok = if w == "dst" { &mut dst_ok } else { &mut src_ok };
            if *ok {
                return Err(duparg2(&w, a.cur()));
            }
            *ok = true;
            let addr = get_addr(a.cur(), fam)?;
            add(inner, if w == "dst" { a_dst } else { a_src }, addr.bytes());
        } else if w == k_tos {
            a.next_arg()?;
            if tos_ok {
                return Err(duparg2(k_tos, a.cur()));
            }
            tos_ok = true;
            let Some(t) = crate::names::tables::dsfield_a2n(a.cur()) else {
                return Err(invarg(&format!("\"{}\" value is invalid\n", k_tos), a.cur()));
            };
            add(inner, a_tos, &[t as u8]);
        } else if w == k_ttl {
            a.next_arg()?;
            if ttl_ok {
                return Err(duparg2(k_ttl, a.cur()));
            }
            ttl_ok = true;
            let Some(t) = crate::args::num::get_u8(a.cur(), 0) else {
                return Err(invarg(&format!("\"{}\" value is invalid\n", k_ttl), a.cur()));
            };
            add(inner, a_ttl, &[t]);
        } else if w == "key" || w == "csum" || w == "seq" {
            let (ok, bit) = match w.as_str() {
                "key" => (&mut key, 0x04u16),
                "csum" => (&mut csum, 0x01),
                _ => (&mut seq, 0x08),
            };
            if *ok {
                return Err(duparg2(&w, &w));
            }
            *ok = true;
            flags |= bit;
        } else if w == "geneve_opts" || w == "vxlan_opts" || w == "erspan_opts" {
            return Err(fail(1, &format!("rip: encap option {} is not supported yet\n", w)));
        } else {
            break;
        }
        a.step();
    }
    if flags != 0 {
        add(inner, a_flags, &flags.to_be_bytes());
    }
    a.back();
    Ok(())
}

/// parse_encap_ioam6(), with its argv positioning: when the trace options
/// run to the end of the line, the last value is handed back to the caller.
fn parse_ioam6(a: &mut Args, inner: &mut Vec<u8>) -> Res<()> {
    let (mut k, mut n) = (1u32, 1u32);
    if opt(&IOAM6_OPTIONS, a.cur()) == "freq" {
        a.next_arg()?;
        let w = a.cur();
        if w.len() > 15 {
            return Err(invarg("Invalid frequency (too long)", w));
        }
        let parts: Vec<&str> = w.split('/').collect();
        let parsed = if w.bytes().filter(|&c| c == b'/').count() == 1 {
            let nonempty: Vec<&str> = parts.iter().copied().filter(|x| !x.is_empty()).collect();
            match nonempty.as_slice() {
                [x, y] => crate::args::num::get_u32(x, 10).zip(crate::args::num::get_u32(y, 10)),
                _ => None,
            }
        } else {
            None
        };
        let Some((fk, fnn)) = parsed else {
            return Err(invarg("Invalid frequency (malformed)", w));
        };
        if !(1..=1_000_000).contains(&fk) {
            return Err(invarg("Out of bound \"k\" frequency", w));
        }
        if !(1..=1_000_000).contains(&fnn) {
            return Err(invarg("Out of bound \"n\" frequency", w));
        }
        if fk > fnn {
            return Err(invarg("Frequency with k > n is forbidden", w));
        }
        k = fk;
        n = fnn;
        a.next_arg()?;
    }
    let mut mode = 1u8;
    if opt(&IOAM6_OPTIONS, a.cur()) == "mode" {
        a.next_arg()?;
        mode = IOAM6_MODES.find(a.cur()).ok_or_else(|| invarg("Invalid mode", a.cur()))?;
        a.next_arg()?;
    }
    let mut dst: Option<[u8; 16]> = None;
    if opt(&IOAM6_OPTIONS, a.cur()) != "tundst" {
        if mode != 1 {
            return Err(crate::error::missarg("tundst"));
        }
    } else {
        if mode == 1 {
            return Err(invarg("Inline mode does not need tundst", a.cur()));
        }
        a.next_arg()?;
        let addr = get_addr(a.cur(), AF_INET6)?;
        let mut d = [0u8; 16];
        d.copy_from_slice(&addr.data[..16]);
        dst = Some(d);
        a.next_arg()?;
    }
    if opt(&IOAM6_OPTIONS, a.cur()) != "trace" {
        return Err(crate::error::missarg("trace"));
    }
    a.next_arg()?;
    if opt(&IOAM6_OPTIONS, a.cur()) != "prealloc" {
        return Err(crate::error::missarg("prealloc"));
    }
    let (mut ty, mut ns, mut ns_found, mut size) = (0u32, 0u16, false, 0u16);
    while a.remaining() > 1 {
        a.step();
        match opt(&IOAM6_OPTIONS, a.cur()) {
            "type" => {
                a.next_arg()?;
                if ty != 0 {
                    return Err(duparg2("type", a.cur()));
                }
                match crate::args::num::get_u32(a.cur(), 0) {
                    Some(v) if v != 0 => ty = v,
                    _ => return Err(invarg("Invalid trace type", a.cur())),
                }
            }
            "ns" => {
                a.next_arg()?;
                if ns_found {
                    return Err(duparg2("ns", a.cur()));
                }
                ns_found = true;
                match crate::args::num::get_u16(a.cur(), 0) {
                    Some(v) => ns = v,
                    None => return Err(invarg("Invalid namespace ID", a.cur())),
                }
            }
            "size" => {
                a.next_arg()?;
                if size != 0 {
                    return Err(duparg2("size", a.cur()));
                }
                match crate::args::num::get_u16(a.cur(), 0) {
                    Some(v) if v != 0 => size = v,
                    _ => return Err(invarg("Invalid trace size", a.cur())),
                }
                if size % 4 != 0 {
                    return Err(invarg("Trace size must be a 4-octet multiple", a.cur()));
                }
                if size > 244 {
                    return Err(invarg("Trace size is too big", a.cur()));
                }
            }
            _ => break,
        }
    }
    if ty == 0 {
        return Err(crate::error::missarg("type"));
    }
    if !ns_found {
        return Err(crate::error::missarg("ns"));
    }
    if size == 0 {
        return Err(crate::error::missarg("size"));
    }
    let mut trace = [0u8; 8];
    trace[0..2].copy_from_slice(&ns.to_be_bytes());
    trace[3] = (size / 4) as u8;
    trace[4..8].copy_from_slice(&(ty << 8).to_be_bytes());
    add(inner, 4, &k.to_ne_bytes());
    add(inner, 5, &n.to_ne_bytes());
    add(inner, 1, &[mode]);
    if let Some(d) = dst {
        add(inner, 2, &d);
    }
    add(inner, 3, &trace);
    a.back();
    Ok(())
}

/// get_addr64(): up to four 16-bit hex groups separated by ':'.
pub fn get_addr64(s: &str) -> Option<u64> {
    let mut v = [0u16; 4];
    let mut cp = s;
    for (i, slot) in v.iter_mut().enumerate() {
        let (n, used, over) = crate::args::num::c_strtoull(cp, 16);
        if over || n > 0xffff || used == 0 {
            return None;
        }
        *slot = n as u16;
        let rest = &cp[used..];
        if rest.is_empty() {
            break;
        }
        if i == 3 || !rest.starts_with(':') {
            return None;
        }
        cp = &rest[1..];
    }
    let mut b = [0u8; 8];
    for (i, x) in v.iter().enumerate() {
        b[2 * i..2 * i + 2].copy_from_slice(&x.to_be_bytes());
    }
    Some(u64::from_ne_bytes(b))
}

/// parse_encap_ila(): a locator, then csum-mode, ident-type, hook-type.
fn parse_ila(a: &mut Args, inner: &mut Vec<u8>) -> Res<()> {
    let Some(loc) = get_addr64(a.cur()) else {
        return Err(fail(1, &format!("Bad locator: {}\n", a.cur())));
    };
    add(inner, 1, &loc.to_ne_bytes());
    a.step();
    while a.remaining() > 0 {
        let (attr, v, msg) = match opt(&ILA_OPTIONS, a.cur()) {
            "csum-mode" => {
                a.next_arg()?;
                let v = ILA_CSUM_MODES.find(a.cur());
                (7u16, v, "\"csum-mode\" value is invalid\n")
            }
            "ident-type" => {
                a.next_arg()?;
                let v = ILA_IDENT_TYPES.find(a.cur());
                (8, v, "\"ident-type\" value is invalid\n")
            }
            "hook-type" => {
                a.next_arg()?;
                let v = ILA_HOOK_TYPES.find(a.cur());
                (9, v, "\"hook-type\" value is invalid\n")
            }
            _ => break,
        };
        let Some(v) = v else { return Err(invarg(msg, a.cur())) };
        add(inner, attr, &[v]);
        a.step();
    }
    a.back();
    Ok(())
}

const XFRM_USAGE: &str = "Usage: ip route ... encap xfrm if_id IF_ID [ link_dev LINK ]\n";

/// seg6 `mode` values, compared whole; ids are SEG6_IPTUN_MODE_* (the
/// index, which the printer reads back as the name).
pub static SEG6_MODES: Table<i32> = Table::new(
    "ip route add encap seg6 mode",
    &[exact("inline", 0), exact("encap", 1), exact("l2encap", 2), exact("encap.red", 3), exact("l2encap.red", 4)],
);

/// parse_encap_seg6(): mode, segs, hmac; builds seg6_iptunnel_encap + SRH.
fn parse_seg6(a: &mut Args, inner: &mut Vec<u8>) -> Res<()> {
    let (mut mode_ok, mut segs_ok, mut hmac_ok) = (false, false, false);
    let mut mode: i32 = -1;
    let mut segs = String::new();
    let mut hmac = 0u32;
    while a.remaining() > 0 {
        match opt(&SEG6_OPTIONS, a.cur()) {
            "mode" => {
                a.next_arg()?;
                if mode_ok {
                    return Err(duparg2("mode", a.cur()));
                }
                mode_ok = true;
                match SEG6_MODES.find(a.cur()) {
                    Some(i) => mode = i,
                    None => return Err(invarg("\"mode\" value is invalid\n", a.cur())),
                }
            }
            "segs" => {
                a.next_arg()?;
                if segs_ok {
                    return Err(duparg2("segs", a.cur()));
                }
                segs_ok = true;
                if mode == -1 {
                    return Err(invarg("\"segs\" provided before \"mode\"\n", a.cur()));
                }
                segs = a.cur().chars().take(1023).collect();
            }
            "hmac" => {
                a.next_arg()?;
                if hmac_ok {
                    return Err(duparg2("hmac", a.cur()));
                }
                hmac_ok = true;
                if let Some(v) = crate::args::num::get_u32(a.cur(), 0) {
                    hmac = v;
                }
            }
            _ => break,
        }
        a.step();
    }
    let srh = build_srh(&segs, hmac, mode != 0)?;
    let mut v = Vec::with_capacity(4 + srh.len());
    v.extend_from_slice(&mode.to_ne_bytes());
    v.extend_from_slice(&srh);
    add(inner, 1, &v);
    a.back();
    Ok(())
}

/// parse_srh(): segments in reverse order, an empty slot 0 unless
/// encapsulating, an HMAC TLV when a key id is given.
fn build_srh(segs: &str, hmac: u32, encap: bool) -> Res<Vec<u8>> {
    let mut nsegs = segs.bytes().filter(|&c| c == b',').count() + 1;
    if !encap {
        nsegs += 1;
    }
    let mut len = 8 + 16 * nsegs;
    if hmac != 0 {
        len += 40;
    }
    let mut srh = vec![0u8; len];
    srh[1] = ((len >> 3) - 1) as u8;
    srh[2] = 4;
    srh[3] = (nsegs - 1) as u8;
    srh[4] = (nsegs - 1) as u8;
    if hmac != 0 {
        srh[5] |= 1 << 3;
    }
    let mut i = nsegs as isize - 1;
    for s in segs.split(',').filter(|s| !s.is_empty()) {
        let addr = get_addr(s, AF_INET6)?;
        if i >= 0 {
            let at = 8 + 16 * i as usize;
            if let Some(d) = srh.get_mut(at..at + 16) {
                d.copy_from_slice(&addr.data[..16]);
            }
        }
        i -= 1;
    }
    if hmac != 0 {
        let at = len - 40;
        srh[at] = 5;
        srh[at + 1] = 38;
        srh[at + 4..at + 8].copy_from_slice(&hmac.to_be_bytes());
    }
    Ok(srh)
}

fn print_seg6(p: &mut Printer, enc: &[u8]) {
    let Some(d) = attrs(enc).find(|(t, _)| *t == 1).map(|(_, d)| d) else { return };
    let Some(mb) = d.get(..4) else { return };
    let mode = i32::from_ne_bytes([mb[0], mb[1], mb[2], mb[3]]);
    let name = SEG6_MODES.entries.iter().find(|k| k.id == mode).map_or("<unknown>", |k| k.word());
    p.string(T::Any, "mode", "mode {} ", name);
    print_srh(p, &d[4..]);
}

/// print_srh()
fn print_srh(p: &mut Printer, srh: &[u8]) {
    let first = srh.get(4).copied().unwrap_or(0) as usize;
    if p.is_json() {
        p.open_array(T::Json, "segs");
    } else {
        p.fpf(format_args!("segs {} [ ", first + 1));
    }
    let mut b = ABuf::new();
    for i in (0..=first).rev() {
        let at = 8 + 16 * i;
        let seg = srh.get(at..at + 16).unwrap_or(&[0u8; 16]);
        b.clear();
        b.push_addr(AF_INET6, seg);
        p.color_string_opt(T::Any, Color::Inet6, None, "{} ", b.as_str());
    }
    if p.is_json() {
        p.close_array(T::Json, "");
    } else {
        p.fp("] ");
    }
    if srh.get(5).is_some_and(|f| f & (1 << 3) != 0) {
        let hdrlen = srh.get(1).copied().unwrap_or(0) as usize;
        let at = ((hdrlen + 1) << 3).saturating_sub(40);
        let id = srh.get(at + 4..at + 8).map(|x| u32::from_be_bytes([x[0], x[1], x[2], x[3]])).unwrap_or(0);
        let j = crate::print::fmt::c_hash_x(id as u64);
        p.field(T::Any, Color::None, Some("hmac"), crate::print::J::Str(&j), format_args!("hmac {:X} ", id));
    }
}

const SEG6_ACTIONS: [&str; 17] = [
    "",
    "End",
    "End.X",
    "End.T",
    "End.DX2",
    "End.DX6",
    "End.DX4",
    "End.DT6",
    "End.DT4",
    "End.B6",
    "End.B6.Encaps",
    "End.BM",
    "End.S",
    "End.AS",
    "End.AM",
    "End.BPF",
    "End.DT46",
];

/// parse_encap_seg6local() without `flavors` and `endpoint` (BPF).
fn parse_seg6local(ctx: &mut crate::ctx::Ctx, a: &mut Args, inner: &mut Vec<u8>) -> Res<()> {
    let mut seen: [bool; 12] = [false; 12];
    let mut action = 0u32;
    let mut srh: Option<(String, u32)> = None;
    let mut hmac_ok = false;
    macro_rules! once {
        ($i:expr, $k:expr) => {
            if seen[$i] {
                return Err(duparg2($k, a.cur()));
            }
            seen[$i] = true;
        };
    }
    while a.remaining() > 0 {
        let w = opt(&SEG6LOCAL_OPTIONS, a.cur());
        match w {
            "action" => {
                a.next_arg()?;
                once!(1, "action");
                action = SEG6_ACTIONS.iter().skip(1).position(|n| *n == a.cur()).map(|i| i as u32 + 1).unwrap_or(0);
                if action == 0 {
                    return Err(invarg("\"action\" value is invalid\n", a.cur()));
                }
                add(inner, 1, &action.to_ne_bytes());
            }
            "table" | "vrftable" => {
                let vrf = w == "vrftable";
                a.next_arg()?;
                once!(if vrf { 9 } else { 3 }, w);
                let Some(t) = crate::names::tables::rttable_a2n(a.cur()) else {
                    return Err(invarg(if vrf { "invalid vrf table id\n" } else { "invalid table id\n" }, a.cur()));
                };
                add(inner, if vrf { 9 } else { 3 }, &t.to_ne_bytes());
            }
            "nh4" | "nh6" => {
                let v6 = w == "nh6";
                a.next_arg()?;
                once!(if v6 { 5 } else { 4 }, w);
                let addr = get_addr(a.cur(), if v6 { AF_INET6 } else { AF_INET })?;
                add(inner, if v6 { 5 } else { 4 }, addr.bytes());
            }
            "iif" | "oif" => {
                let o = w == "oif";
                a.next_arg()?;
                once!(if o { 7 } else { 6 }, w);
                let idx = ctx.ifindex(a.cur());
                if idx == 0 {
                    // exit(nodev()): nodev() returns -1.
                    return Err(crate::error::no_device(a.cur()));
                }
                add(inner, if o { 7 } else { 6 }, &idx.to_ne_bytes());
            }
            "count" => {
                once!(10, "count");
                let mut c = Vec::new();
                add(&mut c, 2, &0u64.to_ne_bytes());
                add(&mut c, 3, &0u64.to_ne_bytes());
                add(&mut c, 4, &0u64.to_ne_bytes());
                add(inner, 10 | 0x8000, &c);
            }
            "srh" => {
                a.next_arg()?;
                once!(2, "srh");
                if a.cur() != "segs" {
                    return Err(invarg("missing \"segs\" attribute for srh\n", a.cur()));
                }
                a.next_arg()?;
                once!(0, "segs");
                let segs: String = a.cur().chars().take(1023).collect();
                let mut hmac = 0u32;
                if a.remaining() <= 1 {
                    srh = Some((segs, hmac));
                    break;
                }
                a.next_arg()?;
                if a.cur() == "hmac" {
                    a.next_arg()?;
                    if hmac_ok {
                        return Err(duparg2("hmac", a.cur()));
                    }
                    hmac_ok = true;
                    if let Some(v) = crate::args::num::get_u32(a.cur(), 0) {
                        hmac = v;
                    }
                    srh = Some((segs, hmac));
                } else {
                    srh = Some((segs, hmac));
                    continue;
                }
            }
            "flavors" => {
                a.next_arg()?;
                once!(11, "flavors");
                let mut f = Vec::new();
                let Some(mask) = flavor_mask(a.cur()) else {
                    return Err(invarg("invalid \"flavors\" attribute\n", a.cur()));
                };
                add(&mut f, 1, &mask.to_ne_bytes());
                if mask & (1 << 4) != 0 {
                    // NEXT_ARG_FWD() ... PREV_ARG(): optional lblen, nflen.
                    a.step();
                    if NEXT_CSID_OPTIONS.find(a.cur()) == Some(Csid::Lblen) {
                        a.next_arg()?;
                        let Some(v) = crate::args::num::get_u8(a.cur(), 0) else {
                            return Err(invarg("\"locator-block length\" value is invalid\n", a.cur()));
                        };
                        add(&mut f, 2, &[v]);
                        a.step();
                    }
                    if NEXT_CSID_OPTIONS.find(a.cur()) == Some(Csid::Nflen) {
                        a.next_arg()?;
                        let Some(v) = crate::args::num::get_u8(a.cur(), 0) else {
                            return Err(invarg("\"locator-node function length\" value is invalid\n", a.cur()));
                        };
                        add(&mut f, 3, &[v]);
                        a.step();
                    }
                    a.back();
                }
                add(inner, 11 | 0x8000, &f);
            }
            "endpoint" => {
                return Err(fail(1, "rip: seg6local endpoint (BPF) is not supported yet\n"));
            }
            _ => break,
        }
        a.step();
    }
    if action == 0 {
        return Err(fail(255, "Missing action type\n"));
    }
    if let Some((segs, hmac)) = srh {
        let s = build_srh(&segs, hmac, action == 10)?;
        add(inner, 2, &s);
    }
    a.back();
    Ok(())
}

/// seg6local `flavors` names, compared whole in any case (strcasecmp);
/// ids are the SEG6_LOCAL_FLV_OP_* bit numbers.
pub static FLAVORS: Table<u32> = Table::new(
    "ip route add encap seg6local flavors",
    &[exact("psp", 1), exact("usp", 2), exact("usd", 3), exact("next-csid", 4)],
);

/// What may follow the flavors when next-csid is among them, compared whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Csid {
    Lblen,
    Nflen,
}

pub static NEXT_CSID_OPTIONS: Table<Csid> =
    Table::new("ip route add encap seg6local next-csid", &[exact("lblen", Csid::Lblen), exact("nflen", Csid::Nflen)]);

/// parse_seg6local_flavors(): comma-separated names, no repeats.
fn flavor_mask(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut mask = 0u32;
    for w in s.split(',').filter(|x| !x.is_empty()) {
        let i = FLAVORS.entries.iter().find(|k| k.word().eq_ignore_ascii_case(w))?.id;
        if mask & (1 << i) != 0 {
            return None;
        }
        mask |= 1 << i;
    }
    Some(mask)
}

/// print_encap_seg6local()
fn print_seg6local(e: &mut dyn Env, enc: &[u8]) {
    let mut tb: [Option<&[u8]>; 12] = [None; 12];
    for (k, d) in attrs(enc) {
        if let Some(s) = tb.get_mut(k as usize) {
            if s.is_none() {
                *s = Some(d);
            }
        }
    }
    let Some(action) = tb[1].and_then(crate::netlink::attr::get_u32) else { return };
    let name = match SEG6_ACTIONS.get(action as usize) {
        Some(n) if !n.is_empty() => *n,
        Some(_) => "<unknown>",
        None => "<invalid>",
    };
    e.p().string(T::Any, "action", "action {} ", name);
    if let Some(srh) = tb[2] {
        e.p().open_object(Some("srh"));
        print_srh(e.p(), srh);
        e.p().close_object();
    }
    for (k, key) in [(3usize, "table"), (9, "vrftable")] {
        if let Some(t) = tb[k].and_then(crate::netlink::attr::get_u32) {
            let n = crate::names::tables::rttable_n2a(t, e.numeric());
            e.p().field(
                T::Any,
                Color::None,
                Some(key),
                crate::print::J::Str(n.as_str()),
                format_args!("{} {} ", key, n),
            );
        }
    }
    let mut b = ABuf::new();
    for (k, key, fam) in [(4usize, "nh4", AF_INET), (5, "nh6", AF_INET6)] {
        if let Some(d) = tb[k] {
            b.clear();
            b.push_addr(fam, d);
            e.p().field(
                T::Any,
                Color::None,
                Some(key),
                crate::print::J::Str(b.as_str()),
                format_args!("{} {} ", key, b),
            );
        }
    }
    for (k, key) in [(6usize, "iif"), (7, "oif")] {
        if let Some(i) = tb[k].and_then(crate::netlink::attr::get_u32) {
            let n = e.ifname(i).to_string();
            e.p().field(T::Any, Color::None, Some(key), crate::print::J::Str(&n), format_args!("{} {} ", key, n));
        }
    }
    if let (Some(c), true) = (tb[10], e.stats()) {
        let mut v = [0u64; 5];
        for (k, d) in attrs(c) {
            if let (Some(slot), Some(x)) = (v.get_mut(k as usize), get_u64(d)) {
                *slot = x;
            }
        }
        if e.p().is_json() {
            e.p().open_object(Some("stats64"));
            e.p().uint(T::Json, "packets", "", v[2]);
            e.p().uint(T::Json, "bytes", "", v[3]);
            e.p().uint(T::Json, "errors", "", v[4]);
            e.p().close_object();
        } else {
            for (name, x) in [("packets", v[2]), ("bytes", v[3]), ("errors", v[4])] {
                e.p().fp(name);
                e.p().fp(" ");
                let s = crate::print::fmt::num(1, x, e.human(), e.iec());
                e.p().fp(&s);
            }
        }
    }
    if let Some(fl) = tb[11] {
        let mut f: [Option<&[u8]>; 4] = [None; 4];
        for (k, d) in attrs(fl) {
            if let Some(s) = f.get_mut(k as usize) {
                if s.is_none() {
                    *s = Some(d);
                }
            }
        }
        if let Some(mask) = f[1].and_then(crate::netlink::attr::get_u32) {
            if e.p().is_json() {
                e.p().open_array(T::Json, "flavors");
            } else {
                e.p().fp("flavors ");
            }
            let mut first = true;
            // The table lists the flavors in bit order, as the printer walks them.
            for (i, name) in FLAVORS.entries.iter().map(|k| (k.id, k.word())) {
                if mask & (1 << i) != 0 {
                    if e.p().is_json() {
                        e.p().string_nokey(T::Json, "", name);
                    } else {
                        if !first {
                            e.p().fp(",");
                        }
                        e.p().fp(name);
                        first = false;
                    }
                }
            }
            if e.p().is_json() {
                e.p().close_array(T::Json, "");
            } else {
                e.p().fp(" ");
            }
        }
        for (k, key) in [(2usize, "lblen"), (3, "nflen")] {
            if let Some(v) = f[k].and_then(crate::netlink::attr::get_u8) {
                if e.p().is_json() {
                    e.p().uint(T::Json, key, "", v as u64);
                } else {
                    e.p().fp(key);
                    e.p().fp(" ");
                    let s = crate::print::fmt::num(1, v as u64, e.human(), e.iec());
                    e.p().fp(&s);
                }
            }
        }
    }
}

/// lwt_print_encap() for mpls and ip; other types print their name only.
pub fn print_encap(e: &mut dyn Env, ty: Option<&[u8]>, enc: &[u8]) {
    let Some(t) = ty.and_then(get_u16) else { return };
    if t == 7 {
        e.p().string(T::Any, "encap", " encap {} ", type_name(t));
        print_seg6local(e, enc);
        return;
    }
    let p: &mut Printer = e.p();
    p.string(T::Any, "encap", " encap {} ", type_name(t));
    let mut tb: [Option<&[u8]>; 16] = [None; 16];
    for (k, d) in attrs(enc) {
        if let Some(s) = tb.get_mut(k as usize) {
            if s.is_none() {
                *s = Some(d);
            }
        }
    }
    let mut b = ABuf::new();
    match t {
        1 => {
            if let Some(d) = tb[1] {
                b.push_addr(AF_MPLS, d);
                p.string(T::Any, "dst", " {} ", b.as_str());
            }
            if let Some(v) = tb[2].and_then(get_u8) {
                p.uint(T::Any, "ttl", "ttl {} ", v as u64);
            }
        }
        2 => {
            if let Some(v) = tb[1].and_then(get_u64) {
                p.uint(T::Any, "id", "id {} ", u64::from_be(v));
            }
            if let Some(d) = tb[3] {
                b.clear();
                b.push_addr(AF_INET, d);
                p.color_string(T::Any, Color::Inet, "src", "src {} ", b.as_str());
            }
            if let Some(d) = tb[2] {
                b.clear();
                b.push_addr(AF_INET, d);
                p.color_string(T::Any, Color::Inet, "dst", "dst {} ", b.as_str());
            }
            if let Some(v) = tb[4].and_then(get_u8) {
                p.uint(T::Any, "ttl", "ttl {} ", v as u64);
            }
            if let Some(v) = tb[5].and_then(get_u8) {
                p.uint(T::Any, "tos", "tos {} ", v as u64);
            }
            if let Some(f) = tb[6].and_then(crate::netlink::attr::get_be16) {
                if f & 0x04 != 0 {
                    p.bool(T::Any, "key", "key ", true);
                }
                if f & 0x01 != 0 {
                    p.bool(T::Any, "csum", "csum ", true);
                }
                if f & 0x08 != 0 {
                    p.bool(T::Any, "seq", "seq ", true);
                }
            }
        }
        5 => print_seg6(p, enc),
        4 => {
            if let Some(v) = tb[1].and_then(get_u64) {
                p.uint(T::Any, "id", "id {} ", u64::from_be(v));
            }
            for (k, key) in [(3usize, "src"), (2, "dst")] {
                if let Some(d) = tb[k] {
                    b.clear();
                    b.push_addr(AF_INET6, d);
                    let f = if key == "src" { "src {} " } else { "dst {} " };
                    p.color_string(T::Any, Color::Inet6, key, f, b.as_str());
                }
            }
            if let Some(v) = tb[4].and_then(get_u8) {
                p.uint(T::Any, "hoplimit", "hoplimit {} ", v as u64);
            }
            if let Some(v) = tb[5].and_then(get_u8) {
                p.uint(T::Any, "tc", "tc {} ", v as u64);
            }
            if let Some(f) = tb[6].and_then(crate::netlink::attr::get_be16) {
                if f & 0x04 != 0 {
                    p.bool(T::Any, "key", "key ", true);
                }
                if f & 0x01 != 0 {
                    p.bool(T::Any, "csum", "csum ", true);
                }
                if f & 0x08 != 0 {
                    p.bool(T::Any, "seq", "seq ", true);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_and_words_agree() {
        for t in 1..=10u16 {
            assert_eq!(TYPES.find(type_name(t)), Some(t));
        }
        assert_eq!(type_name(0), "unknown");
        assert_eq!(type_name(TYPE_HELP), "unknown");
        assert_eq!(TYPES.find("mp"), None);
        assert_eq!(opt(&IP6_OPTIONS, "tc"), "tc");
        assert_eq!(opt(&IP_OPTIONS, "tc"), "");
    }
}
