//! route_info(): the tables read from /proc (lib/inet_gr.c for IPv4,
//! lib/inet6_gr.c for IPv6) and the fixed answers of the families this
//! kernel has no tables for.

use crate::error::{eprint_raw, strerror};
use crate::inet::nettools::{in6_sprint, ntoa, rresolve};
use crate::print::Printer;

pub const FLAG_EXT: i32 = 3;
pub const FLAG_NUM_HOST: i32 = 4;
pub const FLAG_SYM: i32 = 32;
pub const FLAG_CACHE: i32 = 64;
pub const FLAG_FIB: i32 = 128;

const RTF_UP: u32 = 0x1;
const RTF_GATEWAY: u32 = 0x2;
const RTF_HOST: u32 = 0x4;
const RTF_REINSTATE: u32 = 0x8;
const RTF_DYNAMIC: u32 = 0x10;
const RTF_MODIFIED: u32 = 0x20;
const RTF_MTU: u32 = 0x40;
const RTF_WINDOW: u32 = 0x80;
const RTF_IRTT: u32 = 0x100;
const RTF_REJECT: u32 = 0x200;
const RTF_NOTCACHED: u32 = 0x400;
const RTF_DEFAULT: u32 = 0x10000;
const RTF_ALLONLINK: u32 = 0x20000;
const RTF_ADDRCONF: u32 = 0x40000;
const RTF_NONEXTHOP: u32 = 0x200000;
const RTF_EXPIRES: u32 = 0x400000;
const RTF_CACHE: u32 = 0x1000000;
const RTF_FLOW: u32 = 0x2000000;
const RTF_POLICY: u32 = 0x4000000;
const RTF_LOCAL: u32 = 0x80000000;

/// sscanf's %d: a decimal int (wrapping as the cast from long does).
fn d(s: &[u8]) -> i32 {
    crate::inet::nettools::atol(s) as i32
}

fn hex(s: &[u8]) -> u32 {
    let t: Vec<u8> = s.iter().take_while(|c| c.is_ascii_hexdigit()).copied().collect();
    u32::from_str_radix(std::str::from_utf8(&t).unwrap_or("0"), 16).unwrap_or(0)
}

/// INET_getsock(): eight hex digits as /proc prints a __be32.
fn addr4(s: &[u8]) -> [u8; 4] {
    hex(s).to_ne_bytes()
}

fn trunc15(mut s: String) -> String {
    if s.len() > 15 {
        let mut n = 15;
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        s.truncate(n);
    }
    s
}

fn open_err(path: &str, e: std::io::Error) {
    crate::eprintf!("{}: {}\n", path, strerror(e.raw_os_error().unwrap_or(0)));
}

