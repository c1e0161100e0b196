//! `bridge vlan show|tunnelshow` (bridge/vlan.c, 6.1.0): the per-port VLAN
//! lists from an AF_BRIDGE link dump with RTEXT_FILTER_BRVLAN[_COMPRESSED],
//! `-s` from the RTM_GETSTATS bridge xstats, `-d` from RTM_GETVLAN; and
//! add/del (RTM_SETLINK/RTM_DELLINK with IFLA_AF_SPEC), set and global set
//! (RTM_NEWVLAN). The RTM_GETVLAN printers (`-d vlan show`, `global show`,
//! monitor) follow the source: this kernel has no VLAN filtering, so here
//! they are only exercised by unit tests.

use crate::args::keywords::{exact, kw, Table};
use crate::args::{matches, Args};
use crate::ctx::{Ctx, Headers};
use crate::error::{fail, Exit, Res};
use crate::names::LinkNames;
use crate::netlink::attr::{get_u16, get_u32, get_u64};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, Printer, T};

const IFLA_BRIDGE_VLAN_INFO: u16 = 2;
const IFLA_BRIDGE_VLAN_TUNNEL_INFO: u16 = 3;
const IFLA_BRIDGE_VLAN_TUNNEL_ID: u16 = 1;
const IFLA_BRIDGE_VLAN_TUNNEL_VID: u16 = 2;
const IFLA_BRIDGE_VLAN_TUNNEL_FLAGS: u16 = 3;

const BRIDGE_VLAN_INFO_MASTER: u16 = 1 << 0;
const BRIDGE_VLAN_INFO_PVID: u16 = 1 << 1;
const BRIDGE_VLAN_INFO_UNTAGGED: u16 = 1 << 2;
const BRIDGE_VLAN_INFO_RANGE_BEGIN: u16 = 1 << 3;
const BRIDGE_VLAN_INFO_RANGE_END: u16 = 1 << 4;
const BRIDGE_VLAN_INFO_BRENTRY: u16 = 1 << 5;

const RTM_GETSTATS: u16 = 94;
const RTM_GETVLAN: u16 = 114;
const IFLA_STATS_LINK_XSTATS: u16 = 2;
const IFLA_STATS_LINK_XSTATS_SLAVE: u16 = 3;
const LINK_XSTATS_TYPE_BRIDGE: u16 = 1;
const BRIDGE_XSTATS_VLAN: u16 = 1;
const BRIDGE_VLANDB_DUMP_FLAGS: u16 = 1;
const BRIDGE_VLANDB_DUMPF_STATS: u32 = 1;

const VLAN_ID_LEN: usize = 9;

pub const USAGE: &str = "Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
                      [ mcast_snooping MULTICAST_SNOOPING ]
                      [ mcast_querier MULTICAST_QUERIER ]
                      [ mcast_igmp_version IGMP_VERSION ]
                      [ mcast_mld_version MLD_VERSION ]
                      [ mcast_last_member_count LAST_MEMBER_COUNT ]
                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
                      [ mcast_querier_interval QUERIER_INTERVAL ]
                      [ mcast_query_interval QUERY_INTERVAL ]
                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    Vlan,
    Tunnel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Delete,
    Show,
    TunnelShow,
    Set,
    Global,
    Help,
}

