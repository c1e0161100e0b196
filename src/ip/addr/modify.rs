//! `ip address add|change|replace|delete` (ipaddr_modify), `showdump`,
//! `restore` and the usage text (ip/ipaddress.c, 6.1.0).
//!
//! The request is built in the order iproute2 builds it, so its bytes are
//! the same: attributes in command-line order (IFA_ADDRESS for `peer`,
//! IFA_BROADCAST, IFA_ANYCAST, IFA_LABEL, IFA_RT_PRIORITY, IFA_LOCAL), then
//! IFA_FLAGS (flags above 0xff), IFA_ADDRESS copied from the local address
//! when there is no peer, a computed IFA_BROADCAST (`brd +`/`-`) and
//! IFA_CACHEINFO (lifetimes).

use std::io::{IsTerminal, Read};

use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{duparg, duparg2, invarg};
use crate::error::{eprint_raw, fail, Exit, Res};
use crate::inet::{self, InetPrefix};
use crate::linkinfo::filter::{IfaFlag, IFA_FLAG_DATA, IFA_F_MCAUTOJOIN, INFINITY_LIFE_TIME, IPADD_DUMP_MAGIC};
use crate::netlink::attr::{align4, Req};
use crate::netlink::consts::*;

/// ipaddr_modify()'s words, in its test order (peer/remote and brd are
/// strcmp, broadcast/metric/lifetimes prefixes; the flag words are
/// lookup_flag_data_by_name(), exact; anything else is the local address,
/// after an optional `local`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Peer,
    Broadcast,
    Anycast,
    Scope,
    Dev,
    Label,
    Metric,
    ValidLft,
    PreferredLft,
    /// An index into IFA_FLAG_DATA.
    Flag(usize),
    Local,
    Help,
}

pub static ADD_OPTIONS: Table<Opt> = Table::new(
    "ip address add",
    &[
        exact("peer", Opt::Peer),
        exact("remote", Opt::Peer),
        kw("broadcast", Opt::Broadcast),
        exact("brd", Opt::Broadcast),
        exact("anycast", Opt::Anycast),
        exact("scope", Opt::Scope),
        exact("dev", Opt::Dev),
        exact("label", Opt::Label),
        kw("metric", Opt::Metric),
        kw("priority", Opt::Metric),
        kw("preference", Opt::Metric),
        kw("valid_lft", Opt::ValidLft),
        kw("preferred_lft", Opt::PreferredLft),
        exact("secondary", Opt::Flag(0)),
        exact("temporary", Opt::Flag(1)),
        exact("nodad", Opt::Flag(2)),
        exact("optimistic", Opt::Flag(3)),
        exact("dadfailed", Opt::Flag(4)),
        exact("home", Opt::Flag(5)),
        exact("deprecated", Opt::Flag(6)),
        exact("tentative", Opt::Flag(7)),
        exact("permanent", Opt::Flag(8)),
        exact("mngtmpaddr", Opt::Flag(9)),
        exact("noprefixroute", Opt::Flag(10)),
        exact("autojoin", Opt::Flag(11)),
        exact("stable-privacy", Opt::Flag(12)),
        exact("local", Opt::Local),
        kw("help", Opt::Help),
    ],
);

/// The flag an option word names, if it is one.
fn flag_of(opt: Option<Opt>) -> Option<&'static IfaFlag> {
    match opt {
        Some(Opt::Flag(i)) => IFA_FLAG_DATA.get(i),
        _ => None,
    }
}

/// The size of iproute2's request buffer (nlmsghdr + ifaddrmsg + 256):
/// attributes that would not fit are dropped with a message, as there.
const REQ_MAX: usize = 16 + 8 + 256;

/// addattr_l() with its bound check.
fn addattr(req: &mut Req, ty: u16, data: &[u8]) {
    if align4(req.len()) + align4(4 + data.len()) > REQ_MAX {
        eprint_raw(&format!("addattr_l ERROR: message exceeded bound of {}\n", REQ_MAX));
        return;
    }
    req.attr(ty, data);
}

/// set_lifetime(): `forever` or a u32 (strtoul base 0).
fn set_lifetime(arg: &str) -> Option<u32> {
    if arg == "forever" {
        return Some(INFINITY_LIFE_TIME);
    }
    crate::args::num::get_u32(arg, 0)
}

