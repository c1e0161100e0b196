//! `ip stats` (ip/ipstats.c of iproute2 6.1.0): a link's statistics
//! suites from RTM_GETSTATS, chosen by group, subgroup and suite, and
//! `set dev DEV l3_stats on|off` (RTM_SETSTATS).
//!
//! The suites form a tree (groups of leaves); what the command line
//! selects becomes a list of leaves, which ipstats.c sorts by the address
//! of each leaf's descriptor in the binary. That order is part of the
//! output, so the leaves here are ranked in the order 6.1.0 prints them.

use crate::args::keywords::{exact, List, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Opts};
use crate::error::{eprint_raw, Exit, Res};
use crate::netlink::attr::{get_u64, get_u8, hdr_u32, NLA_F_NESTED};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, Printer, T};

const RTM_GETSTATS: u16 = 94;
const RTM_SETSTATS: u16 = 95;
// linux/if_link.h
const IFLA_STATS_LINK_64: u16 = 1;
const IFLA_STATS_LINK_XSTATS: u16 = 2;
const IFLA_STATS_LINK_XSTATS_SLAVE: u16 = 3;
const IFLA_STATS_LINK_OFFLOAD_XSTATS: u16 = 4;
const IFLA_STATS_AF_SPEC: u16 = 5;
const IFLA_STATS_MAX: usize = 5;
const IFLA_STATS_GET_FILTERS: u16 = 1;
const IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS: u16 = 2;
const LINK_XSTATS_TYPE_BRIDGE: u16 = 1;
const LINK_XSTATS_TYPE_BOND: u16 = 2;
const LINK_XSTATS_TYPE_MAX: usize = 2;
const IFLA_OFFLOAD_XSTATS_CPU_HIT: u16 = 1;
const IFLA_OFFLOAD_XSTATS_HW_S_INFO: u16 = 2;
const IFLA_OFFLOAD_XSTATS_L3_STATS: u16 = 3;
const IFLA_OFFLOAD_XSTATS_MAX: usize = 3;
const HW_S_INFO_REQUEST: u16 = 1;
const HW_S_INFO_USED: u16 = 2;
const HW_S_INFO_MAX: usize = 2;
/// AF_MAX - 1 of the glibc 6.1.0 was built with.
const AF_SPEC_MAX: usize = 45;
const MPLS_STATS_LINK: u16 = 1;
const BRIDGE_XSTATS_MCAST: u16 = 2;
const BRIDGE_XSTATS_STP: u16 = 4;
const BRIDGE_XSTATS_MAX: usize = 4;
const BOND_XSTATS_3AD: u16 = 1;
const BOND_XSTATS_MAX: usize = 1;
const BOND_3AD_STAT_MAX: usize = 9;
const EINVAL: i32 = 22;
const ENOENT: i32 = 2;
/// sizeof(struct if_stats_msg)
const IFSM_LEN: usize = 12;
/// sizeof(struct ipstats_req): what a stats dump request sends.
const IPSTATS_REQ_LEN: usize = 16 + IFSM_LEN + 128;

/// The leaves, in the order ipstats.c's qsort by descriptor address
/// leaves them in the 6.1.0 binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Leaf {
    AfMpls,
    Link,
    L3Stats,
    HwSInfo,
    CpuHit,
    SlaveBondLacp,
    BondLacp,
    SlaveBridgeMcast,
    SlaveBridgeStp,
    BridgeMcast,
    BridgeStp,
}

