//! The `bridge` front end (bridge/bridge.c, iproute2 6.1.0): global options
//! in bridge's own order (`-c` is colour, `-com` compressvlans, `-h` help),
//! the object table, `-batch`. A handler's return value is the exit status
//! (C's `return -1` from main is 255; `-EINVAL` is 234).

pub mod fdb;
pub mod link;
pub mod mdb;
pub mod monitor;
pub mod vlan;
pub mod vni;

use std::ffi::OsString;

use crate::args::{matches, Args};
use crate::error::{fail, Exit, Res};
use crate::names::LinkNames;
use crate::netlink::consts::*;
use crate::netlink::Rtnl;
use crate::print::color::{self, When};
use crate::print::{Mode, Printer};

#[derive(Debug, Clone, Default)]
pub struct Opts {
    pub family: u8,
    pub stats: u32,
    pub details: u32,
    pub oneline: u32,
    pub timestamp: u32,
    pub compress_vlans: u32,
    pub force: u32,
    pub json: u32,
    pub pretty: u32,
    pub color: When,
}

/// What a bridge command works with. Fields are public so a dump callback
/// can print (p, names) while the socket (rtnl) is busy.
pub struct BrCtx {
    pub o: Opts,
    pub p: Printer,
    pub names: LinkNames,
    pub rtnl: Option<Rtnl>,
    names_loaded: bool,
}

impl BrCtx {
    pub fn rtnl(&mut self) -> Res<&mut Rtnl> {
        if self.rtnl.is_none() {
            match Rtnl::open(1024 * 1024, true) {
                Ok(r) => self.rtnl = Some(r),
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(libc::EIO);
                    crate::eprintf!("Cannot open netlink socket: {}\n", crate::error::strerror(errno));
                    return Err(Exit(1));
                }
            }
        }
        self.rtnl.as_mut().ok_or(Exit(1))
    }

    /// ll_init_map(): the name cache from a dump of every link.
    pub fn init_map(&mut self) -> Res<()> {
        if self.names_loaded {
            return Ok(());
        }
        let mut req = crate::netlink::Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
        req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
        let rtnl = self.rtnl()?;
        if let Err(e) = rtnl.dump_request(&mut req) {
            crate::eprintf!("Cannot send dump request: {}\n", crate::error::strerror(e));
            return Err(Exit(1));
        }
        let names = &mut self.names;
        let ok = match self.rtnl.as_mut() {
            Some(r) => r.dump(|m| {
                if m.ty == RTM_NEWLINK {
                    names.remember(m.payload);
                }
                Ok(())
            })?,
            None => false,
        };
        if !ok {
            return Err(fail(1, "Dump terminated\n"));
        }
        self.names_loaded = true;
        Ok(())
    }

    /// ll_name_to_index()
    pub fn ifindex(&mut self, name: &str) -> Res<u32> {
        self.rtnl()?;
        match self.rtnl.as_mut() {
            Some(r) => Ok(self.names.index(r, name)),
            None => Ok(0),
        }
    }

    /// ll_index_to_name()
    pub fn ifname(&mut self, index: u32) -> String {
        self.names.name(self.rtnl.as_mut(), index)
    }
}

/// print_headers() state: `bridge -t monitor` timestamps and the
/// `monitor all` banners ("[LINK]" ...). Other commands reset both.
static HEADERS: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);
const H_TIMESTAMP: u8 = 1;
const H_BANNER: u8 = 2;

pub fn set_headers(timestamp: bool, banner: bool) {
    let v = if timestamp { H_TIMESTAMP } else { 0 } | if banner { H_BANNER } else { 0 };
    HEADERS.store(v, std::sync::atomic::Ordering::Relaxed);
}

