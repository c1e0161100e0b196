//! `ip ntable` / `ip ntbl` (ip/ipntable.c of iproute2 6.1.0): the neighbour
//! tables' parameters, shown (with -s their config and statistics) and
//! changed.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{fail, Exit, Res};
use crate::netlink::attr::{get_u16, get_u32, get_u64, Tb};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req};
use crate::print::{Color, T};

const RTM_NEWNEIGHTBL: u16 = 64;
const RTM_GETNEIGHTBL: u16 = 66;
const RTM_SETNEIGHTBL: u16 = 67;

/// sizeof(struct ndtmsg): family, two bytes of padding.
const NDTMSG_LEN: usize = 4;

const NDTA_NAME: u16 = 1;
const NDTA_THRESH1: u16 = 2;
const NDTA_THRESH2: u16 = 3;
const NDTA_THRESH3: u16 = 4;
const NDTA_CONFIG: u16 = 5;
const NDTA_PARMS: u16 = 6;
const NDTA_STATS: u16 = 7;
const NDTA_GC_INTERVAL: u16 = 8;
const NDTA_MAX: usize = 9;

const NDTPA_IFINDEX: u16 = 1;
const NDTPA_REFCNT: u16 = 2;
const NDTPA_REACHABLE_TIME: u16 = 3;
const NDTPA_BASE_REACHABLE_TIME: u16 = 4;
const NDTPA_RETRANS_TIME: u16 = 5;
const NDTPA_GC_STALETIME: u16 = 6;
const NDTPA_DELAY_PROBE_TIME: u16 = 7;
const NDTPA_QUEUE_LEN: u16 = 8;
const NDTPA_APP_PROBES: u16 = 9;
const NDTPA_UCAST_PROBES: u16 = 10;
const NDTPA_MCAST_PROBES: u16 = 11;
const NDTPA_ANYCAST_DELAY: u16 = 12;
const NDTPA_PROXY_DELAY: u16 = 13;
const NDTPA_PROXY_QLEN: u16 = 14;
const NDTPA_LOCKTIME: u16 = 15;
const NDTPA_MAX: usize = 19;

/// filter.index for `dev none` (NONE_DEV).
const NONE_DEV: u32 = u32::MAX;

pub const USAGE: &str = "Usage: ip ntable change name NAME [ dev DEV ]
        [ thresh1 VAL ] [ thresh2 VAL ] [ thresh3 VAL ] [ gc_int MSEC ]
        [ PARMS ]
Usage: ip ntable show [ dev DEV ] [ name NAME ]
PARMS := [ base_reachable MSEC ] [ retrans MSEC ] [ gc_stale MSEC ]
         [ delay_probe MSEC ] [ queue LEN ]
         [ app_probes VAL ] [ ucast_probes VAL ] [ mcast_probes VAL ]
         [ anycast_delay MSEC ] [ proxy_delay MSEC ] [ proxy_queue LEN ]
         [ locktime MSEC ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Change,
    Show,
    Help,
}

/// do_ipntable()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip ntable",
    &[
        kw("change", Cmd::Change),
        kw("chg", Cmd::Change),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("help", Cmd::Help),
    ],
);

