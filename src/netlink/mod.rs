//! The rtnetlink core: one synchronous NETLINK_ROUTE socket (netlink-sys),
//! requests with ACK, streamed multi-part dumps, and kernel errors reported
//! with iproute2's exact words (lib/libnetlink.c): the extended-ACK text as
//! "Error: ...", else "RTNETLINK answers: <strerror>".
//!
//! The handle can also replay recorded replies, so printers are tested
//! without root or a kernel (the golden suite).

pub mod attr;
pub mod consts;
pub mod dumpfile;
pub mod genl;

use std::collections::VecDeque;
use std::io;

use attr::NLMSG_HDRLEN;
pub use attr::{attrs, msgs, Msg, Req, Tb};
use consts::*;

use crate::error::{eprint_raw, strerror};

enum Backend {
    Live(netlink_sys::Socket),
    Replay(VecDeque<Vec<u8>>),
}

pub struct Rtnl {
    backend: Backend,
    seq: u32,
    dump_seq: u32,
    local_pid: u32,
    /// Replies of another sequence or port are skipped (rtnl_dump_filter,
    /// rtnl_talk): always live; in a replay only for the property test.
    filter: bool,
    buf: Vec<u8>,
    #[cfg(debug_assertions)]
    record: Option<std::fs::File>,
}

/// A replay's sequence placeholder: a recorded message with this sequence
/// number answers the latest request (strict replays of the property test).
#[cfg(test)]
pub const REPLAY_SEQ: u32 = 0xfeed_5eed;

