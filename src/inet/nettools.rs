//! net-tools 2.10's address codec (lib/inet.c, lib/inet6.c, lib/af.c),
//! shared by `ifconfig` and `route`: names resolve in net-tools' order
//! (inet_aton, gethostbyname, getnetbyname, getaddrinfo, getnameinfo)
//! through rip's own copies of glibc's lookups (super::netdb), so
//! /etc/hosts, /etc/networks and the herror() messages are the
//! reference's whatever C library rip is linked with.

use std::cell::RefCell;

use super::netdb;

/// glibc inet_aton(): the classic forms (`10`, `10.1`, `0x0a.1.2.3`, ...).
/// The address in network byte order.
pub fn aton(s: &[u8]) -> Option<[u8; 4]> {
    netdb::inet_aton(s, false)
}

/// INET_resolve(): Ok((address, is_net)), Err(()) after a failed lookup
/// (print it with [`herror_of`]).
pub fn resolve(name: &[u8], hostfirst: bool) -> Result<([u8; 4], bool), ()> {
    let end = name.iter().position(|&c| c == 0).unwrap_or(name.len());
    let name = &name[..end];
    if name == b"default" {
        return Ok(([0; 4], true));
    }
    if let Some(a) = aton(name) {
        return Ok((a, false));
    }
    if hostfirst {
        if let Some(a) = netdb::gethostbyname(name) {
            return Ok((a, false));
        }
    }
    if let Some(net) = netdb::getnetbyname(name) {
        return Ok((net.to_be_bytes(), true));
    }
    if hostfirst {
        return Err(());
    }
    netdb::gethostbyname(name).map(|a| (a, false)).ok_or(())
}

/// herror(text): "text: <h_errno's words>" on stderr (glibc's words).
pub fn herror_of(text: &[u8]) {
    let text = &text[..text.iter().position(|&c| c == 0).unwrap_or(text.len())];
    let mut m = Vec::with_capacity(text.len() + 40);
    if !text.is_empty() {
        m.extend_from_slice(text);
        m.extend_from_slice(b": ");
    }
    m.extend_from_slice(crate::error::hstrerror(netdb::h_errno()).as_bytes());
    m.push(b'\n');
    crate::error::eprint_bytes(&m);
}

/// inet_ntoa().
pub fn ntoa(a: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", a[0], a[1], a[2], a[3])
}

thread_local! {
    /// INET_rresolve()'s cache: (address, host?) -> name, newest first.
    static NAMES: RefCell<Vec<([u8; 4], bool, String)>> = const { RefCell::new(Vec::new()) };
}

/// INET_rresolve(): `numeric` & 0x8000 "default" instead of "*", & 0x4000
/// a host, & 0x0fff no lookups. `netmask` is the mask as the C code holds
/// it (network order bytes read as a native int).
pub fn rresolve(a: [u8; 4], numeric: i32, netmask: u32) -> String {
    if numeric & 0x0FFF != 0 {
        return ntoa(a);
    }
    let ad = u32::from_ne_bytes(a);
    if ad == 0 {
        if netmask == 0 {
            return if numeric & 0x8000 != 0 { "default".into() } else { "*".into() };
        }
        return "0.0.0.0".into();
    }
    let host = (ad & !netmask) != 0 || (numeric & 0x4000) != 0;
    if let Some(n) = NAMES.with(|c| c.borrow().iter().find(|e| e.0 == a && e.1 == host).map(|e| e.2.clone())) {
        return n;
    }
    let name = if host { netdb::gethostbyaddr(&a, libc::AF_INET) } else { netdb::getnetbyaddr(u32::from_be_bytes(a)) };
    let name = name.map(|n| trunc127(n.as_bytes()));
    let name = name.unwrap_or_else(|| ntoa(a));
    NAMES.with(|c| c.borrow_mut().insert(0, (a, host, name.clone())));
    name
}

/// safe_strncpy() into a 128-byte buffer.
fn trunc127(b: &[u8]) -> String {
    String::from_utf8_lossy(&b[..b.len().min(127)]).into_owned()
}

