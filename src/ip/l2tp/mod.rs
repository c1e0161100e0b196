//! `ip l2tp` (ip/ipl2tp.c of iproute2 6.1.0): static L2TPv3 tunnels and sessions (the "l2tp" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1).

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Exit, Res};
use crate::netlink::genl;

pub const USAGE: &str = "Usage: ip l2tp add tunnel
          remote ADDR local ADDR
          tunnel_id ID peer_tunnel_id ID
          [ encap { ip | udp } ]
          [ udp_sport PORT ] [ udp_dport PORT ]
          [ udp_csum { on | off } ]
          [ udp6_csum_tx { on | off } ]
          [ udp6_csum_rx { on | off } ]
Usage: ip l2tp add session [ name NAME ]
          tunnel_id ID
          session_id ID peer_session_id ID
          [ cookie HEXSTR ] [ peer_cookie HEXSTR ]
          [ seq { none | send | recv | both } ]
          [ l2spec_type L2SPEC ]
       ip l2tp del tunnel tunnel_id ID
       ip l2tp del session tunnel_id ID session_id ID
       ip l2tp show tunnel [ tunnel_id ID ]
       ip l2tp show session [ tunnel_id ID ] [ session_id ID ]

Where: NAME   := STRING
       ADDR   := { IP_ADDRESS | any }
       PORT   := { 0..65535 }
       ID     := { 1..4294967295 }
       HEXSTR := { 8 or 16 hex digits (4 / 8 bytes) }
       L2SPEC := { none | default }
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

/// do_ipl2tp()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> = Table::new(
    "ip l2tp",
    &[
        kw("help", Cmd::Help),
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS];

pub fn do_ipl2tp(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((_g, _family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "l2tp") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip l2tp")),
        Some(_) => Err(fail(1, "rip: this command of \"ip l2tp\" is not implemented yet\n")),
    }
}
