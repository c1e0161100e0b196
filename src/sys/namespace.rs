//! Entering a named network namespace as iproute2's lib/namespace.c does
//! (`ip -n NAME`, `bridge -n NAME`, `ip netns exec`).

use crate::eprintf;
use crate::error::{fail, strerror, Res};
use crate::sys::{self, CloneFlags, MntFlags, MsFlags, OFlag};

/// The Debian build's run directory (its messages say /run/netns).
pub const NETNS_RUN_DIR: &str = "/run/netns";
pub const NETNS_ETC_DIR: &str = "/etc/netns";

/// NAME_MAX of linux/limits.h.
pub const NAME_MAX: usize = 255;

/// netns_switch(): enter /run/netns/NAME (for `ip -n NAME`), with a private
/// mount namespace, /sys remounted and the /etc/netns/NAME bind mounts.
/// Errors are printed; the caller gets Exit(255) (ip's `exit(-1)`).
pub fn netns_switch(name: &str) -> Res<()> {
    let path = format!("{}/{}", NETNS_RUN_DIR, name);
    let fd = match sys::open(&path, OFlag::O_RDONLY | OFlag::O_CLOEXEC) {
        Ok(fd) => fd,
        Err(e) => {
            return Err(fail(255, &format!("Cannot open network namespace \"{}\": {}\n", name, strerror(e))));
        }
    };
    if let Err(e) = sys::setns(&fd, CloneFlags::CLONE_NEWNET) {
        return Err(fail(255, &format!("setting the network namespace \"{}\" failed: {}\n", name, strerror(e))));
    }
    drop(fd);
    if let Err(e) = sys::unshare(CloneFlags::CLONE_NEWNS) {
        return Err(fail(255, &format!("unshare failed: {}\n", strerror(e))));
    }
    // Don't let any mounts propagate back to the parent.
    if let Err(e) = sys::mount("", "/", "none", MsFlags::MS_SLAVE | MsFlags::MS_REC) {
        return Err(fail(255, &format!("\"mount --make-rslave /\" failed: {}\n", strerror(e))));
    }
    // A /sys that describes the new namespace. If the old one cannot be
    // unmounted it is overlaid, read-only if it was (a read-only sysfs
    // cannot be shadowed by a writable one).
    let mut flags = MsFlags::empty();
    if sys::umount2("/sys", MntFlags::MNT_DETACH).is_err() && sys::statvfs_rdonly("/sys") == Some(true) {
        flags = MsFlags::MS_RDONLY;
    }
    if let Err(e) = sys::mount(name, "/sys", "sysfs", flags) {
        return Err(fail(255, &format!("mount of /sys failed: {}\n", strerror(e))));
    }
    bind_etc(name);
    Ok(())
}

/// bind_etc(): every /etc/netns/NAME/X is bind-mounted over /etc/X; a
/// failure is only reported.
fn bind_etc(name: &str) {
    if name.len() >= NAME_MAX {
        return;
    }
    let dir_path = format!("{}/{}", NETNS_ETC_DIR, name);
    let Ok(dir) = sys::Dir::open(&dir_path) else { return };
    for entry in dir {
        let src = format!("{}/{}", dir_path, entry);
        let dst = format!("/etc/{}", entry);
        if let Err(e) = sys::mount(&src, &dst, "none", MsFlags::MS_BIND) {
            eprintf!("Bind {} -> {} failed: {}\n", src, dst, strerror(e));
        }
    }
}

/// netns_identify_pid(): the last name in readdir order whose file is the
/// same nsfs inode as /proc/PID/ns/net ("" when none). None on error.
pub fn identify_pid(pidstr: &str) -> Option<String> {
    let ns = match sys::open(&format!("/proc/{}/ns/net", pidstr), OFlag::O_RDONLY) {
        Ok(fd) => fd,
        Err(e) => {
            eprintf!("Cannot open network namespace: {}\n", crate::error::strerror(e));
            return None;
        }
    };
    let id = match sys::fstat_id(&ns) {
        Ok(id) => id,
        Err(e) => {
            eprintf!("Stat of netns failed: {}\n", crate::error::strerror(e));
            return None;
        }
    };
    let dir = match sys::Dir::open(NETNS_RUN_DIR) {
        Ok(d) => d,
        Err(libc::ENOENT) => return Some(String::new()),
        Err(e) => {
            eprintf!("Failed to open directory {}:{}\n", NETNS_RUN_DIR, crate::error::strerror(e));
            return None;
        }
    };
    let mut found = String::new();
    for name in dir {
        if sys::stat_id(&format!("{}/{}", NETNS_RUN_DIR, name)) == Ok(id) {
            found = name;
        }
    }
    Some(found)
}
