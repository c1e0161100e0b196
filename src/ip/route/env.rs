//! What printing a route needs besides the message (print.rs, encap.rs
//! and nh.rs all write through it): the printer, the interface names with
//! their lookups, the selectors, the options, the nexthop cache.

use super::rtm::*;
use crate::inet::ABuf;
use crate::netlink::consts::*;
use crate::print::{Color, Printer, J, T};

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
    pub nh: crate::nh::NhCache,
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
            let mut req =
                crate::netlink::attr::Req::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
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
    pub fn new(
        p: &'a mut Printer,
        names: &'a mut crate::names::LinkNames,
        f: &'a Filter,
        o: &crate::ctx::Opts,
    ) -> Env<'a> {
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
    pub fn sf(&mut self, c: Color, key: &str, pre: &str, val: &str, post: &str) {
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
    pub fn uf(&mut self, key: &str, pre: &str, v: u32, post: &str) {
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

/// print_rt_flags(), shared with `ip nexthop` (crate::nh).
pub fn print_rt_flags(p: &mut Printer, flags: u32) {
    crate::nh::print_rt_flags(p, flags)
}

impl crate::nh::Env for Env<'_> {
    fn p(&mut self) -> &mut Printer {
        self.p
    }
    fn ifname(&mut self, idx: u32) -> String {
        Env::ifname(self, idx).to_string()
    }
    fn numeric(&self) -> bool {
        self.numeric
    }
    fn stats(&self) -> bool {
        self.stats
    }
    fn human(&self) -> bool {
        self.human
    }
    fn iec(&self) -> bool {
        self.iec
    }
    fn resolve(&self) -> bool {
        self.resolve
    }
    fn details(&self) -> bool {
        self.details
    }
}
