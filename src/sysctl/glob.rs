//! glibc's glob(3) as procps's sysctl calls it, as rip's own code: the
//! brace expansion of GLOB_BRACE (`sysctl -p '/etc/sysctl.d/{a,b}.conf'`),
//! `~` of GLOB_TILDE, GLOB_NOCHECK, and glibc's matching rules (fnmatch with
//! FNM_PERIOD, `\` escapes, lstat for names without wildcards, results
//! sorted per expansion). musl's glob has no GLOB_BRACE, and the output must
//! not depend on the C library rip is linked with.
//!
//! Names are compared byte by byte (the C locale's strcoll order).

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

/// GLOB_NOCHECK: no match gives the pattern itself.
pub const NOCHECK: u32 = 1 << 4;
/// GLOB_BRACE: `{a,b}` alternatives.
pub const BRACE: u32 = 1 << 10;
/// GLOB_TILDE: a leading `~` or `~user`.
pub const TILDE: u32 = 1 << 12;
const ONLYDIR: u32 = 1 << 13;
const NOSORT: u32 = 1 << 2;

/// glob's GLOB_NOMATCH.
pub const NOMATCH: i32 = 3;

/// glob's GLOB_NOSPACE.
pub const NOSPACE: i32 = 1;

/// How many brace alternatives one glob() may try. GLOB_BRACE expands
/// 2^N names for N groups: glibc goes on until it runs out of stack (procps
/// then dies of SIGSEGV) or forever; rip stops as glob does when memory
/// runs out (GLOB_NOSPACE, errno ENOMEM). No real pattern comes near it.
const BRACE_BUDGET: u32 = 1 << 12;

thread_local! {
    static BRACES_LEFT: std::cell::Cell<u32> = const { std::cell::Cell::new(BRACE_BUDGET) };
}

/// glob(pattern, flags): the names, or GLOB_NOMATCH (GLOB_NOSPACE with
/// errno ENOMEM past the brace budget).
pub fn glob(pattern: &[u8], flags: u32) -> Result<Vec<Vec<u8>>, i32> {
    BRACES_LEFT.with(|b| b.set(BRACE_BUDGET));
    let mut out = Vec::new();
    match glob_into(pattern, flags, &mut out) {
        0 => Ok(out),
        rc => Err(rc),
    }
}

