//! lib/interface.c: the interface list (/proc/net/dev, then SIOCGIFCONF's
//! names, kept sorted by nstrcmp), one interface's settings (if_fetch()'s
//! ioctls) and the long and short listings.

use std::io::BufRead;
use std::os::fd::OwnedFd;

use super::hw;
use super::Socks;
use crate::inet::nettools::{atol, in6_getsock, in6_sprint, ntoa};
use crate::print::Printer;
use crate::sys::ioctl::{self, IfReq};

pub const IFF_UP: i16 = 0x1;
pub const IFF_BROADCAST: i16 = 0x2;
pub const IFF_DEBUG: i16 = 0x4;
pub const IFF_LOOPBACK: i16 = 0x8;
pub const IFF_POINTOPOINT: i16 = 0x10;
pub const IFF_NOTRAILERS: i16 = 0x20;
pub const IFF_RUNNING: i16 = 0x40;
pub const IFF_NOARP: i16 = 0x80;
pub const IFF_PROMISC: i16 = 0x100;
pub const IFF_ALLMULTI: i16 = 0x200;
pub const IFF_MASTER: i16 = 0x400;
pub const IFF_SLAVE: i16 = 0x800;
pub const IFF_MULTICAST: i16 = 0x1000;
pub const IFF_PORTSEL: i16 = 0x2000;
pub const IFF_AUTOMEDIA: i16 = 0x4000;
pub const IFF_DYNAMIC: i16 = -0x8000;

/// /proc/net/dev's counters of one interface.
#[derive(Default, Clone)]
pub struct Stats {
    pub rx_bytes: u64,
    pub rx_packets: u64,
    pub rx_errors: u64,
    pub rx_dropped: u64,
    pub rx_fifo: u64,
    pub rx_frame: u64,
    pub rx_compressed: u64,
    pub rx_multicast: u64,
    pub tx_bytes: u64,
    pub tx_packets: u64,
    pub tx_errors: u64,
    pub tx_dropped: u64,
    pub tx_fifo: u64,
    pub collisions: u64,
    pub tx_carrier: u64,
    pub tx_compressed: u64,
}

/// struct interface: what the list and if_fetch() know of one name.
#[derive(Clone)]
pub struct Iface {
    pub name: Vec<u8>,
    pub stats: Option<Stats>,
    pub flags: i16,
    pub ty: i16,
    pub hwaddr: [u8; 32],
    pub mtu: i32,
    pub map: [u8; 24],
    pub txqlen: i32,
    pub has_ip: bool,
    pub addr: [u8; 16],
    pub dstaddr: [u8; 16],
    pub broadaddr: [u8; 16],
    pub netmask: [u8; 16],
}

impl Iface {
    fn new(name: &[u8]) -> Iface {
        Iface {
            name: name[..name.len().min(15)].to_vec(),
            stats: None,
            flags: 0,
            ty: 0,
            hwaddr: [0; 32],
            mtu: 0,
            map: [0; 24],
            txqlen: 0,
            has_ip: false,
            addr: [0; 16],
            dstaddr: [0; 16],
            broadaddr: [0; 16],
            netmask: [0; 16],
        }
    }
}

/// The cache of lib/interface.c: sorted by nstrcmp, read once.
#[derive(Default)]
pub struct IfList {
    pub list: Vec<Iface>,
    pub all: bool,
}

/// cutalias(): the numeric `:N` suffix, cut off `name`.
fn cutalias(name: &mut Vec<u8>) -> Option<Vec<u8>> {
    let mut digit = false;
    let mut pos = name.len();
    while pos > 0 {
        let c = name[pos - 1];
        if c == b':' && digit {
            let alias = name[pos..].to_vec();
            name.truncate(pos - 1);
            return Some(alias);
        }
        if !c.is_ascii_digit() {
            break;
        }
        digit = true;
        pos -= 1;
    }
    None
}

