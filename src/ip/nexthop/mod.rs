//! `ip nexthop` (ip/ipnexthop.c, 6.1.0): add/replace/del of nexthop
//! objects (gateways, blackholes, groups, resilient groups, fdb nexthops,
//! encapsulations), list/show/flush with their selectors, get, and the
//! resilient groups' buckets (`bucket list|get`).
//!
//! The entry printer is shared with `ip route` (crate::nh::entry);
//! [`print_msg`] and [`print_bucket`] print one message each, for the
//! dumps here and for `ip monitor`.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::num::{get_u16, get_unsigned};
use crate::args::Args;
use crate::ctx::{Ctx, Opts};
use crate::error::{fail, invarg, Exit, Res};
use crate::names::tables as rt_names;
use crate::names::LinkNames;
use crate::netlink::attr::{get_u16 as attr_u16, get_u32 as attr_u32, get_u64 as attr_u64, msgs, Req};
use crate::netlink::consts::*;
use crate::nh::entry::{self, table, NHA_ID, NHA_MAX, NHA_RES_BUCKET};
use crate::print::{Printer, T};

pub const USAGE: &str = "Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]
            [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ]
        [ encap ENCAPTYPE ENCAPHDR ] |
        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]
                  [ unbalanced_timer UNBALANCED ]
ENCAPTYPE := [ mpls ]
ENCAPHDR := [ MPLSLABEL ]
";

/// usage(): stderr, exit(-1).
pub fn usage() -> Exit {
    fail(255, USAGE)
}

pub const RTM_NEWNEXTHOP: u16 = 104;
pub const RTM_DELNEXTHOP: u16 = 105;
const RTM_GETNEXTHOP: u16 = 106;
pub const RTM_NEWNEXTHOPBUCKET: u16 = 116;
pub const RTM_DELNEXTHOPBUCKET: u16 = 117;
const RTM_GETNEXTHOPBUCKET: u16 = 118;

const NHA_GROUP: u16 = 2;
const NHA_GROUP_TYPE: u16 = 3;
const NHA_BLACKHOLE: u16 = 4;
const NHA_OIF: u16 = 5;
const NHA_GATEWAY: u16 = 6;
const NHA_ENCAP_TYPE: u16 = 7;
const NHA_ENCAP: u16 = 8;
const NHA_GROUPS: u16 = 9;
const NHA_MASTER: u16 = 10;
const NHA_FDB: u16 = 11;
const NHA_RES_GROUP: u16 = 12;

const NHA_RES_GROUP_BUCKETS: u16 = 1;
const NHA_RES_GROUP_IDLE_TIMER: u16 = 2;
const NHA_RES_GROUP_UNBALANCED_TIMER: u16 = 3;

const NHA_RES_BUCKET_INDEX: u16 = 1;
const NHA_RES_BUCKET_IDLE_TIME: usize = 2;
const NHA_RES_BUCKET_NH_ID: u16 = 3;

const NLA_F_NESTED: u16 = 0x8000;
const RTNH_F_ONLINK: u32 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Add,
    Replace,
    Delete,
    List,
    Get,
    Flush,
    Bucket,
    Help,
}

