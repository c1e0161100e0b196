//! `ip neigh` (ip/ipneigh.c of iproute2 6.1.0): the neighbour tables' show,
//! flush, get and add/change/replace/delete.

use crate::args::keywords::{doc, exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{fail, Exit, Res};
use crate::inet::{self, InetPrefix};
use crate::names::tables as rt_names;
use crate::netlink::attr::{get_u32, Tb};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req};
use crate::print::{Color, J, T};

const NDMSG_LEN: usize = 12;

const NDA_DST: u16 = 1;
const NDA_LLADDR: u16 = 2;
const NDA_CACHEINFO: u16 = 3;
const NDA_PROBES: u16 = 4;
const NDA_IFINDEX: u16 = 8;
const NDA_MASTER: u16 = 9;
const NDA_PROTOCOL: u16 = 12;
const NDA_FLAGS_EXT: u16 = 15;
const NDA_MAX: usize = 17;

const NTF_USE: u8 = 0x01;
const NTF_PROXY: u8 = 0x08;
const NTF_EXT_LEARNED: u8 = 0x10;
const NTF_OFFLOADED: u8 = 0x20;
const NTF_ROUTER: u8 = 0x80;
const NTF_EXT_MANAGED: u32 = 0x01;

const NUD_INCOMPLETE: u32 = 0x01;
const NUD_REACHABLE: u32 = 0x02;
const NUD_STALE: u32 = 0x04;
const NUD_DELAY: u32 = 0x08;
const NUD_PROBE: u32 = 0x10;
const NUD_FAILED: u32 = 0x20;
const NUD_NOARP: u32 = 0x40;
const NUD_PERMANENT: u32 = 0x80;
const NUD_NONE: u32 = 0x00;

const MAX_ROUNDS: i32 = 10;

pub const USAGE: &str = "Usage: ip neigh { add | del | change | replace }
                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }
                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]
                [ protocol PROTO ]

	ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]
				  [ vrf NAME ] [ nomaster ]
	ip neigh get { ADDR | proxy ADDR } dev DEV

STATE := { delay | failed | incomplete | noarp | none |
           permanent | probe | reachable | stale }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Change,
    Replace,
    Delete,
    Get,
    Show,
    Flush,
    Help,
}

