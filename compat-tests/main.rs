//! The compat suite: golden replays (anywhere) and the live differential
//! suite (root, in sandboxes). Prints a readable report and a closing
//! "N passed, N failed" line; exits non-zero on any failure.
//!
//! Also the settle tool the sandboxes call (`compat --settle`): it makes the
//! kernel run pending linkwatch work so operstates are final before a read.

mod normalize;
mod readme_table;
mod sandbox;
mod settle;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct Report {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
    per_area: BTreeMap<String, (usize, usize, usize)>,
    /// compat-tests/expected-failures: "CASE[:LINE] reason" per line.
    expected: Vec<(String, String)>,
    xfailed: Vec<String>,
    /// The id ("case:line") of the check being judged.
    current: String,
}

impl Report {
    fn load_expected(&mut self) {
        let text = fs::read_to_string(root().join("compat-tests/expected-failures")).unwrap_or_default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (id, why) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            self.expected.push((id.to_string(), why.trim().to_string()));
        }
    }
    fn expected_reason(&self) -> Option<String> {
        let cur = &self.current;
        self.expected
            .iter()
            .find(|(id, _)| cur == id || cur.split(':').next() == Some(id.as_str()))
            .map(|(_, w)| w.clone())
    }
    fn pass(&mut self, area: &str) {
        if let Some(why) = self.expected_reason() {
            // An expected failure that passes: the list is stale.
            self.failed += 1;
            self.per_area.entry(area.to_string()).or_default().1 += 1;
            self.failures.push(format!(
                "UNEXPECTED PASS {} (listed in compat-tests/expected-failures: {}): remove it from the list",
                self.current, why
            ));
            return;
        }
        self.passed += 1;
        self.per_area.entry(area.to_string()).or_default().0 += 1;
    }
    fn fail(&mut self, area: &str, msg: String) {
        if let Some(why) = self.expected_reason() {
            self.per_area.entry(area.to_string()).or_default().2 += 1;
            self.xfailed.push(format!("{} ({})", self.current, why));
            return;
        }
        self.failed += 1;
        self.per_area.entry(area.to_string()).or_default().1 += 1;
        self.failures.push(msg);
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(|s| s.as_str()) == Some("--settle") {
        settle::settle();
        return;
    }
    // `cargo test` passes harness flags (e.g. --nocapture); a bare word filters cases.
    let filter: Option<String> =
        std::env::var("RIP_CASES").ok().or_else(|| args.iter().skip(1).find(|a| !a.starts_with('-')).cloned());
    let mut report = Report::default();
    report.load_expected();
    preflight(&mut report, filter.is_none());
    if filter.is_none() {
        report.current = "README.md".into();
        match readme_table::check(&root()) {
            None => report.pass("readme"),
            Some(m) => report.fail("readme", format!("FAIL {}", m)),
        }
    }
    golden(&mut report, filter.as_deref());
    live(&mut report, filter.as_deref());

    println!();
    for (area, (p, f, x)) in &report.per_area {
        println!("  {:<28} {:>5} passed {:>5} failed {:>5} expected failures", area, p, f, x);
    }
    if !report.xfailed.is_empty() {
        println!("\nEXPECTED FAILURES (known differences, compat-tests/expected-failures): {}", report.xfailed.len());
        for x in &report.xfailed {
            println!("  xfail {}", x);
        }
    }
    for f in &report.failures {
        println!("\n{}", f);
    }
    println!();
    println!("compat: {} passed, {} failed", report.passed, report.failed);
    if report.failed > 0 {
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------- preflight

/// Tools the suites call besides the reference binaries, and who needs them.
const TOOLS: &[(&str, &str)] = &[
    ("ping", "connectivity checks (& lines) in the cases"),
    ("strace", "the netlink-bytes cases"),
    ("python3", "cases that build binary input"),
    ("ifconfig", "net-tools reference, ifconfig and seed cases"),
    ("route", "net-tools reference, route-nettools and seed cases"),
    ("brctl", "bridge-utils reference, brctl and seed cases"),
    ("zsh", "ship.rs: the zsh completions"),
    ("fish", "ship.rs: the fish completions"),
];

fn on_path(tool: &str) -> bool {
    let path = std::env::var("PATH").unwrap_or_default();
    let found = path
        .split(':')
        .chain(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"])
        .filter(|d| !d.is_empty())
        .any(|d| {
            fs::metadata(Path::new(d).join(tool))
                .map(|m| m.is_file() && std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o111 != 0)
                .unwrap_or(false)
        });
    found
}

/// Names every missing tool before anything runs, loudly; on a full run
/// (no case filter) each one is also a failure, so a machine without it
/// cannot pass by running less.
fn preflight(report: &mut Report, full: bool) {
    let missing: Vec<&(&str, &str)> = TOOLS.iter().filter(|(t, _)| !on_path(t)).collect();
    if missing.is_empty() {
        return;
    }
    let banner = "!".repeat(78);
    let mut msg = format!("{banner}\nPREFLIGHT: {} tool(s) missing (.ci/run installs them):\n", missing.len());
    for (t, why) in &missing {
        msg.push_str(&format!("  MISSING {:<10} needed by {}\n", t, why));
    }
    msg.push_str(&banner);
    println!("{msg}");
    eprintln!("{msg}");
    if full {
        report.current = "preflight".into();
        for (t, why) in &missing {
            report.fail("preflight", format!("FAIL preflight: {} is not installed (needed by {})", t, why));
        }
    }
}

// ---------------------------------------------------------------- golden

fn golden(report: &mut Report, filter: Option<&str>) {
    let dir = root().join("compat-tests/golden");
    let Ok(rd) = fs::read_dir(&dir) else { return };
    let mut names: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    names.sort();
    for g in names {
        let name = g.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(f) = filter {
            if !name.contains(f) && !"golden".contains(f) {
                continue;
            }
        }
        report.current = format!("golden/{}", name);
        let cmd = fs::read_to_string(g.join("cmd")).unwrap_or_default();
        let words: Vec<String> = cmd.split_whitespace().map(|s| s.to_string()).collect();
        // The front end the command names replays it (ip or bridge).
        type Replay = fn(&[String], Vec<Vec<u8>>) -> (Vec<u8>, Vec<u8>, i32);
        let replay: Replay = match words.first().map(|s| s.as_str()) {
            Some("ip") => rip::ip::replay,
            Some("bridge") => rip::bridge::replay,
            _ => {
                report.fail("golden", format!("golden {}: cmd must start with ip or bridge: {:?}", name, cmd));
                continue;
            }
        };
        let replies = fs::read(g.join("replies.bin")).unwrap_or_default();
        let datagrams = rip::netlink::Rtnl::parse_recording(&replies);
        let want_out = fs::read(g.join("stdout")).unwrap_or_default();
        let want_err = fs::read(g.join("stderr")).unwrap_or_default();
        let want_rc: i32 = fs::read_to_string(g.join("rc")).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(-1);
        let (out, err, rc) = replay(&words[1..], datagrams);
        if out == want_out && err == want_err && rc == want_rc {
            report.pass("golden");
        } else {
            let mut msg = format!("FAIL golden/{}: {}", name, cmd.trim());
            if rc != want_rc {
                msg.push_str(&format!("\n  exit status: reference {} rip {}", want_rc, rc));
            }
            if out != want_out {
                msg.push_str(&diff("stdout", &want_out, &out));
            }
            if err != want_err {
                msg.push_str(&diff("stderr", &want_err, &err));
            }
            report.fail("golden", msg);
        }
    }
}

// ------------------------------------------------------------------ live

fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut v: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            case_files(&p, out);
        } else if p.extension().map(|e| e == "case").unwrap_or(false) {
            out.push(p);
        }
    }
}

