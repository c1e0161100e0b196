//! The `sysctl` front end: procps-ng 4.0.2's src/sysctl.c, reimplemented.
//! Reads and writes /proc/sys, loads settings from files (`-p`,
//! `--system`), lists everything (`-a`). Messages, their order relative to
//! stdout (stdout is flushed before each one, as glibc's error() does) and
//! the exit status (read errors add up, write errors are OR-ed) follow the
//! reference.

pub mod conf;
mod glob;
mod regex;

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use crate::args::getopt::{Getopt, Got, HasArg, LongOpt};
use crate::args::keywords::{List, Words};
use crate::error::strerror;
use crate::print::{Mode, Printer};
use conf::{parse_line, slashdot, Line, Parsed};

const PROC_PATH: &str = "/proc/sys/";
const DEFAULT_PRELOAD: &str = "/etc/sysctl.conf";
const DEPRECATED: &[&str] = &["base_reachable_time", "retrans_time"];
const SYSTEM_DIRS: &[&str] =
    &["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"];

const OPT_DEPRECATED: i32 = 128;
const OPT_SYSTEM: i32 = 129;
const OPT_DRYRUN: i32 = 130;

const LONGOPTS: &[LongOpt] = &[
    LongOpt { name: "all", has_arg: HasArg::No, val: b'a' as i32 },
    LongOpt { name: "deprecated", has_arg: HasArg::No, val: OPT_DEPRECATED },
    LongOpt { name: "dry-run", has_arg: HasArg::No, val: OPT_DRYRUN },
    LongOpt { name: "binary", has_arg: HasArg::No, val: b'b' as i32 },
    LongOpt { name: "ignore", has_arg: HasArg::No, val: b'e' as i32 },
    LongOpt { name: "names", has_arg: HasArg::No, val: b'N' as i32 },
    LongOpt { name: "values", has_arg: HasArg::No, val: b'n' as i32 },
    LongOpt { name: "load", has_arg: HasArg::Optional, val: b'p' as i32 },
    LongOpt { name: "quiet", has_arg: HasArg::No, val: b'q' as i32 },
    LongOpt { name: "write", has_arg: HasArg::No, val: b'w' as i32 },
    LongOpt { name: "system", has_arg: HasArg::No, val: OPT_SYSTEM },
    LongOpt { name: "pattern", has_arg: HasArg::Required, val: b'r' as i32 },
    LongOpt { name: "help", has_arg: HasArg::No, val: b'h' as i32 },
    LongOpt { name: "version", has_arg: HasArg::No, val: b'V' as i32 },
];

/// Short options given to getopt_long() (see run()).
const SHORTOPTS: &str = "bneNwfp::qoxaAXr:Vdh";

/// sysctl's option words in the order of its usage text. getopt_long()
/// is not a first-match table (a long option is any unambiguous prefix,
/// an exact name wins, short options cluster), so this is a `List` for the
/// completions and the man page; a test keeps it equal to SHORTOPTS and
/// LONGOPTS.
static OPTION_WORDS: List = List {
    path: "sysctl OPTIONS",
    words: &[
        "-a",
        "--all",
        "-A",
        "-X",
        "--deprecated",
        "--dry-run",
        "-b",
        "--binary",
        "-e",
        "--ignore",
        "-N",
        "--names",
        "-n",
        "--values",
        "-p",
        "--load",
        "-f",
        "--system",
        "-r",
        "--pattern",
        "-q",
        "--quiet",
        "-w",
        "--write",
        "-o",
        "-x",
        "-d",
        "-h",
        "--help",
        "-V",
        "--version",
    ],
};

/// sysctl's keyword tables (completions and man pages read these).
pub fn keywords() -> Vec<&'static dyn Words> {
    vec![&OPTION_WORDS]
}

const USAGE: &str = "
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
";

