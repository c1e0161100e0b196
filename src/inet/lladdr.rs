//! Link-layer addresses in ip's text form.

/// ll_addr_n2a(): a link-layer address as ip prints it ("%02x" joined by ':').
pub fn ll_addr(a: &[u8]) -> String {
    let mut s = String::with_capacity(a.len() * 3);
    for (i, b) in a.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        let _ = std::fmt::Write::write_fmt(&mut s, format_args!("{:02x}", b));
    }
    s
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
}
