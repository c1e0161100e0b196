//! `ip address add|change|replace|delete` (ipaddr_modify), `showdump`,
//! `restore` and the usage text (ip/ipaddress.c, 6.1.0).

use crate::cli::Args;
use crate::error::{fail, Exit, Res};
use crate::ip::Ctx;

pub fn ipaddr_modify(_ctx: &mut Ctx, _cmd: u16, _flags: u16, _args: Args) -> Res<i32> {
    Err(fail(1, "rip: ip address add/change/replace/delete is not implemented yet\n"))
}

pub fn ipaddr_showdump(_ctx: &mut Ctx) -> Res<i32> {
    Err(fail(1, "rip: ip address showdump is not implemented yet\n"))
}

pub fn ipaddr_restore(_ctx: &mut Ctx) -> Res<i32> {
    Err(fail(1, "rip: ip address restore is not implemented yet\n"))
}

/// ip address's usage(): stderr, exit 255.
pub fn usage() -> Exit {
    fail(255, "rip: ip address help is not implemented yet\n")
}
