//! The route printer (print_route) of ip/iproute.c. One message at a time, no allocation on the common path:
//! attributes are borrowed slices in a fixed table, addresses are formatted
//! on the stack, names come from the caches by reference.

use super::env::{print_rt_flags, Env};
use super::rtm::*;
use crate::inet::{af_bit_len, family_name, ABuf};
use crate::names::tables as rt_names;
use crate::netlink::attr::{attrs, get_str, get_u32, get_u8};
use crate::netlink::consts::*;
use crate::print::{Color, Printer, J, T};

fn get_real_family(ty: u8, fam: u8) -> u8 {
    if ty != RTN_MULTICAST {
        return fam;
    }
    match fam {
        RTNL_FAMILY_IPMR => AF_INET,
        RTNL_FAMILY_IP6MR => AF_INET6,
        f => f,
    }
}

/// print_rta_ifidx()
fn print_ifidx(e: &mut Env, idx: u32, prefix: &str) {
    e.ifname(idx);
    let n = e.last_if.1;
    let name = n.as_str();
    if e.p.is_json() {
        e.p.string(T::Json, prefix, "", name);
    } else if e.plain {
        e.p.fp(prefix);
        e.p.fp(" ");
        e.p.fp(name);
        e.p.fp(" ");
    } else {
        e.p.fp(prefix);
        e.p.fp(" ");
        e.p.color_string_opt(T::Fp, Color::Ifname, None, "{} ", name);
    }
}

fn print_gateway(e: &mut Env, family: u8, a: &[u8]) {
    let mut b = ABuf::new();
    b.push_host(family, a, e.resolve);
    if e.plain {
        e.p.fp("via ");
        e.p.fp(b.as_str());
        e.p.fp(" ");
    } else if e.p.is_json() {
        e.p.string(T::Json, "gateway", "", b.as_str());
    } else {
        e.p.fp("via ");
        e.p.color_string_opt(T::Fp, Color::of_family(family), None, "{} ", b.as_str());
    }
}

fn print_via(e: &mut Env, v: &[u8]) {
    let fam = v.first().copied().unwrap_or(0);
    let addr = v.get(2..).unwrap_or(&[]);
    let mut b = ABuf::new();
    b.push_host(fam, addr, e.resolve);
    if e.p.is_json() {
        e.p.open_object(Some("via"));
        e.p.string(T::Json, "family", "", family_name(fam));
        e.p.string(T::Json, "host", "", b.as_str());
        e.p.close_object();
    } else {
        e.p.string(T::Fp, "", "via {} ", family_name(fam));
        e.p.color_string_opt(T::Fp, Color::of_family(fam), None, "{} ", b.as_str());
    }
}

fn print_newdst(e: &mut Env, family: u8, a: &[u8]) {
    let mut b = ABuf::new();
    b.push_host(family, a, e.resolve);
    if e.p.is_json() {
        e.p.string(T::Json, "to", "", b.as_str());
    } else {
        e.p.fp("as to ");
        e.p.color_string_opt(T::Fp, Color::of_family(family), None, "{} ", b.as_str());
    }
}

fn print_flow(e: &mut Env, v: u32) {
    let from = v >> 16;
    let to = v & 0xffff;
    if e.p.is_json() {
        e.p.open_object(Some("flow"));
        if from != 0 {
            e.p.string(T::Json, "from", "", rt_names::rtrealm_n2a(from, e.numeric).as_str());
        }
        e.p.string(T::Json, "to", "", rt_names::rtrealm_n2a(to, e.numeric).as_str());
        e.p.close_object();
    } else {
        e.p.fp(if from != 0 { "realms " } else { "realm " });
        if from != 0 {
            e.p.string(T::Fp, "", "{}/", rt_names::rtrealm_n2a(from, e.numeric).as_str());
        }
        e.p.string(T::Fp, "", "{} ", rt_names::rtrealm_n2a(to, e.numeric).as_str());
    }
}

fn user_hz() -> i64 {
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if hz <= 0 {
        100
    } else {
        hz as i64
    }
}

