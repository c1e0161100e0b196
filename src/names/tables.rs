//! Names of routing tables, protocols, scopes, realms, dsfields and link
//! groups from /etc/iproute2 (lib/rt_names.c, 6.1.0).
//!
//! API (reusable by route, rule, address and link printing):
//! - `rtprot_n2a(id, numeric)`, `rtscope_n2a`, `rtrealm_n2a`, `rttable_n2a`,
//!   `dsfield_n2a`, `group_n2a` return a [`Name`] (`.as_str()`, or
//!   `Display`), never allocating per call; `numeric` is `-N` (numbers
//!   instead of names), passed by the caller from its options.
//! - `rtprot_a2n(s)`, `rtscope_a2n(s)`, `rtrealm_a2n(s)`, `rttable_a2n(s)`,
//!   `dsfield_a2n(s)`, `group_a2n(s)` return `Option<u32>` (`None` = the C
//!   function's -1).
//! - `rtntype_n2a(id, numeric)` / `rtntype_a2n(s)`: route types (ip/rtm_map.c).
//! - `ll_type_n2a(type, numeric)`: ARPHRD names (lib/ll_types.c).
//! - `read_id_names(path)`: one "ID NAME" file as a list (protodown reasons).
//!
//! As in iproute2 the files are read lazily: a protocol, scope, realm or
//! dsfield file only when a lookup misses the compiled-in names (or on the
//! first name->number lookup); tables and groups on first use. Names read
//! from files live for the rest of the process (leaked once, as C's strdup).

use std::cell::RefCell;
use std::fmt;

const CONFDIR: &str = "/etc/iproute2";

/// A small string on the stack (numbers printed by the n2a functions).
#[derive(Clone, Copy)]
pub struct SBuf {
    buf: [u8; 24],
    len: u8,
}

impl SBuf {
    pub fn new() -> SBuf {
        SBuf { buf: [0; 24], len: 0 }
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl Default for SBuf {
    fn default() -> Self {
        SBuf::new()
    }
}

impl fmt::Write for SBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let l = self.len as usize;
        let end = l + s.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[l..end].copy_from_slice(s.as_bytes());
        self.len = end as u8;
        Ok(())
    }
}