fn is_magic(p: &[u8]) -> bool {
    // __glob_pattern_type(): `*` and `?` always, `[` only with a later `]`.
    let mut bracket = false;
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            b'*' | b'?' => return true,
            b'\\' if i + 1 < p.len() => i += 1,
            b'[' => bracket = true,
            b']' if bracket => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// next_brace_sub(): the index of the `,` or `}` that ends the alternative
/// starting at `i`, at depth 0.
fn next_brace_sub(p: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i < p.len() {
        let c = p[i];
        if c == b'\\' {
            i += 1;
            if i >= p.len() {
                return None;
            }
            i += 1;
            continue;
        }
        if c == b'}' {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        } else if c == b',' && depth == 0 {
            return Some(i);
        } else if c == b'{' {
            depth += 1;
        }
        i += 1;
    }
    None
}

fn glob_into(pattern: &[u8], mut flags: u32, out: &mut Vec<Vec<u8>>) -> i32 {
    if flags & BRACE != 0 {
        if let Some(rc) = braces(pattern, flags, out) {
            return rc;
        }
        flags &= !BRACE;
    }
    plain(pattern, flags, out)
}

/// The GLOB_BRACE part: Some(status) when the pattern had a well-formed
/// brace expression that decided the result, None to glob it as it is.
fn braces(pattern: &[u8], flags: u32, out: &mut Vec<Vec<u8>>) -> Option<i32> {
    let mut b = 0;
    while b < pattern.len() {
        if pattern[b] == b'\\' && b + 1 < pattern.len() {
            b += 1;
        } else if pattern[b] == b'{' {
            break;
        }
        b += 1;
    }
    if b >= pattern.len() {
        return None;
    }
    let first = next_brace_sub(pattern, b + 1)?;
    let mut rest = first;
    while pattern[rest] != b'}' {
        rest = next_brace_sub(pattern, rest + 1)?;
    }
    let rest = rest + 1;
    let before = out.len();
    let (mut p, mut next) = (b + 1, first);
    loop {
        let mut one = pattern[..b].to_vec();
        one.extend_from_slice(&pattern[p..next]);
        one.extend_from_slice(&pattern[rest..]);
        let left = BRACES_LEFT.with(|b| {
            let v = b.get().saturating_sub(1);
            b.set(v);
            v
        });
        if left == 0 {
            // SAFETY: errno is this thread's; glob leaves ENOMEM there.
            unsafe { *libc::__errno_location() = libc::ENOMEM };
            return Some(NOSPACE);
        }
        let rc = glob_into(&one, flags & !NOCHECK, out);
        if rc != 0 && rc != NOMATCH {
            return Some(rc);
        }
        if pattern[next] == b'}' {
            break;
        }
        p = next + 1;
        next = next_brace_sub(pattern, p)?;
    }
    if out.len() != before {
        Some(0)
    } else if flags & NOCHECK == 0 {
        Some(NOMATCH)
    } else {
        // No alternative matched: glibc globs the whole pattern as it is
        // (NOCHECK then gives it back, a trailing '/' dropped).
        Some(plain(pattern, flags, out))
    }
}

/// The home directory of `~` (HOME, else the user's passwd entry) or of
/// `~user` (passwd), as glibc's glob finds it.
fn home_of(user: &[u8]) -> Option<Vec<u8>> {
    if user.is_empty() {
        if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            return Some(h.as_bytes().to_vec());
        }
        // SAFETY: getuid() has no preconditions.
        let uid = unsafe { libc::getuid() };
        return passwd_home(|_, u| u == Some(uid));
    }
    passwd_home(|name, _| name == user)
}

/// The home field of the first /etc/passwd entry `want(name, uid)` accepts.
fn passwd_home(want: impl Fn(&[u8], Option<u32>) -> bool) -> Option<Vec<u8>> {
    let text = std::fs::read("/etc/passwd").ok()?;
    for line in text.split(|&c| c == b'\n') {
        let f: Vec<&[u8]> = line.split(|&c| c == b':').collect();
        if f.len() < 7 {
            continue;
        }
        let uid = std::str::from_utf8(f[2]).ok().and_then(|s| s.parse().ok());
        if want(f[0], uid) {
            return Some(f[5].to_vec());
        }
    }
    None
}

/// Removes the `\` escapes of a name without wildcards.
fn unescape(p: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < p.len() {
        if p[i] == b'\\' && i + 1 < p.len() {
            i += 1;
        }
        v.push(p[i]);
        i += 1;
    }
    v
}

