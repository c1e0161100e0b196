//! `ip link property add|del dev DEV altname NAME...` (ip/iplink.c
//! iplink_prop()).

use super::help::usage;
use super::request::{Ifi, IFI_OFF};
use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{duparg2, invarg};
use crate::error::{fail, Res};
use crate::names::check_altifname;
use crate::netlink::consts::*;
use crate::netlink::Req;

const NLA_F_NESTED: u16 = 1 << 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Add,
    Del,
    Help,
}

/// iplink_prop()'s operator.
pub(super) static OPERATORS: Table<Op> =
    Table::new("ip link property", &[kw("add", Op::Add), kw("del", Op::Del), kw("help", Op::Help)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pr {
    Altname,
    Help,
    Dev,
}

/// iplink_prop()'s words after the operator; anything else is the device.
pub(super) static OPTIONS: Table<Pr> =
    Table::new("ip link property add", &[kw("altname", Pr::Altname), kw("help", Pr::Help), exact("dev", Pr::Dev)]);

/// iplink_prop(): `ip link property add|del dev DEV altname NAME...`.
pub fn iplink_prop(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(op) = args.next() else {
        return Err(usage());
    };
    let (ty, flags) = match OPERATORS.find(&op) {
        Some(Op::Add) => (RTM_NEWLINKPROP, NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND),
        Some(Op::Del) => (RTM_DELLINKPROP, NLM_F_REQUEST),
        Some(Op::Help) => return Err(usage()),
        None => return Err(fail(255, "Operator required\n")),
    };
    let mut req = Req::bounded(ty, flags, &ifinfomsg(ctx.o.family, 0, 0, 0), crate::netlink::attr::bound::IPLINK_REQ);
    let proplist = req.nest(IFLA_PROP_LIST | NLA_F_NESTED);
    let mut dev: Option<String> = None;
    while let Some(w) = args.next() {
        let o = OPTIONS.find(&w);
        match o {
            Some(Pr::Altname) => {
                let v = args.value()?;
                if !check_altifname(&v) {
                    return Err(invarg("not a valid altname", &v));
                }
                req.attr_str(IFLA_ALT_IFNAME, &v);
            }
            Some(Pr::Help) => return Err(usage()),
            Some(Pr::Dev) | None => {
                let v = if o == Some(Pr::Dev) { args.value()? } else { w };
                if dev.is_some() {
                    return Err(duparg2("dev", &v));
                }
                if !check_altifname(&v) {
                    return Err(invarg("\"dev\" not a valid ifname", &v));
                }
                dev = Some(v);
            }
        }
    }
    req.nest_end(proplist);
    let Some(dev) = dev else {
        return Err(fail(255, "Not enough of information: \"dev\" argument is required.\n"));
    };
    let idx = ctx.ifindex(&dev);
    if idx == 0 {
        crate::error::say_no_device(dev);
        return Ok(1);
    }
    Ifi { index: idx as i32, flags: 0, change: 0 }.write(&mut req, IFI_OFF);
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}
