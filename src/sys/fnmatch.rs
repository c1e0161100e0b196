//! glibc's fnmatch(): `ip address show label PATTERN` (flags 0) and
//! sysctl's glob() (FNM_PERIOD, one file name at a time).

/// fnmatch(pat, name, period ? FNM_PERIOD : 0) == 0: `*`, `?`, `[...]`
/// (with `!`/`^`, ranges and `[:class:]`), `\\` escapes; `/` is an
/// ordinary character. With `period` a leading dot of the name is matched
/// by a literal leading dot of the pattern only.
pub fn fnmatch(pat: &[u8], name: &[u8], period: bool) -> bool {
    if period && name.first() == Some(&b'.') && !matches!(pat.first(), Some(b'.')) && !pat.starts_with(b"\\.") {
        return false;
    }
    match_from(pat, name)
}

fn match_from(pat: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0usize, 0usize);
    // The last `*`: where it was and how much of the name it has taken.
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p < pat.len() {
            match pat[p] {
                b'*' => {
                    while p < pat.len() && pat[p] == b'*' {
                        p += 1;
                    }
                    star = Some((p, n));
                    continue;
                }
                b'?' if n < name.len() => {
                    p += 1;
                    n += 1;
                    continue;
                }
                b'[' if n < name.len() => {
                    if let Some((hit, len)) = bracket(&pat[p..], name[n]) {
                        if hit {
                            p += len;
                            n += 1;
                            continue;
                        }
                    } else if name[n] == b'[' {
                        // No closing `]`: the `[` is an ordinary character.
                        p += 1;
                        n += 1;
                        continue;
                    }
                }
                b'\\' if p + 1 < pat.len() && n < name.len() && pat[p + 1] == name[n] => {
                    p += 2;
                    n += 1;
                    continue;
                }
                c if (c != b'\\' || p + 1 == pat.len())
                    && n < name.len()
                    && name[n] == c
                    && !matches!(c, b'?' | b'[') =>
                {
                    p += 1;
                    n += 1;
                    continue;
                }
                _ => {}
            }
        } else if n == name.len() {
            return true;
        }
        // Mismatch: let the last `*` take one more character.
        match star {
            Some((sp, sn)) if sn < name.len() => {
                star = Some((sp, sn + 1));
                p = sp;
                n = sn + 1;
            }
            _ => return false,
        }
    }
}

/// A bracket expression at the start of `pat` against `c`: whether it
/// matches and its length, or None when it has no closing `]`.
fn bracket(pat: &[u8], c: u8) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = matches!(pat.get(i), Some(b'!') | Some(b'^'));
    if negate {
        i += 1;
    }
    let mut hit = false;
    let mut first = true;
    loop {
        let &b = pat.get(i)?;
        if b == b']' && !first {
            return Some((hit != negate, i + 1));
        }
        first = false;
        if b == b'[' && pat.get(i + 1) == Some(&b':') {
            if let Some(len) = pat[i + 2..].windows(2).position(|w| w == b":]") {
                let class = &pat[i + 2..i + 2 + len];
                hit |= in_class(class, c);
                i += len + 4;
                continue;
            }
        }
        let lo = if b == b'\\' {
            i += 1;
            *pat.get(i)?
        } else {
            b
        };
        i += 1;
        if pat.get(i) == Some(&b'-') && pat.get(i + 1).is_some_and(|&e| e != b']') {
            let mut hi = pat[i + 1];
            i += 2;
            if hi == b'\\' {
                hi = *pat.get(i)?;
                i += 1;
            }
            hit |= lo <= c && c <= hi;
        } else {
            hit |= c == lo;
        }
    }
}

fn in_class(class: &[u8], c: u8) -> bool {
    match class {
        b"alnum" => c.is_ascii_alphanumeric(),
        b"alpha" => c.is_ascii_alphabetic(),
        b"blank" => c == b' ' || c == b'\t',
        b"cntrl" => c.is_ascii_control(),
        b"digit" => c.is_ascii_digit(),
        b"graph" => c.is_ascii_graphic(),
        b"lower" => c.is_ascii_lowercase(),
        b"print" => c.is_ascii_graphic() || c == b' ',
        b"punct" => c.is_ascii_punctuation(),
        b"space" => matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
        b"upper" => c.is_ascii_uppercase(),
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_basics() {
        assert!(fnmatch(b"*.conf", b"a.conf", true));
        assert!(!fnmatch(b"*.conf", b".a.conf", true));
        assert!(fnmatch(b".*", b".a", true));
        assert!(fnmatch(b"a?c", b"abc", true));
        assert!(fnmatch(b"[a-c]x", b"bx", true));
        assert!(!fnmatch(b"[!a-c]x", b"bx", true));
        assert!(fnmatch(b"[]]", b"]", true));
        assert!(fnmatch(b"[[:digit:]]*", b"9z", true));
        assert!(fnmatch(b"a\\*", b"a*", true));
        assert!(!fnmatch(b"a\\*", b"ab", true));
        assert!(fnmatch(b"[ab", b"[ab", true));
        assert!(fnmatch(b"*a*b*", b"xxaxxbxx", true));
        assert!(!fnmatch(b"*a*b", b"xxaxxbxx", true));
    }

    #[test]
    fn no_flags_basics() {
        assert!(fnmatch(b"lo", b"lo", false));
        assert!(!fnmatch(b"lo", b"lo0", false));
        assert!(fnmatch(b"br0:*", b"br0:1", false));
        assert!(fnmatch(b"br0:*", b"br0:", false));
        assert!(!fnmatch(b"br0:*", b"br0", false));
        assert!(fnmatch(b"*", b"", false));
        assert!(fnmatch(b"v?th*", b"veth0", false));
        assert!(fnmatch(b"eth[0-2]", b"eth1", false));
        assert!(!fnmatch(b"eth[!0-2]", b"eth1", false));
        assert!(fnmatch(b"eth[!0-2]", b"eth7", false));
        assert!(fnmatch(b"a\\*", b"a*", false));
        assert!(!fnmatch(b"a\\*", b"ab", false));
        assert!(fnmatch(b"[[:digit:]]x", b"5x", false));
        assert!(fnmatch(b"a[", b"a[", false));
        assert!(fnmatch(b"*a*b*", b"xxaxxbxx", false));
        assert!(!fnmatch(b"*a*b", b"xxaxxbxx", false));
    }
}
