//! The fuzzer's commands: seeds from the compat case files, a deterministic
//! PRNG, and grammar-driven mutations of the seeds' argument vectors.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The front ends rip replaces: a seed's first word must be one of them.
pub const TOOLS: &[&str] = &["ip", "bridge", "sysctl", "brctl", "ifconfig", "route"];

/// xorshift64* (Vigna): small, fast, and the same sequence everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is xorshift's fixed point; splitmix the seed once.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        Rng(if z == 0 { 1 } else { z })
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        if v.is_empty() {
            None
        } else {
            v.get(self.below(v.len()))
        }
    }
}

pub type Argv = Vec<Vec<u8>>;

/// Splits a case-file command into words like the shell would, or None
/// when it needs more than words (pipes, redirections, expansions, ...).
pub fn shell_words(s: &str) -> Option<Argv> {
    let b = s.as_bytes();
    let mut words = Vec::new();
    let mut cur: Vec<u8> = Vec::new();
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            b'\'' => {
                in_word = true;
                let end = b[i + 1..].iter().position(|&x| x == b'\'')? + i + 1;
                cur.extend_from_slice(&b[i + 1..end]);
                i = end;
            }
            b'"' => {
                in_word = true;
                let mut j = i + 1;
                loop {
                    let x = *b.get(j)?;
                    match x {
                        b'"' => break,
                        b'$' | b'`' => return None,
                        b'\\' if matches!(b.get(j + 1), Some(b'"' | b'\\' | b'$' | b'`')) => {
                            cur.push(b[j + 1]);
                            j += 1;
                        }
                        _ => cur.push(x),
                    }
                    j += 1;
                }
                i = j;
            }
            b'\\' => {
                in_word = true;
                cur.push(*b.get(i + 1)?);
                i += 1;
            }
            b'|' | b';' | b'&' | b'<' | b'>' | b'(' | b')' | b'`' | b'$' | b'*' | b'?' | b'[' | b'{' | b'}' | b'~'
            | b'#' => return None,
            _ => {
                in_word = true;
                cur.push(c);
            }
        }
        i += 1;
    }
    if in_word {
        words.push(cur);
    }
    Some(words)
}

/// One shell word for `bash -c` that stands for exactly these bytes.
pub fn quote(w: &[u8]) -> String {
    let plain = |c: u8| c.is_ascii_alphanumeric() || b"_./:=+,@%-^".contains(&c);
    if !w.is_empty() && w.iter().all(|&c| plain(c)) {
        return String::from_utf8_lossy(w).into_owned();
    }
    let mut s = String::from("$'");
    for &c in w {
        match c {
            b'\'' => s.push_str("\\'"),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{:02x}", c)),
        }
    }
    s.push('\'');
    s
}

pub fn quote_argv(a: &Argv) -> String {
    a.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" ")
}

/// The command as a report shows it and the expected-differences file
/// matches it: shell-quoted, with very long words shortened to `<LONG:N>`.
pub fn display(a: &Argv) -> String {
    a.iter().map(|w| if w.len() > 64 { format!("<LONG:{}>", w.len()) } else { quote(w) }).collect::<Vec<_>>().join(" ")
}

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

/// A word that would make a command wait for events or run something
/// other than the front ends: `monitor` (and its abbreviations from "mo").
fn blocks(w: &[u8]) -> bool {
    w.len() >= 2 && b"monitor".starts_with(w)
}

/// Whether the fuzzer may run this argv: one of the tools, nothing that
/// waits forever by design, `netns exec` only of a front end.
pub fn runnable(a: &Argv) -> bool {
    let Some(first) = a.first() else { return false };
    if !TOOLS.iter().any(|t| t.as_bytes() == first.as_slice()) {
        return false;
    }
    if a.iter().any(|w| blocks(w) || w.as_slice() == b"-ts" || w.as_slice() == b"-t") {
        return false;
    }
    // `exec NS PROG`: PROG must be a front end (or missing).
    for (i, w) in a.iter().enumerate() {
        if w.len() >= 2 && b"exec".starts_with(w) || w.as_slice() == b"e" {
            if let Some(p) = a.get(i + 2) {
                if !TOOLS.iter().any(|t| t.as_bytes() == p.as_slice()) && !p.starts_with(b"-") {
                    return false;
                }
            }
        }
    }
    true
}

pub struct Seeds {
    pub cmds: Vec<Argv>,
    /// Keyword-like words seen per (tool, object) and per tool (object "").
    vocab: BTreeMap<(Vec<u8>, Vec<u8>), Vec<Vec<u8>>>,
    /// Option words (-x) per tool.
    opts: BTreeMap<Vec<u8>, Vec<Vec<u8>>>,
}

