//! The socket ioctls of net-tools' ifconfig and route: interface flags,
//! addresses, MTU, map, queue length (`struct ifreq`), IPv6 addresses
//! (`struct in6_ifreq`), the interface list (SIOCGIFCONF) and routes
//! (`struct rtentry`, `struct in6_rtmsg`). Each call returns the raw errno
//! on failure; the callers print it in the reference's words. The structs
//! are byte images of x86-64/aarch64 Linux's layouts (LP64).

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use super::SysRes;

pub const SIOCADDRT: u64 = 0x890B;
pub const SIOCDELRT: u64 = 0x890C;
pub const SIOCGIFCONF: u64 = 0x8912;
pub const SIOCGIFFLAGS: u64 = 0x8913;
pub const SIOCSIFFLAGS: u64 = 0x8914;
pub const SIOCGIFADDR: u64 = 0x8915;
pub const SIOCSIFADDR: u64 = 0x8916;
pub const SIOCGIFDSTADDR: u64 = 0x8917;
pub const SIOCSIFDSTADDR: u64 = 0x8918;
pub const SIOCGIFBRDADDR: u64 = 0x8919;
pub const SIOCSIFBRDADDR: u64 = 0x891a;
pub const SIOCGIFNETMASK: u64 = 0x891b;
pub const SIOCSIFNETMASK: u64 = 0x891c;
pub const SIOCGIFMTU: u64 = 0x8921;
pub const SIOCSIFMTU: u64 = 0x8922;
pub const SIOCSIFNAME: u64 = 0x8923;
pub const SIOCSIFHWADDR: u64 = 0x8924;
pub const SIOCGIFHWADDR: u64 = 0x8927;
pub const SIOCGIFINDEX: u64 = 0x8933;
pub const SIOCDIFADDR: u64 = 0x8936;
pub const SIOCGIFTXQLEN: u64 = 0x8942;
pub const SIOCSIFTXQLEN: u64 = 0x8943;
pub const SIOCGIFMAP: u64 = 0x8970;
pub const SIOCSIFMAP: u64 = 0x8971;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// socket(domain, type, 0).
pub fn socket(domain: i32, ty: i32) -> SysRes<OwnedFd> {
    // SAFETY: plain system call; a non-negative result is a new fd we own.
    let fd = unsafe { libc::socket(domain, ty, 0) };
    if fd < 0 {
        return Err(errno());
    }
    // SAFETY: fd was just returned by socket() and is owned by no one else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// access(path, R_OK) == 0.
pub fn readable(path: &str) -> bool {
    let Ok(c) = std::ffi::CString::new(path) else { return false };
    // SAFETY: c is NUL-terminated.
    unsafe { libc::access(c.as_ptr(), libc::R_OK) == 0 }
}

/// ioctl(fd, req, buf): the kernel reads and writes at most the size of
/// the request's struct, which every caller's buffer covers.
fn ioctl_bytes(fd: &OwnedFd, req: u64, buf: &mut [u8]) -> SysRes<()> {
    // SAFETY: buf is a live, writable buffer at least as large as the
    // struct the request reads or writes (see the callers' types).
    let r = unsafe { libc::ioctl(fd.as_raw_fd(), req as _, buf.as_mut_ptr()) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(())
    }
}

/// `struct ifreq`: 16 bytes of name, then a 24-byte union.
#[derive(Clone, Copy)]
pub struct IfReq(pub [u8; 40]);

impl IfReq {
    /// safe_strncpy(ifr_name, name, IFNAMSIZ): at most 15 bytes, up to a NUL.
    pub fn new(name: &[u8]) -> IfReq {
        let mut r = IfReq([0; 40]);
        r.set_name(name);
        r
    }

    pub fn set_name(&mut self, name: &[u8]) {
        let n = name.iter().position(|&c| c == 0).unwrap_or(name.len()).min(15);
        self.0[..n].copy_from_slice(&name[..n]);
        self.0[n] = 0;
    }

    /// ifr_flags (a short).
    pub fn short(&self) -> i16 {
        i16::from_ne_bytes([self.0[16], self.0[17]])
    }

    pub fn set_short(&mut self, v: i16) {
        self.0[16..18].copy_from_slice(&v.to_ne_bytes());
    }

    /// ifr_mtu, ifr_qlen, ifr_ifindex (an int).
    pub fn int(&self) -> i32 {
        i32::from_ne_bytes([self.0[16], self.0[17], self.0[18], self.0[19]])
    }

    pub fn set_int(&mut self, v: i32) {
        self.0[16..20].copy_from_slice(&v.to_ne_bytes());
    }

    /// The union as a struct sockaddr (16 bytes).
    pub fn sockaddr(&self) -> [u8; 16] {
        let mut s = [0u8; 16];
        s.copy_from_slice(&self.0[16..32]);
        s
    }

    pub fn set_sockaddr(&mut self, sa: &[u8; 16]) {
        self.0[16..32].copy_from_slice(sa);
    }

    /// The whole 24-byte union (struct ifmap, 24 bytes on LP64).
    pub fn data(&self) -> &[u8] {
        &self.0[16..40]
    }

    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.0[16..40]
    }

    /// ifr_newname.
    pub fn set_newname(&mut self, name: &[u8]) {
        let n = name.iter().position(|&c| c == 0).unwrap_or(name.len()).min(15);
        self.0[16..32].fill(0);
        self.0[16..16 + n].copy_from_slice(&name[..n]);
    }
}