fn print_cache_flags(p: &mut Printer, flags: u32) {
    let mut flags = flags & !0xffff;
    if p.is_json() {
        p.json_name("cache");
        p.open_array_nokey();
    } else {
        let sl = p.sl;
        p.fp(sl);
        p.fp("    cache ");
        if flags == 0 {
            return;
        }
        p.fp("<");
    }
    const F: [(u32, &str); 14] = [
        (0x8000_0000, "local"),
        (0x4000_0000, "reject"),
        (0x2000_0000, "mc"),
        (0x1000_0000, "brd"),
        (0x0800_0000, "dst-nat"),
        (0x0080_0000, "src-nat"),
        (0x0040_0000, "masq"),
        (0x0002_0000, "dst-direct"),
        (0x0400_0000, "src-direct"),
        (0x0004_0000, "redirected"),
        (0x0100_0000, "redirect"),
        (0x0020_0000, "fastroute"),
        (0x0001_0000, "notify"),
        (0x0008_0000, "proxy"),
    ];
    for (bit, name) in F {
        if flags & bit != 0 {
            flags &= !bit;
            if p.is_json() {
                p.string_nokey(T::Json, "", name);
            } else {
                p.fp(name);
                p.fp(if flags != 0 { "," } else { "> " });
            }
        }
    }
    if flags != 0 {
        p.hex(T::Any, "flags", "{}>", flags);
    }
    if p.is_json() {
        p.close_array(T::Json, "");
    }
}

fn print_cacheinfo(e: &mut Env, ci: &[u8]) {
    let g = |i: usize| ci.get(i * 4..i * 4 + 4).and_then(get_u32).unwrap_or(0);
    let (clntref, lastuse, expires, error, used, id, ts, tsage) =
        (g(0), g(1), g(2) as i32, g(3), g(4), g(5), g(6), g(7));
    let hz = user_hz();
    if expires != 0 {
        e.p.int(T::Any, "expires", "expires {}sec ", expires as i64 / hz);
    }
    if error != 0 {
        e.p.uint(T::Any, "error", "error {} ", error as u64);
    }
    if e.stats {
        if clntref != 0 {
            e.p.uint(T::Any, "users", "users {} ", clntref as u64);
        }
        if used != 0 {
            e.p.uint(T::Any, "used", "used {} ", used as u64);
        }
        if lastuse != 0 {
            e.p.uint(T::Any, "age", "age {}sec ", lastuse as u64 / hz as u64);
        }
    }
    if id != 0 {
        let j = crate::print::fmt::c_hash_x(id as u64);
        e.p.field(T::Any, Color::None, Some("ipid"), J::Str(&j), format_args!("ipid 0x{:04x} ", id));
    }
    if ts != 0 || tsage != 0 {
        let j = crate::print::fmt::c_hash_x(ts as u64);
        e.p.field(T::Any, Color::None, Some("ts"), J::Str(&j), format_args!("ts 0x{:x}", ts));
        e.p.uint(T::Any, "tsage", "tsage {}sec ", tsage as u64);
    }
}

