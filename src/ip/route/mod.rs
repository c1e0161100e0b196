//! `ip route` (ip/iproute.c, 6.1.0): list/show, flush, save, restore,
//! showdump, get, and add/del/change/replace/append/prepend/test.
//!
//! Files: rtm.rs (the rtmsg header, attribute table, selectors and
//! filter_nlmsg), env.rs (what printing needs: printer, names and their
//! lookups, options, nexthop cache), print.rs (print_route), modify.rs
//! (iproute_modify), encap.rs (lwtunnel parsing: mpls, ip, ip6, ila, seg6,
//! seg6local, rpl, ioam6, xfrm; printing: mpls, ip, ip6, seg6, seg6local),
//! nh.rs (`nh_info` of nexthop objects). The modules import one way:
//! rtm <- env <- {encap, nh} <- print. Addresses are crate::inet's.
//! Not done: BPF programs (encap bpf, seg6local endpoint: rip says so and
//! exits 1), printing of ila/rpl/ioam6/xfrm encaps (this kernel refuses
//! them), geneve/vxlan/erspan options of encap ip/ip6.
//!
//! Dumps stream: each message is filtered and printed from the receive
//! buffer (print.rs), nothing is collected. Interface names missing from the
//! cache are asked for on a second socket, as iproute2 6.1 does (its
//! `ip route` makes no ll_init_map() link dump); after many misses one link
//! dump fills the name map instead (env.rs `Lookup`).

use crate::nh::encap;
mod env;
mod modify;
mod nh;
pub mod print;
mod rtm;

use std::io::Seek;

use self::env::Env;
use self::print::*;
use self::rtm::*;
use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{fail, Exit, Res};
use crate::inet::{self, get_prefix, read_family};
use crate::names::tables as rt_names;
use crate::netlink::attr::{msgs, Req};
use crate::netlink::consts::*;
use crate::print::Printer;

pub const USAGE: &str = "Usage: ip route { list | flush } SELECTOR
       ip route save SELECTOR
       ip route restore
       ip route showdump
       ip route get [ ROUTE_GET_FLAGS ] ADDRESS
                            [ from ADDRESS iif STRING ]
                            [ oif STRING ] [ tos TOS ]
                            [ mark NUMBER ] [ vrf NAME ]
                            [ uid NUMBER ] [ ipproto PROTOCOL ]
                            [ sport NUMBER ] [ dport NUMBER ]
       ip route { add | del | change | append | replace } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]
            [ type TYPE ] [ scope SCOPE ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
             [ table TABLE_ID ] [ proto RTPROTO ]
             [ scope SCOPE ] [ metric METRIC ]
             [ ttl-propagate { enabled | disabled } ]
INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]
      [ dev STRING ] [ weight NUMBER ] NHFLAGS
FAMILY := [ inet | inet6 | mpls | bridge | link ]
OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]
           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]
           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]
           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]
           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]
TYPE := { unicast | local | broadcast | multicast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := [ local | main | default | all | NUMBER ]
SCOPE := [ host | link | global | NUMBER ]
NHFLAGS := [ onlink | pervasive ]
RTPROTO := [ kernel | boot | static | NUMBER ]
PREF := [ low | medium | high ]
TIME := NUMBER[s|ms]
BOOL := [1|0]
FEATURES := ecn
ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]
ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]
SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]
SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]
SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]
ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |
            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |
            End.BM | End.S | End.AS | End.AM | End.BPF }
OPTIONS := OPTION [ OPTIONS ]
OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |
            table TABLEID | vrftable TABLEID | endpoint PROGNAME }
FLAVORS := { FLAVOR[,FLAVOR] }
FLAVOR := { psp | usp | usd | next-csid }
IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE
XFRMINFO := if_id IF_ID [ link_dev LINK ]
ROUTE_GET_FLAGS := [ fibmatch ]
";

/// usage(): stderr, exit(-1).
pub fn usage() -> Exit {
    fail(255, USAGE)
}

