//! `bridge monitor` (bridge/monitor.c, 6.1.0): link, fdb, mdb (and vlan,
//! vni) events from rtnetlink multicast groups, or from a file saved by
//! rtmon. Printed with the same functions as the dumps.

use super::BrCtx;
use crate::args::{matches, Args};
use crate::error::{fail, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Msg};

const RTMGRP_TC: u32 = 8;
const RTNLGRP_LINK: u32 = 1;
const RTNLGRP_NEIGH: u32 = 3;
const RTNLGRP_MDB: u32 = 26;
const RTNLGRP_BRVLAN: u32 = 33;
const RTNLGRP_TUNNEL: u32 = 35;
const SOL_NETLINK: i32 = 270;
const NETLINK_ADD_MEMBERSHIP: i32 = 1;

const USAGE: &str = "Usage: bridge monitor [file | link | fdb | mdb | vlan | vni | all]\n";

fn nl_mgrp(group: u32) -> u32 {
    if group > 31 {
        0
    } else {
        1 << (group - 1)
    }
}

pub fn do_monitor(ctx: &mut BrCtx, mut args: Args) -> Res<i32> {
    // The reference closes its socket first; lookups reopen one.
    ctx.rtnl = None;
    let mut file: Option<String> = None;
    let mut groups: u32 = !RTMGRP_TC;
    let (mut llink, mut lneigh, mut lmdb, mut lvlan, mut lvni, mut banner) = (false, false, false, false, false, false);
    while let Some(w) = args.next() {
        if matches(&w, "file") {
            file = Some(args.value()?);
        } else if matches(&w, "link") {
            llink = true;
            groups = 0;
        } else if matches(&w, "fdb") {
            lneigh = true;
            groups = 0;
        } else if matches(&w, "mdb") {
            lmdb = true;
            groups = 0;
        } else if matches(&w, "vlan") {
            lvlan = true;
            groups = 0;
        } else if w == "vni" {
            lvni = true;
            groups = 0;
        } else if w == "all" {
            groups = !RTMGRP_TC;
            lvlan = true;
            lvni = true;
            banner = true;
        } else if matches(&w, "help") {
            return Err(fail(255, USAGE));
        } else {
            return Err(fail(255, &format!("Argument \"{}\" is unknown, try \"bridge monitor help\".\n", w)));
        }
    }
    if llink {
        groups |= nl_mgrp(RTNLGRP_LINK);
    }
    if lneigh {
        groups |= nl_mgrp(RTNLGRP_NEIGH);
    }
    if lmdb {
        groups |= nl_mgrp(RTNLGRP_MDB);
    }
    super::set_headers(ctx.o.timestamp > 0, banner);

    if let Some(f) = file {
        return from_file(ctx, &f);
    }

    let sock = match Listener::open(groups) {
        Some(s) => s,
        None => return Err(Exit(1)),
    };
    if lvlan && !sock.add_group(RTNLGRP_BRVLAN) {
        return Err(fail(1, "Failed to add bridge vlan group to list\n"));
    }
    if lvni && !sock.add_group(RTNLGRP_TUNNEL) {
        return Err(fail(1, "Failed to add bridge vni group to list\n"));
    }
    ctx.init_map()?;
    if listen(ctx, &sock)? < 0 {
        let _ = ctx.p.flush();
        return Err(Exit(2));
    }
    Ok(0)
}

/// accept_msg(): one event through its printer.
fn accept(ctx: &mut BrCtx, m: &Msg) -> i32 {
    let details = ctx.o.details > 0;
    let stats = ctx.o.stats > 0;
    let BrCtx { p, names, .. } = ctx;
    let r = match m.ty {
        RTM_NEWLINK | RTM_DELLINK => super::link::print_linkinfo(p, names, m, 0, details),
        RTM_NEWNEIGH | RTM_DELNEIGH => super::fdb::print_fdb_mon(p, names, m, stats),
        84 | 85 => super::mdb::print_mdb_mon(p, names, m, details, stats),
        120 | 121 => super::vni::print_vnifilter(p, names, m, 0),
        // NLMSG_TSTAMP (rtmon files): print_nlmsg_timestamp().
        15 => {
            let secs = crate::netlink::attr::hdr_u32(m.payload, 0);
            let usecs = crate::netlink::attr::hdr_u32(m.payload, 4);
            p.raw(format!("Timestamp: {} {} us\n", super::asctime(secs as libc::time_t), usecs).as_bytes());
            0
        }
        112 | 113 => {
            let mut cur = -1;
            super::vlan::print_vlan_rtm(p, names, m, Default::default(), &mut cur, true, false, stats)
        }
        _ => 0,
    };
    let _ = p.flush();
    r
}

