//! Lightweight-tunnel encapsulation (ip/iproute_lwtunnel.c): the type
//! keyword and its errors for every type, the options of `mpls` and `ip`,
//! and printing of those two. Other types are reported as unsupported.

use super::inet::{get_addr, ABuf};
use super::Argv;
use crate::cli::{duparg2, invarg};
use crate::error::{fail, Res};
use crate::netlink::attr::{attrs, get_u16, get_u64, get_u8};
use crate::netlink::consts::*;
use crate::print::{Color, Printer, T};

const TYPES: [&str; 10] = ["mpls", "ip", "ila", "ip6", "bpf", "seg6", "seg6local", "rpl", "ioam6", "xfrm"];

fn type_name(t: u16) -> &'static str {
    match t {
        1 => "mpls",
        2 => "ip",
        3 => "ila",
        4 => "ip6",
        5 => "seg6",
        6 => "bpf",
        7 => "seg6local",
        8 => "rpl",
        9 => "ioam6",
        10 => "xfrm",
        _ => "unknown",
    }
}

fn read_type(name: &str) -> Res<u16> {
    Ok(match name {
        "mpls" => 1,
        "ip" => 2,
        "ip6" => 4,
        "ila" => 3,
        "bpf" => 6,
        "seg6" => 5,
        "seg6local" => 7,
        "rpl" => 8,
        "ioam6" => 9,
        "xfrm" => 10,
        "help" => {
            let mut s = String::from("Usage: ip route ... encap TYPE [ OPTIONS ] [...]\n");
            for i in 1..=10u16 {
                s.push_str(&format!("{} {}\n", type_name(i), if i == 1 { "TYPE := " } else { "      " }));
            }
            return Err(fail(255, &s));
        }
        _ => 0,
    })
}

