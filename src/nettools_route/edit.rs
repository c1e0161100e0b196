//! route_edit(): `add`, `del` and `flush` (lib/inet_sr.c for IPv4 through
//! `struct rtentry`, lib/inet6_sr.c for IPv6 through `struct in6_rtmsg`),
//! with their usage texts, messages and exit statuses.

use super::show::FLAG_CACHE;
use crate::eprintf;
use crate::error::{eprint_raw, strerror};
use crate::inet::nettools::{self as nt, atol};
use crate::print::Printer;
use crate::sys::ioctl::{self, In6RtMsg, RtEntry};

pub const E_SOCK: i32 = 7;
pub const E_LOOKUP: i32 = 6;
pub const E_OPTERR: i32 = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Add,
    Del,
    Flush,
    Help,
}

const INET_USAGE: &str = "Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
";

const INET6_USAGE: &str = "Usage: inet6_route [-vF] del Target
       inet6_route [-vF] add Target [gw Gw] [metric M] [[dev] If]
       inet6_route [-FC] flush      NOT supported
";

const X25_USAGE: &str = "Usage: x25_route [-v] del Target[/mask] [dev] If
       x25_route [-v] add Target[/mask] [dev] If
";

/// A usage text: stdout for status 0, else stderr.
fn usage(p: &mut Printer, text: &str, rc: i32) -> i32 {
    if rc == 0 {
        p.fp(text);
    } else {
        eprint_raw(text);
    }
    rc
}

const RTF_UP: u16 = 0x1;
const RTF_GATEWAY: u16 = 0x2;
const RTF_HOST: u16 = 0x4;
const RTF_REINSTATE: u16 = 0x8;
const RTF_DYNAMIC: u16 = 0x10;
const RTF_MODIFIED: u16 = 0x20;
const RTF_MSS: u16 = 0x40;
const RTF_WINDOW: u16 = 0x80;
const RTF_IRTT: u16 = 0x100;
const RTF_REJECT: u16 = 0x200;

fn s(b: &[u8]) -> String {
    crate::args::bytes::escape(b).into_owned()
}

/// safe_strncpy(buf, arg, 128).
fn buf128(a: &[u8]) -> Vec<u8> {
    let end = a.iter().position(|&c| c == 0).unwrap_or(a.len()).min(127);
    a[..end].to_vec()
}

/// ap->rinput(action, options, args) for the family `af`.
pub fn rinput(p: &mut Printer, af: &str, action: Action, options: i32, args: &[Vec<u8>]) -> i32 {
    match af {
        "inet" => {
            if action == Action::Flush {
                eprint_raw("Flushing `inet' routing table not supported\n");
                return usage(p, INET_USAGE, E_OPTERR);
            }
            if options & FLAG_CACHE != 0 {
                eprint_raw("Modifying `inet' routing cache not supported\n");
                return usage(p, INET_USAGE, E_OPTERR);
            }
            if args.is_empty() || action == Action::Help {
                return usage(p, INET_USAGE, 0);
            }
            inet_setroute(p, action, args)
        }
        "inet6" => {
            if action == Action::Flush {
                eprint_raw("Flushing `inet6' routing table not supported\n");
                return usage(p, INET6_USAGE, E_OPTERR);
            }
            if action == Action::Help {
                return usage(p, INET6_USAGE, 0);
            }
            inet6_setroute(p, action, args)
        }
        "x25" => usage(p, X25_USAGE, if action == Action::Help { 0 } else { E_OPTERR }),
        "ipx" => {
            eprint_raw("IPX: this needs to be written\n");
            1
        }
        _ => {
            eprint_raw("NET/ROM: this needs to be written\n");
            1
        }
    }
}