/// print_headers(): "Timestamp: ..." and the event banner, as raw text.
pub fn print_headers(p: &mut Printer, label: &str) {
    let h = HEADERS.load(std::sync::atomic::Ordering::Relaxed);
    if h & H_TIMESTAMP != 0 {
        p.raw(timestamp_line().as_bytes());
    }
    if h & H_BANNER != 0 {
        p.raw(label.as_bytes());
    }
}

/// asctime(localtime(secs)) without its newline.
pub fn asctime(secs: libc::time_t) -> String {
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: plain libc calls on local buffers (asctime_r needs 26 bytes).
    let s = unsafe {
        libc::localtime_r(&secs, &mut tm);
        let r = libc::asctime_r(&tm, buf.as_mut_ptr());
        if r.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(r).to_string_lossy().into_owned()
        }
    };
    s.trim_end_matches('\n').to_string()
}

/// print_timestamp(): "Timestamp: <asctime> <usec> usec".
fn timestamp_line() -> String {
    let mut tv = libc::timeval { tv_sec: 0, tv_usec: 0 };
    // SAFETY: gettimeofday fills a local.
    unsafe { libc::gettimeofday(&mut tv, std::ptr::null_mut()) };
    format!("Timestamp: {} {} usec\n", asctime(tv.tv_sec), tv.tv_usec)
}

pub const USAGE: &str = "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

type Handler = fn(&mut BrCtx, Args) -> Res<i32>;

/// bridge.c cmds[] in order (first prefix match wins).
const OBJECTS: &[(&str, Option<Handler>)] = &[
    ("link", Some(link::do_link)),
    ("fdb", Some(fdb::do_fdb)),
    ("mdb", Some(mdb::do_mdb)),
    ("vlan", Some(vlan::do_vlan)),
    ("vni", Some(vni::do_vni)),
    ("monitor", Some(monitor::do_monitor)),
    ("help", Some(do_help)),
];

fn do_help(_: &mut BrCtx, _: Args) -> Res<i32> {
    Err(usage())
}

fn do_cmd(ctx: &mut BrCtx, obj: &str, args: Args) -> Res<i32> {
    for (name, h) in OBJECTS {
        if matches(obj, name) {
            return match h {
                Some(h) => h(ctx, args),
                None => Err(fail(
                    1,
                    &format!("rip: \"bridge {}\" is not implemented yet (rip mirrors iproute2 6.1.0 for link, fdb, mdb, vlan, vni and monitor).\n", name),
                )),
            };
        }
    }
    crate::eprintf!("Object \"{}\" is unknown, try \"bridge help\".\n", obj);
    Ok(-1)
}

/// Entry point of the `bridge` front end. Returns the exit status.
pub fn main(argv: Vec<OsString>) -> i32 {
    match main_inner(argv) {
        Ok(c) => c & 0xff,
        Err(Exit(c)) => c & 0xff,
    }
}

