//! The bridge ioctls bridge-utils' libbridge makes, on one AF_UNIX stream
//! socket (br_init()): SIOCBRADDBR/SIOCBRDELBR with a name,
//! SIOCBRADDIF/SIOCBRDELIF with an ifindex, the "old" SIOCSIFBR/SIOCGIFBR
//! and SIOCDEVPRIVATE calls with an array of unsigned longs (a BRCTL_*
//! command and its arguments), and glibc's if_nametoindex/if_indextoname.
//! Every call returns the raw errno on failure; callers decide the message.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use super::SysRes;

pub const SIOCGIFBR: libc::c_ulong = 0x8940;
pub const SIOCSIFBR: libc::c_ulong = 0x8941;
pub const SIOCBRADDBR: libc::c_ulong = 0x89a0;
pub const SIOCBRDELBR: libc::c_ulong = 0x89a1;
pub const SIOCBRADDIF: libc::c_ulong = 0x89a2;
pub const SIOCBRDELIF: libc::c_ulong = 0x89a3;
pub const SIOCDEVPRIVATE: libc::c_ulong = 0x89f0;

// linux/if_bridge.h
pub const BRCTL_GET_BRIDGES: libc::c_ulong = 1;
pub const BRCTL_ADD_BRIDGE: libc::c_ulong = 2;
pub const BRCTL_DEL_BRIDGE: libc::c_ulong = 3;
pub const BRCTL_ADD_IF: libc::c_ulong = 4;
pub const BRCTL_DEL_IF: libc::c_ulong = 5;
pub const BRCTL_GET_BRIDGE_INFO: libc::c_ulong = 6;
pub const BRCTL_GET_PORT_LIST: libc::c_ulong = 7;
pub const BRCTL_SET_BRIDGE_FORWARD_DELAY: libc::c_ulong = 8;
pub const BRCTL_SET_BRIDGE_HELLO_TIME: libc::c_ulong = 9;
pub const BRCTL_SET_BRIDGE_MAX_AGE: libc::c_ulong = 10;
pub const BRCTL_SET_AGEING_TIME: libc::c_ulong = 11;
pub const BRCTL_GET_PORT_INFO: libc::c_ulong = 13;
pub const BRCTL_SET_BRIDGE_STP_STATE: libc::c_ulong = 14;
pub const BRCTL_SET_BRIDGE_PRIORITY: libc::c_ulong = 15;
pub const BRCTL_SET_PORT_PRIORITY: libc::c_ulong = 16;
pub const BRCTL_SET_PATH_COST: libc::c_ulong = 17;
pub const BRCTL_GET_FDB_ENTRIES: libc::c_ulong = 18;

pub const IFNAMSIZ: usize = 16;

/// struct ifreq: the name, then a 24-byte union (ifindex or a pointer).
#[repr(C)]
struct IfReq {
    name: [u8; IFNAMSIZ],
    data: [u64; 3],
}

