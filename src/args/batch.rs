//! The batch file reader (getcmdline/makeargs) and do_batch() of
//! lib/utils.c, shared by the ip and bridge front ends.

use crate::error::{fail, Res};

/// Reads batch commands as getcmdline() does: `#` starts a comment, a
/// backslash before the newline joins the next line; line numbers count
/// every physical line. One buffer holds the command and is reused.
pub struct BatchLines<R: std::io::BufRead> {
    r: R,
    lineno: usize,
    buf: Vec<u8>,
}

impl<R: std::io::BufRead> BatchLines<R> {
    pub fn new(r: R) -> Self {
        BatchLines { r, lineno: 0, buf: Vec::new() }
    }

    /// Appends one physical line (getline()) to the buffer as the C string
    /// getcmdline() works on: it ends at the first NUL byte, newline
    /// included, and at its first `#`. False at the end of the input.
    fn raw_line(&mut self) -> bool {
        let from = self.buf.len();
        match self.r.read_until(b'\n', &mut self.buf) {
            Ok(0) | Err(_) => {
                self.buf.truncate(from);
                false
            }
            Ok(_) => {
                if let Some(cut) = self.buf[from..].iter().position(|&c| c == 0 || c == b'#') {
                    self.buf.truncate(from + cut);
                }
                true
            }
        }
    }

    /// The next command (its bytes, valid until the next call) and the
    /// number of its last physical line.
    pub fn next_command(&mut self) -> Res<Option<(&[u8], usize)>> {
        if self.buf.capacity() > BIG {
            // A huge line's buffer is not kept for the lines after it.
            self.buf = Vec::new();
        }
        self.buf.clear();
        if !self.raw_line() {
            return Ok(None);
        }
        self.lineno += 1;
        // The line holds one newline at most, at its end: a continuation
        // is a backslash there (strstr(line, "\\\n")).
        while self.buf.ends_with(b"\\\n") {
            let n = self.buf.len() - 2;
            self.buf.truncate(n);
            if !self.raw_line() {
                crate::error::eprint_raw("Missing continuation line\n");
                return Ok(None);
            }
            self.lineno += 1;
        }
        Ok(Some((&self.buf, self.lineno)))
    }

    /// The buffer, given away (for a word as long as the line itself).
    fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }
}

/// A line buffer larger than this is not reused, and a word larger than
/// this takes the buffer over instead of being copied out of it.
const BIG: usize = 1 << 16;

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
        match std::fs::File::open(&*crate::args::bytes::os(name)) {
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
        let spans = split(line)?;
        let words = words_of(&mut lines, &spans);
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

/// makeargs(): where the words of `b` lie, split on blanks; a word may be
/// quoted with ' or ".
fn split(b: &[u8]) -> Res<Vec<(usize, usize)>> {
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
                    out.push((start, start + n));
                    i = start + n + 1;
                }
                None => return Err(fail(1, "Unterminated quoted string\n")),
            }
        } else {
            let start = i;
            while i < b.len() && !ws(b[i]) {
                i += 1;
            }
            out.push((start, i));
            if i >= b.len() {
                break;
            }
            i += 1;
        }
    }
    Ok(out)
}

/// The words at `spans` of the current line, as text (crate::args::bytes).
/// A word longer than BIG takes the line's buffer over (moved in place),
/// so a huge word is never held twice.
fn words_of<R: std::io::BufRead>(lines: &mut BatchLines<R>, spans: &[(usize, usize)]) -> Vec<String> {
    use crate::args::bytes::{escape, escape_vec};
    let big =
        spans.iter().enumerate().filter(|(_, (s, e))| e - s > BIG).max_by_key(|(_, (s, e))| e - s).map(|(i, _)| i);
    let mut out: Vec<String> = {
        let b = &lines.buf;
        spans
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| if Some(i) == big { String::new() } else { escape(&b[s..e]).into_owned() })
            .collect()
    };
    if let Some(i) = big {
        let (s, e) = spans[i];
        let mut v = lines.take();
        v.truncate(e);
        v.drain(..s);
        out[i] = escape_vec(v);
    }
    out
}

/// makeargs() of one line, as text.
pub fn makeargs(line: &[u8]) -> Res<Vec<String>> {
    let spans = split(line)?;
    Ok(spans.iter().map(|&(s, e)| crate::args::bytes::escape(&line[s..e]).into_owned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_words() {
        assert_eq!(makeargs(b"link  show 'a b' \"c\"\n").ok().unwrap(), vec!["link", "show", "a b", "c"]);
        assert!(makeargs(b"x 'open").is_err());
        assert_eq!(makeargs(b"v\xff 'n\xfe'").ok().unwrap(), vec!["v\u{10ffff}", "n\u{10fffe}"]);
    }

    #[test]
    fn batch_lines() {
        let data = "link show # c\naddr \\\nshow\n\n";
        let mut b = BatchLines::new(std::io::Cursor::new(data));
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"link show "[..], 1)));
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"addr show\n"[..], 3)));
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"\n"[..], 4)));
        assert_eq!(b.next_command().ok().unwrap(), None);
    }

    #[test]
    fn a_huge_word_takes_the_buffer_over() {
        let mut data = b"link show ".to_vec();
        data.extend(std::iter::repeat_n(b'a', BIG * 4));
        data.extend_from_slice(b"\nlink\n");
        let mut b = BatchLines::new(std::io::Cursor::new(data));
        let spans = split(b.next_command().ok().flatten().unwrap().0).ok().unwrap();
        let base = b.buf.as_ptr();
        let words = words_of(&mut b, &spans);
        assert_eq!(words.len(), 3);
        assert_eq!(words[2].len(), BIG * 4);
        // Moved to the front of the same allocation, not copied.
        assert_eq!(words[2].as_ptr(), base);
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"link\n"[..], 2)));
    }

    #[test]
    fn many_continuations_join() {
        let mut data = Vec::new();
        for _ in 0..40_000 {
            data.extend_from_slice(b"a \\\n");
        }
        data.extend_from_slice(b"end\n");
        let mut b = BatchLines::new(std::io::Cursor::new(data));
        let (line, n) = b.next_command().ok().flatten().unwrap();
        assert_eq!(n, 40_001);
        assert_eq!(line.len(), 40_000 * 2 + 4);
        assert!(line.starts_with(b"a a ") && line.ends_with(b"a end\n"));
    }

    #[test]
    fn batch_line_ends_at_nul() {
        let data = b"link show\0 dev lo\naddr \\\0\nshow\n";
        let mut b = BatchLines::new(std::io::Cursor::new(&data[..]));
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"link show"[..], 1)));
        // The NUL hides the continuation too.
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"addr \\"[..], 2)));
        assert_eq!(b.next_command().ok().unwrap(), Some((&b"show\n"[..], 3)));
    }
}
