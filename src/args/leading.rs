//! The leading options of `ip` and `bridge` (their main() loops): words
//! starting with '-' up to "--" (taken) or the first other word, with
//! "--x" read as "-x"; an option's value is the next word. Each front end
//! keeps its own table and its own words for a missing value.

/// A cursor over the leading options.
pub struct Leading<'a> {
    words: &'a [String],
    i: usize,
}

impl<'a> Leading<'a> {
    pub fn new(words: &'a [String]) -> Leading<'a> {
        Leading { words, i: 0 }
    }

    /// The next option word ("--x" as "-x"); None where the options end.
    pub fn next_opt(&mut self) -> Option<&'a str> {
        let w = self.words.get(self.i)?.as_str();
        if w == "--" {
            self.i += 1;
            return None;
        }
        if !w.starts_with('-') {
            return None;
        }
        self.i += 1;
        Some(if w.as_bytes().get(1) == Some(&b'-') { &w[1..] } else { w })
    }

    /// The option's value (NEXT_ARG), None when the words ran out.
    pub fn value(&mut self) -> Option<&'a str> {
        let v = self.words.get(self.i)?;
        self.i += 1;
        Some(v.as_str())
    }

    /// The words after the options.
    pub fn rest(&self) -> &'a [String] {
        self.words.get(self.i..).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_words_and_double_dash() {
        let w: Vec<String> = ["--json", "-n", "x", "--", "-s"].iter().map(|s| s.to_string()).collect();
        let mut l = Leading::new(&w);
        assert_eq!(l.next_opt(), Some("-json"));
        assert_eq!(l.next_opt(), Some("-n"));
        assert_eq!(l.value(), Some("x"));
        assert_eq!(l.next_opt(), None);
        assert_eq!(l.rest(), &w[4..]);
        let w: Vec<String> = ["-s", "link"].iter().map(|s| s.to_string()).collect();
        let mut l = Leading::new(&w);
        assert_eq!(l.next_opt(), Some("-s"));
        assert_eq!(l.next_opt(), None);
        assert_eq!(l.rest(), &w[1..]);
        assert_eq!(l.value(), Some("link"));
        assert_eq!(l.value(), None);
    }
}
