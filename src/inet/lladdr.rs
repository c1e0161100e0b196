//! Link-layer addresses in ip's text form.

use super::fmt::ABuf;

/// ll_addr_n2a(): a link-layer address as ip prints it ("%02x" joined by ':').
#[inline(always)]
pub fn ll_addr(a: &[u8]) -> LlText {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Up to 42 bytes fit the stack buffer (a link address has at most 32).
    if a.len() * 3 <= 128 {
        let mut b = ABuf::new();
        b.push_hex_colon(a);
        return LlText::Stack(b);
    }
    let mut s = String::with_capacity(a.len() * 3);
    for (i, b) in a.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    LlText::Heap(s)
}

/// A link-layer address as text: on the stack when it fits (every real
/// one), so a listing formats its addresses without allocating.
pub enum LlText {
    Stack(ABuf),
    Heap(String),
}

impl std::ops::Deref for LlText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            LlText::Stack(b) => b.as_str(),
            LlText::Heap(s) => s,
        }
    }
}

impl std::fmt::Debug for LlText {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq<&str> for LlText {
    fn eq(&self, o: &&str) -> bool {
        &**self == *o
    }
}

impl std::fmt::Display for LlText {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.pad(self)
    }
}

/// sscanf("%hhx:%hhx:%hhx:%hhx:%hhx:%hhx"): six hex numbers (each cut to a
/// byte) separated by colons; anything after the sixth is ignored.
/// (bridge fdb's reading of a MAC address.)
pub fn scan_mac(s: &str) -> Option<[u8; 6]> {
    let mut out = [0u8; 6];
    let mut cp = s;
    for (i, slot) in out.iter_mut().enumerate() {
        if i > 0 {
            cp = cp.strip_prefix(':')?;
        }
        let (v, used, _) = crate::args::num::c_strtoull(cp, 16);
        if used == 0 {
            return None;
        }
        *slot = v as u8;
        cp = &cp[used..];
    }
    Some(out)
}

/// The word as iproute2 shows it after a failed ll_addr_a2n(): the C
/// function cuts it in place at each ':' it passes, so a message that
/// names the argument afterwards shows only its first part (a word with a
/// '.' is read as an IPv4 address and left whole).
pub fn a2n_mangled(arg: &str) -> &str {
    if arg.contains('.') {
        return arg;
    }
    arg.split(':').next().unwrap_or(arg)
}

/// ll_addr_a2n() of lib/utils.c: a link-layer address of at most `max`
/// bytes (or a dotted IPv4 address), as a Vec. A part is sscanf("%x") into an
/// int (wrapping), and more parts than `max` give max + 1 bytes (never a
/// valid length). On a bad
/// part prints `"PART" is invalid lladdr.` (as iproute2, which cuts the
/// word at each ':'); a wrong length returns what was read, unprinted.
/// Err(()) is iproute2's -1 (its message, if any, is already printed).
#[allow(clippy::result_unit_err)]
pub fn ll_addr_a2n(arg: &str, max: usize) -> Result<Vec<u8>, ()> {
    if arg.contains('.') {
        // get_addr_1(AF_INET): "default"/"any"/"all" have no dot; a ':' means IPv6.
        let v4 = if arg.contains(':') { None } else { super::get_addr_ipv4(arg) };
        match v4 {
            Some(a) if max >= 4 => return Ok(a.to_vec()),
            Some(_) => return Err(()),
            None => {
                crate::eprintf!("\"{}\" is invalid lladdr.\n", arg);
                return Err(());
            }
        }
    }
    let mut out = Vec::new();
    let mut rest = arg;
    let mut i = 0;
    while i < max {
        let (part, next) = match rest.find(':') {
            Some(k) => (&rest[..k], Some(&rest[k + 1..])),
            None => (rest, None),
        };
        match scan_hex_u32(part) {
            Some(v) if (0..=255).contains(&v) => out.push(v as u8),
            _ => {
                crate::eprintf!("\"{}\" is invalid lladdr.\n", part);
                return Err(());
            }
        }
        match next {
            Some(n) => rest = n,
            None => return Ok(out),
        }
        i += 1;
    }
    // More parts than room: iproute2 returns max + 1 (never a valid length).
    out.push(0);
    Ok(out)
}

