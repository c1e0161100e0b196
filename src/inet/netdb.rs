//! Host and network names as glibc 2.36 resolves them, as rip's own code:
//! /etc/hosts and /etc/networks read as the "files" NSS module reads them
//! (nss/nss_files/files-hosts.c, files-network.c, files-parse.c), the
//! `hosts:` services of /etc/nsswitch.conf, gethostbyname()'s numeric
//! shortcut (nss/digits_dots.c), getaddrinfo()'s AF_INET6 path
//! (sysdeps/posix/getaddrinfo.c) and the h_errno each lookup leaves behind
//! (printed by herror() with [`crate::error::hstrerror`]).
//!
//! musl answers none of /etc/networks, reads /etc/hosts by other rules and
//! words its errors differently; rip's bytes must not depend on the C
//! library it is linked with. The DNS service is a resolver rip does not
//! have: it answers nothing, with the h_errno glibc's nss_dns leaves when no
//! name server can be reached (TRY_AGAIN), after glibc's own checks of the
//! name (res_hnok: HOST_NOT_FOUND; an empty name: NO_RECOVERY), which are
//! made before any query is sent.

use std::cell::{Cell, OnceCell};

/// h_errno values (netdb.h).
pub const NETDB_SUCCESS: i32 = 0;
pub const HOST_NOT_FOUND: i32 = 1;
pub const TRY_AGAIN: i32 = 2;
pub const NO_RECOVERY: i32 = 3;
pub const NO_DATA: i32 = 4;

/// glibc's getaddrinfo() codes (printed as numbers by net-tools).
pub const EAI_NONAME: i32 = -2;
pub const EAI_AGAIN: i32 = -3;
pub const EAI_NODATA: i32 = -5;
pub const EAI_ADDRFAMILY: i32 = -9;

const AF_INET: i32 = 2;
const AF_INET6: i32 = 10;

thread_local! {
    static H_ERRNO: Cell<i32> = const { Cell::new(0) };
    static HOSTS: OnceCell<Option<Vec<u8>>> = const { OnceCell::new() };
    static NETWORKS: OnceCell<Option<Vec<u8>>> = const { OnceCell::new() };
    static SERVICES: OnceCell<Vec<Entry>> = const { OnceCell::new() };
}

/// The h_errno the last lookup left (0 before any).
pub fn h_errno() -> i32 {
    H_ERRNO.with(|h| h.get())
}

fn set_h_errno(v: i32) {
    H_ERRNO.with(|h| h.set(v));
}

/// C's isspace() in the C locale.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The string as C sees it: up to its first NUL.
fn c_str(s: &[u8]) -> &[u8] {
    &s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())]
}

/// strtoul(s, &end, 0) for a string that starts with a digit: the value
/// (None past 2^64 - 1) and the bytes used.
fn strtoul0(s: &[u8]) -> (Option<u64>, usize) {
    let (base, mut i) = if s.len() > 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' && s[2].is_ascii_hexdigit() {
        (16, 2)
    } else if s.first() == Some(&b'0') {
        (8, 0)
    } else {
        (10, 0)
    };
    let mut v: Option<u64> = Some(0);
    while let Some(d) = s.get(i).and_then(|&c| (c as char).to_digit(base)) {
        v = v.and_then(|x| x.checked_mul(u64::from(base))).and_then(|x| x.checked_add(u64::from(d)));
        i += 1;
    }
    (v, i)
}

/// glibc's inet_aton() (resolv/inet_addr.c): the classic forms (`10`,
/// `10.1`, `0x0a.1.2.3`, octal parts), then optionally blank and anything;
/// `exact` (__inet_aton_exact) wants nothing after the number. The address
/// in network byte order.
pub fn inet_aton(s: &[u8], exact: bool) -> Option<[u8; 4]> {
    let s = c_str(s);
    let mut parts: Vec<u8> = Vec::with_capacity(3);
    let mut i = 0;
    let val = loop {
        if !s.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let (v, used) = strtoul0(&s[i..]);
        let v = v.filter(|&v| v <= 0xffff_ffff)?;
        i += used;
        if s.get(i) == Some(&b'.') {
            if parts.len() > 2 || v > 0xff {
                return None;
            }
            parts.push(v as u8);
            i += 1;
        } else {
            break v as u32;
        }
    };
    match s.get(i) {
        None => {}
        Some(&c) if is_space(c) && !exact => {}
        Some(_) => return None,
    }
    const MAX: [u32; 4] = [0xffff_ffff, 0xff_ffff, 0xffff, 0xff];
    if val > MAX[parts.len()] {
        return None;
    }
    let mut a = val.to_be_bytes();
    for (k, p) in parts.iter().enumerate() {
        a[k] |= p;
    }
    Some(a)
}