pub fn ipaddr_modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut args: Args) -> Res<i32> {
    // ifaddrmsg: family, prefixlen, flags, scope, index (u32).
    let mut family = ctx.o.family;
    let mut prefixlen: u8 = 0;
    let mut scope: u8 = 0;
    let mut req =
        Req::bounded(cmd, NLM_F_REQUEST | flags, &[0u8; IFADDRMSG_LEN], crate::netlink::attr::bound::IPADDR_MODIFY);

    let mut d: Option<String> = None;
    let mut lcl_arg: Option<String> = None;
    let mut valid_set = false;
    let mut preferred_set = false;
    let mut lcl = InetPrefix::default();
    // iproute2 leaves `peer` uninitialised when neither a peer nor a local
    // address is given; zeroes stand in for that stack garbage.
    let mut peer = InetPrefix::default();
    let mut local_len: usize = 0;
    let mut peer_len: usize = 0;
    let mut brd_len: i32 = 0;
    let mut any_len: usize = 0;
    let mut scoped = false;
    let mut preferred_lft = INFINITY_LIFE_TIME;
    let mut valid_lft = INFINITY_LIFE_TIME;
    let mut ifa_flags: u32 = 0;

    while let Some(w) = args.next() {
        let w = w.as_str();
        let opt = ADD_OPTIONS.find(w);
        if opt == Some(Opt::Peer) {
            let v = args.value()?;
            if peer_len != 0 {
                return Err(duparg("peer", &v));
            }
            peer = inet::get_prefix(&v, family)?;
            peer_len = peer.bytelen as usize;
            if family == AF_UNSPEC {
                family = peer.family;
            }
            addattr(&mut req, IFA_ADDRESS, peer.bytes());
            prefixlen = peer.bitlen as u8;
        } else if opt == Some(Opt::Broadcast) {
            let v = args.value()?;
            if brd_len != 0 {
                return Err(duparg("broadcast", &v));
            }
            if v == "+" {
                brd_len = -1;
            } else if v == "-" {
                brd_len = -2;
            } else {
                let a = inet::get_addr(&v, family)?;
                if family == AF_UNSPEC {
                    family = a.family;
                }
                addattr(&mut req, IFA_BROADCAST, a.bytes());
                brd_len = a.bytelen as i32;
            }
        } else if opt == Some(Opt::Anycast) {
            let v = args.value()?;
            if any_len != 0 {
                return Err(duparg("anycast", &v));
            }
            let a = inet::get_addr(&v, family)?;
            if family == AF_UNSPEC {
                family = a.family;
            }
            addattr(&mut req, IFA_ANYCAST, a.bytes());
            any_len = a.bytelen as usize;
        } else if opt == Some(Opt::Scope) {
            let v = args.value()?;
            match crate::names::tables::rtscope_a2n(&v) {
                Some(s) => scope = s as u8,
                None => return Err(invarg("invalid scope value.", &v)),
            }
            scoped = true;
        } else if opt == Some(Opt::Dev) {
            d = Some(args.value()?);
        } else if opt == Some(Opt::Label) {
            let v = args.value()?;
            let mut z = crate::args::bytes::unescape(&v).into_owned();
            z.push(0);
            addattr(&mut req, IFA_LABEL, &z);
        } else if opt == Some(Opt::Metric) {
            let v = args.value()?;
            match crate::args::num::get_u32(&v, 0) {
                Some(m) => addattr(&mut req, IFA_RT_PRIORITY, &m.to_ne_bytes()),
                None => return Err(invarg("\"metric\" value is invalid\n", &v)),
            }
        } else if opt == Some(Opt::ValidLft) {
            if valid_set {
                return Err(duparg("valid_lft", w));
            }
            let v = args.value()?;
            valid_set = true;
            match set_lifetime(&v) {
                Some(l) => valid_lft = l,
                None => return Err(invarg("valid_lft value", &v)),
            }
        } else if opt == Some(Opt::PreferredLft) {
            if preferred_set {
                return Err(duparg("preferred_lft", w));
            }
            let v = args.value()?;
            preferred_set = true;
            match set_lifetime(&v) {
                Some(l) => preferred_lft = l,
                None => return Err(invarg("preferred_lft value", &v)),
            }
        } else if let Some(f) = flag_of(opt) {
            if f.readonly {
                eprint_raw(&format!("Warning: {} option is not mutable from userspace\n", f.name));
            } else if f.v6only && family != AF_INET6 {
                eprint_raw(&format!("Warning: {} option can be set only for IPv6 addresses\n", f.name));
            } else {
                ifa_flags |= f.mask;
            }
        } else {
            let mut v = w.to_string();
            if opt == Some(Opt::Local) {
                v = args.value()?;
            }
            if ADD_OPTIONS.find(&v) == Some(Opt::Help) {
                return Err(usage());
            }
            if local_len != 0 {
                return Err(duparg2("local", &v));
            }
            lcl = inet::get_prefix(&v, family)?;
            if family == AF_UNSPEC {
                family = lcl.family;
            }
            addattr(&mut req, IFA_LOCAL, lcl.bytes());
            local_len = lcl.bytelen as usize;
            lcl_arg = Some(v);
        }
    }
    let mut hdr_flags: u8 = 0;
    if ifa_flags <= 0xff {
        hdr_flags = ifa_flags as u8;
    } else {
        addattr(&mut req, IFA_FLAGS, &ifa_flags.to_ne_bytes());
    }

    let Some(d) = d else {
        eprint_raw("Not enough information: \"dev\" argument is required.\n");
        return Ok(1);
    };

    if peer_len == 0 && local_len != 0 {
        if cmd == RTM_DELADDR && lcl.family == AF_INET && !lcl.prefixlen_specified() {
            eprint_raw(&format!(
                "Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length ({}/{}) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n",
                lcl_arg.as_deref().unwrap_or(""),
                local_len * 8
            ));
        } else {
            peer = lcl;
            addattr(&mut req, IFA_ADDRESS, lcl.bytes());
        }
    }
    if prefixlen == 0 {
        prefixlen = lcl.bitlen as u8;
    }

    if brd_len < 0 && cmd != RTM_DELADDR {
        if family != AF_INET {
            eprint_raw("Broadcast can be set only for IPv4 addresses\n");
            return Ok(1);
        }
        let mut brd = peer;
        if brd.bitlen <= 30 {
            // Set (`+`) or clear (`-`) the host bits of the peer/local
            // prefix; a negative bitlen touches bits as C's shifts do.
            let mut word = brd.v4();
            let mut i: i32 = 31;
            while i >= brd.bitlen as i32 {
                let bit = 1u32.wrapping_shl((31 - i) as u32);
                if brd_len == -1 {
                    word |= bit;
                } else {
                    word &= !bit;
                }
                i -= 1;
            }
            brd.data[..4].copy_from_slice(&word.to_be_bytes());
            addattr(&mut req, IFA_BROADCAST, brd.bytes());
        }
    }
    if !scoped && cmd != RTM_DELADDR {
        scope = inet::default_scope(&lcl);
    }

    let index = ctx.ifindex(&d);
    if index == 0 {
        crate::error::say_no_device(d);
        return Ok(1);
    }

    if valid_set || preferred_set {
        if valid_lft == 0 {
            eprint_raw("valid_lft is zero\n");
            return Ok(1);
        }
        if valid_lft < preferred_lft {
            eprint_raw("preferred_lft is greater than valid_lft\n");
            return Ok(1);
        }
        let mut ci = [0u8; 16];
        ci[0..4].copy_from_slice(&preferred_lft.to_ne_bytes());
        ci[4..8].copy_from_slice(&valid_lft.to_ne_bytes());
        addattr(&mut req, IFA_CACHEINFO, &ci);
    }

    if ifa_flags & IFA_F_MCAUTOJOIN != 0 && !lcl.is_multicast() {
        eprint_raw("autojoin needs multicast address\n");
        return Ok(1);
    }

    {
        let h = req.header_mut();
        h[0] = family;
        h[1] = prefixlen;
        h[2] = hdr_flags;
        h[3] = scope;
        h[4..8].copy_from_slice(&index.to_ne_bytes());
    }

    if ctx.o.echo > 0 {
        let f = req.flags() | NLM_F_ECHO | NLM_F_ACK;
        req.set_flags(f);
        let answer = match ctx.rtnl()?.talk_answer(&mut req) {
            Ok(a) => a,
            Err(_) => return Ok(2),
        };
        print_echo(ctx, &answer)?;
        return Ok(0);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}

/// rtnl_echo_talk()'s printing of the kernel's echo: one address object.
fn print_echo(ctx: &mut Ctx, answer: &[u8]) -> Res<()> {
    ctx.p.new_json_obj();
    ctx.p.open_object(None);
    if let Some(m) = crate::netlink::msgs(answer).next() {
        print_addrinfo(ctx, &m)?;
    }
    ctx.p.close_object();
    ctx.p.delete_json_obj();
    Ok(())
}

/// print_addrinfo() of the address printer (`ip address show`), with
/// ipaddress.c's filter as these paths leave it: never set, so no family
/// or label selection. The "N: dev" prefix is printed under -o, while
/// flushing or under -echo; only the last applies here (`oneline` stands
/// in for it, as the printer uses it for nothing else).
fn print_addrinfo(ctx: &mut Ctx, m: &crate::netlink::Msg) -> Res<()> {
    if m.ty != RTM_NEWADDR && m.ty != RTM_DELADDR {
        return Ok(());
    }
    let f = crate::linkinfo::filter::Filter::new(AF_UNSPEC, ctx.o.echo > 0, false);
    let mut env = crate::linkinfo::print::LinkEnv::default();
    crate::linkinfo::list::print_addrinfo(ctx, &f, &mut env, m.ty, m.payload);
    Ok(())
}

/// ipadd_dump_check_magic(): stdin must not be a terminal and must start
/// with the dump magic. Exit 255 otherwise.
fn check_magic(input: &mut impl Read) -> Res<()> {
    if std::io::stdin().is_terminal() {
        return Err(fail(255, "Can't restore address dump from a terminal\n"));
    }
    let mut b = [0u8; 4];
    let n = read_full(input, &mut b);
    let elems = if n == 4 { 1 } else { 0 };
    let magic = u32::from_ne_bytes(b);
    if magic != IPADD_DUMP_MAGIC {
        return Err(fail(255, &format!("Magic mismatch ({} elems, {:x} magic)\n", elems, magic)));
    }
    Ok(())
}

/// fread() of as many bytes as are there (until EOF or `buf` is full).
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    got
}