/// An attribute appended to `out` (rta_addattr_l).
fn add(out: &mut Vec<u8>, ty: u16, data: &[u8]) {
    let len = 4 + data.len();
    out.extend_from_slice(&(len as u16).to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(data);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
}

/// lwt_parse_encap(): `a.i` is on "encap"; on return it is on the last word
/// used. Returns the RTA_ENCAP and RTA_ENCAP_TYPE attributes, ready to append.
pub fn parse(a: &mut Argv, encap_attr: u16, type_attr: u16) -> Res<Vec<u8>> {
    a.next_arg()?;
    let ty = read_type(a.cur())?;
    if ty == 0 {
        return Err(invarg("\"encap type\" value is invalid\n", a.cur()));
    }
    a.next_arg()?;
    if a.left() <= 1 {
        return Err(fail(255, "Error: unexpected end of line after \"encap\"\n"));
    }
    let mut inner = Vec::new();
    match ty {
        1 => {
            let w = a.cur().to_string();
            let addr = get_addr(&w, AF_MPLS)?;
            add(&mut inner, 1, &addr.data[..addr.bytelen]);
            a.i += 1;
            let mut ttl_ok = false;
            while a.left() > 0 {
                if a.cur() == "ttl" {
                    a.next_arg()?;
                    if ttl_ok {
                        return Err(duparg2("ttl", a.cur()));
                    }
                    ttl_ok = true;
                    let Some(t) = crate::util::get_u8(a.cur(), 0) else {
                        return Err(invarg("\"ttl\" value is invalid\n", a.cur()));
                    };
                    add(&mut inner, 2, &[t]);
                } else {
                    break;
                }
                a.i += 1;
            }
            a.i -= 1;
        }
        2 | 4 => parse_ip(a, ty == 4, &mut inner)?,
        5 => parse_seg6(a, &mut inner)?,
        _ => {
            return Err(fail(1, &format!("rip: encap {} is not supported yet\n", TYPES.iter().find(|t| read_type_quiet(t) == ty).unwrap_or(&"?"))));
        }
    }
    let mut out = Vec::new();
    add(&mut out, encap_attr | 0x8000, &inner);
    add(&mut out, type_attr, &ty.to_ne_bytes());
    Ok(out)
}

/// parse_encap_ip() / parse_encap_ip6(): on return `a.i` is on the last word used.
fn parse_ip(a: &mut Argv, v6: bool, inner: &mut Vec<u8>) -> Res<()> {
    let fam = if v6 { AF_INET6 } else { AF_INET };
    // LWTUNNEL_IP_* and LWTUNNEL_IP6_* share their numbers (TTL/HOPLIMIT, TOS/TC).
    let (a_id, a_dst, a_src, a_ttl, a_tos, a_flags) = (1u16, 2u16, 3u16, 4u16, 5u16, 6u16);
    let (k_tos, k_ttl) = if v6 { ("tc", "hoplimit") } else { ("tos", "ttl") };
    let (mut id_ok, mut dst_ok, mut src_ok, mut tos_ok, mut ttl_ok) = (false, false, false, false, false);
    let (mut key, mut csum, mut seq) = (false, false, false);
    let mut flags: u16 = 0;
    while a.left() > 0 {
        let w = a.cur().to_string();
        if w == "id" {
            a.next_arg()?;
            if id_ok {
                return Err(duparg2("id", a.cur()));
            }
            id_ok = true;
            let Some(v) = crate::util::get_u64(a.cur(), 0) else {
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
            add(inner, if w == "dst" { a_dst } else { a_src }, &addr.data[..addr.bytelen]);
        } else if w == k_tos {
            a.next_arg()?;
            if tos_ok {
                return Err(duparg2(k_tos, a.cur()));
            }
            tos_ok = true;
            let Some(t) = crate::rt_names::dsfield_a2n(a.cur()) else {
                return Err(invarg(&format!("\"{}\" value is invalid\n", k_tos), a.cur()));
            };
            add(inner, a_tos, &[t as u8]);
        } else if w == k_ttl {
            a.next_arg()?;
            if ttl_ok {
                return Err(duparg2(k_ttl, a.cur()));
            }
            ttl_ok = true;
            let Some(t) = crate::util::get_u8(a.cur(), 0) else {
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
        a.i += 1;
    }
    if flags != 0 {
        add(inner, a_flags, &flags.to_be_bytes());
    }
    a.i -= 1;
    Ok(())
}

const SEG6_MODES: [&str; 5] = ["inline", "encap", "l2encap", "encap.red", "l2encap.red"];

/// parse_encap_seg6(): mode, segs, hmac; builds seg6_iptunnel_encap + SRH.
fn parse_seg6(a: &mut Argv, inner: &mut Vec<u8>) -> Res<()> {
    let (mut mode_ok, mut segs_ok, mut hmac_ok) = (false, false, false);
    let mut mode: i32 = -1;
    let mut segs = String::new();
    let mut hmac = 0u32;
    while a.left() > 0 {
        match a.cur() {
            "mode" => {
                a.next_arg()?;
                if mode_ok {
                    return Err(duparg2("mode", a.cur()));
                }
                mode_ok = true;
                match SEG6_MODES.iter().position(|m| *m == a.cur()) {
                    Some(i) => mode = i as i32,
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
                if let Some(v) = crate::util::get_u32(a.cur(), 0) {
                    hmac = v;
                }
            }
            _ => break,
        }
        a.i += 1;
    }
    let srh = build_srh(&segs, hmac, mode != 0)?;
    let mut v = Vec::with_capacity(4 + srh.len());
    v.extend_from_slice(&mode.to_ne_bytes());
    v.extend_from_slice(&srh);
    add(inner, 1, &v);
    a.i -= 1;
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
    let name = if (0..5).contains(&mode) { SEG6_MODES[mode as usize] } else { "<unknown>" };
    p.string(T::Any, "mode", "mode {} ", name);
    let srh = &d[4..];
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

fn read_type_quiet(n: &str) -> u16 {
    match n {
        "mpls" => 1,
        "ip" => 2,
        "ila" => 3,
        "ip6" => 4,
        "seg6" => 5,
        "bpf" => 6,
        "seg6local" => 7,
        "rpl" => 8,
        "ioam6" => 9,
        "xfrm" => 10,
        _ => 0,
    }
}

/// lwt_print_encap() for mpls and ip; other types print their name only.
pub fn print_encap(p: &mut Printer, ty: Option<&[u8]>, enc: &[u8]) {
    let Some(t) = ty.and_then(get_u16) else { return };
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
