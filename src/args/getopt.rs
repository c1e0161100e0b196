//! glibc 2.36's getopt_long(), as far as sysctl, brctl and net-tools route depend on it: argument
//! permutation (operands may come before options; `--` ends options;
//! POSIXLY_CORRECT stops at the first operand), short clusters with `:`
//! and `::` arguments, long options with `=`, unambiguous-prefix
//! abbreviation, and glibc's exact error messages (printed with argv[0]).

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
/// Arguments are bytes: argv need not be UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Got {
    Opt(i32, Option<Vec<u8>>),
    /// '?': the error message was already printed.
    Err,
}

pub struct Getopt<'a> {
    args: Vec<Vec<u8>>,
    prog: Vec<u8>,
    short: &'a str,
    long: &'a [LongOpt],
    /// Index of the next argument to look at.
    idx: usize,
    /// Position inside a short option cluster (byte offset), 0 if none.
    sub: usize,
    operands: Vec<Vec<u8>>,
    posix: bool,
    done: bool,
    /// The index in the long table of the last long option found (getopt_long's `*longindex`).
    long_index: Option<usize>,
}

/// Writes the concatenation of `parts` to stderr.
fn emsg(parts: &[&[u8]]) {
    crate::error::eprint_bytes(&parts.concat());
}

impl<'a> Getopt<'a> {
    /// `argv` includes argv[0] (used as the prefix of error messages).
    pub fn new(argv: Vec<Vec<u8>>, short: &'a str, long: &'a [LongOpt]) -> Getopt<'a> {
        let prog = argv.first().cloned().unwrap_or_default();
        let posix = std::env::var_os("POSIXLY_CORRECT").is_some();
        Getopt {
            args: argv,
            prog,
            short,
            long,
            idx: 1,
            sub: 0,
            operands: Vec::new(),
            posix,
            done: false,
            long_index: None,
        }
    }

    /// The operands, in order, once next_opt() returned None.
    pub fn operands(&self) -> &[Vec<u8>] {
        &self.operands
    }

    /// getopt_long()'s `*longindex` for the last long option returned.
    pub fn long_index(&self) -> Option<usize> {
        self.long_index
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

    pub fn next_opt(&mut self) -> Option<Got> {
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
                if a.as_slice() == b"--" {
                    self.idx += 1;
                    self.operands.extend(self.args[self.idx..].iter().cloned());
                    self.idx = self.args.len();
                    self.done = true;
                    return None;
                }
                if a.len() < 2 || a[0] != b'-' {
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
            if let Some(body) = a.strip_prefix(b"--") {
                return Some(self.long_option(body));
            }
            self.sub = 1;
        }
        self.short_option()
    }

    fn long_option(&mut self, body: &[u8]) -> Got {
        let (name, val) = match body.iter().position(|&c| c == b'=') {
            Some(i) => (&body[..i], Some(&body[i + 1..])),
            None => (body, None),
        };
        self.idx += 1;
        let prog = self.prog.clone();
        let mut found: Option<usize> = self.long.iter().position(|o| o.name.as_bytes() == name);
        if found.is_none() {
            let mut ambig: Vec<usize> = Vec::new();
            for (i, o) in self.long.iter().enumerate() {
                if !o.name.as_bytes().starts_with(name) {
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
                let mut m = [&prog[..], b": option '--", body, b"' is ambiguous; possibilities:"].concat();
                for i in ambig {
                    m.extend_from_slice(format!(" '--{}'", self.long[i].name).as_bytes());
                }
                m.push(b'\n');
                emsg(&[&m]);
                return Got::Err;
            }
        }
        let Some(f) = found else {
            emsg(&[&prog, b": unrecognized option '--", body, b"'\n"]);
            return Got::Err;
        };
        let o = self.long[f];
        self.long_index = Some(f);
        match (val, o.has_arg) {
            (Some(_), HasArg::No) => {
                emsg(&[&prog, b": option '--", o.name.as_bytes(), b"' doesn't allow an argument\n"]);
                Got::Err
            }
            (Some(v), _) => Got::Opt(o.val, Some(v.to_vec())),
            (None, HasArg::Required) => match self.args.get(self.idx) {
                Some(v) => {
                    let v = v.clone();
                    self.idx += 1;
                    Got::Opt(o.val, Some(v))
                }
                None => {
                    emsg(&[&prog, b": option '--", o.name.as_bytes(), b"' requires an argument\n"]);
                    Got::Err
                }
            },
            (None, _) => Got::Opt(o.val, None),
        }
    }

    fn short_option(&mut self) -> Option<Got> {
        let a = self.args.get(self.idx)?.clone();
        let c = *a.get(self.sub)?;
        self.sub += 1;
        let rest_empty = self.sub >= a.len();
        let Some(colons) = self.short_spec(c) else {
            if rest_empty {
                self.idx += 1;
                self.sub = 0;
            }
            // glibc prints the byte as is.
            emsg(&[&self.prog, b": invalid option -- '", &[c], b"'\n"]);
            return Some(Got::Err);
        };
        if colons == 0 {
            if rest_empty {
                self.idx += 1;
                self.sub = 0;
            }
            return Some(Got::Opt(c as i32, None));
        }
        let rest = if rest_empty { None } else { Some(a[self.sub..].to_vec()) };
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
                emsg(&[&self.prog, b": option requires an argument -- '", &[c], b"'\n"]);
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
        let mut v = vec![b"sysctl".to_vec()];
        v.extend(args.iter().map(|s| s.as_bytes().to_vec()));
        let mut g = Getopt::new(v, "bneNwfp::qoxaAXr:Vdh", LONG);
        g.posix = false;
        let mut out = Vec::new();
        while let Some(x) = g.next_opt() {
            out.push(x);
        }
        (out, g.operands().iter().map(|o| String::from_utf8_lossy(o).into_owned()).collect())
    }

    fn o(c: char, a: Option<&str>) -> Got {
        Got::Opt(c as i32, a.map(|s| s.as_bytes().to_vec()))
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