enum Node {
    Leaf(Leaf),
    Group(&'static [Desc]),
}

struct Desc {
    name: &'static str,
    node: Node,
}

const fn leaf(name: &'static str, l: Leaf) -> Desc {
    Desc { name, node: Node::Leaf(l) }
}

const fn group(name: &'static str, subs: &'static [Desc]) -> Desc {
    Desc { name, node: Node::Group(subs) }
}

/// The root; its name is only printed ("... found inside top-level").
static TOPLEV: Desc = group(
    "",
    &[
        leaf("link", Leaf::Link),
        group(
            "xstats",
            &[
                group("bridge", &[leaf("stp", Leaf::BridgeStp), leaf("mcast", Leaf::BridgeMcast)]),
                group("bond", &[leaf("802.3ad", Leaf::BondLacp)]),
            ],
        ),
        group(
            "xstats_slave",
            &[
                group("bridge", &[leaf("stp", Leaf::SlaveBridgeStp), leaf("mcast", Leaf::SlaveBridgeMcast)]),
                group("bond", &[leaf("802.3ad", Leaf::SlaveBondLacp)]),
            ],
        ),
        group(
            "offload",
            &[leaf("cpu_hit", Leaf::CpuHit), leaf("hw_stats_info", Leaf::HwSInfo), leaf("l3_stats", Leaf::L3Stats)],
        ),
        group("afstats", &[leaf("mpls", Leaf::AfMpls)]),
    ],
);

const LEVELS: [&str; 3] = ["group", "subgroup", "suite"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Help,
    Show,
    Set,
}

/// do_ipstats()'s commands (strcmp, no prefixes).
static COMMANDS: Table<Cmd> =
    Table::new("ip stats", &[exact("help", Cmd::Help), exact("show", Cmd::Show), exact("set", Cmd::Set)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShowW {
    Dev,
    Help,
    Level(usize),
}

/// ipstats_show()'s words (strcmp).
static SHOW: Table<ShowW> = Table::new(
    "ip stats show",
    &[
        exact("dev", ShowW::Dev),
        exact("help", ShowW::Help),
        exact("group", ShowW::Level(0)),
        exact("subgroup", ShowW::Level(1)),
        exact("suite", ShowW::Level(2)),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetW {
    Dev,
    L3Stats,
    Help,
}

/// ipstats_set()'s words (strcmp).
static SET: Table<SetW> =
    Table::new("ip stats set", &[exact("dev", SetW::Dev), exact("l3_stats", SetW::L3Stats), exact("help", SetW::Help)]);

/// The values of `group`, `subgroup` and `suite` (completion only: the
/// tree above is what the parser reads).
static GROUPS: List =
    List { path: "ip stats show group", words: &["link", "xstats", "xstats_slave", "offload", "afstats"] };
static SUBGROUPS: List =
    List { path: "ip stats show subgroup", words: &["bridge", "bond", "cpu_hit", "hw_stats_info", "l3_stats", "mpls"] };
static SUITES: List = List { path: "ip stats show suite", words: &["stp", "mcast", "802.3ad"] };

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &SHOW, &SET, &GROUPS, &SUBGROUPS, &SUITES];

/// do_help(): the usage and the suite tree, on stderr.
fn help_text() -> String {
    let mut s = String::from(
        "Usage: ip stats help\n       ip stats show [ dev DEV ] [ group GROUP [ subgroup SUBGROUP [ suite SUITE ] ... ] ... ] ...\n       ip stats set dev DEV l3_stats { on | off }\n",
    );
    let Node::Group(top) = &TOPLEV.node else { return s };
    for (i, d) in top.iter().enumerate() {
        s.push_str(if i == 0 { "GROUP := { " } else { " | " });
        s.push_str(d.name);
    }
    s.push_str(" }\n");
    for d in top.iter() {
        let Node::Group(subs) = &d.node else { continue };
        for (j, sub) in subs.iter().enumerate() {
            if j == 0 {
                s.push_str(d.name);
                s.push_str(" SUBGROUP := {");
            } else {
                s.push_str(" |");
            }
            s.push(' ');
            s.push_str(sub.name);
            if let Node::Group(suites) = &sub.node {
                for k in suites.iter() {
                    s.push_str(" [ suite ");
                    s.push_str(k.name);
                    s.push_str(" ]");
                }
            }
        }
        if !subs.is_empty() {
            s.push_str(" }\n");
        }
    }
    s
}

fn do_help() {
    eprint_raw(&help_text());
}

pub fn do_ipstats(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Help) => {
            do_help();
            Ok(0)
        }
        Some(Cmd::Show) => {
            // "stats show" implies one -s; -d adds one more (kept, like
            // ipstats.c's global, for the rest of a batch).
            ctx.o.stats += ctx.o.details + 1;
            show(ctx, args)
        }
        Some(Cmd::Set) => set(ctx, args),
        None => {
            eprint_raw(&format!("Command \"{}\" is unknown, try \"ip stats help\".\n", cmd));
            Ok(1)
        }
    }
}

/// A selection: up to one name per level.
type Sel = [Option<&'static str>; 3];

/// One enabled leaf and the selection that names it.
#[derive(Clone, Copy)]
struct Enabled {
    leaf: Leaf,
    sel: Sel,
}

/// The descriptor of a group named `name` (strcmp), as the static name.
fn find_sub(desc: &'static Desc, name: &str) -> Option<&'static Desc> {
    match &desc.node {
        Node::Group(subs) => subs.iter().find(|d| d.name == name),
        Node::Leaf(_) => None,
    }
}

/// ipstats_enable_find_stat_desc(): walks the selection down the tree.
/// The names stored in `sel` become the tree's own.
fn find_desc(sel: &mut Sel) -> Option<&'static Desc> {
    let mut desc: &'static Desc = &TOPLEV;
    for i in 0..LEVELS.len() {
        let Some(name) = sel[i] else { break };
        if matches!(desc.node, Node::Leaf(_)) {
            eprint_raw(&format!(
                "Error: {} {} requested inside leaf {} {}\n",
                LEVELS[i],
                name,
                LEVELS[i.saturating_sub(1)],
                desc.name
            ));
            return None;
        }
        let Some(next) = find_sub(desc, name) else {
            let inside = if std::ptr::eq(desc, &TOPLEV) { "top-level" } else { desc.name };
            eprint_raw(&format!("Error: no {} named {} found inside {}\n", LEVELS[i], name, inside));
            return None;
        };
        sel[i] = Some(next.name);
        desc = next;
    }
    Some(desc)
}

/// ipstats_enable_recursively(): every leaf under `desc`; false when there
/// is none (-ENOENT).
fn enable_recursively(desc: &'static Desc, out: &mut Vec<Enabled>, sel: &Sel) -> bool {
    match &desc.node {
        Node::Leaf(l) => {
            out.push(Enabled { leaf: *l, sel: *sel });
            true
        }
        Node::Group(subs) => {
            let mut found = false;
            for sub in subs.iter() {
                let mut subsel = *sel;
                if let Some(slot) = subsel.iter_mut().find(|s| s.is_none()) {
                    *slot = Some(sub.name);
                }
                found |= enable_recursively(sub, out, &subsel);
            }
            found
        }
    }
}

/// ipstats_enable_check(): adds what `sel` names; the errno on failure
/// (messages printed).
fn enable_check(sel: &Sel, enabled: &mut Vec<Enabled>) -> Result<(), i32> {
    let mut named = *sel;
    let Some(desc) = find_desc(&mut named) else { return Err(EINVAL) };
    let mut new = Vec::new();
    if !enable_recursively(desc, &mut new, &named) {
        let mut s = String::from("The request for");
        for (i, name) in sel.iter().enumerate() {
            let Some(name) = name else { break };
            s.push_str(&format!(" {} {}", LEVELS[i], name));
        }
        s.push_str(" did not match any known stats.\n");
        eprint_raw(&s);
        return Err(ENOENT);
    }
    enabled.extend(new);
    // qsort by descriptor, then drop repeats (the first of a run stays).
    enabled.sort_by_key(|e| e.leaf);
    enabled.dedup_by_key(|e| e.leaf);
    Ok(())
}

/// ipstats_select(): a new name at `level`; what was selected at that
/// level or deeper is enabled first.
fn select(sel: &mut Sel, name: &str, level: usize, enabled: &mut Vec<Enabled>) -> Result<(), i32> {
    for i in 0..level {
        if sel[i].is_none() {
            eprint_raw(&format!(
                "Error: {} {} requested without selecting a {} first\n",
                LEVELS[level], name, LEVELS[i]
            ));
            return Err(EINVAL);
        }
    }
    if sel[level..].iter().any(|s| s.is_some()) {
        enable_check(sel, enabled)?;
    }
    // The name may be no tree's: keep it until the walk reports it.
    sel[level] = Some(leak_name(name));
    for s in sel[level + 1..].iter_mut() {
        *s = None;
    }
    Ok(())
}

/// A selected word as a `&'static str`: a tree name when it is one, else
/// the word itself (kept for the rest of the process, as the C keeps
/// pointers into argv).
fn leak_name(name: &str) -> &'static str {
    fn all(d: &'static Desc, name: &str) -> Option<&'static str> {
        if d.name == name {
            return Some(d.name);
        }
        match &d.node {
            Node::Group(subs) => subs.iter().find_map(|s| all(s, name)),
            Node::Leaf(_) => None,
        }
    }
    all(&TOPLEV, name).unwrap_or_else(|| Box::leak(name.to_string().into_boxed_str()))
}

fn show(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut enabled: Vec<Enabled> = Vec::new();
    let mut sel: Sel = [None; 3];
    let mut dev: Option<String> = None;
    while let Some(w) = a.next() {
        match SHOW.find(&w) {
            Some(ShowW::Dev) => {
                let v = a.value()?;
                if dev.is_some() {
                    return Err(crate::error::duparg2("dev", &v));
                }
                if !crate::names::link::check_ifname(&v) {
                    return Err(crate::error::invarg("\"dev\" not a valid ifname", &v));
                }
                dev = Some(v);
            }
            Some(ShowW::Help) => {
                do_help();
                return Ok(0);
            }
            Some(ShowW::Level(level)) => {
                let mut v = a.value()?;
                if let Err(e) = select(&mut sel, &v, level, &mut enabled) {
                    return Ok(e);
                }
                // ipstats_show() goes on comparing the *value* with the
                // later level names: "group subgroup X" also selects
                // subgroup X.
                for (later, name) in LEVELS.iter().enumerate().skip(level + 1) {
                    if v == *name {
                        v = a.value()?;
                        if let Err(e) = select(&mut sel, &v, later, &mut enabled) {
                            return Ok(e);
                        }
                    }
                }
            }
            None => {
                eprint_raw(&format!("What is \"{}\"?\n", w));
                do_help();
                return Ok(EINVAL);
            }
        }
    }
    if let Err(e) = enable_check(&sel, &mut enabled) {
        return Ok(e);
    }
    let mut ifindex = 0;
    if let Some(d) = &dev {
        ifindex = ctx.ifindex(d);
        if ifindex == 0 {
            crate::error::say_no_device(d);
            return Ok(1);
        }
    }
    ctx.p.new_json_obj();
    let rc = if ifindex != 0 { show_one(ctx, ifindex, &enabled)? } else { dump(ctx, &enabled)? };
    ctx.p.delete_json_obj();
    Ok(rc)
}

/// ipstats_req_add_filters(): the outer filter mask, and the nested masks
/// that select part of a group (only the offload group has any).
fn stats_request(flags: u16, ifindex: u32, enabled: &[Enabled]) -> Req {
    let mut mask = [0u32; IFLA_STATS_MAX + 1];
    let bit = |a: u16| 1u32 << (a - 1);
    for e in enabled {
        let (g, sub): (u16, &[u16]) = match e.leaf {
            Leaf::Link => (IFLA_STATS_LINK_64, &[]),
            Leaf::AfMpls => (IFLA_STATS_AF_SPEC, &[]),
            Leaf::CpuHit => (IFLA_STATS_LINK_OFFLOAD_XSTATS, &[IFLA_OFFLOAD_XSTATS_CPU_HIT]),
            Leaf::HwSInfo => (IFLA_STATS_LINK_OFFLOAD_XSTATS, &[IFLA_OFFLOAD_XSTATS_HW_S_INFO]),
            Leaf::L3Stats => {
                (IFLA_STATS_LINK_OFFLOAD_XSTATS, &[IFLA_OFFLOAD_XSTATS_L3_STATS, IFLA_OFFLOAD_XSTATS_HW_S_INFO])
            }
            Leaf::BridgeStp | Leaf::BridgeMcast | Leaf::BondLacp => (IFLA_STATS_LINK_XSTATS, &[]),
            Leaf::SlaveBridgeStp | Leaf::SlaveBridgeMcast | Leaf::SlaveBondLacp => (IFLA_STATS_LINK_XSTATS_SLAVE, &[]),
        };
        mask[0] |= bit(g);
        for s in sub {
            mask[g as usize] |= bit(*s);
        }
    }
    // ipstats_stat_ifla_max[]; a mask covering every nested attribute
    // needs no filter.
    let full = |at: usize| -> Option<u32> {
        match at {
            2 | 3 => Some((1 << LINK_XSTATS_TYPE_MAX) - 1),
            4 => Some((1 << IFLA_OFFLOAD_XSTATS_MAX) - 1),
            _ => None,
        }
    };
    let filter_at = |at: usize| mask[at] != 0 && full(at) != Some(mask[at]);
    let mut hdr = [0u8; IFSM_LEN];
    hdr[4..8].copy_from_slice(&ifindex.to_ne_bytes());
    hdr[8..12].copy_from_slice(&mask[0].to_ne_bytes());
    let mut req = Req::new(RTM_GETSTATS, flags, &hdr);
    if (1..=IFLA_STATS_MAX).any(filter_at) {
        let nest = req.nest(IFLA_STATS_GET_FILTERS | NLA_F_NESTED);
        for (at, m) in mask.iter().enumerate().skip(1) {
            if filter_at(at) {
                req.attr_u32(at as u16, *m);
            }
        }
        req.nest_end(nest);
    }
    req
}

/// ipstats_show_one(): one device's stats by RTM_GETSTATS request.
fn show_one(ctx: &mut Ctx, ifindex: u32, enabled: &[Enabled]) -> Res<i32> {
    let mut req = stats_request(NLM_F_REQUEST, ifindex, enabled);
    let Ok(answer) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(2) };
    let Some(m) = crate::netlink::msgs(&answer).next() else { return Ok(2) };
    let name = ctx.ifname(hdr_u32(m.payload, 4));
    match process_ifsm(&mut ctx.p, &ctx.o, &name, m, enabled) {
        Ok(()) => Ok(0),
        Err(e) => Ok(e),
    }
}

/// ipstats_dump(): every device's stats, streamed.
fn dump(ctx: &mut Ctx, enabled: &[Enabled]) -> Res<i32> {
    ctx.init_map()?;
    let mut req = stats_request(NLM_F_DUMP | NLM_F_REQUEST, 0, enabled);
    // rtnl_statsdump_req_filter() sends the whole struct ipstats_req.
    let n = req.len();
    req.buf.resize(n.max(IPSTATS_REQ_LEN), 0);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        eprint_raw(&format!("Cannot send dump request: {}\n", crate::error::strerror(e)));
        return Ok(2);
    }
    let ok = ctx.dump_stream(|s, m| {
        let name = s.names.name(None, hdr_u32(m.payload, 4));
        match process_ifsm(s.p, s.o, &name, m, enabled) {
            Ok(()) => {
                s.p.nl();
                Ok(())
            }
            Err(_) => Err(Exit(2)),
        }
    });
    match ok {
        Ok(true) => Ok(0),
        Ok(false) | Err(_) => {
            eprint_raw("Dump terminated\n");
            Ok(2)
        }
    }
}

/// ip monitor's [STATS] body: ipstats_print(), which shows the offload
/// hw_stats_info leaf with an empty selection (6.1 sets only the descriptor).
pub fn print_event(s: &mut crate::ctx::Shown, m: Msg) -> Res<()> {
    let name = s.names.name(None, hdr_u32(m.payload, 4));
    let one = [Enabled { leaf: Leaf::HwSInfo, sel: [None; 3] }];
    process_ifsm(s.p, s.o, &name, m, &one).map_err(|_| Exit(2))
}

/// The attributes of one RTM_NEWSTATS message: the top level and, once
/// asked for, a group's nested table.
struct Attrs<'a> {
    top: Tb<'a>,
}

