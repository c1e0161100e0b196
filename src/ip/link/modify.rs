//! `ip link add|set|change|replace|delete`, `property`, `xstats`,
//! `afstats` and `help` (ip/iplink.c iplink_modify(), iplink_parse()).
//! Owned by issue 4.
//!
//! One RTM_NEWLINK/RTM_DELLINK carries every change, built in the order
//! iproute2 appends its attributes, so the kernel applies (and partly
//! applies, on failure) exactly what it would for iproute2.

use std::os::fd::IntoRawFd;

use crate::ctx::Ctx;
use crate::linkinfo::kinds;
use crate::args::{matches, Args};
use crate::error::{duparg, duparg2, incomplete_command, invarg, missarg};
use crate::error::{eprint_raw, fail, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Req, Tb};
use crate::args::num::{atoi, c_strtoll, c_strtoull, get_integer, get_unsigned};

const NLA_F_NESTED: u16 = 1 << 15;
const IFALIASZ: usize = 256;
const GSO_MAX_SEGS: u32 = 65535;
const PROTODOWN_REASON_NUM_BITS: u32 = 32;

const IFLA_VF_INFO: u16 = 1;
const IFLA_VF_MAC: u16 = 1;
const IFLA_VF_VLAN: u16 = 2;
const IFLA_VF_TX_RATE: u16 = 3;
const IFLA_VF_SPOOFCHK: u16 = 4;
const IFLA_VF_LINK_STATE: u16 = 5;
const IFLA_VF_RATE: u16 = 6;
const IFLA_VF_RSS_QUERY_EN: u16 = 7;
const IFLA_VF_TRUST: u16 = 9;
const IFLA_VF_IB_NODE_GUID: u16 = 10;
const IFLA_VF_IB_PORT_GUID: u16 = 11;
const IFLA_VF_VLAN_LIST: u16 = 12;
const IFLA_VF_VLAN_INFO: u16 = 1;
const ETH_P_8021Q: u16 = 0x8100;
const ETH_P_8021AD: u16 = 0x88a8;

const IFLA_XDP_FD: u16 = 1;
const IFLA_XDP_FLAGS: u16 = 3;
const XDP_FLAGS_UPDATE_IF_NOEXIST: u32 = 1;
const XDP_FLAGS_SKB_MODE: u32 = 2;
const XDP_FLAGS_DRV_MODE: u32 = 4;
const XDP_FLAGS_HW_MODE: u32 = 8;

const RTM_GETSTATS: u16 = 94;
const IFLA_STATS_LINK_XSTATS: u32 = 2;
const IFLA_STATS_LINK_XSTATS_SLAVE: u32 = 3;
const IFLA_STATS_AF_SPEC: u16 = 5;

/// Offset of the ifinfomsg in a request (after the nlmsghdr).
pub const IFI_OFF: usize = 16;

/// The ifinfomsg fields iplink_parse() changes: flags, change mask, index.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ifi {
    pub flags: u32,
    pub change: u32,
    pub index: i32,
}

impl Ifi {
    /// Reads the fields of the ifinfomsg at `off` in `req`.
    pub fn read(req: &Req, off: usize) -> Ifi {
        let b = &req.buf;
        let rd = |o: usize| -> u32 {
            b.get(off + o..off + o + 4)
                .and_then(|s| s.try_into().ok())
                .map(u32::from_ne_bytes)
                .unwrap_or(0)
        };
        Ifi { index: rd(4) as i32, flags: rd(8), change: rd(12) }
    }

    /// Writes the fields into the ifinfomsg at `off` in `req`.
    pub fn write(&self, req: &mut Req, off: usize) {
        let b = &mut req.buf;
        if b.len() < off + 16 {
            return;
        }
        b[off + 4..off + 8].copy_from_slice(&self.index.to_ne_bytes());
        b[off + 8..off + 12].copy_from_slice(&self.flags.to_ne_bytes());
        b[off + 12..off + 16].copy_from_slice(&self.change.to_ne_bytes());
    }
}

/// Appends `n` zero bytes to the request (C's `n->nlmsg_len += ...` on a
/// zeroed buffer).
pub fn reserve(req: &mut Req, n: usize) {
    req.buf.extend(std::iter::repeat_n(0u8, n));
    let len = req.buf.len() as u32;
    req.buf[0..4].copy_from_slice(&len.to_ne_bytes());
}

/// What iplink_parse() ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Parsed; `kind` is the word after `type` (the cursor is after it).
    Done { kind: Option<String> },
    /// A parse error already printed; the C return value (-1, or -22
    /// from parse_on_off()).
    Failed(i32),
}

/// iplink_usage(): stderr, exit(-1).
pub fn usage() -> Exit {
    fail(255, USAGE)
}

pub const USAGE: &str = "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME
		    [ txqueuelen PACKETS ]
		    [ address LLADDR ]
		    [ broadcast LLADDR ]
		    [ mtu MTU ] [index IDX ]
		    [ numtxqueues QUEUE_COUNT ]
		    [ numrxqueues QUEUE_COUNT ]
		    [ netns { PID | NAME } ]
		    type TYPE [ ARGS ]

	ip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]

	ip link set { DEVICE | dev DEVICE | group DEVGROUP }
			[ { up | down } ]
			[ type TYPE ARGS ]
		[ arp { on | off } ]
		[ dynamic { on | off } ]
		[ multicast { on | off } ]
		[ allmulticast { on | off } ]
		[ promisc { on | off } ]
		[ trailers { on | off } ]
		[ carrier { on | off } ]
		[ txqueuelen PACKETS ]
		[ name NEWNAME ]
		[ address LLADDR ]
		[ broadcast LLADDR ]
		[ mtu MTU ]
		[ netns { PID | NAME } ]
		[ link-netns NAME | link-netnsid ID ]
		[ alias NAME ]
		[ vf NUM [ mac LLADDR ]
			 [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]
			 [ rate TXRATE ]
			 [ max_tx_rate TXRATE ]
			 [ min_tx_rate TXRATE ]
			 [ spoofchk { on | off} ]
			 [ query_rss { on | off} ]
			 [ state { auto | enable | disable} ]
			 [ trust { on | off} ]
			 [ node_guid EUI64 ]
			 [ port_guid EUI64 ] ]
		[ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off |
			  object FILE [ { section | program } NAME ] [ verbose ] |
			  pinned FILE } ]
		[ master DEVICE ][ vrf NAME ]
		[ nomaster ]
		[ addrgenmode { eui64 | none | stable_secret | random } ]
		[ protodown { on | off } ]
		[ protodown_reason PREASON { on | off } ]
		[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]
		[ gro_max_size BYTES ]

	ip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]
		[nomaster]

	ip link xstats type TYPE [ ARGS ]

	ip link afstats [ dev DEVICE ]
	ip link property add dev DEVICE [ altname NAME .. ]
	ip link property del dev DEVICE [ altname NAME .. ]

	ip link help [ TYPE ]

TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
";