fn is_keyword(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(|c| c.is_ascii_lowercase() || *c == b'_' || *c == b'-') && w[0] != b'-'
}

/// The object word: the first word after the tool that is not an option
/// (and not the argument of `-n`/`-netns`/`-b`/`-rc`).
pub fn object(a: &Argv) -> Vec<u8> {
    let mut i = 1;
    while i < a.len() {
        let w = &a[i];
        if w.starts_with(b"-") {
            if matches!(w.as_slice(), b"-n" | b"-netns" | b"-b" | b"-batch" | b"-rc" | b"-rcvbuf" | b"-f" | b"-family")
            {
                i += 1;
            }
            i += 1;
            continue;
        }
        return w.clone();
    }
    Vec::new()
}

pub fn load_seeds(cases: &Path) -> Seeds {
    let mut files = Vec::new();
    case_files(cases, &mut files);
    let mut seen = BTreeSet::new();
    let mut cmds = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for line in text.lines() {
            let cmd = match line.get(..2) {
                Some("$ " | "? " | "& ") => &line[2..],
                Some("= ") => match line[2..].split_once(' ') {
                    Some((_, c)) => c,
                    None => continue,
                },
                _ => continue,
            };
            let Some(a) = shell_words(cmd) else { continue };
            if !runnable(&a) {
                continue;
            }
            if seen.insert(a.clone()) {
                cmds.push(a);
            }
        }
    }
    let mut vocab: BTreeMap<(Vec<u8>, Vec<u8>), BTreeSet<Vec<u8>>> = BTreeMap::new();
    let mut opts: BTreeMap<Vec<u8>, BTreeSet<Vec<u8>>> = BTreeMap::new();
    for a in &cmds {
        let tool = a[0].clone();
        let obj = object(a);
        for w in &a[1..] {
            if is_keyword(w) && !blocks(w) {
                vocab.entry((tool.clone(), obj.clone())).or_default().insert(w.clone());
                vocab.entry((tool.clone(), Vec::new())).or_default().insert(w.clone());
            } else if w.starts_with(b"-")
                && w.len() < 16
                && w.iter().all(|c| c.is_ascii_graphic())
                && !runnable_opt_blocks(w)
            {
                opts.entry(tool.clone()).or_default().insert(w.clone());
            }
        }
    }
    Seeds {
        cmds,
        vocab: vocab.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect(),
        opts: opts.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect(),
    }
}

fn runnable_opt_blocks(w: &[u8]) -> bool {
    // -t/-ts only matter to monitor; keep them out of insertions anyway.
    matches!(w, b"-t" | b"-ts")
}

/// Values that probe number parsing, address parsing and name limits.
fn odd_value(r: &mut Rng, near: &[u8]) -> Vec<u8> {
    const FIXED: &[&[u8]] = &[
        b"0",
        b"-1",
        b"1",
        b"255",
        b"256",
        b"65535",
        b"65536",
        b"4294967295",
        b"4294967296",
        b"-4294967296",
        b"18446744073709551615",
        b"18446744073709551616",
        b"99999999999999999999999999",
        b"0x",
        b"0xffffffff",
        b"0x100000000",
        b"077",
        b"08",
        b"1e3",
        b"1.5",
        b"+1",
        b"nan",
        b"inf",
        b"abc",
        b"-",
        b"--",
        b"/",
        b"0/0",
        b"1.2.3.4",
        b"1.2.3",
        b"256.1.1.1",
        b"10.0.0.1/33",
        b"10.0.0.1/-1",
        b"10.0.0.0/8/8",
        b"::",
        b"::1",
        b"::/129",
        b"fe80::1%lo",
        b"2001:db8::1:2:3:4:5:6:7",
        b"00:11:22:33:44:55",
        b"00:11:22:33:44:55:66",
        b"zz:11:22:33:44:55",
        b"ff:ff:ff:ff:ff:ff",
        b"default",
        b"all",
        b"any",
        b"lo",
        b"br0",
        b"veth0",
        b"nosuch",
        b"aaaaaaaaaaaaaaa",
        b"aaaaaaaaaaaaaaaa",
        b"a/b",
        b"a b",
        b"a:b",
        b"",
        b" ",
        b"\n",
        b"\t",
        b"\xff",
        b"\xc3\x28",
        b"\xe2\x82",
        b"%s%n%x",
        b"net.ipv4.ip_forward",
        b"net.ipv4.conf.all.forwarding=1",
        b"net..ipv4",
        b"net/ipv4/ip_forward",
        b"=",
    ];
    match r.below(10) {
        0 => {
            // A number near the word's own value.
            let n: i128 = std::str::from_utf8(near).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
            let d = [1i128, -1, 1 << 8, 1 << 16, 1 << 31, 1 << 32, 1 << 63, 1 << 64];
            let v = if r.chance(50) { n + d[r.below(d.len())] } else { n - d[r.below(d.len())] };
            v.to_string().into_bytes()
        }
        1 => {
            // A very long word.
            let len = [256usize, 1024, 5000, 70000][r.below(4)];
            let unit: &[u8] = if near.is_empty() { b"a" } else { near };
            unit.iter().cycle().take(len).copied().collect()
        }
        2 => {
            // The word with a non-UTF-8 byte or a control character inside.
            let mut w = near.to_vec();
            let pos = r.below(w.len() + 1);
            let b = [0x80u8, 0xff, 0xfe, 0xc3, 0x01, 0x7f, b'\n'][r.below(7)];
            w.insert(pos, b);
            w
        }
        _ => FIXED[r.below(FIXED.len())].to_vec(),
    }
}

