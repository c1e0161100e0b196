//! `ip macsec` (ip/ipmacsec.c of iproute2 6.1.0): MACsec transmit and receive channels and associations (the "macsec" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1). Then add/set/delete
//! change transmit SAs, receive SCs and receive SAs, offload sets the
//! offload mode, and show dumps every MACsec device with its channels.

use crate::args::keywords::{exact, kw, List, Table, Words};
use crate::args::num::{get_u32, get_u64, get_u8};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{duparg2, eprint_raw, fail, invarg, Exit, Res};
use crate::netlink::attr::attrs;
use crate::netlink::consts::*;
use crate::netlink::{genl, Msg, Rtnl, Tb};
use crate::print::{Color, T};

pub const USAGE: &str = "Usage: ip macsec add DEV tx sa { 0..3 } [ OPTS ] key ID KEY
       ip macsec set DEV tx sa { 0..3 } [ OPTS ]
       ip macsec del DEV tx sa { 0..3 }
       ip macsec add DEV rx SCI [ on | off ]
       ip macsec set DEV rx SCI [ on | off ]
       ip macsec del DEV rx SCI
       ip macsec add DEV rx SCI sa { 0..3 } [ OPTS ] key ID KEY
       ip macsec set DEV rx SCI sa { 0..3 } [ OPTS ]
       ip macsec del DEV rx SCI sa { 0..3 }
       ip macsec show
       ip macsec show DEV
       ip macsec offload DEV [ off | phy | mac ]
where  OPTS := [ pn <u32> | xpn <u64> ] [ salt SALT ] [ ssci <u32> ] [ on | off ]
       ID   := 128-bit hex string
       KEY  := 128-bit or 256-bit hex string
       SCI  := { sci <u64> | port { 1..2^16-1 } address <lladdr> }
       SALT := 96-bit hex string
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Show,
    Add,
    Set,
    Del,
    Offload,
    Help,
}

/// do_ipmacsec()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> = Table::new(
    "ip macsec",
    &[
        kw("help", Cmd::Help),
        kw("show", Cmd::Show),
        kw("add", Cmd::Add),
        kw("set", Cmd::Set),
        kw("delete", Cmd::Del),
        kw("offload", Cmd::Offload),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    Pn,
    Xpn,
    Salt,
    Ssci,
    Key,
    On,
    Off,
}

/// parse_sa_args()'s words (strcmp).
static SA_WORDS: Table<W> = Table::new(
    "ip macsec add tx sa",
    &[
        exact("pn", W::Pn),
        exact("xpn", W::Xpn),
        exact("salt", W::Salt),
        exact("ssci", W::Ssci),
        exact("key", W::Key),
        exact("on", W::On),
        exact("off", W::Off),
    ],
);

/// The other words (strcmp): directions, `sa`, the SCI words, offload modes.
static WORDS: List =
    List { path: "ip macsec add", words: &["tx", "rx", "sa", "sci", "port", "address", "off", "phy", "mac"] };

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SA_WORDS, &WORDS];

const MACSEC_GENL_VERSION: u8 = 1;
const MACSEC_KEYID_LEN: usize = 16;
const MACSEC_MAX_KEY_LEN: usize = 128;
const MACSEC_SALT_LEN: usize = 12;
const A_IFINDEX: u16 = 1;
const A_RXSC_CONFIG: u16 = 2;
const A_SA_CONFIG: u16 = 3;
const A_SECY: u16 = 4;
const A_TXSA_LIST: u16 = 5;
const A_RXSC_LIST: u16 = 6;
const A_TXSC_STATS: u16 = 7;
const A_SECY_STATS: u16 = 8;
const A_OFFLOAD: u16 = 9;
const ATTR_MAX: usize = 9;
const SECY_SCI: u16 = 1;
const SECY_ENCODING_SA: u16 = 2;
const SECY_WINDOW: u16 = 3;
const SECY_CIPHER_SUITE: u16 = 4;
const SECY_ICV_LEN: u16 = 5;
const SECY_PROTECT: u16 = 6;
const SECY_REPLAY: u16 = 7;
const SECY_VALIDATE: u16 = 9;
const SECY_ENCRYPT: u16 = 10;
const SECY_INC_SCI: u16 = 11;
const SECY_ES: u16 = 12;
const SECY_SCB: u16 = 13;
const SECY_MAX: usize = 14;
const RXSC_SCI: u16 = 1;
const RXSC_ACTIVE: u16 = 2;
const RXSC_SA_LIST: u16 = 3;
const RXSC_STATS: u16 = 4;
const RXSC_MAX: usize = 5;
const SA_AN: u16 = 1;
const SA_ACTIVE: u16 = 2;
const SA_PN: u16 = 3;
const SA_KEY: u16 = 4;
const SA_KEYID: u16 = 5;
const SA_STATS: u16 = 6;
const SA_SSCI: u16 = 8;
const SA_SALT: u16 = 9;
const SA_MAX: usize = 9;
const OFFLOAD_TYPE: u16 = 1;
const CMD_GET_TXSC: u8 = 0;
const CMD_UPD_OFFLOAD: u8 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Del,
    Upd,
}