#[cfg(test)]
thread_local! {
    /// Set by the property test: replays made on this thread filter by
    /// sequence and port id as a live socket does, with this port id.
    pub static STRICT_REPLAY: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// The outcome of a request the kernel refused: its errno (message printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NlError(pub i32);

impl Rtnl {
    /// rtnl_open(): SO_SNDBUF 32 KiB, SO_RCVBUF `rcvbuf`, extended ACKs, and
    /// strict dump checking (as `ip` sets it).
    pub fn open(rcvbuf: u32, strict: bool) -> io::Result<Rtnl> {
        Rtnl::open_proto(netlink_sys::protocols::NETLINK_ROUTE, rcvbuf, strict)
    }

    /// rtnl_open_byproto(NETLINK_GENERIC): a generic netlink handle with
    /// the same socket options, without strict dump checking.
    pub fn open_generic(rcvbuf: u32) -> io::Result<Rtnl> {
        Rtnl::open_proto(netlink_sys::protocols::NETLINK_GENERIC, rcvbuf, false)
    }

    /// rtnl_open_byproto(NETLINK_XFRM): the IPsec configuration socket of
    /// `ip xfrm`, with the same socket options, without strict dump checking.
    pub fn open_xfrm(rcvbuf: u32) -> io::Result<Rtnl> {
        Rtnl::open_proto(netlink_sys::protocols::NETLINK_XFRM, rcvbuf, false)
    }

    fn open_proto(proto: isize, rcvbuf: u32, strict: bool) -> io::Result<Rtnl> {
        use std::os::fd::AsRawFd;
        let mut s = netlink_sys::Socket::new(proto)?;
        let fd = s.as_raw_fd();
        let sndbuf: libc::c_int = 32768;
        let rcv: libc::c_int = rcvbuf as libc::c_int;
        unsafe {
            libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, &sndbuf as *const _ as *const libc::c_void, 4);
            libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, &rcv as *const _ as *const libc::c_void, 4);
        }
        let _ = s.set_ext_ack(true);
        let addr = s.bind_auto()?;
        if strict {
            let _ = s.set_netlink_get_strict_chk(true);
        }
        let seq = crate::sys::unix_time() as u32;
        Ok(Rtnl {
            backend: Backend::Live(s),
            seq,
            dump_seq: 0,
            local_pid: addr.port_number(),
            filter: true,
            buf: Vec::with_capacity(32768),
            #[cfg(debug_assertions)]
            record: std::env::var_os("RIP_NL_RECORD")
                .and_then(|p| std::fs::OpenOptions::new().create(true).append(true).open(p).ok()),
        })
    }

    /// rtnl_open(groups) for a listener (`bridge monitor`): SO_SNDBUF 32
    /// KiB, SO_RCVBUF 1 MiB, extended ACKs, bound to the multicast
    /// `groups`; no strict dump checking. The error is the message
    /// iproute2 prints ("Cannot open/bind netlink socket: ERR\n").
    pub fn open_groups(groups: u32) -> Result<Rtnl, String> {
        Rtnl::open_groups_proto(netlink_sys::protocols::NETLINK_ROUTE, groups)
    }

    /// rtnl_open_byproto(groups, proto): [`Rtnl::open_groups`] for
    /// another netlink protocol (NETLINK_XFRM for `ip xfrm monitor`).
    pub fn open_groups_proto(proto: isize, groups: u32) -> Result<Rtnl, String> {
        use std::os::fd::AsRawFd;
        let errno = |e: io::Error| e.raw_os_error().unwrap_or(libc::EIO);
        let mut s = netlink_sys::Socket::new(proto)
            .map_err(|e| format!("Cannot open netlink socket: {}\n", strerror(errno(e))))?;
        let fd = s.as_raw_fd();
        let sndbuf: libc::c_int = 32768;
        let rcv: libc::c_int = 1024 * 1024;
        // SAFETY: setsockopt with int values on an open socket.
        unsafe {
            libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, &sndbuf as *const _ as *const libc::c_void, 4);
            libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, &rcv as *const _ as *const libc::c_void, 4);
        }
        let _ = s.set_ext_ack(true);
        s.bind(&netlink_sys::SocketAddr::new(0, groups))
            .map_err(|e| format!("Cannot bind netlink socket: {}\n", strerror(errno(e))))?;
        let mut addr = netlink_sys::SocketAddr::new(0, 0);
        let local_pid = if s.get_address(&mut addr).is_ok() { addr.port_number() } else { 0 };
        let seq = crate::sys::unix_time() as u32;
        Ok(Rtnl {
            backend: Backend::Live(s),
            seq,
            dump_seq: 0,
            local_pid,
            filter: true,
            buf: Vec::with_capacity(32768),
            #[cfg(debug_assertions)]
            record: std::env::var_os("RIP_NL_RECORD")
                .and_then(|p| std::fs::OpenOptions::new().create(true).append(true).open(p).ok()),
        })
    }

    /// NETLINK_ADD_MEMBERSHIP of one more multicast group (one above 31).
    pub fn add_membership(&self, group: u32) -> bool {
        match &self.backend {
            Backend::Live(s) => s.add_membership(group).is_ok(),
            Backend::Replay(_) => true,
        }
    }

    /// rtnl_listen_all_nsid(): NETLINK_LISTEN_ALL_NSID on, so events of
    /// every namespace with an nsid arrive, each with its nsid in a control
    /// message ([`Rtnl::recv_event_nsid`]). The errno on failure.
    pub fn listen_all_nsid(&self) -> Result<(), i32> {
        use std::os::fd::AsRawFd;
        const SOL_NETLINK: libc::c_int = 270;
        const NETLINK_LISTEN_ALL_NSID: libc::c_int = 8;
        match &self.backend {
            Backend::Live(s) => {
                let on: libc::c_int = 1;
                // SAFETY: setsockopt with an int value on an open socket.
                let r = unsafe {
                    libc::setsockopt(
                        s.as_raw_fd(),
                        SOL_NETLINK,
                        NETLINK_LISTEN_ALL_NSID,
                        &on as *const _ as *const libc::c_void,
                        4,
                    )
                };
                if r < 0 {
                    return Err(io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO));
                }
                Ok(())
            }
            Backend::Replay(_) => Ok(()),
        }
    }

    /// recv_event() that also reads the NETLINK_LISTEN_ALL_NSID control
    /// message: (bytes, truncated, nsid; -1 when none came).
    pub fn recv_event_nsid(&mut self, buf: &mut [u8]) -> Result<(usize, bool, i32), i32> {
        use std::os::fd::AsRawFd;
        const SOL_NETLINK: libc::c_int = 270;
        const NETLINK_LISTEN_ALL_NSID: libc::c_int = 8;
        let s = match &mut self.backend {
            Backend::Replay(_) => return self.recv_event(buf).map(|(n, t)| (n, t, -1)),
            Backend::Live(s) => s,
        };
        let mut nladdr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        let mut iov = libc::iovec { iov_base: buf.as_mut_ptr() as *mut libc::c_void, iov_len: buf.len() };
        let mut cbuf = [0u64; 64];
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_name = &mut nladdr as *mut _ as *mut libc::c_void;
        msg.msg_namelen = std::mem::size_of::<libc::sockaddr_nl>() as u32;
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = std::mem::size_of_val(&cbuf) as _;
        // SAFETY: msg points at live locals and `buf`.
        let status = unsafe { libc::recvmsg(s.as_raw_fd(), &mut msg, 0) };
        if status < 0 {
            return Err(io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO));
        }
        let mut nsid = -1;
        // SAFETY: the CMSG macros walk the control buffer recvmsg filled.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() {
                if (*c).cmsg_level == SOL_NETLINK
                    && (*c).cmsg_type == NETLINK_LISTEN_ALL_NSID
                    && (*c).cmsg_len as usize == libc::CMSG_LEN(4) as usize
                {
                    nsid = std::ptr::read_unaligned(libc::CMSG_DATA(c) as *const i32);
                }
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
        let n = (status as usize).min(buf.len());
        Ok((n, msg.msg_flags & libc::MSG_TRUNC != 0, nsid))
    }

    /// One recvmsg() of a listener into `buf`: (bytes, MSG_TRUNC was
    /// set), or the errno. A replay hands out its datagrams in order and
    /// ends with length 0 (EOF).
    pub fn recv_event(&mut self, buf: &mut [u8]) -> Result<(usize, bool), i32> {
        use std::os::fd::AsRawFd;
        match &mut self.backend {
            Backend::Replay(q) => match q.pop_front() {
                Some(d) => {
                    let n = d.len().min(buf.len());
                    buf[..n].copy_from_slice(&d[..n]);
                    Ok((n, d.len() > buf.len()))
                }
                None => Ok((0, false)),
            },
            Backend::Live(s) => {
                let mut nladdr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
                let mut iov = libc::iovec { iov_base: buf.as_mut_ptr() as *mut libc::c_void, iov_len: buf.len() };
                let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
                msg.msg_name = &mut nladdr as *mut _ as *mut libc::c_void;
                msg.msg_namelen = std::mem::size_of::<libc::sockaddr_nl>() as u32;
                msg.msg_iov = &mut iov;
                msg.msg_iovlen = 1;
                // SAFETY: msg points at live locals and `buf`.
                let status = unsafe { libc::recvmsg(s.as_raw_fd(), &mut msg, 0) };
                if status < 0 {
                    return Err(io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO));
                }
                let n = (status as usize).min(buf.len());
                #[cfg(debug_assertions)]
                if let Some(f) = self.record.as_mut() {
                    use std::io::Write;
                    let _ = f.write_all(&(n as u32).to_ne_bytes());
                    let _ = f.write_all(&buf[..n]);
                }
                Ok((n, msg.msg_flags & libc::MSG_TRUNC != 0))
            }
        }
    }

    /// A handle that answers from recorded datagrams, in order.
    pub fn replay(datagrams: Vec<Vec<u8>>) -> Rtnl {
        #[cfg(test)]
        let (filter, local_pid) = match STRICT_REPLAY.with(|s| s.get()) {
            Some(pid) => (true, pid),
            None => (false, 0),
        };
        #[cfg(not(test))]
        let (filter, local_pid) = (false, 0);
        Rtnl {
            backend: Backend::Replay(datagrams.into()),
            seq: 1,
            dump_seq: 0,
            local_pid,
            filter,
            buf: Vec::new(),
            #[cfg(debug_assertions)]
            record: None,
        }
    }

    /// Splits a recording (u32 length + bytes, repeated) into datagrams.
    pub fn parse_recording(data: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i + 4 <= data.len() {
            let n = u32::from_ne_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]) as usize;
            i += 4;
            if i + n > data.len() {
                break;
            }
            out.push(data[i..i + n].to_vec());
            i += n;
        }
        out
    }

    /// Answers come from a recording, not the kernel.
    pub fn is_replay(&self) -> bool {
        matches!(self.backend, Backend::Replay(_))
    }

    pub fn raw_fd(&self) -> Option<i32> {
        use std::os::fd::AsRawFd;
        match &self.backend {
            Backend::Live(s) => Some(s.as_raw_fd()),
            Backend::Replay(_) => None,
        }
    }

    pub fn next_seq(&mut self) -> u32 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }

    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &self.backend {
            Backend::Live(s) => {
                let kernel = netlink_sys::SocketAddr::new(0, 0);
                s.send_to(bytes, &kernel, 0).map(|_| ())
            }
            Backend::Replay(_) => Ok(()),
        }
    }

    /// rtnl_recvmsg(): peek the size, then read the whole datagram into a
    /// buffer of at least 32 KiB (the kernel sizes dump skbs from it).
    fn recv(&mut self) -> Result<usize, i32> {
        match &mut self.backend {
            Backend::Replay(q) => match q.pop_front() {
                Some(d) => {
                    self.buf = d;
                    #[cfg(test)]
                    if self.filter {
                        replay_fix_seq(&mut self.buf, self.seq);
                    }
                    Ok(self.buf.len())
                }
                None => {
                    eprint_raw("EOF on netlink\n");
                    Err(libc::ENODATA)
                }
            },
            Backend::Live(s) => {
                let peek = loop {
                    // A zero-length peek (as iproute2's) learns the size
                    // without copying the datagram twice.
                    let mut none: &mut [u8] = &mut [];
                    match s.recv(&mut none, libc::MSG_PEEK | libc::MSG_TRUNC) {
                        Ok(n) => break n,
                        Err(e) => {
                            let errno = e.raw_os_error().unwrap_or(libc::EIO);
                            if errno == libc::EINTR || errno == libc::EAGAIN {
                                continue;
                            }
                            eprint_raw(&format!("netlink receive error {} ({})\n", strerror(errno), errno));
                            return Err(errno);
                        }
                    }
                };
                if peek == 0 {
                    eprint_raw("EOF on netlink\n");
                    return Err(libc::ENODATA);
                }
                let want = peek.max(32768);
                self.buf.clear();
                if self.buf.capacity() < want {
                    self.buf.reserve(want);
                }
                let n = loop {
                    match s.recv(&mut self.buf, 0) {
                        Ok(n) => break n,
                        Err(e) => {
                            let errno = e.raw_os_error().unwrap_or(libc::EIO);
                            if errno == libc::EINTR || errno == libc::EAGAIN {
                                continue;
                            }
                            eprint_raw(&format!("netlink receive error {} ({})\n", strerror(errno), errno));
                            return Err(errno);
                        }
                    }
                };
                let n = n.min(self.buf.len());
                #[cfg(debug_assertions)]
                if let Some(f) = self.record.as_mut() {
                    use std::io::Write;
                    let _ = f.write_all(&(n as u32).to_ne_bytes());
                    let _ = f.write_all(&self.buf[..n]);
                }
                Ok(n)
            }
        }
    }

    /// Sends a dump request (NLM_F_DUMP|NLM_F_REQUEST, a new sequence number).
    pub fn dump_request(&mut self, req: &mut Req) -> Result<(), i32> {
        req.set_flags(NLM_F_DUMP | NLM_F_REQUEST);
        let seq = self.next_seq();
        self.dump_seq = seq;
        req.set_seq(seq);
        self.send(req.bytes()).map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))
    }

    /// rtnl_dump_filter(): calls `f` for every message of the dump in
    /// progress, streaming. Ok(true) at NLMSG_DONE; Ok(false) when the
    /// kernel reported an error (already printed as iproute2 prints it).
    pub fn dump<F>(&mut self, f: F) -> crate::error::Res<bool>
    where
        F: FnMut(Msg) -> crate::error::Res<()>,
    {
        self.dump_opts(None, f)
    }

    /// dump() with an error handler's RTNL_SUPPRESS_NLMSG_DONE_NLERR: a
    /// final NLMSG_DONE carrying `-suppress` ends the dump quietly, as a
    /// success (e.g. `ip route` when the main table does not exist yet).
    pub fn dump_opts<F>(&mut self, suppress: Option<i32>, mut f: F) -> crate::error::Res<bool>
    where
        F: FnMut(Msg) -> crate::error::Res<()>,
    {
        let mut intr = false;
        loop {
            let n = match self.recv() {
                Ok(n) => n,
                Err(_) => return Ok(false),
            };
            let buf = std::mem::take(&mut self.buf);
            let mut done = false;
            let mut result = Ok(true);
            for m in msgs(&buf[..n.min(buf.len())]) {
                if self.filter && (m.pid != self.local_pid || m.seq != self.dump_seq) {
                    continue;
                }
                if m.flags & NLM_F_DUMP_INTR != 0 {
                    intr = true;
                }
                if m.ty == NLMSG_DONE {
                    let quiet =
                        suppress.is_some_and(|e| m.payload.len() >= 4 && attr::hdr_u32(m.payload, 0) as i32 == -e);
                    if !quiet && !dump_done(&m) {
                        result = Ok(false);
                    }
                    done = true;
                    break;
                }
                if m.ty == NLMSG_ERROR {
                    // rtnl_dump_error(): a whole struct nlmsgerr, else
                    // "ERROR truncated"; no extended ACK here.
                    if m.payload.len() < 20 {
                        eprint_raw("ERROR truncated\n");
                    } else {
                        let err = attr::hdr_u32(m.payload, 0) as i32;
                        eprint_raw(&format!("RTNETLINK answers: {}\n", strerror(err.wrapping_neg())));
                    }
                    result = Ok(false);
                    done = true;
                    break;
                }
                if let Err(e) = f(m) {
                    self.buf = buf;
                    return Err(e);
                }
            }
            if done {
                self.buf = buf;
                if intr && result == Ok(true) {
                    eprint_raw("Dump was interrupted and may be inconsistent.\n");
                }
                return result;
            }
            // Bytes no whole message covers end the process, as in
            // rtnl_dump_filter_l() ("!!!Remnant of size N", exit 1).
            let rest = remnant(&buf[..n.min(buf.len())]);
            self.buf = buf;
            if rest != 0 {
                eprint_raw(&format!("!!!Remnant of size {}\n", rest));
                return Err(crate::error::Exit(1));
            }
        }
    }

    /// Collects a whole dump as raw datagrams (for `ip link`/`ip addr`,
    /// which must see every link before printing, as iproute2 stores them).
    /// Chunks have exactly 32 KiB capacity: a growing Vec would double past
    /// that and waste a third of the memory.
    pub fn dump_collect(&mut self) -> crate::error::Res<Option<Vec<Vec<u8>>>> {
        const CHUNK: usize = 32768;
        let mut out: Vec<Vec<u8>> = Vec::new();
        let mut cur: Vec<u8> = Vec::new();
        let ok = self.dump(|m| {
            let need = attr::align4(m.raw.len());
            if cur.len() + need > cur.capacity() {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur = Vec::with_capacity(CHUNK.max(need));
            }
            cur.extend_from_slice(m.raw);
            cur.resize(attr::align4(cur.len()), 0);
            Ok(())
        })?;
        if !cur.is_empty() {
            out.push(cur);
        }
        Ok(if ok { Some(out) } else { None })
    }

    /// rtnl_send_check() on this socket (see [`SendCheck`]).
    pub fn send_check(&mut self, buf: &[u8]) -> Result<(), i32> {
        self.send_checker().send_check(buf)
    }

    /// A [`SendCheck`] for this socket, usable while a dump borrows it
    /// (iproute2 sends a flush's deletes from inside the dump callback).
    pub fn send_checker(&self) -> SendCheck {
        SendCheck { fd: self.raw_fd() }
    }

    /// rtnl_talk(): sends `req` with NLM_F_ACK and waits for the answer.
    /// Errors are printed (extended ACK text, else "RTNETLINK answers: ...").
    pub fn talk(&mut self, req: &mut Req) -> Result<(), NlError> {
        self.talk_inner(req, false, true).map(|_| ())
    }

    /// rtnl_talk() with an answer: the reply message's bytes.
    pub fn talk_answer(&mut self, req: &mut Req) -> Result<Vec<u8>, NlError> {
        self.talk_inner(req, true, true).map(|a| a.unwrap_or_default())
    }

    /// rtnl_talk_suppress_rtnl_errmsg(): no "RTNETLINK answers" on error.
    pub fn talk_answer_quiet(&mut self, req: &mut Req) -> Result<Vec<u8>, NlError> {
        self.talk_inner(req, true, false).map(|a| a.unwrap_or_default())
    }

    pub fn talk_quiet(&mut self, req: &mut Req) -> Result<(), NlError> {
        self.talk_inner(req, false, false).map(|_| ())
    }

    fn talk_inner(&mut self, req: &mut Req, answer: bool, show_err: bool) -> Result<Option<Vec<u8>>, NlError> {
        let seq = self.next_seq();
        req.set_seq(seq);
        if !answer {
            let f = req.flags() | NLM_F_ACK;
            req.set_flags(f);
        }
        if let Err(e) = self.send(req.bytes()) {
            let errno = e.raw_os_error().unwrap_or(libc::EIO);
            eprint_raw(&format!("Cannot talk to rtnetlink: {}\n", strerror(errno)));
            return Err(NlError(errno));
        }
        loop {
            let n = match self.recv() {
                Ok(n) => n,
                Err(e) => return Err(NlError(e)),
            };
            let buf = std::mem::take(&mut self.buf);
            let mut outcome: Option<Result<Option<Vec<u8>>, NlError>> = None;
            for m in msgs(&buf[..n.min(buf.len())]) {
                // Only this request's sequence number. __rtnl_talk_iov() also
                // takes the one before (seq - iovlen), but iproute2 asks
                // ll_link_get() on a socket of its own, where rip asks on
                // this one: the ACK an `-echo` request leaves queued (seq - 1)
                // would answer rip's name lookup (fuzz: ip -echo link add
                // ... type veth peer name e1 printed "@if11").
                if self.filter && (m.pid != self.local_pid || m.seq != seq) {
                    continue;
                }
                if m.ty == NLMSG_ERROR {
                    if m.payload.len() < 20 {
                        eprint_raw("ERROR truncated\n");
                        outcome = Some(Err(NlError(libc::EIO)));
                        break;
                    }
                    let error = attr::hdr_u32(m.payload, 0) as i32;
                    if error == 0 {
                        ext_ack(&m);
                        outcome = Some(Ok(if answer { Some(m.raw.to_vec()) } else { None }));
                    } else {
                        if show_err && !ext_ack(&m) {
                            eprint_raw(&format!("RTNETLINK answers: {}\n", strerror(error.wrapping_neg())));
                        }
                        outcome = Some(Err(NlError(error.wrapping_neg())));
                    }
                    break;
                }
                if answer {
                    outcome = Some(Ok(Some(m.raw.to_vec())));
                    break;
                }
                eprint_raw("Unexpected reply!!!\n");
            }
            self.buf = buf;
            if let Some(o) = outcome {
                return o;
            }
        }
    }
}