fn inet_setroute(p: &mut Printer, action: Action, args: &[Vec<u8>]) -> i32 {
    let mut k = 0;
    let mut xflag = 0;
    match args.first().map(|a| &a[..]) {
        Some(b"#net") => {
            xflag = 1;
            k += 1;
        }
        Some(b"#host") => {
            xflag = 2;
            k += 1;
        }
        _ => {}
    }
    let Some(t) = args.get(k) else { return usage(p, INET_USAGE, E_OPTERR) };
    let mut target = buf128(t);
    k += 1;
    let mut rt = RtEntry::default();
    // The message's netmask text: "default", a "/N" suffix, or the word.
    let mut netmask: Vec<u8> = b"default".to_vec();
    match nt::getnetmask(&mut target) {
        (-1, _) => return usage(p, INET_USAGE, E_OPTERR),
        (1, m) => {
            rt.genmask = ioctl::sockaddr_in(m);
            netmask = prefix_text(t);
        }
        _ => {}
    }
    let (dst, mut isnet) = match nt::resolve(&target, xflag == 2) {
        Ok((a, net)) => (a, net),
        Err(()) => {
            nt::herror_of(&target);
            return E_LOOKUP;
        }
    };
    rt.dst = ioctl::sockaddr_in(dst);
    match xflag {
        1 => isnet = true,
        2 => isnet = false,
        _ => {}
    }
    rt.flags = RTF_UP | RTF_HOST;
    if isnet {
        rt.flags &= !RTF_HOST;
    }
    let mask_of = |rt: &RtEntry| u32::from_ne_bytes([rt.genmask[4], rt.genmask[5], rt.genmask[6], rt.genmask[7]]);
    while let Some(w) = args.get(k) {
        let next = args.get(k + 1);
        match &w[..] {
            b"metric" => {
                let Some(v) = next.filter(|v| v.first().is_some_and(|c| c.is_ascii_digit())) else {
                    return usage(p, INET_USAGE, E_OPTERR);
                };
                rt.metric = (atol(v) as i32).wrapping_add(1) as i16;
                k += 2;
            }
            b"netmask" => {
                let Some(v) = next else { return usage(p, INET_USAGE, E_OPTERR) };
                if mask_of(&rt) != 0 {
                    return usage(p, INET_USAGE, E_OPTERR);
                }
                netmask = buf128(v);
                match nt::resolve(&netmask, false) {
                    Ok((m, _)) => rt.genmask = ioctl::sockaddr_in(m),
                    Err(()) => {
                        nt::herror_of(&netmask);
                        return E_LOOKUP;
                    }
                }
                k += 2;
            }
            b"gw" | b"gateway" => {
                let Some(v) = next else { return usage(p, INET_USAGE, E_OPTERR) };
                if rt.flags & RTF_GATEWAY != 0 {
                    return usage(p, INET_USAGE, E_OPTERR);
                }
                let gateway = buf128(v);
                match nt::resolve(&gateway, true) {
                    Ok((g, net)) => {
                        rt.gateway = ioctl::sockaddr_in(g);
                        if net {
                            eprintf!("route: {}: cannot use a NETWORK as gateway!\n", s(&gateway));
                            return usage(p, INET_USAGE, E_OPTERR);
                        }
                    }
                    Err(()) => {
                        nt::herror_of(&gateway);
                        return E_LOOKUP;
                    }
                }
                rt.flags |= RTF_GATEWAY;
                k += 2;
            }
            b"mss" | b"mtu" => {
                rt.flags |= RTF_MSS;
                let Some(v) = next else { return usage(p, INET_USAGE, E_OPTERR) };
                rt.mtu = atol(v) as i32 as i64 as u64;
                k += 2;
                if rt.mtu < 64 || rt.mtu > 65536 {
                    eprint_raw("route: Invalid MSS/MTU.\n");
                    return usage(p, INET_USAGE, E_OPTERR);
                }
            }
            b"window" => {
                let Some(v) = next else { return usage(p, INET_USAGE, E_OPTERR) };
                rt.flags |= RTF_WINDOW;
                rt.window = atol(v) as i32 as i64 as u64;
                k += 2;
                if rt.window < 128 {
                    eprint_raw("route: Invalid window.\n");
                    return usage(p, INET_USAGE, E_OPTERR);
                }
            }
            b"irtt" => {
                let Some(v) = next else { return usage(p, INET_USAGE, E_OPTERR) };
                rt.flags |= RTF_IRTT;
                // atoi() * (clk_tck / 100), clk_tck being 100.
                rt.irtt = atol(v) as i32 as u16;
                k += 2;
            }
            b"reject" => {
                rt.flags |= RTF_REJECT;
                k += 1;
            }
            b"mod" => {
                rt.flags |= RTF_MODIFIED;
                k += 1;
            }
            b"dyn" => {
                rt.flags |= RTF_DYNAMIC;
                k += 1;
            }
            b"reinstate" => {
                rt.flags |= RTF_REINSTATE;
                k += 1;
            }
            b"device" | b"dev" => {
                let Some(v) = next else { return usage(p, INET_USAGE, E_OPTERR) };
                if rt.dev.is_some() {
                    return usage(p, INET_USAGE, E_OPTERR);
                }
                rt.dev = Some(v.clone());
                k += 2;
            }
            _ => {
                if rt.dev.is_some() || next.is_some() {
                    return usage(p, INET_USAGE, E_OPTERR);
                }
                rt.dev = Some(w.clone());
                k += 1;
            }
        }
    }
    if rt.flags & RTF_REJECT != 0 && rt.dev.is_none() {
        rt.dev = Some(b"lo".to_vec());
    }
    let m = mask_of(&rt);
    if m != 0 {
        let mask = !u32::from_be(m);
        if rt.flags & RTF_HOST != 0 && mask != 0xffffffff {
            eprintf!("route: netmask {:08x} doesn't make sense with host route\n", mask);
            return usage(p, INET_USAGE, E_OPTERR);
        }
        if mask & mask.wrapping_add(1) != 0 {
            eprintf!("route: bogus netmask {}\n", s(&netmask));
            return usage(p, INET_USAGE, E_OPTERR);
        }
        let d = u32::from_ne_bytes([rt.dst[4], rt.dst[5], rt.dst[6], rt.dst[7]]);
        if d & !m != 0 {
            eprint_raw("route: netmask doesn't match route address\n");
            return usage(p, INET_USAGE, E_OPTERR);
        }
    }
    if action == Action::Add && rt.flags & RTF_HOST != 0 {
        rt.genmask[4..8].copy_from_slice(&[0xff; 4]);
    }
    let fd = match ioctl::socket(libc::AF_INET, libc::SOCK_DGRAM) {
        Ok(f) => f,
        Err(e) => {
            eprintf!("socket: {}\n", strerror(e));
            return E_SOCK;
        }
    };
    let (req, name) =
        if action == Action::Del { (ioctl::SIOCDELRT, "SIOCDELRT") } else { (ioctl::SIOCADDRT, "SIOCADDRT") };
    if let Err(e) = ioctl::rtentry(&fd, req, &rt) {
        eprintf!("{}: {}\n", name, strerror(e));
        return E_SOCK;
    }
    0
}

