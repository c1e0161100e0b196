//! The system calls `ip netns` and `ip -n` make, through nix's safe
//! wrappers, returning the raw errno (callers print it with strerror(), in
//! iproute2's exact messages). Paths come from argv; one with an interior
//! NUL cannot be passed to the kernel and fails with EINVAL (nix's NixPath).

use std::os::fd::OwnedFd;

use nix::errno::Errno;
use nix::fcntl::{Flock, FlockArg};
use nix::sys::stat::Mode;

pub use nix::fcntl::OFlag;
pub use nix::mount::{MntFlags, MsFlags};
pub use nix::sched::CloneFlags;

pub mod bridge;
pub mod fnmatch;
pub mod ioctl;
pub mod namespace;

pub type SysRes<T> = Result<T, i32>;

/// C's time_t (the libc crate marks it deprecated on musl, where its width
/// is to follow musl 1.2's 64 bits; it is 64 bits on x86_64 either way).
#[allow(deprecated)]
pub type TimeT = libc::time_t;

static ARGS: std::sync::OnceLock<Vec<std::ffi::OsString>> = std::sync::OnceLock::new();

/// Keeps the process's own arguments (main's argv, as bytes): with
/// `no_main`, std::env::args_os() is empty on musl.
pub fn set_args(args: &[std::ffi::OsString]) {
    let _ = ARGS.set(args.to_vec());
}

/// The process's arguments as main received them (std's view when main did
/// not record them, as in tests).
pub fn args_os() -> Vec<std::ffi::OsString> {
    match ARGS.get() {
        Some(a) => a.clone(),
        None => std::env::args_os().collect(),
    }
}

fn en(e: Errno) -> i32 {
    e as i32
}

/// The bytes of a path given as text (crate::args::bytes): file names
/// from argv and directories are bytes, not always UTF-8.
fn b(path: &str) -> std::borrow::Cow<'_, [u8]> {
    crate::args::bytes::unescape(path)
}

/// open(2) with mode 0 (the only mode ip uses, with O_CREAT|O_EXCL).
pub fn open(path: &str, flags: OFlag) -> SysRes<OwnedFd> {
    nix::fcntl::open(&*b(path), flags, Mode::empty()).map_err(en)
}

pub fn mkdir(path: &str, mode: u32) -> SysRes<()> {
    nix::unistd::mkdir(&*b(path), Mode::from_bits_truncate(mode)).map_err(en)
}

pub fn unlink(path: &str) -> SysRes<()> {
    nix::unistd::unlink(&*b(path)).map_err(en)
}

/// An exclusive flock(2) on an open file, released when dropped.
pub struct Lock(Option<Flock<OwnedFd>>);

/// flock(fd, LOCK_EX). On failure the fd is closed.
pub fn flock_exclusive(fd: OwnedFd) -> SysRes<Lock> {
    Flock::lock(fd, FlockArg::LockExclusive).map(|f| Lock(Some(f))).map_err(|(_, e)| en(e))
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            // Flock's own Drop panics when LOCK_UN fails; unlock here and,
            // in that (unreachable in practice) case, leave the fd open:
            // the lock goes with the process.
            if let Err((f, _)) = f.unlock() {
                std::mem::forget(f);
            }
        }
    }
}

/// mount(2) without data; `src` "" is passed as "", as ip does.
pub fn mount(src: &str, target: &str, fstype: &str, flags: MsFlags) -> SysRes<()> {
    nix::mount::mount(Some(&*b(src)), &*b(target), Some(fstype), flags, None::<&str>).map_err(en)
}

pub fn umount2(target: &str, flags: MntFlags) -> SysRes<()> {
    nix::mount::umount2(&*b(target), flags).map_err(en)
}

pub fn setns(fd: &OwnedFd, nstype: CloneFlags) -> SysRes<()> {
    nix::sched::setns(fd, nstype).map_err(en)
}

pub fn unshare(flags: CloneFlags) -> SysRes<()> {
    nix::sched::unshare(flags).map_err(en)
}

/// (st_dev, st_ino) of an open fd.
pub fn fstat_id(fd: &OwnedFd) -> SysRes<(u64, u64)> {
    let st = nix::sys::stat::fstat(fd).map_err(en)?;
    Ok((st.st_dev, st.st_ino))
}

/// (st_dev, st_ino) of a path, symlinks followed (stat(2)).
pub fn stat_id(path: &str) -> SysRes<(u64, u64)> {
    let st = nix::sys::stat::stat(&*b(path)).map_err(en)?;
    Ok((st.st_dev, st.st_ino))
}

