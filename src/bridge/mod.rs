//! The `bridge` front end (bridge/bridge.c, iproute2 6.1.0): global options
//! in bridge's own order (`-c` is colour, `-com` compressvlans, `-h` help),
//! the object table, `-batch`. A handler's return value is the exit status
//! (C's `return -1` from main is 255; `-EINVAL` is 234).

pub mod fdb;
pub mod link;
pub mod vlan;

use std::ffi::OsString;

use crate::cli::{matches, Args};
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
                Err(_) => return Err(Exit(1)),
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
    ("mdb", None),
    ("vlan", Some(vlan::do_vlan)),
    ("vni", None),
    ("monitor", None),
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
                    &format!("rip: \"bridge {}\" is not implemented yet (rip mirrors iproute2 6.1.0 for link, fdb show and vlan show).\n", name),
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
                _ => return Err(crate::cli::invarg("invalid protocol family", v)),
            }
        } else if opt == "-4" {
            o.family = AF_INET;
        } else if opt == "-6" {
            o.family = AF_INET6;
        } else if matches(opt, "-netns") {
            i += 1;
            match words.get(i) {
                Some(n) => crate::ip::netns::netns_switch(n)?,
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

/// do_batch() of lib/utils.c with bridge's command table.
fn do_batch(ctx: &mut BrCtx, name: &str) -> Res<i32> {
    use std::io::BufRead;
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(name) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(libc::EIO);
                crate::eprintf!("Cannot open file \"{}\" for reading: {}\n", name, crate::error::strerror(errno));
                return Ok(1);
            }
        }
    };
    if ctx.rtnl().is_err() {
        crate::eprintf!("Cannot open rtnetlink\n");
        return Ok(1);
    }
    let mut lines = crate::util::BatchLines::new(reader);
    let mut ret = 0;
    while let Some((line, lineno)) = lines.next_command()? {
        let words = crate::util::makeargs(&line)?;
        if words.is_empty() {
            continue;
        }
        let obj = words[0].clone();
        let rc = do_cmd(ctx, &obj, Args::new(words[1..].to_vec()))?;
        if rc != 0 {
            let _ = ctx.p.flush();
            crate::eprintf!("Command failed {}:{}\n", name, lineno);
            ret = 1;
            if ctx.o.force == 0 {
                break;
            }
        }
    }
    Ok(ret)
}
