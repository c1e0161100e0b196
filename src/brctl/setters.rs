//! The commands that change things: addbr, delbr, addif, delif (the bridge
//! ioctls, each with libbridge's fallback to the older SIOCSIFBR or
//! SIOCDEVPRIVATE form when the first one fails), and the bridge and port
//! parameters, written as "%lu\n" to sysfs with the old ioctl as the
//! fallback (libbridge_devif.c's br_set() and port_set()). The errno of
//! the last call that failed picks the message.

use crate::args::keywords::List;
use crate::args::num::{scanf_double, scanf_int};
use crate::sys::bridge::{self as brsys, if_nametoindex};

use super::info::{err, portno, serr, sysfs_path, tv_to_jiffies, Br, Tv};

/// The words stp and hairpin take (strcmp): on, yes, 1 / off, no, 0.
pub static ON_OFF: List = List { path: "brctl stp BRIDGE", words: &["on", "yes", "1", "off", "no", "0"] };

/// `on`/`yes`/`1` → 1, `off`/`no`/`0` → 0.
fn on_off(word: &[u8]) -> Option<u64> {
    let i = ON_OFF.words.iter().position(|w| w.as_bytes() == word)?;
    Some(if i < 3 { 1 } else { 0 })
}

/// strtotimeval(): sscanf("%lf"), then C's double-to-long conversions
/// (x86-64's cvttsd2si: NaN and out-of-range values become LONG_MIN).
fn strtotimeval(s: &[u8]) -> Option<Tv> {
    let secs = scanf_double(s)?;
    let sec = c_long(secs);
    Some(Tv { sec, usec: c_long(1_000_000.0 * (secs - sec as f64)) })
}

