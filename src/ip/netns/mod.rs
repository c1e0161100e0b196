//! `ip netns` (ip/ipnetns.c, lib/namespace.c, 6.1.0). Owned by issue 7.
//!
//! Return values follow ip's do_cmd(): a C handler's `-1` is exit status 1,
//! `-2` (a kernel error, already printed) is 2; usage and invalid names are
//! `exit(-1)`, i.e. `Err(Exit(255))`.

mod add;
mod exec;
pub mod nsid;

use crate::args::keywords::{exact, kw, List, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::eprintf;
use crate::error::{fail, Res};
use crate::print::T;

pub use nsid::print_nsid;

use crate::sys::{
    self,
    namespace::{NAME_MAX, NETNS_RUN_DIR},
    OFlag,
};

const USAGE: &str = "Usage:\tip netns list
\tip netns add NAME
\tip netns attach NAME PID
\tip netns set NAME NETNSID
\tip [-all] netns delete [NAME]
\tip netns identify [PID]
\tip netns pids NAME
\tip [-all] netns exec [NAME] cmd ...
\tip netns monitor
\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
NETNSID := auto | POSITIVE-INT
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    List,
    ListId,
    Help,
    Add,
    Set,
    Delete,
    Identify,
    Pids,
    Exec,
    Monitor,
    Attach,
}

/// do_netns()'s command chain, in ip/ipnetns.c's order: all prefixes, so
/// `ip netns l` is list and `ip netns s` is show (= list), not set.
static COMMANDS: Table<Cmd> = Table::new(
    "ip netns",
    &[
        kw("list", Cmd::List),
        kw("show", Cmd::List),
        kw("lst", Cmd::List),
        kw("list-id", Cmd::ListId),
        kw("help", Cmd::Help),
        kw("add", Cmd::Add),
        kw("set", Cmd::Set),
        kw("delete", Cmd::Delete),
        kw("identify", Cmd::Identify),
        kw("pids", Cmd::Pids),
        kw("exec", Cmd::Exec),
        kw("monitor", Cmd::Monitor),
        kw("attach", Cmd::Attach),
    ],
);

/// netns_list_id()'s options: compared with strcmp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListIdOpt {
    TargetNsid,
    Nsid,
}

pub(crate) static LIST_ID: Table<ListIdOpt> =
    Table::new("ip netns list-id", &[exact("target-nsid", ListIdOpt::TargetNsid), exact("nsid", ListIdOpt::Nsid)]);

/// netns_set()'s NETNSID: a number or the word `auto` (strcmp).
static SET: List = List { path: "ip netns set", words: &["auto"] };

/// `ip netns`'s tables, command table first (completions, man page).
pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &LIST_ID, &SET];

fn usage() -> crate::error::Exit {
    fail(255, USAGE)
}

/// invalid_name(): empty, longer than NAME_MAX, a '/', "." or "..".
fn invalid_name(name: &str) -> bool {
    name.is_empty() || name.len() > NAME_MAX || name.contains('/') || name == "." || name == ".."
}

/// The path of a named namespace file.
fn ns_path(name: &str) -> String {
    let mut s = String::with_capacity(NETNS_RUN_DIR.len() + 1 + name.len());
    s.push_str(NETNS_RUN_DIR);
    s.push('/');
    s.push_str(name);
    s
}

pub fn do_netns(ctx: &mut Ctx, args: Args) -> Res<i32> {
    let words: Vec<String> = args.rest().to_vec();
    let Some(cmd) = words.first() else {
        nsid::map_init(ctx)?;
        return netns_list(ctx);
    };
    if !ctx.o.all && words.len() > 1 && invalid_name(&words[1]) {
        return Err(fail(255, &format!("Invalid netns name \"{}\"\n", words[1])));
    }
    let cmd = cmd.as_str();
    let rest = &words[1..];
    match COMMANDS.find(cmd) {
        Some(Cmd::List) => {
            nsid::map_init(ctx)?;
            netns_list(ctx)
        }
        Some(Cmd::ListId) => {
            nsid::map_init(ctx)?;
            nsid::netns_list_id(ctx, rest)
        }
        Some(Cmd::Help) => Err(usage()),
        Some(Cmd::Add) => add::netns_add(ctx, rest, true),
        Some(Cmd::Set) => nsid::netns_set(ctx, rest),
        Some(Cmd::Delete) => add::netns_delete(ctx, rest),
        Some(Cmd::Identify) => netns_identify(ctx, rest),
        Some(Cmd::Pids) => netns_pids(ctx, rest),
        Some(Cmd::Exec) => exec::netns_exec(ctx, rest),
        Some(Cmd::Monitor) => netns_monitor(ctx),
        Some(Cmd::Attach) => add::netns_add(ctx, rest, false),
        None => Err(crate::error::unknown_command(cmd, "ip netns")),
    }
}