/// Every link_util id iproute2 6.1.0 resolves (get_link_kind()), and
/// whether it has a parse_opt. Kinds rip registers in `kinds::KINDS` take
/// precedence; the parse-less ones are handled here in full.
const IPROUTE2_KINDS: &[(&str, bool)] = &[
    ("amt", true),
    ("bareudp", true),
    ("batadv", true),
    ("bond", true),
    ("bond_slave", true),
    ("bridge", true),
    ("bridge_slave", true),
    ("can", true),
    ("dsa", true),
    ("dummy", false),
    ("erspan", true),
    ("geneve", true),
    ("gre", true),
    ("gretap", true),
    ("gtp", true),
    ("hsr", true),
    ("ifb", false),
    ("ip6erspan", true),
    ("ip6gre", true),
    ("ip6gretap", true),
    ("ip6tnl", true),
    ("ipip", true),
    ("ipoib", true),
    ("ipvlan", true),
    ("ipvtap", true),
    ("macsec", true),
    ("macvlan", true),
    ("macvtap", true),
    ("netdevsim", false),
    ("nlmon", false),
    ("rmnet", true),
    ("sit", true),
    ("team", false),
    ("team_slave", false),
    ("tun", false),
    ("vcan", false),
    ("veth", true),
    ("virt_wifi", false),
    ("vlan", true),
    ("vrf", true),
    ("vrf_slave", false),
    ("vti", true),
    ("vti6", true),
    ("vxcan", true),
    ("vxlan", true),
    ("wwan", true),
    ("xfrm", true),
];

/// print_help of the parse-less kinds (all one line, to the given stream).
fn builtin_help(id: &str) -> Option<&'static str> {
    Some(match id {
        "dummy" => "Usage: ... dummy\n",
        "ifb" => "Usage: ... ifb\n",
        "netdevsim" => "Usage: ... netdevsim\n",
        "nlmon" => "Usage: ... nlmon\n",
        "team" => "Usage: ... team\n",
        "team_slave" => "Usage: ... team_slave\n",
        "vcan" => "Usage: ... vcan\n",
        "virt_wifi" => "Usage: ... virt_wifi \n",
        _ => return None,
    })
}

/// Whether iproute2 knows the kind `id` (get_link_kind() != NULL).
fn iproute2_knows(id: &str) -> bool {
    IPROUTE2_KINDS.iter().any(|(k, _)| *k == id)
}

/// How iplink_modify() treats the kind's arguments.
enum KindParser {
    /// rip's plug-in parser.
    Rip(kinds::ParseFn),
    /// A kind without parse_opt: an empty data nest.
    Empty,
    /// No link_util: leftover words are garbage.
    Unknown,
}

fn kind_parser(id: &str) -> KindParser {
    if let Some(k) = kinds::find(id) {
        return match k.parse {
            Some(f) => KindParser::Rip(f),
            None => KindParser::Empty,
        };
    }
    if IPROUTE2_KINDS.iter().any(|(k, has)| *k == id && !*has) {
        return KindParser::Empty;
    }
    KindParser::Unknown
}

/// iplink_modify(): returns the exit status.
pub fn iplink_modify(ctx: &mut Ctx, cmd: u16, flags: u16, args: Args) -> Res<i32> {
    let mut req = match build_modify(ctx, cmd, flags, args)? {
        Ok(req) => req,
        Err(rc) => return Ok(rc),
    };
    if ctx.o.echo > 0 {
        // rtnl_echo_talk(): the kernel echoes the new link back.
        let f = req.flags() | NLM_F_ECHO | NLM_F_ACK;
        req.set_flags(f);
        return match ctx.rtnl()?.talk_answer(&mut req) {
            Ok(ans) => {
                print_echo(ctx, &ans);
                forget_link(ctx, Ifi::read(&req, IFI_OFF).index);
                Ok(0)
            }
            Err(_) => Ok(2),
        };
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => {
            forget_link(ctx, Ifi::read(&req, IFI_OFF).index);
            Ok(0)
        }
        Err(_) => Ok(2),
    }
}

/// ll_drop_by_index(): the link changed, so its cached name may be stale
/// (matters in -batch). rip's cache has no per-entry drop; it is emptied,
/// which only costs later lookups a kernel round trip.
fn forget_link(ctx: &mut Ctx, index: i32) {
    if index != 0 {
        let offline = ctx.names.offline;
        ctx.names = crate::names::LinkNames::new();
        ctx.names.offline = offline;
    }
}

/// The request of iplink_modify(), or the exit status of a failed parse.
pub fn build_modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut args: Args) -> Res<Result<Req, i32>> {
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags, &ifinfomsg(ctx.o.family, 0, 0, 0));
    let mut ifi = Ifi::default();
    let parsed = iplink_parse(ctx, &mut args, &mut req, &mut ifi)?;
    ifi.write(&mut req, IFI_OFF);
    let kind = match parsed {
        Parsed::Failed(r) => return Ok(Err(-r)),
        Parsed::Done { kind } => kind,
    };

    if let Some(kind) = kind {
        let linkinfo = req.nest(IFLA_LINKINFO);
        // IFLA_INFO_KIND without its NUL, as iproute2 sends it.
        req.attr(IFLA_INFO_KIND, kind.as_bytes());
        // Only the text from the first '_' on decides (strchr, strcmp).
        let slave = kind.find('_').map(|i| &kind[i..] == "_slave").unwrap_or(false);
        let data_type = if slave { IFLA_INFO_SLAVE_DATA } else { IFLA_INFO_DATA };
        if !args.is_empty() {
            match kind_parser(&kind) {
                KindParser::Rip(parse) => {
                    let data = req.nest(data_type);
                    let r = parse(ctx, &kind, &mut args, &mut req)?;
                    if r != 0 {
                        return Ok(Err(1));
                    }
                    req.nest_end(data);
                }
                KindParser::Empty => {
                    let data = req.nest(data_type);
                    req.nest_end(data);
                }
                KindParser::Unknown => {
                    let w = args.peek().unwrap_or("");
                    if matches(w, "help") {
                        return Err(usage());
                    }
                    eprint_raw(&format!(
                        "Garbage instead of arguments \"{} ...\". Try \"ip link help\".\n",
                        w
                    ));
                    return Ok(Err(1));
                }
            }
        }
        req.nest_end(linkinfo);
    } else if flags & NLM_F_CREATE != 0 {
        eprint_raw("Not enough information: \"type\" argument is required\n");
        return Ok(Err(1));
    }
    Ok(Ok(req))
}

