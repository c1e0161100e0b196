//! `type bridge` (ip/iplink_bridge.c, 6.1.0): options of `ip link add|set
//! ... type bridge`, the `-d` block and JSON `info_data`, and the help.

use super::common::{bridge_id, ll_addr_a2n, ll_proto_a2n, ll_proto_n2a, print_timer};
use crate::cli::{invarg, matches, Args};
use crate::error::{eprint_raw, Res};
use crate::ip::Ctx;
use crate::netlink::attr::get_be16;
use crate::netlink::{Req, Tb};
use crate::print::T;
use crate::util::{get_u16, get_u32, get_u64, get_u8};

pub const IFLA_BR_FORWARD_DELAY: u16 = 1;
pub const IFLA_BR_HELLO_TIME: u16 = 2;
pub const IFLA_BR_MAX_AGE: u16 = 3;
pub const IFLA_BR_AGEING_TIME: u16 = 4;
pub const IFLA_BR_STP_STATE: u16 = 5;
pub const IFLA_BR_PRIORITY: u16 = 6;
pub const IFLA_BR_VLAN_FILTERING: u16 = 7;
pub const IFLA_BR_VLAN_PROTOCOL: u16 = 8;
pub const IFLA_BR_GROUP_FWD_MASK: u16 = 9;
pub const IFLA_BR_ROOT_ID: u16 = 10;
pub const IFLA_BR_BRIDGE_ID: u16 = 11;
pub const IFLA_BR_ROOT_PORT: u16 = 12;
pub const IFLA_BR_ROOT_PATH_COST: u16 = 13;
pub const IFLA_BR_TOPOLOGY_CHANGE: u16 = 14;
pub const IFLA_BR_TOPOLOGY_CHANGE_DETECTED: u16 = 15;
pub const IFLA_BR_HELLO_TIMER: u16 = 16;
pub const IFLA_BR_TCN_TIMER: u16 = 17;
pub const IFLA_BR_TOPOLOGY_CHANGE_TIMER: u16 = 18;
pub const IFLA_BR_GC_TIMER: u16 = 19;
pub const IFLA_BR_GROUP_ADDR: u16 = 20;
pub const IFLA_BR_FDB_FLUSH: u16 = 21;
pub const IFLA_BR_MCAST_ROUTER: u16 = 22;
pub const IFLA_BR_MCAST_SNOOPING: u16 = 23;
pub const IFLA_BR_MCAST_QUERY_USE_IFADDR: u16 = 24;
pub const IFLA_BR_MCAST_QUERIER: u16 = 25;
pub const IFLA_BR_MCAST_HASH_ELASTICITY: u16 = 26;
pub const IFLA_BR_MCAST_HASH_MAX: u16 = 27;
pub const IFLA_BR_MCAST_LAST_MEMBER_CNT: u16 = 28;
pub const IFLA_BR_MCAST_STARTUP_QUERY_CNT: u16 = 29;
pub const IFLA_BR_MCAST_LAST_MEMBER_INTVL: u16 = 30;
pub const IFLA_BR_MCAST_MEMBERSHIP_INTVL: u16 = 31;
pub const IFLA_BR_MCAST_QUERIER_INTVL: u16 = 32;
pub const IFLA_BR_MCAST_QUERY_INTVL: u16 = 33;
pub const IFLA_BR_MCAST_QUERY_RESPONSE_INTVL: u16 = 34;
pub const IFLA_BR_MCAST_STARTUP_QUERY_INTVL: u16 = 35;
pub const IFLA_BR_NF_CALL_IPTABLES: u16 = 36;
pub const IFLA_BR_NF_CALL_IP6TABLES: u16 = 37;
pub const IFLA_BR_NF_CALL_ARPTABLES: u16 = 38;
pub const IFLA_BR_VLAN_DEFAULT_PVID: u16 = 39;
pub const IFLA_BR_VLAN_STATS_ENABLED: u16 = 41;
pub const IFLA_BR_MCAST_STATS_ENABLED: u16 = 42;
pub const IFLA_BR_MCAST_IGMP_VERSION: u16 = 43;
pub const IFLA_BR_MCAST_MLD_VERSION: u16 = 44;
pub const IFLA_BR_VLAN_STATS_PER_PORT: u16 = 45;
pub const IFLA_BR_MULTI_BOOLOPT: u16 = 46;
/// IFLA_BR_MAX of the 6.1 headers.
pub const IFLA_BR_MAX: usize = 47;