struct Job {
    case: PathBuf,
    rel: String,
    twin: &'static str,
    out: PathBuf,
}

fn live(report: &mut Report, filter: Option<&str>) {
    let cases_dir = root().join("compat-tests/cases");
    let mut cases = Vec::new();
    case_files(&cases_dir, &mut cases);
    let cases: Vec<PathBuf> = cases
        .into_iter()
        .filter(|c| {
            let rel = c.strip_prefix(&cases_dir).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
            filter.map(|f| rel.contains(f)).unwrap_or(true)
        })
        .collect();
    if cases.is_empty() {
        return;
    }
    if let Some(reason) = sandbox::skip_reason(&["ip", "bridge", "sysctl"]) {
        let banner = "!".repeat(78);
        println!("{banner}\nLIVE SUITE SKIPPED: {reason}\n{} case files were NOT run.\n{banner}", cases.len());
        eprintln!("LIVE SUITE SKIPPED: {reason}");
        return;
    }
    // RIP_BIN=path tests another build of rip (the static musl binary of
    // scripts/build-static.sh) instead of the one cargo just built; its
    // results go to a directory of their own.
    let (rip, work) = match std::env::var_os("RIP_BIN").filter(|p| !p.is_empty()) {
        Some(p) => {
            let p = fs::canonicalize(&p).unwrap_or_else(|_| PathBuf::from(&p));
            if !p.is_file() {
                // Loud, and a failure: a run asked for must not pass unrun.
                report.current = "RIP_BIN".into();
                report.fail("live", format!("FAIL RIP_BIN={} is not a file", p.display()));
                return;
            }
            println!("live suite: rip is RIP_BIN={}", p.display());
            (p, root().join("target/compat-bin"))
        }
        None => (PathBuf::from(env!("CARGO_BIN_EXE_rip")), root().join("target/compat")),
    };
    let me = std::env::current_exe().unwrap_or_default();
    let hostns = fs::read_link("/proc/self/ns/net").map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let _ = fs::remove_dir_all(&work);

    let mut jobs = Vec::new();
    for c in &cases {
        let rel = c.strip_prefix(&cases_dir).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        for twin in ["ref", "rip"] {
            let out = work.join(rel.trim_end_matches(".case")).join(twin);
            let _ = fs::create_dir_all(&out);
            jobs.push(Job { case: c.clone(), rel: rel.clone(), twin, out });
        }
    }
    let jobs = Arc::new(Mutex::new(jobs.into_iter().rev().collect::<Vec<_>>()));
    let driver = root().join("compat-tests/driver.sh");
    let workers: usize = std::env::var("RIP_JOBS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let jobs = jobs.clone();
        let (rip, me, hostns, driver) = (rip.clone(), me.clone(), hostns.clone(), driver.clone());
        handles.push(std::thread::spawn(move || loop {
            let job = match jobs.lock() {
                Ok(mut j) => j.pop(),
                Err(_) => None,
            };
            let Some(job) = job else { break };
            let st = Command::new("unshare")
                .args(["--net", "--uts", "--ipc", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc"])
                .args(["--propagation", "private", "--", "bash"])
                .arg(&driver)
                .arg(&job.case)
                .arg(job.twin)
                .arg(&job.out)
                .arg(&rip)
                .arg(&me)
                .arg(&hostns)
                .output();
            if let Ok(o) = st {
                let _ = fs::write(job.out.join("driver.log"), [o.stdout, o.stderr].concat());
            }
            let _ = &job.rel;
        }));
    }
    for h in handles {
        let _ = h.join();
    }
    for c in &cases {
        let rel = c.strip_prefix(&cases_dir).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        let base = work.join(rel.trim_end_matches(".case"));
        judge_case(report, &rel, &base);
    }
    if std::env::var_os("RIP_BLESS").is_some() {
        bless(&work);
    }
}

fn read(p: &Path) -> Vec<u8> {
    fs::read(p).unwrap_or_default()
}

fn judge_case(report: &mut Report, rel: &str, base: &Path) {
    let area = rel.split('/').next().unwrap_or(rel).trim_end_matches(".case").to_string();
    let (a, b) = (base.join("ref"), base.join("rip"));
    report.current = rel.to_string();
    for twin in [&a, &b] {
        if !twin.join("finished").exists() {
            let log = String::from_utf8_lossy(&read(&twin.join("driver.log"))).into_owned();
            report.fail(&area, format!("FAIL {}: the {} twin did not finish\n{}", rel, twin.display(), log));
            return;
        }
        let sf = read(&twin.join("setup-failures"));
        if !sf.is_empty() {
            report.fail(&area, format!("FAIL {}: setup failed\n{}", rel, String::from_utf8_lossy(&sf)));
        }
    }
    // Lines in file order.
    let mut items: Vec<(usize, char)> = Vec::new();
    if let Ok(rd) = fs::read_dir(&a) {
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if let Some(rest) = n.strip_suffix(".cmd") {
                let (kind, num) = rest.split_at(1);
                if let Ok(num) = num.parse::<usize>() {
                    items.push((num, kind.chars().next().unwrap_or('?')));
                }
            }
        }
    }
    items.sort();
    for (n, kind) in items {
        report.current = format!("{}:{}", rel, n);
        let cmd = String::from_utf8_lossy(&read(&a.join(format!("{}{}.cmd", kind, n)))).trim_end().to_string();
        if kind == 'q' {
            for twin in [&a, &b] {
                let f = |s: &str| normalize::normalize_timers(&read(&twin.join(format!("q{}.{}", n, s))));
                let (rip_o, rip_e, rip_r) = (f("rip.out"), f("rip.err"), f("rip.rc"));
                let ok1 = rip_o == f("ref.out") && rip_e == f("ref.err") && rip_r == f("ref.rc");
                let ok2 = rip_o == f("ref2.out") && rip_e == f("ref2.err") && rip_r == f("ref2.rc");
                if ok1 || ok2 {
                    report.pass(&area);
                } else {
                    let tw = twin.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    let mut msg = format!("FAIL {}:{} ({} twin) ? {}", rel, n, tw, cmd);
                    if rip_r != f("ref.rc") {
                        msg.push_str(&format!(
                            "\n  exit status: reference {} rip {}",
                            String::from_utf8_lossy(&f("ref.rc")).trim(),
                            String::from_utf8_lossy(&rip_r).trim()
                        ));
                    }
                    if rip_o != f("ref.out") {
                        msg.push_str(&diff("stdout", &f("ref.out"), &rip_o));
                    }
                    if rip_e != f("ref.err") {
                        msg.push_str(&diff("stderr", &f("ref.err"), &rip_e));
                    }
                    report.fail(&area, msg);
                }
            }
        } else {
            let f = |t: &Path, s: &str| normalize::normalize(&read(&t.join(format!("w{}.{}", n, s))));
            let mut msg = String::new();
            if a.join(format!("w{}.must", n)).exists() {
                for t in [&a, &b] {
                    let rc = String::from_utf8_lossy(&read(&t.join(format!("w{}.rc", n)))).trim().to_string();
                    if rc != "0" {
                        let tw = t.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                        msg.push_str(&format!("\n  must succeed, but exited {} in the {} twin", rc, tw));
                    }
                }
            }
            for part in ["rc", "out", "err", "state"] {
                let (x, y) = (f(&a, part), f(&b, part));
                if x != y {
                    msg.push_str(&diff(part, &x, &y));
                }
            }
            if msg.is_empty() {
                report.pass(&area);
            } else {
                report.fail(&area, format!("FAIL {}:{} $ {}{}", rel, n, cmd, msg));
            }
        }
    }
}

/// Copies golden recordings made under RIP_BLESS=1 into compat-tests/golden.
fn bless(work: &Path) {
    let mut stack = vec![work.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if !p.is_dir() {
                continue;
            }
            if let Some(g) = name.strip_prefix("golden-") {
                let dst = root().join("compat-tests/golden").join(g);
                let same = read(&p.join("rip.out")) == read(&p.join("ref.out"))
                    && read(&p.join("rip.rc")) == read(&p.join("ref.rc"));
                if !same {
                    println!("not blessed (rip differs from the reference): {}", g);
                    continue;
                }
                let _ = fs::create_dir_all(&dst);
                let _ = fs::copy(p.join("cmd"), dst.join("cmd"));
                let _ = fs::copy(p.join("replies.bin"), dst.join("replies.bin"));
                let _ = fs::copy(p.join("ref.out"), dst.join("stdout"));
                let _ = fs::copy(p.join("ref.err"), dst.join("stderr"));
                let _ = fs::copy(p.join("ref.rc"), dst.join("rc"));
                println!("blessed golden case {}", g);
            } else {
                stack.push(p);
            }
        }
    }
}

