//! rip: a drop-in for iproute2 6.1.0's `ip` and `bridge` and procps-ng
//! 4.0.2's `sysctl`. Data flows one way: argv → parsed request → netlink →
//! model → printer → stdout.

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
pub mod bridge;
pub mod ip;
pub mod sysctl;

mod robust;
#[cfg(test)]
mod layering;

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
    // `rip install-links DIR`: only under the exact name rip, so `ip
    // install-links` keeps ip's "Object ... is unknown" behaviour.
    if basename(&args[0]) == "rip" && args.get(1).and_then(|a| a.to_str()) == Some("install-links") {
        return install_links(&args[2..]);
    }
    let mut tool = tool_for(&args[0]);
    // `rip bridge ...` and `rip sysctl ...` reach the same front ends.
    if tool == Tool::Ip && args.len() > 1 && basename(&args[0]) == "rip" {
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
    let code = match tool {
        Tool::Ip => ip::main(args),
        Tool::Bridge => bridge::main(args),
        Tool::Sysctl => sysctl::main(args),
    };
    code & 0xff
}

fn basename(argv0: &OsString) -> String {
    argv0.to_string_lossy().rsplit('/').next().unwrap_or("").to_string()
}

/// The names rip answers to besides its own.
pub const LINK_NAMES: [&str; 3] = ["ip", "bridge", "sysctl"];

/// `rip install-links DIR`: symlinks DIR/{ip,bridge,sysctl} to the running
/// binary. A link that already points there is left alone; any other
/// existing file is an error (never overwrite someone else's ip).
fn install_links(rest: &[OsString]) -> i32 {
    let [dir] = rest else {
        error::eprint_raw("Usage: rip install-links DIR\n");
        return 255;
    };
    let target = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            error::eprint_raw(&format!("rip: cannot find the running binary: {}\n", e));
            return 1;
        }
    };
    let dir = std::path::Path::new(dir);
    let mut rc = 0;
    for name in LINK_NAMES {
        let link = dir.join(name);
        if let Ok(cur) = std::fs::read_link(&link) {
            if cur == target {
                continue;
            }
        }
        if let Err(e) = std::os::unix::fs::symlink(&target, &link) {
            error::eprint_raw(&format!(
                "rip: cannot create {} -> {}: {}\n",
                link.display(),
                target.display(),
                error::strerror(e.raw_os_error().unwrap_or(libc::EIO))
            ));
            rc = 1;
        }
    }
    rc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn install_links_only_under_the_name_rip() {
        let dir = std::env::temp_dir().join(format!("rip-install-links-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let argv = |a0: &str| vec![OsString::from(a0), "install-links".into(), dir.clone().into()];
        assert_eq!(run(argv("/usr/local/bin/rip")), 0);
        let exe = std::env::current_exe().unwrap();
        for n in LINK_NAMES {
            assert_eq!(std::fs::read_link(dir.join(n)).unwrap(), exe);
        }
        // Idempotent: links that already point at this binary are fine.
        assert_eq!(run(argv("rip")), 0);
        // Someone else's file is never replaced.
        std::fs::remove_file(dir.join("ip")).unwrap();
        std::fs::write(dir.join("ip"), b"x").unwrap();
        assert_eq!(run(argv("rip")), 1);
        assert_eq!(std::fs::read(dir.join("ip")).unwrap(), b"x");
        assert_eq!(run(vec!["rip".into(), "install-links".into()]), 255);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn dispatch_by_exact_basename() {
        assert_eq!(tool_for(&"/usr/sbin/bridge".into()), Tool::Bridge);
        assert_eq!(tool_for(&"sysctl".into()), Tool::Sysctl);
        assert_eq!(tool_for(&"/x/ip".into()), Tool::Ip);
        assert_eq!(tool_for(&"rip".into()), Tool::Ip);
        assert_eq!(tool_for(&"mybridge".into()), Tool::Ip);
    }
}
