//! What `ip tunnel` shares between its IPv4 and IPv6 halves (ip/tunnel.c
//! of iproute2 6.1.0): the device-private ioctls with their messages, key
//! parsing, the GRE flag lines, and the link dump that lists tunnels.

use crate::args::num::get_unsigned;
use crate::ctx::{Ctx, Shown};
use crate::error::{eprint_raw, fail, strerror, Res};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::T;

const SIOCDEVPRIVATE: u64 = 0x89F0;
pub const SIOCGETTUNNEL: u64 = SIOCDEVPRIVATE;
pub const SIOCADDTUNNEL: u64 = SIOCDEVPRIVATE + 1;
pub const SIOCDELTUNNEL: u64 = SIOCDEVPRIVATE + 2;
pub const SIOCCHGTUNNEL: u64 = SIOCDEVPRIVATE + 3;
pub const SIOCGETPRL: u64 = SIOCDEVPRIVATE + 4;
pub const SIOCADDPRL: u64 = SIOCDEVPRIVATE + 5;
pub const SIOCDELPRL: u64 = SIOCDEVPRIVATE + 6;
pub const SIOCGET6RD: u64 = SIOCDEVPRIVATE + 8;
pub const SIOCADD6RD: u64 = SIOCDEVPRIVATE + 9;
pub const SIOCDEL6RD: u64 = SIOCDEVPRIVATE + 10;

// linux/if_tunnel.h: the flags are big-endian 16-bit words, kept here as
// the native u16 that holds those bytes.
pub const GRE_CSUM: u16 = 0x8000u16.to_be();
pub const GRE_KEY: u16 = 0x2000u16.to_be();
pub const GRE_SEQ: u16 = 0x1000u16.to_be();
pub const VTI_ISVTI: u16 = 0x0001;
pub const SIT_ISATAP: u16 = 0x0001;

pub const IPPROTO_IPIP: u8 = 4;
pub const IPPROTO_GRE: u8 = 47;
pub const IPPROTO_IPV6: u8 = 41;

const ARPHRD_TUNNEL: u16 = 768;
const ARPHRD_TUNNEL6: u16 = 769;
const ARPHRD_SIT: u16 = 776;
const ARPHRD_IPGRE: u16 = 778;
pub const ARPHRD_IP6GRE: u16 = 823;

/// tnl_strproto()
pub fn strproto(proto: u8) -> &'static str {
    match proto {
        IPPROTO_IPIP => "ip",
        IPPROTO_GRE => "gre",
        IPPROTO_IPV6 => "ipv6",
        50 => "esp",
        137 => "mpls",
        0 => "any",
        _ => "unknown",
    }
}

/// One ioctl on a fresh socket of the preferred family: the errno on
/// failure (after "create socket failed: ERR" when there is no socket).
fn tnl_ioctl(family: u8, cmd: u64, name: &[u8], data: &mut [u8]) -> Result<(), Option<i32>> {
    let fd = match crate::sys::ioctl::socket(family as i32, libc::SOCK_DGRAM) {
        Ok(fd) => fd,
        Err(e) => {
            eprint_raw(&format!("create socket failed: {}\n", strerror(e)));
            return Err(None);
        }
    };
    crate::sys::ioctl::ioctl_ifr_data(&fd, cmd, name, data).map_err(Some)
}

/// The name as ifr_name holds it (strlcpy to IFNAMSIZ).
fn ifr_name(name: &str) -> String {
    let b = crate::args::bytes::unescape(name);
    let n = b.len().min(15);
    crate::args::bytes::escape(&b[..n]).into_owned()
}

/// tnl_get_ioctl(): true on success.
pub fn get_ioctl(family: u8, basedev: &str, p: &mut [u8]) -> bool {
    match tnl_ioctl(family, SIOCGETTUNNEL, &crate::args::bytes::unescape(basedev), p) {
        Ok(()) => true,
        Err(None) => false,
        Err(Some(e)) => {
            eprint_raw(&format!("get tunnel \"{}\" failed: {}\n", basedev, strerror(e)));
            false
        }
    }
}

