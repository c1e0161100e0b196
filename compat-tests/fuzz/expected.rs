//! compat-tests/fuzz/expected: the fuzzer's known, accepted differences.
//! One per line, `KIND GLOB [&& DETAILS-GLOB] ==> reason`:
//! KIND is differs, state, hang or panic; GLOB matches the whole command as
//! reports show it (shell-quoted, words over 64 bytes as `<LONG:N>`);
//! DETAILS-GLOB, when given, must match somewhere in the difference report
//! (exit statuses, the first differing lines). `*` is any run of bytes
//! (also spaces and newlines), `?` one byte. Blank lines and `#` comments.

use crate::Finding;
use std::fs;
use std::path::Path;

pub struct Rule {
    pub text: String,
    kind: String,
    cmd: String,
    details: Option<String>,
    pub reason: String,
}

pub fn load(path: &Path) -> Vec<Rule> {
    let text = fs::read_to_string(path).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (pat, reason) = l.split_once(" ==> ").unwrap_or((l, ""));
        let (kind, rest) = pat.split_once(' ').unwrap_or((pat, "*"));
        let (cmd, details) = match rest.split_once(" && ") {
            Some((c, d)) => (c.trim().to_string(), Some(d.trim().to_string())),
            None => (rest.trim().to_string(), None),
        };
        out.push(Rule {
            text: pat.to_string(),
            kind: kind.to_string(),
            cmd,
            details,
            reason: reason.trim().to_string(),
        });
    }
    out
}

/// The first rule that covers the finding.
pub fn matches(rules: &[Rule], f: &Finding) -> Option<usize> {
    rules.iter().position(|r| {
        r.kind == f.kind
            && glob(r.cmd.as_bytes(), f.cmd.as_bytes())
            && r.details.as_ref().map(|d| glob(format!("*{}*", d).as_bytes(), f.details.as_bytes())).unwrap_or(true)
    })
}

/// Whole-string glob with `*` and `?` (iterative, with one backtrack point).
pub fn glob(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == s[si]) {
            pi += 1;
            si += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, si));
            pi += 1;
        } else if let Some((sp, ss)) = star {
            pi = sp + 1;
            si = ss + 1;
            star = Some((sp, ss + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}