/// rtnl_echo_talk()'s printing of the link the kernel echoed for `-echo`:
/// print_linkinfo() with ipaddress.c's filter as it is when nothing was
/// listed (all zero, so only group 0 links print).
fn print_echo(ctx: &mut Ctx, answer: &[u8]) {
    let Some(m) = msgs(answer).next() else { return };
    let mut f = crate::linkinfo::list::Filter::new(0, false, false);
    f.group = 0;
    // The zeroed filter also has showqueue off: no qlen. rip's printer
    // always shows a non-zero qlen (asking the kernel when IFLA_TXQLEN is
    // missing), so the copy it prints carries IFLA_TXQLEN 0.
    let Some(hdr) = m.payload.get(..IFINFOMSG_LEN) else { return };
    let mut payload = hdr.to_vec();
    let mut rest = m.payload.get(IFINFOMSG_LEN..).unwrap_or(&[]);
    while rest.len() >= 4 {
        let len = u16::from_ne_bytes([rest[0], rest[1]]) as usize;
        let ty = u16::from_ne_bytes([rest[2], rest[3]]) & crate::netlink::attr::NLA_TYPE_MASK;
        if len < 4 || len > rest.len() {
            break;
        }
        let next = crate::netlink::attr::align4(len).min(rest.len());
        let at = payload.len();
        payload.extend_from_slice(&rest[..next]);
        if ty == IFLA_TXQLEN && len == 8 {
            payload[at + 4..at + 8].copy_from_slice(&0u32.to_ne_bytes());
        }
        rest = &rest[next..];
    }
    let mut env = crate::linkinfo::print::LinkEnv::default();
    ctx.p.new_json_obj();
    ctx.p.open_object(None);
    crate::linkinfo::print::print_linkinfo(ctx, &f, &mut env, m.ty, &payload);
    ctx.p.close_object();
    ctx.p.delete_json_obj();
}

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
        if w == "up" {
            ifi.change |= IFF_UP;
            ifi.flags |= IFF_UP;
        } else if w == "down" {
            ifi.change |= IFF_UP;
            ifi.flags &= !IFF_UP;
        } else if w == "name" {
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
        } else if w == "index" {
            let v = next_arg!();
            if index != 0 {
                return Err(duparg("index", &v));
            }
            index = atoi(&v);
            if index <= 0 {
                return Err(invarg("Invalid \"index\" value", &v));
            }
        } else if matches(w, "link") {
            link = Some(next_arg!());
        } else if matches(w, "address") {
            let v = next_arg!();
            let Some(a) = ll_addr_a2n(&v, 32) else { return Ok(Parsed::Failed(-1)) };
            addr_len = a.len();
            req.attr(IFLA_ADDRESS, &a);
        } else if matches(w, "broadcast") || w == "brd" {
            let v = next_arg!();
            let Some(a) = ll_addr_a2n(&v, 32) else { return Ok(Parsed::Failed(-1)) };
            req.attr(IFLA_BROADCAST, &a);
        } else if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") {
            let v = next_arg!();
            if qlen != -1 {
                return Err(duparg("txqueuelen", &v));
            }
            qlen = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"txqueuelen\" value\n", &v))?;
            req.attr_u32(IFLA_TXQLEN, qlen as u32);
        } else if w == "mtu" {
            let v = next_arg!();
            if mtu != -1 {
                return Err(duparg("mtu", &v));
            }
            mtu = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"mtu\" value\n", &v))?;
            req.attr_u32(IFLA_MTU, mtu as u32);
        } else if w == "xdpgeneric" || w == "xdpdrv" || w == "xdpoffload" || w == "xdp" {
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
        } else if w == "netns" {
            let v = next_arg!();
            if netns != -1 {
                return Err(duparg("netns", &v));
            }
            match netns_get_fd(&v) {
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
        } else if w == "multicast" {
            onoff_flag!("multicast", IFF_MULTICAST, true);
        } else if w == "allmulticast" {
            onoff_flag!("allmulticast", IFF_ALLMULTI, true);
        } else if w == "promisc" {
            onoff_flag!("promisc", IFF_PROMISC, true);
        } else if w == "trailers" {
            onoff_flag!("trailers", IFF_NOTRAILERS, false);
        } else if w == "arp" {
            onoff_flag!("arp", IFF_NOARP, false);
        } else if w == "carrier" {
            let v = next_arg!();
            let Some(c) = parse_on_off("carrier", &v) else { return Ok(Parsed::Failed(-libc::EINVAL)) };
            req.attr_u8(IFLA_CARRIER, c as u8);
        } else if w == "vf" {
            let v = next_arg!();
            let vf = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"vf\" value\n", &v))?;
            let vflist = req.nest(IFLA_VFINFO_LIST);
            let Some(d) = word(args, dev) else { return Err(missarg("dev")) };
            if !iplink_parse_vf(ctx, vf, args, req, &d)? {
                return Ok(Parsed::Failed(-1));
            }
            req.nest_end(vflist);
            if name == dev {
                dev = None;
            }
        } else if matches(w, "master") {
            let v = next_arg!();
            let idx = ctx.ifindex(&v);
            if idx == 0 {
                return Err(invarg("Device does not exist\n", &v));
            }
            req.attr_u32(IFLA_MASTER, idx);
        } else if w == "vrf" {
            let v = next_arg!();
            let idx = ctx.ifindex(&v);
            if idx == 0 || !name_is_vrf(ctx, &v)? {
                return Err(invarg("Not a valid VRF name\n", &v));
            }
            req.attr_u32(IFLA_MASTER, idx);
        } else if matches(w, "nomaster") {
            req.attr_u32(IFLA_MASTER, 0);
        } else if matches(w, "dynamic") {
            onoff_flag!("dynamic", IFF_DYNAMIC, true);
        } else if matches(w, "type") {
            let v = next_arg!();
            kind = Some(v);
            args.advance();
            break;
        } else if matches(w, "alias") {
            let v = next_arg!();
            if v.len() >= IFALIASZ {
                return Err(invarg("alias too long\n", &v));
            }
            req.attr(IFLA_IFALIAS, v.as_bytes());
        } else if w == "group" {
            let v = next_arg!();
            if group != -1 {
                return Err(duparg("group", &v));
            }
            group = rtnl_group_a2n(&v).ok_or_else(|| invarg("Invalid \"group\" value\n", &v))?;
            req.attr_u32(IFLA_GROUP, group as u32);
        } else if w == "mode" {
            let v = next_arg!();
            let mode = if v.eq_ignore_ascii_case("default") {
                0
            } else if v.eq_ignore_ascii_case("dormant") {
                1
            } else {
                return Err(invarg("Invalid link mode\n", &v));
            };
            req.attr_u8(IFLA_LINKMODE, mode);
        } else if w == "state" {
            let v = next_arg!();
            const OPER: [&str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];
            let Some(st) = OPER.iter().position(|s| s.eq_ignore_ascii_case(&v)) else {
                return Err(invarg("Invalid operstate\n", &v));
            };
            req.attr_u8(IFLA_OPERSTATE, st as u8);
        } else if matches(w, "numtxqueues") {
            let v = next_arg!();
            if numtxqueues != -1 {
                return Err(duparg("numtxqueues", &v));
            }
            numtxqueues = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"numtxqueues\" value\n", &v))?;
            req.attr_u32(IFLA_NUM_TX_QUEUES, numtxqueues as u32);
        } else if matches(w, "numrxqueues") {
            let v = next_arg!();
            if numrxqueues != -1 {
                return Err(duparg("numrxqueues", &v));
            }
            numrxqueues = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"numrxqueues\" value\n", &v))?;
            req.attr_u32(IFLA_NUM_RX_QUEUES, numrxqueues as u32);
        } else if matches(w, "addrgenmode") {
            let v = next_arg!();
            const MODES: [&str; 4] = ["eui64", "none", "stable_secret", "random"];
            let Some(mode) = MODES.iter().position(|s| s.eq_ignore_ascii_case(&v)) else {
                return Err(invarg("Invalid address generation mode\n", &v));
            };
            let afs = req.nest(IFLA_AF_SPEC);
            let afs6 = req.nest(AF_INET6 as u16);
            req.attr_u8(IFLA_INET6_ADDR_GEN_MODE, mode as u8);
            req.nest_end(afs6);
            req.nest_end(afs);
        } else if matches(w, "link-netns") {
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
        } else if matches(w, "link-netnsid") {
            let v = next_arg!();
            if link_netnsid != -1 {
                return Err(duparg("link-netns/link-netnsid", &v));
            }
            link_netnsid = get_integer(&v, 0).ok_or_else(|| invarg("Invalid \"link-netnsid\" value\n", &v))?;
            req.attr_u32(IFLA_LINK_NETNSID, link_netnsid as u32);
        } else if w == "protodown" {
            let v = next_arg!();
            let Some(p) = parse_on_off("protodown", &v) else { return Ok(Parsed::Failed(-libc::EINVAL)) };
            req.attr_u8(IFLA_PROTO_DOWN, p as u8);
        } else if w == "protodown_reason" {
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
        } else if w == "gso_max_size" {
            let v = next_arg!();
            let n = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"gso_max_size\" value\n", &v))?;
            req.attr_u32(IFLA_GSO_MAX_SIZE, n);
        } else if w == "gso_max_segs" {
            let v = next_arg!();
            let n = get_unsigned(&v, 0)
                .filter(|n| *n <= GSO_MAX_SEGS)
                .ok_or_else(|| invarg("Invalid \"gso_max_segs\" value\n", &v))?;
            req.attr_u32(IFLA_GSO_MAX_SEGS, n);
        } else if w == "gro_max_size" {
            let v = next_arg!();
            let n = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"gro_max_size\" value\n", &v))?;
            req.attr_u32(IFLA_GRO_MAX_SIZE, n);
        } else if w == "parentdev" {
            let v = next_arg!();
            req.attr_str(IFLA_PARENT_DEV_NAME, &v);
        } else {
            if matches(w, "help") {
                return Err(usage());
            }
            if w == "dev" {
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
            return Err(fail(
                255,
                &format!("Garbage instead of arguments \"{} ...\". Try \"ip link help\".\n", w),
            ));
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
            eprint_raw(&format!("Cannot find device \"{}\"\n", d));
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
                eprint_raw(&format!("Cannot find device \"{}\"\n", l));
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
    eprint_raw(&format!("Error: argument of \"{}\" must be \"on\" or \"off\", not \"{}\"\n", key, v));
    Parsed::Failed(-1)
}

/// parse_on_off() (lib/utils.c parse_one_of): prefixes of "off"/"on",
/// "off" tested first; otherwise the message and None.
pub fn parse_on_off(key: &str, v: &str) -> Option<bool> {
    if matches(v, "off") {
        return Some(false);
    }
    if matches(v, "on") {
        return Some(true);
    }
    eprint_raw(&format!("Error: argument of \"{}\" must be one of \"off\", \"on\", not \"{}\"\n", key, v));
    None
}

/// check_ifname() of lib/utils.c: 1-15 bytes, no '/' and no blanks.
pub fn check_ifname(name: &str) -> bool {
    name.len() < 16 && check_altifname(name)
}

/// check_altifname(): non-empty, no '/' and no blanks (C isspace).
pub fn check_altifname(name: &str) -> bool {
    !name.is_empty() && !name.bytes().any(|c| c == b'/' || matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
}

/// ll_addr_a2n() (the kinds' one, shared): None after its message.
pub fn ll_addr_a2n(arg: &str, maxlen: usize) -> Option<Vec<u8>> {
    crate::linkinfo::kinds::common::ll_addr_a2n(arg, maxlen).ok()
}

/// netns_get_fd(): /run/netns/NAME, or NAME itself when it holds a '/'.
/// The descriptor stays open (the kernel reads it when the request is
/// sent; iproute2 never closes it either).
fn netns_get_fd(name: &str) -> Option<i32> {
    let path = if name.contains('/') {
        name.to_string()
    } else {
        format!("{}/{}", crate::sys::namespace::NETNS_RUN_DIR, name)
    };
    std::fs::File::open(path).ok().map(|f| f.into_raw_fd())
}

/// get_netnsid_from_name(): the nsid of /run/netns/NAME, or a negative value.
fn get_netnsid_from_name(ctx: &mut Ctx, name: &str) -> Res<i32> {
    let Some(fd) = netns_get_fd(name) else { return Ok(-1) };
    let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST, &[AF_UNSPEC, 0, 0, 0]);
    req.attr_u32(NETNSA_FD, fd as u32);
    // rtnl_talk(): a refusal is printed ("Error: Peer netns reference is invalid.").
    let ans = ctx.rtnl()?.talk_answer(&mut req);
    unsafe {
        libc::close(fd);
    }
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
    let Some(fd) = netns_get_fd(name) else { return Ok(()) };
    let mut req = Req::new(RTM_NEWNSID, NLM_F_REQUEST, &[AF_UNSPEC, 0, 0, 0]);
    req.attr_u32(NETNSA_FD, fd as u32);
    req.attr_u32(NETNSA_NSID, nsid as u32);
    let _ = ctx.rtnl()?.talk(&mut req);
    unsafe {
        libc::close(fd);
    }
    Ok(())
}

/// name_is_vrf(): whether NAME is a device of kind "vrf".
fn name_is_vrf(ctx: &mut Ctx, name: &str) -> Res<bool> {
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(ctx.o.family, 0, 0, 0));
    req.attr_str(IFLA_IFNAME, name);
    let Ok(ans) = ctx.rtnl()?.talk_answer_quiet(&mut req) else { return Ok(false) };
    for m in msgs(&ans) {
        if m.ty != RTM_NEWLINK {
            continue;
        }
        let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else { return Ok(false) };
        let tb = Tb::parse(attrs, IFLA_MAX);
        let Some(li) = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else { return Ok(false) };
        return Ok(li.str(IFLA_INFO_KIND) == Some("vrf"));
    }
    Ok(false)
}

