//! `ip link`: the command table of do_iplink() (ip/iplink.c, 6.1.0).
//! `set` precedes `show`, so `ip link s` is set.

pub mod afstats;
pub mod help;
pub mod modify;
pub mod parse;
pub mod property;
pub mod request;
pub mod show;
pub mod value;
pub mod vf;
pub mod xdp;
pub mod xstats;

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Res};
use crate::netlink::consts::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Set,
    Replace,
    Delete,
    Show,
    Xstats,
    Afstats,
    Property,
    Help,
}

/// do_iplink()'s `matches()` chain, in its order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip link",
    &[
        kw("add", Cmd::Add),
        kw("set", Cmd::Set),
        kw("change", Cmd::Set),
        kw("replace", Cmd::Replace),
        kw("delete", Cmd::Delete),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("xstats", Cmd::Xstats),
        kw("afstats", Cmd::Afstats),
        kw("property", Cmd::Property),
        kw("help", Cmd::Help),
    ],
);

/// The keyword levels of `ip link`, command table first. The kinds'
/// option tables live with the kinds (crate::linkinfo::kinds::KEYWORDS).
pub static KEYWORDS: &[&dyn Words] = &[
    &COMMANDS,
    &parse::OPTIONS,
    &parse::LINK_MODES,
    &parse::ADDRGENMODES,
    &vf::OPTIONS,
    &vf::VLAN_OPTIONS,
    &vf::STATES,
    &xdp::MODES,
    &xdp::OBJECT_OPTIONS,
    &xstats::OPTIONS,
    &xstats::BOND_OPTIONS,
    &afstats::OPTIONS,
    &property::OPERATORS,
    &property::OPTIONS,
];

pub fn do_iplink(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return show::ipaddr_list_link(ctx, args);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => modify::iplink_modify(ctx, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Set) => modify::iplink_modify(ctx, RTM_NEWLINK, 0, args),
        Some(Cmd::Replace) => modify::iplink_modify(ctx, RTM_NEWLINK, NLM_F_CREATE | NLM_F_REPLACE, args),
        Some(Cmd::Delete) => modify::iplink_modify(ctx, RTM_DELLINK, 0, args),
        Some(Cmd::Show) => show::ipaddr_list_link(ctx, args),
        Some(Cmd::Xstats) => xstats::iplink_xstats(ctx, args),
        Some(Cmd::Afstats) => {
            afstats::iplink_afstats(ctx, args)?;
            Ok(0)
        }
        Some(Cmd::Property) => property::iplink_prop(ctx, args),
        Some(Cmd::Help) => {
            help::do_help(ctx, args)?;
            Ok(0)
        }
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip link help\".\n", cmd))),
    }
}

#[cfg(test)]
mod keyword_tests {
    use super::*;

    #[test]
    fn tables_keep_the_reference_order() {
        // `ip link s` is set (before show); `ip link l` is lst.
        assert_eq!(COMMANDS.find("s"), Some(Cmd::Set));
        assert_eq!(COMMANDS.find("l"), Some(Cmd::Show));
        assert_eq!(parse::OPTIONS.find("l"), Some(parse::P::Link));
        assert_eq!(parse::OPTIONS.find("xdpg"), None);
        assert_eq!(parse::OPTIONS.find("d"), Some(parse::P::Dynamic));
        assert_eq!(parse::OPTIONS.find("de"), None);
        let mut paths: Vec<&str> = KEYWORDS.iter().map(|t| t.path()).collect();
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
    }
}