/// A line as a quoted string, bytes that are not UTF-8 as \xNN (so two
/// different bytes never show alike).
struct Quoted<'a>(&'a [u8]);

impl std::fmt::Debug for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("\"")?;
        for chunk in self.0.utf8_chunks() {
            write!(f, "{}", chunk.valid().escape_debug())?;
            for b in chunk.invalid() {
                write!(f, "\\x{:02x}", b)?;
            }
        }
        f.write_str("\"")
    }
}

/// A short readable diff: the first differing lines with context.
fn diff(what: &str, want: &[u8], got: &[u8]) -> String {
    let wl: Vec<Quoted> = want.split_inclusive(|&c| c == b'\n').map(Quoted).collect();
    let gl: Vec<Quoted> = got.split_inclusive(|&c| c == b'\n').map(Quoted).collect();
    let mut first = 0;
    while first < wl.len() && first < gl.len() && wl[first].0 == gl[first].0 {
        first += 1;
    }
    let mut out = format!("\n  --- {} (reference) / +++ (rip), from line {}:", what, first + 1);
    let from = first.saturating_sub(2);
    for l in wl.iter().skip(from).take(first - from) {
        out.push_str(&format!("\n     {:?}", l));
    }
    for l in wl.iter().skip(first).take(6) {
        out.push_str(&format!("\n  -  {:?}", l));
    }
    for l in gl.iter().skip(first).take(6) {
        out.push_str(&format!("\n  +  {:?}", l));
    }
    if wl.len() == gl.len() && wl.len() <= first {
        out.push_str("\n  (differ only at the very end: missing/extra newline)");
    }
    out
}
