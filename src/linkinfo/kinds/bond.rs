//! `type bond` and `type bond_slave` options and help (ip/iplink_bond.c,
//! ip/iplink_bond_slave.c, 6.1.0). This kernel has no bonding: a bond can
//! never be shown here, so only the requests (checked against iproute2's
//! bytes) and the texts are provided.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{get_integer, get_s32, get_u16, get_u32, get_u8};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, fail, Res};
use crate::inet::lladdr::ll_addr_a2n;
use crate::inet::{get_addr_ipv4, inet6_pton as pton6};
use crate::netlink::Req;

const IFLA_BOND_MODE: u16 = 1;
const IFLA_BOND_ACTIVE_SLAVE: u16 = 2;
const IFLA_BOND_MIIMON: u16 = 3;
const IFLA_BOND_UPDELAY: u16 = 4;
const IFLA_BOND_DOWNDELAY: u16 = 5;
const IFLA_BOND_USE_CARRIER: u16 = 6;
const IFLA_BOND_ARP_INTERVAL: u16 = 7;
const IFLA_BOND_ARP_IP_TARGET: u16 = 8;
const IFLA_BOND_ARP_VALIDATE: u16 = 9;
const IFLA_BOND_ARP_ALL_TARGETS: u16 = 10;
const IFLA_BOND_PRIMARY: u16 = 11;
const IFLA_BOND_PRIMARY_RESELECT: u16 = 12;
const IFLA_BOND_FAIL_OVER_MAC: u16 = 13;
const IFLA_BOND_XMIT_HASH_POLICY: u16 = 14;
const IFLA_BOND_RESEND_IGMP: u16 = 15;
const IFLA_BOND_NUM_PEER_NOTIF: u16 = 16;
const IFLA_BOND_ALL_SLAVES_ACTIVE: u16 = 17;
const IFLA_BOND_MIN_LINKS: u16 = 18;
const IFLA_BOND_LP_INTERVAL: u16 = 19;
const IFLA_BOND_PACKETS_PER_SLAVE: u16 = 20;
const IFLA_BOND_AD_LACP_RATE: u16 = 21;
const IFLA_BOND_AD_SELECT: u16 = 22;
const IFLA_BOND_AD_ACTOR_SYS_PRIO: u16 = 24;
const IFLA_BOND_AD_USER_PORT_KEY: u16 = 25;
const IFLA_BOND_AD_ACTOR_SYSTEM: u16 = 26;
const IFLA_BOND_TLB_DYNAMIC_LB: u16 = 27;
const IFLA_BOND_PEER_NOTIF_DELAY: u16 = 28;
const IFLA_BOND_AD_LACP_ACTIVE: u16 = 29;
const IFLA_BOND_MISSED_MAX: u16 = 30;
const IFLA_BOND_NS_IP6_TARGET: u16 = 31;

const IFLA_BOND_SLAVE_QUEUE_ID: u16 = 5;
const IFLA_BOND_SLAVE_PRIO: u16 = 9;

const BOND_MAX_ARP_TARGETS: usize = 16;

// The value names of the enumerated options, each matched whole
// (get_index()'s strcmp); a name's id is the index sent to the kernel.
pub static MODE_TBL: Table<u8> = Table::new(
    "ip link type bond mode",
    &[
        exact("balance-rr", 0),
        exact("active-backup", 1),
        exact("balance-xor", 2),
        exact("broadcast", 3),
        exact("802.3ad", 4),
        exact("balance-tlb", 5),
        exact("balance-alb", 6),
    ],
);
pub static ARP_VALIDATE_TBL: Table<u8> = Table::new(
    "ip link type bond arp_validate",
    &[
        exact("none", 0),
        exact("active", 1),
        exact("backup", 2),
        exact("all", 3),
        exact("filter", 4),
        exact("filter_active", 5),
        exact("filter_backup", 6),
    ],
);
pub static ARP_ALL_TARGETS_TBL: Table<u8> =
    Table::new("ip link type bond arp_all_targets", &[exact("any", 0), exact("all", 1)]);
pub static PRIMARY_RESELECT_TBL: Table<u8> =
    Table::new("ip link type bond primary_reselect", &[exact("always", 0), exact("better", 1), exact("failure", 2)]);