/// Whether statvfs() says the filesystem at `path` is read-only.
pub fn statvfs_rdonly(path: &str) -> Option<bool> {
    let sv = nix::sys::statvfs::statvfs(&*b(path)).ok()?;
    Some(sv.flags().contains(nix::sys::statvfs::FsFlags::ST_RDONLY))
}

/// A directory stream in readdir order, "." and ".." skipped, names as
/// text (crate::args::bytes). A read error ends the stream, as readdir()'s NULL does.
pub struct Dir(nix::dir::OwningIter);

impl Dir {
    /// opendir(3)'s open: read-only, a directory, close-on-exec.
    pub fn open(path: &str) -> SysRes<Dir> {
        let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC;
        nix::dir::Dir::open(&*b(path), flags, Mode::empty()).map(|d| Dir(d.into_iter())).map_err(en)
    }
}

impl Iterator for Dir {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        loop {
            let e = self.0.next()?.ok()?;
            let b = e.file_name().to_bytes();
            if b == b"." || b == b".." {
                continue;
            }
            return Some(crate::args::bytes::escape(b).into_owned());
        }
    }
}

/// gettimeofday(): (seconds, microseconds) since the epoch.
pub fn now() -> (TimeT, i64) {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    (d.as_secs() as TimeT, d.subsec_micros() as i64)
}

/// time(NULL).
pub fn unix_time() -> i64 {
    now().0
}

/// isatty(1): whether stdout is a terminal.
pub fn stdout_is_tty() -> bool {
    std::io::IsTerminal::is_terminal(&std::io::stdout())
}

/// isatty(0): whether stdin is a terminal.
pub fn stdin_is_tty() -> bool {
    std::io::IsTerminal::is_terminal(&std::io::stdin())
}

/// strftime(fmt, localtime(secs)); None when localtime() fails.
pub fn strftime_local(secs: i64, fmt: &str) -> Option<String> {
    let fmt = std::ffi::CString::new(fmt).ok()?;
    let t: TimeT = secs as TimeT;
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let mut buf = [0u8; 64];
    // SAFETY: plain libc calls on local buffers; strftime writes at most
    // buf.len() bytes and returns how many.
    let n = unsafe {
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, buf.len(), fmt.as_ptr(), &tm)
    };
    Some(String::from_utf8_lossy(&buf[..n]).into_owned())
}

/// asctime(localtime(secs)) without its newline.
pub fn asctime(secs: TimeT) -> String {
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: plain libc calls on local buffers (asctime_r needs 26 bytes).
    let s = unsafe {
        libc::localtime_r(&secs, &mut tm);
        let r = libc::asctime_r(&tm, buf.as_mut_ptr());
        if r.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(r).to_string_lossy().into_owned()
        }
    };
    s.trim_end_matches('\n').to_string()
}

/// glob(3) with GLOB_NOSORT: the matches in readdir order, or none when
/// the pattern matches nothing or glob fails (callers treat both alike).
pub fn glob_nosort(pattern: &str) -> Vec<String> {
    let Ok(c) = std::ffi::CString::new(pattern) else { return Vec::new() };
    // SAFETY: glob() fills a zeroed glob_t from a NUL-terminated pattern;
    // its paths are read while it lives and freed by globfree().
    let mut g: libc::glob_t = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::glob(c.as_ptr(), libc::GLOB_NOSORT, None, &mut g) };
    let mut out = Vec::new();
    if rc == 0 {
        for i in 0..g.gl_pathc {
            let p = unsafe { *g.gl_pathv.add(i) };
            if !p.is_null() {
                out.push(unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned());
            }
        }
    }
    unsafe { libc::globfree(&mut g) };
    out
}

/// The ioctls `ip tuntap` makes on /dev/net/tun (linux/if_tun.h).
pub mod tun {
    use std::os::fd::{AsRawFd, OwnedFd};

    pub const TUNSETIFF: libc::c_ulong = 0x400454ca;
    pub const TUNSETPERSIST: libc::c_ulong = 0x400454cb;
    pub const TUNSETOWNER: libc::c_ulong = 0x400454cc;
    pub const TUNSETGROUP: libc::c_ulong = 0x400454ce;