/// nl_get_ll_addr_len(): the length of the device's current address, -1
/// when unknown (kernel errors are printed, as rtnl_talk() does).
fn nl_get_ll_addr_len(ctx: &mut Ctx, dev: &str) -> Res<i32> {
    let idx = ctx.ifindex(dev);
    if idx == 0 {
        return Ok(-1);
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(ctx.o.family, idx as i32, 0, 0));
    let Ok(ans) = ctx.rtnl()?.talk_answer(&mut req) else { return Ok(-1) };
    let Some(m) = msgs(&ans).next() else { return Ok(-1) };
    let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else { return Ok(-1) };
    let tb = Tb::parse(attrs, IFLA_MAX);
    Ok(tb.get(IFLA_ADDRESS).map(|a| a.len() as i32).unwrap_or(-1))
}

/// rtnl_group_a2n(): a name from /etc/iproute2/group, or a number
/// (strtol, base 0, narrowed to int, not negative).
pub fn rtnl_group_a2n(arg: &str) -> Option<i32> {
    if let Some(id) = group_by_name(arg) {
        return Some(id);
    }
    let (v, n, _) = c_strtoll(arg, 0);
    if n == 0 || n != arg.len() {
        return None;
    }
    let i = v as i32;
    if i < 0 {
        return None;
    }
    Some(i)
}

