//! `ip link property add|del dev DEV altname NAME...` (ip/iplink.c
//! iplink_prop()).

use super::help::usage;
use super::modify::{Ifi, IFI_OFF};
use super::parse::check_altifname;
use crate::args::{matches, Args};
use crate::ctx::Ctx;
use crate::error::{duparg2, invarg};
use crate::error::{eprint_raw, fail, Res};
use crate::netlink::consts::*;
use crate::netlink::Req;

const NLA_F_NESTED: u16 = 1 << 15;

/// iplink_prop(): `ip link property add|del dev DEV altname NAME...`.
pub fn iplink_prop(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(op) = args.next() else { return Err(usage()) };
    let (ty, flags) = if matches(&op, "add") {
        (RTM_NEWLINKPROP, NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND)
    } else if matches(&op, "del") {
        (RTM_DELLINKPROP, NLM_F_REQUEST)
    } else if matches(&op, "help") {
        return Err(usage());
    } else {
        return Err(fail(255, "Operator required\n"));
    };
    let mut req = Req::new(ty, flags, &ifinfomsg(ctx.o.family, 0, 0, 0));
    let proplist = req.nest(IFLA_PROP_LIST | NLA_F_NESTED);
    let mut dev: Option<String> = None;
    while let Some(w) = args.next() {
        if matches(&w, "altname") {
            let v = args.value()?;
            if !check_altifname(&v) {
                return Err(invarg("not a valid altname", &v));
            }
            req.attr_str(IFLA_ALT_IFNAME, &v);
        } else if matches(&w, "help") {
            return Err(usage());
        } else {
            let v = if w == "dev" { args.value()? } else { w };
            if dev.is_some() {
                return Err(duparg2("dev", &v));
            }
            if !check_altifname(&v) {
                return Err(invarg("\"dev\" not a valid ifname", &v));
            }
            dev = Some(v);
        }
    }
    req.nest_end(proplist);
    let Some(dev) = dev else {
        return Err(fail(255, "Not enough of information: \"dev\" argument is required.\n"));
    };
    let idx = ctx.ifindex(&dev);
    if idx == 0 {
        eprint_raw(&format!("Cannot find device \"{}\"\n", dev));
        return Ok(1);
    }
    Ifi { index: idx as i32, flags: 0, change: 0 }.write(&mut req, IFI_OFF);
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}