/// rtnl_send_check(): sends requests without NLM_F_ACK (a flush's batched
/// deletes) and peeks, without waiting, for an error the kernel already
/// queued; the ACK-less requests leave nothing else to drain. A replay
/// handle (no socket) accepts everything.
#[derive(Clone, Copy)]
pub struct SendCheck {
    fd: Option<i32>,
}

impl SendCheck {
    /// Err(errno) for a failed send or a queued NLMSG_ERROR ("ERROR
    /// truncated" printed for a short one, then EIO).
    pub fn send_check(&self, buf: &[u8]) -> Result<(), i32> {
        let Some(fd) = self.fd else { return Ok(()) };
        // SAFETY: buf is a valid slice; fd is the open netlink socket.
        let n = unsafe { libc::send(fd, buf.as_ptr() as *const libc::c_void, buf.len(), 0) };
        if n < 0 {
            return Err(io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO));
        }
        let mut resp = [0u8; 1024];
        // SAFETY: resp is a writable buffer of its length.
        let n = unsafe {
            libc::recv(fd, resp.as_mut_ptr() as *mut libc::c_void, resp.len(), libc::MSG_DONTWAIT | libc::MSG_PEEK)
        };
        if n < 0 {
            let e = io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
            if e == libc::EAGAIN {
                return Ok(());
            }
            return Err(e);
        }
        for m in msgs(&resp[..(n as usize).min(resp.len())]) {
            if m.ty == NLMSG_ERROR {
                if m.payload.len() < 20 {
                    eprint_raw("ERROR truncated\n");
                    return Err(libc::EIO);
                }
                return Err((attr::hdr_u32(m.payload, 0) as i32).wrapping_neg());
            }
        }
        Ok(())
    }
}

