//! ipaddr_list_flush_or_save(): `ip address show|flush|save` and the
//! address printer print_addrinfo() (ip/ipaddress.c, 6.1.0).
//!
//! The link and address dumps are kept as the kernel's datagrams and
//! indexed once (links in dump order, addresses grouped by ifindex in
//! dump order), then printed straight into the printer.

use super::filter::*;
use super::print::{print_link_stats, print_linkinfo, LinkEnv};
use crate::args::keywords::{doc, exact, kw, List, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{cannot_send_dump, duparg2, invarg};
use crate::error::{Exit, Res};
use crate::inet::{family_name, get_prefix, inet_addr_match_rta};
use crate::names::tables::{group_a2n, rtscope_a2n, rtscope_n2a};
use crate::netlink::attr::{get_str, get_u32, hdr_u32, msgs};
use crate::netlink::consts::*;
use crate::netlink::{Req, Tb};
use crate::print::{Color, T};
use crate::sys::fnmatch::fnmatch;

impl Filter {
    /// ifa_label_match_rta(): true when the address is filtered out.
    fn label_mismatch(&self, ctx: &mut Ctx, env: &LinkEnv, index: i32, label: Option<&[u8]>) -> bool {
        let Some(pat) = &self.label else { return false };
        let l = match label {
            Some(d) => get_str(d).to_string(),
            None => env.name(ctx, index).into_owned(),
        };
        !fnmatch(pat.as_bytes(), l.as_bytes(), false)
    }
}

const IFADDRMSG_LEN: usize = 8;

/// What a listing does with what it selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    List,
    Flush,
    Save,
}

/// A selector of ipaddr_list_flush_or_save().
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    To,
    Scope,
    Up,
    /// An address flag word, read by get_filter() (with its `-` negation).
    Flag,
    Label,
    Group,
    Master,
    Vrf,
    Nomaster,
    Type,
    Dev,
    Help,
}

/// The selectors of `ip address show|flush|save` (and `ip link show`,
/// which runs the same parser), in ipaddr_list_flush_or_save()'s test
/// order; any other word is the device. The flag words are get_filter()'s
/// (each also as `-WORD`, plus `dynamic` and `primary`), documented here.
pub static SHOW_SELECTORS: Table<Sel> = Table::new(
    "ip address show",
    &[
        exact("to", Sel::To),
        exact("scope", Sel::Scope),
        exact("up", Sel::Up),
        doc("dynamic", Sel::Flag),
        doc("primary", Sel::Flag),
        doc("secondary", Sel::Flag),
        doc("temporary", Sel::Flag),
        doc("nodad", Sel::Flag),
        doc("optimistic", Sel::Flag),
        doc("dadfailed", Sel::Flag),
        doc("home", Sel::Flag),
        doc("deprecated", Sel::Flag),
        doc("tentative", Sel::Flag),
        doc("permanent", Sel::Flag),
        doc("mngtmpaddr", Sel::Flag),
        doc("noprefixroute", Sel::Flag),
        doc("autojoin", Sel::Flag),
        doc("stable-privacy", Sel::Flag),
        exact("label", Sel::Label),
        exact("group", Sel::Group),
        exact("master", Sel::Master),
        exact("vrf", Sel::Vrf),
        exact("nomaster", Sel::Nomaster),
        exact("type", Sel::Type),
        exact("dev", Sel::Dev),
        kw("help", Sel::Help),
    ],
);

/// The words `ip link show` documents (its usage: DEVICE, group, up,
/// master, vrf, type, nomaster); it parses with [`SHOW_SELECTORS`].
pub static LINK_SHOW_WORDS: List =
    List { path: "ip link show", words: &["dev", "group", "up", "master", "vrf", "type", "nomaster", "help"] };

/// The public entry of `ip address show|flush|save`.
pub fn ipaddr_list_flush_or_save(ctx: &mut Ctx, args: Args, action: Action, usage: Usage) -> Res<i32> {
    list_flush_or_save(ctx, args, action, false, usage)
}

/// The ifaddrmsg of an address message: (family, prefixlen, flags, scope, index).
fn ifaddr(p: &[u8]) -> Option<(u8, u8, u8, u8, i32)> {
    if p.len() < IFADDRMSG_LEN {
        return None;
    }
    Some((p[0], p[1], p[2], p[3], hdr_u32(p, 4) as i32))
}

/// The calling object's usage(), for a `help` among the selectors: it
/// prints and returns the exit status.
pub type Usage = fn(&mut Ctx) -> Exit;

