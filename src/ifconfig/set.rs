//! ifconfig.c's main loop over the words after the interface name: flags,
//! addresses, masks, MTU, queue length, map, hardware address, IPv4
//! aliases (`add`/`del`, set_ifstate()) and IPv6 addresses. Each word is
//! compared exactly, in the C code's order; `goterr` keeps its mix of
//! `|=` (-1 from the flag helpers) and `= 1`.

use std::os::fd::OwnedFd;

use super::list::{self, IFF_ALLMULTI, IFF_AUTOMEDIA, IFF_BROADCAST, IFF_DYNAMIC, IFF_MULTICAST, IFF_NOARP};
use super::list::{IFF_NOTRAILERS, IFF_POINTOPOINT, IFF_PROMISC, IFF_RUNNING, IFF_UP};
use super::{hw, Done, Ifconfig, E_OPTERR};
use crate::eprintf;
use crate::error::{eprint_raw, strerror};
use crate::inet::nettools::{self as nt, atol, strtoul0};
use crate::sys::ioctl::{self, IfReq};

const SIOCSKEEPALIVE: u64 = 0x89F0;
const SIOCSOUTFILL: u64 = 0x89F2;

/// The address family words ifconfig accepts before the settings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Af {
    Unspec,
    Unix,
    Inet,
    Inet6,
    /// A family of the table without a socket here (ax25, ipx, ...).
    Other(i32),
}

fn get_aftype(name: &[u8]) -> Option<Af> {
    Some(match name {
        b"unix" => Af::Unix,
        b"inet" => Af::Inet,
        b"inet6" => Af::Inet6,
        b"ax25" => Af::Other(3),
        b"netrom" => Af::Other(6),
        b"rose" => Af::Other(11),
        b"ipx" => Af::Other(4),
        b"ddp" => Af::Other(5),
        b"ec" => Af::Other(19),
        b"ash" => Af::Other(18),
        b"x25" => Af::Other(9),
        b"unspec" => Af::Unspec,
        _ => {
            if name.contains(&b',') {
                eprint_raw("Please don't supply more than one address family.\n");
            }
            return None;
        }
    })
}

impl Af {
    fn num(self) -> i32 {
        match self {
            Af::Unspec => 0,
            Af::Unix => libc::AF_UNIX,
            Af::Inet => libc::AF_INET,
            Af::Inet6 => libc::AF_INET6,
            Af::Other(n) => n,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Af::Unspec => "unspec",
            Af::Unix => "unix",
            Af::Inet => "inet",
            Af::Inet6 => "inet6",
            Af::Other(_) => "?",
        }
    }

    /// Whether ap->input exists.
    fn has_input(self) -> bool {
        matches!(self, Af::Inet | Af::Inet6)
    }

    /// ap->input(0, host, &sa): the struct sockaddr's 16 bytes and the
    /// return value (0, or 1 for an IPv4 network name); Err after a failed
    /// lookup (its message is printed by the caller through herror).
    fn input(self, host: &[u8]) -> Result<([u8; 16], i32), ()> {
        match self {
            Af::Inet => {
                let (a, net) = nt::resolve(host, false)?;
                Ok((ioctl::sockaddr_in(a), i32::from(net)))
            }
            Af::Inet6 => {
                let a = nt::in6_resolve(host).ok_or(())?;
                Ok((sockaddr_in6_head(&a), 0))
            }
            _ => Err(()),
        }
    }
}

/// The first 16 bytes of a struct sockaddr_in6 (what fits a struct sockaddr).
fn sockaddr_in6_head(a: &[u8; 16]) -> [u8; 16] {
    let mut s = [0u8; 16];
    s[..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
    s[8..16].copy_from_slice(&a[..8]);
    s
}

/// safe_strncpy(host, arg, 128).
fn host(a: &[u8]) -> Vec<u8> {
    let end = a.iter().position(|&c| c == 0).unwrap_or(a.len()).min(127);
    a[..end].to_vec()
}

/// Bytes as text for a message (crate::args::bytes: printed as the bytes).
fn lossy(b: &[u8]) -> String {
    crate::args::bytes::escape(b).into_owned()
}

struct Set<'a> {
    s: &'a mut Ifconfig,
    name: Vec<u8>,
    /// The generic socket: sockets_open()'s, then the family's.
    skfd: Option<OwnedFd>,
    ifr: IfReq,
}