/// C's `return -N` from a command: the exit status N.
fn rc(n: i32) -> Res<i32> {
    Ok(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Add,
    Change,
    Replace,
    Prepend,
    Append,
    Test,
    Delete,
    List,
    Get,
    Flush,
    Save,
    Restore,
    Showdump,
    Help,
}

/// do_iproute()'s commands, in its test order.
pub static COMMANDS: Table<Cmd> = Table::new(
    "ip route",
    &[
        kw("add", Cmd::Add),
        kw("change", Cmd::Change),
        exact("chg", Cmd::Change),
        kw("replace", Cmd::Replace),
        kw("prepend", Cmd::Prepend),
        kw("append", Cmd::Append),
        kw("test", Cmd::Test),
        kw("delete", Cmd::Delete),
        kw("list", Cmd::List),
        kw("show", Cmd::List),
        kw("lst", Cmd::List),
        kw("get", Cmd::Get),
        kw("flush", Cmd::Flush),
        kw("save", Cmd::Save),
        kw("restore", Cmd::Restore),
        kw("showdump", Cmd::Showdump),
        kw("help", Cmd::Help),
    ],
);

/// The keyword tables of `ip route` (command table first).
pub static KEYWORDS: &[&dyn Words] = &[
    &COMMANDS,
    &SELECTORS,
    &PREFIX_SELECTORS,
    &TABLE_WORDS,
    &modify::ADD_OPTIONS,
    &modify::NEXTHOP_OPTIONS,
    &modify::ROUTE_TYPES,
    &modify::PREF_VALUES,
    &modify::TTL_PROPAGATE_VALUES,
    &modify::METRIC_WORDS,
    &modify::FEATURES,
    &GET_OPTIONS,
    &encap::TYPES,
    &encap::MPLS_OPTIONS,
    &encap::IP_OPTIONS,
    &encap::IP6_OPTIONS,
    &encap::SEG6_OPTIONS,
    &encap::SEG6_MODES,
    &encap::SEG6LOCAL_OPTIONS,
    &encap::FLAVORS,
    &encap::NEXT_CSID_OPTIONS,
    &encap::RPL_OPTIONS,
    &encap::IOAM6_OPTIONS,
    &encap::IOAM6_MODES,
    &encap::ILA_OPTIONS,
    &encap::ILA_CSUM_MODES,
    &encap::ILA_IDENT_TYPES,
    &encap::ILA_HOOK_TYPES,
    &encap::XFRM_OPTIONS,
];

pub fn do_iproute(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return list_flush_or_save(ctx, args, Action::List);
    };
    let c = cmd.as_str();
    match COMMANDS.find(c) {
        Some(Cmd::Add) => modify::modify(ctx, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Change) => modify::modify(ctx, RTM_NEWROUTE, NLM_F_REPLACE, args),
        Some(Cmd::Replace) => modify::modify(ctx, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, args),
        Some(Cmd::Prepend) => modify::modify(ctx, RTM_NEWROUTE, NLM_F_CREATE, args),
        Some(Cmd::Append) => modify::modify(ctx, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND, args),
        Some(Cmd::Test) => modify::modify(ctx, RTM_NEWROUTE, NLM_F_EXCL, args),
        Some(Cmd::Delete) => modify::modify(ctx, RTM_DELROUTE, 0, args),
        Some(Cmd::List) => list_flush_or_save(ctx, args, Action::List),
        Some(Cmd::Get) => get(ctx, args),
        Some(Cmd::Flush) => list_flush_or_save(ctx, args, Action::Flush),
        Some(Cmd::Save) => list_flush_or_save(ctx, args, Action::Save),
        Some(Cmd::Restore) => restore(ctx),
        Some(Cmd::Showdump) => showdump(ctx),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip route help\".\n", c))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Flush,
    Save,
}

/// Golden recordings hold the replies of the main socket only, so while
/// recording or replaying, names come from one link dump on that socket made
/// before the route dump (same output, different syscalls).
fn names_upfront(ctx: &Ctx) -> bool {
    ctx.is_replay() || (cfg!(debug_assertions) && std::env::var_os("RIP_NL_RECORD").is_some())
}

/// ll_init_map() on the main socket when names_upfront(); the Env's own
/// lookups are switched off then.
fn prepare_names(ctx: &mut Ctx) -> Res<bool> {
    if !names_upfront(ctx) {
        return Ok(false);
    }
    let mut names = std::mem::take(&mut ctx.names);
    let r = (|| {
        let rtnl = ctx.rtnl()?;
        let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
        req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        if rtnl.dump_request(&mut req).is_err() {
            return Ok(());
        }
        rtnl.dump(|m| {
            if m.ty == RTM_NEWLINK {
                names.remember(m.payload);
            }
            Ok(())
        })?;
        Ok(())
    })();
    ctx.names = names;
    r.map(|_| true)
}

/// Takes the printer and name cache out of `ctx` so a dump callback can use
/// them while the netlink handle is borrowed.
fn take_parts(ctx: &mut Ctx) -> (Printer, crate::names::LinkNames) {
    let mode = ctx.p.mode;
    let p = std::mem::replace(&mut ctx.p, Printer::new(Box::new(std::io::sink()), mode));
    let names = std::mem::take(&mut ctx.names);
    (p, names)
}

fn put_parts(ctx: &mut Ctx, p: Printer, names: crate::names::LinkNames) {
    ctx.p = p;
    ctx.names = names;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    Table,
    Vrf,
    Cloned,
    Tos,
    Protocol,
    Scope,
    Type,
    Dev,
    Iif,
    Mark,
    Metric,
    Via,
    Src,
    Realms,
    From,
    To,
}

/// The words `table` takes in show/flush/save besides a table name or id,
/// compared whole (strcmp) after the name lookup fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableWord {
    All,
    Cache,
    Help,
}

static TABLE_WORDS: Table<TableWord> = Table::new(
    "ip route show table",
    &[exact("all", TableWord::All), exact("cache", TableWord::Cache), exact("help", TableWord::Help)],
);