const BR_BOOLOPT_NO_LL_LEARN: u32 = 0;
const BR_BOOLOPT_MCAST_VLAN_SNOOPING: u32 = 1;

pub const HELP: &str = "Usage: ... bridge [ fdb_flush ]
		  [ forward_delay FORWARD_DELAY ]
		  [ hello_time HELLO_TIME ]
		  [ max_age MAX_AGE ]
		  [ ageing_time AGEING_TIME ]
		  [ stp_state STP_STATE ]
		  [ priority PRIORITY ]
		  [ group_fwd_mask MASK ]
		  [ group_address ADDRESS ]
		  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]
		  [ vlan_filtering VLAN_FILTERING ]
		  [ vlan_protocol VLAN_PROTOCOL ]
		  [ vlan_default_pvid VLAN_DEFAULT_PVID ]
		  [ vlan_stats_enabled VLAN_STATS_ENABLED ]
		  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]
		  [ mcast_snooping MULTICAST_SNOOPING ]
		  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]
		  [ mcast_router MULTICAST_ROUTER ]
		  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]
		  [ mcast_querier MULTICAST_QUERIER ]
		  [ mcast_hash_elasticity HASH_ELASTICITY ]
		  [ mcast_hash_max HASH_MAX ]
		  [ mcast_last_member_count LAST_MEMBER_COUNT ]
		  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
		  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
		  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
		  [ mcast_querier_interval QUERIER_INTERVAL ]
		  [ mcast_query_interval QUERY_INTERVAL ]
		  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
		  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
		  [ mcast_stats_enabled MCAST_STATS_ENABLED ]
		  [ mcast_igmp_version IGMP_VERSION ]
		  [ mcast_mld_version MLD_VERSION ]
		  [ nf_call_iptables NF_CALL_IPTABLES ]
		  [ nf_call_ip6tables NF_CALL_IP6TABLES ]
		  [ nf_call_arptables NF_CALL_ARPTABLES ]

Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// How an option's value is read and sent.
#[derive(Clone, Copy)]
enum V {
    U8,
    U16,
    U32,
    U64,
}

/// The options with one numeric value, in the order bridge_parse_opt()
/// tests them (the first prefix match wins), with their attribute.
/// `None` marks the entries handled specially (kept for the order).
const NUM_OPTS: &[(&str, Option<(u16, V)>)] = &[
    ("forward_delay", Some((IFLA_BR_FORWARD_DELAY, V::U32))),
    ("hello_time", Some((IFLA_BR_HELLO_TIME, V::U32))),
    ("max_age", Some((IFLA_BR_MAX_AGE, V::U32))),
    ("ageing_time", Some((IFLA_BR_AGEING_TIME, V::U32))),
    ("stp_state", Some((IFLA_BR_STP_STATE, V::U32))),
    ("priority", Some((IFLA_BR_PRIORITY, V::U16))),
    ("vlan_filtering", Some((IFLA_BR_VLAN_FILTERING, V::U8))),
    ("vlan_protocol", None),
    ("group_fwd_mask", Some((IFLA_BR_GROUP_FWD_MASK, V::U16))),
    ("group_address", None),
    ("no_linklocal_learn", None),
    ("fdb_flush", None),
    ("vlan_default_pvid", Some((IFLA_BR_VLAN_DEFAULT_PVID, V::U16))),
    ("vlan_stats_enabled", Some((IFLA_BR_VLAN_STATS_ENABLED, V::U8))),
    ("vlan_stats_per_port", Some((IFLA_BR_VLAN_STATS_PER_PORT, V::U8))),
    ("mcast_router", Some((IFLA_BR_MCAST_ROUTER, V::U8))),
    ("mcast_snooping", Some((IFLA_BR_MCAST_SNOOPING, V::U8))),
    ("mcast_vlan_snooping", None),
    ("mcast_query_use_ifaddr", Some((IFLA_BR_MCAST_QUERY_USE_IFADDR, V::U8))),
    ("mcast_querier", Some((IFLA_BR_MCAST_QUERIER, V::U8))),
    ("mcast_hash_elasticity", Some((IFLA_BR_MCAST_HASH_ELASTICITY, V::U32))),
    ("mcast_hash_max", Some((IFLA_BR_MCAST_HASH_MAX, V::U32))),
    ("mcast_last_member_count", Some((IFLA_BR_MCAST_LAST_MEMBER_CNT, V::U32))),
    ("mcast_startup_query_count", Some((IFLA_BR_MCAST_STARTUP_QUERY_CNT, V::U32))),
    ("mcast_last_member_interval", Some((IFLA_BR_MCAST_LAST_MEMBER_INTVL, V::U64))),
    ("mcast_membership_interval", Some((IFLA_BR_MCAST_MEMBERSHIP_INTVL, V::U64))),
    ("mcast_querier_interval", Some((IFLA_BR_MCAST_QUERIER_INTVL, V::U64))),
    ("mcast_query_interval", Some((IFLA_BR_MCAST_QUERY_INTVL, V::U64))),
    ("mcast_query_response_interval", Some((IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, V::U64))),
    ("mcast_startup_query_interval", Some((IFLA_BR_MCAST_STARTUP_QUERY_INTVL, V::U64))),
    ("mcast_stats_enabled", Some((IFLA_BR_MCAST_STATS_ENABLED, V::U8))),
    ("mcast_igmp_version", Some((IFLA_BR_MCAST_IGMP_VERSION, V::U8))),
    ("mcast_mld_version", Some((IFLA_BR_MCAST_MLD_VERSION, V::U8))),
    ("nf_call_iptables", Some((IFLA_BR_NF_CALL_IPTABLES, V::U8))),
    ("nf_call_ip6tables", Some((IFLA_BR_NF_CALL_IP6TABLES, V::U8))),
    ("nf_call_arptables", Some((IFLA_BR_NF_CALL_ARPTABLES, V::U8))),
];

