//! net-tools' hardware types (lib/hw.c and its per-type files), as
//! Debian's build has them: name, ARPHRD number, title, address length
//! and how the address prints.

/// How a type prints its address.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Print {
    /// No printer: only the name.
    None,
    /// pr_ether(): six lower-case hex bytes joined by ':'.
    Ether,
    /// pr_unspec(): the 16 bytes of a struct sockaddr, upper-case, '-'.
    Unspec,
    /// pr_tunnel(): an empty string.
    Empty,
}

pub struct HwType {
    pub name: &'static str,
    pub ty: i32,
    pub title: &'static str,
    pub alen: usize,
    pub print: Print,
    /// Has an input routine (`ifconfig IF hw TYPE ADDR` works).
    pub input: bool,
}

const fn hw(name: &'static str, ty: i32, title: &'static str, alen: usize, print: Print, input: bool) -> HwType {
    HwType { name, ty, title, alen, print, input }
}

/// hwtypes[] in order; the last is unspec (type -1).
/// Printers of the rarer types (ax25, netrom, rose, arcnet, dlci, fddi,
/// hippi, irda, x25, eui64, ash) are not reproduced: such devices print
/// their name only.
pub const HWTYPES: &[HwType] = &[
    hw("loop", 772, "Local Loopback", 0, Print::None, false),
    hw("slip", 256, "Serial Line IP", 0, Print::None, false),
    hw("cslip", 257, "VJ Serial Line IP", 0, Print::None, false),
    hw("slip6", 258, "6-bit Serial Line IP", 0, Print::None, false),
    hw("cslip6", 259, "VJ 6-bit Serial Line IP", 0, Print::None, false),
    hw("adaptive", 264, "Adaptive Serial Line IP", 0, Print::None, false),
    hw("ash", 781, "Ash", 64, Print::None, false),
    hw("ether", 1, "Ethernet", 6, Print::Ether, true),
    hw("ax25", 3, "AMPR AX.25", 7, Print::None, false),
    hw("netrom", 0, "AMPR NET/ROM", 7, Print::None, false),
    hw("rose", 270, "AMPR ROSE", 10, Print::None, false),
    hw("tunnel", 768, "IPIP Tunnel", 0, Print::Empty, false),
    hw("ppp", 512, "Point-to-Point Protocol", 0, Print::None, false),
    hw("hdlc", 513, "(Cisco)-HDLC", 0, Print::None, false),
    hw("lapb", 516, "LAPB", 0, Print::None, false),
    hw("arcnet", 7, "ARCnet", 1, Print::None, false),
    hw("dlci", 15, "Frame Relay DLCI", 3, Print::None, false),
    hw("frad", 770, "Frame Relay Access Device", 0, Print::None, false),
    hw("sit", 776, "IPv6-in-IPv4", 0, Print::None, false),
    hw("fddi", 774, "Fiber Distributed Data Interface", 6, Print::None, false),
    hw("hippi", 780, "HIPPI", 6, Print::None, false),
    hw("irda", 783, "IrLAP", 2, Print::None, false),
    hw("ec", 782, "Econet", 0, Print::None, false),
    hw("x25", 271, "generic X.25", 0, Print::None, false),
    hw("eui64", 27, "Generic EUI-64", 8, Print::None, false),
    hw("unspec", -1, "UNSPEC", 0, Print::Unspec, false),
];

/// get_hwntype(type), falling back to unspec as ife_print_long() does.
pub fn by_type(ty: i32) -> &'static HwType {
    HWTYPES.iter().find(|h| h.ty == ty).unwrap_or(&HWTYPES[HWTYPES.len() - 1])
}

/// get_hwtype(name).
pub fn by_name(name: &[u8]) -> Option<&'static HwType> {
    HWTYPES.iter().find(|h| h.name.as_bytes() == name)
}

/// The address text of `hw->print(hwaddr)`.
pub fn print_addr(h: &HwType, a: &[u8; 32]) -> Option<String> {
    match h.print {
        Print::None => None,
        Print::Ether => Some(format!("{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", a[0], a[1], a[2], a[3], a[4], a[5])),
        Print::Unspec => Some(a[..16].iter().map(|b| format!("{:02X}", b)).collect::<Vec<_>>().join("-")),
        Print::Empty => Some(String::new()),
    }
}

/// print_hwlist(0): every type but unspec, three a line.
pub fn list() -> String {
    let mut s = String::new();
    let mut count = 0;
    for h in HWTYPES.iter().filter(|h| h.ty != -1) {
        if count % 3 == 0 {
            s.push_str(if count > 0 { "\n    " } else { "    " });
        }
        s.push_str(&format!("{} ({}) ", h.name, h.title));
        count += 1;
    }
    s.push('\n');
    s
}

/// in_ether(): up to six hex bytes, one or two digits each, ':' optional
/// between them; trailing text is ignored.
pub fn in_ether(s: &[u8]) -> Option<[u8; 6]> {
    fn hex(c: u8) -> Option<u8> {
        (c as char).to_digit(16).map(|d| d as u8)
    }
    let mut out = [0u8; 6];
    let mut i = 0;
    let mut p = 0;
    while p < s.len() && s[p] != 0 && i < 6 {
        let mut val = hex(s[p])? << 4;
        p += 1;
        let c = s.get(p).copied().unwrap_or(0);
        if let Some(d) = hex(c) {
            val |= d;
        } else if c == b':' || c == 0 {
            val >>= 4;
        } else {
            return None;
        }
        if c != 0 {
            p += 1;
        }
        out[i] = val;
        i += 1;
        if s.get(p) == Some(&b':') {
            p += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ether_input_and_list() {
        assert_eq!(in_ether(b"02:00:00:00:00:01"), Some([2, 0, 0, 0, 0, 1]));
        assert_eq!(in_ether(b"2:0:0:0:0:a"), Some([2, 0, 0, 0, 0, 10]));
        assert_eq!(in_ether(b"zz"), None);
        assert!(list().starts_with("    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) \n"));
        assert_eq!(by_type(-2).name, "unspec");
    }
}
