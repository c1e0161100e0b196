//! iplink_parse() (ip/iplink.c): the generic link options shared by
//! `add`, `set` and a veth peer, with the name codecs they need.

use std::os::fd::{AsRawFd, IntoRawFd, OwnedFd};

use super::help::usage;
use super::request::{Ifi, Parsed};
use super::value::{ll_addr_a2n, nl_get_ll_addr_len};
use super::vf::iplink_parse_vf;
use super::xdp::{xdp_parse, XDP_FLAGS_DRV_MODE, XDP_FLAGS_HW_MODE, XDP_FLAGS_SKB_MODE, XDP_FLAGS_UPDATE_IF_NOEXIST};
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{atoi, c_strtoull, get_integer, get_unsigned};
use crate::args::parse_on_off;
use crate::args::{matches, Args};
use crate::ctx::Ctx;
use crate::error::{duparg, duparg2, incomplete_command, invarg, missarg};
use crate::error::{eprint_raw, fail, Res};
use crate::names::{check_altifname, check_ifname};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Req, Tb};

const NLA_F_NESTED: u16 = 1 << 15;

const IFALIASZ: usize = 256;
const GSO_MAX_SEGS: u32 = 65535;
const PROTODOWN_REASON_NUM_BITS: u32 = 32;

/// iplink_parse()'s words, in its if-chain order. What no keyword takes
/// is the device (C's final `else`, which tests `help` and `dev` first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum P {
    Up,
    Down,
    Name,
    Index,
    Link,
    Address,
    Broadcast,
    Txqlen,
    Mtu,
    Xdp,
    Netns,
    Multicast,
    Allmulticast,
    Promisc,
    Trailers,
    Arp,
    Carrier,
    Vf,
    Master,
    Vrf,
    Nomaster,
    Dynamic,
    Type,
    Alias,
    Group,
    Mode,
    State,
    Numtxqueues,
    Numrxqueues,
    Addrgenmode,
    LinkNetns,
    LinkNetnsid,
    Protodown,
    ProtodownReason,
    GsoMaxSize,
    GsoMaxSegs,
    GroMaxSize,
    Parentdev,
    Help,
    Dev,
}

/// The values of `mode` (IFLA_LINKMODE), compared whole but in any case
/// (strcasecmp), so read with find_nocase().
pub(super) static LINK_MODES: Table<u8> = Table::new("ip link set mode", &[exact("default", 0), exact("dormant", 1)]);

/// The values of `addrgenmode` (IN6_ADDR_GEN_MODE_*), read with find_nocase().
pub(super) static ADDRGENMODES: Table<u8> = Table::new(
    "ip link set addrgenmode",
    &[exact("eui64", 0), exact("none", 1), exact("stable_secret", 2), exact("random", 3)],
);

/// The id of the first word of `t` that `w` spells in any case (strcasecmp).
fn find_nocase<T: Copy>(t: &Table<T>, w: &str) -> Option<T> {
    t.entries.iter().find(|k| k.word().eq_ignore_ascii_case(w)).map(|k| k.id)
}

/// The generic options of `ip link add|set|change|replace|delete` and of
/// a veth peer.
pub(super) static OPTIONS: Table<P> = Table::new(
    "ip link set",
    &[
        exact("up", P::Up),
        exact("down", P::Down),
        exact("name", P::Name),
        exact("index", P::Index),
        kw("link", P::Link),
        kw("address", P::Address),
        kw("broadcast", P::Broadcast),
        exact("brd", P::Broadcast),
        kw("txqueuelen", P::Txqlen),
        exact("qlen", P::Txqlen),
        kw("txqlen", P::Txqlen),
        exact("mtu", P::Mtu),
        exact("xdpgeneric", P::Xdp),
        exact("xdpdrv", P::Xdp),
        exact("xdpoffload", P::Xdp),
        exact("xdp", P::Xdp),
        exact("netns", P::Netns),
        exact("multicast", P::Multicast),
        exact("allmulticast", P::Allmulticast),
        exact("promisc", P::Promisc),
        exact("trailers", P::Trailers),
        exact("arp", P::Arp),
        exact("carrier", P::Carrier),
        exact("vf", P::Vf),
        kw("master", P::Master),
        exact("vrf", P::Vrf),
        kw("nomaster", P::Nomaster),
        kw("dynamic", P::Dynamic),
        kw("type", P::Type),
        kw("alias", P::Alias),
        exact("group", P::Group),
        exact("mode", P::Mode),
        exact("state", P::State),
        kw("numtxqueues", P::Numtxqueues),
        kw("numrxqueues", P::Numrxqueues),
        kw("addrgenmode", P::Addrgenmode),
        kw("link-netns", P::LinkNetns),
        kw("link-netnsid", P::LinkNetnsid),
        exact("protodown", P::Protodown),
        exact("protodown_reason", P::ProtodownReason),
        exact("gso_max_size", P::GsoMaxSize),
        exact("gso_max_segs", P::GsoMaxSegs),
        exact("gro_max_size", P::GroMaxSize),
        exact("parentdev", P::Parentdev),
        kw("help", P::Help),
        exact("dev", P::Dev),
    ],
);

