//! glibc 2.36's getopt_long(), as far as sysctl depends on it: argument
//! permutation (operands may come before options; `--` ends options;
//! POSIXLY_CORRECT stops at the first operand), short clusters with `:`
//! and `::` arguments, long options with `=`, unambiguous-prefix
//! abbreviation, and glibc's exact error messages (printed with argv[0]).

use crate::error::eprint_raw;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HasArg {
    No,
    Required,
    Optional,
}

/// One entry of the long option table: name, argument, returned value.
#[derive(Debug, Clone, Copy)]
pub struct LongOpt {
    pub name: &'static str,
    pub has_arg: HasArg,
    pub val: i32,
}

/// What getopt_long() returned: an option value (a short option's char
/// or a long option's `val`) with its optarg, or '?' after an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Got {
    Opt(i32, Option<String>),
    /// '?': the error message was already printed.
    Err,
}

pub struct Getopt<'a> {
    args: Vec<String>,
    prog: String,
    short: &'a str,
    long: &'a [LongOpt],
    /// Index of the next argument to look at.
    idx: usize,
    /// Position inside a short option cluster (byte offset), 0 if none.
    sub: usize,
    operands: Vec<String>,
    posix: bool,
    done: bool,
}

impl<'a> Getopt<'a> {
    /// `argv` includes argv[0] (used as the prefix of error messages).
    pub fn new(argv: Vec<String>, short: &'a str, long: &'a [LongOpt]) -> Getopt<'a> {
        let prog = argv.first().cloned().unwrap_or_default();
        let posix = std::env::var_os("POSIXLY_CORRECT").is_some();
        Getopt { args: argv, prog, short, long, idx: 1, sub: 0, operands: Vec::new(), posix, done: false }
    }

    /// The operands, in order, once next() returned None.
    pub fn operands(&self) -> &[String] {
        &self.operands
    }

    /// The short option's spec: None if unknown, else the number of colons.
    fn short_spec(&self, c: u8) -> Option<usize> {
        if c == b':' || c == b';' {
            return None;
        }
        let b = self.short.as_bytes();
        let i = b.iter().position(|&x| x == c)?;
        let colons = b[i + 1..].iter().take(2).take_while(|&&x| x == b':').count();
        Some(colons)
    }

    pub fn next(&mut self) -> Option<Got> {
        if self.done {
            return None;
        }
        if self.sub == 0 {
            // Skip (and remember) operands.
            loop {
                let Some(a) = self.args.get(self.idx) else {
                    self.done = true;
                    return None;
                };
                if a == "--" {
                    self.idx += 1;
                    self.operands.extend(self.args[self.idx..].iter().cloned());
                    self.idx = self.args.len();
                    self.done = true;
                    return None;
                }
                if a.len() < 2 || !a.starts_with('-') {
                    if self.posix {
                        self.operands.extend(self.args[self.idx..].iter().cloned());
                        self.idx = self.args.len();
                        self.done = true;
                        return None;
                    }
                    self.operands.push(a.clone());
                    self.idx += 1;
                    continue;
                }
                break;
            }
            let a = self.args[self.idx].clone();
            if let Some(body) = a.strip_prefix("--") {
                return Some(self.long_option(body));
            }
            self.sub = 1;
        }
        self.short_option()
    }

    fn long_option(&mut self, body: &str) -> Got {
        let (name, val) = match body.find('=') {
            Some(i) => (&body[..i], Some(&body[i + 1..])),
            None => (body, None),
        };
        self.idx += 1;
        let mut found: Option<usize> = self.long.iter().position(|o| o.name == name);
        if found.is_none() {
            let mut ambig: Vec<usize> = Vec::new();
            for (i, o) in self.long.iter().enumerate() {
                if !o.name.starts_with(name) {
                    continue;
                }
                match found {
                    None => found = Some(i),
                    Some(f) => {
                        let p = &self.long[f];
                        if p.has_arg != o.has_arg || p.val != o.val {
                            if ambig.is_empty() {
                                ambig.push(f);
                            }
                            ambig.push(i);
                        }
                    }
                }
            }
            if !ambig.is_empty() {
                let mut m = format!("{}: option '--{}' is ambiguous; possibilities:", self.prog, body);
                for i in ambig {
                    m.push_str(&format!(" '--{}'", self.long[i].name));
                }
                m.push('\n');
                eprint_raw(&m);
                return Got::Err;
            }
        }
        let Some(f) = found else {
            eprint_raw(&format!("{}: unrecognized option '--{}'\n", self.prog, body));
            return Got::Err;
        };
        let o = self.long[f];
        match (val, o.has_arg) {
            (Some(_), HasArg::No) => {
                eprint_raw(&format!("{}: option '--{}' doesn't allow an argument\n", self.prog, o.name));
                Got::Err
            }
            (Some(v), _) => Got::Opt(o.val, Some(v.to_string())),
            (None, HasArg::Required) => match self.args.get(self.idx) {
                Some(v) => {
                    let v = v.clone();
                    self.idx += 1;
                    Got::Opt(o.val, Some(v))
                }
                None => {
                    eprint_raw(&format!("{}: option '--{}' requires an argument\n", self.prog, o.name));
                    Got::Err
                }
            },
            (None, _) => Got::Opt(o.val, None),
        }
    }

    fn short_option(&mut self) -> Option<Got> {
        let a = self.args.get(self.idx)?.clone();
        let b = a.as_bytes();
        let c = *b.get(self.sub)?;
        self.sub += 1;
        let rest_empty = self.sub >= b.len();
        let spec = self.short_spec(c);
        let Some(colons) = spec else {
            if rest_empty {
                self.idx += 1;
                self.sub = 0;
            }
            // glibc prints the byte as is.
            let mut m = format!("{}: invalid option -- '", self.prog).into_bytes();
            m.push(c);
            m.extend_from_slice(b"'\n");
            let _ = std::io::Write::write_all(&mut std::io::stderr(), &m);
            return Some(Got::Err);
        };
        if colons == 0 {
            if rest_empty {
                self.idx += 1;
                self.sub = 0;
            }
            return Some(Got::Opt(c as i32, None));
        }
        let rest = if rest_empty { None } else { Some(String::from_utf8_lossy(&b[self.sub..]).into_owned()) };
        self.idx += 1;
        self.sub = 0;
        if colons == 2 {
            return Some(Got::Opt(c as i32, rest));
        }
        if let Some(r) = rest {
            return Some(Got::Opt(c as i32, Some(r)));
        }
        match self.args.get(self.idx) {
            Some(v) => {
                let v = v.clone();
                self.idx += 1;
                Some(Got::Opt(c as i32, Some(v)))
            }
            None => {
                let mut m = format!("{}: option requires an argument -- '", self.prog).into_bytes();
                m.push(c);
                m.extend_from_slice(b"'\n");
                let _ = std::io::Write::write_all(&mut std::io::stderr(), &m);
                Some(Got::Err)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &[LongOpt] = &[
        LongOpt { name: "all", has_arg: HasArg::No, val: 'a' as i32 },
        LongOpt { name: "deprecated", has_arg: HasArg::No, val: 256 },
        LongOpt { name: "dry-run", has_arg: HasArg::No, val: 258 },
        LongOpt { name: "load", has_arg: HasArg::Optional, val: 'p' as i32 },
        LongOpt { name: "pattern", has_arg: HasArg::Required, val: 'r' as i32 },
        LongOpt { name: "values", has_arg: HasArg::No, val: 'n' as i32 },
        LongOpt { name: "version", has_arg: HasArg::No, val: 'V' as i32 },
    ];

    fn all(args: &[&str]) -> (Vec<Got>, Vec<String>) {
        let mut v = vec!["sysctl".to_string()];
        v.extend(args.iter().map(|s| s.to_string()));
        let mut g = Getopt::new(v, "bneNwfp::qoxaAXr:Vdh", LONG);
        g.posix = false;
        let mut out = Vec::new();
        while let Some(x) = g.next() {
            out.push(x);
        }
        (out, g.operands().to_vec())
    }

    fn o(c: char, a: Option<&str>) -> Got {
        Got::Opt(c as i32, a.map(|s| s.to_string()))
    }

    #[test]
    fn permutation_and_clusters() {
        let (g, ops) = all(&["k1", "-nw", "k2", "-pfile", "-r", "re", "--", "-a"]);
        assert_eq!(g, vec![o('n', None), o('w', None), o('p', Some("file")), o('r', Some("re"))]);
        assert_eq!(ops, vec!["k1", "k2", "-a"]);
        let (g, ops) = all(&["-p", "f", "-", "-rx"]);
        assert_eq!(g, vec![o('p', None), o('r', Some("x"))]);
        assert_eq!(ops, vec!["f", "-"]);
    }

    #[test]
    fn long_prefixes() {
        let (g, _) = all(&["--val", "--ver", "--dry", "--load=/x", "--load", "--pat", "x", "--a"]);
        assert_eq!(
            g,
            vec![
                o('n', None),
                o('V', None),
                Got::Opt(258, None),
                o('p', Some("/x")),
                o('p', None),
                o('r', Some("x")),
                o('a', None)
            ]
        );
        let (g, _) = all(&["--v"]);
        assert_eq!(g, vec![Got::Err]);
        let (g, _) = all(&["--d"]);
        assert_eq!(g, vec![Got::Err]);
        let (g, _) = all(&["--all=1", "--nosuch", "--pattern"]);
        assert_eq!(g, vec![Got::Err, Got::Err, Got::Err]);
    }

    #[test]
    fn short_errors() {
        let (g, _) = all(&["-Zn", "-r"]);
        assert_eq!(g, vec![Got::Err, o('n', None), Got::Err]);
    }
}
