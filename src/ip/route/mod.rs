//! `ip route` (ip/iproute.c, 6.1.0). Owned by issue 6.

use super::Ctx;
use crate::cli::Args;
use crate::error::{fail, Res};

pub fn do_iproute(_ctx: &mut Ctx, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip route is not implemented yet\n"))
}
