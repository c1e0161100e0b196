//! What libbridge reads: a bridge's and a port's STP parameters from
//! /sys/class/net/NAME/{bridge,brport}/ (libbridge_devif.c), falling back
//! to the old SIOCDEVPRIVATE ioctls when the directory cannot be opened;
//! the bridges (a scandir of /sys/class/net, else SIOCGIFBR) and a bridge's
//! ports (a scandir of brif, else BRCTL_GET_PORT_LIST), in alphasort order
//! (strcmp: brctl never calls setlocale). Also the context every command
//! shares and brctl_disp.c's two number formats.

use std::os::unix::ffi::OsStrExt;

use crate::args::num::{scanf_bridge_id, scanf_int};
use crate::error::{eprint_bytes, strerror};
use crate::print::Printer;
use crate::sys::bridge::{self as brsys, BrSock};

/// One run of brctl: stdout (fully buffered, as C's stdio on a pipe) and
/// the control socket of br_init().
pub struct Br {
    pub p: Printer,
    pub sock: BrSock,
    /// show_bridge()'s `static int show_header`.
    pub show_header: bool,
}

impl Br {
    pub fn out(&mut self, b: &[u8]) {
        self.p.bin(b);
    }
}

/// fprintf(stderr, ...) of bytes (names come from argv and need not be UTF-8).
pub fn err(parts: &[&[u8]]) {
    eprint_bytes(&parts.concat());
}

/// strerror() as bytes.
pub fn serr(errno: i32) -> Vec<u8> {
    strerror(errno).into_bytes()
}

const SYSFS_CLASS_NET: &[u8] = b"/sys/class/net/";
/// snprintf(path, SYSFS_PATH_MAX, ...): at most 255 bytes.
const SYSFS_PATH_MAX: usize = 256;

/// "/sys/class/net/" NAME SUFFIX, cut as snprintf cuts it.
pub fn sysfs_path(name: &[u8], suffix: &[u8]) -> Vec<u8> {
    let mut p = [SYSFS_CLASS_NET, name, suffix].concat();
    p.truncate(SYSFS_PATH_MAX - 1);
    p
}

fn os(b: &[u8]) -> &std::ffi::OsStr {
    std::ffi::OsStr::from_bytes(b)
}

/// A struct timeval.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tv {
    pub sec: i64,
    pub usec: i64,
}

/// __jiffies_to_tv(): libbridge's "jiffies" are the kernel's USER_HZ (100)
/// clock ticks; the arithmetic wraps as C's unsigned long long does.
pub fn jiffies_to_tv(j: u64) -> Tv {
    let tvusec = 10000u64.wrapping_mul(j);
    let sec = tvusec / 1_000_000;
    Tv { sec: sec as i64, usec: tvusec.wrapping_sub(1_000_000u64.wrapping_mul(sec)) as i64 }
}

/// __tv_to_jiffies().
pub fn tv_to_jiffies(tv: Tv) -> u64 {
    1_000_000u64.wrapping_mul(tv.sec as u64).wrapping_add(tv.usec as u64) / 10000
}

/// br_show_timer(): "%4i.%.2i" of (int)tv_sec and (int)tv_usec/10000.
pub fn show_timer(tv: &Tv) -> String {
    format!("{:4}.{:02}", tv.sec as i32, (tv.usec as i32) / 10000)
}

/// br_dump_bridge_id(): "%.2x%.2x.%.2x%.2x%.2x%.2x%.2x%.2x".
pub fn bridge_id(x: &[u8; 8]) -> String {
    format!("{:02x}{:02x}.{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}", x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7])
}

/// fopen(dir "/" name, "r") and its whole content; None when fopen fails,
/// Some(None) when the read fails.
fn read_attr(dir: &[u8], name: &str) -> Result<Option<Vec<u8>>, i32> {
    let path = [dir, b"/", name.as_bytes()].concat();
    let mut f = std::fs::File::open(os(&path)).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
    let mut v = Vec::new();
    Ok(std::io::Read::read_to_end(&mut f, &mut v).ok().map(|_| v))
}

