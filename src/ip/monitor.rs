//! `ip monitor` (ip/ipmonitor.c, 6.1.0): the events of rtnetlink's
//! multicast groups (links, addresses, routes, neighbours, rules,
//! nexthops, netconf, nsids, prefixes), or the messages of a file saved by
//! rtmon, each printed by its object's own printer (the one its dump uses),
//! after the headers: `-t`/`-ts` timestamps, `[nsid N]` (all-nsid) and the
//! `[LINK]`-style label (`label`, `all`). Part of the front end: it
//! prints with every object's printer, as ip's dispatch reaches every
//! object's handler.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{fail, invarg, Exit, Res};
use crate::netlink::attr::{hdr_u32, msgs, Msg, Tb};
use crate::netlink::consts::*;
use crate::netlink::Rtnl;

const USAGE: &str = "Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]
                  [ dev DEVICE ]
OBJECTS :=  address | link | mroute | neigh | netconf |
            nexthop | nsid | prefix | route | rule | stats
FILE := file FILENAME
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    File,
    Label,
    Link,
    Address,
    Route,
    Mroute,
    Prefix,
    Neigh,
    Netconf,
    Rule,
    Nsid,
    Nexthop,
    Stats,
    All,
    AllNsid,
    Help,
    Dev,
}

/// do_ipmonitor()'s words, in its test order (`stats`, `all` and `dev`
/// whole, the others by prefix).
pub static WORDS: Table<Word> = Table::new(
    "ip monitor",
    &[
        kw("file", Word::File),
        kw("label", Word::Label),
        kw("link", Word::Link),
        kw("address", Word::Address),
        kw("route", Word::Route),
        kw("mroute", Word::Mroute),
        kw("prefix", Word::Prefix),
        kw("neigh", Word::Neigh),
        kw("netconf", Word::Netconf),
        kw("rule", Word::Rule),
        kw("nsid", Word::Nsid),
        kw("nexthop", Word::Nexthop),
        exact("stats", Word::Stats),
        exact("all", Word::All),
        kw("all-nsid", Word::AllNsid),
        kw("help", Word::Help),
        exact("dev", Word::Dev),
    ],
);

/// The keyword tables of `ip monitor`.
pub static KEYWORDS: &[&dyn Words] = &[&WORDS];

const LLINK: u32 = 1 << 0;
const LADDR: u32 = 1 << 1;
const LROUTE: u32 = 1 << 2;
const LMROUTE: u32 = 1 << 3;
const LPREFIX: u32 = 1 << 4;
const LNEIGH: u32 = 1 << 5;
const LNETCONF: u32 = 1 << 6;
const LSTATS: u32 = 1 << 7;
const LRULE: u32 = 1 << 8;
const LNSID: u32 = 1 << 9;
const LNEXTHOP: u32 = 1 << 10;

// linux/rtnetlink.h multicast groups.
const RTNLGRP_LINK: u32 = 1;
const RTNLGRP_NEIGH: u32 = 3;
const RTNLGRP_IPV4_IFADDR: u32 = 5;
const RTNLGRP_IPV4_MROUTE: u32 = 6;
const RTNLGRP_IPV4_ROUTE: u32 = 7;
const RTNLGRP_IPV4_RULE: u32 = 8;
const RTNLGRP_IPV6_IFADDR: u32 = 9;
const RTNLGRP_IPV6_MROUTE: u32 = 10;
const RTNLGRP_IPV6_ROUTE: u32 = 11;
const RTNLGRP_IPV6_PREFIX: u32 = 18;
const RTNLGRP_IPV6_RULE: u32 = 19;
const RTNLGRP_IPV4_NETCONF: u32 = 24;
const RTNLGRP_IPV6_NETCONF: u32 = 25;
const RTNLGRP_MPLS_ROUTE: u32 = 27;
const RTNLGRP_NSID: u32 = 28;
const RTNLGRP_MPLS_NETCONF: u32 = 29;
const RTNLGRP_NEXTHOP: u32 = 32;
const RTNLGRP_STATS: u32 = 36;