fn plain(pattern: &[u8], flags: u32, out: &mut Vec<Vec<u8>>) -> i32 {
    let mut pat = pattern.to_vec();
    if flags & TILDE != 0 && pat.first() == Some(&b'~') {
        let end = pat.iter().position(|&c| c == b'/').unwrap_or(pat.len());
        let user = unescape(&pat[1..end]);
        if let Some(home) = home_of(&user) {
            let mut p = home;
            p.extend_from_slice(&pat[end..]);
            pat = p;
        }
    }
    let before = out.len();
    // What GLOB_NOCHECK gives back: the pattern, but glibc's prefix_array()
    // joins a directory "/" without doubling it ("//x" gives "/x").
    let mut nocheck = pattern.to_vec();
    let (dir, file, prefix): (Vec<u8>, &[u8], Vec<u8>) = match pat.iter().rposition(|&c| c == b'/') {
        None => (b".".to_vec(), &pat[..], Vec::new()),
        Some(0) => (b"/".to_vec(), &pat[1..], b"/".to_vec()),
        Some(1) if pat[0] == b'/' => {
            if pat.len() > 2 && pattern.first() != Some(&b'~') {
                nocheck = pat[1..].to_vec();
            }
            (b"/".to_vec(), &pat[2..], b"/".to_vec())
        }
        Some(s) => (pat[..s].to_vec(), &pat[s + 1..], [&pat[..s], b"/"].concat()),
    };
    if file.is_empty() && pat.len() > 1 && !dir.is_empty() {
        // "pattern/": glibc globs "pattern" with GLOB_MARK, GLOB_ONLYDIR
        // and the same flags: directories (with a '/' added) of what
        // wildcards match, but a name without wildcards as it is (ONLYDIR
        // is a hint: a file too); with GLOB_NOCHECK a name that is not
        // there comes back without its '/'.
        let mut names = Vec::new();
        let rc = glob_into(&dir, flags | ONLYDIR, &mut names);
        if rc != 0 {
            return rc;
        }
        for d in names {
            if d.last() != Some(&b'/') && is_dir(&d) {
                out.push([&d[..], b"/"].concat());
            } else {
                out.push(d);
            }
        }
        return 0;
    } else if is_magic(&dir) && pat.contains(&b'/') {
        let mut dirs = Vec::new();
        let rc = glob_into(&dir, (flags & !(NOCHECK | BRACE | TILDE)) | ONLYDIR | NOSORT, &mut dirs);
        if rc == 0 {
            for d in dirs {
                let pre = if d == b"/" { d.clone() } else { [&d[..], b"/"].concat() };
                in_dir(file, &d, &pre, flags & !NOCHECK, out);
            }
        }
    } else {
        let dir = if is_magic(&dir) { dir } else { unescape(&dir) };
        let prefix = if prefix.is_empty() { prefix } else { unescape(&prefix) };
        in_dir(file, &dir, &prefix, flags & !NOCHECK, out);
    }
    if out.len() == before {
        if flags & NOCHECK != 0 {
            out.push(nocheck);
            return 0;
        }
        return NOMATCH;
    }
    if flags & NOSORT == 0 {
        out[before..].sort();
    }
    0
}

fn is_dir(p: &[u8]) -> bool {
    std::fs::metadata(OsStr::from_bytes(p)).map(|m| m.is_dir()).unwrap_or(false)
}