/// glibc's inet_network() (inet/inet_net.c): the parts in host order,
/// INADDR_NONE (all ones) for anything it rejects. Its arithmetic wraps at
/// 32 bits as the C code's does.
pub fn inet_network(s: &[u8]) -> u32 {
    const NONE: u32 = 0xffff_ffff;
    let s = c_str(s);
    let mut parts: Vec<u32> = Vec::with_capacity(4);
    let mut i = 0;
    loop {
        let mut val: u32 = 0;
        let mut base = 10;
        let mut digit = false;
        if s.get(i) == Some(&b'0') {
            digit = true;
            base = 8;
            i += 1;
        }
        if matches!(s.get(i), Some(b'x' | b'X')) {
            digit = false;
            base = 16;
            i += 1;
        }
        while let Some(&c) = s.get(i) {
            if c.is_ascii_digit() {
                if base == 8 && (c == b'8' || c == b'9') {
                    return NONE;
                }
                val = val.wrapping_mul(base).wrapping_add(u32::from(c - b'0'));
            } else if base == 16 && c.is_ascii_hexdigit() {
                val = (val << 4).wrapping_add(u32::from((c | 0x20) - b'a' + 10));
            } else {
                break;
            }
            i += 1;
            digit = true;
        }
        if !digit || parts.len() >= 4 || val > 0xff {
            return NONE;
        }
        if s.get(i) == Some(&b'.') {
            parts.push(val);
            i += 1;
            continue;
        }
        while s.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        if i < s.len() {
            return NONE;
        }
        parts.push(val);
        break;
    }
    parts.iter().fold(0u32, |acc, &p| (acc << 8) | (p & 0xff))
}

/// The entries of a files-module database: per line (read as
/// __nss_readline and parse_line see it: up to a NUL, blank lines and `#`
/// lines skipped, a `#` or newline ends the line) its blank-separated
/// fields.
fn entries(text: &[u8]) -> impl Iterator<Item = Vec<&[u8]>> {
    text.split(|&c| c == b'\n').filter_map(|line| {
        let line = c_str(line);
        let line = &line[..line.iter().position(|&c| c == b'#').unwrap_or(line.len())];
        let f: Vec<&[u8]> = line.split(|&c| is_space(c)).filter(|w| !w.is_empty()).collect();
        (!f.is_empty()).then_some(f)
    })
}

fn with_file<R>(
    cell: &'static std::thread::LocalKey<OnceCell<Option<Vec<u8>>>>,
    path: &str,
    f: impl FnOnce(Option<&[u8]>) -> R,
) -> R {
    cell.with(|c| f(c.get_or_init(|| std::fs::read(path).ok()).as_deref()))
}

