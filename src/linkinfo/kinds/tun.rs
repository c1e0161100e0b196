//! `tun` (ip/iptuntap.c tun_print_opt(), 6.1.0): the `-d` block of tun and
//! tap devices. iproute2 has no parser or help for this kind.

use crate::ctx::Ctx;
use crate::netlink::Tb;
use crate::print::T;

pub const IFLA_TUN_OWNER: u16 = 1;
pub const IFLA_TUN_GROUP: u16 = 2;
pub const IFLA_TUN_TYPE: u16 = 3;
pub const IFLA_TUN_PI: u16 = 4;
pub const IFLA_TUN_VNET_HDR: u16 = 5;
pub const IFLA_TUN_PERSIST: u16 = 6;
pub const IFLA_TUN_MULTI_QUEUE: u16 = 7;
pub const IFLA_TUN_NUM_QUEUES: u16 = 8;
pub const IFLA_TUN_NUM_DISABLED_QUEUES: u16 = 9;
pub const IFLA_TUN_MAX: usize = 9;

const IFF_TUN: u8 = 1;
const IFF_TAP: u8 = 2;

use crate::names::users::{group_name, user_name};

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_TUN_MAX);
    if let Some(t) = tb.u8(IFLA_TUN_TYPE) {
        let s = match t {
            IFF_TUN => "tun".to_string(),
            IFF_TAP => "tap".to_string(),
            _ => format!("UNKNOWN:{}", t),
        };
        ctx.p.string(T::Any, "type", "type {} ", &s);
    }
    if let Some(v) = tb.u8(IFLA_TUN_PI) {
        ctx.p.on_off(T::Any, "pi", "pi {} ", v != 0);
    }
    if let Some(v) = tb.u8(IFLA_TUN_VNET_HDR) {
        ctx.p.on_off(T::Any, "vnet_hdr", "vnet_hdr {} ", v != 0);
    }
    // print_mq()
    if tb.u8(IFLA_TUN_MULTI_QUEUE).unwrap_or(0) == 0 {
        ctx.p.bool(T::Json, "multi_queue", "", false);
    } else {
        ctx.p.bool(T::Any, "multi_queue", "multi_queue ", true);
        if let Some(v) = tb.u32(IFLA_TUN_NUM_QUEUES) {
            ctx.p.uint(T::Any, "numqueues", "numqueues {} ", u64::from(v));
        }
        if let Some(v) = tb.u32(IFLA_TUN_NUM_DISABLED_QUEUES) {
            ctx.p.uint(T::Any, "numdisabled", "numdisabled {} ", u64::from(v));
        }
    }
    if let Some(v) = tb.u8(IFLA_TUN_PERSIST) {
        ctx.p.on_off(T::Any, "persist", "persist {} ", v != 0);
    }
    if let Some(uid) = tb.u32(IFLA_TUN_OWNER) {
        match user_name(uid) {
            Some(n) => ctx.p.string(T::Any, "user", "user {} ", &n),
            None => ctx.p.uint(T::Any, "user", "user {} ", u64::from(uid)),
        }
    }
    if let Some(gid) = tb.u32(IFLA_TUN_GROUP) {
        match group_name(gid) {
            Some(n) => ctx.p.string(T::Any, "group", "group {} ", &n),
            None => ctx.p.uint(T::Any, "group", "group {} ", u64::from(gid)),
        }
    }
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
        // uid/gid 0 is "root" and 12345/23456 have no entry on any sane test host.
        golden!(
            "tun_tap.kind.text",
            "tun_tap.kind.json",
            "tun_tun.kind.text",
            "tun_tun.kind.json",
            "tun_uid.kind.text",
            "tun_uid.kind.json"
        );
    }
}