/// ioctl(fd, req, &ifr).
pub fn ifreq(fd: &OwnedFd, req: u64, ifr: &mut IfReq) -> SysRes<()> {
    ioctl_bytes(fd, req, &mut ifr.0)
}

/// A struct sockaddr_in image: family AF_INET, port 0, the address.
pub fn sockaddr_in(addr: [u8; 4]) -> [u8; 16] {
    let mut s = [0u8; 16];
    s[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    s[4..8].copy_from_slice(&addr);
    s
}

/// `struct in6_ifreq` (address, prefix length, ifindex) for SIOCSIFADDR,
/// SIOCDIFADDR and SIOCSIFDSTADDR on an AF_INET6 socket.
pub fn in6_ifreq(fd: &OwnedFd, req: u64, addr: &[u8; 16], prefixlen: u32, ifindex: i32) -> SysRes<()> {
    let mut b = [0u8; 24];
    b[..16].copy_from_slice(addr);
    b[16..20].copy_from_slice(&prefixlen.to_ne_bytes());
    b[20..24].copy_from_slice(&ifindex.to_ne_bytes());
    ioctl_bytes(fd, req, &mut b)
}

/// SIOCGIFCONF as net-tools' if_readconf() asks it: room for 30 entries,
/// doubled while the answer fills the buffer. Returns the names.
pub fn ifconf(fd: &OwnedFd) -> SysRes<Vec<Vec<u8>>> {
    let mut numreqs = 30usize;
    loop {
        let len = 40 * numreqs;
        let mut buf = vec![0u8; len];
        // struct ifconf { int ifc_len; (pad) ; char *ifc_buf; }
        let mut ifc = [0u8; 16];
        ifc[..4].copy_from_slice(&(len as i32).to_ne_bytes());
        ifc[8..16].copy_from_slice(&(buf.as_mut_ptr() as usize as u64).to_ne_bytes());
        // SAFETY: ifc points at buf, which stays alive and holds ifc_len
        // bytes; the kernel writes at most that many.
        let r = unsafe { libc::ioctl(fd.as_raw_fd(), SIOCGIFCONF as _, ifc.as_mut_ptr()) };
        if r < 0 {
            return Err(errno());
        }
        let got = i32::from_ne_bytes([ifc[0], ifc[1], ifc[2], ifc[3]]).max(0) as usize;
        if got == len {
            numreqs *= 2;
            continue;
        }
        let mut names = Vec::new();
        let mut off = 0;
        while off + 40 <= got.min(len) {
            let n = &buf[off..off + 16];
            let end = n.iter().position(|&c| c == 0).unwrap_or(16);
            names.push(n[..end].to_vec());
            off += 40;
        }
        return Ok(names);
    }
}

/// `struct rtentry` (IPv4 routes through SIOCADDRT/SIOCDELRT).
#[derive(Default, Clone)]
pub struct RtEntry {
    pub dst: [u8; 16],
    pub gateway: [u8; 16],
    pub genmask: [u8; 16],
    pub flags: u16,
    pub metric: i16,
    pub dev: Option<Vec<u8>>,
    pub mtu: u64,
    pub window: u64,
    pub irtt: u16,
}

/// ioctl(fd, SIOCADDRT/SIOCDELRT, &rtentry).
pub fn rtentry(fd: &OwnedFd, req: u64, rt: &RtEntry) -> SysRes<()> {
    let dev = match &rt.dev {
        Some(d) => {
            let end = d.iter().position(|&c| c == 0).unwrap_or(d.len());
            let mut v = d[..end].to_vec();
            v.push(0);
            Some(v)
        }
        None => None,
    };
    let mut b = [0u8; 120];
    b[8..24].copy_from_slice(&rt.dst);
    b[24..40].copy_from_slice(&rt.gateway);
    b[40..56].copy_from_slice(&rt.genmask);
    b[56..58].copy_from_slice(&rt.flags.to_ne_bytes());
    b[80..82].copy_from_slice(&rt.metric.to_ne_bytes());
    let p = dev.as_ref().map(|d| d.as_ptr() as usize as u64).unwrap_or(0);
    b[88..96].copy_from_slice(&p.to_ne_bytes());
    b[96..104].copy_from_slice(&rt.mtu.to_ne_bytes());
    b[104..112].copy_from_slice(&rt.window.to_ne_bytes());
    b[112..114].copy_from_slice(&rt.irtt.to_ne_bytes());
    // `dev` (the string rt_dev points to) lives until after the call.
    let r = ioctl_bytes(fd, req, &mut b);
    drop(dev);
    r
}

/// `struct in6_rtmsg` (IPv6 routes through SIOCADDRT/SIOCDELRT).
#[derive(Default, Clone)]
pub struct In6RtMsg {
    pub dst: [u8; 16],
    pub src: [u8; 16],
    pub gateway: [u8; 16],
    pub rtype: u32,
    pub dst_len: u16,
    pub src_len: u16,
    pub metric: u32,
    pub info: u64,
    pub flags: u32,
    pub ifindex: i32,
}

pub fn in6_rtmsg(fd: &OwnedFd, req: u64, rt: &In6RtMsg) -> SysRes<()> {
    let mut b = [0u8; 80];
    b[..16].copy_from_slice(&rt.dst);
    b[16..32].copy_from_slice(&rt.src);
    b[32..48].copy_from_slice(&rt.gateway);
    b[48..52].copy_from_slice(&rt.rtype.to_ne_bytes());
    b[52..54].copy_from_slice(&rt.dst_len.to_ne_bytes());
    b[54..56].copy_from_slice(&rt.src_len.to_ne_bytes());
    b[56..60].copy_from_slice(&rt.metric.to_ne_bytes());
    b[64..72].copy_from_slice(&rt.info.to_ne_bytes());
    b[72..76].copy_from_slice(&rt.flags.to_ne_bytes());
    b[76..80].copy_from_slice(&rt.ifindex.to_ne_bytes());
    ioctl_bytes(fd, req, &mut b)
}

/// ioctl(fd, req, &ifr) with ifr_name `name` (strlcpy to IFNAMSIZ) and
/// ifr_data pointing at `data`: the device-private ioctls of `ip tunnel`
/// (SIOCGETTUNNEL and its kin), whose struct the kernel reads from and
/// writes back into `data`.
pub fn ioctl_ifr_data(fd: &OwnedFd, req: u64, name: &[u8], data: &mut [u8]) -> SysRes<()> {
    let mut ifr = IfReq::new(name);
    let ptr = data.as_mut_ptr() as usize as u64;
    ifr.0[16..24].copy_from_slice(&ptr.to_ne_bytes());
    ioctl_bytes(fd, req, &mut ifr.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ifreq_name_is_truncated_and_terminated() {
        let r = IfReq::new(b"a-very-long-interface-name");
        assert_eq!(&r.0[..15], b"a-very-long-int");
        assert_eq!(r.0[15], 0);
        let mut r = IfReq::new(b"eth0");
        r.set_int(1500);
        assert_eq!(r.int(), 1500);
        r.set_short(-2);
        assert_eq!(r.short(), -2);
    }
}