/// strcasecmp() == 0 in the C locale.
fn same_name(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// One /etc/hosts line as the files module reads it for family `af`: the
/// address (4 or 16 bytes), the official name ("" when the line has none)
/// and the aliases. None for a line it ignores.
fn host_line<'a, 'b>(f: &'b [&'a [u8]], af: i32) -> Option<(Vec<u8>, &'a [u8], &'b [&'a [u8]])> {
    let text = std::str::from_utf8(f[0]).ok();
    let addr = if af == AF_INET {
        match text.and_then(super::inet4_pton) {
            Some(a) => a.to_vec(),
            None => {
                let a = text.and_then(super::inet6_pton)?;
                if a[..10].iter().all(|&b| b == 0) && a[10] == 0xff && a[11] == 0xff {
                    a[12..].to_vec()
                } else if a[..15].iter().all(|&b| b == 0) && a[15] == 1 {
                    vec![127, 0, 0, 1]
                } else {
                    return None;
                }
            }
        }
    } else {
        text.and_then(super::inet6_pton)?.to_vec()
    };
    Some((addr, f.get(1).copied().unwrap_or(b""), f.get(2..).unwrap_or(&[])))
}

/// _nss_files_gethostbyname2_r(name, af): the first address of the first
/// line that names `name` (case-insensitively); NOTFOUND at the end of the
/// file (HOST_NOT_FOUND), UNAVAIL without a file (h_errno stays).
fn files_host_by_name(name: &[u8], af: i32) -> Result<Vec<u8>, Status> {
    with_file(&HOSTS, "/etc/hosts", |t| {
        let t = t.ok_or(Status::Unavail)?;
        let found = entries(t).find_map(|f| {
            let (addr, h_name, aliases) = host_line(&f, af)?;
            (same_name(name, h_name) || aliases.iter().any(|a| same_name(name, a))).then_some(addr)
        });
        found.ok_or_else(|| {
            set_h_errno(HOST_NOT_FOUND);
            Status::NotFound
        })
    })
}

/// _nss_files_gethostbyaddr_r(addr, len, af): the official name of the
/// first line with that address.
fn files_host_by_addr(addr: &[u8], af: i32) -> Result<String, Status> {
    with_file(&HOSTS, "/etc/hosts", |t| {
        let t = t.ok_or(Status::Unavail)?;
        let found = entries(t).find_map(|f| {
            let (a, h_name, _) = host_line(&f, af)?;
            (a == addr).then(|| String::from_utf8_lossy(h_name).into_owned())
        });
        found.ok_or_else(|| {
            set_h_errno(HOST_NOT_FOUND);
            Status::NotFound
        })
    })
}

/// One /etc/networks line: the name, the network number (host order) as
/// glibc 2.36's parser computes it (missing parts appended as ".0" before
/// inet_network()) and the aliases.
fn net_line<'a, 'b>(f: &'b [&'a [u8]]) -> (&'a [u8], u32, &'b [&'a [u8]]) {
    let addr = f.get(1).copied().unwrap_or(b"");
    let dots = addr.iter().filter(|&&c| c == b'.').count().min(3);
    let mut padded = addr.to_vec();
    for _ in dots + 1..4 {
        padded.extend_from_slice(b".0");
    }
    (f[0], inet_network(&padded), f.get(2..).unwrap_or(&[]))
}

/// getnetbyname(name)->n_net (host order): /etc/networks (the files
/// module; Debian's `networks: files`). h_errno is HOST_NOT_FOUND after a
/// miss.
pub fn getnetbyname(name: &[u8]) -> Option<u32> {
    let name = c_str(name);
    with_file(&NETWORKS, "/etc/networks", |t| {
        let t = t?;
        let found = entries(t).find_map(|f| {
            let (n, net, aliases) = net_line(&f);
            (same_name(name, n) || aliases.iter().any(|a| same_name(name, a))).then_some(net)
        });
        if found.is_none() {
            set_h_errno(HOST_NOT_FOUND);
        }
        found
    })
}

/// getnetbyaddr(net, AF_INET)->n_name: the first line with that number.
pub fn getnetbyaddr(net: u32) -> Option<String> {
    with_file(&NETWORKS, "/etc/networks", |t| {
        let t = t?;
        let found = entries(t).find_map(|f| {
            let (n, num, _) = net_line(&f);
            (num == net).then(|| String::from_utf8_lossy(n).into_owned())
        });
        if found.is_none() {
            set_h_errno(HOST_NOT_FOUND);
        }
        found
    })
}

/// A service of the `hosts:` line of /etc/nsswitch.conf that rip knows.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Service {
    Files,
    Dns,
    /// Any other module (myhostname, mdns, ...): rip has none of them (and
    /// this system's glibc has none to load either).
    Other,
}

/// A service's answer (enum nss_status).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Status {
    Success,
    NotFound,
    Unavail,
    TryAgain,
}

impl Status {
    fn from_word(w: &[u8]) -> Option<Status> {
        Some(match w.to_ascii_uppercase().as_slice() {
            b"SUCCESS" => Status::Success,
            b"NOTFOUND" => Status::NotFound,
            b"UNAVAIL" => Status::Unavail,
            b"TRYAGAIN" => Status::TryAgain,
            _ => return None,
        })
    }
}