/// do_vlan()'s commands (vlan.c, 6.1.0): prefixes, but `global` whole.
static COMMANDS: Table<Cmd> = Table::new(
    "bridge vlan",
    &[
        kw("add", Cmd::Add),
        kw("delete", Cmd::Delete),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("tunnelshow", Cmd::TunnelShow),
        kw("set", Cmd::Set),
        exact("global", Cmd::Global),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GlobalCmd {
    Show,
    Set,
}

/// vlan_global()'s commands, whole words.
static GLOBAL: Table<GlobalCmd> = Table::new(
    "bridge vlan global",
    &[
        exact("show", GlobalCmd::Show),
        exact("lst", GlobalCmd::Show),
        exact("list", GlobalCmd::Show),
        exact("set", GlobalCmd::Set),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AddOpt {
    Dev,
    Vid,
    Self_,
    Master,
    Pvid,
    Untagged,
    TunnelInfo,
    Help,
}

/// vlan_modify()'s words (whole; `help` a prefix, tested last; the rest ignored).
static ADD: Table<AddOpt> = Table::new(
    "bridge vlan add",
    &[
        exact("dev", AddOpt::Dev),
        exact("vid", AddOpt::Vid),
        exact("self", AddOpt::Self_),
        exact("master", AddOpt::Master),
        exact("pvid", AddOpt::Pvid),
        exact("untagged", AddOpt::Untagged),
        exact("tunnel_info", AddOpt::TunnelInfo),
        kw("help", AddOpt::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShowOpt {
    Dev,
    Vid,
}

/// vlan_show()'s words (whole; the rest ignored), for `show` and `tunnelshow`.
static SHOW: Table<ShowOpt> = Table::new("bridge vlan show", &[exact("dev", ShowOpt::Dev), exact("vid", ShowOpt::Vid)]);
static TUNNELSHOW: Table<ShowOpt> =
    Table::new("bridge vlan tunnelshow", &[exact("dev", ShowOpt::Dev), exact("vid", ShowOpt::Vid)]);
/// vlan_global_show()'s words.
static GLOBAL_SHOW: Table<ShowOpt> =
    Table::new("bridge vlan global show", &[exact("dev", ShowOpt::Dev), exact("vid", ShowOpt::Vid)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetOpt {
    Dev,
    Vid,
    State,
    McastRouter,
    Help,
}

/// vlan_option_set()'s words (whole; `help` a prefix, tested last).
static SET: Table<SetOpt> = Table::new(
    "bridge vlan set",
    &[
        exact("dev", SetOpt::Dev),
        exact("vid", SetOpt::Vid),
        exact("state", SetOpt::State),
        exact("mcast_router", SetOpt::McastRouter),
        kw("help", SetOpt::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GlobalSetOpt {
    Dev,
    Vid,
    /// An option of GLOBAL_OPTS (its index).
    Opt(usize),
    Help,
}

/// vlan_global_option_set()'s options: keyword, attribute, width in bytes.
const GLOBAL_OPTS: &[(&str, u16, u8)] = &[
    ("mcast_snooping", 3, 1),
    ("mcast_querier", 15, 1),
    ("mcast_igmp_version", 4, 1),
    ("mcast_mld_version", 5, 1),
    ("mcast_last_member_count", 6, 4),
    ("mcast_startup_query_count", 7, 4),
    ("mcast_last_member_interval", 8, 8),
    ("mcast_membership_interval", 10, 8),
    ("mcast_querier_interval", 11, 8),
    ("mcast_query_interval", 12, 8),
    ("mcast_query_response_interval", 13, 8),
    ("mcast_startup_query_interval", 14, 8),
];

/// vlan_global_option_set()'s words in its order, all whole.
static GLOBAL_SET: Table<GlobalSetOpt> = Table::new(
    "bridge vlan global set",
    &[
        exact("dev", GlobalSetOpt::Dev),
        exact("vid", GlobalSetOpt::Vid),
        exact("mcast_snooping", GlobalSetOpt::Opt(0)),
        exact("mcast_querier", GlobalSetOpt::Opt(1)),
        exact("mcast_igmp_version", GlobalSetOpt::Opt(2)),
        exact("mcast_mld_version", GlobalSetOpt::Opt(3)),
        exact("mcast_last_member_count", GlobalSetOpt::Opt(4)),
        exact("mcast_startup_query_count", GlobalSetOpt::Opt(5)),
        exact("mcast_last_member_interval", GlobalSetOpt::Opt(6)),
        exact("mcast_membership_interval", GlobalSetOpt::Opt(7)),
        exact("mcast_querier_interval", GlobalSetOpt::Opt(8)),
        exact("mcast_query_interval", GlobalSetOpt::Opt(9)),
        exact("mcast_query_response_interval", GlobalSetOpt::Opt(10)),
        exact("mcast_startup_query_interval", GlobalSetOpt::Opt(11)),
        exact("help", GlobalSetOpt::Help),
    ],
);

/// This object's keyword tables, its command table first.
pub static KEYWORDS: &[&dyn crate::args::keywords::Words] =
    &[&COMMANDS, &ADD, &SHOW, &TUNNELSHOW, &SET, &GLOBAL, &GLOBAL_SHOW, &GLOBAL_SET];

pub fn do_vlan(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else { return vlan_show(ctx, args, Subject::Vlan) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => vlan_modify(ctx, RTM_SETLINK, args),
        Some(Cmd::Delete) => vlan_modify(ctx, RTM_DELLINK, args),
        Some(Cmd::Show) => vlan_show(ctx, args, Subject::Vlan),
        Some(Cmd::TunnelShow) => vlan_show(ctx, args, Subject::Tunnel),
        Some(Cmd::Set) => vlan_option_set(ctx, args),
        Some(Cmd::Global) => match args.next() {
            None => vlan_global_show(ctx, args),
            Some(w) => match GLOBAL.find(&w) {
                Some(GlobalCmd::Show) => vlan_global_show(ctx, args),
                Some(GlobalCmd::Set) => vlan_global_option_set(ctx, args),
                None => Err(fail(255, USAGE)),
            },
        },
        Some(Cmd::Help) => Err(fail(255, USAGE)),
        None => Err(crate::error::unknown_command(&cmd, "bridge vlan")),
    }
}

/// parse_tunnel_info(): `id N[-M]` (each below 2^24).
fn parse_tunnel_info(args: &mut Args) -> Res<(u32, u32)> {
    let w = args.value()?;
    if !matches(&w, "id") {
        return Err(crate::error::invarg("tunnel id expected", &w));
    }
    let v = args.value()?;
    let (a, b) = match v.find('-') {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v.as_str(), None),
    };
    let parse = |s: &str| crate::args::num::get_u32(s, 0).filter(|n| *n < 1 << 24);
    // The reference names only the part before '-' in both messages.
    let start = parse(a).ok_or_else(|| crate::error::invarg("invalid tun id", a))?;
    let end = match b {
        Some(b) => parse(b).ok_or_else(|| crate::error::invarg("invalid tun id", a))?,
        None => 0,
    };
    Ok((start, end))
}

fn vlan_modify(ctx: &mut Ctx, cmd: u16, mut args: Args) -> Res<i32> {
    let mut d: Option<String> = None;
    let mut vid: i16 = -1;
    let mut vid_end: i16 = -1;
    let mut vflags: u16 = 0;
    let mut tunnel: Option<(u32, u32)> = None;
    let mut flags: u16 = 0;
    while let Some(w) = args.next() {
        match ADD.find(&w) {
            Some(AddOpt::Dev) => d = Some(args.value()?),
            Some(AddOpt::Vid) => {
                let v = args.value()?;
                match v.find('-') {
                    Some(i) => {
                        vid = crate::args::num::atoi(&v[..i]) as i16;
                        vid_end = crate::args::num::atoi(&v[i + 1..]) as i16;
                        vflags |= BRIDGE_VLAN_INFO_RANGE_BEGIN;
                    }
                    None => vid = crate::args::num::atoi(&v) as i16,
                }
            }
            Some(AddOpt::Self_) => flags |= crate::linkinfo::brport::BRIDGE_FLAGS_SELF,
            Some(AddOpt::Master) => flags |= crate::linkinfo::brport::BRIDGE_FLAGS_MASTER,
            Some(AddOpt::Pvid) => vflags |= BRIDGE_VLAN_INFO_PVID,
            Some(AddOpt::Untagged) => vflags |= BRIDGE_VLAN_INFO_UNTAGGED,
            Some(AddOpt::TunnelInfo) => tunnel = Some(parse_tunnel_info(&mut args)?),
            Some(AddOpt::Help) => {
                args.value()?;
            }
            None => {}
        }
    }
    let Some(d) = d.filter(|_| vid != -1) else {
        crate::eprintf!("Device and VLAN ID are required arguments.\n");
        return Ok(-1);
    };
    let index = ctx.ifindex(&d);
    if index == 0 {
        crate::eprintf!("Cannot find bridge device \"{}\"\n", d);
        return Ok(-1);
    }
    if vid >= 4096 {
        crate::eprintf!("Invalid VLAN ID \"{}\"\n", vid as u16);
        return Ok(-1);
    }
    if vflags & BRIDGE_VLAN_INFO_RANGE_BEGIN != 0 {
        if vid_end == -1 || vid_end >= 4096 || vid >= vid_end {
            crate::eprintf!("Invalid VLAN range \"{}-{}\"\n", vid as u16, vid_end as u16);
            return Ok(-1);
        }
        if vflags & BRIDGE_VLAN_INFO_PVID != 0 {
            crate::eprintf!("pvid cannot be configured for a vlan range\n");
            return Ok(-1);
        }
    }
    let mut req = Req::bounded(
        cmd,
        NLM_F_REQUEST,
        &ifinfomsg(AF_BRIDGE, index as i32, 0, 0),
        crate::netlink::attr::bound::VLAN_MODIFY,
    );
    let af = req.nest(IFLA_AF_SPEC);
    if flags != 0 {
        req.attr_u16(crate::linkinfo::brport::IFLA_BRIDGE_FLAGS, flags);
    }
    let tinfo = |req: &mut Req, vid: u16, id: u32, fl: u16| {
        let n = req.nest(IFLA_BRIDGE_VLAN_TUNNEL_INFO);
        req.attr_u32(IFLA_BRIDGE_VLAN_TUNNEL_ID, id);
        req.attr_u16(IFLA_BRIDGE_VLAN_TUNNEL_VID, vid);
        req.attr_u16(IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, fl);
        req.nest_end(n);
    };
    let vinfo = |req: &mut Req, fl: u16, vid: u16| {
        let mut b = [0u8; 4];
        b[..2].copy_from_slice(&fl.to_ne_bytes());
        b[2..].copy_from_slice(&vid.to_ne_bytes());
        req.attr(IFLA_BRIDGE_VLAN_INFO, &b);
    };
    match tunnel {
        Some((ts, te)) => {
            if vid_end != -1 && (vid_end as i32 - vid as u16 as i32) > 0 {
                tinfo(&mut req, vid as u16, ts, BRIDGE_VLAN_INFO_RANGE_BEGIN);
                tinfo(&mut req, vid_end as u16, te, BRIDGE_VLAN_INFO_RANGE_END);
            } else {
                tinfo(&mut req, vid as u16, ts, 0);
            }
        }
        None => {
            vinfo(&mut req, vflags, vid as u16);
            if vid_end != -1 {
                let fl = (vflags & !BRIDGE_VLAN_INFO_RANGE_BEGIN) | BRIDGE_VLAN_INFO_RANGE_END;
                vinfo(&mut req, fl, vid_end as u16);
            }
        }
    }
    req.nest_end(af);
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

const RTM_NEWVLAN: u16 = 112;
const BRIDGE_VLANDB_ENTRY: u16 = 1;
const BRIDGE_VLANDB_ENTRY_INFO: u16 = 1;
const BRIDGE_VLANDB_ENTRY_RANGE: u16 = 2;
const BRIDGE_VLANDB_ENTRY_STATE: u16 = 3;
const BRIDGE_VLANDB_ENTRY_MCAST_ROUTER: u16 = 6;
const BRIDGE_VLAN_INFO_ONLY_OPTS: u16 = 1 << 6;

/// vlan_option_set(): RTM_NEWVLAN with one BRIDGE_VLANDB_ENTRY whose
/// attributes follow the order of the arguments.
fn vlan_option_set(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    let mut req = Req::bounded(RTM_NEWVLAN, NLM_F_REQUEST, &hdr, crate::netlink::attr::bound::VLAN_OPTION_SET);
    let entry = req.nest(BRIDGE_VLANDB_ENTRY | crate::netlink::attr::NLA_F_NESTED);
    let mut have_dev = false;
    let mut vid: i16 = -1;
    while let Some(w) = args.next() {
        match SET.find(&w) {
            Some(SetOpt::Dev) => {
                let d = args.value()?;
                let idx = ctx.ifindex(&d);
                if idx == 0 {
                    crate::eprintf!("Cannot find network device \"{}\"\n", d);
                    return Ok(-1);
                }
                req.header_mut()[4..8].copy_from_slice(&idx.to_ne_bytes());
                have_dev = true;
            }
            Some(SetOpt::Vid) => {
                let v = args.value()?;
                let mut vid_end: i16 = -1;
                match v.find('-') {
                    Some(i) => {
                        vid = crate::args::num::atoi(&v[..i]) as i16;
                        vid_end = crate::args::num::atoi(&v[i + 1..]) as i16;
                        if vid >= vid_end || vid_end >= 4096 {
                            crate::eprintf!("Invalid VLAN range \"{}-{}\"\n", vid as u16, vid_end as u16);
                            return Ok(-1);
                        }
                    }
                    None => vid = crate::args::num::atoi(&v) as i16,
                }
                if vid >= 4096 {
                    crate::eprintf!("Invalid VLAN ID \"{}\"\n", vid as u16);
                    return Ok(-1);
                }
                let mut b = [0u8; 4];
                b[..2].copy_from_slice(&BRIDGE_VLAN_INFO_ONLY_OPTS.to_ne_bytes());
                b[2..].copy_from_slice(&(vid as u16).to_ne_bytes());
                req.attr(BRIDGE_VLANDB_ENTRY_INFO, &b);
                if vid_end != -1 {
                    req.attr_u16(BRIDGE_VLANDB_ENTRY_RANGE, vid_end as u16);
                }
            }
            Some(SetOpt::State) => {
                let v = args.value()?;
                let (n, used, _) = crate::args::num::c_strtoll(&v, 10);
                let mut state = n as i32;
                if v.is_empty() || used != v.len() {
                    state = crate::linkinfo::brport::parse_stp_state(&v);
                }
                if state == -1 {
                    crate::eprintf!("Error: invalid STP state\n");
                    return Ok(-1);
                }
                req.attr_u8(BRIDGE_VLANDB_ENTRY_STATE, state as u8);
            }
            Some(SetOpt::McastRouter) => {
                let v = args.value()?;
                match crate::args::num::get_u8(&v, 0) {
                    Some(m) => req.attr_u8(BRIDGE_VLANDB_ENTRY_MCAST_ROUTER, m),
                    None => return Err(crate::error::invarg("invalid mcast_router", &v)),
                }
            }
            Some(SetOpt::Help) => {
                args.value()?;
            }
            None => {}
        }
    }
    req.nest_end(entry);
    if !have_dev || vid == -1 {
        crate::eprintf!("Device and VLAN ID are required arguments.\n");
        return Ok(-1);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

const BRIDGE_VLANDB_GLOBAL_OPTIONS: u16 = 2;
const BRIDGE_VLANDB_DUMPF_GLOBAL: u32 = 1 << 1;

/// vlan_global_show(): the header and an RTM_GETVLAN dump of global options.
fn vlan_global_show(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    let mut vlan = 0u16;
    while let Some(w) = args.next() {
        let opt = GLOBAL_SHOW.find(&w);
        if opt == Some(ShowOpt::Dev) {
            let v = args.value()?;
            if filter_dev.is_some() {
                return Err(crate::error::duparg("dev", &v));
            }
            filter_dev = Some(v);
        } else if opt == Some(ShowOpt::Vid) {
            let v = args.value()?;
            if vlan != 0 {
                return Err(crate::error::duparg("vid", &v));
            }
            vlan = crate::args::num::atoi(&v) as u16;
        }
    }
    let mut index = 0u32;
    if let Some(d) = &filter_dev {
        index = ctx.ifindex(d);
        if index == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
    }
    ctx.p.new_json_obj();
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    let mut req = Req::new(RTM_GETVLAN, NLM_F_DUMP | NLM_F_REQUEST, &hdr);
    req.attr_u32(BRIDGE_VLANDB_DUMP_FLAGS, BRIDGE_VLANDB_DUMPF_GLOBAL);
    send_dump(ctx, &mut req)?;
    if !ctx.p.is_json() {
        ctx.p.raw(format!("{:<16}  {:<9}\n", "port", "vlan-id").as_bytes());
    }
    let mut cur: i64 = -1;
    let f = Filter { index, vlan };
    let stats = ctx.o.stats > 0;
    let hdr = ctx.headers;
    run_dump(ctx, &mut |p, names, m| print_vlan_rtm(p, names, hdr, m, f, &mut cur, false, true, stats))?;
    if cur != -1 {
        close_vlan_port(&mut ctx.p);
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// vlan_global_option_set(): RTM_NEWVLAN with BRIDGE_VLANDB_GLOBAL_OPTIONS
/// whose attributes follow the order of the arguments.
fn vlan_global_option_set(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut hdr = [0u8; 8];
    hdr[0] = AF_BRIDGE;
    let mut req = Req::bounded(RTM_NEWVLAN, NLM_F_REQUEST, &hdr, crate::netlink::attr::bound::VLAN_OPTION_SET);
    let nest = req.nest(BRIDGE_VLANDB_GLOBAL_OPTIONS | crate::netlink::attr::NLA_F_NESTED);
    let mut have_dev = false;
    let mut vid: i16 = -1;
    while let Some(w) = args.next() {
        let opt = GLOBAL_SET.find(&w);
        if opt == Some(GlobalSetOpt::Dev) {
            let d = args.value()?;
            let idx = ctx.ifindex(&d);
            if idx == 0 {
                crate::eprintf!("Cannot find network device \"{}\"\n", d);
                return Ok(-1);
            }
            req.header_mut()[4..8].copy_from_slice(&idx.to_ne_bytes());
            have_dev = true;
        } else if opt == Some(GlobalSetOpt::Vid) {
            let v = args.value()?;
            let mut vid_end: i16 = -1;
            match v.find('-') {
                Some(i) => {
                    vid = crate::args::num::atoi(&v[..i]) as i16;
                    vid_end = crate::args::num::atoi(&v[i + 1..]) as i16;
                    if vid >= vid_end || vid_end >= 4096 {
                        crate::eprintf!("Invalid VLAN range \"{}-{}\"\n", vid as u16, vid_end as u16);
                        return Ok(-1);
                    }
                }
                None => vid = crate::args::num::atoi(&v) as i16,
            }
            if vid >= 4096 {
                crate::eprintf!("Invalid VLAN ID \"{}\"\n", vid as u16);
                return Ok(-1);
            }
            req.attr_u16(1, vid as u16);
            if vid_end != -1 {
                req.attr_u16(2, vid_end as u16);
            }
        } else if let Some(GlobalSetOpt::Opt(i)) = opt {
            let Some((name, attr, width)) = GLOBAL_OPTS.get(i) else { continue };
            let v = args.value()?;
            let bad = || crate::error::invarg(&format!("invalid {}", name), &v);
            match width {
                1 => req.attr_u8(*attr, crate::args::num::get_u8(&v, 0).ok_or_else(bad)?),
                4 => req.attr_u32(*attr, crate::args::num::get_u32(&v, 0).ok_or_else(bad)?),
                _ => req.attr_u64(*attr, crate::args::num::get_u64(&v, 0).ok_or_else(bad)?),
            }
        } else if opt == Some(GlobalSetOpt::Help) {
            args.value()?;
        }
    }
    req.nest_end(nest);
    if !have_dev || vid == -1 {
        crate::eprintf!("Device and VLAN ID are required arguments.\n");
        return Ok(-1);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

#[derive(Clone, Copy, Default)]
pub struct Filter {
    index: u32,
    vlan: u16,
}

/// filter_vlan_check(): -1 stop, 0 skip, 1 show.
fn filter_vlan_check(f: Filter, vid: u16, flags: u16) -> i32 {
    if f.vlan != 0 && vid > f.vlan && flags & BRIDGE_VLAN_INFO_RANGE_END == 0 {
        return -1;
    }
    if flags & BRIDGE_VLAN_INFO_RANGE_BEGIN != 0 || vid < f.vlan {
        return 0;
    }
    1
}

fn send_dump(ctx: &mut Ctx, req: &mut Req) -> Res<()> {
    if let Err(e) = ctx.rtnl()?.dump_request(req) {
        return Err(crate::error::cannot_send_dump(e));
    }
    Ok(())
}

/// Runs the dump in progress through `f`; "Dump terminated" (exit 1) on failure.
fn run_dump(ctx: &mut Ctx, f: &mut dyn FnMut(&mut Printer, &mut LinkNames, &Msg) -> i32) -> Res<()> {
    let ok = ctx.dump_stream(|sh, m| if f(sh.p, sh.names, &m) < 0 { Err(Exit(-1)) } else { Ok(()) });
    if !matches!(ok, Ok(true)) {
        return Err(crate::error::dump_terminated());
    }
    Ok(())
}

fn vlan_show(ctx: &mut Ctx, mut args: Args, subject: Subject) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    let mut f = Filter::default();
    let table = if subject == Subject::Tunnel { &TUNNELSHOW } else { &SHOW };
    while let Some(w) = args.next() {
        let opt = table.find(&w);
        if opt == Some(ShowOpt::Dev) {
            let v = args.value()?;
            if filter_dev.is_some() {
                return Err(crate::error::duparg("dev", &v));
            }
            filter_dev = Some(v);
        } else if opt == Some(ShowOpt::Vid) {
            let v = args.value()?;
            if f.vlan != 0 {
                return Err(crate::error::duparg("vid", &v));
            }
            f.vlan = crate::args::num::atoi(&v) as u16;
        }
    }
    if let Some(d) = &filter_dev {
        f.index = ctx.ifindex(d);
        if f.index == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
    }
    ctx.p.new_json_obj();
    let header = |p: &mut Printer, tunnel: bool| {
        if !p.is_json() {
            p.raw(format!("{:<16}  {:<9}", "port", "vlan-id").as_bytes());
            if tunnel {
                p.raw(b"  tunnel-id");
            }
            p.raw(b"\n");
        }
    };
    if ctx.o.details > 0 && subject == Subject::Vlan {
        // br_vlan_msg: family, two reserved fields, ifindex.
        let mut hdr = [0u8; 8];
        hdr[0] = AF_BRIDGE;
        let mut req = Req::new(RTM_GETVLAN, NLM_F_DUMP | NLM_F_REQUEST, &hdr);
        let flags = if ctx.o.stats > 0 { BRIDGE_VLANDB_DUMPF_STATS } else { 0 };
        req.attr_u32(BRIDGE_VLANDB_DUMP_FLAGS, flags);
        send_dump(ctx, &mut req)?;
        header(&mut ctx.p, false);
        let mut cur: i64 = -1;
        let stats = ctx.o.stats > 0;
        let hdr = ctx.headers;
        run_dump(ctx, &mut |p, names, m| print_vlan_rtm(p, names, hdr, m, f, &mut cur, false, false, stats))?;
        if cur != -1 {
            close_vlan_port(&mut ctx.p);
        }
    } else if ctx.o.stats == 0 {
        let mask = if ctx.o.compress_vlans > 0 { RTEXT_FILTER_BRVLAN_COMPRESSED } else { RTEXT_FILTER_BRVLAN };
        let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_BRIDGE, 0, 0, 0));
        req.attr_u32(IFLA_EXT_MASK, mask);
        send_dump(ctx, &mut req)?;
        header(&mut ctx.p, subject == Subject::Tunnel);
        run_dump(ctx, &mut |p, names, m| print_vlan(p, names, m, f, subject))?;
    } else {
        let stats_req = |mask: u32| {
            let mut hdr = [0u8; 12];
            hdr[0] = AF_UNSPEC;
            hdr[8..12].copy_from_slice(&mask.to_ne_bytes());
            Req::new(RTM_GETSTATS, NLM_F_DUMP | NLM_F_REQUEST, &hdr)
        };
        let mut req = stats_req(1 << (IFLA_STATS_LINK_XSTATS - 1));
        send_dump(ctx, &mut req)?;
        if !ctx.p.is_json() {
            ctx.p.raw(format!("{:<16}  vlan-id\n", "port").as_bytes());
        }
        run_dump(ctx, &mut |p, names, m| print_vlan_stats(p, names, m, f))?;
        let mut req = stats_req(1 << (IFLA_STATS_LINK_XSTATS_SLAVE - 1));
        if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
            crate::eprintf!("Cannot send slave dump request: {}\n", crate::error::strerror(e));
            return Err(Exit(1));
        }
        run_dump(ctx, &mut |p, names, m| print_vlan_stats(p, names, m, f))?;
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

fn open_vlan_port(p: &mut Printer, names: &mut LinkNames, ifindex: u32, subject: Subject) {
    p.open_object(None);
    let n = names.name_own_socket(ifindex);
    p.field(
        T::Any,
        Color::Ifname,
        Some("ifname"),
        crate::print::J::Str(&n),
        format_args!("{:<16}  ", crate::print::fmt::C(&n)),
    );
    p.open_array(T::Json, if subject == Subject::Vlan { "vlans" } else { "tunnels" });
}

fn close_vlan_port(p: &mut Printer) {
    p.close_array(T::Json, "");
    p.close_object();
}

/// print_range(): "START[-END]"; returns the text width.
fn print_range(p: &mut Printer, name: &str, start: u32, id: u32) -> usize {
    p.uint(T::Any, name, "{}", start as u64);
    let mut w = start.to_string().len();
    if start != id {
        p.uint(T::Any, &format!("{}End", name), "-{}", id as u64);
        w += 1 + id.to_string().len();
    }
    if p.is_json() {
        0
    } else {
        w
    }
}

fn print_vlan_flags(p: &mut Printer, flags: u16) {
    if flags == 0 {
        return;
    }
    p.open_array(T::Json, "flags");
    if flags & BRIDGE_VLAN_INFO_PVID != 0 {
        p.string_nokey(T::Any, " {}", "PVID");
    }
    if flags & BRIDGE_VLAN_INFO_UNTAGGED != 0 {
        p.string_nokey(T::Any, " {}", "Egress Untagged");
    }
    p.close_array(T::Json, "");
}

/// The IFLA_AF_SPEC of a link message, when sent without the nested flag
/// (print_vlan() parses without masking the flag bits).
fn af_spec(body: &[u8]) -> Option<&[u8]> {
    let mut b = body;
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            return None;
        }
        if t == IFLA_AF_SPEC {
            return Some(&b[4..len]);
        }
        b = &b[crate::netlink::attr::align4(len).min(b.len())..];
    }
    None
}

/// Raw attributes (type with its flag bits) of a buffer.
fn raw_attrs(buf: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut b = buf;
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            break;
        }
        out.push((t, &b[4..len]));
        b = &b[crate::netlink::attr::align4(len).min(b.len())..];
    }
    out
}

fn print_vlan(p: &mut Printer, names: &mut LinkNames, m: &Msg, f: Filter, subject: Subject) -> i32 {
    if m.ty != RTM_NEWLINK {
        crate::eprintf!("Not RTM_NEWLINK: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some((family, _, index, _, _)) = ifinfo(m.payload) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 16);
        return -1;
    };
    if family != AF_BRIDGE {
        return 0;
    }
    if f.index != 0 && f.index != index as u32 {
        return 0;
    }
    let Some(af) = af_spec(m.payload.get(IFINFOMSG_LEN..).unwrap_or(&[])) else { return 0 };
    let ifindex = index as u32;
    let mut opened = false;
    match subject {
        Subject::Vlan => {
            let mut last_start = 0u16;
            for (t, d) in raw_attrs(af) {
                if t != IFLA_BRIDGE_VLAN_INFO {
                    continue;
                }
                let flags = get_u16(d).unwrap_or(0);
                let vid = d.get(2..).and_then(get_u16).unwrap_or(0);
                if flags & BRIDGE_VLAN_INFO_RANGE_END == 0 {
                    last_start = vid;
                }
                match filter_vlan_check(f, vid, flags) {
                    -1 => break,
                    0 => continue,
                    _ => {}
                }
                if !opened {
                    open_vlan_port(p, names, ifindex, Subject::Vlan);
                    opened = true;
                } else {
                    p.fp(&format!("{:<16}  ", ""));
                }
                p.open_object(None);
                print_range(p, "vlan", last_start as u32, vid as u32);
                print_vlan_flags(p, flags);
                p.close_object();
                p.nl();
            }
        }
        Subject::Tunnel => {
            let mut last_vid = 0u16;
            let mut last_tun = 0u32;
            for (t, d) in raw_attrs(af) {
                if t != IFLA_BRIDGE_VLAN_TUNNEL_INFO {
                    continue;
                }
                let tt = Tb::parse(d, 3);
                let Some(vid) = tt.u16(IFLA_BRIDGE_VLAN_TUNNEL_VID) else { continue };
                let id = tt.u32(IFLA_BRIDGE_VLAN_TUNNEL_ID).unwrap_or(0);
                let flags = tt.u16(IFLA_BRIDGE_VLAN_TUNNEL_FLAGS).unwrap_or(0);
                if flags & BRIDGE_VLAN_INFO_RANGE_END == 0 {
                    last_vid = vid;
                    last_tun = id;
                }
                match filter_vlan_check(f, vid, flags) {
                    -1 => break,
                    0 => continue,
                    _ => {}
                }
                if !opened {
                    open_vlan_port(p, names, ifindex, Subject::Tunnel);
                    opened = true;
                } else {
                    p.fp(&format!("{:<16}  ", ""));
                }
                p.open_object(None);
                let width = print_range(p, "vlan", last_vid as u32, vid as u32);
                if width <= VLAN_ID_LEN {
                    p.fp(&format!("{:<w$}  ", "", w = VLAN_ID_LEN - width));
                } else {
                    crate::eprintf!("BUG: vlan range too wide, {}\n", width);
                }
                print_range(p, "tunid", last_tun, id);
                p.close_object();
                p.nl();
            }
        }
    }
    if opened {
        close_vlan_port(p);
    }
    0
}

fn print_vlan_stats_attr(p: &mut Printer, names: &mut LinkNames, attr: &[u8], ifindex: u32, f: Filter) {
    let tb = Tb::parse(attr, 2);
    let Some(list) = tb.get(LINK_XSTATS_TYPE_BRIDGE) else { return };
    let mut found = false;
    for (t, d) in raw_attrs(list) {
        if t != BRIDGE_XSTATS_VLAN {
            continue;
        }
        let rd = |o: usize| d.get(o..o + 8).and_then(get_u64).unwrap_or(0);
        let vid = d.get(32..34).and_then(get_u16).unwrap_or(0);
        let flags = d.get(34..36).and_then(get_u16).unwrap_or(0);
        if f.vlan != 0 && f.vlan != vid {
            continue;
        }
        if flags & BRIDGE_VLAN_INFO_MASTER != 0 && flags & BRIDGE_VLAN_INFO_BRENTRY == 0 {
            continue;
        }
        if !found {
            open_vlan_port(p, names, ifindex, Subject::Vlan);
            found = true;
        } else {
            p.fp(&format!("{:<16}  ", ""));
        }
        p.open_object(None);
        p.uint(T::Any, "vid", "{}", vid as u64);
        print_vlan_flags(p, flags);
        p.nl();
        let pad = format!("{:<16}    ", "");
        p.fp(&pad);
        p.uint(T::Any, "rx_bytes", "RX: {} bytes", rd(0));
        p.uint(T::Any, "rx_packets", " {} packets\n", rd(8));
        p.fp(&pad);
        p.uint(T::Any, "tx_bytes", "TX: {} bytes", rd(16));
        p.uint(T::Any, "tx_packets", " {} packets\n", rd(24));
        p.close_object();
    }
    if found {
        close_vlan_port(p);
    }
}

fn print_vlan_stats(p: &mut Printer, names: &mut LinkNames, m: &Msg, f: Filter) -> i32 {
    let Some(h) = m.payload.get(..12) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12);
        return -1;
    };
    let ifindex = get_u32(&h[4..8]).unwrap_or(0);
    if f.index != 0 && f.index != ifindex {
        return 0;
    }
    let body = m.payload.get(12..).unwrap_or(&[]);
    let mut x = None;
    let mut xs = None;
    for (t, d) in raw_attrs(body) {
        if t == IFLA_STATS_LINK_XSTATS && x.is_none() {
            x = Some(d);
        } else if t == IFLA_STATS_LINK_XSTATS_SLAVE && xs.is_none() {
            xs = Some(d);
        }
    }
    if let Some(d) = x {
        print_vlan_stats_attr(p, names, d, ifindex, f);
    }
    if let Some(d) = xs {
        print_vlan_stats_attr(p, names, d, ifindex, f);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vlan_filter() {
        let f = Filter { index: 0, vlan: 10 };
        assert_eq!(filter_vlan_check(f, 5, 0), 0);
        assert_eq!(filter_vlan_check(f, 10, 0), 1);
        assert_eq!(filter_vlan_check(f, 11, 0), -1);
        assert_eq!(filter_vlan_check(f, 12, BRIDGE_VLAN_INFO_RANGE_END), 1);
        assert_eq!(filter_vlan_check(Filter::default(), 1, BRIDGE_VLAN_INFO_RANGE_BEGIN), 0);
    }
}

const RTM_DELVLAN: u16 = 113;
const BRIDGE_VLANDB_MAX: u16 = 2;

/// print_vlan_rtm(): one RTM_*VLAN message. `cur` is the port whose block
/// is open (-1: none), kept across the messages of a dump.
#[allow(clippy::too_many_arguments)]
pub fn print_vlan_rtm(
    p: &mut Printer,
    names: &mut LinkNames,
    hdr: Headers,
    m: &Msg,
    f: Filter,
    cur: &mut i64,
    monitor: bool,
    global_only: bool,
    stats: bool,
) -> i32 {
    if m.ty != RTM_NEWVLAN && m.ty != RTM_DELVLAN && m.ty != RTM_GETVLAN {
        crate::eprintf!("Unknown vlan rtm message: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some(h) = m.payload.get(..8) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 8);
        return -1;
    };
    if h[0] != AF_BRIDGE {
        return 0;
    }
    let ifindex = get_u32(&h[4..8]).unwrap_or(0);
    if f.index != 0 && f.index != ifindex {
        return 0;
    }
    hdr.print(p, "[VLAN]");
    if m.ty == RTM_DELVLAN {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if monitor {
        *cur = -1;
    }
    if *cur != -1 && *cur != ifindex as i64 {
        close_vlan_port(p);
        *cur = -1;
    }
    for (t, d) in raw_attrs(&m.payload[8..]) {
        let ty = t & crate::netlink::attr::NLA_TYPE_MASK;
        if ty > BRIDGE_VLANDB_MAX || (global_only && ty != BRIDGE_VLANDB_GLOBAL_OPTIONS) {
            continue;
        }
        match ty {
            BRIDGE_VLANDB_ENTRY => print_vlan_opts(p, names, d, ifindex, f, cur, stats),
            BRIDGE_VLANDB_GLOBAL_OPTIONS => print_vlan_global_opts(p, names, d, ifindex, f, cur, stats),
            _ => {}
        }
    }
    0
}

/// Opens the port block, or pads the line when it is already open.
fn vlan_rtm_port(p: &mut Printer, names: &mut LinkNames, ifindex: u32, cur: &mut i64) {
    if *cur != ifindex as i64 {
        open_vlan_port(p, names, ifindex, Subject::Vlan);
        p.open_object(None);
        *cur = ifindex as i64;
    } else {
        p.open_object(None);
        p.fp(&format!("{:<16}  ", ""));
    }
}

fn print_vlan_opts(
    p: &mut Printer,
    names: &mut LinkNames,
    a: &[u8],
    ifindex: u32,
    f: Filter,
    cur: &mut i64,
    stats: bool,
) {
    let vtb = Tb::parse(a, 6);
    // The reference reads the info unconditionally (a crash without it).
    let Some(info) = vtb.get(BRIDGE_VLANDB_ENTRY_INFO).filter(|d| d.len() >= 4) else { return };
    let vflags = u16::from_ne_bytes([info[0], info[1]]);
    let vid = u16::from_ne_bytes([info[2], info[3]]);
    let vrange = vtb.u16(BRIDGE_VLANDB_ENTRY_RANGE).unwrap_or(vid);
    if f.vlan != 0 && (f.vlan < vid || f.vlan > vrange) {
        return;
    }
    let state = vtb.u8(BRIDGE_VLANDB_ENTRY_STATE).unwrap_or(0);
    let mut vs = [0u64; 4]; // rx_bytes, rx_packets, tx_bytes, tx_packets
    if let Some(st) = vtb.get(5) {
        let stb = Tb::parse(st, 5);
        for (i, slot) in vs.iter_mut().enumerate() {
            if let Some(v) = stb.u64(i as u16 + 1) {
                *slot = v;
            }
        }
    }
    vlan_rtm_port(p, names, ifindex, cur);
    print_range(p, "vlan", vid as u32, vrange as u32);
    print_vlan_flags(p, vflags);
    p.nl();
    p.fp(&format!("{:<16}    ", ""));
    crate::linkinfo::brport::print_stp_state(p, state);
    if let Some(r) = vtb.u8(BRIDGE_VLANDB_ENTRY_MCAST_ROUTER) {
        p.uint(T::Any, "mcast_router", "mcast_router {} ", r as u64);
    }
    p.nl();
    if stats {
        let pad = format!("{:<16}    ", "");
        p.fp(&pad);
        p.uint(T::Any, "rx_bytes", "RX: {} bytes", vs[0]);
        p.uint(T::Any, "rx_packets", " {} packets\n", vs[1]);
        p.fp(&pad);
        p.uint(T::Any, "tx_bytes", "TX: {} bytes", vs[2]);
        p.uint(T::Any, "tx_packets", " {} packets\n", vs[3]);
    }
    p.close_object();
}

fn print_vlan_global_opts(
    p: &mut Printer,
    names: &mut LinkNames,
    a: &[u8],
    ifindex: u32,
    f: Filter,
    cur: &mut i64,
    stats: bool,
) {
    let vtb = Tb::parse(a, 19);
    let Some(vid) = vtb.u16(1) else { return };
    let vrange = vtb.u16(2).unwrap_or(vid);
    if f.vlan != 0 && (f.vlan < vid || f.vlan > vrange) {
        return;
    }
    vlan_rtm_port(p, names, ifindex, cur);
    print_range(p, "vlan", vid as u32, vrange as u32);
    p.nl();
    p.fp(&format!("{:<16}    ", ""));
    let u8opt = |p: &mut Printer, a: u16, key: &str| {
        if let Some(v) = vtb.u8(a) {
            p.uint_fmt(T::Any, key, &format!("{} {{}} ", key), v as u64);
        }
    };
    u8opt(p, 3, "mcast_snooping");
    u8opt(p, 15, "mcast_querier");
    u8opt(p, 4, "mcast_igmp_version");
    u8opt(p, 5, "mcast_mld_version");
    // (sic) the reference tests the MLD version before the member count.
    if vtb.has(5) {
        if let Some(v) = vtb.u32(6) {
            p.uint(T::Any, "mcast_last_member_count", "mcast_last_member_count {} ", v as u64);
        }
    }
    let u64opt = |p: &mut Printer, a: u16, key: &str| {
        if let Some(v) = vtb.u64(a) {
            p.uint_fmt(T::Any, key, &format!("{} {{}} ", key), v);
        }
    };
    u64opt(p, 8, "mcast_last_member_interval");
    if let Some(v) = vtb.u32(7) {
        p.uint(T::Any, "mcast_startup_query_count", "mcast_startup_query_count {} ", v as u64);
    }
    u64opt(p, 14, "mcast_startup_query_interval");
    u64opt(p, 10, "mcast_membership_interval");
    u64opt(p, 11, "mcast_querier_interval");
    u64opt(p, 12, "mcast_query_interval");
    u64opt(p, 13, "mcast_query_response_interval");
    p.nl();
    if let Some(rp) = vtb.get(16) {
        print_vlan_router_ports(p, names, rp, stats);
    }
    p.close_object();
}

/// print_vlan_router_ports(): the reference hands it the first port
/// attribute itself, so it walks that attribute's payload as the list.
fn print_vlan_router_ports(p: &mut Printer, names: &mut LinkNames, list: &[u8], stats: bool) {
    let first = raw_attrs(list).first().map(|(_, d)| *d).unwrap_or(&[]);
    p.fp(&format!("{:<16}    ", ""));
    let key = if p.is_json() { "router_ports" } else { "router ports: " };
    p.open_array(T::Any, key);
    for (n, (_, d)) in raw_attrs(first).into_iter().enumerate() {
        let name = names.name_own_socket(get_u32(d).unwrap_or(0));
        p.open_object(None);
        if stats && n > 0 {
            p.nl();
            p.fp(&format!("{:<16}    {:14}", "", ""));
        }
        p.string(T::Any, "port", "{} ", &name);
        if stats {
            crate::linkinfo::brport::print_router_port_stats(p, d);
        }
        p.close_object();
    }
    p.close_array(T::Json, "");
    p.nl();
}

#[cfg(test)]
mod rtm_tests {
    use super::*;
    use crate::netlink::msgs;
    use crate::print::Captured as Buf;
    use crate::print::Mode;

    fn entry(r: &mut Req, flags: u16, vid: u16, range: Option<u16>, state: u8, router: Option<u8>) {
        let n = r.nest(BRIDGE_VLANDB_ENTRY | crate::netlink::attr::NLA_F_NESTED);
        let mut b = [0u8; 4];
        b[..2].copy_from_slice(&flags.to_ne_bytes());
        b[2..].copy_from_slice(&vid.to_ne_bytes());
        r.attr(BRIDGE_VLANDB_ENTRY_INFO, &b);
        if let Some(x) = range {
            r.attr_u16(BRIDGE_VLANDB_ENTRY_RANGE, x);
        }
        r.attr_u8(BRIDGE_VLANDB_ENTRY_STATE, state);
        if let Some(x) = router {
            r.attr_u8(BRIDGE_VLANDB_ENTRY_MCAST_ROUTER, x);
        }
        r.nest_end(n);
    }

    #[test]
    fn vlandb_entries_text() {
        let mut hdr = [0u8; 8];
        hdr[0] = AF_BRIDGE;
        hdr[4..8].copy_from_slice(&4u32.to_ne_bytes());
        let mut r = Req::new(RTM_GETVLAN, 0, &hdr);
        entry(&mut r, BRIDGE_VLAN_INFO_PVID | BRIDGE_VLAN_INFO_UNTAGGED, 1, None, 3, None);
        entry(&mut r, 0, 10, Some(20), 0, Some(1));
        let buf = Buf::default();
        {
            let mut p = Printer::new(Box::new(buf.clone()), Mode::default());
            let mut names = LinkNames::new();
            names.offline = true;
            let mut cur = -1;
            for m in msgs(r.bytes()) {
                print_vlan_rtm(
                    &mut p,
                    &mut names,
                    Headers::default(),
                    &m,
                    Filter::default(),
                    &mut cur,
                    false,
                    false,
                    false,
                );
            }
            assert_eq!(cur, 4);
            let _ = p.flush();
        }
        let out = String::from_utf8(buf.0.borrow().clone()).unwrap();
        let pad18 = " ".repeat(18);
        let pad20 = " ".repeat(20);
        assert_eq!(
            out,
            format!(
                "if4{}1 PVID Egress Untagged\n{}state forwarding \n{}10-20\n{}state disabled mcast_router 1 \n",
                " ".repeat(15),
                pad20,
                pad18,
                pad20
            )
        );
    }
}
