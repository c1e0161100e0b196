//! The route filter (filter_nlmsg) and printer (print_route) of
//! ip/iproute.c. One message at a time, no allocation on the common path:
//! attributes are borrowed slices in a fixed table, addresses are formatted
//! on the stack, names come from the caches by reference.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::inet::{addr_match, af_bit_len, family_name, ABuf, InetPrefix as Prefix, PREFIXLEN_SPECIFIED};
use crate::netlink::attr::{attrs, get_str, get_u32, get_u8};
use crate::netlink::consts::*;
use crate::print::{Color, Printer, J, T};
use crate::names::tables as rt_names;

pub const RTN_UNICAST: u8 = 1;
pub const RTN_LOCAL: u8 = 2;
pub const RTN_BROADCAST: u8 = 3;
pub const RTN_ANYCAST: u8 = 4;
pub const RTN_MULTICAST: u8 = 5;
pub const RTN_UNREACHABLE: u8 = 7;
pub const RTN_NAT: u8 = 10;

pub const RT_TABLE_MAIN: u32 = 254;
pub const RT_TABLE_LOCAL: u32 = 255;

pub const RTM_F_NOTIFY: u32 = 0x100;
pub const RTM_F_CLONED: u32 = 0x200;
pub const RTM_F_LOOKUP_TABLE: u32 = 0x1000;
pub const RTM_F_FIB_MATCH: u32 = 0x2000;
const RTM_F_OFFLOAD: u32 = 0x4000;
const RTM_F_TRAP: u32 = 0x8000;
const RTM_F_OFFLOAD_FAILED: u32 = 0x2000_0000;

pub const RTNH_F_DEAD: u32 = 1;
pub const RTNH_F_PERVASIVE: u32 = 2;
pub const RTNH_F_ONLINK: u32 = 4;
const RTNH_F_OFFLOAD: u32 = 8;
const RTNH_F_LINKDOWN: u32 = 16;
const RTNH_F_UNRESOLVED: u32 = 32;
const RTNH_F_TRAP: u32 = 64;

const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;

pub const RTAX_LOCK: usize = 1;
pub const RTAX_MTU: usize = 2;
pub const RTAX_RTT: usize = 4;
pub const RTAX_RTTVAR: usize = 5;
pub const RTAX_HOPLIMIT: usize = 10;
pub const RTAX_FEATURES: usize = 12;
pub const RTAX_RTO_MIN: usize = 13;
pub const RTAX_CC_ALGO: usize = 16;
pub const RTAX_MAX: usize = 17;

pub const MX_NAMES: [&str; RTAX_MAX + 1] = [
    "",
    "",
    "mtu",
    "window",
    "rtt",
    "rttvar",
    "ssthresh",
    "cwnd",
    "advmss",
    "reordering",
    "hoplimit",
    "initcwnd",
    "features",
    "rto_min",
    "initrwnd",
    "quickack",
    "congctl",
    "fastopen_no_cookie",
];

/// The parsed rtmsg header.
#[derive(Clone, Copy, Default)]
pub struct Rtm {
    pub family: u8,
    pub dst_len: u8,
    pub src_len: u8,
    pub tos: u8,
    pub table: u8,
    pub protocol: u8,
    pub scope: u8,
    pub ty: u8,
    pub flags: u32,
}

impl Rtm {
    pub fn parse(p: &[u8]) -> Option<Rtm> {
        let h = p.get(..RTMSG_LEN)?;
        Some(Rtm {
            family: h[0],
            dst_len: h[1],
            src_len: h[2],
            tos: h[3],
            table: h[4],
            protocol: h[5],
            scope: h[6],
            ty: h[7],
            flags: u32::from_ne_bytes([h[8], h[9], h[10], h[11]]),
        })
    }
    pub fn bytes(&self) -> [u8; RTMSG_LEN] {
        let mut b = [0u8; RTMSG_LEN];
        b[0] = self.family;
        b[1] = self.dst_len;
        b[2] = self.src_len;
        b[3] = self.tos;
        b[4] = self.table;
        b[5] = self.protocol;
        b[6] = self.scope;
        b[7] = self.ty;
        b[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        b
    }
}

/// parse_rtattr() into a fixed table (first attribute of a type wins).
pub struct RtTb<'a>(pub [Option<&'a [u8]>; RTA_MAX + 1]);