/// A name from a table, or the number iproute2 prints instead.
#[derive(Clone, Copy)]
pub enum Name {
    Static(&'static str),
    Buf(SBuf),
}

impl Name {
    /// A number in decimal, written without core::fmt (table, protocol and
    /// scope ids are printed once per dumped entry).
    fn num(v: u32) -> Name {
        let mut b = SBuf::new();
        let mut tmp = [0u8; 20];
        let d = crate::print::fmt::dec(v as u64, &mut tmp);
        b.buf[..d.len()].copy_from_slice(d);
        b.len = d.len() as u8;
        Name::Buf(b)
    }
    fn fmt_args(a: fmt::Arguments) -> Name {
        let mut b = SBuf::new();
        let _ = fmt::Write::write_fmt(&mut b, a);
        Name::Buf(b)
    }
    pub fn as_str(&self) -> &str {
        match self {
            Name::Static(s) => s,
            Name::Buf(b) => b.as_str(),
        }
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of a names file: Ok(Some((id, name))), Ok(None) at EOF, or
/// Err(rest of the line) when it is corrupted (fread_id_name()).
fn parse_line(line: &str) -> Option<Result<(i32, String), String>> {
    let p = line.trim_start_matches([' ', '\t']);
    if p.starts_with('#') || p.starts_with('\n') || p.is_empty() {
        return None;
    }
    if let Some(r) = scan_hex(p) {
        return Some(Ok(r));
    }
    if let Some(r) = scan_dec(p) {
        return Some(Ok(r));
    }
    Some(Err(p.to_string()))
}

fn is_cspace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// sscanf's " %s" after a number: skip blanks, take one word.
fn scan_word(b: &[u8], mut i: usize) -> Option<String> {
    while i < b.len() && is_cspace(b[i]) {
        i += 1;
    }
    let s = i;
    while i < b.len() && !is_cspace(b[i]) {
        i += 1;
    }
    if i == s {
        return None;
    }
    Some(String::from_utf8_lossy(&b[s..i]).into_owned())
}

/// sscanf(p, "0x%x %s"): glibc reads the number with strtoul and stores
/// it truncated to an unsigned int.
fn scan_hex(p: &str) -> Option<(i32, String)> {
    let rest = p.strip_prefix("0x")?;
    let (v, used, _) = crate::args::num::c_strtoull(rest, 16);
    if used == 0 {
        return None;
    }
    let name = scan_word(rest.as_bytes(), used)?;
    Some((v as u32 as i32, name))
}

/// sscanf(p, "%d %s"): strtol, stored truncated to an int.
fn scan_dec(p: &str) -> Option<(i32, String)> {
    let (v, used, _) = crate::args::num::c_strtoll(p, 10);
    if used == 0 {
        return None;
    }
    let name = scan_word(p.as_bytes(), used)?;
    Some((v as i32, name))
}

/// Reads a names file; calls `f(id, name)` for each entry, stops with the
/// "corrupted" message as rtnl_*_initialize() do.
fn read_file(path: &str, mut f: impl FnMut(i32, String)) {
    let Ok(data) = std::fs::read(path) else { return };
    let text = String::from_utf8_lossy(&data);
    for line in text.split_inclusive('\n') {
        match parse_line(line) {
            None => continue,
            Some(Ok((id, name))) => f(id, name),
            Some(Err(rest)) => {
                crate::eprintf!("Database {} is corrupted at {}\n", path, rest);
                return;
            }
        }
    }
}

/// A name of a lookup table: kept for the rest of the process (C's strdup).
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// The `*.conf` files of a directory, in readdir order.
fn conf_files(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with('.') || n.len() <= 5 || !n.ends_with(".conf") {
            continue;
        }
        out.push(format!("{}/{}", dir, n));
    }
    out
}

/// A table of 256 names: the built-in ones, then the files' (filled on
/// first use, so a command that never names a protocol or a scope does
/// not pay for building their tables).
struct Tab {
    builtin: &'static [(usize, &'static str)],
    names: Option<Box<[Option<&'static str>; 256]>>,
    init: bool,
}

impl Tab {
    fn slots(&mut self) -> &mut [Option<&'static str>; 256] {
        let builtin = self.builtin;
        self.names.get_or_insert_with(|| {
            let mut names = Box::new([None; 256]);
            for (i, n) in builtin {
                names[*i] = Some(*n);
            }
            names
        })
    }

    fn load(&mut self, path: &str) {
        let names = self.slots();
        read_file(path, |id, name| {
            if (0..256).contains(&id) {
                names[id as usize] = Some(leak(name));
            }
        });
    }
}

/// A table as C's hash of chains: entries in insertion order.
struct Hash {
    entries: Vec<(u32, &'static str)>,
    init: bool,
}

impl Hash {
    fn load(&mut self, path: &str) {
        let e = &mut self.entries;
        read_file(path, |id, name| {
            if id >= 0 {
                e.push((id as u32, leak(name)));
            }
        });
    }
    /// The newest entry with this id (the head of its chain).
    fn n2a(&self, id: u32) -> Option<&'static str> {
        self.entries.iter().rev().find(|(i, _)| *i == id).map(|(_, n)| *n)
    }
    /// The chain walk of *_a2n(): lowest bucket first, newest first within it.
    fn a2n(&self, name: &str) -> Option<u32> {
        let mut best: Option<(u32, usize)> = None;
        for (pos, (id, n)) in self.entries.iter().enumerate() {
            if *n == name {
                let bucket = id & 255;
                match best {
                    Some((b, _)) if b < bucket => {}
                    Some((b, p)) if b == bucket && p > pos => {}
                    _ => best = Some((bucket, pos)),
                }
            }
        }
        best.and_then(|(_, p)| self.entries.get(p)).map(|(id, _)| *id)
    }
}

struct State {
    proto: Tab,
    scope: Tab,
    realm: Tab,
    dsfield: Tab,
    table: Hash,
    group: Hash,
}

fn tab(builtin: &'static [(usize, &'static str)]) -> Tab {
    Tab { builtin, names: None, init: false }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        proto: tab(&[
            (0, "unspec"), (1, "redirect"), (2, "kernel"), (3, "boot"), (4, "static"),
            (8, "gated"), (9, "ra"), (10, "mrt"), (11, "zebra"), (12, "bird"),
            (42, "babel"), (13, "dnrouted"), (14, "xorp"), (15, "ntk"), (16, "dhcp"),
            (18, "keepalived"), (186, "bgp"), (187, "isis"), (188, "ospf"), (189, "rip"),
            (192, "eigrp"),
        ]),
        scope: tab(&[(0, "global"), (255, "nowhere"), (254, "host"), (253, "link"), (200, "site")]),
        realm: tab(&[(0, "unknown")]),
        dsfield: tab(&[(0, "0")]),
        table: Hash { entries: vec![(253, "default"), (254, "main"), (255, "local")], init: false },
        group: Hash { entries: vec![(0, "default")], init: false },
    });
}