/// rindex_nondigit(): the length of `name` without its trailing digits.
fn rindex_nondigit(name: &[u8]) -> usize {
    let mut pos = name.len();
    while pos > 0 {
        if !name[pos - 1].is_ascii_digit() {
            return pos;
        }
        pos -= 1;
    }
    0
}

fn sign(o: std::cmp::Ordering) -> i32 {
    o as i32
}

/// nstrcmp(): strcmp that knows numbers and `:N` alias suffixes.
pub fn nstrcmp(ap: &[u8], bp: &[u8]) -> i32 {
    let mut a = ap.to_vec();
    let mut b = bp.to_vec();
    let aalias = cutalias(&mut a);
    let balias = cutalias(&mut b);
    let ai = rindex_nondigit(&a);
    let bi = rindex_nondigit(&b);
    let complen = ai.min(bi);
    let res = sign(a[..complen].cmp(&b[..complen]));
    if res != 0 {
        return res;
    }
    if ai != bi {
        return if ai > bi { 1 } else { -1 };
    }
    let av = atol(&a[ai..]) as i32;
    let bv = atol(&b[bi..]) as i32;
    if av != bv {
        return if av < bv { -1 } else { 1 };
    }
    let res = sign(a.cmp(&b));
    if res != 0 {
        return res;
    }
    let av = aalias.as_ref().map(|x| atol(x) as i32).unwrap_or(-1);
    let bv = balias.as_ref().map(|x| atol(x) as i32).unwrap_or(-1);
    if av != bv {
        return if av < bv { -1 } else { 1 };
    }
    match (aalias, balias) {
        (Some(x), Some(y)) => sign(x.cmp(&y)),
        _ => 0,
    }
}

/// get_name() (Debian's patched one): the name at the start of a
/// /proc/net/dev line and the rest of the line.
fn get_name(line: &[u8]) -> (Vec<u8>, &[u8]) {
    let mut p = 0;
    while p < line.len() && line[p].is_ascii_whitespace() {
        p += 1;
    }
    let mut name = Vec::new();
    while p < line.len() && !line[p].is_ascii_whitespace() && name.len() < 15 {
        if line[p] == b':' {
            let dot = p;
            p += 1;
            while p < line.len() && line[p].is_ascii_digit() {
                p += 1;
            }
            if p < line.len() && line[p] == b':' {
                p = dot;
                name.push(line[p]);
                p += 1;
                while p < line.len() && line[p].is_ascii_digit() && name.len() < 15 {
                    name.push(line[p]);
                    p += 1;
                }
            } else {
                p = dot;
            }
            if p < line.len() && line[p] == b':' {
                p += 1;
            }
            break;
        }
        name.push(line[p]);
        p += 1;
    }
    (name, &line[p..])
}

/// sscanf's %lu run over the fields: as many as parse, in order.
fn scan_u64s(s: &[u8], n: usize) -> Vec<u64> {
    let mut out = Vec::new();
    for w in s.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()) {
        if out.len() == n {
            break;
        }
        let (v, used) = dec(w);
        if used == 0 {
            break;
        }
        out.push(v);
        let sign = usize::from(matches!(w.first(), Some(b'-') | Some(b'+')));
        if used + sign < w.len() {
            break;
        }
    }
    out
}

/// Decimal strtoul of a word (wrapping on a minus, saturating on overflow).
fn dec(w: &[u8]) -> (u64, usize) {
    let (neg, digits) = match w.first() {
        Some(b'-') => (true, &w[1..]),
        Some(b'+') => (false, &w[1..]),
        _ => (false, w),
    };
    let mut v: u64 = 0;
    let mut over = false;
    let mut n = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            break;
        }
        match v.checked_mul(10).and_then(|x| x.checked_add((c - b'0') as u64)) {
            Some(x) => v = x,
            None => over = true,
        }
        n += 1;
    }
    if over {
        (u64::MAX, n)
    } else if neg {
        (v.wrapping_neg(), n)
    } else {
        (v, n)
    }
}

