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
    std::thread::sleep(std::time::Duration::from_millis(20));
    for _ in 0..3 {
        in_every_netns(poke_all);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // A carrier change poked above gives its link a link-local address whose
    // local route the addrconf work queue adds later; wait for that work in
    // every namespace, as a loaded machine may not have run it yet.
    in_every_netns(wait_addrconf);
}

/// Runs `f` in this namespace, then in each one under /run/netns, and
/// comes back home.
fn in_every_netns(f: fn()) {
    let Ok(home) = std::fs::File::open("/proc/self/ns/net") else { return };
    f();
    if let Ok(rd) = std::fs::read_dir("/run/netns") {
        for e in rd.flatten() {
            if let Ok(ns) = std::fs::File::open(e.path()) {
                if unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) } == 0 {
                    f();
                }
            }
        }
        unsafe { libc::setns(home.as_raw_fd(), libc::CLONE_NEWNET) };
    }
}

/// Waits (up to 1 s) while this namespace has an IPv6 address that is still
/// tentative although its device skips duplicate address detection: the
/// addrconf work that finishes it (and adds its local route) has not run.
/// Addresses under real DAD stay tentative for a second by design and are
/// left alone; both twins see them alike.
fn wait_addrconf() {
    use rip::netlink::consts::*;
    use rip::netlink::{Req, Rtnl, Tb};
    const IFA_F_NODAD: u32 = 0x02;
    const IFA_F_DADFAILED: u32 = 0x08;
    const IFA_F_TENTATIVE: u32 = 0x40;
    let Ok(mut rtnl) = Rtnl::open(1 << 20, false) else { return };
    let all_dad = read_num(b"all");
    for _ in 0..200 {
        let mut req = Req::new(RTM_GETADDR, 0, &[libc::AF_INET6 as u8, 0, 0, 0, 0, 0, 0, 0]);
        if rtnl.dump_request(&mut req).is_err() {
            return;
        }
        let mut pending = Vec::new();
        let ok = rtnl.dump(|m| {
            let Some(hdr) = m.payload.get(..8) else { return Ok(()) };
            let ifindex = u32::from_ne_bytes([hdr[4], hdr[5], hdr[6], hdr[7]]);
            let tb = Tb::parse(&m.payload[8..], IFA_MAX);
            let flags = tb.u32(IFA_FLAGS).unwrap_or(hdr[2] as u32);
            if flags & IFA_F_TENTATIVE != 0 && flags & IFA_F_DADFAILED == 0 {
                pending.push((ifindex, flags & IFA_F_NODAD != 0));
            }
            Ok(())
        });
        if ok.is_err() {
            return;
        }
        let waiting = pending.iter().any(|&(ifindex, nodad)| {
            let Some((name, dev_flags)) = dev_name_flags(ifindex) else { return false };
            let running = libc::IFF_UP as u32 | libc::IFF_RUNNING as u32;
            if dev_flags & running != running {
                return false;
            }
            nodad
                || dev_flags & (libc::IFF_NOARP | libc::IFF_LOOPBACK) as u32 != 0
                || (all_dad < 1 && read_num(&name) < 1)
        });
        if !waiting {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// net.ipv6.conf.<dev>.accept_dad in this namespace (1, the default, when unreadable).
fn read_num(dev: &[u8]) -> i64 {
    let mut p = b"/proc/sys/net/ipv6/conf/".to_vec();
    p.extend_from_slice(dev);
    p.extend_from_slice(b"/accept_dad");
    let p: std::ffi::OsString = std::os::unix::ffi::OsStringExt::from_vec(p);
    std::fs::read_to_string(p).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(1)
}

/// A device's name and flags in this namespace, by ioctl.
fn dev_name_flags(ifindex: u32) -> Option<(Vec<u8>, u32)> {
    let mut buf = [0u8; libc::IF_NAMESIZE];
    if unsafe { libc::if_indextoname(ifindex, buf.as_mut_ptr() as *mut libc::c_char) }.is_null() {
        return None;
    }
    let name = buf.split(|&b| b == 0).next()?.to_vec();
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return None;
    }
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (d, s) in req.ifr_name.iter_mut().zip(&name) {
        *d = *s as libc::c_char;
    }
    let r = unsafe { libc::ioctl(fd, libc::SIOCGIFFLAGS as _, &mut req) };
    unsafe { libc::close(fd) };
    if r != 0 {
        return None;
    }
    Some((name, unsafe { req.ifr_ifru.ifru_flags } as u16 as u32))
}

/// Waits until the kernel has cleaned up namespaces deleted so far: makes a
/// throw-away namespace, gives it an nsid, drops it, and waits for the nsid
/// to vanish (namespace cleanup runs in order). A namespace whose last
/// reference is a socket still in an RCU grace period (the `ip -n NS` run
/// just before `ip netns del NS`) joins the cleanup queue only after that
/// period, possibly behind the probe; each cleanup ends with rcu_barrier(),
/// so while nsids of namespaces no longer in /run/netns remain, a further
/// probe is queued behind them (a few at most: a process may legitimately
/// hold an unnamed namespace).
pub fn wait_netns_cleanup() {
    use rip::netlink::Rtnl;
    let Ok(mut rtnl) = Rtnl::open(1 << 20, false) else { return };
    for _ in 0..4 {
        if !cleanup_probe(&mut rtnl) || !unnamed_nsids(&mut rtnl) {
            return;
        }
    }
}

/// One probe namespace through the cleanup queue; false when it could not be made.
fn cleanup_probe(rtnl: &mut rip::netlink::Rtnl) -> bool {
    use rip::netlink::consts::*;
    use rip::netlink::Req;
    let Ok(home) = std::fs::File::open("/proc/self/ns/net") else { return false };
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        return false;
    }
    let tmp = std::fs::File::open("/proc/self/ns/net");
    unsafe { libc::setns(home.as_raw_fd(), libc::CLONE_NEWNET) };
    let Ok(tmp) = tmp else { return false };
    let mut req = Req::new(RTM_NEWNSID, NLM_F_REQUEST, &[0u8; 4]);
    req.attr_u32(NETNSA_FD, tmp.as_raw_fd() as u32);
    req.attr_u32(NETNSA_NSID, u32::MAX);
    if rtnl.talk_quiet(&mut req).is_err() {
        return false;
    }
    let Some(id) = rip::names::get_netnsid_from_fd(rtnl, tmp.as_raw_fd()) else { return false };
    drop(tmp);
    // Up to 5 s: a loaded machine's cleanup_net (veth teardown, RCU grace
    // periods) took longer than the 0.5 s this once waited, and a read then
    // saw a deleted namespace's nsid in one twin only.
    for _ in 0..2500 {
        let mut seen = false;
        if nsids(rtnl, |n| seen |= n == id).is_none() {
            return false;
        }
        if !seen {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    false
}

/// Calls `f` with every nsid this namespace has given; None on a failed dump.
fn nsids(rtnl: &mut rip::netlink::Rtnl, mut f: impl FnMut(i32)) -> Option<()> {
    use rip::netlink::consts::*;
    use rip::netlink::{Req, Tb};
    let mut req = Req::new(RTM_GETNSID, 0, &[0u8; 4]);
    rtnl.dump_request(&mut req).ok()?;
    rtnl.dump(|m| {
        if let Some(a) = m.payload.get(4..) {
            if let Some(n) = Tb::parse(a, NETNSA_MAX).i32(NETNSA_NSID) {
                f(n);
            }
        }
        Ok(())
    })
    .ok()?;
    Some(())
}

/// Whether some nsid belongs to no namespace under /run/netns.
fn unnamed_nsids(rtnl: &mut rip::netlink::Rtnl) -> bool {
    let mut named = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/run/netns") {
        for e in rd.flatten() {
            if let Ok(f) = std::fs::File::open(e.path()) {
                if let Some(n) = rip::names::get_netnsid_from_fd(rtnl, f.as_raw_fd()) {
                    named.push(n);
                }
            }
        }
    }
    let mut unnamed = false;
    nsids(rtnl, |n| unnamed |= !named.contains(&n)).is_some() && unnamed
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