fn init_proto(s: &mut State) {
    s.proto.init = true;
    s.proto.load(&format!("{}/rt_protos", CONFDIR));
    for f in conf_files(&format!("{}/rt_protos.d", CONFDIR)) {
        s.proto.load(&f);
    }
}

fn init_table(s: &mut State) {
    s.table.init = true;
    s.table.load(&format!("{}/rt_tables", CONFDIR));
    for f in conf_files(&format!("{}/rt_tables.d", CONFDIR)) {
        s.table.load(&f);
    }
}

fn init_simple(t: &mut Tab, file: &str) {
    t.init = true;
    t.load(&format!("{}/{}", CONFDIR, file));
}

/// strtoul(arg, &end, base) accepting the whole string, <= max.
fn strtoul_all(arg: &str, base: u32, max: u64) -> Option<u32> {
    let (v, used, ovf) = crate::args::num::c_strtoull(arg, base);
    if used == 0 || used != arg.len() || ovf || v > max {
        return None;
    }
    Some(v as u32)
}

/// The n2a of the small tables: lazy load on a miss.
fn tab_n2a(id: u32, numeric: bool, pick: fn(&mut State) -> &mut Tab, init: fn(&mut State)) -> Name {
    if id >= 256 || numeric {
        return Name::num(id);
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if pick(&mut s).slots()[id as usize].is_none() && !pick(&mut s).init {
            init(&mut s);
        }
        match pick(&mut s).slots()[id as usize] {
            Some(n) => Name::Static(n),
            None => Name::num(id),
        }
    })
}

fn tab_a2n(arg: &str, pick: fn(&mut State) -> &mut Tab, init: fn(&mut State), base: u32) -> Option<u32> {
    let found = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if !pick(&mut s).init {
            init(&mut s);
        }
        pick(&mut s).slots().iter().position(|n| *n == Some(arg))
    });
    if let Some(i) = found {
        return Some(i as u32);
    }
    strtoul_all(arg, base, 255)
}

fn p_proto(s: &mut State) -> &mut Tab {
    &mut s.proto
}
fn p_scope(s: &mut State) -> &mut Tab {
    &mut s.scope
}
fn p_realm(s: &mut State) -> &mut Tab {
    &mut s.realm
}
fn p_ds(s: &mut State) -> &mut Tab {
    &mut s.dsfield
}
fn i_scope(s: &mut State) {
    init_simple(&mut s.scope, "rt_scopes")
}
fn i_realm(s: &mut State) {
    init_simple(&mut s.realm, "rt_realms")
}
fn i_ds(s: &mut State) {
    init_simple(&mut s.dsfield, "rt_dsfield")
}

/// rtnl_rtprot_n2a()
pub fn rtprot_n2a(id: u32, numeric: bool) -> Name {
    tab_n2a(id, numeric, p_proto, init_proto)
}
/// rtnl_rtprot_a2n()
pub fn rtprot_a2n(arg: &str) -> Option<u32> {
    tab_a2n(arg, p_proto, init_proto, 0)
}
/// rtnl_rtscope_n2a()
pub fn rtscope_n2a(id: u32, numeric: bool) -> Name {
    tab_n2a(id, numeric, p_scope, i_scope)
}
/// rtnl_rtscope_a2n()
pub fn rtscope_a2n(arg: &str) -> Option<u32> {
    tab_a2n(arg, p_scope, i_scope, 0)
}
/// rtnl_rtrealm_n2a()
pub fn rtrealm_n2a(id: u32, numeric: bool) -> Name {
    tab_n2a(id, numeric, p_realm, i_realm)
}
/// rtnl_rtrealm_a2n()
pub fn rtrealm_a2n(arg: &str) -> Option<u32> {
    tab_a2n(arg, p_realm, i_realm, 0)
}