fn fill_stats(st: &mut Stats, vsn: u8, rest: &[u8]) {
    match vsn {
        3 => {
            let f = [
                &mut st.rx_bytes,
                &mut st.rx_packets,
                &mut st.rx_errors,
                &mut st.rx_dropped,
                &mut st.rx_fifo,
                &mut st.rx_frame,
                &mut st.rx_compressed,
                &mut st.rx_multicast,
                &mut st.tx_bytes,
                &mut st.tx_packets,
                &mut st.tx_errors,
                &mut st.tx_dropped,
                &mut st.tx_fifo,
                &mut st.collisions,
                &mut st.tx_carrier,
                &mut st.tx_compressed,
            ];
            let v = scan_u64s(rest, f.len());
            for (d, x) in f.into_iter().zip(v) {
                *d = x;
            }
        }
        2 => {
            let f = [
                &mut st.rx_bytes,
                &mut st.rx_packets,
                &mut st.rx_errors,
                &mut st.rx_dropped,
                &mut st.rx_fifo,
                &mut st.rx_frame,
                &mut st.tx_bytes,
                &mut st.tx_packets,
                &mut st.tx_errors,
                &mut st.tx_dropped,
                &mut st.tx_fifo,
                &mut st.collisions,
                &mut st.tx_carrier,
            ];
            let v = scan_u64s(rest, f.len());
            for (d, x) in f.into_iter().zip(v) {
                *d = x;
            }
            st.rx_multicast = 0;
        }
        _ => {
            let f = [
                &mut st.rx_packets,
                &mut st.rx_errors,
                &mut st.rx_dropped,
                &mut st.rx_fifo,
                &mut st.rx_frame,
                &mut st.tx_packets,
                &mut st.tx_errors,
                &mut st.tx_dropped,
                &mut st.tx_fifo,
                &mut st.collisions,
                &mut st.tx_carrier,
            ];
            let v = scan_u64s(rest, f.len());
            for (d, x) in f.into_iter().zip(v) {
                *d = x;
            }
            st.rx_bytes = 0;
            st.tx_bytes = 0;
            st.rx_multicast = 0;
        }
    }
}

impl IfList {
    /// if_cache_add(): the entry of `name`, inserted in nstrcmp order
    /// (searching from the end, as the C list does).
    pub fn add(&mut self, name: &[u8]) -> usize {
        let name = &name[..name.len().min(15)];
        let mut i = self.list.len();
        while i > 0 {
            let n = nstrcmp(&self.list[i - 1].name, name);
            if n == 0 {
                return i - 1;
            }
            if n < 0 {
                break;
            }
            i -= 1;
        }
        self.list.insert(i, Iface::new(name));
        i
    }

    /// if_readlist_proc(target): reads /proc/net/dev up to `target`'s line.
    pub fn read_proc(&mut self, target: Option<&[u8]>) -> i32 {
        let f = match std::fs::File::open("/proc/net/dev") {
            Ok(f) => f,
            Err(e) => {
                crate::eprintf!(
                    "Warning: cannot open /proc/net/dev ({}). Limited output.\n",
                    crate::error::strerror(e.raw_os_error().unwrap_or(0))
                );
                return -2;
            }
        };
        let mut r = std::io::BufReader::new(f);
        let mut lines: Vec<Vec<u8>> = Vec::new();
        loop {
            let mut l = Vec::new();
            match r.read_until(b'\n', &mut l) {
                Ok(0) => break,
                Ok(_) => lines.push(l),
                Err(_) => {
                    crate::eprintf!("/proc/net/dev: {}\n", crate::error::strerror(libc::EIO));
                    return -1;
                }
            }
        }
        let header = lines.get(1).cloned().unwrap_or_default();
        let has = |w: &[u8]| header.windows(w.len()).any(|x| x == w);
        let vsn = if has(b"compressed") {
            3
        } else if has(b"bytes") {
            2
        } else {
            1
        };
        for l in lines.iter().skip(2) {
            let (name, rest) = get_name(l);
            let i = self.add(&name);
            let mut st = self.list[i].stats.clone().unwrap_or_default();
            fill_stats(&mut st, vsn, rest);
            self.list[i].stats = Some(st);
            if target == Some(&name[..]) {
                break;
            }
        }
        0
    }