/// The SELECTOR words of list/flush/save, in iproute_list_flush_or_save()'s
/// test order; any other word is a destination prefix (after `to`).
pub static SELECTORS: Table<Sel> = Table::new(
    "ip route show",
    &[
        kw("table", Sel::Table),
        kw("vrf", Sel::Vrf),
        kw("cached", Sel::Cloned),
        kw("cloned", Sel::Cloned),
        exact("tos", Sel::Tos),
        kw("dsfield", Sel::Tos),
        kw("protocol", Sel::Protocol),
        kw("scope", Sel::Scope),
        kw("type", Sel::Type),
        exact("dev", Sel::Dev),
        exact("oif", Sel::Dev),
        exact("iif", Sel::Iif),
        exact("mark", Sel::Mark),
        kw("metric", Sel::Metric),
        kw("priority", Sel::Metric),
        exact("preference", Sel::Metric),
        exact("via", Sel::Via),
        exact("src", Sel::Src),
        kw("realms", Sel::Realms),
        kw("from", Sel::From),
        kw("to", Sel::To),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pfx {
    Root,
    Match,
    Exact,
}

/// How `from`/`to` compare a prefix (root: routes inside it, match: routes
/// containing it, exact: both; exact is the default).
pub static PREFIX_SELECTORS: Table<Pfx> =
    Table::new("ip route show to", &[kw("root", Pfx::Root), kw("match", Pfx::Match), kw("exact", Pfx::Exact)]);

/// Parses SELECTOR words into `f`; returns the dump family.
fn parse_selectors(ctx: &mut Ctx, mut a: Args, f: &mut Filter) -> Res<Result<u8, i32>> {
    let mut dump_family = ctx.o.family;
    let mut id: Option<String> = None;
    let mut od: Option<String> = None;
    let mut mark = 0u32;
    while a.remaining() > 0 {
        let sel = SELECTORS.find(a.cur());
        if sel == Some(Sel::Table) {
            a.next_arg()?;
            match rt_names::rttable_a2n(a.cur()) {
                Some(t) => f.tb = t,
                None => match TABLE_WORDS.find(a.cur()) {
                    Some(TableWord::All) => f.tb = 0,
                    Some(TableWord::Cache) => f.cloned = 1,
                    Some(TableWord::Help) => return Err(usage()),
                    None => return Err(invarg("table id value is invalid\n", a.cur())),
                },
            }
        } else if sel == Some(Sel::Vrf) {
            a.next_arg()?;
            let t = vrf_table(ctx, a.cur());
            if t == 0 {
                return Err(invarg("Invalid VRF\n", a.cur()));
            }
            f.tb = t;
            f.typemask = !((1u64 << RTN_LOCAL) | (1u64 << RTN_BROADCAST));
        } else if sel == Some(Sel::Cloned) {
            f.cloned = 1;
        } else if sel == Some(Sel::Tos) {
            a.next_arg()?;
            let Some(t) = rt_names::dsfield_a2n(a.cur()) else {
                return Err(invarg("TOS value is invalid\n", a.cur()));
            };
            f.tos = t;
            f.tosmask = u32::MAX;
        } else if sel == Some(Sel::Protocol) {
            a.next_arg()?;
            f.protocolmask = u32::MAX;
            let prot = match rt_names::rtprot_a2n(a.cur()) {
                Some(p) => p,
                None => {
                    if a.cur() != "all" {
                        return Err(invarg("invalid \"protocol\"\n", a.cur()));
                    }
                    f.protocolmask = 0;
                    0
                }
            };
            f.protocol = prot;
        } else if sel == Some(Sel::Scope) {
            a.next_arg()?;
            f.scopemask = u32::MAX;
            let scope = match rt_names::rtscope_a2n(a.cur()) {
                Some(s) => s,
                None => {
                    if a.cur() != "all" {
                        return Err(invarg("invalid \"scope\"\n", a.cur()));
                    }
                    f.scopemask = 0;
                    255
                }
            };
            f.scope = scope;
        } else if sel == Some(Sel::Type) {
            a.next_arg()?;
            let Some(t) = rt_names::rtntype_a2n(a.cur()) else {
                return Err(invarg("node type value is invalid\n", a.cur()));
            };
            f.typemask = 1u64 << (t & 63);
        } else if sel == Some(Sel::Dev) {
            a.next_arg()?;
            od = Some(a.cur().to_string());
        } else if sel == Some(Sel::Iif) {
            a.next_arg()?;
            id = Some(a.cur().to_string());
        } else if sel == Some(Sel::Mark) {
            a.next_arg()?;
            match crate::args::num::get_unsigned(a.cur(), 0) {
                Some(m) => mark = m,
                None => return Err(invarg("invalid mark value", a.cur())),
            }
            f.markmask = u32::MAX;
        } else if sel == Some(Sel::Metric) {
            a.next_arg()?;
            let Some(m) = crate::args::num::get_u32(a.cur(), 0) else {
                return Err(invarg("\"metric\" value is invalid\n", a.cur()));
            };
            f.metric = m;
            f.metricmask = u32::MAX;
        } else if sel == Some(Sel::Via) {
            a.next_arg()?;
            let mut fam = read_family(a.cur());
            if fam == AF_UNSPEC {
                fam = dump_family;
            } else {
                a.next_arg()?;
            }
            f.rvia = get_prefix(a.cur(), fam)?;
        } else if sel == Some(Sel::Src) {
            a.next_arg()?;
            f.rprefsrc = get_prefix(a.cur(), dump_family)?;
        } else if sel == Some(Sel::Realms) {
            a.next_arg()?;
            let arg = a.cur();
            let Some(realm) = rt_names::rt_realms_or_raw(arg) else {
                return Err(invarg("invalid realms\n", arg));
            };
            f.realm = realm;
            f.realmmask = u32::MAX;
            if realm & 0xffff == 0 && arg.ends_with('/') {
                f.realmmask &= !0xffff;
            }
            if realm & 0xffff_0000 == 0 && (!arg.contains('/') || arg.starts_with('/')) {
                f.realmmask &= !0xffff_0000;
            }
        } else if sel == Some(Sel::From) {
            a.next_arg()?;
            let how = PREFIX_SELECTORS.find(a.cur());
            if how.is_some() {
                a.next_arg()?;
            }
            let p = get_prefix(a.cur(), dump_family)?;
            match how {
                Some(Pfx::Root) => f.rsrc = p,
                Some(Pfx::Match) => f.msrc = p,
                Some(Pfx::Exact) | None => {
                    f.msrc = p;
                    f.rsrc = p;
                }
            }
        } else {
            if sel == Some(Sel::To) {
                a.next_arg()?;
            }
            let how = PREFIX_SELECTORS.find(a.cur());
            if how.is_some() {
                a.next_arg()?;
            }
            let p = get_prefix(a.cur(), dump_family)?;
            match how {
                Some(Pfx::Root) => f.rdst = p,
                Some(Pfx::Match) => f.mdst = p,
                Some(Pfx::Exact) | None => {
                    f.mdst = p;
                    f.rdst = p;
                }
            }
        }
        a.step();
    }
    if dump_family == AF_UNSPEC && f.tb != 0 {
        dump_family = AF_INET;
    }
    if let Some(d) = id.as_deref() {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            crate::error::say_no_device(d);
            return Ok(Err(1));
        }
        f.iif = idx;
        f.iifmask = u32::MAX;
    }
    if let Some(d) = od.as_deref() {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            crate::error::say_no_device(d);
            return Ok(Err(1));
        }
        f.oif = idx;
        f.oifmask = u32::MAX;
    }
    f.mark = mark;
    Ok(Ok(dump_family))
}

