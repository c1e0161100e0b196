//! `ip vrf` (ip/ipvrf.c of iproute2 6.1.0): VRF devices and the processes
//! bound to them through cgroup2: show (a link dump kept to kind "vrf"),
//! identify a process's VRF and list a VRF's processes from the cgroup
//! files, and exec a command inside a VRF's cgroup.
//!
//! Binding a command to a real VRF loads a BPF program onto the cgroup;
//! rip has no BPF loader (this kernel has no vrf devices, so no name ever
//! passes the VRF check), and says so instead.

use std::ffi::CString;

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{Req, Tb};
use crate::print::T;

pub const USAGE: &str = "Usage:	ip vrf show [NAME] ...
	ip vrf exec [NAME] cmd ...
	ip vrf identify [PID]
	ip vrf pids [NAME]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

const CGRP_PROC_FILE: &str = "/cgroup.procs";
const MNT_CGRP2_PATH: &str = "/var/run/cgroup2";
const IFLA_VRF_TABLE: u16 = 1;
const IFLA_VRF_MAX: usize = 2;
const RT_TABLE_MAIN: u32 = 254;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Identify,
    Pids,
    Exec,
    Show,
    Help,
}

/// do_ipvrf()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip vrf",
    &[
        kw("identify", Cmd::Identify),
        kw("pids", Cmd::Pids),
        kw("exec", Cmd::Exec),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("help", Cmd::Help),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS];

pub fn do_ipvrf(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return ipvrf_show(ctx, &[]) };
    let rest = args.rest().to_vec();
    match COMMANDS.find(&cmd) {
        Some(Cmd::Identify) => ipvrf_identify(ctx, &rest),
        Some(Cmd::Pids) => ipvrf_pids(ctx, &rest),
        Some(Cmd::Exec) => ipvrf_exec(ctx, &rest),
        Some(Cmd::Show) => ipvrf_show(ctx, &rest),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip vrf help\".\n", cmd))),
    }
}

/// vrf_identify(): the VRF named in the controller-less line of
/// /proc/PID/cgroup ("" for none); the errno when the file cannot be read.
fn vrf_identify(pid: i32) -> Result<String, i32> {
    let data = std::fs::read(format!("/proc/{}/cgroup", pid)).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
    Ok(vrf_of_cgroup(&data))
}

/// The VRF name in a /proc/PID/cgroup text.
fn vrf_of_cgroup(data: &[u8]) -> String {
    for line in fgets_lines(data) {
        if find(line, b"::/").is_none() {
            continue;
        }
        if let Some(i) = find(line, b"/vrf/") {
            let mut name = &line[i + 5..];
            if let Some(nl) = name.iter().position(|&c| c == b'\n') {
                name = &name[..nl];
            }
            // strlcpy() into char[32]
            let name = &name[..name.len().min(31)];
            return crate::args::bytes::escape(name).into_owned();
        }
    }
    String::new()
}

/// The pieces fgets() with a 4096-byte buffer reads: lines, long ones
/// split every 4095 bytes.
fn fgets_lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = data;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.iter().position(|&c| c == b'\n').map(|i| i + 1).unwrap_or(rest.len()).min(4095);
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn ipvrf_identify(ctx: &mut Ctx, argv: &[String]) -> Res<i32> {
    let pid = match argv {
        [] => std::process::id() as i32,
        [_, extra, ..] => return Err(crate::error::invarg("Extra arguments specified\n", extra)),
        [p] => match crate::args::num::get_unsigned(p, 10) {
            Some(v) => v as i32,
            None => return Err(crate::error::invarg("Invalid pid\n", p)),
        },
    };
    match vrf_identify(pid) {
        Ok(name) => {
            if !name.is_empty() {
                ctx.p.raw(format!("{}\n", name).as_bytes());
            }
            Ok(0)
        }
        Err(e) => {
            eprint_raw(&format!("Failed to lookup vrf association: {}\n", strerror(e)));
            Ok(1)
        }
    }
}

/// An RTM_GETLINK request for one device by name.
fn link_get(ctx: &Ctx, name: &str) -> Req {
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(ctx.o.family, 0, 0, 0));
    req.attr_str(IFLA_IFNAME, name);
    req
}