fn dup(fd: Option<&OwnedFd>) -> Option<OwnedFd> {
    fd.and_then(|f| f.try_clone().ok())
}

impl Set<'_> {
    fn sk(&self) -> Option<&OwnedFd> {
        self.skfd.as_ref()
    }

    /// The socket of clr_flag()/test_flag(): inet for an alias label.
    fn alias_fd(&self, name: &[u8]) -> Result<Option<&OwnedFd>, ()> {
        if name.contains(&b':') {
            match self.s.socks.inet.as_ref() {
                Some(f) => Ok(Some(f)),
                None => {
                    eprint_raw("No support for INET on this system.\n");
                    Err(())
                }
            }
        } else {
            Ok(self.sk())
        }
    }

    fn set_flag(&self, name: &[u8], flag: i16) -> i32 {
        let mut ifr = IfReq::new(name);
        if let Err(e) = list::on(self.sk(), ioctl::SIOCGIFFLAGS, &mut ifr) {
            eprintf!("{}: ERROR while getting interface flags: {}\n", lossy(name), strerror(e));
            return -1;
        }
        ifr.set_name(name);
        ifr.set_short(ifr.short() | flag);
        if let Err(e) = list::on(self.sk(), ioctl::SIOCSIFFLAGS, &mut ifr) {
            eprintf!("SIOCSIFFLAGS: {}\n", strerror(e));
            return -1;
        }
        0
    }

    fn clr_flag(&self, name: &[u8], flag: i16) -> i32 {
        let Ok(fd) = self.alias_fd(name) else { return -1 };
        let mut ifr = IfReq::new(name);
        if let Err(e) = list::on(fd, ioctl::SIOCGIFFLAGS, &mut ifr) {
            eprintf!("{}: ERROR while getting interface flags: {}\n", lossy(name), strerror(e));
            return -1;
        }
        ifr.set_name(name);
        ifr.set_short(ifr.short() & !flag);
        if let Err(e) = list::on(fd, ioctl::SIOCSIFFLAGS, &mut ifr) {
            eprintf!("SIOCSIFFLAGS: {}\n", strerror(e));
            return -1;
        }
        0
    }

    fn test_flag(&self, name: &[u8], flag: i16) -> i32 {
        let Ok(fd) = self.alias_fd(name) else { return -1 };
        let mut ifr = IfReq::new(name);
        if let Err(e) = list::on(fd, ioctl::SIOCGIFFLAGS, &mut ifr) {
            eprintf!("{}: ERROR while testing interface flags: {}\n", lossy(name), strerror(e));
            return -1;
        }
        (ifr.short() & flag) as i32
    }

    /// The main ifr, its name reset (the C code keeps one struct).
    fn ioctl_main(&mut self, fd: Option<&OwnedFd>, req: u64) -> Result<(), i32> {
        let mut ifr = self.ifr;
        let r = list::on(fd, req, &mut ifr);
        self.ifr = ifr;
        r
    }

    fn set_netmask(&mut self, fd_af: Option<i32>, sa: &[u8; 16]) -> i32 {
        self.ifr.set_sockaddr(sa);
        let fd = match fd_af {
            Some(af) => dup(self.s.socks.of(af)),
            None => dup(self.sk()),
        };
        if let Err(e) = self.ioctl_main(fd.as_ref(), ioctl::SIOCSIFNETMASK) {
            eprintf!("SIOCSIFNETMASK: {}\n", strerror(e));
            return 1;
        }
        0
    }

    fn warn_still(&self, flag: i16, what: &str) {
        if self.test_flag(&self.name, flag) > 0 {
            eprintf!("Warning: Interface {} still in {}\n", lossy(&self.name), what);
        }
    }
}

