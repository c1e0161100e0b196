//! The rtmsg side of `ip route` (ip/iproute.c): the header and attribute
//! table of one route message, the flag and metric numbers, and the
//! selectors of list/flush/save/get with their test, filter_nlmsg().

use crate::inet::{addr_match, InetPrefix as Prefix, PREFIXLEN_SPECIFIED};
use crate::netlink::attr::{attrs, get_u32};
use crate::netlink::consts::*;

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

pub const RTNH_F_ONLINK: u32 = 4;

pub const RTNL_FAMILY_IPMR: u8 = 128;
pub const RTNL_FAMILY_IP6MR: u8 = 129;

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

fn copy_addr(dst: &mut [u8; 64], src: Option<&[u8]>, n: usize) {
    if let Some(s) = src {
        let n = n.min(s.len()).min(64);
        dst[..n].copy_from_slice(&s[..n]);
    }
}

fn spec(p: &Prefix) -> bool {
    p.family != 0 || p.flags & PREFIXLEN_SPECIFIED != 0
}

/// filter_nlmsg(): whether the route passes the selectors. `ip6_multiple`
/// is its static (Ctx::sticky): once an IPv6 route outside main was seen,
/// the table selector applies to IPv6 routes by number.
pub fn filter_nlmsg(f: &Filter, ip6_multiple: &mut bool, family_pref: u8, r: &Rtm, tb: &RtTb, host_len: i32) -> bool {
    let table = rtm_get_table(r, tb);
    if family_pref != AF_UNSPEC && r.family != family_pref {
        return false;
    }
    if r.family == AF_INET6 && table != RT_TABLE_MAIN {
        *ip6_multiple = true;
    }
    if f.cloned == (r.flags & RTM_F_CLONED == 0) as i32 {
        return false;
    }
    if r.family == AF_INET6 && !*ip6_multiple {
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