pub fn list_flush_or_save(ctx: &mut Ctx, mut args: Args, action: Action, do_link: bool, usage: Usage) -> Res<i32> {
    // ipaddress.c's static do_link: once `ip link show` ran, it stays set
    // for the rest of a batch.
    ctx.sticky.do_link |= do_link;
    let do_link = ctx.sticky.do_link;
    let mut f = Filter::new(ctx.o.family, ctx.o.oneline > 0, do_link);
    let mut filter_dev: Option<String> = None;
    if action == Action::Flush {
        if args.is_empty() {
            crate::eprintf!("Flush requires arguments.\n");
            return Ok(1);
        }
        if f.family == AF_PACKET {
            crate::eprintf!("Cannot flush link addresses.\n");
            return Ok(1);
        }
    }
    while let Some(w) = args.next() {
        let a = w.as_str();
        let sel = SHOW_SELECTORS.find(a);
        if sel == Some(Sel::To) {
            let v = args.value()?;
            // get_prefix() prints its error and exits 1.
            let p = get_prefix(&v, f.family)?;
            if f.family == AF_UNSPEC {
                f.family = p.family;
            }
            f.pfx = Some(p);
        } else if sel == Some(Sel::Scope) {
            let v = args.value()?;
            f.scopemask = 0xff;
            match rtscope_a2n(&v) {
                Some(s) => f.scope = s as u8,
                None => {
                    if v != "all" {
                        return Err(invarg("invalid \"scope\"\n", &v));
                    }
                    f.scope = 255;
                    f.scopemask = 0;
                }
            }
        } else if sel == Some(Sel::Up) {
            f.up = true;
        } else if f.flag_word(a) {
        } else if sel == Some(Sel::Label) {
            f.label = Some(args.value()?);
        } else if sel == Some(Sel::Group) {
            let v = args.value()?;
            match group_a2n(&v) {
                Some(g) => f.group = g,
                None => return Err(invarg("Invalid \"group\" value\n", &v)),
            }
        } else if sel == Some(Sel::Master) {
            let v = args.value()?;
            let idx = ctx.ifindex(&v);
            if idx == 0 {
                return Err(invarg("Device does not exist\n", &v));
            }
            f.master = idx as i32;
        } else if sel == Some(Sel::Vrf) {
            let v = args.value()?;
            let idx = ctx.ifindex(&v);
            if idx == 0 || !name_is_vrf(ctx, &v) {
                return Err(invarg("Not a valid VRF name\n", &v));
            }
            f.master = idx as i32;
        } else if sel == Some(Sel::Nomaster) {
            f.master = -1;
        } else if sel == Some(Sel::Type) {
            let v = args.value()?;
            match v.strip_suffix("_slave") {
                Some(k) => f.slave_kind = Some(k.to_string()),
                None => f.kind = Some(v),
            }
        } else {
            let dev = if sel == Some(Sel::Dev) {
                args.value()?
            } else {
                if sel == Some(Sel::Help) {
                    return Err(usage(ctx));
                }
                w
            };
            if filter_dev.is_some() {
                return Err(duparg2("dev", &dev));
            }
            filter_dev = Some(dev);
        }
    }
    if let Some(d) = &filter_dev {
        let idx = ctx.ifindex(d) as i32;
        if idx <= 0 {
            crate::eprintf!("Device \"{}\" does not exist.\n", d);
            return Ok(1);
        }
        f.ifindex = idx;
    }
    match action {
        Action::Flush => return ipaddr_flush(ctx, &mut f),
        Action::Save => return ipaddr_save(ctx, &f),
        Action::List => {}
    }
    ctx.p.new_json_obj();
    let r = list(ctx, &f, filter_dev.as_deref());
    ctx.p.delete_json_obj();
    r
}

/// name_is_vrf(): the device exists and is of kind vrf.
pub fn name_is_vrf(ctx: &mut Ctx, name: &str) -> bool {
    let fam = ctx.o.family;
    let Ok(r) = ctx.rtnl() else { return false };
    let mut req =
        Req::bounded(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(fam, 0, 0, 0), crate::netlink::attr::bound::IPLINK_REQ);
    req.attr_str(IFLA_IFNAME, name);
    let Ok(ans) = r.talk_answer_quiet(&mut req) else { return false };
    for m in msgs(&ans) {
        if m.ty != RTM_NEWLINK {
            continue;
        }
        let Some(a) = m.payload.get(IFINFOMSG_LEN..) else { return false };
        let tb = Tb::parse(a, IFLA_MAX);
        let Some(li) = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else { return false };
        return li.str(IFLA_INFO_KIND).as_deref() == Some("vrf");
    }
    false
}