/// macsec_commands[c][sa][rx]
fn nl_cmd(c: Op, sa: bool, rx: bool) -> u8 {
    let base = match c {
        Op::Add => [1, 4, 7],
        Op::Del => [2, 5, 8],
        Op::Upd => [3, 6, 9],
    };
    match (sa, rx) {
        (false, _) => base[0],
        (true, false) => base[1],
        (true, true) => base[2],
    }
}

/// struct sa_desc; `an` and `active` 0xff when not given.
struct Sa {
    an: u8,
    pn: u64,
    key_id: [u8; MACSEC_KEYID_LEN],
    key: Vec<u8>,
    active: u8,
    salt: [u8; MACSEC_SALT_LEN],
    ssci: [u8; 4],
    xpn: bool,
    salt_set: bool,
    ssci_set: bool,
}

impl Sa {
    fn new() -> Sa {
        Sa {
            an: 0xff,
            pn: 0,
            key_id: [0; MACSEC_KEYID_LEN],
            key: Vec::new(),
            active: 0xff,
            salt: [0; MACSEC_SALT_LEN],
            ssci: [0; 4],
            xpn: false,
            salt_set: false,
            ssci_set: false,
        }
    }
}

/// hexstring_a2n(): pairs of hex digits, at most `max` bytes (the rest
/// of a longer string is ignored); None for an odd length or a bad pair.
fn hexstring_a2n(s: &str, max: usize) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < max && b.len() - i > 1 {
        let pair = std::str::from_utf8(&b[i..i + 2]).ok()?;
        out.push(get_u8(pair, 16)?);
        i += 2;
    }
    Some(out)
}

/// get_sa(): `sa AN`, when the current word is `sa`.
fn get_sa(a: &mut Args) -> Res<Option<u8>> {
    if a.peek() != Some("sa") {
        return Ok(None);
    }
    a.advance();
    let v = a.value()?;
    match get_u8(&v, 0) {
        Some(an) if an <= 3 => Ok(Some(an)),
        _ => Err(invarg("expected an { 0..3 }", &v)),
    }
}

fn unknown(w: &str) -> Exit {
    eprint_raw(&format!("macsec: unknown command \"{}\"?\n", w));
    usage()
}

/// parse_sa_args()
fn parse_sa_args(a: &mut Args, sa: &mut Sa) -> Res<()> {
    let mut active_set = false;
    while let Some(w) = a.next() {
        match SA_WORDS.find(&w) {
            Some(W::Pn) => {
                if sa.pn != 0 {
                    return Err(duparg2("pn", "pn"));
                }
                let v = a.value()?;
                let Some(x) = get_u32(&v, 0) else { return Err(invarg("expected pn", &v)) };
                if x == 0 {
                    return Err(invarg("expected pn != 0", &v));
                }
                sa.pn = u64::from(x);
            }
            Some(W::Xpn) => {
                if sa.pn != 0 {
                    return Err(duparg2("xpn", "xpn"));
                }
                let v = a.value()?;
                let Some(x) = get_u64(&v, 0) else { return Err(invarg("expected pn", &v)) };
                if x == 0 {
                    return Err(invarg("expected pn != 0", &v));
                }
                sa.pn = x;
                sa.xpn = true;
            }
            Some(W::Salt) => {
                if sa.salt_set {
                    return Err(duparg2("salt", "salt"));
                }
                let v = a.value()?;
                let Some(x) = hexstring_a2n(&v, MACSEC_SALT_LEN) else { return Err(invarg("expected salt", &v)) };
                sa.salt[..x.len()].copy_from_slice(&x);
                sa.salt_set = true;
            }
            Some(W::Ssci) => {
                if sa.ssci_set {
                    return Err(duparg2("ssci", "ssci"));
                }
                let v = a.value()?;
                let Some(x) = get_u32(&v, 16) else { return Err(invarg("expected ssci", &v)) };
                sa.ssci = x.to_be_bytes();
                sa.ssci_set = true;
            }
            Some(W::Key) => {
                let v = a.value()?;
                let Some(id) = hexstring_a2n(&v, MACSEC_KEYID_LEN) else { return Err(invarg("expected key id", &v)) };
                sa.key_id[..id.len()].copy_from_slice(&id);
                let k = a.value()?;
                let Some(key) = hexstring_a2n(&k, MACSEC_MAX_KEY_LEN) else { return Err(invarg("expected key", &k)) };
                sa.key = key;
            }
            Some(W::On) | Some(W::Off) => {
                let on = w == "on";
                if active_set {
                    return Err(duparg2("on/off", &w));
                }
                sa.active = on as u8;
                active_set = true;
            }
            None => return Err(unknown(&w)),
        }
    }
    Ok(())
}