/// do_ipnh()'s commands, in its test order (all prefixes).
pub static COMMANDS: Table<Cmd> = Table::new(
    "ip nexthop",
    &[
        kw("add", Cmd::Add),
        kw("replace", Cmd::Replace),
        kw("delete", Cmd::Delete),
        kw("list", Cmd::List),
        kw("show", Cmd::List),
        kw("lst", Cmd::List),
        kw("get", Cmd::Get),
        kw("flush", Cmd::Flush),
        kw("bucket", Cmd::Bucket),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nh {
    Id,
    Dev,
    Via,
    Encap,
    Blackhole,
    Fdb,
    Onlink,
    Group,
    Type,
    Protocol,
    Help,
}

/// ipnh_modify()'s words: strcmp() except `protocol`.
pub static MODIFY: Table<Nh> = Table::new(
    "ip nexthop add",
    &[
        exact("id", Nh::Id),
        exact("dev", Nh::Dev),
        exact("via", Nh::Via),
        exact("encap", Nh::Encap),
        exact("blackhole", Nh::Blackhole),
        exact("fdb", Nh::Fdb),
        exact("onlink", Nh::Onlink),
        exact("group", Nh::Group),
        exact("type", Nh::Type),
        kw("protocol", Nh::Protocol),
        exact("help", Nh::Help),
    ],
);

/// read_nh_group_type()
pub static GROUP_TYPES: Table<u16> = Table::new("ip nexthop add type", &[exact("mpath", 0), exact("resilient", 1)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResArg {
    Buckets,
    Idle,
    Unbalanced,
}

/// parse_nh_group_type_res()'s words.
pub static RESILIENT: Table<ResArg> = Table::new(
    "ip nexthop add type resilient",
    &[
        exact("buckets", ResArg::Buckets),
        exact("idle_timer", ResArg::Idle),
        exact("unbalanced_timer", ResArg::Unbalanced),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    Dev,
    Groups,
    Master,
    Vrf,
    Id,
    Protocol,
    Fdb,
    Nhid,
    Help,
}

/// ipnh_list_flush()'s selectors, in its test order.
pub static SELECTORS: Table<Sel> = Table::new(
    "ip nexthop list",
    &[
        kw("dev", Sel::Dev),
        kw("groups", Sel::Groups),
        kw("master", Sel::Master),
        kw("vrf", Sel::Vrf),
        exact("id", Sel::Id),
        kw("protocol", Sel::Protocol),
        kw("fdb", Sel::Fdb),
        kw("help", Sel::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bcmd {
    List,
    Get,
    Help,
}

/// do_ipnh_bucket()'s commands.
pub static BUCKET_COMMANDS: Table<Bcmd> = Table::new(
    "ip nexthop bucket",
    &[
        kw("list", Bcmd::List),
        kw("show", Bcmd::List),
        kw("lst", Bcmd::List),
        kw("get", Bcmd::Get),
        kw("help", Bcmd::Help),
    ],
);

/// ipnh_bucket_list()'s selectors.
pub static BUCKET_SELECTORS: Table<Sel> = Table::new(
    "ip nexthop bucket list",
    &[
        kw("dev", Sel::Dev),
        kw("master", Sel::Master),
        kw("vrf", Sel::Vrf),
        exact("id", Sel::Id),
        exact("nhid", Sel::Nhid),
        kw("help", Sel::Help),
    ],
);

/// ipnh_get() and ipnh_bucket_get()'s words.
pub static GET: Table<u8> = Table::new("ip nexthop get", &[exact("id", 0), exact("index", 1)]);

/// The keyword tables of `ip nexthop` (command table first).
pub static KEYWORDS: &[&dyn Words] =
    &[&COMMANDS, &MODIFY, &GROUP_TYPES, &RESILIENT, &SELECTORS, &BUCKET_COMMANDS, &BUCKET_SELECTORS, &GET];

pub fn do_ipnh(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return list_flush(ctx, args, false);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => modify(ctx, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Replace) => modify(ctx, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, args),
        Some(Cmd::Delete) => modify(ctx, RTM_DELNEXTHOP, 0, args),
        Some(Cmd::List) => list_flush(ctx, args, false),
        Some(Cmd::Get) => get(ctx, args),
        Some(Cmd::Flush) => list_flush(ctx, args, true),
        Some(Cmd::Bucket) => do_bucket(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(unknown(&cmd)),
    }
}

fn unknown(cmd: &str) -> Exit {
    fail(255, &format!("Command \"{}\" is unknown, try \"ip nexthop help\".\n", cmd))
}

/// struct nhmsg: family, scope, protocol, resvd, flags.
fn nhmsg(family: u8, protocol: u8, flags: u32) -> [u8; 8] {
    let f = flags.to_ne_bytes();
    [family, 0, protocol, 0, f[0], f[1], f[2], f[3]]
}

/// ipnh_parse_id()
fn parse_id(s: &str) -> Res<u32> {
    get_unsigned(s, 0).ok_or_else(|| invarg("invalid id value", s))
}

/// What printing a nexthop needs besides the message.
pub struct NhEnv<'a> {
    pub p: &'a mut Printer,
    pub names: &'a mut LinkNames,
    pub o: &'a Opts,
}

impl crate::nh::Env for NhEnv<'_> {
    fn p(&mut self) -> &mut Printer {
        self.p
    }
    fn ifname(&mut self, idx: u32) -> String {
        self.names.name_own_socket(idx)
    }
    fn numeric(&self) -> bool {
        self.o.numeric > 0
    }
    fn stats(&self) -> bool {
        self.o.stats > 0
    }
    fn human(&self) -> bool {
        self.o.human > 0
    }
    fn iec(&self) -> bool {
        self.o.iec > 0
    }
    fn resolve(&self) -> bool {
        self.o.resolve > 0
    }
    fn details(&self) -> bool {
        self.o.details > 0
    }
}

/// print_cache_nexthop(): one RTM_NEWNEXTHOP/RTM_DELNEXTHOP message as a
/// line ("Deleted " first for a deletion); `proto` is the `protocol`
/// selector (0: any). Err(()) where iproute2 returns -1 (it has printed
/// why).
pub fn print_msg(e: &mut NhEnv, ty: u16, raw_len: usize, flags: u16, payload: &[u8], proto: u32) -> Result<(), ()> {
    if ty != RTM_DELNEXTHOP && ty != RTM_NEWNEXTHOP {
        crate::eprintf!("Not a nexthop: {:08x} {:08x} {:08x}\n", raw_len, ty, flags);
        return Err(());
    }
    if payload.len() < 8 {
        e.p.close_object();
        crate::eprintf!("BUG: wrong nlmsg len {}\n", payload.len() as i64 - 8);
        return Err(());
    }
    if proto != 0 && proto != payload[2] as u32 {
        return Ok(());
    }
    if let Err(msg) = entry::check(payload) {
        e.p.fp(&msg);
        e.p.close_object();
        crate::eprintf!("Error parsing nexthop: Invalid argument\n");
        return Err(());
    }
    entry::print_entry(e, payload, None, ty == RTM_DELNEXTHOP);
    e.p.fp("\n");
    Ok(())
}

/// print_nexthop_bucket(): one RTM_NEWNEXTHOPBUCKET message.
pub fn print_bucket(p: &mut Printer, ty: u16, raw_len: usize, flags: u16, payload: &[u8]) -> Result<(), ()> {
    if ty != RTM_DELNEXTHOPBUCKET && ty != RTM_NEWNEXTHOPBUCKET {
        crate::eprintf!("Not a nexthop bucket: {:08x} {:08x} {:08x}\n", raw_len, ty, flags);
        return Err(());
    }
    if payload.len() < 8 {
        p.close_object();
        crate::eprintf!("BUG: wrong nlmsg len {}\n", payload.len() as i64 - 8);
        return Err(());
    }
    let nhflags = u32::from_ne_bytes([payload[4], payload[5], payload[6], payload[7]]);
    let tb = table::<{ NHA_MAX + 1 }>(payload, 8).unwrap_or([None; NHA_MAX + 1]);
    p.open_object(None);
    // iproute2 compares with RTM_DELNEXTHOP here, so a bucket never
    // prints "Deleted ".
    if let Some(id) = tb[NHA_ID].and_then(attr_u32) {
        p.uint(T::Any, "id", "id {} ", id as u64);
    }
    if let Some(b) = tb[NHA_RES_BUCKET] {
        let bt = table::<4>(b, 0).unwrap_or([None; 4]);
        p.open_object(Some("bucket"));
        if let Some(i) = bt[NHA_RES_BUCKET_INDEX as usize].and_then(attr_u16) {
            p.uint(T::Any, "index", "index {} ", i as u64);
        }
        if let Some(t) = bt[NHA_RES_BUCKET_IDLE_TIME].and_then(attr_u64) {
            let v = entry::jiffies_secs(t);
            let s = crate::print::fmt::c_g(v);
            p.field(
                T::Any,
                crate::print::Color::None,
                Some("idle_time"),
                crate::print::J::F(v),
                format_args!("idle_time {} ", s),
            );
        }
        if let Some(n) = bt[NHA_RES_BUCKET_NH_ID as usize].and_then(attr_u32) {
            p.uint(T::Any, "nhid", "nhid {} ", n as u64);
        }
        p.close_object();
    }
    crate::nh::print_rt_flags(p, nhflags);
    p.fp("\n");
    p.close_object();
    Ok(())
}

/// add_nh_group_attr(): `ID[,WEIGHT]/...` as struct nexthop_grp entries.
/// Err(Some(msg)) for a bad weight (invarg at once); Err(None) when the
/// caller reports the group as invalid.
fn parse_group(s: &str) -> Result<Vec<u8>, Option<Exit>> {
    if s.is_empty() {
        return Err(None);
    }
    let mut out = Vec::new();
    for part in s.split('/') {
        let (id, w) = match part.find(',') {
            Some(i) => (&part[..i], Some(&part[i + 1..])),
            None => (part, None),
        };
        let Some(id) = get_unsigned(id, 0) else { return Err(None) };
        let mut weight = 0u8;
        if let Some(w) = w {
            match get_unsigned(w, 0) {
                Some(n) if n != 0 && n <= 256 => weight = (n - 1) as u8,
                _ => return Err(Some(invarg("\"weight\" is invalid\n", w))),
            }
        }
        out.extend_from_slice(&id.to_ne_bytes());
        out.push(weight);
        out.extend_from_slice(&[0, 0, 0]);
    }
    Ok(out)
}

/// The group argument as iproute2 quotes it after cutting it in place at
/// the first '/' and the first ','.
fn cut_group_word(s: &str) -> &str {
    let end = s.find(['/', ',']).unwrap_or(s.len());
    &s[..end]
}

/// ipnh_modify()
fn modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut a: Args) -> Res<i32> {
    let mut family = ctx.o.family;
    let mut protocol = 0u8;
    let mut nh_flags = 0u32;
    // The nhmsg comes later: the body is bounded without it.
    let mut body = Req::bounded(cmd, 0, &[], crate::netlink::attr::bound::IPNH_MODIFY - 8);
    while let Some(w) = a.peek().map(str::to_string) {
        match MODIFY.find(&w) {
            Some(Nh::Id) => {
                a.next_arg()?;
                let id = parse_id(a.cur())?;
                body.attr_u32(NHA_ID as u16, id);
            }
            Some(Nh::Dev) => {
                a.next_arg()?;
                let dev = a.cur().to_string();
                let idx = ctx.ifindex(&dev);
                if idx == 0 {
                    return Err(invarg("Device does not exist\n", &dev));
                }
                body.attr_u32(NHA_OIF, idx);
                if family == AF_UNSPEC {
                    family = AF_INET;
                }
            }
            Some(Nh::Via) => {
                a.next_arg()?;
                let mut fam = crate::inet::read_family(a.cur());
                if fam == AF_UNSPEC {
                    fam = family;
                } else {
                    a.next_arg()?;
                }
                let v = a.cur().to_string();
                let addr = crate::inet::get_addr(&v, fam)?;
                if family == AF_UNSPEC {
                    family = addr.family;
                } else if family != addr.family {
                    return Err(invarg("address family mismatch\n", &v));
                }
                body.attr(NHA_GATEWAY, addr.bytes());
            }
            Some(Nh::Encap) => {
                let e = crate::nh::encap::parse(ctx, &mut a, NHA_ENCAP, NHA_ENCAP_TYPE)?;
                body.buf.extend_from_slice(&e);
                let n = body.buf.len() as u32;
                body.buf[0..4].copy_from_slice(&n.to_ne_bytes());
            }
            Some(Nh::Blackhole) => {
                body.attr(NHA_BLACKHOLE, &[]);
                if family == AF_UNSPEC {
                    family = AF_INET;
                }
            }
            Some(Nh::Fdb) => body.attr(NHA_FDB, &[]),
            Some(Nh::Onlink) => nh_flags |= RTNH_F_ONLINK,
            Some(Nh::Group) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                match parse_group(&v) {
                    Ok(g) => body.attr(NHA_GROUP, &g),
                    Err(Some(e)) => return Err(e),
                    Err(None) => return Err(invarg("\"group\" value is invalid\n", cut_group_word(&v))),
                }
            }
            Some(Nh::Type) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                let Some(ty) = GROUP_TYPES.find(&v) else {
                    return Err(invarg("\"type\" value is invalid\n", &v));
                };
                if ty == 1 && a.remaining() > 1 {
                    // parse_nh_group_type_res(): a nest as soon as a word
                    // follows, then as many resilient arguments as there are.
                    let nest = body.nest(NHA_RES_GROUP | NLA_F_NESTED);
                    a.step();
                    while let Some(k) = a.peek().and_then(|w| RESILIENT.find(w)) {
                        a.next_arg()?;
                        let v = a.cur().to_string();
                        match k {
                            ResArg::Buckets => {
                                let Some(b) = get_u16(&v, 0) else { return Err(invarg("invalid buckets value", &v)) };
                                body.attr_u16(NHA_RES_GROUP_BUCKETS, b);
                            }
                            ResArg::Idle | ResArg::Unbalanced => {
                                let (msg, attr) = if k == ResArg::Idle {
                                    ("invalid idle timer value", NHA_RES_GROUP_IDLE_TIMER)
                                } else {
                                    ("invalid unbalanced timer value", NHA_RES_GROUP_UNBALANCED_TIMER)
                                };
                                match get_unsigned(&v, 0) {
                                    Some(t) if t < u32::MAX / 100 => body.attr_u32(attr, t * 100),
                                    _ => return Err(invarg(msg, &v)),
                                }
                            }
                        }
                        a.step();
                    }
                    a.back();
                    body.nest_end(nest);
                }
                body.attr_u16(NHA_GROUP_TYPE, ty);
            }
            Some(Nh::Protocol) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                let Some(p) = rt_names::rtprot_a2n(&v) else {
                    return Err(invarg("\"protocol\" value is invalid\n", &v));
                };
                protocol = p as u8;
            }
            Some(Nh::Help) => return Err(usage()),
            None => return Err(invarg("", &w)),
        }
        a.step();
    }
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags, &nhmsg(family, protocol, nh_flags));
    req.buf.extend_from_slice(body.buf.get(16..).unwrap_or(&[]));
    let n = req.buf.len() as u32;
    req.buf[0..4].copy_from_slice(&n.to_ne_bytes());
    if ctx.o.echo > 0 {
        // rtnl_echo_talk(): the kernel's copy is printed.
        let f = req.flags() | NLM_F_ECHO | NLM_F_ACK;
        req.set_flags(f);
        let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(2) };
        ctx.p.new_json_obj();
        ctx.p.open_object(None);
        if let Some(m) = msgs(&ans).next() {
            let Ctx { o, p, names, .. } = ctx;
            let _ = print_msg(&mut NhEnv { p, names, o }, m.ty, m.raw.len(), m.flags, m.payload, 0);
        }
        ctx.p.close_object();
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        return Ok(0);
    }
    if ctx.rtnl()?.talk(&mut req).is_err() {
        return Ok(2);
    }
    Ok(0)
}

