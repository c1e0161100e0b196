//! `ip netns` (ip/ipnetns.c, lib/namespace.c, 6.1.0). Owned by issue 7.

use super::Ctx;
use crate::cli::Args;
use crate::error::{fail, Res};

/// The Debian build's run directory (its messages say /run/netns).
pub const NETNS_RUN_DIR: &str = "/run/netns";
pub const NETNS_ETC_DIR: &str = "/etc/netns";

pub fn do_netns(_ctx: &mut Ctx, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip netns is not implemented yet\n"))
}

/// netns_switch(): enter /run/netns/NAME (for `ip -n NAME`), with a private
/// mount namespace, /sys remounted and the /etc/netns/NAME bind mounts.
pub fn netns_switch(name: &str) -> Res<()> {
    Err(fail(255, &format!("rip: ip -n {} is not implemented yet\n", name)))
}
