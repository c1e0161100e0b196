//! print_linkinfo() of ip/ipaddress.c (6.1.0): one link message as `ip link
//! show` and `ip address show` print it, with its flags, details and stats.

use std::borrow::Cow;
use std::collections::HashMap;

use super::filter::Filter;
use crate::ctx::Ctx;
use crate::inet::fmt::ABuf;
use crate::inet::ll_addr_n2a;
use crate::names::tables::{group_n2a, ll_type_n2a};
use crate::netlink::attr::{attrs, get_str, get_u32, get_u8};
use crate::netlink::consts::*;
use crate::netlink::Tb;
use crate::print::fmt::num;
use crate::print::{Color, J, T};

/// What print_linkinfo() needs besides the message: the names and flags
/// of the dumped links (ll_map's cache), name tables, netns names.
#[derive(Default)]
pub struct LinkEnv<'a> {
    /// (ifindex, name, flags), sorted by ifindex (the dump's own order).
    links: Vec<(i32, std::borrow::Cow<'a, str>, u32)>,
    pub nsids: HashMap<i32, Option<String>>,
}

impl<'a> LinkEnv<'a> {
    /// Indexes the link messages (raw, header included) of a dump.
    pub fn index(&mut self, msgs: &[&'a [u8]]) {
        self.links.reserve_exact(msgs.len());
        for m in msgs {
            let Some(p) = m.get(16..) else { continue };
            let Some((_, _, idx, flags, _)) = ifinfo(p) else { continue };
            let name = attrs(&p[IFINFOMSG_LEN..]).find(|(t, _)| *t == IFLA_IFNAME).map(|(_, d)| get_str(d));
            if let Some(n) = name {
                self.links.push((idx, n, flags));
            }
        }
        // Later duplicates win, as in a hash insert. A dump comes sorted
        // (checking is cheaper than sorting again).
        if !self.links.is_sorted_by_key(|e| e.0) {
            self.links.sort_by_key(|e| e.0);
        }
        self.links.dedup_by(|later, earlier| {
            if later.0 == earlier.0 {
                std::mem::swap(earlier, later);
                true
            } else {
                false
            }
        });
    }

    fn find(&self, idx: i32) -> Option<&(i32, std::borrow::Cow<'a, str>, u32)> {
        self.links.binary_search_by_key(&idx, |e| e.0).ok().and_then(|i| self.links.get(i))
    }

    /// ll_index_to_name()
    pub fn name(&self, ctx: &mut Ctx, idx: i32) -> Cow<'_, str> {
        match self.find(idx) {
            Some((_, n, _)) => Cow::Borrowed(n.as_ref()),
            None => Cow::Owned(ctx.ifname(idx as u32)),
        }
    }

    /// ll_index_to_flags() after a name lookup (-1 if unknown).
    fn flags(&self, ctx: &Ctx, idx: i32) -> u32 {
        match self.find(idx) {
            Some((_, _, f)) => *f,
            None => ctx.names.get(idx as u32).map(|e| e.flags).unwrap_or(u32::MAX),
        }
    }

    fn nsid_name(&mut self, ctx: &mut Ctx, id: i32) -> Option<String> {
        if let Some(n) = self.nsids.get(&id) {
            return n.clone();
        }
        let n = match ctx.rtnl() {
            Ok(r) => crate::names::netns_name_of_id(r, id),
            Err(_) => None,
        };
        self.nsids.insert(id, n.clone());
        n
    }
}

/// print_link_flags(): `<UP,LOWER_UP>` (NO-CARRIER and M-DOWN pseudo flags).
#[cfg_attr(rip_static, optimize(speed))]
pub fn print_link_flags(ctx: &mut Ctx, flags: u32, mdown: bool) {
    let p = &mut ctx.p;
    let json = p.is_json();
    p.open_array(T::Any, if json { "flags" } else { "<" });
    let mut flags = flags;
    if flags & IFF_UP != 0 && flags & IFF_RUNNING == 0 {
        p.string_nokey(T::Any, if flags != 0 { "{}," } else { "{}" }, "NO-CARRIER");
    }
    flags &= !IFF_RUNNING;
    const NAMES: &[(u32, &str)] = &[
        (IFF_LOOPBACK, "LOOPBACK"),
        (IFF_BROADCAST, "BROADCAST"),
        (IFF_POINTOPOINT, "POINTOPOINT"),
        (IFF_MULTICAST, "MULTICAST"),
        (IFF_NOARP, "NOARP"),
        (IFF_ALLMULTI, "ALLMULTI"),
        (IFF_PROMISC, "PROMISC"),
        (IFF_MASTER, "MASTER"),
        (IFF_SLAVE, "SLAVE"),
        (IFF_DEBUG, "DEBUG"),
        (IFF_DYNAMIC, "DYNAMIC"),
        (IFF_AUTOMEDIA, "AUTOMEDIA"),
        (IFF_PORTSEL, "PORTSEL"),
        (IFF_NOTRAILERS, "NOTRAILERS"),
        (IFF_UP, "UP"),
        (IFF_LOWER_UP, "LOWER_UP"),
        (IFF_DORMANT, "DORMANT"),
        (IFF_ECHO, "ECHO"),
    ];
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            p.string_nokey(T::Any, if flags != 0 { "{}," } else { "{}" }, name);
        }
    }
    if flags != 0 {
        let s = format!("{:x}", flags);
        p.string_nokey(T::Any, "{}", &s);
    }
    if mdown {
        p.string_nokey(T::Any, ",{}", "M-DOWN");
    }
    p.close_array(T::Any, "> ");
}

const OPER_STATES: [&str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];

fn oper_color(state: u8) -> Color {
    match state {
        6 => Color::OperUp,
        2 => Color::OperDown,
        _ => Color::None,
    }
}