const RTM_NEWRULE: u16 = 32;
const RTM_DELRULE: u16 = 33;
const RTM_NEWPREFIX: u16 = 52;
const RTM_NEWADDRLABEL: u16 = 72;
const RTM_DELADDRLABEL: u16 = 73;
const RTM_NEWNSID: u16 = 88;
const RTM_DELNSID: u16 = 89;
const RTM_NEWSTATS: u16 = 92;
const NLMSG_NOOP: u16 = 1;
const NLMSG_TSTAMP: u16 = 15;
const RTM_F_CLONED: u32 = 0x200;
const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;

fn nl_mgrp(group: u32) -> u32 {
    if group > 31 {
        0
    } else {
        1 << (group - 1)
    }
}

/// The monitor's settings besides ctx's options.
struct Mon {
    /// The nexthop cache (print_cache_nexthop(.., true)): routes' nh_info.
    nh: crate::nh::NhCache,
    banner: bool,
    all_nsid: bool,
    ifindex: u32,
}

pub fn do_ipmonitor(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut lmask = 0u32;
    let mut file: Option<String> = None;
    let mut mon = Mon { nh: Default::default(), banner: false, all_nsid: false, ifindex: 0 };
    while let Some(w) = args.next() {
        match WORDS.find(&w) {
            Some(Word::File) => file = Some(args.value()?),
            Some(Word::Label) => mon.banner = true,
            Some(Word::Link) => lmask |= LLINK,
            Some(Word::Address) => lmask |= LADDR,
            Some(Word::Route) => lmask |= LROUTE,
            Some(Word::Mroute) => lmask |= LMROUTE,
            Some(Word::Prefix) => lmask |= LPREFIX,
            Some(Word::Neigh) => lmask |= LNEIGH,
            Some(Word::Netconf) => lmask |= LNETCONF,
            Some(Word::Rule) => lmask |= LRULE,
            Some(Word::Nsid) => lmask |= LNSID,
            Some(Word::Nexthop) => lmask |= LNEXTHOP,
            Some(Word::Stats) => lmask |= LSTATS,
            Some(Word::All) => mon.banner = true,
            Some(Word::AllNsid) => mon.all_nsid = true,
            Some(Word::Help) => return Err(fail(255, USAGE)),
            Some(Word::Dev) => {
                let dev = args.value()?;
                mon.ifindex = ctx.ifindex(&dev);
                if mon.ifindex == 0 {
                    return Err(invarg("Device does not exist\n", &dev));
                }
            }
            None => return Err(fail(255, &format!("Argument \"{}\" is unknown, try \"ip monitor help\".\n", w))),
        }
    }
    let nmask = lmask;
    if lmask == 0 {
        lmask = !0;
    }
    let fam = ctx.o.family;
    let any = |f: u8| fam == AF_UNSPEC || fam == f;
    let mut groups = 0u32;
    if lmask & LLINK != 0 {
        groups |= nl_mgrp(RTNLGRP_LINK);
    }
    if lmask & LADDR != 0 {
        if any(AF_INET) {
            groups |= nl_mgrp(RTNLGRP_IPV4_IFADDR);
        }
        if any(AF_INET6) {
            groups |= nl_mgrp(RTNLGRP_IPV6_IFADDR);
        }
    }
    if lmask & LROUTE != 0 {
        if any(AF_INET) {
            groups |= nl_mgrp(RTNLGRP_IPV4_ROUTE);
        }
        if any(AF_INET6) {
            groups |= nl_mgrp(RTNLGRP_IPV6_ROUTE);
        }
        if any(AF_MPLS) {
            groups |= nl_mgrp(RTNLGRP_MPLS_ROUTE);
        }
    }
    if lmask & LMROUTE != 0 {
        if any(AF_INET) {
            groups |= nl_mgrp(RTNLGRP_IPV4_MROUTE);
        }
        if any(AF_INET6) {
            groups |= nl_mgrp(RTNLGRP_IPV6_MROUTE);
        }
    }
    if lmask & LPREFIX != 0 && any(AF_INET6) {
        groups |= nl_mgrp(RTNLGRP_IPV6_PREFIX);
    }
    if lmask & LNEIGH != 0 {
        groups |= nl_mgrp(RTNLGRP_NEIGH);
    }
    if lmask & LNETCONF != 0 {
        if any(AF_INET) {
            groups |= nl_mgrp(RTNLGRP_IPV4_NETCONF);
        }
        if any(AF_INET6) {
            groups |= nl_mgrp(RTNLGRP_IPV6_NETCONF);
        }
        if any(AF_MPLS) {
            groups |= nl_mgrp(RTNLGRP_MPLS_NETCONF);
        }
    }
    if lmask & LRULE != 0 {
        if any(AF_INET) {
            groups |= nl_mgrp(RTNLGRP_IPV4_RULE);
        }
        if any(AF_INET6) {
            groups |= nl_mgrp(RTNLGRP_IPV6_RULE);
        }
    }
    if lmask & LNSID != 0 {
        groups |= nl_mgrp(RTNLGRP_NSID);
    }

    if let Some(f) = file {
        return from_file(ctx, &mut mon, &f);
    }

    // The events come on a socket of their own; ctx's socket stays free
    // for the name lookups the printers make (iproute2 opens one per
    // lookup).
    let mut ev = match Rtnl::open_groups(groups) {
        Ok(r) => r,
        Err(msg) => return Err(fail(1, &msg)),
    };
    if lmask & LNEXTHOP != 0 && !ev.add_membership(RTNLGRP_NEXTHOP) {
        return Err(fail(1, "Failed to add nexthop group to list\n"));
    }
    if lmask & LSTATS != 0 && !ev.add_membership(RTNLGRP_STATS) && nmask & LSTATS != 0 {
        return Err(fail(1, "Failed to add stats group to list\n"));
    }
    if mon.all_nsid {
        if let Err(e) = ev.listen_all_nsid() {
            crate::eprintf!("setsockopt NETLINK_LISTEN_ALL_NSID: {}\n", crate::error::strerror(e));
            return Err(Exit(1));
        }
    }
    ctx.init_map()?;
    if ctx.listen(Some(&mut ev), mon.all_nsid, |ctx, nsid, m| accept(ctx, &mut mon, Some(nsid), m))? < 0 {
        let _ = ctx.p.flush();
        return Err(Exit(2));
    }
    Ok(0)
}

