//! `ip tuntap` / `ip tap` (ip/iptuntap.c of iproute2 6.1.0): persistent
//! tun and tap devices made and removed with the ioctls of /dev/net/tun,
//! and listed from a link dump filtered on kind "tun" plus the devices'
//! sysfs properties (with -d, the processes that hold them, from /proc).

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::netlink::attr::hdr_u16;
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, T};
use crate::sys::tun;

pub const USAGE: &str = "Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]

Where: USER  := { STRING | NUMBER }
       GROUP := { STRING | NUMBER }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

const TUNDEV: &str = "/dev/net/tun";

// linux/if_tun.h
const IFF_TUN: u16 = 0x0001;
const IFF_TAP: u16 = 0x0002;
const IFF_MULTI_QUEUE: u16 = 0x0100;
const IFF_PERSIST: u16 = 0x0800;
const IFF_NO_PI: u16 = 0x1000;
const IFF_NOFILTER: u16 = 0x1000;
const IFF_ONE_QUEUE: u16 = 0x2000;
const IFF_VNET_HDR: u16 = 0x4000;
const IFF_TUN_EXCL: u16 = 0x8000;
const TUN_TYPE_MASK: u16 = 0x000f;

const ARPHRD_ETHER: u16 = 1;
const ARPHRD_NONE: u16 = 0xfffe;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Del,
    Show,
    Help,
}

/// do_iptuntap()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip tuntap",
    &[
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Mode,
    User,
    Group,
    Pi,
    OneQueue,
    VnetHdr,
    MultiQueue,
    Dev,
    Name,
    Help,
}

/// parse_args()'s words, in its test order (`user` and `group` only for
/// `add`; any other word is the name).
static OPTIONS: Table<Opt> = Table::new(
    "ip tuntap add",
    &[
        kw("mode", Opt::Mode),
        kw("user", Opt::User),
        kw("group", Opt::Group),
        kw("pi", Opt::Pi),
        kw("one_queue", Opt::OneQueue),
        kw("vnet_hdr", Opt::VnetHdr),
        kw("multi_queue", Opt::MultiQueue),
        kw("dev", Opt::Dev),
        kw("name", Opt::Name),
        kw("help", Opt::Help),
    ],
);

/// The values of `mode`.
static MODES: Table<u16> = Table::new("ip tuntap add mode", &[kw("tun", IFF_TUN), kw("tap", IFF_TAP)]);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &OPTIONS, &MODES];

pub fn do_iptuntap(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return do_show(ctx);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => do_add(args),
        Some(Cmd::Del) => do_del(args),
        Some(Cmd::Show) => do_show(ctx),
        Some(Cmd::Help) => Err(usage()),
        None => Err(crate::error::unknown_command(&cmd, "ip tuntap")),
    }
}

/// struct ifreq's name and flags, and the owner and group of `add`.
struct Request {
    name: [u8; 16],
    flags: u16,
    uid: u32,
    gid: u32,
}

/// strtol(s, &end, 10) accepted whole (a non-empty word), as a uid_t/gid_t.
fn whole_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let (v, n, _) = crate::args::num::c_strtoll(s, 10);
    (n == s.len()).then_some(v as u32)
}

/// get_ifname(): a valid name, copied as strncpy(buf, name, IFNAMSIZ).
fn set_name(buf: &mut [u8; 16], name: &str) -> bool {
    if !crate::names::check_ifname(name) {
        return false;
    }
    let b = crate::args::bytes::unescape(name);
    *buf = [0; 16];
    buf[..b.len()].copy_from_slice(&b);
    true
}