/// get_sci_portaddr() (port_only and optional false): the SCI's bytes.
fn get_sci_portaddr(a: &mut Args) -> Res<Option<[u8; 8]>> {
    let (mut p, mut ad, mut s) = (false, false, false);
    let mut sci = [0u8; 8];
    let mut port = [0u8; 2];
    let mut abuf = [0u8; 6];
    while let Some(w) = a.next() {
        match w.as_str() {
            "sci" => {
                if p {
                    return Err(invarg("expected address", &w));
                }
                if ad {
                    return Err(invarg("expected port", &w));
                }
                let v = a.value()?;
                let Some(x) = get_u64(&v, 16) else { return Err(invarg("expected sci", &v)) };
                sci = x.to_be_bytes();
                s = true;
            }
            "port" => {
                let v = a.value()?;
                let Some(x) = crate::args::num::get_u16(&v, 0) else { return Err(invarg("expected port", &v)) };
                if x == 0 {
                    return Err(invarg("expected port != 0", &v));
                }
                port = x.to_be_bytes();
                p = true;
            }
            "address" => {
                let v = a.value()?;
                let Ok(l) = crate::inet::lladdr::ll_addr_a2n(&v, 6) else {
                    return Err(invarg("expected lladdr", crate::inet::lladdr::a2n_mangled(&v)));
                };
                let n = l.len().min(6);
                abuf[..n].copy_from_slice(&l[..n]);
                ad = true;
            }
            _ => return Err(invarg("expected sci, port, or address", &w)),
        }
        if s || (p && ad) {
            break;
        }
    }
    if !(s || (p && ad)) {
        return Ok(None);
    }
    if p && ad {
        sci[..6].copy_from_slice(&abuf);
        sci[6..].copy_from_slice(&port);
    }
    Ok(Some(sci))
}