impl<'a> RtTb<'a> {
    pub fn parse(buf: &'a [u8]) -> RtTb<'a> {
        let mut t = [None; RTA_MAX + 1];
        for (ty, d) in attrs(buf) {
            if let Some(s) = t.get_mut(ty as usize) {
                if s.is_none() {
                    *s = Some(d);
                }
            }
        }
        RtTb(t)
    }
    #[inline]
    pub fn get(&self, ty: u16) -> Option<&'a [u8]> {
        self.0.get(ty as usize).copied().flatten()
    }
    #[inline]
    pub fn u32(&self, ty: u16) -> Option<u32> {
        self.get(ty).and_then(get_u32)
    }
}

/// rtm_get_table()
pub fn rtm_get_table(r: &Rtm, tb: &RtTb) -> u32 {
    tb.u32(RTA_TABLE).unwrap_or(r.table as u32)
}

/// The selectors of list/flush/save/get (iproute2's static `filter`).
#[derive(Clone)]
pub struct Filter {
    pub tb: u32,
    pub cloned: i32,
    pub flushing: bool,
    pub protocol: u32,
    pub protocolmask: u32,
    pub scope: u32,
    pub scopemask: u32,
    pub typemask: u64,
    pub tos: u32,
    pub tosmask: u32,
    pub iif: u32,
    pub iifmask: u32,
    pub oif: u32,
    pub oifmask: u32,
    pub mark: u32,
    pub markmask: u32,
    pub realm: u32,
    pub realmmask: u32,
    pub metric: u32,
    pub metricmask: u32,
    pub rprefsrc: Prefix,
    pub rvia: Prefix,
    pub rdst: Prefix,
    pub mdst: Prefix,
    pub rsrc: Prefix,
    pub msrc: Prefix,
}

impl Default for Filter {
    /// iproute_reset_filter(0)
    fn default() -> Filter {
        let mdst = Prefix { bitlen: -1, ..Default::default() };
        let msrc = Prefix { bitlen: -1, ..Default::default() };
        Filter {
            tb: 0,
            cloned: 0,
            flushing: false,
            protocol: 0,
            protocolmask: 0,
            scope: 0,
            scopemask: 0,
            typemask: 0,
            tos: 0,
            tosmask: 0,
            iif: 0,
            iifmask: 0,
            oif: 0,
            oifmask: 0,
            mark: 0,
            markmask: 0,
            realm: 0,
            realmmask: 0,
            metric: 0,
            metricmask: 0,
            rprefsrc: Prefix::default(),
            rvia: Prefix::default(),
            rdst: Prefix::default(),
            mdst,
            rsrc: Prefix::default(),
            msrc,
        }
    }
}

/// filter_nlmsg()'s static: once an IPv6 route outside main was seen, the
/// table selector applies to IPv6 by number (kept for the whole process).
static IP6_MULTIPLE_TABLES: AtomicBool = AtomicBool::new(false);

fn copy_addr(dst: &mut [u8; 64], src: Option<&[u8]>, n: usize) {
    if let Some(s) = src {
        let n = n.min(s.len()).min(64);
        dst[..n].copy_from_slice(&s[..n]);
    }
}

fn spec(p: &Prefix) -> bool {
    p.family != 0 || p.flags & PREFIXLEN_SPECIFIED != 0
}

