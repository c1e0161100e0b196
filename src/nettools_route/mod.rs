//! The `route` front end: net-tools 2.10's route.c (Debian 12's build),
//! reimplemented. Options through glibc getopt_long (src/args/getopt.rs),
//! address families as lib/af.c reads them, tables from /proc (show.rs),
//! changes through SIOCADDRT/SIOCDELRT (edit.rs). Only the program name
//! `route` selects it: `rip route` stays ip's route object.

pub mod edit;
pub mod show;

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

use crate::args::getopt::{Getopt, Got, HasArg, LongOpt};
use crate::args::keywords::{List, Words};
use crate::error::eprint_raw;
use crate::inet::nettools::aflist;
use crate::print::{Mode, Printer};
use edit::{Action, E_OPTERR};
use show::{FLAG_CACHE, FLAG_EXT, FLAG_FIB, FLAG_SYM};

const AF: i32 = 1;

/// route.c's longopts[]: AFTRANS_OPTS (val 1), then the options.
const LONGOPTS: &[LongOpt] = &[
    LongOpt { name: "ax25", has_arg: HasArg::No, val: AF },
    LongOpt { name: "x25", has_arg: HasArg::No, val: AF },
    LongOpt { name: "ip", has_arg: HasArg::No, val: AF },
    LongOpt { name: "ipx", has_arg: HasArg::No, val: AF },
    LongOpt { name: "appletalk", has_arg: HasArg::No, val: AF },
    LongOpt { name: "netrom", has_arg: HasArg::No, val: AF },
    LongOpt { name: "inet", has_arg: HasArg::No, val: AF },
    LongOpt { name: "inet6", has_arg: HasArg::No, val: AF },
    LongOpt { name: "ddp", has_arg: HasArg::No, val: AF },
    LongOpt { name: "rose", has_arg: HasArg::No, val: AF },
    LongOpt { name: "unix", has_arg: HasArg::No, val: AF },
    LongOpt { name: "bluetooth", has_arg: HasArg::No, val: AF },
    LongOpt { name: "tcpip", has_arg: HasArg::No, val: AF },
    LongOpt { name: "extend", has_arg: HasArg::No, val: b'e' as i32 },
    LongOpt { name: "verbose", has_arg: HasArg::No, val: b'v' as i32 },
    LongOpt { name: "version", has_arg: HasArg::No, val: b'V' as i32 },
    LongOpt { name: "numeric", has_arg: HasArg::No, val: b'n' as i32 },
    LongOpt { name: "symbolic", has_arg: HasArg::No, val: b'N' as i32 },
    LongOpt { name: "protocol", has_arg: HasArg::Required, val: b'A' as i32 },
    LongOpt { name: "cache", has_arg: HasArg::No, val: b'C' as i32 },
    LongOpt { name: "fib", has_arg: HasArg::No, val: b'F' as i32 },
    LongOpt { name: "help", has_arg: HasArg::No, val: b'h' as i32 },
];
/// AFTRANS_CNT: one less than the family options (`--tcpip` is an internal error).
const AFTRANS_CNT: usize = 12;
const SHORTOPTS: &str = "A:eCFhnN64Vv?";

/// route's option words (completions, man page).
static OPTION_WORDS: List = List {
    path: "route OPTIONS",
    words: &[
        "-n",
        "--numeric",
        "-N",
        "--symbolic",
        "-v",
        "--verbose",
        "-e",
        "--extend",
        "-F",
        "--fib",
        "-C",
        "--cache",
        "-A",
        "--protocol",
        "-4",
        "-6",
        "-h",
        "--help",
        "-V",
        "--version",
        "--inet",
        "--inet6",
    ],
};

