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

/// ll_addr_n2a() with the link type: tunnels (ipip, sit, gre: 4 bytes;
/// ip6tnl, ip6gre: 16) show an IP address, everything else hex bytes; an
/// empty address is "00".
pub fn ll_addr_n2a(a: &[u8], ltype: u16) -> String {
    const ARPHRD_TUNNEL: u16 = 768;
    const ARPHRD_TUNNEL6: u16 = 769;
    const ARPHRD_SIT: u16 = 776;
    const ARPHRD_IPGRE: u16 = 778;
    const ARPHRD_IP6GRE: u16 = 823;
    use crate::netlink::consts::{AF_INET, AF_INET6};
    match (a.len(), ltype) {
        (4, ARPHRD_TUNNEL | ARPHRD_SIT | ARPHRD_IPGRE) => super::rt_addr_n2a(AF_INET, a),
        (16, ARPHRD_TUNNEL6 | ARPHRD_IP6GRE) => super::rt_addr_n2a(AF_INET6, a),
        (0, _) => "00".to_string(),
        _ => ll_addr(a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_addresses() {
        assert_eq!(ll_addr_n2a(&[10, 0, 0, 1], 768), "10.0.0.1");
        assert_eq!(ll_addr_n2a(&[0xaa, 1], 1), "aa:01");
        assert_eq!(ll_addr_n2a(&[], 1), "00");
    }
}