impl Seeds {
    fn keyword_for(&self, r: &mut Rng, a: &Argv) -> Vec<u8> {
        let tool = a.first().cloned().unwrap_or_default();
        let obj = object(a);
        let list = if r.chance(70) { self.vocab.get(&(tool.clone(), obj)) } else { None };
        let list = list.or_else(|| self.vocab.get(&(tool, Vec::new())));
        list.and_then(|l| r.pick(l).cloned()).unwrap_or_else(|| b"help".to_vec())
    }

    /// One mutant of a random seed: 1 to 3 mutations.
    pub fn mutant(&self, r: &mut Rng) -> Argv {
        loop {
            let Some(seed) = r.pick(&self.cmds) else { return vec![b"ip".to_vec()] };
            let mut a = seed.clone();
            // Mostly one mutation: deeper into the parsers than a mangled word salad.
            let n = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3][r.below(10)];
            for _ in 0..n {
                self.mutate(r, &mut a);
            }
            if runnable(&a) && &a != seed {
                return a;
            }
        }
    }

    fn mutate(&self, r: &mut Rng, a: &mut Argv) {
        // Word 0 (the tool) stays.
        let len = a.len();
        let pos = if len > 1 { 1 + r.below(len - 1) } else { 1 };
        match r.below(12) {
            0 if len > 1 => {
                a.remove(pos);
            }
            1 if len > 1 => {
                let w = a[pos].clone();
                a.insert(pos, w);
            }
            2 if len > 2 => {
                let other = 1 + r.below(len - 1);
                a.swap(pos, other);
            }
            3 if len > 2 => a.truncate(pos),
            4 => {
                // Abbreviate a keyword (prefix matching), or any word.
                let ks: Vec<usize> = (1..len).filter(|&i| is_keyword(&a[i]) && a[i].len() > 1).collect();
                let i = r.pick(&ks).copied().unwrap_or(pos);
                if let Some(w) = a.get_mut(i) {
                    if w.len() > 1 {
                        let keep = 1 + r.below(w.len() - 1);
                        w.truncate(keep);
                    }
                }
            }
            5 if len > 1 => a[pos] = self.keyword_for(r, a),
            6 => {
                let k = self.keyword_for(r, a);
                a.insert(pos.min(len), k);
            }
            7 | 8 => {
                // A value word: prefer one with digits or address punctuation.
                let vs: Vec<usize> =
                    (1..len).filter(|&i| a[i].iter().any(|c| c.is_ascii_digit() || b"./:".contains(c))).collect();
                let i = r.pick(&vs).copied().unwrap_or(pos);
                if i < len {
                    let v = odd_value(r, &a[i]);
                    a[i] = v;
                } else {
                    let v = odd_value(r, b"");
                    a.push(v);
                }
            }
            9 => {
                // An option word from the same tool's seeds, or a value after a keyword.
                if r.chance(50) {
                    let o = self.opts.get(&a[0]).and_then(|l| r.pick(l).cloned()).unwrap_or_else(|| b"-d".to_vec());
                    let at = 1 + r.below(len.max(1));
                    a.insert(at.min(a.len()), o);
                } else {
                    let v = odd_value(r, b"");
                    a.insert(pos.min(len), v);
                }
            }
            10 if len > 1 => {
                let v = odd_value(r, &a[pos].clone());
                a[pos] = v;
            }
            _ => {
                // Append a keyword, or a dangling keyword with no value.
                let k = self.keyword_for(r, a);
                a.push(k);
            }
        }
    }
}