fn main_inner(argv: Vec<OsString>) -> Res<i32> {
    let words: Vec<String> = argv.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut o = Opts::default();
    let mut batch: Option<String> = None;
    let mut i = 1;
    while i < words.len() {
        let w = words[i].as_str();
        if w == "--" {
            i += 1;
            break;
        }
        if !w.starts_with('-') {
            break;
        }
        let opt: &str = if w.as_bytes().get(1) == Some(&b'-') { &w[1..] } else { w };
        if matches(opt, "-help") {
            return Err(usage());
        } else if matches(opt, "-Version") {
            let mut p = Printer::stdout(Mode::default());
            p.raw(format!("bridge utility, 6.1.0, rip {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
            let _ = p.flush();
            return Err(Exit(0));
        } else if matches(opt, "-stats") || matches(opt, "-statistics") {
            o.stats += 1;
        } else if matches(opt, "-details") {
            o.details += 1;
        } else if matches(opt, "-oneline") {
            o.oneline += 1;
        } else if matches(opt, "-timestamp") {
            o.timestamp += 1;
        } else if matches(opt, "-family") {
            i += 1;
            let Some(v) = words.get(i) else { return Err(usage()) };
            match v.as_str() {
                "inet" => o.family = AF_INET,
                "inet6" => o.family = AF_INET6,
                "help" => return Err(usage()),
                _ => return Err(crate::error::invarg("invalid protocol family", v)),
            }
        } else if opt == "-4" {
            o.family = AF_INET;
        } else if opt == "-6" {
            o.family = AF_INET6;
        } else if matches(opt, "-netns") {
            i += 1;
            match words.get(i) {
                Some(n) => crate::sys::namespace::netns_switch(n)?,
                None => {
                    return Err(fail(255, "Cannot open network namespace \"(null)\": No such file or directory\n"))
                }
            }
        } else if let Some(c) = color::parse_color_opt(opt) {
            o.color = c;
        } else if matches(opt, "-compressvlans") {
            o.compress_vlans += 1;
        } else if matches(opt, "-force") {
            o.force += 1;
        } else if matches(opt, "-json") {
            o.json += 1;
        } else if matches(opt, "-pretty") {
            o.pretty += 1;
        } else if matches(opt, "-batch") {
            i += 1;
            let Some(v) = words.get(i) else { return Err(usage()) };
            batch = Some(v.clone());
        } else {
            return Err(fail(255, &format!("Option \"{}\" is unknown, try \"bridge help\".\n", opt)));
        }
        i += 1;
    }
    let (on, dark) = color::enabled(o.color, o.json > 0);
    let mode = Mode { json: o.json > 0, pretty: o.pretty > 0, oneline: o.oneline > 0, color: on, dark };
    let mut ctx = BrCtx { o, p: Printer::stdout(mode), names: LinkNames::new(), rtnl: None, names_loaded: false };
    let rest: Vec<String> = words.get(i..).map(|s| s.to_vec()).unwrap_or_default();
    let r = if let Some(file) = batch {
        do_batch(&mut ctx, &file)
    } else {
        // rtnl_open() failing is exit 1 (silently: it printed its own error).
        ctx.rtnl()?;
        match rest.first() {
            Some(obj) => {
                let obj = obj.clone();
                do_cmd(&mut ctx, &obj, Args::new(rest[1..].to_vec()))
            }
            None => Err(usage()),
        }
    };
    let _ = ctx.p.flush();
    r
}

/// do_batch() with bridge's command table.
impl crate::args::batch::BatchHost for BrCtx {
    fn open_rtnl(&mut self) -> bool {
        self.rtnl().is_ok()
    }
    fn run_command(&mut self, words: Vec<String>) -> Res<i32> {
        let Some((obj, rest)) = words.split_first() else { return Ok(0) };
        do_cmd(self, obj, Args::new(rest.to_vec()))
    }
    fn force(&self) -> bool {
        self.o.force != 0
    }
    fn flush_output(&mut self) {
        let _ = self.p.flush();
    }
}

fn do_batch(ctx: &mut BrCtx, name: &str) -> Res<i32> {
    crate::args::batch::do_batch(ctx, name)
}

pub use crate::inet::{inet4_pton as pton4, inet6_pton as pton6};

/// inet_ntop() as glibc words it (IPv4 in IPv6 forms included); None when
/// `af` is neither inet family or the bytes are too short.
pub fn ntop(af: u8, b: &[u8]) -> Option<String> {
    let need = match af {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => return None,
    };
    crate::inet::inet_ntop_str(af, b.get(..need)?)
}

/// ll_index_to_name(): the cache, else a lookup on a fresh socket (as
/// ll_link_get() opens its own, so it works while a dump is running),
/// else "if%u".
pub fn ifname(names: &mut LinkNames, index: u32) -> String {
    if index == 0 || names.get(index).is_some() || names.offline {
        return names.name(None, index);
    }
    match Rtnl::open(1024 * 1024, false) {
        Ok(mut r) => names.name(Some(&mut r), index),
        Err(_) => names.name(None, index),
    }
}