/// netns_list(): the run directory in readdir order; nothing at all (not
/// even JSON brackets) when it does not exist.
fn netns_list(ctx: &mut Ctx) -> Res<i32> {
    let Ok(dir) = sys::Dir::open(NETNS_RUN_DIR) else { return Ok(0) };
    ctx.p.new_json_obj();
    for name in dir {
        ctx.p.open_object(None);
        ctx.p.string(T::Any, "name", "{}", &name);
        let id = nsid::get_netnsid_from_name(ctx, &name)?;
        if id >= 0 {
            ctx.p.int(T::Any, "id", " (id: {})", id as i64);
        }
        ctx.p.fp("\n");
        ctx.p.close_object();
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// netns_foreach(): calls `f` for each name until it returns true (stop).
/// A missing directory is empty; another opendir error is -1.
fn netns_foreach(mut f: impl FnMut(&str) -> Res<bool>) -> Res<i32> {
    let dir = match sys::Dir::open(NETNS_RUN_DIR) {
        Ok(d) => d,
        Err(libc::ENOENT) => return Ok(0),
        Err(e) => {
            eprintf!("Failed to open directory {}: {}\n", NETNS_RUN_DIR, crate::error::strerror(e));
            return Ok(1);
        }
    };
    for name in dir {
        if f(&name)? {
            break;
        }
    }
    Ok(0)
}

/// is_pid(): only digits (an empty string counts).
fn is_pid(s: &str) -> bool {
    s.bytes().all(|c| c.is_ascii_digit())
}

fn netns_identify(ctx: &mut Ctx, rest: &[String]) -> Res<i32> {
    let pidstr = match rest.len() {
        0 => "self",
        1 => {
            if !is_pid(&rest[0]) {
                eprintf!("Specified string '{}' is not a pid\n", rest[0]);
                return Ok(1);
            }
            rest[0].as_str()
        }
        _ => {
            eprintf!("extra arguments specified\n");
            return Ok(1);
        }
    };
    match identify_pid(pidstr) {
        Some(name) => {
            ctx.p.raw(name.as_bytes());
            ctx.p.raw(b"\n");
            Ok(0)
        }
        None => Ok(1),
    }
}

use crate::sys::namespace::identify_pid;

fn netns_pids(ctx: &mut Ctx, rest: &[String]) -> Res<i32> {
    let name = match rest.len() {
        0 => {
            eprintf!("No netns name specified\n");
            return Ok(1);
        }
        1 => &rest[0],
        _ => {
            eprintf!("extra arguments specified\n");
            return Ok(1);
        }
    };
    let ns = match sys::open(&ns_path(name), OFlag::O_RDONLY) {
        Ok(fd) => fd,
        Err(e) => {
            eprintf!("Cannot open network namespace: {}\n", crate::error::strerror(e));
            return Ok(1);
        }
    };
    let id = match sys::fstat_id(&ns) {
        Ok(id) => id,
        Err(e) => {
            eprintf!("Stat of netns failed: {}\n", crate::error::strerror(e));
            return Ok(1);
        }
    };
    let dir = match sys::Dir::open("/proc/") {
        Ok(d) => d,
        Err(e) => {
            eprintf!("Open of /proc failed: {}\n", crate::error::strerror(e));
            return Ok(1);
        }
    };
    for pid in dir {
        if !is_pid(&pid) {
            continue;
        }
        if sys::stat_id(&format!("/proc/{}/ns/net", pid)) == Ok(id) {
            ctx.p.raw(pid.as_bytes());
            ctx.p.raw(b"\n");
        }
    }
    Ok(0)
}

/// create_netns_dir(): mkdir 0755 unless it exists.
fn create_netns_dir() -> bool {
    match sys::mkdir(NETNS_RUN_DIR, 0o755) {
        Ok(()) | Err(libc::EEXIST) => true,
        Err(e) => {
            eprintf!("mkdir {} failed: {}\n", NETNS_RUN_DIR, crate::error::strerror(e));
            false
        }
    }
}

/// netns_monitor(): inotify on the run directory, "add NAME"/"delete NAME"
/// per event, forever. stdout is flushed per event only on a terminal (C
/// stdio's line buffering); to a pipe it stays buffered like printf.
fn netns_monitor(ctx: &mut Ctx) -> Res<i32> {
    use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};
    use std::os::unix::ffi::OsStrExt;
    // inotify_init1(0) is inotify_init().
    let ino = match Inotify::init(InitFlags::empty()) {
        Ok(i) => i,
        Err(e) => {
            eprintf!("inotify_init failed: {}\n", crate::error::strerror(e as i32));
            return Ok(1);
        }
    };
    if !create_netns_dir() {
        return Ok(1);
    }
    if let Err(e) = ino.add_watch(NETNS_RUN_DIR, AddWatchFlags::IN_CREATE | AddWatchFlags::IN_DELETE) {
        eprintf!("inotify_add_watch failed: {}\n", crate::error::strerror(e as i32));
        return Ok(1);
    }
    let tty = crate::sys::stdout_is_tty();
    loop {
        let events = match ino.read_events() {
            Ok(ev) => ev,
            Err(e) => {
                eprintf!("read failed: {}\n", crate::error::strerror(e as i32));
                return Ok(1);
            }
        };
        for ev in events {
            // The name's bytes as the kernel gave them (printf("%s")).
            let name = ev.name.as_deref().map(|n| n.as_bytes()).unwrap_or(b"");
            if ev.mask.contains(AddWatchFlags::IN_CREATE) {
                ctx.p.bin(&[b"add ", name, b"\n"].concat());
            }
            if ev.mask.contains(AddWatchFlags::IN_DELETE) {
                ctx.p.bin(&[b"delete ", name, b"\n"].concat());
            }
        }
        if tty {
            let _ = ctx.p.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(invalid_name(""));
        assert!(invalid_name("a/b"));
        assert!(invalid_name("."));
        assert!(invalid_name(".."));
        assert!(invalid_name(&"x".repeat(256)));
        assert!(!invalid_name(&"x".repeat(255)));
        assert!(!invalid_name("..."));
        assert!(!invalid_name("--"));
    }

    #[test]
    fn pids() {
        assert!(is_pid("123"));
        assert!(is_pid(""));
        assert!(!is_pid("12a"));
        assert!(!is_pid("-1"));
    }

    #[test]
    fn usage_shape() {
        assert_eq!(USAGE.lines().count(), 11);
        assert!(USAGE.starts_with("Usage:\tip netns list\n\tip netns add NAME\n"));
    }
}