#[derive(Default)]
struct Filter {
    groups: bool,
    ifindex: u32,
    master: u32,
    proto: u32,
    fdb: bool,
    id: u32,
    nhid: u32,
}

/// nh_dump_filter()
fn add_filter(req: &mut Req, f: &Filter) {
    if f.ifindex != 0 {
        req.attr_u32(NHA_OIF, f.ifindex);
    }
    if f.groups {
        req.attr(NHA_GROUPS, &[]);
    }
    if f.master != 0 {
        req.attr_u32(NHA_MASTER, f.master);
    }
    if f.fdb {
        req.attr(NHA_FDB, &[]);
    }
}

fn dump_req(family: u8, f: &Filter) -> Req {
    let mut req = Req::new(RTM_GETNEXTHOP, NLM_F_DUMP | NLM_F_REQUEST, &nhmsg(family, 0, 0));
    add_filter(&mut req, f);
    req
}

/// `dev`/`master`/`vrf` values: the index, or invarg.
fn selector_dev(ctx: &mut Ctx, sel: Sel, v: &str) -> Res<u32> {
    if sel == Sel::Vrf && !crate::linkinfo::list::name_is_vrf(ctx, v) {
        return Err(invarg("Invalid VRF\n", v));
    }
    let idx = ctx.ifindex(v);
    if idx == 0 {
        return Err(invarg(if sel == Sel::Vrf { "VRF does not exist\n" } else { "Device does not exist\n" }, v));
    }
    Ok(idx)
}

