//! Nexthop objects and lightweight-tunnel encapsulations as both `ip route`
//! and `ip nexthop` (and `ip monitor`) read and print them: the nexthop
//! entry printer (ip/ipnexthop.c __print_nexthop_entry, which iproute2 also
//! uses for a route's `nh_info`), print_rt_flags(), and the encap codec
//! (encap.rs, ip/iproute_lwtunnel.c). Shared because a route prints a
//! nexthop and a nexthop prints an encap, and objects import no object.

pub mod encap;
pub mod entry;

use std::collections::HashMap;

use crate::netlink::attr::{msgs, Req};
use crate::netlink::consts::*;
use crate::netlink::Rtnl;
use crate::print::{Printer, T};

/// What the printers need besides the message: the printer, interface
/// names, and the options that change the text.
pub trait Env {
    fn p(&mut self) -> &mut Printer;
    /// ll_index_to_name(): the name, or `ifN`.
    fn ifname(&mut self, idx: u32) -> String;
    fn numeric(&self) -> bool;
    fn stats(&self) -> bool;
    fn human(&self) -> bool;
    fn iec(&self) -> bool;
    fn resolve(&self) -> bool;
    fn details(&self) -> bool;
}

// linux/rtnetlink.h: next-hop flags (RTNH_F_*) and route flags (RTM_F_*).
const RTNH_F_DEAD: u32 = 1;
const RTNH_F_PERVASIVE: u32 = 2;
const RTNH_F_ONLINK: u32 = 4;
const RTNH_F_OFFLOAD: u32 = 8;
const RTNH_F_LINKDOWN: u32 = 16;
const RTNH_F_UNRESOLVED: u32 = 32;
const RTNH_F_TRAP: u32 = 64;
const RTM_F_NOTIFY: u32 = 0x100;
const RTM_F_OFFLOAD: u32 = 0x4000;
const RTM_F_TRAP: u32 = 0x8000;
const RTM_F_OFFLOAD_FAILED: u32 = 0x2000_0000;

/// print_rt_flags() (ip/iproute.c): the next-hop flag words, a `flags`
/// array in JSON.
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

const RTM_NEWNEXTHOP: u16 = 104;
const RTM_GETNEXTHOP: u16 = 106;
const NHA_ID: u16 = 1;

/// Nexthop replies by id (None: the lookup failed), for `nh_info`
/// (nh.rs): each id is fetched once with RTM_GETNEXTHOP on a socket of
/// its own (iproute2's nh_cache_rth), so it works in the middle of a dump.
#[derive(Default)]
pub struct NhCache {
    rtnl: Option<Rtnl>,
    failed_open: bool,
    by_id: HashMap<u32, Vec<u8>>,
}

impl NhCache {
    pub fn get(&mut self, id: u32) -> Option<&[u8]> {
        if !self.by_id.contains_key(&id) {
            if self.rtnl.is_none() && !self.failed_open {
                match Rtnl::open(32768, false) {
                    Ok(r) => self.rtnl = Some(r),
                    Err(_) => self.failed_open = true,
                }
            }
            let ans = self.rtnl.as_mut().and_then(|r| {
                let mut req = Req::new(RTM_GETNEXTHOP, NLM_F_REQUEST, &[0u8; 8]);
                req.attr_u32(NHA_ID, id);
                r.talk_answer(&mut req).ok()
            });
            let msg = ans.and_then(|a| msgs(&a).next().filter(|m| m.ty == RTM_NEWNEXTHOP).map(|m| m.payload.to_vec()));
            // A failed lookup is not remembered (ipnh_cache_add() links
            // nothing): the next use asks again.
            self.by_id.insert(id, msg?);
        }
        self.by_id.get(&id).map(|m| m.as_slice())
    }

    /// ipnh_cache_process_nlmsg(): `ip monitor` keeps the cache current
    /// from the nexthop events it sees (`payload`: nhmsg and attributes).
    pub fn process(&mut self, deleted: bool, payload: &[u8]) {
        let Some(tb) = entry::table::<{ entry::NHA_MAX + 1 }>(payload, 8) else { return };
        let id = tb[entry::NHA_ID].and_then(crate::netlink::attr::get_u32).unwrap_or(0);
        if deleted {
            self.by_id.remove(&id);
        } else {
            self.by_id.insert(id, payload.to_vec());
        }
    }
}