pub static FAIL_OVER_MAC_TBL: Table<u8> =
    Table::new("ip link type bond fail_over_mac", &[exact("none", 0), exact("active", 1), exact("follow", 2)]);
pub static XMIT_HASH_POLICY_TBL: Table<u8> = Table::new(
    "ip link type bond xmit_hash_policy",
    &[
        exact("layer2", 0),
        exact("layer3+4", 1),
        exact("layer2+3", 2),
        exact("encap2+3", 3),
        exact("encap3+4", 4),
        exact("vlan+srcmac", 5),
    ],
);
pub static LACP_ACTIVE_TBL: Table<u8> = Table::new("ip link type bond lacp_active", &[exact("off", 0), exact("on", 1)]);
pub static LACP_RATE_TBL: Table<u8> = Table::new("ip link type bond lacp_rate", &[exact("slow", 0), exact("fast", 1)]);
pub static AD_SELECT_TBL: Table<u8> =
    Table::new("ip link type bond ad_select", &[exact("stable", 0), exact("bandwidth", 1), exact("count", 2)]);

pub const HELP: &str = "Usage: ... bond [ mode BONDMODE ] [ active_slave SLAVE_DEV ]
                [ clear_active_slave ] [ miimon MIIMON ]
                [ updelay UPDELAY ] [ downdelay DOWNDELAY ]
                [ peer_notify_delay DELAY ]
                [ use_carrier USE_CARRIER ]
                [ arp_interval ARP_INTERVAL ]
                [ arp_validate ARP_VALIDATE ]
                [ arp_all_targets ARP_ALL_TARGETS ]
                [ arp_ip_target [ ARP_IP_TARGET, ... ] ]
                [ ns_ip6_target [ NS_IP6_TARGET, ... ] ]
                [ primary SLAVE_DEV ]
                [ primary_reselect PRIMARY_RESELECT ]
                [ fail_over_mac FAIL_OVER_MAC ]
                [ xmit_hash_policy XMIT_HASH_POLICY ]
                [ resend_igmp RESEND_IGMP ]
                [ num_grat_arp|num_unsol_na NUM_GRAT_ARP|NUM_UNSOL_NA ]
                [ all_slaves_active ALL_SLAVES_ACTIVE ]
                [ min_links MIN_LINKS ]
                [ lp_interval LP_INTERVAL ]
                [ packets_per_slave PACKETS_PER_SLAVE ]
                [ tlb_dynamic_lb TLB_DYNAMIC_LB ]
                [ lacp_rate LACP_RATE ]
                [ lacp_active LACP_ACTIVE]
                [ ad_select AD_SELECT ]
                [ ad_user_port_key PORTKEY ]
                [ ad_actor_sys_prio SYSPRIO ]
                [ ad_actor_system LLADDR ]
                [ arp_missed_max MISSED_MAX ]

BONDMODE := balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb
ARP_VALIDATE := none|active|backup|all|filter|filter_active|filter_backup
ARP_ALL_TARGETS := any|all
PRIMARY_RESELECT := always|better|failure
FAIL_OVER_MAC := none|active|follow
XMIT_HASH_POLICY := layer2|layer2+3|layer3+4|encap2+3|encap3+4|vlan+srcmac
LACP_ACTIVE := off|on
LACP_RATE := slow|fast
AD_SELECT := stable|bandwidth|count
";

const SLAVE_HELP: &str = "Usage: ... bond_slave [ queue_id ID ] [ prio PRIORITY ]\n";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

pub fn slave_help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(SLAVE_HELP.as_bytes());
}

/// get_index(): a decimal index into `tbl`, or an exact name.
fn get_index(tbl: &Table<u8>, name: &str) -> Option<usize> {
    if let Some(i) = get_integer(name, 10) {
        if i >= 0 && (i as usize) < tbl.entries.len() {
            return Some(i as usize);
        }
    }
    tbl.find(name).map(usize::from)
}