/// The device names seen by iplink_parse(), as positions in the argument
/// list: C compares the `name` and `dev` pointers, and equal positions are
/// equal pointers.
type Word = Option<usize>;

fn word(args: &Args, w: Word) -> Option<String> {
    w.and_then(|i| args.all().get(i).cloned())
}

/// iplink_parse(): reads generic link options into `req` (appending
/// attributes in iproute2's order) and `ifi`, up to and including
/// `type KIND`. Used for the main request and for a veth peer.
pub fn iplink_parse(ctx: &mut Ctx, args: &mut Args, req: &mut Req, ifi: &mut Ifi) -> Res<Parsed> {
    let create = req.flags() & NLM_F_CREATE != 0;
    let mut move_netns = false;
    let mut name: Word = None;
    let mut dev: Word = None;
    let mut link: Option<String> = None;
    let mut qlen: i32 = -1;
    let mut mtu: i32 = -1;
    let mut netns: i32 = -1;
    let mut numtxqueues: i32 = -1;
    let mut numrxqueues: i32 = -1;
    let mut link_netnsid: i32 = -1;
    let mut index: i32 = 0;
    let mut group: i32 = -1;
    let mut addr_len: usize = 0;
    let mut kind: Option<String> = None;

    // NEXT_ARG(): the word after the current one.
    macro_rules! next_arg {
        () => {{
            args.advance();
            args.peek().ok_or_else(incomplete_command)?.to_string()
        }};
    }

    macro_rules! onoff_flag {
        ($key:expr, $flag:expr, $on_sets:expr) => {{
            let v = next_arg!();
            ifi.change |= $flag;
            let set = match v.as_str() {
                "on" => $on_sets,
                "off" => !$on_sets,
                _ => return Ok(on_off($key, &v)),
            };
            if set {
                ifi.flags |= $flag;
            } else {
                ifi.flags &= !$flag;
            }
        }};
    }

    while let Some(w) = args.peek().map(str::to_string) {
        let w = w.as_str();
        match OPTIONS.find(w) {
            Some(P::Up) => {
                ifi.change |= IFF_UP;
                ifi.flags |= IFF_UP;
            }
            Some(P::Down) => {
                ifi.change |= IFF_UP;
                ifi.flags &= !IFF_UP;
            }
            Some(P::Name) => {
                let v = next_arg!();
                if name.is_some() {
                    return Err(duparg("name", &v));
                }
                if !check_ifname(&v) {
                    return Err(invarg("\"name\" not a valid ifname", &v));
                }
                name = Some(args.position());
                if dev.is_none() {
                    dev = name;
                }
            }
            Some(P::Index) => {
                let v = next_arg!();
                if index != 0 {
                    return Err(duparg("index", &v));
                }
                index = atoi(&v);
                if index <= 0 {
                    return Err(invarg("Invalid \"index\" value", &v));
                }
            }
            Some(P::Link) => {
                link = Some(next_arg!());
            }
            Some(P::Address) => {
                let v = next_arg!();
                let Some(a) = ll_addr_a2n(&v, 32) else {
                    return Ok(Parsed::Failed(-1));
                };
                addr_len = a.len();
                req.attr(IFLA_ADDRESS, &a);
            }
            Some(P::Broadcast) => {
                let v = next_arg!();
                let Some(a) = ll_addr_a2n(&v, 32) else {
                    return Ok(Parsed::Failed(-1));
                };
                req.attr(IFLA_BROADCAST, &a);
            }
            Some(P::Txqlen) => {
                let v = next_arg!();
                if qlen != -1 {
                    return Err(duparg("txqueuelen", &v));
                }
                qlen = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"txqueuelen\" value\n", &v))?;
                req.attr_u32(IFLA_TXQLEN, qlen as u32);
            }
            Some(P::Mtu) => {
                let v = next_arg!();
                if mtu != -1 {
                    return Err(duparg("mtu", &v));
                }
                mtu = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"mtu\" value\n", &v))?;
                req.attr_u32(IFLA_MTU, mtu as u32);
            }
            Some(P::Xdp) => {
                let offload = w == "xdpoffload";
                let mut xflags = 0;
                if ctx.o.force == 0 {
                    xflags |= XDP_FLAGS_UPDATE_IF_NOEXIST;
                }
                if w == "xdpgeneric" {
                    xflags |= XDP_FLAGS_SKB_MODE;
                }
                if w == "xdpdrv" {
                    xflags |= XDP_FLAGS_DRV_MODE;
                }
                if offload {
                    xflags |= XDP_FLAGS_HW_MODE;
                }
                args.advance();
                if args.is_empty() {
                    return Err(incomplete_command());
                }
                xdp_parse(ctx, args, req, word(args, dev), offload, xflags)?;
                if offload && name == dev {
                    dev = None;
                }
            }
            Some(P::Netns) => {
                let v = next_arg!();
                if netns != -1 {
                    return Err(duparg("netns", &v));
                }
                // The descriptor stays open: the kernel reads it when the request
                // is sent (iproute2 never closes it either).
                match netns_get_fd(&v).map(IntoRawFd::into_raw_fd) {
                    Some(fd) => {
                        netns = fd;
                        req.attr_u32(IFLA_NET_NS_FD, fd as u32);
                    }
                    None => match get_integer(&v, 0) {
                        Some(pid) => {
                            netns = pid;
                            req.attr_u32(IFLA_NET_NS_PID, pid as u32);
                        }
                        None => return Err(invarg("Invalid \"netns\" value\n", &v)),
                    },
                }
                move_netns = true;
            }
            Some(P::Multicast) => {
                onoff_flag!("multicast", IFF_MULTICAST, true);
            }
            Some(P::Allmulticast) => {
                onoff_flag!("allmulticast", IFF_ALLMULTI, true);
            }
            Some(P::Promisc) => {
                onoff_flag!("promisc", IFF_PROMISC, true);
            }
            Some(P::Trailers) => {
                onoff_flag!("trailers", IFF_NOTRAILERS, false);
            }
            Some(P::Arp) => {
                onoff_flag!("arp", IFF_NOARP, false);
            }
            Some(P::Carrier) => {
                let v = next_arg!();
                let Some(c) = parse_on_off("carrier", &v) else {
                    return Ok(Parsed::Failed(-libc::EINVAL));
                };
                req.attr_u8(IFLA_CARRIER, c as u8);
            }
            Some(P::Vf) => {
                let v = next_arg!();
                let vf = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"vf\" value\n", &v))?;
                let vflist = req.nest(IFLA_VFINFO_LIST);
                let Some(d) = word(args, dev) else {
                    return Err(missarg("dev"));
                };
                if !iplink_parse_vf(ctx, vf, args, req, &d)? {
                    return Ok(Parsed::Failed(-1));
                }
                req.nest_end(vflist);
                if name == dev {
                    dev = None;
                }
            }
            Some(P::Master) => {
                let v = next_arg!();
                let idx = ctx.ifindex(&v);
                if idx == 0 {
                    return Err(invarg("Device does not exist\n", &v));
                }
                req.attr_u32(IFLA_MASTER, idx);
            }
            Some(P::Vrf) => {
                let v = next_arg!();
                let idx = ctx.ifindex(&v);
                if idx == 0 || !name_is_vrf(ctx, &v)? {
                    return Err(invarg("Not a valid VRF name\n", &v));
                }
                req.attr_u32(IFLA_MASTER, idx);
            }
            Some(P::Nomaster) => {
                req.attr_u32(IFLA_MASTER, 0);
            }
            Some(P::Dynamic) => {
                onoff_flag!("dynamic", IFF_DYNAMIC, true);
            }
            Some(P::Type) => {
                let v = next_arg!();
                kind = Some(v);
                args.advance();
                break;
            }
            Some(P::Alias) => {
                let v = next_arg!();
                if crate::args::bytes::len(&v) >= IFALIASZ {
                    return Err(invarg("alias too long\n", &v));
                }
                req.attr(IFLA_IFALIAS, &crate::args::bytes::unescape(&v));
            }
            Some(P::Group) => {
                let v = next_arg!();
                if group != -1 {
                    return Err(duparg("group", &v));
                }
                group = crate::names::tables::group_a2n(&v).ok_or_else(|| invarg("Invalid \"group\" value\n", &v))?;
                req.attr_u32(IFLA_GROUP, group as u32);
            }
            Some(P::Mode) => {
                let v = next_arg!();
                let Some(mode) = find_nocase(&LINK_MODES, &v) else {
                    return Err(invarg("Invalid link mode\n", &v));
                };
                req.attr_u8(IFLA_LINKMODE, mode);
            }
            Some(P::State) => {
                let v = next_arg!();
                const OPER: [&str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];
                let Some(st) = OPER.iter().position(|s| s.eq_ignore_ascii_case(&v)) else {
                    return Err(invarg("Invalid operstate\n", &v));
                };
                req.attr_u8(IFLA_OPERSTATE, st as u8);
            }
            Some(P::Numtxqueues) => {
                let v = next_arg!();
                if numtxqueues != -1 {
                    return Err(duparg("numtxqueues", &v));
                }
                numtxqueues = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"numtxqueues\" value\n", &v))?;
                req.attr_u32(IFLA_NUM_TX_QUEUES, numtxqueues as u32);
            }
            Some(P::Numrxqueues) => {
                let v = next_arg!();
                if numrxqueues != -1 {
                    return Err(duparg("numrxqueues", &v));
                }
                numrxqueues = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"numrxqueues\" value\n", &v))?;
                req.attr_u32(IFLA_NUM_RX_QUEUES, numrxqueues as u32);
            }
            Some(P::Addrgenmode) => {
                let v = next_arg!();
                let Some(mode) = find_nocase(&ADDRGENMODES, &v) else {
                    return Err(invarg("Invalid address generation mode\n", &v));
                };
                let afs = req.nest(IFLA_AF_SPEC);
                let afs6 = req.nest(AF_INET6 as u16);
                req.attr_u8(IFLA_INET6_ADDR_GEN_MODE, mode);
                req.nest_end(afs6);
                req.nest_end(afs);
            }
            Some(P::LinkNetns) => {
                let v = next_arg!();
                if link_netnsid != -1 {
                    return Err(duparg("link-netns/link-netnsid", &v));
                }
                link_netnsid = get_netnsid_from_name(ctx, &v)?;
                // No nsid? Try to assign one.
                if link_netnsid < 0 {
                    set_netnsid_from_name(ctx, &v, -1)?;
                }
                link_netnsid = get_netnsid_from_name(ctx, &v)?;
                if link_netnsid < 0 {
                    return Err(invarg("Invalid \"link-netns\" value\n", &v));
                }
                req.attr_u32(IFLA_LINK_NETNSID, link_netnsid as u32);
            }
            Some(P::LinkNetnsid) => {
                let v = next_arg!();
                if link_netnsid != -1 {
                    return Err(duparg("link-netns/link-netnsid", &v));
                }
                link_netnsid = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"link-netnsid\" value\n", &v))?;
                req.attr_u32(IFLA_LINK_NETNSID, link_netnsid as u32);
            }
            Some(P::Protodown) => {
                let v = next_arg!();
                let Some(p) = parse_on_off("protodown", &v) else {
                    return Ok(Parsed::Failed(-libc::EINVAL));
                };
                req.attr_u8(IFLA_PROTO_DOWN, p as u8);
            }
            Some(P::ProtodownReason) => {
                let v = next_arg!();
                let reason = protodown_reason_a2n(&v).ok_or_else(|| invarg("invalid protodown reason\n", &v))?;
                let onoff = next_arg!();
                let mask = 1u32 << reason;
                let value = if matches(&onoff, "on") {
                    mask
                } else if matches(&onoff, "off") {
                    0
                } else {
                    return Ok(on_off("protodown_reason", &onoff));
                };
                let pr = req.nest(IFLA_PROTO_DOWN_REASON | NLA_F_NESTED);
                req.attr_u32(IFLA_PROTO_DOWN_REASON_MASK, mask);
                req.attr_u32(IFLA_PROTO_DOWN_REASON_VALUE, value);
                req.nest_end(pr);
            }
            Some(P::GsoMaxSize) => {
                let v = next_arg!();
                let n = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"gso_max_size\" value\n", &v))?;
                req.attr_u32(IFLA_GSO_MAX_SIZE, n);
            }
            Some(P::GsoMaxSegs) => {
                let v = next_arg!();
                let n = get_unsigned(&v, 0)
                    .filter(|n| *n <= GSO_MAX_SEGS)
                    .ok_or_else(|| invarg("Invalid \"gso_max_segs\" value\n", &v))?;
                req.attr_u32(IFLA_GSO_MAX_SEGS, n);
            }
            Some(P::GroMaxSize) => {
                let v = next_arg!();
                let n = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"gro_max_size\" value\n", &v))?;
                req.attr_u32(IFLA_GRO_MAX_SIZE, n);
            }
            Some(P::Parentdev) => {
                let v = next_arg!();
                req.attr_str(IFLA_PARENT_DEV_NAME, &v);
            }
            kw @ (Some(P::Help) | Some(P::Dev) | None) => {
                if kw == Some(P::Help) {
                    return Err(usage());
                }
                if kw == Some(P::Dev) {
                    args.advance();
                    if args.is_empty() {
                        return Err(incomplete_command());
                    }
                }
                let v = args.peek().unwrap_or("").to_string();
                if dev != name {
                    return Err(duparg2("dev", &v));
                }
                if !check_altifname(&v) {
                    return Err(invarg("\"dev\" not a valid ifname", &v));
                }
                dev = Some(args.position());
            }
        }
        args.advance();
    }

    // Allow "ip link add dev" and "ip link add name".
    if name.is_none() {
        name = dev;
    } else if dev.is_none() {
        dev = name;
    } else if word(args, name) == word(args, dev) {
        name = dev;
    }

    if let Some(d) = word(args, dev) {
        if addr_len != 0 && !create {
            let halen = nl_get_ll_addr_len(ctx, &d)?;
            if halen >= 0 && halen as usize != addr_len {
                eprint_raw(&format!("Invalid address length {} - must be {} bytes\n", addr_len, halen));
                return Ok(Parsed::Failed(-1));
            }
        }
    }

    if index != 0 && !create && !move_netns {
        return Err(fail(
            255,
            "index can be used only when creating devices or when moving device to another netns.\n",
        ));
    }

    if group != -1 && dev.is_none() {
        if let Some(w) = args.peek() {
            return Err(fail(255, &format!("Garbage instead of arguments \"{} ...\". Try \"ip link help\".\n", w)));
        }
        if create {
            return Err(fail(255, "group cannot be used when creating devices.\n"));
        }
        return Ok(Parsed::Done { kind: None });
    }

    if !create {
        let Some(d) = word(args, dev) else {
            return Err(fail(255, "Not enough information: \"dev\" argument is required.\n"));
        };
        ifi.index = ctx.ifindex(&d) as i32;
        if ifi.index == 0 {
            crate::error::say_no_device(d);
            return Ok(Parsed::Failed(-1));
        }
        // Not renaming to the same name.
        if name == dev {
            name = None;
        }
        if index != 0 {
            req.attr_u32(IFLA_NEW_IFINDEX, index as u32);
        }
    } else {
        if name != dev {
            return Err(fail(255, "both \"name\" and \"dev\" cannot be used when creating devices.\n"));
        }
        if let Some(l) = link {
            let idx = ctx.ifindex(&l);
            if idx == 0 {
                crate::error::say_no_device(l);
                return Ok(Parsed::Failed(-1));
            }
            req.attr_u32(IFLA_LINK, idx);
        }
        ifi.index = index;
    }

    if let Some(n) = word(args, name) {
        req.attr_str(IFLA_IFNAME, &n);
    }
    Ok(Parsed::Done { kind })
}