/// do_modify_nl()
fn modify_nl(
    g: &mut Rtnl,
    family: u16,
    c: Op,
    cmd: u8,
    ifindex: u32,
    rxsc: Option<([u8; 8], u8)>,
    sa: &Sa,
) -> Res<i32> {
    let mut req = genl::request(family, cmd, MACSEC_GENL_VERSION, NLM_F_REQUEST);
    req.attr_u32(A_IFINDEX, ifindex);
    if let Some((sci, active)) = rxsc {
        let n = req.nest(A_RXSC_CONFIG);
        req.attr(RXSC_SCI, &sci);
        if c != Op::Del && active != 0xff {
            req.attr_u8(RXSC_ACTIVE, active);
        }
        req.nest_end(n);
    }
    if sa.an != 0xff {
        let n = req.nest(A_SA_CONFIG);
        req.attr_u8(SA_AN, sa.an);
        if c != Op::Del {
            if sa.xpn {
                if sa.pn != 0 {
                    req.attr_u64(SA_PN, sa.pn);
                }
                if sa.salt_set {
                    req.attr(SA_SALT, &sa.salt);
                }
                if sa.ssci_set {
                    req.attr(SA_SSCI, &sa.ssci);
                }
            } else if sa.pn != 0 {
                req.attr_u32(SA_PN, sa.pn as u32);
            }
            if !sa.key.is_empty() {
                req.attr(SA_KEYID, &sa.key_id);
                req.attr(SA_KEY, &sa.key);
            }
            if sa.active != 0xff {
                req.attr_u8(SA_ACTIVE, sa.active);
            }
        }
        req.nest_end(n);
    }
    if g.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// check_sa_args(): false (after its message) when the SA is refused.
fn check_sa_args(c: Op, sa: &Sa) -> bool {
    match c {
        Op::Add => {
            if sa.key.is_empty() {
                eprint_raw("cannot create SA without key\n");
                return false;
            }
            if sa.pn == 0 {
                eprint_raw("must specify a packet number != 0\n");
                return false;
            }
        }
        Op::Upd => {
            if !sa.key.is_empty() {
                eprint_raw("cannot change key on SA\n");
                return false;
            }
        }
        Op::Del => {}
    }
    true
}

fn device(ctx: &mut Ctx, a: &mut Args) -> Res<u32> {
    let Some(dev) = a.next() else { return Err(usage()) };
    let i = ctx.ifindex(&dev);
    if i == 0 {
        return Err(fail(1, &format!("Device \"{}\" does not exist.\n", dev)));
    }
    Ok(i)
}

/// do_modify()
fn modify(ctx: &mut Ctx, g: &mut Rtnl, family: u16, c: Op, mut a: Args) -> Res<i32> {
    if !a.has_next() {
        return Err(usage());
    }
    let ifindex = device(ctx, &mut a)?;
    let Some(dir) = a.next() else { return Err(usage()) };
    let mut sa = Sa::new();
    match dir.as_str() {
        "tx" => {
            match get_sa(&mut a)? {
                Some(an) => sa.an = an,
                None => return Err(usage()),
            }
            if c != Op::Del {
                parse_sa_args(&mut a, &mut sa)?;
                if !check_sa_args(c, &sa) {
                    return Err(Exit(1));
                }
            }
            modify_nl(g, family, c, nl_cmd(c, true, false), ifindex, None, &sa)
        }
        "rx" => {
            let sci = if a.has_next() { get_sci_portaddr(&mut a)? } else { None };
            let Some(sci) = sci else {
                eprint_raw("expected sci\n");
                return Err(usage());
            };
            let mut active = 0xffu8;
            let sa_set = match get_sa(&mut a)? {
                Some(an) => {
                    sa.an = an;
                    true
                }
                None => false,
            };
            if c != Op::Del {
                if sa_set {
                    parse_sa_args(&mut a, &mut sa)?;
                    if !check_sa_args(c, &sa) {
                        return Err(Exit(1));
                    }
                } else {
                    let mut active_set = false;
                    while let Some(w) = a.next() {
                        match w.as_str() {
                            "on" | "off" => {
                                if active_set {
                                    return Err(duparg2("on/off", &w));
                                }
                                active = (w == "on") as u8;
                                active_set = true;
                            }
                            _ => return Err(unknown(&w)),
                        }
                    }
                }
            }
            modify_nl(g, family, c, nl_cmd(c, sa_set, true), ifindex, Some((sci, active)), &sa)
        }
        _ => Err(usage()),
    }
}

/// do_offload()
fn offload(ctx: &mut Ctx, g: &mut Rtnl, family: u16, mut a: Args) -> Res<i32> {
    if !a.has_next() {
        return Err(usage());
    }
    let ifindex = device(ctx, &mut a)?;
    let Some(w) = a.next() else { return Err(usage()) };
    let Some(mode) = crate::args::parse_one_of("offload", &w, &OFFLOAD_STR) else { return Err(usage()) };
    let mut req = genl::request(family, CMD_UPD_OFFLOAD, MACSEC_GENL_VERSION, NLM_F_REQUEST);
    req.attr_u32(A_IFINDEX, ifindex);
    let n = req.nest(A_OFFLOAD);
    req.attr_u8(OFFLOAD_TYPE, mode as u8);
    req.nest_end(n);
    if g.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

const OFFLOAD_STR: [&str; 3] = ["off", "phy", "mac"];
const VALIDATE_STR: [&str; 3] = ["disabled", "check", "strict"];

fn cs_id_to_name(cid: u64) -> &'static str {
    match cid {
        0x0080_0200_0100_0001 | 0x0080_C200_0100_0001 => "GCM-AES-128",
        0x0080_C200_0100_0002 => "GCM-AES-256",
        0x0080_C200_0100_0003 => "GCM-AES-XPN-128",
        0x0080_C200_0100_0004 => "GCM-AES-XPN-256",
        _ => "(unknown)",
    }
}

/// print_flag()
fn print_flag(ctx: &mut Ctx, tb: &Tb, desc: &str, field: u16) {
    let Some(f) = tb.u8(field) else { return };
    if ctx.p.is_json() {
        ctx.p.bool(T::Json, desc, "", f != 0);
    } else {
        ctx.p.fpf(format_args!("{} ", desc));
        ctx.p.fpf(format_args!("{} ", if f != 0 { "on" } else { "off" }));
    }
}

/// print_attrs(): the SecY's settings. Its "sc" and "sa" flags read the
/// SecY attribute with the number of MACSEC_RXSC_ATTR_ACTIVE and
/// MACSEC_SA_ATTR_ACTIVE (2, the encoding SA), as the reference does.
fn print_attrs(ctx: &mut Ctx, tb: &Tb) {
    print_flag(ctx, tb, "protect", SECY_PROTECT);
    if let Some(v) = tb.u8(SECY_VALIDATE) {
        ctx.p.string(T::Any, "validate", "validate {} ", VALIDATE_STR.get(v as usize).copied().unwrap_or("(unknown)"));
    }
    print_flag(ctx, tb, "sc", RXSC_ACTIVE);
    print_flag(ctx, tb, "sa", SA_ACTIVE);
    print_flag(ctx, tb, "encrypt", SECY_ENCRYPT);
    print_flag(ctx, tb, "send_sci", SECY_INC_SCI);
    print_flag(ctx, tb, "end_station", SECY_ES);
    print_flag(ctx, tb, "scb", SECY_SCB);
    print_flag(ctx, tb, "replay", SECY_REPLAY);
    if let Some(w) = tb.u32(SECY_WINDOW) {
        ctx.p.uint(T::Any, "window", "window {} ", u64::from(w));
    }
    if let Some(cid) = tb.u64(SECY_CIPHER_SUITE) {
        ctx.p.nl();
        ctx.p.string(T::Any, "cipher_suite", "    cipher suite: {},", cs_id_to_name(cid));
    }
    if let Some(icv) = tb.u8(SECY_ICV_LEN) {
        ctx.p.uint(T::Any, "icv_length", " using ICV length {}\n", u64::from(icv));
    }
}

/// getattr_u64(): a counter of 8, 4, 2 or 1 bytes.
fn getattr_u64(d: &[u8]) -> Res<u64> {
    Ok(match d.len() {
        8 => u64::from_ne_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]]),
        4 => u64::from(u32::from_ne_bytes([d[0], d[1], d[2], d[3]])),
        2 => u64::from(u16::from_ne_bytes([d[0], d[1]])),
        1 => u64::from(d[0]),
        n => return Err(fail(255, &format!("invalid attribute length {}\n", n))),
    })
}