/// The "/N" INET_getnetmask() writes for a `Target/N` (the prefix as
/// strtoul read it, printed as an int).
fn prefix_text(t: &[u8]) -> Vec<u8> {
    let slash = t.iter().position(|&c| c == b'/').map(|i| i + 1).unwrap_or(t.len());
    let v = nt::strtoul0(&t[slash..]).0 as u32 as i32;
    format!("/{}", v).into_bytes()
}

fn inet6_setroute(p: &mut Printer, action: Action, args: &[Vec<u8>]) -> i32 {
    let Some(t) = args.first() else { return usage(p, INET6_USAGE, E_OPTERR) };
    let mut target = buf128(t);
    let mut rt = In6RtMsg::default();
    let prefix_len: i32;
    let mut addr = [0u8; 16];
    if target == b"default" {
        prefix_len = 0;
    } else {
        prefix_len = match target.iter().position(|&c| c == b'/') {
            Some(i) => {
                let v = atol(&target[i + 1..]) as i32;
                if !(0..=128).contains(&v) {
                    return usage(p, INET6_USAGE, E_OPTERR);
                }
                target.truncate(i);
                v
            }
            None => 128,
        };
        match nt::in6_getsock(&target).or_else(|| nt::in6_resolve(&target)) {
            Some(a) => addr = a,
            None => {
                nt::herror_of(&target);
                return 1;
            }
        }
    }
    rt.dst = addr;
    rt.flags = RTF_UP as u32;
    if prefix_len == 128 {
        rt.flags |= RTF_HOST as u32;
    }
    rt.metric = 1;
    rt.dst_len = prefix_len as u16;
    let mut devname: Option<&Vec<u8>> = None;
    let mut k = 1;
    while let Some(w) = args.get(k) {
        let next = args.get(k + 1);
        match &w[..] {
            b"metric" => {
                let Some(v) = next.filter(|v| v.first().is_some_and(|c| c.is_ascii_digit())) else {
                    return usage(p, INET6_USAGE, E_OPTERR);
                };
                rt.metric = atol(v) as i32 as u32;
                k += 2;
            }
            b"gw" | b"gateway" => {
                let Some(v) = next else { return usage(p, INET6_USAGE, E_OPTERR) };
                if rt.flags & RTF_GATEWAY as u32 != 0 {
                    return usage(p, INET6_USAGE, E_OPTERR);
                }
                let g = buf128(v);
                match nt::in6_getsock(&g) {
                    Some(a) => rt.gateway = a,
                    None => {
                        nt::herror_of(&g);
                        return E_LOOKUP;
                    }
                }
                rt.flags |= RTF_GATEWAY as u32;
                k += 2;
            }
            b"mod" => {
                rt.flags |= RTF_MODIFIED as u32;
                k += 1;
            }
            b"dyn" => {
                rt.flags |= RTF_DYNAMIC as u32;
                k += 1;
            }
            b"device" | b"dev" => {
                let Some(v) = next else { return usage(p, INET6_USAGE, E_OPTERR) };
                devname = Some(v);
                k += 2;
            }
            _ => {
                if next.is_some() {
                    return usage(p, INET6_USAGE, E_OPTERR);
                }
                devname = Some(w);
                k += 1;
            }
        }
    }
    let fd = match ioctl::socket(libc::AF_INET6, libc::SOCK_DGRAM) {
        Ok(f) => f,
        Err(e) => {
            eprintf!("socket: {}\n", strerror(e));
            return E_SOCK;
        }
    };
    if let Some(dev) = devname {
        let mut ifr = ioctl::IfReq::new(dev);
        if let Err(e) = ioctl::ifreq(&fd, ioctl::SIOCGIFINDEX, &mut ifr) {
            eprintf!("SIOGIFINDEX: {}\n", strerror(e));
            return E_SOCK;
        }
        rt.ifindex = ifr.int();
    }
    let (req, name) =
        if action == Action::Del { (ioctl::SIOCDELRT, "SIOCDELRT") } else { (ioctl::SIOCADDRT, "SIOCADDRT") };
    if let Err(e) = ioctl::in6_rtmsg(&fd, req, &rt) {
        eprintf!("{}: {}\n", name, strerror(e));
        return E_SOCK;
    }
    0
}
