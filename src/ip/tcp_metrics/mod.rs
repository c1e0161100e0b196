//! `ip tcp_metrics` / `ip tcpmetrics` (ip/tcp_metrics.c of iproute2
//! 6.1.0): the kernel's per-destination TCP metrics cache, over the
//! "tcp_metrics" generic netlink family: listed, deleted one by one and
//! flushed (by prefix, in rounds, or all at once).

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::inet::InetPrefix;
use crate::netlink::attr::{get_u16, get_u32, get_u64, msgs};
use crate::netlink::consts::*;
use crate::netlink::genl::{self, GENL_HDRLEN};
use crate::netlink::{FlushBatch, Msg, Req, Rtnl, Tb};
use crate::print::{Color, Printer, J, T};

pub const USAGE: &str = "Usage:	ip tcp_metrics/tcpmetrics { COMMAND | help }
	ip tcp_metrics { show | flush } SELECTOR
	ip tcp_metrics delete [ address ] ADDRESS
SELECTOR := [ [ address ] PREFIX ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

// linux/tcp_metrics.h
const TCP_METRICS_GENL_NAME: &str = "tcp_metrics";
const TCP_METRICS_GENL_VERSION: u8 = 1;
const TCP_METRICS_CMD_GET: u8 = 1;
const TCP_METRICS_CMD_DEL: u8 = 2;
const ATTR_ADDR_IPV4: u16 = 1;
const ATTR_ADDR_IPV6: u16 = 2;
const ATTR_AGE: u16 = 3;
const ATTR_TW_TSVAL: u16 = 4;
const ATTR_TW_TS_STAMP: u16 = 5;
const ATTR_VALS: u16 = 6;
const ATTR_FOPEN_MSS: u16 = 7;
const ATTR_FOPEN_SYN_DROPS: u16 = 8;
const ATTR_FOPEN_SYN_DROP_TS: u16 = 9;
const ATTR_FOPEN_COOKIE: u16 = 10;
const ATTR_SADDR_IPV4: u16 = 11;
const ATTR_SADDR_IPV6: u16 = 12;
const ATTR_MAX: usize = 13;
const TCP_METRIC_RTT: usize = 0;
const TCP_METRIC_RTTVAR: usize = 1;
const TCP_METRIC_RTT_US: usize = 5;
const TCP_METRIC_RTTVAR_US: usize = 6;
const TCP_METRIC_MAX: usize = 6;
const METRIC_NAME: [&str; TCP_METRIC_MAX + 1] = ["rtt", "rttvar", "ssthresh", "cwnd", "reordering", "", ""];

const CMD_LIST: u8 = 1;
const CMD_DEL: u8 = 2;
const CMD_FLUSH: u8 = 4;

/// do_tcp_metrics()'s commands, in the order of its cmds[] table.
static COMMANDS: Table<u8> = Table::new(
    "ip tcp_metrics",
    &[
        kw("list", CMD_LIST),
        kw("lst", CMD_LIST),
        kw("show", CMD_LIST),
        kw("delete", CMD_DEL),
        kw("remove", CMD_DEL),
        kw("flush", CMD_FLUSH),
        kw("help", 0),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sel {
    Src,
    Addr,
    Help,
}

/// tcpm_do_cmd()'s words: `src`/`source` and `addr`/`address` (strcmp),
/// `help`; any other word is the address.
static SELECTORS: Table<Sel> = Table::new(
    "ip tcp_metrics show",
    &[
        exact("src", Sel::Src),
        exact("source", Sel::Src),
        exact("addr", Sel::Addr),
        exact("address", Sel::Addr),
        kw("help", Sel::Help),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SELECTORS];

pub fn do_tcp_metrics(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return tcpm_do_cmd(ctx, CMD_LIST, args);
    };
    match COMMANDS.find(&cmd) {
        Some(0) => Err(usage()),
        Some(c) => tcpm_do_cmd(ctx, c, args),
        None => Err(crate::error::unknown_command(&cmd, "ip tcp_metrics")),
    }
}

/// tcp_metrics.c's filter and flush state.
struct Filter {
    cmd: u8,
    daddr: InetPrefix,
    saddr: InetPrefix,
    family: u16,
    flushing: bool,
    flushed: usize,
}

fn tcpm_do_cmd(ctx: &mut Ctx, mut cmd: u8, mut a: Args) -> Res<i32> {
    let pf = ctx.o.family;
    let mut f = Filter {
        cmd: 0,
        daddr: InetPrefix::default(),
        saddr: InetPrefix::default(),
        family: 0,
        flushing: false,
        flushed: 0,
    };
    f.daddr.bitlen = -1;
    f.daddr.family = pf;
    f.saddr.bitlen = -1;
    f.saddr.family = pf;
    if !matches!(pf, AF_UNSPEC | AF_INET | AF_INET6) {
        eprint_raw(&format!("Unsupported protocol family: {}\n", pf));
        return Ok(1);
    }
    let mut atype: Option<u16> = None;
    let mut stype: Option<u16> = None;
    // Each round of the loop steps over two words (the for loop's and its
    // body's argc--, argv++).
    while a.has_next() {
        let sel = SELECTORS.find(a.cur());
        if sel == Some(Sel::Src) {
            let who = a.cur().to_string();
            a.next_arg()?;
            if crate::args::matches(a.cur(), "help") {
                return Err(usage());
            }
            if f.saddr.bitlen >= 0 {
                return Err(crate::error::duparg2(&who, a.cur()));
            }
            f.saddr = crate::inet::get_prefix(a.cur(), pf)?;
            if f.saddr.bytelen != 0 && i32::from(f.saddr.bytelen) * 8 == i32::from(f.saddr.bitlen) {
                match f.saddr.family {
                    AF_INET => stype = Some(ATTR_SADDR_IPV4),
                    AF_INET6 => stype = Some(ATTR_SADDR_IPV6),
                    _ => {}
                }
            }
            if stype.is_none() {
                eprint_raw(&format!("Error: a specific IP address is expected rather than \"{}\"\n", a.cur()));
                return Ok(1);
            }
        } else {
            let mut who = "address".to_string();
            if sel == Some(Sel::Addr) {
                who = a.cur().to_string();
                a.next_arg()?;
            }
            if crate::args::matches(a.cur(), "help") {
                return Err(usage());
            }
            if f.daddr.bitlen >= 0 {
                return Err(crate::error::duparg2(&who, a.cur()));
            }
            f.daddr = crate::inet::get_prefix(a.cur(), pf)?;
            if f.daddr.bytelen != 0 && i32::from(f.daddr.bytelen) * 8 == i32::from(f.daddr.bitlen) {
                match f.daddr.family {
                    AF_INET => atype = Some(ATTR_ADDR_IPV4),
                    AF_INET6 => atype = Some(ATTR_ADDR_IPV6),
                    _ => {}
                }
            }
            if cmd & CMD_DEL != 0 && atype.is_none() {
                eprint_raw(&format!("Error: a specific IP address is expected rather than \"{}\"\n", a.cur()));
                return Ok(1);
            }
        }
        a.step();
        a.step();
    }
    if cmd == CMD_DEL && atype.is_none() {
        return Err(crate::error::missarg("address"));
    }
    // flush of one exact address: a single delete
    if cmd == CMD_FLUSH && atype.is_some() {
        cmd = CMD_DEL;
    }
    let mut gcmd = TCP_METRICS_CMD_GET;
    let ack;
    if cmd == CMD_FLUSH && f.daddr.bitlen <= 0 && f.saddr.bitlen <= 0 && pf == AF_UNSPEC {
        // flush of everything: a single delete without an address
        cmd = CMD_DEL;
        gcmd = TCP_METRICS_CMD_DEL;
        ack = true;
    } else if cmd == CMD_DEL {
        gcmd = TCP_METRICS_CMD_DEL;
        ack = true;
    } else {
        ack = false;
    }
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), TCP_METRICS_GENL_NAME) else {
        return Err(Exit(1));
    };
    f.family = family;
    let mut req = genl::request(family, gcmd, TCP_METRICS_GENL_VERSION, NLM_F_REQUEST);
    let single = cmd & CMD_FLUSH == 0 && (atype.is_some() || cmd & CMD_DEL != 0);
    if single {
        if let Some(t) = atype {
            let n = usize::from(f.daddr.bytelen).min(f.daddr.data.len());
            req.attr(t, &f.daddr.data[..n]);
        }
        if let Some(t) = stype {
            let n = usize::from(f.saddr.bytelen).min(f.saddr.data.len());
            req.attr(t, &f.saddr.data[..n]);
        }
    }
    f.cmd = cmd;
    if cmd & CMD_FLUSH != 0 {
        return flush(ctx, &mut g, &mut req, &mut f);
    }
    if ack {
        if g.talk(&mut req).is_err() {
            return Ok(2);
        }
    } else if atype.is_some() {
        let Ok(answer) = g.talk_answer(&mut req) else { return Ok(2) };
        let ok = match msgs(&answer).next() {
            Some(m) => process_msg(&mut ctx.p, &ctx.o, &mut f, None, m).is_ok(),
            None => false,
        };
        if !ok {
            eprint_raw("Dump terminated\n");
            return Err(Exit(1));
        }
    } else {
        if let Err(e) = g.dump_request(&mut req) {
            eprint_raw(&format!("Failed to send dump request: {}\n", strerror(e)));
            return Err(Exit(1));
        }
        ctx.p.new_json_obj();
        let (p, o) = (&mut ctx.p, &ctx.o);
        if !matches!(g.dump(|m| process_msg(p, o, &mut f, None, m)), Ok(true)) {
            eprint_raw("Dump terminated\n");
            return Err(Exit(1));
        }
        ctx.p.delete_json_obj();
    }
    Ok(0)
}

/// The flush rounds: dump, queue a delete per selected entry, send; until
/// a dump selects nothing.
fn flush(ctx: &mut Ctx, g: &mut Rtnl, req: &mut Req, f: &mut Filter) -> Res<i32> {
    let mut round = 0;
    let mut batch = FlushBatch::new(g.send_checker());
    f.flushing = true;
    loop {
        if let Err(e) = g.dump_request(req) {
            eprint_raw(&format!("Failed to send flush request: {}\n", strerror(e)));
            return Err(Exit(1));
        }
        f.flushed = 0;
        let (p, o) = (&mut ctx.p, &ctx.o);
        if !matches!(g.dump(|m| process_msg(p, o, f, Some(&mut batch), m)), Ok(true)) {
            eprint_raw("Flush terminated\n");
            return Err(Exit(1));
        }
        if f.flushed == 0 {
            if round == 0 {
                eprint_raw("Nothing to flush.\n");
            } else if ctx.o.stats > 0 {
                ctx.p.raw(crate::print::flush_complete(round).as_bytes());
            }
            let _ = ctx.p.flush();
            return Ok(0);
        }
        round += 1;
        if let Err(e) = batch.send_rest() {
            eprint_raw(&format!("Failed to send flush request\n: {}\n", strerror(e)));
            return Err(Exit(1));
        }
        if ctx.o.stats > 0 {
            ctx.p.raw(format!("\n*** Round {}, deleting {} entries ***\n", round, f.flushed).as_bytes());
            let _ = ctx.p.flush();
        }
    }
}

/// An address attribute as get_addr_rta() reads it for `family`.
fn addr_of(data: &[u8], family: u8) -> Option<InetPrefix> {
    crate::inet::get_addr_rta(data, family).ok()
}

fn process_msg(
    p: &mut Printer,
    o: &crate::ctx::Opts,
    f: &mut Filter,
    batch: Option<&mut FlushBatch>,
    m: Msg,
) -> Res<()> {
    if m.ty != f.family {
        return Err(Exit(1));
    }
    let Some(attrs) = m.payload.get(GENL_HDRLEN..) else { return Err(Exit(1)) };
    if m.payload.first().copied() != Some(TCP_METRICS_CMD_GET) {
        return Ok(());
    }
    let tb = Tb::parse(attrs, ATTR_MAX);
    let (atype, afam) = if tb.has(ATTR_ADDR_IPV4) {
        if f.daddr.family != 0 && f.daddr.family != AF_INET {
            return Ok(());
        }
        (ATTR_ADDR_IPV4, AF_INET)
    } else if tb.has(ATTR_ADDR_IPV6) {
        if f.daddr.family != 0 && f.daddr.family != AF_INET6 {
            return Ok(());
        }
        (ATTR_ADDR_IPV6, AF_INET6)
    } else {
        return Ok(());
    };
    let Some(daddr) = tb.get(atype).and_then(|d| addr_of(d, afam)) else { return Ok(()) };
    if f.daddr.family != 0
        && f.daddr.bitlen >= 0
        && crate::inet::inet_addr_match(&daddr, &f.daddr, i32::from(f.daddr.bitlen)) != 0
    {
        return Ok(());
    }
    let (stype, sfam) = if tb.has(ATTR_SADDR_IPV4) {
        if f.saddr.family != 0 && f.saddr.family != AF_INET {
            return Ok(());
        }
        (ATTR_SADDR_IPV4, AF_INET)
    } else if tb.has(ATTR_SADDR_IPV6) {
        if f.saddr.family != 0 && f.saddr.family != AF_INET6 {
            return Ok(());
        }
        (ATTR_SADDR_IPV6, AF_INET6)
    } else {
        (0, AF_UNSPEC)
    };
    let mut saddr = None;
    if sfam != AF_UNSPEC {
        let Some(s) = tb.get(stype).and_then(|d| addr_of(d, sfam)) else { return Ok(()) };
        if f.saddr.family != 0
            && f.saddr.bitlen >= 0
            && crate::inet::inet_addr_match(&s, &f.saddr, i32::from(f.saddr.bitlen)) != 0
        {
            return Ok(());
        }
        saddr = Some(s);
    }
    let dbytes = &daddr.data[..usize::from(daddr.bytelen).min(daddr.data.len())];
    if let Some(batch) = batch {
        let mut req2 = genl::request(f.family, TCP_METRICS_CMD_DEL, TCP_METRICS_GENL_VERSION, NLM_F_REQUEST);
        req2.attr(atype, dbytes);
        if let Some(s) = &saddr {
            req2.attr(stype, &s.data[..usize::from(s.bytelen).min(s.data.len())]);
        }
        if batch.push(req2.bytes(), f.family).is_err() {
            eprint_raw("Failed to send flush request\n: ");
            return Err(Exit(1));
        }
        f.flushed += 1;
        if o.stats < 2 {
            return Ok(());
        }
    }
    let resolve = o.resolve > 0;
    p.open_object(None);
    if f.cmd & (CMD_DEL | CMD_FLUSH) != 0 {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    let h = crate::inet::format_host(afam, dbytes, resolve);
    p.color_string(T::Any, Color::of_family(afam), "dst", "{}", &h);
    if let Some(v) = tb.get(ATTR_AGE).and_then(get_u64) {
        let age = v as f64 / 1000.0;
        p.float(T::Any, "age", &format!(" age {:.3}sec", age), age);
    }
    if let Some(stamp) = tb.get(ATTR_TW_TS_STAMP).and_then(get_u32) {
        let tsval = tb.get(ATTR_TW_TSVAL).and_then(get_u32).unwrap_or(0);
        let tw = format!("{}/{}", tsval, stamp as i32);
        p.string(T::Any, "tw_ts_stamp", " tw_ts {} ago", &tw);
    }
    if let Some(vals) = tb.get(ATTR_VALS) {
        print_tcp_metrics(p, vals);
    }
    if let Some(v) = tb.get(ATTR_FOPEN_MSS).and_then(get_u16) {
        p.uint(T::Any, "fopen_miss", " fo_mss {}", u64::from(v));
    }
    if let Some(drops) = tb.get(ATTR_FOPEN_SYN_DROPS).and_then(get_u16) {
        let ts = tb.get(ATTR_FOPEN_SYN_DROP_TS).and_then(get_u64).unwrap_or(0) as f64;
        p.uint(T::Any, "fopen_syn_drops", " fo_syn_drops {}", u64::from(drops));
        p.float(T::Any, "fopen_syn_drop_ts", &format!("/{:.3}usec ago", ts / 1_000_000.0), ts / 1_000_000.0);
    }
    if let Some(c) = tb.get(ATTR_FOPEN_COOKIE) {
        let cookie: String = c.iter().take(16).map(|b| format!("{:02x}", b)).collect();
        p.string(T::Any, "fo_cookie", " fo_cookie {}", &cookie);
    }
    if let Some(s) = &saddr {
        let src = crate::inet::format_host(s.family, &s.data[..usize::from(s.bytelen).min(s.data.len())], resolve);
        p.string(T::Any, "source", " source {}", &src);
    }
    p.fp("\n");
    p.close_object();
    Ok(())
}

fn print_tcp_metrics(p: &mut Printer, vals: &[u8]) {
    let m = Tb::parse(vals, TCP_METRIC_MAX + 1);
    let mut rtt: u64 = 0;
    let mut rttvar: u64 = 0;
    for (i, name) in METRIC_NAME.iter().enumerate() {
        let Some(val) = m.get(i as u16 + 1).map(|d| get_u32(d).unwrap_or(0)) else { continue };
        match i {
            TCP_METRIC_RTT => {
                if rtt == 0 {
                    rtt = (u64::from(val) * 1000) >> 3;
                }
            }
            TCP_METRIC_RTTVAR => {
                if rttvar == 0 {
                    rttvar = (u64::from(val) * 1000) >> 2;
                }
            }
            TCP_METRIC_RTT_US => rtt = u64::from(val >> 3),
            TCP_METRIC_RTTVAR_US => rttvar = u64::from(val >> 2),
            _ => {
                p.uint(T::Json, name, "", u64::from(val));
                p.fpf(format_args!(" {} ", name));
                p.fpf(format_args!("{}", val));
            }
        }
    }
    if rtt != 0 {
        p.field(T::Json, Color::None, Some("rtt"), J::F(rtt as f64 / 1e6), format_args!(""));
        p.fpf(format_args!(" rtt {}us", rtt));
    }
    if rttvar != 0 {
        p.field(T::Json, Color::None, Some("rttvar"), J::F(rttvar as f64 / 1e6), format_args!(""));
        p.fpf(format_args!(" rttvar {}us", rttvar));
    }
}
