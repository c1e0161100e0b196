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