/// A compiled POSIX extended regular expression (glibc's regcomp dialect,
/// src/sysctl/regex.rs), read up to its first NUL as C sees it.
struct Pattern {
    re: Option<regex::Regex>,
}

impl Pattern {
    fn new(pat: &[u8]) -> Pattern {
        Pattern { re: regex::Regex::compile(&pat[..conf::c_strlen(pat)]) }
    }

    /// pattern_match(): a pattern that does not compile matches nothing.
    fn matches(&self, s: &[u8]) -> bool {
        let Some(re) = self.re.as_ref() else { return false };
        re.is_match(&s[..conf::c_strlen(s)])
    }
}

/// glob(3) on the pattern up to its first NUL, as C sees it.
fn glob(pattern: &[u8], flags: u32) -> Result<Vec<Vec<u8>>, i32> {
    glob::glob(&pattern[..conf::c_strlen(pattern)], flags)
}

fn os(b: &[u8]) -> &OsStr {
    OsStr::from_bytes(b)
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

/// One setting to write (SysctlSetting).
struct Setting {
    path: Vec<u8>,
    value: Option<Vec<u8>>,
    ignore_failure: bool,
    glob_exclude: bool,
}

impl Setting {
    /// setting_new(): the /proc/sys path of the key (without its `-`).
    fn new(s: &mut Sysctl, l: Line) -> Setting {
        let k: &[u8] = l.key.strip_prefix(b"-").unwrap_or(&l.key);
        let (rel, warn) = slashdot(k, b'.', b'/');
        s.warn_sep(warn);
        let mut path = PROC_PATH.as_bytes().to_vec();
        path.extend_from_slice(&rel);
        Setting { path, value: l.value, ignore_failure: l.ignore_failure, glob_exclude: l.glob_exclude }
    }
}

struct Sysctl {
    p: Printer,
    ignore_deprecated: bool,
    name_only: bool,
    print_name: bool,
    print_newline: bool,
    ignore_error: bool,
    quiet: bool,
    dry_run: bool,
    pattern: Option<Pattern>,
}

impl Sysctl {
    /// glibc's error(): stdout is flushed first, then "sysctl: MSG\n".
    fn warn(&mut self, msg: &[u8]) {
        let _ = self.p.flush();
        let mut m = b"sysctl: ".to_vec();
        m.extend_from_slice(msg);
        m.push(b'\n');
        crate::error::eprint_bytes(&m);
    }

    /// error() with an errno: "sysctl: MSG: strerror".
    fn warn_errno(&mut self, msg: &[u8], errno: i32) {
        let mut m = msg.to_vec();
        if errno != 0 {
            m.extend_from_slice(b": ");
            m.extend_from_slice(strerror(errno).as_bytes());
        }
        self.warn(&m);
    }

    fn warn_sep(&mut self, w: Option<Vec<u8>>) {
        if let Some(w) = w {
            let mut m = b"separators should not be repeated: ".to_vec();
            m.extend_from_slice(&w);
            self.warn(&m);
        }
    }

    fn out(&mut self, b: &[u8]) {
        self.p.bin(b);
    }

    /// is_proc_path(): the resolved path lies under /proc/sys/.
    fn is_proc_path(&mut self, path: &[u8]) -> bool {
        let Ok(real) = std::fs::canonicalize(os(path)) else { return false };
        if real.as_os_str().as_bytes().starts_with(PROC_PATH.as_bytes()) {
            return true;
        }
        let mut m = format!("Path is not under {}: ", PROC_PATH).into_bytes();
        m.extend_from_slice(path);
        self.warn(&m);
        false
    }

    fn pattern_match(&self, s: &[u8]) -> bool {
        match &self.pattern {
            Some(p) => p.matches(s),
            None => true,
        }
    }

    /// ReadSetting(): the status to add to the total (0, 1 or -1).
    fn read_setting(&mut self, name: &[u8]) -> i32 {
        if conf::c_strlen(name) == 0 {
            self.warn(b"\"\" is an unknown key");
            return -1;
        }
        let name = &name[..conf::c_strlen(name)];
        // The reference converts the display name twice (a repeated
        // separator warns twice), then the path once.
        let (_, w) = slashdot(name, b'/', b'.');
        self.warn_sep(w);
        let (rel, w) = slashdot(name, b'.', b'/');
        let mut tmpname = PROC_PATH.as_bytes().to_vec();
        tmpname.extend_from_slice(&rel);
        self.warn_sep(w);
        let (outname, w) = slashdot(name, b'/', b'.');
        self.warn_sep(w);

        let md = match std::fs::metadata(os(&tmpname)) {
            Ok(m) => m,
            Err(e) => {
                if !self.ignore_error {
                    let mut m = b"cannot stat ".to_vec();
                    m.extend_from_slice(&tmpname);
                    self.warn_errno(&m, errno_of(&e));
                    return 1;
                }
                return 0;
            }
        };
        if md.mode() & libc::S_IRUSR == 0 {
            return 0;
        }
        if !self.is_proc_path(&tmpname) {
            return -1;
        }
        if md.is_dir() {
            tmpname.push(b'/');
            return self.display_all(&tmpname);
        }
        if !self.pattern_match(&outname) {
            return 0;
        }
        if self.name_only {
            let mut l = outname.clone();
            l.push(b'\n');
            self.out(&l);
            return 0;
        }
        let mut f = match std::fs::File::open(os(&tmpname)) {
            Ok(f) => f,
            Err(e) => {
                let errno = errno_of(&e);
                return match errno {
                    libc::ENOENT => {
                        if !self.ignore_error {
                            self.warn(&quoted(b"\"", &outname, b"\" is an unknown key"));
                            1
                        } else {
                            0
                        }
                    }
                    libc::EACCES => {
                        self.warn(&quoted(b"permission denied on key '", &outname, b"'"));
                        1
                    }
                    libc::EIO => 1,
                    _ => {
                        self.warn_errno(&quoted(b"reading key \"", &outname, b"\""), errno);
                        1
                    }
                };
            }
        };
        let mut data = Vec::new();
        if let Err(e) = f.read_to_end(&mut data) {
            if data.is_empty() {
                let errno = errno_of(&e);
                return match errno {
                    libc::EACCES => {
                        self.warn(&quoted(b"permission denied on key '", &outname, b"'"));
                        1
                    }
                    libc::EISDIR => {
                        tmpname.push(b'/');
                        self.display_all(&tmpname)
                    }
                    libc::EIO => 1,
                    _ => {
                        self.warn(&quoted(b"reading key \"", &outname, b"\""));
                        1
                    }
                };
            }
        }
        self.print_value(&outname, &data);
        0
    }

    /// The getline() loop of ReadSetting over a value's lines.
    fn print_value(&mut self, outname: &[u8], data: &[u8]) {
        let mut lines = data.split_inclusive(|&c| c == b'\n');
        let mut buf = Vec::with_capacity(data.len() + outname.len() + 8);
        for line in &mut lines {
            if self.print_name {
                buf.extend_from_slice(outname);
                buf.extend_from_slice(b" = ");
                buf.extend_from_slice(line);
                if line.last() != Some(&b'\n') {
                    buf.push(b'\n');
                }
            } else if !self.print_newline {
                buf.extend(line.iter().take_while(|&&c| c != b'\n'));
            } else {
                buf.extend_from_slice(line);
            }
        }
        self.out(&buf);
    }

    /// DisplayAll(): every entry below `path` (ending in '/'), in readdir order.
    fn display_all(&mut self, path: &[u8]) -> i32 {
        let mut rc = 0;
        let dir = match std::fs::read_dir(os(path)) {
            Ok(d) => d,
            Err(_) => {
                self.warn(&quoted(b"unable to open directory \"", path, b"\""));
                return 1;
            }
        };
        for e in dir {
            let Ok(e) = e else { break };
            let fname = e.file_name();
            let fb = fname.as_bytes();
            if self.ignore_deprecated && DEPRECATED.iter().any(|d| d.as_bytes() == fb) {
                continue;
            }
            let mut full = path.to_vec();
            full.extend_from_slice(fb);
            match std::fs::metadata(os(&full)) {
                Err(err) => {
                    let mut m = b"cannot stat ".to_vec();
                    m.extend_from_slice(&full);
                    self.warn_errno(&m, errno_of(&err));
                }
                Ok(md) => {
                    if md.is_dir() {
                        full.push(b'/');
                        // The reference drops the status of subdirectories.
                        self.display_all(&full);
                    } else {
                        let rel = full[PROC_PATH.len()..].to_vec();
                        rc |= self.read_setting(&rel);
                    }
                }
            }
        }
        rc
    }

    /// WriteSetting(): 0 or 1.
    fn write_setting(&mut self, path: &[u8], value: Option<&[u8]>, ignore_failure: bool) -> i32 {
        let mut rc = 0;
        let md = match std::fs::metadata(os(path)) {
            Ok(m) => m,
            Err(e) => {
                if !self.ignore_error {
                    let mut m = b"cannot stat ".to_vec();
                    m.extend_from_slice(path);
                    self.warn_errno(&m, errno_of(&e));
                    rc = 1;
                }
                return rc;
            }
        };
        if !self.is_proc_path(path) {
            return 1;
        }
        let (dotted, w) = slashdot(path.get(PROC_PATH.len()..).unwrap_or(b""), b'/', b'.');
        self.warn_sep(w);
        // errno here is what realpath() left behind: EINVAL from readlink.
        if md.mode() & libc::S_IWUSR == 0 || md.is_dir() {
            self.warn_errno(&quoted(b"setting key \"", &dotted, b"\""), libc::EINVAL);
            return rc;
        }
        // printf("%s", NULL) in glibc.
        let value: &[u8] = value.unwrap_or(b"(null)");
        let ign: &[u8] = if ignore_failure { b", ignoring" } else { b"" };
        if !self.dry_run {
            match std::fs::OpenOptions::new().write(true).truncate(true).open(os(path)) {
                Err(e) => {
                    let errno = errno_of(&e);
                    match errno {
                        libc::ENOENT => {
                            if !self.ignore_error {
                                let mut m = quoted(b"\"", &dotted, b"\" is an unknown key");
                                m.extend_from_slice(ign);
                                self.warn(&m);
                                if !ignore_failure {
                                    rc = 1;
                                }
                            }
                        }
                        libc::EPERM | libc::EROFS | libc::EACCES => {
                            let mut m = quoted(b"permission denied on key \"", &dotted, b"\"");
                            m.extend_from_slice(ign);
                            self.warn(&m);
                        }
                        _ => {
                            let mut m = quoted(b"setting key \"", &dotted, b"\"");
                            m.extend_from_slice(ign);
                            self.warn_errno(&m, errno);
                        }
                    }
                    if !ignore_failure && errno != libc::ENOENT {
                        rc = 1;
                    }
                }
                Ok(mut f) => {
                    let mut buf = value[..conf::c_strlen(value)].to_vec();
                    buf.push(b'\n');
                    if let Err(errno) = proc_write(&mut f, &buf) {
                        self.warn_errno(&quoted(b"setting key \"", &dotted, b"\""), errno);
                        return 1;
                    }
                    rc = 0;
                }
            }
        }
        if (rc == 0 && !self.quiet) || self.dry_run {
            let mut l = Vec::new();
            if self.name_only {
                l.extend_from_slice(value);
                l.push(b'\n');
            } else if self.print_name {
                l.extend_from_slice(&dotted);
                l.extend_from_slice(b" = ");
                l.extend_from_slice(value);
                l.push(b'\n');
            } else {
                l.extend_from_slice(value);
                if self.print_newline {
                    l.push(b'\n');
                }
            }
            self.out(&l);
        }
        rc
    }

    /// parse_setting_line(): the setting, or None (after any message).
    fn parse_setting_line(&mut self, src: &[u8], lineno: usize, line: &[u8]) -> Option<Setting> {
        let line = &line[..conf::c_strlen(line)];
        let subject = conf::pattern_subject(line);
        if subject.len() >= 2 && subject[0] != b'#' && subject[0] != b';' && !self.pattern_match(subject) {
            return None;
        }
        match parse_line(line) {
            Parsed::Skip => None,
            Parsed::Invalid => {
                let mut m = src.to_vec();
                m.extend_from_slice(format!("({}): invalid syntax, continuing...", lineno).as_bytes());
                self.warn(&m);
                None
            }
            Parsed::Setting(l) => Some(Setting::new(self, l)),
        }
    }

    /// Preload(): parses the files `filename` globs to into `list`.
    fn preload(&mut self, list: &mut Vec<Setting>, filename: &[u8]) -> i32 {
        let paths = match glob(filename, glob::NOCHECK | glob::BRACE | glob::TILDE) {
            Ok(p) => p,
            Err(glob::NOMATCH) => Vec::new(),
            Err(_) => {
                let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                self.warn_errno(b"glob failed", errno);
                let _ = self.p.flush();
                std::process::exit(1);
            }
        };
        let mut n = 0usize;
        for path in paths {
            let data = if path == b"-" {
                let mut d = Vec::new();
                let _ = std::io::stdin().read_to_end(&mut d);
                d
            } else {
                match std::fs::File::open(os(&path)) {
                    Ok(mut f) => {
                        let mut d = Vec::new();
                        let _ = f.read_to_end(&mut d);
                        d
                    }
                    Err(e) => {
                        self.warn_errno(&quoted(b"cannot open \"", &path, b"\""), errno_of(&e));
                        return 1;
                    }
                }
            };
            for line in data.split_inclusive(|&c| c == b'\n') {
                n += 1;
                if line.len() < 2 {
                    continue;
                }
                if let Some(s) = self.parse_setting_line(&path, n, line) {
                    list.push(s);
                }
            }
        }
        0
    }

    /// PreloadSystem(): *.conf of the system directories (first name wins,
    /// sorted by name), then /etc/sysctl.conf.
    fn preload_system(&mut self, list: &mut Vec<Setting>) -> i32 {
        let mut cfgs: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for d in SYSTEM_DIRS {
            let Ok(rd) = std::fs::read_dir(d) else { continue };
            for e in rd.flatten() {
                let name = e.file_name().as_bytes().to_vec();
                if name.len() < 5 || !name.ends_with(b".conf") {
                    continue;
                }
                if cfgs.iter().any(|(n, _)| *n == name) {
                    continue;
                }
                let mut full = d.as_bytes().to_vec();
                full.push(b'/');
                full.extend_from_slice(&name);
                cfgs.push((name, full));
            }
        }
        // qsort is not stable, but names are unique here.
        cfgs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut rc = 0;
        for (_, full) in &cfgs {
            if !self.quiet {
                let mut l = b"* Applying ".to_vec();
                l.extend_from_slice(full);
                l.extend_from_slice(b" ...\n");
                self.out(&l);
            }
            rc |= self.preload(list, full);
        }
        if std::fs::metadata(DEFAULT_PRELOAD).map(|m| m.is_file()).unwrap_or(false) {
            if !self.quiet {
                self.out(format!("* Applying {} ...\n", DEFAULT_PRELOAD).as_bytes());
            }
            rc |= self.preload(list, DEFAULT_PRELOAD.as_bytes());
        }
        rc
    }

    /// write_setting_list(): globs expand, and paths named by another entry
    /// of the list (overrides and exclusions) are left to that entry.
    fn write_setting_list(&mut self, list: &[Setting]) -> i32 {
        let mut rc = 0;
        for s in list {
            if s.glob_exclude {
                continue;
            }
            if s.path.iter().any(|c| b"*?[".contains(c)) {
                let Ok(matches) = glob(&s.path, 0) else { continue };
                for m in matches {
                    if list.iter().any(|o| o.path == m) {
                        continue;
                    }
                    rc |= self.write_setting(&m, s.value.as_deref(), s.ignore_failure);
                }
            } else {
                rc |= self.write_setting(&s.path, s.value.as_deref(), s.ignore_failure);
            }
        }
        rc
    }
}

fn quoted(a: &[u8], b: &[u8], c: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(a.len() + b.len() + c.len());
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    v.extend_from_slice(c);
    v
}

/// procps' fprocopen() write: the whole value in one write(); on EINVAL it
/// is written again (split at commas when longer than 4096 bytes).
fn proc_write(f: &mut std::fs::File, buf: &[u8]) -> Result<(), i32> {
    use std::io::Write;
    match f.write(buf) {
        Ok(_) => Ok(()),
        Err(e) if errno_of(&e) == libc::EINVAL => {
            if buf.len() <= 4096 {
                return f.write(buf).map(|_| ()).map_err(|e| errno_of(&e));
            }
            let mut off = 0;
            let mut left = buf.len();
            let mut data = buf.to_vec();
            loop {
                let window_end = (off + 4096).min(data.len());
                let Some(tok) = data[off..window_end].iter().rposition(|&c| c == b',') else {
                    return Err(libc::EINVAL);
                };
                let tok = off + tok;
                data[tok] = b'\n';
                let n = match f.write(&data[off..=tok]) {
                    Ok(n) => n,
                    Err(e) => return Err(errno_of(&e)),
                };
                if n < 1 || n >= left {
                    return Ok(());
                }
                off += n;
                left -= n;
                if left <= 4096 {
                    return f.write(&data[off..]).map(|_| ()).map_err(|e| errno_of(&e));
                }
            }
        }
        Err(e) => Err(errno_of(&e)),
    }
}

/// Entry point of the `sysctl` front end. Returns the exit status.
impl Sysctl {
    /// procps' defaults.
    fn new(p: Printer) -> Sysctl {
        Sysctl {
            p,
            ignore_deprecated: true,
            name_only: false,
            print_name: true,
            print_newline: true,
            ignore_error: false,
            quiet: false,
            dry_run: false,
            pattern: None,
        }
    }
}

pub fn main(argv: Vec<OsString>) -> i32 {
    // Bytes, not text: keys and file names need not be UTF-8.
    let args: Vec<Vec<u8>> = argv.iter().map(|a| a.as_bytes().to_vec()).collect();
    let mut s = Sysctl::new(Printer::stdio(Mode::default()));
    let rc = run(&mut s, args);
    finish(&mut s, rc)
}

/// main() with stdout and stderr captured (the property test, src/robust.rs).
#[cfg(test)]
pub fn captured(argv: Vec<OsString>) -> (Vec<u8>, Vec<u8>, i32) {
    let args: Vec<Vec<u8>> = argv.iter().map(|a| a.as_bytes().to_vec()).collect();
    crate::ctx::capture(|sink| {
        let mut s = Sysctl::new(Printer::new(sink, Mode::default()));
        let rc = run(&mut s, args);
        Ok(finish(&mut s, rc))
    })
}

/// close_stdout() at exit: a failed stdout is "write error", status 1.
fn finish(s: &mut Sysctl, rc: i32) -> i32 {
    if let Err(e) = s.p.flush() {
        let errno = e.raw_os_error().unwrap_or(0);
        if errno != libc::EPIPE {
            s.warn_errno(b"write error", errno);
            return 1;
        }
    }
    rc
}

fn usage(s: &mut Sysctl, to_stderr: bool) -> i32 {
    if to_stderr {
        let _ = s.p.flush();
        crate::error::eprint_raw(USAGE);
        1
    } else {
        s.out(USAGE.as_bytes());
        0
    }
}

fn run(s: &mut Sysctl, args: Vec<Vec<u8>>) -> i32 {
    if args.len() < 2 {
        return usage(s, true);
    }
    let mut write_mode = false;
    let mut display_all = false;
    let mut preload_opt = false;
    let mut preload_file: Option<Vec<u8>> = None;
    let mut g = Getopt::new(args, SHORTOPTS, LONGOPTS);
    while let Some(got) = g.next_opt() {
        let (c, arg) = match got {
            Got::Opt(c, a) => (c, a),
            Got::Err => return usage(s, false),
        };
        match c {
            OPT_DEPRECATED => s.ignore_deprecated = false,
            OPT_SYSTEM => {
                s.ignore_error = true;
                let mut list = Vec::new();
                let mut rc = s.preload_system(&mut list);
                rc |= s.write_setting_list(&list);
                return rc;
            }
            OPT_DRYRUN => s.dry_run = true,
            _ => match u8::try_from(c).map(|b| b as char).unwrap_or('\0') {
                'b' => {
                    s.print_newline = false;
                    s.print_name = false;
                }
                'n' => s.print_name = false,
                'e' => s.ignore_error = true,
                'N' => s.name_only = true,
                'w' => write_mode = true,
                'f' | 'p' => {
                    preload_opt = true;
                    if arg.is_some() {
                        preload_file = arg;
                    }
                }
                'q' => s.quiet = true,
                'o' | 'x' => {}
                'a' | 'A' | 'X' => display_all = true,
                'r' => s.pattern = Some(Pattern::new(&arg.unwrap_or_default())),
                'V' => {
                    s.out(format!("sysctl from procps-ng 4.0.2 (rip {})\n", env!("CARGO_PKG_VERSION")).as_bytes());
                    return 0;
                }
                'd' | 'h' => return usage(s, false),
                _ => return usage(s, true),
            },
        }
    }
    let operands: Vec<Vec<u8>> = g.operands().to_vec();

    if display_all {
        return s.display_all(PROC_PATH.as_bytes());
    }
    if preload_opt {
        let mut list = Vec::new();
        let mut ret = 0;
        match &preload_file {
            None => {
                if operands.is_empty() {
                    ret |= s.preload(&mut list, DEFAULT_PRELOAD.as_bytes());
                }
            }
            Some(f) => ret |= s.preload(&mut list, f),
        }
        for f in &operands {
            ret |= s.preload(&mut list, f);
        }
        ret |= s.write_setting_list(&list);
        return ret;
    }
    if operands.is_empty() {
        s.warn(b"no variables specified\nTry `sysctl --help' for more information.");
        return 1;
    }
    if s.name_only && s.quiet {
        s.warn(b"options -N and -q cannot coexist\nTry `sysctl --help' for more information.");
        return 1;
    }
    let mut rc: i32 = 0;
    for a in &operands {
        let b = a.as_slice();
        if write_mode || b.contains(&b'=') {
            match s.parse_setting_line(b"command line", 0, b) {
                Some(st) => {
                    rc |= s.write_setting(&st.path, st.value.as_deref(), st.ignore_failure);
                }
                None => rc |= 1,
            }
        } else {
            rc = rc.wrapping_add(s.read_setting(b));
        }
    }
    rc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documented option words are exactly what getopt_long() is given.
    #[test]
    fn option_words_match_getopt_tables() {
        let mut want: Vec<String> = SHORTOPTS.chars().filter(|c| *c != ':').map(|c| format!("-{}", c)).collect();
        want.extend(LONGOPTS.iter().map(|l| format!("--{}", l.name)));
        want.sort();
        let mut got: Vec<String> = OPTION_WORDS.words.iter().map(|s| s.to_string()).collect();
        got.sort();
        assert_eq!(got, want);
    }
}
