//! `ip rule` (ip/iprule.c, 6.1.0): list/show with its selectors, add/del,
//! flush, save and restore. `ip mrule` is not done.
//!
//! The exit statuses are ip's: a command's `return N` is exit -N (ip.c
//! do_cmd), its `exit(-1)` is 255.

use crate::args::keywords::{doc, exact, kw, Table, Words};
use crate::args::num::{c_strtoull, get_s32, get_u32, get_u64};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, invarg, Exit, Res};
use crate::inet::{self, get_prefix, InetPrefix};
use crate::names::link::check_ifname;
use crate::names::tables as rt_names;
use crate::netlink::attr::{hdr_u32, Req, Tb};
use crate::netlink::consts::*;
use crate::print::color::Color;
use crate::print::{Printer, T};

pub const USAGE: &str = "Usage: ip rule { add | del } SELECTOR ACTION
       ip rule { flush | save | restore }
       ip rule [ list [ SELECTOR ]]
SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
            [ fwmark FWMARK[/MASK] ]
            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]
            [ uidrange NUMBER-NUMBER ]
            [ ipproto PROTOCOL ]
            [ sport [ NUMBER | NUMBER-NUMBER ]
            [ dport [ NUMBER | NUMBER-NUMBER ] ]
ACTION := [ table TABLE_ID ]
          [ protocol PROTO ]
          [ nat ADDRESS ]
          [ realms [SRCREALM/]DSTREALM ]
          [ goto NUMBER ]
          SUPPRESSOR
SUPPRESSOR := [ suppress_prefixlength NUMBER ]
              [ suppress_ifgroup DEVGROUP ]
TABLE_ID := [ local | main | default | NUMBER ]
";

/// usage(): stderr, exit(-1).
pub fn usage() -> Exit {
    fail(255, USAGE)
}

const RTM_NEWRULE: u16 = 32;
const RTM_DELRULE: u16 = 33;
const RTM_GETRULE: u16 = 34;

const FRA_DST: u16 = 1;
const FRA_SRC: u16 = 2;
const FRA_IFNAME: u16 = 3;
const FRA_GOTO: u16 = 4;
const FRA_PRIORITY: u16 = 6;
const FRA_FWMARK: u16 = 10;
const FRA_FLOW: u16 = 11;
const FRA_TUN_ID: u16 = 12;
const FRA_SUPPRESS_IFGROUP: u16 = 13;
const FRA_SUPPRESS_PREFIXLEN: u16 = 14;
const FRA_TABLE: u16 = 15;
const FRA_FWMASK: u16 = 16;
const FRA_OIFNAME: u16 = 17;
const FRA_L3MDEV: u16 = 19;
const FRA_UID_RANGE: u16 = 20;
const FRA_PROTOCOL: u16 = 21;
const FRA_IP_PROTO: u16 = 22;
const FRA_SPORT_RANGE: u16 = 23;
const FRA_DPORT_RANGE: u16 = 24;
/// FRA_MAX of iproute2 6.1's headers.
const FRA_MAX: usize = 24;

const FR_ACT_UNSPEC: u8 = 0;
const FR_ACT_TO_TBL: u8 = 1;
const FR_ACT_GOTO: u8 = 2;
const FR_ACT_NOP: u8 = 3;
const RTN_NAT: u8 = 10;

const FIB_RULE_INVERT: u32 = 2;
const FIB_RULE_UNRESOLVED: u32 = 4;
const FIB_RULE_IIF_DETACHED: u32 = 8;
const FIB_RULE_OIF_DETACHED: u32 = 0x10;

const RT_TABLE_MAIN: u8 = 254;
const RTPROT_KERNEL: u8 = 2;

/// The saved dump's magic (rule_dump_magic).
const MAGIC: u32 = 0x7170_6986;

/// struct fib_rule_hdr (12 bytes).
#[derive(Debug, Clone, Copy, Default)]
struct Frh {
    family: u8,
    dst_len: u8,
    src_len: u8,
    tos: u8,
    table: u8,
    action: u8,
    flags: u32,
}

const FRH_LEN: usize = 12;

impl Frh {
    fn parse(b: &[u8]) -> Option<Frh> {
        if b.len() < FRH_LEN {
            return None;
        }
        Some(Frh {
            family: b[0],
            dst_len: b[1],
            src_len: b[2],
            tos: b[3],
            table: b[4],
            action: b[7],
            flags: hdr_u32(b, 8),
        })
    }
    fn bytes(&self) -> [u8; FRH_LEN] {
        let f = self.flags.to_ne_bytes();
        [self.family, self.dst_len, self.src_len, self.tos, self.table, 0, 0, self.action, f[0], f[1], f[2], f[3]]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    List,
    Save,
    Restore,
    Add,
    Delete,
    Flush,
    Help,
}

/// do_iprule()'s commands, in its test order.
pub static COMMANDS: Table<Cmd> = Table::new(
    "ip rule",
    &[
        kw("list", Cmd::List),
        kw("lst", Cmd::List),
        kw("show", Cmd::List),
        kw("save", Cmd::Save),
        kw("restore", Cmd::Restore),
        kw("add", Cmd::Add),
        kw("delete", Cmd::Delete),
        kw("flush", Cmd::Flush),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    Pref,
    Not,
    Tos,
    Fwmark,
    Iif,
    Oif,
    L3mdev,
    Uidrange,
    TunId,
    Table,
    From,
    Protocol,
    Ipproto,
    Sport,
    Dport,
    To,
}

/// The SELECTOR words of list/flush (iprule_list_flush_or_save()'s order;
/// a word that is none of them is the `to` prefix).
pub static SELECTORS: Table<Sel> = Table::new(
    "ip rule show",
    &[
        kw("preference", Sel::Pref),
        kw("order", Sel::Pref),
        kw("priority", Sel::Pref),
        exact("not", Sel::Not),
        exact("tos", Sel::Tos),
        exact("dsfield", Sel::Tos),
        exact("fwmark", Sel::Fwmark),
        exact("dev", Sel::Iif),
        exact("iif", Sel::Iif),
        exact("oif", Sel::Oif),
        exact("l3mdev", Sel::L3mdev),
        exact("uidrange", Sel::Uidrange),
        kw("tun_id", Sel::TunId),
        kw("lookup", Sel::Table),
        kw("table", Sel::Table),
        kw("from", Sel::From),
        kw("src", Sel::From),
        kw("protocol", Sel::Protocol),
        exact("ipproto", Sel::Ipproto),
        exact("sport", Sel::Sport),
        exact("dport", Sel::Dport),
        kw("dst", Sel::To),
        kw("to", Sel::To),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Not,
    From,
    To,
    Pref,
    Tos,
    Fwmark,
    Realms,
    Protocol,
    TunId,
    Table,
    SupPl,
    SupGroup,
    Iif,
    Oif,
    L3mdev,
    Uidrange,
    Nat,
    Ipproto,
    Sport,
    Dport,
    Type,
}

/// The words of add/del (iprule_modify()'s order); any other word is a type.
pub static MODIFY: Table<Opt> = Table::new(
    "ip rule add",
    &[
        exact("not", Opt::Not),
        exact("from", Opt::From),
        exact("to", Opt::To),
        kw("preference", Opt::Pref),
        kw("order", Opt::Pref),
        kw("priority", Opt::Pref),
        exact("tos", Opt::Tos),
        kw("dsfield", Opt::Tos),
        exact("fwmark", Opt::Fwmark),
        kw("realms", Opt::Realms),
        kw("protocol", Opt::Protocol),
        kw("tun_id", Opt::TunId),
        kw("table", Opt::Table),
        exact("lookup", Opt::Table),
        kw("suppress_prefixlength", Opt::SupPl),
        exact("sup_pl", Opt::SupPl),
        kw("suppress_ifgroup", Opt::SupGroup),
        exact("sup_group", Opt::SupGroup),
        exact("dev", Opt::Iif),
        exact("iif", Opt::Iif),
        exact("oif", Opt::Oif),
        exact("l3mdev", Opt::L3mdev),
        exact("uidrange", Opt::Uidrange),
        exact("nat", Opt::Nat),
        kw("map-to", Opt::Nat),
        exact("ipproto", Opt::Ipproto),
        exact("sport", Opt::Sport),
        exact("dport", Opt::Dport),
        exact("type", Opt::Type),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Help,
    Goto,
    Nop,
    Named,
}

/// The rule types (after `type` or in its place): help, goto, nop, then a
/// route type name (rtnl_rtntype_a2n).
pub static TYPES: Table<Ty> = Table::new(
    "ip rule add type",
    &[
        kw("help", Ty::Help),
        kw("goto", Ty::Goto),
        kw("nop", Ty::Nop),
        doc("unicast", Ty::Named),
        doc("local", Ty::Named),
        doc("broadcast", Ty::Named),
        doc("anycast", Ty::Named),
        doc("multicast", Ty::Named),
        doc("blackhole", Ty::Named),
        doc("unreachable", Ty::Named),
        doc("prohibit", Ty::Named),
        doc("throw", Ty::Named),
        doc("nat", Ty::Named),
        doc("xresolve", Ty::Named),
    ],
);

/// The keyword tables of `ip rule` (command table first).
pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SELECTORS, &MODIFY, &TYPES];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Flush,
    Save,
}

pub fn do_iprule(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return list_flush_or_save(ctx, args, Action::List);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::List) => list_flush_or_save(ctx, args, Action::List),
        Some(Cmd::Save) => list_flush_or_save(ctx, args, Action::Save),
        Some(Cmd::Restore) => restore(ctx),
        Some(Cmd::Add) => modify(ctx, RTM_NEWRULE, args),
        Some(Cmd::Delete) => modify(ctx, RTM_DELRULE, args),
        Some(Cmd::Flush) => list_flush_or_save(ctx, args, Action::Flush),
        Some(Cmd::Help) => Err(usage()),
        None => Err(crate::error::unknown_command(&cmd, "ip rule")),
    }
}

/// linux/rtnetlink.h: the multicast routing families.
const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;

/// `ip mrule` (do_multirule() in ip/iprule.c): `ip rule` for the
/// multicast routing families, RTNL_FAMILY_IPMR (`-4` or none) and
/// RTNL_FAMILY_IP6MR (`-6`); any other family is refused.
pub fn do_multirule(ctx: &mut Ctx, args: Args) -> Res<i32> {
    ctx.o.family = match ctx.o.family {
        AF_UNSPEC | AF_INET => RTNL_FAMILY_IPMR,
        AF_INET6 => RTNL_FAMILY_IP6MR,
        RTNL_FAMILY_IPMR | RTNL_FAMILY_IP6MR => ctx.o.family,
        f => return Err(fail(255, &format!("Multicast rules are only supported for IPv4/IPv6, was: {}\n", f))),
    };
    do_iprule(ctx, args)
}

/// sscanf(s, "%u") as glibc reads it: the number (wrapped like strtoul)
/// and the rest of the string.
fn scan_u(s: &str) -> Option<(u64, &str)> {
    let (v, n, _) = c_strtoull(s, 10);
    if n == 0 {
        return None;
    }
    Some((v, &s[n..]))
}

/// sscanf(s, "%u-%u"): the number of conversions and the values.
fn scan_range(s: &str) -> (i32, u64, u64) {
    let Some((a, rest)) = scan_u(s) else { return (0, 0, 0) };
    let Some(rest) = rest.strip_prefix('-') else { return (1, a, 0) };
    match scan_u(rest) {
        Some((b, _)) => (2, a, b),
        None => (1, a, 0),
    }
}

/// uidrange NUMBER-NUMBER: struct fib_rule_uid_range.
fn uid_range(s: &str) -> Res<(u32, u32)> {
    match scan_range(s) {
        (2, a, b) => Ok((a as u32, b as u32)),
        _ => Err(invarg("invalid UID range\n", s)),
    }
}

/// sport/dport [NUMBER | NUMBER-NUMBER]: struct fib_rule_port_range.
fn port_range(s: &str, msg: &str) -> Res<(u16, u16)> {
    match scan_range(s) {
        (1, a, _) => Ok((a as u16, a as u16)),
        (2, a, b) => Ok((a as u16, b as u16)),
        _ => Err(invarg(msg, s)),
    }
}

/// The selectors of list/flush (iproute2's static `filter`).
#[derive(Default)]
struct Filter {
    not: bool,
    l3mdev: bool,
    iif: Option<String>,
    oif: Option<String>,
    uidrange: Option<(u32, u32)>,
    tb: u32,
    tos: Option<u32>,
    pref: Option<u32>,
    fwmark: u32,
    fwmask: u32,
    tun_id: u64,
    src: InetPrefix,
    dst: InetPrefix,
    protocol: u32,
    protocolmask: u32,
    sport: (u16, u16),
    dport: (u16, u16),
    ipproto: u8,
}

fn filter_nlmsg(f: &Filter, pref_family: u8, frh: &Frh, tb: &Tb) -> bool {
    if pref_family != AF_UNSPEC && frh.family != pref_family {
        return false;
    }
    if let Some(p) = f.pref {
        if p != tb.u32(FRA_PRIORITY).unwrap_or(0) {
            return false;
        }
    }
    if f.not && frh.flags & FIB_RULE_INVERT == 0 {
        return false;
    }
    for (m, len, ty) in [(&f.src, frh.src_len, FRA_SRC), (&f.dst, frh.dst_len, FRA_DST)] {
        if m.family != AF_UNSPEC {
            if m.family != frh.family || m.bitlen > len as i16 {
                return false;
            }
            if inet::inet_addr_match_rta(m, tb.get(ty)) != 0 {
                return false;
            }
        }
    }
    if let Some(t) = f.tos {
        if t != frh.tos as u32 {
            return false;
        }
    }
    if f.fwmark != 0 && f.fwmark != tb.u32(FRA_FWMARK).unwrap_or(0) {
        return false;
    }
    if f.fwmask != 0 && f.fwmask != tb.u32(FRA_FWMASK).unwrap_or(0) {
        return false;
    }
    for (want, ty) in [(&f.iif, FRA_IFNAME), (&f.oif, FRA_OIFNAME)] {
        if let Some(w) = want {
            match tb.str(ty) {
                Some(n) if *n == **w => {}
                _ => return false,
            }
        }
    }
    if f.l3mdev && tb.u8(FRA_L3MDEV).unwrap_or(0) == 0 {
        return false;
    }
    if let Some((s, e)) = f.uidrange {
        match tb.get(FRA_UID_RANGE) {
            Some(d) if d.len() >= 8 && hdr_u32(d, 0) == s && hdr_u32(d, 4) == e => {}
            _ => return false,
        }
    }
    if f.ipproto != 0 && f.ipproto != tb.u8(FRA_IP_PROTO).unwrap_or(0) {
        return false;
    }
    for (want, ty) in [(f.sport, FRA_SPORT_RANGE), (f.dport, FRA_DPORT_RANGE)] {
        if want.0 != 0 {
            match tb.get(ty) {
                Some(d) if d.len() >= 4 && port(d, 0) == want.0 && port(d, 2) == want.1 => {}
                _ => return false,
            }
        }
    }
    if f.tun_id != 0 {
        match tb.get(FRA_TUN_ID) {
            Some(d) if d.len() >= 8 && tun_id(d) == f.tun_id => {}
            _ => return false,
        }
    }
    let table = table_of(frh, tb);
    if f.tb > 0 && f.tb != table {
        return false;
    }
    true
}

fn port(d: &[u8], off: usize) -> u16 {
    u16::from_ne_bytes([d[off], d[off + 1]])
}

fn tun_id(d: &[u8]) -> u64 {
    u64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// frh_get_table()
fn table_of(frh: &Frh, tb: &Tb) -> u32 {
    tb.u32(FRA_TABLE).unwrap_or(frh.table as u32)
}

/// print_rule()
fn print_rule(p: &mut Printer, numeric: bool, details: u32, resolve: bool, ty: u16, frh: &Frh, tb: &Tb) {
    let host_len = inet::af_bit_len(frh.family);
    p.open_object(None);
    if ty == RTM_DELRULE {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    let prio = tb.u32(FRA_PRIORITY).unwrap_or(0);
    p.uint(T::Any, "priority", "{}:\t", prio as u64);
    if frh.flags & FIB_RULE_INVERT != 0 {
        p.null(T::Any, "not", "not ", "");
    }
    if let Some(d) = tb.get(FRA_SRC) {
        p.fp("from ");
        p.color_string(T::Any, Color::of_family(frh.family), "src", "{}", inet::rt_addr_buf(frh.family, d).as_str());
        if frh.src_len as i32 != host_len {
            p.uint(T::Any, "srclen", "/{}", frh.src_len as u64);
        }
    } else if frh.src_len != 0 {
        p.string(T::Any, "src", "from {}", "0");
        p.uint(T::Any, "srclen", "/{}", frh.src_len as u64);
    } else {
        p.string(T::Any, "src", "from {}", "all");
    }
    if let Some(d) = tb.get(FRA_DST) {
        p.fp(" to ");
        p.color_string(T::Any, Color::of_family(frh.family), "dst", "{}", inet::rt_addr_buf(frh.family, d).as_str());
        if frh.dst_len as i32 != host_len {
            p.uint(T::Any, "dstlen", "/{}", frh.dst_len as u64);
        }
    } else if frh.dst_len != 0 {
        p.string(T::Any, "dst", " to {}", "0");
        p.uint(T::Any, "dstlen", "/{}", frh.dst_len as u64);
    }
    if frh.tos != 0 {
        p.string(T::Any, "tos", " tos {}", rt_names::dsfield_n2a(frh.tos as u32, numeric).as_str());
    }
    if tb.has(FRA_FWMARK) || tb.has(FRA_FWMASK) {
        let mark = tb.u32(FRA_FWMARK).unwrap_or(0);
        p.xhex(T::Any, "fwmark", " fwmark {}", mark as u64);
        if let Some(mask) = tb.u32(FRA_FWMASK) {
            if mask != 0xFFFF_FFFF {
                p.xhex(T::Any, "fwmask", "/{}", mask as u64);
            }
        }
    }
    for (ty_, key, flag) in [(FRA_IFNAME, "iif", FIB_RULE_IIF_DETACHED), (FRA_OIFNAME, "oif", FIB_RULE_OIF_DETACHED)] {
        if let Some(n) = tb.str(ty_) {
            if !p.is_json() {
                p.raw(format!(" {} ", key).as_bytes());
            }
            p.color_string(T::Any, Color::Ifname, key, "{}", &n);
            if frh.flags & flag != 0 {
                let k = if key == "iif" { "iif_detached" } else { "oif_detached" };
                p.null(T::Any, k, " [detached]", "");
            }
        }
    }
    if tb.u8(FRA_L3MDEV).unwrap_or(0) != 0 {
        p.null(T::Any, "l3mdev", " lookup [l3mdev-table]", "");
    }
    if let Some(d) = tb.get(FRA_UID_RANGE) {
        let d = padded(d, 8);
        p.uint(T::Any, "uid_start", " uidrange {}", hdr_u32(&d, 0) as u64);
        p.uint(T::Any, "uid_end", "-{}", hdr_u32(&d, 4) as u64);
    }
    if let Some(v) = tb.u8(FRA_IP_PROTO) {
        p.string(T::Any, "ipproto", " ipproto {}", &rt_names::inet_proto_n2a(v as i32, numeric));
    }
    for (ty_, name) in [(FRA_SPORT_RANGE, "sport"), (FRA_DPORT_RANGE, "dport")] {
        if let Some(d) = tb.get(ty_) {
            let d = padded(d, 4);
            let (s, e) = (port(&d, 0), port(&d, 2));
            if s == e {
                p.uint_fmt(T::Any, name, &format!(" {} {{}}", name), s as u64);
            } else {
                p.uint_fmt(T::Any, &format!("{}_start", name), &format!(" {} {{}}", name), s as u64);
                p.uint(T::Any, &format!("{}_end", name), "-{}", e as u64);
            }
        }
    }
    if let Some(d) = tb.get(FRA_TUN_ID) {
        p.uint(T::Any, "tun_id", " tun_id {}", tun_id(&padded(d, 8)));
    }
    let table = table_of(frh, tb);
    if table != 0 {
        p.string(T::Any, "table", " lookup {}", rt_names::rttable_n2a(table, numeric).as_str());
        if let Some(pl) = tb.i32(FRA_SUPPRESS_PREFIXLEN) {
            if pl != -1 {
                p.int(T::Any, "suppress_prefixlen", " suppress_prefixlength {}", pl as i64);
            }
        }
        if let Some(g) = tb.i32(FRA_SUPPRESS_IFGROUP) {
            if g != -1 {
                p.string(T::Any, "suppress_ifgroup", " suppress_ifgroup {}", rt_names::group_n2a(g, numeric).as_str());
            }
        }
    }
    if let Some(flow) = tb.u32(FRA_FLOW) {
        let from = flow >> 16;
        let to = flow & 0xFFFF;
        if from != 0 {
            p.string(T::Any, "flow_from", " realms {}/", rt_names::rtrealm_n2a(from, numeric).as_str());
        } else {
            p.fp(" realms ");
        }
        p.string(T::Any, "flow_to", "{}", rt_names::rtrealm_n2a(to, numeric).as_str());
    }
    if frh.action == RTN_NAT {
        if let Some(d) = tb.get(RTA_GATEWAY) {
            p.string(T::Any, "nat_gateway", " map-to {}", &inet::format_host(frh.family, d, resolve));
        } else {
            p.null(T::Any, "masquerade", " masquerade", "");
        }
    } else if frh.action == FR_ACT_GOTO {
        match tb.u32(FRA_GOTO) {
            Some(g) => p.uint(T::Any, "goto", " goto {}", g as u64),
            None => p.string(T::Any, "goto", " goto {}", "none"),
        }
        if frh.flags & FIB_RULE_UNRESOLVED != 0 {
            p.null(T::Any, "unresolved", " [unresolved]", "");
        }
    } else if frh.action == FR_ACT_NOP {
        p.null(T::Any, "nop", " nop", "");
    } else if frh.action != FR_ACT_TO_TBL {
        p.string(T::Any, "action", " {}", rt_names::rtntype_n2a(frh.action, numeric).as_str());
    }
    if let Some(proto) = tb.u8(FRA_PROTOCOL) {
        if (proto != 0 && proto != RTPROT_KERNEL) || details > 0 {
            p.string(T::Any, "protocol", " proto {}", rt_names::rtprot_n2a(proto as u32, numeric).as_str());
        }
    }
    p.fp("\n");
    p.close_object();
}

/// An attribute's payload read as a C struct: missing bytes read as zero.
fn padded(d: &[u8], n: usize) -> Vec<u8> {
    let mut v = d.to_vec();
    if v.len() < n {
        v.resize(n, 0);
    }
    v
}

/// One message of a rule dump: its header and attributes, or None when too short.
fn parse_msg(payload: &[u8]) -> Option<(Frh, Tb<'_>)> {
    let frh = Frh::parse(payload)?;
    Some((frh, Tb::parse(&payload[FRH_LEN..], FRA_MAX)))
}

fn parse_selectors(mut a: Args, af: u8) -> Res<Filter> {
    let mut f = Filter::default();
    while let Some(w) = a.next() {
        match SELECTORS.find(&w) {
            Some(Sel::Pref) => {
                let v = a.value()?;
                let Some(p) = get_u32(&v, 0) else { return Err(invarg("preference value is invalid\n", &v)) };
                f.pref = Some(p);
            }
            Some(Sel::Not) => f.not = true,
            Some(Sel::Tos) => {
                let v = a.value()?;
                let Some(t) = rt_names::dsfield_a2n(&v) else { return Err(invarg("TOS value is invalid\n", &v)) };
                f.tos = Some(t);
            }
            Some(Sel::Fwmark) => {
                let v = a.value()?;
                let (m, mask) = match v.split_once('/') {
                    Some((m, k)) => (m, Some(k)),
                    None => (v.as_str(), None),
                };
                let Some(mark) = get_u32(m, 0) else { return Err(invarg("fwmark value is invalid\n", m)) };
                f.fwmark = mark;
                if let Some(k) = mask {
                    let Some(k2) = get_u32(k, 0) else { return Err(invarg("fwmask value is invalid\n", k)) };
                    f.fwmask = k2;
                }
            }
            Some(Sel::Iif) => {
                let v = a.value()?;
                if !check_ifname(&v) {
                    return Err(invarg("\"iif\"/\"dev\" not a valid ifname", &v));
                }
                f.iif = Some(v);
            }
            Some(Sel::Oif) => {
                let v = a.value()?;
                if !check_ifname(&v) {
                    return Err(invarg("\"oif\" not a valid ifname", &v));
                }
                f.oif = Some(v);
            }
            Some(Sel::L3mdev) => f.l3mdev = true,
            Some(Sel::Uidrange) => {
                let v = a.value()?;
                f.uidrange = Some(uid_range(&v)?);
            }
            Some(Sel::TunId) => {
                let v = a.value()?;
                let Some(t) = get_u64(&v, 0) else { return Err(invarg("\"tun_id\" value is invalid\n", &v)) };
                f.tun_id = t;
            }
            Some(Sel::Table) => {
                let v = a.value()?;
                let Some(t) = rt_names::rttable_a2n(&v) else { return Err(invarg("table id value is invalid\n", &v)) };
                f.tb = t;
            }
            Some(Sel::From) => {
                let v = a.value()?;
                f.src = get_prefix(&v, af)?;
            }
            Some(Sel::Protocol) => {
                let v = a.value()?;
                f.protocolmask = u32::MAX;
                match rt_names::rtprot_a2n(&v) {
                    Some(p) => f.protocol = p,
                    None => {
                        if v != "all" {
                            return Err(invarg("invalid \"protocol\"\n", &v));
                        }
                        f.protocol = 0;
                        f.protocolmask = 0;
                    }
                }
            }
            Some(Sel::Ipproto) => {
                let v = a.value()?;
                let Some(p) = rt_names::inet_proto_a2n(&v) else {
                    return Err(invarg("Invalid \"ipproto\" value\n", &v));
                };
                f.ipproto = p;
            }
            Some(Sel::Sport) => {
                let v = a.value()?;
                f.sport = port_range(&v, "invalid port range\n")?;
            }
            Some(Sel::Dport) => {
                let v = a.value()?;
                f.dport = port_range(&v, "invalid dport range\n")?;
            }
            Some(Sel::To) => {
                let v = a.value()?;
                f.dst = get_prefix(&v, af)?;
            }
            None => {
                f.dst = get_prefix(&w, af)?;
            }
        }
    }
    Ok(f)
}

/// rtnl_ruledump_req()
fn dump_req(af: u8) -> Req {
    let frh = Frh { family: af, ..Default::default() };
    Req::new(RTM_GETRULE, NLM_F_DUMP | NLM_F_REQUEST, &frh.bytes())
}

/// iprule_list_flush_or_save()
fn list_flush_or_save(ctx: &mut Ctx, words: Args, action: Action) -> Res<i32> {
    let af = if ctx.o.family == AF_UNSPEC { AF_INET } else { ctx.o.family };
    if action == Action::Save && !words.is_empty() {
        crate::eprintf!("\"ip rule save\" does not take any arguments.\n");
        return Ok(1);
    }
    if action == Action::Save {
        if crate::sys::stdout_is_tty() {
            crate::eprintf!("Not sending a binary stream to stdout\n");
            return Ok(1);
        }
        ctx.p.bin(&MAGIC.to_ne_bytes());
    }
    let f = parse_selectors(words, af)?;
    let mut req = dump_req(af);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        let _ = ctx.p.flush();
        crate::error::say_cannot_send_dump(e);
        return Ok(255);
    }
    // save writes the messages with write(2) past stdio, so the "[" of -j
    // (buffered in stdio) comes out after them.
    if action != Action::Save {
        ctx.p.new_json_obj();
    }
    let pref_family = ctx.o.family;
    let numeric = ctx.o.numeric > 0;
    let details = ctx.o.details;
    let resolve = ctx.o.resolve > 0;
    let replay = ctx.is_replay();
    let rcvbuf = ctx.o.rcvbuf;
    let ok = ctx.dump_stream(|s, m| {
        match action {
            Action::Save => s.p.bin(m.raw),
            Action::Flush => {
                let Some((frh, tb)) = parse_msg(m.payload) else { return Err(Exit(-1)) };
                if !filter_nlmsg(&f, pref_family, &frh, &tb) {
                    return Ok(());
                }
                if let Some(proto) = tb.u8(FRA_PROTOCOL) {
                    if (f.protocol ^ proto as u32) & f.protocolmask != 0 {
                        return Ok(());
                    }
                }
                // flush_rule() deletes each rule while the dump goes on,
                // on a socket of its own; the kernel's dump then skips as
                // many rules as were deleted before its next part.
                if tb.has(FRA_PRIORITY) && !replay {
                    let mut raw = m.raw.to_vec();
                    raw[4..6].copy_from_slice(&RTM_DELRULE.to_ne_bytes());
                    raw[6..8].copy_from_slice(&NLM_F_REQUEST.to_ne_bytes());
                    let mut req = Req::from_raw(raw);
                    let Ok(mut rth2) = crate::netlink::Rtnl::open(rcvbuf, false) else { return Err(Exit(-1)) };
                    if rth2.talk(&mut req).is_err() {
                        return Err(Exit(-1));
                    }
                }
            }
            Action::List => {
                if m.ty != RTM_NEWRULE && m.ty != RTM_DELRULE {
                    return Ok(());
                }
                let Some((frh, tb)) = parse_msg(m.payload) else { return Err(Exit(-1)) };
                if !filter_nlmsg(&f, pref_family, &frh, &tb) {
                    return Ok(());
                }
                print_rule(s.p, numeric, details, resolve, m.ty, &frh, &tb);
            }
        }
        Ok(())
    });
    let ok = match ok {
        Ok(b) => b,
        Err(Exit(-1)) => false,
        Err(e) => return Err(e),
    };
    if action == Action::Save {
        ctx.p.new_json_obj();
    }
    if !ok {
        let _ = ctx.p.flush();
        crate::error::say_dump_terminated();
        return Ok(255);
    }
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Ok(0)
}

/// print_rule() of one `ip monitor` event (the message payload), with
/// the never-set filter: the same printer as the dump.
pub fn print_event(p: &mut Printer, o: &crate::ctx::Opts, ty: u16, payload: &[u8]) -> i32 {
    let Some((frh, tb)) = parse_msg(payload) else { return -1 };
    if !filter_nlmsg(&Filter::default(), o.family, &frh, &tb) {
        return 0;
    }
    print_rule(p, o.numeric > 0, o.details, o.resolve > 0, ty, &frh, &tb);
    0
}

/// iprule_restore(): each saved message is sent with
/// NLM_F_REQUEST|NLM_F_CREATE|NLM_F_ACK; "File exists" is not an error.
fn restore(ctx: &mut Ctx) -> Res<i32> {
    let mut f = match crate::netlink::dumpfile::check_magic(MAGIC, "rule") {
        Ok(f) => f,
        Err(_) => return Ok(255),
    };
    let r = crate::netlink::dumpfile::from_file(&mut f, |msg| {
        let flags = u16::from_ne_bytes([msg[6], msg[7]]) | NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
        msg[6..8].copy_from_slice(&flags.to_ne_bytes());
        ctx.init_map().map_err(|e| e.0)?;
        let mut req = Req::from_raw(msg.to_vec());
        let rtnl = ctx.rtnl().map_err(|e| e.0)?;
        match rtnl.talk(&mut req) {
            Ok(()) => Ok(()),
            Err(e) if e.0 == libc::EEXIST => Ok(()),
            Err(_) => Err(255),
        }
    });
    std::mem::forget(f);
    match r {
        Ok(()) => Ok(0),
        Err(_) => Ok(255),
    }
}

/// iprule_modify()
fn modify(ctx: &mut Ctx, cmd: u16, mut a: Args) -> Res<i32> {
    let mut frh = Frh { family: ctx.o.family, action: FR_ACT_UNSPEC, ..Default::default() };
    let mut flags = NLM_F_REQUEST;
    let mut l3mdev_rule = false;
    let mut table_ok = false;
    let mut tid: u32 = 0;
    if cmd == RTM_NEWRULE {
        if a.is_empty() {
            crate::eprintf!("\"ip rule add\" requires arguments.\n");
            return Ok(1);
        }
        flags |= NLM_F_CREATE | NLM_F_EXCL;
        frh.action = FR_ACT_TO_TBL;
    }
    if cmd == RTM_DELRULE && a.is_empty() {
        crate::eprintf!("\"ip rule del\" requires arguments.\n");
        return Ok(1);
    }
    // The fib_rule_hdr comes later: the body is bounded without it.
    let mut body = Req::bounded(cmd, flags, &[], crate::netlink::attr::bound::IPRULE_MODIFY - 12);
    let req = &mut body;
    while let Some(w) = a.next() {
        let opt = MODIFY.find(&w);
        match opt {
            Some(Opt::Not) => frh.flags |= FIB_RULE_INVERT,
            Some(Opt::From) | Some(Opt::To) => {
                let v = a.value()?;
                let p = get_prefix(&v, frh.family)?;
                let bitlen = p.bitlen as u8;
                if opt == Some(Opt::From) {
                    frh.src_len = bitlen;
                    req.attr(FRA_SRC, p.bytes());
                } else {
                    frh.dst_len = bitlen;
                    req.attr(FRA_DST, p.bytes());
                }
            }
            Some(Opt::Pref) => {
                let v = a.value()?;
                let Some(p) = get_u32(&v, 0) else { return Err(invarg("preference value is invalid\n", &v)) };
                req.attr_u32(FRA_PRIORITY, p);
            }
            Some(Opt::Tos) => {
                let v = a.value()?;
                let Some(t) = rt_names::dsfield_a2n(&v) else { return Err(invarg("TOS value is invalid\n", &v)) };
                frh.tos = t as u8;
            }
            Some(Opt::Fwmark) => {
                let v = a.value()?;
                let (m, mask) = match v.split_once('/') {
                    Some((m, k)) => (m, Some(k)),
                    None => (v.as_str(), None),
                };
                let Some(mark) = get_u32(m, 0) else { return Err(invarg("fwmark value is invalid\n", m)) };
                req.attr_u32(FRA_FWMARK, mark);
                if let Some(k) = mask {
                    let Some(k2) = get_u32(k, 0) else { return Err(invarg("fwmask value is invalid\n", k)) };
                    req.attr_u32(FRA_FWMASK, k2);
                }
            }
            Some(Opt::Realms) => {
                let v = a.value()?;
                let Some(r) = rt_names::rt_realms_or_raw(&v) else { return Err(invarg("invalid realms\n", &v)) };
                req.attr_u32(FRA_FLOW, r);
            }
            Some(Opt::Protocol) => {
                let v = a.value()?;
                let Some(p) = rt_names::rtprot_a2n(&v) else {
                    return Err(invarg("\"protocol\" value is invalid\n", &v));
                };
                req.attr_u8(FRA_PROTOCOL, p as u8);
            }
            Some(Opt::TunId) => {
                let v = a.value()?;
                let Some(t) = get_u64(&v, 0) else { return Err(invarg("\"tun_id\" value is invalid\n", &v)) };
                req.attr(FRA_TUN_ID, &t.to_be_bytes());
            }
            Some(Opt::Table) => {
                let v = a.value()?;
                let Some(t) = rt_names::rttable_a2n(&v) else { return Err(invarg("invalid table ID\n", &v)) };
                tid = t;
                if t < 256 {
                    frh.table = t as u8;
                } else {
                    frh.table = 0;
                    req.attr_u32(FRA_TABLE, t);
                }
                table_ok = true;
            }
            Some(Opt::SupPl) => {
                let v = a.value()?;
                match get_s32(&v, 0) {
                    Some(pl) if pl >= 0 => req.attr_u32(FRA_SUPPRESS_PREFIXLEN, pl as u32),
                    _ => return Err(invarg("suppress_prefixlength value is invalid\n", &v)),
                }
            }
            Some(Opt::SupGroup) => {
                let v = a.value()?;
                let Some(g) = rt_names::group_a2n(&v) else {
                    return Err(invarg("Invalid \"suppress_ifgroup\" value\n", &v));
                };
                req.attr_u32(FRA_SUPPRESS_IFGROUP, g as u32);
            }
            Some(Opt::Iif) | Some(Opt::Oif) => {
                let v = a.value()?;
                if !check_ifname(&v) {
                    let msg = if opt == Some(Opt::Iif) {
                        "\"iif\"/\"dev\" not a valid ifname"
                    } else {
                        "\"oif\" not a valid ifname"
                    };
                    return Err(invarg(msg, &v));
                }
                req.attr_str(if opt == Some(Opt::Iif) { FRA_IFNAME } else { FRA_OIFNAME }, &v);
            }
            Some(Opt::L3mdev) => {
                req.attr_u8(FRA_L3MDEV, 1);
                table_ok = true;
                l3mdev_rule = true;
            }
            Some(Opt::Uidrange) => {
                let v = a.value()?;
                let (s, e) = uid_range(&v)?;
                let mut b = s.to_ne_bytes().to_vec();
                b.extend_from_slice(&e.to_ne_bytes());
                req.attr(FRA_UID_RANGE, &b);
            }
            Some(Opt::Nat) => {
                let v = a.value()?;
                crate::eprintf!("Warning: route NAT is deprecated\n");
                let g = inet::get_addr32(&v)?;
                req.attr(RTA_GATEWAY, &g);
                frh.action = RTN_NAT;
            }
            Some(Opt::Ipproto) => {
                let v = a.value()?;
                let Some(p) = rt_names::inet_proto_a2n(&v) else {
                    return Err(invarg("Invalid \"ipproto\" value\n", &v));
                };
                req.attr_u8(FRA_IP_PROTO, p);
            }
            Some(Opt::Sport) | Some(Opt::Dport) => {
                let v = a.value()?;
                let (msg, ty) = if opt == Some(Opt::Sport) {
                    ("invalid port range\n", FRA_SPORT_RANGE)
                } else {
                    ("invalid dport range\n", FRA_DPORT_RANGE)
                };
                let (s, e) = port_range(&v, msg)?;
                let mut b = s.to_ne_bytes().to_vec();
                b.extend_from_slice(&e.to_ne_bytes());
                req.attr(ty, &b);
            }
            Some(Opt::Type) | None => {
                let word = if opt == Some(Opt::Type) { a.value()? } else { w };
                let ty = match TYPES.find(&word) {
                    Some(Ty::Help) => return Err(usage()),
                    Some(Ty::Goto) => {
                        let v = a.value()?;
                        let Some(t) = get_u32(&v, 0) else { return Err(invarg("invalid target\n", &v)) };
                        req.attr_u32(FRA_GOTO, t);
                        FR_ACT_GOTO
                    }
                    Some(Ty::Nop) => FR_ACT_NOP,
                    _ => match rt_names::rtntype_a2n(&word) {
                        Some(t) => t,
                        None => return Err(invarg("Failed to parse rule type", &word)),
                    },
                };
                frh.action = ty;
                table_ok = true;
            }
        }
    }
    if l3mdev_rule && tid != 0 {
        crate::eprintf!("table can not be specified for l3mdev rules\n");
        return Ok(libc::EINVAL);
    }
    if frh.family == AF_UNSPEC {
        frh.family = AF_INET;
    }
    if !table_ok && cmd == RTM_NEWRULE {
        frh.table = RT_TABLE_MAIN;
    }
    let mut out = Req::new(cmd, flags, &frh.bytes());
    out.buf.extend_from_slice(&body.buf[16..]);
    let n = out.buf.len() as u32;
    out.buf[0..4].copy_from_slice(&n.to_ne_bytes());
    if ctx.o.echo > 0 {
        let f = out.flags() | NLM_F_ECHO | NLM_F_ACK;
        out.set_flags(f);
        let Ok(ans) = ctx.rtnl()?.talk_answer(&mut out) else { return Ok(2) };
        ctx.p.new_json_obj();
        ctx.p.open_object(None);
        if let Some(m) = crate::netlink::attr::msgs(&ans).next() {
            if m.ty == RTM_NEWRULE || m.ty == RTM_DELRULE {
                if let Some((frh, tb)) = parse_msg(m.payload) {
                    let f = Filter::default();
                    if filter_nlmsg(&f, ctx.o.family, &frh, &tb) {
                        let (numeric, details, resolve) = (ctx.o.numeric > 0, ctx.o.details, ctx.o.resolve > 0);
                        print_rule(&mut ctx.p, numeric, details, resolve, m.ty, &frh, &tb);
                    }
                }
            }
        }
        ctx.p.close_object();
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        return Ok(0);
    }
    match ctx.rtnl()?.talk(&mut out) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_scan_like_sscanf() {
        assert_eq!(scan_range("1000-2000"), (2, 1000, 2000));
        assert_eq!(scan_range("80"), (1, 80, 0));
        assert_eq!(scan_range("80-"), (1, 80, 0));
        assert_eq!(scan_range("x"), (0, 0, 0));
        assert_eq!(scan_range(" 5- 6"), (2, 5, 6));
    }
}
