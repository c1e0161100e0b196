//! `ip xfrm state` (ip/xfrm_state.c of iproute2 6.1.0) and `ip xfrm
//! monitor` (ip/xfrm_monitor.c): usage, the command table, list/deleteall
//! parsing with the dump, flush and count. Not yet here: add/update,
//! allocspi, get/delete (their ALGO parsing), the state printer and the
//! monitor's event loop; those say so.

use super::*;
use crate::error::{duparg, eprint_raw, strerror};
use crate::netlink::attr::msgs;
use crate::netlink::{Req, Tb};

pub const USAGE: &str = "Usage: ip xfrm state { add | update } ID [ ALGO-LIST ] [ mode MODE ]
        [ mark MARK [ mask MASK ] ] [ reqid REQID ] [ seq SEQ ]
        [ replay-window SIZE ] [ replay-seq SEQ ] [ replay-oseq SEQ ]
        [ replay-seq-hi SEQ ] [ replay-oseq-hi SEQ ]
        [ flag FLAG-LIST ] [ sel SELECTOR ] [ LIMIT-LIST ] [ encap ENCAP ]
        [ coa ADDR[/PLEN] ] [ ctx CTX ] [ extra-flag EXTRA-FLAG-LIST ]
        [ offload [dev DEV] dir DIR ]
        [ output-mark OUTPUT-MARK [ mask MASK ] ]
        [ if_id IF_ID ] [ tfcpad LENGTH ]
Usage: ip xfrm state allocspi ID [ mode MODE ] [ mark MARK [ mask MASK ] ]
        [ reqid REQID ] [ seq SEQ ] [ min SPI max SPI ]
Usage: ip xfrm state { delete | get } ID [ mark MARK [ mask MASK ] ]
Usage: ip xfrm state deleteall [ ID ] [ mode MODE ] [ reqid REQID ]
        [ flag FLAG-LIST ]
Usage: ip xfrm state list [ nokeys ] [ ID ] [ mode MODE ] [ reqid REQID ]
        [ flag FLAG-LIST ]
Usage: ip xfrm state flush [ proto XFRM-PROTO ]
Usage: ip xfrm state count
ID := [ src ADDR ] [ dst ADDR ] [ proto XFRM-PROTO ] [ spi SPI ]
XFRM-PROTO := esp | ah | comp | route2 | hao
ALGO-LIST := [ ALGO-LIST ] ALGO
ALGO := { enc | auth } ALGO-NAME ALGO-KEYMAT |
        auth-trunc ALGO-NAME ALGO-KEYMAT ALGO-TRUNC-LEN |
        aead ALGO-NAME ALGO-KEYMAT ALGO-ICV-LEN |
        comp ALGO-NAME
MODE := transport | tunnel | beet | ro | in_trigger
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG := noecn | decap-dscp | nopmtudisc | wildrecv | icmp | af-unspec | align4 | esn
EXTRA-FLAG-LIST := [ EXTRA-FLAG-LIST ] EXTRA-FLAG
EXTRA-FLAG := dont-encap-dscp | oseq-may-wrap
SELECTOR := [ src ADDR[/PLEN] ] [ dst ADDR[/PLEN] ] [ dev DEV ] [ UPSPEC ]
UPSPEC := proto { { tcp | udp | sctp | dccp } [ sport PORT ] [ dport PORT ] |
                  { icmp | ipv6-icmp | mobility-header } [ type NUMBER ] [ code NUMBER ] |
                  gre [ key { DOTTED-QUAD | NUMBER } ] | PROTO }
LIMIT-LIST := [ LIMIT-LIST ] limit LIMIT
LIMIT := { time-soft | time-hard | time-use-soft | time-use-hard } SECONDS |
         { byte-soft | byte-hard } SIZE | { packet-soft | packet-hard } COUNT
ENCAP := { espinudp | espinudp-nonike | espintcp } SPORT DPORT OADDR
DIR := in | out
";

pub const MONITOR_USAGE: &str = "Usage: ip xfrm monitor [ nokeys ] [ all-nsid ] [ all | OBJECTS | help ]
OBJECTS := { acquire | expire | SA | aevent | policy | report }
";

/// The words of list/deleteall and of the monitor (strcmp or matches()).
pub static WORDS: List = List {
    path: "ip xfrm state list",
    words: &[
        "nokeys", "mode", "reqid", "flag", "proto", "noecn", "decap-dscp", "nopmtudisc", "wildrecv", "icmp",
        "af-unspec", "align4", "esn",
    ],
};