const STATUSES: [Status; 4] = [Status::Success, Status::NotFound, Status::Unavail, Status::TryAgain];

/// One service with its actions: whether each status returns (glibc's
/// defaults: SUCCESS returns, the others continue).
#[derive(Clone, Copy, PartialEq, Debug)]
struct Entry {
    service: Service,
    ret: [bool; 4],
}

impl Entry {
    fn new(service: Service) -> Entry {
        Entry { service, ret: [true, false, false, false] }
    }

    fn returns(&self, st: Status) -> bool {
        self.ret[st as usize]
    }

    /// One `[!]STATUS=ACTION` item (return, continue; merge continues, as
    /// the hosts database does not merge).
    fn action(&mut self, item: &[u8]) {
        let (neg, item) = match item.strip_prefix(b"!") {
            Some(rest) => (true, rest),
            None => (false, item),
        };
        let Some(eq) = item.iter().position(|&c| c == b'=') else { return };
        let (Some(st), act) = (Status::from_word(&item[..eq]), item[eq + 1..].to_ascii_lowercase()) else { return };
        let ret = match act.as_slice() {
            b"return" => true,
            b"continue" | b"merge" => false,
            _ => return,
        };
        for s in STATUSES {
            if (s == st) != neg {
                self.ret[s as usize] = ret;
            }
        }
    }
}

/// The services of `hosts:` in order with their `[...]` actions. Without
/// the file or the line, glibc's default for hosts, `files dns`.
fn parse_services(text: &[u8]) -> Vec<Entry> {
    for line in text.split(|&c| c == b'\n') {
        let line = &line[..line.iter().position(|&c| c == b'#').unwrap_or(line.len())];
        let start = line.iter().position(|&c| !is_space(c)).unwrap_or(line.len());
        let line = &line[start..];
        let Some(colon) = line.iter().position(|&c| c == b':') else { continue };
        if !same_name(line[..colon].trim_ascii_end(), b"hosts") {
            continue;
        }
        let mut out: Vec<Entry> = Vec::new();
        let rest = &line[colon + 1..];
        let mut i = 0;
        while i < rest.len() {
            if is_space(rest[i]) {
                i += 1;
            } else if rest[i] == b'[' {
                let end = rest[i..].iter().position(|&c| c == b']').map_or(rest.len(), |e| i + e);
                let items = &rest[i + 1..end];
                // "[NOTFOUND = return]" is one item, spaces around '=' allowed.
                let squeezed: Vec<u8> =
                    items.split(|&c| is_space(c)).filter(|w| !w.is_empty()).fold(Vec::new(), |mut acc, w| {
                        let glue = acc.last() == Some(&b'=') || acc.last() == Some(&b'!') || w.first() == Some(&b'=');
                        if !acc.is_empty() && !glue {
                            acc.push(b' ');
                        }
                        acc.extend_from_slice(w);
                        acc
                    });
                if let Some(last) = out.last_mut() {
                    for item in squeezed.split(|&c| c == b' ').filter(|w| !w.is_empty()) {
                        last.action(item);
                    }
                }
                i = end + 1;
            } else {
                let end = rest[i..].iter().position(|&c| is_space(c) || c == b'[').map_or(rest.len(), |e| i + e);
                out.push(Entry::new(match &rest[i..end] {
                    b"files" => Service::Files,
                    b"dns" => Service::Dns,
                    _ => Service::Other,
                }));
                i = end;
            }
        }
        return out;
    }
    vec![Entry::new(Service::Files), Entry::new(Service::Dns)]
}

fn services() -> Vec<Entry> {
    SERVICES
        .with(|s| s.get_or_init(|| parse_services(&std::fs::read("/etc/nsswitch.conf").unwrap_or_default())).clone())
}