impl<'a> Attrs<'a> {
    /// ipstats_stat_show_get_attr(): a group's attribute, or one of its
    /// nested attributes.
    fn get(&self, group: u16, sub: u16) -> Option<&'a [u8]> {
        let at = self.top.get(group)?;
        if sub == 0 {
            return Some(at);
        }
        let max = match group {
            IFLA_STATS_LINK_XSTATS | IFLA_STATS_LINK_XSTATS_SLAVE => LINK_XSTATS_TYPE_MAX,
            IFLA_STATS_LINK_OFFLOAD_XSTATS => IFLA_OFFLOAD_XSTATS_MAX,
            _ => AF_SPEC_MAX,
        };
        Tb::parse(at, max).get(sub)
    }
}

/// ipstats_process_ifsm(): one line (and its tables) per enabled leaf.
/// Err(status) when a leaf could not be shown.
fn process_ifsm(p: &mut Printer, o: &Opts, dev: &str, m: Msg, enabled: &[Enabled]) -> Result<(), i32> {
    let Some(attrs) = m.payload.get(IFSM_LEN..) else {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - IFSM_LEN as i64));
        return Err(EINVAL);
    };
    let a = Attrs { top: Tb::parse(attrs, IFLA_STATS_MAX) };
    let ifindex = hdr_u32(m.payload, 4) as i32;
    for e in enabled {
        p.open_object(None);
        p.int(T::Any, "ifindex", "{}:", i64::from(ifindex));
        p.color_string(T::Any, Color::Ifname, "ifname", " {}:", dev);
        for (i, s) in e.sel.iter().enumerate() {
            let Some(s) = s else { break };
            p.string(T::Json, LEVELS[i], "", s);
            p.fpf(format_args!(" {} ", LEVELS[i]));
            p.fp(s);
        }
        show_leaf(p, o, &a, e.leaf)?;
        p.close_object();
        p.nl();
    }
    Ok(())
}

