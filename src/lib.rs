//! rip: a drop-in for iproute2 6.1.0's `ip` and `bridge` and procps-ng
//! 4.0.2's `sysctl`. Data flows one way: argv → parsed request → netlink →
//! model → printer → stdout.

pub mod bridge;
pub mod cli;
pub mod error;
pub mod ip;
pub mod names;
pub mod netlink;
pub mod print;
mod robust;
pub mod rt_names;
pub mod sysctl;
pub mod util;

use std::ffi::OsString;

/// Which front end a program name selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Ip,
    Bridge,
    Sysctl,
}

/// The front end for an argv[0]: `bridge` and `sysctl` by exact basename,
/// anything else is `ip`.
pub fn tool_for(argv0: &OsString) -> Tool {
    let s = argv0.to_string_lossy();
    let base = s.rsplit('/').next().unwrap_or("");
    match base {
        "bridge" => Tool::Bridge,
        "sysctl" => Tool::Sysctl,
        _ => Tool::Ip,
    }
}

/// Runs one invocation and returns the process exit status.
pub fn run(mut args: Vec<OsString>) -> i32 {
    if args.is_empty() {
        args.push(OsString::from("ip"));
    }
    let mut tool = tool_for(&args[0]);
    // `rip bridge ...` and `rip sysctl ...` reach the same front ends.
    if tool == Tool::Ip && args.len() > 1 {
        let base = args[0].to_string_lossy().rsplit('/').next().unwrap_or("").to_string();
        if base == "rip" {
            match args[1].to_str() {
                Some("bridge") => {
                    args.remove(0);
                    tool = Tool::Bridge;
                }
                Some("sysctl") => {
                    args.remove(0);
                    tool = Tool::Sysctl;
                }
                _ => {}
            }
        }
    }
    let code = match tool {
        Tool::Ip => ip::main(args),
        Tool::Bridge => bridge::main(args),
        Tool::Sysctl => sysctl::main(args),
    };
    code & 0xff
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dispatch_by_exact_basename() {
        assert_eq!(tool_for(&"/usr/sbin/bridge".into()), Tool::Bridge);
        assert_eq!(tool_for(&"sysctl".into()), Tool::Sysctl);
        assert_eq!(tool_for(&"/x/ip".into()), Tool::Ip);
        assert_eq!(tool_for(&"rip".into()), Tool::Ip);
        assert_eq!(tool_for(&"mybridge".into()), Tool::Ip);
    }
}