/// rprint_fib(): /proc/net/route.
fn fib4(p: &mut Printer, ext: i32, numeric: i32) -> i32 {
    let text = match std::fs::read("/proc/net/route") {
        Ok(t) => t,
        Err(e) => {
            open_err("/proc/net/route", e);
            p.fp("INET (IPv4) not configured in this system.\n");
            return 1;
        }
    };
    p.fp("Kernel IP routing table\n");
    match ext {
        1 => p.fp("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"),
        2 => p.fp("Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n"),
        e if e >= 3 => {
            p.fp("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n")
        }
        _ => {}
    }
    for line in text.split(|&c| c == b'\n').skip(1) {
        let w: Vec<&[u8]> = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
        if w.len() < 10 {
            continue;
        }
        let iflags = hex(w[3]);
        if iflags & RTF_UP == 0 {
            continue;
        }
        let iface = crate::args::bytes::escape(&w[0][..w[0].len().min(15)]).into_owned();
        let (refcnt, use_, metric) = (d(w[4]), d(w[5]), d(w[6]));
        let (mss, window) = (d(w[8]), d(w[9]));
        let irtt = w.get(10).map(|x| d(x)).unwrap_or(0);
        let target = addr4(w[1]);
        let gw = addr4(w[2]);
        let mask = addr4(w[7]);
        let host = if iflags & RTF_HOST != 0 { 0x4000 } else { 0 };
        let net = trunc15(rresolve(target, numeric | 0x8000 | host, u32::from_ne_bytes(mask)));
        let gate = trunc15(rresolve(gw, numeric | 0x4000, 0xffffff00));
        let mask_s = trunc15(ntoa(mask));
        let mut flags = String::new();
        if iflags & RTF_UP != 0 {
            flags.push('U');
        }
        if iflags & RTF_GATEWAY != 0 {
            flags.push('G');
        }
        if iflags & RTF_REJECT != 0 {
            flags = "!".into();
        }
        let rest: [(u32, &str); 18] = [
            (RTF_HOST, "H"),
            (RTF_REINSTATE, "R"),
            (RTF_DYNAMIC, "D"),
            (RTF_MODIFIED, "M"),
            (RTF_DEFAULT, "d"),
            (RTF_ALLONLINK, "a"),
            (RTF_ADDRCONF, "c"),
            (RTF_NONEXTHOP, "o"),
            (RTF_EXPIRES, "e"),
            (RTF_CACHE, "c"),
            (RTF_FLOW, "f"),
            (RTF_POLICY, "p"),
            (RTF_LOCAL, "l"),
            (RTF_MTU, "u"),
            (RTF_WINDOW, "w"),
            (RTF_IRTT, "i"),
            (RTF_NOTCACHED, "n"),
            (0, ""),
        ];
        for (b, l) in rest {
            if iflags & b != 0 {
                flags.push_str(l);
            }
        }
        let reject = iflags & RTF_REJECT != 0;
        if ext == 1 {
            if reject {
                p.fpf(format_args!(
                    "{:<15} -               {:<15} {:<5} {:<6} -  {:7} -\n",
                    net, mask_s, flags, metric, use_
                ));
            } else {
                p.fpf(format_args!(
                    "{:<15} {:<15} {:<15} {:<5} {:<6} {:<2} {:7} {}\n",
                    net, gate, mask_s, flags, metric, refcnt, use_, iface
                ));
            }
        }
        if ext == 2 {
            if reject {
                p.fpf(format_args!("{:<15} -               {:<15} {:<5}     - -          - -\n", net, mask_s, flags));
            } else {
                p.fpf(format_args!(
                    "{:<15} {:<15} {:<15} {:<5} {:5} {:<5} {:6} {}\n",
                    net, gate, mask_s, flags, mss, window, irtt, iface
                ));
            }
        }
        if ext >= 3 {
            if reject {
                p.fpf(format_args!(
                    "{:<15} -               {:<15} {:<5} {:<6} -  {:7} -        -     -      -\n",
                    net, mask_s, flags, metric, use_
                ));
            } else {
                let ifc: String = iface.chars().take(6).collect();
                p.fpf(format_args!(
                    "{:<15} {:<15} {:<15} {:<5} {:<6} {:<3} {:6} {:<6}   {:<5} {:<6} {}\n",
                    net, gate, mask_s, flags, metric, refcnt, use_, ifc, mss, window, irtt
                ));
            }
        }
    }
    0
}

/// rprint_cache(): /proc/net/rt_cache, which has no entries on kernels
/// since 3.6: the title and the header.
fn cache4(p: &mut Printer, ext: i32) -> i32 {
    let text = match std::fs::read("/proc/net/rt_cache") {
        Ok(t) => t,
        Err(e) => {
            open_err("/proc/net/rt_cache", e);
            p.fp("INET (IPv4) not configured in this system.\n");
            return 1;
        }
    };
    let first = text.split(|&c| c == b'\n').next().unwrap_or(&[]);
    let has = |w: &[u8]| first.windows(w.len()).any(|x| x == w);
    let mut format = 0;
    for (w, f) in
        [(&b"IRTT"[..], 1), (b"TOS", 2), (b"HHRef", 4), (b"HHUptod", 8), (b"SpecDst", 16), (b"HH", 32), (b"ARP", 64)]
    {
        if has(w) {
            format |= f;
        }
    }
    p.fp("Kernel IP routing cache\n");
    let format = match format {
        63 => 2,
        97 => 1,
        other => {
            p.fpf(format_args!("ERROR: proc_guess_fmt(/proc/net/rt_cache,... returned: {}\n", other));
            other
        }
    };
    if ext == 1 {
        p.fp("Source          Destination     Gateway         Flags Metric Ref    Use Iface\n");
    }
    if ext == 2 {
        p.fp("Source          Destination     Gateway         Flags   MSS Window  irtt Iface\n");
    }
    if ext >= 3 {
        if format == 1 {
            p.fp("Source          Destination     Gateway         Flags Metric Ref    Use Iface    MSS   Window irtt  HH  Arp\n");
        }
        if format == 2 {
            p.fp("Source          Destination     Gateway         Flags Metric Ref    Use Iface    MSS   Window irtt  TOS HHRef HHUptod     SpecDst\n");
        }
    }
    0
}

fn addr6(s: &[u8]) -> [u8; 16] {
    let mut a = [0u8; 16];
    for (i, b) in a.iter_mut().enumerate() {
        *b = s.get(i * 2..i * 2 + 2).map(hex).unwrap_or(0) as u8;
    }
    a
}

