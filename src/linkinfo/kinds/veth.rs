//! veth (ip/link_veth.c): `type veth [peer [name] NAME [options]]`. The
//! peer's options are the generic ones, read by the link parser's peer
//! hook into VETH_INFO_PEER (an ifinfomsg, then attributes).

use crate::args::keywords::{exact, Table};
use crate::args::Args;
use crate::error::Res;
use super::Hooks;
use crate::ctx::Ctx;
use crate::netlink::Req;

const VETH_INFO_PEER: u16 = 1;

/// print_usage(): always on stdout (iproute2 uses printf even for errors).
pub const USAGE: &str = "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";

/// veth_parse_opt()'s one word (strcmp); the peer's options are `ip link set`'s.
pub static OPTS: Table<()> = Table::new("ip link type veth", &[exact("peer", ())]);

/// veth_parse_opt(): the words after `type veth`.
pub fn parse(ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, hooks: &Hooks) -> Res<i32> {
    if args.peek().and_then(|w| OPTS.find(w)).is_none() {
        ctx.p.raw(USAGE.as_bytes());
        return Ok(1);
    }
    args.advance();
    let data = req.nest(VETH_INFO_PEER);
    let r = (hooks.peer)(ctx, args, req)?;
    if r != 0 {
        return Ok(r);
    }
    req.nest_end(data);
    Ok(0)
}

/// veth_print_help()
pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(USAGE.as_bytes());
}
