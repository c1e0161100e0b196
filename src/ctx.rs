//! What every command works with: the parsed global options, the one
//! printer, the interface-name cache and the rtnetlink handle (live, or a
//! recording for golden tests).

use crate::error::{Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::Rtnl;
use crate::print::color::When;
use crate::print::Printer;

/// The global options of both front ends (ip's and bridge's; a front end
/// leaves the other's fields at their defaults).
#[derive(Debug, Clone)]
pub struct Opts {
    pub family: u8,
    pub human: u32,
    pub iec: u32,
    pub stats: u32,
    pub details: u32,
    pub resolve: u32,
    pub oneline: u32,
    pub timestamp: u32,
    pub tshort: u32,
    pub force: u32,
    pub brief: u32,
    pub json: u32,
    pub pretty: u32,
    pub rcvbuf: u32,
    pub color: When,
    pub numeric: u32,
    pub all: bool,
    pub echo: u32,
    pub loops: i32,
    pub batch_mode: bool,
    /// bridge -compressvlans.
    pub compress_vlans: u32,
}

impl Default for Opts {
    fn default() -> Opts {
        Opts {
            family: AF_UNSPEC,
            human: 0,
            iec: 0,
            stats: 0,
            details: 0,
            resolve: 0,
            oneline: 0,
            timestamp: 0,
            tshort: 0,
            force: 0,
            brief: 0,
            json: 0,
            pretty: 0,
            rcvbuf: 1024 * 1024,
            color: When::Unset,
            numeric: 0,
            all: false,
            echo: 0,
            loops: 10,
            batch_mode: false,
            compress_vlans: 0,
        }
    }
}

/// iproute2's function-level statics that outlive one command, so later
/// commands of a batch see them set (and a fresh process does not).
#[derive(Debug, Clone, Default)]
pub struct Sticky {
    /// ipaddress.c's `do_link`: set by `ip link show` and never cleared, so
    /// a later `ip address` of the batch lists as `ip link` does.
    pub do_link: bool,
    /// iproute.c filter_nlmsg()'s `ip6_multiple_tables`: an IPv6 route
    /// outside main was seen, so `table` selects IPv6 routes by number.
    pub ip6_multiple_tables: bool,
    /// ipmaddr.c's `filter.dev`: once a listing named a device, later
    /// listings of the batch filter on it, and naming one again is a
    /// duplicate.
    pub maddr_dev: Option<String>,
    /// Where that device name sits in the batch line buffer: iproute2
    /// keeps a pointer into it, which later lines overwrite.
    pub maddr_dev_at: Option<usize>,
    /// The batch line buffer as getline() and makeargs() leave it: the
    /// words of the current line, each ended by a NUL (single blanks
    /// assumed), then the terminator, over what longer earlier lines left.
    pub batch_buf: Vec<u8>,
    /// The object word of the current batch line (when short).
    pub batch_obj: String,
}

/// Writes the words of a batch line over `buf` as makeargs() leaves its
/// line buffer: each word ended by a NUL, then a terminating NUL.
pub fn fill_batch_buf(buf: &mut Vec<u8>, words: &[String]) {
    let len: usize = words.iter().map(|w| w.len() + 1).sum::<usize>() + 1;
    if buf.len() < len {
        buf.resize(len, 0);
    }
    let mut at = 0;
    for w in words {
        buf[at..at + w.len()].copy_from_slice(w.as_bytes());
        buf[at + w.len()] = 0;
        at += w.len() + 1;
    }
    buf[at] = 0;
}

impl Opts {
    /// The printer's mode these options ask for (colour only without -j,
    /// and only where the colour rules allow it).
    pub fn mode(&self) -> crate::print::Mode {
        let (color, dark) = crate::print::color::enabled(self.color, self.json > 0);
        crate::print::Mode { json: self.json > 0, pretty: self.pretty > 0, oneline: self.oneline > 0, color, dark }
    }
}

/// Everything a command needs: options, the printer, the netlink handle.
pub struct Ctx {
    pub o: Opts,
    pub p: Printer,
    pub names: crate::names::LinkNames,
    pub sticky: Sticky,
    rtnl: Option<Rtnl>,
    /// Replies to answer from instead of the kernel (golden tests).
    replay: bool,
    /// bridge's print_headers() state (`bridge -t monitor`, `monitor all`).
    pub headers: Headers,
}

impl Ctx {
    pub fn new(o: Opts, p: Printer) -> Ctx {
        Ctx {
            o,
            p,
            names: Default::default(),
            sticky: Sticky::default(),
            rtnl: None,
            replay: false,
            headers: Headers::default(),
        }
    }

    /// A context whose netlink answers come from a recording.
    pub fn with_replay(o: Opts, p: Printer, datagrams: Vec<Vec<u8>>) -> Ctx {
        Ctx {
            o,
            p,
            names: Default::default(),
            sticky: Sticky::default(),
            rtnl: Some(Rtnl::replay(datagrams)),
            replay: true,
            headers: Headers::default(),
        }
    }

    pub fn is_replay(&self) -> bool {
        self.replay
    }

    /// The rtnetlink handle, opened on first use (rtnl_open; exit 1 on failure).
    pub fn rtnl(&mut self) -> Res<&mut Rtnl> {
        if self.rtnl.is_none() {
            // ip's batch() opens rtnetlink without strict dump checking
            // (the kernel then ignores dump filters such as RTA_TABLE).
            match Rtnl::open(self.o.rcvbuf, !self.o.batch_mode) {
                Ok(r) => self.rtnl = Some(r),
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(libc::EIO);
                    return Err(crate::error::cannot_open_netlink(errno));
                }
            }
        }
        match self.rtnl.as_mut() {
            Some(r) => Ok(r),
            None => Err(Exit(1)),
        }
    }

    /// ll_index_to_name() with this context's cache and socket.
    pub fn ifname(&mut self, index: u32) -> String {
        if self.rtnl.is_none() && !self.replay {
            let _ = self.rtnl();
        }
        self.names.name(self.rtnl.as_mut(), index)
    }

    /// ll_name_to_index() with this context's cache and socket (0: unknown).
    pub fn ifindex(&mut self, name: &str) -> u32 {
        if self.rtnl().is_err() {
            return 0;
        }
        match self.rtnl.as_mut() {
            Some(r) => self.names.index(r, name),
            None => 0,
        }
    }

    /// The dump-filter-print helper every `show` is built on: sends `req`
    /// as a dump (rtnl_dump_request: "Cannot send dump request: ERR", and
    /// exit 1) and streams each message to `show` with the printer, the name
    /// cache and the options (rtnl_dump_filter). A dump the kernel ended
    /// with an error is "Dump terminated" and exit 1, as iproute2's
    /// callers print it. `show` returns Ok(()) to go on; an `Err(Exit)`
    /// ends the dump and the command.
    pub fn dump_show<F>(&mut self, req: &mut crate::netlink::Req, mut show: F) -> Res<i32>
    where
        F: FnMut(&mut Shown, crate::netlink::Msg) -> Res<()>,
    {
        let rtnl = self.rtnl()?;
        if let Err(e) = rtnl.dump_request(req) {
            return Err(crate::error::cannot_send_dump(e));
        }
        if !self.dump_stream(&mut show)? {
            return Err(crate::error::dump_terminated());
        }
        Ok(0)
    }

    /// The dump in progress (its request already sent), streamed to `show`
    /// with the printer, the name cache and the options: Rtnl::dump()'s
    /// answer, for callers whose dump errors are not dump_show()'s.
    pub fn dump_stream<F>(&mut self, mut show: F) -> Res<bool>
    where
        F: FnMut(&mut Shown, crate::netlink::Msg) -> Res<()>,
    {
        let Ctx { o, p, names, rtnl, .. } = self;
        let mut shown = Shown { o, p, names };
        match rtnl.as_mut() {
            Some(r) => r.dump(|m| show(&mut shown, m)),
            None => Ok(false),
        }
    }

    /// ll_init_map(): fills the name cache from one dump of every link
    /// (once; later calls are free). "Cannot send dump request" or "Dump
    /// terminated" and exit 1 on failure.
    pub fn init_map(&mut self) -> Res<()> {
        if self.names.loaded {
            return Ok(());
        }
        let mut req = crate::netlink::Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
        req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
        self.dump_show(&mut req, |s, m| {
            if m.ty == RTM_NEWLINK {
                s.names.remember(m.payload);
            }
            Ok(())
        })?;
        self.names.loaded = true;
        Ok(())
    }

    /// Makes `r` this context's socket (a listener bound to multicast
    /// groups, as `bridge monitor` reopens rth).
    pub fn set_rtnl(&mut self, r: Rtnl) {
        if !self.replay {
            self.rtnl = Some(r);
        }
    }

    /// The end of a command line: flushes the output and leaves the rest to
    /// the process exit that follows (freeing the name cache and buffers
    /// one by one only costs time; the kernel closes the socket).
    pub fn finish(mut self) {
        let _ = self.p.flush();
        std::mem::forget(self);
    }

    /// Drops the netlink socket (after a namespace switch it must be reopened).
    pub fn reset_rtnl(&mut self) {
        if !self.replay {
            self.rtnl = None;
        }
    }

    /// rtnl_listen(), the event loop of `ip monitor`, `ip xfrm monitor` and
    /// `bridge monitor`: receives on `ev` (None: this context's own socket)
    /// and hands each message to `accept` with its nsid, read from the
    /// control data when `all_nsid` (NETLINK_LISTEN_ALL_NSID), else -1.
    /// EINTR and EAGAIN retry, ENOBUFS is told and retried; a receive error,
    /// EOF or a truncated message end it with -1, a negative status of
    /// `accept` with that status; a malformed message or a remnant is exit 1.
    /// Stdout is flushed before each of these lines on stderr.
    pub fn listen<F>(&mut self, mut ev: Option<&mut Rtnl>, all_nsid: bool, mut accept: F) -> Res<i32>
    where
        F: FnMut(&mut Ctx, i32, &crate::netlink::Msg) -> i32,
    {
        let mut buf = vec![0u8; 16384];
        loop {
            let rtnl = match ev.as_deref_mut() {
                Some(r) => r,
                None => self.rtnl()?,
            };
            let r = if all_nsid {
                rtnl.recv_event_nsid(&mut buf)
            } else {
                rtnl.recv_event(&mut buf).map(|(n, t)| (n, t, -1))
            };
            let (status, truncated, nsid) = match r {
                Ok(r) => r,
                Err(e) => {
                    if e == libc::EINTR || e == libc::EAGAIN {
                        continue;
                    }
                    let _ = self.p.flush();
                    crate::eprintf!("netlink receive error {} ({})\n", crate::error::strerror(e), e);
                    if e == libc::ENOBUFS {
                        continue;
                    }
                    return Ok(-1);
                }
            };
            if status == 0 {
                let _ = self.p.flush();
                crate::eprintf!("EOF on netlink\n");
                return Ok(-1);
            }
            let data = &buf[..status.min(buf.len())];
            let mut off = 0usize;
            while data.len() - off >= 16 {
                let len = u32::from_ne_bytes([data[off], data[off + 1], data[off + 2], data[off + 3]]) as usize;
                if len < 16 || len > data.len() - off {
                    let _ = self.p.flush();
                    if truncated {
                        crate::eprintf!("Truncated message\n");
                        return Ok(-1);
                    }
                    // iproute2's int len, printed with %d.
                    return Err(crate::error::fail(1, &format!("!!!malformed message: len={}\n", len as i32)));
                }
                if let Some(m) = crate::netlink::msgs(&data[off..off + len]).next() {
                    let r = accept(self, nsid, &m);
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
                let _ = self.p.flush();
                crate::eprintf!("Message truncated\n");
                continue;
            }
            if off != data.len() {
                let _ = self.p.flush();
                return Err(crate::error::fail(1, &format!("!!!Remnant of size {}\n", data.len() - off)));
            }
        }
    }
}

/// bridge's print_headers() switches: a "Timestamp: ..." line (`-t` with
/// `monitor`) and the event banner ("[LINK]", `monitor all`) before each
/// printed message. Off for everything else.
#[derive(Debug, Clone, Copy, Default)]
pub struct Headers {
    pub timestamp: bool,
    pub banner: bool,
}

impl Headers {
    /// print_headers(): the timestamp line and the banner, as raw text.
    pub fn print(self, p: &mut Printer, label: &str) {
        if self.timestamp {
            let (secs, usecs) = crate::sys::now();
            p.raw(format!("Timestamp: {} {} usec\n", crate::sys::asctime(secs), usecs).as_bytes());
        }
        if self.banner {
            p.raw(label.as_bytes());
        }
    }
}

/// What a dump callback may use while the socket is busy with the dump:
/// the options, the printer and the name cache (lookups it cannot answer
/// from the cache print the number, as ll_index_to_name does offline).
pub struct Shown<'a> {
    pub o: &'a Opts,
    pub p: &'a mut Printer,
    pub names: &'a mut crate::names::LinkNames,
}

/// The golden suite's harness, shared by the front ends: runs `run` with a
/// sink for the printer while stdout and stderr are collected instead of
/// written; returns (stdout, stderr, exit status).
pub fn capture(run: impl FnOnce(Box<dyn std::io::Write>) -> Res<i32>) -> (Vec<u8>, Vec<u8>, i32) {
    let out = crate::print::Captured::default();
    let (rc, err) = crate::error::capture_stderr(|| match run(Box::new(out.clone())) {
        Ok(c) | Err(Exit(c)) => c & 0xff,
    });
    (out.bytes(), err, rc)
}