/// rtnl_dsfield_n2a(): a name, else "0x%02x".
pub fn dsfield_n2a(id: u32, numeric: bool) -> Name {
    if id >= 256 {
        return Name::num(id);
    }
    if !numeric {
        let n = STATE.with(|s| {
            let mut s = s.borrow_mut();
            if s.dsfield.slots()[id as usize].is_none() && !s.dsfield.init {
                i_ds(&mut s);
            }
            s.dsfield.slots()[id as usize]
        });
        if let Some(n) = n {
            return Name::Static(n);
        }
    }
    Name::fmt_args(format_args!("0x{:02x}", id))
}
/// rtnl_dsfield_a2n(): names, else a hex number.
pub fn dsfield_a2n(arg: &str) -> Option<u32> {
    tab_a2n(arg, p_ds, i_ds, 16)
}

/// rtnl_rttable_n2a()
pub fn rttable_n2a(id: u32, numeric: bool) -> Name {
    let n = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if !s.table.init {
            init_table(&mut s);
        }
        s.table.n2a(id)
    });
    match n {
        Some(n) if !numeric => Name::Static(n),
        _ => Name::num(id),
    }
}
/// rtnl_rttable_a2n(): names, else a number up to RT_TABLE_MAX.
pub fn rttable_a2n(arg: &str) -> Option<u32> {
    let n = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if !s.table.init {
            init_table(&mut s);
        }
        s.table.a2n(arg)
    });
    if n.is_some() {
        return n;
    }
    strtoul_all(arg, 0, u32::MAX as u64)
}

/// rtnl_group_n2a()
pub fn group_n2a(id: i32, numeric: bool) -> Name {
    let n = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if !s.group.init {
            s.group.init = true;
            s.group.load(&format!("{}/group", CONFDIR));
        }
        // Bucket order, newest first within a bucket.
        let mut best: Option<(u32, usize)> = None;
        for (pos, (i, _)) in s.group.entries.iter().enumerate() {
            if *i as i32 == id {
                let b = i & 255;
                match best {
                    Some((bb, _)) if bb < b => {}
                    Some((bb, p)) if bb == b && p > pos => {}
                    _ => best = Some((b, pos)),
                }
            }
        }
        best.and_then(|(_, p)| s.group.entries.get(p)).map(|(_, n)| *n)
    });
    match n {
        Some(n) if !numeric => Name::Static(n),
        _ if id < 0 => Name::fmt_args(format_args!("{}", id)),
        _ => Name::num(id as u32),
    }
}
/// rtnl_group_a2n(): names, else strtol narrowed to a non-negative int.
pub fn group_a2n(arg: &str) -> Option<i32> {
    let n = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if !s.group.init {
            s.group.init = true;
            s.group.load(&format!("{}/group", CONFDIR));
        }
        s.group.a2n(arg)
    });
    if let Some(n) = n {
        return Some(n as i32);
    }
    // strtol() into an int: the value is narrowed before the sign test, as
    // iproute2's is (2147483648 is refused, 4294967296 is group 0).
    let (v, used, _) = crate::args::num::c_strtoll(arg, 0);
    if used == 0 || used != arg.len() || (v as i32) < 0 {
        return None;
    }
    Some(v as i32)
}

/// rtnl_rtntype_n2a() (ip/rtm_map.c)
pub fn rtntype_n2a(id: u8, numeric: bool) -> Name {
    if numeric {
        return Name::num(id as u32);
    }
    Name::Static(match id {
        0 => "none",
        1 => "unicast",
        2 => "local",
        3 => "broadcast",
        4 => "anycast",
        5 => "multicast",
        6 => "blackhole",
        7 => "unreachable",
        8 => "prohibit",
        9 => "throw",
        10 => "nat",
        11 => "xresolve",
        _ => return Name::num(id as u32),
    })
}