/// do_ipneigh()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip neigh",
    &[
        kw("add", Cmd::Add),
        kw("change", Cmd::Change),
        exact("chg", Cmd::Change),
        kw("replace", Cmd::Replace),
        kw("delete", Cmd::Delete),
        kw("get", Cmd::Get),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("flush", Cmd::Flush),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mod {
    Lladdr,
    Nud,
    Proxy,
    Router,
    Use,
    Managed,
    ExternLearn,
    Dev,
    Protocol,
    To,
    Help,
}

/// ipneigh_modify()'s words, in its test order (`to` and `help` are read
/// before the destination address).
static MODIFY: Table<Mod> = Table::new(
    "ip neigh add",
    &[
        kw("lladdr", Mod::Lladdr),
        exact("nud", Mod::Nud),
        kw("proxy", Mod::Proxy),
        exact("router", Mod::Router),
        exact("use", Mod::Use),
        exact("managed", Mod::Managed),
        kw("extern_learn", Mod::ExternLearn),
        exact("dev", Mod::Dev),
        kw("protocol", Mod::Protocol),
        doc("to", Mod::To),
        doc("help", Mod::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sel {
    Dev,
    Master,
    Vrf,
    Nomaster,
    Unused,
    Nud,
    Proxy,
    Protocol,
    To,
    Help,
}

/// do_show_or_flush()'s selectors, in its test order.
static SELECTORS: Table<Sel> = Table::new(
    "ip neigh show",
    &[
        exact("dev", Sel::Dev),
        exact("master", Sel::Master),
        exact("vrf", Sel::Vrf),
        exact("nomaster", Sel::Nomaster),
        exact("unused", Sel::Unused),
        exact("nud", Sel::Nud),
        exact("proxy", Sel::Proxy),
        kw("protocol", Sel::Protocol),
        doc("to", Sel::To),
        doc("help", Sel::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Get {
    Dev,
    Proxy,
    To,
    Help,
}

/// ipneigh_get()'s words.
static GET: Table<Get> = Table::new(
    "ip neigh get",
    &[exact("dev", Get::Dev), kw("proxy", Get::Proxy), doc("to", Get::To), doc("help", Get::Help)],
);

/// nud_state_a2n()'s names, in its test order (`all` is the show filter's).
static NUD: Table<u32> = Table::new(
    "ip neigh nud",
    &[
        kw("permanent", NUD_PERMANENT),
        kw("reachable", NUD_REACHABLE),
        exact("noarp", NUD_NOARP),
        exact("none", NUD_NONE),
        exact("stale", NUD_STALE),
        exact("incomplete", NUD_INCOMPLETE),
        exact("delay", NUD_DELAY),
        exact("probe", NUD_PROBE),
        kw("failed", NUD_FAILED),
        doc("all", !0),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &MODIFY, &SELECTORS, &GET, &NUD];

/// nud_state_a2n(): a state name, or a number that is one bit below 0x100.
fn nud_state_a2n(arg: &str) -> Option<u32> {
    if arg != "all" {
        if let Some(s) = NUD.find(arg) {
            return Some(s);
        }
    }
    let v = crate::args::num::get_unsigned(arg, 0)?;
    if v >= 0x100 || (v & v.wrapping_sub(1)) != 0 {
        return None;
    }
    Some(v)
}

fn is_help(w: &str) -> bool {
    crate::args::matches(w, "help")
}

pub fn do_ipneigh(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return do_show_or_flush(ctx, args, false);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => ipneigh_modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Change) => ipneigh_modify(ctx, RTM_NEWNEIGH, NLM_F_REPLACE, args),
        Some(Cmd::Replace) => ipneigh_modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, args),
        Some(Cmd::Delete) => ipneigh_modify(ctx, RTM_DELNEIGH, 0, args),
        Some(Cmd::Get) => ipneigh_get(ctx, args),
        Some(Cmd::Show) => do_show_or_flush(ctx, args, false),
        Some(Cmd::Flush) => do_show_or_flush(ctx, args, true),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip neigh help\".\n", cmd))),
    }
}

fn ndmsg(family: u8, ifindex: i32, state: u16, flags: u8) -> [u8; NDMSG_LEN] {
    let mut b = [0u8; NDMSG_LEN];
    b[0] = family;
    b[4..8].copy_from_slice(&ifindex.to_ne_bytes());
    b[8..10].copy_from_slice(&state.to_ne_bytes());
    b[10] = flags;
    b
}

fn ipneigh_modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut a: Args) -> Res<i32> {
    let pref = ctx.o.family;
    let mut state: u32 = NUD_PERMANENT;
    let mut ndm_flags: u8 = 0;
    let mut ext_flags: u32 = 0;
    let mut dev: Option<String> = None;
    let mut dst: Option<InetPrefix> = None;
    let mut dev_ok = false;
    let mut lla: Option<String> = None;
    let mut protocols: Vec<u8> = Vec::new();
    while a.has_next() {
        let w = a.cur().to_string();
        match MODIFY.find(&w) {
            Some(Mod::Lladdr) => {
                a.next_arg()?;
                if lla.is_some() {
                    return Err(crate::error::duparg("lladdr", a.cur()));
                }
                lla = Some(a.cur().to_string());
            }
            Some(Mod::Nud) => {
                a.next_arg()?;
                match nud_state_a2n(a.cur()) {
                    Some(s) => state = s,
                    None => return Err(crate::error::invarg("nud state is bad", a.cur())),
                }
            }
            Some(Mod::Proxy) => {
                a.next_arg()?;
                if is_help(a.cur()) {
                    return Err(usage());
                }
                if dst.is_some() {
                    return Err(crate::error::duparg("address", a.cur()));
                }
                dst = Some(inet::get_addr(a.cur(), pref)?);
                dev_ok = true;
                ndm_flags |= NTF_PROXY;
            }
            Some(Mod::Router) => ndm_flags |= NTF_ROUTER,
            Some(Mod::Use) => ndm_flags |= NTF_USE,
            Some(Mod::Managed) => {
                ext_flags |= NTF_EXT_MANAGED;
                state = NUD_NONE;
            }
            Some(Mod::ExternLearn) => ndm_flags |= NTF_EXT_LEARNED,
            Some(Mod::Dev) => {
                a.next_arg()?;
                dev = Some(a.cur().to_string());
                dev_ok = true;
            }
            Some(Mod::Protocol) => {
                a.next_arg()?;
                match rt_names::rtprot_a2n(a.cur()) {
                    Some(p) => protocols.push(p as u8),
                    None => return Err(crate::error::invarg("\"protocol\" value is invalid\n", a.cur())),
                }
            }
            _ => {
                if a.cur() == "to" {
                    a.next_arg()?;
                }
                if is_help(a.cur()) {
                    a.next_arg()?;
                }
                if dst.is_some() {
                    return Err(crate::error::duparg2("to", a.cur()));
                }
                dst = Some(inet::get_addr(a.cur(), pref)?);
            }
        }
        a.step();
    }
    let dst = match dst {
        Some(d) if dev_ok && d.family != AF_UNSPEC => d,
        _ => return Err(fail(255, "Device and destination are required arguments.\n")),
    };
    let mut req = Req::bounded(
        cmd,
        NLM_F_REQUEST | flags,
        &ndmsg(dst.family, 0, state as u16, ndm_flags),
        crate::netlink::attr::bound::IPNEIGH_MODIFY,
    );
    // NDA_PROTOCOL was added while parsing, before NDA_DST.
    for p in protocols {
        req.attr_u8(NDA_PROTOCOL, p);
    }
    req.attr(NDA_DST, dst.bytes());
    if ext_flags != 0 {
        req.attr_u32(NDA_FLAGS_EXT, ext_flags);
    }
    if let Some(l) = lla.as_deref() {
        if l != "null" {
            match crate::inet::lladdr::ll_addr_a2n(l, 20) {
                Ok(b) => req.attr(NDA_LLADDR, &b),
                Err(()) => return Ok(1),
            }
        }
    }
    ctx.init_map()?;
    if let Some(d) = dev.as_deref() {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            crate::error::say_no_device(d);
            return Ok(1);
        }
        req.header_mut()[4..8].copy_from_slice(&(idx as i32).to_ne_bytes());
    }
    if ctx.rtnl()?.talk(&mut req).is_err() {
        return Ok(2);
    }
    Ok(0)
}