/// The IFLA_LINKINFO table of an RTM_NEWLINK answer whose kind is "vrf",
/// with its ifindex.
fn vrf_linkinfo(answer: &[u8], f: impl FnOnce(i32, Option<&[u8]>)) {
    let Some(m) = crate::netlink::msgs(answer).next() else { return };
    let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else {
        eprint_raw("BUG: Invalid response to link query.\n");
        return;
    };
    let tb = Tb::parse(attrs, IFLA_MAX);
    let Some(li) = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else { return };
    if li.str(IFLA_INFO_KIND).as_deref() != Some("vrf") {
        return;
    }
    f(crate::netlink::attr::hdr_u32(m.payload, 4) as i32, li.get(IFLA_INFO_DATA));
}

/// name_is_vrf(): the ifindex of the VRF device `name`, or 0.
fn name_is_vrf(ctx: &mut Ctx, name: &str) -> Res<i32> {
    let mut req = link_get(ctx, name);
    let Ok(answer) = ctx.rtnl()?.talk_answer_quiet(&mut req) else { return Ok(0) };
    let mut ifindex = 0;
    vrf_linkinfo(&answer, |i, _| ifindex = i);
    Ok(ifindex)
}

/// ipvrf_get_table(): the table of the VRF device `name` (0: none;
/// "default" is the main table).
fn ipvrf_get_table(ctx: &mut Ctx, name: &str) -> Res<u32> {
    let mut req = link_get(ctx, name);
    let answer = match ctx.rtnl()?.talk_answer_quiet(&mut req) {
        Ok(a) => a,
        Err(e) => return Ok(if e.0 == libc::ENODEV && name == "default" { RT_TABLE_MAIN } else { 0 }),
    };
    let mut tb_id = 0;
    vrf_linkinfo(&answer, |_, data| {
        let Some(data) = data else { return };
        tb_id = Tb::parse(data, IFLA_VRF_MAX).u32(IFLA_VRF_TABLE).unwrap_or(0);
        if tb_id == 0 {
            eprint_raw(&format!("BUG: VRF {} is missing table id\n", name));
        }
    });
    Ok(tb_id)
}

fn ipvrf_show(ctx: &mut Ctx, argv: &[String]) -> Res<i32> {
    if argv.len() > 1 {
        return Err(usage());
    }
    if let Some(name) = argv.first() {
        let tb_id = ipvrf_get_table(ctx, name)?;
        if tb_id == 0 {
            eprint_raw("Invalid VRF\n");
            return Ok(255);
        }
        ctx.p.raw(format!("{} {}\n", name, tb_id).as_bytes());
        return Ok(0);
    }
    // ip_link_list(): the dump with a kind filter (the kernel ignores a
    // kind it does not know; the printer checks again), kept whole.
    let family = ctx.o.family;
    let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(family, 0, 0, 0));
    if family == AF_UNSPEC || family == AF_PACKET {
        let nest = req.nest(IFLA_LINKINFO);
        req.attr(IFLA_INFO_KIND, b"vrf");
        req.nest_end(nest);
    }
    if let Err(e) = ctx.rtnl()?.dump_request(&mut req) {
        eprint_raw(&format!("Cannot send dump request: {}\n", strerror(e)));
        return Ok(255);
    }
    let mut vrfs: Vec<(String, u32)> = Vec::new();
    let ok = ctx.dump_stream(|_, m| {
        if let Some(v) = vrf_entry(m.payload) {
            vrfs.push(v);
        }
        Ok(())
    })?;
    if !ok {
        eprint_raw("Dump terminated\n");
        return Ok(255);
    }
    let p = &mut ctx.p;
    p.new_json_obj();
    p.fpf(format_args!("{:<16}", "Name"));
    p.fpf(format_args!("  {:>5}\n", "Table"));
    p.fp("-----------------------\n");
    for (name, tb_id) in &vrfs {
        p.open_object(None);
        p.field(
            T::Any,
            crate::print::Color::None,
            Some("name"),
            crate::print::J::Str(name),
            format_args!("{:<16}", crate::print::fmt::C(name)),
        );
        p.field(
            T::Any,
            crate::print::Color::None,
            Some("table"),
            crate::print::J::U(u64::from(*tb_id)),
            format_args!(" {:>5}", tb_id),
        );
        p.fp("\n");
        p.close_object();
    }
    if vrfs.is_empty() {
        p.fp("No VRF has been configured\n");
    }
    p.delete_json_obj();
    Ok(0)
}