/// strlcpy(buf, name, IFNAMSIZ): at most 15 bytes and a NUL.
fn ifname(name: &[u8]) -> [u8; IFNAMSIZ] {
    let mut b = [0u8; IFNAMSIZ];
    let n = name.iter().position(|&c| c == 0).unwrap_or(name.len()).min(IFNAMSIZ - 1);
    b[..n].copy_from_slice(&name[..n]);
    b
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// The control socket of br_init(): socket(AF_LOCAL, SOCK_STREAM, 0).
pub struct BrSock(OwnedFd);

impl BrSock {
    pub fn open() -> SysRes<BrSock> {
        // SAFETY: socket(2) takes no pointers; the fd is owned from here.
        let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM, 0) };
        if fd < 0 {
            return Err(errno());
        }
        Ok(BrSock(unsafe { OwnedFd::from_raw_fd(fd) }))
    }

    /// ioctl(fd, req, ptr): the return value, or errno.
    fn ioctl(&self, req: libc::c_ulong, ptr: *mut libc::c_void) -> SysRes<i32> {
        // SAFETY: every caller passes a pointer to a live buffer at least as
        // large as the kernel reads or writes for `req`.
        let r = unsafe { libc::ioctl(self.0.as_raw_fd(), req as libc::Ioctl, ptr) };
        if r < 0 {
            Err(errno())
        } else {
            Ok(r)
        }
    }

    /// SIOCBRADDBR / SIOCBRDELBR: the argument is the name itself (the
    /// kernel reads IFNAMSIZ - 1 bytes of it).
    pub fn name_ioctl(&self, req: libc::c_ulong, name: &[u8]) -> SysRes<()> {
        let mut b = ifname(name);
        self.ioctl(req, b.as_mut_ptr() as *mut libc::c_void).map(|_| ())
    }

    /// SIOCSIFBR / SIOCGIFBR with { cmd, arg1, arg2 }.
    pub fn sifbr(&self, req: libc::c_ulong, args: &mut [libc::c_ulong; 3]) -> SysRes<i32> {
        self.ioctl(req, args.as_mut_ptr() as *mut libc::c_void)
    }

    /// SIOCSIFBR with BRCTL_ADD_BRIDGE/BRCTL_DEL_BRIDGE: { cmd, &name, 0 }.
    pub fn sifbr_name(&self, cmd: libc::c_ulong, name: &[u8]) -> SysRes<()> {
        let mut b = ifname(name);
        let mut args = [cmd, b.as_mut_ptr() as libc::c_ulong, 0];
        self.sifbr(SIOCSIFBR, &mut args).map(|_| ())
    }

    /// SIOCBRADDIF / SIOCBRDELIF: the bridge's name and the port's ifindex.
    pub fn ifindex_ioctl(&self, req: libc::c_ulong, bridge: &[u8], ifindex: u32) -> SysRes<()> {
        let mut r = IfReq { name: ifname(bridge), data: [ifindex as u64, 0, 0] };
        self.ioctl(req, &mut r as *mut IfReq as *mut libc::c_void).map(|_| ())
    }

    /// SIOCDEVPRIVATE on `dev` with ifr_data pointing at { cmd, a, b, c }.
    pub fn devprivate(&self, dev: &[u8], args: &mut [libc::c_ulong; 4]) -> SysRes<i32> {
        let mut r = IfReq { name: ifname(dev), data: [args.as_mut_ptr() as u64, 0, 0] };
        self.ioctl(SIOCDEVPRIVATE, &mut r as *mut IfReq as *mut libc::c_void)
    }

    /// SIOCDEVPRIVATE with a command whose second word points at `buf`.
    pub fn devprivate_buf<T>(&self, dev: &[u8], cmd: libc::c_ulong, buf: &mut [T], a2: u64, a3: u64) -> SysRes<i32> {
        let mut args = [cmd, buf.as_mut_ptr() as libc::c_ulong, a2 as libc::c_ulong, a3 as libc::c_ulong];
        self.devprivate(dev, &mut args)
    }

    /// SIOCGIFBR BRCTL_GET_BRIDGES: the ifindexes of the bridges.
    pub fn get_bridges(&self, max: usize) -> SysRes<Vec<i32>> {
        let mut idx = vec![0i32; max];
        let mut args = [BRCTL_GET_BRIDGES, idx.as_mut_ptr() as libc::c_ulong, max as libc::c_ulong];
        let n = self.sifbr(SIOCGIFBR, &mut args)?;
        idx.truncate((n.max(0) as usize).min(max));
        Ok(idx)
    }
}

/// glibc's if_nametoindex(): 0 and errno when there is no such device.
pub fn if_nametoindex(name: &[u8]) -> Result<u32, i32> {
    let Ok(c) = std::ffi::CString::new(name) else { return Err(libc::ENODEV) };
    // SAFETY: a NUL-terminated string.
    let r = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if r == 0 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// glibc's if_indextoname().
pub fn if_indextoname(index: u32) -> Result<Vec<u8>, i32> {
    let mut buf = [0 as libc::c_char; IFNAMSIZ];
    // SAFETY: the buffer holds IFNAMSIZ bytes, as the function requires.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(errno());
    }
    let b: Vec<u8> = buf.iter().map(|&c| c as u8).take_while(|&c| c != 0).collect();
    Ok(b)
}

/// open(path, O_WRONLY) and one write(2) of `data` (set_sysfs()).
pub fn write_file(path: &[u8], data: &[u8]) -> SysRes<()> {
    use std::io::Write;
    use std::os::unix::ffi::OsStrExt;
    let p = std::ffi::OsStr::from_bytes(path);
    let mut f = std::fs::OpenOptions::new().write(true).open(p).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
    f.write(data).map(|_| ()).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))
}