/// iproute2's flush buffer: dumped messages rewritten as delete requests
/// (type, NLM_F_REQUEST, sequence 0) and sent, without an ACK, whenever the
/// next one would overflow its 3.5 KiB (rtnl_send_check per batch).
pub struct FlushBatch {
    buf: Vec<u8>,
    sender: SendCheck,
}

impl FlushBatch {
    const LIMIT: usize = 4096 - 512;

    pub fn new(sender: SendCheck) -> FlushBatch {
        FlushBatch { buf: Vec::with_capacity(Self::LIMIT), sender }
    }

    /// Queues the dumped message `raw` as a `del_type` request, sending the
    /// batch first when it would not fit. Err(errno) when that send failed.
    pub fn push(&mut self, raw: &[u8], del_type: u16) -> Result<(), i32> {
        if attr::align4(self.buf.len()) + raw.len() > Self::LIMIT {
            self.sender.send_check(&self.buf)?;
            self.buf.clear();
        }
        self.buf.resize(attr::align4(self.buf.len()), 0);
        let at = self.buf.len();
        self.buf.extend_from_slice(raw);
        if let Some(h) = self.buf.get_mut(at..at + 16) {
            h[4..6].copy_from_slice(&del_type.to_ne_bytes());
            h[6..8].copy_from_slice(&NLM_F_REQUEST.to_ne_bytes());
            h[8..12].copy_from_slice(&0u32.to_ne_bytes());
        }
        Ok(())
    }