/// INET_getnetmask(): a `/prefix` suffix cut off `adr`. 0: none, -1: a
/// bad number, 1: the mask (network order) in the result.
pub fn getnetmask(adr: &mut Vec<u8>) -> (i32, [u8; 4]) {
    let Some(slash) = adr.iter().position(|&c| c == b'/') else { return (0, [0; 4]) };
    let tail = adr[slash + 1..].to_vec();
    adr.truncate(slash);
    let (v, used) = strtoul0(&tail);
    if used != tail.len() {
        return (-1, [0; 4]);
    }
    // `prefix` is an int; the C shift count wraps at 32 as x86's does.
    let prefix = v as u32 as i32;
    let m = !(0xffff_ffffu32 >> (prefix as u32 & 31));
    (1, m.to_be_bytes())
}

/// strtoul(s, &end, 0): the value (wrapping as unsigned long) and the
/// bytes consumed (0 when there is no number).
pub fn strtoul0(s: &[u8]) -> (u64, usize) {
    let mut i = 0;
    while i < s.len() && (s[i] == b' ' || (9..=13).contains(&s[i])) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut base = 10u64;
    if i + 1 < s.len()
        && s[i] == b'0'
        && (s[i + 1] | 0x20) == b'x'
        && s.get(i + 2).is_some_and(|c| c.is_ascii_hexdigit())
    {
        base = 16;
        i += 2;
    } else if i < s.len() && s[i] == b'0' {
        base = 8;
    }
    let start = i;
    let mut v: u64 = 0;
    let mut over = false;
    while i < s.len() {
        let d = match s[i] {
            c @ b'0'..=b'9' => (c - b'0') as u64,
            c @ b'a'..=b'z' => (c - b'a' + 10) as u64,
            c @ b'A'..=b'Z' => (c - b'A' + 10) as u64,
            _ => break,
        };
        if d >= base {
            break;
        }
        match v.checked_mul(base).and_then(|x| x.checked_add(d)) {
            Some(x) => v = x,
            None => over = true,
        }
        i += 1;
    }
    if i == start {
        return (0, 0);
    }
    if over {
        v = u64::MAX;
    } else if neg {
        v = v.wrapping_neg();
    }
    (v, i)
}

/// atoi()/atol(): leading blanks, a sign, digits; 0 when none.
pub fn atol(s: &[u8]) -> i64 {
    let mut i = 0;
    while i < s.len() && (s[i] == b' ' || (9..=13).contains(&s[i])) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut v: i64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        v = v.wrapping_mul(10).wrapping_add((s[i] - b'0') as i64);
        i += 1;
    }
    if neg {
        v.wrapping_neg()
    } else {
        v
    }
}

/// INET6_getsock() (input type 1): inet_pton.
pub fn in6_getsock(s: &[u8]) -> Option<[u8; 16]> {
    let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
    let st = std::str::from_utf8(&s[..end]).ok()?;
    super::inet6_pton(st)
}

/// INET6_resolve() (input type 0): getaddrinfo(name, AF_INET6); on failure
/// "getaddrinfo: NAME: CODE" on stderr (glibc's codes).
pub fn in6_resolve(name: &[u8]) -> Option<[u8; 16]> {
    let name = &name[..name.iter().position(|&c| c == 0).unwrap_or(name.len())];
    match netdb::getaddrinfo_inet6(name) {
        Ok(a) => Some(a),
        Err(code) => {
            crate::eprintf!("getaddrinfo: {}: {}\n", crate::args::bytes::escape(name), code);
            None
        }
    }
}

/// fix_v4_address(): a v4-mapped address prints as its dotted quad.
fn fix_v4(s: String, a: &[u8; 16]) -> String {
    let mapped = a[..10].iter().all(|&b| b == 0) && a[10] == 0xff && a[11] == 0xff;
    if !mapped {
        return s;
    }
    let b = s.as_bytes();
    if let Some(dot) = b.iter().position(|&c| c == b'.') {
        let mut i = dot;
        while i > 0 && b[i] != b':' {
            i -= 1;
        }
        if b[i] == b':' {
            return s[i + 1..].to_string();
        }
    }
    s
}