/// The numeric `media`/`port` value: a number, or a name of if_port_text.
fn media_port(w: &[u8]) -> i32 {
    let (v, used) = strtoul0_base10(w);
    if used == w.len() {
        return v;
    }
    const TEXT: [&[&str]; 7] = [
        &["unknown"],
        &["10base2", "bnc", "coax"],
        &["10baseT", "utp", "tpe"],
        &["AUI", "thick", "db15"],
        &["100baseT"],
        &["100baseTX"],
        &["100baseFX"],
    ];
    for (i, names) in TEXT.iter().enumerate() {
        if names.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(w)) {
            return i as i32;
        }
    }
    -1
}

/// strtol(s, &end, 10) as an int: (value, bytes consumed up to end).
fn strtoul0_base10(w: &[u8]) -> (i32, usize) {
    let mut i = 0;
    while i < w.len() && (w[i] == b' ' || (9..=13).contains(&w[i])) {
        i += 1;
    }
    let mut neg = false;
    if i < w.len() && (w[i] == b'+' || w[i] == b'-') {
        neg = w[i] == b'-';
        i += 1;
    }
    let start = i;
    let mut v: i64 = 0;
    while i < w.len() && w[i].is_ascii_digit() {
        v = v.saturating_mul(10).saturating_add((w[i] - b'0') as i64);
        i += 1;
    }
    if i == start {
        return (0, 0);
    }
    (if neg { -v } else { v } as i32, i)
}