fn show_leaf(p: &mut Printer, o: &Opts, a: &Attrs, leaf: Leaf) -> Result<(), i32> {
    match leaf {
        Leaf::Link => {
            p.nl();
            show_64(p, o, a.get(IFLA_STATS_LINK_64, 0));
        }
        Leaf::CpuHit => {
            p.nl();
            show_64(p, o, a.get(IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_CPU_HIT));
        }
        Leaf::HwSInfo => {
            let Some(at) = a.get(IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_HW_S_INFO) else {
                return Ok(());
            };
            p.nl();
            let l3 = dissect_hw_s_info(at)?;
            p.open_object(Some("info"));
            if let Some(one) = l3 {
                p.fp("    l3_stats");
                p.open_object(Some("l3_stats"));
                show_hw_s_info_one(p, one);
                p.close_object();
            }
            p.close_object();
        }
        Leaf::L3Stats => {
            let Some(hwsi) = a.get(IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_HW_S_INFO) else {
                return Ok(());
            };
            let stats = a.get(IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_L3_STATS);
            let l3 = dissect_hw_s_info(hwsi)?;
            p.open_object(Some("info"));
            if let Some(one) = l3 {
                show_hw_s_info_one(p, one);
            }
            p.close_object();
            if let Some(s) = stats {
                p.nl();
                p.open_object(Some("stats64"));
                let g = |i: usize| stat(s, i);
                // struct rtnl_hw_stats64: rx/tx packets, rx/tx bytes, rx/tx
                // errors, rx/tx dropped, multicast.
                print_rx_tx(
                    p,
                    "    ",
                    "mcast",
                    "multicast",
                    [g(2), g(0), g(4), g(6), g(8)],
                    [g(3), g(1), g(5), g(7)],
                    o,
                );
                p.close_object();
            }
        }
        Leaf::BridgeStp | Leaf::BridgeMcast | Leaf::BondLacp => show_xstats(p, a, IFLA_STATS_LINK_XSTATS, leaf),
        Leaf::SlaveBridgeStp | Leaf::SlaveBridgeMcast | Leaf::SlaveBondLacp => {
            show_xstats(p, a, IFLA_STATS_LINK_XSTATS_SLAVE, leaf)
        }
        Leaf::AfMpls => {
            let Some(at) = a.get(IFLA_STATS_AF_SPEC, AF_MPLS as u16) else { return Ok(()) };
            let Some(s) = Tb::parse(at, 1).get(MPLS_STATS_LINK) else { return Err(ENOENT) };
            p.nl();
            p.open_object(Some("mpls_stats"));
            // struct mpls_link_stats: rx/tx bytes, packets, errors,
            // dropped, rx_noroute.
            let g = |i: usize| stat(s, i);
            print_rx_tx(p, "    ", "noroute", "noroute", [g(0), g(2), g(4), g(6), g(8)], [g(1), g(3), g(5), g(7)], o);
            p.close_object();
        }
    }
    Ok(())
}