/// ipvrf_get_table(): the table of vrf device NAME; a missing "default"
/// means the main table; 0 for anything else.
pub(crate) fn vrf_table(ctx: &mut Ctx, name: &str) -> u32 {
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(ctx.o.family, 0, 0, 0));
    req.attr_str(IFLA_IFNAME, name);
    let Ok(rtnl) = ctx.rtnl() else { return 0 };
    match rtnl.talk_answer_quiet(&mut req) {
        Err(e) => {
            if e.0 == libc::ENODEV && name == "default" {
                return rt_names::rttable_a2n("main").unwrap_or(0);
            }
            0
        }
        Ok(ans) => {
            let Some(m) = msgs(&ans).next() else { return 0 };
            let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else { return 0 };
            let tb = crate::netlink::attr::Tb::parse(attrs, IFLA_MAX);
            let Some(li) = tb.nested(IFLA_LINKINFO, 8) else { return 0 };
            if li.str(1).as_deref() != Some("vrf") {
                return 0;
            }
            li.nested(2, 4).and_then(|d| d.u32(1)).unwrap_or(0)
        }
    }
}

/// rtnl_routedump_req() with iproute_dump_filter().
fn dump_req(f: &Filter, family: u8) -> Req {
    let rtm = Rtm {
        family,
        protocol: f.protocol as u8,
        flags: if f.cloned != 0 { RTM_F_CLONED } else { 0 },
        ..Default::default()
    };
    let mut req = Req::new(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, &rtm.bytes());
    if f.tb != 0 {
        req.attr_u32(RTA_TABLE, f.tb);
    }
    if f.oif != 0 {
        req.attr_u32(RTA_OIF, f.oif);
    }
    req
}

fn list_flush_or_save(ctx: &mut Ctx, words: Args, action: Action) -> Res<i32> {
    if action == Action::Save {
        if crate::sys::stdout_is_tty() {
            crate::eprintf!("Not sending a binary stream to stdout\n");
            return rc(1);
        }
        ctx.p.bin(&0x4531_1224u32.to_ne_bytes());
    }
    let mut f = Filter { tb: RT_TABLE_MAIN, ..Default::default() };
    if action == Action::Flush && words.is_empty() {
        crate::eprintf!("\"ip route flush\" requires arguments.\n");
        return rc(1);
    }
    let family = match parse_selectors(ctx, words, &mut f)? {
        Ok(fam) => fam,
        Err(code) => return rc(code),
    };
    if action == Action::Flush {
        return flush(ctx, family, f);
    }
    let upfront = prepare_names(ctx)?;
    let pref_family = ctx.o.family;
    let o = ctx.o.clone();
    let mut req = dump_req(&f, family);
    {
        let rtnl = ctx.rtnl()?;
        if let Err(e) = rtnl.dump_request(&mut req) {
            crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
            return rc(2);
        }
    }
    if action == Action::List {
        ctx.p.new_json_obj();
    }
    let mut ip6_multiple = ctx.sticky.ip6_multiple_tables;
    let (mut p, mut names) = take_parts(ctx);
    let suppress = if f.tb == RT_TABLE_MAIN { Some(libc::ENOENT) } else { None };
    let res = {
        let mut env = Env::new(&mut p, &mut names, &f, &o);
        env.lookup.off = upfront;
        let rtnl = ctx.rtnl();
        match rtnl {
            Ok(rtnl) => rtnl.dump_opts(suppress, |m| {
                if m.ty != RTM_NEWROUTE && m.ty != RTM_DELROUTE {
                    crate::eprintf!("Not a route: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
                    return Err(Exit(-1));
                }
                let Some(r) = Rtm::parse(m.payload) else {
                    crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - RTMSG_LEN as i64);
                    return Err(Exit(-1));
                };
                let tb = RtTb::parse(m.payload.get(RTMSG_LEN..).unwrap_or(&[]));
                if !filter_nlmsg(env.f, &mut ip6_multiple, pref_family, &r, &tb, inet::af_bit_len(r.family)) {
                    return Ok(());
                }
                if action == Action::Save {
                    env.p.bin(m.raw);
                } else {
                    print_route(&mut env, m.ty, &r, &tb);
                }
                Ok(())
            }),
            Err(e) => Err(e),
        }
    };
    put_parts(ctx, p, names);
    ctx.sticky.ip6_multiple_tables = ip6_multiple;
    match res {
        Ok(true) => {}
        Ok(false) | Err(Exit(-1)) => {
            let _ = ctx.p.flush();
            crate::eprintf!("Dump terminated\n");
            return rc(2);
        }
        Err(e) => return Err(e),
    }
    if action == Action::List {
        ctx.p.delete_json_obj();
    }
    let _ = ctx.p.flush();
    rc(0)
}