fn c_long(x: f64) -> i64 {
    if x.is_nan() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// "%lu\n" of the value, open(O_WRONLY) and one write: set_sysfs().
fn set_sysfs(path: &[u8], value: u64) -> Result<(), i32> {
    brsys::write_file(path, format!("{}\n", value).as_bytes())
}

/// br_set(): the bridge's sysfs file, else SIOCDEVPRIVATE { oldcode, value }.
fn br_set(br: &Br, bridge: &[u8], name: &str, value: u64, oldcode: libc::c_ulong) -> Result<(), i32> {
    let path = sysfs_path(bridge, format!("/bridge/{}", name).as_bytes());
    if set_sysfs(&path, value).is_ok() {
        return Ok(());
    }
    let mut args = [oldcode, value as libc::c_ulong, 0, 0];
    br.sock.devprivate(bridge, &mut args).map(|_| ())
}

/// port_set(): the port's brport/ file, else the port's index in the
/// bridge and SIOCDEVPRIVATE { oldcode, index, value }.
fn port_set(br: &Br, bridge: &[u8], ifname: &[u8], name: &str, value: u64, oldcode: libc::c_ulong) -> Result<(), i32> {
    let path = sysfs_path(ifname, format!("/brport/{}", name).as_bytes());
    let first = match set_sysfs(&path, value) {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    let index = portno(br, bridge, ifname).map_err(|e| e.unwrap_or(first))?;
    let mut args = [oldcode, index as libc::c_ulong, value as libc::c_ulong, 0];
    br.sock.devprivate(bridge, &mut args).map(|_| ())
}

/// A name ioctl, then the SIOCSIFBR form when it fails.
fn bridge_ioctl(br: &Br, name: &[u8], req: libc::c_ulong, old: libc::c_ulong) -> Result<(), i32> {
    br.sock.name_ioctl(req, name).or_else(|_| br.sock.sifbr_name(old, name))
}

pub fn addbr(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let name = &argv[1];
    match bridge_ioctl(br, name, brsys::SIOCBRADDBR, brsys::BRCTL_ADD_BRIDGE) {
        Ok(()) => 0,
        Err(libc::EEXIST) => {
            err(&[b"device ", name, b" already exists; can't create bridge with the same name\n"]);
            1
        }
        Err(e) => {
            err(&[b"add bridge failed: ", &serr(e), b"\n"]);
            1
        }
    }
}

pub fn delbr(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let name = &argv[1];
    match bridge_ioctl(br, name, brsys::SIOCBRDELBR, brsys::BRCTL_DEL_BRIDGE) {
        Ok(()) => 0,
        Err(libc::ENXIO) => {
            err(&[b"bridge ", name, b" doesn't exist; can't delete it\n"]);
            1
        }
        Err(libc::EBUSY) => {
            err(&[b"bridge ", name, b" is still up; can't delete it\n"]);
            1
        }
        Err(e) => {
            err(&[b"can't delete bridge ", name, b": ", &serr(e), b"\n"]);
            1
        }
    }
}

/// br_add_interface() / br_del_interface(): ENODEV without a call when the
/// device has no index.
fn port_ioctl(br: &Br, bridge: &[u8], dev: &[u8], req: libc::c_ulong, old: libc::c_ulong) -> Result<(), i32> {
    let Ok(ifindex) = if_nametoindex(dev) else { return Err(libc::ENODEV) };
    br.sock.ifindex_ioctl(req, bridge, ifindex).or_else(|_| {
        let mut args = [old, ifindex as libc::c_ulong, 0, 0];
        br.sock.devprivate(bridge, &mut args).map(|_| ())
    })
}

/// The ENODEV message of addif and delif: which of the two is missing.
fn no_device(brname: &[u8], ifname: &[u8]) {
    if if_nametoindex(ifname).is_err() {
        err(&[b"interface ", ifname, b" does not exist!\n"]);
    } else {
        err(&[b"bridge ", brname, b" does not exist!\n"]);
    }
}

pub fn addif(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let brname = &argv[1];
    for ifname in &argv[2..] {
        match port_ioctl(br, brname, ifname, brsys::SIOCBRADDIF, brsys::BRCTL_ADD_IF) {
            Ok(()) => continue,
            Err(libc::ENODEV) => no_device(brname, ifname),
            Err(libc::EBUSY) => {
                err(&[b"device ", ifname, b" is already a member of a bridge; can't add it to bridge ", brname, b".\n"])
            }
            Err(libc::ELOOP) => err(&[
                b"device ",
                ifname,
                b" is a bridge device itself; can't add a bridge device to a bridge device.\n",
            ]),
            Err(e) => err(&[b"can't add ", ifname, b" to bridge ", brname, b": ", &serr(e), b"\n"]),
        }
        return 1;
    }
    0
}

pub fn delif(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let brname = &argv[1];
    for ifname in &argv[2..] {
        match port_ioctl(br, brname, ifname, brsys::SIOCBRDELIF, brsys::BRCTL_DEL_IF) {
            Ok(()) => continue,
            Err(libc::ENODEV) => no_device(brname, ifname),
            Err(libc::EINVAL) => err(&[b"device ", ifname, b" is not a port of ", brname, b"\n"]),
            Err(e) => err(&[b"can't delete ", ifname, b" from ", brname, b": ", &serr(e), b"\n"]),
        }
        return 1;
    }
    0
}

/// A bridge timer: strtotimeval(), then br_set() of its jiffies.
fn set_time(br: &Br, argv: &[Vec<u8>], file: &str, oldcode: libc::c_ulong, bad: &str, failed: &str) -> i32 {
    let Some(tv) = strtotimeval(&argv[2]) else {
        err(&[bad.as_bytes(), b"\n"]);
        return 1;
    };
    match br_set(br, &argv[1], file, tv_to_jiffies(tv), oldcode) {
        Ok(()) => 0,
        Err(e) => {
            err(&[failed.as_bytes(), b": ", &serr(e), b"\n"]);
            1
        }
    }
}

pub fn setageing(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    set_time(br, argv, "ageing_time", brsys::BRCTL_SET_AGEING_TIME, "bad ageing time value", "set ageing time failed")
}

pub fn setfd(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    set_time(
        br,
        argv,
        "forward_delay",
        brsys::BRCTL_SET_BRIDGE_FORWARD_DELAY,
        "bad forward delay value",
        "set forward delay failed",
    )
}

pub fn sethello(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    set_time(
        br,
        argv,
        "hello_time",
        brsys::BRCTL_SET_BRIDGE_HELLO_TIME,
        "bad hello timer value",
        "set hello timer failed",
    )
}

pub fn setmaxage(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    set_time(br, argv, "max_age", brsys::BRCTL_SET_BRIDGE_MAX_AGE, "bad max age value", "set max age failed")
}

/// An int argument (sscanf "%i") widened to unsigned long as C passes it.
fn int_arg(s: &[u8], bad: &str) -> Option<u64> {
    match scanf_int(s) {
        Some(v) => Some(v as i64 as u64),
        None => {
            err(&[bad.as_bytes(), b"\n"]);
            None
        }
    }
}

fn report(r: Result<(), i32>, failed: &str) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => {
            err(&[failed.as_bytes(), b": ", &serr(e), b"\n"]);
            1
        }
    }
}