/// on_off(): the message, and the -1 iplink_parse() returns.
fn on_off(key: &str, v: &str) -> Parsed {
    if v != "on" && v != "off" {
        eprint_raw(&crate::error::must_be_on_off(key, v));
    }
    Parsed::Failed(-1)
}

/// netns_get_fd(): /run/netns/NAME, or NAME itself when it holds a '/'.
fn netns_get_fd(name: &str) -> Option<OwnedFd> {
    let path = if name.contains('/') {
        name.to_string()
    } else {
        format!("{}/{}", crate::sys::namespace::NETNS_RUN_DIR, name)
    };
    std::fs::File::open(&*crate::args::bytes::os(&path)).ok().map(OwnedFd::from)
}

/// get_netnsid_from_name(): the nsid of /run/netns/NAME, or a negative value.
fn get_netnsid_from_name(ctx: &mut Ctx, name: &str) -> Res<i32> {
    let Some(fd) = netns_get_fd(name) else {
        return Ok(-1);
    };
    let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST, &[AF_UNSPEC, 0, 0, 0]);
    req.attr_u32(NETNSA_FD, fd.as_raw_fd() as u32);
    // rtnl_talk(): a refusal is printed ("Error: Peer netns reference is invalid.").
    let ans = ctx.rtnl()?.talk_answer(&mut req);
    drop(fd);
    let Ok(ans) = ans else { return Ok(-2) };
    for m in msgs(&ans) {
        if m.ty == RTM_NEWNSID {
            let tb = Tb::parse(m.payload.get(4..).unwrap_or(&[]), NETNSA_MAX);
            return Ok(tb.i32(NETNSA_NSID).unwrap_or(-1));
        }
    }
    Ok(-1)
}

