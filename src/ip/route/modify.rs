//! iproute_modify(): add, del, change, replace, append, prepend, test.

use super::rtm::*;
use super::{encap, usage};
use crate::args::keywords::{exact, kw, List, Table};
use crate::args::num::get_unsigned;
use crate::args::Args;
use crate::error::{duparg2, invarg};
use crate::error::{eprint_raw, fail, Res};
use crate::inet::{get_addr, get_prefix, read_family};
use crate::names::tables as rt_names;
use crate::netlink::attr::{align4, bound, Req};
use crate::netlink::consts::*;

const RTAX_WINDOW: u16 = 3;
const RTAX_SSTHRESH: u16 = 6;
const RTAX_CWND: u16 = 7;
const RTAX_ADVMSS: u16 = 8;
const RTAX_REORDERING: u16 = 9;
const RTAX_INITCWND: u16 = 11;
const RTAX_INITRWND: u16 = 14;
const RTAX_QUICKACK: u16 = 15;
const RTAX_FASTOPEN_NO_COOKIE: u16 = 17;

/// The bytes before the body: nlmsghdr and rtmsg.
const HDRS: usize = 16 + 12;

/// addattr_l(&req.n, maxlen, ...) onto the body of the request (which
/// follows HDRS bytes of headers): left out past the bound, with its message.
fn put_bounded(body: &mut Vec<u8>, max: usize, ty: u16, data: &[u8]) {
    if align4(HDRS + body.len()) + align4(4 + data.len()) > max {
        eprint_raw(&format!("addattr_l ERROR: message exceeded bound of {}\n", max));
        return;
    }
    add(body, ty, data);
}

/// addattr_l(&req.n, sizeof(req), ...).
fn put(body: &mut Vec<u8>, ty: u16, data: &[u8]) {
    put_bounded(body, bound::IPROUTE_MODIFY, ty, data)
}

/// rta_addattr_l(mxrta, sizeof(mxbuf), ...): `mx` is the payload of an
/// rtattr whose header counts towards the bound.
fn add_metric(mx: &mut Vec<u8>, ty: u16, data: &[u8]) {
    const MXBUF: usize = 256;
    if 4 + align4(mx.len()) + align4(4 + data.len()) > MXBUF {
        eprint_raw(&format!("rta_addattr_l: Error! max allowed bound {} exceeded\n", MXBUF));
        return;
    }
    add(mx, ty, data);
}