/// ipnh_list_flush()
fn list_flush(ctx: &mut Ctx, mut a: Args, flush: bool) -> Res<i32> {
    let all = a.is_empty();
    let mut f = Filter::default();
    while let Some(w) = a.peek().map(str::to_string) {
        match SELECTORS.find(&w) {
            Some(s @ (Sel::Dev | Sel::Master | Sel::Vrf)) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                let idx = selector_dev(ctx, s, &v)?;
                if s == Sel::Dev {
                    f.ifindex = idx;
                } else {
                    f.master = idx;
                }
            }
            Some(Sel::Groups) => f.groups = true,
            Some(Sel::Id) => {
                a.next_arg()?;
                let id = parse_id(a.cur())?;
                if !flush {
                    return get_id(ctx, id);
                }
                return Ok(if delete_nexthop(id) { 0 } else { 1 });
            }
            Some(Sel::Protocol) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                f.proto = get_unsigned(&v, 0).ok_or_else(|| invarg("invalid protocol value", &v))?;
            }
            Some(Sel::Fdb) => f.fdb = true,
            Some(Sel::Help) => return Err(usage()),
            _ => return Err(invarg("", &w)),
        }
        a.step();
    }
    if flush {
        return flush_all(ctx, f, all);
    }
    names_upfront(ctx)?;
    let family = ctx.o.family;
    let mut req = dump_req(family, &f);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        crate::error::say_cannot_send_dump(e);
        return Ok(2);
    }
    ctx.p.new_json_obj();
    let proto = f.proto;
    let ok = ctx.dump_stream(|s, m| {
        let mut e = NhEnv { p: s.p, names: s.names, o: s.o };
        print_msg(&mut e, m.ty, m.raw.len(), m.flags, m.payload, proto).map_err(|_| Exit(-1))
    });
    if !matches!(ok, Ok(true)) {
        if let Err(e) = ok {
            if e.0 != -1 {
                return Err(e);
            }
        }
        let _ = ctx.p.flush();
        crate::error::say_dump_terminated();
        return Ok(2);
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Ok(0)
}