fn print_operstate(ctx: &mut Ctx, state: u8) {
    let p = &mut ctx.p;
    match OPER_STATES.get(state as usize) {
        None => {
            if p.is_json() {
                p.uint(T::Json, "operstate_index", "", state as u64);
            } else {
                p.fpf(format_args!("state {:#x}", state));
            }
        }
        Some(name) => {
            if ctx.o.brief > 0 {
                let s = format!("{:<14} ", name);
                p.color_string(T::Any, oper_color(state), "operstate", "{}", name_pad_json(&s, name, p.is_json()));
            } else if p.is_json() {
                p.string(T::Json, "operstate", "", name);
            } else {
                p.fp("state ");
                p.color_string(T::Fp, oper_color(state), "operstate", "{} ", name);
            }
        }
    }
}

/// In JSON the padded brief text must not leak into the value.
fn name_pad_json<'s>(padded: &'s str, name: &'s str, json: bool) -> &'s str {
    if json {
        name
    } else {
        padded
    }
}

/// print_name_and_link(): NAME, NAME@PEER, NAME@NONE, NAME@ifN; returns
/// the M-DOWN flag (the lower device is down).
fn print_name_and_link(ctx: &mut Ctx, env: &LinkEnv, fmt: &str, name: &str, tb: &Tb) -> bool {
    // "NAME", "NAME@LINK", "NAME@ifN" or "NAME@NONE", built on the stack
    // (names are at most 15 bytes).
    let mut shown = ABuf::new();
    shown.push_str(name);
    let mut mdown = false;
    if let Some(iflink) = tb.u32(IFLA_LINK) {
        let iflink = iflink as i32;
        if iflink != 0 {
            if tb.has(IFLA_LINK_NETNSID) {
                if ctx.p.is_json() {
                    ctx.p.int(T::Json, "link_index", "", iflink as i64);
                } else {
                    shown.push_str("@if");
                    shown.push_u32(iflink as u32);
                }
            } else {
                // One lookup for the name and the flags.
                let (link, lflags) = match env.find(iflink) {
                    Some((_, n, f)) => (Cow::Borrowed(n.as_ref()), *f),
                    None => (Cow::Owned(ctx.ifname(iflink as u32)), env.flags(ctx, iflink)),
                };
                if ctx.p.is_json() {
                    ctx.p.string(T::Json, "link", "", &link);
                } else {
                    shown.push_byte(b'@');
                    shown.push_str(&link);
                }
                mdown = lflags & IFF_UP == 0;
            }
        } else if ctx.p.is_json() {
            ctx.p.null(T::Json, "link", "", "");
        } else {
            shown.push_str("@NONE");
        }
    }
    if ctx.o.brief > 0 && fmt == "%-16s " {
        if ctx.p.is_json() {
            ctx.p.color_string(T::Any, Color::Ifname, "ifname", "{}", shown.as_str());
        } else {
            // "%-16s ": padded by the name's bytes, as C pads (an escaped
            // byte is one byte).
            let len = crate::error::bytes::len(shown.as_str());
            for _ in len..16 {
                shown.push_byte(b' ');
            }
            shown.push_byte(b' ');
            ctx.p.color_string(T::Any, Color::Ifname, "ifname", "{}", shown.as_str());
        }
    } else {
        ctx.p.color_string(T::Any, Color::Ifname, "ifname", "{}: ", shown.as_str());
    }
    mdown
}

fn match_link_kind(tb: &Tb, kind: &str, slave: bool) -> bool {
    let Some(li) = tb.get(IFLA_LINKINFO) else { return false };
    let want = if slave { IFLA_INFO_SLAVE_KIND } else { IFLA_INFO_KIND };
    let k = attrs(li).find(|(t, _)| *t == want).map(|(_, d)| get_str(d)).unwrap_or_default();
    k == kind
}