/// do_show_or_flush()'s filter.
struct Filter {
    family: u8,
    index: u32,
    state: u32,
    unused_only: bool,
    pfx: InetPrefix,
    master: i32,
    protocol: u32,
    ndm_flags: u8,
    flush: bool,
}

impl Filter {
    fn new() -> Filter {
        Filter {
            family: 0,
            index: 0,
            state: !0,
            unused_only: false,
            pfx: InetPrefix::default(),
            master: 0,
            protocol: 0,
            ndm_flags: 0,
            flush: false,
        }
    }
}

fn dump_req(f: &Filter) -> Req {
    let mut req = Req::new(RTM_GETNEIGH, NLM_F_DUMP | NLM_F_REQUEST, &ndmsg(f.family, 0, 0, f.ndm_flags));
    if f.index != 0 {
        req.attr_u32(NDA_IFINDEX, f.index);
    }
    if f.master != 0 {
        req.attr_u32(NDA_MASTER, f.master as u32);
    }
    req
}

fn do_show_or_flush(ctx: &mut Ctx, mut a: Args, flush: bool) -> Res<i32> {
    let mut f = Filter::new();
    f.family = ctx.o.family;
    f.flush = flush;
    let mut filter_dev: Option<String> = None;
    let mut state_given = false;
    if flush {
        if !a.has_next() {
            crate::error::eprint_raw("Flush requires arguments.\n");
            return Ok(1);
        }
        f.state = !(NUD_PERMANENT | NUD_NOARP);
    } else {
        f.state = 0xff & !NUD_NOARP;
    }
    while a.has_next() {
        let w = a.cur().to_string();
        match SELECTORS.find(&w) {
            Some(Sel::Dev) => {
                a.next_arg()?;
                if filter_dev.is_some() {
                    return Err(crate::error::duparg("dev", a.cur()));
                }
                filter_dev = Some(a.cur().to_string());
            }
            Some(Sel::Master) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                let idx = ctx.ifindex(&v);
                if idx == 0 {
                    return Err(crate::error::invarg("Device does not exist\n", &v));
                }
                f.master = idx as i32;
            }
            Some(Sel::Vrf) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                let idx = ctx.ifindex(&v);
                if idx == 0 || !crate::linkinfo::list::name_is_vrf(ctx, &v) {
                    return Err(crate::error::invarg("Not a valid VRF name\n", &v));
                }
                f.master = idx as i32;
            }
            Some(Sel::Nomaster) => f.master = -1,
            Some(Sel::Unused) => f.unused_only = true,
            Some(Sel::Nud) => {
                a.next_arg()?;
                if !state_given {
                    state_given = true;
                    f.state = 0;
                }
                let mut s = match nud_state_a2n(a.cur()) {
                    Some(s) => s,
                    None => {
                        if a.cur() != "all" {
                            return Err(crate::error::invarg("nud state is bad", a.cur()));
                        }
                        let mut s = !0u32;
                        if flush {
                            s &= !NUD_NOARP;
                        }
                        s
                    }
                };
                if s == 0 {
                    s = 0x100;
                }
                f.state |= s;
            }
            Some(Sel::Proxy) => f.ndm_flags = NTF_PROXY,
            Some(Sel::Protocol) => {
                a.next_arg()?;
                f.protocol = match rt_names::rtprot_a2n(a.cur()) {
                    Some(p) => p,
                    None => {
                        if a.cur() != "all" {
                            return Err(crate::error::invarg("invalid \"protocol\"\n", a.cur()));
                        }
                        0
                    }
                };
            }
            _ => {
                if a.cur() == "to" {
                    a.next_arg()?;
                }
                if is_help(a.cur()) {
                    return Err(usage());
                }
                f.pfx = inet::get_prefix(a.cur(), f.family)?;
                if f.family == AF_UNSPEC {
                    f.family = f.pfx.family;
                }
            }
        }
        a.step();
    }
    ctx.init_map()?;
    if let Some(d) = filter_dev.as_deref() {
        f.index = ctx.ifindex(d);
        if f.index == 0 {
            crate::error::say_no_device(d);
            return Ok(1);
        }
    }
    if flush {
        return do_flush(ctx, f);
    }
    let mut req = dump_req(&f);
    let rtnl = ctx.rtnl()?;
    if let Err(e) = rtnl.dump_request(&mut req) {
        return Err(crate::error::cannot_send_dump(e));
    }
    ctx.p.new_json_obj();
    let mut logit = true;
    let ok = ctx.dump_stream(|s, m| print_neigh(s, &f, &m, &mut logit).map(|_| ()))?;
    if !ok {
        let _ = ctx.p.flush();
        return Err(crate::error::dump_terminated());
    }
    ctx.p.delete_json_obj();
    // print_neigh() flushes stdout after each entry: a batch's later
    // messages on stderr come after this listing.
    let _ = ctx.p.flush();
    Ok(0)
}