/// fetch_int(): 0 when the file cannot be opened, -1 when fscanf("%i") fails.
fn fetch_int(dir: &[u8], name: &str) -> i32 {
    match read_attr(dir, name) {
        Err(_) => 0,
        Ok(Some(v)) => scanf_int(&v[..v.iter().position(|&c| c == 0).unwrap_or(v.len())]).unwrap_or(-1),
        Ok(None) => -1,
    }
}

/// fetch_tv(): the int widened to unsigned long (sign-extended) as jiffies.
fn fetch_tv(dir: &[u8], name: &str) -> Tv {
    jiffies_to_tv(fetch_int(dir, name) as i64 as u64)
}

/// fetch_id(): a missing file is reported (as "DIR: strerror") and left 0.
fn fetch_id(dir: &[u8], name: &str, id: &mut [u8; 8]) {
    match read_attr(dir, name) {
        Err(e) => err(&[dir, b": ", &serr(e), b"\n"]),
        Ok(Some(v)) => scanf_bridge_id(&v[..v.iter().position(|&c| c == 0).unwrap_or(v.len())], id),
        Ok(None) => {}
    }
}

#[derive(Debug, Default, Clone)]
pub struct BridgeInfo {
    pub designated_root: [u8; 8],
    pub bridge_id: [u8; 8],
    pub root_path_cost: u32,
    pub max_age: Tv,
    pub hello_time: Tv,
    pub forward_delay: Tv,
    pub bridge_max_age: Tv,
    pub bridge_hello_time: Tv,
    pub bridge_forward_delay: Tv,
    pub root_port: u16,
    pub stp_enabled: u8,
    pub topology_change: u8,
    pub topology_change_detected: u8,
    pub ageing_time: Tv,
    pub hello_timer_value: Tv,
    pub tcn_timer_value: Tv,
    pub topology_change_timer_value: Tv,
    pub gc_timer_value: Tv,
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    b.get(off..off + 4).and_then(|s| s.try_into().ok()).map(u32::from_ne_bytes).unwrap_or(0)
}

fn u16_at(b: &[u8], off: usize) -> u16 {
    b.get(off..off + 2).and_then(|s| s.try_into().ok()).map(u16::from_ne_bytes).unwrap_or(0)
}

fn id_at(b: &[u8], off: usize) -> [u8; 8] {
    b.get(off..off + 8).and_then(|s| s.try_into().ok()).unwrap_or([0; 8])
}

fn tv_at(b: &[u8], off: usize) -> Tv {
    jiffies_to_tv(u32_at(b, off) as u64)
}

/// br_get_bridge_info(): the errno on failure (ENODEV: no such device).
pub fn bridge_info(br: &Br, name: &[u8]) -> Result<BridgeInfo, i32> {
    let path = sysfs_path(name, b"/bridge");
    if opendir(&path).is_ok() {
        let mut i = BridgeInfo::default();
        fetch_id(&path, "root_id", &mut i.designated_root);
        fetch_id(&path, "bridge_id", &mut i.bridge_id);
        i.root_path_cost = fetch_int(&path, "root_path_cost") as u32;
        i.max_age = fetch_tv(&path, "max_age");
        i.hello_time = fetch_tv(&path, "hello_time");
        i.forward_delay = fetch_tv(&path, "forward_delay");
        i.bridge_max_age = fetch_tv(&path, "max_age");
        i.bridge_hello_time = fetch_tv(&path, "hello_time");
        i.bridge_forward_delay = fetch_tv(&path, "forward_delay");
        i.ageing_time = fetch_tv(&path, "ageing_time");
        i.hello_timer_value = fetch_tv(&path, "hello_timer");
        i.tcn_timer_value = fetch_tv(&path, "tcn_timer");
        i.topology_change_timer_value = fetch_tv(&path, "topology_change_timer");
        i.gc_timer_value = fetch_tv(&path, "gc_timer");
        i.root_port = fetch_int(&path, "root_port") as u16;
        i.stp_enabled = fetch_int(&path, "stp_state") as u8;
        i.topology_change = fetch_int(&path, "topology_change") as u8;
        i.topology_change_detected = fetch_int(&path, "topology_change_detected") as u8;
        return Ok(i);
    }
    // old_get_bridge_info(): struct __bridge_info (72 bytes).
    let mut b = [0u8; 72];
    br.sock.devprivate_buf(name, brsys::BRCTL_GET_BRIDGE_INFO, &mut b, 0, 0)?;
    Ok(BridgeInfo {
        designated_root: id_at(&b, 0),
        bridge_id: id_at(&b, 8),
        root_path_cost: u32_at(&b, 16),
        max_age: tv_at(&b, 20),
        hello_time: tv_at(&b, 24),
        forward_delay: tv_at(&b, 28),
        bridge_max_age: tv_at(&b, 32),
        bridge_hello_time: tv_at(&b, 36),
        bridge_forward_delay: tv_at(&b, 40),
        topology_change: b[44],
        topology_change_detected: b[45],
        root_port: b[46] as u16,
        stp_enabled: b[47],
        ageing_time: tv_at(&b, 48),
        hello_timer_value: tv_at(&b, 56),
        tcn_timer_value: tv_at(&b, 60),
        topology_change_timer_value: tv_at(&b, 64),
        gc_timer_value: tv_at(&b, 68),
    })
}