/// parse_args(): `add` reads user and group, `del` does not.
fn parse_args(mut a: Args, add: bool) -> Res<Option<Request>> {
    let mut r = Request { name: [0; 16], flags: IFF_NO_PI, uid: u32::MAX, gid: u32::MAX };
    while a.has_next() {
        let opt = match OPTIONS.find(a.cur()) {
            Some(Opt::User | Opt::Group) if !add => None,
            o => o,
        };
        match opt {
            Some(Opt::Mode) => {
                a.next_arg()?;
                match MODES.find(a.cur()) {
                    Some(m) => {
                        if r.flags & (IFF_TUN | IFF_TAP) & !m != 0 {
                            return Err(fail(255, "You managed to ask for more than one tunnel mode.\n"));
                        }
                        r.flags |= m;
                    }
                    None => return Err(fail(255, &format!("Unknown tunnel mode \"{}\"\n", a.cur()))),
                }
            }
            Some(Opt::User) => {
                a.next_arg()?;
                r.uid = match whole_number(a.cur()).or_else(|| crate::names::users::user_id(a.cur())) {
                    Some(u) => u,
                    None => return Err(fail(255, &format!("invalid user \"{}\"\n", a.cur()))),
                };
            }
            Some(Opt::Group) => {
                a.next_arg()?;
                r.gid = match whole_number(a.cur()).or_else(|| crate::names::users::group_id(a.cur())) {
                    Some(g) => g,
                    None => return Err(fail(255, &format!("invalid group \"{}\"\n", a.cur()))),
                };
            }
            Some(Opt::Pi) => r.flags &= !IFF_NO_PI,
            Some(Opt::OneQueue) => r.flags |= IFF_ONE_QUEUE,
            Some(Opt::VnetHdr) => r.flags |= IFF_VNET_HDR,
            Some(Opt::MultiQueue) => r.flags |= IFF_MULTI_QUEUE,
            Some(Opt::Dev) => {
                a.next_arg()?;
                if !set_name(&mut r.name, a.cur()) {
                    return Err(crate::error::invarg("\"dev\" not a valid ifname", a.cur()));
                }
            }
            other => {
                if other == Some(Opt::Name) {
                    a.next_arg()?;
                } else if other == Some(Opt::Help) {
                    return Err(usage());
                }
                if r.name[0] != 0 {
                    return Err(crate::error::duparg2("name", a.cur()));
                }
                if !set_name(&mut r.name, a.cur()) {
                    return Err(crate::error::invarg("\"name\" not a valid ifname", a.cur()));
                }
            }
        }
        a.step();
    }
    if r.flags & TUN_TYPE_MASK == 0 {
        eprint_raw("You failed to specify a tunnel mode\n");
        return Ok(None);
    }
    Ok(Some(r))
}

/// perror(what) and ip's -1 (exit status 1).
fn perror(what: &str, errno: i32) -> i32 {
    eprint_raw(&format!("{}: {}\n", what, strerror(errno)));
    1
}

fn open_tun() -> Result<std::os::fd::OwnedFd, i32> {
    crate::sys::open(TUNDEV, crate::sys::OFlag::O_RDWR).map_err(|e| perror("open", e))
}

/// tap_add_ioctl(): TUNSETIFF (exclusive), owner, group, persist.
fn do_add(a: Args) -> Res<i32> {
    let Some(r) = parse_args(a, true)? else { return Ok(1) };
    let fd = match open_tun() {
        Ok(fd) => fd,
        Err(rc) => return Ok(rc),
    };
    if let Err(e) = tun::set_iff(&fd, &r.name, r.flags | IFF_TUN_EXCL) {
        return Ok(perror("ioctl(TUNSETIFF)", e));
    }
    if r.uid != u32::MAX {
        if let Err(e) = tun::set(&fd, tun::TUNSETOWNER, r.uid as libc::c_ulong) {
            return Ok(perror("ioctl(TUNSETOWNER)", e));
        }
    }
    if r.gid != u32::MAX {
        if let Err(e) = tun::set(&fd, tun::TUNSETGROUP, r.gid as libc::c_ulong) {
            return Ok(perror("ioctl(TUNSETGROUP)", e));
        }
    }
    if let Err(e) = tun::set(&fd, tun::TUNSETPERSIST, 1) {
        return Ok(perror("ioctl(TUNSETPERSIST)", e));
    }
    Ok(0)
}

/// tap_del_ioctl(): attach, then drop the persist flag.
fn do_del(a: Args) -> Res<i32> {
    let Some(r) = parse_args(a, false)? else { return Ok(1) };
    let fd = match open_tun() {
        Ok(fd) => fd,
        Err(rc) => return Ok(rc),
    };
    if let Err(e) = tun::set_iff(&fd, &r.name, r.flags) {
        return Ok(perror("ioctl(TUNSETIFF)", e));
    }
    if let Err(e) = tun::set(&fd, tun::TUNSETPERSIST, 0) {
        return Ok(perror("ioctl(TUNSETPERSIST)", e));
    }
    Ok(0)
}