/// ipvrf_print()'s test: a VRF device's name and table (the BUG messages
/// of a nameless device or a VRF without table printed).
fn vrf_entry(payload: &[u8]) -> Option<(String, u32)> {
    let attrs = payload.get(IFINFOMSG_LEN..)?;
    let tb = Tb::parse(attrs, IFLA_MAX);
    let Some(name) = tb.str(IFLA_IFNAME) else {
        eprint_raw(&format!(
            "BUG: device with ifindex {} has nil ifname\n",
            crate::netlink::attr::hdr_u32(payload, 4) as i32
        ));
        return None;
    };
    let li = tb.nested(IFLA_LINKINFO, IFLA_INFO_MAX)?;
    if li.str(IFLA_INFO_KIND)? != "vrf" {
        return None;
    }
    let tb_id = li.nested(IFLA_INFO_DATA, IFLA_VRF_MAX).and_then(|d| d.u32(IFLA_VRF_TABLE)).unwrap_or(0);
    if tb_id == 0 {
        eprint_raw(&format!("BUG: VRF {} is missing table id\n", name));
        return None;
    }
    Some((name.to_string(), tb_id))
}

/// find_fs_mount(): the mount point of the first `fstype` mount in
/// /proc/mounts.
fn find_fs_mount(fstype: &str) -> Option<String> {
    let data = match std::fs::read_to_string("/proc/mounts") {
        Ok(d) => d,
        Err(e) => {
            eprint_raw(&format!("Failed to open mounts file: {}\n", strerror(e.raw_os_error().unwrap_or(libc::EIO))));
            return None;
        }
    };
    data.lines().find_map(|l| {
        let mut w = l.split_whitespace();
        let (_, path, t) = (w.next()?, w.next()?, w.next()?);
        (t == fstype).then(|| path.to_string())
    })
}

/// make_path(): mkdir of every component (existing ones are fine).
fn make_path(path: &str, mode: u32) -> bool {
    let b = path.as_bytes();
    let mut at = usize::from(b.first() == Some(&b'/'));
    loop {
        let delim = b[at..].iter().position(|&c| c == b'/').map(|i| at + i);
        let dir = &path[..delim.unwrap_or(b.len())];
        if let Err(e) = crate::sys::mkdir(dir, mode) {
            if e != libc::EEXIST {
                eprint_raw(&format!("mkdir failed for {}: {}\n", dir, strerror(e)));
                return false;
            }
        }
        let Some(d) = delim else { return true };
        at = d + 1;
        if at >= b.len() {
            return true;
        }
    }
}

/// find_cgroup2_mount(true): the cgroup2 mount, mounted on
/// /var/run/cgroup2 when there is none.
fn find_cgroup2_mount() -> Option<String> {
    if let Some(m) = find_fs_mount("cgroup2") {
        return Some(m);
    }
    if !make_path(MNT_CGRP2_PATH, 0o755) {
        eprint_raw("Failed to setup cgroup2 directory\n");
        return None;
    }
    match crate::sys::mount("none", MNT_CGRP2_PATH, "cgroup2", crate::sys::MsFlags::empty()) {
        Ok(()) => Some(MNT_CGRP2_PATH.to_string()),
        Err(libc::EBUSY) => Some(MNT_CGRP2_PATH.to_string()),
        Err(libc::ENODEV) => {
            eprint_raw("Failed to mount cgroup2. Are CGROUPS enabled in your kernel?\n");
            None
        }
        Err(e) => {
            eprint_raw(&format!("Failed to mount cgroup2: {}\n", strerror(e)));
            None
        }
    }
}

/// ipvrf_get_netns(): this process's netns name plus "-ns" ("" when it
/// has none).
fn ipvrf_get_netns() -> Option<String> {
    match crate::sys::namespace::identify_pid("self") {
        Some(n) if n.is_empty() => Some(n),
        // netns_identify_pid() fills at most len-3 bytes of 256.
        Some(n) => Some(format!("{}-ns", &n[..n.len().min(252)])),
        None => {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            eprint_raw(&format!("Failed to get name of network namespace: {}\n", strerror(e)));
            None
        }
    }
}