/// How a value of `ip ntable change` is read and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    /// A u32 attribute of the table (NDTA_THRESH*).
    Thresh(u16),
    /// NDTA_GC_INTERVAL, a u64.
    GcInt,
    /// A u32 parameter (NDTPA_*).
    P32(u16),
    /// A u64 parameter (NDTPA_*).
    P64(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mod {
    Name,
    Dev,
    Set(Val),
}

/// ipntable_modify()'s words, in its test order (all strcmp()).
static MODIFY: Table<Mod> = Table::new(
    "ip ntable change",
    &[
        exact("name", Mod::Name),
        exact("thresh1", Mod::Set(Val::Thresh(NDTA_THRESH1))),
        exact("thresh2", Mod::Set(Val::Thresh(NDTA_THRESH2))),
        exact("thresh3", Mod::Set(Val::Thresh(NDTA_THRESH3))),
        exact("gc_int", Mod::Set(Val::GcInt)),
        exact("dev", Mod::Dev),
        exact("base_reachable", Mod::Set(Val::P64(NDTPA_BASE_REACHABLE_TIME))),
        exact("retrans", Mod::Set(Val::P64(NDTPA_RETRANS_TIME))),
        exact("gc_stale", Mod::Set(Val::P64(NDTPA_GC_STALETIME))),
        exact("delay_probe", Mod::Set(Val::P64(NDTPA_DELAY_PROBE_TIME))),
        exact("queue", Mod::Set(Val::P32(NDTPA_QUEUE_LEN))),
        exact("app_probes", Mod::Set(Val::P32(NDTPA_APP_PROBES))),
        exact("ucast_probes", Mod::Set(Val::P32(NDTPA_UCAST_PROBES))),
        exact("mcast_probes", Mod::Set(Val::P32(NDTPA_MCAST_PROBES))),
        exact("anycast_delay", Mod::Set(Val::P64(NDTPA_ANYCAST_DELAY))),
        exact("proxy_delay", Mod::Set(Val::P64(NDTPA_PROXY_DELAY))),
        exact("proxy_queue", Mod::Set(Val::P32(NDTPA_PROXY_QLEN))),
        exact("locktime", Mod::Set(Val::P64(NDTPA_LOCKTIME))),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sel {
    Dev,
    Name,
}

/// ipntable_show()'s selectors (strcmp()).
static SELECTORS: Table<Sel> = Table::new("ip ntable show", &[exact("dev", Sel::Dev), exact("name", Sel::Name)]);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &MODIFY, &SELECTORS];

pub fn do_ipntable(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else {
        return ipntable_show(ctx, args);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Change) => ipntable_modify(ctx, args),
        Some(Cmd::Show) => ipntable_show(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip ntable help\".\n", cmd))),
    }
}

fn ndtmsg(family: u8) -> [u8; NDTMSG_LEN] {
    [family, 0, 0, 0]
}

/// One attribute (rta_addattr_l) in a buffer of nested attributes.
fn push_attr(buf: &mut Vec<u8>, ty: u16, data: &[u8]) {
    let len = 4 + data.len();
    buf.extend_from_slice(&(len as u16).to_ne_bytes());
    buf.extend_from_slice(&ty.to_ne_bytes());
    buf.extend_from_slice(data);
    buf.resize(crate::netlink::attr::align4(buf.len()), 0);
}

fn ipntable_modify(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut req = Req::bounded(
        RTM_SETNEIGHTBL,
        NLM_F_REQUEST | NLM_F_REPLACE,
        &ndtmsg(ctx.o.family),
        crate::netlink::attr::bound::IPNTABLE_MODIFY,
    );
    let mut name = false;
    let mut thresh = false;
    let mut gc_int = false;
    let mut parms_change = false;
    let mut parms: Vec<u8> = Vec::new();
    while a.has_next() {
        let w = a.cur().to_string();
        match MODIFY.find(&w) {
            Some(Mod::Name) => {
                a.next_arg()?;
                if name {
                    return Err(crate::error::duparg("NAME", a.cur()));
                }
                name = true;
                let mut s = crate::args::bytes::unescape(a.cur()).into_owned();
                s.push(0);
                req.attr(NDTA_NAME, &s);
            }
            Some(Mod::Dev) => {
                a.next_arg()?;
                let idx = ctx.ifindex(a.cur());
                if idx == 0 {
                    crate::error::say_no_device(a.cur());
                    return Ok(1);
                }
                push_attr(&mut parms, NDTPA_IFINDEX, &idx.to_ne_bytes());
            }
            Some(Mod::Set(v)) => {
                a.next_arg()?;
                let bad = || crate::error::invarg(&format!("\"{}\" value is invalid", w), a.cur());
                match v {
                    Val::Thresh(ty) => {
                        thresh = true;
                        let x = crate::args::num::get_u32(a.cur(), 0).ok_or_else(bad)?;
                        req.attr_u32(ty, x);
                    }
                    Val::GcInt => {
                        gc_int = true;
                        let x = crate::args::num::get_u64(a.cur(), 0).ok_or_else(bad)?;
                        req.attr(NDTA_GC_INTERVAL, &x.to_ne_bytes());
                    }
                    Val::P32(ty) => {
                        let x = crate::args::num::get_u32(a.cur(), 0).ok_or_else(bad)?;
                        push_attr(&mut parms, ty, &x.to_ne_bytes());
                        parms_change = true;
                    }
                    Val::P64(ty) => {
                        let x = crate::args::num::get_u64(a.cur(), 0).ok_or_else(bad)?;
                        push_attr(&mut parms, ty, &x.to_ne_bytes());
                        parms_change = true;
                    }
                }
            }
            None => return Err(crate::error::invarg("unknown", a.cur())),
        }
        a.step();
    }
    if !name {
        return Err(crate::error::missarg("NAME"));
    }
    if !thresh && !gc_int && !parms_change {
        return Err(fail(255, "Not enough information: changeable attributes required.\n"));
    }
    if !parms.is_empty() {
        req.attr(NDTA_PARMS, &parms);
    }
    if ctx.rtnl()?.talk(&mut req).is_err() {
        return Ok(2);
    }
    Ok(0)
}