/// filter_nlmsg(): whether the route passes the selectors.
pub fn filter_nlmsg(f: &Filter, family_pref: u8, r: &Rtm, tb: &RtTb, host_len: i32) -> bool {
    let table = rtm_get_table(r, tb);
    if family_pref != AF_UNSPEC && r.family != family_pref {
        return false;
    }
    if r.family == AF_INET6 && table != RT_TABLE_MAIN {
        IP6_MULTIPLE_TABLES.store(true, Ordering::Relaxed);
    }
    if f.cloned == (r.flags & RTM_F_CLONED == 0) as i32 {
        return false;
    }
    if r.family == AF_INET6 && !IP6_MULTIPLE_TABLES.load(Ordering::Relaxed) {
        if f.tb != 0 {
            if f.tb == RT_TABLE_LOCAL {
                if r.ty != RTN_LOCAL {
                    return false;
                }
            } else if f.tb == RT_TABLE_MAIN {
                if r.ty == RTN_LOCAL {
                    return false;
                }
            } else {
                return false;
            }
        }
    } else if f.tb > 0 && f.tb != table {
        return false;
    }
    if (f.protocol ^ r.protocol as u32) & f.protocolmask != 0 {
        return false;
    }
    if (f.scope ^ r.scope as u32) & f.scopemask != 0 {
        return false;
    }
    if f.typemask != 0 && f.typemask & (1u64 << (r.ty & 63)) == 0 {
        return false;
    }
    if (f.tos ^ r.tos as u32) & f.tosmask != 0 {
        return false;
    }
    let dl = r.dst_len as i32;
    let sl = r.src_len as i32;
    if f.rdst.family != 0 {
        if r.family != f.rdst.family || f.rdst.bitlen as i32 > dl {
            return false;
        }
    } else if f.rdst.flags & PREFIXLEN_SPECIFIED != 0 && f.rdst.bitlen as i32 > dl {
        return false;
    }
    if f.mdst.family != 0 {
        if r.family != f.mdst.family || (f.mdst.bitlen as i32 >= 0 && (f.mdst.bitlen as i32) < dl) {
            return false;
        }
    } else if f.mdst.flags & PREFIXLEN_SPECIFIED != 0 && f.mdst.bitlen as i32 >= 0 && (f.mdst.bitlen as i32) < dl {
        return false;
    }
    if f.rsrc.family != 0 {
        if r.family != f.rsrc.family || f.rsrc.bitlen as i32 > sl {
            return false;
        }
    } else if f.rsrc.flags & PREFIXLEN_SPECIFIED != 0 && f.rsrc.bitlen as i32 > sl {
        return false;
    }
    if f.msrc.family != 0 {
        if r.family != f.msrc.family || (f.msrc.bitlen as i32 >= 0 && (f.msrc.bitlen as i32) < sl) {
            return false;
        }
    } else if f.msrc.flags & PREFIXLEN_SPECIFIED != 0 && f.msrc.bitlen as i32 >= 0 && (f.msrc.bitlen as i32) < sl {
        return false;
    }
    if f.rvia.family != 0 {
        let mut fam = r.family;
        if let Some(v) = tb.get(RTA_VIA) {
            fam = v.first().copied().unwrap_or(0);
        }
        if fam != f.rvia.family {
            return false;
        }
    }
    if f.rprefsrc.family != 0 && r.family != f.rprefsrc.family {
        return false;
    }
    let hb = (host_len / 8).max(0) as usize;
    if spec(&f.rdst) || spec(&f.mdst) {
        let mut dst = [0u8; 64];
        copy_addr(&mut dst, tb.get(RTA_DST), (dl as usize).div_ceil(8));
        if spec(&f.rdst) && !addr_match(&dst, &f.rdst.data, f.rdst.bitlen as i32) {
            return false;
        }
        if spec(&f.mdst) && !addr_match(&dst, &f.mdst.data, dl) {
            return false;
        }
    }
    if spec(&f.rsrc) || spec(&f.msrc) {
        let mut src = [0u8; 64];
        copy_addr(&mut src, tb.get(RTA_SRC), (sl as usize).div_ceil(8));
        if spec(&f.rsrc) && !addr_match(&src, &f.rsrc.data, f.rsrc.bitlen as i32) {
            return false;
        }
        if spec(&f.msrc) && f.msrc.bitlen as i32 >= 0 && !addr_match(&src, &f.msrc.data, sl) {
            return false;
        }
    }
    if f.rvia.family != 0 {
        let mut via = [0u8; 64];
        if f.rvia.bitlen as i32 > 0 {
            copy_addr(&mut via, tb.get(RTA_GATEWAY), hb);
            if let Some(v) = tb.get(RTA_VIA) {
                copy_addr(&mut via, v.get(2..), v.len().saturating_sub(2));
            }
        }
        if !addr_match(&via, &f.rvia.data, f.rvia.bitlen as i32) {
            return false;
        }
    }
    if f.rprefsrc.family != 0 {
        let mut ps = [0u8; 64];
        if f.rprefsrc.bitlen as i32 > 0 {
            copy_addr(&mut ps, tb.get(RTA_PREFSRC), hb);
        }
        if !addr_match(&ps, &f.rprefsrc.data, f.rprefsrc.bitlen as i32) {
            return false;
        }
    }
    if f.realmmask != 0 {
        let realms = tb.u32(RTA_FLOW).unwrap_or(0);
        if (realms ^ f.realm) & f.realmmask != 0 {
            return false;
        }
    }
    if f.iifmask != 0 {
        let iif = tb.u32(RTA_IIF).unwrap_or(0);
        if (iif ^ f.iif) & f.iifmask != 0 {
            return false;
        }
    }
    if f.oifmask != 0 {
        let oif = tb.u32(RTA_OIF).unwrap_or(0);
        if (oif ^ f.oif) & f.oifmask != 0 {
            return false;
        }
    }
    if f.markmask != 0 {
        let mark = tb.u32(RTA_MARK).unwrap_or(0);
        if (mark ^ f.mark) & f.markmask != 0 {
            return false;
        }
    }
    if f.metricmask != 0 {
        let metric = tb.u32(RTA_PRIORITY).unwrap_or(0);
        if (metric ^ f.metric) & f.metricmask != 0 {
            return false;
        }
    }
    if f.flushing
        && r.family == AF_INET6
        && r.dst_len == 0
        && r.ty == RTN_UNREACHABLE
        && tb.u32(RTA_PRIORITY) == Some(u32::MAX)
    {
        return false;
    }
    true
}

