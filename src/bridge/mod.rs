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

use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::{Ctx, Opts};
use crate::error::{fail, Exit, Res};
use crate::netlink::consts::*;
use crate::print::color;
use crate::print::{Mode, Printer};

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

type Handler = fn(&mut Ctx, Args) -> Res<i32>;

/// bridge.c cmds[] in order (first prefix match wins).
pub static OBJECTS: Table<Handler> = Table::new(
    "bridge",
    &[
        kw("link", link::do_link),
        kw("fdb", fdb::do_fdb),
        kw("mdb", mdb::do_mdb),
        kw("vlan", vlan::do_vlan),
        kw("vni", vni::do_vni),
        kw("monitor", monitor::do_monitor),
        kw("help", do_help),
    ],
);

fn do_help(_: &mut Ctx, _: Args) -> Res<i32> {
    Err(usage())
}

fn do_cmd(ctx: &mut Ctx, obj: &str, args: Args) -> Res<i32> {
    match OBJECTS.find(obj) {
        Some(h) => h(ctx, args),
        None => {
            crate::error::say_unknown_object(obj, "bridge");
            Ok(-1)
        }
    }
}

/// The global options (bridge.c main()), in its order of tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Help,
    Version,
    Stats,
    Details,
    Oneline,
    Timestamp,
    Family,
    Inet,
    Inet6,
    Netns,
    Color,
    CompressVlans,
    Force,
    Json,
    Pretty,
    Batch,
}

/// `-color[=WHEN]` is matches_color(), a side condition tested between
/// -netns and -compressvlans (`-c` is colour); the table documents it.
static OPTIONS: Table<Opt> = Table::new(
    "bridge OPTIONS",
    &[
        kw("-help", Opt::Help),
        kw("-Version", Opt::Version),
        kw("-stats", Opt::Stats),
        kw("-statistics", Opt::Stats),
        kw("-details", Opt::Details),
        kw("-oneline", Opt::Oneline),
        kw("-timestamp", Opt::Timestamp),
        kw("-family", Opt::Family),
        exact("-4", Opt::Inet),
        exact("-6", Opt::Inet6),
        kw("-netns", Opt::Netns),
        crate::args::keywords::doc("-color", Opt::Color),
        kw("-compressvlans", Opt::CompressVlans),
        kw("-force", Opt::Force),
        kw("-json", Opt::Json),
        kw("-pretty", Opt::Pretty),
        kw("-batch", Opt::Batch),
    ],
);

/// The option `opt` names: the first table entry it fits, with
/// matches_color() tried at its place in the chain.
fn find_opt(opt: &str) -> Option<Opt> {
    let hit = OPTIONS.find(opt);
    let before_color = matches!(
        hit,
        Some(
            Opt::Help
                | Opt::Version
                | Opt::Stats
                | Opt::Details
                | Opt::Oneline
                | Opt::Timestamp
                | Opt::Family
                | Opt::Inet
                | Opt::Inet6
                | Opt::Netns
        )
    );
    if !before_color && color::parse_color_opt(opt).is_some() {
        return Some(Opt::Color);
    }
    hit
}

/// All of bridge's keyword tables, the front end's first.
pub fn keywords() -> Vec<&'static dyn crate::args::keywords::Words> {
    let mut v: Vec<&'static dyn crate::args::keywords::Words> = vec![&OPTIONS, &OBJECTS];
    for k in [link::KEYWORDS, fdb::KEYWORDS, mdb::KEYWORDS, vlan::KEYWORDS, vni::KEYWORDS, monitor::KEYWORDS] {
        v.extend_from_slice(k);
    }
    v
}

/// Entry point of the `bridge` front end. Returns the exit status.
pub fn main(argv: Vec<OsString>) -> i32 {
    match main_inner(argv) {
        Ok(c) => c & 0xff,
        Err(Exit(c)) => c & 0xff,
    }
}

fn main_inner(argv: Vec<OsString>) -> Res<i32> {
    let words: Vec<String> = argv.into_iter().map(crate::args::bytes::escape_os).collect();
    let parsed = parse_opts(words.get(1..).unwrap_or(&[]), &mut |n| crate::sys::namespace::netns_switch(n))?;
    let mut ctx = new_ctx(parsed.o, None);
    let r = run_parsed(&mut ctx, parsed.batch, parsed.rest);
    ctx.finish();
    r
}

/// Parsed leading options and what follows them.
struct Parsed {
    o: Opts,
    batch: Option<String>,
    rest: Vec<String>,
}

