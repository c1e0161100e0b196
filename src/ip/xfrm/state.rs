//! `ip xfrm state` (ip/xfrm_state.c of iproute2 6.1.0): the security
//! association database: add/update with their ALGO, replay, encap,
//! offload and mark options, allocspi, get/delete, deleteall/list with
//! their filter, flush, count, and the state printer (which `ip xfrm
//! monitor` shares).

use super::print::{self, Out};
use super::*;
use crate::error::{duparg, eprint_raw, strerror};
use crate::netlink::attr::msgs;
use crate::netlink::{Msg, Req, Tb};

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

/// The words of the state commands (strcmp); any other word is an ALGO
/// type or the ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    Nokeys,
    Mode,
    Mark,
    Reqid,
    Seq,
    ReplayWindow,
    ReplaySeq,
    ReplaySeqHi,
    ReplayOseq,
    ReplayOseqHi,
    Flag,
    ExtraFlag,
    Sel,
    Limit,
    Encap,
    Coa,
    Ctx,
    Offload,
    OutputMark,
    IfId,
    Tfcpad,
    Min,
    Max,
}

pub static WORDS: Table<W> = Table::new(
    "ip xfrm state add",
    &[
        exact("nokeys", W::Nokeys),
        exact("mode", W::Mode),
        exact("mark", W::Mark),
        exact("reqid", W::Reqid),
        exact("seq", W::Seq),
        exact("replay-window", W::ReplayWindow),
        exact("replay-seq", W::ReplaySeq),
        exact("replay-seq-hi", W::ReplaySeqHi),
        exact("replay-oseq", W::ReplayOseq),
        exact("replay-oseq-hi", W::ReplayOseqHi),
        exact("flag", W::Flag),
        exact("extra-flag", W::ExtraFlag),
        exact("sel", W::Sel),
        exact("limit", W::Limit),
        exact("encap", W::Encap),
        exact("coa", W::Coa),
        exact("ctx", W::Ctx),
        exact("offload", W::Offload),
        exact("output-mark", W::OutputMark),
        exact("if_id", W::IfId),
        exact("tfcpad", W::Tfcpad),
        exact("min", W::Min),
        exact("max", W::Max),
    ],
);

/// algo_types[] of ipxfrm.c (strcmp), with their XFRMA_* type.
pub static ALGOS: Table<u16> = Table::new(
    "ip xfrm state ALGO",
    &[
        exact("enc", XFRMA_ALG_CRYPT),
        exact("auth", XFRMA_ALG_AUTH),
        exact("comp", XFRMA_ALG_COMP),
        exact("aead", XFRMA_ALG_AEAD),
        exact("auth-trunc", XFRMA_ALG_AUTH_TRUNC),
    ],
);

/// xfrm_encap_type_parse() (strcmp): UDP_ENCAP_ESPINUDP_NON_IKE,
/// UDP_ENCAP_ESPINUDP, TCP_ENCAP_ESPINTCP.
pub static ENCAPS: Table<u16> =
    Table::new("ip xfrm state encap", &[exact("espinudp-nonike", 1), exact("espinudp", 2), exact("espintcp", 7)]);

/// The values read by strcmp: state flags, extra flags, offload words.
pub static VALUES: List = List {
    path: "ip xfrm state VALUE",
    words: &[
        "noecn",
        "decap-dscp",
        "nopmtudisc",
        "wildrecv",
        "icmp",
        "af-unspec",
        "align4",
        "esn",
        "dont-encap-dscp",
        "oseq-may-wrap",
        "dev",
        "dir",
        "in",
        "out",
        "mask",
    ],
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

pub fn do_xfrm_state(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else { return list_or_deleteall(ctx, args, false) };
    match COMMANDS.find(&w) {
        Some(Cmd::Add) => modify(ctx, XFRM_MSG_NEWSA, args),
        Some(Cmd::Update) => modify(ctx, XFRM_MSG_UPDSA, args),
        Some(Cmd::AllocSpi) => allocspi(ctx, args),
        Some(Cmd::Delete) => get_or_delete(ctx, args, true),
        Some(Cmd::Get) => get_or_delete(ctx, args, false),
        Some(Cmd::DeleteAll) => list_or_deleteall(ctx, args, true),
        Some(Cmd::List) => list_or_deleteall(ctx, args, false),
        Some(Cmd::Flush) => flush(ctx, args),
        Some(Cmd::Count) => sad_getinfo(ctx),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip xfrm state help\".\n", w))),
    }
}

// struct xfrm_usersa_info (224 bytes): the offsets of its fields.
const SA_ID: usize = 56;
const SA_SADDR: usize = 80;
const SA_LFT: usize = 96;
const SA_CURLFT: usize = 160;
const SA_STATS: usize = 192;
const SA_SEQ: usize = 204;
const SA_REQID: usize = 208;
const SA_FAMILY: usize = 212;
const SA_MODE: usize = 214;
const SA_REPLAY_WINDOW: usize = 215;
const SA_FLAGS: usize = 216;
const SA_LEN: usize = 224;

const XFRM_MSG_DELSA: u16 = 0x11;
const XFRM_MSG_ALLOCSPI: u16 = 0x16;
const XFRM_MSG_EXPIRE: u16 = 0x18;
const XFRM_MSG_UPDSA: u16 = 0x1a;
const XFRMA_SA: u16 = 6;
const XFRMA_SRCADDR: u16 = 13;
const XFRMA_SA_EXTRA_FLAGS: u16 = 24;
const XFRMA_REPLAY_ESN_MAX: u32 = 4096;
/// RTA_BUF_SIZE of xfrm_state.c: the bound addattr_l() checks.
const RTA_BUF_SIZE: usize = 2048;
/// XFRM_ALGO_KEY_BUF_SIZE
const KEY_BUF: usize = 512;

/// addattr_l() against RTA_BUF_SIZE: false (and its message) when the
/// attribute does not fit.
fn addattr(req: &mut Req, ty: u16, data: &[u8]) -> bool {
    if req.len() + crate::netlink::attr::align4(4 + data.len()) > RTA_BUF_SIZE {
        eprint_raw(&format!("addattr_l ERROR: message exceeded bound of {}\n", RTA_BUF_SIZE));
        return false;
    }
    req.attr(ty, data);
    true
}