/// rta_addattr_l() onto a byte buffer.
fn add(out: &mut Vec<u8>, ty: u16, data: &[u8]) {
    let len = 4 + data.len();
    out.extend_from_slice(&(len as u16).to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(data);
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

/// get_time_rtt(): milliseconds (ceil), `raw` when no unit was given.
pub fn get_time_rtt(arg: &str) -> Option<(u32, bool)> {
    let (t, rest): (f64, &str) = if arg.contains('.') {
        let b = arg.as_bytes();
        // strtod: the longest prefix that parses as a decimal number.
        let mut end = 0;
        let mut best = None;
        while end < b.len() {
            end += 1;
            if let Ok(v) = arg[..end].trim_start().parse::<f64>() {
                if !arg[..end].ends_with(['e', 'E', '+', '-']) {
                    best = Some((v, end));
                }
            }
        }
        let (v, e) = best?;
        if v < 0.0 || !v.is_finite() {
            return None;
        }
        (v, &arg[e..])
    } else {
        let (v, used, over) = crate::args::num::c_strtoull(arg, 0);
        if used == 0 || over {
            return None;
        }
        (v as f64, &arg[used..])
    };
    let mut raw = true;
    let mut t = t;
    if !rest.is_empty() {
        raw = false;
        let r = rest.to_ascii_lowercase();
        if r == "s" || r == "sec" || r == "secs" {
            t *= 1000.0;
        } else if r == "ms" || r == "msec" || r == "msecs" {
        } else {
            return None;
        }
    }
    // `*val = t` out of range, as gcc compiles it on x86-64: cvttsd2si to
    // 64 bits (0x8000000000000000 past 2^63), the low 32 bits kept.
    let mut v = if t < (1u64 << 63) as f64 { (t as i64) as u32 } else { 0 };
    if (v as f64) < t {
        v = v.wrapping_add(1);
    }
    Some((v, raw))
}

fn nodev(d: &str) -> Res<i32> {
    crate::error::say_no_device(d);
    Ok(1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nh {
    Via,
    Dev,
    Weight,
    Onlink,
    Realms,
    Encap,
    As,
}

/// parse_one_nh()'s words, in its test order; any other word ends the
/// nexthop.
pub static NEXTHOP_OPTIONS: Table<Nh> = Table::new(
    "ip route add nexthop",
    &[
        exact("via", Nh::Via),
        exact("dev", Nh::Dev),
        exact("weight", Nh::Weight),
        exact("onlink", Nh::Onlink),
        kw("realms", Nh::Realms),
        exact("encap", Nh::Encap),
        exact("as", Nh::As),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Add {
    Src,
    As,
    Via,
    From,
    Tos,
    Expires,
    Metric,
    Scope,
    Mtu,
    Hoplimit,
    Advmss,
    Reordering,
    Rtt,
    RtoMin,
    Window,
    Cwnd,
    Initcwnd,
    Initrwnd,
    Features,
    Quickack,
    Congctl,
    Rttvar,
    Ssthresh,
    Realms,
    Onlink,
    Nexthop,
    Nhid,
    Protocol,
    Table,
    Vrf,
    Dev,
    Pref,
    Encap,
    TtlPropagate,
    FastopenNoCookie,
    To,
    Help,
}

/// iproute_modify()'s words (the route metrics among them), in its test
/// order; any other word is the destination, after an optional `to` and
/// route TYPE ([`ROUTE_TYPES`]).
pub static ADD_OPTIONS: Table<Add> = Table::new(
    "ip route add",
    &[
        exact("src", Add::Src),
        exact("as", Add::As),
        exact("via", Add::Via),
        exact("from", Add::From),
        exact("tos", Add::Tos),
        kw("dsfield", Add::Tos),
        exact("expires", Add::Expires),
        kw("metric", Add::Metric),
        kw("priority", Add::Metric),
        exact("preference", Add::Metric),
        exact("scope", Add::Scope),
        exact("mtu", Add::Mtu),
        exact("hoplimit", Add::Hoplimit),
        exact("advmss", Add::Advmss),
        kw("reordering", Add::Reordering),
        exact("rtt", Add::Rtt),
        exact("rto_min", Add::RtoMin),
        kw("window", Add::Window),
        kw("cwnd", Add::Cwnd),
        kw("initcwnd", Add::Initcwnd),
        kw("initrwnd", Add::Initrwnd),
        kw("features", Add::Features),
        kw("quickack", Add::Quickack),
        kw("congctl", Add::Congctl),
        kw("rttvar", Add::Rttvar),
        kw("ssthresh", Add::Ssthresh),
        kw("realms", Add::Realms),
        exact("onlink", Add::Onlink),
        exact("nexthop", Add::Nexthop),
        exact("nhid", Add::Nhid),
        kw("protocol", Add::Protocol),
        kw("table", Add::Table),
        kw("vrf", Add::Vrf),
        exact("dev", Add::Dev),
        exact("oif", Add::Dev),
        kw("pref", Add::Pref),
        exact("encap", Add::Encap),
        exact("ttl-propagate", Add::TtlPropagate),
        kw("fastopen_no_cookie", Add::FastopenNoCookie),
        exact("to", Add::To),
        kw("help", Add::Help),
    ],
);

/// The route types rtnl_rtntype_a2n() reads (ip/rtm_map.c, its order;
/// the codec is names::tables::rtntype_a2n). `xresolve`, which it also
/// reads, is left out: neither iproute2's usage nor rip's pages and
/// completions offer it.
pub static ROUTE_TYPES: List = List {
    path: "ip route add TYPE",
    words: &[
        "local",
        "nat",
        "broadcast",
        "brd",
        "anycast",
        "multicast",
        "prohibit",
        "unreachable",
        "blackhole",
        "unicast",
        "throw",
    ],
};

/// `pref` values (ICMPV6_ROUTER_PREF_*); a number otherwise.
pub static PREF_VALUES: Table<u8> =
    Table::new("ip route add pref", &[exact("low", 3), exact("medium", 0), exact("high", 1)]);

/// The word a metric's value may start with (`mtu lock 1400`): the
/// metric is then locked. Compared whole.
pub static METRIC_WORDS: Table<()> = Table::new("ip route add METRIC", &[exact("lock", ())]);

/// `features` values (strcmp); ids are RTAX_FEATURE_* bits.
pub static FEATURES: Table<u32> = Table::new("ip route add features", &[exact("ecn", 1)]);

/// `ttl-propagate` values.
pub static TTL_PROPAGATE_VALUES: Table<u8> =
    Table::new("ip route add ttl-propagate", &[kw("enabled", 1), kw("disabled", 0)]);

/// parse_one_nh(): `a.i` is on "nexthop"; returns with `a.i` on the first
/// word it did not use. Appends the rtnexthop (header + attributes).
fn parse_one_nh(ctx: &mut crate::ctx::Ctx, rtm: &mut Rtm, a: &mut Args, out: &mut Vec<u8>) -> Res<Result<(), ()>> {
    let start = out.len();
    out.extend_from_slice(&[0u8; 8]);
    let mut flags = 0u8;
    let mut hops = 0u8;
    let mut ifindex = 0u32;
    loop {
        a.step();
        if a.remaining() == 0 {
            break;
        }
        let opt = NEXTHOP_OPTIONS.find(a.cur());
        if opt == Some(Nh::Via) {
            a.next_arg()?;
            let mut fam = read_family(a.cur());
            if fam == AF_UNSPEC {
                fam = rtm.family;
            } else {
                a.next_arg()?;
            }
            let addr = get_addr(a.cur(), fam)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = addr.family;
            }
            if addr.family == rtm.family {
                add(out, RTA_GATEWAY, addr.bytes());
            } else {
                let mut v = vec![addr.family, 0];
                v.extend_from_slice(addr.bytes());
                add(out, RTA_VIA, &v);
            }
        } else if opt == Some(Nh::Dev) {
            a.next_arg()?;
            ifindex = ctx.ifindex(a.cur());
            if ifindex == 0 {
                crate::error::say_no_device(a.cur());
                return Ok(Err(()));
            }
        } else if opt == Some(Nh::Weight) {
            a.next_arg()?;
            match get_unsigned(a.cur(), 0) {
                Some(wt) if wt != 0 && wt <= 256 => hops = (wt - 1) as u8,
                _ => return Err(invarg("\"weight\" is invalid\n", a.cur())),
            }
        } else if opt == Some(Nh::Onlink) {
            flags |= RTNH_F_ONLINK as u8;
        } else if opt == Some(Nh::Realms) {
            a.next_arg()?;
            let Some(r) = rt_names::rt_realms_or_raw(a.cur()) else {
                return Err(invarg("\"realm\" value is invalid\n", a.cur()));
            };
            add(out, RTA_FLOW, &r.to_ne_bytes());
        } else if opt == Some(Nh::Encap) {
            let e = encap::parse(ctx, a, RTA_ENCAP, RTA_ENCAP_TYPE)?;
            out.extend_from_slice(&e);
        } else if opt == Some(Nh::As) {
            a.next_arg()?;
            if a.cur() == "to" {
                a.next_arg()?;
            }
            let addr = get_addr(a.cur(), rtm.family)?;
            add(out, RTA_NEWDST, addr.bytes());
        } else {
            break;
        }
    }
    let len = (out.len() - start) as u16;
    if let Some(h) = out.get_mut(start..start + 8) {
        h[0..2].copy_from_slice(&len.to_ne_bytes());
        h[2] = flags;
        h[3] = hops;
        h[4..8].copy_from_slice(&ifindex.to_ne_bytes());
    }
    Ok(Ok(()))
}

pub fn modify(ctx: &mut crate::ctx::Ctx, cmd: u16, flags: u16, mut a: Args) -> Res<i32> {
    let mut rtm = Rtm { family: ctx.o.family, table: RT_TABLE_MAIN as u8, scope: 255, ..Default::default() };
    if cmd != RTM_DELROUTE {
        rtm.protocol = 3;
        rtm.scope = 0;
        rtm.ty = RTN_UNICAST;
    }
    let mut body: Vec<u8> = Vec::new();
    let mut mx: Vec<u8> = Vec::new();
    let mut mxlock = 0u32;
    let mut dev: Option<String> = None;
    let (mut gw_ok, mut dst_ok, mut nhs_ok, mut scope_ok, mut table_ok, mut type_ok) =
        (false, false, false, false, false, false);
    let mut nhid = 0u32;

    macro_rules! lock_and_value {
        ($bit:expr) => {{
            a.next_arg()?;
            if METRIC_WORDS.find(a.cur()).is_some() {
                mxlock |= 1 << $bit;
                a.next_arg()?;
            }
        }};
    }

    while a.remaining() > 0 {
        let opt = ADD_OPTIONS.find(a.cur());
        if opt == Some(Add::Src) {
            a.next_arg()?;
            let addr = get_addr(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = addr.family;
            }
            put(&mut body, RTA_PREFSRC, addr.bytes());
        } else if opt == Some(Add::As) {
            a.next_arg()?;
            if a.cur() == "to" {
                a.next_arg()?;
            }
            let addr = get_addr(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = addr.family;
            }
            put(&mut body, RTA_NEWDST, addr.bytes());
        } else if opt == Some(Add::Via) {
            if gw_ok {
                return Err(invarg("use nexthop syntax to specify multiple via\n", a.cur()));
            }
            gw_ok = true;
            a.next_arg()?;
            let mut fam = read_family(a.cur());
            if fam == AF_UNSPEC {
                fam = rtm.family;
            } else {
                a.next_arg()?;
            }
            let addr = get_addr(a.cur(), fam)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = addr.family;
            }
            if addr.family == rtm.family {
                put(&mut body, RTA_GATEWAY, addr.bytes());
            } else {
                let mut v = vec![addr.family, 0];
                v.extend_from_slice(addr.bytes());
                put(&mut body, RTA_VIA, &v);
            }
        } else if opt == Some(Add::From) {
            a.next_arg()?;
            let p = get_prefix(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = p.family;
            }
            if p.bytelen != 0 {
                put(&mut body, RTA_SRC, p.bytes());
            }
            rtm.src_len = p.bitlen as u8;
        } else if opt == Some(Add::Tos) {
            a.next_arg()?;
            let Some(t) = rt_names::dsfield_a2n(a.cur()) else {
                return Err(invarg("\"tos\" value is invalid\n", a.cur()));
            };
            rtm.tos = t as u8;
        } else if opt == Some(Add::Expires) {
            a.next_arg()?;
            let Some(e) = crate::args::num::get_u32(a.cur(), 0) else {
                return Err(invarg("\"expires\" value is invalid\n", a.cur()));
            };
            put(&mut body, RTA_EXPIRES, &e.to_ne_bytes());
        } else if opt == Some(Add::Metric) {
            a.next_arg()?;
            let Some(m) = crate::args::num::get_u32(a.cur(), 0) else {
                return Err(invarg("\"metric\" value is invalid\n", a.cur()));
            };
            put(&mut body, RTA_PRIORITY, &m.to_ne_bytes());
        } else if opt == Some(Add::Scope) {
            a.next_arg()?;
            let Some(s) = rt_names::rtscope_a2n(a.cur()) else {
                return Err(invarg("invalid \"scope\" value\n", a.cur()));
            };
            rtm.scope = s as u8;
            scope_ok = true;
        } else if opt == Some(Add::Mtu) {
            lock_and_value!(RTAX_MTU);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"mtu\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_MTU as u16, &v.to_ne_bytes());
        } else if opt == Some(Add::Hoplimit) {
            lock_and_value!(RTAX_HOPLIMIT);
            match get_unsigned(a.cur(), 0) {
                Some(v) if v <= 255 => add_metric(&mut mx, RTAX_HOPLIMIT as u16, &v.to_ne_bytes()),
                _ => return Err(invarg("\"hoplimit\" value is invalid\n", a.cur())),
            }
        } else if opt == Some(Add::Advmss) {
            lock_and_value!(RTAX_ADVMSS);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"mss\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_ADVMSS, &v.to_ne_bytes());
        } else if opt == Some(Add::Reordering) {
            lock_and_value!(RTAX_REORDERING);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"reordering\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_REORDERING, &v.to_ne_bytes());
        } else if opt == Some(Add::Rtt) {
            lock_and_value!(RTAX_RTT);
            let Some((v, raw)) = get_time_rtt(a.cur()) else {
                return Err(invarg("\"rtt\" value is invalid\n", a.cur()));
            };
            let v = if raw { v } else { v.wrapping_mul(8) };
            add_metric(&mut mx, RTAX_RTT as u16, &v.to_ne_bytes());
        } else if opt == Some(Add::RtoMin) {
            a.next_arg()?;
            mxlock |= 1 << RTAX_RTO_MIN;
            let Some((v, _)) = get_time_rtt(a.cur()) else {
                return Err(invarg("\"rto_min\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_RTO_MIN as u16, &v.to_ne_bytes());
        } else if opt == Some(Add::Window) {
            lock_and_value!(RTAX_WINDOW);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"window\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_WINDOW, &v.to_ne_bytes());
        } else if opt == Some(Add::Cwnd) {
            lock_and_value!(RTAX_CWND);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"cwnd\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_CWND, &v.to_ne_bytes());
        } else if opt == Some(Add::Initcwnd) {
            lock_and_value!(RTAX_INITCWND);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"initcwnd\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_INITCWND, &v.to_ne_bytes());
        } else if opt == Some(Add::Initrwnd) {
            lock_and_value!(RTAX_INITRWND);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"initrwnd\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_INITRWND, &v.to_ne_bytes());
        } else if opt == Some(Add::Features) {
            let mut features = 0u32;
            if a.remaining() > 0 {
                a.next_arg()?;
                match FEATURES.find(a.cur()) {
                    Some(bit) => features |= bit,
                    None => return Err(invarg("\"features\" value not valid\n", a.cur())),
                }
            }
            add_metric(&mut mx, RTAX_FEATURES as u16, &features.to_ne_bytes());
        } else if opt == Some(Add::Quickack) {
            a.next_arg()?;
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"quickack\" value is invalid\n", a.cur()));
            };
            if v > 1 {
                return Err(invarg("\"quickack\" value should be 0 or 1\n", a.cur()));
            }
            add_metric(&mut mx, RTAX_QUICKACK, &v.to_ne_bytes());
        } else if opt == Some(Add::Congctl) {
            lock_and_value!(RTAX_CC_ALGO);
            add_metric(&mut mx, RTAX_CC_ALGO as u16, a.cur().as_bytes());
        } else if opt == Some(Add::Rttvar) {
            lock_and_value!(RTAX_RTTVAR);
            let Some((v, raw)) = get_time_rtt(a.cur()) else {
                return Err(invarg("\"rttvar\" value is invalid\n", a.cur()));
            };
            let v = if raw { v } else { v.wrapping_mul(4) };
            add_metric(&mut mx, RTAX_RTTVAR as u16, &v.to_ne_bytes());
        } else if opt == Some(Add::Ssthresh) {
            lock_and_value!(RTAX_SSTHRESH);
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"ssthresh\" value is invalid\n", a.cur()));
            };
            add_metric(&mut mx, RTAX_SSTHRESH, &v.to_ne_bytes());
        } else if opt == Some(Add::Realms) {
            a.next_arg()?;
            let Some(r) = rt_names::rt_realms_or_raw(a.cur()) else {
                return Err(invarg("\"realm\" value is invalid\n", a.cur()));
            };
            put(&mut body, RTA_FLOW, &r.to_ne_bytes());
        } else if opt == Some(Add::Onlink) {
            rtm.flags |= RTNH_F_ONLINK;
        } else if opt == Some(Add::Nexthop) {
            nhs_ok = true;
            break;
        } else if opt == Some(Add::Nhid) {
            a.next_arg()?;
            let Some(n) = crate::args::num::get_u32(a.cur(), 0) else {
                return Err(invarg("\"id\" value is invalid\n", a.cur()));
            };
            nhid = n;
            put(&mut body, RTA_NH_ID, &n.to_ne_bytes());
        } else if opt == Some(Add::Protocol) {
            a.next_arg()?;
            let Some(p) = rt_names::rtprot_a2n(a.cur()) else {
                return Err(invarg("\"protocol\" value is invalid\n", a.cur()));
            };
            rtm.protocol = p as u8;
        } else if opt == Some(Add::Table) {
            a.next_arg()?;
            let Some(t) = rt_names::rttable_a2n(a.cur()) else {
                return Err(invarg("\"table\" value is invalid\n", a.cur()));
            };
            if t < 256 {
                rtm.table = t as u8;
            } else {
                rtm.table = 0;
                put(&mut body, RTA_TABLE, &t.to_ne_bytes());
            }
            table_ok = true;
        } else if opt == Some(Add::Vrf) {
            a.next_arg()?;
            let t = super::vrf_table(ctx, a.cur());
            if t == 0 {
                return Err(invarg("Invalid VRF\n", a.cur()));
            }
            if t < 256 {
                rtm.table = t as u8;
            } else {
                rtm.table = 0;
                put(&mut body, RTA_TABLE, &t.to_ne_bytes());
            }
            table_ok = true;
        } else if opt == Some(Add::Dev) {
            a.next_arg()?;
            dev = Some(a.cur().to_string());
        } else if opt == Some(Add::Pref) {
            a.next_arg()?;
            let pref = match PREF_VALUES.find(a.cur()) {
                Some(p) => p,
                None => match crate::args::num::get_u8(a.cur(), 0) {
                    Some(x) => x,
                    None => return Err(invarg("\"pref\" value is invalid\n", a.cur())),
                },
            };
            put(&mut body, RTA_PREF, &[pref]);
        } else if opt == Some(Add::Encap) {
            let e = encap::parse(ctx, &mut a, RTA_ENCAP, RTA_ENCAP_TYPE)?;
            // addraw_l(&req.n, 1024, ...)
            if align4(HDRS + body.len()) + align4(e.len()) > 1024 {
                eprint_raw("addraw_l ERROR: message exceeded bound of 1024\n");
            } else {
                body.extend_from_slice(&e);
            }
        } else if opt == Some(Add::TtlPropagate) {
            a.next_arg()?;
            let Some(v) = TTL_PROPAGATE_VALUES.find(a.cur()) else {
                return Err(invarg("\"ttl-propagate\" value is invalid\n", a.cur()));
            };
            put(&mut body, RTA_TTL_PROPAGATE, &[v]);
        } else if opt == Some(Add::FastopenNoCookie) {
            a.next_arg()?;
            let Some(v) = get_unsigned(a.cur(), 0) else {
                return Err(invarg("\"fastopen_no_cookie\" value is invalid\n", a.cur()));
            };
            if v > 1 {
                return Err(invarg("\"fastopen_no_cookie\" value should be 0 or 1\n", a.cur()));
            }
            add_metric(&mut mx, RTAX_FASTOPEN_NO_COOKIE, &v.to_ne_bytes());
        } else {
            if opt == Some(Add::To) {
                a.next_arg()?;
            }
            let c = a.cur();
            if !c.starts_with(|ch: char| ch.is_ascii_digit()) {
                if let Some(t) = rt_names::rtntype_a2n(c) {
                    a.next_arg()?;
                    rtm.ty = t;
                    type_ok = true;
                }
            }
            if ADD_OPTIONS.find(a.cur()) == Some(Add::Help) {
                return Err(usage());
            }
            if dst_ok {
                return Err(duparg2("to", a.cur()));
            }
            let p = get_prefix(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = p.family;
            }
            rtm.dst_len = p.bitlen as u8;
            dst_ok = true;
            if p.bytelen != 0 {
                put(&mut body, RTA_DST, p.bytes());
            }
        }
        a.step();
    }

    if !dst_ok {
        return Err(usage());
    }
    if let Some(d) = dev.as_deref() {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            return nodev(d);
        }
        put(&mut body, RTA_OIF, &idx.to_ne_bytes());
    }
    if !mx.is_empty() {
        if mxlock != 0 {
            add_metric(&mut mx, RTAX_LOCK as u16, &mxlock.to_ne_bytes());
        }
        put(&mut body, RTA_METRICS, &mx);
    }
    if nhs_ok {
        // parse_nexthops()
        let mut mp: Vec<u8> = Vec::new();
        while a.remaining() > 0 {
            if a.cur() != "nexthop" {
                return Err(fail(
                    255,
                    &format!("Error: \"nexthop\" or end of line is expected instead of \"{}\"\n", a.cur()),
                ));
            }
            if a.remaining() <= 1 {
                return Err(fail(255, "Error: unexpected end of line after \"nexthop\"\n"));
            }
            if parse_one_nh(ctx, &mut rtm, &mut a, &mut mp)?.is_err() {
                return Err(fail(255, "Error: cannot parse nexthop\n"));
            }
        }
        if !mp.is_empty() {
            put_bounded(&mut body, 4096, RTA_MULTIPATH, &mp);
        }
    }
    if rtm.family == AF_UNSPEC {
        rtm.family = AF_INET;
    }
    if !table_ok && matches!(rtm.ty, RTN_LOCAL | RTN_BROADCAST | RTN_NAT | RTN_ANYCAST) {
        rtm.table = RT_TABLE_LOCAL as u8;
    }
    if !scope_ok {
        if rtm.family == AF_INET6 || rtm.family == AF_MPLS {
            rtm.scope = 0;
        } else if rtm.ty == RTN_LOCAL || rtm.ty == RTN_NAT {
            rtm.scope = 254;
        } else if matches!(rtm.ty, RTN_BROADCAST | RTN_MULTICAST | RTN_ANYCAST) {
            rtm.scope = 253;
        } else if rtm.ty == RTN_UNICAST || rtm.ty == 0 {
            if cmd == RTM_DELROUTE {
                rtm.scope = 255;
            } else if !gw_ok && !nhs_ok && nhid == 0 {
                rtm.scope = 253;
            }
        }
    }
    if !type_ok && rtm.family == AF_MPLS {
        rtm.ty = RTN_UNICAST;
    }
    let mut req = Req::bounded(cmd, NLM_F_REQUEST | flags, &rtm.bytes(), bound::IPROUTE_MODIFY);
    req.buf.extend_from_slice(&body);
    let n = req.buf.len() as u32;
    req.buf[0..4].copy_from_slice(&n.to_ne_bytes());
    if ctx.o.echo > 0 {
        // rtnl_echo_talk(): the kernel's copy of the route is printed.
        let f = req.flags() | NLM_F_ECHO | NLM_F_ACK;
        req.set_flags(f);
        let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(2) };
        super::prepare_names(ctx)?;
        let is_route =
            crate::netlink::attr::msgs(&ans).next().is_some_and(|m| m.ty == RTM_NEWROUTE || m.ty == RTM_DELROUTE);
        if !is_route {
            return Ok(0);
        }
        ctx.p.new_json_obj();
        ctx.p.open_object(None);
        let filt = Filter { mdst: Default::default(), msrc: Default::default(), ..Default::default() };
        let _ = super::print_answer(ctx, &filt, &ans);
        ctx.p.close_object();
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        return Ok(0);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtt_times() {
        assert_eq!(get_time_rtt("100"), Some((100, true)));
        assert_eq!(get_time_rtt("100ms"), Some((100, false)));
        assert_eq!(get_time_rtt("2s"), Some((2000, false)));
        assert_eq!(get_time_rtt("1.5ms"), Some((2, false)));
        assert_eq!(get_time_rtt("0.2s"), Some((200, false)));
        assert_eq!(get_time_rtt("abc"), None);
        assert_eq!(get_time_rtt("10us"), None);
    }
}
