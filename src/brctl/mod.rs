//! The `brctl` front end: bridge-utils 1.7.1 as Debian 12 ships it
//! (brctl/brctl.c, brctl_cmd.c, brctl_disp.c and libbridge), reimplemented.
//! glibc getopt_long() reads `-h`/`-V` anywhere on the line (operands are
//! permuted past); the first operand names a command, matched exactly; a
//! command checks only that it has enough arguments (extra ones are
//! ignored, except by addif, delif and show, which take lists). Bridges
//! are made and joined with the bridge ioctls, read and tuned through
//! sysfs with the old SIOCDEVPRIVATE ioctls as the fallback, exactly as
//! libbridge does, so every errno and message falls out the same.

pub mod info;
pub mod setters;
pub mod show;
pub mod showmacs;
pub mod showstp;

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

use crate::args::getopt::{Getopt, Got, HasArg, LongOpt};
use crate::args::keywords::{List, Words};
use crate::print::{Mode, Printer};
use crate::sys::bridge::BrSock;
use info::{err, serr, Br};

type Func = fn(&mut Br, &[Vec<u8>]) -> i32;

/// One line of brctl_cmd.c's `commands[]`: how many arguments the command
/// needs after its name, the name, the handler and the help text.
pub struct Command {
    pub nargs: usize,
    pub name: &'static str,
    func: Func,
    pub help: &'static str,
}

const fn cmd(nargs: usize, name: &'static str, func: Func, help: &'static str) -> Command {
    Command { nargs, name, func, help }
}

/// The commands in brctl's order (the order of its help text).
pub static COMMANDS: Commands = Commands(&[
    cmd(1, "addbr", setters::addbr, "<bridge>\t\tadd bridge"),
    cmd(1, "delbr", setters::delbr, "<bridge>\t\tdelete bridge"),
    cmd(2, "addif", setters::addif, "<bridge> <device>\tadd interface to bridge"),
    cmd(2, "delif", setters::delif, "<bridge> <device>\tdelete interface from bridge"),
    cmd(3, "hairpin", setters::hairpin, "<bridge> <port> {on|off}\tturn hairpin on/off"),
    cmd(2, "setageing", setters::setageing, "<bridge> <time>\t\tset ageing time"),
    cmd(2, "setbridgeprio", setters::setbridgeprio, "<bridge> <prio>\t\tset bridge priority"),
    cmd(2, "setfd", setters::setfd, "<bridge> <time>\t\tset bridge forward delay"),
    cmd(2, "sethello", setters::sethello, "<bridge> <time>\t\tset hello time"),
    cmd(2, "setmaxage", setters::setmaxage, "<bridge> <time>\t\tset max message age"),
    cmd(3, "setpathcost", setters::setpathcost, "<bridge> <port> <cost>\tset path cost"),
    cmd(3, "setportprio", setters::setportprio, "<bridge> <port> <prio>\tset port priority"),
    cmd(0, "show", show::show, "[ <bridge> ]\t\tshow a list of bridges"),
    cmd(1, "showmacs", showmacs::showmacs, "<bridge>\t\tshow a list of mac addrs"),
    cmd(1, "showstp", showstp::showstp, "<bridge>\t\tshow bridge stp info"),
    cmd(2, "stp", setters::stp, "<bridge> {on|off}\tturn stp on/off"),
]);

/// The command table; command_lookup() is an exact strcmp().
pub struct Commands(&'static [Command]);

impl Commands {
    fn lookup(&self, word: &[u8]) -> Option<&'static Command> {
        self.0.iter().find(|c| c.name.as_bytes() == word)
    }
}

impl Words for Commands {
    fn path(&self) -> &'static str {
        "brctl"
    }

    fn words(&self) -> Vec<&'static str> {
        self.0.iter().map(|c| c.name).collect()
    }
}