/// glob_in_dir(): the names in `dir` that `pat` matches, each as `prefix`
/// + name.
fn in_dir(pat: &[u8], dir: &[u8], prefix: &[u8], flags: u32, out: &mut Vec<Vec<u8>>) {
    if !is_magic(pat) {
        let name = unescape(pat);
        let full = [prefix, &name[..]].concat();
        let path = if prefix.is_empty() { [b"./", &name[..]].concat() } else { full.clone() };
        // GLOB_ONLYDIR is not checked for a name without wildcards.
        let ok = std::fs::symlink_metadata(OsStr::from_bytes(&path)).is_ok();
        if ok {
            out.push(full);
        }
        return;
    }
    let Ok(rd) = std::fs::read_dir(OsStr::from_bytes(dir)) else { return };
    // readdir() also returns "." and ".."; fnmatch with FNM_PERIOD only
    // lets a pattern that starts with a literal dot take them.
    let dots: [&[u8]; 2] = [b".", b".."];
    let names = dots.iter().map(|d| (d.to_vec(), true)).chain(rd.flatten().map(|e| {
        let keep = flags & ONLYDIR == 0 || e.file_type().map(|t| t.is_dir() || t.is_symlink()).unwrap_or(true);
        (e.file_name().as_bytes().to_vec(), keep)
    }));
    for (name, keep) in names {
        if keep && crate::sys::fnmatch::fnmatch(pat, &name, true) {
            out.push([prefix, &name[..]].concat());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exponential_brace_pattern_stops() {
        // 2^60 alternatives: glibc recurses until its stack runs out.
        let p = b"/nonexistent/{,a}".repeat(60);
        let t = std::time::Instant::now();
        assert_eq!(glob(&p, BRACE | NOCHECK), Err(NOSPACE));
        assert_eq!(std::io::Error::last_os_error().raw_os_error(), Some(libc::ENOMEM));
        assert!(t.elapsed() < std::time::Duration::from_secs(5));
        // The budget is per call: an ordinary pattern still expands.
        assert_eq!(glob(b"/nonexistent/{a,b}", BRACE | NOCHECK).map(|v| v.len()), Ok(1));
    }

    /// Against the C library's own glob() on a tree of files: only where
    /// that is glibc (the reference's).
    #[cfg(target_env = "gnu")]
    #[test]
    fn same_as_glibc_glob() {
        use std::ffi::{CStr, CString};
        let dir = std::env::temp_dir().join(format!("rip-glob-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for d in ["d", "d/sub", "d/sub2", "e", "d/.hid"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        for f in [
            "d/a.conf",
            "d/b.conf",
            "d/c.txt",
            "d/.x.conf",
            "d/sub/a.conf",
            "d/sub2/z.conf",
            "e/a.conf",
            "d/[x]",
            "d/{q}",
        ] {
            std::fs::write(dir.join(f), b"").unwrap();
        }
        let _ = std::os::unix::fs::symlink("nowhere", dir.join("d/dangling"));
        let base = dir.to_string_lossy().into_owned();
        let pats = [
            "d/{a,b}.conf",
            "d/{b,a}.conf",
            "d/{a,x}.conf",
            "d/{x,y}.conf",
            "d/{a,b",
            "d/a,b}.conf",
            "d/{}.conf",
            "d/{a,{b,c}}.conf",
            "d/{a,b}.{conf,txt}",
            "{d,e}/a.conf",
            "*/a.conf",
            "d/*/*.conf",
            "d/*",
            "d/.*",
            "d/*.conf",
            "d/?.conf",
            "d/[ab].conf",
            "d/[!a].conf",
            "d/a.conf",
            "d/none.conf",
            "d/none*",
            "d/dangling",
            "d/\\[x]",
            "d/[[]x]",
            "d/\\{q}",
            "d/{q}",
            "d/s*/",
            "d/",
            "nodir/*.conf",
            "d/a\\,b",
            "d/{a\\,b,c}.txt",
            "d/{,a}.conf",
            "*/{sub,sub2}/*",
            "d/sub*/a.conf",
            "d//a.conf",
            "d/[a-b].conf",
            "d/[[:alpha:]].conf",
        ];
        for pat in pats {
            for flags in [0, NOCHECK | BRACE | TILDE, BRACE] {
                let full = format!("{}/{}", base, pat);
                let c = CString::new(full.clone()).unwrap();
                // SAFETY: glob_t is plain data filled by glob(); freed below.
                let mut g: libc::glob_t = unsafe { std::mem::zeroed() };
                let rc = unsafe { libc::glob(c.as_ptr(), flags as i32, None, &mut g) };
                let mut want = Vec::new();
                if rc == 0 {
                    for i in 0..g.gl_pathc {
                        want.push(unsafe { CStr::from_ptr(*g.gl_pathv.add(i)) }.to_bytes().to_vec());
                    }
                }
                unsafe { libc::globfree(&mut g) };
                let want = if rc == 0 { Ok(want) } else { Err(rc) };
                let got = glob(full.as_bytes(), flags);
                let show = |r: &Result<Vec<Vec<u8>>, i32>| {
                    format!(
                        "{:?}",
                        r.as_ref().map(|v| v
                            .iter()
                            .map(|s| String::from_utf8_lossy(s).replace(&base, ""))
                            .collect::<Vec<_>>())
                    )
                };
                assert_eq!(show(&got), show(&want), "pattern {:?} flags {:#x}", pat, flags);
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