/// iproute_flush_cache()
fn flush_cache() -> i32 {
    const PATH: &str = "/proc/sys/net/ipv4/route/flush";
    use std::io::Write;
    match std::fs::OpenOptions::new().write(true).open(PATH) {
        Ok(mut fd) => {
            if fd.write(b"-1").map(|n| n < 2).unwrap_or(true) {
                crate::eprintf!("Cannot flush routing cache\n");
                return -1;
            }
            0
        }
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(libc::EIO);
            crate::eprintf!("Cannot open \"{}\": {}\n", PATH, crate::error::strerror(errno));
            -1
        }
    }
}

/// iproute_flush(): dump, queue a delete per matching route (sent in
/// batches of iproute2's buffer size), repeat until a dump finds nothing.
fn flush(ctx: &mut Ctx, family: u8, mut f: Filter) -> Res<i32> {
    let start = now();
    let stats = ctx.o.stats;
    if f.cloned != 0 {
        if family != AF_INET6 {
            let _ = flush_cache();
            if stats > 0 {
                ctx.p.fp("*** IPv4 routing cache is flushed.\n");
            }
        }
        if family == AF_INET {
            return rc(0);
        }
    }
    f.flushing = true;
    let upfront = prepare_names(ctx)?;
    let pref_family = ctx.o.family;
    let o = ctx.o.clone();
    // A recording has no kernel to delete from: nothing to flush.
    if ctx.rtnl()?.is_replay() {
        return rc(0);
    }
    let mut round = 0;
    loop {
        let mut req = dump_req(&f, family);
        if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
            crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
            return rc(2);
        }
        let mut flushed = 0usize;
        let mut send_err: Option<i32> = None;
        let mut ip6_multiple = ctx.sticky.ip6_multiple_tables;
        let mut batch = crate::netlink::FlushBatch::new(ctx.rtnl()?.send_checker());
        let (mut p, mut names) = take_parts(ctx);
        let res = {
            let mut env = Env::new(&mut p, &mut names, &f, &o);
            env.lookup.off = upfront;
            match ctx.rtnl() {
                Ok(rtnl) => rtnl.dump(|m| {
                    if m.ty != RTM_NEWROUTE && m.ty != RTM_DELROUTE {
                        crate::eprintf!("Not a route: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
                        return Err(Exit(-1));
                    }
                    if m.ty != RTM_NEWROUTE {
                        return Ok(());
                    }
                    let Some(r) = Rtm::parse(m.payload) else {
                        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - RTMSG_LEN as i64);
                        return Err(Exit(-1));
                    };
                    let tb = RtTb::parse(m.payload.get(RTMSG_LEN..).unwrap_or(&[]));
                    if !filter_nlmsg(env.f, &mut ip6_multiple, pref_family, &r, &tb, inet::af_bit_len(r.family)) {
                        return Ok(());
                    }
                    if let Err(e) = batch.push(m.raw, RTM_DELROUTE) {
                        send_err = Some(e);
                        return Err(Exit(-2));
                    }
                    flushed += 1;
                    if stats < 2 {
                        return Ok(());
                    }
                    print_route(&mut env, m.ty, &r, &tb);
                    Ok(())
                }),
                Err(e) => Err(e),
            }
        };
        put_parts(ctx, p, names);
        ctx.sticky.ip6_multiple_tables = ip6_multiple;
        match res {
            Ok(true) => {}
            Err(Exit(-2)) => {
                let _ = ctx.p.flush();
                crate::eprintf!(
                    "Failed to send flush request: {}\n",
                    crate::error::strerror(send_err.unwrap_or(libc::EIO))
                );
                crate::eprintf!("Flush terminated\n");
                return rc(2);
            }
            Ok(false) | Err(Exit(-1)) => {
                let _ = ctx.p.flush();
                crate::eprintf!("Flush terminated\n");
                return rc(2);
            }
            Err(e) => return Err(e),
        }
        if flushed == 0 {
            if stats > 0 {
                if round == 0 && (f.cloned == 0 || family == AF_INET6) {
                    ctx.p.fp("Nothing to flush.\n");
                } else {
                    ctx.p.fp(&crate::print::flush_complete(round));
                }
            }
            let _ = ctx.p.flush();
            return rc(0);
        }
        round += 1;
        if let Err(e) = batch.send_rest() {
            let _ = ctx.p.flush();
            crate::eprintf!("Failed to send flush request: {}\n", crate::error::strerror(e));
            return rc(2);
        }
        if now() - start > 30 {
            ctx.p.fpf(format_args!(
                "\n*** Flush not completed after {} seconds, {} entries remain ***\n",
                now() - start,
                flushed
            ));
            return rc(1);
        }
        if stats > 0 {
            ctx.p.fpf(format_args!("\n*** Round {}, deleting {} entries ***\n", round, flushed));
            let _ = ctx.p.flush();
        }
    }
}