/// rtnl_rtntype_a2n(): the keyword test order of ip/rtm_map.c.
pub fn rtntype_a2n(arg: &str) -> Option<u8> {
    use crate::args::matches;
    Some(if arg == "local" {
        2
    } else if arg == "nat" {
        10
    } else if matches(arg, "broadcast") || arg == "brd" {
        3
    } else if matches(arg, "anycast") {
        4
    } else if matches(arg, "multicast") {
        5
    } else if matches(arg, "prohibit") {
        8
    } else if matches(arg, "unreachable") {
        7
    } else if matches(arg, "blackhole") {
        6
    } else if matches(arg, "xresolve") {
        11
    } else if matches(arg, "unicast") {
        1
    } else if arg == "throw" {
        9
    } else {
        return strtoul_all(arg, 0, 255).map(|v| v as u8);
    })
}

/// get_rt_realms_or_raw(): "FROM/TO" realms (names or numbers), else a raw u32.
pub fn rt_realms_or_raw(arg: &str) -> Option<u32> {
    let parsed = (|| {
        let mut realms = 0u32;
        let mut rest = arg;
        if let Some(i) = arg.find('/') {
            realms = rtrealm_a2n(&arg[..i])? << 16;
            rest = &arg[i + 1..];
        }
        let mut realm = 0;
        if !rest.is_empty() {
            realm = rtrealm_a2n(rest)?;
        }
        Some(realms | realm)
    })();
    if parsed.is_some() {
        return parsed;
    }
    crate::args::num::get_unsigned(arg, 0)
}

/// ll_type_n2a() (lib/ll_types.c): the name of an ARPHRD link type, else
/// (and under `-N`) "[N]".
pub fn ll_type_n2a(t: u16, numeric: bool) -> Name {
    const T: &[(u16, &str)] = &[
        (0, "netrom"),
        (1, "ether"),
        (2, "eether"),
        (3, "ax25"),
        (4, "pronet"),
        (5, "chaos"),
        (6, "ieee802"),
        (7, "arcnet"),
        (8, "atalk"),
        (15, "dlci"),
        (19, "atm"),
        (23, "metricom"),
        (24, "ieee1394"),
        (32, "infiniband"),
        (256, "slip"),
        (257, "cslip"),
        (258, "slip6"),
        (259, "cslip6"),
        (260, "rsrvd"),
        (264, "adapt"),
        (270, "rose"),
        (271, "x25"),
        (272, "hwx25"),
        (280, "can"),
        (512, "ppp"),
        (513, "hdlc"),
        (516, "lapb"),
        (517, "ddcmp"),
        (518, "rawhdlc"),
        (768, "ipip"),
        (769, "tunnel6"),
        (770, "frad"),
        (771, "skip"),
        (772, "loopback"),
        (773, "ltalk"),
        (774, "fddi"),
        (775, "bif"),
        (776, "sit"),
        (777, "ip/ddp"),
        (778, "gre"),
        (779, "pimreg"),
        (780, "hippi"),
        (781, "ash"),
        (782, "econet"),
        (783, "irda"),
        (784, "fcpp"),
        (785, "fcal"),
        (786, "fcpl"),
        (787, "fcfb0"),
        (788, "fcfb1"),
        (789, "fcfb2"),
        (790, "fcfb3"),
        (791, "fcfb4"),
        (792, "fcfb5"),
        (793, "fcfb6"),
        (794, "fcfb7"),
        (795, "fcfb8"),
        (796, "fcfb9"),
        (797, "fcfb10"),
        (798, "fcfb11"),
        (799, "fcfb12"),
        (800, "tr"),
        (801, "ieee802.11"),
        (802, "ieee802.11/prism"),
        (803, "ieee802.11/radiotap"),
        (804, "ieee802.15.4"),
        (805, "ieee802.15.4/monitor"),
        (820, "phonet"),
        (821, "phonet_pipe"),
        (822, "caif"),
        (823, "gre6"),
        (824, "netlink"),
        (825, "6lowpan"),
        (0xfffe, "none"),
        (0xffff, "void"),
    ];
    if !numeric {
        if let Some((_, n)) = T.iter().find(|(x, _)| *x == t) {
            return Name::Static(n);
        }
    }
    Name::fmt_args(format_args!("[{}]", t))
}

