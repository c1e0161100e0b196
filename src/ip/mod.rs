//! The `ip` front end: global options (in the order of ip/ip.c main() of
//! iproute2 6.1.0, which is part of the interface: `-h` is -human, `-b` is
//! -batch, `-f` is -family), the object table (`ip n` is neighbor, `ip net`
//! is netns), `ip help`, and `-batch`.

pub mod addr;
pub mod addrlabel;
pub mod fou;
pub mod ila;
pub mod ioam;
pub mod l2tp;
pub mod link;
pub mod macsec;
pub mod maddr;
pub mod monitor;
pub mod mptcp;
pub mod mroute;
pub mod neigh;
pub mod netconf;
pub mod netns;
pub mod nexthop;
pub mod ntable;
pub mod route;
pub mod rule;
pub mod sr;
pub mod stats;
pub mod tcp_metrics;
pub mod token;
pub mod tunnel;
pub mod tuntap;
pub mod vrf;
pub mod xfrm;

use std::ffi::OsString;

use crate::args::keywords::{doc, exact, kw, List, Table, Words};
use crate::args::Args;
use crate::ctx::{Ctx, Opts};
use crate::error::{fail, Exit, Res};
use crate::netlink::consts::*;
use crate::print::color;
use crate::print::Printer;

pub const USAGE: &str = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
";

/// ip's usage(): stderr, exit 255.
pub fn usage() -> Exit {
    fail(255, USAGE)
}

type Handler = fn(&mut Ctx, Args) -> Res<i32>;

/// The objects in the order of ip/ip.c cmds[] (first prefix match wins).
pub static OBJECTS: Table<Handler> = Table::new(
    "ip",
    &[
        kw("address", addr::do_ipaddr),
        kw("addrlabel", addrlabel::do_ipaddrlabel),
        kw("maddress", maddr::do_multiaddr),
        kw("route", route::do_iproute),
        kw("rule", rule::do_iprule),
        kw("neighbor", neigh::do_ipneigh),
        kw("neighbour", neigh::do_ipneigh),
        kw("ntable", ntable::do_ipntable),
        kw("ntbl", ntable::do_ipntable),
        kw("link", link::do_iplink),
        kw("l2tp", l2tp::do_ipl2tp),
        kw("fou", fou::do_ipfou),
        kw("ila", ila::do_ipila),
        kw("macsec", macsec::do_ipmacsec),
        kw("tunnel", tunnel::do_iptunnel),
        kw("tunl", tunnel::do_iptunnel),
        kw("tuntap", tuntap::do_iptuntap),
        kw("tap", tuntap::do_iptuntap),
        kw("token", token::do_iptoken),
        kw("tcpmetrics", tcp_metrics::do_tcp_metrics),
        kw("tcp_metrics", tcp_metrics::do_tcp_metrics),
        kw("monitor", monitor::do_ipmonitor),
        kw("xfrm", xfrm::do_xfrm),
        kw("mroute", mroute::do_multiroute),
        kw("mrule", rule::do_multirule),
        kw("netns", netns::do_netns),
        kw("netconf", netconf::do_ipnetconf),
        kw("vrf", vrf::do_ipvrf),
        kw("sr", sr::do_seg6),
        kw("nexthop", nexthop::do_ipnh),
        kw("mptcp", mptcp::do_mptcp),
        kw("ioam", ioam::do_ioam6),
        kw("help", do_help),
        kw("stats", stats::do_ipstats),
    ],
);

fn do_help(_: &mut Ctx, _: Args) -> Res<i32> {
    Err(usage())
}

/// do_cmd(): finds the object by prefix and runs it. `None` when no object
/// matched (the caller decides whether that is an error).
fn do_cmd(ctx: &mut Ctx, obj: &str, args: Args, final_: bool) -> Res<Option<i32>> {
    if let Some(k) = OBJECTS.entry(obj) {
        return (k.id)(ctx, args).map(Some);
    }
    if final_ {
        crate::error::say_unknown_object(obj, "ip");
        return Ok(Some(1));
    }
    Ok(None)
}

