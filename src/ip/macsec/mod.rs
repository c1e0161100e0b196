//! `ip macsec` (ip/ipmacsec.c of iproute2 6.1.0): MACsec transmit and receive channels and associations (the "macsec" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1).

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Exit, Res};
use crate::netlink::genl;

pub const USAGE: &str = "Usage: ip macsec add DEV tx sa { 0..3 } [ OPTS ] key ID KEY
       ip macsec set DEV tx sa { 0..3 } [ OPTS ]
       ip macsec del DEV tx sa { 0..3 }
       ip macsec add DEV rx SCI [ on | off ]
       ip macsec set DEV rx SCI [ on | off ]
       ip macsec del DEV rx SCI
       ip macsec add DEV rx SCI sa { 0..3 } [ OPTS ] key ID KEY
       ip macsec set DEV rx SCI sa { 0..3 } [ OPTS ]
       ip macsec del DEV rx SCI sa { 0..3 }
       ip macsec show
       ip macsec show DEV
       ip macsec offload DEV [ off | phy | mac ]
where  OPTS := [ pn <u32> | xpn <u64> ] [ salt SALT ] [ ssci <u32> ] [ on | off ]
       ID   := 128-bit hex string
       KEY  := 128-bit or 256-bit hex string
       SCI  := { sci <u64> | port { 1..2^16-1 } address <lladdr> }
       SALT := 96-bit hex string
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Show,
    Add,
    Set,
    Del,
    Offload,
    Help,
}

/// do_ipmacsec()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> = Table::new(
    "ip macsec",
    &[
        kw("help", Cmd::Help),
        kw("show", Cmd::Show),
        kw("add", Cmd::Add),
        kw("set", Cmd::Set),
        kw("delete", Cmd::Del),
        kw("offload", Cmd::Offload),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS];

pub fn do_ipmacsec(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((_g, _family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "macsec") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip macsec")),
        Some(_) => Err(fail(1, "rip: this command of \"ip macsec\" is not implemented yet\n")),
    }
}