/// set_netnsid_from_name(): RTM_NEWNSID for /run/netns/NAME.
fn set_netnsid_from_name(ctx: &mut Ctx, name: &str, nsid: i32) -> Res<()> {
    let Some(fd) = netns_get_fd(name) else {
        return Ok(());
    };
    let mut req = Req::new(RTM_NEWNSID, NLM_F_REQUEST, &[AF_UNSPEC, 0, 0, 0]);
    req.attr_u32(NETNSA_FD, fd.as_raw_fd() as u32);
    req.attr_u32(NETNSA_NSID, nsid as u32);
    let _ = ctx.rtnl()?.talk(&mut req);
    drop(fd);
    Ok(())
}

/// name_is_vrf(): whether NAME is a device of kind "vrf".
fn name_is_vrf(ctx: &mut Ctx, name: &str) -> Res<bool> {
    let mut req = Req::bounded(
        RTM_GETLINK,
        NLM_F_REQUEST,
        &ifinfomsg(ctx.o.family, 0, 0, 0),
        crate::netlink::attr::bound::IPLINK_REQ,
    );
    req.attr_str(IFLA_IFNAME, name);
    let Ok(ans) = ctx.rtnl()?.talk_answer_quiet(&mut req) else {
        return Ok(false);
    };
    for m in msgs(&ans) {
        if m.ty != RTM_NEWLINK {
            continue;
        }
        let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else {
            return Ok(false);
        };
        let tb = Tb::parse(attrs, IFLA_MAX);
        let Some(li) = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else {
            return Ok(false);
        };
        return Ok(li.str(IFLA_INFO_KIND).as_deref() == Some("vrf"));
    }
    Ok(false)
}