/// sscanf("%x") into an int: optional sign and "0x", hex digits; the
/// value wraps as C's conversion does. None when no digit is read.
fn scan_hex_u32(s: &str) -> Option<i32> {
    let (v, n, over) = crate::args::num::c_strtoull(s, 16);
    if n == 0 {
        return None;
    }
    if over {
        return Some(-1);
    }
    Some(v as u32 as i32)
}

/// ll_addr_n2a() with the link type: tunnels (ipip, sit, gre: 4 bytes;
/// ip6tnl, ip6gre: 16) show an IP address, everything else hex bytes; an
/// empty address is "00".
#[inline]
#[cfg_attr(rip_static, optimize(speed))]
pub fn ll_addr_n2a(a: &[u8], ltype: u16) -> LlText {
    const ARPHRD_TUNNEL: u16 = 768;
    const ARPHRD_TUNNEL6: u16 = 769;
    const ARPHRD_SIT: u16 = 776;
    const ARPHRD_IPGRE: u16 = 778;
    const ARPHRD_IP6GRE: u16 = 823;
    use crate::netlink::consts::{AF_INET, AF_INET6};
    match (a.len(), ltype) {
        (4, ARPHRD_TUNNEL | ARPHRD_SIT | ARPHRD_IPGRE) => LlText::Heap(super::rt_addr_n2a(AF_INET, a)),
        (16, ARPHRD_TUNNEL6 | ARPHRD_IP6GRE) => LlText::Heap(super::rt_addr_n2a(AF_INET6, a)),
        (0, _) => {
            let mut b = ABuf::new();
            b.push_str("00");
            LlText::Stack(b)
        }
        _ => ll_addr(a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_mac_as_sscanf() {
        assert_eq!(scan_mac("02:00:00:00:00:aa"), Some([2, 0, 0, 0, 0, 0xaa]));
        assert_eq!(scan_mac("2:0:0:0:0:1xyz"), Some([2, 0, 0, 0, 0, 1]));
        assert_eq!(scan_mac("0x2:0:0:0:0:100"), Some([2, 0, 0, 0, 0, 0]));
        assert_eq!(scan_mac("02:00:00:00:00"), None);
        assert_eq!(scan_mac("zz:00:00:00:00:00"), None);
    }

    #[test]
    fn ll_addr_text() {
        assert_eq!(&*ll_addr(&[0x02, 0, 0xab, 0xff, 0x10, 0x9c]), "02:00:ab:ff:10:9c");
        assert_eq!(&*ll_addr(&[7]), "07");
        assert_eq!(&*ll_addr(&[]), "");
        assert_eq!(&*ll_addr_n2a(&[], 1), "00");
        let long: Vec<u8> = (0..50).collect();
        let want: Vec<String> = long.iter().map(|b| format!("{:02x}", b)).collect();
        assert_eq!(&*ll_addr(&long), want.join(":"));
        let max: Vec<u8> = (200..242).collect();
        let want: Vec<String> = max.iter().map(|b| format!("{:02x}", b)).collect();
        assert_eq!(&*ll_addr(&max), want.join(":"));
    }

    #[test]
    fn lladdr() {
        assert_eq!(ll_addr_a2n("01:80:c2:00:00:0e", 32), Ok(vec![1, 0x80, 0xc2, 0, 0, 0xe]));
        assert_eq!(ll_addr_a2n("1:2", 6), Ok(vec![1, 2]));
        assert_eq!(ll_addr_a2n("0x1:+2:3:4:5:6", 6), Ok(vec![1, 2, 3, 4, 5, 6]));
        assert_eq!(ll_addr_a2n("1:zz", 6), Err(()));
        assert_eq!(ll_addr_a2n("1:100", 6), Err(()));
        assert_eq!(ll_addr_a2n("1:2:3:4:5:6:7", 6).map(|v| v.len()), Ok(7));
        assert_eq!(ll_addr_a2n("1.2.3.4", 6), Ok(vec![1, 2, 3, 4]));
        assert_eq!(ll_addr_a2n("bogus", 6), Ok(vec![0xb]));
    }

    #[test]
    fn link_addresses() {
        assert_eq!(ll_addr_n2a(&[10, 0, 0, 1], 768), "10.0.0.1");
        assert_eq!(ll_addr_n2a(&[0xaa, 1], 1), "aa:01");
        assert_eq!(ll_addr_n2a(&[], 1), "00");
    }
}