fn now() -> i64 {
    crate::sys::unix_time()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Get {
    Tos,
    From,
    Iif,
    Mark,
    Oif,
    Notify,
    Connected,
    Vrf,
    Uid,
    Fibmatch,
    As,
    Sport,
    Dport,
    Ipproto,
    To,
    Help,
}

/// iproute_get()'s words, in its test order; any other word is the
/// destination (after an optional `to`).
pub static GET_OPTIONS: Table<Get> = Table::new(
    "ip route get",
    &[
        exact("tos", Get::Tos),
        kw("dsfield", Get::Tos),
        kw("from", Get::From),
        kw("iif", Get::Iif),
        kw("mark", Get::Mark),
        kw("oif", Get::Oif),
        exact("dev", Get::Oif),
        kw("notify", Get::Notify),
        kw("connected", Get::Connected),
        kw("vrf", Get::Vrf),
        kw("uid", Get::Uid),
        kw("fibmatch", Get::Fibmatch),
        exact("as", Get::As),
        kw("sport", Get::Sport),
        kw("dport", Get::Dport),
        kw("ipproto", Get::Ipproto),
        exact("to", Get::To),
        kw("help", Get::Help),
    ],
);

/// iproute_get()
fn get(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut rtm = Rtm { family: ctx.o.family, ..Default::default() };
    let mut attrs: Vec<(u16, Vec<u8>)> = Vec::new();
    let mut idev: Option<String> = None;
    let mut odev: Option<String> = None;
    let mut connected = false;
    let mut fib_match = false;
    let mut from_ok = false;
    let mut mark = 0u32;
    let mut address_found = false;
    while a.remaining() > 0 {
        let opt = GET_OPTIONS.find(a.cur());
        if opt == Some(Get::Tos) {
            a.next_arg()?;
            let Some(t) = rt_names::dsfield_a2n(a.cur()) else {
                return Err(invarg("TOS value is invalid\n", a.cur()));
            };
            rtm.tos = t as u8;
        } else if opt == Some(Get::From) {
            a.next_arg()?;
            if GET_OPTIONS.find(a.cur()) == Some(Get::Help) {
                return Err(usage());
            }
            from_ok = true;
            let p = get_prefix(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = p.family;
            }
            if p.bytelen != 0 {
                attrs.push((RTA_SRC, p.bytes().to_vec()));
            }
            rtm.src_len = p.bitlen as u8;
        } else if opt == Some(Get::Iif) {
            a.next_arg()?;
            idev = Some(a.cur().to_string());
        } else if opt == Some(Get::Mark) {
            a.next_arg()?;
            match crate::args::num::get_unsigned(a.cur(), 0) {
                Some(m) => mark = m,
                None => return Err(invarg("invalid mark value", a.cur())),
            }
        } else if opt == Some(Get::Oif) {
            a.next_arg()?;
            odev = Some(a.cur().to_string());
        } else if opt == Some(Get::Notify) {
            rtm.flags |= RTM_F_NOTIFY;
        } else if opt == Some(Get::Connected) {
            connected = true;
        } else if opt == Some(Get::Vrf) {
            a.next_arg()?;
            let _ = ctx.ifindex(a.cur());
            return Err(invarg("Invalid VRF\n", a.cur()));
        } else if opt == Some(Get::Uid) {
            a.next_arg()?;
            let Some(u) = crate::args::num::get_unsigned(a.cur(), 0) else {
                return Err(invarg("invalid UID\n", a.cur()));
            };
            attrs.push((RTA_UID, u.to_ne_bytes().to_vec()));
        } else if opt == Some(Get::Fibmatch) {
            fib_match = true;
        } else if opt == Some(Get::As) {
            a.next_arg()?;
            if a.cur() == "to" {
                a.next_arg()?;
            }
            let p = inet::get_addr(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = p.family;
            }
            attrs.push((RTA_NEWDST, p.bytes().to_vec()));
        } else if opt == Some(Get::Sport) || opt == Some(Get::Dport) {
            let is_s = opt == Some(Get::Sport);
            a.next_arg()?;
            let Some(v) = crate::args::num::get_u16(a.cur(), 0) else {
                return Err(invarg(if is_s { "invalid sport\n" } else { "invalid dport\n" }, a.cur()));
            };
            attrs.push((if is_s { RTA_SPORT } else { RTA_DPORT }, v.to_be_bytes().to_vec()));
        } else if opt == Some(Get::Ipproto) {
            a.next_arg()?;
            let Some(pr) = rt_names::inet_proto_a2n(a.cur()) else {
                return Err(invarg("Invalid \"ipproto\" value\n", a.cur()));
            };
            attrs.push((RTA_IP_PROTO, vec![pr]));
        } else {
            if opt == Some(Get::To) {
                a.next_arg()?;
            }
            if GET_OPTIONS.find(a.cur()) == Some(Get::Help) {
                return Err(usage());
            }
            let p = get_prefix(a.cur(), rtm.family)?;
            if rtm.family == AF_UNSPEC {
                rtm.family = p.family;
            }
            if p.bytelen != 0 {
                attrs.push((RTA_DST, p.bytes().to_vec()));
            }
            if rtm.family == AF_INET && p.bitlen != 32 {
                crate::eprintf!(
                    "Warning: /{} as prefix is invalid, only /32 (or none) is supported.\n",
                    p.bitlen as u32
                );
                rtm.dst_len = 32;
            } else if rtm.family == AF_INET6 && p.bitlen != 128 {
                crate::eprintf!(
                    "Warning: /{} as prefix is invalid, only /128 (or none) is supported.\n",
                    p.bitlen as u32
                );
                rtm.dst_len = 128;
            } else {
                rtm.dst_len = p.bitlen as u8;
            }
            address_found = true;
        }
        a.step();
    }
    if !address_found {
        crate::eprintf!("need at least a destination address\n");
        return rc(1);
    }
    if let Some(d) = idev.as_deref() {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            crate::error::say_no_device(d);
            return rc(1);
        }
        attrs.push((RTA_IIF, idx.to_ne_bytes().to_vec()));
    }
    if let Some(d) = odev.as_deref() {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            crate::error::say_no_device(d);
            return rc(1);
        }
        attrs.push((RTA_OIF, idx.to_ne_bytes().to_vec()));
    }
    if mark != 0 {
        attrs.push((RTA_MARK, mark.to_ne_bytes().to_vec()));
    }
    if rtm.family == AF_UNSPEC {
        rtm.family = AF_INET;
    }
    if rtm.family == AF_INET {
        rtm.flags |= RTM_F_LOOKUP_TABLE;
    }
    if fib_match {
        rtm.flags |= RTM_F_FIB_MATCH;
    }
    let build = || {
        let mut req = Req::new(RTM_GETROUTE, NLM_F_REQUEST, &rtm.bytes());
        for (t, d) in &attrs {
            req.attr(*t, d);
        }
        req
    };
    let mut req = build();
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return rc(2) };
    prepare_names(ctx)?;
    ctx.p.new_json_obj();
    let f = Filter { cloned: 2, ..Default::default() };
    if connected && !from_ok {
        if print_answer(ctx, &f, &ans) < 0 {
            crate::eprintf!("An error :-)\n");
            return rc(1);
        }
        let ok = msgs(&ans).next().map(|m| {
            let tb = RtTb::parse(m.payload.get(RTMSG_LEN..).unwrap_or(&[]));
            m.ty == RTM_NEWROUTE && (tb.get(RTA_PREFSRC).is_some() || tb.get(RTA_SRC).is_some())
        });
        if ok != Some(true) {
            let _ = ctx.p.flush();
            if msgs(&ans).next().map(|m| m.ty) != Some(RTM_NEWROUTE) {
                crate::eprintf!("Not a route?\n");
            } else {
                crate::eprintf!("Failed to connect the route\n");
            }
            return rc(1);
        }
        ctx.p.delete_json_obj();
        let mut req = build();
        let Ok(ans2) = ctx.rtnl()?.talk_answer(&mut req) else { return rc(2) };
        if print_answer(ctx, &f, &ans2) < 0 {
            crate::eprintf!("An error :-)\n");
            return rc(1);
        }
        ctx.p.delete_json_obj();
        return rc(0);
    }
    if print_answer(ctx, &f, &ans) < 0 {
        crate::eprintf!("An error :-)\n");
        return rc(1);
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    rc(0)
}