/// Names for a golden replay: nothing but the recorded replies can answer
/// there, so one link dump up front (recorded too) stands in for the
/// lookups iproute2 makes per missing name. Live, names are looked up as
/// iproute2 does.
fn names_upfront(ctx: &mut Ctx) -> Res<()> {
    if ctx.is_replay() || (cfg!(debug_assertions) && std::env::var_os("RIP_NL_RECORD").is_some()) {
        ctx.init_map()?;
    }
    // A replay asks the host nothing (no lookups on sockets of their own).
    if ctx.is_replay() {
        ctx.names.offline = true;
    }
    Ok(())
}

/// delete_nexthop() on a socket of its own (rth_del): true when deleted.
fn delete_on(r: &mut crate::netlink::Rtnl, id: u32) -> bool {
    let mut req = Req::new(RTM_DELNEXTHOP, NLM_F_REQUEST, &nhmsg(AF_UNSPEC, 0, 0));
    req.attr_u32(NHA_ID as u16, id);
    r.talk(&mut req).is_ok()
}

/// `flush id ID`: rth_del opened for the one deletion.
fn delete_nexthop(id: u32) -> bool {
    let Ok(mut r) = crate::netlink::Rtnl::open(0, false) else {
        crate::eprintf!("Cannot open rtnetlink\n");
        return false;
    };
    delete_on(&mut r, id)
}