/// What print_route needs besides the message.
pub struct Env<'a> {
    pub p: &'a mut Printer,
    pub names: &'a mut crate::names::LinkNames,
    pub f: &'a Filter,
    pub details: bool,
    pub stats: bool,
    pub resolve: bool,
    /// `-N`: numbers instead of names.
    pub numeric: bool,
    pub human: bool,
    pub iec: bool,
    /// Text without colour: fragments are written directly (fast path).
    pub plain: bool,
    /// The last interface name looked up (routes mostly share a device).
    pub last_if: (u32, ABuf),
    /// Nexthop objects for `nh_info` (-d), fetched on first use.
    pub nh: super::nh::NhCache,
    /// Name lookups for interfaces missing from the cache.
    pub lookup: Lookup,
}

/// ll_index_to_name() on a miss, as iproute2 6.1: RTM_GETLINK on a socket
/// of its own, so it works in the middle of a dump. After many misses one
/// link dump fills the whole map instead (cheaper with thousands of links).
#[derive(Default)]
pub struct Lookup {
    /// No lookups (names were loaded up front).
    pub off: bool,
    rtnl: Option<crate::netlink::Rtnl>,
    failed: bool,
    misses: u32,
    dumped: bool,
}

const MISSES_BEFORE_DUMP: u32 = 16;

