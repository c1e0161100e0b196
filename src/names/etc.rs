//! /etc/protocols and /etc/services read as glibc's "files" NSS module
//! reads them (getprotobyname, getprotobynumber, getservbyname), as rip's
//! own code: musl answers protocols from a built-in table instead, and rip's
//! output must not depend on the C library it is linked with.
//!
//! A line is `name number[/proto] aliases... # comment`; the first entry
//! that fits wins; a missing file knows nothing.

use std::cell::OnceCell;

thread_local! {
    static PROTOCOLS: OnceCell<Vec<u8>> = const { OnceCell::new() };
    static SERVICES: OnceCell<Vec<u8>> = const { OnceCell::new() };
}

/// The fields of each line, comments cut off, blank lines skipped.
fn entries(text: &[u8]) -> impl Iterator<Item = Vec<&[u8]>> {
    text.split(|&c| c == b'\n').filter_map(|line| {
        let line = &line[..line.iter().position(|&c| c == b'#').unwrap_or(line.len())];
        let f: Vec<&[u8]> =
            line.split(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c')).filter(|w| !w.is_empty()).collect();
        (f.len() >= 2).then_some(f)
    })
}

/// A decimal field as the files module reads it (strtoul): digits only.
fn number(f: &[u8]) -> Option<u64> {
    if f.is_empty() || !f.iter().all(u8::is_ascii_digit) || f.len() > 19 {
        return None;
    }
    std::str::from_utf8(f).ok()?.parse().ok()
}

fn with_file<R>(cell: &'static std::thread::LocalKey<OnceCell<Vec<u8>>>, path: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    cell.with(|c| f(c.get_or_init(|| std::fs::read(path).unwrap_or_default())))
}

/// getprotobyname(name)->p_proto.
pub fn proto_by_name(name: &[u8]) -> Option<i32> {
    with_file(&PROTOCOLS, "/etc/protocols", |t| {
        entries(t).find_map(|f| {
            let n = number(f[1])?;
            (f[0] == name || f[2..].contains(&name)).then_some(n as i32)
        })
    })
}

/// getprotobynumber(proto)->p_name.
pub fn proto_by_number(proto: i32) -> Option<String> {
    with_file(&PROTOCOLS, "/etc/protocols", |t| {
        entries(t).find_map(|f| (number(f[1])? as i32 == proto).then(|| String::from_utf8_lossy(f[0]).into_owned()))
    })
}

/// getservbyname(name, proto)->s_port, in host order.
pub fn service_port(name: &[u8], proto: &[u8]) -> Option<u16> {
    with_file(&SERVICES, "/etc/services", |t| {
        entries(t).find_map(|f| {
            let (port, pr) = f[1].iter().position(|&c| c == b'/').map(|i| (&f[1][..i], &f[1][i + 1..]))?;
            let port = number(port)?;
            (pr == proto && (f[0] == name || f[2..].contains(&name))).then_some(port as u16)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let t = b"# c\nip\t0\tIP\t\t# internet\n\nbad x\ntcp 6 TCP\nfoo 6 FOO\n";
        let all: Vec<Vec<&[u8]>> = entries(t).collect();
        assert_eq!(all.len(), 4);
        assert_eq!(all[0], vec![&b"ip"[..], b"0", b"IP"]);
        assert_eq!(number(b"6"), Some(6));
        assert_eq!(number(b"x"), None);
    }

    /// Against the C library's own lookups, where that is glibc.
    #[cfg(target_env = "gnu")]
    #[test]
    fn as_glibc() {
        for name in ["tcp", "TCP", "udp", "ipv6-icmp", "IPv6-ICMP", "ip", "nosuch", "icmp", "l2tp", "mptcp"] {
            let c = std::ffi::CString::new(name).unwrap();
            let pe = unsafe { libc::getprotobyname(c.as_ptr()) };
            let want = (!pe.is_null()).then(|| unsafe { (*pe).p_proto });
            assert_eq!(proto_by_name(name.as_bytes()), want, "{}", name);
        }
        for n in [0, 1, 6, 17, 41, 58, 132, 200, 255, 256, -1] {
            let pe = unsafe { libc::getprotobynumber(n) };
            let want = (!pe.is_null())
                .then(|| unsafe { std::ffi::CStr::from_ptr((*pe).p_name) }.to_string_lossy().into_owned());
            assert_eq!(proto_by_number(n), want, "{}", n);
        }
        for name in ["vxlan", "domain", "http", "www", "sink", "bootps", "nosuch", "4789", "ntp", "syslog", "tftp"] {
            let c = std::ffi::CString::new(name).unwrap();
            let se = unsafe { libc::getservbyname(c.as_ptr(), c"udp".as_ptr()) };
            let want = (!se.is_null()).then(|| u16::from_be(unsafe { (*se).s_port } as u16));
            assert_eq!(service_port(name.as_bytes(), b"udp"), want, "{}", name);
        }
    }
}