fn print_metrics(p: &mut Printer, m: &[u8]) {
    let mut mx: [Option<&[u8]>; RTAX_MAX + 1] = [None; RTAX_MAX + 1];
    for (ty, d) in attrs(m) {
        if let Some(s) = mx.get_mut(ty as usize) {
            if s.is_none() {
                *s = Some(d);
            }
        }
    }
    p.open_array(T::Json, "metrics");
    p.open_object(None);
    let lock = mx[RTAX_LOCK].and_then(get_u32).unwrap_or(0);
    for (i, slot) in mx.iter().enumerate().skip(2) {
        let locked = lock & (1u32 << i) != 0;
        if slot.is_none() && !locked {
            continue;
        }
        let mut val = 0u32;
        if i != RTAX_CC_ALGO {
            if let Some(d) = slot {
                val = get_u32(d).unwrap_or(0);
            }
        }
        if i == RTAX_HOPLIMIT && val as i32 == -1 {
            continue;
        }
        if !p.is_json() {
            p.fp(MX_NAMES[i]);
            p.fp(" ");
            if locked {
                p.fp("lock ");
            }
        }
        match i {
            RTAX_FEATURES => {
                let mut f = val;
                if f & 1 != 0 {
                    p.null(T::Any, "ecn", "ecn ", "");
                    f &= !1;
                }
                if f != 0 {
                    let j = crate::print::fmt::c_hash_x(val as u64);
                    p.field(T::Any, Color::None, Some("features"), J::Str(&j), format_args!("{} ", j));
                }
            }
            RTAX_RTT | RTAX_RTTVAR | RTAX_RTO_MIN => {
                if i == RTAX_RTT {
                    val /= 8;
                } else if i == RTAX_RTTVAR {
                    val /= 4;
                }
                if p.is_json() {
                    p.uint(T::Json, MX_NAMES[i], "", val as u64);
                } else if val >= 1000 {
                    let s = crate::print::fmt::c_g(val as f64 / 1e3);
                    p.fpf(format_args!("{}s ", s));
                } else {
                    p.fpf(format_args!("{}ms ", val));
                }
            }
            RTAX_CC_ALGO => {
                let s = slot.map(get_str).unwrap_or_default();
                p.string(T::Any, "congestion", "{} ", &s);
            }
            _ => p.uint(T::Any, MX_NAMES[i], "{} ", val as u64),
        }
    }
    p.close_object();
    p.close_array(T::Json, "");
}

fn print_pref(e: &mut Env, pref: u8) {
    match pref {
        3 => e.sf(Color::None, "pref", "pref ", "low", ""),
        0 => e.sf(Color::None, "pref", "pref ", "medium", ""),
        1 => e.sf(Color::None, "pref", "pref ", "high", ""),
        v => e.p.uint(T::Any, "pref", "{}", v as u64),
    }
}

fn print_multipath(e: &mut Env, r: &Rtm, mp: &[u8]) {
    e.p.open_array(T::Json, "nexthops");
    let mut rest = mp;
    let mut first = true;
    let mc = r.flags & RTM_F_CLONED != 0 && r.ty == RTN_MULTICAST;
    while rest.len() >= 8 {
        let nlen = u16::from_ne_bytes([rest[0], rest[1]]) as usize;
        if nlen > rest.len() || nlen < 8 {
            break;
        }
        let nflags = rest[2] as u32;
        let hops = rest[3];
        let ifindex = u32::from_ne_bytes([rest[4], rest[5], rest[6], rest[7]]);
        e.p.open_object(None);
        if mc {
            if first {
                e.p.fp("Oifs: ");
                first = false;
            } else {
                e.p.fp(" ");
            }
        } else {
            let sl = e.p.sl;
            e.p.fp(sl);
            e.p.fp("\tnexthop ");
        }
        if nlen > 8 {
            let tb = RtTb::parse(&rest[8..nlen]);
            if tb.get(RTA_ENCAP).is_some() {
                crate::nh::encap::print_encap(e, tb.get(RTA_ENCAP_TYPE), tb.get(RTA_ENCAP).unwrap_or(&[]));
            }
            if let Some(d) = tb.get(RTA_NEWDST) {
                print_newdst(e, r.family, d);
            }
            if let Some(g) = tb.get(RTA_GATEWAY) {
                print_gateway(e, r.family, g);
            }
            if let Some(v) = tb.get(RTA_VIA) {
                print_via(e, v);
            }
            if let Some(f) = tb.u32(RTA_FLOW) {
                print_flow(e, f);
            }
        }
        e.ifname(ifindex);
        let n = e.last_if.1;
        let name = n.as_str();
        if mc {
            e.p.string(T::Any, "dev", "{}", name);
            if hops != 1 {
                e.p.int(T::Any, "ttl", "(ttl>{})", hops as i64);
            }
            e.p.fp(" ");
        } else {
            e.p.string(T::Any, "dev", "dev {} ", name);
            if r.family != AF_MPLS {
                e.p.int(T::Any, "weight", "weight {} ", hops as i64 + 1);
            }
        }
        print_rt_flags(e.p, nflags);
        let adv = crate::netlink::attr::align4(nlen).min(rest.len());
        rest = &rest[adv..];
        e.p.close_object();
    }
    e.p.close_array(T::Json, "");
}

