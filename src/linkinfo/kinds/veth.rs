//! veth (ip/link_veth.c): `type veth [peer [name] NAME [options]]`. The
//! peer's options are the generic ones, read by the link parser's peer
//! hook into VETH_INFO_PEER (an ifinfomsg, then attributes). vxcan
//! (ip/iplink_vxcan.c) is the same parser with its own name in the usage
//! (VXCAN_INFO_PEER is 1 as well).

use super::Hooks;
use crate::args::keywords::{exact, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::Res;
use crate::netlink::Req;

/// VETH_INFO_PEER, VXCAN_INFO_PEER.
const INFO_PEER: u16 = 1;

/// print_usage(): always on stdout (iproute2 uses printf even for errors).
pub const USAGE: &str =
    "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";
/// iplink_vxcan.c's print_usage().
pub const USAGE_VXCAN: &str =
    "Usage: ip link <options> type vxcan [peer <options>]\nTo get <options> type 'ip link add help'\n";

fn usage(kind: &str) -> &'static str {
    if kind == "vxcan" {
        USAGE_VXCAN
    } else {
        USAGE
    }
}

/// veth_parse_opt()'s one word (strcmp); the peer's options are `ip link set`'s.
pub static OPTS: Table<()> = Table::new("ip link type veth", &[exact("peer", ())]);

/// veth_parse_opt(): the words after `type veth`.
pub fn parse(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, hooks: &Hooks) -> Res<i32> {
    if args.peek().and_then(|w| OPTS.find(w)).is_none() {
        ctx.p.raw(usage(kind).as_bytes());
        return Ok(1);
    }
    args.advance();
    let data = req.nest(INFO_PEER);
    let r = (hooks.peer)(ctx, args, req)?;
    if r != 0 {
        return Ok(r);
    }
    req.nest_end(data);
    Ok(0)
}

/// veth_print_help(), vxcan_print_help()
pub fn help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(usage(kind).as_bytes());
}