/// rtnl_from_file(): each stored message to `handler`; 0 at a clean end,
/// -1 after "truncated message"/"malformed message", or the handler's
/// negative result.
fn from_file<R: Read>(input: &mut R, mut handler: impl FnMut(&mut Vec<u8>) -> Res<i32>) -> Res<i32> {
    const BUF: usize = 16384;
    let mut pos: usize = 4; // the magic was read
    loop {
        let mut hdr = [0u8; 16];
        let n = read_full(input, &mut hdr);
        if n == 0 {
            return Ok(0);
        }
        if n != 16 {
            eprint_raw("rtnl-from_file: truncated message\n");
            return Ok(-1);
        }
        pos += 16;
        let len = u32::from_ne_bytes([hdr[0], hdr[1], hdr[2], hdr[3]]) as i32;
        let l = len.wrapping_sub(16);
        if l < 0 || len as usize > BUF {
            // ftell(): the offset in a file, -1 (printed unsigned) on a pipe.
            // SAFETY: lseek on fd 0 only queries the offset.
            let seekable = unsafe { libc::lseek(0, 0, libc::SEEK_CUR) } >= 0;
            let at = if seekable { pos as u64 } else { u64::MAX };
            eprint_raw(&format!("!!!malformed message: len={} @{}\n", len, at));
            return Ok(-1);
        }
        let want = align4(l as usize);
        let mut msg = vec![0u8; 16 + want];
        msg[..16].copy_from_slice(&hdr);
        let got = read_full(input, &mut msg[16..]);
        pos += got;
        if got != want {
            eprint_raw("rtnl-from_file: truncated message\n");
            return Ok(-1);
        }
        msg.truncate(len as usize);
        let r = handler(&mut msg)?;
        if r < 0 {
            return Ok(r);
        }
    }
}