/// print_stats(): `names` indexed by attribute type (None for a hole).
fn print_stats(ctx: &mut Ctx, prefix: &str, names: &[Option<&str>], nest: Option<&[u8]>) -> Res<()> {
    let Some(nest) = nest else { return Ok(()) };
    if ctx.o.stats == 0 {
        return Ok(());
    }
    let tb = Tb::parse(nest, names.len());
    if ctx.p.is_json() {
        for (i, n) in names.iter().enumerate().skip(1) {
            if let (Some(n), Some(d)) = (n, tb.get(i as u16)) {
                let v = getattr_u64(d)?;
                ctx.p.uint(T::Json, n, "", v);
            }
        }
        return Ok(());
    }
    ctx.p.fpf(format_args!("{}stats:", prefix));
    for n in names.iter().skip(1).flatten() {
        ctx.p.fpf(format_args!(" {}", n));
    }
    ctx.p.fpf(format_args!("\n{}      ", prefix));
    for (i, n) in names.iter().enumerate().skip(1) {
        let Some(n) = n else { continue };
        let pad = n.len() + 1;
        match tb.get(i as u16) {
            Some(d) => {
                let v = getattr_u64(d)?;
                ctx.p.fpf(format_args!("{:>pad$}", v, pad = pad));
            }
            None => ctx.p.fpf(format_args!("{:>pad$}", '-', pad = pad)),
        }
    }
    ctx.p.fp("\n");
    Ok(())
}

const TXSC_STATS: [Option<&str>; 5] =
    [None, Some("OutPktsProtected"), Some("OutPktsEncrypted"), Some("OutOctetsProtected"), Some("OutOctetsEncrypted")];
const SECY_STATS: [Option<&str>; 9] = [
    None,
    Some("OutPktsUntagged"),
    Some("InPktsUntagged"),
    Some("OutPktsTooLong"),
    Some("InPktsNoTag"),
    Some("InPktsBadTag"),
    Some("InPktsUnknownSCI"),
    Some("InPktsNoSCI"),
    Some("InPktsOverrun"),
];
const RXSA_STATS: [Option<&str>; 8] = [
    None,
    Some("InPktsOK"),
    Some("InPktsInvalid"),
    Some("InPktsNotValid"),
    Some("InPktsNotUsingSA"),
    Some("InPktsUnusedSA"),
    None,
    None,
];
const TXSA_STATS: [Option<&str>; 8] =
    [None, None, None, None, None, None, Some("OutPktsProtected"), Some("OutPktsEncrypted")];
const RXSC_STATS_NAMES: [Option<&str>; 11] = [
    None,
    Some("InOctetsValidated"),
    Some("InOctetsDecrypted"),
    Some("InPktsUnchecked"),
    Some("InPktsDelayed"),
    Some("InPktsOK"),
    Some("InPktsInvalid"),
    Some("InPktsLate"),
    Some("InPktsNotValid"),
    Some("InPktsNotUsingSA"),
    Some("InPktsUnusedSA"),
];

fn hash_x(v: u64) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("0x{:x}", v)
    }
}

