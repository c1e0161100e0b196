//! glibc's fnmatch() (flags 0), for the listing's `label PATTERN`.

/// fnmatch(pattern, s, 0) == 0: `*`, `?`, `[...]` (with `!`/`^`, ranges
/// and `[:class:]`), `\` escapes; no special meaning for `/` or dots.
pub fn fnmatch(pat: &str, s: &str) -> bool {
    fn_rec(pat.as_bytes(), s.as_bytes())
}

fn fn_rec(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0usize, 0usize);
    // Backtracking point for the last `*`: (pattern index after it, string index).
    let mut star: Option<(usize, usize)> = None;
    loop {
        if pi < p.len() {
            let c = p[pi];
            if c == b'*' {
                while pi < p.len() && p[pi] == b'*' {
                    pi += 1;
                }
                star = Some((pi, si));
                continue;
            }
            if si < s.len() {
                let step = if c == b'?' {
                    Some(1)
                } else if c == b'[' {
                    match bracket(p, pi, s[si]) {
                        Some((true, next)) => Some(next - pi),
                        Some((false, _)) => None,
                        // An unterminated bracket is a literal '['.
                        None => (s[si] == b'[').then_some(1),
                    }
                } else if c == b'\\' && pi + 1 < p.len() {
                    (s[si] == p[pi + 1]).then_some(2)
                } else {
                    (s[si] == c).then_some(1)
                };
                if let Some(n) = step {
                    pi += n;
                    si += 1;
                    continue;
                }
            }
        } else if si == s.len() {
            return true;
        }
        // Mismatch: let the last star swallow one more character.
        match star {
            Some((sp, ss)) if ss < s.len() => {
                star = Some((sp, ss + 1));
                pi = sp;
                si = ss + 1;
            }
            _ => return false,
        }
    }
}

/// Matches `c` against the bracket expression at p[start] == '['.
/// None when the bracket is not terminated.
fn bracket(p: &[u8], start: usize, c: u8) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let mut neg = false;
    if i < p.len() && (p[i] == b'!' || p[i] == b'^') {
        neg = true;
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        if i >= p.len() {
            return None;
        }
        let mut ch = p[i];
        if ch == b']' && !first {
            i += 1;
            break;
        }
        first = false;
        if ch == b'[' && p.get(i + 1) == Some(&b':') {
            if let Some(end) = find(p, i + 2, b":]") {
                let class = &p[i + 2..end];
                if class_match(class, c) {
                    matched = true;
                }
                i = end + 2;
                continue;
            }
        }
        if ch == b'\\' && i + 1 < p.len() {
            i += 1;
            ch = p[i];
        }
        // A range lo-hi (a '-' before ']' is literal).
        if p.get(i + 1) == Some(&b'-') && i + 2 < p.len() && p[i + 2] != b']' {
            let mut hi = p[i + 2];
            let mut adv = 3;
            if hi == b'\\' && i + 3 < p.len() {
                hi = p[i + 3];
                adv = 4;
            }
            if ch <= c && c <= hi {
                matched = true;
            }
            i += adv;
            continue;
        }
        if ch == c {
            matched = true;
        }
        i += 1;
    }
    Some((matched != neg, i))
}

fn find(p: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    (from..p.len().saturating_sub(needle.len() - 1)).find(|&i| p[i..].starts_with(needle))
}

fn class_match(class: &[u8], c: u8) -> bool {
    match class {
        b"alpha" => c.is_ascii_alphabetic(),
        b"digit" => c.is_ascii_digit(),
        b"alnum" => c.is_ascii_alphanumeric(),
        b"upper" => c.is_ascii_uppercase(),
        b"lower" => c.is_ascii_lowercase(),
        b"space" => c.is_ascii_whitespace() || c == 0x0b,
        b"blank" => c == b' ' || c == b'\t',
        b"punct" => c.is_ascii_punctuation(),
        b"print" => (0x20..0x7f).contains(&c),
        b"graph" => (0x21..0x7f).contains(&c),
        b"cntrl" => c < 0x20 || c == 0x7f,
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnmatch_basics() {
        assert!(fnmatch("lo", "lo"));
        assert!(!fnmatch("lo", "lo0"));
        assert!(fnmatch("br0:*", "br0:1"));
        assert!(fnmatch("br0:*", "br0:"));
        assert!(!fnmatch("br0:*", "br0"));
        assert!(fnmatch("*", ""));
        assert!(fnmatch("v?th*", "veth0"));
        assert!(fnmatch("eth[0-2]", "eth1"));
        assert!(!fnmatch("eth[!0-2]", "eth1"));
        assert!(fnmatch("eth[!0-2]", "eth7"));
        assert!(fnmatch("a\\*", "a*"));
        assert!(!fnmatch("a\\*", "ab"));
        assert!(fnmatch("[[:digit:]]x", "5x"));
        assert!(fnmatch("a[", "a["));
        assert!(fnmatch("*a*b*", "xxaxxbxx"));
        assert!(!fnmatch("*a*b", "xxaxxbxx"));
    }
}
