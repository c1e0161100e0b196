//! `ip ila` (ip/ipila.c of iproute2 6.1.0): identifier-locator addressing mappings (the "ila" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1).

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Exit, Res};
use crate::netlink::genl;

pub const USAGE: &str = "Usage: ip ila add loc_match LOCATOR_MATCH loc LOCATOR [ dev DEV ] OPTIONS
       ip ila del loc_match LOCATOR_MATCH [ loc LOCATOR ] [ dev DEV ]
       ip ila list
OPTIONS := [ csum-mode { adj-transport | neutral-map |
                         neutral-map-auto | no-action } ]
           [ ident-type { luid | use-format } ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Del,
    List,
    Help,
}

/// do_ipila()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> = Table::new(
    "ip ila",
    &[
        kw("help", Cmd::Help),
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("list", Cmd::List),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS];

pub fn do_ipila(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((_g, _family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "ila") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip ila")),
        Some(_) => Err(fail(1, "rip: this command of \"ip ila\" is not implemented yet\n")),
    }
}