/// ns_name_pton() into wire format (labels of at most 63 bytes, 255 in
/// all, `\X` and `\DDD` escapes); None where glibc fails.
fn ns_name_pton(src: &[u8]) -> Option<Vec<u8>> {
    const MAXCDNAME: usize = 255;
    let mut dst: Vec<u8> = vec![0];
    let mut label = 0usize;
    let mut i = 0;
    let close = |dst: &mut Vec<u8>, label: usize| -> Option<u8> {
        let len = dst.len() - label - 1;
        if len > 63 || label >= MAXCDNAME {
            return None;
        }
        dst[label] = len as u8;
        Some(len as u8)
    };
    while let Some(&c0) = src.get(i) {
        i += 1;
        let mut c = c0;
        if c == b'\\' {
            let &e = src.get(i)?;
            i += 1;
            c = e;
            if e.is_ascii_digit() {
                let d2 = src.get(i).filter(|d| d.is_ascii_digit())?;
                let d3 = src.get(i + 1).filter(|d| d.is_ascii_digit())?;
                i += 2;
                let n = u32::from(e - b'0') * 100 + u32::from(d2 - b'0') * 10 + u32::from(d3 - b'0');
                if n > 255 {
                    return None;
                }
                c = n as u8;
            }
        } else if c == b'.' {
            let len = close(&mut dst, label)?;
            if i == src.len() {
                if len != 0 {
                    if dst.len() >= MAXCDNAME {
                        return None;
                    }
                    dst.push(0);
                }
                return (dst.len() <= MAXCDNAME).then_some(dst);
            }
            if len == 0 || src[i] == b'.' {
                return None;
            }
            label = dst.len();
            dst.push(0);
            continue;
        }
        if dst.len() >= MAXCDNAME {
            return None;
        }
        dst.push(c);
    }
    let len = close(&mut dst, label)?;
    if len != 0 {
        if dst.len() >= MAXCDNAME {
            return None;
        }
        dst.push(0);
    }
    (dst.len() <= MAXCDNAME).then_some(dst)
}

/// res_hnok(): printable ASCII, a valid domain name, labels of letters,
/// digits, `-` and `_`, the first not starting with `-`.
pub fn res_hnok(name: &[u8]) -> bool {
    if name.iter().any(|&c| c <= b' ' || c > b'~') {
        return false;
    }
    let Some(wire) = ns_name_pton(name) else { return false };
    if wire.len() > 1 && wire[0] > 0 && wire[1] == b'-' {
        return false;
    }
    let mut i = 0;
    while let Some(&len) = wire.get(i) {
        if len == 0 {
            break;
        }
        let Some(label) = wire.get(i + 1..i + 1 + usize::from(len)) else { return false };
        if !label.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_') {
            return false;
        }
        i += 1 + usize::from(len);
    }
    true
}

/// nss_dns for a forward lookup: the checks glibc makes before it sends a
/// query (NOTFOUND), then no name server to reach (UNAVAIL, TRY_AGAIN: the
/// connect() of nss_dns fails without a network).
fn dns_by_name(name: &[u8]) -> Status {
    if !res_hnok(name) {
        set_h_errno(HOST_NOT_FOUND);
        Status::NotFound
    } else if name.is_empty() {
        set_h_errno(NO_RECOVERY);
        Status::NotFound
    } else {
        set_h_errno(TRY_AGAIN);
        Status::Unavail
    }
}

/// The `hosts` services in order for (name, af), as getXXbyYY_r runs
/// them: the first address found; a service whose action for its answer is
/// `return` ends the search; none usable at all: NO_RECOVERY.
fn nss_host_by_name(name: &[u8], af: i32) -> Option<Vec<u8>> {
    let mut any = false;
    for e in services() {
        let st = match e.service {
            Service::Files => match files_host_by_name(name, af) {
                Ok(a) => return Some(a),
                Err(st) => st,
            },
            Service::Dns => dns_by_name(name),
            Service::Other => continue,
        };
        any = true;
        if e.returns(st) {
            break;
        }
    }
    if !any {
        set_h_errno(NO_RECOVERY);
    }
    None
}