/// print_headers(): the timestamp, `[nsid N]`, the label.
fn print_headers(ctx: &mut Ctx, mon: &Mon, nsid: Option<i32>, label: &str) {
    if ctx.o.timestamp > 0 {
        let (secs, usecs) = crate::sys::now();
        if ctx.o.tshort > 0 {
            let t = crate::sys::strftime_local(secs, "%Y-%m-%dT%H:%M:%S").unwrap_or_default();
            ctx.p.raw(format!("[{}.{:06}] ", t, usecs).as_bytes());
        } else {
            ctx.p.raw(format!("Timestamp: {} {} usec\n", crate::sys::asctime(secs), usecs).as_bytes());
        }
    }
    if mon.all_nsid {
        match nsid {
            Some(n) if n >= 0 => ctx.p.raw(format!("[nsid {}]", n).as_bytes()),
            _ => ctx.p.raw(b"[nsid current]"),
        }
    }
    if mon.banner {
        ctx.p.raw(label.as_bytes());
    }
}

/// accept_msg(): one message through its object's printer. `nsid` is the
/// control data of a live event (None for a file). Returns iproute2's
/// callback status (always 0 but for a malformed route).
fn accept(ctx: &mut Ctx, mon: &mut Mon, nsid: Option<i32>, m: &Msg) -> i32 {
    let r = accept_inner(ctx, mon, nsid, m);
    // Each event is flushed as it is printed (fflush in every printer).
    let _ = ctx.p.flush();
    r
}

