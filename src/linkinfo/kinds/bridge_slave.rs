//! `type bridge_slave` (ip/iplink_bridge_slave.c, 6.1.0): port options of
//! `ip link set DEV type bridge_slave ...` and the port's `-d` block.

use super::common::{bridge_id, print_timer};
use super::Hooks;
use crate::args::keywords::{kw, Table};
use crate::args::num::{get_u16, get_u32, get_u8};
use crate::args::parse_on_off;
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, Exit, Res};
use crate::netlink::{Req, Tb};
use crate::print::T;

// The port attributes and flag printer are shared with `bridge link`.
pub use crate::linkinfo::brport::*;

pub const HELP: &str = "Usage: ... bridge_slave [ fdb_flush ]
			[ state STATE ]
			[ priority PRIO ]
			[ cost COST ]
			[ guard {on | off} ]
			[ hairpin {on | off} ]
			[ fastleave {on | off} ]
			[ root_block {on | off} ]
			[ learning {on | off} ]
			[ flood {on | off} ]
			[ proxy_arp {on | off} ]
			[ proxy_arp_wifi {on | off} ]
			[ mcast_router MULTICAST_ROUTER ]
			[ mcast_fast_leave {on | off} ]
			[ mcast_flood {on | off} ]
			[ bcast_flood {on | off} ]
			[ mcast_to_unicast {on | off} ]
			[ group_fwd_mask MASK ]
			[ neigh_suppress {on | off} ]
			[ vlan_tunnel {on | off} ]
			[ isolated {on | off} ]
			[ locked {on | off} ]
			[ backup_port DEVICE ] [ nobackup_port ]
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// What an option takes.
#[derive(Debug, Clone, Copy)]
pub enum O {
    /// The parser's final `else`.
    Help,
    Flush,
    State,
    Priority,
    Cost,
    OnOff(u16),
    McastRouter,
    FwdMask,
    Backup,
    NoBackup,
}

/// bridge_slave_parse_opt()'s tests in order (first prefix match wins:
/// "flood" before "mcast_flood", "proxy_arp" before "proxy_arp_wifi").
pub static OPTS: Table<O> = Table::new(
    "ip link type bridge_slave",
    &[
        kw("fdb_flush", O::Flush),
        kw("state", O::State),
        kw("priority", O::Priority),
        kw("cost", O::Cost),
        kw("hairpin", O::OnOff(IFLA_BRPORT_MODE)),
        kw("guard", O::OnOff(IFLA_BRPORT_GUARD)),
        kw("root_block", O::OnOff(IFLA_BRPORT_PROTECT)),
        kw("fastleave", O::OnOff(IFLA_BRPORT_FAST_LEAVE)),
        kw("learning", O::OnOff(IFLA_BRPORT_LEARNING)),
        kw("flood", O::OnOff(IFLA_BRPORT_UNICAST_FLOOD)),
        kw("mcast_flood", O::OnOff(IFLA_BRPORT_MCAST_FLOOD)),
        kw("bcast_flood", O::OnOff(IFLA_BRPORT_BCAST_FLOOD)),
        kw("mcast_to_unicast", O::OnOff(IFLA_BRPORT_MCAST_TO_UCAST)),
        kw("proxy_arp", O::OnOff(IFLA_BRPORT_PROXYARP)),
        kw("proxy_arp_wifi", O::OnOff(IFLA_BRPORT_PROXYARP_WIFI)),
        kw("mcast_router", O::McastRouter),
        kw("mcast_fast_leave", O::OnOff(IFLA_BRPORT_FAST_LEAVE)),
        kw("neigh_suppress", O::OnOff(IFLA_BRPORT_NEIGH_SUPPRESS)),
        kw("group_fwd_mask", O::FwdMask),
        kw("vlan_tunnel", O::OnOff(IFLA_BRPORT_VLAN_TUNNEL)),
        kw("isolated", O::OnOff(IFLA_BRPORT_ISOLATED)),
        kw("locked", O::OnOff(IFLA_BRPORT_LOCKED)),
        kw("backup_port", O::Backup),
        kw("nobackup_port", O::NoBackup),
        kw("help", O::Help),
    ],
);