/// ipntable_show()'s filter.
struct Filter {
    family: u8,
    /// 0: any; NONE_DEV: the tables' own parameters only.
    index: u32,
    name: Option<String>,
}

fn ipntable_show(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut f = Filter { family: ctx.o.family, index: 0, name: None };
    while a.has_next() {
        let w = a.cur().to_string();
        match SELECTORS.find(&w) {
            Some(Sel::Dev) => {
                a.next_arg()?;
                if a.cur() == "none" {
                    f.index = NONE_DEV;
                } else {
                    f.index = ctx.ifindex(a.cur());
                    if f.index == 0 {
                        return Err(crate::error::invarg("\"DEV\" is invalid", a.cur()));
                    }
                }
            }
            Some(Sel::Name) => {
                a.next_arg()?;
                f.name = Some(a.cur().to_string());
            }
            None => return Err(crate::error::invarg("unknown", a.cur())),
        }
        a.step();
    }
    let mut req = Req::new(RTM_GETNEIGHTBL, NLM_F_DUMP | NLM_F_REQUEST, &ndtmsg(f.family));
    let rtnl = ctx.rtnl()?;
    if let Err(e) = rtnl.dump_request(&mut req) {
        return Err(crate::error::cannot_send_dump(e));
    }
    ctx.p.new_json_obj();
    let ok = ctx.dump_stream(|s, m| print_ntable(s, &f, &m))?;
    if !ok {
        let _ = ctx.p.flush();
        return Err(crate::error::dump_terminated());
    }
    ctx.p.delete_json_obj();
    // print_ntable() flushes stdout after each table: a batch's later
    // messages on stderr come after this listing.
    let _ = ctx.p.flush();
    Ok(0)
}

/// ntable_strtime_delta(): the local time `msec` ago, "(error)" for 0.
fn strtime_delta(msec: u32) -> String {
    if msec == 0 {
        return "(error)".into();
    }
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    crate::sys::strftime_local(now - (msec / 1000) as i64, "%Y-%m-%d %T").unwrap_or_else(|| "(error)".into())
}