/// The n-th u64 of a stats struct (IPSTATS_RTA_PAYLOAD: zeros past a short
/// attribute's end).
fn stat(d: &[u8], n: usize) -> u64 {
    d.get(n * 8..n * 8 + 8).and_then(get_u64).unwrap_or(0)
}

/// ipstats_show_64(): a struct rtnl_link_stats64 as `ip -s link` prints it.
fn show_64(p: &mut Printer, o: &Opts, at: Option<&[u8]>) {
    let Some(at) = at else { return };
    p.open_object(Some("stats64"));
    crate::linkinfo::print::print_stats64_attr(p, o, at);
    p.close_object();
}

/// print_hw_stats64() and print_mpls_link_stats(): five RX columns (the
/// last named `last`), four TX ones.
fn print_rx_tx(p: &mut Printer, indent: &str, last: &str, last_key: &str, rx: [u64; 5], tx: [u64; 4], o: &Opts) {
    if p.is_json() {
        p.open_object(Some("rx"));
        for (k, v) in ["bytes", "packets", "errors", "dropped", last_key].iter().zip(rx) {
            p.uint(T::Json, k, "", v);
        }
        p.close_object();
        p.open_object(Some("tx"));
        for (k, v) in ["bytes", "packets", "errors", "dropped"].iter().zip(tx) {
            p.uint(T::Json, k, "", v);
        }
        p.close_object();
        return;
    }
    let human = o.human > 0;
    let mut cols = [9usize, 7, 6, 7, 7];
    if !human {
        for row in [rx, [tx[0], tx[1], tx[2], tx[3], 0]] {
            for (c, v) in cols.iter_mut().zip(row) {
                *c = (*c).max(v.to_string().len());
            }
        }
    }
    let sl = p.sl;
    let n = |w: usize, v: u64| crate::print::fmt::num(w, v, human, o.iec > 0);
    let mut s = format!(
        "{}RX: {:>a$} {:>b$} {:>c$} {:>d$} {:>e$}{}{}",
        indent,
        "bytes",
        "packets",
        "errors",
        "dropped",
        last,
        sl,
        indent,
        a = cols[0] - 4,
        b = cols[1],
        c = cols[2],
        d = cols[3],
        e = cols[4]
    );
    for (c, v) in cols.iter().zip(rx) {
        s.push_str(&n(*c, v));
    }
    s.push_str(sl);
    s.push_str(&format!(
        "{}TX: {:>a$} {:>b$} {:>c$} {:>d$}{}{}",
        indent,
        "bytes",
        "packets",
        "errors",
        "dropped",
        sl,
        indent,
        a = cols[0] - 4,
        b = cols[1],
        c = cols[2],
        d = cols[3]
    ));
    for (c, v) in cols.iter().zip(tx) {
        s.push_str(&n(*c, v));
    }
    p.raw(s.as_bytes());
}

