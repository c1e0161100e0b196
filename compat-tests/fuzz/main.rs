//! The differential argv fuzzer (issue 21): mutants of the compat suite's
//! own commands run against the reference tools and rip in twin sandboxes
//! (compat-tests/driver.sh, `!` lines), batched on one fixed setup. rc,
//! stdout, stderr and the state left behind are compared after the compat
//! suite's normalisation; rip's panics and hangs (5 s) are findings too.
//! Known differences are listed in compat-tests/fuzz/expected; any other
//! difference fails the run.
//!
//!   RIP_FUZZ_SEED=N   the PRNG seed (decimal or 0x hex; printed every run)
//!   RIP_FUZZ_N=N      how many commands (default: the bounded count below)
//!   RIP_FUZZ_BATCH=N  commands per twin pair (default 100)
//!   RIP_FUZZ_AREAS=w,w  only seeds whose tool or object is one of these words
//!   RIP_FUZZ_WORK=DIR the work directory (default target/fuzz)
//!   RIP_BIN=FILE      another build of rip (default: this build's)
//!
//! Long run (issue 21: >= 20,000 commands, about 15 min on 2 cores):
//!
//!   RIP_FUZZ_N=20000 RIP_FUZZ_SEED=0xc525a94a \
//!     RIP_FUZZ_AREAS=link,addr,route,netns,bridge,sysctl cargo test --release --test fuzz
//!
//! Also the settle tool the sandboxes call (`fuzz --settle`).
#![allow(clippy::type_complexity)]

#[path = "../normalize.rs"]
#[allow(dead_code)]
mod normalize;
#[path = "../sandbox.rs"]
mod sandbox;
#[path = "../settle.rs"]
mod settle;

mod expected;
mod gen;

use gen::{Argv, Rng};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The bounded run of `cargo test`: 60-90 s on this 2-core machine.
const DEFAULT_N: usize = 2000;
const DEFAULT_SEED: u64 = 0x21_f022;

/// The same state in both twins before a batch, made by the reference.
/// Fixed MACs (so link-locals and multicast groups are too), no DAD, no
/// router solicitations, and multicast reports sent at once, so that no
/// traffic is still under way (counters) when the fuzzed commands run.
const SETUP: &[&str] = &[
    "for k in accept_dad router_solicitations mldv1_unsolicited_report_interval mldv2_unsolicited_report_interval; do sysctl -qw net.ipv6.conf.all.$k=0 net.ipv6.conf.default.$k=0; done",
    "sysctl -qw net.ipv4.conf.all.igmpv2_unsolicited_report_interval=0 net.ipv4.conf.default.igmpv2_unsolicited_report_interval=0 net.ipv4.conf.all.igmpv3_unsolicited_report_interval=0 net.ipv4.conf.default.igmpv3_unsolicited_report_interval=0",
    "ip link add br0 address 00:16:3e:00:00:10 type bridge",
    "ip link add veth0 address 00:16:3e:00:00:01 type veth peer name veth1 address 00:16:3e:00:00:02",
    "ip link set veth0 master br0",
    "ip link add v0 address 00:16:3e:00:00:03 type veth peer name v1 address 00:16:3e:00:00:04",
    "ip link add a0 address 00:16:3e:00:00:05 type veth peer name a1 address 00:16:3e:00:00:06",
    "ip link add veth2 address 00:16:3e:00:00:07 type veth peer name veth3 address 00:16:3e:00:00:08",
    "ip netns add ns1",
    "ip netns exec ns1 bash -c 'for k in accept_dad router_solicitations mldv1_unsolicited_report_interval mldv2_unsolicited_report_interval; do sysctl -qw net.ipv6.conf.all.$k=0 net.ipv6.conf.default.$k=0; done'",
    "ip link set veth3 netns ns1",
    "for d in veth0 veth1 v0 v1 veth2; do ip link set $d up; done",
    "ip -n ns1 link set lo up && ip -n ns1 link set veth3 up",
    // Carrier, link-locals and their reports now, not racing the commands;
    // the bridge comes up on a forwarding port (else its first multicast
    // report is dropped or not, by chance).
    "\"$SETTLE\" --settle && ip link set br0 up && \"$SETTLE\" --settle && sleep 0.05 && \"$SETTLE\" --settle",
    "ip addr add 10.0.0.1/24 dev v0",
    "ip addr add 10.0.0.2/24 dev v1",
    "ip addr add 2001:db8::1/64 dev v0",
    "ip addr add 192.168.1.1/24 brd + dev br0 label br0:1",
    "ip addr add 10.9.0.1/24 dev veth2",
    "ip -n ns1 addr add 10.9.0.2/24 dev veth3",
    "ip route add 10.1.0.0/16 via 10.0.0.254 dev v0",
    "ip route add 10.2.0.0/16 dev v0 table 100",
    "ip -6 route add 2001:db8:1::/64 via 2001:db8::2",
    "ip -n ns1 route add default via 10.9.0.1",
    "ip neigh add 10.0.0.3 lladdr 00:11:22:33:44:55 dev v0",
    "ip rule add from 10.5.0.0/16 table 100",
    "bridge fdb add 00:aa:bb:cc:dd:ee dev veth0 master static",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn env_num(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    match v.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => v.parse().ok(),
    }
}