pub fn parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let Some((name, o)) = OPTS.entry(&w).map(|k| (k.word(), k.id)) else {
            eprint_raw(&format!("bridge_slave: unknown option \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        };
        match o {
            O::Help => {
                eprint_raw(HELP);
                return Ok(1);
            }
            O::Flush => req.attr(IFLA_BRPORT_FLUSH, &[]),
            O::NoBackup => req.attr_u32(IFLA_BRPORT_BACKUP_PORT, 0),
            O::State => {
                let v = args.value()?;
                req.attr_u8(IFLA_BRPORT_STATE, get_u8(&v, 0).ok_or_else(|| invarg("state is invalid", &v))?);
            }
            O::Priority => {
                let v = args.value()?;
                req.attr_u16(IFLA_BRPORT_PRIORITY, get_u16(&v, 0).ok_or_else(|| invarg("priority is invalid", &v))?);
            }
            O::Cost => {
                let v = args.value()?;
                req.attr_u32(IFLA_BRPORT_COST, get_u32(&v, 0).ok_or_else(|| invarg("cost is invalid", &v))?);
            }
            O::McastRouter => {
                let v = args.value()?;
                let n = get_u8(&v, 0).ok_or_else(|| invarg("invalid mcast_router", &v))?;
                req.attr_u8(IFLA_BRPORT_MULTICAST_ROUTER, n);
            }
            O::FwdMask => {
                let v = args.value()?;
                let n = get_u16(&v, 0).ok_or_else(|| invarg("invalid group_fwd_mask", &v))?;
                req.attr_u16(IFLA_BRPORT_GROUP_FWD_MASK, n);
            }
            O::OnOff(ty) => {
                let v = args.value()?;
                // parse_on_off() failing is exit(1).
                let on = parse_on_off(name, &v).ok_or(Exit(1))?;
                req.attr_u8(ty, u8::from(on));
            }
            O::Backup => {
                let v = args.value()?;
                let idx = ctx.ifindex(&v);
                if idx == 0 {
                    return Err(invarg("Device does not exist\n", &v));
                }
                req.attr_u32(IFLA_BRPORT_BACKUP_PORT, idx);
            }
        }
    }
    Ok(0)
}

/// _bitmask2str() with the names of bits 0 (stp), 2 (lacp) and 14 (lldp).
fn fwd_mask_str(mask: u16) -> String {
    let mut parts = Vec::new();
    for i in 0..16 {
        if mask & (1 << i) != 0 {
            parts.push(match i {
                0 => "stp".to_string(),
                2 => "lacp".to_string(),
                14 => "lldp".to_string(),
                _ => format!("0x{:x}", 1u32 << i),
            });
        }
    }
    if parts.is_empty() {
        "0x0".into()
    } else {
        parts.join(",")
    }
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_BRPORT_MAX);
    if let Some(s) = tb.u8(IFLA_BRPORT_STATE) {
        match stp_state_name(s) {
            Some(name) => ctx.p.string(T::Any, "state", "state {} ", name),
            None => ctx.p.int(T::Any, "state_index", "state ({}) ", i64::from(s)),
        }
    }
    if let Some(v) = tb.u16(IFLA_BRPORT_PRIORITY) {
        ctx.p.int(T::Any, "priority", "priority {} ", i64::from(v));
    }
    if let Some(v) = tb.u32(IFLA_BRPORT_COST) {
        // print_int() of a u32: "%d".
        ctx.p.int(T::Any, "cost", "cost {} ", i64::from(v as i32));
    }
    print_flags(
        &mut ctx.p,
        &tb,
        &[
            IFLA_BRPORT_MODE,
            IFLA_BRPORT_GUARD,
            IFLA_BRPORT_PROTECT,
            IFLA_BRPORT_FAST_LEAVE,
            IFLA_BRPORT_LEARNING,
            IFLA_BRPORT_UNICAST_FLOOD,
        ],
    );
    if let Some(v) = tb.u16(IFLA_BRPORT_ID) {
        ctx.p.xhex(T::Any, "id", "port_id {} ", u64::from(v));
    }
    if let Some(v) = tb.u16(IFLA_BRPORT_NO) {
        ctx.p.xhex(T::Any, "no", "port_no {} ", u64::from(v));
    }
    if let Some(v) = tb.u16(IFLA_BRPORT_DESIGNATED_PORT) {
        ctx.p.uint(T::Any, "designated_port", "designated_port {} ", u64::from(v));
    }
    if let Some(v) = tb.u16(IFLA_BRPORT_DESIGNATED_COST) {
        ctx.p.uint(T::Any, "designated_cost", "designated_cost {} ", u64::from(v));
    }
    if let Some(d) = tb.get(IFLA_BRPORT_BRIDGE_ID) {
        ctx.p.string(T::Any, "bridge_id", "designated_bridge {} ", &bridge_id(d));
    }
    if let Some(d) = tb.get(IFLA_BRPORT_ROOT_ID) {
        ctx.p.string(T::Any, "root_id", "designated_root {} ", &bridge_id(d));
    }
    for (ty, key) in [
        (IFLA_BRPORT_HOLD_TIMER, "hold_timer"),
        (IFLA_BRPORT_MESSAGE_AGE_TIMER, "message_age_timer"),
        (IFLA_BRPORT_FORWARD_DELAY_TIMER, "forward_delay_timer"),
    ] {
        if let Some(d) = tb.get(ty) {
            print_timer(ctx, key, d);
        }
    }
    if let Some(v) = tb.u8(IFLA_BRPORT_TOPOLOGY_CHANGE_ACK) {
        ctx.p.uint(T::Any, "topology_change_ack", "topology_change_ack {} ", u64::from(v));
    }
    if let Some(v) = tb.u8(IFLA_BRPORT_CONFIG_PENDING) {
        ctx.p.uint(T::Any, "config_pending", "config_pending {} ", u64::from(v));
    }
    print_flags(&mut ctx.p, &tb, &[IFLA_BRPORT_PROXYARP, IFLA_BRPORT_PROXYARP_WIFI]);
    if let Some(v) = tb.u8(IFLA_BRPORT_MULTICAST_ROUTER) {
        ctx.p.uint(T::Any, "multicast_router", "mcast_router {} ", u64::from(v));
    }
    if let Some(v) = tb.u8(IFLA_BRPORT_FAST_LEAVE) {
        // Text only: JSON has it as "fastleave" already.
        ctx.p.fp(if v != 0 { "mcast_fast_leave on " } else { "mcast_fast_leave off " });
    }
    print_flags(
        &mut ctx.p,
        &tb,
        &[IFLA_BRPORT_MCAST_FLOOD, IFLA_BRPORT_BCAST_FLOOD, IFLA_BRPORT_MCAST_TO_UCAST, IFLA_BRPORT_NEIGH_SUPPRESS],
    );
    if let Some(m) = tb.u16(IFLA_BRPORT_GROUP_FWD_MASK) {
        ctx.p.xhex(T::Any, "group_fwd_mask", "group_fwd_mask {} ", u64::from(m));
        ctx.p.string(T::Any, "group_fwd_mask_str", "group_fwd_mask_str {} ", &fwd_mask_str(m));
    }
    print_flags(&mut ctx.p, &tb, &[IFLA_BRPORT_VLAN_TUNNEL, IFLA_BRPORT_ISOLATED, IFLA_BRPORT_LOCKED]);
    if let Some(v) = tb.u32(IFLA_BRPORT_BACKUP_PORT) {
        let name = ctx.ifname(v);
        ctx.p.string(T::Any, "backup_port", "backup_port {} ", &name);
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::{check_golden, run};
    use super::*;

    macro_rules! golden {
        ($($f:literal),*) => {
            $( check_golden(print, $f, include_str!(concat!("testdata/", $f)), &[]); )*
        };
    }

    #[test]
    fn goldens() {
        golden!(
            "brslave_default.slave.text",
            "brslave_default.slave.json",
            "brslave_opts.slave.text",
            "brslave_opts.slave.json",
            "brslave_state.slave.text",
            "brslave_state.slave.json"
        );
    }

    #[test]
    fn odd_state_backup_port_and_masks() {
        let mut r = Req::new(0, 0, &[]);
        r.attr_u8(IFLA_BRPORT_STATE, 7);
        r.attr_u16(IFLA_BRPORT_GROUP_FWD_MASK, 0x0022);
        r.attr_u32(IFLA_BRPORT_BACKUP_PORT, 5);
        let data = r.bytes()[16..].to_vec();
        assert_eq!(
            run(print, "bridge_slave", &data, false, &[(5, "v5")]),
            "state (7) group_fwd_mask 0x22 group_fwd_mask_str 0x2,0x20 backup_port v5 "
        );
        assert_eq!(
            run(print, "bridge_slave", &data, true, &[(5, "v5")]),
            "\"info_slave_data\":{\"state_index\":7,\"group_fwd_mask\":\"0x22\",\"group_fwd_mask_str\":\"0x2,0x20\",\"backup_port\":\"v5\"}"
        );
    }
}