pub static MONITOR: List = List {
    path: "ip xfrm monitor",
    words: &["file", "nokeys", "all", "all-nsid", "acquire", "expire", "SA", "aevent", "policy", "report", "help"],
};

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Add,
    Update,
    AllocSpi,
    Delete,
    DeleteAll,
    List,
    Get,
    Flush,
    Count,
    Help,
}

/// do_xfrm_state()'s commands, in its test order.
pub static COMMANDS: Table<Cmd> = Table::new(
    "ip xfrm state",
    &[
        kw("add", Cmd::Add),
        kw("update", Cmd::Update),
        kw("allocspi", Cmd::AllocSpi),
        kw("delete", Cmd::Delete),
        kw("deleteall", Cmd::DeleteAll),
        kw("delall", Cmd::DeleteAll),
        kw("list", Cmd::List),
        kw("show", Cmd::List),
        kw("lst", Cmd::List),
        kw("get", Cmd::Get),
        kw("flush", Cmd::Flush),
        kw("count", Cmd::Count),
        kw("help", Cmd::Help),
    ],
);

/// The state flags of xfrm_state_flag_parse() (strcmp), with their bits.
const STATE_FLAGS: [(&str, u8); 8] = [
    ("noecn", 1),
    ("decap-dscp", 2),
    ("nopmtudisc", 4),
    ("wildrecv", 8),
    ("icmp", 16),
    ("af-unspec", 32),
    ("align4", 64),
    ("esn", 128),
];

fn not_yet(what: &str) -> Exit {
    fail(1, &format!("rip: \"ip xfrm {}\" is not implemented yet.\n", what))
}

pub fn do_xfrm_state(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else { return list_or_deleteall(ctx, args, false) };
    match COMMANDS.find(&w) {
        Some(Cmd::Add) => Err(not_yet("state add")),
        Some(Cmd::Update) => Err(not_yet("state update")),
        Some(Cmd::AllocSpi) => Err(not_yet("state allocspi")),
        Some(Cmd::Delete) => Err(not_yet("state delete")),
        Some(Cmd::Get) => Err(not_yet("state get")),
        Some(Cmd::DeleteAll) => list_or_deleteall(ctx, args, true),
        Some(Cmd::List) => list_or_deleteall(ctx, args, false),
        Some(Cmd::Flush) => flush(ctx, args),
        Some(Cmd::Count) => sad_getinfo(ctx),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip xfrm state help\".\n", w))),
    }
}

/// xfrm_state_flag_parse()
fn flag_parse(flags: &mut u8, a: &mut Args) -> Res<()> {
    let w = a.cur();
    if w.len() > 2 && w.starts_with("0x") {
        match get_u8(w, 16) {
            Some(v) => *flags = v,
            None => return Err(invarg("FLAG value is invalid", w)),
        }
        return Ok(());
    }
    loop {
        match STATE_FLAGS.iter().find(|(n, _)| *n == a.cur()) {
            Some((_, b)) => *flags |= b,
            None => {
                a.back();
                break;
            }
        }
        if a.remaining() <= 1 {
            break;
        }
        a.next_arg()?;
    }
    Ok(())
}

fn list_or_deleteall(ctx: &mut Ctx, mut a: Args, deleteall: bool) -> Res<i32> {
    let mut f = Filter::default();
    let mut idp = false;
    // filter.xsinfo: saddr, id, family, mode, reqid, flags.
    let mut saddr = [0u8; 16];
    let mut id = [0u8; 24];
    let mut family = ctx.o.family as u16;
    let mut flags = 0u8;
    if a.has_next() || ctx.o.family != AF_UNSPEC {
        f.use_ = true;
    }
    while a.has_next() {
        match a.cur() {
            "nokeys" => {}
            "mode" => {
                a.next_arg()?;
                mode_parse(&a)?;
            }
            "reqid" => {
                a.next_arg()?;
                reqid_parse(&a)?;
            }
            "flag" => {
                a.next_arg()?;
                flag_parse(&mut flags, &mut a)?;
            }
            w => {
                if idp {
                    return Err(invarg("unknown", w));
                }
                idp = true;
                let out = IdOut { saddr: &mut saddr, id: &mut id, family: Some(&mut family) };
                id_parse(ctx, out, &mut f, true, &mut a)?;
                if ctx.o.family == AF_UNSPEC {
                    ctx.o.family = family as u8;
                }
            }
        }
        a.step();
    }
    let mut r = open_xfrm(ctx)?;
    if deleteall {
        return Err(not_yet("state deleteall"));
    }
    let mut req = Req::new(XFRM_MSG_GETSA, NLM_F_DUMP | NLM_F_REQUEST, &[]);
    if id[20] != 0 {
        req.attr_u8(XFRMA_PROTO, id[20]);
    }
    // struct xfrm_address_filter: saddr, daddr, family, splen, dplen.
    let mut af = [0u8; 36];
    af[..16].copy_from_slice(&saddr);
    af[16..32].copy_from_slice(&id[..16]);
    af[32..34].copy_from_slice(&family.to_ne_bytes());
    af[34] = f.id_src_mask as u8;
    af[35] = f.id_dst_mask as u8;
    req.attr(XFRMA_ADDRESS_FILTER, &af);
    if let Err(e) = r.dump_request(&mut req) {
        return Err(fail(1, &format!("Cannot send dump request: {}\n", strerror(e))));
    }
    let mut seen = false;
    let ok = r.dump(|_| {
        seen = true;
        Ok(())
    });
    if !matches!(ok, Ok(true)) {
        return Err(fail(1, "Dump terminated\n"));
    }
    if seen {
        return Err(not_yet("state list (of existing states)"));
    }
    Ok(0)
}