pub fn setbridgeprio(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let Some(prio) = int_arg(&argv[2], "bad priority") else { return 1 };
    report(br_set(br, &argv[1], "priority", prio, brsys::BRCTL_SET_BRIDGE_PRIORITY), "set bridge priority failed")
}

pub fn setpathcost(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let Some(cost) = int_arg(&argv[3], "bad path cost value") else { return 1 };
    report(port_set(br, &argv[1], &argv[2], "path_cost", cost, brsys::BRCTL_SET_PATH_COST), "set path cost failed")
}

pub fn setportprio(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let Some(prio) = int_arg(&argv[3], "bad path priority value") else { return 1 };
    report(
        port_set(br, &argv[1], &argv[2], "priority", prio, brsys::BRCTL_SET_PORT_PRIORITY),
        "set port priority failed",
    )
}

pub fn stp(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let Some(on) = on_off(&argv[2]) else {
        err(&[b"expect on/off for argument\n"]);
        return 1;
    };
    report(br_set(br, &argv[1], "stp_state", on, brsys::BRCTL_SET_BRIDGE_STP_STATE), "set stp status failed")
}

pub fn hairpin(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let (brname, ifname) = (&argv[1], &argv[2]);
    let Some(on) = on_off(&argv[3]) else {
        err(&[b"expect on/off for argument\n"]);
        return 1;
    };
    if if_nametoindex(ifname).is_err() {
        err(&[b"interface ", ifname, b" does not exist!\n"]);
        return 1;
    }
    if if_nametoindex(brname).is_err() {
        err(&[b"bridge ", brname, b" does not exist!\n"]);
        return 1;
    }
    // libbridge has no old ioctl for hairpin mode: its fallback sends
    // command 0 (BRCTL_GET_VERSION), which a bridge refuses.
    match port_set(br, brname, ifname, "hairpin_mode", on, 0) {
        Ok(()) => 0,
        Err(e) => {
            err(&[b"can't set ", ifname, b" to hairpin on bridge ", brname, b": ", &serr(e), b"\n"]);
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_sscanf_and_c_casts_read_them() {
        assert_eq!(strtotimeval(b"2.5"), Some(Tv { sec: 2, usec: 500_000 }));
        assert_eq!(strtotimeval(b" 15abc"), Some(Tv { sec: 15, usec: 0 }));
        assert_eq!(strtotimeval(b"abc"), None);
        assert_eq!(strtotimeval(b"nan").map(|t| t.sec), Some(i64::MIN));
        assert_eq!(tv_to_jiffies(strtotimeval(b"-1").unwrap_or_default()), (-1_000_000i64 as u64) / 10000);
        assert_eq!(on_off(b"yes"), Some(1));
        assert_eq!(on_off(b"0"), Some(0));
        assert_eq!(on_off(b"On"), None);
    }
}
