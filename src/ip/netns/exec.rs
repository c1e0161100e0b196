//! Entering a named namespace as lib/namespace.c does (for `ip -n NAME`
//! and `ip netns exec`), and lib/exec.c's cmd_exec().

use std::ffi::CString;

use super::{netns_foreach, sys, NETNS_ETC_DIR, NETNS_RUN_DIR, NAME_MAX};
use crate::error::{fail, strerror, Exit, Res};
use crate::eprintf;
use crate::ip::Ctx;

/// netns_switch(): enter /run/netns/NAME (for `ip -n NAME`), with a private
/// mount namespace, /sys remounted and the /etc/netns/NAME bind mounts.
/// Errors are printed; the caller gets Exit(255) (ip's `exit(-1)`).
pub fn netns_switch(name: &str) -> Res<()> {
    let path = format!("{}/{}", NETNS_RUN_DIR, name);
    let fd = match sys::open(&path, libc::O_RDONLY | libc::O_CLOEXEC, 0) {
        Ok(fd) => fd,
        Err(e) => {
            return Err(fail(255, &format!("Cannot open network namespace \"{}\": {}\n", name, strerror(e))));
        }
    };
    if let Err(e) = sys::setns(&fd, libc::CLONE_NEWNET) {
        return Err(fail(255, &format!("setting the network namespace \"{}\" failed: {}\n", name, strerror(e))));
    }
    drop(fd);
    if let Err(e) = sys::unshare(libc::CLONE_NEWNS) {
        return Err(fail(255, &format!("unshare failed: {}\n", strerror(e))));
    }
    // Don't let any mounts propagate back to the parent.
    if let Err(e) = sys::mount("", "/", "none", libc::MS_SLAVE | libc::MS_REC) {
        return Err(fail(255, &format!("\"mount --make-rslave /\" failed: {}\n", strerror(e))));
    }
    // A /sys that describes the new namespace. If the old one cannot be
    // unmounted it is overlaid, read-only if it was (a read-only sysfs
    // cannot be shadowed by a writable one).
    let mut flags: libc::c_ulong = 0;
    if sys::umount2("/sys", libc::MNT_DETACH).is_err() && sys::statvfs_rdonly("/sys") == Some(true) {
        flags = libc::MS_RDONLY;
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
        if let Err(e) = sys::mount(&src, &dst, "none", libc::MS_BIND) {
            eprintf!("Bind {} -> {} failed: {}\n", src, dst, strerror(e));
        }
    }
}

/// netns_exec(): `[NAME] cmd ...`.
pub fn netns_exec(ctx: &mut Ctx, rest: &[String]) -> Res<i32> {
    let all = ctx.o.all;
    if rest.is_empty() && !all {
        eprintf!("No netns name specified\n");
        return Ok(1);
    }
    if (rest.len() < 2 && !all) || (rest.is_empty() && all) {
        eprintf!("No command specified\n");
        return Ok(1);
    }
    if all {
        // Children's statuses are ignored; every namespace is visited.
        return netns_foreach(|name| {
            ctx.p.raw(format!("\nnetns: {}\n", name).as_bytes());
            cmd_exec(ctx, rest, true, name)?;
            Ok(false)
        });
    }
    // The command's own status becomes ip's (-1, i.e. 255, when entering
    // the namespace failed).
    cmd_exec(ctx, &rest[1..], ctx.o.batch_mode, &rest[0])
}

/// cmd_exec(): enter the namespace and execvp the command, in a child when
/// `fork` (then the child's exit status is returned; a child killed by a
/// signal makes ip exit 1). When entering fails the process goes on with
/// -1, as the C function returns: in a forked child too.
fn cmd_exec(ctx: &mut Ctx, argv: &[String], fork: bool, ns: &str) -> Res<i32> {
    let _ = ctx.p.flush();
    if fork {
        let pid = unsafe { libc::fork() };
        if pid < 0 {
            return Err(fail(1, &format!("fork: {}\n", strerror(sys::errno()))));
        }
        if pid != 0 {
            let mut status: libc::c_int = 0;
            loop {
                if unsafe { libc::waitpid(pid, &mut status, 0) } >= 0 {
                    break;
                }
                let e = sys::errno();
                if e != libc::EINTR {
                    return Err(fail(1, &format!("waitpid: {}\n", strerror(e))));
                }
            }
            if libc::WIFEXITED(status) {
                return Ok(libc::WEXITSTATUS(status));
            }
            return Err(Exit(1));
        }
    }
    if netns_switch(ns).is_err() {
        return Ok(-1);
    }
    let cargs: Vec<CString> = argv.iter().filter_map(|a| CString::new(a.as_bytes()).ok()).collect();
    let mut ptrs: Vec<*const libc::c_char> = cargs.iter().map(|c| c.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    if let Some(cmd) = cargs.first() {
        unsafe { libc::execvp(cmd.as_ptr(), ptrs.as_ptr()) };
    }
    let e = sys::errno();
    eprintf!("exec of \"{}\" failed: {}\n", argv.first().map(|s| s.as_str()).unwrap_or(""), strerror(e));
    unsafe { libc::_exit(1) }
}