    /// if_readconf(): the names SIOCGIFCONF knows (interfaces and labels
    /// with IPv4 addresses).
    fn read_conf(&mut self, socks: &Socks) -> i32 {
        let Some(fd) = socks.inet.as_ref().or(socks.generic()) else {
            return -1;
        };
        match ioctl::ifconf(fd) {
            Ok(names) => {
                for n in names {
                    self.add(&n);
                }
                0
            }
            Err(e) => {
                crate::eprintf!("SIOCGIFCONF: {}\n", crate::error::strerror(e));
                -1
            }
        }
    }

    /// if_readlist(): everything.
    pub fn read_all(&mut self, socks: &Socks) -> i32 {
        let p = self.read_proc(None);
        let c = self.read_conf(socks);
        self.all = true;
        if p < 0 && c < 0 {
            -1
        } else {
            0
        }
    }

    /// lookup_interface(name): the entry, after reading /proc/net/dev up
    /// to it unless the whole list is known.
    pub fn lookup(&mut self, name: &[u8]) -> Option<usize> {
        if !self.all && self.read_proc(Some(name)) < 0 {
            return None;
        }
        Some(self.add(name))
    }
}

/// An ioctl on an optional socket (a family without one fails as -1 does: EBADF).
pub fn on(fd: Option<&OwnedFd>, req: u64, ifr: &mut IfReq) -> Result<(), i32> {
    match fd {
        Some(fd) => ioctl::ifreq(fd, req, ifr),
        None => Err(libc::EBADF),
    }
}

/// if_fetch(): flags, hardware address and type, MTU, map, queue length,
/// IPv4 addresses. Err(errno) when the flags cannot be read.
pub fn fetch(ife: &mut Iface, socks: &Socks, skfd: Option<&OwnedFd>) -> Result<(), i32> {
    let name = ife.name.clone();
    let mut ifr = IfReq::new(&name);
    on(skfd, ioctl::SIOCGIFFLAGS, &mut ifr)?;
    ife.flags = ifr.short();
    ifr.set_name(&name);
    if on(skfd, ioctl::SIOCGIFHWADDR, &mut ifr).is_ok() {
        ife.hwaddr = [0; 32];
        ife.hwaddr[..8].copy_from_slice(&ifr.0[18..26]);
    } else {
        ife.hwaddr = [0; 32];
    }
    // ifr_hwaddr.sa_family, which is ifr_flags' bytes when the call failed.
    ife.ty = ifr.short();
    let mut ifr = IfReq::new(&name);
    ife.mtu = if on(skfd, ioctl::SIOCGIFMTU, &mut ifr).is_ok() { ifr.int() } else { 0 };
    for _ in 0..2 {
        let mut ifr = IfReq::new(&name);
        if on(skfd, ioctl::SIOCGIFMAP, &mut ifr).is_ok() {
            ife.map.copy_from_slice(ifr.data());
        } else {
            ife.map = [0; 24];
        }
    }
    let mut ifr = IfReq::new(&name);
    ife.txqlen = if on(skfd, ioctl::SIOCGIFTXQLEN, &mut ifr).is_ok() { ifr.int() } else { -1 };
    if let Some(fd) = socks.inet.as_ref() {
        let mut ifr = IfReq::new(&name);
        ifr.set_short(libc::AF_INET as i16);
        if ioctl::ifreq(fd, ioctl::SIOCGIFADDR, &mut ifr).is_ok() {
            ife.has_ip = true;
            ife.addr = ifr.sockaddr();
            let get = |req| {
                let mut ifr = IfReq::new(&name);
                if ioctl::ifreq(fd, req, &mut ifr).is_ok() {
                    ifr.sockaddr()
                } else {
                    [0; 16]
                }
            };
            ife.dstaddr = get(ioctl::SIOCGIFDSTADDR);
            ife.broadaddr = get(ioctl::SIOCGIFBRDADDR);
            ife.netmask = get(ioctl::SIOCGIFNETMASK);
        } else {
            ife.addr = [0; 16];
        }
    }
    Ok(())
}