fn accept_inner(ctx: &mut Ctx, mon: &mut Mon, nsid: Option<i32>, m: &Msg) -> i32 {
    match m.ty {
        RTM_NEWROUTE | RTM_DELROUTE => {
            if m.payload.len() < 12 {
                crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12);
                return -1;
            }
            let family = m.payload[0];
            let flags = hdr_u32(m.payload, 8);
            if flags & RTM_F_CLONED != 0 {
                return 0;
            }
            if family == RTNL_FAMILY_IPMR || family == RTNL_FAMILY_IP6MR {
                print_headers(ctx, mon, nsid, "[MROUTE]");
                let Ctx { o, p, names, .. } = ctx;
                let mut s = Shown { o, p, names };
                let _ = super::mroute::print_event(&mut s, *m);
                return 0;
            }
            print_headers(ctx, mon, nsid, "[ROUTE]");
            super::route::print_event(ctx, mon.ifindex, m.raw, &mut mon.nh);
            0
        }
        super::nexthop::RTM_NEWNEXTHOP | super::nexthop::RTM_DELNEXTHOP => {
            print_headers(ctx, mon, nsid, "[NEXTHOP]");
            let Ctx { o, p, names, .. } = ctx;
            let mut e = super::nexthop::NhEnv { p, names, o };
            if super::nexthop::print_msg(&mut e, m.ty, m.raw.len(), m.flags, m.payload, 0).is_ok() {
                mon.nh.process(m.ty == super::nexthop::RTM_DELNEXTHOP, m.payload);
            }
            0
        }
        super::nexthop::RTM_NEWNEXTHOPBUCKET | super::nexthop::RTM_DELNEXTHOPBUCKET => {
            print_headers(ctx, mon, nsid, "[NEXTHOPBUCKET]");
            let _ = super::nexthop::print_bucket(&mut ctx.p, m.ty, m.raw.len(), m.flags, m.payload);
            0
        }
        RTM_NEWLINK | RTM_DELLINK => {
            // ll_remember_index()
            if m.ty == RTM_DELLINK {
                ctx.names.forget(m.payload);
            } else {
                ctx.names.remember(m.payload);
            }
            print_headers(ctx, mon, nsid, "[LINK]");
            let mut f = crate::linkinfo::filter::Filter::new(AF_UNSPEC, true, false);
            f.ifindex = mon.ifindex as i32;
            f.showqueue = false;
            let mut env = crate::linkinfo::print::LinkEnv::default();
            crate::linkinfo::print::print_linkinfo(ctx, &f, &mut env, m.ty, m.payload);
            0
        }
        RTM_NEWADDR | RTM_DELADDR => {
            print_headers(ctx, mon, nsid, "[ADDR]");
            let mut f = crate::linkinfo::filter::Filter::new(AF_UNSPEC, true, false);
            f.ifindex = mon.ifindex as i32;
            let mut env = crate::linkinfo::print::LinkEnv::default();
            crate::linkinfo::list::print_addrinfo(ctx, &f, &mut env, m.ty, m.payload);
            0
        }
        RTM_NEWADDRLABEL | RTM_DELADDRLABEL => {
            print_headers(ctx, mon, nsid, "[ADDRLABEL]");
            let Ctx { o, p, names, .. } = ctx;
            let mut s = Shown { o, p, names };
            let _ = super::addrlabel::print_event(&mut s, *m);
            0
        }
        RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH => {
            if ctx.o.family != 0 && m.payload.first().is_some_and(|f| *f != ctx.o.family) {
                return 0;
            }
            print_headers(ctx, mon, nsid, "[NEIGH]");
            // ll_index_to_name() looks a missing name up; the printer reads
            // the cache only.
            let idx = hdr_u32(m.payload, 4);
            if idx != 0 && ctx.names.get(idx).is_none() {
                let _ = ctx.ifname(idx);
            }
            let Ctx { o, p, names, .. } = ctx;
            let mut s = Shown { o, p, names };
            let _ = super::neigh::print_event(&mut s, mon.ifindex, m);
            0
        }
        RTM_NEWPREFIX => {
            print_headers(ctx, mon, nsid, "[PREFIX]");
            print_prefix(ctx, m);
            0
        }
        RTM_NEWRULE | RTM_DELRULE => {
            print_headers(ctx, mon, nsid, "[RULE]");
            let _ = super::rule::print_event(&mut ctx.p, &ctx.o, m.ty, m.payload);
            0
        }
        NLMSG_TSTAMP => {
            let secs = hdr_u32(m.payload, 0);
            let usecs = hdr_u32(m.payload, 4);
            ctx.p.raw(
                format!("Timestamp: {} {} us\n", crate::sys::asctime(secs as crate::sys::TimeT), usecs).as_bytes(),
            );
            0
        }
        super::netconf::RTM_NEWNETCONF | super::netconf::RTM_DELNETCONF => {
            print_headers(ctx, mon, nsid, "[NETCONF]");
            let Ctx { p, names, .. } = ctx;
            let _ = super::netconf::print_msg(p, names, m.ty, m.raw.len(), m.flags, m.payload, 0, mon.ifindex as i32);
            0
        }
        RTM_NEWNSID | RTM_DELNSID => {
            print_headers(ctx, mon, nsid, "[NSID]");
            let _ = super::netns::nsid::print_nsid(ctx, m);
            0
        }
        RTM_NEWSTATS => {
            print_headers(ctx, mon, nsid, "[STATS]");
            let Ctx { o, p, names, .. } = ctx;
            let mut s = Shown { o, p, names };
            let _ = super::stats::print_event(&mut s, *m);
            0
        }
        NLMSG_ERROR | NLMSG_NOOP | NLMSG_DONE => 0,
        _ => {
            let _ = ctx.p.flush();
            let len = m.raw.len();
            crate::eprintf!(
                "Unknown message: type=0x{:08x}({}) flags=0x{:08x}({}) len=0x{:08x}({})\n",
                m.ty,
                m.ty,
                m.flags,
                m.flags,
                len,
                len
            );
            0
        }
    }
}

