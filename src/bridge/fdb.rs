//! `bridge fdb show` (bridge/fdb.c, 6.1.0): the forwarding database dump
//! (RTM_GETNEIGH, family AF_BRIDGE, filtered by the kernel under strict
//! checking and again here), add/append/replace/del, get and flush.

use crate::args::keywords::{doc, exact, kw, Table};
use crate::args::{matches, Args};
use crate::ctx::{Ctx, Headers};
use crate::error::{fail, Res};
use crate::names::LinkNames;
use crate::netlink::attr::{get_be16, get_u32};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{fmt::c_hash_x, Color, Printer, J, T};

const NDA_DST: u16 = 1;
const NDA_LLADDR: u16 = 2;
const NDA_CACHEINFO: u16 = 3;
const NDA_VLAN: u16 = 5;
const NDA_PORT: u16 = 6;
const NDA_VNI: u16 = 7;
const NDA_IFINDEX: u16 = 8;
const NDA_MASTER: u16 = 9;
const NDA_LINK_NETNSID: u16 = 10;
const NDA_SRC_VNI: u16 = 11;
const NDA_NH_ID: u16 = 13;
const NDA_MAX: usize = 17;

const NTF_SELF: u8 = 0x02;
const NTF_MASTER: u8 = 0x04;
const NTF_EXT_LEARNED: u8 = 0x10;
const NTF_OFFLOADED: u8 = 0x20;
const NTF_STICKY: u8 = 0x40;
const NTF_ROUTER: u8 = 0x80;

const NUD_REACHABLE: u32 = 0x02;
const NUD_STALE: u32 = 0x04;
const NUD_NOARP: u32 = 0x40;
const NUD_PERMANENT: u32 = 0x80;

pub const USAGE: &str = "Usage: bridge fdb { add | append | del | replace } ADDR dev DEV
              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]
              [ sticky ] [ local | static | dynamic ] [ vlan VID ]
              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }
	       [ via DEV ] [ src_vni VNI ]
       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]
              [ state STATE ] [ dynamic ] ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV
              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]
              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]
              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]
              [ [no]offloaded ]
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Append,
    Replace,
    Delete,
    Get,
    Show,
    Flush,
    Help,
}

/// do_fdb()'s commands (fdb.c, 6.1.0): prefixes, but `flush` whole.
static COMMANDS: Table<Cmd> = Table::new(
    "bridge fdb",
    &[
        kw("add", Cmd::Add),
        kw("append", Cmd::Append),
        kw("replace", Cmd::Replace),
        kw("delete", Cmd::Delete),
        kw("get", Cmd::Get),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        exact("flush", Cmd::Flush),
        kw("help", Cmd::Help),
    ],
);

/// What a word of `bridge fdb add|append|replace|delete` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AddOpt {
    Dev,
    Dst,
    Nhid,
    Port,
    /// `vni` (false) or `src_vni` (true).
    Vni(bool),
    Via,
    Self_,
    Master,
    Router,
    Permanent,
    Static,
    Dynamic,
    Vlan,
    Use,
    ExternLearn,
    Sticky,
    /// Documented only: the address (optionally after `to`) or `help`.
    Addr,
}