fn ipvrf_pids(ctx: &mut Ctx, argv: &[String]) -> Res<i32> {
    let [vrf] = argv else {
        eprint_raw("Invalid arguments\n");
        return Ok(1);
    };
    if name_is_vrf(ctx, vrf)? == 0 {
        eprint_raw("Invalid VRF name\n");
        return Ok(1);
    }
    let Some(mnt) = find_cgroup2_mount() else { return Ok(1) };
    let Some(netns) = ipvrf_get_netns() else { return Ok(1) };
    let mut out = Vec::new();
    let rc = recurse_dir(&mnt, vrf, &netns, &mut out);
    ctx.p.raw(&out);
    Ok(if rc { 0 } else { 1 })
}

/// recurse_dir(): every PATH[/NETNS]/vrf/NAME/cgroup.procs under `base`.
/// False when `base` cannot be opened.
fn recurse_dir(base: &str, name: &str, netns: &str, out: &mut Vec<u8>) -> bool {
    let Ok(dir) = crate::sys::Dir::open(base) else { return false };
    for entry in dir {
        if entry == "vrf" {
            let pdir = base.rfind('/').map(|i| &base[i + 1..]);
            if netns.is_empty() || pdir == Some(netns) {
                read_cgroup_pids(base, name, out);
            }
            continue;
        }
        let path = format!("{}/{}", base, entry);
        let Ok(md) = std::fs::symlink_metadata(&path) else { continue };
        if md.is_dir() && !recurse_dir(&path, name, netns, out) {
            return false;
        }
    }
    true
}

/// read_cgroup_pids(): "%5s  %s" for each pid of the VRF's cgroup.
fn read_cgroup_pids(base: &str, name: &str, out: &mut Vec<u8>) {
    let Ok(data) = std::fs::read(format!("{}/vrf/{}{}", base, name, CGRP_PROC_FILE)) else { return };
    for line in fgets_lines(&data) {
        let pid = String::from_utf8_lossy(line.strip_suffix(b"\n").unwrap_or(line)).into_owned();
        let comm = command_name(&pid).unwrap_or_else(|| "<terminated?>".to_string());
        out.extend_from_slice(format!("{:>5}  {}\n", pid, comm).as_bytes());
    }
}

/// get_command_name(): the Name: of /proc/PID/status (31 bytes at most).
fn command_name(pid: &str) -> Option<String> {
    let data = std::fs::read(format!("/proc/{}/status", pid)).ok()?;
    for line in data.split(|&c| c == b'\n') {
        let Some(i) = find(line, b"Name:") else { continue };
        let name = &line[i + 5..];
        let start = name.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(name.len());
        let name = &name[start..];
        return Some(crate::args::bytes::escape(&name[..name.len().min(31)]).into_owned());
    }
    Some(String::new())
}

/// vrf_path(): this process's controller-less cgroup without its
/// "/vrf..." tail ("" for the root).
fn vrf_path() -> Option<String> {
    let data = std::fs::read(format!("/proc/{}/cgroup", std::process::id())).ok()?;
    for line in fgets_lines(&data) {
        let Some(i) = find(line, b"::/") else { continue };
        let mut start = &line[i + 2..];
        if let Some(nl) = start.iter().position(|&c| c == b'\n') {
            start = &start[..nl];
        }
        if let Some(v) = find(start, b"/vrf") {
            start = &start[..v];
        }
        let p = crate::args::bytes::escape(start).into_owned();
        return Some(if p == "/" { String::new() } else { p });
    }
    Some(String::new())
}