/// print_prefix() (ip/ipprefix.c): an IPv6 router advertisement's prefix.
fn print_prefix(ctx: &mut Ctx, m: &Msg) {
    const PREFIXMSG_LEN: usize = 12;
    let Some(pm) = m.payload.get(..PREFIXMSG_LEN) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - PREFIXMSG_LEN as i64);
        return;
    };
    let family = if ctx.o.family == AF_UNSPEC { AF_INET6 } else { ctx.o.family };
    if family != AF_INET6 {
        return;
    }
    if pm[0] != AF_INET6 {
        crate::eprintf!("incorrect protocol family: {}\n", pm[0]);
        return;
    }
    if pm[8] != 3 {
        crate::eprintf!("wrong ND type {}\n", pm[8]);
        return;
    }
    let tb = Tb::parse(&m.payload[PREFIXMSG_LEN..], 2);
    let mut out = String::new();
    if let Some(a) = tb.get(1) {
        out.push_str(&format!("prefix {}/{}", crate::inet::rt_addr_n2a(family, a), pm[9]));
    }
    let idx = hdr_u32(pm, 4);
    out.push_str(&format!("dev {} ", ctx.names.name_own_socket(idx)));
    if pm[10] & 1 != 0 {
        out.push_str("onlink ");
    }
    if pm[10] & 2 != 0 {
        out.push_str("autoconf ");
    }
    if let Some(c) = tb.get(2).filter(|c| c.len() >= 8) {
        out.push_str(&format!("valid {} ", hdr_u32(c, 4)));
        out.push_str(&format!("preferred {} ", hdr_u32(c, 0)));
    }
    out.push('\n');
    ctx.p.raw(out.as_bytes());
}