/// All messages of a collected dump, header included, in order.
fn all_msgs(dgs: &[Vec<u8>], ty: u16) -> Vec<&[u8]> {
    let mut v = Vec::new();
    for d in dgs {
        for m in msgs(d) {
            if m.ty == ty {
                v.push(m.raw);
            }
        }
    }
    v
}

fn msg_type(raw: &[u8]) -> u16 {
    crate::netlink::attr::hdr_u16(raw, 4)
}

fn list(ctx: &mut Ctx, f: &Filter, filter_dev: Option<&str>) -> Res<i32> {
    // A device alone under `ip link show`: one RTM_GETLINK (iplink_get).
    if let (Some(dev), true, true) = (filter_dev, f.group == -1, f.do_link) {
        return iplink_get(ctx, f, dev);
    }
    let link_dgs: Vec<Vec<u8>>;
    if f.ifindex != 0 {
        // ipaddr_link_get()
        let mut mask = RTEXT_FILTER_VF;
        if ctx.o.stats == 0 {
            mask |= RTEXT_FILTER_SKIP_STATS;
        }
        let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(f.family, f.ifindex, 0, 0));
        req.attr_u32(IFLA_EXT_MASK, mask);
        match ctx.rtnl()?.talk_answer(&mut req) {
            Ok(a) => link_dgs = vec![a],
            Err(e) => {
                crate::eprintf!("Cannot send link request: {}\n", crate::error::strerror(e.0));
                return Ok(0);
            }
        }
    } else {
        // ip_link_list() uses the global family, not the filter's (which a
        // `to` prefix may have set).
        let fam = ctx.o.family;
        let mut req;
        if fam == AF_UNSPEC || fam == AF_PACKET {
            req = Req::new(RTM_GETLINK, 0, &ifinfomsg(fam, 0, 0, 0));
            // iproute2 asks for stats it only prints under -s; leaving them
            // out without -s saves the kernel work and a fifth of the bytes.
            let mut mask = RTEXT_FILTER_VF;
            if ctx.o.stats == 0 {
                mask |= RTEXT_FILTER_SKIP_STATS;
            }
            req.attr_u32(IFLA_EXT_MASK, mask);
            if f.master != 0 {
                req.attr_u32(IFLA_MASTER, f.master as u32);
            }
            if let Some(k) = &f.kind {
                let n = req.nest(IFLA_LINKINFO);
                req.attr(IFLA_INFO_KIND, &crate::args::bytes::unescape(k));
                req.nest_end(n);
            }
        } else {
            req = Req::new(RTM_GETLINK, 0, &ifinfomsg(fam, 0, 0, 0));
        }
        match dump_collect(ctx, &mut req)? {
            Some(d) => link_dgs = d,
            None => return Ok(0),
        }
    }
    let links = all_msgs(&link_dgs, RTM_NEWLINK);
    let mut env = LinkEnv::default();
    env.index(&links);

    let mut addr_dgs: Vec<Vec<u8>> = Vec::new();
    let mut no_link = false;
    if f.family != AF_PACKET {
        if f.oneline {
            no_link = true;
        }
        let mut hdr = [0u8; IFADDRMSG_LEN];
        hdr[0] = f.family;
        hdr[4..8].copy_from_slice(&f.ifindex.to_ne_bytes());
        let mut req = Req::new(RTM_GETADDR, 0, &hdr);
        match dump_collect(ctx, &mut req)? {
            Some(d) => addr_dgs = d,
            None => return Ok(0),
        }
    }
    // Addresses grouped by ifindex, dump order kept within a link: a
    // stable sort (the dump is already in runs of ifindex, one per family)
    // instead of a hash map of lists (hashing was a tenth of 10k addresses).
    let mut by_link: Vec<(i32, &[u8])> = Vec::new();
    for d in &addr_dgs {
        for m in msgs(d) {
            let idx = ifaddr(m.payload).map(|a| a.4).unwrap_or(i32::MIN);
            by_link.push((idx, m.raw));
        }
    }
    if !by_link.is_sorted_by_key(|a| a.0) {
        by_link.sort_by_key(|a| a.0);
    }
    let (keys, raws): (Vec<i32>, Vec<&[u8]>) = by_link.into_iter().unzip();
    for l in &links {
        let Some(payload) = l.get(16..) else { continue };
        let Some((_, _, index, iflags, _)) = ifinfo(payload) else { continue };
        let from = keys.partition_point(|&k| k < index);
        let to = from + keys[from..].partition_point(|&k| k == index);
        let addrs = &raws[from..to];
        if f.family != AF_PACKET && !ipaddr_filter_keep(ctx, f, &env, addrs) {
            continue;
        }
        ctx.p.open_object(None);
        let mut res = 0;
        if ctx.o.brief > 0 || !no_link {
            res = print_linkinfo(ctx, f, &mut env, msg_type(l), payload);
        }
        if res >= 0 && f.family != AF_PACKET {
            print_selected_addrinfo(ctx, f, &mut env, index, iflags, addrs);
        }
        if res > 0 && !f.do_link && ctx.o.stats > 0 {
            print_link_stats(ctx, payload);
        }
        ctx.p.close_object();
    }
    Ok(0)
}