/// protodown_reason_a2n(): a name from /etc/iproute2/protodown_reasons.d/*.conf
/// or a number below 32.
pub(super) fn protodown_reason_a2n(arg: &str) -> Option<u32> {
    if let Ok(dir) = std::fs::read_dir("/etc/iproute2/protodown_reasons.d") {
        let mut tab: Vec<Option<String>> = vec![None; PROTODOWN_REASON_NUM_BITS as usize];
        for e in dir.flatten() {
            let f = e.file_name().to_string_lossy().into_owned();
            if f.starts_with('.') || f.len() <= 5 || !f.ends_with(".conf") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            for line in text.lines() {
                let p = line.trim_start_matches([' ', '\t']);
                if p.is_empty() || p.starts_with('#') {
                    continue;
                }
                let mut it = p.split_whitespace();
                let (Some(id), Some(nm)) = (it.next(), it.next()) else {
                    break;
                };
                let id = atoi(id);
                if (0..PROTODOWN_REASON_NUM_BITS as i32).contains(&id) {
                    tab[id as usize] = Some(nm.to_string());
                }
            }
        }
        if let Some(i) = tab.iter().position(|n| n.as_deref() == Some(arg)) {
            return Some(i as u32);
        }
    }
    let (v, n, _) = c_strtoull(arg, 0);
    if n == 0 || n != arg.len() || v >= PROTODOWN_REASON_NUM_BITS as u64 {
        return None;
    }
    Some(v as u32)
}
