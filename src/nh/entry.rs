//! One nexthop object (struct nhmsg + NHA_* attributes) printed as
//! ip/ipnexthop.c __print_nexthop_entry() prints it: by `ip nexthop show`,
//! by `ip monitor nexthop`, and as a route's `nh_info` under `ip -d route`.

use super::Env;
use crate::inet::ABuf;
use crate::names::tables as rt_names;
use crate::netlink::attr::{attrs, get_u16, get_u32, get_u64};
use crate::print::{Color, J, T};

pub const NHA_ID: usize = 1;
pub const NHA_GROUP: usize = 2;
pub const NHA_GROUP_TYPE: usize = 3;
pub const NHA_BLACKHOLE: usize = 4;
pub const NHA_OIF: usize = 5;
pub const NHA_GATEWAY: usize = 6;
pub const NHA_ENCAP_TYPE: usize = 7;
pub const NHA_ENCAP: usize = 8;
pub const NHA_GROUPS: usize = 9;
pub const NHA_MASTER: usize = 10;
pub const NHA_FDB: usize = 11;
pub const NHA_RES_GROUP: usize = 12;
pub const NHA_RES_BUCKET: usize = 13;
pub const NHA_MAX: usize = 13;

/// The attributes of a payload after a header of `hdr` bytes, first of a
/// type wins (parse_rtattr); None when the payload is shorter than the header.
pub fn table<const N: usize>(payload: &[u8], hdr: usize) -> Option<[Option<&[u8]>; N]> {
    let body = payload.get(hdr..)?;
    let mut tb: [Option<&[u8]>; N] = [None; N];
    for (t, d) in attrs(body) {
        if let Some(s) = tb.get_mut((t & 0x3fff) as usize) {
            if s.is_none() {
                *s = Some(d);
            }
        }
    }
    Some(tb)
}

/// __jiffies_to_tv() then print_tv()'s double: seconds.
pub fn jiffies_secs(j: u64) -> f64 {
    let us = 10000u64.wrapping_mul(j);
    (us / 1_000_000) as f64 + (us % 1_000_000) as f64 / 1e6
}

/// A `%g` seconds field `key VAL `, a number in JSON.
pub fn print_secs(e: &mut dyn Env, key: &str, v: f64) {
    let s = crate::print::fmt::c_g(v);
    e.p().field(T::Any, Color::None, Some(key), J::F(v), format_args!("{} {} ", key, s));
}

/// Checks what ipnh_parse_nhmsg() checks before anything is printed:
/// Err carries the text iproute2 writes to its output stream.
pub fn check(payload: &[u8]) -> Result<(), String> {
    let Some(tb) = table::<{ NHA_MAX + 1 }>(payload, 8) else { return Ok(()) };
    let id = tb[NHA_ID].and_then(get_u32).unwrap_or(0);
    if let Some(g) = tb[NHA_GATEWAY] {
        if g.len() > 16 {
            return Err(format!("<nexthop id {} invalid gateway length {}>\n", id, g.len()));
        }
    }
    if let Some(g) = tb[NHA_GROUP] {
        if g.is_empty() || g.len() % 8 != 0 {
            return Err(format!("<nexthop id {} invalid nexthop group>", id));
        }
    }
    Ok(())
}

/// __print_nexthop_entry(fp, jsobj, nhe, deleted). `payload` is the nhmsg
/// and its attributes; call [`check`] first.
pub fn print_entry(e: &mut dyn Env, payload: &[u8], jsobj: Option<&str>, deleted: bool) {
    let Some(h) = payload.get(..8) else { return };
    let (family, scope, protocol) = (h[0], h[1], h[2]);
    let flags = u32::from_ne_bytes([h[4], h[5], h[6], h[7]]);
    let Some(tb) = table::<{ NHA_MAX + 1 }>(payload, 8) else { return };
    let details = e.details();
    let numeric = e.numeric();
    e.p().open_object(jsobj);
    if deleted {
        e.p().bool(T::Any, "deleted", "Deleted ", true);
    }
    let nid = tb[NHA_ID].and_then(get_u32).unwrap_or(0);
    e.p().uint(T::Any, "id", "id {} ", nid as u64);
    if let Some(g) = tb[NHA_GROUP] {
        let p = e.p();
        p.open_array(T::Json, "group");
        p.fp("group ");
        for (i, ge) in g.chunks_exact(8).enumerate() {
            p.open_object(None);
            if i > 0 {
                p.fp("/");
            }
            let gid = u32::from_ne_bytes([ge[0], ge[1], ge[2], ge[3]]);
            p.uint(T::Any, "id", "{}", gid as u64);
            if ge[4] != 0 {
                p.uint(T::Any, "weight", ",{}", ge[4] as u64 + 1);
            }
            p.close_object();
        }
        p.fp(" ");
        p.close_array(T::Json, "");
    }
    let gt = tb[NHA_GROUP_TYPE].and_then(get_u16).unwrap_or(0);
    if gt != 0 {
        e.p().string(T::Any, "type", "type {} ", if gt == 1 { "resilient" } else { "<unknown type>" });
    }
    if let Some(rg) = tb[NHA_RES_GROUP] {
        let r = table::<5>(rg, 0).unwrap_or([None; 5]);
        e.p().open_object(Some("resilient_args"));
        e.p().uint(T::Any, "buckets", "buckets {} ", r[1].and_then(get_u16).unwrap_or(0) as u64);
        for (k, key) in [(2usize, "idle_timer"), (3, "unbalanced_timer")] {
            print_secs(e, key, jiffies_secs(r[k].and_then(get_u32).unwrap_or(0) as u64));
        }
        print_secs(e, "unbalanced_time", jiffies_secs(r[4].and_then(get_u64).unwrap_or(0)));
        e.p().close_object();
    }
    if let Some(enc) = tb[NHA_ENCAP] {
        super::encap::print_encap(e, tb[NHA_ENCAP_TYPE], enc);
    }
    if let Some(g) = tb[NHA_GATEWAY] {
        let mut b = ABuf::new();
        b.push_host(family, g, e.resolve());
        let p = e.p();
        if p.is_json() {
            p.string(T::Json, "gateway", "", b.as_str());
        } else {
            p.fp("via ");
            p.color_string_opt(T::Fp, Color::of_family(family), None, "{} ", b.as_str());
        }
    }
    if let Some(oif) = tb[NHA_OIF].and_then(get_u32).filter(|i| *i != 0) {
        let name = e.ifname(oif);
        let p = e.p();
        if p.is_json() {
            p.string(T::Json, "dev", "", &name);
        } else {
            p.fp("dev ");
            p.color_string_opt(T::Fp, Color::Ifname, None, "{} ", &name);
        }
    }
    if scope != 0 || details {
        e.p().string(T::Any, "scope", "scope {} ", rt_names::rtscope_n2a(scope as u32, numeric).as_str());
    }
    if tb[NHA_BLACKHOLE].is_some() {
        e.p().null(T::Any, "blackhole", "blackhole ", "");
    }
    if protocol != 0 || details {
        e.p().string(T::Any, "protocol", "proto {} ", rt_names::rtprot_n2a(protocol as u32, numeric).as_str());
    }
    super::print_rt_flags(e.p(), flags);
    if tb[NHA_FDB].is_some() {
        e.p().null(T::Any, "fdb", "fdb", "");
    }
    e.p().close_object();
}