/// A dump into raw datagrams; None (after "Dump terminated") on failure.
fn dump_collect(ctx: &mut Ctx, req: &mut Req) -> Res<Option<Vec<Vec<u8>>>> {
    let r = ctx.rtnl()?;
    if let Err(e) = r.dump_request(req) {
        return Err(cannot_send_dump(e));
    }
    match r.dump_collect()? {
        Some(d) => Ok(Some(d)),
        None => {
            crate::eprintf!("Dump terminated\n");
            Ok(None)
        }
    }
}

/// iplink_get(): `ip link show DEV` asks for that one link.
fn iplink_get(ctx: &mut Ctx, f: &Filter, dev: &str) -> Res<i32> {
    let mut req = Req::bounded(
        RTM_GETLINK,
        NLM_F_REQUEST,
        &ifinfomsg(ctx.o.family, 0, 0, 0),
        crate::netlink::attr::bound::IPLINK_REQ,
    );
    let ty = if crate::names::check_ifname(dev) { IFLA_IFNAME } else { IFLA_ALT_IFNAME };
    req.attr_str(ty, dev);
    req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
    let ans = match ctx.rtnl()?.talk_answer(&mut req) {
        Ok(a) => a,
        Err(e) => {
            crate::eprintf!("Cannot send link get request: {}\n", crate::error::strerror(e.0));
            ctx.p.delete_json_obj();
            return Err(Exit(1));
        }
    };
    let mut env = LinkEnv::default();
    if let Some(m) = msgs(&ans).next() {
        ctx.p.open_object(None);
        print_linkinfo(ctx, f, &mut env, m.ty, m.payload);
        ctx.p.close_object();
    }
    Ok(0)
}

/// ipaddr_filter(): whether a link stays (some address matches, or it has
/// none and the family allows link-only output).
fn ipaddr_filter_keep(ctx: &mut Ctx, f: &Filter, env: &LinkEnv, addrs: &[&[u8]]) -> bool {
    if addrs.is_empty() {
        return f.family == AF_UNSPEC || f.family == AF_PACKET;
    }
    for raw in addrs {
        let Some(p) = raw.get(16..) else { continue };
        let Some((family, _, iflags, scope, index)) = ifaddr(p) else { continue };
        if f.family != 0 && f.family != family {
            continue;
        }
        if (f.scope ^ scope) & f.scopemask != 0 {
            continue;
        }
        let tb = Tb::parse(&p[IFADDRMSG_LEN..], IFA_MAX);
        let flags = tb.u32(IFA_FLAGS).unwrap_or(iflags as u32);
        if (f.flags ^ flags) & f.flagmask != 0 {
            continue;
        }
        if f.label_mismatch(ctx, env, index, tb.get(IFA_LABEL)) {
            continue;
        }
        let local = tb.get(IFA_LOCAL).or(tb.get(IFA_ADDRESS));
        if let Some(pfx) = &f.pfx {
            if inet_addr_match_rta(pfx, local) != 0 {
                continue;
            }
        }
        return true;
    }
    false
}

fn print_selected_addrinfo(ctx: &mut Ctx, f: &Filter, env: &mut LinkEnv, index: i32, iflags: u32, addrs: &[&[u8]]) {
    if ctx.p.is_json() {
        ctx.p.json_name("addr_info");
        ctx.p.open_array_nokey();
    }
    for raw in addrs {
        if msg_type(raw) != RTM_NEWADDR {
            continue;
        }
        let Some(p) = raw.get(16..) else { break };
        let Some((family, _, _, _, idx)) = ifaddr(p) else { break };
        if idx != index || (f.family != 0 && f.family != family) {
            continue;
        }
        if f.up && iflags & IFF_UP == 0 {
            continue;
        }
        ctx.p.open_object(None);
        print_addrinfo(ctx, f, env, RTM_NEWADDR, p);
        ctx.p.close_object();
    }
    ctx.p.close_array(T::Json, "");
    if ctx.o.brief > 0 {
        ctx.p.fp("\n");
    }
}