/// print_linkinfo(): one link. Returns -1 when a filter drops it, 0 when
/// nothing was printed (label filter), 1 when printed.
#[cfg_attr(rip_static, optimize(speed))]
pub fn print_linkinfo(ctx: &mut Ctx, f: &Filter, env: &mut LinkEnv, ty: u16, payload: &[u8]) -> i32 {
    if ty != RTM_NEWLINK && ty != RTM_DELLINK {
        return 0;
    }
    let Some((_, ltype, index, flags, _)) = ifinfo(payload) else { return -1 };
    if f.ifindex != 0 && index != f.ifindex {
        return -1;
    }
    if f.up && flags & IFF_UP == 0 {
        return -1;
    }
    let tb = Tb::parse(&payload[IFINFOMSG_LEN..], IFLA_MAX);
    let name: Cow<str> = match tb.get(IFLA_IFNAME) {
        Some(d) => get_str(d),
        None => {
            crate::eprintf!("BUG: device with ifindex {} has nil ifname\n", index);
            Cow::Owned(format!("if{}", index as u32))
        }
    };
    if !crate::names::check_ifname(&name) {
        return -1;
    }
    if f.label.is_some() {
        return 0;
    }
    if let Some(g) = tb.u32(IFLA_GROUP) {
        if f.group != -1 && g as i32 != f.group {
            return -1;
        }
    }
    match tb.u32(IFLA_MASTER) {
        Some(m) => {
            if f.master > 0 && m as i32 != f.master {
                return -1;
            }
        }
        None => {
            if f.master > 0 {
                return -1;
            }
        }
    }
    if let Some(k) = &f.kind {
        if !match_link_kind(&tb, k, false) {
            return -1;
        }
    }
    if let Some(k) = &f.slave_kind {
        if !match_link_kind(&tb, k, true) {
            return -1;
        }
    }
    if ty == RTM_DELLINK {
        ctx.p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if ctx.o.brief > 0 {
        return print_linkinfo_brief(ctx, f, env, &name, ltype, flags, &tb);
    }
    let numeric = ctx.o.numeric > 0;
    ctx.p.int(T::Any, "ifindex", "{}: ", index as i64);
    let mdown = print_name_and_link(ctx, env, "%s: ", &name, &tb);
    print_link_flags(ctx, flags, mdown);
    let p = &mut ctx.p;
    if let Some(mtu) = tb.u32(IFLA_MTU) {
        p.uint_j(T::Any, "mtu", "mtu {} ", mtu as u64, J::I(mtu as i32 as i64));
    }
    if let Some(x) = tb.get(IFLA_XDP) {
        xdp_dump(ctx, x, f.do_link, false);
    }
    if let Some(q) = tb.str(IFLA_QDISC) {
        ctx.p.string(T::Any, "qdisc", "qdisc {} ", &q);
    }
    if let Some(m) = tb.u32(IFLA_MASTER) {
        let n = env.name(ctx, m as i32);
        ctx.p.string(T::Any, "master", "master {} ", &n);
    }
    if let Some(s) = tb.u8(IFLA_OPERSTATE) {
        print_operstate(ctx, s);
    }
    if f.do_link {
        if let Some(mode) = tb.u8(IFLA_LINKMODE) {
            match mode {
                0 => ctx.p.string(T::Any, "linkmode", "mode {} ", "DEFAULT"),
                1 => ctx.p.string(T::Any, "linkmode", "mode {} ", "DORMANT"),
                m => ctx.p.int(T::Any, "linkmode_index", "mode {} ", m as i64),
            }
        }
    }
    if let Some(g) = tb.u32(IFLA_GROUP) {
        let s = group_n2a(g as i32, numeric);
        ctx.p.string(T::Any, "group", "group {} ", s.as_str());
    }
    // filter.showqueue: set by the listings, not by `ip monitor`.
    let qlen = match tb.u32(IFLA_TXQLEN) {
        _ if !f.showqueue => None,
        Some(q) => Some(q as i32),
        None => txqlen_ioctl(&name),
    };
    if let Some(q) = qlen {
        if q != 0 {
            ctx.p.int(T::Any, "txqlen", "qlen {}", q as i64);
        }
    }
    if let Some(ev) = tb.u32(IFLA_EVENT) {
        const EV: [&str; 7] =
            ["NONE", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER", "NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION"];
        match EV.get(ev as usize) {
            None => ctx.p.int(T::Any, "event", "event {} ", ev as i32 as i64),
            Some(_) if ev == 0 => {}
            Some(s) => ctx.p.string(T::Any, "event", "event {} ", s),
        }
    }
    if f.family == 0 || f.family == AF_PACKET || ctx.o.details > 0 {
        ctx.p.nl();
        let t = ll_type_n2a(ltype, numeric);
        ctx.p.string(T::Any, "link_type", "    link/{} ", t.as_str());
        if let Some(a) = tb.get(IFLA_ADDRESS) {
            let s = ll_addr_n2a(a, ltype);
            ctx.p.color_string(T::Any, Color::Mac, "address", "{}", &s);
        }
        if let Some(b) = tb.get(IFLA_BROADCAST) {
            if flags & IFF_POINTOPOINT != 0 {
                ctx.p.fp(" peer ");
                ctx.p.bool(T::Json, "link_pointtopoint", "", true);
            } else {
                ctx.p.fp(" brd ");
            }
            let s = ll_addr_n2a(b, ltype);
            ctx.p.color_string(T::Any, Color::Mac, "broadcast", "{}", &s);
        }
        if let Some(pa) = tb.get(IFLA_PERM_ADDRESS) {
            if tb.get(IFLA_ADDRESS) != Some(pa) {
                ctx.p.fp(" permaddr ");
                let s = ll_addr_n2a(pa, ltype);
                ctx.p.color_string(T::Any, Color::Mac, "permaddr", "{}", &s);
            }
        }
    }
    if let Some(id) = tb.i32(IFLA_LINK_NETNSID) {
        if ctx.p.is_json() {
            ctx.p.int(T::Json, "link_netnsid", "", id as i64);
        } else if id >= 0 {
            match env.nsid_name(ctx, id) {
                Some(n) => ctx.p.string(T::Fp, "", " link-netns {}", &n),
                None => ctx.p.int(T::Fp, "", " link-netnsid {}", id as i64),
            }
        } else {
            ctx.p.fp(" link-netnsid unknown");
        }
    }
    if let Some(id) = tb.i32(IFLA_NEW_NETNSID) {
        match env.nsid_name(ctx, id) {
            Some(n) => ctx.p.string(T::Fp, "", " new-netns {}", &n),
            None => ctx.p.int(T::Fp, "", " new-netnsid {}", id as i64),
        }
    }
    if let Some(id) = tb.i32(IFLA_NEW_IFINDEX) {
        ctx.p.int(T::Fp, "", " new-ifindex {}", id as i64);
    }
    if tb.has(IFLA_PROTO_DOWN) {
        print_proto_down(ctx, &tb);
    }
    if ctx.o.details > 0 {
        print_details(ctx, f, &tb);
    }
    if f.do_link || ctx.o.details > 0 {
        if let Some(a) = tb.str(IFLA_IFALIAS) {
            let sl = ctx.p.sl;
            ctx.p.fpf(format_args!("{}    ", sl));
            ctx.p.string(T::Any, "ifalias", "alias {}", &a);
        }
        if let Some(x) = tb.get(IFLA_XDP) {
            xdp_dump(ctx, x, true, true);
        }
    }
    if f.do_link && ctx.o.stats > 0 {
        ctx.p.nl();
        print_link_stats_tb(ctx, &tb);
    }
    if let Some(pl) = tb.get(IFLA_PROP_LIST) {
        if ctx.p.is_json() {
            ctx.p.json_name("altnames");
            ctx.p.open_array_nokey();
        }
        for (t, d) in attrs(pl) {
            if t != IFLA_ALT_IFNAME {
                continue;
            }
            let sl = ctx.p.sl;
            ctx.p.fpf(format_args!("{}    altname ", sl));
            ctx.p.string_nokey(T::Any, "{}", &get_str(d));
        }
        ctx.p.close_array(T::Json, "");
    }
    ctx.p.fp("\n");
    1
}

/// print_queuelen()'s fallback when the dump has no IFLA_TXQLEN (the
/// AF_INET6 link dump): SIOCGIFTXQLEN.
fn txqlen_ioctl(name: &str) -> Option<i32> {
    let s = unsafe { libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0) };
    if s < 0 {
        return None;
    }
    // struct ifreq: name[16], then the union (ifr_qlen is an int).
    let mut ifr = [0u8; 40];
    let name = crate::args::bytes::unescape(name);
    let n = name.len().min(15);
    ifr[..n].copy_from_slice(&name[..n]);
    let r = unsafe { libc::ioctl(s, 0x8942, ifr.as_mut_ptr()) };
    let err = std::io::Error::last_os_error();
    unsafe { libc::close(s) };
    if r < 0 {
        crate::eprintf!("ioctl(SIOCGIFTXQLEN) failed: {}\n", crate::error::strerror(err.raw_os_error().unwrap_or(0)));
        return None;
    }
    Some(i32::from_ne_bytes([ifr[16], ifr[17], ifr[18], ifr[19]]))
}

fn print_linkinfo_brief(ctx: &mut Ctx, f: &Filter, env: &LinkEnv, name: &str, ltype: u16, flags: u32, tb: &Tb) -> i32 {
    let mdown = print_name_and_link(ctx, env, "%-16s ", name, tb);
    if let Some(s) = tb.u8(IFLA_OPERSTATE) {
        print_operstate(ctx, s);
    }
    if f.family == AF_PACKET {
        if let Some(a) = tb.get(IFLA_ADDRESS) {
            let s = ll_addr_n2a(a, ltype);
            ctx.p.color_string(T::Any, Color::Mac, "address", "{} ", &s);
        }
        print_link_flags(ctx, flags, mdown);
        ctx.p.fp("\n");
    }
    0
}

/// xdp_dump(): nothing unless a program is attached. Program details
/// (bpf_dump_prog_info's name/tag/jited, read through bpf(2)) are left out:
/// only the id is shown.
fn xdp_dump(ctx: &mut Ctx, x: &[u8], link: bool, details: bool) {
    const ATTACHED: u16 = 2;
    const PROG_ID: u16 = 4;
    const DRV_PROG_ID: u16 = 5;
    const SKB_PROG_ID: u16 = 6;
    const HW_PROG_ID: u16 = 7;
    // Most links have XDP_ATTACHED_NONE: look at that one attribute
    // before building the table.
    let attached = attrs(x).find(|(t, _)| *t == ATTACHED).and_then(|(_, d)| get_u8(d));
    if attached.unwrap_or(0) == 0 {
        return;
    }
    let tb = Tb::parse(x, 8);
    let Some(mode) = tb.u8(ATTACHED) else { return };
    if ctx.p.is_json() {
        if details {
            return;
        }
        ctx.p.open_object(Some("xdp"));
        ctx.p.uint(T::Json, "mode", "", mode as u64);
        let prog = tb.u32(PROG_ID).unwrap_or(0);
        if prog != 0 {
            ctx.p.uint(T::Json, "id", "", prog as u64);
        }
        ctx.p.json_name("attached");
        ctx.p.open_array_nokey();
        let one = |ctx: &mut Ctx, attr: u16, m: u8| {
            if let Some(id) = tb.u32(attr) {
                ctx.p.open_object(None);
                ctx.p.uint(T::Json, "mode", "", m as u64);
                ctx.p.uint(T::Json, "id", "", id as u64);
                ctx.p.close_object();
            }
        };
        if tb.has(SKB_PROG_ID) || tb.has(DRV_PROG_ID) || tb.has(HW_PROG_ID) {
            one(ctx, SKB_PROG_ID, 2);
            one(ctx, DRV_PROG_ID, 1);
            one(ctx, HW_PROG_ID, 3);
        } else if tb.has(PROG_ID) {
            one(ctx, PROG_ID, mode);
        }
        ctx.p.close_array(T::Json, "");
        ctx.p.close_object();
        return;
    }
    if !(details && link) {
        match mode {
            1 => ctx.p.fp("xdp"),
            2 => ctx.p.fp("xdpgeneric"),
            3 => ctx.p.fp("xdpoffload"),
            4 => ctx.p.fp("xdpmulti"),
            m => ctx.p.fpf(format_args!("xdp[{}]", m)),
        }
    }
    let prog_one = |ctx: &mut Ctx, attr: u16, pfx: &str| {
        let Some(id) = tb.u32(attr) else { return };
        if !details {
            if id != 0 && !link && attr == PROG_ID {
                ctx.p.fpf(format_args!("/id:{}", id));
            }
            return;
        }
        if id != 0 {
            let sl = ctx.p.sl;
            ctx.p.fpf(format_args!("{}    prog/xdp{} id {} ", sl, pfx, id));
        }
    };
    prog_one(ctx, PROG_ID, "");
    if mode == 4 {
        prog_one(ctx, SKB_PROG_ID, "generic");
        prog_one(ctx, DRV_PROG_ID, "drv");
        prog_one(ctx, HW_PROG_ID, "offload");
    }
    if !details || !link {
        ctx.p.fp(" ");
    }
}

fn print_proto_down(ctx: &mut Ctx, tb: &Tb) {
    if tb.u8(IFLA_PROTO_DOWN).unwrap_or(0) != 0 {
        ctx.p.bool(T::Any, "proto_down", " protodown on ", true);
    }
    if let Some(r) = tb.get(IFLA_PROTO_DOWN_REASON) {
        // iproute2 tests tb[IFLA_PROTO_DOWN_REASON_VALUE] of the outer
        // table (index 2, IFLA_BROADCAST) before reading the reason.
        if !tb.has(IFLA_PROTO_DOWN_REASON_VALUE) {
            return;
        }
        let rt = Tb::parse(r, 2);
        let mut reason = rt.get(IFLA_PROTO_DOWN_REASON_VALUE).and_then(get_u8).unwrap_or(0) as u32;
        if reason == 0 {
            return;
        }
        let names = if ctx.o.numeric > 0 { Vec::new() } else { protodown_reason_names() };
        let json = ctx.p.is_json();
        ctx.p.open_array(T::Any, if json { "proto_down_reason" } else { "protodown_reason <" });
        let mut start = true;
        let mut i = 0;
        while reason != 0 {
            if reason & 1 != 0 {
                let s = names.get(i).cloned().flatten().unwrap_or_else(|| i.to_string());
                ctx.p.string_nokey(T::Any, if start { "{}" } else { ",{}" }, &s);
                start = false;
            }
            i += 1;
            reason >>= 1;
        }
        ctx.p.close_array(T::Any, ">");
    }
}

/// The names of /etc/iproute2/protodown_reasons.d/*.conf, by bit.
fn protodown_reason_names() -> Vec<Option<String>> {
    let mut tab: Vec<Option<String>> = vec![None; 33];
    let dir = "/etc/iproute2/protodown_reasons.d";
    let Ok(rd) = std::fs::read_dir(dir) else { return tab };
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with('.') || n.len() <= 5 || !n.ends_with(".conf") {
            continue;
        }
        for (id, name) in crate::names::tables::read_id_names(&format!("{}/{}", dir, n)) {
            if (0..=32).contains(&id) {
                tab[id as usize] = Some(name);
            }
        }
    }
    tab
}

