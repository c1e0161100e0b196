//! Nexthop objects and lightweight-tunnel encapsulations as both `ip route`
//! and `ip nexthop` (and `ip monitor`) read and print them: the nexthop
//! entry printer (ip/ipnexthop.c __print_nexthop_entry, which iproute2 also
//! uses for a route's `nh_info`), print_rt_flags(), and the encap codec
//! (encap.rs, ip/iproute_lwtunnel.c). Shared because a route prints a
//! nexthop and a nexthop prints an encap, and objects import no object.

pub mod encap;
pub mod entry;

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