/// Whether print_addrinfo() passes an address (its filters, in order).
fn addr_selected(ctx: &mut Ctx, f: &Filter, env: &LinkEnv, p: &[u8], tb: &Tb) -> bool {
    let Some((family, _, iflags, scope, index)) = ifaddr(p) else { return false };
    let flags = tb.u32(IFA_FLAGS).unwrap_or(iflags as u32);
    if f.ifindex != 0 && f.ifindex != index {
        return false;
    }
    if (f.scope ^ scope) & f.scopemask != 0 {
        return false;
    }
    if (f.flags ^ flags) & f.flagmask != 0 {
        return false;
    }
    if f.family != 0 && f.family != family {
        return false;
    }
    if f.label_mismatch(ctx, env, index, tb.get(IFA_LABEL)) {
        return false;
    }
    if let Some(pfx) = &f.pfx {
        if inet_addr_match_rta(pfx, tb.get(IFA_LOCAL).or(tb.get(IFA_ADDRESS))) != 0 {
            return false;
        }
    }
    true
}

/// print_addrinfo(): one address line (and its lifetimes line).
pub fn print_addrinfo(ctx: &mut Ctx, f: &Filter, env: &mut LinkEnv, ty: u16, p: &[u8]) {
    let Some((family, plen, iflags, scope, index)) = ifaddr(p) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", p.len() as i64 - IFADDRMSG_LEN as i64);
        return;
    };
    let tb = Tb::parse(&p[IFADDRMSG_LEN..], IFA_MAX);
    if !addr_selected(ctx, f, env, p, &tb) {
        return;
    }
    let flags = tb.u32(IFA_FLAGS).unwrap_or(iflags as u32);
    let local = tb.get(IFA_LOCAL).or(tb.get(IFA_ADDRESS));
    let address = tb.get(IFA_ADDRESS).or(tb.get(IFA_LOCAL));
    let brief = ctx.o.brief > 0;
    if ty == RTM_DELADDR {
        ctx.p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if !brief {
        if f.oneline || f.flushing {
            let dev = env.name(ctx, index);
            if ctx.p.is_json() {
                ctx.p.int(T::Json, "index", "", index as i64);
                ctx.p.string(T::Json, "dev", "", &dev);
            } else {
                ctx.p.fpf(format_args!("{}: {}", index as u32, dev));
            }
        }
        let name = family_name(family);
        if !name.starts_with('?') {
            ctx.p.string(T::Any, "family", "    {} ", name);
        } else {
            ctx.p.int(T::Any, "family_index", "    family {} ", family as i64);
        }
    }
    let col = Color::of_family(family);
    let mut hb = crate::inet::fmt::ABuf::new();
    if let Some(l) = local {
        ctx.p.color_string(T::Any, col, "local", "{}", host(&mut hb, family, l, ctx.o.resolve > 0));
        if let Some(a) = address {
            let n = if family == AF_INET { 4 } else { 16 };
            if a.get(..n) != l.get(..n) {
                ctx.p.fp(" peer ");
                ctx.p.color_string(T::Any, col, "address", "{}", host(&mut hb, family, a, ctx.o.resolve > 0));
            }
        }
        ctx.p.int(T::Any, "prefixlen", "/{} ", plen as i64);
        if let Some(m) = tb.u32(IFA_RT_PRIORITY) {
            ctx.p.uint(T::Any, "metric", "metric {} ", m as u64);
        }
    }
    if brief {
        return;
    }
    if let Some(b) = tb.get(IFA_BROADCAST) {
        ctx.p.fp("brd ");
        ctx.p.color_string(T::Any, col, "broadcast", "{} ", host(&mut hb, family, b, ctx.o.resolve > 0));
    }
    if let Some(b) = tb.get(IFA_ANYCAST) {
        ctx.p.fp("any ");
        ctx.p.color_string(T::Any, col, "anycast", "{} ", host(&mut hb, family, b, ctx.o.resolve > 0));
    }
    let sc = rtscope_n2a(scope as u32, ctx.o.numeric > 0);
    ctx.p.string(T::Any, "scope", "scope {} ", sc.as_str());
    print_ifa_flags(ctx, family, flags);
    if let Some(l) = tb.str(IFA_LABEL) {
        ctx.p.string(T::Any, "label", "{}", &l);
    }
    if let Some(ci) = tb.get(IFA_CACHEINFO) {
        let preferred = ci.get(0..4).and_then(get_u32).unwrap_or(0);
        let valid = ci.get(4..8).and_then(get_u32).unwrap_or(0);
        ctx.p.nl();
        ctx.p.fp("       valid_lft ");
        if valid == INFINITY_LIFE_TIME {
            if ctx.p.is_json() {
                ctx.p.uint(T::Json, "valid_life_time", "", INFINITY_LIFE_TIME as u64);
            }
            ctx.p.fp("forever");
        } else {
            ctx.p.uint(T::Any, "valid_life_time", "{}sec", valid as u64);
        }
        ctx.p.fp(" preferred_lft ");
        if preferred == INFINITY_LIFE_TIME {
            if ctx.p.is_json() {
                ctx.p.uint(T::Json, "preferred_life_time", "", INFINITY_LIFE_TIME as u64);
            }
            ctx.p.fp("forever");
        } else if flags & IFA_F_DEPRECATED != 0 {
            ctx.p.int(T::Any, "preferred_life_time", "{}sec", preferred as i32 as i64);
        } else {
            ctx.p.uint(T::Any, "preferred_life_time", "{}sec", preferred as u64);
        }
    }
    ctx.p.fp("\n");
}