/// do_if_fetch(): if_fetch() with its message.
pub fn do_fetch(ife: &mut Iface, socks: &Socks, skfd: Option<&OwnedFd>) -> bool {
    match fetch(ife, socks, skfd) {
        Ok(()) => true,
        Err(e) => {
            let msg = if e == libc::ENODEV { "Device not found".to_string() } else { crate::error::strerror(e) };
            crate::eprintf!(
                "{}: error fetching interface information: {}\n",
                crate::args::bytes::escape(&ife.name),
                msg
            );
            false
        }
    }
}

/// INET_sprint(numeric): "[NONE SET]" for an unset family, the dotted
/// quad for AF_INET, "(null)" (printf of NULL) for another family.
fn in4(sa: &[u8; 16]) -> String {
    let fam = u16::from_ne_bytes([sa[0], sa[1]]);
    if fam == 0 || fam == 0xFFFF {
        return "[NONE SET]".into();
    }
    if fam != libc::AF_INET as u16 {
        return "(null)".into();
    }
    ntoa([sa[4], sa[5], sa[6], sa[7]])
}

fn flag_names(flags: i16) -> String {
    let mut s = format!("flags={}<", flags);
    if flags == 0 {
        s.push('>');
    }
    let names: [(i16, &str); 14] = [
        (IFF_UP, "UP,"),
        (IFF_BROADCAST, "BROADCAST,"),
        (IFF_DEBUG, "DEBUG,"),
        (IFF_LOOPBACK, "LOOPBACK,"),
        (IFF_POINTOPOINT, "POINTOPOINT,"),
        (IFF_NOTRAILERS, "NOTRAILERS,"),
        (IFF_RUNNING, "RUNNING,"),
        (IFF_NOARP, "NOARP,"),
        (IFF_PROMISC, "PROMISC,"),
        (IFF_ALLMULTI, "ALLMULTI,"),
        (IFF_SLAVE, "SLAVE,"),
        (IFF_MASTER, "MASTER,"),
        (IFF_MULTICAST, "MULTICAST,"),
        (IFF_DYNAMIC, "DYNAMIC,"),
    ];
    for (f, n) in names {
        if flags & f != 0 {
            s.push_str(n);
        }
    }
    close_list(&mut s);
    s
}

/// `,` at the end becomes `>`; anything else is dropped.
fn close_list(s: &mut String) {
    if s.ends_with(',') {
        s.pop();
        s.push('>');
    } else {
        s.pop();
    }
}

/// The lines of /proc/net/if_inet6 as fscanf reads them.
fn inet6_lines(p: &mut Printer, name: &[u8]) {
    let Ok(text) = std::fs::read("/proc/net/if_inet6") else { return };
    for line in text.split(|&c| c == b'\n') {
        let w: Vec<&[u8]> = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
        if w.len() < 6 || w[0].len() != 32 {
            continue;
        }
        if &w[5][..w[5].len().min(20)] != name {
            continue;
        }
        let hexv = |s: &[u8]| u32::from_str_radix(std::str::from_utf8(s).unwrap_or(""), 16).unwrap_or(0);
        let plen = hexv(w[2]) as i32;
        let mut scope = hexv(w[3]) as i32;
        let mut a6 = Vec::new();
        for i in 0..8 {
            a6.extend_from_slice(&w[0][i * 4..i * 4 + 4]);
            if i < 7 {
                a6.push(b':');
            }
        }
        let addr = in6_getsock(&a6).unwrap_or([0; 16]);
        p.fpf(format_args!("        inet6 {}  prefixlen {}", in6_sprint(&addr, 1), plen));
        p.fpf(format_args!("  scopeid 0x{:x}", scope));
        let mut f = String::from("<");
        if scope & 0x80 != 0 {
            f.push_str("compat,");
            scope -= 0x80;
        }
        if scope == 0 {
            f.push_str("global,");
        }
        if scope & 0x20 != 0 {
            f.push_str("link,");
        }
        if scope & 0x40 != 0 {
            f.push_str("site,");
        }
        if scope & 0x10 != 0 {
            f.push_str("host,");
        }
        close_list(&mut f);
        p.fpf(format_args!("{}\n", f));
    }
}

