//! `ip fou` (ip/ipfou.c of iproute2 6.1.0): Foo-over-UDP receive ports (the "fou" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1).

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Exit, Res};
use crate::netlink::genl;

pub const USAGE: &str = "Usage: ip fou add port PORT { ipproto PROTO  | gue }
		   [ local IFADDR ] [ peer IFADDR ]
		   [ peer_port PORT ] [ dev IFNAME ]
       ip fou del port PORT [ local IFADDR ]
		   [ peer IFADDR ] [ peer_port PORT ]
		   [ dev IFNAME ]
       ip fou show

Where: PROTO { ipproto-name | 1..255 }
       PORT { 1..65535 }
       IFADDR { addr }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Del,
    Show,
    Help,
}

/// do_ipfou()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> = Table::new(
    "ip fou",
    &[
        kw("help", Cmd::Help),
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("show", Cmd::Show),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS];

pub fn do_ipfou(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((_g, _family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "fou") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip fou")),
        Some(_) => Err(fail(1, "rip: this command of \"ip fou\" is not implemented yet\n")),
    }
}
