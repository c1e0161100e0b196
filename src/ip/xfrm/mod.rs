//! `ip xfrm` (ip/ipxfrm.c of iproute2 6.1.0): the IPsec transformation
//! framework over NETLINK_XFRM. This file holds do_xfrm() and what the
//! state and policy commands share: the selector, ID, lifetime and mark
//! parsers, the list filter, and the text printers (ip xfrm prints plain
//! text whatever -json says).

mod monitor;
mod policy;
mod print;
mod state;

use crate::args::keywords::{exact, kw, List, Table, Words};
use crate::args::num::{get_u16, get_u32, get_u64, get_u8, get_unsigned};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, invarg, missarg, Exit, Res};
use crate::inet;
use crate::netlink::consts::*;
use crate::netlink::Rtnl;

pub const USAGE: &str = "Usage: ip xfrm XFRM-OBJECT { COMMAND | help }
where  XFRM-OBJECT := state | policy | monitor
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obj {
    State,
    Policy,
    Monitor,
    Help,
}

/// do_xfrm()'s objects.
static OBJECTS: Table<Obj> = Table::new(
    "ip xfrm",
    &[
        kw("state", Obj::State),
        kw("sa", Obj::State),
        kw("policy", Obj::Policy),
        kw("monitor", Obj::Monitor),
        kw("help", Obj::Help),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[
    &OBJECTS,
    &policy::COMMANDS,
    &policy::OPTS,
    &policy::VALUES,
    &state::COMMANDS,
    &state::WORDS,
    &state::ALGOS,
    &state::ENCAPS,
    &state::VALUES,
    &monitor::MONITOR,
    &SELECTOR,
    &UPSPEC,
    &ID,
    &TMPL,
    &LIMITS,
    &XFRM_PROTOS,
    &MODES,
];

pub fn do_xfrm(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else { return Err(usage()) };
    match OBJECTS.find(&w) {
        Some(Obj::State) => state::do_xfrm_state(ctx, args),
        Some(Obj::Policy) => policy::do_xfrm_policy(ctx, args),
        Some(Obj::Monitor) => monitor::do_xfrm_monitor(ctx, args),
        Some(Obj::Help) | None => Err(usage()),
    }
}

// linux/xfrm.h
pub const XFRM_MSG_NEWSA: u16 = 0x10;
pub const XFRM_MSG_GETSA: u16 = 0x12;
pub const XFRM_MSG_NEWPOLICY: u16 = 0x13;
pub const XFRM_MSG_DELPOLICY: u16 = 0x14;
pub const XFRM_MSG_GETPOLICY: u16 = 0x15;
pub const XFRM_MSG_UPDPOLICY: u16 = 0x19;
pub const XFRM_MSG_POLEXPIRE: u16 = 0x1b;
pub const XFRM_MSG_FLUSHSA: u16 = 0x1c;
pub const XFRM_MSG_FLUSHPOLICY: u16 = 0x1d;
pub const XFRM_MSG_GETSADINFO: u16 = 0x23;
pub const XFRM_MSG_NEWSPDINFO: u16 = 0x24;
pub const XFRM_MSG_GETSPDINFO: u16 = 0x25;
pub const XFRM_MSG_SETDEFAULT: u16 = 0x27;
pub const XFRM_MSG_GETDEFAULT: u16 = 0x28;

pub const XFRMA_ALG_AUTH: u16 = 1;
pub const XFRMA_ALG_CRYPT: u16 = 2;
pub const XFRMA_ALG_COMP: u16 = 3;
pub const XFRMA_ENCAP: u16 = 4;
pub const XFRMA_TMPL: u16 = 5;
pub const XFRMA_POLICY: u16 = 7;
pub const XFRMA_SEC_CTX: u16 = 8;
pub const XFRMA_REPLAY_VAL: u16 = 10;
pub const XFRMA_COADDR: u16 = 14;
pub const XFRMA_LASTUSED: u16 = 15;
pub const XFRMA_POLICY_TYPE: u16 = 16;
pub const XFRMA_ALG_AEAD: u16 = 18;
pub const XFRMA_ALG_AUTH_TRUNC: u16 = 20;
pub const XFRMA_MARK: u16 = 21;
pub const XFRMA_TFCPAD: u16 = 22;
pub const XFRMA_REPLAY_ESN_VAL: u16 = 23;
pub const XFRMA_OFFLOAD_DEV: u16 = 28;
pub const XFRMA_OUTPUT_MARK: u16 = 29;
pub const XFRMA_SET_MARK_MASK: u16 = 30;
pub const XFRMA_IF_ID: u16 = 31;
pub const XFRMA_PROTO: u16 = 25;
pub const XFRMA_ADDRESS_FILTER: u16 = 26;
pub const XFRMA_MAX: usize = 32;

pub const IPPROTO_ESP: u8 = 50;
pub const IPPROTO_AH: u8 = 51;
pub const IPPROTO_COMP: u8 = 108;
pub const IPPROTO_ROUTING: u8 = 43;
pub const IPPROTO_DSTOPTS: u8 = 60;
pub const IPSEC_PROTO_ANY: u8 = 255;
pub const IPPROTO_TCP: u8 = 6;
pub const IPPROTO_UDP: u8 = 17;
pub const IPPROTO_SCTP: u8 = 132;
pub const IPPROTO_DCCP: u8 = 33;
pub const IPPROTO_ICMP: u8 = 1;
pub const IPPROTO_ICMPV6: u8 = 58;
pub const IPPROTO_MH: u8 = 135;
pub const IPPROTO_GRE: u8 = 47;

pub const XFRM_INF: u64 = !0;
pub const MASK_FULL: u32 = !0;

/// The names of xfrmproto_types[] (strcmp).
pub static XFRM_PROTOS: List =
    List { path: "ip xfrm XFRM-PROTO", words: &["esp", "ah", "comp", "route2", "hao", "ipsec-any"] };

const XFRM_PROTO_TYPES: [(&str, u8); 6] = [
    ("esp", IPPROTO_ESP),
    ("ah", IPPROTO_AH),
    ("comp", IPPROTO_COMP),
    ("route2", IPPROTO_ROUTING),
    ("hao", IPPROTO_DSTOPTS),
    ("ipsec-any", IPSEC_PROTO_ANY),
];

/// xfrm_xfrmproto_getbyname()
pub fn xfrmproto_getbyname(s: &str) -> Option<u8> {
    XFRM_PROTO_TYPES.iter().find(|(n, _)| *n == s).map(|(_, p)| *p)
}

/// strxf_xfrmproto()
pub fn strxf_xfrmproto(p: u8) -> String {
    match XFRM_PROTO_TYPES.iter().find(|(_, v)| *v == p) {
        Some((n, _)) => n.to_string(),
        None => p.to_string(),
    }
}

/// strxf_proto(): the /etc/protocols name, else the number (rip's own
/// reading of the file, so the bytes do not depend on the C library).
pub fn strxf_proto(p: u8) -> String {
    crate::names::etc::proto_by_number(i32::from(p)).unwrap_or_else(|| p.to_string())
}

/// getprotobyname(s)->p_proto, narrowed to the byte xfrm stores.
fn getprotobyname(s: &str) -> Option<u8> {
    crate::names::etc::proto_by_name(s.as_bytes()).map(|p| p as u8)
}

/// The global `struct xfrm_filter` of ipxfrm.c (zeroed per command): the
/// parsers record which fields were given, the listings match on them.
#[derive(Default)]
pub struct Filter {
    pub use_: bool,
    pub sel: Sel,
    pub index: u32,
    pub dir: u8,
    pub action: u8,
    pub priority: u32,
    pub flags: u8,
    pub ptype: u8,
    pub id_src_mask: i32,
    pub id_dst_mask: i32,
    pub id_proto_mask: u32,
    pub id_spi_mask: u32,
    pub sel_src_mask: i32,
    pub sel_dst_mask: i32,
    pub sel_dev_mask: u32,
    pub upspec_proto_mask: u32,
    pub upspec_sport_mask: u32,
    pub upspec_dport_mask: u32,
    pub dir_mask: u32,
    pub index_mask: u32,
    pub action_mask: u32,
    pub priority_mask: u32,
    pub policy_flags_mask: u32,
    pub ptype_mask: u32,
    pub filter_socket: bool,
}

/// struct xfrm_selector (56 bytes).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Sel(pub [u8; 56]);

impl Default for Sel {
    fn default() -> Sel {
        Sel([0; 56])
    }
}

impl Sel {
    pub fn from(b: &[u8]) -> Sel {
        let mut s = Sel::default();
        let n = b.len().min(56);
        s.0[..n].copy_from_slice(&b[..n]);
        s
    }
    pub fn daddr(&self) -> &[u8] {
        &self.0[0..16]
    }
    pub fn saddr(&self) -> &[u8] {
        &self.0[16..32]
    }
    /// dport, dport_mask, sport, sport_mask: the raw (big-endian) words.
    pub fn word(&self, o: usize) -> u16 {
        u16::from_ne_bytes([self.0[o], self.0[o + 1]])
    }
    fn set_word(&mut self, o: usize, v: u16) {
        self.0[o..o + 2].copy_from_slice(&v.to_ne_bytes());
    }
    pub fn dport(&self) -> u16 {
        self.word(32)
    }
    pub fn dport_mask(&self) -> u16 {
        self.word(34)
    }
    pub fn sport(&self) -> u16 {
        self.word(36)
    }
    pub fn sport_mask(&self) -> u16 {
        self.word(38)
    }
    pub fn family(&self) -> u16 {
        self.word(40)
    }
    pub fn set_family(&mut self, f: u16) {
        self.set_word(40, f)
    }
    pub fn prefixlen_d(&self) -> u8 {
        self.0[42]
    }
    pub fn prefixlen_s(&self) -> u8 {
        self.0[43]
    }
    pub fn proto(&self) -> u8 {
        self.0[44]
    }
    pub fn ifindex(&self) -> i32 {
        i32::from_ne_bytes([self.0[48], self.0[49], self.0[50], self.0[51]])
    }
    pub fn user(&self) -> u32 {
        u32::from_ne_bytes([self.0[52], self.0[53], self.0[54], self.0[55]])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SelW {
    Src,
    Dst,
    Dev,
}

/// xfrm_selector_parse()'s words (strcmp); others start the UPSPEC.
static SELECTOR: Table<SelW> =
    Table::new("ip xfrm SELECTOR", &[exact("src", SelW::Src), exact("dst", SelW::Dst), exact("dev", SelW::Dev)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Up {
    Proto,
    Sport,
    Dport,
    Type,
    Code,
    Key,
}

/// xfrm_selector_upspec_parse()'s words (strcmp).
static UPSPEC: Table<Up> = Table::new(
    "ip xfrm UPSPEC",
    &[
        exact("proto", Up::Proto),
        exact("sport", Up::Sport),
        exact("dport", Up::Dport),
        exact("type", Up::Type),
        exact("code", Up::Code),
        exact("key", Up::Key),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdW {
    Src,
    Dst,
    Proto,
    Spi,
}

/// xfrm_id_parse()'s words (strcmp).
static ID: Table<IdW> = Table::new(
    "ip xfrm ID",
    &[exact("src", IdW::Src), exact("dst", IdW::Dst), exact("proto", IdW::Proto), exact("spi", IdW::Spi)],
);

/// xfrm_tmpl_parse()'s words (strcmp); others are the ID.
pub static TMPL: List =
    List { path: "ip xfrm policy tmpl", words: &["mode", "reqid", "level", "required", "use", "none", "any"] };

/// xfrm_mode_parse()'s modes (matches()).
pub static MODES: Table<u8> =
    Table::new("ip xfrm MODE", &[kw("transport", 0), kw("tunnel", 1), kw("ro", 2), kw("in_trigger", 3), kw("beet", 4)]);

/// xfrm_lifetime_cfg_parse()'s words (strcmp), with their u64 slot in
/// struct xfrm_lifetime_cfg.
pub static LIMITS: Table<usize> = Table::new(
    "ip xfrm limit",
    &[
        exact("time-soft", 4),
        exact("time-hard", 5),
        exact("time-use-soft", 6),
        exact("time-use-hard", 7),
        exact("byte-soft", 0),
        exact("byte-hard", 1),
        exact("packet-soft", 2),
        exact("packet-hard", 3),
    ],
);

/// get_prefix() of an address after src/dst, with the family check.
fn prefix_after(word: &str, arg: &str, family: u8) -> Res<inet::InetPrefix> {
    let p = inet::get_prefix(arg, family)?;
    if p.family == AF_UNSPEC {
        return Err(invarg(&format!("value after \"{}\" has an unrecognized address family", word), arg));
    }
    Ok(p)
}

/// xfrm_selector_upspec_parse()
fn upspec_parse(sel: &mut Sel, f: &mut Filter, a: &mut Args) -> Res<()> {
    let start = a.position();
    let (mut sportp, mut dportp, mut typep, mut codep, mut grekey) = (false, false, false, false, false);
    loop {
        match UPSPEC.find(a.cur()) {
            Some(Up::Proto) => {
                a.next_arg()?;
                let v = if a.cur() == "any" {
                    0
                } else if let Some(p) = getprotobyname(a.cur()) {
                    p
                } else {
                    match get_u8(a.cur(), 0) {
                        Some(v) => v,
                        None => return Err(invarg("PROTO value is invalid", a.cur())),
                    }
                };
                sel.0[44] = v;
                f.upspec_proto_mask = MASK_FULL;
            }
            Some(Up::Sport) | Some(Up::Dport) => {
                let sport = UPSPEC.find(a.cur()) == Some(Up::Sport);
                a.next_arg()?;
                let Some(v) = get_u16(a.cur(), 0) else {
                    let w = if sport { "sport" } else { "dport" };
                    return Err(invarg(&format!("value after \"{}\" is invalid", w), a.cur()));
                };
                let (o, m) = if sport { (36, 38) } else { (32, 34) };
                sel.set_word(o, v.to_be());
                if v != 0 {
                    sel.set_word(m, !0);
                }
                if sport {
                    sportp = true;
                    f.upspec_sport_mask = MASK_FULL;
                } else {
                    dportp = true;
                    f.upspec_dport_mask = MASK_FULL;
                }
            }
            Some(Up::Type) | Some(Up::Code) => {
                let ty = UPSPEC.find(a.cur()) == Some(Up::Type);
                a.next_arg()?;
                let w = if ty { "type" } else { "code" };
                let v = match get_u16(a.cur(), 0) {
                    Some(v) if v & !0xff == 0 => v,
                    _ => return Err(invarg(&format!("value after \"{}\" is invalid", w), a.cur())),
                };
                let (o, m) = if ty { (36, 38) } else { (32, 34) };
                sel.set_word(o, v.to_be());
                sel.set_word(m, !0);
                if ty {
                    typep = true;
                    f.upspec_sport_mask = MASK_FULL;
                } else {
                    codep = true;
                    f.upspec_dport_mask = MASK_FULL;
                }
            }
            Some(Up::Key) => {
                grekey = true;
                a.next_arg()?;
                let uval = if a.cur().contains('.') {
                    u32::from_be_bytes(inet::get_addr32(a.cur())?)
                } else {
                    match get_unsigned(a.cur(), 0) {
                        Some(v) => v,
                        None => return Err(fail(255, "value after \"key\" is invalid\n")),
                    }
                };
                sel.set_word(36, ((uval >> 16) as u16).to_be());
                sel.set_word(32, ((uval & 0xffff) as u16).to_be());
                sel.set_word(38, !0);
                sel.set_word(34, !0);
                f.upspec_dport_mask = MASK_FULL;
            }
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
    if a.position() == start {
        return Err(missarg("UPSPEC"));
    }
    let proto = sel.proto();
    if (sportp || dportp) && !matches!(proto, IPPROTO_TCP | IPPROTO_UDP | IPPROTO_SCTP | IPPROTO_DCCP | 0) {
        return Err(fail(
            1,
            &format!("\"sport\" and \"dport\" are invalid with PROTO value \"{}\"\n", strxf_proto(proto)),
        ));
    }
    if (typep || codep) && !matches!(proto, IPPROTO_ICMP | IPPROTO_ICMPV6 | IPPROTO_MH) {
        return Err(fail(
            1,
            &format!("\"type\" and \"code\" are invalid with PROTO value \"{}\"\n", strxf_proto(proto)),
        ));
    }
    if grekey && proto != IPPROTO_GRE {
        return Err(fail(1, &format!("\"key\" is invalid with PROTO value \"{}\"\n", strxf_proto(proto))));
    }
    Ok(())
}

/// xfrm_selector_parse(): from the current word; leaves the cursor on the
/// last word it read (C's argv after the parse).
pub fn selector_parse(ctx: &mut Ctx, sel: &mut Sel, f: &mut Filter, a: &mut Args) -> Res<()> {
    let start = a.position();
    let mut src_f = AF_UNSPEC;
    let mut dst_f = AF_UNSPEC;
    let mut upspec = false;
    loop {
        match SELECTOR.find(a.cur()) {
            Some(SelW::Src) | Some(SelW::Dst) => {
                let src = SELECTOR.find(a.cur()) == Some(SelW::Src);
                a.next_arg()?;
                let w = if src { "src" } else { "dst" };
                let p = prefix_after(w, a.cur(), ctx.o.family)?;
                sel.set_family(p.family as u16);
                if src {
                    src_f = p.family;
                    sel.0[16..32].copy_from_slice(&p.data[..16]);
                    sel.0[43] = p.bitlen as u8;
                    f.sel_src_mask = p.bitlen as i32;
                } else {
                    dst_f = p.family;
                    sel.0[0..16].copy_from_slice(&p.data[..16]);
                    sel.0[42] = p.bitlen as u8;
                    f.sel_dst_mask = p.bitlen as i32;
                }
            }
            Some(SelW::Dev) => {
                a.next_arg()?;
                let idx = if a.cur() == "none" {
                    0
                } else {
                    let i = ctx.ifindex(a.cur()) as i32;
                    if i <= 0 {
                        return Err(invarg("DEV value is invalid", a.cur()));
                    }
                    i
                };
                sel.0[48..52].copy_from_slice(&idx.to_ne_bytes());
                f.sel_dev_mask = MASK_FULL;
            }
            None => {
                if upspec {
                    a.back();
                    break;
                }
                upspec = true;
                upspec_parse(sel, f, a)?;
            }
        }
        if a.remaining() <= 1 {
            break;
        }
        a.next_arg()?;
    }
    if src_f != AF_UNSPEC && dst_f != AF_UNSPEC && src_f != dst_f {
        return Err(invarg("the same address family is required between values after \"src\" and \"dst\"", a.cur()));
    }
    if a.position() == start {
        return Err(missarg("SELECTOR"));
    }
    Ok(())
}

/// struct xfrm_user_tmpl (64 bytes) or the (saddr, xfrm_id, family) of a
/// state: where xfrm_id_parse() writes.
pub struct IdOut<'a> {
    pub saddr: &'a mut [u8],
    /// struct xfrm_id: daddr (16), spi (be32), proto.
    pub id: &'a mut [u8],
    pub family: Option<&'a mut u16>,
}

/// xfrm_id_parse()
pub fn id_parse(ctx: &Ctx, out: IdOut, f: &mut Filter, loose: bool, a: &mut Args) -> Res<()> {
    let start = a.position();
    let IdOut { saddr, id, mut family } = out;
    let (mut src_f, mut dst_f) = (AF_UNSPEC, AF_UNSPEC);
    loop {
        match ID.find(a.cur()) {
            Some(IdW::Src) | Some(IdW::Dst) => {
                let src = ID.find(a.cur()) == Some(IdW::Src);
                a.next_arg()?;
                let w = if src { "src" } else { "dst" };
                let p = prefix_after(w, a.cur(), ctx.o.family)?;
                if let Some(fam) = family.as_deref_mut() {
                    *fam = p.family as u16;
                }
                if src {
                    src_f = p.family;
                    saddr[..16].copy_from_slice(&p.data[..16]);
                    f.id_src_mask = p.bitlen as i32;
                } else {
                    dst_f = p.family;
                    id[..16].copy_from_slice(&p.data[..16]);
                    f.id_dst_mask = p.bitlen as i32;
                }
            }
            Some(IdW::Proto) => {
                a.next_arg()?;
                let Some(p) = xfrmproto_getbyname(a.cur()) else {
                    return Err(invarg("XFRM-PROTO value is invalid", a.cur()));
                };
                id[20] = p;
                f.id_proto_mask = MASK_FULL;
            }
            Some(IdW::Spi) => {
                a.next_arg()?;
                let Some(v) = get_u32(a.cur(), 0) else { return Err(invarg("SPI value is invalid", a.cur())) };
                id[16..20].copy_from_slice(&v.to_be_bytes());
                f.id_spi_mask = MASK_FULL;
            }
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
    if src_f != AF_UNSPEC && dst_f != AF_UNSPEC && src_f != dst_f {
        return Err(invarg("the same address family is required between values after \"src\" and \"dst\"", a.cur()));
    }
    let spi = u32::from_be_bytes([id[16], id[17], id[18], id[19]]);
    let proto = id[20];
    if spi != 0 && proto != 0 {
        if proto == IPPROTO_ROUTING || proto == IPPROTO_DSTOPTS {
            return Err(fail(1, &format!("\"spi\" is invalid with XFRM-PROTO value \"{}\"\n", strxf_xfrmproto(proto))));
        } else if proto == IPPROTO_COMP && spi >= 0x10000 {
            return Err(fail(
                1,
                &format!("SPI value is too large with XFRM-PROTO value \"{}\"\n", strxf_xfrmproto(proto)),
            ));
        }
    }
    if !loose && proto == 0 {
        return Err(missarg("XFRM-PROTO"));
    }
    if a.position() == start {
        return Err(missarg("ID"));
    }
    Ok(())
}

/// xfrm_mode_parse()
pub fn mode_parse(a: &Args) -> Res<u8> {
    MODES.find(a.cur()).ok_or_else(|| invarg("MODE value is invalid", a.cur()))
}

/// xfrm_reqid_parse()
pub fn reqid_parse(a: &Args) -> Res<u32> {
    get_u32(a.cur(), 0).ok_or_else(|| invarg("REQID value is invalid", a.cur()))
}

/// xfrm_lifetime_cfg_parse(): one limit into struct xfrm_lifetime_cfg (64
/// bytes of u64).
pub fn lifetime_cfg_parse(lft: &mut [u8], a: &mut Args) -> Res<()> {
    let Some(slot) = LIMITS.find(a.cur()) else { return Err(invarg("LIMIT value is invalid", a.cur())) };
    let w = a.cur().to_string();
    a.next_arg()?;
    let Some(v) = get_u64(a.cur(), 0) else {
        return Err(invarg(&format!("value after \"{}\" is invalid", w), a.cur()));
    };
    lft[slot * 8..slot * 8 + 8].copy_from_slice(&v.to_ne_bytes());
    Ok(())
}

/// xfrm_parse_mark(): `mark V [mask M]` from the word `mark`; (v, m).
pub fn parse_mark(a: &mut Args) -> Res<(u32, u32)> {
    a.next_arg()?;
    let Some(v) = get_u32(a.cur(), 0) else { return Err(invarg("MARK value is invalid\n", a.cur())) };
    if a.remaining() > 1 {
        a.next_arg()?;
    } else {
        return Ok((v, !0));
    }
    if a.cur() == "mask" {
        a.next_arg()?;
        let Some(m) = get_u32(a.cur(), 0) else { return Err(invarg("MASK value is invalid\n", a.cur())) };
        Ok((v, m))
    } else {
        a.back();
        Ok((v, !0))
    }
}

/// xfrm_sctx_parse(): struct xfrm_user_sec_ctx followed by the string
/// and its NUL.
pub fn sctx_bytes(s: &str) -> Vec<u8> {
    let s = crate::args::bytes::unescape(s);
    let slen = s.len() + 1;
    let mut b = Vec::with_capacity(8 + slen);
    b.extend_from_slice(&((8 + slen) as u16).to_ne_bytes());
    b.extend_from_slice(&XFRMA_SEC_CTX.to_ne_bytes());
    b.push(1);
    b.push(1);
    b.extend_from_slice(&(slen as u16).to_ne_bytes());
    b.extend_from_slice(&s);
    b.push(0);
    b
}

/// xfrm_addr_match(): 0 when the first `bits` bits agree.
pub fn addr_match(a1: &[u8], a2: &[u8], bits: i32) -> i32 {
    let words = (bits >> 5) as usize;
    let bits = bits & 0x1f;
    if words > 0 && a1.get(..words * 4) != a2.get(..words * 4) {
        return -1;
    }
    if bits != 0 {
        let w = |a: &[u8]| {
            a.get(words * 4..words * 4 + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])).unwrap_or(0)
        };
        let mask = 0xffff_ffffu32 << (32 - bits);
        if (w(a1) ^ w(a2)) & mask != 0 {
            return 1;
        }
    }
    0
}

/// rtnl_open_byproto(NETLINK_XFRM): exit 1 when it cannot be opened.
pub fn open_xfrm(ctx: &Ctx) -> Res<Rtnl> {
    if ctx.is_replay() {
        return Err(Exit(1));
    }
    match Rtnl::open_xfrm(ctx.o.rcvbuf) {
        Ok(r) => Ok(r),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(libc::EIO);
            Err(crate::error::cannot_open_netlink(errno))
        }
    }
}
