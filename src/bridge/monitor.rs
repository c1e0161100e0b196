//! `bridge monitor` (bridge/monitor.c, 6.1.0): link, fdb, mdb (and vlan,
//! vni) events from rtnetlink multicast groups, or from a file saved by
//! rtmon. Printed with the same functions as the dumps.

use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{fail, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Msg, Rtnl};

const RTMGRP_TC: u32 = 8;
const RTNLGRP_LINK: u32 = 1;
const RTNLGRP_NEIGH: u32 = 3;
const RTNLGRP_MDB: u32 = 26;
const RTNLGRP_BRVLAN: u32 = 33;
const RTNLGRP_TUNNEL: u32 = 35;

const USAGE: &str = "Usage: bridge monitor [file | link | fdb | mdb | vlan | vni | all]\n";

fn nl_mgrp(group: u32) -> u32 {
    if group > 31 {
        0
    } else {
        1 << (group - 1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    File,
    Link,
    Fdb,
    Mdb,
    Vlan,
    Vni,
    All,
    Help,
}

/// do_monitor()'s words (monitor.c, 6.1.0): prefixes, but `vni` and `all` whole.
static WORDS: Table<Word> = Table::new(
    "bridge monitor",
    &[
        kw("file", Word::File),
        kw("link", Word::Link),
        kw("fdb", Word::Fdb),
        kw("mdb", Word::Mdb),
        kw("vlan", Word::Vlan),
        exact("vni", Word::Vni),
        exact("all", Word::All),
        kw("help", Word::Help),
    ],
);

/// This object's keyword tables, its command table first.
pub static KEYWORDS: &[&dyn crate::args::keywords::Words] = &[&WORDS];

pub fn do_monitor(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    // The reference closes its socket first; lookups reopen one.
    ctx.reset_rtnl();
    let mut file: Option<String> = None;
    let mut groups: u32 = !RTMGRP_TC;
    let (mut llink, mut lneigh, mut lmdb, mut lvlan, mut lvni, mut banner) = (false, false, false, false, false, false);
    while let Some(w) = args.next() {
        match WORDS.find(&w) {
            Some(Word::File) => file = Some(args.value()?),
            Some(Word::Link) => {
                llink = true;
                groups = 0;
            }
            Some(Word::Fdb) => {
                lneigh = true;
                groups = 0;
            }
            Some(Word::Mdb) => {
                lmdb = true;
                groups = 0;
            }
            Some(Word::Vlan) => {
                lvlan = true;
                groups = 0;
            }
            Some(Word::Vni) => {
                lvni = true;
                groups = 0;
            }
            Some(Word::All) => {
                groups = !RTMGRP_TC;
                lvlan = true;
                lvni = true;
                banner = true;
            }
            Some(Word::Help) => return Err(fail(255, USAGE)),
            None => return Err(fail(255, &format!("Argument \"{}\" is unknown, try \"bridge monitor help\".\n", w))),
        }
    }
    if llink {
        groups |= nl_mgrp(RTNLGRP_LINK);
    }
    if lneigh {
        groups |= nl_mgrp(RTNLGRP_NEIGH);
    }
    if lmdb {
        groups |= nl_mgrp(RTNLGRP_MDB);
    }
    ctx.headers = crate::ctx::Headers { timestamp: ctx.o.timestamp > 0, banner };

    if let Some(f) = file {
        return from_file(ctx, &f);
    }

    // One socket, bound to the groups, serves the link dump and the events.
    match Rtnl::open_groups(groups) {
        Ok(r) => ctx.set_rtnl(r),
        Err(msg) => return Err(fail(1, &msg)),
    }
    let rtnl = ctx.rtnl()?;
    if lvlan && !rtnl.add_membership(RTNLGRP_BRVLAN) {
        return Err(fail(1, "Failed to add bridge vlan group to list\n"));
    }
    if lvni && !rtnl.add_membership(RTNLGRP_TUNNEL) {
        return Err(fail(1, "Failed to add bridge vni group to list\n"));
    }
    ctx.init_map()?;
    if ctx.listen(None, false, |ctx, _, m| accept(ctx, m))? < 0 {
        let _ = ctx.p.flush();
        return Err(Exit(2));
    }
    Ok(0)
}

/// accept_msg(): one event through its printer.
fn accept(ctx: &mut Ctx, m: &Msg) -> i32 {
    let details = ctx.o.details > 0;
    let stats = ctx.o.stats > 0;
    let hdr = ctx.headers;
    let Ctx { p, names, .. } = ctx;
    let r = match m.ty {
        RTM_NEWLINK | RTM_DELLINK => super::link::print_linkinfo(p, names, hdr, m, 0, details),
        RTM_NEWNEIGH | RTM_DELNEIGH => super::fdb::print_fdb_mon(p, names, hdr, m, stats),
        84 | 85 => super::mdb::print_mdb_mon(p, names, hdr, m, details, stats),
        120 | 121 => super::vni::print_vnifilter(p, names, hdr, m, 0),
        // NLMSG_TSTAMP (rtmon files): print_nlmsg_timestamp().
        15 => {
            let secs = crate::netlink::attr::hdr_u32(m.payload, 0);
            let usecs = crate::netlink::attr::hdr_u32(m.payload, 4);
            p.raw(format!("Timestamp: {} {} us\n", crate::sys::asctime(secs as crate::sys::TimeT), usecs).as_bytes());
            0
        }
        112 | 113 => {
            let mut cur = -1;
            super::vlan::print_vlan_rtm(p, names, hdr, m, Default::default(), &mut cur, true, false, stats)
        }
        _ => 0,
    };
    let _ = p.flush();
    r
}

/// rtnl_from_file(): nlmsghdr-framed messages, one after another.
fn from_file(ctx: &mut Ctx, name: &str) -> Res<i32> {
    use std::io::Read;
    let mut f = match std::fs::File::open(&*crate::args::bytes::os(name)) {
        Ok(f) => f,
        Err(e) => {
            crate::eprintf!("Cannot fopen: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
            return Err(Exit(255));
        }
    };
    let mut data = Vec::new();
    if let Err(e) = f.read_to_end(&mut data) {
        crate::eprintf!("rtnl_from_file: fread: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
        return Ok(-1);
    }
    let mut off = 0usize;
    loop {
        if off == data.len() {
            return Ok(0);
        }
        if data.len() - off < 16 {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Ok(-1);
        }
        let len = u32::from_ne_bytes([data[off], data[off + 1], data[off + 2], data[off + 3]]) as i32;
        if !(16..=16384).contains(&len) {
            crate::eprintf!("!!!malformed message: len={} @{}\n", len, off + 16);
            return Ok(-1);
        }
        let body = crate::netlink::attr::align4(len as usize - 16);
        if data.len() - off - 16 < body {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Ok(-1);
        }
        let msg = &data[off..off + len as usize];
        off += 16 + body;
        if let Some(m) = msgs(msg).next() {
            let r = accept(ctx, &m);
            if r < 0 {
                return Ok(r);
            }
        }
    }
}