fn do_flush(ctx: &mut Ctx, mut f: Filter) -> Res<i32> {
    let stats = ctx.o.stats;
    let mut round = 0;
    while round < MAX_ROUNDS {
        let mut req = dump_req(&f);
        let rtnl = ctx.rtnl()?;
        let mut batch = crate::netlink::FlushBatch::new(rtnl.send_checker());
        if let Err(e) = rtnl.dump_request(&mut req) {
            let _ = ctx.p.flush();
            crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
            return Ok(1);
        }
        let mut flushed = 0usize;
        let mut send_err: Option<i32> = None;
        let mut logit = true;
        let res = ctx.dump_stream(|s, m| {
            if m.ty != RTM_NEWNEIGH && m.ty != RTM_DELNEIGH && m.ty != RTM_GETNEIGH {
                return print_neigh(s, &f, &m, &mut logit).map(|_| ());
            }
            if m.ty != RTM_NEWNEIGH {
                return Ok(());
            }
            if !selected(s, &f, &m, &mut logit)? {
                return Ok(());
            }
            if let Err(e) = batch.push(m.raw, RTM_DELNEIGH) {
                send_err = Some(e);
                return Err(Exit(-2));
            }
            flushed += 1;
            if s.o.stats < 2 {
                return Ok(());
            }
            print_body(s, &f, &m);
            Ok(())
        });
        match res {
            Ok(true) => {}
            Err(Exit(-2)) => {
                let _ = ctx.p.flush();
                crate::eprintf!(
                    "Failed to send flush request: {}\n",
                    crate::error::strerror(send_err.unwrap_or(libc::EIO))
                );
                crate::eprintf!("Flush terminated\n");
                return Ok(1);
            }
            Ok(false) | Err(Exit(-1)) => {
                let _ = ctx.p.flush();
                crate::eprintf!("Flush terminated\n");
                return Ok(1);
            }
            Err(e) => return Err(e),
        }
        if flushed == 0 {
            if stats > 0 {
                if round == 0 {
                    ctx.p.raw(b"Nothing to flush.\n");
                } else {
                    ctx.p.raw(crate::print::flush_complete(round).as_bytes());
                }
            }
            return Ok(0);
        }
        round += 1;
        if let Err(e) = batch.send_rest() {
            let _ = ctx.p.flush();
            crate::eprintf!("Failed to send flush request: {}\n", crate::error::strerror(e));
            return Ok(1);
        }
        if stats > 0 {
            ctx.p.raw(format!("\n*** Round {}, deleting {} entries ***\n", round, flushed).as_bytes());
            let _ = ctx.p.flush();
        }
        f.state &= !NUD_FAILED;
    }
    ctx.p.raw(format!("*** Flush not complete bailing out after {} rounds\n", MAX_ROUNDS).as_bytes());
    Ok(255)
}