/// print_route() of one `ip monitor` event (`raw`: the whole message),
/// with the filter iproute_reset_filter(ifindex) leaves: every table, and
/// only routes out of `ifindex` when it is not 0. The dump and the monitor
/// print through the same print_route().
/// `nh` is the monitor's nexthop cache, kept from the nexthop events (the
/// `nh_info` of `-d`).
pub fn print_event(ctx: &mut Ctx, ifindex: u32, raw: &[u8], nh: &mut crate::nh::NhCache) -> i32 {
    let f = Filter { oif: ifindex, oifmask: if ifindex > 0 { u32::MAX } else { 0 }, ..Filter::default() };
    print_answer_nh(ctx, &f, raw, Some(nh))
}

/// print_route() on a single reply.
pub(crate) fn print_answer(ctx: &mut Ctx, f: &Filter, ans: &[u8]) -> i32 {
    print_answer_nh(ctx, f, ans, None)
}

fn print_answer_nh(ctx: &mut Ctx, f: &Filter, ans: &[u8], nh: Option<&mut crate::nh::NhCache>) -> i32 {
    let Some(m) = msgs(ans).next() else { return -1 };
    if m.ty != RTM_NEWROUTE && m.ty != RTM_DELROUTE {
        crate::eprintf!("Not a route: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return -1;
    }
    let Some(r) = Rtm::parse(m.payload) else { return -1 };
    let tb = RtTb::parse(m.payload.get(RTMSG_LEN..).unwrap_or(&[]));
    if !filter_nlmsg(f, &mut ctx.sticky.ip6_multiple_tables, ctx.o.family, &r, &tb, inet::af_bit_len(r.family)) {
        return 0;
    }
    let o = ctx.o.clone();
    let off = names_upfront(ctx);
    let mut env = Env::new(&mut ctx.p, &mut ctx.names, f, &o);
    env.lookup.off = off;
    match nh {
        Some(nh) => {
            env.nh = std::mem::take(nh);
            print_route(&mut env, m.ty, &r, &tb);
            *nh = std::mem::take(&mut env.nh);
        }
        None => print_route(&mut env, m.ty, &r, &tb),
    }
    0
}

/// iproute_restore(): three passes (local addresses, local networks, the rest).
fn restore(ctx: &mut Ctx) -> Res<i32> {
    let mut f = match crate::netlink::dumpfile::check_magic(0x4531_1224, "route") {
        Ok(f) => f,
        Err(c) => return rc(c),
    };
    let pos = match f.stream_position() {
        Ok(p) => p,
        Err(e) => {
            std::mem::forget(f);
            crate::eprintf!(
                "Failed to restore: ftell: {}\n",
                crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO))
            );
            return rc(1);
        }
    };
    let mut result = 0;
    for prio in 0..3 {
        let r = crate::netlink::dumpfile::from_file(&mut f, |msg| {
            let tb = RtTb::parse(msg.get(16 + RTMSG_LEN..).unwrap_or(&[]));
            let gw = tb.get(RTA_GATEWAY).is_some();
            let ps = tb.get(RTA_PREFSRC);
            let same = |a: Option<&[u8]>, b: Option<&[u8]>| matches!((a, b), (Some(x), Some(y)) if x == y);
            let go = match prio {
                0 => !gw && (ps.is_none() || same(ps, tb.get(RTA_DST))),
                1 => !gw && ps.is_some() && !same(ps, tb.get(RTA_DST)),
                _ => gw,
            };
            if !go {
                return Ok(());
            }
            let flags = u16::from_ne_bytes([msg[6], msg[7]]) | NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
            msg[6..8].copy_from_slice(&flags.to_ne_bytes());
            let mut req = Req::from_raw(msg.to_vec());
            let rtnl = ctx.rtnl().map_err(|e| e.0)?;
            match rtnl.talk(&mut req) {
                Ok(()) => Ok(()),
                Err(e) if e.0 == libc::EEXIST => Ok(()),
                Err(_) => Err(2),
            }
        });
        // Any failure of rtnl_from_file() (a malformed stream or a kernel
        // error) is iproute_restore()'s -2.
        if r.is_err() {
            result = 2;
            break;
        }
        if let Err(e) = f.seek(std::io::SeekFrom::Start(pos)) {
            crate::eprintf!(
                "Failed to restore: fseek: {}\n",
                crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO))
            );
            result = 1;
            break;
        }
    }
    std::mem::forget(f);
    rc(result)
}