/// One "ID NAME" file of /etc/iproute2 (the rtnl_*_initialize line rules:
/// "0x%x %s" or "%d %s", '#' comments; a corrupted line is reported and
/// ends the file), entries in file order.
pub fn read_id_names(path: &str) -> Vec<(i32, String)> {
    let mut out = Vec::new();
    read_file(path, |id, name| out.push((id, name)));
    out
}

/// inet_proto_a2n() of lib/inet_proto.c: a decimal number (get_u8 base 10)
/// or a name from /etc/protocols.
pub fn inet_proto_a2n(s: &str) -> Option<u8> {
    if let Some(v) = crate::args::num::get_u8(s, 10) {
        return Some(v);
    }
    super::etc::proto_by_name(s.as_bytes()).map(|p| p as u8)
}

/// inet_proto_n2a(): the /etc/protocols name of `proto`, else "ipproto-N".
pub fn inet_proto_n2a(proto: i32, numeric: bool) -> String {
    if !numeric {
        if let Some(name) = super::etc::proto_by_number(proto) {
            return name;
        }
    }
    format!("ipproto-{}", proto)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert!(parse_line("# x\n").is_none());
        assert!(parse_line("\n").is_none());
        assert!(matches!(parse_line("  254\tmain\n"), Some(Ok((254, ref n))) if n == "main"));
        assert!(matches!(parse_line("0x10 foo # c\n"), Some(Ok((16, ref n))) if n == "foo"));
        // "0x10" alone fails the hex form; "%d %s" then reads 0 and "x10".
        assert!(matches!(parse_line("0x10\n"), Some(Ok((0, ref n))) if n == "x10"));
        assert!(matches!(parse_line("12abc\n"), Some(Ok((12, ref n))) if n == "abc"));
        assert!(matches!(parse_line("foo bar\n"), Some(Err(ref r)) if r == "foo bar\n"));
        assert!(matches!(parse_line("5\n"), Some(Err(_))));
    }

    #[test]
    fn builtins() {
        assert_eq!(rtntype_n2a(1, false).as_str(), "unicast");
        assert_eq!(rtntype_a2n("b"), Some(3));
        assert_eq!(rtntype_a2n("u"), Some(7));
        assert_eq!(rtntype_a2n("12"), Some(12));
        assert_eq!(rtntype_a2n("x1"), None);
        assert_eq!(rtprot_n2a(3, false).as_str(), "boot");
        assert_eq!(rtscope_n2a(253, false).as_str(), "link");
        assert_eq!(rtscope_n2a(253, true).as_str(), "253");
        assert_eq!(rtscope_n2a(0, false).as_str(), "global");
        assert_eq!(rtscope_a2n("0x10"), Some(16));
        assert_eq!(rtscope_a2n("256"), None);
        assert_eq!(rtscope_a2n("host"), Some(254));
        assert_eq!(rttable_a2n("main"), Some(254));
        assert_eq!(rttable_a2n("0x10"), Some(16));
        assert_eq!(rttable_a2n("4294967295"), Some(u32::MAX));
        assert_eq!(rttable_a2n("4294967296"), None);
        assert_eq!(dsfield_a2n("10"), Some(16));
        assert_eq!(rt_realms_or_raw("1/2"), Some(0x10002));
        assert_eq!(rt_realms_or_raw("3"), Some(3));
    }

    #[test]
    fn link_types() {
        assert_eq!(ll_type_n2a(1, false).as_str(), "ether");
        assert_eq!(ll_type_n2a(772, false).as_str(), "loopback");
        assert_eq!(ll_type_n2a(65534, false).as_str(), "none");
        assert_eq!(ll_type_n2a(1, true).as_str(), "[1]");
        assert_eq!(ll_type_n2a(9999, false).as_str(), "[9999]");
    }

    #[test]
    fn table_hash_order() {
        // Later files win for n2a; a2n walks buckets (id & 255) in order.
        let h = Hash {
            entries: vec![
                (253, "default"),
                (254, "main"),
                (254, "primary"),
                (300, "x"),
                (45, "x"),
                (301, "y"),
                (45, "y"),
            ],
            init: true,
        };
        assert_eq!(h.n2a(254), Some("primary"));
        assert_eq!(h.a2n("main"), Some(254));
        assert_eq!(h.a2n("x"), Some(300));
        assert_eq!(h.a2n("y"), Some(45));
        assert_eq!(h.n2a(7), None);
    }
}