/// tnl_add_ioctl(): SIOCADDTUNNEL on the base device, SIOCCHGTUNNEL on the
/// named one. The command's status.
pub fn add_ioctl(family: u8, cmd: u64, basedev: &str, name: &str, p: &mut [u8]) -> i32 {
    let dev = if cmd == SIOCCHGTUNNEL && !name.is_empty() { name } else { basedev };
    match tnl_ioctl(family, cmd, &crate::args::bytes::unescape(dev), p) {
        Ok(()) => 0,
        Err(None) => 1,
        Err(Some(e)) => {
            eprint_raw(&format!("add tunnel \"{}\" failed: {}\n", ifr_name(dev), strerror(e)));
            1
        }
    }
}

/// tnl_del_ioctl()
pub fn del_ioctl(family: u8, basedev: &str, name: &str, p: &mut [u8]) -> i32 {
    let dev = if !name.is_empty() { name } else { basedev };
    match tnl_ioctl(family, SIOCDELTUNNEL, &crate::args::bytes::unescape(dev), p) {
        Ok(()) => 0,
        Err(None) => 1,
        Err(Some(e)) => {
            eprint_raw(&format!("delete tunnel \"{}\" failed: {}\n", ifr_name(dev), strerror(e)));
            1
        }
    }
}

/// tnl_gen_ioctl(): the PRL and 6RD ioctls; errors other than `skiperr`
/// are printed as "NAME: ioctl CMD failed: ERR". True on success.
pub fn gen_ioctl(family: u8, cmd: u64, name: &str, p: &mut [u8], skiperr: i32) -> bool {
    match tnl_ioctl(family, cmd, &crate::args::bytes::unescape(name), p) {
        Ok(()) => true,
        Err(None) => false,
        Err(Some(e)) => {
            if e != skiperr {
                eprint_raw(&format!("{}: ioctl {:x} failed: {}\n", name, cmd, strerror(e)));
            }
            false
        }
    }
}

/// tnl_parse_key(): a dotted quad, else an unsigned number (network order).
pub fn parse_key(name: &str, key: &str) -> Res<u32> {
    if key.contains('.') {
        return Ok(u32::from_ne_bytes(crate::inet::get_addr32(key)?));
    }
    match get_unsigned(key, 0) {
        Some(v) => Ok(v.to_be()),
        None => {
            Err(fail(255, &format!("invalid value for \"{}\": \"{}\"; it should be an unsigned integer\n", name, key)))
        }
    }
}

/// tnl_print_gre_flags()
pub fn print_gre_flags(s: &mut Shown, proto: u8, i_flags: u16, o_flags: u16, i_key: u32, o_key: u32) {
    let p = &mut *s.p;
    if i_flags & GRE_KEY != 0 && o_flags & GRE_KEY != 0 && o_key == i_key {
        p.uint(T::Any, "key", " key {}", u32::from_be(i_key) as u64);
    } else {
        if i_flags & GRE_KEY != 0 {
            p.uint(T::Any, "ikey", " ikey {}", u32::from_be(i_key) as u64);
        }
        if o_flags & GRE_KEY != 0 {
            p.uint(T::Any, "okey", " okey {}", u32::from_be(o_key) as u64);
        }
    }
    if proto != IPPROTO_GRE {
        return;
    }
    let sl = if s.o.oneline > 0 { "\\" } else { "\n" };
    let json = p.is_json();
    p.open_array(T::Json, "flags");
    let lines = [
        (i_flags & GRE_SEQ, "rx_drop_ooseq", "  Drop packets out of sequence."),
        (i_flags & GRE_CSUM, "rx_csum", "  Checksum in received packet is required."),
        (o_flags & GRE_SEQ, "tx_seq", "  Sequence packets on output."),
        (o_flags & GRE_CSUM, "tx_csum", "  Checksum output packets."),
    ];
    for (on, key, text) in lines {
        if on == 0 {
            continue;
        }
        if json {
            p.string_nokey(T::Json, "{}", key);
        } else {
            p.fp(sl);
            p.fp(text);
        }
    }
    p.close_array(T::Json, "");
}