/// format_host() into a stack buffer (no allocation per address).
fn host<'b>(b: &'b mut crate::inet::fmt::ABuf, af: u8, a: &[u8], resolve: bool) -> &'b str {
    b.clear();
    b.push_host(af, a, resolve);
    b.as_str()
}

/// print_ifa_flags(): flag words in table order; "dynamic" when not
/// permanent; IPv6 secondaries are "temporary"; leftovers as hex.
pub fn print_ifa_flags(ctx: &mut Ctx, family: u8, flags: u32) {
    let mut flags = flags;
    for f in IFA_FLAG_DATA {
        let (name, mask) = (f.name, f.mask);
        if mask == IFA_F_PERMANENT {
            if flags & mask == 0 {
                ctx.p.bool(T::Any, "dynamic", "dynamic ", true);
            }
        } else if flags & mask != 0 {
            if mask == IFA_F_SECONDARY && family == AF_INET6 {
                ctx.p.bool(T::Any, "temporary", "temporary ", true);
            } else {
                if ctx.p.is_json() {
                    ctx.p.bool(T::Json, name, "", true);
                } else {
                    ctx.p.string(T::Fp, "", "{} ", name);
                }
            }
        }
        flags &= !mask;
    }
    if flags != 0 {
        if ctx.p.is_json() {
            let s = format!("{:02x}", flags);
            ctx.p.string(T::Json, "ifa_flags", "", &s);
        } else {
            ctx.p.fpf(format_args!("flags {:02x} ", flags));
        }
    }
}

