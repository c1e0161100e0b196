//! What rip answers under its own name only: `rip --help`, `rip --version`
//! and `rip install-links`. Under any other name (ip, bridge, …) these words
//! reach the front end, which answers as the reference does.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::error;

/// The commands of rip itself, or None when `args` is for a front end.
pub fn run(args: &[OsString]) -> Option<i32> {
    match args.get(1).map(|a| a.as_bytes()) {
        Some(b"--help") => Some(print(&help())),
        Some(b"--version") => Some(print(&version())),
        Some(b"install-links") => Some(install_links(&args[2..])),
        _ => None,
    }
}

fn print(s: &str) -> i32 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            error::eprint_raw(&format!(
                "rip: write error: {}\n",
                error::strerror(e.raw_os_error().unwrap_or(libc::EIO))
            ));
            1
        }
    }
}

pub fn version() -> String {
    format!(
        "rip {}\nmirrors iproute2 6.1.0 (ip, bridge), procps-ng 4.0.2 (sysctl), bridge-utils 1.7.1 (brctl), net-tools 2.10 (ifconfig, route)\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// `rip --help`: generated from the front-end table and ip's object table,
/// so it names what this build implements.
pub fn help() -> String {
    let tools: Vec<&str> = crate::FRONT_ENDS.iter().map(|(n, _)| *n).collect();
    let objects: Vec<&str> = crate::ip::implemented_objects().filter(|o| *o != "help").collect();
    let mut s = String::new();
    s.push_str(&format!(
        "Usage: rip [ OPTIONS ] OBJECT {{ COMMAND | help }}     (as ip)\n       \
         rip {{ {} }} ARGS...\n       \
         rip install-links [--relative] [--force] DIR\n       \
         rip {{ --help | --version }}\n\n",
        tools.iter().filter(|t| crate::via_rip(t.as_bytes()).is_some()).copied().collect::<Vec<_>>().join(" | ")
    ));
    s.push_str(
        "rip is one binary that answers, byte for byte, as the network tools it\n\
         replaces. The name it runs under picks the tool: ",
    );
    s.push_str(&tools.join(", "));
    s.push_str(
        ";\nany other name is ip. Under the name rip, a first word naming one of\n\
         the tools above runs that tool (but `rip route` is ip's route object);\n\
         otherwise rip is ip.\n\n",
    );
    s.push_str("ip objects implemented: ");
    s.push_str(&objects.join(" "));
    s.push_str(
        "\n\ninstall-links DIR makes DIR/NAME a symbolic link to rip for each tool\n\
         name. The link points to DIR/rip when DIR holds rip (so a staged DESTDIR\n\
         stays correct once installed), else to the running binary; --relative\n\
         makes that a relative link, --force replaces existing files.\n\n\
         Manual pages: rip(8), and rip-TOOL(8) or rip-OBJECT(8) per tool and ip object.\n",
    );
    s
}

const INSTALL_USAGE: &str = "Usage: rip install-links [--relative] [--force] DIR\n";

/// `rip install-links [--relative] [--force] DIR`: symlinks DIR/NAME to rip
/// for every name of FRONT_ENDS. A link that already points there is left
/// alone; another existing file is an error unless --force.
fn install_links(rest: &[OsString]) -> i32 {
    let (mut relative, mut force, mut dir) = (false, false, None);
    for a in rest {
        match a.as_bytes() {
            b"--relative" => relative = true,
            b"--force" => force = true,
            b"--help" => return print(INSTALL_USAGE),
            o if o.starts_with(b"-") && o.len() > 1 => {
                error::eprint_bytes(b"rip install-links: unknown option ");
                error::eprint_bytes(o);
                error::eprint_raw(&format!("\n{}", INSTALL_USAGE));
                return 255;
            }
            _ if dir.is_some() => {
                error::eprint_raw(INSTALL_USAGE);
                return 255;
            }
            _ => dir = Some(Path::new(a.as_os_str())),
        }
    }
    let Some(dir) = dir else {
        error::eprint_raw(INSTALL_USAGE);
        return 255;
    };
    let target = match link_target(dir, relative) {
        Ok(t) => t,
        Err(msg) => {
            error::eprint_raw(&msg);
            return 1;
        }
    };
    let mut rc = 0;
    for (name, _) in crate::FRONT_ENDS {
        let link = dir.join(name);
        if let Ok(cur) = std::fs::read_link(&link) {
            if cur == target {
                continue;
            }
        }
        if force && std::fs::symlink_metadata(&link).is_ok() {
            if let Err(e) = std::fs::remove_file(&link) {
                rc = fail(&link, &target, e);
                continue;
            }
        }
        if let Err(e) = std::os::unix::fs::symlink(&target, &link) {
            rc = fail(&link, &target, e);
        }
    }
    rc
}

fn fail(link: &Path, target: &Path, e: std::io::Error) -> i32 {
    error::eprint_bytes(b"rip: cannot create ");
    error::eprint_bytes(link.as_os_str().as_bytes());
    error::eprint_bytes(b" -> ");
    error::eprint_bytes(target.as_os_str().as_bytes());
    error::eprint_raw(&format!(": {}\n", error::strerror(e.raw_os_error().unwrap_or(libc::EIO))));
    1
}

/// Where the links point: `rip` when DIR holds rip (a DESTDIR stage, or the
/// install directory itself), else the running binary, relative to DIR when
/// asked.
fn link_target(dir: &Path, relative: bool) -> Result<PathBuf, String> {
    if std::fs::metadata(dir.join("rip")).is_ok() {
        return Ok(PathBuf::from("rip"));
    }
    let exe = std::env::current_exe().map_err(|e| format!("rip: cannot find the running binary: {}\n", e))?;
    if !relative {
        return Ok(exe);
    }
    let abs_dir = std::fs::canonicalize(dir)
        .map_err(|e| format!("rip: {}: {}\n", dir.display(), error::strerror(e.raw_os_error().unwrap_or(libc::EIO))))?;
    Ok(relative_path(&abs_dir, &exe))
}

/// `to` as seen from the directory `from` (both absolute).
fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let f: Vec<&OsStr> = from.iter().collect();
    let t: Vec<&OsStr> = to.iter().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut p = PathBuf::new();
    for _ in common..f.len() {
        p.push("..");
    }
    for c in &t[common..] {
        p.push(c);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("rip-own-{}-{}", tag, std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn argv(extra: &[&str], dir: &Path) -> Vec<OsString> {
        let mut v = vec![OsString::from("rip"), "install-links".into()];
        v.extend(extra.iter().map(OsString::from));
        v.push(dir.into());
        v
    }

    #[test]
    fn install_links_to_the_running_binary() {
        let dir = tmp("abs");
        assert_eq!(run(&argv(&[], &dir)), Some(0));
        let exe = std::env::current_exe().unwrap();
        for (n, _) in crate::FRONT_ENDS {
            assert_eq!(std::fs::read_link(dir.join(n)).unwrap(), exe);
        }
        // Idempotent: links that already point at this binary are fine.
        assert_eq!(run(&argv(&[], &dir)), Some(0));
        // Someone else's file is replaced only with --force.
        std::fs::remove_file(dir.join("ip")).unwrap();
        std::fs::write(dir.join("ip"), b"x").unwrap();
        assert_eq!(run(&argv(&[], &dir)), Some(1));
        assert_eq!(std::fs::read(dir.join("ip")).unwrap(), b"x");
        assert_eq!(run(&argv(&["--force"], &dir)), Some(0));
        assert_eq!(std::fs::read_link(dir.join("ip")).unwrap(), exe);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn install_links_next_to_a_staged_rip_are_relative() {
        let dir = tmp("stage");
        std::fs::write(dir.join("rip"), b"").unwrap();
        assert_eq!(run(&argv(&[], &dir)), Some(0));
        for (n, _) in crate::FRONT_ENDS {
            assert_eq!(std::fs::read_link(dir.join(n)).unwrap(), PathBuf::from("rip"));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn install_links_relative_and_usage() {
        let dir = tmp("rel");
        assert_eq!(run(&argv(&["--relative"], &dir)), Some(0));
        let l = std::fs::read_link(dir.join("ip")).unwrap();
        assert!(l.is_relative());
        assert_eq!(
            std::fs::canonicalize(dir.join(&l)).unwrap(),
            std::fs::canonicalize(std::env::current_exe().unwrap()).unwrap()
        );
        assert_eq!(run(&argv(&["--bogus"], &dir)), Some(255));
        assert_eq!(run(&[OsString::from("rip"), "install-links".into()]), Some(255));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn relative_paths() {
        assert_eq!(relative_path(Path::new("/usr/bin"), Path::new("/usr/bin/rip")), PathBuf::from("rip"));
        assert_eq!(relative_path(Path::new("/usr/sbin"), Path::new("/usr/bin/rip")), PathBuf::from("../bin/rip"));
        assert_eq!(relative_path(Path::new("/a/b/c"), Path::new("/x")), PathBuf::from("../../../x"));
    }

    #[test]
    fn help_names_every_front_end_and_only_under_rip() {
        let h = help();
        for (n, _) in crate::FRONT_ENDS {
            assert!(h.contains(n), "{n} missing from rip --help");
        }
        assert!(h.contains("install-links"));
        for o in crate::ip::implemented_objects() {
            assert!(h.contains(o));
        }
        assert!(version().starts_with(concat!("rip ", env!("CARGO_PKG_VERSION"), "\n")));
        assert_eq!(run(&[OsString::from("rip"), "link".into()]), None);
    }
}