/// opendir(path): Ok, or its errno.
fn opendir(path: &[u8]) -> Result<(), i32> {
    std::fs::read_dir(os(path)).map(|_| ()).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))
}

#[derive(Debug, Default, Clone)]
pub struct PortInfo {
    pub port_no: u32,
    pub designated_root: [u8; 8],
    pub designated_bridge: [u8; 8],
    pub port_id: u16,
    pub designated_port: u16,
    pub top_change_ack: u8,
    pub config_pending: u8,
    pub state: u8,
    pub path_cost: u32,
    pub designated_cost: u32,
    pub message_age_timer_value: Tv,
    pub forward_delay_timer_value: Tv,
    pub hold_timer_value: Tv,
    pub hairpin_mode: u8,
}

/// br_get_port_info().
pub fn port_info(br: &Br, brname: &[u8], port: &[u8]) -> Result<PortInfo, i32> {
    let path = sysfs_path(port, b"/brport");
    let opened = opendir(&path);
    if opened.is_ok() {
        let mut i = PortInfo::default();
        fetch_id(&path, "designated_root", &mut i.designated_root);
        fetch_id(&path, "designated_bridge", &mut i.designated_bridge);
        i.port_no = fetch_int(&path, "port_no") as u32;
        i.port_id = fetch_int(&path, "port_id") as u16;
        i.designated_port = fetch_int(&path, "designated_port") as u16;
        i.path_cost = fetch_int(&path, "path_cost") as u32;
        i.designated_cost = fetch_int(&path, "designated_cost") as u32;
        i.state = fetch_int(&path, "state") as u8;
        i.top_change_ack = fetch_int(&path, "change_ack") as u8;
        i.config_pending = fetch_int(&path, "config_pending") as u8;
        i.message_age_timer_value = fetch_tv(&path, "message_age_timer");
        i.forward_delay_timer_value = fetch_tv(&path, "forward_delay_timer");
        i.hold_timer_value = fetch_tv(&path, "hold_timer");
        i.hairpin_mode = fetch_int(&path, "hairpin_mode") as u8;
        return Ok(i);
    }
    // old_get_port_info(): struct __port_info (44 bytes) of the port's index.
    let index = portno(br, brname, port).map_err(|e| e.or(opened.err()).unwrap_or(libc::ENOENT))?;
    let mut b = [0u8; 44];
    br.sock.devprivate_buf(brname, brsys::BRCTL_GET_PORT_INFO, &mut b, index as u64, 0)?;
    Ok(PortInfo {
        port_no: index as u32,
        designated_root: id_at(&b, 0),
        designated_bridge: id_at(&b, 8),
        port_id: u16_at(&b, 16),
        designated_port: u16_at(&b, 18),
        path_cost: u32_at(&b, 20),
        designated_cost: u32_at(&b, 24),
        state: b[28],
        top_change_ack: b[29],
        config_pending: b[30],
        message_age_timer_value: tv_at(&b, 32),
        forward_delay_timer_value: tv_at(&b, 36),
        hold_timer_value: tv_at(&b, 40),
        hairpin_mode: 0,
    })
}