/// The id of a group name in /etc/iproute2/group, found the way
/// iproute2's 256-bucket hash is searched (bucket id&255 in order, the
/// last line of a bucket first).
fn group_by_name(name: &str) -> Option<i32> {
    let text = std::fs::read_to_string("/etc/iproute2/group").ok()?;
    let mut buckets: Vec<Vec<(i32, String)>> = vec![Vec::new(); 256];
    for line in text.lines() {
        let p = line.trim_start_matches([' ', '\t']);
        if p.is_empty() || p.starts_with('#') {
            continue;
        }
        let mut it = p.split_whitespace();
        let (Some(id), Some(nm)) = (it.next(), it.next()) else { break };
        let id = if let Some(h) = id.strip_prefix("0x") {
            c_strtoull(h, 16).0 as i32
        } else {
            let (v, n, _) = c_strtoll(id, 10);
            if n == 0 {
                break;
            }
            v as i32
        };
        if id < 0 {
            continue;
        }
        if let Some(b) = buckets.get_mut((id & 255) as usize) {
            b.insert(0, (id, nm.to_string()));
        }
    }
    buckets.iter().flatten().find(|(_, n)| n == name).map(|(i, _)| *i)
}

/// protodown_reason_a2n(): a name from /etc/iproute2/protodown_reasons.d/*.conf
/// or a number below 32.
fn protodown_reason_a2n(arg: &str) -> Option<u32> {
    if let Ok(dir) = std::fs::read_dir("/etc/iproute2/protodown_reasons.d") {
        let mut tab: Vec<Option<String>> = vec![None; PROTODOWN_REASON_NUM_BITS as usize];
        for e in dir.flatten() {
            let f = e.file_name().to_string_lossy().into_owned();
            if f.starts_with('.') || f.len() <= 5 || !f.ends_with(".conf") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(e.path()) else { continue };
            for line in text.lines() {
                let p = line.trim_start_matches([' ', '\t']);
                if p.is_empty() || p.starts_with('#') {
                    continue;
                }
                let mut it = p.split_whitespace();
                let (Some(id), Some(nm)) = (it.next(), it.next()) else { break };
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

/// xdp_parse(): `off`/`none` as the last word detaches; `object FILE` and
/// `pinned FILE` need BPF, which rip loads only from pinned objects.
fn xdp_parse(ctx: &mut Ctx, args: &mut Args, req: &mut Req, dev: Option<String>, offload: bool, flags: u32) -> Res<()> {
    if offload {
        let idx = match dev {
            Some(d) => ctx.ifindex(&d),
            None => 0,
        };
        if idx == 0 {
            return Err(incomplete_command());
        }
    }
    let w = args.peek().unwrap_or("").to_string();
    if args.remaining() == 1 && (w == "none" || w == "off") {
        xdp_attr(req, -1, flags);
        return Ok(());
    }
    // bpf_do_parse(): only the eBPF modes exist for XDP.
    let pinned = if matches(&w, "object-file") || w == "obj" {
        false
    } else if matches(&w, "object-pinned") || matches(&w, "pinned") || matches(&w, "fd") {
        true
    } else {
        return Err(fail(255, &format!("What mode is \"{}\"?\n", w)));
    };
    args.advance();
    let file = args.peek().ok_or_else(incomplete_command)?.to_string();
    args.advance();
    if args.peek().map(|a| matches(a, "section")).unwrap_or(false) {
        args.advance();
        args.peek().ok_or_else(incomplete_command)?;
        args.advance();
    }
    if args.peek() == Some("program") {
        args.advance();
        args.peek().ok_or_else(incomplete_command)?;
        args.advance();
    }
    if args.peek().map(|a| matches(a, "verbose")).unwrap_or(false) {
        args.advance();
    }
    args.back();
    if !pinned {
        // bpf_elf_ctx_init(): a missing file or one that is no ELF.
        let mut magic = [0u8; 4];
        let elf = std::fs::File::open(&file)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
            .map(|_| &magic == b"\x7fELF")
            .unwrap_or(false);
        if !elf {
            return Err(fail(255, "Cannot initialize ELF context!\n"));
        }
        return Err(fail(255, &format!("rip: loading the BPF object \"{}\" is not supported\n", file)));
    }
    let fd = bpf_obj_get(&file);
    if fd < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
        return Err(fail(
            255,
            &format!("Couldn't retrieve pinned program '{}': {}\n", file, crate::error::strerror(errno)),
        ));
    }
    xdp_attr(req, fd, flags);
    Ok(())
}

fn xdp_attr(req: &mut Req, fd: i32, flags: u32) {
    let n = req.nest(IFLA_XDP);
    req.attr_u32(IFLA_XDP_FD, fd as u32);
    if flags != 0 {
        req.attr_u32(IFLA_XDP_FLAGS, flags);
    }
    req.nest_end(n);
}

/// BPF_OBJ_GET on a pinned path.
fn bpf_obj_get(path: &str) -> i32 {
    let Ok(c) = std::ffi::CString::new(path) else { return -1 };
    // union bpf_attr: pathname (u64), bpf_fd, file_flags; the rest zero.
    let mut attr = [0u8; 128];
    attr[0..8].copy_from_slice(&(c.as_ptr() as u64).to_ne_bytes());
    const BPF_OBJ_GET: libc::c_long = 7;
    let r = unsafe { libc::syscall(libc::SYS_bpf, BPF_OBJ_GET, attr.as_mut_ptr(), attr.len() as u32) };
    r as i32
}

/// iplink_parse_vf(): the VF options after `vf NUM`, in one IFLA_VF_INFO
/// nest. Ok(false) after a printed error.
fn iplink_parse_vf(ctx: &mut Ctx, vf: i32, args: &mut Args, req: &mut Req, dev: &str) -> Res<bool> {
    let vfu = vf as u32;
    let start = args.position();
    let vfinfo = req.nest(IFLA_VF_INFO);
    // The new rate API is in use when max_tx_rate/min_tx_rate appear anywhere.
    let rest: Vec<String> = args.rest().iter().skip(1).cloned().collect();
    let mut new_rate_api = false;
    let mut override_legacy = false;
    for w in &rest {
        if matches(w, "max_tx_rate") {
            new_rate_api = true;
            override_legacy = true;
        } else if matches(w, "min_tx_rate") {
            new_rate_api = true;
        }
    }
    let mut min_rate: i64 = -1;
    let mut max_rate: i64 = -1;
    let u32s = |v: &[u32]| -> Vec<u8> { v.iter().flat_map(|x| x.to_ne_bytes()).collect() };

    while args.remaining() > 1 {
        args.advance();
        let w = args.peek().unwrap_or("").to_string();
        if matches(&w, "mac") {
            let halen = nl_get_ll_addr_len(ctx, dev)?;
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            let Some(mac) = ll_addr_a2n(&v, 32) else { return Ok(false) };
            if halen > 0 && mac.len() as i32 != halen {
                eprint_raw(&format!("Invalid address length {} - must be {} bytes\n", mac.len(), halen));
                return Ok(false);
            }
            let mut b = vfu.to_ne_bytes().to_vec();
            let mut m = [0u8; 32];
            m[..mac.len()].copy_from_slice(&mac);
            b.extend_from_slice(&m);
            req.attr(IFLA_VF_MAC, &b);
        } else if matches(&w, "vlan") {
            let info = parse_vf_vlan(args)?;
            if info.2 == ETH_P_8021Q {
                req.attr(IFLA_VF_VLAN, &u32s(&[vfu, info.0, info.1]));
            } else {
                let list = req.nest(IFLA_VF_VLAN_LIST);
                req.attr(IFLA_VF_VLAN_INFO, &vlan_info(vfu, info));
                while args.remaining() > 1 {
                    if !matches(args.peek2().unwrap_or(""), "vlan") {
                        break;
                    }
                    args.advance();
                    let info = parse_vf_vlan(args)?;
                    req.attr(IFLA_VF_VLAN_INFO, &vlan_info(vfu, info));
                }
                req.nest_end(list);
            }
        } else if matches(&w, "rate") {
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            let rate = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"rate\" value\n", &v))?;
            if !new_rate_api {
                req.attr(IFLA_VF_TX_RATE, &u32s(&[vfu, rate]));
            } else if !override_legacy {
                max_rate = rate as i64;
            }
        } else if matches(&w, "max_tx_rate") {
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            max_rate = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"max tx rate\" value\n", &v))? as i64;
        } else if matches(&w, "min_tx_rate") {
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            min_rate = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"min tx rate\" value\n", &v))? as i64;
        } else if matches(&w, "spoofchk") || matches(&w, "query_rss") || matches(&w, "trust") {
            let (key, ty) = if matches(&w, "spoofchk") {
                ("spoofchk", IFLA_VF_SPOOFCHK)
            } else if matches(&w, "query_rss") {
                ("query_rss", IFLA_VF_RSS_QUERY_EN)
            } else {
                ("trust", IFLA_VF_TRUST)
            };
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            let Some(s) = parse_on_off(key, &v) else { return Ok(false) };
            req.attr(ty, &u32s(&[vfu, s as u32]));
        } else if matches(&w, "state") {
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            let st = if matches(&v, "auto") {
                0
            } else if matches(&v, "enable") {
                1
            } else if matches(&v, "disable") {
                2
            } else {
                return Err(invarg("Invalid \"state\" value\n", &v));
            };
            req.attr(IFLA_VF_LINK_STATE, &u32s(&[vfu, st]));
        } else if matches(&w, "node_guid") || matches(&w, "port_guid") {
            let ty = if matches(&w, "node_guid") { IFLA_VF_IB_NODE_GUID } else { IFLA_VF_IB_PORT_GUID };
            args.advance();
            let v = args.peek().ok_or_else(incomplete_command)?.to_string();
            let guid = get_guid(&v).ok_or_else(|| invarg("Invalid GUID format\n", &v))?;
            let mut b = vfu.to_ne_bytes().to_vec();
            b.extend_from_slice(&[0u8; 4]);
            b.extend_from_slice(&guid.to_ne_bytes());
            req.attr(ty, &b);
        } else {
            args.back();
            break;
        }
    }

    if new_rate_api {
        if min_rate == -1 || max_rate == -1 {
            let (tmin, tmax) = vf_rate(ctx, vf, dev)?;
            if min_rate == -1 {
                min_rate = tmin;
            }
            if max_rate == -1 {
                max_rate = tmax;
            }
        }
        let (mn, mx) = (min_rate as u32, max_rate as u32);
        if mx != 0 && mn > mx {
            eprint_raw(&format!(
                "Invalid min_tx_rate {} - must be <= max_tx_rate {}\n",
                mn as i32, mx as i32
            ));
            return Ok(false);
        }
        req.attr(IFLA_VF_RATE, &u32s(&[vfu, mn, mx]));
    }

    if args.position() == start {
        return Err(incomplete_command());
    }
    req.nest_end(vfinfo);
    Ok(true)
}

