//! `type bridge` (ip/iplink_bridge.c, 6.1.0): options of `ip link add|set
//! ... type bridge`, the `-d` block and JSON `info_data`, and the help.

use super::common::{bridge_id, print_timer};
use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{get_u16, get_u32, get_u64, get_u8};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, Res};
use crate::inet::lladdr::ll_addr_a2n;
use crate::names::ll_proto::{ll_proto_a2n, ll_proto_n2a};
use crate::netlink::attr::get_be16;
use crate::netlink::{Req, Tb};
use crate::print::T;

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
#[derive(Debug, Clone, Copy)]
pub enum V {
    U8,
    U16,
    U32,
    U64,
}

/// The options with one numeric value, in the order bridge_parse_opt()
/// tests them (the first prefix match wins), with their attribute.
/// `None` marks the entries handled specially (kept for the order).
pub static OPTS: Table<Option<(u16, V)>> = Table::new(
    "ip link type bridge",
    &[
        kw("forward_delay", Some((IFLA_BR_FORWARD_DELAY, V::U32))),
        kw("hello_time", Some((IFLA_BR_HELLO_TIME, V::U32))),
        kw("max_age", Some((IFLA_BR_MAX_AGE, V::U32))),
        kw("ageing_time", Some((IFLA_BR_AGEING_TIME, V::U32))),
        kw("stp_state", Some((IFLA_BR_STP_STATE, V::U32))),
        kw("priority", Some((IFLA_BR_PRIORITY, V::U16))),
        kw("vlan_filtering", Some((IFLA_BR_VLAN_FILTERING, V::U8))),
        kw("vlan_protocol", None),
        kw("group_fwd_mask", Some((IFLA_BR_GROUP_FWD_MASK, V::U16))),
        kw("group_address", None),
        exact("no_linklocal_learn", None),
        kw("fdb_flush", None),
        kw("vlan_default_pvid", Some((IFLA_BR_VLAN_DEFAULT_PVID, V::U16))),
        kw("vlan_stats_enabled", Some((IFLA_BR_VLAN_STATS_ENABLED, V::U8))),
        kw("vlan_stats_per_port", Some((IFLA_BR_VLAN_STATS_PER_PORT, V::U8))),
        kw("mcast_router", Some((IFLA_BR_MCAST_ROUTER, V::U8))),
        kw("mcast_snooping", Some((IFLA_BR_MCAST_SNOOPING, V::U8))),
        exact("mcast_vlan_snooping", None),
        kw("mcast_query_use_ifaddr", Some((IFLA_BR_MCAST_QUERY_USE_IFADDR, V::U8))),
        kw("mcast_querier", Some((IFLA_BR_MCAST_QUERIER, V::U8))),
        kw("mcast_hash_elasticity", Some((IFLA_BR_MCAST_HASH_ELASTICITY, V::U32))),
        kw("mcast_hash_max", Some((IFLA_BR_MCAST_HASH_MAX, V::U32))),
        kw("mcast_last_member_count", Some((IFLA_BR_MCAST_LAST_MEMBER_CNT, V::U32))),
        kw("mcast_startup_query_count", Some((IFLA_BR_MCAST_STARTUP_QUERY_CNT, V::U32))),
        kw("mcast_last_member_interval", Some((IFLA_BR_MCAST_LAST_MEMBER_INTVL, V::U64))),
        kw("mcast_membership_interval", Some((IFLA_BR_MCAST_MEMBERSHIP_INTVL, V::U64))),
        kw("mcast_querier_interval", Some((IFLA_BR_MCAST_QUERIER_INTVL, V::U64))),
        kw("mcast_query_interval", Some((IFLA_BR_MCAST_QUERY_INTVL, V::U64))),
        kw("mcast_query_response_interval", Some((IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, V::U64))),
        kw("mcast_startup_query_interval", Some((IFLA_BR_MCAST_STARTUP_QUERY_INTVL, V::U64))),
        kw("mcast_stats_enabled", Some((IFLA_BR_MCAST_STATS_ENABLED, V::U8))),
        kw("mcast_igmp_version", Some((IFLA_BR_MCAST_IGMP_VERSION, V::U8))),
        kw("mcast_mld_version", Some((IFLA_BR_MCAST_MLD_VERSION, V::U8))),
        kw("nf_call_iptables", Some((IFLA_BR_NF_CALL_IPTABLES, V::U8))),
        kw("nf_call_ip6tables", Some((IFLA_BR_NF_CALL_IP6TABLES, V::U8))),
        kw("nf_call_arptables", Some((IFLA_BR_NF_CALL_ARPTABLES, V::U8))),
        kw("help", None),
    ],
);

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    // struct br_boolopt_multi { optval, optmask }
    let mut optval: u32 = 0;
    let mut optmask: u32 = 0;
    while let Some(w) = args.next() {
        let Some((name, how)) = OPTS.entry(&w).map(|k| (k.word(), k.id)) else {
            eprint_raw(&format!("bridge: unknown command \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        };
        if let Some((ty, v)) = how {
            let val = args.value()?;
            let bad = || invarg(&format!("invalid {}", name), &val);
            match v {
                V::U8 => req.attr_u8(ty, get_u8(&val, 0).ok_or_else(bad)?),
                V::U16 => req.attr_u16(ty, get_u16(&val, 0).ok_or_else(bad)?),
                V::U32 => req.attr_u32(ty, get_u32(&val, 0).ok_or_else(bad)?),
                V::U64 => req.attr_u64(ty, get_u64(&val, 0).ok_or_else(bad)?),
            }
            continue;
        }
        match name {
            "help" => {
                eprint_raw(HELP);
                return Ok(1);
            }
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
    let p = |ctx: &mut Ctx, key: &str, fmt: &'static str, v: Option<u64>| {
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
        ctx.p.string(T::Any, "group_addr", "group_address {} ", &crate::inet::ll_addr(d));
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
    p(ctx, "mcast_startup_query_intvl", "mcast_startup_query_interval {} ", tb.u64(IFLA_BR_MCAST_STARTUP_QUERY_INTVL));
    p(ctx, "mcast_stats_enabled", "mcast_stats_enabled {} ", u8_(IFLA_BR_MCAST_STATS_ENABLED));
    p(ctx, "mcast_igmp_version", "mcast_igmp_version {} ", u8_(IFLA_BR_MCAST_IGMP_VERSION));
    p(ctx, "mcast_mld_version", "mcast_mld_version {} ", u8_(IFLA_BR_MCAST_MLD_VERSION));
    p(ctx, "nf_call_iptables", "nf_call_iptables {} ", u8_(IFLA_BR_NF_CALL_IPTABLES));
    p(ctx, "nf_call_ip6tables", "nf_call_ip6tables {} ", u8_(IFLA_BR_NF_CALL_IP6TABLES));
    p(ctx, "nf_call_arptables", "nf_call_arptables {} ", u8_(IFLA_BR_NF_CALL_ARPTABLES));
}

/// What `ip link xstats type bridge|bridge_slave ...` selected
/// (iplink_bridge.c's static xstats_print_attr and filter_index).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct XstatsSel {
    /// BRIDGE_XSTATS_MCAST or _STP; 0 for all.
    pub attr: u16,
    /// Only this ifindex; 0 for all.
    pub ifindex: u32,
}

const BRIDGE_XSTATS_MCAST: u16 = 2;
const BRIDGE_XSTATS_STP: u16 = 4;
const IFLA_STATS_LINK_XSTATS: u16 = 2;
const IFLA_STATS_LINK_XSTATS_SLAVE: u16 = 3;
const IFLA_STATS_MAX: usize = 5;
const LINK_XSTATS_TYPE_BRIDGE: u16 = 1;
const LINK_XSTATS_TYPE_MAX: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum X {
    Mcast,
    Stp,
    Dev,
    Help,
}

/// bridge_parse_xstats()'s words (strcmp), for bridge and bridge_slave.
pub static XSTATS_OPTS: Table<X> = Table::new(
    "ip link xstats type bridge",
    &[
        exact("igmp", X::Mcast),
        exact("mcast", X::Mcast),
        exact("stp", X::Stp),
        exact("dev", X::Dev),
        exact("help", X::Help),
    ],
);

/// bridge_parse_xstats(): the words after `xstats type bridge[_slave]`.
/// `help` prints the usage to stdout and exits 0; an unknown device is
/// "Cannot find device" and status 1; any other word is invarg (255).
pub fn parse_xstats(ctx: &mut Ctx, kind: &str, args: &mut Args) -> Res<Result<XstatsSel, i32>> {
    let mut sel = XstatsSel::default();
    while let Some(w) = args.next() {
        match XSTATS_OPTS.find(&w) {
            Some(X::Mcast) => sel.attr = BRIDGE_XSTATS_MCAST,
            Some(X::Stp) => sel.attr = BRIDGE_XSTATS_STP,
            Some(X::Dev) => {
                let d = args.value()?;
                sel.ifindex = ctx.ifindex(&d);
                if sel.ifindex == 0 {
                    crate::error::say_no_device(d);
                    return Ok(Err(1));
                }
            }
            Some(X::Help) => {
                ctx.p.raw(format!("Usage: ... {} [ igmp ] [ dev DEVICE ]\n", kind).as_bytes());
                return Err(crate::error::Exit(0));
            }
            None => return Err(invarg("unknown attribute", &w)),
        }
    }
    Ok(Ok(sel))
}

/// The n-th u64 of a stats struct (0 when the kernel sent less).
fn stat(d: &[u8], n: usize) -> u64 {
    d.get(n * 8..n * 8 + 8).and_then(crate::netlink::attr::get_u64).unwrap_or(0)
}

const PAD16: &str = "                ";

/// bridge_print_stats_mcast(): a struct br_mcast_stats (also `ip stats`).
pub fn print_stats_mcast(p: &mut crate::print::Printer, d: &[u8]) {
    p.open_object(Some("multicast"));
    // (object, title, first u64 of RX v1.., versions)
    for (obj, title, base, vers) in [("igmp_queries", "IGMP queries", 0, 3), ("igmp_reports", "IGMP reports", 8, 3)] {
        p.open_object(Some(obj));
        p.fp(&format!("{}    {}:\n", PAD16, title));
        for (dir, lead, key) in [(0, "RX: ", "rx"), (1, "TX: ", "tx")] {
            p.fp(&format!("{}      ", PAD16));
            for v in 0..vers {
                let fmt = if v == 0 {
                    format!("{}v{} {{}}{}", lead, v + 1, if vers == 1 { "\n" } else { " " })
                } else if v + 1 == vers {
                    format!("v{} {{}}\n", v + 1)
                } else {
                    format!("v{} {{}} ", v + 1)
                };
                p.uint_fmt(T::Any, &format!("{}_v{}", key, v + 1), &fmt, stat(d, base + 2 * v + dir));
            }
        }
        p.close_object();
    }
    p.open_object(Some("igmp_leaves"));
    p.fp(&format!("{}    IGMP leaves: ", PAD16));
    p.uint(T::Any, "rx", "RX: {} ", stat(d, 6));
    p.uint(T::Any, "tx", "TX: {}\n", stat(d, 7));
    p.close_object();
    p.fp(&format!("{}    IGMP parse errors: ", PAD16));
    p.uint(T::Any, "igmp_parse_errors", "{}\n", stat(d, 14));
    for (obj, title, base) in [("mld_queries", "MLD queries", 15), ("mld_reports", "MLD reports", 21)] {
        p.open_object(Some(obj));
        p.fp(&format!("{}    {}:\n", PAD16, title));
        for (dir, lead, key) in [(0, "RX: ", "rx"), (1, "TX: ", "tx")] {
            p.fp(&format!("{}      ", PAD16));
            p.uint_fmt(T::Any, &format!("{}_v1", key), &format!("{}v1 {{}} ", lead), stat(d, base + dir));
            p.uint(T::Any, &format!("{}_v2", key), "v2 {}\n", stat(d, base + 2 + dir));
        }
        p.close_object();
    }
    p.open_object(Some("mld_leaves"));
    p.fp(&format!("{}    MLD leaves: ", PAD16));
    p.uint(T::Any, "rx", "RX: {} ", stat(d, 19));
    p.uint(T::Any, "tx", "TX: {}\n", stat(d, 20));
    p.close_object();
    p.fp(&format!("{}    MLD parse errors: ", PAD16));
    p.uint(T::Any, "mld_parse_errors", "{}\n", stat(d, 25));
    p.close_object();
}

/// bridge_print_stats_stp(): a struct bridge_stp_xstats (also `ip stats`).
pub fn print_stats_stp(p: &mut crate::print::Printer, d: &[u8]) {
    p.open_object(Some("stp"));
    p.fp(&format!("{}    STP BPDU:  ", PAD16));
    p.uint(T::Any, "rx_bpdu", "RX: {} ", stat(d, 2));
    p.uint(T::Any, "tx_bpdu", "TX: {}\n", stat(d, 3));
    p.fp(&format!("{}    STP TCN:   ", PAD16));
    p.uint(T::Any, "rx_tcn", "RX: {} ", stat(d, 4));
    p.uint(T::Any, "tx_tcn", "TX: {}\n", stat(d, 5));
    p.fp(&format!("{}    STP Transitions: ", PAD16));
    p.uint(T::Any, "transition_blk", "Blocked: {} ", stat(d, 0));
    p.uint(T::Any, "transition_fwd", "Forwarding: {}\n", stat(d, 1));
    p.close_object();
}

fn print_stats_attr(ctx: &mut Ctx, sel: XstatsSel, attr: &[u8], ifindex: u32) {
    let brtb = Tb::parse(attr, LINK_XSTATS_TYPE_MAX);
    let Some(list) = brtb.get(LINK_XSTATS_TYPE_BRIDGE) else { return };
    ctx.p.open_object(None);
    let name = ctx.ifname(ifindex);
    ctx.p.field(
        T::Any,
        crate::print::Color::None,
        Some("ifname"),
        crate::print::J::Str(&name),
        format_args!("{:<16}\n", crate::print::fmt::C(&name)),
    );
    for (ty, d) in crate::netlink::attrs(list) {
        if sel.attr != 0 && ty != sel.attr {
            continue;
        }
        match ty {
            BRIDGE_XSTATS_MCAST => print_stats_mcast(&mut ctx.p, d),
            BRIDGE_XSTATS_STP => print_stats_stp(&mut ctx.p, d),
            _ => {}
        }
    }
    ctx.p.close_object();
}

/// bridge_print_xstats(): one RTM_NEWSTATS message (payload after the
/// nlmsghdr) of the `xstats` dump. Returns the callback's status.
pub fn print_xstats(ctx: &mut Ctx, sel: XstatsSel, payload: &[u8]) -> i32 {
    // struct if_stats_msg: family, pad1, pad2, ifindex, filter_mask.
    const IFSM_LEN: usize = 12;
    if payload.len() < IFSM_LEN {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", payload.len() as i64 - IFSM_LEN as i64));
        return -1;
    }
    let ifindex = crate::netlink::attr::hdr_u32(payload, 4);
    if sel.ifindex != 0 && sel.ifindex != ifindex {
        return 0;
    }
    let tb = Tb::parse(&payload[IFSM_LEN..], IFLA_STATS_MAX);
    if let Some(a) = tb.get(IFLA_STATS_LINK_XSTATS) {
        print_stats_attr(ctx, sel, a, ifindex);
    }
    if let Some(a) = tb.get(IFLA_STATS_LINK_XSTATS_SLAVE) {
        print_stats_attr(ctx, sel, a, ifindex);
    }
    0
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

    /// Replays a recorded `ip [-j [-p]] link xstats type KIND ARGS` dump.
    fn xstats_golden(content: &str, json: bool, pretty: bool, kind: &str, words: &[&str]) {
        use super::super::common::test_util::{hex, link_msg, Buf};
        let buf = Buf::default();
        let mode = crate::print::Mode { json, pretty, ..Default::default() };
        let p = crate::print::Printer::new(Box::new(buf.clone()), mode);
        let mut ctx = Ctx::with_replay(Default::default(), p, Vec::new());
        ctx.names.offline = true;
        let mut msgs = Vec::new();
        let mut want = String::new();
        let mut lines = content.split_inclusive('\n');
        for l in lines.by_ref() {
            if let Some(n) = l.strip_prefix("names ") {
                for e in n.split_whitespace() {
                    if let Some((i, nm)) = e.split_once(':') {
                        ctx.names.remember(&link_msg(i.parse().unwrap_or(0), nm));
                    }
                }
            } else if let Some(m) = l.strip_prefix("msg ") {
                msgs.push(hex(m.trim()));
            } else if l == "out\n" {
                break;
            }
        }
        for l in lines {
            want.push_str(l);
        }
        let mut args = Args::from_strs(words);
        let sel = match parse_xstats(&mut ctx, kind, &mut args) {
            Ok(Ok(s)) => s,
            _ => panic!("parse_xstats"),
        };
        ctx.p.new_json_obj();
        for m in &msgs {
            assert_eq!(print_xstats(&mut ctx, sel, m), 0);
        }
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        assert_eq!(String::from_utf8_lossy(&buf.0.borrow()), want);
    }

    #[test]
    fn xstats() {
        xstats_golden(include_str!("testdata/xstats_bridge.txt"), false, false, "bridge", &[]);
        xstats_golden(include_str!("testdata/xstats_bridge_json.txt"), true, false, "bridge", &[]);
        xstats_golden(include_str!("testdata/xstats_slave.txt"), false, false, "bridge_slave", &[]);
        xstats_golden(include_str!("testdata/xstats_slave_jsonp.txt"), true, true, "bridge_slave", &[]);
        xstats_golden(
            include_str!("testdata/xstats_slave_stp.txt"),
            false,
            false,
            "bridge_slave",
            &["stp", "dev", "v0"],
        );
    }
}