    /// ioctl(fd, TUNSETIFF, &ifr) with a struct ifreq of this name (up to
    /// IFNAMSIZ bytes, NUL-padded) and ifr_flags.
    pub fn set_iff(fd: &OwnedFd, name: &[u8; 16], flags: u16) -> Result<(), i32> {
        let mut ifr = [0u8; 40];
        ifr[..16].copy_from_slice(name);
        ifr[16..18].copy_from_slice(&flags.to_ne_bytes());
        // SAFETY: TUNSETIFF reads and writes a struct ifreq (40 bytes).
        let r = unsafe { libc::ioctl(fd.as_raw_fd(), TUNSETIFF as libc::Ioctl, ifr.as_mut_ptr()) };
        if r != 0 {
            return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO));
        }
        Ok(())
    }

    /// ioctl(fd, req, value) for the requests that take their argument by
    /// value (TUNSETPERSIST, TUNSETOWNER, TUNSETGROUP).
    pub fn set(fd: &OwnedFd, req: libc::c_ulong, value: libc::c_ulong) -> Result<(), i32> {
        // SAFETY: these requests read their argument as an integer.
        let r = unsafe { libc::ioctl(fd.as_raw_fd(), req as libc::Ioctl, value) };
        if r != 0 {
            return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO));
        }
        Ok(())
    }
}

/// socket(family, SOCK_DGRAM, 0): a socket for interface ioctls.
pub fn dgram_socket(family: i32) -> SysRes<OwnedFd> {
    // SAFETY: socket() returns a new descriptor or -1; a new descriptor is
    // owned by nobody else.
    let fd = unsafe { libc::socket(family, libc::SOCK_DGRAM, 0) };
    if fd < 0 {
        return Err(Errno::last_raw());
    }
    Ok(unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) })
}

/// ioctl(fd, req, &ifr) on a struct ifreq (40 bytes).
pub fn ioctl_ifreq(fd: &OwnedFd, req: libc::c_ulong, ifr: &mut [u8; 40]) -> SysRes<()> {
    // SAFETY: the interface ioctls read and write one struct ifreq.
    let r = unsafe { libc::ioctl(std::os::fd::AsRawFd::as_raw_fd(fd), req as libc::Ioctl, ifr.as_mut_ptr()) };
    if r != 0 {
        return Err(Errno::last_raw());
    }
    Ok(())
}

/// glibc 2.36's getpass() as rip's own code (musl's gives up without a
/// /dev/tty and prints no prompt): the prompt and the reply on /dev/tty,
/// else the prompt on stderr and the reply from stdin; echo and signals
/// off while a terminal reads; the line without its newline (a newline is
/// then written where the terminal did not echo one). The reply is read as
/// stdio reads it, in blocks, so what follows the line in a pipe is
/// consumed as glibc's buffered stdin consumes it. An empty reply at end of
/// file. None never happens (glibc returns NULL only without memory).
pub fn getpass(prompt: &str) -> Option<Vec<u8>> {
    // fopen("/dev/tty", "w+ce").
    // SAFETY: a NUL-terminated literal path; the fd is closed below.
    let tty = unsafe {
        libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC, 0o666)
    };
    let (inp, out) = if tty >= 0 { (tty, tty) } else { (0, 2) };
    // SAFETY: termios structs on the stack, filled by tcgetattr.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    let mut changed = false;
    if unsafe { libc::tcgetattr(inp, &mut saved) } == 0 {
        let mut t = saved;
        t.c_lflag &= !(libc::ECHO | libc::ISIG);
        // SAFETY: as above.
        changed = unsafe { libc::tcsetattr(inp, libc::TCSAFLUSH, &t) } == 0;
    }
    write_all(out, prompt.as_bytes());
    let mut line = Vec::new();
    let mut buf = [0u8; 4096];
    let mut nl = false;
    loop {
        // SAFETY: reads into a local buffer of its length.
        let n = unsafe { libc::read(inp, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        if n <= 0 {
            break;
        }
        let got = &buf[..n as usize];
        if let Some(i) = got.iter().position(|&c| c == b'\n') {
            line.extend_from_slice(&got[..i]);
            nl = true;
            break;
        }
        line.extend_from_slice(got);
    }
    if nl && changed {
        write_all(out, b"\n");
    }
    if changed {
        // SAFETY: restores the settings read above.
        unsafe { libc::tcsetattr(inp, libc::TCSAFLUSH, &saved) };
    }
    if tty >= 0 {
        // SAFETY: closes the fd opened above.
        unsafe { libc::close(tty) };
    }
    // The buffer is a C string: it ends at its first NUL.
    if let Some(z) = line.iter().position(|&c| c == 0) {
        line.truncate(z);
    }
    Some(line)
}

/// write(2) of all of `b` to `fd` (errors ignored, as stdio's are here).
fn write_all(fd: i32, mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: writes from a live slice of its length.
        let n = unsafe { libc::write(fd, b.as_ptr() as *const libc::c_void, b.len()) };
        if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        if n <= 0 {
            return;
        }
        b = &b[n as usize..];
    }
}