/// The SA list of print_tx_sc() and print_rx_sc().
fn print_sa_list(ctx: &mut Ctx, prefix: &str, is_xpn: bool, list: Option<&[u8]>, tx: bool) -> Res<()> {
    ctx.p.open_array(T::Json, "sa_list");
    for (_, a) in attrs(list.unwrap_or(&[])) {
        ctx.p.open_object(None);
        let tb = Tb::parse(a, SA_MAX);
        let state = tb.u8(SA_ACTIVE).unwrap_or(0) != 0;
        ctx.p.fp(prefix);
        ctx.p.fp(prefix);
        ctx.p.uint(T::Any, "an", "{}:", u64::from(tb.u8(SA_AN).unwrap_or(0)));
        if is_xpn {
            ctx.p.uint(T::Any, "pn", " PN {},", u64::from(tb.u64(SA_PN).unwrap_or(0) as u32));
            let ssci = u32::from_be(tb.u32(SA_SSCI).unwrap_or(0));
            if ctx.p.is_json() {
                ctx.p.string(T::Json, "ssci", "", &hash_x(u64::from(ssci)));
            } else {
                ctx.p.fpf(format_args!("SSCI {:08x}", ssci));
            }
        } else {
            ctx.p.uint(T::Any, "pn", " PN {},", u64::from(tb.u32(SA_PN).unwrap_or(0)));
        }
        ctx.p.bool(T::Json, "active", "", state);
        ctx.p.string(T::Fp, "", " state {},", if state { "on" } else { "off" });
        let key: String = tb.get(SA_KEYID).unwrap_or(&[]).iter().take(31).map(|b| format!("{:02x}", b)).collect();
        ctx.p.string(T::Any, "key", " key {}\n", &key);
        let names: &[Option<&str>] = if tx { &TXSA_STATS } else { &RXSA_STATS };
        print_stats(ctx, prefix, names, tb.get(SA_STATS))?;
        ctx.p.close_object();
    }
    ctx.p.close_array(T::Json, "");
    Ok(())
}

fn sci_text(ctx: &mut Ctx, fmt_text: String, sci: u64) {
    if ctx.p.is_json() {
        ctx.p.string(T::Json, "sci", "", &hash_x(sci));
    } else {
        ctx.p.fp(&fmt_text);
    }
}

/// process(): one SecY of the dump; Err(Exit(1)) where the C returns -1.
fn process(ctx: &mut Ctx, family: u16, filter: u32, m: &Msg) -> Res<()> {
    if m.ty != family {
        return Err(Exit(1));
    }
    let Some((cmd, a)) = genl::payload(m) else { return Err(Exit(1)) };
    if cmd != CMD_GET_TXSC {
        return Ok(());
    }
    let tb = Tb::parse(a, ATTR_MAX);
    let complete = [A_IFINDEX, A_SECY, A_TXSA_LIST, A_RXSC_LIST, A_TXSC_STATS, A_SECY_STATS].iter().all(|&t| tb.has(t));
    if !complete {
        let _ = ctx.p.flush();
        eprint_raw("incomplete dump message\n");
        return Err(Exit(1));
    }
    let ifindex = tb.u32(A_IFINDEX).unwrap_or(0);
    let secy = Tb::parse(tb.get(A_SECY).unwrap_or(&[]), SECY_MAX);
    let needed = [
        SECY_SCI,
        SECY_ENCODING_SA,
        SECY_CIPHER_SUITE,
        SECY_ICV_LEN,
        SECY_PROTECT,
        SECY_REPLAY,
        8,
        SECY_VALIDATE,
        SECY_ENCRYPT,
        SECY_INC_SCI,
        SECY_ES,
        SECY_SCB,
    ];
    if !needed.iter().all(|&t| secy.has(t)) {
        let _ = ctx.p.flush();
        eprint_raw("incomplete dump message\n");
        return Err(Exit(1));
    }
    let sci = secy.get(SECY_SCI).map(|d| d.iter().take(8).fold(0u64, |v, &b| v << 8 | u64::from(b))).unwrap_or(0);
    let sci_raw = secy.u64(SECY_SCI).unwrap_or(0);
    let encoding_sa = secy.u8(SECY_ENCODING_SA).unwrap_or(0);
    if filter != 0 && ifindex != filter {
        return Ok(());
    }
    let _ = sci_raw;
    ctx.p.open_object(None);
    ctx.p.uint(T::Any, "ifindex", "{}: ", u64::from(ifindex));
    let name = ctx.names.name_own_socket(ifindex);
    ctx.p.color_string(T::Any, Color::Ifname, "ifname", "{}: ", &name);
    print_attrs(ctx, &secy);
    let cid = secy.u64(SECY_CIPHER_SUITE).unwrap_or(0);
    let is_xpn = cid == 0x0080_C200_0100_0003 || cid == 0x0080_C200_0100_0004;
    let prefix = "    ";
    ctx.p.fp(prefix);
    sci_text(ctx, format!("TXSC: {:016x}", sci), sci);
    ctx.p.uint(T::Any, "encoding_sa", " on SA {}\n", u64::from(encoding_sa));
    print_stats(ctx, prefix, &SECY_STATS, tb.get(A_SECY_STATS))?;
    print_stats(ctx, prefix, &TXSC_STATS, tb.get(A_TXSC_STATS))?;
    print_sa_list(ctx, prefix, is_xpn, tb.get(A_TXSA_LIST), true)?;
    if let Some(list) = tb.get(A_RXSC_LIST) {
        ctx.p.open_array(T::Json, "rx_sc");
        for (_, c) in attrs(list) {
            ctx.p.open_object(None);
            let sc = Tb::parse(c, RXSC_MAX);
            let rsci =
                sc.get(RXSC_SCI).map(|d| d.iter().take(8).fold(0u64, |v, &b| v << 8 | u64::from(b))).unwrap_or(0);
            // rta_getattr_u32() of the u8 attribute, passed on as a u8.
            let active = sc.get(RXSC_ACTIVE).and_then(|d| d.first().copied()).unwrap_or(0);
            ctx.p.fp(prefix);
            sci_text(ctx, format!("RXSC: {:016x},", rsci), rsci);
            ctx.p.bool(T::Json, "active", "", active != 0);
            ctx.p.string(T::Fp, "", " state {}\n", if active != 0 { "on" } else { "off" });
            print_stats(ctx, prefix, &RXSC_STATS_NAMES, sc.get(RXSC_STATS))?;
            print_sa_list(ctx, prefix, is_xpn, sc.get(RXSC_SA_LIST), false)?;
            ctx.p.close_object();
        }
        ctx.p.close_array(T::Json, "");
    }
    if let Some(o) = tb.get(A_OFFLOAD) {
        let ot = Tb::parse(o, 2);
        let v = ot.u8(OFFLOAD_TYPE).unwrap_or(0);
        ctx.p.string(
            T::Any,
            "offload",
            "    offload: {} ",
            OFFLOAD_STR.get(v as usize).copied().unwrap_or("(unknown)"),
        );
        ctx.p.nl();
    }
    ctx.p.close_object();
    Ok(())
}

