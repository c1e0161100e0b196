//! `ip link show`: ip/ipaddress.c's listing with links only.

use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{Exit, Res};
use crate::linkinfo::list::{list_flush_or_save, Action};
use crate::netlink::consts::AF_PACKET;

/// ipaddr_list_link(): `ip link [show] [dev] NAME ...`
pub fn ipaddr_list_link(ctx: &mut Ctx, args: Args) -> Res<i32> {
    // iproute2 sets the global preferred_family here.
    ctx.o.family = AF_PACKET;
    list_flush_or_save(ctx, args, Action::List, true, |ctx| {
        // iplink_usage(): stderr, exit 255.
        match super::help::do_help(ctx, Args::new(Vec::new())) {
            Err(e) => e,
            Ok(()) => Exit(255),
        }
    })
}