/// The commands and the words of an IPv4 route, in inet_sr.c's order.
static COMMANDS: List = List { path: "route COMMANDS", words: &["add", "del", "delete", "flush"] };
static ROUTE_WORDS: List = List {
    path: "route add",
    words: &[
        "-net",
        "-host",
        "default",
        "metric",
        "netmask",
        "gw",
        "gateway",
        "mss",
        "mtu",
        "window",
        "irtt",
        "reject",
        "mod",
        "dyn",
        "reinstate",
        "device",
        "dev",
    ],
};

/// The address families of `-A` (lib/af.c's aliases, then the names
/// route_info() looks up).
static FAMILIES: List = List {
    path: "route AF",
    words: &[
        "ax25",
        "ip",
        "ip6",
        "ipx",
        "rose",
        "appletalk",
        "netrom",
        "inet",
        "inet6",
        "ddp",
        "unix",
        "tcpip",
        "econet",
        "x25",
        "ash",
        "bluetooth",
        "ec",
        "unspec",
    ],
};

pub fn keywords() -> Vec<&'static dyn Words> {
    vec![&OPTION_WORDS, &FAMILIES, &COMMANDS, &ROUTE_WORDS]
}

const USAGE: &str = "Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -e, --extend             display other/more information
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
";

const VERSION: &str = "net-tools 2.10
+NEW_ADDRT +RTF_IRTT +RTF_REJECT +I18N +SELINUX
AF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH
HW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 
";

/// lib/af.c's aftrans[]: alias -> family name.
const AFTRANS: &[(&str, &str)] = &[
    ("ax25", "ax25"),
    ("ip", "inet"),
    ("ip6", "inet6"),
    ("ipx", "ipx"),
    ("rose", "rose"),
    ("appletalk", "ddp"),
    ("netrom", "netrom"),
    ("inet", "inet"),
    ("inet6", "inet6"),
    ("ddp", "ddp"),
    ("unix", "unix"),
    ("tcpip", "inet"),
    ("econet", "ec"),
    ("x25", "x25"),
    ("ash", "ash"),
    ("bluetooth", "bluetooth"),
];

/// aftrans_opt(): appends the families of a comma list to `afname`;
/// 1 after an unknown one.
fn aftrans_opt(afname: &mut String, arg: &[u8]) -> i32 {
    let arg = &arg[..arg.len().min(255)];
    for tok in arg.split(|&c| c == b',') {
        let Some((_, name)) = AFTRANS.iter().find(|(a, _)| a.as_bytes() == tok) else {
            crate::eprintf!("Unknown address family `{}'.\n", crate::args::bytes::escape(tok));
            return 1;
        };
        if name.len() + afname.len() + 1 >= 256 {
            eprint_raw("Too much address family arguments.\n");
            return 0;
        }
        if !afname.is_empty() {
            afname.push(',');
        }
        afname.push_str(name);
    }
    0
}

/// get_aftype(): the family of a name, with route's printer and editor.
fn known_af(name: &str) -> Option<&'static str> {
    const NAMES: &[&str] =
        &["unix", "inet", "inet6", "ax25", "netrom", "rose", "ipx", "ddp", "ec", "ash", "x25", "unspec"];
    let r = NAMES.iter().find(|n| **n == name).copied();
    if r.is_none() && name.contains(',') {
        eprint_raw("Please don't supply more than one address family.\n");
    }
    r
}

fn usage(p: &mut Printer, rc: i32) -> i32 {
    if rc == 0 {
        p.fp(USAGE);
    } else {
        eprint_raw(USAGE);
    }
    eprint_raw(&aflist(true));
    rc
}

fn route_info(p: &mut Printer, afname: &str, options: i32) -> i32 {
    let mut found = 8;
    for tok in afname.split(',') {
        if tok.is_empty() {
            continue;
        }
        let Some(af) = known_af(tok) else {
            crate::eprintf!("Address family `{}' not supported.\n", tok);
            return E_OPTERR;
        };
        if matches!(af, "unix" | "ec" | "ash" | "unspec") {
            crate::eprintf!("No routing for address family `{}'.\n", af);
            return E_OPTERR;
        }
        found = 0;
        let rc = show::rprint(p, af, options);
        if rc != 0 {
            return rc;
        }
    }
    found
}