/// ifla_vf_vlan_info: vf, vlan, qos, proto (big endian), 2 bytes padding.
fn vlan_info(vf: u32, (vlan, qos, proto): (u32, u32, u16)) -> Vec<u8> {
    let mut b = Vec::with_capacity(16);
    b.extend_from_slice(&vf.to_ne_bytes());
    b.extend_from_slice(&vlan.to_ne_bytes());
    b.extend_from_slice(&qos.to_ne_bytes());
    b.extend_from_slice(&proto.to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b
}

/// iplink_parse_vf_vlan_info(): `vlan VLANID [qos N] [proto P]`, the
/// cursor on "vlan"; leaves it on the last word used.
fn parse_vf_vlan(args: &mut Args) -> Res<(u32, u32, u16)> {
    args.advance();
    let v = args.peek().ok_or_else(incomplete_command)?.to_string();
    let vlan = get_unsigned(&v, 0).filter(|x| *x <= 4095).ok_or_else(|| invarg("Invalid \"vlan\" value\n", &v))?;
    let mut qos = 0;
    let mut proto = ETH_P_8021Q;
    if args.remaining() > 1 && matches(args.peek2().unwrap_or(""), "qos") {
        args.advance();
        args.advance();
        let v = args.peek().ok_or_else(incomplete_command)?.to_string();
        qos = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"qos\" value\n", &v))?;
    }
    if args.remaining() > 1 && matches(args.peek2().unwrap_or(""), "proto") {
        args.advance();
        args.advance();
        let v = args.peek().ok_or_else(incomplete_command)?.to_string();
        let p = if v.eq_ignore_ascii_case("802.1Q") {
            ETH_P_8021Q
        } else if v.eq_ignore_ascii_case("802.1ad") {
            ETH_P_8021AD
        } else if LL_PROTO_NAMES.iter().any(|n| n.eq_ignore_ascii_case(&v)) {
            // A known protocol, but not a VLAN one.
            0
        } else {
            let (n, used, over) = c_strtoull(&v, 0);
            if used == 0 || used != v.len() || over || n > 0xffff {
                return Err(invarg("protocol is invalid\n", &v));
            }
            n as u16
        };
        if p != ETH_P_8021Q && p != ETH_P_8021AD {
            return Err(invarg("Invalid \"vlan protocol\" value - supported 802.1Q, 802.1ad\n", &v));
        }
        proto = p;
    }
    Ok((vlan, qos, proto))
}

/// The other names of lib/ll_proto.c (ll_proto_a2n() accepts them).
const LL_PROTO_NAMES: &[&str] = &[
    "loop", "pup", "pupat", "ip", "x25", "arp", "bpq", "ieeepup", "ieeepupat", "dec", "dna_dl", "dna_rc", "dna_rt",
    "lat", "diag", "cust", "sca", "rarp", "atalk", "aarp", "ipx", "ipv6", "ppp_disc", "ppp_ses", "atmmpoa",
    "atmfate", "802_3", "ax25", "all", "802_2", "snap", "ddcmp", "wan_ppp", "ppp_mp", "localtalk", "can", "ppptalk",
    "tr_802_2", "mobitex", "control", "irda", "econet", "tipc", "profinet", "aoe", "ethercat", "mpls_uc", "mpls_mc",
    "teb", "LLDP", "ipv4",
];

/// get_guid(): exactly "xx:xx:xx:xx:xx:xx:xx:xx".
fn get_guid(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() != 23 {
        return None;
    }
    let mut g = 0u64;
    for i in 0..8 {
        if i < 7 && b[2 + i * 3] != b':' {
            return None;
        }
        let part = s.get(i * 3..i * 3 + 2)?;
        let (v, n, _) = c_strtoull(part, 16);
        if n != 2 || v > 255 {
            return None;
        }
        g |= v << (56 - 8 * i);
    }
    Some(g)
}