/// The settings loop of main(); returns the exit status.
pub fn settings(s: &mut Ifconfig, name: &[u8], words: &[Vec<u8>]) -> Done {
    let mut k = 0;
    let ap = match words.first().and_then(|w| get_aftype(w)) {
        Some(a) => {
            k += 1;
            a
        }
        None => Af::Inet,
    };
    let skfd = dup(s.socks.of(ap.num()));
    let mut st = Set { name: name.to_vec(), skfd, ifr: IfReq::new(name), s };
    let ap_fd = |st: &Set| dup(st.s.socks.of(ap.num()));
    let mut goterr: i32 = 0;
    let mut didnetmask = 0;
    let mut neednetmask = false;
    let mut samask = [0u8; 16];
    let name = name.to_vec();
    let n = lossy(&name);
    let arg = |i: usize| words.get(i).map(|w| &w[..]);
    while let Some(w) = arg(k) {
        match w {
            b"arp" => goterr |= st.clr_flag(&name, IFF_NOARP),
            b"-arp" => goterr |= st.set_flag(&name, IFF_NOARP),
            b"media" | b"port" => {
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                if v.eq_ignore_ascii_case(b"auto") {
                    goterr |= st.set_flag(&name, IFF_AUTOMEDIA);
                    // The C code does not step past the value here.
                    continue;
                }
                let port = media_port(v);
                k += 1;
                if port == -1 {
                    eprint_raw("Unknown media type.\n");
                    goterr = 1;
                } else {
                    let fd = dup(st.sk());
                    if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCGIFMAP) {
                        eprintf!("port: SIOCGIFMAP: {}\n", strerror(e));
                        goterr = 1;
                        continue;
                    }
                    st.ifr.data_mut()[4] = port as u8;
                    if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFMAP) {
                        eprintf!("port: SIOCSIFMAP: {}\n", strerror(e));
                        goterr = 1;
                    }
                }
                continue;
            }
            b"trailers" => goterr |= st.clr_flag(&name, IFF_NOTRAILERS),
            b"-trailers" => goterr |= st.set_flag(&name, IFF_NOTRAILERS),
            b"promisc" => goterr |= st.set_flag(&name, IFF_PROMISC),
            b"-promisc" => {
                goterr |= st.clr_flag(&name, IFF_PROMISC);
                if st.test_flag(&name, IFF_PROMISC) > 0 {
                    eprintf!("Warning: Interface {} still in promisc mode... maybe other application is running?\n", n);
                }
            }
            b"multicast" => goterr |= st.set_flag(&name, IFF_MULTICAST),
            b"-multicast" => {
                goterr |= st.clr_flag(&name, IFF_MULTICAST);
                st.warn_still(IFF_MULTICAST, "MULTICAST mode.");
            }
            b"allmulti" => goterr |= st.set_flag(&name, IFF_ALLMULTI),
            b"-allmulti" => {
                goterr |= st.clr_flag(&name, IFF_ALLMULTI);
                st.warn_still(IFF_ALLMULTI, "ALLMULTI mode.");
            }
            b"up" => goterr |= st.set_flag(&name, IFF_UP | IFF_RUNNING),
            b"down" => goterr |= st.clr_flag(&name, IFF_UP),
            b"dynamic" => goterr |= st.set_flag(&name, IFF_DYNAMIC),
            b"-dynamic" => {
                goterr |= st.clr_flag(&name, IFF_DYNAMIC);
                st.warn_still(IFF_DYNAMIC, "DYNAMIC mode.");
            }
            b"mtu" | b"txqueuelen" | b"keepalive" | b"outfill" | b"name" => {
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                let (req, label) = match w {
                    b"mtu" => {
                        st.ifr.set_int(atol(v) as i32);
                        (ioctl::SIOCSIFMTU, "SIOCSIFMTU")
                    }
                    b"txqueuelen" => {
                        st.ifr.set_int(strtoul0(v).0 as i32);
                        (ioctl::SIOCSIFTXQLEN, "SIOCSIFTXQLEN")
                    }
                    b"keepalive" | b"outfill" => {
                        let p = atol(v) as i32 as i64 as u64;
                        st.ifr.data_mut()[..8].copy_from_slice(&p.to_ne_bytes());
                        if w == b"keepalive" {
                            (SIOCSKEEPALIVE, "SIOCSKEEPALIVE")
                        } else {
                            (SIOCSOUTFILL, "SIOCSOUTFILL")
                        }
                    }
                    _ => {
                        st.ifr.set_newname(v);
                        (ioctl::SIOCSIFNAME, "SIOCSIFNAME")
                    }
                };
                let fd = dup(st.sk());
                if let Err(e) = st.ioctl_main(fd.as_ref(), req) {
                    eprintf!("{}: {}\n", label, strerror(e));
                    goterr = 1;
                }
            }
            b"-broadcast" => {
                goterr |= st.clr_flag(&name, IFF_BROADCAST);
                st.warn_still(IFF_BROADCAST, "BROADCAST mode.");
            }
            b"broadcast" => {
                // `*++spp`: the word after is looked at in any case.
                k += 1;
                if let Some(v) = arg(k) {
                    let h = host(v);
                    match ap.input(&h) {
                        Err(()) => {
                            herror_or(ap, &h, "broadcast");
                            goterr = 1;
                            k += 1;
                            continue;
                        }
                        Ok((sa, _)) => {
                            st.ifr.set_sockaddr(&sa);
                            let fd = ap_fd(&st);
                            if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFBRDADDR) {
                                eprintf!("SIOCSIFBRDADDR: {}\n", strerror(e));
                                goterr = 1;
                            }
                        }
                    }
                    k += 1;
                }
                goterr |= st.set_flag(&name, IFF_BROADCAST);
                continue;
            }
            b"dstaddr" => {
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                let h = host(v);
                match ap.input(&h) {
                    Err(()) => {
                        herror_or(ap, &h, "dstaddr");
                        goterr = 1;
                    }
                    Ok((sa, _)) => {
                        st.ifr.set_sockaddr(&sa);
                        let fd = ap_fd(&st);
                        if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFDSTADDR) {
                            eprintf!("SIOCSIFDSTADDR: {}\n", strerror(e));
                            goterr = 1;
                        }
                    }
                }
            }
            b"netmask" => {
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                if didnetmask > 0 {
                    return st.s.usage(E_OPTERR);
                }
                let h = host(v);
                match ap.input(&h) {
                    Err(()) => {
                        herror_or(ap, &h, "netmask");
                        goterr = 1;
                    }
                    Ok((sa, _)) => {
                        didnetmask += 1;
                        goterr |= st.set_netmask(Some(ap.num()), &sa);
                    }
                }
            }
            b"mem_start" | b"io_addr" | b"irq" => {
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                let label = crate::args::bytes::escape(w).into_owned();
                let fd = dup(st.sk());
                if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCGIFMAP) {
                    eprintf!("{}: SIOCGIFMAP: {}\n", label, strerror(e));
                    goterr = 1;
                    k += 1;
                    continue;
                }
                let d = st.ifr.data_mut();
                match w {
                    b"mem_start" => d[..8].copy_from_slice(&strtoul0(v).0.to_ne_bytes()),
                    b"io_addr" => d[16..18].copy_from_slice(&(strtoul0(v).0 as u16).to_ne_bytes()),
                    _ => d[18] = atol(v) as u8,
                }
                if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFMAP) {
                    eprintf!("{}: SIOCSIFMAP: {}\n", label, strerror(e));
                    goterr = 1;
                }
            }
            b"-pointopoint" | b"-pointtopoint" => {
                goterr |= st.clr_flag(&name, IFF_POINTOPOINT);
                st.warn_still(IFF_POINTOPOINT, "POINTOPOINT mode.");
            }
            b"pointopoint" | b"pointtopoint" => {
                if let Some(v) = arg(k + 1) {
                    k += 1;
                    let h = host(v);
                    match ap.input(&h) {
                        Ok((sa, 0)) => {
                            st.ifr.set_sockaddr(&sa);
                            let fd = ap_fd(&st);
                            if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFDSTADDR) {
                                eprintf!("SIOCSIFDSTADDR: {}\n", strerror(e));
                                goterr = 1;
                            }
                        }
                        _ => {
                            herror_or(ap, &h, "pointopoint");
                            goterr = 1;
                            k += 1;
                            continue;
                        }
                    }
                }
                goterr |= st.set_flag(&name, IFF_POINTOPOINT);
            }
            b"hw" => {
                k += 1;
                let Some(t) = arg(k) else { return st.s.usage(E_OPTERR) };
                let Some(h) = hw::by_name(t) else { return st.s.usage(E_OPTERR) };
                if !h.input {
                    eprintf!("hw address type `{}' has no handler to set address. failed.\n", lossy(t));
                    k += 2;
                    goterr = 1;
                    continue;
                }
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                let hs = host(v);
                let Some(mac) = hw::in_ether(&hs) else {
                    eprintf!("{}: invalid {} address.\n", lossy(&hs), h.name);
                    goterr = 1;
                    k += 1;
                    continue;
                };
                let mut sa = [0u8; 16];
                sa[..2].copy_from_slice(&(h.ty as u16).to_ne_bytes());
                sa[2..8].copy_from_slice(&mac);
                st.ifr.set_sockaddr(&sa);
                let fd = dup(st.sk());
                if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFHWADDR) {
                    if e == libc::EBUSY {
                        eprintf!("SIOCSIFHWADDR: {} - you may need to down the interface\n", strerror(e));
                    } else {
                        eprintf!("SIOCSIFHWADDR: {}\n", strerror(e));
                    }
                    goterr = 1;
                }
            }
            b"add" | b"del" | b"tunnel" => {
                k += 1;
                let Some(v) = arg(k) else { return st.s.usage(E_OPTERR) };
                if w == b"tunnel" || v.contains(&b':') {
                    match in6_op(&mut st, w, v) {
                        Err(rc) => return st.s.usage(rc),
                        Ok(e) => goterr = if e { 1 } else { goterr },
                    }
                } else {
                    // IPv4: an alias label of the interface carries the address.
                    let h = host(v);
                    let Ok((a, _)) = nt::resolve(&h, false) else {
                        nt::herror_of(&h);
                        goterr = 1;
                        k += 1;
                        continue;
                    };
                    if st.s.socks.inet.is_none() {
                        eprint_raw("No support for INET on this system.\n");
                        goterr = 1;
                        k += 1;
                        continue;
                    }
                    match nmbc_parent(&mut st, &name) {
                        None => {
                            eprintf!("Interface {} not initialized\n", n);
                            goterr = 1;
                            k += 1;
                            continue;
                        }
                        Some((nm, bc)) => {
                            set_ifstate(&mut st, &name, a, nm, bc, w == b"add");
                        }
                    }
                }
            }
            _ => {
                // An address for the interface.
                let mut h = host(w);
                if ap == Af::Inet {
                    match nt::getnetmask(&mut h) {
                        (-1, _) => return st.s.usage(E_OPTERR),
                        (1, m) => {
                            if didnetmask > 0 {
                                return st.s.usage(E_OPTERR);
                            }
                            samask = ioctl::sockaddr_in(m);
                            neednetmask = true;
                        }
                        _ => {}
                    }
                }
                if !ap.has_input() {
                    eprint_raw("ifconfig: Cannot set address for this protocol family.\n");
                    return Done(1);
                }
                let Ok((sa, _)) = ap.input(&h) else {
                    nt::herror_of(&h);
                    eprint_raw("ifconfig: `--help' gives usage information.\n");
                    return Done(1);
                };
                st.ifr.set_sockaddr(&sa);
                if ap != Af::Inet {
                    eprintf!("Don't know how to set addresses for family {}.\n", ap.num());
                    return Done(1);
                }
                let fd = dup(st.s.socks.inet.as_ref());
                if fd.is_none() {
                    eprint_raw("No support for INET on this system.\n");
                    return Done(1);
                }
                if let Err(e) = st.ioctl_main(fd.as_ref(), ioctl::SIOCSIFADDR) {
                    eprintf!("SIOCSIFADDR: {}\n", strerror(e));
                    goterr = 1;
                }
                let colons = name.iter().filter(|&&c| c == b':').count();
                let mut bring_up = true;
                if colons > 0 && (name.last() == Some(&b'-') || sa[4..8] == [0, 0, 0, 0]) {
                    bring_up = false;
                }
                if bring_up {
                    goterr |= st.set_flag(&name, IFF_UP | IFF_RUNNING);
                }
            }
        }
        k += 1;
    }
    if neednetmask {
        goterr |= st.set_netmask(None, &samask);
    }
    if st.s.opt_v && goterr != 0 {
        eprintf!("WARNING: at least one error occured. ({})\n", goterr);
    }
    let _ = ap.name();
    Done(goterr)
}