/// The objects of OBJECTS this build implements, each once, in table order.
pub fn implemented_objects() -> impl Iterator<Item = &'static str> {
    let e = OBJECTS.entries;
    e.iter()
        .enumerate()
        .filter(move |(i, k)| {
            // neighbor/neighbour, ntable/ntbl: one name per handler (the first).
            !e[..*i].iter().any(|p| p.id as usize == k.id as usize)
        })
        .map(|(_, k)| k.word())
}

/// The version line: ip's shape, naming rip and the iproute2 it mirrors.
pub fn version_line() -> String {
    format!("ip utility, iproute2-6.1.0, rip {}\n", env!("CARGO_PKG_VERSION"))
}

/// Entry point of the `ip` front end. Returns the exit status.
pub fn main(argv: Vec<OsString>) -> i32 {
    match main_inner(argv) {
        Ok(c) => c,
        Err(Exit(c)) => c,
    }
}

fn to_strings(argv: &[OsString]) -> Vec<String> {
    // Bytes that are not UTF-8 are kept, escaped (crate::args::bytes).
    argv.iter().map(|a| crate::args::bytes::escape_os(a.clone())).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Loops,
    Family,
    Inet,
    Inet6,
    Packet,
    Mpls,
    Bridge,
    Human,
    Iec,
    Stats,
    Details,
    Resolve,
    Oneline,
    Timestamp,
    Tshort,
    Version,
    Force,
    Batch,
    Brief,
    Json,
    Pretty,
    Rcvbuf,
    Color,
    Help,
    Netns,
    Numeric,
    All,
    Echo,
}

/// ip's global options, in the order of ip/ip.c main()'s if-chain (the
/// order is the interface: `-h` is -human, `-b` -batch, `-n` -netns).
/// `-color` is read by matches_color() (it takes `=WHEN`), so its entry
/// only documents it.
static OPTIONS: Table<Opt> = Table::new(
    "ip OPTIONS",
    &[
        kw("-loops", Opt::Loops),
        kw("-family", Opt::Family),
        exact("-4", Opt::Inet),
        exact("-6", Opt::Inet6),
        exact("-0", Opt::Packet),
        exact("-M", Opt::Mpls),
        exact("-B", Opt::Bridge),
        kw("-human", Opt::Human),
        kw("-human-readable", Opt::Human),
        kw("-iec", Opt::Iec),
        kw("-stats", Opt::Stats),
        kw("-statistics", Opt::Stats),
        kw("-details", Opt::Details),
        kw("-resolve", Opt::Resolve),
        kw("-oneline", Opt::Oneline),
        kw("-timestamp", Opt::Timestamp),
        kw("-tshort", Opt::Tshort),
        kw("-Version", Opt::Version),
        kw("-force", Opt::Force),
        kw("-batch", Opt::Batch),
        kw("-brief", Opt::Brief),
        kw("-json", Opt::Json),
        kw("-pretty", Opt::Pretty),
        kw("-rcvbuf", Opt::Rcvbuf),
        doc("-color", Opt::Color),
        kw("-help", Opt::Help),
        kw("-netns", Opt::Netns),
        kw("-Numeric", Opt::Numeric),
        kw("-all", Opt::All),
        exact("-echo", Opt::Echo),
    ],
);