fn do_show(ctx: &mut Ctx) -> Res<i32> {
    // rtnl_linkdump_req_filter_fn() with tuntap_filter_req(): the kind
    // without its NUL.
    let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
    let li = req.nest(IFLA_LINKINFO);
    req.attr(IFLA_INFO_KIND, b"tun");
    req.nest_end(li);
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        // perror("Cannot send dump request\n")
        eprint_raw(&format!("Cannot send dump request\n: {}\n", strerror(e)));
        return Ok(1);
    }
    ctx.p.new_json_obj();
    if !ctx.dump_stream(print_tuntap)? {
        crate::error::say_dump_terminated();
        return Ok(1);
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// read_prop(): a number from /sys/class/net/DEV/PROP, with its messages.
fn read_prop(dev: &str, prop: &str) -> Option<i64> {
    let fname = format!("/sys/class/net/{}/{}", dev, prop);
    if crate::args::bytes::len(&fname) >= 128 {
        eprint_raw("could not build pathname for property\n");
        return None;
    }
    let data = match std::fs::read(&*crate::args::bytes::os(&fname)) {
        Ok(d) => d,
        Err(e) => {
            eprint_raw(&format!("fopen {}: {}\n", fname, strerror(e.raw_os_error().unwrap_or(libc::EIO))));
            return None;
        }
    };
    let failed = || {
        eprint_raw(&format!("Failed to parse {}\n", fname));
        None
    };
    if data.is_empty() {
        eprint_raw(&format!("property \"{}\" in file {} is currently unknown\n", prop, fname));
        return failed();
    }
    // fgets() of 80 bytes, the newline cut.
    let line = &data[..data.len().min(79)];
    let line = match line.iter().position(|&c| c == b'\n') {
        Some(i) => &line[..i],
        None => line,
    };
    let buf = String::from_utf8_lossy(line);
    let (v, n, over) = crate::args::num::c_strtoll(&buf, 0);
    if n == 0 || n != buf.len() {
        eprint_raw(&format!("value \"{}\" in file {} is not a number\n", buf, fname));
        return failed();
    }
    if over {
        eprint_raw(&format!("strtol {}: {}", fname, strerror(libc::ERANGE)));
        return failed();
    }
    Some(v)
}

fn print_flags(s: &mut Shown, flags: i64) {
    s.p.open_array(T::Json, "flags");
    let f = flags as u64;
    let names: [(bool, &str); 8] = [
        (f & IFF_TUN as u64 != 0, "tun"),
        (f & IFF_TAP as u64 != 0, "tap"),
        (f & IFF_NO_PI as u64 == 0, "pi"),
        (f & IFF_ONE_QUEUE as u64 != 0, "one_queue"),
        (f & IFF_MULTI_QUEUE as u64 != 0, "multi_queue"),
        (f & IFF_VNET_HDR as u64 != 0, "vnet_hdr"),
        (f & IFF_PERSIST as u64 != 0, "persist"),
        (f & IFF_NOFILTER as u64 == 0, "filter"),
    ];
    for (on, name) in names {
        if on {
            s.p.string_nokey(T::Any, " {}", name);
        }
    }
    let known =
        IFF_TUN | IFF_TAP | IFF_NO_PI | IFF_ONE_QUEUE | IFF_MULTI_QUEUE | IFF_VNET_HDR | IFF_PERSIST | IFF_NOFILTER;
    let rest = f & !(known as u64);
    if rest != 0 {
        let x = crate::print::fmt::c_hash_x(rest);
        s.p.string_nokey(T::Any, " {}", &x);
    }
    s.p.close_array(T::Json, "");
}

/// The `key: value` pairs of an fdinfo file as fscanf("%m[^:]: %ms\n")
/// reads them: the key runs to the next ':', the value is the next
/// blank-free word; blanks after it are skipped.
fn fdinfo_pairs(text: &[u8]) -> Vec<(&[u8], &[u8])> {
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let k0 = i;
        while i < text.len() && text[i] != b':' {
            i += 1;
        }
        if i == k0 || i >= text.len() {
            break;
        }
        let key = &text[k0..i];
        i += 1;
        while i < text.len() && ws(text[i]) {
            i += 1;
        }
        let v0 = i;
        while i < text.len() && !ws(text[i]) {
            i += 1;
        }
        if i == v0 {
            break;
        }
        out.push((key, &text[v0..i]));
        while i < text.len() && ws(text[i]) {
            i += 1;
        }
    }
    out
}

/// get_task_name(): the first line of /proc/PID/comm.
fn task_name(pid: u32) -> Option<String> {
    if pid == 0 {
        return None;
    }
    let d = std::fs::read(format!("/proc/{}/comm", pid)).ok()?;
    if d.is_empty() {
        return None;
    }
    let d = &d[..d.len().min(63)];
    let end = d.iter().position(|&c| c == b'\n').unwrap_or(d.len());
    Some(crate::args::bytes::escape(&d[..end]).into_owned())
}