/// An ipstats_maybe_on_off: None (absent), or the value.
type Moo = Option<bool>;

/// ipstats_dissect_01().
fn dissect_01(v: u8, what: &str) -> Result<Moo, ()> {
    match v {
        0 => Ok(Some(false)),
        1 => Ok(Some(true)),
        _ => {
            eprint_raw(&format!("Invalid value for {}: expected 0 or 1, got {}.\n", what, v));
            Err(())
        }
    }
}

/// ipstats_dissect_hw_s_info(): the l3_stats request/used pair, if any.
fn dissect_hw_s_info(at: &[u8]) -> Result<Option<(Moo, Moo)>, i32> {
    let tb = Tb::parse(at, IFLA_OFFLOAD_XSTATS_MAX);
    let Some(l3) = tb.get(IFLA_OFFLOAD_XSTATS_L3_STATS) else { return Ok(None) };
    let t = Tb::parse(l3, HW_S_INFO_MAX);
    let mut request = None;
    if let Some(v) = t.get(HW_S_INFO_REQUEST).and_then(get_u8) {
        // This one has to be present and valid.
        request = dissect_01(v, "request").map_err(|_| EINVAL)?;
    }
    let used = match t.get(HW_S_INFO_USED).and_then(get_u8) {
        Some(v) => dissect_01(v, "used").unwrap_or(None),
        None => None,
    };
    Ok(Some((request, used)))
}

