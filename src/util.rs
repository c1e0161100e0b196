//! C library behaviours that ip's parsing depends on: strtoul/strtol with
//! their whitespace, sign and base rules, atoi, get_unsigned() and friends
//! (lib/utils.c), and the batch file reader (getcmdline/makeargs).

use crate::error::{fail, Res};

/// strtoul/strtoull: (value, bytes consumed, overflowed). A leading '-'
/// negates modulo 2^64, as C does.
pub fn c_strtoull(s: &str, base: u32) -> (u64, usize, bool) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let mut base = base;
    let start_digits;
    if (base == 0 || base == 16) && i + 1 < b.len() && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X')
        && i + 2 < b.len() && (b[i + 2] as char).is_ascii_hexdigit()
    {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if i < b.len() && b[i] == b'0' { 8 } else { 10 };
    }
    start_digits = i;
    let mut v: u64 = 0;
    let mut over = false;
    while i < b.len() {
        let d = match (b[i] as char).to_digit(36) {
            Some(d) if d < base => d as u64,
            _ => break,
        };
        match v.checked_mul(base as u64).and_then(|x| x.checked_add(d)) {
            Some(n) => v = n,
            None => over = true,
        }
        i += 1;
    }
    if i == start_digits {
        // No digits: nothing consumed ("0x" alone consumes the "0").
        return (0, 0, false);
    }
    if over {
        return (u64::MAX, i, true);
    }
    (if neg { v.wrapping_neg() } else { v }, i, false)
}

/// strtoll: (value, consumed, overflowed), clamped like C.
pub fn c_strtoll(s: &str, base: u32) -> (i64, usize, bool) {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let neg = t.starts_with('-');
    let (mag, n, over) = c_strtoull(s, base);
    if n == 0 {
        return (0, 0, false);
    }
    // c_strtoull negated already for '-'; recover the magnitude.
    let m = if neg { mag.wrapping_neg() } else { mag };
    if over || (!neg && m > i64::MAX as u64) {
        return (i64::MAX, n, true);
    }
    if neg && m > (i64::MAX as u64) + 1 {
        return (i64::MIN, n, true);
    }
    (if neg { (m as i64).wrapping_neg() } else { m as i64 }, n, false)
}

/// atoi(): leading number, 0 if none.
pub fn atoi(s: &str) -> i32 {
    c_strtoll(s, 10).0 as i32
}

/// get_unsigned(): the whole word is an unsigned int.
pub fn get_unsigned(s: &str, base: u32) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let (v, n, over) = c_strtoull(s, base);
    if n == 0 || n != s.len() || over || v > u32::MAX as u64 {
        return None;
    }
    Some(v as u32)
}

/// get_u64()
pub fn get_u64(s: &str, base: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let (v, n, over) = c_strtoull(s, base);
    if n == 0 || n != s.len() || over {
        return None;
    }
    Some(v)
}

/// get_u32(): like get_unsigned.
pub fn get_u32(s: &str, base: u32) -> Option<u32> {
    get_unsigned(s, base)
}

/// get_u16()
pub fn get_u16(s: &str, base: u32) -> Option<u16> {
    get_unsigned(s, base).and_then(|v| u16::try_from(v).ok())
}

/// get_u8()
pub fn get_u8(s: &str, base: u32) -> Option<u8> {
    get_unsigned(s, base).and_then(|v| u8::try_from(v).ok())
}

/// get_integer(): the whole word is an int (strtol, int range).
pub fn get_integer(s: &str, base: u32) -> Option<i32> {
    if s.is_empty() {
        return None;
    }
    let (v, n, over) = c_strtoll(s, base);
    if n == 0 || n != s.len() || over || v > i32::MAX as i64 || v < i32::MIN as i64 {
        return None;
    }
    Some(v as i32)
}

/// get_s32()
pub fn get_s32(s: &str, base: u32) -> Option<i32> {
    get_integer(s, base)
}

/// Reads batch commands as getcmdline() does: `#` starts a comment, a
/// backslash before the newline joins the next line; line numbers count
/// every physical line.
pub struct BatchLines<R: std::io::BufRead> {
    r: R,
    lineno: usize,
}

impl<R: std::io::BufRead> BatchLines<R> {
    pub fn new(r: R) -> Self {
        BatchLines { r, lineno: 0 }
    }

    fn raw_line(&mut self) -> Option<String> {
        let mut buf = Vec::new();
        match self.r.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(String::from_utf8_lossy(&buf).into_owned()),
        }
    }

    /// The next command and the number of its last physical line.
    pub fn next_command(&mut self) -> Res<Option<(String, usize)>> {
        let Some(mut line) = self.raw_line() else { return Ok(None) };
        self.lineno += 1;
        if let Some(i) = line.find('#') {
            line.truncate(i);
        }
        while let Some(i) = line.find("\\\n") {
            let Some(mut more) = self.raw_line() else {
                crate::error::eprint_raw("Missing continuation line\n");
                return Ok(None);
            };
            self.lineno += 1;
            line.truncate(i);
            if let Some(j) = more.find('#') {
                more.truncate(j);
            }
            line.push_str(&more);
        }
        Ok(Some((line, self.lineno)))
    }
}