/// (short value * 10, unit) of a byte counter.
fn human(v: u64) -> (u64, &'static str) {
    let s = v.wrapping_mul(10);
    if v > 1152921504606846976 {
        (v / 115292150460684697, "EiB")
    } else if v > 1125899906842624 {
        (s / 1125899906842624, "PiB")
    } else if v > 1099511627776 {
        (s / 1099511627776, "TiB")
    } else if v > 1073741824 {
        (s / 1073741824, "GiB")
    } else if v > 1048576 {
        (s / 1048576, "MiB")
    } else if v > 1024 {
        (s / 1024, "KiB")
    } else {
        (s, "B")
    }
}

const PORT_TEXT: [&str; 7] = ["unknown", "10base2", "10baseT", "AUI", "100baseT", "100baseTX", "100baseFX"];

/// ife_print_long().
pub fn print_long(p: &mut Printer, i: &Iface) {
    let h = hw::by_type(i.ty as i32);
    p.fpf(format_args!("{}: {}  mtu {}\n", crate::args::bytes::escape(&i.name), flag_names(i.flags), i.mtu));
    if i.has_ip {
        p.fpf(format_args!("        inet {}", in4(&i.addr)));
        p.fpf(format_args!("  netmask {}", in4(&i.netmask)));
        if i.flags & IFF_BROADCAST != 0 {
            p.fpf(format_args!("  broadcast {}", in4(&i.broadaddr)));
        }
        if i.flags & IFF_POINTOPOINT != 0 {
            p.fpf(format_args!("  destination {}", in4(&i.dstaddr)));
        }
        p.fp("\n");
    }
    inet6_lines(p, &i.name);
    match hw::print_addr(h, &i.hwaddr) {
        Some(a) => p.fpf(format_args!("        {} {}", h.name, a)),
        None => p.fpf(format_args!("        {}", h.name)),
    }
    if i.txqlen != -1 {
        p.fpf(format_args!("  txqueuelen {}", i.txqlen));
    }
    p.fpf(format_args!("  ({})\n", h.title));
    let port = i.map[20] as usize;
    if i.flags & IFF_PORTSEL != 0 {
        p.fpf(format_args!("        media {}", PORT_TEXT.get(port).unwrap_or(&"")));
        if i.flags & IFF_AUTOMEDIA != 0 {
            p.fp("autoselect");
        }
        p.fp("\n");
    }
    if let Some(st) = &i.stats {
        let (rs, ru) = human(st.rx_bytes);
        let (ts, tu) = human(st.tx_bytes);
        p.fpf(format_args!(
            "        RX packets {}  bytes {} ({}.{} {})\n",
            st.rx_packets,
            st.rx_bytes,
            rs / 10,
            rs % 10,
            ru
        ));
        p.fpf(format_args!(
            "        RX errors {}  dropped {}  overruns {}  frame {}\n",
            st.rx_errors, st.rx_dropped, st.rx_fifo, st.rx_frame
        ));
        p.fpf(format_args!(
            "        TX packets {}  bytes {} ({}.{} {})\n",
            st.tx_packets,
            st.tx_bytes,
            ts / 10,
            ts % 10,
            tu
        ));
        p.fpf(format_args!(
            "        TX errors {}  dropped {} overruns {}  carrier {}  collisions {}\n",
            st.tx_errors, st.tx_dropped, st.tx_fifo, st.tx_carrier, st.collisions
        ));
    }
    let mem_start = u64::from_ne_bytes(i.map[0..8].try_into().unwrap_or([0; 8]));
    let mem_end = u64::from_ne_bytes(i.map[8..16].try_into().unwrap_or([0; 8]));
    let base = u16::from_ne_bytes([i.map[16], i.map[17]]);
    let irq = i.map[18];
    let dma = i.map[19];
    if irq != 0 || mem_start != 0 || dma != 0 || base >= 0x100 {
        p.fp("        device ");
        if irq != 0 {
            p.fpf(format_args!("interrupt {}  ", irq));
        }
        if base >= 0x100 {
            p.fpf(format_args!("base 0x{:x}  ", base));
        }
        if mem_start != 0 {
            p.fpf(format_args!("memory 0x{:x}-{:x}  ", mem_start, mem_end));
        }
        if dma != 0 {
            p.fpf(format_args!("  dma 0x{:x}", dma));
        }
        p.fp("\n");
    }
    p.fp("\n");
}