/// ipnh_flush(): groups first when flushing everything, each nexthop
/// deleted on a second socket while the dump goes on.
fn flush_all(ctx: &mut Ctx, mut f: Filter, all: bool) -> Res<i32> {
    if all {
        f.groups = true;
        f.ifindex = 0;
        f.master = 0;
    }
    let Ok(mut del) = crate::netlink::Rtnl::open(0, false) else {
        crate::eprintf!("Cannot open rtnetlink\n");
        return Ok(1);
    };
    let family = ctx.o.family;
    let mut flushed = 0u32;
    let mut rc = 0;
    loop {
        let mut req = dump_req(family, &f);
        if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
            let _ = ctx.p.flush();
            crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
            rc = 2;
            break;
        }
        let proto = f.proto;
        let ok = ctx.dump_stream(|_, m| {
            if m.payload.len() < 8 {
                crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 8);
                return Err(Exit(-1));
            }
            if proto != 0 && m.payload[2] as u32 != proto {
                return Ok(());
            }
            let tb = table::<{ NHA_MAX + 1 }>(m.payload, 8).unwrap_or([None; NHA_MAX + 1]);
            let id = tb[NHA_ID].and_then(attr_u32).unwrap_or(0);
            if id != 0 && delete_on(&mut del, id) {
                flushed += 1;
            }
            Ok(())
        });
        if !matches!(ok, Ok(true)) {
            let _ = ctx.p.flush();
            crate::eprintf!("Dump terminated. Failed to flush nexthops\n");
            rc = 2;
            break;
        }
        if all && f.groups {
            f.groups = false;
            continue;
        }
        break;
    }
    if flushed == 0 {
        ctx.p.fp("Nothing to flush\n");
    } else {
        ctx.p.fp(&format!("Flushed {} nexthops\n", flushed));
    }
    Ok(rc)
}