fn print_ntable(s: &mut Shown, f: &Filter, m: &Msg) -> Res<()> {
    if m.ty != RTM_NEWNEIGHTBL {
        crate::eprintf!("Not NEIGHTBL: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return Ok(());
    }
    if m.payload.len() < NDTMSG_LEN {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - NDTMSG_LEN as i64);
        return Err(Exit(-1));
    }
    let family = m.payload[0];
    if f.family != 0 && f.family != family {
        return Ok(());
    }
    let tb = Tb::parse(&m.payload[NDTMSG_LEN..], NDTA_MAX);
    let name = tb.str(NDTA_NAME);
    if let (Some(want), Some(n)) = (f.name.as_deref(), name.as_deref()) {
        if want != n {
            return Ok(());
        }
    }
    let tpb = tb.nested(NDTA_PARMS, NDTPA_MAX);
    if let Some(tpb) = tpb.as_ref() {
        match tpb.u32(NDTPA_IFINDEX) {
            Some(idx) => {
                if f.index != 0 && f.index != idx {
                    return Ok(());
                }
            }
            None => {
                if f.index != 0 && f.index != NONE_DEV {
                    return Ok(());
                }
            }
        }
    }
    s.p.open_object(None);
    s.p.string(T::Any, "family", "{} ", crate::inet::family_name(family));
    if let Some(n) = &name {
        s.p.string(T::Any, "name", "{} ", n);
    }
    s.p.nl();
    let th = [NDTA_THRESH1, NDTA_THRESH2, NDTA_THRESH3, NDTA_GC_INTERVAL].iter().any(|&t| tb.has(t));
    if th {
        s.p.fp("    ");
    }
    for (ty, key) in [(NDTA_THRESH1, "thresh1"), (NDTA_THRESH2, "thresh2"), (NDTA_THRESH3, "thresh3")] {
        if let Some(v) = tb.get(ty) {
            s.p.uint_fmt(T::Any, key, &format!("{} {{}} ", key), get_u32(v).unwrap_or(0) as u64);
        }
    }
    if let Some(v) = tb.get(NDTA_GC_INTERVAL) {
        s.p.uint(T::Any, "gc_interval", "gc_int {} ", get_u64(v).unwrap_or(0));
    }
    if th {
        s.p.nl();
    }
    if s.o.stats > 0 {
        if let Some(c) = tb.get(NDTA_CONFIG) {
            print_ndtconfig(s, c);
        }
    }
    if let Some(tpb) = tpb.as_ref() {
        print_ndtparams(s, tpb);
    }
    if s.o.stats > 0 {
        if let Some(st) = tb.get(NDTA_STATS) {
            print_ndtstats(s, st);
        }
    }
    s.p.fp("\n");
    s.p.close_object();
    Ok(())
}

/// A field of a C struct read from an attribute (zero past its end).
fn at<const N: usize>(d: &[u8], off: usize) -> [u8; N] {
    let mut b = [0u8; N];
    if let Some(src) = d.get(off..off + N) {
        b.copy_from_slice(src);
    }
    b
}

fn print_ndtconfig(s: &mut Shown, c: &[u8]) {
    let u16_at = |off: usize| get_u16(&at::<2>(c, off)).unwrap_or(0) as u64;
    let u32_at = |off: usize| get_u32(&at::<4>(c, off)).unwrap_or(0);
    s.p.uint(T::Any, "key_length", "    config key_len {} ", u16_at(0));
    s.p.uint(T::Any, "entry_size", "entry_size {} ", u16_at(2));
    s.p.uint(T::Any, "entries", "entries {} ", u32_at(4) as u64);
    s.p.nl();
    s.p.string(T::Any, "last_flush", "        last_flush {} ", &strtime_delta(u32_at(8)));
    s.p.string(T::Any, "last_rand", "last_rand {} ", &strtime_delta(u32_at(12)));
    s.p.nl();
    s.p.uint(T::Any, "hash_rnd", "        hash_rnd {} ", u32_at(16) as u64);
    let mask = u32_at(20) as u64;
    if s.p.is_json() {
        s.p.xhex(T::Any, "hash_mask", "{}", mask);
    } else {
        s.p.fpf(format_args!("hash_mask {:08x} ", mask));
    }
    s.p.uint(T::Any, "hash_chain_gc", "hash_chain_gc {} ", u32_at(24) as u64);
    s.p.uint(T::Any, "proxy_qlen", "proxy_qlen {} ", u32_at(28) as u64);
    s.p.nl();
}