pub struct Finding {
    pub kind: &'static str,
    pub cmd: String,
    pub details: String,
    pub repro: PathBuf,
}

fn read(p: &Path) -> Vec<u8> {
    fs::read(p).unwrap_or_default()
}

fn rc_of(p: &Path) -> Option<i32> {
    String::from_utf8_lossy(&read(p)).trim().parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(|s| s.as_str()) == Some("--settle") {
        settle::settle();
        return;
    }
    if let Some(reason) = sandbox::skip_reason(gen::TOOLS) {
        let banner = "!".repeat(78);
        println!("{banner}\nFUZZ SKIPPED: {reason}\n{banner}");
        eprintln!("FUZZ SKIPPED: {reason}");
        return;
    }
    let seed = env_num("RIP_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let n = env_num("RIP_FUZZ_N").map(|v| v as usize).unwrap_or(DEFAULT_N);
    let batch = env_num("RIP_FUZZ_BATCH").map(|v| v as usize).unwrap_or(100).max(1);
    let mut seeds = gen::load_seeds(&root().join("compat-tests/cases"));
    if let Ok(areas) = std::env::var("RIP_FUZZ_AREAS") {
        let words: Vec<&str> = areas.split(',').map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        seeds.cmds.retain(|a| {
            let obj = gen::object(a);
            words.iter().any(|w| a[0] == w.as_bytes() || obj == w.as_bytes())
        });
    }
    // The knobs that shape the run (at this commit: the seeds are the cases).
    let mut knobs = format!("RIP_FUZZ_SEED={:#x} RIP_FUZZ_N={}", seed, n);
    if let Ok(b) = std::env::var("RIP_FUZZ_BATCH") {
        knobs.push_str(&format!(" RIP_FUZZ_BATCH={}", b));
    }
    if let Ok(a) = std::env::var("RIP_FUZZ_AREAS") {
        knobs.push_str(&format!(" RIP_FUZZ_AREAS={}", a));
    }
    println!(
        "fuzz: seed {:#x}, {} commands, {} a batch, {} seed commands ({} reproduces this run)",
        seed,
        n,
        batch,
        seeds.cmds.len(),
        knobs
    );
    if seeds.cmds.is_empty() {
        println!("fuzz: FAILED: no seed commands");
        std::process::exit(1);
    }
    let mut rng = Rng::new(seed);
    let cmds: Vec<Argv> = (0..n).map(|_| seeds.mutant(&mut rng)).collect();

    let work = std::env::var_os("RIP_FUZZ_WORK")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/fuzz"));
    let _ = fs::remove_dir_all(&work);
    let _ = fs::create_dir_all(work.join("repro"));
    let rules = expected::load(&root().join("compat-tests/fuzz/expected"));

    let start = Instant::now();
    let mut queue: Vec<Vec<usize>> = (0..n).collect::<Vec<_>>().chunks(batch).map(|c| c.to_vec()).rev().collect();
    let mut findings: Vec<Finding> = Vec::new();
    let mut stats = Stats::default();
    let mut nb = 0;
    while let Some(b) = queue.pop() {
        nb += 1;
        let dir = work.join(format!("b{}", nb));
        let rest = run_batch(&dir, &b, &cmds, &mut findings, &mut stats);
        if let Some(rest) = rest {
            if !rest.is_empty() {
                queue.push(rest);
            }
        }
        if nb % 5 == 0 {
            eprintln!("fuzz: {} batches, {} commands judged, {:.0?}", nb, stats.judged, start.elapsed());
        }
    }

    // Known differences vs new ones.
    let mut new = Vec::new();
    let mut hits = vec![0usize; rules.len()];
    for f in &findings {
        match expected::matches(&rules, f) {
            Some(i) => hits[i] += 1,
            None => new.push(f),
        }
    }
    let mut log = String::new();
    for f in &findings {
        log.push_str(&format!("{}: {}{}\n  repro: {}\n\n", f.kind, f.cmd, f.details, f.repro.display()));
    }
    let _ = fs::write(work.join("findings.txt"), &log);
    println!(
        "fuzz: {} commands judged in {} batches, {:.1?}; rip panics {}, rip hangs {}, both hung {}, differences {} ({} known, {} new)",
        stats.judged,
        nb,
        start.elapsed(),
        stats.panics,
        stats.hangs,
        stats.both_hung,
        findings.len(),
        findings.len() - new.len(),
        new.len()
    );
    for c in stats.hung_cmds.iter().take(20) {
        println!("  both hung (5 s): {}", c);
    }
    for (i, r) in rules.iter().enumerate() {
        if hits[i] > 0 {
            println!("  known {:>5}x  {}  ({})", hits[i], r.text, r.reason);
        }
    }
    for f in new.iter().take(60) {
        println!("\nNEW {}: {}{}\n  repro: {}", f.kind, f.cmd, f.details, f.repro.display());
    }
    if new.len() > 60 {
        println!("\n... {} more in {}", new.len() - 60, work.join("findings.txt").display());
    }
    println!("\nfuzz: {} new differences (all findings: {})", new.len(), work.join("findings.txt").display());
    if !new.is_empty() {
        std::process::exit(1);
    }
}

#[derive(Default)]
struct Stats {
    judged: usize,
    panics: usize,
    hangs: usize,
    both_hung: usize,
    /// Commands that ran into the timeout with the reference too.
    hung_cmds: Vec<String>,
}

/// Runs one batch in a twin pair and judges it. Returns the commands still
/// to run when the twins' states diverged (they go to a fresh pair).
fn run_batch(
    dir: &Path,
    idx: &[usize],
    cmds: &[Argv],
    findings: &mut Vec<Finding>,
    stats: &mut Stats,
) -> Option<Vec<usize>> {
    let _ = fs::create_dir_all(dir);
    let mut case = String::new();
    for s in SETUP {
        case.push_str("+ ");
        case.push_str(s);
        case.push('\n');
    }
    let first = SETUP.len() + 1;
    case.push_str("$ true\n");
    let mut lines = Vec::new();
    for (k, &i) in idx.iter().enumerate() {
        lines.push((first + 1 + k, i));
        case.push_str("! ");
        case.push_str(&gen::quote_argv(&cmds[i]));
        case.push('\n');
    }
    let last = first + idx.len() + 1;
    case.push_str("$ true\n");
    let case_path = dir.join("batch.case");
    let _ = fs::write(&case_path, &case);

    let rip = std::env::var_os("RIP_BIN")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rip")));
    let me = std::env::current_exe().unwrap_or_default();
    let hostns = fs::read_link("/proc/self/ns/net").map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let driver = root().join("compat-tests/driver.sh");
    let mut children = Vec::new();
    for twin in ["ref", "rip"] {
        let out = dir.join(twin);
        let _ = fs::create_dir_all(&out);
        let log = fs::File::create(out.join("driver.log")).ok();
        let mut c = Command::new("unshare");
        c.args(["--net", "--uts", "--ipc", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc"])
            .args(["--propagation", "private", "--", "bash"])
            .arg(&driver)
            .arg(&case_path)
            .arg(twin)
            .arg(&out)
            .arg(&rip)
            .arg(&me)
            .arg(&hostns)
            .stdin(std::process::Stdio::null());
        if let Some(l) = log {
            if let Ok(l2) = l.try_clone() {
                c.stdout(l).stderr(l2);
            }
        }
        children.push(c.spawn());
    }
    for c in children.iter_mut().flatten() {
        let _ = c.wait();
    }

    let (a, b) = (dir.join("ref"), dir.join("rip"));
    let repro = |upto: usize, kind: &str| -> PathBuf {
        // The setup, the batch's earlier commands that succeeded in a twin
        // (they may have changed the state), then the command itself.
        let mut s = String::from("# fuzz reproducer: run as a compat case file\n");
        for l in SETUP {
            s.push_str(&format!("+ {}\n", l));
        }
        for &(line, i) in &lines {
            if line > upto {
                break;
            }
            let ok = rc_of(&a.join(format!("f{}.rc", line))) == Some(0)
                || rc_of(&b.join(format!("f{}.rc", line))) == Some(0);
            if line == upto || ok {
                s.push_str(&format!("$ {}\n", gen::quote_argv(&cmds[i])));
            }
        }
        let p = dir.join(format!("repro-{}-{}.case", kind, upto));
        let _ = fs::write(&p, s);
        p
    };
    for t in [&a, &b] {
        if !t.join("finished").exists() || !read(&t.join("setup-failures")).is_empty() {
            let log = String::from_utf8_lossy(&read(&t.join("driver.log"))).into_owned();
            let sf = String::from_utf8_lossy(&read(&t.join("setup-failures"))).into_owned();
            findings.push(Finding {
                kind: "harness",
                cmd: format!("batch {}", dir.display()),
                details: format!("\n  the {} twin did not finish or its setup failed\n{}{}", t.display(), sf, log),
                repro: case_path.clone(),
            });
            return None;
        }
    }
    let st = |t: &Path, line: usize, pre: char| normalize::normalize(&read(&t.join(format!("{}{}.state", pre, line))));
    let (mut cur_a, mut cur_b) = (st(&a, first, 'w'), st(&b, first, 'w'));
    if cur_a != cur_b {
        findings.push(Finding {
            kind: "harness",
            cmd: "setup".into(),
            details: diff("state after setup", &cur_a, &cur_b),
            repro: case_path.clone(),
        });
        return None;
    }
    for (k, &(line, i)) in lines.iter().enumerate() {
        stats.judged += 1;
        let f = |t: &Path, s: &str| read(&t.join(format!("f{}.{}", line, s)));
        let (ra, rb) = (rc_of(&a.join(format!("f{}.rc", line))), rc_of(&b.join(format!("f{}.rc", line))));
        let shown = gen::display(&cmds[i]);
        let rip_err = f(&b, "err");
        // An abort the reference shares (rip reproduces its stack-protector
        // abort of `ip link xstats`) is no panic: the comparison judges it.
        let same_abort = ra == rb && f(&a, "err") == rip_err;
        let panicked = rip_err.windows(8).any(|w| w == b"panicked") || (matches!(rb, Some(101 | 134)) && !same_abort);
        let hung = |r: Option<i32>| matches!(r, Some(124 | 137));
        if panicked {
            stats.panics += 1;
            findings.push(Finding {
                kind: "panic",
                cmd: shown.clone(),
                details: format!("\n  rip exit {:?}\n  rip stderr: {}", rb, clip(&rip_err)),
                repro: repro(line, "panic"),
            });
        } else if hung(rb) && !hung(ra) {
            stats.hangs += 1;
            findings.push(Finding {
                kind: "hang",
                cmd: shown.clone(),
                details: format!("\n  rip ran into the 5 s timeout; the reference exited {:?}", ra),
                repro: repro(line, "hang"),
            });
        } else {
            if hung(ra) && hung(rb) {
                stats.both_hung += 1;
                stats.hung_cmds.push(shown.clone());
            }
            let mut msg = String::new();
            if ra != rb {
                msg.push_str(&format!("\n  exit status: reference {:?} rip {:?}", ra, rb));
            }
            for part in ["out", "err"] {
                let (x, y) = (norm_for(&cmds[i], &f(&a, part)), norm_for(&cmds[i], &f(&b, part)));
                if x != y {
                    msg.push_str(&diff(if part == "out" { "stdout" } else { "stderr" }, &x, &y));
                }
            }
            if !msg.is_empty() {
                findings.push(Finding {
                    kind: "differs",
                    cmd: shown.clone(),
                    details: msg,
                    repro: repro(line, "differs"),
                });
            }
        }
        // The state, whenever a twin read it.
        let (sa, sb) = (a.join(format!("f{}.state", line)), b.join(format!("f{}.state", line)));
        if sa.exists() || sb.exists() {
            if sa.exists() {
                cur_a = st(&a, line, 'f');
            }
            if sb.exists() {
                cur_b = st(&b, line, 'f');
            }
            if cur_a != cur_b {
                findings.push(Finding {
                    kind: "state",
                    cmd: shown,
                    details: diff("state", &cur_a, &cur_b),
                    repro: repro(line, "state"),
                });
                // Later commands would see different states: rerun them fresh.
                return Some(lines[k + 1..].iter().map(|&(_, i)| i).collect());
            }
        }
    }
    let (ea, eb) = (st(&a, last, 'w'), st(&b, last, 'w'));
    if ea != eb {
        // A change no fingerprint saw (or a failing command's): name the batch.
        let list: Vec<String> = lines.iter().map(|&(_, i)| gen::display(&cmds[i])).collect();
        findings.push(Finding {
            kind: "state",
            cmd: format!("(somewhere in batch {}: {} commands)", dir.display(), list.len()),
            details: diff("state at the batch's end", &ea, &eb),
            repro: case_path.clone(),
        });
    }
    None
}

/// The compat suite's `$` normalisation, plus what the fuzzer's commands
/// show that case files never compare across twins: the neighbour tables'
/// `reachable` time (random around base_reachable), and ifconfig's IPv6
/// lines, which follow /proc/net/if_inet6's hash order (differs by chance).
fn norm(b: &[u8]) -> Vec<u8> {
    let b = sort_inet6_runs(&normalize::normalize(b));
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hit = [&b" reachable "[..], b"\"reachable\":"].into_iter().find(|m| b[i..].starts_with(m));
        if let Some(m) = hit {
            out.extend_from_slice(m);
            let mut j = i + m.len();
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + m.len() {
                out.extend_from_slice(b"<N>");
            }
            i = j;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Values that move on their own between the twins' runs, masked as the
/// command's tool prints them: the global kernel counters in a `sysctl -a`
/// listing (dentries, inodes, files, the last pid, a random uuid), bridge
/// timers in brctl's and bridge's own spellings, the neighbour tables'
/// statistics; and the order of neighbour entries (a hash table's dump).
fn norm_for(cmd: &Argv, b: &[u8]) -> Vec<u8> {
    let tool = cmd.first().map(|w| w.as_slice()).unwrap_or(b"");
    let mut b = norm(b);
    if tool == b"sysctl" {
        b = sysctl_volatile(&b);
    }
    b = mask_after(
        &b,
        &[b"timer\t\t", b"timer\t", b"\"timer\":\"", b"last_rand ", b"\"last_rand\":"],
        b"0123456789.: -",
    );
    b = mask_after(
        &b,
        &[
            b"periodic_gc_runs ",
            b"forced_gc_runs ",
            b"lookups ",
            b"hits ",
            b"res_failed ",
            b"allocs ",
            b"destroys ",
            b"hash_grows ",
            b"rcv_probes_mcast ",
            b"rcv_probes_ucast ",
            b"\"periodic_gc_runs\":",
            b"\"forced_gc_runs\":",
            b"\"lookups\":",
            b"\"hits\":",
            b"\"res_failed\":",
            b"\"allocs\":",
            b"\"destroys\":",
            b"\"hash_grows\":",
            b"\"rcv_probes_mcast\":",
            b"\"rcv_probes_ucast\":",
        ],
        b"0123456789",
    );
    b = mask_after(&b, &[b" temp  ", b" temp "], b"0123456789.");
    if tool == b"ip" || tool == b"bridge" || tool == b"ifconfig" {
        b = traffic_counters(&b);
    }
    if tool == b"route" {
        b = route6_refs(&b);
    }
    let obj = gen::object(cmd);
    let neigh = tool == b"ip" && !obj.is_empty() && (b"neighbour".starts_with(&obj) || b"neighbor".starts_with(&obj));
    if neigh {
        let mut lines: Vec<&[u8]> = b.split_inclusive(|c| *c == b'\n').collect();
        lines.sort();
        b = lines.concat();
    }
    b
}

/// Interface traffic counters: the kernel sends packets of its own (on lo
/// too) at moments that differ between the twins, so a counter can be one
/// packet apart. Masked: JSON "bytes"/"packets"/"multicast" values, the
/// number rows under `ip -s`'s and `ip stats`' RX:/TX: headers, and
/// ifconfig's "RX packets"/"TX packets" lines.
fn traffic_counters(b: &[u8]) -> Vec<u8> {
    let b = mask_after(b, &[b"\"bytes\":", b"\"packets\":", b"\"multicast\":"], b"0123456789");
    let mut out = Vec::with_capacity(b.len());
    let mut after_header = false;
    for l in b.split_inclusive(|c| *c == b'\n') {
        let t = l.trim_ascii();
        let numeric = !t.is_empty() && t.iter().all(|c| c.is_ascii_digit() || *c == b' ' || *c == b'\t');
        if after_header && numeric {
            out.extend_from_slice(b"    <counters>\n");
        } else if t.starts_with(b"RX packets ") || t.starts_with(b"TX packets ") {
            out.extend_from_slice(&t[..10]);
            out.extend_from_slice(b" <counters>\n");
        } else {
            out.extend_from_slice(l);
        }
        after_header = t.starts_with(b"RX") || t.starts_with(b"TX");
    }
    out
}

/// net-tools' IPv6 table: the Ref and Use columns count the kernel's own
/// references and lookups (multicast reports), which move by themselves.
fn route6_refs(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    for l in b.split_inclusive(|c| *c == b'\n') {
        let words: Vec<&[u8]> = l.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
        let v6 = words.len() >= 7 && words[0].contains(&b':') && words[0].contains(&b'/');
        if v6 && words[4].iter().all(u8::is_ascii_digit) && words[5].iter().all(u8::is_ascii_digit) {
            let mut w = words.clone();
            w[4] = b"<R>";
            w[5] = b"<U>";
            out.extend_from_slice(&w.join(&b' '));
            out.push(b'\n');
        } else {
            out.extend_from_slice(l);
        }
    }
    out
}

/// After each prefix, the run of bytes from `set` becomes `<V>`.
fn mask_after(b: &[u8], prefixes: &[&[u8]], set: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if let Some(p) = prefixes.iter().find(|p| b[i..].starts_with(p)) {
            out.extend_from_slice(p);
            let mut j = i + p.len();
            while j < b.len() && set.contains(&b[j]) {
                j += 1;
            }
            if j > i + p.len() {
                out.extend_from_slice(b"<V>");
            }
            i = j;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn sysctl_volatile(b: &[u8]) -> Vec<u8> {
    const KEYS: &[&[u8]] = &[
        b"fs.dentry-state",
        b"fs.file-nr",
        b"fs.inode-nr",
        b"fs.inode-state",
        b"fs.aio-nr",
        b"kernel.ns_last_pid",
        b"kernel.random.uuid",
        b"kernel.random.entropy_avail",
    ];
    let lines: Vec<&[u8]> = b.split_inclusive(|c| *c == b'\n').collect();
    // A whole listing with -n: values without their keys.
    let listing = lines.len() > 300;
    let mut out = Vec::with_capacity(b.len());
    for l in lines {
        if let Some(k) = KEYS.iter().find(|k| l.starts_with(k) && l[k.len()..].starts_with(b" = ")) {
            out.extend_from_slice(k);
            out.extend_from_slice(b" = <V>\n");
        } else if listing && l.len() > 1 && l.iter().all(|c| c.is_ascii_hexdigit() || b"\t-\n".contains(c)) {
            out.extend_from_slice(b"<V>\n");
        } else {
            out.extend_from_slice(l);
        }
    }
    out
}

fn sort_inet6_runs(b: &[u8]) -> Vec<u8> {
    let is6 = |l: &[u8]| l.starts_with(b"        inet6 ") && l.windows(9).any(|w| w == b"prefixlen");
    let mut out = Vec::with_capacity(b.len());
    let mut run: Vec<&[u8]> = Vec::new();
    for l in b.split_inclusive(|c| *c == b'\n') {
        if is6(l) {
            run.push(l);
            continue;
        }
        run.sort();
        run.drain(..).for_each(|r| out.extend_from_slice(r));
        out.extend_from_slice(l);
    }
    run.sort();
    run.drain(..).for_each(|r| out.extend_from_slice(r));
    out
}

fn clip(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let s: String = s.chars().take(600).collect();
    format!("{:?}", s)
}

/// A short readable diff: the first differing lines with context.
fn diff(what: &str, want: &[u8], got: &[u8]) -> String {
    let w = String::from_utf8_lossy(want);
    let g = String::from_utf8_lossy(got);
    let wl: Vec<&str> = w.split_inclusive('\n').collect();
    let gl: Vec<&str> = g.split_inclusive('\n').collect();
    let mut first = 0;
    while first < wl.len() && first < gl.len() && wl[first] == gl[first] {
        first += 1;
    }
    let cut = |l: &str| -> String {
        let c: String = l.chars().take(300).collect();
        format!("{:?}", c)
    };
    let mut out = format!("\n  --- {} (reference) / +++ (rip), from line {}:", what, first + 1);
    for l in wl.iter().skip(first).take(4) {
        out.push_str(&format!("\n  -  {}", cut(l)));
    }
    for l in gl.iter().skip(first).take(4) {
        out.push_str(&format!("\n  +  {}", cut(l)));
    }
    out
}