/// rtnl_from_file(): nlmsghdr-framed messages, one after another, read
/// as a stream (a recording can be far larger than memory should hold).
fn from_file(ctx: &mut Ctx, mon: &mut Mon, name: &str) -> Res<i32> {
    use std::io::Read;
    let f = match std::fs::File::open(&*crate::args::bytes::os(name)) {
        Ok(f) => f,
        Err(e) => {
            crate::eprintf!("Cannot fopen: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
            return Err(Exit(255));
        }
    };
    let mut r = std::io::BufReader::with_capacity(64 * 1024, f);
    // fread() until the count is met, end of file or an error.
    fn fill(r: &mut impl Read, b: &mut [u8]) -> Result<usize, std::io::Error> {
        let mut got = 0;
        while got < b.len() {
            match r.read(&mut b[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(got)
    }
    let fread_err = |e: std::io::Error| {
        crate::eprintf!("rtnl_from_file: fread: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
    };
    let mut buf = vec![0u8; 16384];
    let mut pos = 0usize;
    loop {
        let n = match fill(&mut r, &mut buf[..16]) {
            Ok(n) => n,
            Err(e) => {
                fread_err(e);
                return Ok(1);
            }
        };
        if n == 0 {
            return Ok(0);
        }
        pos += n;
        if n != 16 {
            let _ = ctx.p.flush();
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Ok(1);
        }
        let len = u32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]) as i32;
        if !(16..=16384).contains(&len) {
            let _ = ctx.p.flush();
            crate::eprintf!("!!!malformed message: len={} @{}\n", len, pos);
            return Ok(1);
        }
        let body = crate::netlink::attr::align4(len as usize - 16);
        let got = match fill(&mut r, &mut buf[16..16 + body]) {
            Ok(n) => n,
            Err(e) => {
                fread_err(e);
                return Ok(1);
            }
        };
        pos += got;
        if got != body {
            let _ = ctx.p.flush();
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Ok(1);
        }
        if let Some(m) = msgs(&buf[..len as usize]).next() {
            if accept(ctx, mon, None, &m) < 0 {
                return Ok(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// A netlink message: header, then `body` (already padded).
    fn msg(ty: u16, flags: u16, body: &[u8]) -> Vec<u8> {
        let mut m = Vec::new();
        m.extend_from_slice(&((16 + body.len()) as u32).to_ne_bytes());
        m.extend_from_slice(&ty.to_ne_bytes());
        m.extend_from_slice(&flags.to_ne_bytes());
        m.extend_from_slice(&[0u8; 8]);
        m.extend_from_slice(body);
        m
    }

    fn attr(ty: u16, data: &[u8]) -> Vec<u8> {
        let mut a = Vec::new();
        a.extend_from_slice(&((4 + data.len()) as u16).to_ne_bytes());
        a.extend_from_slice(&ty.to_ne_bytes());
        a.extend_from_slice(data);
        while a.len() % 4 != 0 {
            a.push(0);
        }
        a
    }

    /// The same message printed by its object's dump (`ip OBJ show`,
    /// replayed) and by `ip monitor file` (a file holding that message).
    /// `links`: the dump reads the names from a link dump first (an empty
    /// one here).
    fn dump_and_event(show: &[&str], links: bool, m: &[u8], tag: &str) -> (Vec<u8>, Vec<u8>) {
        let done = msg(3, 2, &0i32.to_ne_bytes()); // NLMSG_DONE
        let mut dump = m.to_vec();
        dump[6..8].copy_from_slice(&2u16.to_ne_bytes()); // NLM_F_MULTI
        dump.extend_from_slice(&done);
        let args: Vec<String> = show.iter().map(|s| s.to_string()).collect();
        let replies = if links { vec![done.clone(), dump] } else { vec![dump] };
        let (out_dump, err, rc) = crate::ip::replay(&args, replies);
        assert_eq!((rc, err), (0, vec![]), "{}", tag);
        let path = std::env::temp_dir().join(format!("rip-monitor-{}-{}", tag, std::process::id()));
        std::fs::write(&path, m).unwrap();
        let args = vec!["monitor".to_string(), "file".into(), path.to_string_lossy().into_owned()];
        let (out_ev, err, rc) = crate::ip::replay(&args, vec![]);
        let _ = std::fs::remove_file(&path);
        assert_eq!((rc, err), (0, vec![]), "{}", tag);
        (out_dump, out_ev)
    }

    #[test]
    fn a_dump_and_an_event_print_identically() {
        // A blackhole nexthop, protocol static.
        let mut body = vec![2u8, 0, 4, 0, 0, 0, 0, 0];
        body.extend(attr(1, &5u32.to_ne_bytes()));
        body.extend(attr(4, &[]));
        let nh = msg(super::super::nexthop::RTM_NEWNEXTHOP, 0, &body);
        let (d, e) = dump_and_event(&["nexthop", "show"], true, &nh, "nh");
        assert_eq!(String::from_utf8_lossy(&d), "id 5 blackhole proto static \n");
        assert_eq!(d, e);
        // A rule: 100: from all lookup 5.
        let mut body = vec![2u8, 0, 0, 0, 5, 0, 0, 1, 0, 0, 0, 0];
        body.extend(attr(6, &100u32.to_ne_bytes()));
        body.extend(attr(15, &5u32.to_ne_bytes()));
        let rule = msg(super::RTM_NEWRULE, 0, &body);
        let (d, e) = dump_and_event(&["rule", "show"], false, &rule, "rule");
        assert_eq!(String::from_utf8_lossy(&d), "100:\tfrom all lookup 5\n");
        assert_eq!(d, e);
        // Its deletion: the event says so.
        let del = msg(super::RTM_DELRULE, 0, &body);
        let (_, e) = dump_and_event(&["rule", "show"], false, &del, "ruledel");
        assert_eq!(String::from_utf8_lossy(&e), "Deleted 100:\tfrom all lookup 5\n");
    }
}