/// ipaddr_get_vf_rate(): the VF's current rates from a link dump.
fn vf_rate(ctx: &mut Ctx, vf: i32, dev: &str) -> Res<(i64, i64)> {
    let idx = ctx.ifindex(dev);
    if idx == 0 {
        return Err(fail(1, &format!("Device {} does not exist\n", dev)));
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
    req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
    let rtnl = ctx.rtnl()?;
    if rtnl.dump_request(&mut req).is_err() {
        return Err(fail(1, "Cannot send dump request\n"));
    }
    let mut out = (0i64, 0i64);
    let ok = rtnl.dump(|m| {
        let Some((_, _, i, _, _)) = ifinfo(m.payload) else { return Ok(()) };
        if i as u32 != idx {
            return Ok(());
        }
        let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else { return Ok(()) };
        let tb = Tb::parse(attrs, IFLA_MAX);
        if let (Some(list), true) = (tb.get(IFLA_VFINFO_LIST), tb.has(IFLA_NUM_VF)) {
            for (_, one) in crate::netlink::attrs(list) {
                let t = Tb::parse(one, 20);
                if let Some(r) = t.get(IFLA_VF_RATE) {
                    let h = |o| crate::netlink::attr::hdr_u32(r, o);
                    if h(0) as i32 == vf {
                        out = (h(4) as i64, h(8) as i64);
                    }
                }
            }
        }
        Ok(())
    })?;
    if !ok {
        return Err(fail(1, "Dump terminated\n"));
    }
    Ok(out)
}

/// iplink_ifla_xstats(): `ip link xstats type TYPE [ARGS]`.
pub fn iplink_xstats(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else {
        eprint_raw("xstats: missing argument\n");
        return Ok(1);
    };
    let kind = if matches(&w, "type") {
        let v = args.value()?;
        if !iproute2_knows(&v) {
            return Err(invarg("invalid type", &v));
        }
        v
    } else if matches(&w, "help") {
        ctx.p.raw(b"Usage: ... xstats type TYPE [ ARGS ]\n");
        return Ok(0);
    } else {
        return Err(invarg("unknown argument", &w));
    };
    let bond = match kind.as_str() {
        "bridge" | "bridge_slave" => false,
        "bond" | "bond_slave" => true,
        _ => {
            eprint_raw(&format!("xstats: link type {} doesn't support xstats\n", kind));
            return Ok(1);
        }
    };
    // parse_ifla_xstats: the bridge's lives with the bridge kind.
    let mut sel = kinds::bridge::XstatsSel::default();
    if bond {
        match bond_parse_xstats(ctx, &kind, &mut args)? {
            Ok(idx) => sel.ifindex = idx,
            Err(rc) => return Ok(rc),
        }
    } else {
        match kinds::bridge::parse_xstats(ctx, &kind, &mut args)? {
            Ok(s) => sel = s,
            Err(rc) => return Ok(rc),
        }
    }
    let mask = if kind.contains("_slave") { IFLA_STATS_LINK_XSTATS_SLAVE } else { IFLA_STATS_LINK_XSTATS };
    let mut req = stats_request(1 << (mask - 1));
    if ctx.rtnl()?.dump_request(&mut req).is_err() {
        eprint_raw("Cannont send dump request\n");
        return Ok(1);
    }
    ctx.p.new_json_obj();
    // Collected first: printing resolves names through the same socket.
    let mut found: Vec<Vec<u8>> = Vec::new();
    let ok = ctx.rtnl()?.dump(|m| {
        found.push(m.payload.to_vec());
        Ok(())
    })?;
    let mut failed = !ok;
    for payload in &found {
        if failed {
            break;
        }
        if bond {
            bond_print_xstats(payload, sel.ifindex);
        } else if kinds::bridge::print_xstats(ctx, sel, payload) < 0 {
            failed = true;
        }
    }
    ctx.p.delete_json_obj();
    if failed {
        eprint_raw("Dump terminated\n");
        return Ok(1);
    }
    Ok(0)
}

/// bond_parse_xstats(): `[lacp|802.3ad] [dev DEV] [help]`; the device
/// filter's ifindex (0: all).
fn bond_parse_xstats(ctx: &mut Ctx, kind: &str, args: &mut Args) -> Res<Result<u32, i32>> {
    let mut filter = 0;
    while let Some(a) = args.next() {
        match a.as_str() {
            "lacp" | "802.3ad" => {}
            "dev" => {
                let d = args.value()?;
                filter = ctx.ifindex(&d);
                if filter == 0 {
                    eprint_raw(&format!("Cannot find device \"{}\"\n", d));
                    return Ok(Err(1));
                }
            }
            "help" => {
                ctx.p.raw(format!("Usage: ... {} [ 802.3ad ] [ dev DEVICE ]\n", kind).as_bytes());
                return Err(Exit(0));
            }
            _ => return Err(invarg("unknown attribute", &a)),
        }
    }
    Ok(Ok(filter))
}

/// bond_print_xstats(): only devices with extended statistics reach the
/// printer (below).
fn bond_print_xstats(payload: &[u8], filter: u32) {
    if filter != 0 && crate::netlink::attr::hdr_u32(payload, 4) != filter {
        return;
    }
    let tb = Tb::parse(payload.get(12..).unwrap_or(&[]), 8);
    if tb.has(IFLA_STATS_LINK_XSTATS as u16) || tb.has(IFLA_STATS_LINK_XSTATS_SLAVE as u16) {
        bond_print_stats_attr();
    }
}

/// bond_print_stats_attr(): iproute2 6.1.0 parses this attribute into a
/// table one entry too small, so the first device with extended
/// statistics ends it with the stack protector's abort (stdout unflushed).
fn bond_print_stats_attr() {
    eprint_raw("*** stack smashing detected ***: terminated\n");
    std::process::abort();
}

/// A RTM_GETSTATS request for every link with one filter bit.
fn stats_request(filter_mask: u32) -> Req {
    // struct if_stats_msg: family, pad1, pad2(u16), ifindex, filter_mask.
    let mut hdr = [0u8; 12];
    hdr[8..12].copy_from_slice(&filter_mask.to_ne_bytes());
    let mut req = Req::new(RTM_GETSTATS, NLM_F_REQUEST | NLM_F_DUMP, &hdr);
    // rtnl_statsdump_req_filter() sends its whole zeroed struct ipstats_req
    // (128 bytes of room for filters) past nlmsg_len; the kernel ignores them.
    req.buf.extend_from_slice(&[0u8; 128]);
    req
}

/// iplink_afstats(): `ip link afstats [dev DEV]`. Its status is ignored by
/// do_iplink (always 0).
pub fn iplink_afstats(ctx: &mut Ctx, mut args: Args) -> Res<()> {
    let mut filter_dev: Option<String> = None;
    while let Some(w) = args.next() {
        if w == "dev" {
            let v = args.value()?;
            if filter_dev.is_some() {
                return Err(duparg2("dev", &v));
            }
            filter_dev = Some(v);
        } else if matches(&w, "help") {
            return Err(usage());
        } else {
            return Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip link help\".\n", w)));
        }
    }
    let mut want = 0u32;
    if let Some(d) = filter_dev {
        want = ctx.ifindex(&d);
        if want == 0 {
            eprint_raw(&format!("Device \"{}\" does not exist.\n", d));
            return Ok(());
        }
    }
    ctx.p.new_json_obj();
    let mut req = stats_request(1 << (IFLA_STATS_AF_SPEC - 1));
    if ctx.rtnl()?.dump_request(&mut req).is_err() {
        eprint_raw("Cannont send dump request\n");
        return Ok(());
    }
    // Collected first: printing needs the name cache (and its socket).
    type PerFamily = Vec<(u16, Vec<u8>)>;
    let mut found: Vec<(u32, PerFamily)> = Vec::new();
    let ok = ctx.rtnl()?.dump(|m| {
        if m.payload.len() < 12 {
            eprint_raw(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12));
            return Ok(());
        }
        let idx = crate::netlink::attr::hdr_u32(m.payload, 4);
        if want != 0 && idx != want {
            return Ok(());
        }
        let tb = Tb::parse(m.payload.get(12..).unwrap_or(&[]), 8);
        if let Some(af) = tb.get(IFLA_STATS_AF_SPEC) {
            let per: Vec<(u16, Vec<u8>)> = crate::netlink::attrs(af).map(|(t, d)| (t, d.to_vec())).collect();
            found.push((idx, per));
        }
        Ok(())
    })?;
    if !ok {
        eprint_raw("Dump terminated\n");
        return Ok(());
    }
    let fam = ctx.o.family as u16;
    for (idx, per) in found {
        let mut printed = false;
        for (t, data) in per {
            if fam != AF_UNSPEC as u16 && t != fam {
                continue;
            }
            if !printed {
                ctx.p.uint(crate::print::T::Any, "ifindex", "{}:", idx as u64);
                let name = ctx.ifname(idx);
                ctx.p.color_string(crate::print::T::Any, crate::print::color::Color::Ifname, "ifname", "{}", &name);
                ctx.p.nl();
                printed = true;
            }
            if t == AF_MPLS as u16 {
                print_mpls_stats(ctx, &data);
            } else {
                let _ = ctx.p.flush();
                eprint_raw(&format!("    unknown af({})\n", t));
            }
        }
    }
    ctx.p.delete_json_obj();
    Ok(())
}