fn print_ndtparams(s: &mut Shown, tpb: &Tb) {
    if let Some(idx) = tpb.u32(NDTPA_IFINDEX) {
        s.p.fp("    dev ");
        let name = s.names.name(None, idx);
        s.p.color_string(T::Any, Color::Ifname, "dev", "{} ", &name);
        s.p.nl();
    }
    s.p.fp("    ");
    let u32v = |ty: u16| tpb.get(ty).map(|v| get_u32(v).unwrap_or(0) as u64);
    let u64v = |ty: u16| tpb.get(ty).map(|v| get_u64(v).unwrap_or(0));
    // Each line: (attribute, width, JSON key, text word), then a line break.
    let lines: [&[(u16, bool, &str, &str)]; 4] = [
        &[
            (NDTPA_REFCNT, false, "refcnt", "refcnt"),
            (NDTPA_REACHABLE_TIME, true, "reachable", "reachable"),
            (NDTPA_BASE_REACHABLE_TIME, true, "base_reachable", "base_reachable"),
            (NDTPA_RETRANS_TIME, true, "retrans", "retrans"),
        ],
        &[
            (NDTPA_GC_STALETIME, true, "gc_stale", "gc_stale"),
            (NDTPA_DELAY_PROBE_TIME, true, "delay_probe", "delay_probe"),
            (NDTPA_QUEUE_LEN, false, "queue", "queue"),
        ],
        &[
            (NDTPA_APP_PROBES, false, "app_probes", "app_probes"),
            (NDTPA_UCAST_PROBES, false, "ucast_probes", "ucast_probes"),
            (NDTPA_MCAST_PROBES, false, "mcast_probes", "mcast_probes"),
        ],
        &[
            (NDTPA_ANYCAST_DELAY, true, "anycast_delay", "anycast_delay"),
            (NDTPA_PROXY_DELAY, true, "proxy_delay", "proxy_delay"),
            (NDTPA_PROXY_QLEN, false, "proxy_queue", "proxy_queue"),
            (NDTPA_LOCKTIME, true, "locktime", "locktime"),
        ],
    ];
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            s.p.nl();
            s.p.fp("    ");
        }
        for &(ty, wide, key, word) in line.iter() {
            let v = if wide { u64v(ty) } else { u32v(ty) };
            if let Some(v) = v {
                s.p.uint_fmt(T::Any, key, &format!("{} {{}} ", word), v);
            }
        }
    }
    s.p.nl();
}

fn print_ndtstats(s: &mut Shown, st: &[u8]) {
    let v = |i: usize| get_u64(&at::<8>(st, i * 8)).unwrap_or(0);
    s.p.fp("    stats ");
    let lines: [&[(usize, &str)]; 5] = [
        &[(0, "allocs"), (1, "destroys"), (2, "hash_grows")],
        &[(3, "res_failed"), (4, "lookups"), (5, "hits")],
        &[(6, "rcv_probes_mcast"), (7, "rcv_probes_ucast")],
        &[(8, "periodic_gc_runs"), (9, "forced_gc_runs")],
        &[(10, "table_fulls")],
    ];
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            s.p.nl();
            s.p.fp("    ");
        }
        for &(n, key) in line.iter() {
            s.p.uint_fmt(T::Any, key, &format!("{} {{}} ", key), v(n));
        }
    }
    s.p.nl();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_the_reference_order() {
        assert_eq!(COMMANDS.find("c"), Some(Cmd::Change));
        assert_eq!(COMMANDS.find("s"), Some(Cmd::Show));
        assert_eq!(COMMANDS.find("l"), Some(Cmd::Show));
        assert_eq!(COMMANDS.find("h"), Some(Cmd::Help));
        assert_eq!(MODIFY.find("dev"), Some(Mod::Dev));
        assert_eq!(MODIFY.find("de"), None);
        assert_eq!(SELECTORS.find("name"), Some(Sel::Name));
    }
}
