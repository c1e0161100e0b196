//! Words on the command line: iproute2's prefix rule and an argument cursor.
//!
//! `matches(word, keyword)` is true when `word` is a non-empty prefix of
//! `keyword`. Tables are scanned in order and the first hit wins, so the
//! order of every table is part of rip's interface (`ip l s` is `link set`).

use crate::error::Res;

pub mod batch;
/// Names and arguments as bytes (kept in src/error, which prints them and
/// which everything else builds on).
pub use crate::error::bytes;
pub mod getopt;
pub mod keywords;
pub mod leading;
pub mod num;

/// iproute2's prefix rule: a non-empty prefix of `keyword` matches it.
#[inline]
pub fn matches(word: &str, keyword: &str) -> bool {
    !word.is_empty() && keyword.as_bytes().starts_with(word.as_bytes())
}

/// The index of the first entry of `table` that `word` is a prefix of.
pub fn lookup(word: &str, table: &[&str]) -> Option<usize> {
    table.iter().position(|k| matches(word, k))
}

/// A cursor over the words of one command, as ip's `argc/argv` walk.
#[derive(Debug, Clone)]
pub struct Args {
    words: Vec<String>,
    pos: usize,
}

impl Args {
    pub fn new(words: Vec<String>) -> Args {
        Args { words, pos: 0 }
    }

    pub fn from_strs(words: &[&str]) -> Args {
        Args::new(words.iter().map(|s| s.to_string()).collect())
    }

    /// The current word, if any.
    pub fn peek(&self) -> Option<&str> {
        self.words.get(self.pos).map(|s| s.as_str())
    }

    /// The word after the current one.
    pub fn peek2(&self) -> Option<&str> {
        self.words.get(self.pos + 1).map(|s| s.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.words.len()
    }

    pub fn remaining(&self) -> usize {
        self.words.len().saturating_sub(self.pos)
    }

    /// Takes the current word.
    pub fn next(&mut self) -> Option<String> {
        let w = self.words.get(self.pos).cloned();
        if w.is_some() {
            self.pos += 1;
        }
        w
    }

    /// Skips the current word.
    pub fn advance(&mut self) {
        if self.pos < self.words.len() {
            self.pos += 1;
        }
    }

    /// ip's NEXT_ARG(): the value after a keyword, or
    /// "Command line is not complete. Try option "help"" and exit 255.
    pub fn value(&mut self) -> Res<String> {
        match self.next() {
            Some(w) => Ok(w),
            None => Err(crate::error::incomplete_command()),
        }
    }

    /// ip's NEXT_ARG_OK(): whether a value follows.
    pub fn has_next(&self) -> bool {
        self.pos < self.words.len()
    }

    /// All words from the current one on.
    pub fn rest(&self) -> &[String] {
        &self.words[self.pos.min(self.words.len())..]
    }

    /// All words, including those already consumed.
    pub fn all(&self) -> &[String] {
        &self.words
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    /// C's `*argv` for parsers kept in iproute2's argc/argv shape (the
    /// cursor stays on a word until NEXT_ARG()): the current word, "" past
    /// the end.
    pub fn cur(&self) -> &str {
        self.peek().unwrap_or("")
    }

    /// C's NEXT_ARG() in that shape: moves onto the next word, or
    /// "Command line is not complete. Try option "help"" and exit 255.
    pub fn next_arg(&mut self) -> Res<()> {
        self.pos += 1;
        if self.pos >= self.words.len() {
            self.pos = self.words.len();
            return Err(crate::error::incomplete_command());
        }
        Ok(())
    }

    /// C's `argc--, argv++`: one word on, even past the end (a following
    /// `argc++, argv--` then comes back to the last word).
    pub fn step(&mut self) {
        self.pos += 1;
    }

    /// Moves back one word (for parsers that peeked by taking).
    pub fn back(&mut self) {
        if self.pos > 0 {
            self.pos -= 1;
        }
    }
}

/// lib/utils.c parse_one_of(): the index of the first of `list` that `val`
/// is a prefix of; else its message (`Error: argument of "KEY" must be one
/// of ...`) is printed and None returned.
pub fn parse_one_of(key: &str, val: &str, list: &[&str]) -> Option<usize> {
    let i = list.iter().position(|k| matches(val, k));
    if i.is_none() {
        crate::error::eprint_raw(&crate::error::must_be_one_of(key, val, list));
    }
    i
}

/// lib/utils.c parse_on_off(): parse_one_of() over "off", "on" (so a bare
/// "o" is off); None after the message.
pub fn parse_on_off(key: &str, val: &str) -> Option<bool> {
    parse_one_of(key, val, &["off", "on"]).map(|i| i == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_rule() {
        assert!(matches("l", "link"));
        assert!(matches("link", "link"));
        assert!(!matches("links", "link"));
        assert!(!matches("", "link"));
        assert_eq!(lookup("s", &["add", "set", "show"]), Some(1));
        assert_eq!(lookup("sh", &["add", "set", "show"]), Some(2));
        assert_eq!(lookup("x", &["add", "set", "show"]), None);
    }

    #[test]
    fn cursor() {
        let mut a = Args::from_strs(&["mtu", "1400", "up"]);
        assert_eq!(a.peek(), Some("mtu"));
        a.advance();
        assert_eq!(a.value().ok().as_deref(), Some("1400"));
        assert_eq!(a.next().as_deref(), Some("up"));
        assert!(a.value().is_err());
    }

    #[test]
    fn c_shaped_cursor() {
        let mut a = Args::from_strs(&["via", "10.0.0.1"]);
        assert_eq!(a.cur(), "via");
        assert!(a.next_arg().is_ok());
        assert_eq!(a.cur(), "10.0.0.1");
        a.step();
        assert_eq!((a.cur(), a.remaining()), ("", 0));
        a.step();
        a.back();
        assert!(a.is_empty());
        a.back();
        assert_eq!(a.cur(), "10.0.0.1");
        assert!(a.next_arg().is_err());
    }

    #[test]
    fn on_off_by_prefix() {
        assert_eq!(parse_on_off("x", "o"), Some(false));
        assert_eq!(parse_on_off("x", "of"), Some(false));
        assert_eq!(parse_on_off("x", "on"), Some(true));
        assert_eq!(parse_on_off("x", "maybe"), None);
        assert_eq!(parse_on_off("x", ""), None);
        assert_eq!(parse_one_of("x", "p", &["off", "phy", "mac"]), Some(1));
    }
}
