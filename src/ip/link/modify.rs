//! `ip link add|set|change|replace|delete`, `property`, `xstats`,
//! `afstats` and `help` (ip/iplink.c iplink_modify(), iplink_parse()).
//! Owned by issue 4.

use super::super::Ctx;
use crate::cli::Args;
use crate::error::{fail, Res};

/// iplink_modify(): returns the exit status.
pub fn iplink_modify(_ctx: &mut Ctx, _cmd: u16, _flags: u16, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip link add/set/delete is not implemented yet\n"))
}

pub fn iplink_xstats(_ctx: &mut Ctx, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip link xstats is not implemented yet\n"))
}

pub fn iplink_afstats(_ctx: &mut Ctx, _args: Args) -> Res<()> {
    Err(fail(1, "rip: ip link afstats is not implemented yet\n"))
}

pub fn iplink_prop(_ctx: &mut Ctx, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip link property is not implemented yet\n"))
}

/// `ip link help [TYPE]`
pub fn do_help(_ctx: &mut Ctx, _args: Args) -> Res<()> {
    Err(fail(255, "rip: ip link help is not implemented yet\n"))
}