/// INET6_sprint(): numeric (& 0x7fff) with inet_ntop, else "[::]" for the
/// unspecified address or getnameinfo()'s answer.
pub fn in6_sprint(a: &[u8; 16], numeric: i32) -> String {
    let ntop = || super::inet_ntop_str(super::AF_INET6, a).unwrap_or_default();
    let s = if numeric & 0x7FFF != 0 {
        ntop()
    } else if a.iter().all(|&b| b == 0) {
        if numeric & 0x8000 != 0 {
            "default".into()
        } else {
            "[::]".into()
        }
    } else {
        // getnameinfo(flags 0): the hosts services' name, else (no name
        // server answers) the numeric form.
        netdb::gethostbyaddr(a, libc::AF_INET6).unwrap_or_else(ntop)
    };
    fix_v4(s, a)
}

/// One address family of net-tools' table (lib/af.c, Debian's build).
pub struct AfType {
    pub name: &'static str,
    pub title: &'static str,
    /// It has a route printer (rprint).
    pub routes: bool,
}

/// aftypes[] in order (unspec excluded).
pub const AFTYPES: &[AfType] = &[
    AfType { name: "unix", title: "UNIX Domain", routes: false },
    AfType { name: "inet", title: "DARPA Internet", routes: true },
    AfType { name: "inet6", title: "IPv6", routes: true },
    AfType { name: "ax25", title: "AMPR AX.25", routes: true },
    AfType { name: "netrom", title: "AMPR NET/ROM", routes: true },
    AfType { name: "rose", title: "AMPR ROSE", routes: true },
    AfType { name: "ipx", title: "Novell IPX", routes: true },
    AfType { name: "ddp", title: "Appletalk DDP", routes: true },
    AfType { name: "ec", title: "Econet", routes: false },
    AfType { name: "ash", title: "Ash", routes: false },
    AfType { name: "x25", title: "CCITT X.25", routes: true },
];

/// print_aflist(type): three families a line (1: only routable ones).
pub fn aflist(routable: bool) -> String {
    let mut s = String::new();
    let mut count = 0;
    for af in AFTYPES {
        if routable && !af.routes {
            continue;
        }
        s.push_str(if count % 3 == 0 {
            if count > 0 {
                "\n    "
            } else {
                "    "
            }
        } else {
            ""
        });
        s.push_str(&format!("{} ({}) ", af.name, af.title));
        count += 1;
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netmask_suffix() {
        let mut a = b"10.0.0.1/8".to_vec();
        assert_eq!(getnetmask(&mut a), (1, [255, 0, 0, 0]));
        assert_eq!(a, b"10.0.0.1");
        let mut a = b"10.0.0.1/33".to_vec();
        assert_eq!(getnetmask(&mut a), (1, [128, 0, 0, 0]));
        let mut a = b"10.0.0.1/x".to_vec();
        assert_eq!(getnetmask(&mut a).0, -1);
        let mut a = b"10.0.0.1".to_vec();
        assert_eq!(getnetmask(&mut a).0, 0);
    }

    #[test]
    fn numbers_and_families() {
        assert_eq!(strtoul0(b"0x10"), (16, 4));
        assert_eq!(strtoul0(b"010"), (8, 3));
        assert_eq!(strtoul0(b"x"), (0, 0));
        assert_eq!(atol(b" -12x"), -12);
        assert_eq!(aton(b"10"), Some([0, 0, 0, 10]));
        assert!(aflist(true).starts_with("    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n"));
        let mut a = [0u8; 16];
        a[10] = 0xff;
        a[11] = 0xff;
        a[12] = 1;
        assert_eq!(in6_sprint(&a, 1), "1.0.0.0");
    }
}