/// What a front end (ip, bridge) lends the shared batch driver.
pub trait BatchHost {
    /// rtnl_open() before the first command; false when it failed.
    fn open_rtnl(&mut self) -> bool;
    /// Runs one command line (`words` is not empty); its return status.
    fn run_command(&mut self, words: Vec<String>) -> Res<i32>;
    /// -force: keep going after a failed command.
    fn force(&self) -> bool;
    /// Writes out what the failed command printed before the
    /// "Command failed" line goes to stderr.
    fn flush_output(&mut self);
}

/// do_batch() of lib/utils.c: the commands of file `name` ("-": stdin) one
/// by one; a failure prints "Command failed FILE:LINE", makes the status 1
/// and, without -force, ends the batch. `Err(Exit)` from a command ends it
/// at once.
pub fn do_batch(host: &mut dyn BatchHost, name: &str) -> Res<i32> {
    use std::io::BufRead;
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(name) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(libc::EIO);
                crate::eprintf!("Cannot open file \"{}\" for reading: {}\n", name, crate::error::strerror(errno));
                return Ok(1);
            }
        }
    };
    if !host.open_rtnl() {
        crate::eprintf!("Cannot open rtnetlink\n");
        return Ok(1);
    }
    let mut lines = BatchLines::new(reader);
    let mut ret = 0;
    while let Some((line, lineno)) = lines.next_command()? {
        let words = makeargs(&line)?;
        if words.is_empty() {
            continue;
        }
        if host.run_command(words)? != 0 {
            host.flush_output();
            crate::eprintf!("Command failed {}:{}\n", name, lineno);
            ret = 1;
            if !host.force() {
                break;
            }
        }
    }
    Ok(ret)
}

/// makeargs(): words split on blanks; a word may be quoted with ' or ".
pub fn makeargs(line: &str) -> Res<Vec<String>> {
    let b = line.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\r' | b'\n');
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if out.len() >= 511 {
            return Err(fail(1, "Too many arguments to command\n"));
        }
        if b[i] == b'\'' || b[i] == b'"' {
            let q = b[i];
            i += 1;
            let start = i;
            match b[i..].iter().position(|&c| c == q) {
                Some(n) => {
                    out.push(String::from_utf8_lossy(&b[start..start + n]).into_owned());
                    i = start + n + 1;
                }
                None => return Err(fail(1, "Unterminated quoted string\n")),
            }
        } else {
            let start = i;
            while i < b.len() && !ws(b[i]) {
                i += 1;
            }
            out.push(String::from_utf8_lossy(&b[start..i]).into_owned());
            if i >= b.len() {
                break;
            }
            i += 1;
        }
    }
    Ok(out)
}

/// ll_addr_n2a(): a link-layer address as ip prints it ("%02x" joined by ':').
pub fn ll_addr(a: &[u8]) -> String {
    let mut s = String::with_capacity(a.len() * 3);
    for (i, b) in a.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        let _ = std::fmt::Write::write_fmt(&mut s, format_args!("{:02x}", b));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_numbers() {
        assert_eq!(get_unsigned("1500", 0), Some(1500));
        assert_eq!(get_unsigned("0x10", 0), Some(16));
        assert_eq!(get_unsigned("010", 0), Some(8));
        assert_eq!(get_unsigned("-5", 0), None);
        assert_eq!(get_unsigned("12abc", 0), None);
        assert_eq!(get_unsigned("", 0), None);
        assert_eq!(get_unsigned("4294967296", 0), None);
        assert_eq!(get_integer("-5", 0), Some(-5));
        assert_eq!(atoi("12abc"), 12);
        assert_eq!(atoi("foo"), 0);
        assert_eq!(atoi(" -3"), -3);
    }

    #[test]
    fn batch_words() {
        assert_eq!(makeargs("link  show 'a b' \"c\"\n").ok().unwrap(), vec!["link", "show", "a b", "c"]);
        assert!(makeargs("x 'open").is_err());
    }

    #[test]
    fn batch_lines() {
        let data = "link show # c\naddr \\\nshow\n\n";
        let mut b = BatchLines::new(std::io::Cursor::new(data));
        assert_eq!(b.next_command().ok().unwrap(), Some(("link show ".to_string(), 1)));
        assert_eq!(b.next_command().ok().unwrap(), Some(("addr show\n".to_string(), 3)));
        assert_eq!(b.next_command().ok().unwrap(), Some(("\n".to_string(), 4)));
        assert_eq!(b.next_command().ok().unwrap(), None);
    }
}