const LONGOPTS: &[LongOpt] = &[
    LongOpt { name: "help", has_arg: HasArg::No, val: b'h' as i32 },
    LongOpt { name: "version", has_arg: HasArg::No, val: b'V' as i32 },
];

/// brctl's options (getopt_long's "Vh" and LONGOPTS), for the completions
/// and the man page; a test keeps it equal to the getopt tables.
static OPTION_WORDS: List = List { path: "brctl OPTIONS", words: &["-h", "--help", "-V", "--version"] };

/// brctl's keyword tables (completions and man pages read these).
pub fn keywords() -> Vec<&'static dyn Words> {
    vec![&COMMANDS, &OPTION_WORDS, &setters::ON_OFF]
}

/// help(): the usage and every command's help line, on stdout.
fn help(p: &mut Printer) {
    let mut s = String::from("Usage: brctl [commands]\ncommands:\n");
    for c in COMMANDS.0 {
        s.push_str(&format!("\t{:<10}\t{}\n", c.name, c.help));
    }
    p.raw(s.as_bytes());
}

pub fn main(argv: Vec<OsString>) -> i32 {
    let args: Vec<Vec<u8>> = argv.iter().map(|a| a.as_bytes().to_vec()).collect();
    let (mut p, rc) = run(Printer::stdout(Mode::default()), args);
    // brctl never checks its output: a failed write does not change the status.
    let _ = p.flush();
    rc
}

fn run(mut p: Printer, args: Vec<Vec<u8>>) -> (Printer, i32) {
    let mut g = Getopt::new(args, "Vh", LONGOPTS);
    // Every option ends the run, so only the first is ever read.
    if let Some(got) = g.next_opt() {
        match got {
            Got::Opt(c, _) if c == b'h' as i32 => {
                help(&mut p);
                return (p, 0);
            }
            Got::Opt(c, _) if c == b'V' as i32 => {
                // PACKAGE_VERSION of bridge-utils 1.7.1 still says 1.7; rip
                // names itself after it, as its other front ends do.
                p.raw(format!("bridge-utils, 1.7, rip {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
                return (p, 0);
            }
            Got::Opt(..) | Got::Err => {
                // getopt_long() returned '?' (it printed its own message).
                err(&[b"Unknown option '?'\n"]);
                help(&mut p);
                return (p, 1);
            }
        }
    }
    let operands = g.operands().to_vec();
    let Some(first) = operands.first() else {
        help(&mut p);
        return (p, 1);
    };
    let sock = match BrSock::open() {
        Ok(s) => s,
        Err(e) => {
            err(&[b"can't setup bridge control: ", &serr(e), b"\n"]);
            return (p, 1);
        }
    };
    let Some(c) = COMMANDS.lookup(first) else {
        err(&[b"never heard of command [", first, b"]\n"]);
        help(&mut p);
        return (p, 1);
    };
    if operands.len() < c.nargs + 1 {
        p.raw(format!("Incorrect number of arguments for command\nUsage: brctl {} {}\n", c.name, c.help).as_bytes());
        return (p, 1);
    }
    let mut br = Br { p, sock, show_header: true };
    let rc = (c.func)(&mut br, &operands);
    (br.p, rc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documented option words are exactly what getopt_long() is given.
    #[test]
    fn option_words_match_getopt_tables() {
        let mut want: Vec<String> = "Vh".chars().map(|c| format!("-{}", c)).collect();
        want.extend(LONGOPTS.iter().map(|o| format!("--{}", o.name)));
        let mut have: Vec<String> = OPTION_WORDS.words.iter().map(|s| s.to_string()).collect();
        want.sort();
        have.sort();
        assert_eq!(want, have);
    }

    #[test]
    fn commands_match_exactly() {
        assert_eq!(COMMANDS.lookup(b"show").map(|c| c.nargs), Some(0));
        assert!(COMMANDS.lookup(b"sho").is_none());
        assert!(COMMANDS.lookup(b"SHOW").is_none());
        assert_eq!(COMMANDS.words().len(), 16);
    }
}