impl Lookup {
    fn resolve(&mut self, names: &mut crate::names::LinkNames, idx: u32) {
        if self.off || names.offline || self.failed || self.dumped {
            return;
        }
        if self.rtnl.is_none() {
            match crate::netlink::Rtnl::open(1024 * 1024, false) {
                Ok(r) => self.rtnl = Some(r),
                Err(_) => {
                    self.failed = true;
                    return;
                }
            }
        }
        let Some(r) = self.rtnl.as_mut() else { return };
        self.misses += 1;
        if self.misses > MISSES_BEFORE_DUMP {
            self.dumped = true;
            let mut req = crate::netlink::attr::Req::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
            req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
            if r.dump_request(&mut req).is_ok() {
                let _ = r.dump(|m| {
                    if m.ty == RTM_NEWLINK {
                        names.remember(m.payload);
                    }
                    Ok(())
                });
            }
            return;
        }
        let _ = names.name(Some(r), idx);
    }
}

impl<'a> Env<'a> {
    pub fn new(p: &'a mut Printer, names: &'a mut crate::names::LinkNames, f: &'a Filter, o: &crate::ctx::Opts) -> Env<'a> {
        let plain = !p.is_json() && !p.mode.color;
        Env {
            p,
            names,
            f,
            details: o.details > 0,
            stats: o.stats > 0,
            resolve: o.resolve > 0,
            numeric: o.numeric > 0,
            human: o.human > 0,
            iec: o.iec > 0,
            plain,
            last_if: (0, ABuf::new()),
            nh: Default::default(),
            lookup: Default::default(),
        }
    }

    /// A string fragment `pre VAL post` (coloured as one span), JSON `key`.
    #[inline]
    fn sf(&mut self, c: Color, key: &str, pre: &str, val: &str, post: &str) {
        if self.plain {
            self.p.fp(pre);
            self.p.fp(val);
            self.p.fp(post);
        } else if self.p.is_json() {
            self.p.color_string(T::Any, c, key, "", val);
        } else {
            self.p.field(T::Fp, c, None, J::Null, format_args!("{}{}{}", pre, val, post));
        }
    }

    /// A number fragment `pre N post`, JSON `key`.
    #[inline]
    fn uf(&mut self, key: &str, pre: &str, v: u32, post: &str) {
        if self.plain || !self.p.is_json() {
            let mut b = ABuf::new();
            b.push_str(pre);
            b.push_u32(v);
            b.push_str(post);
            self.p.fp(b.as_str());
        } else {
            self.p.uint(T::Any, key, "", v as u64);
        }
    }

    /// The interface name of `idx`, from a one-entry cache or the map.
    pub fn ifname(&mut self, idx: u32) -> &str {
        if self.last_if.0 != idx || idx == 0 {
            if idx != 0 && self.names.get(idx).is_none() {
                self.lookup.resolve(self.names, idx);
            }
            let mut tmp = ABuf::new();
            let n = ifname(self.names, idx, &mut tmp);
            self.last_if.1.clear();
            self.last_if.1.push_str(n);
            self.last_if.0 = idx;
        }
        self.last_if.1.as_str()
    }
}

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

fn family_color(f: u8) -> Color {
    match f {
        AF_INET => Color::Inet,
        AF_INET6 => Color::Inet6,
        _ => Color::None,
    }
}

/// format_host(): the resolved name with -r, else the address.
fn format_host(b: &mut ABuf, af: u8, a: &[u8], resolve_on: bool) {
    b.clear();
    b.push_host(af, a, resolve_on);
}

fn ifname<'n>(names: &'n crate::names::LinkNames, idx: u32, tmp: &'n mut ABuf) -> &'n str {
    if idx == 0 {
        return "*";
    }
    if let Some(e) = names.get(idx) {
        return &e.name;
    }
    tmp.clear();
    tmp.push_str("if");
    tmp.push_u32(idx);
    tmp.as_str()
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

/// print_rt_flags()
pub fn print_rt_flags(p: &mut Printer, flags: u32) {
    if p.is_json() {
        p.open_array(T::Json, "flags");
    }
    const F: [(u32, &str); 11] = [
        (RTNH_F_DEAD, "dead"),
        (RTNH_F_ONLINK, "onlink"),
        (RTNH_F_PERVASIVE, "pervasive"),
        (RTNH_F_OFFLOAD, "offload"),
        (RTNH_F_TRAP, "trap"),
        (RTM_F_NOTIFY, "notify"),
        (RTNH_F_LINKDOWN, "linkdown"),
        (RTNH_F_UNRESOLVED, "unresolved"),
        (RTM_F_OFFLOAD, "rt_offload"),
        (RTM_F_TRAP, "rt_trap"),
        (RTM_F_OFFLOAD_FAILED, "rt_offload_failed"),
    ];
    if flags != 0 {
        for (bit, name) in F {
            if flags & bit != 0 {
                p.string_nokey(T::Any, "{} ", name);
            }
        }
    }
    p.close_array(T::Json, "");
}

fn print_gateway(e: &mut Env, family: u8, a: &[u8]) {
    let mut b = ABuf::new();
    format_host(&mut b, family, a, e.resolve);
    if e.plain {
        e.p.fp("via ");
        e.p.fp(b.as_str());
        e.p.fp(" ");
    } else if e.p.is_json() {
        e.p.string(T::Json, "gateway", "", b.as_str());
    } else {
        e.p.fp("via ");
        e.p.color_string_opt(T::Fp, family_color(family), None, "{} ", b.as_str());
    }
}

fn print_via(e: &mut Env, v: &[u8]) {
    let fam = v.first().copied().unwrap_or(0);
    let addr = v.get(2..).unwrap_or(&[]);
    let mut b = ABuf::new();
    format_host(&mut b, fam, addr, e.resolve);
    if e.p.is_json() {
        e.p.open_object(Some("via"));
        e.p.string(T::Json, "family", "", family_name(fam));
        e.p.string(T::Json, "host", "", b.as_str());
        e.p.close_object();
    } else {
        e.p.string(T::Fp, "", "via {} ", family_name(fam));
        e.p.color_string_opt(T::Fp, family_color(fam), None, "{} ", b.as_str());
    }
}

fn print_newdst(e: &mut Env, family: u8, a: &[u8]) {
    let mut b = ABuf::new();
    format_host(&mut b, family, a, e.resolve);
    if e.p.is_json() {
        e.p.string(T::Json, "to", "", b.as_str());
    } else {
        e.p.fp("as to ");
        e.p.color_string_opt(T::Fp, family_color(family), None, "{} ", b.as_str());
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
                let s = slot.map(get_str).unwrap_or("");
                p.string(T::Any, "congestion", "{} ", s);
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
                super::encap::print_encap(e, tb.get(RTA_ENCAP_TYPE), tb.get(RTA_ENCAP).unwrap_or(&[]));
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
        color = family_color(family);
        if r.dst_len as i32 != host_len {
            b.push_addr(family, d);
            b.push_byte(b'/');
            b.push_u32(r.dst_len as u32);
        } else {
            format_host(&mut b, family, d, e.resolve);
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
        let color = family_color(family);
        b.clear();
        if r.src_len as i32 != host_len {
            b.push_addr(family, s);
            b.push_byte(b'/');
            b.push_u32(r.src_len as u32);
        } else {
            format_host(&mut b, family, s, e.resolve);
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
        super::encap::print_encap(e, tb.get(RTA_ENCAP_TYPE), enc);
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
                e.p.color_string_opt(T::Fp, family_color(r.family), None, "{} ", b.as_str());
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
    use crate::print::Mode;
    use std::cell::RefCell;
    use std::io::Write;
    use std::rc::Rc;

    #[derive(Clone, Default)]
    struct Sink(Rc<RefCell<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

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
            if filter_nlmsg(f, AF_UNSPEC, &r, &tb, 32) {
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