/// tnl_print_stats(): the counters of `-s` from IFLA_STATS64 (or
/// IFLA_STATS); false when the link has neither.
fn print_stats(s: &mut Shown, tb: &Tb) -> bool {
    let mut v = [0u64; 18];
    if let Some(d) = tb.get(IFLA_STATS64) {
        for (i, x) in v.iter_mut().enumerate() {
            if let Some(b) = d.get(i * 8..i * 8 + 8) {
                *x = u64::from_ne_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            }
        }
    } else if let Some(d) = tb.get(IFLA_STATS) {
        for (i, x) in v.iter_mut().enumerate() {
            if let Some(b) = d.get(i * 4..i * 4 + 4) {
                *x = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as u64;
            }
        }
    } else {
        return false;
    }
    let sl = if s.o.oneline > 0 { "\\" } else { "\n" };
    let p = &mut *s.p;
    p.fp(sl);
    p.fpf(format_args!("RX: Packets    Bytes        Errors CsumErrs OutOfSeq Mcasts{}", sl));
    p.fpf(format_args!(
        "    {:<10} {:<12} {:<6} {:<8} {:<8} {:<8}{}",
        v[0] as i64, v[2] as i64, v[4] as i64, v[13] as i64, v[14] as i64, v[8] as i64, sl
    ));
    p.fpf(format_args!("TX: Packets    Bytes        Errors DeadLoop NoRoute  NoBufs{}", sl));
    p.fpf(format_args!(
        "    {:<10} {:<12} {:<6} {:<8} {:<8} {:<6}",
        v[1] as i64, v[3] as i64, v[5] as i64, v[9] as i64, v[17] as i64, v[7] as i64
    ));
    true
}

/// The per-family half of a tunnel listing: the filter's name, and for
/// each tunnel link its parameters read (init + ioctl), matched and printed.
pub trait Lister {
    fn name(&self) -> &str;
    /// Reads the tunnel's parameters for link `index` of ARPHRD `ty`
    /// named `name`; false when the ioctl failed (the link is skipped).
    fn fetch(&mut self, family: u8, index: i32, ty: u16, name: &str) -> bool;
    fn matches(&self) -> bool;
    fn print(&self, s: &mut Shown);
}

/// do_tunnels_list(): a link dump of the family; every tunnel link whose
/// parameters match the filter is printed (with -s, its counters).
pub fn tunnels_list(ctx: &mut Ctx, family: u8, l: &mut dyn Lister) -> Res<i32> {
    ctx.p.new_json_obj();
    let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(family, 0, 0, 0));
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        eprint_raw(&format!("Cannot send dump request\n: {}\n", strerror(e)));
        return Ok(1);
    }
    let stats = ctx.o.stats > 0;
    let ok = ctx.dump_stream(|s, m| print_nlmsg_tunnel(s, m, family, stats, l));
    if !matches!(ok, Ok(true)) {
        eprint_raw("Dump terminated\n");
        return Ok(1);
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

fn print_nlmsg_tunnel(s: &mut Shown, m: Msg, family: u8, stats: bool, l: &mut dyn Lister) -> Res<()> {
    if m.ty != RTM_NEWLINK && m.ty != RTM_DELLINK {
        return Ok(());
    }
    let Some((_, ty, index, _, _)) = ifinfo(m.payload) else { return Err(crate::error::Exit(1)) };
    let wanted = if family == AF_INET {
        matches!(ty, ARPHRD_TUNNEL | ARPHRD_IPGRE | ARPHRD_SIT)
    } else {
        matches!(ty, ARPHRD_TUNNEL6 | ARPHRD_IP6GRE)
    };
    if !wanted {
        return Ok(());
    }
    let tb = Tb::parse(m.payload.get(16..).unwrap_or(&[]), IFLA_MAX);
    let Some(name) = tb.str(IFLA_IFNAME) else { return Ok(()) };
    if !l.name().is_empty() && l.name() != name {
        return Ok(());
    }
    if !l.fetch(family, index, ty, &name) || !l.matches() {
        return Ok(());
    }
    l.print(s);
    if stats && !print_stats(s, &tb) {
        return Err(crate::error::Exit(1));
    }
    s.p.fp("\n");
    Ok(())
}