/// ife_print_short().
pub fn print_short(p: &mut Printer, i: &Iface) {
    let n = crate::args::bytes::escape(&i.name);
    p.fpf(format_args!("{:<15.15} ", n));
    p.fpf(format_args!("{:5} ", i.mtu));
    match &i.stats {
        Some(st) => {
            p.fpf(format_args!("{:8} {:6} {:6} {:<6} ", st.rx_packets, st.rx_errors, st.rx_dropped, st.rx_fifo));
            p.fpf(format_args!("{:8} {:6} {:6} {:6} ", st.tx_packets, st.tx_errors, st.tx_dropped, st.tx_fifo));
        }
        None => p.fpf(format_args!("{:<56}", "     - no statistics available -")),
    }
    let f = i.flags;
    if f == 0 {
        p.fp("[NO FLAGS]");
    }
    let letters: [(i16, &str); 14] = [
        (IFF_ALLMULTI, "A"),
        (IFF_BROADCAST, "B"),
        (IFF_DEBUG, "D"),
        (IFF_LOOPBACK, "L"),
        (IFF_MULTICAST, "M"),
        (IFF_DYNAMIC, "d"),
        (IFF_PROMISC, "P"),
        (IFF_NOTRAILERS, "N"),
        (IFF_NOARP, "O"),
        (IFF_POINTOPOINT, "P"),
        (IFF_SLAVE, "s"),
        (IFF_MASTER, "m"),
        (IFF_RUNNING, "R"),
        (IFF_UP, "U"),
    ];
    for (b, l) in letters {
        if f & b != 0 {
            p.fp(l);
        }
    }
    p.fp("\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(x: i32) -> i32 {
        x.signum()
    }

    #[test]
    fn nstrcmp_matches_net_tools_self_test() {
        let cases: &[(&str, &str, i32)] = &[
            ("eth1", "eth1", 0),
            ("eth0:1", "eth0:1", 0),
            ("", "", 0),
            (":", ":", 0),
            ("a:b:c", "a:b:c", 0),
            ("a", "aa", -1),
            ("eth0", "eth1", -1),
            ("eth1", "eth20", -1),
            ("eth20", "eth100", -1),
            ("eth", "eth2", -1),
            ("eth0:1", "eth0:2", -1),
            ("eth1:10", "eth13:10", -1),
            ("a", "a:", -1),
            ("eth2:10", "eth2:1", 1),
            ("eth13:1", "eth1:0", 1),
            ("a1b12", "a1b2", 1),
            ("eth1", "eth01", 1),
            ("eth01:1", "eth1:01", -1),
        ];
        for (a, b, e) in cases {
            assert_eq!(cs(nstrcmp(a.as_bytes(), b.as_bytes())), *e, "{} {}", a, b);
        }
    }

    #[test]
    fn proc_net_dev_names() {
        assert_eq!(get_name(b"  eth0: 1 2").0, b"eth0");
        assert_eq!(get_name(b"eth0:1: 1 2").0, b"eth0:1");
        assert_eq!(get_name(b"lo:12 3").1, b"12 3");
        assert_eq!(scan_u64s(b" 1 2 x 3", 5), vec![1, 2]);
        assert_eq!(human(2048), (20, "KiB"));
        assert_eq!(flag_names(0), "flags=0<");
    }
}
