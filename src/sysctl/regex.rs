//! POSIX extended regular expressions as glibc's regcomp(REG_EXTENDED |
//! REG_NOSUB) and regexec() read and match them (sysctl's --pattern), as
//! rip's own code: musl's regex library differs in corners (which patterns
//! compile, GNU operators), and rip's output must not depend on the C
//! library it is linked with.
//!
//! REG_NOSUB only asks whether the pattern matches somewhere, so a
//! backtracking search for any match is enough (back-references included).
//! Bytes are characters (the C locale).

/// Up to 9 groups can be referred back to (\1 .. \9).
const GROUPS: usize = 10;
/// RE_DUP_MAX.
const DUP_MAX: u32 = 0x7fff;

#[derive(Debug, Clone)]
enum Node {
    Empty,
    Set(Box<[bool; 256]>),
    Byte(u8),
    /// ^ and $, \` and \' (no REG_NEWLINE: the whole string's ends).
    Start,
    End,
    WordBoundary(bool),
    WordStart,
    WordEnd,
    Group(Box<Node>, usize),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
    Backref(usize),
}

/// A compiled pattern; None from compile() where regcomp fails.
pub struct Regex {
    root: Node,
}

struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    groups: usize,
    /// Groups whose `)` has been read (a back-reference needs one).
    closed: [bool; GROUPS],
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn class_set(f: impl Fn(u8) -> bool) -> Node {
    let mut s = Box::new([false; 256]);
    for c in 0..=255u8 {
        s[c as usize] = f(c);
    }
    Node::Set(s)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }

    /// alternation := branch ('|' branch)*
    fn alternation(&mut self, depth: usize) -> Option<Node> {
        // A back-reference can only name a group closed before its own
        // alternative began ("(a)|\\1" does not compile).
        let initial = self.closed;
        let mut alts = vec![self.branch(depth)?];
        while self.peek() == Some(b'|') {
            self.i += 1;
            let accumulated = self.closed;
            self.closed = initial;
            alts.push(self.branch(depth)?);
            for (c, a) in self.closed.iter_mut().zip(accumulated) {
                *c |= a;
            }
        }
        Some(if alts.len() == 1 { alts.pop()? } else { Node::Alt(alts) })
    }

    /// branch := piece*, up to `|`, a closing `)` inside a group, or the end.
    fn branch(&mut self, depth: usize) -> Option<Node> {
        let mut seq = Vec::new();
        loop {
            match self.peek() {
                None | Some(b'|') => break,
                Some(b')') if depth > 0 => break,
                _ => {}
            }
            let atom = self.atom(depth)?;
            // An anchor takes no duplication: "^*" does not compile.
            let anchor =
                matches!(atom, Node::Start | Node::End | Node::WordBoundary(_) | Node::WordStart | Node::WordEnd);
            seq.push(if anchor { atom } else { self.dups(atom)? });
        }
        Some(match seq.len() {
            0 => Node::Empty,
            1 => seq.pop()?,
            _ => Node::Concat(seq),
        })
    }

    /// Duplication operators after an atom (any number of them: `a**`).
    fn dups(&mut self, mut atom: Node) -> Option<Node> {
        loop {
            let (min, max) = match self.peek() {
                Some(b'*') => (0, None),
                Some(b'+') => (1, None),
                Some(b'?') => (0, Some(1)),
                Some(b'{') => {
                    self.i += 1;
                    let b = self.interval()?;
                    atom = Node::Repeat(Box::new(atom), b.0, b.1);
                    continue;
                }
                _ => return Some(atom),
            };
            self.i += 1;
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    /// `{m}`, `{m,}`, `{m,n}`, `{,n}` after the `{`.
    fn interval(&mut self) -> Option<(u32, Option<u32>)> {
        let num = |s: &mut Self| -> Option<Option<u32>> {
            let start = s.i;
            let mut v: u32 = 0;
            while let Some(c @ b'0'..=b'9') = s.peek() {
                v = v.saturating_mul(10).saturating_add(u32::from(c - b'0'));
                s.i += 1;
            }
            Some((s.i > start).then_some(v))
        };
        let min = num(self)?;
        let max = if self.peek() == Some(b',') {
            self.i += 1;
            num(self)?
        } else {
            Some(min?)
        };
        if self.peek() != Some(b'}') {
            return None;
        }
        self.i += 1;
        let min = min.unwrap_or(0);
        if max.is_some_and(|m| m < min) || min > DUP_MAX || max.is_some_and(|m| m > DUP_MAX) {
            return None;
        }
        Some((min, max))
    }

    fn atom(&mut self, depth: usize) -> Option<Node> {
        let c = self.peek()?;
        self.i += 1;
        Some(match c {
            // RE_CONTEXT_INVALID_OPS: nothing to repeat (at the start, after
            // `(`, `|` or an anchor).
            b'*' | b'+' | b'?' | b'{' => return None,
            b'^' => Node::Start,
            b'$' => Node::End,
            b'.' => class_set(|c| c != 0),
            b'[' => self.bracket()?,
            b'(' => {
                self.groups += 1;
                let n = self.groups;
                let inner = self.alternation(depth + 1)?;
                if self.peek() != Some(b')') {
                    return None;
                }
                self.i += 1;
                if n < GROUPS {
                    self.closed[n] = true;
                }
                Node::Group(Box::new(inner), n)
            }
            // RE_UNMATCHED_RIGHT_PAREN_ORD
            b')' => Node::Byte(b')'),
            b'\\' => {
                let e = self.peek()?;
                self.i += 1;
                match e {
                    b'1'..=b'9' => {
                        let n = usize::from(e - b'0');
                        if !self.closed[n] {
                            return None;
                        }
                        Node::Backref(n)
                    }
                    b'w' => class_set(is_word),
                    b'W' => class_set(|c| !is_word(c)),
                    b's' => class_set(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')),
                    b'S' => class_set(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')),
                    b'b' => Node::WordBoundary(true),
                    b'B' => Node::WordBoundary(false),
                    b'<' => Node::WordStart,
                    b'>' => Node::WordEnd,
                    b'`' => Node::Start,
                    b'\'' => Node::End,
                    other => Node::Byte(other),
                }
            }
            other => Node::Byte(other),
        })
    }

    /// A bracket expression after its `[`.
    fn bracket(&mut self) -> Option<Node> {
        let mut set = Box::new([false; 256]);
        let negate = self.peek() == Some(b'^');
        if negate {
            self.i += 1;
        }
        let mut first = true;
        loop {
            let c = self.peek()?;
            if c == b']' && !first {
                self.i += 1;
                break;
            }
            // A '-' that is not the first element must end the list.
            if c == b'-' && !first && self.p.get(self.i + 1) != Some(&b']') {
                return None;
            }
            first = false;
            // One end of a range (or a single character / class).
            let lo = match self.bracket_elem()? {
                Elem::Byte(b) => b,
                Elem::Class(f) => {
                    for x in 0..=255u8 {
                        if f(x) {
                            set[x as usize] = true;
                        }
                    }
                    continue;
                }
            };
            if self.peek() == Some(b'-') && self.p.get(self.i + 1).is_some_and(|&n| n != b']') {
                self.i += 1;
                let hi = match self.bracket_elem()? {
                    Elem::Byte(b) => b,
                    Elem::Class(_) => return None,
                };
                if hi < lo {
                    return None;
                }
                for x in lo..=hi {
                    set[x as usize] = true;
                }
            } else {
                set[lo as usize] = true;
            }
        }
        if negate {
            for x in set.iter_mut() {
                *x = !*x;
            }
            set[0] = false;
        }
        Some(Node::Set(set))
    }

    fn bracket_elem(&mut self) -> Option<Elem> {
        let c = self.peek()?;
        self.i += 1;
        if c == b'[' {
            if let Some(&k @ (b':' | b'=' | b'.')) = self.p.get(self.i) {
                let body_start = self.i + 1;
                let close = self.p[body_start..].windows(2).position(|w| w[0] == k && w[1] == b']')?;
                let body = &self.p[body_start..body_start + close];
                self.i = body_start + close + 2;
                return match k {
                    b':' => Some(Elem::Class(class_fn(body)?)),
                    // One-character collating elements and equivalence classes.
                    _ if body.len() == 1 => Some(Elem::Byte(body[0])),
                    _ => None,
                };
            }
        }
        Some(Elem::Byte(c))
    }
}

enum Elem {
    Byte(u8),
    Class(fn(u8) -> bool),
}

fn class_fn(name: &[u8]) -> Option<fn(u8) -> bool> {
    Some(match name {
        b"alnum" => |c: u8| c.is_ascii_alphanumeric(),
        b"alpha" => |c: u8| c.is_ascii_alphabetic(),
        b"blank" => |c: u8| c == b' ' || c == b'\t',
        b"cntrl" => |c: u8| c.is_ascii_control(),
        b"digit" => |c: u8| c.is_ascii_digit(),
        b"graph" => |c: u8| c.is_ascii_graphic(),
        b"lower" => |c: u8| c.is_ascii_lowercase(),
        b"print" => |c: u8| c.is_ascii_graphic() || c == b' ',
        b"punct" => |c: u8| c.is_ascii_punctuation(),
        b"space" => |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
        b"upper" => |c: u8| c.is_ascii_uppercase(),
        b"xdigit" => |c: u8| c.is_ascii_hexdigit(),
        _ => return None,
    })
}

impl Regex {
    /// regcomp(pat, REG_EXTENDED | REG_NOSUB); None where it fails.
    pub fn compile(pat: &[u8]) -> Option<Regex> {
        let mut p = Parser { p: pat, i: 0, groups: 0, closed: [false; GROUPS] };
        let root = p.alternation(0)?;
        if p.i != pat.len() {
            return None;
        }
        Some(Regex { root })
    }

    /// regexec(): whether the pattern matches somewhere in `s`.
    pub fn is_match(&self, s: &[u8]) -> bool {
        let m = Matcher { s, steps: std::cell::Cell::new(0), base: stack_addr() };
        (0..=s.len()).any(|start| {
            let mut caps = [None; GROUPS];
            m.run(&self.root, start, &mut caps, &mut |_, _| true)
        })
    }
}

type Caps = [Option<(usize, usize)>; GROUPS];
type Cont<'k> = &'k mut dyn FnMut(usize, &mut Caps) -> bool;

struct Matcher<'a> {
    s: &'a [u8],
    /// A bound on the work of one search (no pattern can make sysctl run
    /// for ever); past it the search fails.
    steps: std::cell::Cell<u64>,
    /// Where the stack was when the search began: the recursion may use
    /// MAX_STACK bytes below it, so that no subject can exhaust the stack (a
    /// search that would go deeper fails).
    base: usize,
}

const MAX_STEPS: u64 = 20_000_000;
const MAX_STACK: usize = 1 << 20;

/// The address of a local: how deep the stack is (it grows down).
#[inline(never)]
fn stack_addr() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

impl Matcher<'_> {
    fn at_word(&self, i: usize) -> bool {
        self.s.get(i).is_some_and(|&c| is_word(c))
    }
    fn before_word(&self, i: usize) -> bool {
        i > 0 && self.at_word(i - 1)
    }

    /// Matches `n` at `i`, then calls `k` with the end and the captures;
    /// true as soon as some way through makes `k` true.
    fn run(&self, n: &Node, i: usize, caps: &mut Caps, k: Cont) -> bool {
        let steps = self.steps.get() + 1;
        self.steps.set(steps);
        if steps > MAX_STEPS || self.base.saturating_sub(stack_addr()) > MAX_STACK {
            return false;
        }
        self.node(n, i, caps, k)
    }

    fn node(&self, n: &Node, i: usize, caps: &mut Caps, k: Cont) -> bool {
        match n {
            Node::Empty => k(i, caps),
            Node::Byte(b) => self.s.get(i) == Some(b) && k(i + 1, caps),
            Node::Set(set) => self.s.get(i).is_some_and(|&c| set[c as usize]) && k(i + 1, caps),
            Node::Start => i == 0 && k(i, caps),
            Node::End => i == self.s.len() && k(i, caps),
            Node::WordBoundary(b) => (self.before_word(i) != self.at_word(i)) == *b && k(i, caps),
            Node::WordStart => !self.before_word(i) && self.at_word(i) && k(i, caps),
            Node::WordEnd => self.before_word(i) && !self.at_word(i) && k(i, caps),
            Node::Backref(g) => match caps.get(*g).copied().flatten() {
                Some((a, b)) => {
                    let sub = self.s.get(a..b).unwrap_or_default();
                    self.s.get(i..i + sub.len()) == Some(sub) && k(i + sub.len(), caps)
                }
                None => false,
            },
            Node::Group(inner, g) => {
                let (g, start) = (*g, i);
                self.run(inner, i, caps, &mut |e, caps: &mut Caps| {
                    let Some(slot) = caps.get(g).copied() else { return k(e, caps) };
                    caps[g] = Some((start, e));
                    if k(e, caps) {
                        return true;
                    }
                    caps[g] = slot;
                    false
                })
            }
            Node::Concat(seq) => self.seq(seq, i, caps, k),
            Node::Alt(alts) => alts.iter().any(|a| self.run(a, i, caps, k)),
            Node::Repeat(inner, min, max) => self.repeat(inner, *min, *max, 0, i, caps, k),
        }
    }

    fn seq(&self, seq: &[Node], i: usize, caps: &mut Caps, k: Cont) -> bool {
        match seq.split_first() {
            None => k(i, caps),
            Some((first, rest)) => self.run(first, i, caps, &mut |e, caps: &mut Caps| self.seq(rest, e, caps, k)),
        }
    }

    /// `inner` repeated from `count` times on (greedy; every way is tried).
    #[allow(clippy::too_many_arguments)]
    fn repeat(&self, inner: &Node, min: u32, max: Option<u32>, count: u32, i: usize, caps: &mut Caps, k: Cont) -> bool {
        // One character at a time (`.*`, `[a-z]+`, `x{2,5}`): a loop, so the
        // depth does not grow with the subject's length.
        let one = |c: u8| match inner {
            Node::Byte(b) => Some(c == *b),
            Node::Set(set) => Some(set[c as usize]),
            _ => None,
        };
        if count == 0 && one(0).is_some() {
            let mut n = 0usize;
            while max.is_none_or(|m| (n as u64) < u64::from(m))
                && self.s.get(i + n).is_some_and(|&c| one(c) == Some(true))
            {
                n += 1;
            }
            return (0..=n).rev().any(|j| j as u64 >= u64::from(min) && k(i + j, caps));
        }
        if max.is_none_or(|m| count < m) {
            let more = self.run(inner, i, caps, &mut |e, caps: &mut Caps| {
                if e == i {
                    // An empty iteration: repeating it changes nothing, and
                    // it stands for every iteration still required.
                    return k(e, caps);
                }
                self.repeat(inner, min, max, count + 1, e, caps, k)
            });
            if more {
                return true;
            }
        }
        count >= min && k(i, caps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        let m = |p: &str, s: &str| Regex::compile(p.as_bytes()).map(|r| r.is_match(s.as_bytes()));
        assert_eq!(m("forward", "net.ipv4.ip_forward"), Some(true));
        assert_eq!(m("^net\\.core", "net.core.x"), Some(true));
        assert_eq!(m("^core", "net.core.x"), Some(false));
        assert_eq!(m("(", "x"), None);
        assert_eq!(m("(a|b)+c$", "xxababc"), Some(true));
        assert_eq!(m("(a+)b\\1", "aabaa"), Some(true));
        assert_eq!(m("(a+)b\\1$", "aaba"), Some(true));
        assert_eq!(m("^(a+)b\\1$", "aaba"), Some(false));
        // Exponential patterns stop at the step bound instead of hanging.
        assert_eq!(m("(a*)*(a*)*(a*)*(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), Some(false));
        // Long subjects: a one-character repeat is a loop; any other is
        // bounded in depth (no stack overflow, in a 2 MiB test thread too).
        let long = "ab".repeat(200_000);
        assert_eq!(m("^.*b$", &long), Some(true));
        assert_eq!(m("^[ab]*$", &long), Some(true));
        assert_eq!(m("x", &long), Some(false));
        assert_eq!(m("(ab)*c", &long), Some(false));
        assert_eq!(m("(ab)+$", &"ab".repeat(50)), Some(true));
    }

    /// Against the C library's own regcomp/regexec, where that is glibc.
    #[cfg(target_env = "gnu")]
    #[test]
    fn same_as_glibc() {
        let pats = [
            "",
            "a",
            "^a",
            "a$",
            "^$",
            "forward",
            "ip_forward$",
            "^net\\.ipv4\\.conf\\.lo\\.",
            "(",
            ")",
            "a)",
            "()",
            "(a|)",
            "(|a)",
            "a|",
            "|",
            "a||b",
            "*a",
            "+a",
            "?a",
            "{1}a",
            "a{",
            "a{1",
            "a{1}",
            "a{1,}",
            "a{,2}",
            "a{,}",
            "a{}",
            "a{2,1}",
            "a{x}",
            "a{1,2}b",
            "a**",
            "a+?",
            "a*{2}",
            "^*",
            "a^*",
            "$*",
            "x$*",
            "a|*b",
            "(*a)",
            "(a)*\\1",
            "\\",
            "a\\",
            "\\1",
            "(a)\\1",
            "(a)\\2",
            "(a\\1)",
            "\\(",
            "\\.",
            "\\w+",
            "\\W",
            "\\s",
            "\\S",
            "\\bfor",
            "ward\\b",
            "\\Bor",
            "\\<ip",
            "ip\\>",
            "\\`net",
            "lo\\'",
            "\\n",
            "\\t",
            "[a]",
            "[^a]",
            "[]a]",
            "[^]a]",
            "[a-]",
            "[-a]",
            "[z-a]",
            "[a-c-e]",
            "[",
            "[a",
            "[]",
            "[[:alpha:]]",
            "[[:alpha:]",
            "[[:foo:]]",
            "[[.a.]]",
            "[[.ab.]]",
            "[[=a=]]",
            "[[.-.]]",
            "[a-[.z.]]",
            "[[:digit:]-z]",
            "[\\]",
            "[\\]]",
            "[.]",
            "[[]",
            "a.c",
            ".",
            "^.*$",
            "(a|b)*c",
            "(ab|a)(bc|c)",
            "x{0}",
            "(x){0}y",
            "((a)|b)\\2",
            "(a)|\\1",
            "[[:upper:][:digit:]]+",
            "ipv[46]",
            "conf\\.(all|default)\\.",
            "a{32767}",
            "a{32768}",
            "a{1,32768}",
            "(a{2}){3}",
            "^(ab)*$",
            "[^[:alnum:]_]",
            "\\{",
            "a\\{1\\}",
            "a|b|c",
            "(((a)))",
            "((a)(b))\\2\\1",
            "\\0",
            "a\\|b",
        ];
        let subjects = [
            "",
            "a",
            "aa",
            "ab",
            "abc",
            "b",
            "net.ipv4.ip_forward",
            "net.ipv4.conf.lo.forwarding",
            "x",
            "xyz",
            "net.core.somaxconn",
            "a)",
            "aaa",
            "ababc",
            "abab",
            "(",
            "*a",
            "a{1}",
            "a{",
            "ip",
            "ipv6",
            "x y",
            "a\\b",
            "-",
            "]",
            "[",
            ".",
            "A1",
            "_",
            "aaaaaaaa",
            "aabaa",
            "{",
            "conf.all.x",
            "\n",
            "\t",
            "ba",
            "bb",
        ];
        for p in pats {
            let c = std::ffi::CString::new(p).unwrap();
            // SAFETY: regex_t is plain data filled by regcomp; freed below.
            let mut re: libc::regex_t = unsafe { std::mem::zeroed() };
            let rc = unsafe { libc::regcomp(&mut re, c.as_ptr(), libc::REG_EXTENDED | libc::REG_NOSUB) };
            let mine = Regex::compile(p.as_bytes());
            assert_eq!(mine.is_some(), rc == 0, "compiles: {:?}", p);
            if rc != 0 {
                continue;
            }
            for s in subjects {
                let cs = std::ffi::CString::new(s).unwrap();
                let want = unsafe { libc::regexec(&re, cs.as_ptr(), 0, std::ptr::null_mut(), 0) } == 0;
                assert_eq!(mine.as_ref().map(|r| r.is_match(s.as_bytes())), Some(want), "{:?} on {:?}", p, s);
            }
            unsafe { libc::regfree(&mut re) };
        }
    }
}