fn flush(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut proto: Option<u8> = None;
    while a.has_next() {
        if a.cur() == "proto" {
            if proto.is_some() {
                return Err(duparg("proto", a.cur()));
            }
            a.next_arg()?;
            match xfrmproto_getbyname(a.cur()) {
                Some(p) => proto = Some(p),
                None => return Err(invarg("XFRM-PROTO value is invalid", a.cur())),
            }
        } else {
            return Err(invarg("unknown", a.cur()));
        }
        a.step();
    }
    let p = proto.unwrap_or(0);
    // struct xfrm_usersa_flush is one byte: nlmsg_len 17.
    let mut req = Req::new(XFRM_MSG_FLUSHSA, NLM_F_REQUEST, &[p]);
    req.buf.truncate(17);
    req.buf[0..4].copy_from_slice(&17u32.to_ne_bytes());
    let mut r = open_xfrm(ctx)?;
    if ctx.o.stats > 1 {
        eprint_raw(&format!("Flush state with XFRM-PROTO value \"{}\"\n", strxf_xfrmproto(p)));
    }
    if r.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

fn sad_getinfo(ctx: &mut Ctx) -> Res<i32> {
    let mut r = open_xfrm(ctx)?;
    let mut req = Req::new(XFRM_MSG_GETSADINFO, NLM_F_REQUEST, &0xFFFF_FFFFu32.to_ne_bytes());
    let Ok(ans) = r.talk_answer(&mut req) else { return Err(Exit(2)) };
    let Some(m) = msgs(&ans).next() else { return Ok(0) };
    let len = m.payload.len() as i64 - 4;
    if len < 0 {
        eprint_raw(&format!("SADinfo: Wrong len {}\n", len));
        return Ok(0);
    }
    let tb = Tb::parse(&m.payload[4..], 3);
    let Some(cnt) = tb.u32(1) else {
        ctx.p.fp("BAD SAD info returned\n");
        return Ok(0);
    };
    ctx.p.fp("\t SAD");
    ctx.p.fpf(format_args!(" count {}", cnt));
    if ctx.o.stats > 0 {
        if let Some(d) = tb.get(2) {
            if d.len() < 8 {
                ctx.p.fp("BAD SAD length returned\n");
                return Ok(0);
            }
            let w = |i: usize| i32::from_ne_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
            ctx.p.fp(" (buckets ");
            ctx.p.fpf(format_args!("count {}", w(0)));
            ctx.p.fpf(format_args!(" Max {}", w(4)));
            ctx.p.fp(")");
        }
    }
    ctx.p.fp("\n");
    Ok(0)
}

/// do_xfrm_monitor(): its words are read; listening is not here yet.
pub fn do_xfrm_monitor(_ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    while let Some(w) = a.next() {
        if matches(&w, "file") {
            if a.next().is_none() {
                return Err(crate::error::incomplete_command());
            }
        } else if w == "nokeys" || w == "all" {
        } else if matches(&w, "all-nsid")
            || matches(&w, "acquire")
            || matches(&w, "expire")
            || matches(&w, "SA")
            || matches(&w, "aevent")
            || matches(&w, "policy")
            || matches(&w, "report")
        {
        } else if matches(&w, "help") {
            return Err(fail(255, MONITOR_USAGE));
        } else {
            return Err(fail(255, &format!("Argument \"{}\" is unknown, try \"ip xfrm monitor help\".\n", w)));
        }
    }
    Err(not_yet("monitor"))
}

fn matches(w: &str, k: &str) -> bool {
    crate::args::matches(w, k)
}