/// ipnh_get_id()
fn get_id(ctx: &mut Ctx, id: u32) -> Res<i32> {
    names_upfront(ctx)?;
    let mut req = Req::new(RTM_GETNEXTHOP, NLM_F_REQUEST, &nhmsg(ctx.o.family, 0, 0));
    req.attr_u32(NHA_ID as u16, id);
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(2) };
    ctx.p.new_json_obj();
    if let Some(m) = msgs(&ans).next() {
        let Ctx { o, p, names, .. } = ctx;
        if print_msg(&mut NhEnv { p, names, o }, m.ty, m.raw.len(), m.flags, m.payload, 0).is_err() {
            return Ok(1);
        }
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Ok(0)
}

/// ipnh_get()
fn get(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut id = 0;
    while let Some(w) = a.peek().map(str::to_string) {
        if w == "id" {
            a.next_arg()?;
            id = parse_id(a.cur())?;
        } else {
            return Err(usage());
        }
        a.step();
    }
    if id == 0 {
        return Err(usage());
    }
    get_id(ctx, id)
}

/// do_ipnh_bucket()
fn do_bucket(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let Some(cmd) = a.next() else { return bucket_list(ctx, a) };
    match BUCKET_COMMANDS.find(&cmd) {
        Some(Bcmd::List) => bucket_list(ctx, a),
        Some(Bcmd::Get) => bucket_get(ctx, a),
        Some(Bcmd::Help) => Err(usage()),
        None => Err(unknown(&cmd)),
    }
}