/// ip's keyword tables: its own (options, objects), then each object's
/// `KEYWORDS`, one line per object (completions and man pages read these).
pub fn keywords() -> Vec<&'static dyn Words> {
    let mut v: Vec<&'static dyn Words> = vec![&OPTIONS, &FAMILIES, &OBJECTS];
    // In ip's object order (OBJECTS): address, route, rule, neigh, ntable,
    // link (its kinds' option tables after link's own), monitor, netns,
    // netconf, nexthop.
    v.extend_from_slice(addr::KEYWORDS);
    v.extend_from_slice(addrlabel::KEYWORDS);
    v.extend_from_slice(maddr::KEYWORDS);
    v.extend_from_slice(route::KEYWORDS);
    v.extend_from_slice(rule::KEYWORDS);
    v.extend_from_slice(neigh::KEYWORDS);
    v.extend_from_slice(ntable::KEYWORDS);
    v.extend_from_slice(link::KEYWORDS);
    v.extend_from_slice(tuntap::KEYWORDS);
    v.extend_from_slice(token::KEYWORDS);
    v.extend_from_slice(tcp_metrics::KEYWORDS);
    v.extend_from_slice(mroute::KEYWORDS);
    v.extend_from_slice(l2tp::KEYWORDS);
    v.extend_from_slice(fou::KEYWORDS);
    v.extend_from_slice(ila::KEYWORDS);
    v.extend_from_slice(macsec::KEYWORDS);
    v.extend_from_slice(tunnel::KEYWORDS);
    v.extend_from_slice(xfrm::KEYWORDS);
    v.extend_from_slice(crate::linkinfo::kinds::KEYWORDS);
    v.extend_from_slice(monitor::KEYWORDS);
    v.extend_from_slice(netns::KEYWORDS);
    v.extend_from_slice(netconf::KEYWORDS);
    v.extend_from_slice(nexthop::KEYWORDS);
    v.extend_from_slice(stats::KEYWORDS);
    v.extend_from_slice(vrf::KEYWORDS);
    v.extend_from_slice(mptcp::KEYWORDS);
    v.extend_from_slice(ioam::KEYWORDS);
    v.extend_from_slice(sr::KEYWORDS);
    v
}

/// Parsed leading options and what follows them.
pub struct Parsed {
    pub o: Opts,
    pub batch: Option<String>,
    pub rest: Vec<String>,
    pub netns: Option<String>,
}

/// Reads ip's leading options. Switching namespaces (`-n`) happens here, in
/// order, as iproute2 does it during parsing.
pub fn parse_opts(words: &[String], switch_ns: &mut dyn FnMut(&str) -> Res<()>) -> Res<Parsed> {
    let mut o = Opts::default();
    let mut batch = None;
    let mut netns = None;
    let mut l = crate::args::leading::Leading::new(words);
    while let Some(opt) = l.next_opt() {
        macro_rules! next_val {
            () => {
                match l.value() {
                    Some(v) => v,
                    None => return Err(usage()),
                }
            };
        }
        // matches_color() sits between -rcvbuf and -help in ip.c; no word
        // an earlier or later entry matches starts with "-c", so trying it
        // when the table has no match keeps the reference's order.
        let Some(id) = OPTIONS.find(opt) else {
            match color::parse_color_opt(opt) {
                Some(c) => {
                    o.color = c;
                    continue;
                }
                None => return Err(crate::error::unknown_option(opt, "ip -help")),
            }
        };
        match id {
            Opt::Loops => {
                let v = next_val!();
                o.loops = crate::args::num::atoi(v);
            }
            Opt::Family => {
                let v = next_val!();
                if v == "help" {
                    return Err(usage());
                }
                o.family = crate::inet::read_family(v);
                if o.family == AF_UNSPEC {
                    return Err(crate::error::invarg("invalid protocol family", v));
                }
            }
            Opt::Inet => o.family = AF_INET,
            Opt::Inet6 => o.family = AF_INET6,
            Opt::Packet => o.family = AF_PACKET,
            Opt::Mpls => o.family = AF_MPLS,
            Opt::Bridge => o.family = AF_BRIDGE,
            Opt::Human => o.human += 1,
            Opt::Iec => o.iec += 1,
            Opt::Stats => o.stats += 1,
            Opt::Details => o.details += 1,
            Opt::Resolve => o.resolve += 1,
            Opt::Oneline => o.oneline += 1,
            Opt::Timestamp => o.timestamp += 1,
            Opt::Tshort => {
                o.timestamp += 1;
                o.tshort += 1;
            }
            Opt::Version => {
                let mut out = std::io::stdout();
                let _ = std::io::Write::write_all(&mut out, version_line().as_bytes());
                return Err(Exit(0));
            }
            Opt::Force => o.force += 1,
            Opt::Batch => {
                let v = next_val!();
                batch = Some(v.to_string());
            }
            Opt::Brief => o.brief += 1,
            Opt::Json => o.json += 1,
            Opt::Pretty => o.pretty += 1,
            Opt::Rcvbuf => {
                let v = next_val!();
                match crate::args::num::get_unsigned(v, 0) {
                    Some(n) => o.rcvbuf = n,
                    None => return Err(fail(255, &format!("Invalid rcvbuf size '{}'\n", v))),
                }
            }
            // Matched by parse_color_opt() above (its `=WHEN` suffix).
            Opt::Color => {}
            Opt::Help => return Err(usage()),
            Opt::Netns => {
                let Some(n) = l.value() else { return Err(crate::error::netns_name_missing()) };
                switch_ns(n)?;
                netns = Some(n.to_string());
            }
            Opt::Numeric => o.numeric += 1,
            Opt::All => o.all = true,
            Opt::Echo => o.echo += 1,
        }
    }
    Ok(Parsed { o, batch, rest: l.rest().to_vec(), netns })
}

