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
    while out.len() % 4 != 0 {
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
            let addr = match super::inet::get_addr_1(&w, AF_MPLS) {
                Some(x) => x,
                None => {
                    return Err(fail(1, &format!("Error: an inet address is expected rather than \"{}\".\n", w)));
                }
            };
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
        2 => {
            let (mut id_ok, mut dst_ok, mut src_ok, mut tos_ok, mut ttl_ok) = (false, false, false, false, false);
            let (mut key, mut csum, mut seq) = (false, false, false);
            let mut flags: u16 = 0;
            while a.left() > 0 {
                let w = a.cur().to_string();
                match w.as_str() {
                    "id" => {
                        a.next_arg()?;
                        if id_ok {
                            return Err(duparg2("id", a.cur()));
                        }
                        id_ok = true;
                        let Some(v) = crate::util::get_u64(a.cur(), 0) else {
                            return Err(invarg("\"id\" value is invalid\n", a.cur()));
                        };
                        add(&mut inner, 1, &v.to_be_bytes());
                    }
                    "dst" | "src" => {
                        a.next_arg()?;
                        let ok = if w == "dst" { &mut dst_ok } else { &mut src_ok };
                        if *ok {
                            return Err(duparg2(&w, a.cur()));
                        }
                        *ok = true;
                        let addr = get_addr(a.cur(), AF_INET)?;
                        add(&mut inner, if w == "dst" { 2 } else { 3 }, &addr.data[..addr.bytelen]);
                    }
                    "tos" => {
                        a.next_arg()?;
                        if tos_ok {
                            return Err(duparg2("tos", a.cur()));
                        }
                        tos_ok = true;
                        let Some(t) = crate::rt_names::dsfield_a2n(a.cur()) else {
                            return Err(invarg("\"tos\" value is invalid\n", a.cur()));
                        };
                        add(&mut inner, 5, &[t as u8]);
                    }
                    "ttl" => {
                        a.next_arg()?;
                        if ttl_ok {
                            return Err(duparg2("ttl", a.cur()));
                        }
                        ttl_ok = true;
                        let Some(t) = crate::util::get_u8(a.cur(), 0) else {
                            return Err(invarg("\"ttl\" value is invalid\n", a.cur()));
                        };
                        add(&mut inner, 4, &[t]);
                    }
                    "key" | "csum" | "seq" => {
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
                    }
                    _ => break,
                }
                a.i += 1;
            }
            if flags != 0 {
                add(&mut inner, 6, &flags.to_be_bytes());
            }
            a.i -= 1;
        }
        _ => {
            return Err(fail(1, &format!("rip: encap {} is not supported yet\n", TYPES.iter().find(|t| read_type_quiet(t) == ty).unwrap_or(&"?"))));
        }
    }
    let mut out = Vec::new();
    add(&mut out, encap_attr | 0x8000, &inner);
    add(&mut out, type_attr, &ty.to_ne_bytes());
    Ok(out)
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
        _ => {}
    }
}