/// rtnl_from_file(): nlmsghdr-framed messages, one after another.
fn from_file(ctx: &mut BrCtx, name: &str) -> Res<i32> {
    use std::io::Read;
    let mut f = match std::fs::File::open(name) {
        Ok(f) => f,
        Err(e) => {
            crate::eprintf!("Cannot fopen: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
            return Err(Exit(255));
        }
    };
    let mut data = Vec::new();
    if let Err(e) = f.read_to_end(&mut data) {
        crate::eprintf!("rtnl_from_file: fread: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
        return Ok(-1);
    }
    let mut off = 0usize;
    loop {
        if off == data.len() {
            return Ok(0);
        }
        if data.len() - off < 16 {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Ok(-1);
        }
        let len = u32::from_ne_bytes([data[off], data[off + 1], data[off + 2], data[off + 3]]) as i32;
        if !(16..=16384).contains(&len) {
            crate::eprintf!("!!!malformed message: len={} @{}\n", len, off + 16);
            return Ok(-1);
        }
        let body = crate::netlink::attr::align4(len as usize - 16);
        if data.len() - off - 16 < body {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Ok(-1);
        }
        let msg = &data[off..off + len as usize];
        off += 16 + body;
        if let Some(m) = msgs(msg).next() {
            let r = accept(ctx, &m);
            if r < 0 {
                return Ok(r);
            }
        }
    }
}

/// A NETLINK_ROUTE socket bound to multicast groups (rtnl_open(groups)).
struct Listener {
    fd: std::os::fd::OwnedFd,
}

impl Listener {
    fn open(groups: u32) -> Option<Listener> {
        use std::os::fd::FromRawFd;
        // SAFETY: plain socket calls; the fd is owned from here on.
        unsafe {
            let fd = libc::socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC, libc::NETLINK_ROUTE);
            if fd < 0 {
                let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                crate::eprintf!("Cannot open netlink socket: {}\n", crate::error::strerror(e));
                return None;
            }
            let owned = std::os::fd::OwnedFd::from_raw_fd(fd);
            let sndbuf: libc::c_int = 32768;
            let rcvbuf: libc::c_int = 1024 * 1024;
            libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, &sndbuf as *const _ as *const libc::c_void, 4);
            libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, &rcvbuf as *const _ as *const libc::c_void, 4);
            let mut addr: libc::sockaddr_nl = std::mem::zeroed();
            addr.nl_family = libc::AF_NETLINK as u16;
            addr.nl_groups = groups;
            if libc::bind(fd, &addr as *const _ as *const libc::sockaddr, std::mem::size_of::<libc::sockaddr_nl>() as u32) < 0 {
                let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                crate::eprintf!("Cannot bind netlink socket: {}\n", crate::error::strerror(e));
                return None;
            }
            Some(Listener { fd: owned })
        }
    }

    fn raw(&self) -> i32 {
        use std::os::fd::AsRawFd;
        self.fd.as_raw_fd()
    }

    fn add_group(&self, group: u32) -> bool {
        // SAFETY: setsockopt with a u32 option value.
        unsafe {
            libc::setsockopt(
                self.raw(),
                SOL_NETLINK,
                NETLINK_ADD_MEMBERSHIP,
                &group as *const _ as *const libc::c_void,
                4,
            ) == 0
        }
    }
}

/// rtnl_listen(): events until an error.
fn listen(ctx: &mut BrCtx, sock: &Listener) -> Res<i32> {
    let mut buf = vec![0u8; 16384];
    loop {
        let mut nladdr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        let mut iov = libc::iovec { iov_base: buf.as_mut_ptr() as *mut libc::c_void, iov_len: buf.len() };
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_name = &mut nladdr as *mut _ as *mut libc::c_void;
        msg.msg_namelen = std::mem::size_of::<libc::sockaddr_nl>() as u32;
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        // SAFETY: msg points at live locals and `buf`.
        let status = unsafe { libc::recvmsg(sock.raw(), &mut msg, 0) };
        if status < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if e == libc::EINTR || e == libc::EAGAIN {
                continue;
            }
            let _ = ctx.p.flush();
            crate::eprintf!("netlink receive error {} ({})\n", crate::error::strerror(e), e);
            if e == libc::ENOBUFS {
                continue;
            }
            return Ok(-1);
        }
        if status == 0 {
            crate::eprintf!("EOF on netlink\n");
            return Ok(-1);
        }
        let status = status as usize;
        let truncated = msg.msg_flags & libc::MSG_TRUNC != 0;
        let data = &buf[..status.min(buf.len())];
        let mut off = 0usize;
        while data.len() - off >= 16 {
            let len = u32::from_ne_bytes([data[off], data[off + 1], data[off + 2], data[off + 3]]) as usize;
            if len < 16 || len > data.len() - off {
                if truncated {
                    crate::eprintf!("Truncated message\n");
                    return Ok(-1);
                }
                let _ = ctx.p.flush();
                return Err(fail(1, &format!("!!!malformed message: len={}\n", len)));
            }
            let chunk = data[off..off + len].to_vec();
            if let Some(m) = msgs(&chunk).next() {
                let r = accept(ctx, &m);
                if r < 0 {
                    return Ok(r);
                }
            }
            off += crate::netlink::attr::align4(len);
            if off > data.len() {
                off = data.len();
            }
        }
        if truncated {
            crate::eprintf!("Message truncated\n");
            continue;
        }
        if off != data.len() {
            let _ = ctx.p.flush();
            return Err(fail(1, &format!("!!!Remnant of size {}\n", data.len() - off)));
        }
    }
}