/// do_show() and do_dump()
fn show(ctx: &mut Ctx, g: &mut Rtnl, family: u16, mut a: Args) -> Res<i32> {
    let mut filter = 0;
    if let Some(dev) = a.next() {
        filter = ctx.ifindex(&dev);
        if filter == 0 {
            return Err(fail(1, &format!("Device \"{}\" does not exist.\n", dev)));
        }
        if a.has_next() {
            return Err(usage());
        }
    }
    let mut req = genl::request(family, CMD_GET_TXSC, MACSEC_GENL_VERSION, NLM_F_REQUEST | NLM_F_DUMP);
    if let Err(e) = g.dump_request(&mut req) {
        return Err(fail(1, &format!("Failed to send dump request: {}\n", crate::error::strerror(e))));
    }
    ctx.p.new_json_obj();
    let mut err: Option<Exit> = None;
    let ok = g.dump(|m| match process(ctx, family, filter, &m) {
        Ok(()) => Ok(()),
        Err(e) => {
            if e.0 != 1 {
                err = Some(e);
            }
            Err(Exit(1))
        }
    });
    if let Some(e) = err {
        let _ = ctx.p.flush();
        return Err(e);
    }
    if !matches!(ok, Ok(true)) {
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        return Err(fail(1, "Dump terminated\n"));
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

pub fn do_ipmacsec(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "macsec") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Show) => show(ctx, &mut g, family, args),
        Some(Cmd::Add) => modify(ctx, &mut g, family, Op::Add, args),
        Some(Cmd::Set) => modify(ctx, &mut g, family, Op::Upd, args),
        Some(Cmd::Del) => modify(ctx, &mut g, family, Op::Del, args),
        Some(Cmd::Offload) => offload(ctx, &mut g, family, args),
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip macsec")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::Opts;
    use crate::netlink::attr::msgs;
    use crate::print::{Captured, Mode, Printer};

    fn ctx(stats: u32) -> (Ctx, Captured) {
        let buf = Captured::default();
        let p = Printer::new(Box::new(buf.clone()), Mode::default());
        let mut c = Ctx::with_replay(Opts { stats, ..Default::default() }, p, Vec::new());
        c.names.offline = true;
        (c, buf)
    }

    fn sa(req: &mut crate::netlink::Req, an: u8, active: u8, pn: u32, key: u8) {
        let n = req.nest(an as u16 + 1);
        req.attr_u8(SA_AN, an);
        req.attr_u8(SA_ACTIVE, active);
        req.attr_u32(SA_PN, pn);
        req.attr(SA_KEYID, &[key; 16]);
        req.nest_end(n);
    }

    fn dump_msg(with_stats: bool) -> Vec<u8> {
        let mut req = genl::request(50, CMD_GET_TXSC, 1, 0);
        req.attr_u32(A_IFINDEX, 5);
        let n = req.nest(A_SECY);
        req.attr(SECY_SCI, &[0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77]);
        req.attr_u8(SECY_ENCODING_SA, 0);
        req.attr_u32(SECY_WINDOW, 0);
        req.attr_u64(SECY_CIPHER_SUITE, 0x0080_C200_0100_0001);
        req.attr_u8(SECY_ICV_LEN, 16);
        for (t, v) in [(SECY_PROTECT, 1), (SECY_REPLAY, 0), (8, 1), (SECY_VALIDATE, 2), (SECY_ENCRYPT, 1)] {
            req.attr_u8(t, v);
        }
        for (t, v) in [(SECY_INC_SCI, 1), (SECY_ES, 0), (SECY_SCB, 0)] {
            req.attr_u8(t, v);
        }
        req.nest_end(n);
        let n = req.nest(A_TXSA_LIST);
        sa(&mut req, 0, 1, 1, 0xab);
        req.nest_end(n);
        let n = req.nest(A_RXSC_LIST);
        let sc = req.nest(1);
        req.attr(RXSC_SCI, &[0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
        req.attr_u8(RXSC_ACTIVE, 1);
        let l = req.nest(RXSC_SA_LIST);
        sa(&mut req, 1, 0, 2, 0xcd);
        req.nest_end(l);
        req.nest_end(sc);
        req.nest_end(n);
        let n = req.nest(A_TXSC_STATS);
        if with_stats {
            req.attr_u64(1, 10);
            req.attr_u32(3, 7);
        }
        req.nest_end(n);
        let n = req.nest(A_SECY_STATS);
        req.nest_end(n);
        let n = req.nest(A_OFFLOAD);
        req.attr_u8(OFFLOAD_TYPE, 1);
        req.nest_end(n);
        req.bytes().to_vec()
    }

    #[test]
    fn show_printer() {
        let raw = dump_msg(false);
        let m = msgs(&raw).next().unwrap();
        let (mut c, buf) = ctx(0);
        process(&mut c, 50, 0, &m).unwrap();
        let _ = c.p.flush();
        let ka = "ab".repeat(16);
        let kc = "cd".repeat(16);
        assert_eq!(
            String::from_utf8(buf.bytes()).unwrap(),
            format!(
                "5: if5: protect on validate strict sc off sa off encrypt on send_sci on end_station off scb off replay off window 0 \n    cipher suite: GCM-AES-128, using ICV length 16\n    TXSC: 0011223344556677 on SA 0\n        0: PN 1, state on, key {}\n    RXSC: 8899aabbccddeeff, state on\n        1: PN 2, state off, key {}\n    offload: phy \n",
                ka, kc
            )
        );
        // Another device is filtered out; another family ends the dump.
        let (mut c, buf) = ctx(0);
        process(&mut c, 50, 6, &m).unwrap();
        assert_eq!(process(&mut c, 51, 0, &m), Err(Exit(1)));
        let _ = c.p.flush();
        assert!(buf.bytes().is_empty());
    }

    #[test]
    fn stats_table() {
        let raw = dump_msg(true);
        let m = msgs(&raw).next().unwrap();
        let (mut c, buf) = ctx(1);
        process(&mut c, 50, 0, &m).unwrap();
        let _ = c.p.flush();
        let out = String::from_utf8(buf.bytes()).unwrap();
        // printf("%*llu") with the width of each name and its space.
        let want = format!(
            "    stats: OutPktsProtected OutPktsEncrypted OutOctetsProtected OutOctetsEncrypted\n{}{}{}{}{}\n",
            " ".repeat(10),
            format_args!("{:>17}", 10),
            format_args!("{:>17}", "-"),
            format_args!("{:>19}", 7),
            format_args!("{:>19}", "-")
        );
        assert!(out.contains(&want), "{}", out);
    }

    #[test]
    fn sa_parsing() {
        let mut s = Sa::new();
        let mut a = Args::from_strs(&["pn", "5", "key", "01", "0011223344556677", "on"]);
        parse_sa_args(&mut a, &mut s).unwrap();
        assert_eq!((s.pn, s.key.len(), s.key_id[0], s.active), (5, 8, 1, 1));
        let mut a = Args::from_strs(&["xpn", "5"]);
        assert_eq!(parse_sa_args(&mut a, &mut s).err(), Some(Exit(255)));
        assert_eq!(hexstring_a2n("abc", 16), None);
        assert_eq!(hexstring_a2n("0a0b0c", 2), Some(vec![10, 11]));
        let mut a = Args::from_strs(&["port", "7", "address", "00:11:22:33:44:55", "sa", "2"]);
        assert_eq!(get_sci_portaddr(&mut a).unwrap(), Some([0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 7]));
        assert_eq!(get_sa(&mut a).unwrap(), Some(2));
        assert_eq!(nl_cmd(Op::Add, true, true), 7);
        assert_eq!(nl_cmd(Op::Upd, false, true), 3);
        assert_eq!(nl_cmd(Op::Del, true, false), 5);
    }
}
