//! `ip mroute` (ip/ipmroute.c of iproute2 6.1.0): the multicast forwarding
//! cache, dumped as RTNL_FAMILY_IPMR (IPv4) or RTNL_FAMILY_IP6MR (IPv6)
//! routes and filtered by table, input device and group/source prefix.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::inet::InetPrefix;
use crate::netlink::attr::{get_u64, hdr_u32, hdr_u8};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, T};

pub const USAGE: &str = "Usage: ip mroute show [ [ to ] PREFIX ] [ from PREFIX ] [ iif DEVICE ]
                      [ table TABLE_ID ]
TABLE_ID := [ local | main | default | all | NUMBER ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;
const RTN_MULTICAST: u8 = 5;
const RTNH_F_OFFLOAD: u32 = 8;
const RTNH_F_UNRESOLVED: u32 = 32;
const RT_TABLE_DEFAULT: u32 = 253;
const RT_TABLE_MAIN: u32 = 254;
/// sizeof(struct rtmsg)
const RTMSG_LEN: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Show,
    Help,
}

/// do_multiroute()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip mroute",
    &[kw("list", Cmd::Show), kw("show", Cmd::Show), kw("lst", Cmd::Show), kw("help", Cmd::Help)],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sel {
    Table,
    Iif,
    From,
    To,
    Help,
}

/// mroute_list()'s selectors, in its test order; any other word is the
/// group prefix.
static SELECTORS: Table<Sel> = Table::new(
    "ip mroute show",
    &[
        kw("table", Sel::Table),
        exact("iif", Sel::Iif),
        kw("from", Sel::From),
        exact("to", Sel::To),
        kw("help", Sel::Help),
    ],
);

/// The words `table` takes besides the table names and numbers.
static TABLE_WORDS: Table<()> = Table::new("ip mroute show table", &[exact("all", ()), exact("help", ())]);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SELECTORS, &TABLE_WORDS];

pub fn do_multiroute(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return mroute_list(ctx, args);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Show) => mroute_list(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(crate::error::unknown_command(&cmd, "ip mroute")),
    }
}

/// ipmroute.c's filter.
struct Filter {
    tb: u32,
    af: u8,
    iif: u32,
    mdst: InetPrefix,
    msrc: InetPrefix,
}

