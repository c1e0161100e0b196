//! `bridge vlan` (bridge/vlan.c, 6.1.0).

use super::BrCtx;
use crate::cli::Args;
use crate::error::{fail, Res};

pub fn do_vlan(_ctx: &mut BrCtx, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: \"bridge vlan\" is not implemented yet.\n"))
}