/// `ip address showdump`: the addresses of a saved dump, each after an
/// `ifN:` line, as `ip address show` prints them.
pub fn ipaddr_showdump(ctx: &mut Ctx) -> Res<i32> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    check_magic(&mut input)?;
    ctx.p.new_json_obj();
    ctx.p.open_object(None);
    ctx.p.open_array(crate::print::T::Json, "addr_info");
    let err = from_file(&mut input, |msg| {
        let Some(m) = crate::netlink::msgs(msg).next() else { return Ok(0) };
        let index = crate::netlink::attr::hdr_u32(m.payload, 4) as i32;
        ctx.p.open_object(None);
        ctx.p.int(crate::print::T::Any, "index", "if{}:", index as i64);
        ctx.p.nl();
        print_addrinfo(ctx, &m)?;
        ctx.p.close_object();
        Ok(0)
    })?;
    ctx.p.close_array(crate::print::T::Json, "");
    ctx.p.close_object();
    ctx.p.delete_json_obj();
    let _ = ctx.p.flush();
    Err(Exit(err & 0xff))
}

/// `ip address restore`: sends every saved message back as a create
/// request; "exists" answers count as success.
pub fn ipaddr_restore(ctx: &mut Ctx) -> Res<i32> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    check_magic(&mut input)?;
    let mut mapped = false;
    let err = from_file(&mut input, |msg| {
        if !mapped {
            ll_init_map(ctx)?;
            mapped = true;
        }
        let f = crate::netlink::attr::hdr_u16(msg, 6) | NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
        let mut req = Req::from_raw(std::mem::take(msg));
        if req.buf.len() < 16 {
            return Ok(-1);
        }
        req.set_flags(f);
        match ctx.rtnl()?.talk(&mut req) {
            Ok(()) => Ok(0),
            Err(e) if e.0 == libc::EEXIST => Ok(0),
            Err(_) => Ok(-1),
        }
    })?;
    Err(Exit(err & 0xff))
}

