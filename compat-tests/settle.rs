//! Makes the kernel finish deferred work before the harness reads state:
//! an ETHTOOL_GLINK ioctl on a device runs its pending linkwatch events now
//! (operstate, carrier), in this namespace and in every /run/netns one.

use std::os::fd::AsRawFd;

const SIOCETHTOOL: libc::c_ulong = 0x8946;
const ETHTOOL_GLINK: u32 = 0x0000000a;

#[repr(C)]
struct EthtoolValue {
    cmd: u32,
    data: u32,
}

#[repr(C)]
struct Ifreq {
    name: [u8; 16],
    data: *mut libc::c_void,
    _pad: [u8; 16],
}

fn poke_all() {
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return;
    }
    let names = unsafe { libc::if_nameindex() };
    if !names.is_null() {
        let mut p = names;
        loop {
            let e = unsafe { &*p };
            if e.if_index == 0 || e.if_name.is_null() {
                break;
            }
            let name = unsafe { std::ffi::CStr::from_ptr(e.if_name) }.to_bytes();
            let mut v = EthtoolValue { cmd: ETHTOOL_GLINK, data: 0 };
            let mut req = Ifreq { name: [0; 16], data: &mut v as *mut _ as *mut libc::c_void, _pad: [0; 16] };
            let n = name.len().min(15);
            req.name[..n].copy_from_slice(&name[..n]);
            unsafe { libc::ioctl(fd, SIOCETHTOOL as _, &mut req) };
            p = unsafe { p.add(1) };
        }
        unsafe { libc::if_freenameindex(names) };
    }
    unsafe { libc::close(fd) };
}

pub fn settle() {
    wait_netns_cleanup();
    fix_random_macs();
    let Ok(home) = std::fs::File::open("/proc/self/ns/net") else { return };
    std::thread::sleep(std::time::Duration::from_millis(20));
    for _ in 0..3 {
        poke_all();
        if let Ok(rd) = std::fs::read_dir("/run/netns") {
            for e in rd.flatten() {
                if let Ok(f) = std::fs::File::open(e.path()) {
                    if unsafe { libc::setns(f.as_raw_fd(), libc::CLONE_NEWNET) } == 0 {
                        poke_all();
                    }
                }
            }
            unsafe { libc::setns(home.as_raw_fd(), libc::CLONE_NEWNET) };
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Waits until the kernel has cleaned up namespaces deleted so far: makes a
/// throw-away namespace, gives it an nsid, drops it, and waits for the nsid
/// to vanish (namespace cleanup runs in order).
pub fn wait_netns_cleanup() {
    use rip::netlink::consts::*;
    use rip::netlink::{Req, Rtnl, Tb};
    let Ok(home) = std::fs::File::open("/proc/self/ns/net") else { return };
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        return;
    }
    let tmp = std::fs::File::open("/proc/self/ns/net");
    unsafe { libc::setns(home.as_raw_fd(), libc::CLONE_NEWNET) };
    let Ok(tmp) = tmp else { return };
    let Ok(mut rtnl) = Rtnl::open(1 << 20, false) else { return };
    let mut req = Req::new(RTM_NEWNSID, NLM_F_REQUEST, &[0u8; 4]);
    req.attr_u32(NETNSA_FD, tmp.as_raw_fd() as u32);
    req.attr_u32(NETNSA_NSID, u32::MAX);
    if rtnl.talk_quiet(&mut req).is_err() {
        return;
    }
    let Some(id) = rip::names::get_netnsid_from_fd(&mut rtnl, tmp.as_raw_fd()) else { return };
    drop(tmp);
    // Up to 5 s: a loaded machine's cleanup_net (veth teardown, RCU grace
    // periods) took longer than the 0.5 s this once waited, and a read then
    // saw a deleted namespace's nsid in one twin only.
    for _ in 0..2500 {
        let mut req = Req::new(RTM_GETNSID, 0, &[0u8; 4]);
        if rtnl.dump_request(&mut req).is_err() {
            return;
        }
        let mut seen = false;
        let ok = rtnl.dump(|m| {
            if let Some(a) = m.payload.get(4..) {
                if Tb::parse(a, NETNSA_MAX).i32(NETNSA_NSID) == Some(id) {
                    seen = true;
                }
            }
            Ok(())
        });
        if ok.is_err() || !seen {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// Replaces kernel-generated random MACs (addr_assign_type 1) in this
/// namespace by ones derived from the ifindex and name, identically in both
/// twins, so a bridge's inherited MAC (its lowest port's) and every later
/// output no longer depend on chance. Bridges are left alone: they keep
/// following their ports. Explicitly set MACs are never touched.
pub fn fix_random_macs() {
    use rip::netlink::consts::*;
    use rip::netlink::{Req, Rtnl};
    let Ok(rd) = std::fs::read_dir("/sys/class/net") else { return };
    let mut rtnl: Option<Rtnl> = None;
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let ty = std::fs::read_to_string(p.join("addr_assign_type")).unwrap_or_default();
        if ty.trim() != "1" || p.join("bridge").exists() {
            continue;
        }
        let Ok(idx) = std::fs::read_to_string(p.join("ifindex")) else { continue };
        let Ok(idx) = idx.trim().parse::<u32>() else { continue };
        let h = name.bytes().fold(0x811c9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x01000193));
        let mac = [0x02, 0xaa, (h >> 8) as u8, h as u8, (idx >> 8) as u8, idx as u8];
        if rtnl.is_none() {
            rtnl = Rtnl::open(1 << 20, false).ok();
        }
        let Some(r) = rtnl.as_mut() else { return };
        let mut req = Req::new(RTM_NEWLINK, NLM_F_REQUEST, &ifinfomsg(0, idx as i32, 0, 0));
        req.attr(IFLA_ADDRESS, &mac);
        let _ = r.talk_quiet(&mut req);
    }
}
