//! Bridge port attributes (IFLA_BRPORT_*, the 6.1 uapi) and what both
//! `bridge link` (bridge/link.c) and `ip -d link` of a `bridge_slave`
//! (ip/iplink_bridge_slave.c) print of them: the STP state names and the
//! on/off port flags, each under one key and label.

use crate::args::keywords::{exact, Table};
use crate::netlink::Tb;
use crate::print::{Printer, T};

pub const IFLA_BRPORT_STATE: u16 = 1;
pub const IFLA_BRPORT_PRIORITY: u16 = 2;
pub const IFLA_BRPORT_COST: u16 = 3;
pub const IFLA_BRPORT_MODE: u16 = 4;
pub const IFLA_BRPORT_GUARD: u16 = 5;
pub const IFLA_BRPORT_PROTECT: u16 = 6;
pub const IFLA_BRPORT_FAST_LEAVE: u16 = 7;
pub const IFLA_BRPORT_LEARNING: u16 = 8;
pub const IFLA_BRPORT_UNICAST_FLOOD: u16 = 9;
pub const IFLA_BRPORT_PROXYARP: u16 = 10;
pub const IFLA_BRPORT_LEARNING_SYNC: u16 = 11;
pub const IFLA_BRPORT_PROXYARP_WIFI: u16 = 12;
pub const IFLA_BRPORT_ROOT_ID: u16 = 13;
pub const IFLA_BRPORT_BRIDGE_ID: u16 = 14;
pub const IFLA_BRPORT_DESIGNATED_PORT: u16 = 15;
pub const IFLA_BRPORT_DESIGNATED_COST: u16 = 16;
pub const IFLA_BRPORT_ID: u16 = 17;
pub const IFLA_BRPORT_NO: u16 = 18;
pub const IFLA_BRPORT_TOPOLOGY_CHANGE_ACK: u16 = 19;
pub const IFLA_BRPORT_CONFIG_PENDING: u16 = 20;
pub const IFLA_BRPORT_MESSAGE_AGE_TIMER: u16 = 21;
pub const IFLA_BRPORT_FORWARD_DELAY_TIMER: u16 = 22;
pub const IFLA_BRPORT_HOLD_TIMER: u16 = 23;
pub const IFLA_BRPORT_FLUSH: u16 = 24;
pub const IFLA_BRPORT_MULTICAST_ROUTER: u16 = 25;
pub const IFLA_BRPORT_MCAST_FLOOD: u16 = 27;
pub const IFLA_BRPORT_MCAST_TO_UCAST: u16 = 28;
pub const IFLA_BRPORT_VLAN_TUNNEL: u16 = 29;
pub const IFLA_BRPORT_BCAST_FLOOD: u16 = 30;
pub const IFLA_BRPORT_GROUP_FWD_MASK: u16 = 31;
pub const IFLA_BRPORT_NEIGH_SUPPRESS: u16 = 32;
pub const IFLA_BRPORT_ISOLATED: u16 = 33;
pub const IFLA_BRPORT_BACKUP_PORT: u16 = 34;
pub const IFLA_BRPORT_LOCKED: u16 = 39;
/// IFLA_BRPORT_MAX of the 6.1 headers.
pub const IFLA_BRPORT_MAX: usize = 39;

/// IFLA_AF_SPEC of family AF_BRIDGE (IFLA_BRIDGE_*).
pub const IFLA_BRIDGE_FLAGS: u16 = 0;
pub const IFLA_BRIDGE_MODE: u16 = 1;
pub const IFLA_BRIDGE_MAX: usize = 6;
pub const BRIDGE_FLAGS_MASTER: u16 = 1;
pub const BRIDGE_FLAGS_SELF: u16 = 2;

/// The STP port states (port_states[] of both tools), compared whole;
/// ids are the state numbers, in order, so the printers read names back.
pub static STP_STATES: Table<u8> = Table::new(
    "bridge link set state",
    &[exact("disabled", 0), exact("listening", 1), exact("learning", 2), exact("forwarding", 3), exact("blocking", 4)],
);

/// parse_stp_state(): a state name, or -1.
pub fn parse_stp_state(s: &str) -> i32 {
    STP_STATES.find(s).map(i32::from).unwrap_or(-1)
}

/// The name of STP state `n`, if it has one.
pub fn stp_state_name(n: u8) -> Option<&'static str> {
    STP_STATES.entries.iter().find(|k| k.id == n).map(|k| k.word())
}

/// print_stp_state() of bridge/: the name, or "state (N) " (key "state").
pub fn print_stp_state(p: &mut Printer, state: u8) {
    match stp_state_name(state) {
        Some(s) => p.string(T::Any, "state", "state {} ", s),
        None => p.uint(T::Any, "state", "state ({}) ", state as u64),
    }
}