/// ll_init_map(): one link dump to fill the name cache, as iproute2's
/// restore does before its first request (exit 1 if the dump fails).
fn ll_init_map(ctx: &mut Ctx) -> Res<()> {
    let mut req = Req::new(RTM_GETLINK, 0, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
    req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
    ctx.dump_show(&mut req, |shown, m| {
        if m.ty == RTM_NEWLINK {
            shown.names.remember(m.payload);
        }
        Ok(())
    })?;
    Ok(())
}

const USAGE: &str = "Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ nomaster ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
";

/// ip address's usage(): stderr, exit 255 (with the link TYPE list, as
/// iproute2 appends iplink_types_usage()).
pub fn usage() -> Exit {
    fail(255, USAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_30_lines() {
        assert_eq!(USAGE.lines().count(), 30);
    }

    #[test]
    fn flags_table() {
        assert_eq!(flag_of(ADD_OPTIONS.find("nodad")).map(|f| f.mask), Some(crate::linkinfo::filter::IFA_F_NODAD));
        assert!(flag_of(ADD_OPTIONS.find("tentative")).map(|f| f.readonly).unwrap_or(false));
        assert!(flag_of(ADD_OPTIONS.find("nod")).is_none());
        // The table's flag words are ifa_flag_data[]'s, in its order.
        for (i, f) in IFA_FLAG_DATA.iter().enumerate() {
            assert_eq!(ADD_OPTIONS.find(f.name), Some(Opt::Flag(i)));
        }
        assert_eq!(set_lifetime("forever"), Some(INFINITY_LIFE_TIME));
        assert_eq!(set_lifetime("0x10"), Some(16));
        assert_eq!(set_lifetime("-1"), None);
    }

    #[test]
    fn dump_reader() {
        let mut data = Vec::new();
        let mut m = vec![0u8; 24];
        m[0..4].copy_from_slice(&24u32.to_ne_bytes());
        data.extend_from_slice(&m);
        data.extend_from_slice(&m);
        let mut seen = 0;
        let r = from_file(&mut std::io::Cursor::new(data.clone()), |msg| {
            assert_eq!(msg.len(), 24);
            seen += 1;
            Ok(0)
        });
        assert_eq!(r, Ok(0));
        assert_eq!(seen, 2);
        data.truncate(30);
        assert_eq!(from_file(&mut std::io::Cursor::new(data), |_| Ok(0)), Ok(-1));
    }
}