/// show_processes(): every fd of every process that is /dev/net/tun
/// attached to `name` (fdinfo's `iff:`), as NAME(PID).
fn show_processes(s: &mut Shown, name: &str) {
    let paths = crate::sys::glob_nosort("/proc/[0-9]*/fd/[0-9]*");
    if paths.is_empty() {
        return;
    }
    s.p.open_array(T::Json, "processes");
    let me = std::process::id();
    for path in &paths {
        let Some(rest) = path.strip_prefix("/proc/") else { continue };
        let mut it = rest.splitn(3, '/');
        let (Some(pid), Some(_), Some(fd)) = (it.next(), it.next(), it.next()) else { continue };
        let (Ok(pid), Ok(fd)) = (pid.parse::<u32>(), fd.parse::<u32>()) else { continue };
        if pid == me {
            continue;
        }
        match std::fs::read_link(path) {
            Ok(t) => {
                if t.as_os_str().as_encoded_bytes() != TUNDEV.as_bytes() {
                    continue;
                }
            }
            Err(e) => {
                eprint_raw(&format!("readlink: {}\n", strerror(e.raw_os_error().unwrap_or(libc::EIO))));
                continue;
            }
        }
        let text = match std::fs::read(format!("/proc/{}/fdinfo/{}", pid, fd)) {
            Ok(t) => t,
            Err(e) => {
                eprint_raw(&format!("fopen: {}\n", strerror(e.raw_os_error().unwrap_or(libc::EIO))));
                continue;
            }
        };
        for (key, value) in fdinfo_pairs(&text) {
            if key == b"iff" && value == &*crate::args::bytes::unescape(name) {
                let pname = task_name(pid).unwrap_or_else(|| "<NULL>".to_string());
                s.p.string(T::Any, "name", "{}", &pname);
                s.p.uint(T::Any, "pid", "({})", u64::from(pid));
            }
        }
    }
    s.p.close_array(T::Json, "");
}

fn print_tuntap(s: &mut Shown, m: Msg) -> Res<()> {
    if m.ty != RTM_NEWLINK && m.ty != RTM_DELLINK {
        return Ok(());
    }
    if m.payload.len() < 16 {
        return Err(Exit(1));
    }
    let ty = hdr_u16(m.payload, 2);
    if ty != ARPHRD_NONE && ty != ARPHRD_ETHER {
        return Ok(());
    }
    let tb = Tb::parse(&m.payload[16..], IFLA_MAX);
    let Some(name) = tb.str(IFLA_IFNAME) else { return Ok(()) };
    let Some(li) = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else { return Ok(()) };
    if li.str(IFLA_INFO_KIND).as_deref() != Some("tun") {
        return Ok(());
    }
    let Some(flags) = read_prop(&name, "tun_flags") else { return Ok(()) };
    let Some(owner) = read_prop(&name, "owner") else { return Ok(()) };
    let Some(group) = read_prop(&name, "group") else { return Ok(()) };
    s.p.open_object(None);
    s.p.color_string(T::Any, Color::Ifname, "ifname", "{}:", &name);
    print_flags(s, flags);
    if owner != -1 {
        s.p.uint(T::Any, "user", " user {}", owner as u64);
    }
    if group != -1 {
        s.p.uint(T::Any, "group", " group {}", group as u64);
    }
    if s.o.details > 0 {
        let sl = s.p.sl;
        s.p.fp(sl);
        s.p.fp("\tAttached to processes:");
        show_processes(s, &name);
    }
    s.p.close_object();
    s.p.fp("\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fdinfo_is_read_as_fscanf_does() {
        let t = b"pos:\t0\nflags:\t02100002\nmnt_id:\t61\nino:\t104\niff:\ttap0\n";
        let p = fdinfo_pairs(t);
        assert_eq!(p.len(), 5);
        assert_eq!(p[4], (&b"iff"[..], &b"tap0"[..]));
        assert!(fdinfo_pairs(b"").is_empty());
        assert!(fdinfo_pairs(b"x:").is_empty());
    }

    #[test]
    fn numbers_for_user_and_group() {
        assert_eq!(whole_number("1000"), Some(1000));
        assert_eq!(whole_number("-1"), Some(u32::MAX));
        assert_eq!(whole_number(""), None);
        assert_eq!(whole_number("12ab"), None);
    }
}
