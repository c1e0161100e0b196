//! rip: a drop-in for iproute2 6.1.0's `ip` and `bridge`, procps-ng
//! 4.0.2's `sysctl` and bridge-utils 1.7.1's `brctl`. Data flows one way: argv → parsed request → netlink →
//! model → printer → stdout.

// Lints that fight code written to mirror C functions one to one (their
// argument lists, their int-or-nothing results): allowed crate-wide.
// The static build (scripts/build-static.sh) is optimised for size and
// already needs nightly features; it sets `rip_static`, and the few
// functions a listing spends its time in are then optimised for speed.
#![cfg_attr(rip_static, feature(optimize_attribute))]
#![allow(
    clippy::too_many_arguments,
    clippy::result_unit_err,
    clippy::type_complexity,
    clippy::should_implement_trait,
    clippy::explicit_counter_loop
)]

// The shared layer: it imports no front end and no object.
pub mod args;
pub mod ctx;
pub mod error;
pub mod inet;
pub mod linkinfo;
pub mod names;
pub mod netlink;
pub mod nh;
pub mod print;
pub mod sys;

// The front ends; their objects are leaves on the shared layer.
pub mod brctl;
pub mod bridge;
pub mod ifconfig;
pub mod ip;
pub mod nettools_route;
pub mod sysctl;

#[cfg(test)]
mod layering;
mod own;
mod robust;
#[cfg(test)]
mod testrng;

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

/// Which front end a program name selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Ip,
    Bridge,
    Sysctl,
    Brctl,
    Ifconfig,
    /// net-tools' route: only under the program name `route`.
    Route,
}

/// Every name rip answers to, in the order `rip --help` and install-links
/// use. The exact basename of argv[0] picks the entry; any other name is ip.
pub const FRONT_ENDS: &[(&str, Tool)] = &[
    ("ip", Tool::Ip),
    ("bridge", Tool::Bridge),
    ("sysctl", Tool::Sysctl),
    ("brctl", Tool::Brctl),
    ("ifconfig", Tool::Ifconfig),
    ("route", Tool::Route),
];

/// The names `rip NAME ...` runs as that tool. `route` would be ip's route
/// object there, so a front end named like an ip object is left out.
pub(crate) fn via_rip(name: &[u8]) -> Option<Tool> {
    match name {
        b"bridge" => Some(Tool::Bridge),
        b"sysctl" => Some(Tool::Sysctl),
        b"brctl" => Some(Tool::Brctl),
        b"ifconfig" => Some(Tool::Ifconfig),
        _ => None,
    }
}

/// The front end for an argv[0]: by exact basename, anything else is `ip`.
pub fn tool_for(argv0: &OsString) -> Tool {
    let base = basename(argv0);
    FRONT_ENDS.iter().find(|(n, _)| n.as_bytes() == base).map(|(_, t)| *t).unwrap_or(Tool::Ip)
}

/// Runs one invocation and returns the process exit status.
pub fn run(mut args: Vec<OsString>) -> i32 {
    if args.is_empty() {
        args.push(OsString::from("ip"));
    }
    let mut tool = tool_for(&args[0]);
    if basename(&args[0]) == b"rip" {
        // rip's own words (--help, --version, install-links) only under the
        // exact name rip: `ip install-links` keeps ip's "Object ... is
        // unknown"; `rip bridge ...` and the like reach that front end.
        if let Some(code) = own::run(&args) {
            return code;
        }
        if let Some(t) = args.get(1).and_then(|a| via_rip(a.as_bytes())) {
            args.remove(0);
            tool = t;
        }
    }
    let code = match tool {
        Tool::Ip => ip::main(args),
        Tool::Bridge => bridge::main(args),
        Tool::Sysctl => sysctl::main(args),
        Tool::Brctl => brctl::main(args),
        Tool::Ifconfig => ifconfig::main(args),
        Tool::Route => nettools_route::main(args),
    };
    code & 0xff
}

fn basename(argv0: &OsString) -> &[u8] {
    let b = argv0.as_bytes();
    b.rsplit(|&c| c == b'/').next().unwrap_or(b"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatch_by_exact_basename() {
        assert_eq!(tool_for(&"/usr/sbin/bridge".into()), Tool::Bridge);
        assert_eq!(tool_for(&"sysctl".into()), Tool::Sysctl);
        assert_eq!(tool_for(&"/usr/sbin/brctl".into()), Tool::Brctl);
        assert_eq!(tool_for(&"xbrctl".into()), Tool::Ip);
        assert_eq!(tool_for(&"/x/ip".into()), Tool::Ip);
        assert_eq!(tool_for(&"rip".into()), Tool::Ip);
        assert_eq!(tool_for(&"mybridge".into()), Tool::Ip);
        assert_eq!(tool_for(&"/sbin/ifconfig".into()), Tool::Ifconfig);
        assert_eq!(tool_for(&"route".into()), Tool::Route);
        assert_eq!(tool_for(&"myroute".into()), Tool::Ip);
    }
}