/// The families read_family() knows, and `help` (-family help prints the
/// usage). 6.1 no longer knows ipx or dnet.
static FAMILIES: List =
    List { path: "ip OPTIONS -family", words: &["inet", "inet6", "link", "mpls", "bridge", "help"] };

fn main_inner(argv: Vec<OsString>) -> Res<i32> {
    let words = to_strings(&argv);
    let argv0 = words.first().cloned().unwrap_or_default();
    let basename = argv0.rsplit('/').next().unwrap_or("").to_string();
    let parsed = parse_opts(&words[1.min(words.len())..], &mut |name| crate::sys::namespace::netns_switch(name))?;
    let o = parsed.o;
    let mode = o.mode();
    let mut ctx = Ctx::new(o, Printer::stdout(mode));
    let r = run_parsed(&mut ctx, &basename, parsed.batch, parsed.rest);
    ctx.finish();
    r
}

/// Runs `ip ARGS` against recorded netlink replies instead of the kernel
/// (the golden suite): returns stdout, stderr and the exit status.
pub fn replay(args: &[String], datagrams: Vec<Vec<u8>>) -> (Vec<u8>, Vec<u8>, i32) {
    crate::ctx::capture(|sink| {
        let parsed = parse_opts(args, &mut |_| Err(Exit(255)))?;
        let o = parsed.o;
        let mode = o.mode();
        let mut ctx = Ctx::with_replay(o, Printer::new(sink, mode), datagrams);
        let r = run_parsed(&mut ctx, "ip", parsed.batch, parsed.rest);
        let _ = ctx.p.flush();
        r
    })
}

/// Runs the command after the options (or the batch file).
pub fn run_parsed(ctx: &mut Ctx, basename: &str, batch: Option<String>, rest: Vec<String>) -> Res<i32> {
    if let Some(file) = batch {
        return do_batch(ctx, &file);
    }
    // iproute2 opens rtnetlink before dispatching; a failure is exit 1.
    if !ctx.is_replay() {
        ctx.rtnl()?;
    }
    // A binary named e.g. "iplink" acts as "ip link" (basename+2).
    if basename.len() > 2 {
        if let Some(obj) = basename.get(2..) {
            if let Some(rc) = do_cmd(ctx, obj, Args::new(rest.clone()), false)? {
                return Ok(rc);
            }
        }
    }
    if let Some(obj) = rest.first() {
        let obj = obj.clone();
        return Ok(do_cmd(ctx, &obj, Args::new(rest[1..].to_vec()), true)?.unwrap_or(1));
    }
    Err(usage())
}