/// ipaddr_flush(): rounds of dump + delete until nothing matches.
fn ipaddr_flush(ctx: &mut Ctx, f: &mut Filter) -> Res<i32> {
    f.flushing = true;
    let mut env = LinkEnv::default();
    let loops = ctx.o.loops;
    let mut round = 0;
    let stats = ctx.o.stats;
    while loops == 0 || round < loops {
        let mut hdr = [0u8; IFADDRMSG_LEN];
        hdr[0] = f.family;
        hdr[4..8].copy_from_slice(&f.ifindex.to_ne_bytes());
        let mut req = Req::new(RTM_GETADDR, 0, &hdr);
        let dgs = {
            let r = ctx.rtnl()?;
            if let Err(e) = r.dump_request(&mut req) {
                crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
                return Err(Exit(1));
            }
            match r.dump_collect()? {
                Some(d) => d,
                None => {
                    crate::eprintf!("Flush terminated\n");
                    return Err(Exit(1));
                }
            }
        };
        // The delete requests, batched as iproute2's 3584-byte buffer.
        let mut batches: Vec<Vec<u8>> = vec![Vec::new()];
        let mut flushed = 0;
        for d in &dgs {
            for m in msgs(d) {
                if m.ty != RTM_NEWADDR {
                    continue;
                }
                let Some((_, _, _, _, _)) = ifaddr(m.payload) else { continue };
                let tb = Tb::parse(&m.payload[IFADDRMSG_LEN..], IFA_MAX);
                if !addr_selected(ctx, f, &env, m.payload, &tb) {
                    continue;
                }
                let cur_len = batches.last().map(|b| b.len()).unwrap_or(0);
                if crate::netlink::attr::align4(cur_len) + m.raw.len() > 4096 - 512 {
                    batches.push(Vec::new());
                }
                let seq = ctx.rtnl()?.next_seq();
                if let Some(b) = batches.last_mut() {
                    b.resize(crate::netlink::attr::align4(b.len()), 0);
                    let start = b.len();
                    b.extend_from_slice(m.raw);
                    b[start + 4..start + 6].copy_from_slice(&RTM_DELADDR.to_ne_bytes());
                    b[start + 6..start + 8].copy_from_slice(&NLM_F_REQUEST.to_ne_bytes());
                    b[start + 8..start + 12].copy_from_slice(&seq.to_ne_bytes());
                }
                flushed += 1;
                if stats >= 2 {
                    print_addrinfo(ctx, f, &mut env, m.ty, m.payload);
                }
            }
        }
        if flushed == 0 {
            if stats > 0 {
                if round == 0 {
                    ctx.p.raw(b"Nothing to flush.\n");
                } else {
                    ctx.p.raw(crate::print::flush_complete(round).as_bytes());
                }
            }
            let _ = ctx.p.flush();
            return Ok(0);
        }
        round += 1;
        for b in &batches {
            if b.is_empty() {
                continue;
            }
            if let Err(errno) = ctx.rtnl()?.send_check(b) {
                if errno != libc::EADDRNOTAVAIL {
                    let _ = ctx.p.flush();
                    crate::eprintf!("Failed to send flush request: {}\n", crate::error::strerror(errno));
                    // ipaddr_flush() returns 1, which do_cmd() negates.
                    return Ok(255);
                }
            }
        }
        if stats > 0 {
            let s = format!("\n*** Round {}, deleting {} addresses ***\n", round, flushed);
            ctx.p.raw(s.as_bytes());
            let _ = ctx.p.flush();
        }
        if f.flags & IFA_F_SECONDARY == 0 && f.flagmask & IFA_F_SECONDARY != 0 {
            if stats > 0 {
                ctx.p.raw(crate::print::flush_complete(round).as_bytes());
            }
            let _ = ctx.p.flush();
            return Ok(0);
        }
    }
    let _ = ctx.p.flush();
    crate::eprintf!("*** Flush remains incomplete after {} rounds. ***\n", loops);
    Ok(255)
}