/// The ndmsg header fields print_neigh() reads.
struct Ndm {
    family: u8,
    ifindex: i32,
    state: u16,
    flags: u8,
}

fn ndm(p: &[u8]) -> Ndm {
    Ndm {
        family: p[0],
        ifindex: i32::from_ne_bytes([p[4], p[5], p[6], p[7]]),
        state: u16::from_ne_bytes([p[8], p[9]]),
        flags: p[10],
    }
}

/// print_neigh()'s checks before printing (and before a flush takes the
/// entry): Ok(true) when the entry is selected.
fn selected(s: &mut Shown, f: &Filter, m: &Msg, logit: &mut bool) -> Res<bool> {
    if m.payload.len() < NDMSG_LEN {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - NDMSG_LEN as i64);
        return Err(Exit(-1));
    }
    if f.flush && m.ty != RTM_NEWNEIGH {
        return Ok(false);
    }
    let r = ndm(m.payload);
    if f.family != 0 && f.family != r.family {
        return Ok(false);
    }
    if f.index != 0 && f.index as i32 != r.ifindex {
        return Ok(false);
    }
    let st = r.state as u32;
    if (f.state & st) == 0
        && (r.flags & NTF_PROXY) == 0
        && (r.flags & NTF_EXT_LEARNED) == 0
        && (st != 0 || (f.state & 0x100) == 0)
    {
        return Ok(false);
    }
    if f.master != 0 && (m.flags & NLM_F_DUMP_FILTERED) == 0 && *logit {
        *logit = false;
        s.p.raw(b"\nWARNING: Kernel does not support filtering by master device\n\n");
    }
    let tb = Tb::parse(&m.payload[NDMSG_LEN..], NDA_MAX);
    if inet::inet_addr_match_rta(&f.pfx, tb.get(NDA_DST)) != 0 {
        return Ok(false);
    }
    let protocol = tb.u8(NDA_PROTOCOL).unwrap_or(0) as u32;
    if f.protocol != 0 && f.protocol != protocol {
        return Ok(false);
    }
    if f.unused_only {
        if let Some(ci) = tb.get(NDA_CACHEINFO) {
            if ci.len() >= 16 && get_u32(&ci[12..16]).unwrap_or(0) != 0 {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// print_neigh() of one `ip monitor` event, with the filter
/// ipneigh_reset_filter(ifindex) leaves (every state, only `ifindex` when
/// not 0): the same printer as the dump. Err(Exit(-1)) for a malformed one.
pub fn print_event(s: &mut Shown, ifindex: u32, m: &Msg) -> Res<bool> {
    let mut f = Filter::new();
    f.index = ifindex;
    let mut logit = true;
    print_neigh(s, &f, m, &mut logit)
}

/// print_neigh(): the type check, the filter, then the entry.
fn print_neigh(s: &mut Shown, f: &Filter, m: &Msg, logit: &mut bool) -> Res<bool> {
    if m.ty != RTM_NEWNEIGH && m.ty != RTM_DELNEIGH && m.ty != RTM_GETNEIGH {
        crate::eprintf!("Not RTM_NEWNEIGH: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return Ok(false);
    }
    if !selected(s, f, m, logit)? {
        return Ok(false);
    }
    print_body(s, f, m);
    Ok(true)
}

fn user_hz() -> u32 {
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if hz <= 0 {
        100
    } else {
        hz as u32
    }
}

fn dst_text(s: &Shown, r: &Ndm, d: &[u8]) -> (u8, String) {
    let mut family = r.family;
    if family == AF_BRIDGE {
        family = if d.len() == 16 { AF_INET6 } else { AF_INET };
    }
    (family, inet::format_host(family, d, s.o.resolve > 0))
}

fn print_body(s: &mut Shown, f: &Filter, m: &Msg) {
    let r = ndm(m.payload);
    let tb = Tb::parse(&m.payload[NDMSG_LEN..], NDA_MAX);
    let protocol = tb.u8(NDA_PROTOCOL).unwrap_or(0);
    let ext_flags = tb.u32(NDA_FLAGS_EXT).unwrap_or(0);
    s.p.open_object(None);
    if m.ty == RTM_DELNEIGH {
        s.p.bool(T::Any, "deleted", "Deleted ", true);
    } else if m.ty == RTM_GETNEIGH {
        s.p.null(T::Any, "miss", "{} ", "miss");
    }
    let lladdr = tb.get(NDA_LLADDR).map(|l| {
        let ltype = s.names.get(r.ifindex as u32).map(|e| e.ltype).unwrap_or(0);
        crate::inet::lladdr::ll_addr_n2a(l, ltype)
    });
    if s.o.brief > 0 {
        if let Some(d) = tb.get(NDA_DST) {
            let (fam, dst) = dst_text(s, &r, d);
            s.p.field(T::Any, Color::of_family(fam), Some("dst"), J::Str(&dst), format_args!("{:<39} ", dst));
        }
        if f.index == 0 && r.ifindex != 0 {
            let name = s.names.name(None, r.ifindex as u32);
            s.p.field(
                T::Any,
                Color::Ifname,
                Some("dev"),
                J::Str(&name),
                format_args!("{:<16} ", crate::print::fmt::C(&name)),
            );
        }
        if let Some(l) = lladdr.as_deref() {
            s.p.color_string(T::Any, Color::Mac, "lladdr", "{}", l);
        }
        s.p.fp("\n");
        s.p.close_object();
        return;
    }
    if let Some(d) = tb.get(NDA_DST) {
        let (fam, dst) = dst_text(s, &r, d);
        s.p.color_string(T::Any, Color::of_family(fam), "dst", "{} ", &dst);
    }
    if f.index == 0 && r.ifindex != 0 {
        s.p.fp("dev ");
        let name = s.names.name(None, r.ifindex as u32);
        s.p.color_string(T::Any, Color::Ifname, "dev", "{} ", &name);
    }
    if let Some(l) = lladdr.as_deref() {
        s.p.fp("lladdr ");
        s.p.color_string(T::Any, Color::Mac, "lladdr", "{} ", l);
    }
    if r.flags & NTF_ROUTER != 0 {
        s.p.null(T::Any, "router", "{} ", "router");
    }
    if r.flags & NTF_PROXY != 0 {
        s.p.null(T::Any, "proxy", "{} ", "proxy");
    }
    if ext_flags & NTF_EXT_MANAGED != 0 {
        s.p.null(T::Any, "managed", "{} ", "managed");
    }
    if r.flags & NTF_EXT_LEARNED != 0 {
        s.p.null(T::Any, "extern_learn", "{} ", "extern_learn");
    }
    if r.flags & NTF_OFFLOADED != 0 {
        s.p.null(T::Any, "offload", "{} ", "offload");
    }
    if s.o.stats > 0 {
        if let Some(ci) = tb.get(NDA_CACHEINFO) {
            let g = |i: usize| ci.get(i * 4..i * 4 + 4).and_then(get_u32).unwrap_or(0);
            let (confirmed, used, updated, refcnt) = (g(0), g(1), g(2), g(3));
            let hz = user_hz();
            if refcnt != 0 {
                s.p.uint(T::Any, "refcnt", " ref {}", refcnt as u64);
            }
            s.p.uint(T::Any, "used", " used {}", (used / hz) as u64);
            s.p.uint(T::Any, "confirmed", "/{}", (confirmed / hz) as u64);
            s.p.uint(T::Any, "updated", "/{}", (updated / hz) as u64);
        }
        if let Some(pr) = tb.u32(NDA_PROBES) {
            s.p.uint(T::Any, "probes", "probes {} ", pr as u64);
        }
    }
    if r.state != 0 {
        print_neigh_state(s, r.state as u32);
    }
    if protocol != 0 {
        let name = rt_names::rtprot_n2a(protocol as u32, s.o.numeric > 0);
        s.p.string(T::Any, "protocol", "proto {} ", name.as_str());
    }
    s.p.fp("\n");
    s.p.close_object();
}

fn print_neigh_state(s: &mut Shown, nud: u32) {
    if s.p.is_json() {
        s.p.open_array(T::Json, "state");
    }
    for (bit, name) in [
        (NUD_INCOMPLETE, "INCOMPLETE"),
        (NUD_REACHABLE, "REACHABLE"),
        (NUD_STALE, "STALE"),
        (NUD_DELAY, "DELAY"),
        (NUD_PROBE, "PROBE"),
        (NUD_FAILED, "FAILED"),
        (NUD_NOARP, "NOARP"),
        (NUD_PERMANENT, "PERMANENT"),
    ] {
        if nud & bit != 0 {
            s.p.string_nokey(T::Any, "{} ", name);
        }
    }
    s.p.close_array(T::Json, "");
}

fn ipneigh_get(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let pref = ctx.o.family;
    let mut d: Option<String> = None;
    let mut dst: Option<InetPrefix> = None;
    let mut dev_ok = false;
    let mut ndm_flags = 0u8;
    while a.has_next() {
        let w = a.cur().to_string();
        match GET.find(&w) {
            Some(Get::Dev) => {
                a.next_arg()?;
                d = Some(a.cur().to_string());
                dev_ok = true;
            }
            Some(Get::Proxy) => {
                a.next_arg()?;
                if is_help(a.cur()) {
                    return Err(usage());
                }
                if dst.is_some() {
                    return Err(crate::error::duparg("address", a.cur()));
                }
                dst = Some(inet::get_addr(a.cur(), pref)?);
                dev_ok = true;
                ndm_flags |= NTF_PROXY;
            }
            _ => {
                if a.cur() == "to" {
                    a.next_arg()?;
                }
                if is_help(a.cur()) {
                    return Err(usage());
                }
                if dst.is_some() {
                    return Err(crate::error::duparg2("to", a.cur()));
                }
                dst = Some(inet::get_addr(a.cur(), pref)?);
            }
        }
        a.step();
    }
    let dst = match dst {
        Some(x) if dev_ok && x.family != AF_UNSPEC => x,
        _ => {
            crate::error::eprint_raw("Device and address are required arguments.\n");
            return Ok(1);
        }
    };
    let mut req = Req::new(RTM_GETNEIGH, NLM_F_REQUEST, &ndmsg(dst.family, 0, 0, ndm_flags));
    req.attr(NDA_DST, dst.bytes());
    if let Some(dev) = d.as_deref() {
        let idx = ctx.ifindex(dev);
        if idx == 0 {
            crate::error::say_no_device(dev);
            return Ok(1);
        }
        req.header_mut()[4..8].copy_from_slice(&(idx as i32).to_ne_bytes());
    }
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(2) };
    let f = Filter::new();
    let mut logit = true;
    let mut out = Ok(true);
    let Ctx { o, p, names, .. } = ctx;
    let mut s = Shown { o, p, names };
    if let Some(m) = crate::netlink::attr::msgs(&ans).next() {
        out = print_neigh(&mut s, &f, &m, &mut logit);
    }
    let _ = s.p.flush();
    if out.is_err() {
        crate::error::eprint_raw("An error :-)\n");
        return Ok(1);
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_the_reference_order() {
        assert_eq!(COMMANDS.find("d"), Some(Cmd::Delete));
        assert_eq!(COMMANDS.find("s"), Some(Cmd::Show));
        assert_eq!(COMMANDS.find("l"), Some(Cmd::Show));
        assert_eq!(COMMANDS.find("c"), Some(Cmd::Change));
        assert_eq!(MODIFY.find("p"), Some(Mod::Proxy));
        assert_eq!(MODIFY.find("prot"), Some(Mod::Protocol));
        assert_eq!(MODIFY.find("d"), None);
        assert_eq!(nud_state_a2n("p"), Some(NUD_PERMANENT));
        assert_eq!(nud_state_a2n("0x10"), Some(NUD_PROBE));
        assert_eq!(nud_state_a2n("3"), None);
        assert_eq!(nud_state_a2n("all"), None);
    }
}