fn mroute_list(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut f = Filter { tb: 0, af: 0, iif: 0, mdst: InetPrefix::default(), msrc: InetPrefix::default() };
    f.mdst.bitlen = -1;
    f.msrc.bitlen = -1;
    let family = match ctx.o.family {
        AF_INET | AF_UNSPEC => {
            f.tb = RT_TABLE_DEFAULT;
            RTNL_FAMILY_IPMR
        }
        AF_INET6 => RTNL_FAMILY_IP6MR,
        // the family has no multicast routing
        _ => return Ok(0),
    };
    f.af = family;
    f.msrc.family = family;
    f.mdst.family = family;
    let mut id: Option<String> = None;
    while a.has_next() {
        match SELECTORS.find(a.cur()) {
            Some(Sel::Table) => {
                a.next_arg()?;
                match crate::names::tables::rttable_a2n(a.cur()) {
                    Some(t) => f.tb = t,
                    None => match TABLE_WORDS.entry(a.cur()).map(|k| k.word()) {
                        Some("all") => f.tb = 0,
                        Some(_) => return Err(usage()),
                        None => return Err(crate::error::invarg("table id value is invalid\n", a.cur())),
                    },
                }
            }
            Some(Sel::Iif) => {
                a.next_arg()?;
                id = Some(a.cur().to_string());
            }
            Some(Sel::From) => {
                a.next_arg()?;
                f.msrc = crate::inet::get_prefix(a.cur(), family)?;
            }
            other => {
                if other == Some(Sel::To) {
                    a.next_arg()?;
                }
                if crate::args::matches(a.cur(), "help") {
                    return Err(usage());
                }
                f.mdst = crate::inet::get_prefix(a.cur(), family)?;
            }
        }
        a.step();
    }
    ctx.init_map()?;
    if let Some(id) = id {
        let idx = ctx.ifindex(&id);
        if idx == 0 {
            crate::error::say_no_device(&id);
            return Ok(1);
        }
        f.iif = idx;
    }
    let mut req = Req::new(RTM_GETROUTE, NLM_F_DUMP | NLM_F_REQUEST, &[f.af, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    if f.tb != 0 {
        req.attr_u32(RTA_TABLE, f.tb);
    }
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        eprint_raw(&format!("Cannot send dump request: {}\n", strerror(e)));
        return Ok(255);
    }
    ctx.p.new_json_obj();
    let ok = ctx.dump_stream(|s, m| print_mroute(s, m, &f));
    if !matches!(ok, Ok(true)) {
        // jsonw_destroy() flushes stdout before the message.
        if ctx.p.is_json() {
            ctx.p.delete_json_obj();
            let _ = ctx.p.flush();
        }
        crate::error::say_dump_terminated();
        return Err(Exit(1));
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// get_real_family(): the address family of a multicast route's addresses.
fn real_family(rtm_type: u8, family: u8) -> u8 {
    if rtm_type != RTN_MULTICAST {
        return family;
    }
    match family {
        RTNL_FAMILY_IPMR => AF_INET,
        RTNL_FAMILY_IP6MR => AF_INET6,
        f => f,
    }
}

/// ip monitor's [MROUTE] body: print_mroute() with ipmroute.c's filter as
/// a monitor leaves it (static, all zero: every entry matches).
pub fn print_event(s: &mut Shown, m: Msg) -> Res<()> {
    let f = Filter { tb: 0, af: 0, iif: 0, mdst: InetPrefix::default(), msrc: InetPrefix::default() };
    print_mroute(s, m, &f)
}

fn print_mroute(s: &mut Shown, m: Msg, f: &Filter) -> Res<()> {
    if m.ty != RTM_NEWROUTE && m.ty != RTM_DELROUTE {
        eprint_raw(&format!("Not a multicast route: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags));
        return Ok(());
    }
    let Some(attrs) = m.payload.get(RTMSG_LEN..) else {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - RTMSG_LEN as i64));
        return Err(Exit(1));
    };
    let rtm_family = hdr_u8(m.payload, 0);
    let rtm_table = hdr_u8(m.payload, 4);
    let rtm_type = hdr_u8(m.payload, 7);
    let rtm_flags = hdr_u32(m.payload, 8);
    if rtm_type != RTN_MULTICAST {
        eprint_raw("Non multicast route received, kernel does support IP multicast?\n");
        return Err(Exit(1));
    }
    let tb = Tb::parse(attrs, RTA_MAX);
    // rtm_get_table()
    let table = tb.u32(RTA_TABLE).unwrap_or(u32::from(rtm_table));
    if f.tb > 0 && f.tb != table {
        return Ok(());
    }
    let iif = tb.u32(RTA_IIF).unwrap_or(0);
    if f.iif != 0 && f.iif != iif {
        return Ok(());
    }
    if f.af != 0 && f.af != rtm_family {
        return Ok(());
    }
    if crate::inet::inet_addr_match_rta(&f.mdst, tb.get(RTA_DST)) != 0 {
        return Ok(());
    }
    if crate::inet::inet_addr_match_rta(&f.msrc, tb.get(RTA_SRC)) != 0 {
        return Ok(());
    }
    let family = real_family(rtm_type, rtm_family);
    s.p.open_object(None);
    if m.ty == RTM_DELROUTE {
        s.p.bool(T::Any, "deleted", "Deleted ", true);
    }
    let src = tb.get(RTA_SRC).map(|d| crate::inet::rt_addr_n2a(family, d)).unwrap_or_else(|| "unknown".into());
    let dst = tb.get(RTA_DST).map(|d| crate::inet::rt_addr_n2a(family, d)).unwrap_or_else(|| "unknown".into());
    if s.p.is_json() {
        s.p.string(T::Json, "src", "", &src);
        s.p.string(T::Json, "dst", "", &dst);
    } else {
        let mut obuf = format!("({},{})", src, dst);
        obuf.truncate(255);
        s.p.fpf(format_args!("{:<32} Iif: ", obuf));
    }
    if iif != 0 {
        let name = s.names.name(None, iif);
        s.p.field(
            T::Any,
            Color::Ifname,
            Some("iif"),
            crate::print::J::Str(&name),
            format_args!("{:<10} ", crate::print::fmt::C(&name)),
        );
    } else {
        s.p.string(T::Any, "iif", "{} ", "unresolved");
    }
    if let Some(mp) = tb.get(RTA_MULTIPATH) {
        s.p.open_array(T::Json, "multipath");
        let mut first = true;
        let mut rest = mp;
        // struct rtnexthop: len u16, flags u8, hops u8, ifindex i32.
        while rest.len() >= 8 {
            let len = usize::from(u16::from_ne_bytes([rest[0], rest[1]]));
            if len > rest.len() {
                break;
            }
            let hops = rest[3];
            let ifindex = hdr_u32(rest, 4);
            s.p.open_object(None);
            if first {
                s.p.fp("Oifs: ");
                first = false;
            }
            let name = s.names.name(None, ifindex);
            s.p.color_string(T::Any, Color::Ifname, "oif", "{}", &name);
            if hops > 1 {
                s.p.uint(T::Any, "ttl", "(ttl {}) ", u64::from(hops));
            } else {
                s.p.fp(" ");
            }
            s.p.close_object();
            let step = crate::netlink::attr::align4(len);
            if step == 0 || step > rest.len() {
                break;
            }
            rest = &rest[step..];
        }
        s.p.close_array(T::Json, "");
    }
    let state = if rtm_flags & RTNH_F_UNRESOLVED != 0 { "unresolved" } else { "resolved" };
    s.p.string(T::Any, "state", " State: {}", state);
    if rtm_flags & RTNH_F_OFFLOAD != 0 {
        s.p.null(T::Any, "offload", " offload", "");
    }
    if s.o.stats > 0 {
        if let Some(st) = tb.get(RTA_MFC_STATS) {
            // struct rta_mfc_stats: packets, bytes, wrong_if (u64 each).
            let packets = st.get(0..8).and_then(get_u64).unwrap_or(0);
            let bytes = st.get(8..16).and_then(get_u64).unwrap_or(0);
            let wrong_if = st.get(16..24).and_then(get_u64).unwrap_or(0);
            s.p.nl();
            s.p.uint(T::Any, "packets", "  {} packets,", packets);
            s.p.uint(T::Any, "bytes", " {} bytes", bytes);
            if wrong_if != 0 {
                s.p.uint(T::Any, "wrong_if", ", {} arrived on wrong iif.", wrong_if);
            }
        }
        if let Some(e) = tb.get(RTA_EXPIRES).and_then(get_u64) {
            // __jiffies_to_tv(): iproute2 counts 100 jiffies a second.
            let tvusec = 10000u64.wrapping_mul(e);
            let age = (tvusec / 1_000_000) as f64 + (tvusec % 1_000_000) as f64 / 1_000_000.0;
            s.p.float(T::Any, "expires", &format!(", Age {:.2}", age), age);
        }
    }
    if table != 0 && (table != RT_TABLE_MAIN || s.o.details > 0) && f.tb == 0 {
        let n = crate::names::tables::rttable_n2a(table, s.o.numeric > 0);
        s.p.string(T::Any, "table", " Table: {}", n.as_str());
    }
    s.p.fp("\n");
    s.p.close_object();
    Ok(())
}
