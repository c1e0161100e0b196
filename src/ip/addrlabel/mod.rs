//! `ip addrlabel` (ip/ipaddrlabel.c of iproute2 6.1.0): the IPv6 address
//! label table of RFC 6724 source and destination address selection,
//! listed, added to, deleted from and flushed over rtnetlink.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::netlink::attr::{hdr_u32, hdr_u8};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Rtnl, Tb};
use crate::print::{Color, T};

pub const USAGE: &str = "Usage: ip addrlabel { add | del } prefix PREFIX [ dev DEV ] [ label LABEL ]
       ip addrlabel [ list | flush | help ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

const RTM_NEWADDRLABEL: u16 = 72;
const RTM_DELADDRLABEL: u16 = 73;
const RTM_GETADDRLABEL: u16 = 74;

const IFAL_ADDRESS: u16 = 1;
const IFAL_LABEL: u16 = 2;
const IFAL_MAX: usize = 2;

/// sizeof(struct ifaddrlblmsg): family, reserved, prefixlen, flags,
/// index (u32), seq (u32).
const IFALMSG_LEN: usize = 12;

fn ifaddrlblmsg(family: u8, prefixlen: u8, index: u32) -> [u8; IFALMSG_LEN] {
    let mut b = [0u8; IFALMSG_LEN];
    b[0] = family;
    b[2] = prefixlen;
    b[4..8].copy_from_slice(&index.to_ne_bytes());
    b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    List,
    Add,
    Del,
    Flush,
    Help,
}

/// do_ipaddrlabel()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip addrlabel",
    &[
        kw("list", Cmd::List),
        kw("lst", Cmd::List),
        kw("show", Cmd::List),
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("flush", Cmd::Flush),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Prefix,
    Dev,
    Label,
}

/// ipaddrlabel_modify()'s words (strcmp(); any other word is skipped).
static MODIFY: Table<Opt> =
    Table::new("ip addrlabel add", &[exact("prefix", Opt::Prefix), exact("dev", Opt::Dev), exact("label", Opt::Label)]);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &MODIFY];

pub fn do_ipaddrlabel(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return ipaddrlabel_list(ctx, args);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::List) => ipaddrlabel_list(ctx, args),
        Some(Cmd::Add) => ipaddrlabel_modify(ctx, args, RTM_NEWADDRLABEL),
        Some(Cmd::Del) => ipaddrlabel_modify(ctx, args, RTM_DELADDRLABEL),
        Some(Cmd::Flush) => ipaddrlabel_flush(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(crate::error::unknown_command(&cmd, "ip addrlabel")),
    }
}

/// rtnl_addrlbldump_req(): the -family, IPv6 when none is given.
fn dump_request(ctx: &mut Ctx) -> Result<(), i32> {
    let af = if ctx.o.family == AF_UNSPEC { AF_INET6 } else { ctx.o.family };
    let mut req = Req::new(RTM_GETADDRLABEL, NLM_F_DUMP | NLM_F_REQUEST, &ifaddrlblmsg(af, 0, 0));
    match ctx.rtnl() {
        Ok(r) => r.dump_request(&mut req),
        Err(_) => Err(libc::EIO),
    }
}

