//! `ip address`: the command table of do_ipaddr() (ip/ipaddress.c, 6.1.0).

pub mod modify;

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Res};
use crate::linkinfo::list::{self, Action};
use crate::netlink::consts::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Change,
    Replace,
    Delete,
    List,
    Flush,
    Save,
    Showdump,
    Restore,
    Help,
}

/// do_ipaddr()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip address",
    &[
        kw("add", Cmd::Add),
        kw("change", Cmd::Change),
        exact("chg", Cmd::Change),
        kw("replace", Cmd::Replace),
        kw("delete", Cmd::Delete),
        kw("list", Cmd::List),
        kw("show", Cmd::List),
        kw("lst", Cmd::List),
        kw("flush", Cmd::Flush),
        kw("save", Cmd::Save),
        kw("showdump", Cmd::Showdump),
        kw("restore", Cmd::Restore),
        kw("help", Cmd::Help),
    ],
);

/// The keyword tables of `ip address` (command table first); the show,
/// flush and save selectors are the shared listing's.
pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &modify::ADD_OPTIONS, &list::SHOW_SELECTORS];

pub fn do_ipaddr(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return list::ipaddr_list_flush_or_save(ctx, args, Action::List, |_| modify::usage());
    };
    let c = cmd.as_str();
    match COMMANDS.find(c) {
        Some(Cmd::Add) => modify::ipaddr_modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Change) => modify::ipaddr_modify(ctx, RTM_NEWADDR, NLM_F_REPLACE, args),
        Some(Cmd::Replace) => modify::ipaddr_modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, args),
        Some(Cmd::Delete) => modify::ipaddr_modify(ctx, RTM_DELADDR, 0, args),
        Some(Cmd::List) => list::ipaddr_list_flush_or_save(ctx, args, Action::List, |_| modify::usage()),
        Some(Cmd::Flush) => list::ipaddr_list_flush_or_save(ctx, args, Action::Flush, |_| modify::usage()),
        Some(Cmd::Save) => list::ipaddr_list_flush_or_save(ctx, args, Action::Save, |_| modify::usage()),
        Some(Cmd::Showdump) => modify::ipaddr_showdump(ctx),
        Some(Cmd::Restore) => modify::ipaddr_restore(ctx),
        Some(Cmd::Help) => Err(modify::usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip address help\".\n", c))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_the_reference_order() {
        assert_eq!(COMMANDS.find("s"), Some(Cmd::List));
        assert_eq!(COMMANDS.find("sa"), Some(Cmd::Save));
        assert_eq!(COMMANDS.find("showd"), Some(Cmd::Showdump));
        assert_eq!(COMMANDS.find("d"), Some(Cmd::Delete));
        assert_eq!(COMMANDS.find("ch"), Some(Cmd::Change));
        use modify::{Opt, ADD_OPTIONS};
        assert_eq!(ADD_OPTIONS.find("b"), Some(Opt::Broadcast));
        assert_eq!(ADD_OPTIONS.find("p"), Some(Opt::Metric));
        assert_eq!(ADD_OPTIONS.find("pre"), Some(Opt::Metric));
        assert_eq!(ADD_OPTIONS.find("pref"), Some(Opt::Metric));
        assert_eq!(ADD_OPTIONS.find("preferred"), Some(Opt::PreferredLft));
        assert_eq!(ADD_OPTIONS.find("pe"), None);
        assert_eq!(ADD_OPTIONS.find("h"), Some(Opt::Help));
        use list::{Sel, SHOW_SELECTORS};
        assert_eq!(SHOW_SELECTORS.find("to"), Some(Sel::To));
        assert_eq!(SHOW_SELECTORS.find("t"), None);
        assert_eq!(SHOW_SELECTORS.find("permanent"), None);
        assert_eq!(SHOW_SELECTORS.find("he"), Some(Sel::Help));
    }
}