const MAX_PORTS: usize = 1024;
const MAX_BRIDGES: usize = 1024;

/// get_portno(): the port's index in the bridge's port list. On failure,
/// the errno the failing call set, or None when nothing failed (the port
/// is just not in the list: errno keeps its earlier value).
pub fn portno(br: &Br, brname: &[u8], ifname: &[u8]) -> Result<usize, Option<i32>> {
    let ifindex = brsys::if_nametoindex(ifname).map_err(Some)?;
    let mut idx = [0i32; MAX_PORTS];
    br.sock.devprivate_buf(brname, brsys::BRCTL_GET_PORT_LIST, &mut idx, MAX_PORTS as u64, 0).map_err(Some)?;
    idx.iter().position(|&i| i == ifindex as i32).ok_or(None)
}

/// scandir(dir, ...) with alphasort, "." and ".." left out.
fn scandir(dir: &[u8], keep: impl Fn(&[u8]) -> bool) -> Result<Vec<Vec<u8>>, i32> {
    let rd = std::fs::read_dir(os(dir)).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
    let mut v: Vec<Vec<u8>> = rd.flatten().map(|e| e.file_name().as_bytes().to_vec()).filter(|n| keep(n)).collect();
    v.sort();
    Ok(v)
}

/// br_foreach_bridge()'s list: the directories of /sys/class/net that have
/// a bridge/ directory; when there are none, SIOCGIFBR's list of ifindexes
/// turned into names (stopping at one that has no name).
pub fn bridges(br: &Br) -> Vec<Vec<u8>> {
    let isbridge = |n: &[u8]| std::fs::metadata(os(&sysfs_path(n, b"/bridge"))).is_ok_and(|m| m.is_dir());
    if let Ok(v) = scandir(SYSFS_CLASS_NET, isbridge) {
        if !v.is_empty() {
            return v;
        }
    }
    let mut out = Vec::new();
    if let Ok(idx) = br.sock.get_bridges(MAX_BRIDGES) {
        for i in idx {
            match brsys::if_indextoname(i as u32) {
                Ok(n) => out.push(n),
                Err(_) => break,
            }
        }
    }
    out
}

/// br_foreach_port()'s list: brif/ in alphasort order, else the old port
/// list (names of the nonzero ifindexes that have one); Err(errno) when
/// both fail.
pub fn ports(br: &Br, brname: &[u8]) -> Result<Vec<Vec<u8>>, i32> {
    if let Ok(v) = scandir(&sysfs_path(brname, b"/brif"), |_| true) {
        return Ok(v);
    }
    let mut idx = [0i32; MAX_PORTS];
    br.sock.devprivate_buf(brname, brsys::BRCTL_GET_PORT_LIST, &mut idx, MAX_PORTS as u64, 0)?;
    Ok(idx.iter().filter(|&&i| i != 0).filter_map(|&i| brsys::if_indextoname(i as u32).ok()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_round_trip_in_hundredths() {
        assert_eq!(show_timer(&jiffies_to_tv(1500)), "  15.00");
        assert_eq!(show_timer(&jiffies_to_tv(30000)), " 300.00");
        assert_eq!(show_timer(&jiffies_to_tv(7)), "   0.07");
        assert_eq!(tv_to_jiffies(Tv { sec: 2, usec: 500_000 }), 250);
        // fetch_int's -1 widened to unsigned long: 2^64 - 10000 microseconds.
        assert_eq!(jiffies_to_tv(-1i64 as u64), Tv { sec: 18446744073709, usec: 541616 });
    }

    #[test]
    fn ids_and_paths() {
        assert_eq!(bridge_id(&[0x80, 0, 2, 0, 0, 0, 0, 1]), "8000.020000000001");
        assert_eq!(sysfs_path(&[b'x'; 300], b"/bridge").len(), 255);
    }
}
