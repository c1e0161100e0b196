//! `nh_info` under `ip -d route` for routes with `nhid` (ip/ipnexthop.c
//! print_cache_nexthop_id): each nexthop id is fetched once with
//! RTM_GETNEXTHOP on a socket of its own (as iproute2's nh_cache_rth), so
//! it works in the middle of a route dump.

use super::env::Env;
use crate::inet::ABuf;
use crate::netlink::attr::{attrs, get_u16, get_u32, get_u64};
use crate::print::{Color, J, T};
use crate::names::tables as rt_names;

const NHA_ID: usize = 1;
const NHA_GROUP: usize = 2;
const NHA_GROUP_TYPE: usize = 3;
const NHA_BLACKHOLE: usize = 4;
const NHA_OIF: usize = 5;
const NHA_GATEWAY: usize = 6;
const NHA_ENCAP_TYPE: usize = 7;
const NHA_ENCAP: usize = 8;
const NHA_FDB: usize = 11;
const NHA_RES_GROUP: usize = 12;
const NHA_MAX: usize = 13;

/// print_cache_nexthop_id(fp, "\n\tnh_info ", "nh_info", id)
pub fn print_nh_info(e: &mut Env, id: u32) {
    let Some(m) = e.nh.get(id) else { return };
    let m = m.to_vec();
    let (resolve, details) = (e.resolve, e.details);
    let oif_name = m
        .get(8..)
        .and_then(|a| attrs(a).find(|(t, _)| *t as usize == NHA_OIF))
        .and_then(|(_, d)| get_u32(d))
        .filter(|i| *i != 0)
        .map(|i| e.ifname(i).to_string());
    let Some(h) = m.get(..8) else { return };
    let (family, scope, protocol) = (h[0], h[1], h[2]);
    let flags = u32::from_ne_bytes([h[4], h[5], h[6], h[7]]);
    let mut tb: [Option<&[u8]>; NHA_MAX + 1] = [None; NHA_MAX + 1];
    for (t, d) in attrs(&m[8..]) {
        if let Some(s) = tb.get_mut(t as usize) {
            if s.is_none() {
                *s = Some(d);
            }
        }
    }
    e.p.fp("\n\tnh_info ");
    e.p.open_object(Some("nh_info"));
    let nid = tb[NHA_ID].and_then(get_u32).unwrap_or(0);
    e.p.uint(T::Any, "id", "id {} ", nid as u64);
    if let Some(g) = tb[NHA_GROUP] {
        e.p.open_array(T::Json, "group");
        e.p.fp("group ");
        for (i, ge) in g.chunks_exact(8).enumerate() {
            e.p.open_object(None);
            if i > 0 {
                e.p.fp("/");
            }
            let gid = u32::from_ne_bytes([ge[0], ge[1], ge[2], ge[3]]);
            e.p.uint(T::Any, "id", "{}", gid as u64);
            if ge[4] != 0 {
                e.p.uint(T::Any, "weight", ",{}", ge[4] as u64 + 1);
            }
            e.p.close_object();
        }
        e.p.fp(" ");
        e.p.close_array(T::Json, "");
    }
    let gt = tb[NHA_GROUP_TYPE].and_then(get_u16).unwrap_or(0);
    if gt != 0 {
        e.p.string(T::Any, "type", "type {} ", if gt == 1 { "resilient" } else { "<unknown type>" });
    }
    if let Some(rg) = tb[NHA_RES_GROUP] {
        let mut r: [Option<&[u8]>; 5] = [None; 5];
        for (t, d) in attrs(rg) {
            if let Some(s) = r.get_mut(t as usize) {
                if s.is_none() {
                    *s = Some(d);
                }
            }
        }
        e.p.open_object(Some("resilient_args"));
        e.p.uint(T::Any, "buckets", "buckets {} ", r[1].and_then(get_u16).unwrap_or(0) as u64);
        let tv = |j: u64| -> f64 {
            let us = 10000u64.wrapping_mul(j);
            (us / 1_000_000) as f64 + (us % 1_000_000) as f64 / 1e6
        };
        for (k, key) in [(2usize, "idle_timer"), (3, "unbalanced_timer")] {
            let v = tv(r[k].and_then(get_u32).unwrap_or(0) as u64);
            let s = crate::print::fmt::c_g(v);
            e.p.field(T::Any, Color::None, Some(key), J::F(v), format_args!("{} {} ", key, s));
        }
        let v = tv(r[4].and_then(get_u64).unwrap_or(0));
        let s = crate::print::fmt::c_g(v);
        e.p.field(T::Any, Color::None, Some("unbalanced_time"), J::F(v), format_args!("unbalanced_time {} ", s));
        e.p.close_object();
    }
    if let Some(enc) = tb[NHA_ENCAP] {
        super::encap::print_encap(e, tb[NHA_ENCAP_TYPE], enc);
    }
    if let Some(g) = tb[NHA_GATEWAY] {
        let mut b = ABuf::new();
        b.push_host(family, g, resolve);
        if e.p.is_json() {
            e.p.string(T::Json, "gateway", "", b.as_str());
        } else {
            e.p.fp("via ");
            e.p.color_string_opt(T::Fp, Color::of_family(family), None, "{} ", b.as_str());
        }
    }
    if let Some(name) = oif_name {
        {
            if e.p.is_json() {
                e.p.string(T::Json, "dev", "", &name);
            } else {
                e.p.fp("dev ");
                e.p.color_string_opt(T::Fp, Color::Ifname, None, "{} ", &name);
            }
        }
    }
    if scope != 0 || details {
        e.p.string(T::Any, "scope", "scope {} ", rt_names::rtscope_n2a(scope as u32, e.numeric).as_str());
    }
    if tb[NHA_BLACKHOLE].is_some() {
        e.p.null(T::Any, "blackhole", "blackhole ", "");
    }
    if protocol != 0 || details {
        e.p.string(T::Any, "protocol", "proto {} ", rt_names::rtprot_n2a(protocol as u32, e.numeric).as_str());
    }
    super::env::print_rt_flags(e.p, flags);
    if tb[NHA_FDB].is_some() {
        e.p.null(T::Any, "fdb", "fdb", "");
    }
    e.p.close_object();
}