/// ap->herror(host), or the family's own message when it has none.
fn herror_or(ap: Af, host: &[u8], what: &str) {
    if ap.has_input() {
        nt::herror_of(host);
    } else {
        eprintf!("ifconfig: Error resolving '{}' for {}\n", lossy(host), what);
    }
}

/// IPv6 `add`, `del` and `tunnel`: Ok(true) when goterr becomes 1,
/// Err(3) for a usage error.
fn in6_op(st: &mut Set, w: &[u8], v: &[u8]) -> Result<bool, i32> {
    let mut addr = v.to_vec();
    let plen = match addr.iter().position(|&c| c == b'/') {
        Some(i) => {
            let p = atol(&addr[i + 1..]) as u64;
            if p > 128 {
                return Err(E_OPTERR);
            }
            addr.truncate(i);
            p
        }
        None => 128,
    };
    let h = host(&addr);
    let Some(a) = nt::in6_getsock(&h) else {
        nt::herror_of(&h);
        return Ok(true);
    };
    let Some(fd) = dup(st.s.socks.inet6.as_ref()) else {
        eprint_raw("No support for INET6 on this system.\n");
        return Ok(true);
    };
    let mut ifr = IfReq::new(&st.name);
    if let Err(e) = ioctl::ifreq(&fd, ioctl::SIOCGIFINDEX, &mut ifr) {
        eprintf!("SIOGIFINDEX: {}\n", strerror(e));
        return Ok(true);
    }
    let idx = ifr.int();
    st.ifr.set_int(idx);
    match w {
        b"add" => {
            if let Err(e) = ioctl::in6_ifreq(&fd, ioctl::SIOCSIFADDR, &a, plen as u32, idx) {
                eprintf!("SIOCSIFADDR: {}\n", strerror(e));
                return Ok(true);
            }
        }
        b"del" => {
            if st.s.opt_v {
                eprintf!("now deleting: ioctl(SIOCDIFADDR,{{ifindex={},prefixlen={}}})\n", idx, plen as i64);
            }
            if let Err(e) = ioctl::in6_ifreq(&fd, ioctl::SIOCDIFADDR, &a, plen as u32, idx) {
                eprintf!("SIOCDIFADDR: {}\n", strerror(e));
                return Ok(true);
            }
        }
        _ => {
            if let Err(e) = ioctl::in6_ifreq(&fd, ioctl::SIOCSIFDSTADDR, &a, plen as u32, idx) {
                eprintf!("SIOCSIFDSTADDR: {}\n", strerror(e));
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// get_nmbc_parent(): the parent's netmask and broadcast (network order
/// bytes). None when the interface list cannot be read.
fn nmbc_parent(st: &mut Set, parent: &[u8]) -> Option<([u8; 4], [u8; 4])> {
    let i = st.s.ifs.lookup(parent)?;
    let mut ife = st.s.ifs.list[i].clone();
    let sk = dup(st.sk());
    let ok = list::do_fetch(&mut ife, &st.s.socks, sk.as_ref());
    st.s.ifs.list[i] = ife.clone();
    if !ok {
        // The C code returns success with the mask and broadcast unset.
        return Some(([0; 4], [0; 4]));
    }
    let g = |sa: &[u8; 16]| [sa[4], sa[5], sa[6], sa[7]];
    Some((g(&ife.netmask), g(&ife.broadaddr)))
}

/// set_ifstate(): turn the alias label holding `ip` up or down, or add a
/// new label `parent:N` (the first free N) with ip, mask and broadcast.
fn set_ifstate(st: &mut Set, parent: &[u8], ip: [u8; 4], nm: [u8; 4], bc: [u8; 4], up: bool) -> i32 {
    let mut searcher = [false; 256];
    if !st.s.ifs.all && st.s.ifs.read_all(&st.s.socks) < 0 {
        return -1;
    }
    let sk = dup(st.sk());
    let mut i = 0;
    while i < st.s.ifs.list.len() {
        let mut x = st.s.ifs.list[i].clone();
        let ok = list::do_fetch(&mut x, &st.s.socks, sk.as_ref());
        st.s.ifs.list[i] = x.clone();
        i += 1;
        if !ok || !x.name.starts_with(parent) {
            continue;
        }
        let Some(c) = x.name.iter().position(|&c| c == b':') else { continue };
        let z = &x.name[c + 1..];
        if z.contains(&b'-') {
            continue;
        }
        let n = atol(z) as i32;
        if !(0..=255).contains(&n) {
            // abort() in the C code.
            std::process::abort();
        }
        searcher[n as usize] = true;
        if x.dstaddr[4..8] != ip {
            continue;
        }
        let r = if up { st.set_flag(&x.name, IFF_UP | IFF_RUNNING) } else { st.clr_flag(&x.name, IFF_UP) };
        return if r == -1 { -1 } else { 0 };
    }
    let Some(free) = searcher.iter().position(|&b| !b) else { return -1 };
    let full = [parent, b":", free.to_string().as_bytes()].concat();
    if full.len() > 16 {
        return -1;
    }
    let buf = &full[..full.len().min(15)];
    for (req, a) in [(ioctl::SIOCSIFADDR, ip), (ioctl::SIOCSIFNETMASK, nm), (ioctl::SIOCSIFBRDADDR, bc)] {
        let mut ifr = IfReq::new(buf);
        ifr.set_sockaddr(&ioctl::sockaddr_in(a));
        if list::on(sk.as_ref(), req, &mut ifr).is_err() {
            return -1;
        }
    }
    if st.set_flag(buf, IFF_BROADCAST) == -1 {
        return -1;
    }
    0
}