fn show_hw_s_info_one(p: &mut Printer, (request, used): (Moo, Moo)) {
    if let Some(v) = request {
        p.on_off(T::Any, "request", " {}", v);
    }
    if let Some(v) = used {
        p.on_off(T::Any, "used", " used {}", v);
    }
}

/// ipstats_stat_desc_show_xstats(): a bridge or bond suite.
fn show_xstats(p: &mut Printer, a: &Attrs, xstats_at: u16, leaf: Leaf) {
    let (link_type, inner_max, inner_at) = match leaf {
        Leaf::BridgeStp | Leaf::SlaveBridgeStp => (LINK_XSTATS_TYPE_BRIDGE, BRIDGE_XSTATS_MAX, BRIDGE_XSTATS_STP),
        Leaf::BridgeMcast | Leaf::SlaveBridgeMcast => (LINK_XSTATS_TYPE_BRIDGE, BRIDGE_XSTATS_MAX, BRIDGE_XSTATS_MCAST),
        _ => (LINK_XSTATS_TYPE_BOND, BOND_XSTATS_MAX, BOND_XSTATS_3AD),
    };
    let Some(at) = a.get(xstats_at, link_type) else { return };
    let Some(inner) = Tb::parse(at, inner_max).get(inner_at) else { return };
    p.nl();
    match inner_at {
        BRIDGE_XSTATS_STP if link_type == LINK_XSTATS_TYPE_BRIDGE => {
            crate::linkinfo::kinds::bridge::print_stats_stp(p, inner)
        }
        BRIDGE_XSTATS_MCAST => crate::linkinfo::kinds::bridge::print_stats_mcast(p, inner),
        _ => print_bond_3ad(p, inner),
    }
}

