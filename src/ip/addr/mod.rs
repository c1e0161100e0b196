//! `ip address`: the command table of do_ipaddr() (ip/ipaddress.c, 6.1.0).

pub mod modify;

use crate::ctx::Ctx;
use crate::linkinfo::list::{self, Action};
use crate::args::{matches, Args};
use crate::error::{fail, Res};
use crate::netlink::consts::*;


pub fn do_ipaddr(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return list::ipaddr_list_flush_or_save(ctx, args, Action::List, |_| modify::usage());
    };
    let c = cmd.as_str();
    if matches(c, "add") {
        return modify::ipaddr_modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, args);
    }
    if matches(c, "change") || c == "chg" {
        return modify::ipaddr_modify(ctx, RTM_NEWADDR, NLM_F_REPLACE, args);
    }
    if matches(c, "replace") {
        return modify::ipaddr_modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, args);
    }
    if matches(c, "delete") {
        return modify::ipaddr_modify(ctx, RTM_DELADDR, 0, args);
    }
    if matches(c, "list") || matches(c, "show") || matches(c, "lst") {
        return list::ipaddr_list_flush_or_save(ctx, args, Action::List, |_| modify::usage());
    }
    if matches(c, "flush") {
        return list::ipaddr_list_flush_or_save(ctx, args, Action::Flush, |_| modify::usage());
    }
    if matches(c, "save") {
        return list::ipaddr_list_flush_or_save(ctx, args, Action::Save, |_| modify::usage());
    }
    if matches(c, "showdump") {
        return modify::ipaddr_showdump(ctx);
    }
    if matches(c, "restore") {
        return modify::ipaddr_restore(ctx);
    }
    if matches(c, "help") {
        return Err(modify::usage());
    }
    Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip address help\".\n", c)))
}
