//! `ip link show` (and the link half of `ip address show`): the listing,
//! its filters and print_linkinfo() of ip/ipaddress.c (6.1.0).

use super::super::Ctx;
use crate::cli::Args;
use crate::error::{fail, Res};

/// ipaddr_list_link(): `ip link [show] [dev] NAME ...`
pub fn ipaddr_list_link(_ctx: &mut Ctx, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip link show is not implemented yet\n"))
}
