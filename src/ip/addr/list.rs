//! ipaddr_list_flush_or_save(): `ip address show|flush|save` and the
//! address printer print_addrinfo() (ip/ipaddress.c, 6.1.0).

use super::Action;
use crate::cli::Args;
use crate::error::{fail, Res};
use crate::ip::Ctx;

pub fn ipaddr_list_flush_or_save(_ctx: &mut Ctx, _args: Args, _action: Action) -> Res<i32> {
    Err(fail(1, "rip: ip address show/flush/save is not implemented yet\n"))
}