/// gethostbyname(name)->h_addr_list[0]: a numeric name (digits and dots
/// not ending in a dot: inet_aton exactly, else HOST_NOT_FOUND; an IPv6
/// form: HOST_NOT_FOUND), else the `hosts` services. h_errno tells why
/// there is no answer.
pub fn gethostbyname(name: &[u8]) -> Option<[u8; 4]> {
    let name = c_str(name);
    let first = name.first().copied().unwrap_or(0);
    if first.is_ascii_digit() && name.iter().all(|&c| c.is_ascii_digit() || c == b'.') && name.last() != Some(&b'.') {
        let a = inet_aton(name, true);
        set_h_errno(if a.is_some() { NETDB_SUCCESS } else { HOST_NOT_FOUND });
        return a;
    }
    if (first.is_ascii_hexdigit() && name.contains(&b':')) || first == b':' {
        set_h_errno(HOST_NOT_FOUND);
        return None;
    }
    let a = nss_host_by_name(name, AF_INET)?;
    a.get(..4).and_then(|a| a.try_into().ok())
}

/// gethostbyaddr(addr, len, af)->h_name for AF_INET (4 bytes) and
/// AF_INET6 (16): the files service; DNS answers nothing (UNAVAIL,
/// TRY_AGAIN).
pub fn gethostbyaddr(addr: &[u8], af: i32) -> Option<String> {
    if af == AF_INET6 && addr.len() == 16 && addr.iter().all(|&b| b == 0) {
        set_h_errno(HOST_NOT_FOUND);
        return None;
    }
    let mut any = false;
    for e in services() {
        let st = match e.service {
            Service::Files if af == AF_INET || af == AF_INET6 => match files_host_by_addr(addr, af) {
                Ok(n) => return Some(n),
                Err(st) => st,
            },
            Service::Files => {
                set_h_errno(HOST_NOT_FOUND);
                Status::NotFound
            }
            Service::Dns => {
                set_h_errno(TRY_AGAIN);
                Status::Unavail
            }
            Service::Other => continue,
        };
        any = true;
        if e.returns(st) {
            break;
        }
    }
    if !any {
        set_h_errno(NO_RECOVERY);
    }
    None
}

/// NETDB_INTERNAL: h_errno when errno has the reason.
const NETDB_INTERNAL: i32 = -1;
/// getaddrinfo()'s EAI_SYSTEM.
const EAI_SYSTEM: i32 = -11;