    /// Sends what is still queued (nothing when empty).
    pub fn send_rest(&mut self) -> Result<(), i32> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let r = self.sender.send_check(&self.buf);
        self.buf.clear();
        r
    }
}

/// libmnl's mnl_attr_parse(nlh, offset, err_attr_cb) over the extended-ACK
/// TLVs at `offset` (aligned) into the payload: the NLMSGERR_ATTR_* table,
/// or None when err_attr_cb refused a TLV (its message printed: a type above
/// NLMSGERR_ATTR_MAX, or one its policy rejects).
fn ext_ack_tlvs<'a>(m: &Msg<'a>, offset: u32) -> Option<[Option<&'a [u8]>; 7]> {
    let mut tb: [Option<&'a [u8]>; 7] = [None; 7];
    let raw = m.raw;
    let tail = raw.len() as u64;
    let mut pos = NLMSG_HDRLEN as u64 + (offset.wrapping_add(3) & !3) as u64;
    while pos + 4 <= tail {
        let at = pos as usize;
        let (Some(l), Some(t)) = (raw.get(at..at + 2), raw.get(at + 2..at + 4)) else { break };
        let nla_len = u16::from_ne_bytes([l[0], l[1]]) as u64;
        if nla_len < 4 || nla_len > tail - pos {
            break;
        }
        let ty = (u16::from_ne_bytes([t[0], t[1]]) & 0x3fff) as usize;
        if ty >= tb.len() {
            eprint_raw("Invalid extack attribute\n");
            return None;
        }
        let data = raw.get(at + 4..at + nla_len as usize).unwrap_or(&[]);
        // extack_policy: MSG a NUL_STRING, OFFS a U32, the rest unchecked.
        let ok = match ty as u16 {
            NLMSGERR_ATTR_MSG => data.last() == Some(&0),
            NLMSGERR_ATTR_OFFS => data.len() == 4,
            _ => true,
        };
        if !ok {
            eprint_raw(&format!("extack attribute {} failed validation\n", ty));
            return None;
        }
        tb[ty] = Some(data);
        pos += (nla_len + 3) & !3;
    }
    Some(tb)
}

/// The C string of a NUL_STRING attribute.
fn c_str(d: &[u8]) -> &[u8] {
    &d[..d.iter().position(|&c| c == 0).unwrap_or(d.len())]
}

/// nl_dump_ext_ack(nlh, NULL): the extended-ACK message of an NLMSG_ERROR
/// (or a successful NLMSG_DONE), printed as iproute2 does ("Error: " or
/// "Warning: ", a final "." added when missing). Returns whether an error
/// message was printed.
fn ext_ack(m: &Msg) -> bool {
    if m.flags & NLM_F_ACK_TLVS == 0 {
        return false;
    }
    let error = attr::hdr_u32(m.payload, 0) as i32;
    // sizeof(struct nlmsgerr), plus the echoed request's payload unless
    // NLM_F_CAPPED (unsigned arithmetic, as in C: a short inner length wraps).
    let mut hlen: u32 = 4 + 16;
    if m.flags & NLM_F_CAPPED == 0 {
        hlen = hlen.wrapping_add(attr::hdr_u32(m.payload, 4).wrapping_sub(16));
    }
    let Some(tb) = ext_ack_tlvs(m, hlen) else { return false };
    if let Some(off) = tb[NLMSGERR_ATTR_OFFS as usize] {
        if attr::hdr_u32(off, 0) as usize > m.raw.len() {
            eprint_raw("Invalid offset for NLMSGERR_ATTR_OFFS\n");
        }
    }
    match tb[NLMSGERR_ATTR_MSG as usize].map(c_str) {
        Some(msg) if !msg.is_empty() => {
            print_ext_ack_msg(error != 0, msg);
            error != 0
        }
        _ => false,
    }
}

/// nl_dump_ext_ack_done(nlh, sizeof(int), error): the TLVs right after a
/// failed NLMSG_DONE's int, whatever its flags. Whether an error was printed.
fn ext_ack_done(m: &Msg, error: i32) -> bool {
    let Some(tb) = ext_ack_tlvs(m, 4) else { return false };
    match tb[NLMSGERR_ATTR_MSG as usize].map(c_str) {
        Some(msg) if !msg.is_empty() => {
            print_ext_ack_msg(error != 0, msg);
            error != 0
        }
        _ => false,
    }
}

fn print_ext_ack_msg(is_err: bool, msg: &[u8]) {
    let mut s = Vec::with_capacity(msg.len() + 10);
    s.extend_from_slice(if is_err { b"Error: " } else { b"Warning: " });
    s.extend_from_slice(msg);
    if msg.last() != Some(&b'.') {
        s.push(b'.');
    }
    s.push(b'\n');
    crate::error::eprint_bytes(&s);
}

/// What rtnl_dump_filter_l()'s NLMSG_OK/NLMSG_NEXT walk leaves of a
/// datagram (C int arithmetic: an unaligned last message goes negative).
fn remnant(buf: &[u8]) -> i64 {
    let mut left = buf.len() as i64;
    let mut at = 0usize;
    while left >= NLMSG_HDRLEN as i64 {
        let len = attr::hdr_u32(buf, at) as i64;
        if len < NLMSG_HDRLEN as i64 || len > left {
            break;
        }
        let step = (len + 3) & !3;
        left -= step;
        at += step as usize;
    }
    left
}

/// A strict replay answers the latest request: REPLAY_SEQ becomes `seq`
/// (REPLAY_SEQ + 1 the one before it).
#[cfg(test)]
fn replay_fix_seq(buf: &mut [u8], seq: u32) {
    let mut at = 0;
    while at + NLMSG_HDRLEN <= buf.len() {
        let len = attr::hdr_u32(buf, at) as usize;
        let s = attr::hdr_u32(buf, at + 8);
        if s == REPLAY_SEQ || s == REPLAY_SEQ + 1 {
            let v = if s == REPLAY_SEQ { seq } else { seq.wrapping_sub(1) };
            buf[at + 8..at + 12].copy_from_slice(&v.to_ne_bytes());
        }
        if len < NLMSG_HDRLEN {
            break;
        }
        at += attr::align4(len);
    }
}

/// rtnl_dump_done(): true if the dump ended well.
fn dump_done(m: &Msg) -> bool {
    if m.payload.len() < 4 {
        eprint_raw("DONE truncated\n");
        return false;
    }
    let len = attr::hdr_u32(m.payload, 0) as i32;
    if len < 0 {
        let errno = len.wrapping_neg();
        if ext_ack_done(m, len) {
            return false;
        }
        match errno {
            libc::ENOENT | libc::EOPNOTSUPP => return false,
            libc::EMSGSIZE => eprint_raw("Error: Buffer too small for object.\n"),
            _ => eprint_raw(&format!("RTNETLINK answers: {}\n", strerror(errno))),
        }
        return false;
    }
    // 6.1.0 reads a good DONE's TLVs as an NLMSG_ERROR's (nl_dump_ext_ack).
    ext_ack(m);
    true
}