/// rprint_fib6(): /proc/net/ipv6_route, FIB entries or (`cache`) cached ones.
fn fib6(p: &mut Printer, numeric: i32, cache: bool) -> i32 {
    let text = match std::fs::read("/proc/net/ipv6_route") {
        Ok(t) => t,
        Err(e) => {
            open_err("/proc/net/ipv6_route", e);
            p.fp("INET6 (IPv6) not configured in this system.\n");
            return 1;
        }
    };
    p.fp(if cache { "Kernel IPv6 routing cache\n" } else { "Kernel IPv6 routing table\n" });
    p.fp("Destination                    Next Hop                   Flag Met Ref  Use If\n");
    for line in text.split(|&c| c == b'\n') {
        let w: Vec<&[u8]> = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
        if w.len() < 10 {
            continue;
        }
        let iflags = hex(w[8]);
        if (iflags & RTF_CACHE != 0) != cache {
            continue;
        }
        let plen = hex(w[1]) as i32;
        let dst = format!("{}/{}", in6_sprint(&addr6(w[0]), numeric), plen);
        let nh = in6_sprint(&addr6(w[4]), numeric);
        let metric = hex(w[5]) as i32;
        let refcnt = hex(w[6]) as i32;
        let use_ = hex(w[7]) as i32;
        let iface = crate::args::bytes::escape(&w[9][..w[9].len().min(15)]).into_owned();
        let mut flags = String::new();
        let names: [(u32, char); 12] = [
            (RTF_UP, 'U'),
            (RTF_REJECT, '!'),
            (RTF_GATEWAY, 'G'),
            (RTF_HOST, 'H'),
            (RTF_DEFAULT, 'D'),
            (RTF_ADDRCONF, 'A'),
            (RTF_CACHE, 'C'),
            (RTF_ALLONLINK, 'a'),
            (RTF_EXPIRES, 'e'),
            (RTF_MODIFIED, 'm'),
            (RTF_NONEXTHOP, 'n'),
            (RTF_FLOW, 'f'),
        ];
        for (b, c) in names {
            if iflags & b != 0 {
                flags.push(c);
            }
        }
        p.fpf(format_args!("{:<30} {:<26} {:<4} {:<3} {:<1} {:6} {}\n", dst, nh, flags, metric, refcnt, use_, iface));
    }
    0
}

/// ap->rprint(options) of one family; its return value.
pub fn rprint(p: &mut Printer, af: &str, options: i32) -> i32 {
    let ext = options & FLAG_EXT;
    let numeric = options & (FLAG_NUM_HOST | FLAG_SYM);
    match af {
        "inet" => {
            let mut rc = 2;
            if options & FLAG_FIB != 0 {
                rc = fib4(p, ext, numeric);
                if rc != 0 {
                    return rc;
                }
            }
            if options & FLAG_CACHE != 0 {
                rc = cache4(p, ext);
            }
            rc
        }
        "inet6" => {
            let mut rc = 2;
            if options & FLAG_FIB != 0 {
                rc = fib6(p, numeric, false);
                if rc != 0 {
                    return rc;
                }
            }
            if options & FLAG_CACHE != 0 {
                // No /proc/net/ndisc: the cached FIB entries instead.
                rc = fib6(p, numeric, true);
            }
            rc
        }
        _ => exotic(p, af),
    }
}

/// The families whose /proc tables this kernel does not have.
fn exotic(p: &mut Printer, af: &str) -> i32 {
    match af {
        "ax25" => {
            eprint_raw("/proc/net/ax25_route: No such file or directory\n");
            p.fp("AX.25 not configured in this system.\n");
        }
        "ipx" => {
            eprint_raw("No such file or directory\n");
            p.fp("IPX routing not in file /proc/net/ipx/route or /proc/net/ipx_route found.\n");
        }
        "ddp" => {
            eprint_raw("Error opening /proc/net/atalk_route: No such file or directory\n");
            eprint_raw("DDP (AppleTalk) not configured on this system.\n");
        }
        "x25" => p.fp("X.25 not configured in this system.\n"),
        "netrom" => {
            eprint_raw("/proc/net/nr_nodes: No such file or directory\n");
            eprint_raw("/proc/net/nr_neigh: Invalid argument\n");
            p.fp("NET/ROM not configured in this system.\n");
        }
        _ => {
            eprint_raw("/proc/net/rose_nodes: No such file or directory\n");
            eprint_raw("ROSE not configured in this system.\n");
        }
    }
    1
}