/// Reads bridge's leading options; `-n` switches namespaces in order, as
/// bridge does during parsing.
fn parse_opts(words: &[String], switch_ns: &mut dyn FnMut(&str) -> Res<()>) -> Res<Parsed> {
    let mut o = Opts::default();
    let mut batch: Option<String> = None;
    let mut l = crate::args::leading::Leading::new(words);
    while let Some(opt) = l.next_opt() {
        match find_opt(opt) {
            Some(Opt::Help) => return Err(usage()),
            Some(Opt::Version) => {
                let mut p = Printer::stdout(Mode::default());
                p.raw(format!("bridge utility, 6.1.0, rip {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
                let _ = p.flush();
                return Err(Exit(0));
            }
            Some(Opt::Stats) => o.stats += 1,
            Some(Opt::Details) => o.details += 1,
            Some(Opt::Oneline) => o.oneline += 1,
            Some(Opt::Timestamp) => o.timestamp += 1,
            Some(Opt::Family) => {
                let Some(v) = l.value() else { return Err(usage()) };
                match v {
                    "inet" => o.family = AF_INET,
                    "inet6" => o.family = AF_INET6,
                    "help" => return Err(usage()),
                    _ => return Err(crate::error::invarg("invalid protocol family", v)),
                }
            }
            Some(Opt::Inet) => o.family = AF_INET,
            Some(Opt::Inet6) => o.family = AF_INET6,
            Some(Opt::Netns) => {
                let Some(n) = l.value() else { return Err(crate::error::netns_name_missing()) };
                switch_ns(n)?;
            }
            Some(Opt::Color) => {
                if let Some(c) = color::parse_color_opt(opt) {
                    o.color = c;
                }
            }
            Some(Opt::CompressVlans) => o.compress_vlans += 1,
            Some(Opt::Force) => o.force += 1,
            Some(Opt::Json) => o.json += 1,
            Some(Opt::Pretty) => o.pretty += 1,
            Some(Opt::Batch) => {
                let Some(v) = l.value() else { return Err(usage()) };
                batch = Some(v.to_string());
            }
            None => return Err(crate::error::unknown_option(opt, "bridge help")),
        }
    }
    Ok(Parsed { o, batch, rest: l.rest().to_vec() })
}

/// The context for the parsed options: live, or answering from a
/// recording (golden tests) with every name taken from the recorded link
/// dump, as no second socket can be opened then.
fn new_ctx(o: Opts, replay: Option<(Vec<Vec<u8>>, Box<dyn std::io::Write>)>) -> Ctx {
    let mode = o.mode();
    match replay {
        None => Ctx::new(o, Printer::stdout(mode)),
        Some((d, out)) => {
            let mut ctx = Ctx::with_replay(o, Printer::new(out, mode), d);
            ctx.names.offline = true;
            ctx
        }
    }
}

/// Runs the object command after the options (or the batch file).
fn run_parsed(ctx: &mut Ctx, batch: Option<String>, rest: Vec<String>) -> Res<i32> {
    if let Some(file) = batch {
        return do_batch(ctx, &file);
    }
    // rtnl_open() failing is exit 1 (silently: it printed its own error).
    if !ctx.is_replay() {
        ctx.rtnl()?;
    }
    match rest.first() {
        Some(obj) => do_cmd(ctx, obj, Args::new(rest[1..].to_vec())),
        None => Err(usage()),
    }
}

/// Runs `bridge ARGS` against recorded netlink replies instead of the
/// kernel (the golden suite): stdout, stderr and the exit status.
pub fn replay(args: &[String], datagrams: Vec<Vec<u8>>) -> (Vec<u8>, Vec<u8>, i32) {
    crate::ctx::capture(|sink| {
        let parsed = parse_opts(args, &mut |_| Err(Exit(255)))?;
        let mut ctx = new_ctx(parsed.o, Some((datagrams, sink)));
        let r = run_parsed(&mut ctx, parsed.batch, parsed.rest);
        let _ = ctx.p.flush();
        r
    })
}

/// do_batch() with bridge's command table.
fn do_batch(ctx: &mut Ctx, name: &str) -> Res<i32> {
    struct BrBatch<'a>(&'a mut Ctx);
    impl crate::args::batch::BatchHost for BrBatch<'_> {
        fn open_rtnl(&mut self) -> bool {
            self.0.rtnl().is_ok()
        }
        fn run_command(&mut self, words: Vec<String>) -> Res<i32> {
            let Some((obj, rest)) = words.split_first() else { return Ok(0) };
            do_cmd(self.0, obj, Args::new(rest.to_vec()))
        }
        fn force(&self) -> bool {
            self.0.o.force != 0
        }
        fn flush_output(&mut self) {
            let _ = self.0.p.flush();
        }
    }
    crate::args::batch::do_batch(&mut BrBatch(ctx), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_chain_order() {
        assert_eq!(find_opt("-c"), Some(Opt::Color));
        assert_eq!(find_opt("-com"), Some(Opt::CompressVlans));
        assert_eq!(find_opt("-color=never"), Some(Opt::Color));
        assert_eq!(find_opt("-h"), Some(Opt::Help));
        assert_eq!(find_opt("-s"), Some(Opt::Stats));
        assert_eq!(find_opt("-n"), Some(Opt::Netns));
        assert_eq!(find_opt("-j"), Some(Opt::Json));
        assert_eq!(find_opt("-4x"), None);
        assert_eq!(find_opt("-x"), None);
        let first = |w: &str| OBJECTS.entry(w).map(|k| k.word());
        assert_eq!(first("m"), Some("mdb"));
        assert_eq!(first("v"), Some("vlan"));
        assert_eq!(first("h"), Some("help"));
    }

    #[test]
    fn keyword_tables() {
        let k = keywords();
        assert_eq!(k[0].path(), "bridge OPTIONS");
        assert_eq!(k[1].path(), "bridge");
        let mut paths: Vec<&str> = k.iter().map(|t| t.path()).collect();
        assert!(paths.iter().all(|p| p.starts_with("bridge")));
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n, "a table path twice");
        for p in [
            "bridge link set",
            "bridge fdb add",
            "bridge fdb show",
            "bridge mdb add",
            "bridge vlan tunnelshow",
            "bridge vni add",
            "bridge monitor",
        ] {
            assert!(paths.contains(&p), "{}", p);
        }
        assert!(k[0].words().contains(&"-compressvlans"));
    }
}