#[cfg_attr(rip_static, optimize(speed))]
fn print_details(ctx: &mut Ctx, f: &Filter, tb: &Tb) {
    let u = |ctx: &mut Ctx, ty: u16, key: &str, fmt: &'static str| {
        if let Some(v) = tb.u32(ty) {
            ctx.p.uint(T::Any, key, fmt, v as u64);
        }
    };
    u(ctx, IFLA_PROMISCUITY, "promiscuity", " promiscuity {} ");
    u(ctx, IFLA_ALLMULTI, "allmulti", " allmulti {} ");
    u(ctx, IFLA_MIN_MTU, "min_mtu", "minmtu {} ");
    u(ctx, IFLA_MAX_MTU, "max_mtu", "maxmtu {} ");
    if let Some(li) = tb.get(IFLA_LINKINFO) {
        print_linktype(ctx, li);
    }
    if f.do_link {
        if let Some(af) = tb.get(IFLA_AF_SPEC) {
            print_af_spec(ctx, af);
        }
    }
    u(ctx, IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues {} ");
    u(ctx, IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues {} ");
    u(ctx, IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size {} ");
    u(ctx, IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs {} ");
    u(ctx, IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size {} ");
    u(ctx, IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs {} ");
    u(ctx, IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size {} ");
    if let Some(s) = tb.str(IFLA_PHYS_PORT_NAME) {
        ctx.p.string(T::Any, "phys_port_name", "portname {} ", &s);
    }
    if let Some(d) = tb.get(IFLA_PHYS_PORT_ID) {
        let s = hexstring(d);
        ctx.p.string(T::Any, "phys_port_id", "portid {} ", &s);
    }
    if let Some(d) = tb.get(IFLA_PHYS_SWITCH_ID) {
        let s = hexstring(d);
        ctx.p.string(T::Any, "phys_switch_id", "switchid {} ", &s);
    }
    if let Some(s) = tb.str(IFLA_PARENT_DEV_BUS_NAME) {
        ctx.p.string(T::Any, "parentbus", "parentbus {} ", &s);
    }
    if let Some(s) = tb.str(IFLA_PARENT_DEV_NAME) {
        ctx.p.string(T::Any, "parentdev", "parentdev {} ", &s);
    }
}

fn hexstring(d: &[u8]) -> String {
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push_str(&format!("{:02x}", b));
    }
    s
}

/// print_linktype(): the kind word, the kind's own printer, the slave kind.
fn print_linktype(ctx: &mut Ctx, li: &[u8]) {
    let tb = Tb::parse(li, IFLA_INFO_MAX);
    ctx.p.open_object(Some("linkinfo"));
    if let Some(kind) = tb.str(IFLA_INFO_KIND) {
        ctx.p.nl();
        ctx.p.string(T::Any, "info_kind", "    {} ", &kind);
        if let Some(k) = crate::linkinfo::kinds::find(&kind) {
            if let Some(pr) = k.print {
                ctx.p.open_object(Some("info_data"));
                pr(ctx, &kind, tb.get(IFLA_INFO_DATA).unwrap_or(&[]));
                ctx.p.close_object();
            }
        }
    }
    if let Some(sk) = tb.str(IFLA_INFO_SLAVE_KIND) {
        ctx.p.nl();
        ctx.p.string(T::Any, "info_slave_kind", "    {}_slave ", &sk);
        let mut slave = format!("{}_slave", sk);
        // snprintf into char[32]
        slave.truncate(31);
        if let Some(k) = crate::linkinfo::kinds::find(&slave) {
            if let Some(pr) = k.print {
                ctx.p.open_object(Some("info_slave_data"));
                pr(ctx, &slave, tb.get(IFLA_INFO_SLAVE_DATA).unwrap_or(&[]));
                ctx.p.close_object();
            }
        }
    }
    ctx.p.close_object();
}

fn print_af_spec(ctx: &mut Ctx, af: &[u8]) {
    let Some((_, inet6)) = attrs(af).find(|(t, _)| *t == AF_INET6 as u16) else { return };
    let tb = Tb::parse(inet6, IFLA_INET6_MAX);
    if let Some(mode) = tb.u8(IFLA_INET6_ADDR_GEN_MODE) {
        let s = match mode {
            0 => "eui64".to_string(),
            1 => "none".to_string(),
            2 => "stable_secret".to_string(),
            3 => "random".to_string(),
            m => format!("{:#04x}", m),
        };
        ctx.p.string(T::Any, "inet6_addr_gen_mode", "addrgenmode {} ", &s);
    }
}

/// rtnl_link_stats64 as get_rtnl_link_stats_rta() fills it.
#[derive(Default, Clone, Copy)]
struct Stats {
    v: [u64; 25],
}

impl Stats {
    const RX_PACKETS: usize = 0;
    const TX_PACKETS: usize = 1;
    const RX_BYTES: usize = 2;
    const TX_BYTES: usize = 3;
    const RX_ERRORS: usize = 4;
    const TX_ERRORS: usize = 5;
    const RX_DROPPED: usize = 6;
    const TX_DROPPED: usize = 7;
    const MULTICAST: usize = 8;
    const COLLISIONS: usize = 9;
    const RX_LENGTH: usize = 10;
    const RX_OVER: usize = 11;
    const RX_CRC: usize = 12;
    const RX_FRAME: usize = 13;
    const RX_FIFO: usize = 14;
    const RX_MISSED: usize = 15;
    const TX_ABORTED: usize = 16;
    const TX_CARRIER: usize = 17;
    const TX_FIFO: usize = 18;
    const TX_HEARTBEAT: usize = 19;
    const TX_WINDOW: usize = 20;
    const RX_COMPRESSED: usize = 21;
    const TX_COMPRESSED: usize = 22;
    const RX_NOHANDLER: usize = 23;
    const RX_OTHERHOST: usize = 24;

    fn g(&self, i: usize) -> u64 {
        self.v[i]
    }
}

/// get_rtnl_link_stats_rta(): the stats and the JSON key, if any.
fn link_stats(tb: &Tb) -> Option<(Stats, &'static str)> {
    let mut s = Stats::default();
    if let Some(d) = tb.get(IFLA_STATS64) {
        for (i, slot) in s.v.iter_mut().enumerate() {
            *slot = d.get(i * 8..i * 8 + 8).and_then(crate::netlink::attr::get_u64).unwrap_or(0);
        }
        return Some((s, "stats64"));
    }
    if let Some(d) = tb.get(IFLA_STATS) {
        for (i, slot) in s.v.iter_mut().enumerate().take(24) {
            *slot = d.get(i * 4..i * 4 + 4).and_then(get_u32).unwrap_or(0) as u64;
        }
        return Some((s, "stats"));
    }
    if let Some(pi) = tb.get(IFLA_PROTINFO) {
        // The AF_INET6 link dump: IPv6 MIB counters (IFLA_INET6_STATS).
        if let Some((_, m)) = attrs(pi).find(|(t, _)| *t == 3) {
            let mib = |i: usize| m.get(i * 8..i * 8 + 8).and_then(crate::netlink::attr::get_u64).unwrap_or(0);
            s.v[Stats::RX_PACKETS] = mib(1);
            s.v[Stats::RX_BYTES] = mib(2);
            s.v[Stats::TX_PACKETS] = mib(5);
            s.v[Stats::TX_BYTES] = mib(6);
            s.v[Stats::RX_ERRORS] = mib(13);
            s.v[Stats::TX_ERRORS] = mib(14);
            s.v[Stats::MULTICAST] = mib(23);
            s.v[Stats::RX_FRAME] = mib(31);
        }
        return Some((s, "stats64"));
    }
    None
}

fn print_link_stats_tb(ctx: &mut Ctx, tb: &Tb) {
    let Some((s, what)) = link_stats(tb) else { return };
    let cc = tb.u32(IFLA_CARRIER_CHANGES);
    print_stats64(&mut ctx.p, &ctx.o, &s, cc, Some(what));
}

/// print_link_stats(): the `ip -s address` form (stats after the addresses).
pub fn print_link_stats(ctx: &mut Ctx, payload: &[u8]) {
    let Some(attrs_b) = payload.get(IFINFOMSG_LEN..) else { return };
    let tb = Tb::parse(attrs_b, IFLA_MAX);
    print_link_stats_tb(ctx, &tb);
    ctx.p.nl();
}

/// print_stats64(fp, stats, NULL, NULL) over a struct rtnl_link_stats64
/// attribute (`ip stats`): the caller opens the JSON object; a short
/// attribute reads as zeros past its end.
pub fn print_stats64_attr(p: &mut crate::print::Printer, o: &crate::ctx::Opts, d: &[u8]) {
    let mut s = Stats::default();
    for (i, slot) in s.v.iter_mut().enumerate() {
        *slot = d.get(i * 8..i * 8 + 8).and_then(crate::netlink::attr::get_u64).unwrap_or(0);
    }
    print_stats64(p, o, &s, None, None);
}

fn print_stats64(p: &mut crate::print::Printer, o: &crate::ctx::Opts, s: &Stats, cc: Option<u32>, what: Option<&str>) {
    let ss = o.stats;
    if p.is_json() {
        if let Some(w) = what {
            p.open_object(Some(w));
        }
        p.open_object(Some("rx"));
        let u = |p: &mut crate::print::Printer, k: &str, v: u64| p.uint(T::Json, k, "", v);
        u(p, "bytes", s.g(Stats::RX_BYTES));
        u(p, "packets", s.g(Stats::RX_PACKETS));
        u(p, "errors", s.g(Stats::RX_ERRORS));
        u(p, "dropped", s.g(Stats::RX_DROPPED));
        u(p, "over_errors", s.g(Stats::RX_OVER));
        u(p, "multicast", s.g(Stats::MULTICAST));
        if s.g(Stats::RX_COMPRESSED) != 0 {
            u(p, "compressed", s.g(Stats::RX_COMPRESSED));
        }
        if ss > 1 {
            u(p, "length_errors", s.g(Stats::RX_LENGTH));
            u(p, "crc_errors", s.g(Stats::RX_CRC));
            u(p, "frame_errors", s.g(Stats::RX_FRAME));
            u(p, "fifo_errors", s.g(Stats::RX_FIFO));
            u(p, "missed_errors", s.g(Stats::RX_MISSED));
            if s.g(Stats::RX_NOHANDLER) != 0 {
                u(p, "nohandler", s.g(Stats::RX_NOHANDLER));
            }
            if s.g(Stats::RX_OTHERHOST) != 0 {
                u(p, "otherhost", s.g(Stats::RX_OTHERHOST));
            }
        }
        p.close_object();
        p.open_object(Some("tx"));
        u(p, "bytes", s.g(Stats::TX_BYTES));
        u(p, "packets", s.g(Stats::TX_PACKETS));
        u(p, "errors", s.g(Stats::TX_ERRORS));
        u(p, "dropped", s.g(Stats::TX_DROPPED));
        u(p, "carrier_errors", s.g(Stats::TX_CARRIER));
        u(p, "collisions", s.g(Stats::COLLISIONS));
        if s.g(Stats::TX_COMPRESSED) != 0 {
            u(p, "compressed", s.g(Stats::TX_COMPRESSED));
        }
        if ss > 1 {
            u(p, "aborted_errors", s.g(Stats::TX_ABORTED));
            u(p, "fifo_errors", s.g(Stats::TX_FIFO));
            u(p, "window_errors", s.g(Stats::TX_WINDOW));
            u(p, "heartbeat_errors", s.g(Stats::TX_HEARTBEAT));
            if let Some(c) = cc {
                u(p, "carrier_changes", c as u64);
            }
        }
        p.close_object();
        if what.is_some() {
            p.close_object();
        }
        return;
    }
    let human = o.human > 0;
    let iec = o.iec > 0;
    let mut cols: [usize; 8] = [10, 7, 6, 7, 7, 7, 10, 9];
    let size = |cols: &mut [usize; 8], vals: [u64; 8]| {
        if human {
            return;
        }
        for (c, v) in cols.iter_mut().zip(vals) {
            let len = v.to_string().len();
            if len > *c {
                *c = len;
            }
        }
    };
    size(
        &mut cols,
        [
            s.g(Stats::RX_BYTES),
            s.g(Stats::RX_PACKETS),
            s.g(Stats::RX_ERRORS),
            s.g(Stats::RX_DROPPED),
            s.g(Stats::RX_MISSED),
            s.g(Stats::MULTICAST),
            s.g(Stats::RX_COMPRESSED),
            0,
        ],
    );
    if ss > 1 {
        size(
            &mut cols,
            [
                0,
                s.g(Stats::RX_LENGTH),
                s.g(Stats::RX_CRC),
                s.g(Stats::RX_FRAME),
                s.g(Stats::RX_FIFO),
                s.g(Stats::RX_OVER),
                s.g(Stats::RX_NOHANDLER),
                s.g(Stats::RX_OTHERHOST),
            ],
        );
    }
    size(
        &mut cols,
        [
            s.g(Stats::TX_BYTES),
            s.g(Stats::TX_PACKETS),
            s.g(Stats::TX_ERRORS),
            s.g(Stats::TX_DROPPED),
            s.g(Stats::TX_CARRIER),
            s.g(Stats::COLLISIONS),
            s.g(Stats::TX_COMPRESSED),
            0,
        ],
    );
    if ss > 1 {
        size(
            &mut cols,
            [
                0,
                0,
                s.g(Stats::TX_ABORTED),
                s.g(Stats::TX_FIFO),
                s.g(Stats::TX_WINDOW),
                s.g(Stats::TX_HEARTBEAT),
                cc.unwrap_or(0) as u64,
                0,
            ],
        );
    }
    let sl = p.sl;
    let n = |w: usize, v: u64| num(w, v, human, iec);
    let mut o = String::with_capacity(512);
    use std::fmt::Write;
    stats_row(
        &mut o,
        "RX",
        ["bytes", "packets", "errors", "dropped", "missed", "mcast"],
        [
            s.g(Stats::RX_BYTES),
            s.g(Stats::RX_PACKETS),
            s.g(Stats::RX_ERRORS),
            s.g(Stats::RX_DROPPED),
            s.g(Stats::RX_MISSED),
            s.g(Stats::MULTICAST),
        ],
        s.g(Stats::RX_COMPRESSED),
        &cols,
        sl,
        &n,
    );
    if ss > 1 {
        o.push_str(sl);
        let nh = s.g(Stats::RX_NOHANDLER) != 0;
        let oh = s.g(Stats::RX_OTHERHOST) != 0;
        let _ = write!(
            o,
            "    RX errors:{:>a$} {:>b$} {:>c$} {:>d$} {:>e$} {:>f$}{:>g$}{:>h$}{}",
            "",
            "length",
            "crc",
            "frame",
            "fifo",
            "overrun",
            if nh { " nohandler" } else { "" },
            if oh { " otherhost" } else { "" },
            sl,
            a = cols[0] - 10,
            b = cols[1],
            c = cols[2],
            d = cols[3],
            e = cols[4],
            f = cols[5],
            g = if nh { cols[6] + 1 } else { 0 },
            h = if oh { cols[7] + 1 } else { 0 },
        );
        let _ = write!(o, "{:w$}", "", w = cols[0] + 5);
        o.push_str(&n(cols[1], s.g(Stats::RX_LENGTH)));
        o.push_str(&n(cols[2], s.g(Stats::RX_CRC)));
        o.push_str(&n(cols[3], s.g(Stats::RX_FRAME)));
        o.push_str(&n(cols[4], s.g(Stats::RX_FIFO)));
        o.push_str(&n(cols[5], s.g(Stats::RX_OVER)));
        if nh {
            o.push_str(&n(cols[6], s.g(Stats::RX_NOHANDLER)));
        }
        if oh {
            o.push_str(&n(cols[7], s.g(Stats::RX_OTHERHOST)));
        }
    }
    o.push_str(sl);
    stats_row(
        &mut o,
        "TX",
        ["bytes", "packets", "errors", "dropped", "carrier", "collsns"],
        [
            s.g(Stats::TX_BYTES),
            s.g(Stats::TX_PACKETS),
            s.g(Stats::TX_ERRORS),
            s.g(Stats::TX_DROPPED),
            s.g(Stats::TX_CARRIER),
            s.g(Stats::COLLISIONS),
        ],
        s.g(Stats::TX_COMPRESSED),
        &cols,
        sl,
        &n,
    );
    if ss > 1 {
        o.push_str(sl);
        let _ = write!(
            o,
            "    TX errors:{:>a$} {:>b$} {:>c$} {:>d$} {:>e$} {:>f$}{}",
            "",
            "aborted",
            "fifo",
            "window",
            "heartbt",
            if cc.is_some() { "transns" } else { "" },
            sl,
            a = cols[0] - 10,
            b = cols[1],
            c = cols[2],
            d = cols[3],
            e = cols[4],
            f = cols[5],
        );
        let _ = write!(o, "{:w$}", "", w = cols[0] + 5);
        o.push_str(&n(cols[1], s.g(Stats::TX_ABORTED)));
        o.push_str(&n(cols[2], s.g(Stats::TX_FIFO)));
        o.push_str(&n(cols[3], s.g(Stats::TX_WINDOW)));
        o.push_str(&n(cols[4], s.g(Stats::TX_HEARTBEAT)));
        if let Some(c) = cc {
            o.push_str(&n(cols[5], c as u64));
        }
    }
    p.raw(o.as_bytes());
}

/// One direction of the -s table: the header row ("    RX:  bytes ...",
/// "compressed" only when that counter is set) and its counters.
#[allow(clippy::too_many_arguments)]
fn stats_row(
    o: &mut String,
    dir: &str,
    names: [&str; 6],
    vals: [u64; 6],
    compressed: u64,
    cols: &[usize],
    sl: &str,
    n: &dyn Fn(usize, u64) -> String,
) {
    use std::fmt::Write;
    let _ = write!(
        o,
        "    {}: {:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$} {:>w6$}{}",
        dir,
        names[0],
        names[1],
        names[2],
        names[3],
        names[4],
        names[5],
        if compressed != 0 { "compressed" } else { "" },
        sl,
        w0 = cols[0] - 4,
        w1 = cols[1],
        w2 = cols[2],
        w3 = cols[3],
        w4 = cols[4],
        w5 = cols[5],
        w6 = cols[6],
    );
    o.push_str("    ");
    for (i, v) in vals.iter().enumerate() {
        o.push_str(&n(cols[i], *v));
    }
    if compressed != 0 {
        o.push_str(&n(cols[6], compressed));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::Captured;
    use crate::print::{Mode, Printer};

    fn flags_text(flags: u32, mdown: bool, json: bool) -> String {
        let out = Captured::default();
        let p = Printer::new(Box::new(out.clone()), Mode { json, ..Default::default() });
        let mut ctx = Ctx::new(Default::default(), p);
        if json {
            ctx.p.new_json_obj();
            ctx.p.open_object(None);
        }
        print_link_flags(&mut ctx, flags, mdown);
        if json {
            ctx.p.close_object();
            ctx.p.delete_json_obj();
        }
        let _ = ctx.p.flush();
        drop(ctx);
        let v = out.bytes();
        String::from_utf8_lossy(&v).into_owned()
    }

    fn stats_text(o: crate::ctx::Opts, s: &Stats, cc: Option<u32>) -> String {
        let out = Captured::default();
        let p = Printer::new(Box::new(out.clone()), Mode::default());
        let mut ctx = Ctx::new(o, p);
        print_stats64(&mut ctx.p, &ctx.o, s, cc, Some("stats64"));
        let _ = ctx.p.flush();
        drop(ctx);
        let v = out.bytes();
        String::from_utf8_lossy(&v).into_owned()
    }

    #[test]
    fn stats_tables() {
        let mut s = Stats::default();
        s.v[Stats::RX_BYTES] = 208;
        s.v[Stats::RX_PACKETS] = 3;
        s.v[Stats::MULTICAST] = 3;
        s.v[Stats::TX_BYTES] = 344;
        s.v[Stats::TX_PACKETS] = 4;
        let o = crate::ctx::Opts { stats: 1, ..Default::default() };
        assert_eq!(
            stats_text(o.clone(), &s, Some(1)),
            "    RX:  bytes packets errors dropped  missed   mcast           \n           208       3      0       0       0       3 \n    TX:  bytes packets errors dropped carrier collsns           \n           344       4      0       0       0       0 "
        );
        let o2 = crate::ctx::Opts { stats: 2, ..Default::default() };
        let t = stats_text(o2, &s, Some(1));
        assert!(t.contains("\n    RX errors:  length    crc   frame    fifo overrun\n"), "{}", t);
        assert!(t.contains("\n    TX errors: aborted   fifo  window heartbt transns\n"), "{}", t);
        s.v[Stats::RX_BYTES] = 123_456_789_012;
        let o3 = crate::ctx::Opts { stats: 1, human: 1, ..Default::default() };
        assert!(stats_text(o3, &s, None).contains("      123G "));
    }

    #[test]
    fn link_flags() {
        assert_eq!(
            flags_text(IFF_LOOPBACK | IFF_UP | IFF_RUNNING | IFF_LOWER_UP, false, false),
            "<LOOPBACK,UP,LOWER_UP> "
        );
        assert_eq!(
            flags_text(IFF_BROADCAST | IFF_MULTICAST | IFF_UP, true, false),
            "<NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> "
        );
        assert_eq!(flags_text(0, false, false), "<> ");
        assert_eq!(flags_text(0x80000 | IFF_UP | IFF_RUNNING, false, false), "<UP,80000> ");
        assert_eq!(
            flags_text(IFF_BROADCAST | IFF_UP, false, true),
            "[{\"flags\":[\"NO-CARRIER\",\"BROADCAST\",\"UP\"]}]\n"
        );
    }
}