/// print_mpls_stats(): the MPLS_STATS_LINK counters of one device.
fn print_mpls_stats(ctx: &mut Ctx, data: &[u8]) {
    use crate::print::T;
    const MPLS_STATS_LINK: u16 = 1;
    let tb = Tb::parse(data, 1);
    let Some(s) = tb.get(MPLS_STATS_LINK) else { return };
    let g = |i: usize| s.get(i * 8..i * 8 + 8).and_then(crate::netlink::attr::get_u64).unwrap_or(0);
    // struct mpls_link_stats: rx/tx bytes, packets, errors, dropped, rx_noroute.
    let (rxb, txb, rxp, txp, rxe, txe, rxd, txd, rxn) = (g(0), g(1), g(2), g(3), g(4), g(5), g(6), g(7), g(8));
    ctx.p.fp("    mpls:");
    ctx.p.nl();
    if ctx.p.is_json() {
        ctx.p.open_object(Some("rx"));
        for (k, v) in [("bytes", rxb), ("packets", rxp), ("errors", rxe), ("dropped", rxd), ("noroute", rxn)] {
            ctx.p.uint(T::Json, k, "", v);
        }
        ctx.p.close_object();
        ctx.p.open_object(Some("tx"));
        for (k, v) in [("bytes", txb), ("packets", txp), ("errors", txe), ("dropped", txd)] {
            ctx.p.uint(T::Json, k, "", v);
        }
        ctx.p.close_object();
    } else {
        // size_columns(): each column as wide as its widest number.
        let mut cols = [9usize, 7, 6, 7, 7];
        for row in [[rxb, rxp, rxe, rxd, rxn], [txb, txp, txe, txd, 0]] {
            for (c, v) in cols.iter_mut().zip(row) {
                *c = (*c).max(v.to_string().len());
            }
        }
        let ind = "        ";
        ctx.p.fpf(format_args!(
            "{}RX: {:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$}\n",
            ind,
            "bytes",
            "packets",
            "errors",
            "dropped",
            "noroute",
            w0 = cols[0] - 4,
            w1 = cols[1],
            w2 = cols[2],
            w3 = cols[3],
            w4 = cols[4]
        ));
        ctx.p.fp(ind);
        for (c, v) in cols.iter().zip([rxb, rxp, rxe, rxd, rxn]) {
            ctx.p.fpf(format_args!("{:>w$} ", v, w = c));
        }
        ctx.p.nl();
        ctx.p.fpf(format_args!(
            "{}TX: {:>w0$} {:>w1$} {:>w2$} {:>w3$}\n",
            ind,
            "bytes",
            "packets",
            "errors",
            "dropped",
            w0 = cols[0] - 4,
            w1 = cols[1],
            w2 = cols[2],
            w3 = cols[3]
        ));
        ctx.p.fp(ind);
        for (c, v) in cols.iter().zip([txb, txp, txe, txd]) {
            ctx.p.fpf(format_args!("{:>w$} ", v, w = c));
        }
    }
    ctx.p.fp("\n");
}

/// iplink_prop(): `ip link property add|del dev DEV altname NAME...`.
pub fn iplink_prop(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(op) = args.next() else { return Err(usage()) };
    let (ty, flags) = if matches(&op, "add") {
        (RTM_NEWLINKPROP, NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND)
    } else if matches(&op, "del") {
        (RTM_DELLINKPROP, NLM_F_REQUEST)
    } else if matches(&op, "help") {
        return Err(usage());
    } else {
        return Err(fail(255, "Operator required\n"));
    };
    let mut req = Req::new(ty, flags, &ifinfomsg(ctx.o.family, 0, 0, 0));
    let proplist = req.nest(IFLA_PROP_LIST | NLA_F_NESTED);
    let mut dev: Option<String> = None;
    while let Some(w) = args.next() {
        if matches(&w, "altname") {
            let v = args.value()?;
            if !check_altifname(&v) {
                return Err(invarg("not a valid altname", &v));
            }
            req.attr_str(IFLA_ALT_IFNAME, &v);
        } else if matches(&w, "help") {
            return Err(usage());
        } else {
            let v = if w == "dev" { args.value()? } else { w };
            if dev.is_some() {
                return Err(duparg2("dev", &v));
            }
            if !check_altifname(&v) {
                return Err(invarg("\"dev\" not a valid ifname", &v));
            }
            dev = Some(v);
        }
    }
    req.nest_end(proplist);
    let Some(dev) = dev else {
        return Err(fail(255, "Not enough of information: \"dev\" argument is required.\n"));
    };
    let idx = ctx.ifindex(&dev);
    if idx == 0 {
        eprint_raw(&format!("Cannot find device \"{}\"\n", dev));
        return Ok(1);
    }
    Ifi { index: idx as i32, flags: 0, change: 0 }.write(&mut req, IFI_OFF);
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}

/// `ip link help [TYPE]`: the kind's help on stdout, else the usage.
pub fn do_help(ctx: &mut Ctx, mut args: Args) -> Res<()> {
    let Some(t) = args.next() else { return Err(usage()) };
    if let Some(k) = kinds::find(&t) {
        return match k.help {
            Some(h) => {
                let mut buf: Vec<u8> = Vec::new();
                h(&t, &mut buf);
                ctx.p.raw(&buf);
                Ok(())
            }
            None => Err(usage()),
        };
    }
    match builtin_help(&t) {
        Some(text) => {
            ctx.p.raw(text.as_bytes());
            Ok(())
        }
        None => Err(usage()),
    }
}

#[cfg(test)]
mod tests;