/// iproute_showdump(): prints a saved dump (text; -j has no effect here).
fn showdump(ctx: &mut Ctx) -> Res<i32> {
    let mut f = match crate::netlink::dumpfile::check_magic(0x4531_1224, "route") {
        Ok(f) => f,
        Err(c) => return rc(c),
    };
    let filt = Filter::default();
    let upfront = prepare_names(ctx)?;
    let r = crate::netlink::dumpfile::from_file(&mut f, |msg| {
        let Some(r) = Rtm::parse(msg.get(16..).unwrap_or(&[])) else { return Ok(()) };
        let ty = u16::from_ne_bytes([msg[4], msg[5]]);
        if ty != RTM_NEWROUTE && ty != RTM_DELROUTE {
            crate::eprintf!("Not a route: {:08x} {:08x} {:08x}\n", msg.len(), ty, u16::from_ne_bytes([msg[6], msg[7]]));
            return Ok(());
        }
        let tb = RtTb::parse(msg.get(16 + RTMSG_LEN..).unwrap_or(&[]));
        if !filter_nlmsg(&filt, &mut ctx.sticky.ip6_multiple_tables, ctx.o.family, &r, &tb, inet::af_bit_len(r.family))
        {
            return Ok(());
        }
        let o = ctx.o.clone();
        let mut env = Env::new(&mut ctx.p, &mut ctx.names, &filt, &o);
        env.lookup.off = upfront;
        print_route(&mut env, ty, &r, &tb);
        Ok(())
    });
    std::mem::forget(f);
    match r {
        Ok(()) => rc(0),
        Err(_) => rc(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_the_reference_order() {
        // matches() order of do_iproute(): "s" is show, "sa" save, "c" change.
        assert_eq!(COMMANDS.find("s"), Some(Cmd::List));
        assert_eq!(COMMANDS.find("sa"), Some(Cmd::Save));
        assert_eq!(COMMANDS.find("c"), Some(Cmd::Change));
        assert_eq!(COMMANDS.find("chg"), Some(Cmd::Change));
        assert_eq!(COMMANDS.find("r"), Some(Cmd::Replace));
        // Selectors: "t" is table, "to" the prefix, "m" metric, "ma" nothing.
        assert_eq!(SELECTORS.find("t"), Some(Sel::Table));
        assert_eq!(SELECTORS.find("to"), Some(Sel::To));
        assert_eq!(SELECTORS.find("m"), Some(Sel::Metric));
        assert_eq!(SELECTORS.find("ma"), None);
        assert_eq!(SELECTORS.find("pref"), None);
        assert_eq!(PREFIX_SELECTORS.find("ma"), Some(Pfx::Match));
        // get: "d" is dsfield, "de" nothing (dev is strcmp), "h" help.
        assert_eq!(GET_OPTIONS.find("d"), Some(Get::Tos));
        assert_eq!(GET_OPTIONS.find("de"), None);
        assert_eq!(GET_OPTIONS.find("h"), Some(Get::Help));
        assert_eq!(modify::ADD_OPTIONS.find("p"), Some(modify::Add::Metric));
        assert_eq!(modify::ADD_OPTIONS.find("pre"), Some(modify::Add::Pref));
        assert_eq!(modify::ADD_OPTIONS.find("hop"), None);
    }
}