/// ipnh_bucket_list()
fn bucket_list(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut f = Filter::default();
    while let Some(w) = a.peek().map(str::to_string) {
        match BUCKET_SELECTORS.find(&w) {
            Some(s @ (Sel::Dev | Sel::Master | Sel::Vrf)) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                let idx = selector_dev(ctx, s, &v)?;
                if s == Sel::Dev {
                    f.ifindex = idx;
                } else {
                    f.master = idx;
                }
            }
            Some(Sel::Id) => {
                a.next_arg()?;
                f.id = parse_id(a.cur())?;
            }
            Some(Sel::Nhid) => {
                a.next_arg()?;
                f.nhid = parse_id(a.cur())?;
            }
            Some(Sel::Help) => return Err(usage()),
            _ => return Err(invarg("", &w)),
        }
        a.step();
    }
    let mut req = Req::new(RTM_GETNEXTHOPBUCKET, NLM_F_DUMP | NLM_F_REQUEST, &nhmsg(ctx.o.family, 0, 0));
    add_filter(&mut req, &f);
    if f.id != 0 {
        req.attr_u32(NHA_ID as u16, f.id);
    }
    if f.nhid != 0 {
        let n = req.nest(NHA_RES_BUCKET as u16 | NLA_F_NESTED);
        req.attr_u32(NHA_RES_BUCKET_NH_ID, f.nhid);
        req.nest_end(n);
    }
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        crate::error::say_cannot_send_dump(e);
        return Ok(2);
    }
    ctx.p.new_json_obj();
    let ok = ctx.dump_stream(|s, m| print_bucket(s.p, m.ty, m.raw.len(), m.flags, m.payload).map_err(|_| Exit(-1)));
    if !matches!(ok, Ok(true)) {
        if let Err(e) = ok {
            if e.0 != -1 {
                return Err(e);
            }
        }
        let _ = ctx.p.flush();
        crate::error::say_dump_terminated();
        return Ok(2);
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Ok(0)
}

/// ipnh_bucket_get()
fn bucket_get(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut id = 0;
    let mut index = None;
    while let Some(w) = a.peek().map(str::to_string) {
        match GET.find(&w) {
            Some(0) => {
                a.next_arg()?;
                id = parse_id(a.cur())?;
            }
            Some(_) => {
                a.next_arg()?;
                let v = a.cur().to_string();
                index = Some(get_u16(&v, 0).ok_or_else(|| invarg("invalid bucket index value", &v))?);
            }
            None => return Err(usage()),
        }
        a.step();
    }
    let (true, Some(index)) = (id != 0, index) else { return Err(usage()) };
    let mut req = Req::new(RTM_GETNEXTHOPBUCKET, NLM_F_REQUEST, &nhmsg(ctx.o.family, 0, 0));
    req.attr_u32(NHA_ID as u16, id);
    let n = req.nest(NHA_RES_BUCKET as u16 | NLA_F_NESTED);
    req.attr_u16(NHA_RES_BUCKET_INDEX, index);
    req.nest_end(n);
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(2) };
    ctx.p.new_json_obj();
    if let Some(m) = msgs(&ans).next() {
        if print_bucket(&mut ctx.p, m.ty, m.raw.len(), m.flags, m.payload).is_err() {
            return Ok(1);
        }
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_words_as_iproute2_reads_them() {
        let g = parse_group("1,2/3").ok().unwrap();
        assert_eq!(g.len(), 16);
        assert_eq!(g[4], 1);
        assert!(parse_group("").is_err());
        assert!(parse_group("1/").is_err());
        assert_eq!(cut_group_word("1,5/x"), "1");
        assert!(matches!(parse_group("1,0"), Err(Some(_))));
    }

    #[test]
    fn command_prefixes_follow_do_ipnh() {
        assert_eq!(COMMANDS.find("d"), Some(Cmd::Delete));
        assert_eq!(COMMANDS.find("l"), Some(Cmd::List));
        assert_eq!(COMMANDS.find("s"), Some(Cmd::List));
        assert_eq!(COMMANDS.find("r"), Some(Cmd::Replace));
        assert_eq!(SELECTORS.find("p"), Some(Sel::Protocol));
    }
}
