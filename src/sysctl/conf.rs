//! Text rules of procps' sysctl: the `.`/`/` swap of key names and the
//! parsing of one `key = value` line (files and the command line).

/// What slashdot() did: the rewritten name and, when two separators
/// follow each other, the warning text (the rest of the name from there).
pub fn slashdot(s: &[u8], old: u8, new: u8) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut out = s.to_vec();
    let is_sep = |c: u8| c == b'/' || c == b'.';
    let Some(first) = out.iter().position(|&c| is_sep(c)) else { return (out, None) };
    // Only the first separator tells whether the name is already converted.
    if out[first] == new {
        return (out, None);
    }
    let mut warn = None;
    let mut i = first;
    while i < out.len() {
        if is_sep(out[i]) {
            let c = out[i];
            if warn.is_none() && out.get(i + 1).is_some_and(|&n| is_sep(n)) {
                warn = Some(out[i..].to_vec());
            }
            if c == old {
                out[i] = new;
            } else if c == new {
                out[i] = old;
            }
        }
        i += 1;
    }
    (out, warn)
}

fn c_isspace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

pub fn lstrip(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&c| c_isspace(c)).count();
    &s[n..]
}

/// rstrip() keeps the first byte even if it is a blank.
pub fn rstrip(s: &[u8]) -> &[u8] {
    let mut end = s.len();
    while end > 1 && c_isspace(s[end - 1]) {
        end -= 1;
    }
    &s[..end]
}

/// One parsed line. `value` is None for an exclusion (`-key` alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub key: Vec<u8>,
    pub value: Option<Vec<u8>>,
    pub ignore_failure: bool,
    pub glob_exclude: bool,
}

/// The outcome of parse_setting_line() before the setting is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Blank, short or comment line, or filtered out by the pattern.
    Skip,
    /// No `=` and no leading `-`: "invalid syntax".
    Invalid,
    Setting(Line),
}

/// parse_setting_line() without the pattern test (the caller applies it
/// to `pattern_subject`, the stripped line).
pub fn parse_line(line: &[u8]) -> Parsed {
    let key = lstrip(line);
    if c_strlen(key) < 2 {
        return Parsed::Skip;
    }
    if key[0] == b'#' || key[0] == b';' {
        return Parsed::Skip;
    }
    match key.iter().position(|&c| c == b'=') {
        None => {
            if key[0] == b'-' {
                let k = rstrip(&key[1..]);
                Parsed::Setting(Line { key: k.to_vec(), value: None, ignore_failure: false, glob_exclude: true })
            } else {
                Parsed::Invalid
            }
        }
        Some(eq) => {
            let mut k = &key[..eq];
            let mut ignore = false;
            if k.first() == Some(&b'-') {
                ignore = true;
                k = &k[1..];
            }
            let v = rstrip(lstrip(&key[eq + 1..]));
            Parsed::Setting(Line {
                key: rstrip(k).to_vec(),
                value: Some(v.to_vec()),
                ignore_failure: ignore,
                glob_exclude: false,
            })
        }
    }
}

/// The subject of the -r pattern for a line: the line with leading blanks removed.
pub fn pattern_subject(line: &[u8]) -> &[u8] {
    lstrip(line)
}

/// strlen(): C strings stop at the first NUL.
pub fn c_strlen(s: &[u8]) -> usize {
    s.iter().position(|&c| c == 0).unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sd(s: &str, o: char, n: char) -> (String, Option<String>) {
        let (a, w) = slashdot(s.as_bytes(), o as u8, n as u8);
        (String::from_utf8(a).unwrap(), w.map(|w| String::from_utf8(w).unwrap()))
    }

    #[test]
    fn slash_and_dot_swap() {
        assert_eq!(sd("net.ipv4.ip_forward", '.', '/').0, "net/ipv4/ip_forward");
        assert_eq!(sd("net/ipv4/ip_forward", '.', '/').0, "net/ipv4/ip_forward");
        assert_eq!(sd("net/ipv4/conf/a.b/forwarding", '/', '.').0, "net.ipv4.conf.a/b.forwarding");
        assert_eq!(sd("net.ipv4.conf.a/b.forwarding", '.', '/').0, "net/ipv4/conf/a.b/forwarding");
        assert_eq!(sd("kernel", '.', '/').0, "kernel");
        let (s, w) = sd("net..ipv4.ip_forward", '.', '/');
        assert_eq!(s, "net//ipv4/ip_forward");
        assert_eq!(w.as_deref(), Some("..ipv4.ip_forward"));
    }

    fn set(k: &str, v: Option<&str>, ig: bool, ex: bool) -> Parsed {
        Parsed::Setting(Line {
            key: k.as_bytes().to_vec(),
            value: v.map(|v| v.as_bytes().to_vec()),
            ignore_failure: ig,
            glob_exclude: ex,
        })
    }

    #[test]
    fn lines() {
        assert_eq!(parse_line(b"  net.ipv4.ip_forward = 1\n"), set("net.ipv4.ip_forward", Some("1"), false, false));
        assert_eq!(parse_line(b"a=2000  3000 \n"), set("a", Some("2000  3000"), false, false));
        assert_eq!(parse_line(b"-a.b = x # y\n"), set("a.b", Some("x # y"), true, false));
        assert_eq!(parse_line(b"-net.*.x\n"), set("net.*.x", None, false, true));
        assert_eq!(parse_line(b"# c = 1\n"), Parsed::Skip);
        assert_eq!(parse_line(b"; c = 1\n"), Parsed::Skip);
        assert_eq!(parse_line(b" x\n"), Parsed::Invalid);
        assert_eq!(parse_line(b" x"), Parsed::Skip);
        assert_eq!(parse_line(b"abc\n"), Parsed::Invalid);
        assert_eq!(parse_line(b"k=\n"), set("k", Some(""), false, false));
        assert_eq!(parse_line(b"=1"), set("", Some("1"), false, false));
    }
}
