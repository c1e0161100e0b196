//! Thin wrappers over the system calls `ip netns` makes, returning errno.
//! Paths come from argv; one with an interior NUL cannot be passed to the
//! kernel, so it fails as the C string it would have been cut to cannot.

use std::ffi::CString;

pub type SysRes<T> = Result<T, i32>;

pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

pub fn cstr(s: &str) -> SysRes<CString> {
    CString::new(s).map_err(|_| libc::EINVAL)
}

fn check(r: libc::c_int) -> SysRes<libc::c_int> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// An owned fd, closed on drop.
pub struct Fd(pub libc::c_int);

impl Drop for Fd {
    fn drop(&mut self) {
        if self.0 >= 0 {
            unsafe { libc::close(self.0) };
        }
    }
}

pub fn open(path: &str, flags: libc::c_int, mode: libc::mode_t) -> SysRes<Fd> {
    let p = cstr(path)?;
    check(unsafe { libc::open(p.as_ptr(), flags, mode as libc::c_uint) }).map(Fd)
}

pub fn mkdir(path: &str, mode: libc::mode_t) -> SysRes<()> {
    let p = cstr(path)?;
    check(unsafe { libc::mkdir(p.as_ptr(), mode) }).map(|_| ())
}

pub fn unlink(path: &str) -> SysRes<()> {
    let p = cstr(path)?;
    check(unsafe { libc::unlink(p.as_ptr()) }).map(|_| ())
}

pub fn flock(fd: &Fd, op: libc::c_int) -> SysRes<()> {
    check(unsafe { libc::flock(fd.0, op) }).map(|_| ())
}

/// mount(2) without data.
pub fn mount(src: &str, target: &str, fstype: &str, flags: libc::c_ulong) -> SysRes<()> {
    let s = cstr(src)?;
    let t = cstr(target)?;
    let f = cstr(fstype)?;
    check(unsafe { libc::mount(s.as_ptr(), t.as_ptr(), f.as_ptr(), flags, std::ptr::null()) }).map(|_| ())
}

pub fn umount2(target: &str, flags: libc::c_int) -> SysRes<()> {
    let t = cstr(target)?;
    check(unsafe { libc::umount2(t.as_ptr(), flags) }).map(|_| ())
}

pub fn setns(fd: &Fd, nstype: libc::c_int) -> SysRes<()> {
    check(unsafe { libc::setns(fd.0, nstype) }).map(|_| ())
}

pub fn unshare(flags: libc::c_int) -> SysRes<()> {
    check(unsafe { libc::unshare(flags) }).map(|_| ())
}

/// (st_dev, st_ino) of an open fd.
pub fn fstat_id(fd: &Fd) -> SysRes<(u64, u64)> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    check(unsafe { libc::fstat(fd.0, &mut st) })?;
    Ok((st.st_dev, st.st_ino))
}

/// (st_dev, st_ino) of a path, symlinks followed (stat(2)).
pub fn stat_id(path: &str) -> SysRes<(u64, u64)> {
    let p = cstr(path)?;
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    check(unsafe { libc::stat(p.as_ptr(), &mut st) })?;
    Ok((st.st_dev, st.st_ino))
}

/// Whether statvfs() says the filesystem at `path` is read-only.
pub fn statvfs_rdonly(path: &str) -> Option<bool> {
    let p = cstr(path).ok()?;
    let mut sv: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(p.as_ptr(), &mut sv) } != 0 {
        return None;
    }
    Some(sv.f_flag & libc::ST_RDONLY != 0)
}

/// A directory stream in readdir order, "." and ".." skipped, as bytes.
pub struct Dir(*mut libc::DIR);

impl Dir {
    pub fn open(path: &str) -> SysRes<Dir> {
        let p = cstr(path)?;
        let d = unsafe { libc::opendir(p.as_ptr()) };
        if d.is_null() {
            Err(errno())
        } else {
            Ok(Dir(d))
        }
    }
}

impl Iterator for Dir {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        loop {
            let e = unsafe { libc::readdir(self.0) };
            if e.is_null() {
                return None;
            }
            let name = unsafe { std::ffi::CStr::from_ptr((*e).d_name.as_ptr()) };
            let b = name.to_bytes();
            if b == b"." || b == b".." {
                continue;
            }
            return Some(String::from_utf8_lossy(b).into_owned());
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        unsafe { libc::closedir(self.0) };
    }
}
pub mod namespace;

/// gettimeofday(): (seconds, microseconds).
pub fn now() -> (libc::time_t, i64) {
    let mut tv = libc::timeval { tv_sec: 0, tv_usec: 0 };
    // SAFETY: gettimeofday fills a local.
    unsafe { libc::gettimeofday(&mut tv, std::ptr::null_mut()) };
    (tv.tv_sec, tv.tv_usec as i64)
}

/// asctime(localtime(secs)) without its newline.
pub fn asctime(secs: libc::time_t) -> String {
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