/// `ip address save`: the magic, then the raw RTM_NEWADDR messages.
fn ipaddr_save(ctx: &mut Ctx, f: &Filter) -> Res<i32> {
    if crate::sys::stdout_is_tty() {
        crate::eprintf!("Not sending a binary stream to stdout\n");
        return Err(Exit(1));
    }
    ctx.p.bin(&IPADD_DUMP_MAGIC.to_ne_bytes());
    if ctx.p.flush().is_err() {
        crate::eprintf!("Can't write magic to dump file\n");
        return Err(Exit(1));
    }
    // The dump uses the global family and the device, nothing else.
    let mut hdr = [0u8; IFADDRMSG_LEN];
    hdr[0] = ctx.o.family;
    hdr[4..8].copy_from_slice(&f.ifindex.to_ne_bytes());
    let mut req = Req::new(RTM_GETADDR, 0, &hdr);
    let dgs = {
        let r = ctx.rtnl()?;
        if let Err(e) = r.dump_request(&mut req) {
            return Err(cannot_send_dump(e));
        }
        r.dump_collect()?
    };
    let Some(dgs) = dgs else {
        crate::eprintf!("Save terminated\n");
        return Err(Exit(1));
    };
    for d in &dgs {
        for m in msgs(d) {
            ctx.p.bin(m.raw);
        }
    }
    Err(Exit(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::Captured;
    use crate::print::{Mode, Printer};

    /// An ifaddrmsg with attributes, as the kernel sends it (no nlmsghdr).
    fn addr_msg(family: u8, plen: u8, scope: u8, index: i32, attrs: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut hdr = vec![family, plen, 0, scope];
        hdr.extend_from_slice(&index.to_ne_bytes());
        let mut r = Req::new(RTM_NEWADDR, 0, &hdr);
        for (t, d) in attrs {
            r.attr(*t, d);
        }
        r.bytes()[16..].to_vec()
    }

    fn cacheinfo(pref: u32, valid: u32) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&pref.to_ne_bytes());
        v.extend_from_slice(&valid.to_ne_bytes());
        v.extend_from_slice(&[0u8; 8]);
        v
    }

    fn render(o: crate::ctx::Opts, json: bool, p: &[u8]) -> String {
        let out = Captured::default();
        let pr = Printer::new(Box::new(out.clone()), Mode { json, ..Default::default() });
        let mut ctx = Ctx::new(o, pr);
        let f = Filter::new(0, false, false);
        let mut env = LinkEnv::default();
        ctx.p.new_json_obj();
        ctx.p.open_object(None);
        print_addrinfo(&mut ctx, &f, &mut env, RTM_NEWADDR, p);
        ctx.p.close_object();
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        drop(ctx);
        let v = out.bytes();
        String::from_utf8_lossy(&v).into_owned()
    }

    #[test]
    fn ipv4_line_with_lifetimes() {
        let m = addr_msg(
            AF_INET,
            24,
            0,
            3,
            &[
                (IFA_ADDRESS, vec![10, 0, 0, 1]),
                (IFA_LOCAL, vec![10, 0, 0, 1]),
                (IFA_BROADCAST, vec![10, 0, 0, 255]),
                (IFA_LABEL, b"v0:a\0".to_vec()),
                (IFA_FLAGS, (IFA_F_SECONDARY | IFA_F_PERMANENT).to_ne_bytes().to_vec()),
                (IFA_CACHEINFO, cacheinfo(INFINITY_LIFE_TIME, INFINITY_LIFE_TIME)),
            ],
        );
        assert_eq!(
            render(Default::default(), false, &m),
            "    inet 10.0.0.1/24 brd 10.0.0.255 scope global secondary v0:a\n       valid_lft forever preferred_lft forever\n"
        );
    }

    #[test]
    fn ipv6_flags_and_countdowns() {
        let mut a = vec![0u8; 16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[15] = 5;
        let flags = IFA_F_SECONDARY | IFA_F_NODAD | IFA_F_DEPRECATED | 0x1000;
        let m = addr_msg(
            AF_INET6,
            64,
            0,
            3,
            &[(IFA_ADDRESS, a), (IFA_FLAGS, flags.to_ne_bytes().to_vec()), (IFA_CACHEINFO, cacheinfo(0, 90))],
        );
        assert_eq!(
            render(Default::default(), false, &m),
            "    inet6 2001::5/64 scope global temporary nodad deprecated dynamic flags 1000 \n       valid_lft 90sec preferred_lft 0sec\n"
        );
        assert_eq!(
            render(Default::default(), true, &m),
            "[{\"family\":\"inet6\",\"local\":\"2001::5\",\"prefixlen\":64,\"scope\":\"global\",\"temporary\":true,\"nodad\":true,\"deprecated\":true,\"dynamic\":true,\"ifa_flags\":\"1000\",\"valid_life_time\":90,\"preferred_life_time\":0}]\n"
        );
    }

    #[test]
    fn peer_and_metric() {
        let m = addr_msg(
            AF_INET,
            32,
            253,
            3,
            &[
                (IFA_ADDRESS, vec![10, 9, 9, 10]),
                (IFA_LOCAL, vec![10, 9, 9, 9]),
                (IFA_RT_PRIORITY, 20u32.to_ne_bytes().to_vec()),
                (IFA_FLAGS, IFA_F_PERMANENT.to_ne_bytes().to_vec()),
            ],
        );
        assert_eq!(
            render(Default::default(), false, &m),
            "    inet 10.9.9.9 peer 10.9.9.10/32 metric 20 scope link \n"
        );
    }

    #[test]
    fn flag_words() {
        let mut f = Filter::new(0, false, false);
        assert!(f.flag_word("primary"));
        assert_eq!((f.flags, f.flagmask), (0, IFA_F_SECONDARY));
        assert!(f.flag_word("dynamic"));
        assert_eq!((f.flags, f.flagmask), (0, IFA_F_SECONDARY | IFA_F_PERMANENT));
        assert!(f.flag_word("-dynamic"));
        assert_eq!(f.flags, IFA_F_PERMANENT);
        assert!(f.flag_word("-tentative"));
        assert_eq!(f.flags & IFA_F_TENTATIVE, 0);
        assert!(!f.flag_word("frob"));
        assert!(!f.flag_word("-"));
    }
}