/// How an option is read.
#[derive(Debug, Clone, Copy)]
pub enum O {
    /// A table index sent as u8 or u32.
    Tbl(&'static Table<u8>, u16, bool),
    U8(u16),
    U16(u16),
    U32(u16),
    Dev(u16),
    ClearActive,
    ArpTargets,
    Ns6Targets,
    ActorSystem,
    Help,
}

/// bond_parse_opt()'s tests in order; `help` is its final `else`.
pub static OPTS: Table<O> = Table::new(
    "ip link type bond",
    &[
        kw("mode", O::Tbl(&MODE_TBL, IFLA_BOND_MODE, false)),
        kw("active_slave", O::Dev(IFLA_BOND_ACTIVE_SLAVE)),
        kw("clear_active_slave", O::ClearActive),
        kw("miimon", O::U32(IFLA_BOND_MIIMON)),
        kw("updelay", O::U32(IFLA_BOND_UPDELAY)),
        kw("downdelay", O::U32(IFLA_BOND_DOWNDELAY)),
        kw("peer_notify_delay", O::U32(IFLA_BOND_PEER_NOTIF_DELAY)),
        kw("use_carrier", O::U8(IFLA_BOND_USE_CARRIER)),
        kw("arp_interval", O::U32(IFLA_BOND_ARP_INTERVAL)),
        kw("arp_ip_target", O::ArpTargets),
        exact("ns_ip6_target", O::Ns6Targets),
        kw("arp_validate", O::Tbl(&ARP_VALIDATE_TBL, IFLA_BOND_ARP_VALIDATE, true)),
        kw("arp_all_targets", O::Tbl(&ARP_ALL_TARGETS_TBL, IFLA_BOND_ARP_ALL_TARGETS, true)),
        exact("arp_missed_max", O::U8(IFLA_BOND_MISSED_MAX)),
        kw("primary", O::Dev(IFLA_BOND_PRIMARY)),
        kw("primary_reselect", O::Tbl(&PRIMARY_RESELECT_TBL, IFLA_BOND_PRIMARY_RESELECT, false)),
        kw("fail_over_mac", O::Tbl(&FAIL_OVER_MAC_TBL, IFLA_BOND_FAIL_OVER_MAC, false)),
        kw("xmit_hash_policy", O::Tbl(&XMIT_HASH_POLICY_TBL, IFLA_BOND_XMIT_HASH_POLICY, false)),
        kw("resend_igmp", O::U32(IFLA_BOND_RESEND_IGMP)),
        kw("num_grat_arp", O::U8(IFLA_BOND_NUM_PEER_NOTIF)),
        kw("num_unsol_na", O::U8(IFLA_BOND_NUM_PEER_NOTIF)),
        kw("all_slaves_active", O::U8(IFLA_BOND_ALL_SLAVES_ACTIVE)),
        kw("min_links", O::U32(IFLA_BOND_MIN_LINKS)),
        kw("lp_interval", O::U32(IFLA_BOND_LP_INTERVAL)),
        kw("packets_per_slave", O::U32(IFLA_BOND_PACKETS_PER_SLAVE)),
        kw("lacp_rate", O::Tbl(&LACP_RATE_TBL, IFLA_BOND_AD_LACP_RATE, false)),
        exact("lacp_active", O::Tbl(&LACP_ACTIVE_TBL, IFLA_BOND_AD_LACP_ACTIVE, false)),
        kw("ad_select", O::Tbl(&AD_SELECT_TBL, IFLA_BOND_AD_SELECT, false)),
        kw("ad_user_port_key", O::U16(IFLA_BOND_AD_USER_PORT_KEY)),
        kw("ad_actor_sys_prio", O::U16(IFLA_BOND_AD_ACTOR_SYS_PRIO)),
        kw("ad_actor_system", O::ActorSystem),
        kw("tlb_dynamic_lb", O::U8(IFLA_BOND_TLB_DYNAMIC_LB)),
        kw("help", O::Help),
    ],
);

/// strtok(s, ","): the non-empty pieces, at most `max`.
fn pieces(s: &str, max: usize) -> impl Iterator<Item = &str> {
    s.split(',').filter(|p| !p.is_empty()).take(max)
}

pub fn parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let Some((name, o)) = OPTS.entry(&w).map(|k| (k.word(), k.id)) else {
            eprint_raw(&format!("bond: unknown command \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        };
        // num_grat_arp and num_unsol_na share one message.
        let msg = if name.starts_with("num_") {
            "invalid num_grat_arp|num_unsol_na".to_string()
        } else {
            format!("invalid {}", name)
        };
        match o {
            O::Help => {
                eprint_raw(HELP);
                return Ok(1);
            }
            O::Tbl(tbl, ty, wide) => {
                let v = args.value()?;
                let i = get_index(tbl, &v).ok_or_else(|| invarg(&msg, &v))?;
                if wide {
                    req.attr_u32(ty, i as u32);
                } else {
                    req.attr_u8(ty, i as u8);
                }
            }
            O::U8(ty) => {
                let v = args.value()?;
                req.attr_u8(ty, get_u8(&v, 0).ok_or_else(|| invarg(&msg, &v))?);
            }
            O::U16(ty) => {
                let v = args.value()?;
                req.attr_u16(ty, get_u16(&v, 0).ok_or_else(|| invarg(&msg, &v))?);
            }
            O::U32(ty) => {
                let v = args.value()?;
                req.attr_u32(ty, get_u32(&v, 0).ok_or_else(|| invarg(&msg, &v))?);
            }
            O::Dev(ty) => {
                let v = args.value()?;
                let idx = ctx.ifindex(&v);
                if idx == 0 {
                    crate::error::say_no_device(v);
                    return Ok(1);
                }
                req.attr_u32(ty, idx);
            }
            O::ClearActive => req.attr_u32(IFLA_BOND_ACTIVE_SLAVE, 0),
            O::ArpTargets => {
                let nest = req.nest(IFLA_BOND_ARP_IP_TARGET);
                if args.has_next() {
                    let v = args.value()?;
                    for (i, t) in pieces(&v, BOND_MAX_ARP_TARGETS).enumerate() {
                        // get_addr32(): "any"/"default" read as 0.0.0.0.
                        let a = if matches!(t, "default" | "any" | "all") {
                            Some([0u8; 4])
                        } else if t.contains(':') {
                            None
                        } else {
                            get_addr_ipv4(t)
                        };
                        let Some(a) = a else {
                            return Err(fail(1, &format!("Error: an IP address is expected rather than \"{}\"\n", t)));
                        };
                        req.attr(i as u16, &a);
                    }
                }
                req.nest_end(nest);
            }
            O::Ns6Targets => {
                let nest = req.nest(IFLA_BOND_NS_IP6_TARGET);
                if args.has_next() {
                    let v = args.value()?;
                    for (i, t) in pieces(&v, BOND_MAX_ARP_TARGETS).enumerate() {
                        let a = if matches!(t, "default" | "any" | "all") {
                            Some([0u8; 16])
                        } else if t.contains(':') {
                            pton6(t)
                        } else {
                            None
                        };
                        let Some(a) = a else {
                            return Err(fail(1, &format!("Error: inet6 address is expected rather than \"{}\".\n", t)));
                        };
                        req.attr(i as u16, &a);
                    }
                }
                req.nest_end(nest);
            }
            O::ActorSystem => {
                let v = args.value()?;
                match ll_addr_a2n(&v, 32) {
                    Ok(a) => req.attr(IFLA_BOND_AD_ACTOR_SYSTEM, &a),
                    Err(()) => return Ok(1),
                }
            }
        }
    }
    Ok(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S {
    QueueId,
    Prio,
    Help,
}

/// bond_slave_parse_opt()'s words (ip/iplink_bond_slave.c).
pub static SLAVE_OPTS: Table<S> =
    Table::new("ip link type bond_slave", &[kw("queue_id", S::QueueId), exact("prio", S::Prio), kw("help", S::Help)]);

pub fn slave_parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let o = SLAVE_OPTS.find(&w);
        if o == Some(S::QueueId) {
            let v = args.value()?;
            let q = get_u16(&v, 0).ok_or_else(|| invarg("queue_id is invalid", &v))?;
            req.attr_u16(IFLA_BOND_SLAVE_QUEUE_ID, q);
        } else if o == Some(S::Prio) {
            let v = args.value()?;
            let p = get_s32(&v, 0).ok_or_else(|| invarg("prio is invalid", &v))?;
            req.attr_u32(IFLA_BOND_SLAVE_PRIO, p as u32);
        } else {
            if o != Some(S::Help) {
                eprint_raw(&format!("bond_slave: unknown option \"{}\"?\n", w));
            }
            eprint_raw(SLAVE_HELP);
            return Ok(1);
        }
    }
    Ok(0)
}