/// getaddrinfo(name, NULL, {AF_INET6}): the first address, or glibc's
/// error code. A dotted quad is EAI_ADDRFAMILY; an IPv6 address (with a
/// `%scope`: an interface of a link-local address, or a number) is itself;
/// else the `hosts` services for AF_INET6 as get_nss_addresses() runs them
/// (h_errno as they leave it).
pub fn getaddrinfo_inet6(name: &[u8]) -> Result<[u8; 16], i32> {
    let name = c_str(name);
    if inet_aton(name, true).is_some() {
        return Err(EAI_ADDRFAMILY);
    }
    let (head, scope) = match name.iter().position(|&c| c == b'%') {
        Some(i) => (&name[..i], Some(&name[i + 1..])),
        None => (name, None),
    };
    if let Some(a) = std::str::from_utf8(head).ok().and_then(super::inet6_pton) {
        if let Some(scope) = scope {
            let linklocal = a[0] == 0xfe && a[1] & 0xc0 == 0x80;
            let mc_local = a[0] == 0xff && matches!(a[1] & 0x0f, 1 | 2);
            let by_name = (linklocal || mc_local) && crate::sys::bridge::if_nametoindex(scope).is_ok_and(|i| i != 0);
            let by_number = scope.first().is_some_and(u8::is_ascii_digit)
                && scope.iter().all(u8::is_ascii_digit)
                && std::str::from_utf8(scope)
                    .ok()
                    .and_then(|s| s.parse::<u64>().ok())
                    .is_some_and(|n| n <= u64::from(u32::MAX));
            if !by_name && !by_number {
                return Err(EAI_NONAME);
            }
        }
        return Ok(a);
    }
    let mut no_data = 0;
    let mut status = Status::Unavail;
    for e in services() {
        no_data = 0;
        status = match e.service {
            Service::Files => match files_host_by_name(name, AF_INET6) {
                Ok(a) => return a.as_slice().try_into().map_err(|_| EAI_NONAME),
                Err(st) => st,
            },
            Service::Dns => dns_by_name(name),
            Service::Other => {
                // No module to load: UNAVAIL with NETDB_INTERNAL.
                set_h_errno(NETDB_INTERNAL);
                Status::Unavail
            }
        };
        if e.service != Service::Other {
            // gethosts()
            if h_errno() == NETDB_INTERNAL {
                return Err(EAI_SYSTEM);
            }
            no_data = if h_errno() == TRY_AGAIN { EAI_AGAIN } else { i32::from(h_errno() == NO_DATA) };
        }
        if e.returns(status) {
            break;
        }
    }
    if matches!(status, Status::TryAgain | Status::Unavail) && h_errno() == NETDB_INTERNAL {
        return Err(EAI_SYSTEM);
    }
    Err(match no_data {
        0 => EAI_NONAME,
        EAI_AGAIN => EAI_AGAIN,
        _ => EAI_NODATA,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aton_forms() {
        assert_eq!(inet_aton(b"10", true), Some([0, 0, 0, 10]));
        assert_eq!(inet_aton(b"1.2.3", true), Some([1, 2, 0, 3]));
        assert_eq!(inet_aton(b"0x0a.010.1", true), Some([10, 8, 0, 1]));
        assert_eq!(inet_aton(b"1.2.3.4 x", false), Some([1, 2, 3, 4]));
        assert_eq!(inet_aton(b"1.2.3.4 x", true), None);
        assert_eq!(inet_aton(b"1.2.3.256", true), None);
        assert_eq!(inet_aton(b"1.2.65536", true), None);
        assert_eq!(inet_aton(b"4294967296", true), None);
        assert_eq!(inet_aton(b"", true), None);
    }

    #[test]
    fn network_numbers() {
        assert_eq!(inet_network(b"127.0.0.0"), 0x7f00_0000);
        assert_eq!(inet_network(b"0x7f"), 0x7f);
        assert_eq!(inet_network(b"x10"), 0x10);
        assert_eq!(inet_network(b"08"), 0xffff_ffff);
        assert_eq!(inet_network(b"256"), 0xffff_ffff);
        assert_eq!(inet_network(b"1.2.3.4.5"), 0xffff_ffff);
        let (_, net, _) = net_line(&[b"ll", b"169.254"]);
        assert_eq!(net, 0xa9fe_0000);
    }

    #[test]
    fn host_names() {
        assert!(res_hnok(b"a-b.c_d"));
        assert!(res_hnok(b"x."));
        assert!(!res_hnok(b"-a"));
        assert!(!res_hnok(b"a b"));
        assert!(!res_hnok(b"a,b"));
        assert!(!res_hnok(b"a..b"));
        assert!(!res_hnok(b"zz::"));
        assert!(!res_hnok(&[b'a'; 64]));
        assert!(res_hnok(&[b'a'; 63]));
        assert!(res_hnok(b""));
        let e = parse_services(b"# x\nhosts:  files [NOTFOUND=return] mdns4 dns[!UNAVAIL = return]\n");
        assert_eq!(e.iter().map(|e| e.service).collect::<Vec<_>>(), vec![Service::Files, Service::Other, Service::Dns]);
        assert!(e[0].returns(Status::NotFound) && !e[0].returns(Status::Unavail));
        assert!(e[2].returns(Status::NotFound) && !e[2].returns(Status::Unavail) && e[2].returns(Status::TryAgain));
        assert_eq!(parse_services(b""), vec![Entry::new(Service::Files), Entry::new(Service::Dns)]);
    }

    #[test]
    fn hosts_lines() {
        let t = b"  # c\n127.0.0.1\tlocalhost lh # x\n::1 ip6-localhost\n::ffff:1.2.3.4 mapped\nfe80::1 ll\nbad x\n1.2.3.5\n";
        let e: Vec<Vec<&[u8]>> = entries(t).collect();
        assert_eq!(e.len(), 6);
        let v4: Vec<_> = e.iter().filter_map(|f| host_line(f, AF_INET)).map(|(a, n, _)| (a, n.to_vec())).collect();
        assert_eq!(
            v4,
            vec![
                (vec![127, 0, 0, 1], b"localhost".to_vec()),
                (vec![127, 0, 0, 1], b"ip6-localhost".to_vec()),
                (vec![1, 2, 3, 4], b"mapped".to_vec()),
                (vec![1, 2, 3, 5], b"".to_vec()),
            ]
        );
        assert_eq!(e.iter().filter_map(|f| host_line(f, AF_INET6)).count(), 3);
    }

    /// Against the linked glibc, for the answers that need no name server:
    /// /etc/hosts and /etc/networks as this machine has them, numeric
    /// names, names glibc refuses before any query.
    #[cfg(target_env = "gnu")]
    #[test]
    fn as_glibc() {
        mod c {
            extern "C" {
                pub fn gethostbyname(name: *const libc::c_char) -> *mut libc::hostent;
                pub fn gethostbyaddr(
                    addr: *const libc::c_void,
                    len: libc::socklen_t,
                    ty: libc::c_int,
                ) -> *mut libc::hostent;
                pub fn __h_errno_location() -> *mut libc::c_int;
                pub fn inet_aton(cp: *const libc::c_char, inp: *mut u32) -> libc::c_int;
                pub fn inet_network(cp: *const libc::c_char) -> u32;
            }
        }
        use std::ffi::{CStr, CString};
        let hosts = std::fs::read("/etc/hosts").unwrap_or_default();
        let networks = std::fs::read("/etc/networks").unwrap_or_default();
        let mut names: Vec<Vec<u8>> =
            entries(&hosts).chain(entries(&networks)).flat_map(|f| f.into_iter().map(<[u8]>::to_vec)).collect();
        for n in [
            "1.2.3.4",
            "10",
            "1.2.3.4.5",
            "256.1.1.1",
            "::1",
            "abc:def",
            ":x",
            "a b",
            "a,b",
            "-x",
            "LOCALHOST",
            "1.2.3.4 x",
        ] {
            names.push(n.as_bytes().to_vec());
        }
        for n in &names {
            let c = CString::new(n.clone()).unwrap();
            // SAFETY: NUL-terminated names; the answers are read at once.
            unsafe {
                let mut a = 0u32;
                let want = (c::inet_aton(c.as_ptr(), &mut a) != 0).then(|| a.to_ne_bytes());
                assert_eq!(inet_aton(n, false), want, "inet_aton {:?}", c);
                assert_eq!(inet_network(n), c::inet_network(c.as_ptr()), "inet_network {:?}", c);
                let np = libc::getnetbyname(c.as_ptr());
                let want = (!np.is_null()).then(|| (*np).n_net);
                assert_eq!(getnetbyname(n), want, "getnetbyname {:?}", c);
                if let Some(net) = want {
                    let np = libc::getnetbyaddr(net, libc::AF_INET);
                    let want = (!np.is_null()).then(|| CStr::from_ptr((*np).n_name).to_string_lossy().into_owned());
                    assert_eq!(getnetbyaddr(net), want, "getnetbyaddr {:?}", c);
                }
                *c::__h_errno_location() = 0;
                let h = c::gethostbyname(c.as_ptr());
                let herr = *c::__h_errno_location();
                let ours = gethostbyname(n);
                let first = n.first().copied().unwrap_or(0);
                let numeric = (first.is_ascii_digit()
                    && n.iter().all(|&c| c.is_ascii_digit() || c == b'.')
                    && n.last() != Some(&b'.'))
                    || (first.is_ascii_hexdigit() && n.contains(&b':'))
                    || first == b':';
                if h.is_null() {
                    // A miss that went to a name server depends on the network.
                    if numeric || !res_hnok(n) {
                        assert_eq!(ours, None, "gethostbyname {:?}", c);
                        assert_eq!(h_errno(), herr, "h_errno {:?}", c);
                    }
                } else {
                    let p = *(*h).h_addr_list as *const [u8; 4];
                    if numeric || ours.is_some() {
                        assert_eq!(ours, Some(*p), "gethostbyname {:?}", c);
                    }
                    if let Some(name) = gethostbyaddr(&*p, AF_INET) {
                        let h = c::gethostbyaddr(p as *const libc::c_void, 4, libc::AF_INET);
                        assert!(!h.is_null(), "gethostbyaddr {:?}", c);
                        assert_eq!(CStr::from_ptr((*h).h_name).to_string_lossy(), name, "gethostbyaddr {:?}", c);
                    }
                }
            }
        }
    }
}