/// Options iproute2 compares exactly (strcmp), not by prefix.
fn exact_only(name: &str) -> bool {
    name == "no_linklocal_learn" || name == "mcast_vlan_snooping"
}

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req) -> Res<i32> {
    // struct br_boolopt_multi { optval, optmask }
    let mut optval: u32 = 0;
    let mut optmask: u32 = 0;
    while let Some(w) = args.next() {
        let hit = NUM_OPTS
            .iter()
            .find(|(name, _)| if exact_only(name) { w == *name } else { matches(&w, name) });
        let Some((name, how)) = hit else {
            if matches(&w, "help") {
                eprint_raw(HELP);
                return Ok(1);
            }
            eprint_raw(&format!("bridge: unknown command \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        };
        let name: &str = name;
        if let Some((ty, v)) = how {
            let val = args.value()?;
            let bad = || invarg(&format!("invalid {}", name), &val);
            match v {
                V::U8 => req.attr_u8(*ty, get_u8(&val, 0).ok_or_else(bad)?),
                V::U16 => req.attr_u16(*ty, get_u16(&val, 0).ok_or_else(bad)?),
                V::U32 => req.attr_u32(*ty, get_u32(&val, 0).ok_or_else(bad)?),
                V::U64 => req.attr_u64(*ty, get_u64(&val, 0).ok_or_else(bad)?),
            }
            continue;
        }
        match name {
            "vlan_protocol" => {
                let val = args.value()?;
                let p = ll_proto_a2n(&val).ok_or_else(|| invarg("invalid vlan_protocol", &val))?;
                // Sent in network order.
                req.attr(IFLA_BR_VLAN_PROTOCOL, &p.to_be_bytes());
            }
            "group_address" => {
                let val = args.value()?;
                match ll_addr_a2n(&val, 32) {
                    Ok(a) => req.attr(IFLA_BR_GROUP_ADDR, &a),
                    Err(()) => return Ok(1),
                }
            }
            "no_linklocal_learn" | "mcast_vlan_snooping" => {
                let val = args.value()?;
                let v = get_u8(&val, 0).ok_or_else(|| invarg(&format!("invalid {}", name), &val))?;
                let bit = if name == "no_linklocal_learn" {
                    1 << BR_BOOLOPT_NO_LL_LEARN
                } else {
                    1 << BR_BOOLOPT_MCAST_VLAN_SNOOPING
                };
                optmask |= bit;
                if v != 0 {
                    optval |= bit;
                } else {
                    optval &= !bit;
                }
            }
            // fdb_flush: a flag attribute.
            _ => req.attr(IFLA_BR_FDB_FLUSH, &[]),
        }
    }
    if optmask != 0 {
        let mut b = Vec::with_capacity(8);
        b.extend_from_slice(&optval.to_ne_bytes());
        b.extend_from_slice(&optmask.to_ne_bytes());
        req.attr(IFLA_BR_MULTI_BOOLOPT, &b);
    }
    Ok(0)
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_BR_MAX);
    let p = |ctx: &mut Ctx, key: &str, fmt: &str, v: Option<u64>| {
        if let Some(v) = v {
            ctx.p.uint(T::Any, key, fmt, v);
        }
    };
    let u8_ = |ty| tb.u8(ty).map(u64::from);
    let u16_ = |ty| tb.u16(ty).map(u64::from);
    let u32_ = |ty| tb.u32(ty).map(u64::from);
    p(ctx, "forward_delay", "forward_delay {} ", u32_(IFLA_BR_FORWARD_DELAY));
    p(ctx, "hello_time", "hello_time {} ", u32_(IFLA_BR_HELLO_TIME));
    p(ctx, "max_age", "max_age {} ", u32_(IFLA_BR_MAX_AGE));
    p(ctx, "ageing_time", "ageing_time {} ", u32_(IFLA_BR_AGEING_TIME));
    p(ctx, "stp_state", "stp_state {} ", u32_(IFLA_BR_STP_STATE));
    p(ctx, "priority", "priority {} ", u16_(IFLA_BR_PRIORITY));
    p(ctx, "vlan_filtering", "vlan_filtering {} ", u8_(IFLA_BR_VLAN_FILTERING));
    if let Some(d) = tb.get(IFLA_BR_VLAN_PROTOCOL) {
        let s = ll_proto_n2a(get_be16(d).unwrap_or(0), ctx.o.numeric > 0);
        ctx.p.string(T::Any, "vlan_protocol", "vlan_protocol {} ", &s);
    }
    if let Some(d) = tb.get(IFLA_BR_BRIDGE_ID) {
        ctx.p.string(T::Any, "bridge_id", "bridge_id {} ", &bridge_id(d));
    }
    if tb.has(IFLA_BR_ROOT_ID) {
        // iproute2 6.1 formats IFLA_BR_BRIDGE_ID here, not the root id.
        let d = tb.get(IFLA_BR_BRIDGE_ID).unwrap_or(&[]);
        ctx.p.string(T::Any, "root_id", "designated_root {} ", &bridge_id(d));
    }
    p(ctx, "root_port", "root_port {} ", u16_(IFLA_BR_ROOT_PORT));
    p(ctx, "root_path_cost", "root_path_cost {} ", u32_(IFLA_BR_ROOT_PATH_COST));
    p(ctx, "topology_change", "topology_change {} ", u8_(IFLA_BR_TOPOLOGY_CHANGE));
    p(ctx, "topology_change_detected", "topology_change_detected {} ", u8_(IFLA_BR_TOPOLOGY_CHANGE_DETECTED));
    for (ty, key) in [
        (IFLA_BR_HELLO_TIMER, "hello_timer"),
        (IFLA_BR_TCN_TIMER, "tcn_timer"),
        (IFLA_BR_TOPOLOGY_CHANGE_TIMER, "topology_change_timer"),
        (IFLA_BR_GC_TIMER, "gc_timer"),
    ] {
        if let Some(d) = tb.get(ty) {
            print_timer(ctx, key, d);
        }
    }
    p(ctx, "vlan_default_pvid", "vlan_default_pvid {} ", u16_(IFLA_BR_VLAN_DEFAULT_PVID));
    p(ctx, "vlan_stats_enabled", "vlan_stats_enabled {} ", u8_(IFLA_BR_VLAN_STATS_ENABLED));
    p(ctx, "vlan_stats_per_port", "vlan_stats_per_port {} ", u8_(IFLA_BR_VLAN_STATS_PER_PORT));
    if let Some(v) = u16_(IFLA_BR_GROUP_FWD_MASK) {
        ctx.p.xhex(T::Any, "group_fwd_mask", "group_fwd_mask {} ", v);
    }
    if let Some(d) = tb.get(IFLA_BR_GROUP_ADDR) {
        ctx.p.string(T::Any, "group_addr", "group_address {} ", &crate::util::ll_addr(d));
    }
    p(ctx, "mcast_snooping", "mcast_snooping {} ", u8_(IFLA_BR_MCAST_SNOOPING));
    if let Some(d) = tb.get(IFLA_BR_MULTI_BOOLOPT) {
        let optval = crate::netlink::attr::hdr_u32(d, 0);
        let optmask = crate::netlink::attr::hdr_u32(d, 4);
        let ll = 1 << BR_BOOLOPT_NO_LL_LEARN;
        let mcvl = 1 << BR_BOOLOPT_MCAST_VLAN_SNOOPING;
        if optmask & ll != 0 {
            ctx.p.uint(T::Any, "no_linklocal_learn", "no_linklocal_learn {} ", u64::from(optval & ll != 0));
        }
        if optmask & mcvl != 0 {
            ctx.p.uint(T::Any, "mcast_vlan_snooping", "mcast_vlan_snooping {} ", u64::from(optval & mcvl != 0));
        }
    }
    p(ctx, "mcast_router", "mcast_router {} ", u8_(IFLA_BR_MCAST_ROUTER));
    p(ctx, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr {} ", u8_(IFLA_BR_MCAST_QUERY_USE_IFADDR));
    p(ctx, "mcast_querier", "mcast_querier {} ", u8_(IFLA_BR_MCAST_QUERIER));
    p(ctx, "mcast_hash_elasticity", "mcast_hash_elasticity {} ", u32_(IFLA_BR_MCAST_HASH_ELASTICITY));
    p(ctx, "mcast_hash_max", "mcast_hash_max {} ", u32_(IFLA_BR_MCAST_HASH_MAX));
    p(ctx, "mcast_last_member_cnt", "mcast_last_member_count {} ", u32_(IFLA_BR_MCAST_LAST_MEMBER_CNT));
    p(ctx, "mcast_startup_query_cnt", "mcast_startup_query_count {} ", u32_(IFLA_BR_MCAST_STARTUP_QUERY_CNT));
    p(ctx, "mcast_last_member_intvl", "mcast_last_member_interval {} ", tb.u64(IFLA_BR_MCAST_LAST_MEMBER_INTVL));
    p(ctx, "mcast_membership_intvl", "mcast_membership_interval {} ", tb.u64(IFLA_BR_MCAST_MEMBERSHIP_INTVL));
    p(ctx, "mcast_querier_intvl", "mcast_querier_interval {} ", tb.u64(IFLA_BR_MCAST_QUERIER_INTVL));
    p(ctx, "mcast_query_intvl", "mcast_query_interval {} ", tb.u64(IFLA_BR_MCAST_QUERY_INTVL));
    p(
        ctx,
        "mcast_query_response_intvl",
        "mcast_query_response_interval {} ",
        tb.u64(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL),
    );
    p(
        ctx,
        "mcast_startup_query_intvl",
        "mcast_startup_query_interval {} ",
        tb.u64(IFLA_BR_MCAST_STARTUP_QUERY_INTVL),
    );
    p(ctx, "mcast_stats_enabled", "mcast_stats_enabled {} ", u8_(IFLA_BR_MCAST_STATS_ENABLED));
    p(ctx, "mcast_igmp_version", "mcast_igmp_version {} ", u8_(IFLA_BR_MCAST_IGMP_VERSION));
    p(ctx, "mcast_mld_version", "mcast_mld_version {} ", u8_(IFLA_BR_MCAST_MLD_VERSION));
    p(ctx, "nf_call_iptables", "nf_call_iptables {} ", u8_(IFLA_BR_NF_CALL_IPTABLES));
    p(ctx, "nf_call_ip6tables", "nf_call_ip6tables {} ", u8_(IFLA_BR_NF_CALL_IP6TABLES));
    p(ctx, "nf_call_arptables", "nf_call_arptables {} ", u8_(IFLA_BR_NF_CALL_ARPTABLES));
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::check_golden;
    use super::*;

    macro_rules! golden {
        ($($f:literal),*) => {
            $( check_golden(print, $f, include_str!(concat!("testdata/", $f)), &[]); )*
        };
    }

    #[test]
    fn goldens() {
        golden!("br_default.kind.text", "br_default.kind.json", "br_opts.kind.text", "br_opts.kind.json");
    }

    #[test]
    fn vlan_protocol_and_root_id_quirk() {
        use super::super::common::test_util::run;
        let mut r = Req::new(0, 0, &[]);
        r.attr(IFLA_BR_VLAN_PROTOCOL, &0x88a8u16.to_be_bytes());
        r.attr(IFLA_BR_ROOT_ID, &[0x80, 0, 1, 2, 3, 4, 5, 6]);
        let data = &r.bytes()[16..];
        assert_eq!(run(print, "bridge", data, false, &[]), "vlan_protocol 802.1ad designated_root 0000.0:0:0:0:0:0 ");
    }
}
