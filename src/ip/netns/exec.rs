//! Entering a named namespace as lib/namespace.c does (for `ip -n NAME`
//! and `ip netns exec`), and lib/exec.c's cmd_exec().

use std::ffi::CString;

use super::netns_foreach;
use crate::ctx::Ctx;
use crate::eprintf;
use crate::error::{fail, strerror, Exit, Res};
use crate::sys::namespace::netns_switch;

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
    use nix::sys::wait::{waitpid, WaitStatus};
    use nix::unistd::ForkResult;
    let _ = ctx.p.flush();
    if fork {
        // unsafe: nix's fork() is unsafe (a child of a threaded process may
        // only make async-signal-safe calls); rip is single-threaded.
        match unsafe { nix::unistd::fork() } {
            Err(e) => return Err(fail(1, &format!("fork: {}\n", strerror(e as i32)))),
            Ok(ForkResult::Parent { child }) => {
                let status = loop {
                    match waitpid(child, None) {
                        Ok(st) => break st,
                        Err(nix::errno::Errno::EINTR) => continue,
                        Err(e) => return Err(fail(1, &format!("waitpid: {}\n", strerror(e as i32)))),
                    }
                };
                return match status {
                    WaitStatus::Exited(_, code) => Ok(code),
                    _ => Err(Exit(1)),
                };
            }
            Ok(ForkResult::Child) => {}
        }
    }
    if netns_switch(ns).is_err() {
        return Ok(-1);
    }
    let cargs = exec_args(argv);
    let e = match cargs.first() {
        Some(cmd) => match nix::unistd::execvp(cmd, &cargs) {
            Err(e) => e as i32,
            Ok(never) => match never {},
        },
        // No command word (only possible with words that are not C strings).
        None => libc::ENOENT,
    };
    eprintf!("exec of \"{}\" failed: {}\n", argv.first().map(|s| s.as_str()).unwrap_or(""), strerror(e));
    // unsafe: nix has no _exit(); exit without running atexit handlers or
    // flushing buffers a forked child shares with its parent, as ip does.
    unsafe { libc::_exit(1) }
}

/// The command's words as C strings: the bytes they stand for
/// (crate::args::bytes).
fn exec_args(argv: &[String]) -> Vec<CString> {
    argv.iter().filter_map(|a| CString::new(crate::args::bytes::unescape(a).into_owned()).ok()).collect()
}