/// The on/off port flags: attribute, JSON key and text label (one word).
const FLAGS: &[(u16, &str, &str)] = &[
    (IFLA_BRPORT_MODE, "hairpin", "hairpin {} "),
    (IFLA_BRPORT_GUARD, "guard", "guard {} "),
    (IFLA_BRPORT_PROTECT, "root_block", "root_block {} "),
    (IFLA_BRPORT_FAST_LEAVE, "fastleave", "fastleave {} "),
    (IFLA_BRPORT_LEARNING, "learning", "learning {} "),
    (IFLA_BRPORT_LEARNING_SYNC, "learning_sync", "learning_sync {} "),
    (IFLA_BRPORT_UNICAST_FLOOD, "flood", "flood {} "),
    (IFLA_BRPORT_PROXYARP, "proxy_arp", "proxy_arp {} "),
    (IFLA_BRPORT_PROXYARP_WIFI, "proxy_arp_wifi", "proxy_arp_wifi {} "),
    (IFLA_BRPORT_MCAST_FLOOD, "mcast_flood", "mcast_flood {} "),
    (IFLA_BRPORT_BCAST_FLOOD, "bcast_flood", "bcast_flood {} "),
    (IFLA_BRPORT_MCAST_TO_UCAST, "mcast_to_unicast", "mcast_to_unicast {} "),
    (IFLA_BRPORT_NEIGH_SUPPRESS, "neigh_suppress", "neigh_suppress {} "),
    (IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel", "vlan_tunnel {} "),
    (IFLA_BRPORT_ISOLATED, "isolated", "isolated {} "),
    (IFLA_BRPORT_LOCKED, "locked", "locked {} "),
];

/// Prints the on/off port flags of `attrs` that `tb` holds, in the
/// caller's order (bridge link and bridge_slave interleave them with
/// other fields differently): "KEY on|off " / "KEY":true|false.
pub fn print_flags(p: &mut Printer, tb: &Tb, attrs: &[u16]) {
    for a in attrs {
        let Some(v) = tb.u8(*a) else { continue };
        if let Some((_, key, fmt)) = FLAGS.iter().find(|(t, _, _)| t == a) {
            p.on_off(T::Any, key, fmt, v != 0);
        }
    }
}

// A multicast router port's attributes (MDBA_ROUTER_PATTR_*), printed by
// `bridge mdb` and `bridge -d vlan`.
const MDBA_ROUTER_PATTR_TIMER: u16 = 1;
const MDBA_ROUTER_PATTR_TYPE: u16 = 2;
const MDBA_ROUTER_PATTR_MAX: usize = 5;
const MDB_RTR_TYPE_TEMP_QUERY: u8 = 1;
const MDB_RTR_TYPE_TEMP: u8 = 3;

/// format_timer(): centiseconds as "S.CC" ("%4lu.%.2lu" when aligned).
pub fn format_timer(ticks: u32, align: bool) -> String {
    let us = 10000u64 * ticks as u64;
    let sec = us / 1_000_000;
    let cs = (us - sec * 1_000_000) / 10000;
    if align {
        format!("{:4}.{:02}", sec, cs)
    } else {
        format!("{}.{:02}", sec, cs)
    }
}

/// print_router_port_stats(): a router port's timer and type.
pub fn print_router_port_stats(p: &mut Printer, data: &[u8]) {
    let tb = Tb::parse(data.get(4..).unwrap_or(&[]), MDBA_ROUTER_PATTR_MAX);
    if let Some(t) = tb.u32(MDBA_ROUTER_PATTR_TIMER) {
        p.string(T::Any, "timer", " {}", &format_timer(t, true));
    }
    if let Some(ty) = tb.u8(MDBA_ROUTER_PATTR_TYPE) {
        let temp = ty == MDB_RTR_TYPE_TEMP_QUERY || ty == MDB_RTR_TYPE_TEMP;
        p.string(T::Any, "type", " {}", if temp { "temp" } else { "permanent" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_named_once() {
        for (i, (a, k, f)) in FLAGS.iter().enumerate() {
            assert!(FLAGS[i + 1..].iter().all(|(b, _, _)| b != a));
            assert_eq!(f, &format!("{} {{}} ", k));
        }
        assert_eq!(parse_stp_state("forwarding"), 3);
        assert_eq!(parse_stp_state("forward"), -1);
        assert_eq!(format_timer(25999, true), " 259.99");
        assert_eq!(format_timer(5, false), "0.05");
    }
}
