//! Values the link parsers read (lib/utils.c and iplink.c helpers): on/off
//! words, interface names, link-layer addresses and their expected length.

use crate::ctx::Ctx;
use crate::error::Res;
use crate::netlink::consts::*;
use crate::netlink::{msgs, Req, Tb};

/// ll_addr_a2n() (the shared one the kinds use): None after its message.
pub fn ll_addr_a2n(arg: &str, maxlen: usize) -> Option<Vec<u8>> {
    crate::inet::lladdr::ll_addr_a2n(arg, maxlen).ok()
}

/// nl_get_ll_addr_len(): the length of the device's current address, -1
/// when unknown (kernel errors are printed, as rtnl_talk() does).
pub(super) fn nl_get_ll_addr_len(ctx: &mut Ctx, dev: &str) -> Res<i32> {
    let idx = ctx.ifindex(dev);
    if idx == 0 {
        return Ok(-1);
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(ctx.o.family, idx as i32, 0, 0));
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else {
        return Ok(-1);
    };
    let Some(m) = msgs(&ans).next() else {
        return Ok(-1);
    };
    let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else {
        return Ok(-1);
    };
    let tb = Tb::parse(attrs, IFLA_MAX);
    Ok(tb.get(IFLA_ADDRESS).map(|a| a.len() as i32).unwrap_or(-1))
}