/// bond_print_3ad_stats() (ip/iplink_bond.c).
fn print_bond_3ad(p: &mut Printer, d: &[u8]) {
    const PAD: &str = "                    ";
    let tb = Tb::parse(d, BOND_3AD_STAT_MAX);
    p.open_object(Some("802.3ad"));
    for (ty, key, fmt) in [
        (0u16, "lacpdu_rx", "LACPDU Rx {}\n"),
        (1, "lacpdu_tx", "LACPDU Tx {}\n"),
        (2, "lacpdu_unknown_rx", "LACPDU Unknown type Rx {}\n"),
        (3, "lacpdu_illegal_rx", "LACPDU Illegal Rx {}\n"),
        (4, "marker_rx", "Marker Rx {}\n"),
        (5, "marker_tx", "Marker Tx {}\n"),
        (6, "marker_response_rx", "Marker response Rx {}\n"),
        (7, "marker_response_tx", "Marker response Tx {}\n"),
        (8, "marker_unknown_rx", "Marker unknown type Rx {}\n"),
    ] {
        if let Some(v) = tb.get(ty) {
            p.fp(PAD);
            p.uint(T::Any, key, fmt, get_u64(v).unwrap_or(0));
        }
    }
    p.close_object();
}

fn set(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut dev: Option<String> = None;
    let mut at = 0u16;
    let mut enable = false;
    while let Some(w) = a.next() {
        match SET.find(&w) {
            Some(SetW::Dev) => {
                let v = a.value()?;
                if dev.is_some() {
                    return Err(crate::error::duparg2("dev", &v));
                }
                if !crate::names::link::check_ifname(&v) {
                    return Err(crate::error::invarg("\"dev\" not a valid ifname", &v));
                }
                dev = Some(v);
            }
            Some(SetW::L3Stats) => {
                let v = a.value()?;
                if at != 0 {
                    eprint_raw("A statistics suite to toggle was already given.\n");
                    return Ok(EINVAL);
                }
                at = IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS;
                match crate::args::parse_on_off("l3_stats", &v) {
                    Some(e) => enable = e,
                    None => return Ok(EINVAL),
                }
            }
            Some(SetW::Help) => {
                do_help();
                return Ok(0);
            }
            None => {
                eprint_raw(&format!("What is \"{}\"?\n", w));
                do_help();
                return Ok(EINVAL);
            }
        }
    }
    let Some(dev) = dev else {
        return Err(crate::error::fail(255, "Not enough information: \"dev\" argument is required.\n"));
    };
    if at == 0 {
        return Err(crate::error::fail(255, "Not enough information: stat type to toggle is required.\n"));
    }
    let ifindex = ctx.ifindex(&dev);
    if ifindex == 0 {
        crate::error::say_no_device(&dev);
        return Ok(1);
    }
    let mut hdr = [0u8; IFSM_LEN];
    hdr[4..8].copy_from_slice(&ifindex.to_ne_bytes());
    let mut req = Req::new(RTM_SETSTATS, NLM_F_REQUEST, &hdr);
    req.attr_u8(at, u8::from(enable));
    if ctx.rtnl()?.talk(&mut req).is_err() {
        return Ok(2);
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_the_tree() {
        let h = help_text();
        assert!(h.contains("GROUP := { link | xstats | xstats_slave | offload | afstats }\n"));
        assert!(h.contains("xstats SUBGROUP := { bridge [ suite stp ] [ suite mcast ] | bond [ suite 802.3ad ] }\n"));
        assert!(h.ends_with("afstats SUBGROUP := { mpls }\n"));
    }

    #[test]
    fn selecting_a_group_enables_its_leaves_in_rank_order() {
        let mut en = Vec::new();
        assert!(enable_check(&[Some("offload"), None, None], &mut en).is_ok());
        let leaves: Vec<Leaf> = en.iter().map(|e| e.leaf).collect();
        assert_eq!(leaves, vec![Leaf::L3Stats, Leaf::HwSInfo, Leaf::CpuHit]);
        assert_eq!(en[0].sel, [Some("offload"), Some("l3_stats"), None]);
        assert_eq!(enable_check(&[Some("link"), Some("x"), None], &mut en), Err(EINVAL));
    }

    #[test]
    fn only_a_partial_offload_selection_is_filtered() {
        let one = [Enabled { leaf: Leaf::CpuHit, sel: [None; 3] }];
        let r = stats_request(NLM_F_REQUEST, 0, &one);
        assert_eq!(r.len(), 16 + 12 + 4 + 8);
        let all: Vec<Enabled> =
            [Leaf::CpuHit, Leaf::HwSInfo, Leaf::L3Stats].iter().map(|l| Enabled { leaf: *l, sel: [None; 3] }).collect();
        assert_eq!(stats_request(NLM_F_REQUEST, 0, &all).len(), 28);
    }
}
