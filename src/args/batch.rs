//! The batch file reader (getcmdline/makeargs) and do_batch() of
//! lib/utils.c, shared by the ip and bridge front ends.

use crate::error::{fail, Res};

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

    /// One physical line (getline()) as the C string getcmdline() works
    /// on: it ends at the first NUL byte, newline included.
    fn raw_line(&mut self) -> Option<String> {
        let mut buf = Vec::new();
        match self.r.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                if let Some(nul) = buf.iter().position(|&c| c == 0) {
                    buf.truncate(nul);
                }
                // Valid UTF-8 keeps its buffer; no second copy of the line.
                Some(String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
            }
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
        // The words are copies: the line goes before the command runs.
        drop(line);
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn batch_line_ends_at_nul() {
        let data = b"link show\0 dev lo\naddr \\\0\nshow\n";
        let mut b = BatchLines::new(std::io::Cursor::new(&data[..]));
        assert_eq!(b.next_command().ok().unwrap(), Some(("link show".to_string(), 1)));
        // The NUL hides the continuation too.
        assert_eq!(b.next_command().ok().unwrap(), Some(("addr \\".to_string(), 2)));
        assert_eq!(b.next_command().ok().unwrap(), Some(("show\n".to_string(), 3)));
    }
}
