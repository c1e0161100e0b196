//! Keyword tables as data. A parser level (`ip link set`, `bridge fdb add`,
//! …) is one `Table`: its words in the reference's order, each matched
//! exactly (C's `strcmp`) or as a prefix (iproute2's `matches`), mapped to a
//! value the parser `match`es on. The first entry that fits wins, so the
//! order of a table is part of rip's interface (`ip l s` is `link set`).
//!
//! The same tables feed the completion word lists and the man pages'
//! keyword lists (`compat-tests/ship.rs` regenerates and checks them), so a
//! keyword a parser accepts is documented and completed by construction.

/// How a word is compared with a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// iproute2's `matches()`: any non-empty prefix of the keyword.
    Prefix,
    /// `strcmp() == 0`: the keyword itself only.
    Exact,
    /// Never matched by `find`: a word this level documents and completes
    /// but that its parser reads in another way (a side condition, a value
    /// parser, a nested table).
    Doc,
}

/// The longest keyword a table holds.
const WORD_MAX: usize = 31;

/// A keyword's spelling, stored in the entry itself. A table of `&str`
/// is a table of pointers, each one a relocation the dynamic loader
/// applies at every start-up (a thousand keywords cost more than the
/// whole of a short command); inline bytes cost nothing.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    len: u8,
    bytes: [u8; WORD_MAX],
}

impl Word {
    const fn new(s: &str) -> Word {
        let b = s.as_bytes();
        assert!(b.len() <= WORD_MAX, "keyword too long for a table");
        let mut bytes = [0u8; WORD_MAX];
        let mut i = 0;
        while i < b.len() {
            bytes[i] = b[i];
            i += 1;
        }
        Word { len: b.len() as u8, bytes }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

/// One keyword of a table.
#[derive(Debug, Clone, Copy)]
pub struct Keyword<T: 'static> {
    spelling: Word,
    pub how: How,
    pub id: T,
}

impl<T> Keyword<T> {
    /// The keyword's full spelling.
    pub fn word(&self) -> &str {
        // Built from a &str by Word::new, so always UTF-8.
        std::str::from_utf8(self.spelling.as_bytes()).unwrap_or("")
    }
}

/// A keyword matched as a prefix (iproute2's `matches`).
pub const fn kw<T>(word: &'static str, id: T) -> Keyword<T> {
    Keyword { spelling: Word::new(word), how: How::Prefix, id }
}

/// A keyword matched only whole (`strcmp`).
pub const fn exact<T>(word: &'static str, id: T) -> Keyword<T> {
    Keyword { spelling: Word::new(word), how: How::Exact, id }
}

/// A keyword that is matched elsewhere (by a side condition, or a value
/// parser) but belongs to this level's documented words.
pub const fn doc<T>(word: &'static str, id: T) -> Keyword<T> {
    Keyword { spelling: Word::new(word), how: How::Doc, id }
}

/// One parser level: where it is (`"ip link set"`) and its keywords.
#[derive(Debug)]
pub struct Table<T: 'static> {
    pub path: &'static str,
    pub entries: &'static [Keyword<T>],
}

impl<T: Copy> Table<T> {
    pub const fn new(path: &'static str, entries: &'static [Keyword<T>]) -> Table<T> {
        Table { path, entries }
    }

    /// The value of the first keyword `word` fits, in table order.
    pub fn find(&self, word: &str) -> Option<T> {
        self.entries.iter().find(|k| fits(word, k)).map(|k| k.id)
    }

    /// The first keyword `word` fits (its full spelling and value).
    pub fn entry(&self, word: &str) -> Option<&'static Keyword<T>> {
        self.entries.iter().find(|k| fits(word, k))
    }
}

fn fits<T>(word: &str, k: &Keyword<T>) -> bool {
    let w = word.as_bytes();
    let spelled = k.spelling.as_bytes();
    match k.how {
        // iproute2's matches(): a non-empty prefix.
        How::Prefix => !w.is_empty() && spelled.starts_with(w),
        How::Exact => w == spelled,
        How::Doc => false,
    }
}

/// The untyped view of a table that the generators read.
pub trait Words: Sync {
    fn path(&self) -> &'static str;
    /// The words in table order, each once.
    fn words(&self) -> Vec<&'static str>;
}

impl<T: Copy + Sync> Words for Table<T> {
    fn path(&self) -> &'static str {
        self.path
    }

    fn words(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::with_capacity(self.entries.len());
        for k in self.entries {
            if !out.contains(&k.word()) {
                out.push(k.word());
            }
        }
        out
    }
}

/// A word list that is not a parser table (kind names, route types read
/// by a name codec): documented and completed all the same.
pub struct List {
    pub path: &'static str,
    pub words: &'static [&'static str],
}

impl Words for List {
    fn path(&self) -> &'static str {
        self.path
    }

    fn words(&self) -> Vec<&'static str> {
        self.words.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum K {
        Add,
        Set,
        Show,
        Up,
    }

    static T: Table<K> =
        Table::new("x", &[kw("add", K::Add), kw("set", K::Set), kw("show", K::Show), exact("up", K::Up)]);

    #[test]
    fn first_match_in_order() {
        assert_eq!(T.find("s"), Some(K::Set));
        assert_eq!(T.find("sh"), Some(K::Show));
        assert_eq!(T.find("u"), None);
        assert_eq!(T.find("up"), Some(K::Up));
        assert_eq!(T.find(""), None);
        assert_eq!(T.words(), vec!["add", "set", "show", "up"]);
    }
}