/// print_route(): one route in iproute2's order. `ty` is the nlmsg type.
pub fn print_route(e: &mut Env, ty: u16, r: &Rtm, tb: &RtTb) {
    let host_len = af_bit_len(r.family);
    let f = e.f;
    e.p.open_object(None);
    if ty == RTM_DELROUTE {
        e.p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if (r.ty != RTN_UNICAST || e.details) && (f.typemask == 0 || f.typemask & (1u64 << (r.ty & 63)) != 0) {
        e.sf(Color::None, "type", "", rt_names::rtntype_n2a(r.ty, e.numeric).as_str(), " ");
    }

    let mut b = ABuf::new();
    let mut color = Color::None;
    if let Some(d) = tb.get(RTA_DST) {
        let family = get_real_family(r.ty, r.family);
        color = Color::of_family(family);
        if r.dst_len as i32 != host_len {
            b.push_addr(family, d);
            b.push_byte(b'/');
            b.push_u32(r.dst_len as u32);
        } else {
            b.push_host(family, d, e.resolve);
        }
    } else if r.dst_len != 0 {
        b.push_str("0/");
        b.push_u32(r.dst_len as u32);
        b.push_byte(b' ');
    } else {
        b.push_str("default");
    }
    e.sf(color, "dst", "", b.as_str(), " ");

    if let Some(s) = tb.get(RTA_SRC) {
        let family = get_real_family(r.ty, r.family);
        let color = Color::of_family(family);
        b.clear();
        if r.src_len as i32 != host_len {
            b.push_addr(family, s);
            b.push_byte(b'/');
            b.push_u32(r.src_len as u32);
        } else {
            b.push_host(family, s, e.resolve);
        }
        e.p.color_string(T::Any, color, "from", "from {} ", b.as_str());
    } else if r.src_len != 0 {
        b.clear();
        b.push_str("0/");
        b.push_u32(r.src_len as u32);
        e.p.string(T::Any, "src", "from {} ", b.as_str());
    }

    if let Some(id) = tb.u32(RTA_NH_ID) {
        e.p.uint(T::Any, "nhid", "nhid {} ", id as u64);
    }
    if let Some(d) = tb.get(RTA_NEWDST) {
        print_newdst(e, r.family, d);
    }
    if let Some(enc) = tb.get(RTA_ENCAP) {
        crate::nh::encap::print_encap(e, tb.get(RTA_ENCAP_TYPE), enc);
    }
    if r.tos != 0 && f.tosmask != u32::MAX {
        e.p.string(T::Any, "tos", "tos {} ", rt_names::dsfield_n2a(r.tos as u32, e.numeric).as_str());
    }
    if let Some(g) = tb.get(RTA_GATEWAY) {
        if f.rvia.bitlen as i32 != host_len {
            print_gateway(e, r.family, g);
        }
    }
    if let Some(v) = tb.get(RTA_VIA) {
        print_via(e, v);
    }
    if let Some(oif) = tb.u32(RTA_OIF) {
        if f.oifmask != u32::MAX {
            print_ifidx(e, oif, "dev");
        }
    }
    let table = rtm_get_table(r, tb);
    if table != 0 && (table != RT_TABLE_MAIN || e.details) && f.tb == 0 {
        e.sf(Color::None, "table", "table ", rt_names::rttable_n2a(table, e.numeric).as_str(), " ");
    }
    if r.flags & RTM_F_CLONED == 0 {
        if (r.protocol != 3 || e.details) && f.protocolmask != u32::MAX {
            e.sf(Color::None, "protocol", "proto ", rt_names::rtprot_n2a(r.protocol as u32, e.numeric).as_str(), " ");
        }
        if (r.scope != 0 || e.details) && f.scopemask != u32::MAX {
            e.sf(Color::None, "scope", "scope ", rt_names::rtscope_n2a(r.scope as u32, e.numeric).as_str(), " ");
        }
    }
    if let Some(ps) = tb.get(RTA_PREFSRC) {
        if f.rprefsrc.bitlen as i32 != host_len {
            b.clear();
            b.push_addr(r.family, ps);
            if e.plain {
                e.p.fp("src ");
                e.p.fp(b.as_str());
                e.p.fp(" ");
            } else if e.p.is_json() {
                e.p.string(T::Json, "prefsrc", "", b.as_str());
            } else {
                e.p.fp("src ");
                e.p.color_string_opt(T::Fp, Color::of_family(r.family), None, "{} ", b.as_str());
            }
        }
    }
    if let Some(m) = tb.u32(RTA_PRIORITY) {
        if f.metricmask != u32::MAX {
            e.uf("metric", "metric ", m, " ");
        }
    }
    print_rt_flags(e.p, r.flags);
    if let Some(mark) = tb.u32(RTA_MARK) {
        if mark != 0 {
            if e.p.is_json() {
                e.p.uint(T::Json, "mark", "", mark as u64);
            } else if mark >= 16 {
                e.p.fpf(format_args!("mark 0x{:x} ", mark));
            } else {
                e.p.fpf(format_args!("mark {} ", mark));
            }
        }
    }
    if let Some(fl) = tb.u32(RTA_FLOW) {
        if f.realmmask != u32::MAX {
            print_flow(e, fl);
        }
    }
    if let Some(uid) = tb.u32(RTA_UID) {
        e.p.uint(T::Any, "uid", "uid {} ", uid as u64);
    }
    if r.family == AF_INET {
        if r.flags & RTM_F_CLONED != 0 {
            print_cache_flags(e.p, r.flags);
        }
        if let Some(ci) = tb.get(RTA_CACHEINFO) {
            print_cacheinfo(e, ci);
        }
    } else if r.family == AF_INET6 {
        if let Some(ci) = tb.get(RTA_CACHEINFO) {
            print_cacheinfo(e, ci);
        }
    }
    if let Some(m) = tb.get(RTA_METRICS) {
        print_metrics(e.p, m);
    }
    if let Some(iif) = tb.u32(RTA_IIF) {
        if f.iifmask != u32::MAX {
            print_ifidx(e, iif, "iif");
        }
    }
    if let Some(pref) = tb.get(RTA_PREF).and_then(get_u8) {
        print_pref(e, pref);
    }
    if let Some(tp) = tb.get(RTA_TTL_PROPAGATE).and_then(get_u8) {
        if e.p.is_json() {
            e.p.bool(T::Json, "ttl-propogate", "", tp != 0);
        } else {
            e.p.fp(if tp != 0 { "ttl-propogate enabled" } else { "ttl-propogate disabled" });
        }
    }
    if let Some(id) = tb.u32(RTA_NH_ID) {
        if e.details {
            super::nh::print_nh_info(e, id);
        }
    }
    if let Some(mp) = tb.get(RTA_MULTIPATH) {
        print_multipath(e, r, mp);
    }
    e.p.fp("\n");
    e.p.close_object();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netlink::attr::Req;
    use crate::print::Captured as Sink;
    use crate::print::Mode;

    fn names() -> crate::names::LinkNames {
        let mut n = crate::names::LinkNames::new();
        let mut req = Req::new(RTM_NEWLINK, 0, &ifinfomsg(0, 2, 0, 0));
        req.attr_str(IFLA_IFNAME, "eth0");
        n.remember(&req.bytes()[16..]);
        n
    }

    fn route(extra: impl FnOnce(&mut Req)) -> Vec<u8> {
        let r = Rtm { family: AF_INET, dst_len: 8, table: 254, protocol: 3, scope: 0, ty: 1, ..Default::default() };
        let mut req = Req::new(RTM_NEWROUTE, 0, &r.bytes());
        req.attr(RTA_DST, &[10, 0, 0, 0]);
        extra(&mut req);
        req.bytes()[16..].to_vec()
    }

    fn show(payload: &[u8], f: &Filter, json: bool, details: bool) -> String {
        let sink = Sink::default();
        let mode = Mode { json, ..Default::default() };
        let mut p = Printer::new(Box::new(sink.clone()), mode);
        let mut n = names();
        let o = crate::ctx::Opts { details: details as u32, ..Default::default() };
        p.new_json_obj();
        {
            let r = Rtm::parse(payload).unwrap();
            let tb = RtTb::parse(&payload[RTMSG_LEN..]);
            if filter_nlmsg(f, &mut false, AF_UNSPEC, &r, &tb, 32) {
                let mut e = Env::new(&mut p, &mut n, f, &o);
                print_route(&mut e, RTM_NEWROUTE, &r, &tb);
            }
        }
        p.delete_json_obj();
        let _ = p.flush();
        drop(p);
        let v = sink.0.borrow().clone();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn text_and_json() {
        let m = route(|q| {
            q.attr(RTA_GATEWAY, &[192, 168, 1, 1]);
            q.attr_u32(RTA_OIF, 2);
            q.attr_u32(RTA_PRIORITY, 5);
        });
        let f = Filter { tb: RT_TABLE_MAIN, ..Default::default() };
        assert_eq!(show(&m, &f, false, false), "10.0.0.0/8 via 192.168.1.1 dev eth0 metric 5 \n");
        assert_eq!(
            show(&m, &f, false, true),
            "unicast 10.0.0.0/8 via 192.168.1.1 dev eth0 proto boot scope global metric 5 \n"
        );
        assert_eq!(
            show(&m, &f, true, false),
            "[{\"dst\":\"10.0.0.0/8\",\"gateway\":\"192.168.1.1\",\"dev\":\"eth0\",\"metric\":5,\"flags\":[]}]\n"
        );
        // A selector on the device hides `dev`; table all shows `table main` only with -d.
        let f2 = Filter { oif: 2, oifmask: u32::MAX, ..Default::default() };
        assert_eq!(show(&m, &f2, false, false), "10.0.0.0/8 via 192.168.1.1 metric 5 \n");
        let f3 = Filter { oif: 3, oifmask: u32::MAX, ..Default::default() };
        assert_eq!(show(&m, &f3, false, false), "");
    }

    #[test]
    fn metrics_and_multipath() {
        let m = route(|q| {
            let n = q.nest(RTA_METRICS);
            q.attr_u32(RTAX_MTU as u16, 1400);
            q.attr_u32(RTAX_RTT as u16, 800);
            q.attr_u32(RTAX_LOCK as u16, 1 << RTAX_MTU);
            q.nest_end(n);
            let mut nh = vec![0u8; 8];
            nh[3] = 1;
            nh[4..8].copy_from_slice(&2u32.to_ne_bytes());
            nh.extend_from_slice(&8u16.to_ne_bytes());
            nh.extend_from_slice(&RTA_GATEWAY.to_ne_bytes());
            nh.extend_from_slice(&[10, 1, 1, 1]);
            let l = nh.len() as u16;
            nh[0..2].copy_from_slice(&l.to_ne_bytes());
            q.attr(RTA_MULTIPATH, &nh);
        });
        let f = Filter { tb: RT_TABLE_MAIN, ..Default::default() };
        assert_eq!(
            show(&m, &f, false, false),
            "10.0.0.0/8 mtu lock 1400 rtt 100ms \n\tnexthop via 10.1.1.1 dev eth0 weight 2 \n"
        );
    }

    #[test]
    fn short_or_garbage_never_panics() {
        let f = Filter::default();
        for junk in [&[][..], &[1, 2, 3], &[0xff; 40]] {
            let mut p = vec![2u8, 32, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0];
            p.extend_from_slice(junk);
            let _ = show(&p, &f, false, true);
            let _ = show(&p, &f, true, true);
        }
    }
}