/// fdb_modify()'s words in its order; anything else is the address.
static ADD: Table<AddOpt> = Table::new(
    "bridge fdb add",
    &[
        exact("dev", AddOpt::Dev),
        exact("dst", AddOpt::Dst),
        exact("nhid", AddOpt::Nhid),
        exact("port", AddOpt::Port),
        exact("vni", AddOpt::Vni(false)),
        exact("src_vni", AddOpt::Vni(true)),
        exact("via", AddOpt::Via),
        exact("self", AddOpt::Self_),
        kw("master", AddOpt::Master),
        kw("router", AddOpt::Router),
        kw("local", AddOpt::Permanent),
        kw("permanent", AddOpt::Permanent),
        kw("temp", AddOpt::Static),
        kw("static", AddOpt::Static),
        kw("dynamic", AddOpt::Dynamic),
        kw("vlan", AddOpt::Vlan),
        kw("use", AddOpt::Use),
        kw("extern_learn", AddOpt::ExternLearn),
        kw("sticky", AddOpt::Sticky),
        doc("to", AddOpt::Addr),
        doc("help", AddOpt::Addr),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShowOpt {
    Dev,
    Br,
    Vlan,
    State,
    Dynamic,
    Help,
}

/// fdb_show()'s words (whole; `help` a prefix, tested last; the rest ignored).
static SHOW: Table<ShowOpt> = Table::new(
    "bridge fdb show",
    &[
        exact("brport", ShowOpt::Dev),
        exact("dev", ShowOpt::Dev),
        exact("br", ShowOpt::Br),
        exact("vlan", ShowOpt::Vlan),
        exact("state", ShowOpt::State),
        exact("dynamic", ShowOpt::Dynamic),
        kw("help", ShowOpt::Help),
    ],
);

/// state_a2n()'s names in its order (`all` whole); ids are NUD_* masks.
static STATES: Table<u32> = Table::new(
    "bridge fdb show state",
    &[
        kw("permanent", NUD_PERMANENT),
        kw("static", NUD_NOARP),
        kw("temp", NUD_NOARP),
        kw("stale", NUD_STALE),
        kw("reachable", NUD_REACHABLE),
        kw("dynamic", NUD_REACHABLE),
        exact("all", !0),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GetOpt {
    Dev,
    Br,
    Vni,
    Self_,
    Master,
    Vlan,
    Dynamic,
    To,
    Help,
}

/// fdb_get()'s words in its order; anything else is the address (after an
/// optional `to`), and `help` there asks for the usage.
static GET: Table<GetOpt> = Table::new(
    "bridge fdb get",
    &[
        exact("brport", GetOpt::Dev),
        exact("dev", GetOpt::Dev),
        exact("br", GetOpt::Br),
        exact("vni", GetOpt::Vni),
        exact("self", GetOpt::Self_),
        kw("master", GetOpt::Master),
        kw("vlan", GetOpt::Vlan),
        kw("dynamic", GetOpt::Dynamic),
        exact("to", GetOpt::To),
        kw("help", GetOpt::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fl {
    Dev,
    Master,
    Self_,
    Permanent,
    NoPermanent,
    Static,
    NoStatic,
    Dynamic,
    NoDynamic,
    Brport,
    Vlan,
    Help,
    /// An NTF_* flag to set (true) or clear, and to add to the mask.
    Flag(u8, bool),
}

/// fdb_flush()'s words, each compared whole; unknown words are ignored.
static FLUSH: Table<Fl> = Table::new(
    "bridge fdb flush",
    &[
        exact("dev", Fl::Dev),
        exact("master", Fl::Master),
        exact("self", Fl::Self_),
        exact("permanent", Fl::Permanent),
        exact("nopermanent", Fl::NoPermanent),
        exact("static", Fl::Static),
        exact("nostatic", Fl::NoStatic),
        exact("dynamic", Fl::Dynamic),
        exact("nodynamic", Fl::NoDynamic),
        exact("brport", Fl::Brport),
        exact("vlan", Fl::Vlan),
        exact("help", Fl::Help),
        exact("added_by_user", Fl::Flag(NTF_USE, true)),
        exact("noadded_by_user", Fl::Flag(NTF_USE, false)),
        exact("extern_learn", Fl::Flag(NTF_EXT_LEARNED, true)),
        exact("noextern_learn", Fl::Flag(NTF_EXT_LEARNED, false)),
        exact("sticky", Fl::Flag(NTF_STICKY, true)),
        exact("nosticky", Fl::Flag(NTF_STICKY, false)),
        exact("offloaded", Fl::Flag(NTF_OFFLOADED, true)),
        exact("nooffloaded", Fl::Flag(NTF_OFFLOADED, false)),
    ],
);

/// This object's keyword tables, its command table first.
pub static KEYWORDS: &[&dyn crate::args::keywords::Words] = &[&COMMANDS, &ADD, &SHOW, &STATES, &GET, &FLUSH];

pub fn do_fdb(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else { return fdb_show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => fdb_modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, args),
        Some(Cmd::Append) => fdb_modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_APPEND, args),
        Some(Cmd::Replace) => fdb_modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, args),
        Some(Cmd::Delete) => fdb_modify(ctx, RTM_DELNEIGH, 0, args),
        Some(Cmd::Get) => fdb_get(ctx, args),
        Some(Cmd::Show) => fdb_show(ctx, args),
        Some(Cmd::Flush) => fdb_flush(ctx, args),
        Some(Cmd::Help) => Err(fail(255, USAGE)),
        None => Err(crate::error::unknown_command(&cmd, "bridge fdb")),
    }
}

/// state_a2n(): a state name or number.
fn state_a2n(arg: &str) -> Option<u32> {
    STATES.find(arg).or_else(|| crate::args::num::get_unsigned(arg, 0))
}

fn state_n2a(s: u32, json: bool) -> String {
    if s & NUD_PERMANENT != 0 {
        "permanent".into()
    } else if s & NUD_NOARP != 0 {
        "static".into()
    } else if s & NUD_STALE != 0 {
        "stale".into()
    } else if s & NUD_REACHABLE != 0 {
        String::new()
    } else if json {
        c_hash_x(s as u64)
    } else {
        format!("state={}", c_hash_x(s as u64))
    }
}

const NTF_USE: u8 = 0x01;

/// get_addr() for `dst`: the address bytes, or the message and exit 1.
fn get_addr(arg: &str, family: u8) -> Res<Vec<u8>> {
    crate::inet::get_addr(arg, family).map(|a| a.bytes().to_vec())
}

/// strtoul() with its end: (value, rest of the string).
fn strtoul_end(s: &str) -> (u64, &str) {
    let (v, used, _) = crate::args::num::c_strtoull(s, 0);
    (v, &s[used..])
}

fn fdb_modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut args: Args) -> Res<i32> {
    let mut ndm_flags: u8 = 0;
    let mut ndm_state: u16 = NUD_NOARP as u16;
    let mut addr: Option<String> = None;
    let mut d: Option<String> = None;
    let mut dst: Option<Vec<u8>> = None;
    let mut port: u64 = 0;
    let mut vni: u64 = u64::MAX;
    let mut src_vni: u64 = u64::MAX;
    let mut via: u32 = 0;
    let mut vid: i16 = -1;
    let mut nhid: u32 = 0;
    while let Some(w) = args.next() {
        match ADD.find(&w) {
            Some(AddOpt::Dev) => d = Some(args.value()?),
            Some(AddOpt::Dst) => {
                let v = args.value()?;
                if dst.is_some() {
                    return Err(crate::error::duparg2("dst", &v));
                }
                dst = Some(get_addr(&v, ctx.o.family)?);
            }
            Some(AddOpt::Nhid) => {
                let v = args.value()?;
                match crate::args::num::get_u32(&v, 0) {
                    Some(n) => nhid = n,
                    None => return Err(crate::error::invarg("\"id\" value is invalid\n", &v)),
                }
            }
            Some(AddOpt::Port) => {
                let v = args.value()?;
                let (n, rest) = strtoul_end(&v);
                if !rest.is_empty() {
                    match service_port(&v) {
                        Some(p) => port = p as u64,
                        None => return Err(crate::error::invarg("invalid port\n", &v)),
                    }
                } else if n > 0xffff {
                    return Err(crate::error::invarg("invalid port\n", &v));
                } else {
                    port = n;
                }
            }
            Some(AddOpt::Vni(src)) => {
                let v = args.value()?;
                let (n, rest) = strtoul_end(&v);
                if !rest.is_empty() || (n >> 24) != 0 || n == u64::MAX {
                    let msg = if src { "invalid src VNI\n" } else { "invalid VNI\n" };
                    return Err(crate::error::invarg(msg, &v));
                }
                if src {
                    src_vni = n;
                } else {
                    vni = n;
                }
            }
            Some(AddOpt::Via) => {
                let v = args.value()?;
                via = ctx.ifindex(&v);
                if via == 0 {
                    return Err(crate::error::no_device(v));
                }
            }
            Some(AddOpt::Self_) => ndm_flags |= NTF_SELF,
            Some(AddOpt::Master) => ndm_flags |= NTF_MASTER,
            Some(AddOpt::Router) => ndm_flags |= NTF_ROUTER,
            Some(AddOpt::Permanent) => ndm_state |= NUD_PERMANENT as u16,
            Some(AddOpt::Static) => ndm_state |= NUD_REACHABLE as u16,
            Some(AddOpt::Dynamic) => {
                ndm_state |= NUD_REACHABLE as u16;
                ndm_state &= !(NUD_NOARP as u16);
            }
            Some(AddOpt::Vlan) => {
                if vid >= 0 {
                    return Err(crate::error::duparg2("vlan", &w));
                }
                vid = crate::args::num::atoi(&args.value()?) as i16;
            }
            Some(AddOpt::Use) => ndm_flags |= NTF_USE,
            Some(AddOpt::ExternLearn) => ndm_flags |= NTF_EXT_LEARNED,
            Some(AddOpt::Sticky) => ndm_flags |= NTF_STICKY,
            Some(AddOpt::Addr) | None => {
                let mut w = w;
                if w == "to" {
                    w = args.value()?;
                }
                if matches(&w, "help") {
                    return Err(fail(255, USAGE));
                }
                if addr.is_some() {
                    return Err(crate::error::duparg2("to", &w));
                }
                addr = Some(w);
            }
        }
    }
    let (Some(d), Some(addr)) = (d, addr) else {
        crate::eprintf!("Device and address are required arguments.\n");
        return Ok(-1);
    };
    if nhid != 0 && (dst.is_some() || port != 0 || vni != u64::MAX) {
        crate::eprintf!("dst, port, vni are mutually exclusive with nhid\n");
        return Ok(-1);
    }
    if ndm_flags & (NTF_SELF | NTF_MASTER) == 0 {
        ndm_flags |= NTF_SELF;
    }
    if ndm_state as u32 & (NUD_PERMANENT | NUD_REACHABLE) == 0 {
        ndm_state |= NUD_PERMANENT as u16;
    }
    let Some(mac) = crate::inet::lladdr::scan_mac(&addr) else {
        crate::eprintf!("Invalid mac address {}\n", addr);
        return Ok(-1);
    };
    let mut hdr = [0u8; 12];
    hdr[0] = AF_BRIDGE;
    hdr[8..10].copy_from_slice(&ndm_state.to_ne_bytes());
    hdr[10] = ndm_flags;
    let mut req = Req::bounded(cmd, NLM_F_REQUEST | flags, &hdr, crate::netlink::attr::bound::FDB_MODIFY);
    req.attr(NDA_LLADDR, &mac);
    if let Some(a) = &dst {
        req.attr(NDA_DST, a);
    }
    if vid >= 0 {
        req.attr_u16(NDA_VLAN, vid as u16);
    }
    if nhid > 0 {
        req.attr_u32(NDA_NH_ID, nhid);
    }
    if port != 0 {
        req.attr(NDA_PORT, &(port as u16).to_be_bytes());
    }
    if vni != u64::MAX {
        req.attr_u32(NDA_VNI, vni as u32);
    }
    if src_vni != u64::MAX {
        req.attr_u32(NDA_SRC_VNI, src_vni as u32);
    }
    if via != 0 {
        req.attr_u32(NDA_IFINDEX, via);
    }
    let index = ctx.ifindex(&d);
    if index == 0 {
        crate::error::say_no_device(d);
        return Ok(-1);
    }
    req.header_mut()[4..8].copy_from_slice(&(index as i32).to_ne_bytes());
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

fn fdb_get(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut ndm_flags: u8 = 0;
    let mut d: Option<String> = None;
    let mut br: Option<String> = None;
    let mut vni: u64 = u64::MAX;
    let mut vlan: i16 = -1;
    let mut addr: Option<String> = None;
    let mut f = Filter::default();
    while let Some(w) = args.next() {
        let opt = GET.find(&w);
        if opt == Some(GetOpt::Dev) {
            d = Some(args.value()?);
        } else if opt == Some(GetOpt::Br) {
            br = Some(args.value()?);
        } else if opt == Some(GetOpt::Vni) {
            let v = args.value()?;
            let (n, rest) = strtoul_end(&v);
            if !rest.is_empty() || (n >> 24) != 0 || n == u64::MAX {
                return Err(crate::error::invarg("invalid VNI\n", &v));
            }
            vni = n;
        } else if opt == Some(GetOpt::Self_) {
            ndm_flags |= NTF_SELF;
        } else if opt == Some(GetOpt::Master) {
            ndm_flags |= NTF_MASTER;
        } else if opt == Some(GetOpt::Vlan) {
            if vlan >= 0 {
                return Err(crate::error::duparg2("vlan", &w));
            }
            vlan = crate::args::num::atoi(&args.value()?) as i16;
        } else if opt == Some(GetOpt::Dynamic) {
            f.dynamic = true;
        } else {
            let mut w = w;
            if opt == Some(GetOpt::To) {
                w = args.value()?;
            }
            // No prefix of `help` fits an earlier word of the table, so
            // this is matches(w, "help") for the address word too.
            if GET.find(&w) == Some(GetOpt::Help) {
                return Err(fail(255, USAGE));
            }
            if addr.is_some() {
                return Err(crate::error::duparg2("to", &w));
            }
            addr = Some(w);
        }
    }
    let Some(addr) = addr.filter(|_| d.is_some() || br.is_some()) else {
        crate::eprintf!("Device or master and address are required arguments.\n");
        return Ok(-1);
    };
    let Some(mac) = crate::inet::lladdr::scan_mac(&addr) else {
        crate::eprintf!("Invalid mac address {}\n", addr);
        return Ok(-1);
    };
    let mut hdr = [0u8; 12];
    hdr[0] = AF_BRIDGE;
    hdr[10] = ndm_flags;
    let mut req = Req::new(RTM_GETNEIGH, NLM_F_REQUEST, &hdr);
    req.attr(NDA_LLADDR, &mac);
    if vlan >= 0 {
        req.attr_u16(NDA_VLAN, vlan as u16);
    }
    if vni != u64::MAX {
        req.attr_u32(NDA_VNI, vni as u32);
    }
    if let Some(d) = &d {
        let idx = ctx.ifindex(d);
        if idx == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
        req.header_mut()[4..8].copy_from_slice(&(idx as i32).to_ne_bytes());
    }
    if let Some(b) = &br {
        let idx = ctx.ifindex(b);
        if idx == 0 {
            crate::eprintf!("Cannot find bridge device \"{}\"\n", b);
            return Ok(-1);
        }
        req.attr_u32(NDA_MASTER, idx);
    }
    let answer = match ctx.rtnl()?.talk_answer(&mut req) {
        Ok(a) => a,
        Err(_) => return Ok(-2),
    };
    ctx.p.new_json_obj();
    let stats = ctx.o.stats > 0;
    let mut ret = 0;
    let hdr = ctx.headers;
    let Ctx { p, names, .. } = ctx;
    if let Some(m) = crate::netlink::msgs(&answer).next() {
        if print_fdb(p, names, hdr, &m, f, stats) < 0 {
            crate::eprintf!("An error :-)\n");
            ret = -1;
        }
    }
    ctx.p.delete_json_obj();
    Ok(ret)
}

const NLM_F_BULK: u16 = 0x200;
const NDA_NDM_STATE_MASK: u16 = 16;
const NDA_NDM_FLAGS_MASK: u16 = 17;

fn fdb_flush(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut state_mask: u16 = 0;
    let mut flags_mask: u8 = 0;
    let mut vid: i16 = -1;
    let mut flags: u8 = 0;
    let mut state: u16 = 0;
    let mut d: Option<String> = None;
    let mut port: Option<String> = None;
    let (perm, noarp) = (NUD_PERMANENT as u16, NUD_NOARP as u16);
    while let Some(w) = args.next() {
        match FLUSH.find(&w) {
            Some(Fl::Dev) => d = Some(args.value()?),
            Some(Fl::Master) => flags |= NTF_MASTER,
            Some(Fl::Self_) => flags |= NTF_SELF,
            Some(Fl::Permanent) => {
                state |= perm;
                state_mask |= perm;
            }
            Some(Fl::NoPermanent) => {
                state &= !perm;
                state_mask |= perm;
            }
            Some(Fl::Static) => {
                state |= noarp;
                state_mask |= noarp | perm;
            }
            Some(Fl::NoStatic) => {
                state &= !noarp;
                state_mask |= noarp;
            }
            Some(Fl::Dynamic) => {
                state &= !noarp | perm;
                state_mask |= noarp | perm;
            }
            Some(Fl::NoDynamic) => {
                state |= noarp;
                state_mask |= noarp;
            }
            Some(Fl::Brport) => {
                if port.is_some() {
                    return Err(crate::error::duparg2("brport", &w));
                }
                port = Some(args.value()?);
            }
            Some(Fl::Vlan) => {
                if vid >= 0 {
                    return Err(crate::error::duparg2("vlan", &w));
                }
                vid = crate::args::num::atoi(&args.value()?) as i16;
            }
            Some(Fl::Help) => {
                args.value()?;
            }
            Some(Fl::Flag(bit, on)) => {
                if on {
                    flags |= bit;
                } else {
                    flags &= !bit;
                }
                flags_mask |= bit;
            }
            // Anything else is ignored, as fdb_flush() does.
            None => {}
        }
    }
    let Some(d) = d else {
        crate::eprintf!("Device is a required argument.\n");
        return Ok(-1);
    };
    let index = ctx.ifindex(&d);
    if index == 0 {
        crate::eprintf!("Cannot find bridge device \"{}\"\n", d);
        return Ok(-1);
    }
    let mut port_idx: i16 = -1;
    if let Some(pn) = &port {
        // The reference keeps the index in a short.
        port_idx = ctx.ifindex(pn) as i16;
        if port_idx == 0 {
            crate::eprintf!("Cannot find bridge port device \"{}\"\n", pn);
            return Ok(-1);
        }
    }
    if vid >= 4096 {
        crate::eprintf!("Invalid VLAN ID \"{}\"\n", vid as u16);
        return Ok(-1);
    }
    if flags & (NTF_SELF | NTF_MASTER) == 0 {
        flags |= NTF_SELF;
    }
    let mut hdr = [0u8; 12];
    hdr[0] = AF_BRIDGE;
    hdr[4..8].copy_from_slice(&(index as i32).to_ne_bytes());
    hdr[8..10].copy_from_slice(&state.to_ne_bytes());
    hdr[10] = flags;
    let mut req = Req::bounded(RTM_DELNEIGH, NLM_F_REQUEST | NLM_F_BULK, &hdr, crate::netlink::attr::bound::FDB_MODIFY);
    if port_idx > -1 {
        req.attr_u32(NDA_IFINDEX, port_idx as i32 as u32);
    }
    if vid > -1 {
        req.attr_u16(NDA_VLAN, vid as u16);
    }
    if flags_mask != 0 {
        req.attr_u8(NDA_NDM_FLAGS_MASK, flags_mask);
    }
    if state_mask != 0 {
        req.attr_u16(NDA_NDM_STATE_MASK, state_mask);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

/// getservbyname(name, "udp"): the port in host order.
fn service_port(name: &str) -> Option<u16> {
    crate::names::etc::service_port(name.as_bytes(), b"udp")
}

#[derive(Default, Clone, Copy)]
struct Filter {
    index: u32,
    state: u32,
    vlan: u32,
    dynamic: bool,
}

fn fdb_show(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    let mut br: Option<String> = None;
    let mut f = Filter::default();
    while let Some(w) = args.next() {
        match SHOW.find(&w) {
            Some(ShowOpt::Dev) => filter_dev = Some(args.value()?),
            Some(ShowOpt::Br) => br = Some(args.value()?),
            Some(ShowOpt::Vlan) => {
                let v = args.value()?;
                if f.vlan != 0 {
                    return Err(crate::error::duparg("vlan", &v));
                }
                f.vlan = crate::args::num::atoi(&v) as u32;
            }
            Some(ShowOpt::State) => {
                let v = args.value()?;
                match state_a2n(&v) {
                    Some(s) => f.state |= s,
                    None => return Err(crate::error::invarg("invalid state", &v)),
                }
            }
            Some(ShowOpt::Dynamic) => f.dynamic = true,
            Some(ShowOpt::Help) => return Err(fail(255, USAGE)),
            None => {}
        }
    }
    let mut master = 0u32;
    if let Some(b) = &br {
        master = ctx.ifindex(b);
        if master == 0 {
            crate::eprintf!("Cannot find bridge device \"{}\"\n", b);
            return Ok(-1);
        }
    }
    if let Some(d) = &filter_dev {
        f.index = ctx.ifindex(d);
        if f.index == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
    }
    // ndmsg: family, pads, ifindex, state, flags, type.
    let mut hdr = [0u8; 12];
    hdr[0] = AF_BRIDGE;
    hdr[4..8].copy_from_slice(&(f.index as i32).to_ne_bytes());
    let mut req = Req::new(RTM_GETNEIGH, NLM_F_DUMP | NLM_F_REQUEST, &hdr);
    if master != 0 {
        req.attr_u32(NDA_MASTER, master);
    }
    ctx.p.new_json_obj();
    let stats = ctx.o.stats > 0;
    let hdr = ctx.headers;
    ctx.dump_show(&mut req, |sh, m| {
        if print_fdb(sh.p, sh.names, hdr, &m, f, stats) < 0 {
            return Err(crate::error::dump_terminated());
        }
        Ok(())
    })?;
    ctx.p.delete_json_obj();
    Ok(0)
}

/// print_fdb() as `bridge monitor` calls it (no filters).
pub fn print_fdb_mon(p: &mut Printer, names: &mut LinkNames, hdr: Headers, m: &Msg, stats: bool) -> i32 {
    print_fdb(p, names, hdr, m, Filter::default(), stats)
}

fn print_fdb(p: &mut Printer, names: &mut LinkNames, hdr: Headers, m: &Msg, f: Filter, stats: bool) -> i32 {
    if m.ty != RTM_NEWNEIGH && m.ty != RTM_DELNEIGH {
        crate::eprintf!("Not RTM_NEWNEIGH: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some(h) = m.payload.get(..12) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12);
        return -1;
    };
    let family = h[0];
    let ifindex = i32::from_ne_bytes([h[4], h[5], h[6], h[7]]) as u32;
    let state = u16::from_ne_bytes([h[8], h[9]]) as u32;
    let flags = h[10];
    if family != AF_BRIDGE {
        return 0;
    }
    if f.index != 0 && f.index != ifindex {
        return 0;
    }
    if f.state != 0 && state & f.state == 0 {
        return 0;
    }
    let tb = Tb::parse(m.payload.get(12..).unwrap_or(&[]), NDA_MAX);
    let vid = tb.u16(NDA_VLAN).unwrap_or(0);
    if f.vlan != 0 && f.vlan != vid as u32 {
        return 0;
    }
    if f.dynamic && state & NUD_PERMANENT != 0 {
        return 0;
    }
    hdr.print(p, "[NEIGH]");
    p.open_object(None);
    if m.ty == RTM_DELNEIGH {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if let Some(a) = tb.get(NDA_LLADDR) {
        let s = crate::inet::ll_addr(a);
        p.color_string(T::Any, Color::Mac, "mac", "{} ", &s);
    }
    if f.index == 0 && ifindex != 0 {
        p.fp("dev ");
        let n = names.name_own_socket(ifindex);
        p.color_string(T::Any, Color::Ifname, "ifname", "{} ", &n);
    }
    if let Some(d) = tb.get(NDA_DST) {
        // format_host(): numeric; 16 bytes are IPv6, anything else IPv4.
        let (af, c) = if d.len() == 16 { (AF_INET6, Color::Inet6) } else { (AF_INET, Color::Inet) };
        let s = crate::inet::ntop_prefix(af, d).unwrap_or_else(|| "???".to_string());
        p.fp("dst ");
        p.color_string(T::Any, c, "dst", "{} ", &s);
    }
    if vid != 0 {
        p.uint(T::Any, "vlan", "vlan {} ", vid as u64);
    }
    if let Some(port) = tb.get(NDA_PORT).and_then(get_be16) {
        p.uint(T::Any, "port", "port {} ", port as u64);
    }
    if let Some(v) = tb.u32(NDA_VNI) {
        p.uint(T::Any, "vni", "vni {} ", v as u64);
    }
    if let Some(v) = tb.u32(NDA_SRC_VNI) {
        p.uint(T::Any, "src_vni", "src_vni {} ", v as u64);
    }
    if let Some(via) = tb.u32(NDA_IFINDEX) {
        if tb.has(NDA_LINK_NETNSID) {
            p.uint(T::Any, "viaIfIndex", "via ifindex {} ", via as u64);
        } else {
            let n = names.name_own_socket(via);
            p.string(T::Any, "viaIf", "via {} ", &n);
        }
    }
    if let Some(v) = tb.u32(NDA_NH_ID) {
        p.uint(T::Any, "nhid", "nhid {} ", v as u64);
    }
    if let Some(v) = tb.u32(NDA_LINK_NETNSID) {
        p.field(T::Any, Color::None, Some("linkNetNsId"), J::U(v as u64), format_args!("link-netnsid {} ", v as i32));
    }
    if stats {
        if let Some(ci) = tb.get(NDA_CACHEINFO) {
            let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u32;
            let used = ci.get(4..8).and_then(get_u32).unwrap_or(0) / hz;
            let updated = ci.get(8..12).and_then(get_u32).unwrap_or(0) / hz;
            if p.is_json() {
                p.uint(T::Json, "used", "", used as u64);
                p.uint(T::Json, "updated", "", updated as u64);
            } else {
                p.fpf(format_args!("used {}/{} ", used as i32, updated as i32));
            }
        }
    }
    p.open_array(T::Json, "flags");
    for (bit, name) in [
        (NTF_SELF, "self"),
        (NTF_ROUTER, "router"),
        (NTF_EXT_LEARNED, "extern_learn"),
        (NTF_OFFLOADED, "offload"),
        (NTF_MASTER, "master"),
        (NTF_STICKY, "sticky"),
    ] {
        if flags & bit != 0 {
            p.string_nokey(T::Any, "{} ", name);
        }
    }
    p.close_array(T::Json, "");
    if let Some(mi) = tb.u32(NDA_MASTER) {
        let n = names.name_own_socket(mi);
        p.string(T::Any, "master", "master {} ", &n);
    }
    let s = state_n2a(state, p.is_json());
    p.string(T::Any, "state", "{}\n", &s);
    p.close_object();
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states() {
        assert_eq!(state_a2n("perm"), Some(NUD_PERMANENT));
        assert_eq!(state_a2n("s"), Some(NUD_NOARP));
        assert_eq!(state_a2n("dyn"), Some(NUD_REACHABLE));
        assert_eq!(state_a2n("all"), Some(!0));
        assert_eq!(state_a2n("0x10"), Some(16));
        assert_eq!(state_a2n("bogus"), None);
        assert_eq!(state_n2a(0x80, false), "permanent");
        assert_eq!(state_n2a(0x02, false), "");
        assert_eq!(state_n2a(0x10, false), "state=0x10");
        assert_eq!(state_n2a(0x10, true), "0x10");
    }
}
