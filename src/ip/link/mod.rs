//! `ip link`: the command table of do_iplink() (ip/iplink.c, 6.1.0).
//! `set` precedes `show`, so `ip link s` is set.

pub mod afstats;
pub mod help;
pub mod modify;
pub mod parse;
pub mod property;
pub mod show;
pub mod vf;
pub mod xdp;
pub mod xstats;

use crate::ctx::Ctx;
use crate::args::{matches, Args};
use crate::error::{fail, Res};
use crate::netlink::consts::*;

pub fn do_iplink(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return show::ipaddr_list_link(ctx, args);
    };
    let c = cmd.as_str();
    if matches(c, "add") {
        return modify::iplink_modify(ctx, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, args);
    }
    if matches(c, "set") || matches(c, "change") {
        return modify::iplink_modify(ctx, RTM_NEWLINK, 0, args);
    }
    if matches(c, "replace") {
        return modify::iplink_modify(ctx, RTM_NEWLINK, NLM_F_CREATE | NLM_F_REPLACE, args);
    }
    if matches(c, "delete") {
        return modify::iplink_modify(ctx, RTM_DELLINK, 0, args);
    }
    if matches(c, "show") || matches(c, "lst") || matches(c, "list") {
        return show::ipaddr_list_link(ctx, args);
    }
    if matches(c, "xstats") {
        return xstats::iplink_xstats(ctx, args);
    }
    if matches(c, "afstats") {
        afstats::iplink_afstats(ctx, args)?;
        return Ok(0);
    }
    if matches(c, "property") {
        return property::iplink_prop(ctx, args);
    }
    if matches(c, "help") {
        help::do_help(ctx, args)?;
        return Ok(0);
    }
    Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip link help\".\n", c)))
}
