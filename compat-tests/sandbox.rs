//! Whether the live suites can run here (compat and fuzz share it): root,
//! the reference tools installed, and the sandbox's namespaces allowed.

use std::path::Path;
use std::process::Command;

/// Why the live runs are skipped, or None when they can run. `tools`: the
/// reference tools (in /usr/sbin) the suite compares against.
pub fn skip_reason(tools: &[&str]) -> Option<String> {
    if unsafe { libc::geteuid() } != 0 {
        return Some("not running as root (the sandboxes need CAP_SYS_ADMIN and CAP_NET_ADMIN)".into());
    }
    for t in tools {
        if !Path::new(&format!("/usr/sbin/{}", t)).exists() {
            return Some(format!("the reference /usr/sbin/{} is not installed", t));
        }
    }
    let ok = Command::new("unshare")
        .args([
            "--net",
            "--uts",
            "--ipc",
            "--mount",
            "--pid",
            "--fork",
            "--mount-proc",
            "--propagation",
            "private",
            "true",
        ])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        return Some("unshare --net --mount --pid failed here (no namespaces allowed)".into());
    }
    None
}