fn u32_at(b: &[u8], o: usize) -> u32 {
    b.get(o..o + 4).map(|x| u32::from_ne_bytes([x[0], x[1], x[2], x[3]])).unwrap_or(0)
}

fn put_u32(b: &mut [u8], o: usize, v: u32) {
    b[o..o + 4].copy_from_slice(&v.to_ne_bytes());
}

/// xfrm_seq_parse(): get_be32.
fn seq_parse(a: &Args) -> Res<[u8; 4]> {
    match get_u32(a.cur(), 0) {
        Some(v) => Ok(v.to_be_bytes()),
        None => Err(invarg("SEQ value is invalid", a.cur())),
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

/// xfrm_state_extra_flag_parse()
fn extra_flag_parse(flags: &mut u32, a: &mut Args) -> Res<()> {
    let w = a.cur();
    if w.len() > 2 && w.starts_with("0x") {
        match get_u32(w, 16) {
            Some(v) => *flags = v,
            None => return Err(invarg("\"EXTRA-FLAG\" is invalid", w)),
        }
        return Ok(());
    }
    loop {
        match a.cur() {
            "dont-encap-dscp" => *flags |= 1,
            "oseq-may-wrap" => *flags |= 2,
            _ => {
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

fn value_u32(a: &Args, what: &str) -> Res<u32> {
    get_u32(a.cur(), 0).ok_or_else(|| invarg(&format!("value after \"{}\" is invalid", what), a.cur()))
}

/// xfrm_algo_parse(): the key as hex (`0x...`, an odd length gets a
/// leading 0) or as the string itself.
fn algo_key(key: &str) -> Res<Vec<u8>> {
    let b = key.as_bytes();
    if b.len() > 2 && key.starts_with("0x") {
        let p = &b[2..];
        let len = p.len().div_ceil(2);
        if len > KEY_BUF {
            return Err(invarg("ALGO-KEYMAT value makes buffer overflow\n", key));
        }
        let mut out = Vec::with_capacity(len);
        let mut i = -((p.len() % 2) as isize);
        for _ in 0..len {
            let c0 = if i >= 0 { p[i as usize] } else { b'0' };
            let c1 = p[(i + 1) as usize];
            let pair = [c0, c1];
            let v = std::str::from_utf8(&pair).ok().and_then(|s| get_u8(s, 16));
            match v {
                Some(v) => out.push(v),
                None => return Err(invarg("ALGO-KEYMAT value is invalid", key)),
            }
            i += 2;
        }
        Ok(out)
    } else {
        if b.len() > KEY_BUF {
            return Err(invarg("ALGO-KEYMAT value makes buffer overflow\n", key));
        }
        Ok(b.to_vec())
    }
}

fn algotype_name(t: u16) -> &'static str {
    match t {
        XFRMA_ALG_CRYPT => "enc",
        XFRMA_ALG_AUTH => "auth",
        XFRMA_ALG_COMP => "comp",
        XFRMA_ALG_AEAD => "aead",
        _ => "auth-trunc",
    }
}

fn is_ipsec(p: u8) -> bool {
    p == IPPROTO_ESP || p == IPPROTO_AH || p == IPPROTO_COMP
}

fn is_ro(p: u8) -> bool {
    p == IPPROTO_ROUTING || p == IPPROTO_DSTOPTS
}

/// The ID of a state: xfrm_id_parse() into struct xfrm_usersa_info's
/// saddr, id and family.
fn sa_id_parse(ctx: &Ctx, xs: &mut [u8], f: &mut Filter, loose: bool, a: &mut Args) -> Res<()> {
    let mut family = u16::from_ne_bytes([xs[SA_FAMILY], xs[SA_FAMILY + 1]]);
    let mut saddr = [0u8; 16];
    saddr.copy_from_slice(&xs[SA_SADDR..SA_SADDR + 16]);
    let mut id = [0u8; 24];
    id.copy_from_slice(&xs[SA_ID..SA_ID + 24]);
    let r = id_parse(ctx, IdOut { saddr: &mut saddr, id: &mut id, family: Some(&mut family) }, f, loose, a);
    xs[SA_SADDR..SA_SADDR + 16].copy_from_slice(&saddr);
    xs[SA_ID..SA_ID + 24].copy_from_slice(&id);
    xs[SA_FAMILY..SA_FAMILY + 2].copy_from_slice(&family.to_ne_bytes());
    r
}

fn mark_bytes(v: u32, m: u32) -> [u8; 8] {
    let mut b = [0u8; 8];
    b[..4].copy_from_slice(&v.to_ne_bytes());
    b[4..].copy_from_slice(&m.to_ne_bytes());
    b
}

/// xfrm_state_modify(): add (XFRM_MSG_NEWSA) and update (XFRM_MSG_UPDSA).
fn modify(ctx: &mut Ctx, cmd: u16, mut a: Args) -> Res<i32> {
    let mut xs = [0u8; SA_LEN];
    xs[SA_FAMILY..SA_FAMILY + 2].copy_from_slice(&(ctx.o.family as u16).to_ne_bytes());
    for i in 0..4 {
        xs[SA_LFT + i * 8..SA_LFT + i * 8 + 8].copy_from_slice(&XFRM_INF.to_ne_bytes());
    }
    let mut req = Req::new(cmd, NLM_F_REQUEST, &xs);
    let mut f = Filter::default();
    let (mut offload, mut ifindex, mut dir) = (false, 0u32, 0u8);
    let mut replay_window = 0u32;
    let (mut seq, mut oseq, mut seq_hi, mut oseq_hi) = (0u32, 0u32, 0u32, 0u32);
    let mut idp = false;
    let (mut aeadop, mut ealgop, mut aalgop, mut calgop) = (false, false, false, false);
    let (mut coap, mut sctxp) = (false, false);
    let mut extra_flags = 0u32;
    let mut mark = (0u32, 0u32);
    let mut output_mark = (0u32, 0u32);
    let mut if_id: Option<u32> = None;
    let mut tfcpad = 0u32;
    let mut sel = Sel::default();
    while a.has_next() {
        match WORDS.find(a.cur()) {
            Some(W::Mode) => {
                a.next_arg()?;
                xs[SA_MODE] = mode_parse(&a)?;
            }
            Some(W::Mark) => mark = parse_mark(&mut a)?,
            Some(W::Reqid) => {
                a.next_arg()?;
                put_u32(&mut xs, SA_REQID, reqid_parse(&a)?);
            }
            Some(W::Seq) => {
                a.next_arg()?;
                xs[SA_SEQ..SA_SEQ + 4].copy_from_slice(&seq_parse(&a)?);
            }
            Some(W::ReplayWindow) => {
                a.next_arg()?;
                replay_window = value_u32(&a, "replay-window")?;
            }
            Some(W::ReplaySeq) => {
                a.next_arg()?;
                seq = value_u32(&a, "replay-seq")?;
            }
            Some(W::ReplaySeqHi) => {
                a.next_arg()?;
                seq_hi = value_u32(&a, "replay-seq-hi")?;
            }
            Some(W::ReplayOseq) => {
                a.next_arg()?;
                oseq = value_u32(&a, "replay-oseq")?;
            }
            Some(W::ReplayOseqHi) => {
                a.next_arg()?;
                oseq_hi = value_u32(&a, "replay-oseq-hi")?;
            }
            Some(W::Flag) => {
                a.next_arg()?;
                flag_parse(&mut xs[SA_FLAGS], &mut a)?;
            }
            Some(W::ExtraFlag) => {
                a.next_arg()?;
                extra_flag_parse(&mut extra_flags, &mut a)?;
            }
            Some(W::Sel) => {
                a.next_arg()?;
                ctx.o.family = AF_UNSPEC;
                selector_parse(ctx, &mut sel, &mut f, &mut a)?;
                ctx.o.family = sel.family() as u8;
            }
            Some(W::Limit) => {
                a.next_arg()?;
                lifetime_cfg_parse(&mut xs[SA_LFT..SA_LFT + 64], &mut a)?;
            }
            Some(W::Encap) => {
                // struct xfrm_encap_tmpl: type, sport, dport, (pad), oa.
                let mut e = [0u8; 24];
                a.next_arg()?;
                let Some(t) = ENCAPS.find(a.cur()) else {
                    return Err(invarg("ENCAP-TYPE value is invalid", a.cur()));
                };
                e[0..2].copy_from_slice(&t.to_ne_bytes());
                a.next_arg()?;
                let Some(sp) = get_u16(a.cur(), 0) else {
                    return Err(invarg("SPORT value after \"encap\" is invalid", a.cur()));
                };
                e[2..4].copy_from_slice(&sp.to_be_bytes());
                a.next_arg()?;
                let Some(dp) = get_u16(a.cur(), 0) else {
                    return Err(invarg("DPORT value after \"encap\" is invalid", a.cur()));
                };
                e[4..6].copy_from_slice(&dp.to_be_bytes());
                a.next_arg()?;
                let oa = inet::get_addr(a.cur(), AF_UNSPEC)?;
                e[8..24].copy_from_slice(&oa.data[..16]);
                addattr(&mut req, XFRMA_ENCAP, &e);
            }
            Some(W::Coa) => {
                if coap {
                    return Err(duparg("coa", a.cur()));
                }
                coap = true;
                a.next_arg()?;
                let p = inet::get_prefix(a.cur(), ctx.o.family)?;
                if p.family == AF_UNSPEC {
                    return Err(invarg("value after \"coa\" has an unrecognized address family", a.cur()));
                }
                let mut x = [0u8; 16];
                let n = (p.bytelen as usize).min(16);
                x[..n].copy_from_slice(&p.data[..n]);
                addattr(&mut req, XFRMA_COADDR, &x);
            }
            Some(W::Ctx) => {
                if sctxp {
                    return Err(duparg("ctx", a.cur()));
                }
                sctxp = true;
                a.next_arg()?;
                addattr(&mut req, XFRMA_SEC_CTX, &sctx_bytes(a.cur()));
            }
            Some(W::Offload) => {
                offload = true;
                a.next_arg()?;
                if a.cur() == "dev" {
                    a.next_arg()?;
                    ifindex = ctx.ifindex(a.cur());
                    if ifindex == 0 {
                        return Err(invarg("value after \"offload dev\" is invalid", a.cur()));
                    }
                    a.next_arg()?;
                }
                if a.cur() == "dir" {
                    a.next_arg()?;
                    dir = match a.cur() {
                        "in" => 2,
                        "out" => 0,
                        w => return Err(invarg("DIR value is invalid", w)),
                    };
                } else {
                    return Err(invarg("value after \"offload dir\" is invalid", a.cur()));
                }
            }
            Some(W::OutputMark) => {
                a.next_arg()?;
                output_mark.0 = value_u32(&a, "output-mark")?;
                if a.remaining() > 1 {
                    a.next_arg()?;
                    if a.cur() == "mask" {
                        a.next_arg()?;
                        match get_u32(a.cur(), 0) {
                            Some(m) => output_mark.1 = m,
                            None => return Err(invarg("mask value is invalid\n", a.cur())),
                        }
                    } else {
                        a.back();
                    }
                }
            }
            Some(W::IfId) => {
                a.next_arg()?;
                if_id = Some(value_u32(&a, "if_id")?);
            }
            Some(W::Tfcpad) => {
                a.next_arg()?;
                tfcpad = value_u32(&a, "tfcpad")?;
            }
            _ => match ALGOS.find(a.cur()) {
                Some(ty) => {
                    let dup = match ty {
                        XFRMA_ALG_AEAD => ealgop || aalgop || aeadop,
                        XFRMA_ALG_CRYPT => ealgop || aeadop,
                        XFRMA_ALG_AUTH | XFRMA_ALG_AUTH_TRUNC => aalgop || aeadop,
                        _ => calgop,
                    };
                    if dup {
                        return Err(duparg("ALGO-TYPE", a.cur()));
                    }
                    match ty {
                        XFRMA_ALG_AEAD => aeadop = true,
                        XFRMA_ALG_CRYPT => ealgop = true,
                        XFRMA_ALG_AUTH | XFRMA_ALG_AUTH_TRUNC => aalgop = true,
                        _ => calgop = true,
                    }
                    if a.remaining() <= 1 {
                        return Err(missarg("ALGO-NAME"));
                    }
                    a.next_arg()?;
                    let name = a.cur().to_string();
                    let mut key = String::new();
                    if ty != XFRMA_ALG_COMP {
                        if a.remaining() <= 1 {
                            return Err(missarg("ALGO-KEYMAT"));
                        }
                        a.next_arg()?;
                        key = a.cur().to_string();
                    }
                    let mut extra: Option<u32> = None;
                    if ty == XFRMA_ALG_AEAD || ty == XFRMA_ALG_AUTH_TRUNC {
                        let (what, msg) = if ty == XFRMA_ALG_AEAD {
                            ("ALGO-ICV-LEN", "ALGO-ICV-LEN value is invalid")
                        } else {
                            ("ALGO-TRUNC-LEN", "ALGO-TRUNC-LEN value is invalid")
                        };
                        if a.remaining() <= 1 {
                            return Err(missarg(what));
                        }
                        a.next_arg()?;
                        extra = Some(get_u32(a.cur(), 0).ok_or_else(|| invarg(msg, a.cur()))?);
                    }
                    let k = algo_key(&key)?;
                    // struct xfrm_algo[_aead|_auth]: name[64] (strlcpy),
                    // key_len in bits, [icv_len|trunc_len], key.
                    let mut d = vec![0u8; 64];
                    let nb = crate::args::bytes::unescape(&name);
                    let n = nb.len().min(63);
                    d[..n].copy_from_slice(&nb[..n]);
                    d.extend_from_slice(&((k.len() * 8) as u32).to_ne_bytes());
                    if let Some(x) = extra {
                        d.extend_from_slice(&x.to_ne_bytes());
                    }
                    d.extend_from_slice(&k);
                    addattr(&mut req, ty, &d);
                }
                None => {
                    if idp {
                        return Err(invarg("unknown", a.cur()));
                    }
                    idp = true;
                    sa_id_parse(ctx, &mut xs, &mut f, false, &mut a)?;
                    if ctx.o.family == AF_UNSPEC {
                        ctx.o.family = xs[SA_FAMILY];
                    }
                }
            },
        }
        a.step();
    }
    xs[..56].copy_from_slice(&sel.0);
    if xs[SA_FLAGS] & 128 != 0 && replay_window == 0 {
        return Err(fail(255, "Error: esn flag set without replay-window.\n"));
    }
    if replay_window > XFRMA_REPLAY_ESN_MAX {
        return Err(fail(
            255,
            &format!("Error: replay-window ({}) > XFRMA_REPLAY_ESN_MAX ({}).\n", replay_window, XFRMA_REPLAY_ESN_MAX),
        ));
    }
    if offload {
        let mut x = [0u8; 8];
        x[..4].copy_from_slice(&ifindex.to_ne_bytes());
        x[4] = dir;
        addattr(&mut req, XFRMA_OFFLOAD_DEV, &x);
    }
    if xs[SA_FLAGS] & 128 != 0 || replay_window > 32 {
        // struct xfrm_replay_state_esn without its bitmap.
        let mut r = [0u8; 24];
        put_u32(&mut r, 0, replay_window.div_ceil(32));
        put_u32(&mut r, 4, oseq);
        put_u32(&mut r, 8, seq);
        put_u32(&mut r, 12, oseq_hi);
        put_u32(&mut r, 16, seq_hi);
        put_u32(&mut r, 20, replay_window);
        addattr(&mut req, XFRMA_REPLAY_ESN_VAL, &r);
    } else {
        if seq != 0 || oseq != 0 {
            let mut r = [0u8; 12];
            put_u32(&mut r, 0, oseq);
            put_u32(&mut r, 4, seq);
            addattr(&mut req, XFRMA_REPLAY_VAL, &r);
        }
        xs[SA_REPLAY_WINDOW] = replay_window as u8;
    }
    if extra_flags != 0 {
        addattr(&mut req, XFRMA_SA_EXTRA_FLAGS, &extra_flags.to_ne_bytes());
    }
    if !idp {
        return Err(fail(1, "Not enough information: ID is required\n"));
    }
    if mark.1 != 0 && !addattr(&mut req, XFRMA_MARK, &mark_bytes(mark.0, mark.1)) {
        return Err(fail(1, "XFRMA_MARK failed\n"));
    }
    if let Some(v) = if_id {
        addattr(&mut req, XFRMA_IF_ID, &v.to_ne_bytes());
    }
    if tfcpad != 0 {
        addattr(&mut req, XFRMA_TFCPAD, &tfcpad.to_ne_bytes());
    }
    let proto = xs[SA_ID + 20];
    let pn = strxf_xfrmproto(proto);
    if is_ipsec(proto) {
        match xs[SA_MODE] {
            0 | 1 => {}
            4 if proto == IPPROTO_ESP => {}
            _ => return Err(fail(1, &format!("MODE value is invalid with XFRM-PROTO value \"{}\"\n", pn))),
        }
        let (enc, auth, trunc, aead, comp) = (
            algotype_name(XFRMA_ALG_CRYPT),
            algotype_name(XFRMA_ALG_AUTH),
            algotype_name(XFRMA_ALG_AUTH_TRUNC),
            algotype_name(XFRMA_ALG_AEAD),
            algotype_name(XFRMA_ALG_COMP),
        );
        match proto {
            IPPROTO_ESP => {
                if calgop {
                    return Err(fail(
                        1,
                        &format!("ALGO-TYPE value \"{}\" is invalid with XFRM-PROTO value \"{}\"\n", comp, pn),
                    ));
                }
                if !ealgop && !aeadop {
                    return Err(fail(
                        1,
                        &format!(
                            "ALGO-TYPE value \"{}\" or \"{}\" is required with XFRM-PROTO value \"{}\"\n",
                            enc, aead, pn
                        ),
                    ));
                }
            }
            IPPROTO_AH => {
                if ealgop || aeadop || calgop {
                    return Err(fail(
                        1,
                        &format!(
                            "ALGO-TYPE values \"{}\", \"{}\", and \"{}\" are invalid with XFRM-PROTO value \"{}\"\n",
                            enc, aead, comp, pn
                        ),
                    ));
                }
                if !aalgop {
                    return Err(fail(
                        1,
                        &format!(
                            "ALGO-TYPE value \"{}\" or \"{}\" is required with XFRM-PROTO value \"{}\"\n",
                            auth, trunc, pn
                        ),
                    ));
                }
            }
            _ => {
                if ealgop || aalgop || aeadop {
                    return Err(fail(
                        1,
                        &format!(
                            "ALGO-TYPE values \"{}\", \"{}\", \"{}\", and \"{}\" are invalid with XFRM-PROTO value \"{}\"\n",
                            enc, auth, trunc, aead, pn
                        ),
                    ));
                }
                if !calgop {
                    return Err(fail(
                        1,
                        &format!("ALGO-TYPE value \"{}\" is required with XFRM-PROTO value \"{}\"\n", comp, pn),
                    ));
                }
            }
        }
    } else if ealgop || aalgop || aeadop || calgop {
        return Err(fail(1, &format!("ALGO is invalid with XFRM-PROTO value \"{}\"\n", pn)));
    }
    if is_ro(proto) {
        match xs[SA_MODE] {
            2 | 3 => {}
            0 => return Err(fail(1, &format!("\"mode\" is required with XFRM-PROTO value \"{}\"\n", pn))),
            _ => return Err(fail(1, &format!("MODE value is invalid with XFRM-PROTO value \"{}\"\n", pn))),
        }
        if !coap {
            return Err(fail(1, &format!("\"coa\" is required with XFRM-PROTO value \"{}\"\n", pn)));
        }
    } else if coap {
        return Err(fail(1, &format!("\"coa\" is invalid with XFRM-PROTO value \"{}\"\n", pn)));
    }
    if output_mark.0 != 0 {
        addattr(&mut req, XFRMA_OUTPUT_MARK, &output_mark.0.to_ne_bytes());
    }
    if output_mark.1 != 0 {
        addattr(&mut req, XFRMA_SET_MARK_MASK, &output_mark.1.to_ne_bytes());
    }
    let mut r = open_xfrm(ctx)?;
    if xs[SA_FAMILY] == 0 && xs[SA_FAMILY + 1] == 0 {
        xs[SA_FAMILY..SA_FAMILY + 2].copy_from_slice(&(AF_INET as u16).to_ne_bytes());
    }
    req.header_mut()[..SA_LEN].copy_from_slice(&xs);
    if r.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// xfrm_state_allocspi()
fn allocspi(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    // struct xfrm_userspi_info: info, min, max.
    let mut xs = [0u8; SA_LEN];
    xs[SA_FAMILY..SA_FAMILY + 2].copy_from_slice(&(ctx.o.family as u16).to_ne_bytes());
    let mut f = Filter::default();
    let mut idp = false;
    let (mut min, mut max): (Option<u32>, Option<u32>) = (None, None);
    let mut mark = (0u32, 0u32);
    while a.has_next() {
        match WORDS.find(a.cur()) {
            Some(W::Mode) => {
                a.next_arg()?;
                xs[SA_MODE] = mode_parse(&a)?;
            }
            Some(W::Mark) => mark = parse_mark(&mut a)?,
            Some(W::Reqid) => {
                a.next_arg()?;
                put_u32(&mut xs, SA_REQID, reqid_parse(&a)?);
            }
            Some(W::Seq) => {
                a.next_arg()?;
                xs[SA_SEQ..SA_SEQ + 4].copy_from_slice(&seq_parse(&a)?);
            }
            Some(W::Min) | Some(W::Max) => {
                let is_min = WORDS.find(a.cur()) == Some(W::Min);
                let w = if is_min { "min" } else { "max" };
                let slot = if is_min { &mut min } else { &mut max };
                if slot.is_some() {
                    return Err(duparg(w, a.cur()));
                }
                *slot = Some(0);
                a.next_arg()?;
                *slot = Some(value_u32(&a, w)?);
            }
            _ => {
                if idp {
                    return Err(invarg("unknown", a.cur()));
                }
                idp = true;
                sa_id_parse(ctx, &mut xs, &mut f, false, &mut a)?;
                if u32_at(&xs, SA_ID + 16) != 0 {
                    return Err(fail(1, "\"spi\" is invalid\n"));
                }
                if ctx.o.family == AF_UNSPEC {
                    ctx.o.family = xs[SA_FAMILY];
                }
            }
        }
        a.step();
    }
    if !idp {
        return Err(fail(1, "Not enough information: ID is required\n"));
    }
    let (lo, hi) = match (min, max) {
        (Some(lo), Some(hi)) => {
            if lo > hi {
                return Err(fail(1, "value after \"min\" is larger than value after \"max\"\n"));
            }
            (lo, hi)
        }
        (Some(_), None) => return Err(fail(1, "\"max\" is missing\n")),
        (None, Some(_)) => return Err(fail(1, "\"min\" is missing\n")),
        (None, None) => (0x100, if xs[SA_ID + 20] == IPPROTO_COMP { 0xffff } else { 0x0fff_ffff }),
    };
    let mut r = open_xfrm(ctx)?;
    if xs[SA_FAMILY] == 0 && xs[SA_FAMILY + 1] == 0 {
        xs[SA_FAMILY..SA_FAMILY + 2].copy_from_slice(&(AF_INET as u16).to_ne_bytes());
    }
    let mut hdr = xs.to_vec();
    hdr.extend_from_slice(&lo.to_ne_bytes());
    hdr.extend_from_slice(&hi.to_ne_bytes());
    let mut req = Req::new(XFRM_MSG_ALLOCSPI, NLM_F_REQUEST, &hdr);
    if mark.1 & mark.0 != 0 && !addattr(&mut req, XFRMA_MARK, &mark_bytes(mark.0, mark.1)) {
        return Err(fail(1, "XFRMA_MARK failed\n"));
    }
    let Ok(ans) = r.talk_answer(&mut req) else { return Err(Exit(2)) };
    print_answer(ctx, &ans)
}

/// The answer of get and allocspi through xfrm_state_print().
fn print_answer(ctx: &mut Ctx, ans: &[u8]) -> Res<i32> {
    let f = SaFilter::default();
    let mut o = out(ctx);
    let ok = match msgs(ans).next() {
        Some(m) => state_print(&mut o, &f, &m, false),
        None => false,
    };
    if !ok {
        let _ = ctx.p.flush();
        return Err(fail(1, "An error :-)\n"));
    }
    Ok(0)
}

/// xfrm_state_get_or_delete()
fn get_or_delete(ctx: &mut Ctx, mut a: Args, delete: bool) -> Res<i32> {
    // struct xfrm_usersa_id: daddr, spi, family, proto.
    let mut xsid = [0u8; 24];
    xsid[20..22].copy_from_slice(&(ctx.o.family as u16).to_ne_bytes());
    let ty = if delete { XFRM_MSG_DELSA } else { XFRM_MSG_GETSA };
    let mut req = Req::new(ty, NLM_F_REQUEST, &xsid);
    let mut f = Filter::default();
    let mut idp = false;
    let mut mark = (0u32, 0u32);
    while a.has_next() {
        if WORDS.find(a.cur()) == Some(W::Mark) {
            mark = parse_mark(&mut a)?;
        } else {
            if idp {
                return Err(invarg("unknown", a.cur()));
            }
            idp = true;
            let mut saddr = [0u8; 16];
            let mut id = [0u8; 24];
            let mut family = u16::from_ne_bytes([xsid[20], xsid[21]]);
            id_parse(ctx, IdOut { saddr: &mut saddr, id: &mut id, family: Some(&mut family) }, &mut f, false, &mut a)?;
            xsid[..20].copy_from_slice(&id[..20]);
            xsid[20..22].copy_from_slice(&family.to_ne_bytes());
            xsid[22] = id[20];
            addattr(&mut req, XFRMA_SRCADDR, &saddr);
        }
        a.step();
    }
    if mark.1 & mark.0 != 0 && !addattr(&mut req, XFRMA_MARK, &mark_bytes(mark.0, mark.1)) {
        return Err(fail(1, "XFRMA_MARK failed\n"));
    }
    let mut r = open_xfrm(ctx)?;
    if xsid[20] == 0 && xsid[21] == 0 {
        xsid[20..22].copy_from_slice(&(AF_INET as u16).to_ne_bytes());
    }
    req.header_mut()[..24].copy_from_slice(&xsid);
    if delete {
        if r.talk(&mut req).is_err() {
            return Err(Exit(2));
        }
        return Ok(0);
    }
    let Ok(ans) = r.talk_answer(&mut req) else { return Err(Exit(2)) };
    print_answer(ctx, &ans)
}

/// filter.xsinfo of xfrm_state.c with its masks.
#[derive(Default)]
pub struct SaFilter {
    pub use_: bool,
    pub family: u16,
    pub saddr: [u8; 16],
    pub daddr: [u8; 16],
    pub proto: u8,
    pub spi: u32,
    pub mode: u8,
    pub reqid: u32,
    pub flags: u8,
    pub id_src_mask: i32,
    pub id_dst_mask: i32,
    pub id_proto_mask: u32,
    pub id_spi_mask: u32,
    pub mode_mask: u32,
    pub reqid_mask: u32,
    pub state_flags_mask: u32,
}

/// xfrm_state_filter_match()
fn filter_match(f: &SaFilter, xs: &[u8]) -> bool {
    if !f.use_ {
        return true;
    }
    let family = u16::from_ne_bytes([xs[SA_FAMILY], xs[SA_FAMILY + 1]]);
    if f.family != AF_UNSPEC as u16 && f.family != family {
        return false;
    }
    if f.id_src_mask != 0 && addr_match(&xs[SA_SADDR..SA_SADDR + 16], &f.saddr, f.id_src_mask) != 0 {
        return false;
    }
    if f.id_dst_mask != 0 && addr_match(&xs[SA_ID..SA_ID + 16], &f.daddr, f.id_dst_mask) != 0 {
        return false;
    }
    if ((xs[SA_ID + 20] ^ f.proto) as u32) & f.id_proto_mask != 0 {
        return false;
    }
    if (u32_at(xs, SA_ID + 16) ^ f.spi) & f.id_spi_mask != 0 {
        return false;
    }
    if ((xs[SA_MODE] ^ f.mode) as u32) & f.mode_mask != 0 {
        return false;
    }
    if (u32_at(xs, SA_REQID) ^ f.reqid) & f.reqid_mask != 0 {
        return false;
    }
    if f.state_flags_mask != 0 && xs[SA_FLAGS] & f.flags == 0 {
        return false;
    }
    true
}

pub fn out(ctx: &mut Ctx) -> Out<'_> {
    let sl = if ctx.o.oneline > 0 { "\\" } else { "\n" };
    Out { p: &mut ctx.p, names: &mut ctx.names, stats: ctx.o.stats, sl, pref_family: ctx.o.family }
}

/// xfrm_state_info_print()
pub fn state_info(o: &mut Out, xs: &[u8], tb: &Tb, prefix: Option<&str>, title: Option<&str>, nokeys: bool) {
    let family = u16::from_ne_bytes([xs[SA_FAMILY], xs[SA_FAMILY + 1]]);
    let proto = xs[SA_ID + 20];
    print::id_info(
        o,
        &xs[SA_SADDR..SA_SADDR + 16],
        &xs[SA_ID..SA_ID + 24],
        xs[SA_MODE],
        u32_at(xs, SA_REQID),
        family,
        is_ipsec(proto),
        prefix,
        title,
    );
    let mut buf = String::new();
    if let Some(p) = prefix {
        buf.push_str(p);
    }
    buf.push('\t');
    o.s(&buf);
    o.s(&format!("replay-window {} ", xs[SA_REPLAY_WINDOW]));
    if o.stats > 0 {
        o.s(&format!("seq 0x{:08} ", u32_at(xs, SA_SEQ)));
    }
    let flags0 = xs[SA_FLAGS];
    if o.stats > 0 || flags0 != 0 {
        let mut flags = flags0;
        o.s("flag ");
        for (name, bit) in STATE_FLAGS {
            print::flag_print(o, &mut flags, bit, name);
        }
        if flags != 0 {
            o.s(&format!("{:x}", flags));
        }
    }
    if o.stats > 0 {
        if let Some(mut x) = tb.u32(XFRMA_SA_EXTRA_FLAGS) {
            o.s("extra_flag ");
            for (name, bit) in [("dont-encap-dscp", 1u32), ("oseq-may-wrap", 2)] {
                if x & bit != 0 {
                    x &= !bit;
                    o.s(name);
                    if x != 0 {
                        o.s(" ");
                    }
                }
            }
            if x != 0 {
                o.s(&format!("{:x}", x));
            }
        }
        o.s(&format!(" (0x{:08b})", flags0));
    }
    o.s(o.sl);
    print::xfrma(o, tb, family, Some(&buf), nokeys);
    let sel = Sel::from(&xs[..56]);
    if sel != Sel::default() {
        let sbuf = format!("{}sel ", buf);
        print::selector(o, &sel, family, Some(&sbuf));
    }
    if o.stats > 0 {
        print::lifetime(o, Some(&xs[SA_LFT..SA_LFT + 64]), Some(&xs[SA_CURLFT..SA_CURLFT + 32]), Some(&buf));
        let sl = o.sl;
        o.s(&buf);
        o.s(&format!("stats:{}", sl));
        o.s(&buf);
        o.s(&format!(
            "  replay-window {} replay {} failed {}{}",
            u32_at(xs, SA_STATS),
            u32_at(xs, SA_STATS + 4),
            u32_at(xs, SA_STATS + 8),
            sl
        ));
    }
    if let Some(d) = tb.get(XFRMA_SEC_CTX) {
        print::sec_ctx(o, d);
    }
}

/// __do_xfrm_state_print(): false where the C returns -1.
pub fn state_print(o: &mut Out, f: &SaFilter, m: &Msg, nokeys: bool) -> bool {
    let ty = m.ty;
    if ty != XFRM_MSG_NEWSA && ty != XFRM_MSG_DELSA && ty != XFRM_MSG_UPDSA && ty != XFRM_MSG_EXPIRE {
        eprint_raw(&format!("Not a state: {:08x} {:08x} {:08x}\n", m.raw.len(), ty, m.flags));
        return true;
    }
    // NLMSG_SPACE of xfrm_usersa_id (24), xfrm_user_expire (232) or
    // xfrm_usersa_info (224).
    let hdr = match ty {
        XFRM_MSG_DELSA => 24,
        XFRM_MSG_EXPIRE => 232,
        _ => SA_LEN,
    };
    let len = m.payload.len() as i64 - hdr as i64;
    if len < 0 {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", len));
        return false;
    }
    if ty != XFRM_MSG_DELSA && !filter_match(f, &m.payload[..SA_LEN]) {
        return true;
    }
    match ty {
        XFRM_MSG_DELSA => o.s("Deleted "),
        XFRM_MSG_UPDSA => o.s("Updated "),
        XFRM_MSG_EXPIRE => o.s("Expired "),
        _ => {}
    }
    let tb = Tb::parse(&m.payload[hdr..], XFRMA_MAX);
    let xs: &[u8] = if ty == XFRM_MSG_DELSA {
        let Some(p) = tb.get(XFRMA_SA) else {
            eprint_raw("Buggy XFRM_MSG_DELSA: no XFRMA_SA\n");
            return false;
        };
        if p.len() < SA_LEN {
            eprint_raw("Buggy XFRM_MSG_DELPOLICY: too short XFRMA_POLICY len\n");
            return false;
        }
        p
    } else {
        &m.payload[..SA_LEN]
    };
    state_info(o, xs, &tb, None, None, nokeys);
    if ty == XFRM_MSG_EXPIRE {
        o.s("\t");
        o.s(&format!("hard {}", m.payload.get(SA_LEN).copied().unwrap_or(0)));
        o.s(o.sl);
    }
    if o.sl == "\\" {
        o.s("\n");
    }
    true
}

/// xfrm_state_keep(): the delete request of one listed state.
/// One delete of deleteall: struct xfrm_usersa_id, the source address,
/// the mark attribute's bytes.
type Del = (Vec<u8>, Vec<u8>, Option<Vec<u8>>);

fn keep(f: &SaFilter, m: &Msg) -> Result<Option<Del>, ()> {
    if m.ty != XFRM_MSG_NEWSA {
        eprint_raw(&format!("Not a state: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags));
        return Ok(None);
    }
    if m.payload.len() < SA_LEN {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - SA_LEN as i64));
        return Err(());
    }
    let xs = &m.payload[..SA_LEN];
    if !filter_match(f, xs) {
        return Ok(None);
    }
    let proto = xs[SA_ID + 20];
    if proto == 4 || proto == 41 {
        return Ok(None);
    }
    let mut xsid = vec![0u8; 24];
    xsid[..20].copy_from_slice(&xs[SA_ID..SA_ID + 20]);
    xsid[20..22].copy_from_slice(&xs[SA_FAMILY..SA_FAMILY + 2]);
    xsid[22] = proto;
    let tb = Tb::parse(&m.payload[SA_LEN..], XFRMA_MAX);
    // addattr_l(.., RTA_DATA(mark), mark->rta_len): rta_len bytes from
    // the attribute's data (4 beyond the mark itself).
    let mark = tb.get(XFRMA_MARK).map(|d| {
        let start = d.as_ptr() as usize - m.payload.as_ptr() as usize;
        let n = d.len() + 4;
        let mut v: Vec<u8> = m.payload.get(start..).unwrap_or(&[]).iter().take(n).copied().collect();
        v.resize(n, 0);
        v
    });
    Ok(Some((xsid, xs[SA_SADDR..SA_SADDR + 16].to_vec(), mark)))
}

fn list_or_deleteall(ctx: &mut Ctx, mut a: Args, deleteall: bool) -> Res<i32> {
    let mut f = Filter::default();
    let mut sf = SaFilter::default();
    let mut idp = false;
    let mut nokeys = false;
    let mut xs = [0u8; SA_LEN];
    if a.has_next() || ctx.o.family != AF_UNSPEC {
        sf.use_ = true;
    }
    xs[SA_FAMILY..SA_FAMILY + 2].copy_from_slice(&(ctx.o.family as u16).to_ne_bytes());
    while a.has_next() {
        match WORDS.find(a.cur()) {
            Some(W::Nokeys) => nokeys = true,
            Some(W::Mode) => {
                a.next_arg()?;
                xs[SA_MODE] = mode_parse(&a)?;
                sf.mode_mask = MASK_FULL;
            }
            Some(W::Reqid) => {
                a.next_arg()?;
                put_u32(&mut xs, SA_REQID, reqid_parse(&a)?);
                sf.reqid_mask = MASK_FULL;
            }
            Some(W::Flag) => {
                a.next_arg()?;
                flag_parse(&mut xs[SA_FLAGS], &mut a)?;
                sf.state_flags_mask = MASK_FULL;
            }
            _ => {
                if idp {
                    return Err(invarg("unknown", a.cur()));
                }
                idp = true;
                sa_id_parse(ctx, &mut xs, &mut f, true, &mut a)?;
                if ctx.o.family == AF_UNSPEC {
                    ctx.o.family = xs[SA_FAMILY];
                }
            }
        }
        a.step();
    }
    sf.family = u16::from_ne_bytes([xs[SA_FAMILY], xs[SA_FAMILY + 1]]);
    sf.saddr.copy_from_slice(&xs[SA_SADDR..SA_SADDR + 16]);
    sf.daddr.copy_from_slice(&xs[SA_ID..SA_ID + 16]);
    sf.spi = u32_at(&xs, SA_ID + 16);
    sf.proto = xs[SA_ID + 20];
    sf.mode = xs[SA_MODE];
    sf.reqid = u32_at(&xs, SA_REQID);
    sf.flags = xs[SA_FLAGS];
    sf.id_src_mask = f.id_src_mask;
    sf.id_dst_mask = f.id_dst_mask;
    sf.id_proto_mask = f.id_proto_mask;
    sf.id_spi_mask = f.id_spi_mask;
    let mut r = open_xfrm(ctx)?;
    if deleteall {
        return deleteall_rounds(ctx, &mut r, &sf);
    }
    let mut req = Req::new(XFRM_MSG_GETSA, NLM_F_DUMP | NLM_F_REQUEST, &[]);
    if sf.proto != 0 {
        req.attr_u8(XFRMA_PROTO, sf.proto);
    }
    // struct xfrm_address_filter: saddr, daddr, family, splen, dplen.
    let mut af = [0u8; 36];
    af[..16].copy_from_slice(&sf.saddr);
    af[16..32].copy_from_slice(&sf.daddr);
    af[32..34].copy_from_slice(&sf.family.to_ne_bytes());
    af[34] = sf.id_src_mask as u8;
    af[35] = sf.id_dst_mask as u8;
    req.attr(XFRMA_ADDRESS_FILTER, &af);
    if let Err(e) = r.dump_request(&mut req) {
        return Err(fail(1, &format!("Cannot send dump request: {}\n", strerror(e))));
    }
    let mut o = out(ctx);
    let ok = r.dump(|m| if state_print(&mut o, &sf, &m, nokeys) { Ok(()) } else { Err(Exit(1)) });
    if !matches!(ok, Ok(true)) {
        let _ = ctx.p.flush();
        return Err(fail(1, "Dump terminated\n"));
    }
    Ok(0)
}

/// The rounds of `deleteall`: dump, then one batch of deletes, until a
/// dump leaves nothing to delete.
fn deleteall_rounds(ctx: &mut Ctx, r: &mut Rtnl, sf: &SaFilter) -> Res<i32> {
    let mut round = 0;
    loop {
        let mut req = Req::new(XFRM_MSG_GETSA, NLM_F_DUMP | NLM_F_REQUEST, &[]);
        if ctx.o.stats > 1 {
            eprint_raw(&format!("Delete-all round = {}\n", round));
        }
        if let Err(e) = r.dump_request(&mut req) {
            return Err(fail(1, &format!("Cannot send dump request: {}\n", strerror(e))));
        }
        let mut dels = Vec::new();
        let mut bad = false;
        let ok = r.dump(|m| {
            match keep(sf, &m) {
                Ok(Some(d)) => dels.push(d),
                Ok(None) => {}
                Err(()) => {
                    bad = true;
                    return Err(Exit(1));
                }
            }
            Ok(())
        });
        if bad || !matches!(ok, Ok(true)) {
            return Err(fail(1, "Delete-all terminated\n"));
        }
        let mut buf = Vec::new();
        let mut count = 0;
        for (xsid, saddr, mark) in dels {
            if buf.len() > 8192 {
                eprint_raw("State buffer overflow\n");
                return Err(fail(1, "Delete-all terminated\n"));
            }
            let mut q = Req::new(XFRM_MSG_DELSA, NLM_F_REQUEST, &xsid);
            q.set_seq(r.next_seq());
            q.attr(XFRMA_SRCADDR, &saddr);
            if let Some(mk) = mark {
                q.attr(XFRMA_MARK, &mk);
            }
            buf.extend_from_slice(q.bytes());
            count += 1;
        }
        if count == 0 {
            if ctx.o.stats > 1 {
                eprint_raw("Delete-all completed\n");
            }
            return Ok(0);
        }
        if let Err(e) = r.send_check(&buf) {
            return Err(fail(1, &format!("Failed to send delete-all request\n: {}\n", strerror(e))));
        }
        if ctx.o.stats > 1 {
            eprint_raw(&format!("Delete-all nlmsg count = {}\n", count));
        }
        round += 1;
    }
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