fn ipaddrlabel_list(ctx: &mut Ctx, a: Args) -> Res<i32> {
    if a.has_next() {
        eprint_raw("\"ip addrlabel show\" does not take any arguments.\n");
        return Ok(1);
    }
    // ll_index_to_name() looks a name up on demand; the cache filled first
    // gives the same names.
    ctx.init_map()?;
    if let Err(e) = dump_request(ctx) {
        eprint_raw(&format!("Cannot send dump request: {}\n", strerror(e)));
        return Ok(255);
    }
    ctx.p.new_json_obj();
    if !ctx.dump_stream(print_addrlabel)? {
        crate::error::say_dump_terminated();
        return Ok(255);
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// ip monitor's [ADDRLABEL] body: the same printer as the dump.
pub fn print_event(s: &mut Shown, m: Msg) -> Res<()> {
    print_addrlabel(s, m)
}

fn print_addrlabel(s: &mut Shown, m: Msg) -> Res<()> {
    if m.ty != RTM_NEWADDRLABEL && m.ty != RTM_DELADDRLABEL {
        return Ok(());
    }
    if m.payload.len() < IFALMSG_LEN {
        return Err(Exit(255));
    }
    let family = hdr_u8(m.payload, 0);
    let prefixlen = hdr_u8(m.payload, 2);
    let index = hdr_u32(m.payload, 4);
    let tb = Tb::parse(&m.payload[IFALMSG_LEN..], IFAL_MAX);
    s.p.open_object(None);
    if m.ty == RTM_DELADDRLABEL {
        s.p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if let Some(a) = tb.get(IFAL_ADDRESS) {
        let host = crate::inet::format_host(family, a, s.o.resolve > 0);
        s.p.fp("prefix ");
        s.p.color_string(T::Any, Color::of_family(family), "address", "{}", &host);
        s.p.uint(T::Any, "prefixlen", "/{} ", u64::from(prefixlen));
    }
    if index != 0 {
        s.p.fp("dev ");
        let name = s.names.name(None, index);
        s.p.color_string(T::Any, Color::Ifname, "ifname", "{} ", &name);
    }
    if let Some(l) = tb.get(IFAL_LABEL) {
        if l.len() == 4 {
            s.p.uint(T::Any, "label", "label {} ", u64::from(hdr_u32(l, 0)));
        }
    }
    s.p.fp("\n");
    s.p.close_object();
    Ok(())
}

fn ipaddrlabel_modify(ctx: &mut Ctx, mut a: Args, cmd: u16) -> Res<i32> {
    let family = ctx.o.family;
    let mut prefix: Option<crate::inet::InetPrefix> = None;
    let mut index = 0u32;
    let mut label: Option<u32> = None;
    while a.has_next() {
        match MODIFY.find(a.cur()) {
            Some(Opt::Prefix) => {
                a.next_arg()?;
                prefix = Some(crate::inet::get_prefix(a.cur(), family)?);
            }
            Some(Opt::Dev) => {
                a.next_arg()?;
                index = ctx.ifindex(a.cur());
                if index == 0 {
                    return Err(crate::error::invarg("dev is invalid\n", a.cur()));
                }
            }
            Some(Opt::Label) => {
                a.next_arg()?;
                match crate::args::num::get_u32(a.cur(), 0) {
                    Some(l) if l != u32::MAX => label = Some(l),
                    _ => return Err(crate::error::invarg("label is invalid\n", a.cur())),
                }
            }
            None => {}
        }
        a.step();
    }
    let Some(prefix) = prefix else {
        eprint_raw("Not enough information: \"prefix\" argument is required.\n");
        return Ok(1);
    };
    let Some(label) = label else {
        eprint_raw("Not enough information: \"label\" argument is required.\n");
        return Ok(1);
    };
    let mut flags = NLM_F_REQUEST;
    if cmd == RTM_NEWADDRLABEL {
        flags |= NLM_F_CREATE | NLM_F_EXCL;
    }
    let af = if family == AF_UNSPEC { AF_INET6 } else { family };
    let mut req = Req::bounded(
        cmd,
        flags,
        &ifaddrlblmsg(af, prefix.bitlen as u8, index),
        crate::netlink::attr::bound::IPADDRLABEL_MODIFY,
    );
    req.attr_u32(IFAL_LABEL, label);
    let n = usize::from(prefix.bytelen).min(prefix.data.len());
    req.attr(IFAL_ADDRESS, &prefix.data[..n]);
    if ctx.rtnl()?.talk(&mut req).is_err() {
        return Ok(2);
    }
    Ok(0)
}

fn ipaddrlabel_flush(ctx: &mut Ctx, a: Args) -> Res<i32> {
    if a.has_next() {
        eprint_raw("\"ip addrlabel flush\" does not allow extra arguments\n");
        return Ok(1);
    }
    if let Err(e) = dump_request(ctx) {
        eprint_raw(&format!("Cannot send dump request: {}\n", strerror(e)));
        return Ok(1);
    }
    let rcvbuf = ctx.o.rcvbuf;
    let replay = ctx.is_replay();
    let ok = ctx.dump_stream(|_, m| {
        // flush_addrlabel(): each label with an address goes back as a
        // delete, through a socket of its own.
        if m.raw.len() < 16 + IFALMSG_LEN {
            return Err(Exit(1));
        }
        let tb = Tb::parse(&m.payload[IFALMSG_LEN.min(m.payload.len())..], IFAL_MAX);
        if !tb.has(IFAL_ADDRESS) || replay {
            return Ok(());
        }
        let mut req = Req::from_raw(m.raw.to_vec());
        req.buf[4..6].copy_from_slice(&RTM_DELADDRLABEL.to_ne_bytes());
        req.set_flags(NLM_F_REQUEST);
        let Ok(mut rth2) = Rtnl::open(rcvbuf, false) else { return Err(Exit(1)) };
        if rth2.talk(&mut req).is_err() {
            return Err(Exit(1));
        }
        Ok(())
    });
    match ok {
        Ok(true) => Ok(0),
        Ok(false) | Err(_) => {
            eprint_raw("Flush terminated\n");
            Ok(1)
        }
    }
}