/// vrf_switch(): moves this process into the cgroup of VRF `name`
/// ("default": out of any VRF). False after the message.
fn vrf_switch(ctx: &mut Ctx, name: &str) -> Res<bool> {
    let mut ifindex = 0;
    if name != "default" {
        ifindex = name_is_vrf(ctx, name)?;
        if ifindex == 0 {
            eprint_raw("Invalid VRF name\n");
            return Ok(false);
        }
    }
    let Some(mnt) = find_cgroup2_mount() else { return Ok(false) };
    let Some(mut netns) = ipvrf_get_netns() else { return Ok(false) };
    let Some(mut vpath) = vrf_path() else {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        eprint_raw(&format!("Failed to get base cgroup path: {}\n", strerror(e)));
        return Ok(false);
    };
    // A path that already ends in the netns does not get it again.
    if !netns.is_empty() {
        let pdir = vpath.rfind('/').map(|i| i + 1).unwrap_or(0);
        if vpath[pdir..] == netns {
            vpath.truncate(pdir);
        }
        netns.push('/');
    }
    let path = format!("{}{}/{}vrf/{}", mnt, vpath, netns, if ifindex != 0 { name } else { "" });
    if path.len() > 4096 - CGRP_PROC_FILE.len() - 1 {
        eprint_raw("Invalid path to cgroup2 mount\n");
        return Ok(false);
    }
    if !make_path(&path, 0o755) {
        eprint_raw("Failed to setup vrf cgroup2 directory\n");
        return Ok(false);
    }
    if ifindex != 0 {
        // vrf_configure_cgroup(): a BPF_CGROUP_INET_SOCK_CREATE program
        // binding sockets to the device; not in rip.
        eprint_raw(&format!(
            "Failed to load BPF prog: '{}'\nKernel compiled with CGROUP_BPF enabled?\n",
            strerror(libc::ENOSYS)
        ));
        return Ok(false);
    }
    let procs = format!("{}{}", path, CGRP_PROC_FILE);
    let fd = match crate::sys::open(&procs, crate::sys::OFlag::O_RDWR | crate::sys::OFlag::O_APPEND) {
        Ok(fd) => fd,
        Err(e) => {
            eprint_raw(&format!("Failed to open cgroups.procs file: {}.\n", strerror(e)));
            return Ok(false);
        }
    };
    let pid = std::process::id().to_string();
    if nix::unistd::write(&fd, pid.as_bytes()).is_err() {
        eprint_raw("Failed to join cgroup\n");
        return Ok(false);
    }
    Ok(true)
}

fn ipvrf_exec(ctx: &mut Ctx, argv: &[String]) -> Res<i32> {
    let Some(name) = argv.first() else {
        eprint_raw("No VRF name specified\n");
        return Ok(1);
    };
    if argv.len() < 2 {
        eprint_raw("No command specified\n");
        return Ok(1);
    }
    // -cmd_exec(): the command's status, or -1 (ip exits 255) when the
    // switch failed, in a forked child too.
    let fork = ctx.o.batch_mode;
    cmd_exec(ctx, &argv[1..], fork, name)
}

/// cmd_exec(): flush, fork when in a batch (then the child's exit status
/// is the answer; a signal death ends ip with 1), switch, execvp.
fn cmd_exec(ctx: &mut Ctx, argv: &[String], fork: bool, vrf: &str) -> Res<i32> {
    use nix::sys::wait::{waitpid, WaitStatus};
    use nix::unistd::ForkResult;
    let _ = ctx.p.flush();
    if fork {
        // unsafe: nix's fork() is unsafe for threaded processes; rip has
        // one thread.
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
    if !vrf_switch(ctx, vrf)? {
        return Ok(-1);
    }
    let cargs: Vec<CString> = argv.iter().filter_map(|a| CString::new(a.as_bytes()).ok()).collect();
    let e = match cargs.first() {
        Some(cmd) => match nix::unistd::execvp(cmd, &cargs) {
            Err(e) => e as i32,
            Ok(never) => match never {},
        },
        None => libc::ENOENT,
    };
    eprint_raw(&format!("exec of \"{}\" failed: {}\n", argv.first().map(|s| s.as_str()).unwrap_or(""), strerror(e)));
    // unsafe: nix has no _exit(); no atexit handlers or shared buffers run.
    unsafe { libc::_exit(1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cgroup_lines() {
        assert_eq!(vrf_of_cgroup(b"1:cpu:/\n0::/\n"), "");
        assert_eq!(vrf_of_cgroup(b"4:memory:/vrf/x\n0::/user/vrf/blue\n"), "blue");
        assert_eq!(vrf_of_cgroup(b"0::/vrf/0123456789012345678901234567890123456789\n").len(), 31);
    }

    #[test]
    fn fgets_splits_long_lines() {
        let long = vec![b'a'; 5000];
        let parts: Vec<usize> = fgets_lines(&long).map(|l| l.len()).collect();
        assert_eq!(parts, vec![4095, 905]);
    }
}
