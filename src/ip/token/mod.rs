//! `ip token` (ip/iptoken.c of iproute2 6.1.0): the IPv6 interface
//! identifier tokens of devices (the host part SLAAC uses instead of the
//! EUI-64 one), listed from an AF_INET6 link dump and set with RTM_SETLINK.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, T};

pub const USAGE: &str = "Usage: ip token [ list | set | del | get ] [ TOKEN ] [ dev DEV ]\n";

fn usage() -> Exit {
    fail(255, USAGE)
}

const IFLA_INET6_TOKEN: u16 = 7;
const IFLA_INET6_MAX: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    List,
    Set,
    Del,
    Help,
}

/// do_iptoken()'s commands, in its test order (`get` lists too).
static COMMANDS: Table<Cmd> = Table::new(
    "ip token",
    &[
        kw("list", Cmd::List),
        kw("lst", Cmd::List),
        kw("show", Cmd::List),
        kw("set", Cmd::Set),
        kw("add", Cmd::Set),
        kw("delete", Cmd::Del),
        kw("get", Cmd::List),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Dev,
    Help,
}

/// iptoken_set()'s words: `dev` (strcmp), `help`; any other word is the
/// token (the first one counts).
static SET: Table<Opt> = Table::new("ip token set", &[exact("dev", Opt::Dev), kw("help", Opt::Help)]);

/// iptoken_list()'s one word (strcmp); the words before it are skipped.
static LIST: Table<Opt> = Table::new("ip token list", &[exact("dev", Opt::Dev)]);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SET, &LIST];

pub fn do_iptoken(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else {
        return iptoken_list(ctx, args);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::List) => iptoken_list(ctx, args),
        Some(Cmd::Set) => iptoken_set(ctx, args, false),
        Some(Cmd::Del) => iptoken_set(ctx, args, true),
        Some(Cmd::Help) => Err(usage()),
        None => Err(crate::error::unknown_command(&cmd, "ip token")),
    }
}

fn iptoken_list(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut ifindex = 0u32;
    while a.has_next() {
        if LIST.find(a.cur()) == Some(Opt::Dev) {
            a.next_arg()?;
            ifindex = ctx.ifindex(a.cur());
            if ifindex == 0 {
                return Err(crate::error::invarg("dev is invalid\n", a.cur()));
            }
            break;
        }
        a.step();
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_INET6, 0, 0, 0));
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        eprint_raw(&format!("Cannot send dump request: {}\n", strerror(e)));
        return Ok(1);
    }
    ctx.p.new_json_obj();
    let ok = ctx.dump_stream(|s, m| print_token(s, m, ifindex));
    if !matches!(ok, Ok(true)) {
        // jsonw_destroy() flushes stdout before the message.
        if ctx.p.is_json() {
            ctx.p.delete_json_obj();
            let _ = ctx.p.flush();
        }
        crate::error::say_dump_terminated();
        return Ok(1);
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

fn print_token(s: &mut Shown, m: Msg, ifindex: u32) -> Res<()> {
    if m.ty != RTM_NEWLINK {
        return Err(Exit(1));
    }
    let Some((family, _, index, flags, _)) = ifinfo(m.payload) else { return Err(Exit(1)) };
    if family != AF_INET6 || index == 0 {
        return Ok(());
    }
    if ifindex > 0 && index as u32 != ifindex {
        return Ok(());
    }
    if flags & (IFF_LOOPBACK | IFF_NOARP) != 0 {
        return Ok(());
    }
    let tb = Tb::parse(m.payload.get(16..).unwrap_or(&[]), IFLA_MAX);
    let Some(ltb) = tb.nested(IFLA_PROTINFO, IFLA_INET6_MAX) else { return Err(Exit(1)) };
    let Some(token) = ltb.get(IFLA_INET6_TOKEN) else {
        eprint_raw("Seems there's no support for IPv6 token!\n");
        return Err(Exit(1));
    };
    s.p.open_object(None);
    s.p.fp("token ");
    let host = crate::inet::format_host(family, token, s.o.resolve > 0);
    s.p.color_string(T::Any, Color::of_family(family), "token", "{}", &host);
    s.p.fp(" dev ");
    let name = s.names.name(None, index as u32);
    s.p.color_string(T::Any, Color::Ifname, "ifname", "{}\n", &name);
    s.p.close_object();
    Ok(())
}

fn iptoken_set(ctx: &mut Ctx, mut a: Args, delete: bool) -> Res<i32> {
    let mut have_token = delete;
    let mut index: Option<u32> = None;
    let mut token = [0u8; 16];
    while a.has_next() {
        match SET.find(a.cur()) {
            Some(Opt::Dev) => {
                a.next_arg()?;
                if index.is_none() {
                    let i = ctx.ifindex(a.cur());
                    if i == 0 {
                        return Err(crate::error::invarg("dev is invalid\n", a.cur()));
                    }
                    index = Some(i);
                }
            }
            Some(Opt::Help) => return Err(usage()),
            None => {
                if !have_token {
                    let p = crate::inet::get_prefix(a.cur(), AF_INET6)?;
                    let n = usize::from(p.bytelen).min(16);
                    token[..n].copy_from_slice(&p.data[..n]);
                    have_token = true;
                }
            }
        }
        a.step();
    }
    if !have_token {
        eprint_raw("Not enough information: token is required.\n");
        return Ok(1);
    }
    let Some(index) = index else {
        eprint_raw("Not enough information: \"dev\" argument is required.\n");
        return Ok(1);
    };
    let mut req = Req::bounded(
        RTM_SETLINK,
        NLM_F_REQUEST,
        &ifinfomsg(AF_INET6, index as i32, 0, 0),
        crate::netlink::attr::bound::IPTOKEN_SET,
    );
    let afs = req.nest(IFLA_AF_SPEC);
    let afs6 = req.nest(u16::from(AF_INET6));
    req.attr(IFLA_INET6_TOKEN, &token);
    req.nest_end(afs6);
    req.nest_end(afs);
    if ctx.rtnl()?.talk(&mut req).is_err() {
        return Ok(2);
    }
    Ok(0)
}