fn route_edit(p: &mut Printer, action: Action, afname: &str, options: i32, args: &[Vec<u8>]) -> i32 {
    let Some(af) = known_af(afname) else {
        crate::eprintf!("Address family `{}' not supported.\n", afname);
        return E_OPTERR;
    };
    if !matches!(af, "inet" | "inet6" | "netrom" | "ipx" | "x25") {
        crate::eprintf!("No routing for address family `{}'.\n", af);
        return E_OPTERR;
    }
    edit::rinput(p, af, action, options, args)
}

fn run(p: &mut Printer, argv: Vec<Vec<u8>>) -> i32 {
    // "getopts and -net wont work": route.c renames them before getopt.
    let argv: Vec<Vec<u8>> = argv
        .into_iter()
        .map(|a| if a == b"-net" || a == b"-host" { [&b"#"[..], &a[1..]].concat() } else { a })
        .collect();
    let mut afname = String::new();
    let (mut opt_n, mut opt_v, mut opt_e, mut opt_fc, mut opt_h) = (0, 0, 1, 0, 0);
    let mut g = Getopt::new(argv, SHORTOPTS, LONGOPTS);
    while let Some(got) = g.next_opt() {
        let (c, arg) = match got {
            Got::Err => (b'?' as i32, None),
            Got::Opt(c, a) => (c, a),
        };
        match c {
            AF => {
                let lop = g.long_index().unwrap_or(0);
                if lop >= AFTRANS_CNT {
                    eprint_raw("route.c: Internal Error `longopts 1 range'.\n");
                    continue;
                }
                let r = aftrans_opt(&mut afname, LONGOPTS[lop].name.as_bytes());
                if r != 0 {
                    return r;
                }
            }
            _ => match c as u8 {
                b'n' => opt_n |= 28,
                b'N' => opt_n |= FLAG_SYM,
                b'v' => opt_v |= 256,
                b'e' => opt_e += 1,
                b'C' => opt_fc |= FLAG_CACHE,
                b'F' => opt_fc |= FLAG_FIB,
                b'A' | b'6' | b'4' => {
                    let a: Vec<u8> = match c as u8 {
                        b'A' => arg.unwrap_or_default(),
                        b'6' => b"inet6".to_vec(),
                        _ => b"inet".to_vec(),
                    };
                    let r = aftrans_opt(&mut afname, &a);
                    if r != 0 {
                        return r;
                    }
                }
                b'V' => {
                    p.fp(VERSION);
                    return 0;
                }
                _ => opt_h += 1,
            },
        }
    }
    let ops: Vec<Vec<u8>> = g.operands().to_vec();
    let what;
    if opt_h > 0 {
        if afname.is_empty() {
            return usage(p, 0);
        }
        what = Some(Action::Help);
    } else {
        if afname.is_empty() {
            afname = "inet".into();
        }
        what = match ops.first().map(|o| &o[..]) {
            None => None,
            Some(b"add") => Some(Action::Add),
            Some(b"del") | Some(b"delete") => Some(Action::Del),
            Some(b"flush") => Some(Action::Flush),
            Some(_) => return usage(p, E_OPTERR),
        };
    }
    let mut options = (opt_e & FLAG_EXT) | opt_n | opt_fc | opt_v;
    if opt_fc == 0 {
        options |= FLAG_FIB;
    }
    match what {
        None => route_info(p, &afname, options),
        Some(a) => route_edit(p, a, &afname, options, ops.get(1..).unwrap_or(&[])),
    }
}

pub fn main(argv: Vec<OsString>) -> i32 {
    let args: Vec<Vec<u8>> = argv.iter().map(|a| a.as_bytes().to_vec()).collect();
    let mut p = Printer::stdout(Mode::default());
    let rc = run(&mut p, args);
    let _ = p.flush();
    rc
}