/// do_batch() with ip's command table: -batch sets batch_mode, and every
/// line starts again from the -family given on the command line.
fn do_batch(ctx: &mut Ctx, name: &str) -> Res<i32> {
    struct IpBatch<'a> {
        ctx: &'a mut Ctx,
        family: u8,
    }
    impl crate::args::batch::BatchHost for IpBatch<'_> {
        fn open_rtnl(&mut self) -> bool {
            self.ctx.o.batch_mode = true;
            self.ctx.rtnl().is_ok()
        }
        fn run_command(&mut self, words: Vec<String>) -> Res<i32> {
            self.ctx.o.family = self.family;
            // The line buffer as makeargs() leaves it matters only to
            // `ip maddress` once it keeps a pointer into it (maddr_dev_at):
            // from the line that sets it on; what lines before it left
            // there is never read (that line's NUL ends every read).
            if self.ctx.sticky.maddr_dev_at.is_some() {
                crate::ctx::fill_batch_buf(&mut self.ctx.sticky.batch_buf, &words);
            }
            let mut words = words;
            if words.is_empty() {
                return Ok(0);
            }
            // The words move into the cursor; none is copied.
            let obj = words.remove(0);
            // The object word, for maddr's first pointer (only a short
            // word can name it).
            self.ctx.sticky.batch_obj.clear();
            if obj.len() <= 16 {
                self.ctx.sticky.batch_obj.push_str(&obj);
            }
            Ok(do_cmd(self.ctx, &obj, Args::new(words), true)?.unwrap_or(1))
        }
        fn force(&self) -> bool {
            self.ctx.o.force != 0
        }
        fn flush_output(&mut self) {
            let _ = self.ctx.p.flush();
        }
    }
    let family = ctx.o.family;
    crate::args::batch::do_batch(&mut IpBatch { ctx, family }, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(words: &[&str]) -> Result<Parsed, Exit> {
        let w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        parse_opts(&w, &mut |_| Ok(()))
    }

    #[test]
    fn option_prefixes_follow_table_order() {
        let p = parse(&["-h", "link"]).ok().unwrap();
        assert_eq!(p.o.human, 1);
        let p = parse(&["-b", "file"]).ok().unwrap();
        assert_eq!(p.batch.as_deref(), Some("file"));
        let p = parse(&["-f", "inet6"]).ok().unwrap();
        assert_eq!(p.o.family, AF_INET6);
        let p = parse(&["--json", "-s", "-s", "-ts", "link"]).ok().unwrap();
        assert_eq!((p.o.json, p.o.stats, p.o.tshort), (1, 2, 1));
        assert_eq!(p.rest, vec!["link".to_string()]);
        let p = parse(&["-c=never", "--", "-x"]).ok().unwrap();
        assert_eq!(p.o.color, color::When::Never);
        assert_eq!(p.rest, vec!["-x".to_string()]);
    }

    #[test]
    fn documented_families_are_read() {
        for w in FAMILIES.words.iter().filter(|w| **w != "help") {
            assert_ne!(crate::inet::read_family(w), AF_UNSPEC, "{}", w);
        }
    }

    /// Issue 17: every object of the table has a handler, and its help,
    /// show and list (run against no kernel) never say "not implemented".
    #[test]
    fn every_object_is_implemented() {
        // The runs reach the objects: most helps print their usage even
        // without a kernel (a few ask it something first).
        let mut usages = 0;
        for k in OBJECTS.entries {
            for cmd in ["help", "show", "list"] {
                let args = vec![k.word().to_string(), cmd.to_string()];
                let (out, err, _) = replay(&args, Vec::new());
                let text = String::from_utf8_lossy(&out) + String::from_utf8_lossy(&err);
                assert!(!text.contains("not implemented"), "ip {} {}: {}", k.word(), cmd, text);
                assert!(!text.contains("rip:"), "ip {} {}: {}", k.word(), cmd, text);
                usages += (cmd == "help" && text.contains("Usage")) as usize;
            }
        }
        assert!(usages > OBJECTS.entries.len() / 2, "only {} usages", usages);
    }

    #[test]
    fn object_table_order() {
        let first = |w: &str| OBJECTS.entry(w).map(|k| k.word());
        assert_eq!(first("a"), Some("address"));
        assert_eq!(first("l"), Some("link"));
        assert_eq!(first("r"), Some("route"));
        assert_eq!(first("n"), Some("neighbor"));
        assert_eq!(first("net"), Some("netns"));
        assert_eq!(first("netc"), Some("netconf"));
        assert_eq!(first("s"), Some("sr"));
        assert_eq!(first("m"), Some("maddress"));
    }
}
