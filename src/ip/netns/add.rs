//! `ip netns add|attach|delete`: the namespace file under /run/netns is a
//! bind mount of an nsfs inode. Creation is atomic through O_EXCL: of two
//! concurrent adds of one name, exactly one creates the file; the other
//! fails before touching it. The one-time mount setup of the directory is
//! serialised with flock() (concurrent bind-onto-itself mounts would stack).

use super::{create_netns_dir, netns_foreach, ns_path};
use std::os::fd::OwnedFd;

use crate::ctx::Ctx;
use crate::eprintf;
use crate::error::{strerror, Exit, Res};
use crate::sys::{self, namespace::NETNS_RUN_DIR, CloneFlags, MntFlags, MsFlags, OFlag};

const SELF_NET: &str = "/proc/self/ns/net";

/// netns_add(): `add NAME` (create) or `attach NAME PID`.
pub fn netns_add(ctx: &mut Ctx, rest: &[String], create: bool) -> Res<i32> {
    let mut pid: i32 = 0;
    if create {
        if rest.is_empty() {
            eprintf!("No netns name specified\n");
            return Ok(1);
        }
    } else {
        let Some(p) = rest.get(1) else {
            eprintf!("No netns name and PID specified\n");
            return Ok(1);
        };
        match crate::args::num::get_s32(p, 0) {
            Some(n) if n != 0 => pid = n,
            _ => {
                eprintf!("Invalid PID: {}\n", p);
                return Ok(1);
            }
        }
    }
    let name = rest[0].as_str();
    let path = ns_path(name);

    if !create_netns_dir() {
        return Ok(1);
    }
    if !make_run_dir_shared() {
        return Ok(1);
    }

    // Create the filesystem state.
    match sys::open(&path, OFlag::O_RDONLY | OFlag::O_CREAT | OFlag::O_EXCL) {
        Ok(fd) => drop(fd),
        Err(e) => {
            eprintf!("Cannot create namespace file \"{}\": {}\n", path, strerror(e));
            return Ok(1);
        }
    }

    let proc_path;
    let mut saved: Option<OwnedFd> = None;
    if create {
        saved = Some(match sys::open(SELF_NET, OFlag::O_RDONLY | OFlag::O_CLOEXEC) {
            Ok(fd) => fd,
            Err(e) => {
                eprintf!("Cannot open init namespace: {}\n", strerror(e));
                return Err(Exit(1));
            }
        });
        if let Err(e) = sys::unshare(CloneFlags::CLONE_NEWNET) {
            eprintf!("Failed to create a new network namespace \"{}\": {}\n", name, strerror(e));
            return out_delete(ctx, rest, &path, saved, create);
        }
        proc_path = SELF_NET.to_string();
    } else {
        proc_path = format!("/proc/{}/ns/net", pid);
    }

    // Bind the netns last so watchers see a usable file.
    if let Err(e) = sys::mount(&proc_path, &path, "none", MsFlags::MS_BIND) {
        eprintf!("Bind {} -> {} failed: {}\n", proc_path, path, strerror(e));
        return out_delete(ctx, rest, &path, saved, create);
    }
    restore(saved)?;
    Ok(0)
}

/// netns_restore(): back to the namespace ip started in.
fn restore(saved: Option<OwnedFd>) -> Res<()> {
    if let Some(fd) = saved {
        if let Err(e) = sys::setns(&fd, CloneFlags::CLONE_NEWNET) {
            eprintf!("setns: {}\n", strerror(e));
            return Err(Exit(1));
        }
    }
    Ok(())
}

/// The failure path of netns_add(): an add removes the file as `delete`
/// does (with -all that is every namespace, as in iproute2); an attach
/// unlinks it.
fn out_delete(ctx: &mut Ctx, rest: &[String], path: &str, saved: Option<OwnedFd>, create: bool) -> Res<i32> {
    if create {
        restore(saved)?;
        netns_delete(ctx, rest)?;
    } else if let Err(e) = sys::unlink(path) {
        eprintf!("Cannot remove namespace file \"{}\": {}\n", path, strerror(e));
    }
    Ok(1)
}

/// Makes /run/netns a shared mount (so unmounting a namespace file in one
/// mount namespace unmounts it everywhere), turning the directory into a
/// mount point first if needed. Under an exclusive flock of the directory,
/// but it proceeds without the lock when flock fails.
fn make_run_dir_shared() -> bool {
    let dir = match sys::open(NETNS_RUN_DIR, OFlag::O_RDONLY | OFlag::O_DIRECTORY) {
        Ok(fd) => fd,
        Err(e) => {
            eprintf!("Cannot open netns runtime directory \"{}\": {}\n", NETNS_RUN_DIR, strerror(e));
            return false;
        }
    };
    // Held until the end of this function (dropping it unlocks).
    let _lock = match sys::flock_exclusive(dir) {
        Ok(l) => Some(l),
        Err(e) => {
            eprintf!("Warning: could not flock netns runtime directory \"{}\": {}\n", NETNS_RUN_DIR, strerror(e));
            None
        }
    };
    let mut made_mount = false;
    let ok = loop {
        match sys::mount("", NETNS_RUN_DIR, "none", MsFlags::MS_SHARED | MsFlags::MS_REC) {
            Ok(()) => break true,
            Err(e) if e != libc::EINVAL || made_mount => {
                eprintf!("mount --make-shared {} failed: {}\n", NETNS_RUN_DIR, strerror(e));
                break false;
            }
            Err(_) => {}
        }
        // Not a mount point yet: bind it onto itself and try again.
        if let Err(e) = sys::mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none", MsFlags::MS_BIND | MsFlags::MS_REC) {
            eprintf!("mount --bind {} {} failed: {}\n", NETNS_RUN_DIR, NETNS_RUN_DIR, strerror(e));
            break false;
        }
        made_mount = true;
    };
    ok
}

/// on_netns_del(): detach the mount, then remove the file.
fn del_one(name: &str) -> bool {
    let path = ns_path(name);
    let _ = sys::umount2(&path, MntFlags::MNT_DETACH);
    if let Err(e) = sys::unlink(&path) {
        eprintf!("Cannot remove namespace file \"{}\": {}\n", path, strerror(e));
        return false;
    }
    true
}

/// netns_delete(): NAME, or every namespace with -all (stopping at the
/// first failure, yet status 0 as netns_foreach() returns).
pub fn netns_delete(ctx: &mut Ctx, rest: &[String]) -> Res<i32> {
    if ctx.o.all {
        return netns_foreach(|name| Ok(!del_one(name)));
    }
    let Some(name) = rest.first() else {
        eprintf!("No netns name specified\n");
        return Ok(1);
    };
    Ok(if del_one(name) { 0 } else { 1 })
}
