//! Number formats of C's printf that ip's output depends on.

/// printf("%g", v): 6 significant digits, trailing zeros removed.
/// `v` in decimal into the end of `buf`, two digits at a time from a
/// table; the digits are the returned tail. The one decimal writer of the
/// printers (print::write_u64, inet::fmt::ABuf, names::tables::Name).
#[inline]
#[cfg_attr(rip_static, optimize(speed))]
pub fn dec(v: u64, buf: &mut [u8; 20]) -> &[u8] {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";
    let mut i = buf.len();
    let mut n = v;
    while n >= 100 {
        let d = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i] = PAIRS[d];
        buf[i + 1] = PAIRS[d + 1];
    }
    if n >= 10 {
        let d = n as usize * 2;
        i -= 2;
        buf[i] = PAIRS[d];
        buf[i + 1] = PAIRS[d + 1];
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

pub fn c_g(v: f64) -> String {
    if v.is_nan() {
        return if v.is_sign_negative() { "-nan".into() } else { "nan".into() };
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf".into() } else { "inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let p: i32 = 6;
    let e = format!("{:.*e}", (p - 1) as usize, v);
    let (mant, exp) = match e.split_once('e') {
        Some(x) => x,
        None => return e,
    };
    let x: i32 = exp.parse().unwrap_or(0);
    if x < p && x >= -4 {
        let prec = (p - 1 - x).max(0) as usize;
        let s = format!("{:.*}", prec, v);
        strip_zeros(&s)
    } else {
        let m = strip_zeros(mant);
        let sign = if x < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", m, sign, x.abs())
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0');
        t.trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// printf("%#llx", v): "0" for zero, else "0x..".
pub fn c_hash_x(v: u64) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("{:#x}", v)
    }
}

/// iproute2's print_num(): right-aligned in `width`, then a space; with
/// -h the value is scaled to k M G T P E (base 1000, or 1024 and an "i"
/// under -iec) with up to 2 decimals.
pub fn num(width: usize, count: u64, human: bool, iec: bool) -> String {
    let base: u64 = if iec { 1024 } else { 1000 };
    if !human || count < base {
        return format!("{:>w$} ", count, w = width);
    }
    const PREFIX: &[u8] = b"kMGTPE";
    let mut powi: u64 = 1;
    let mut idx = 0usize;
    loop {
        powi = powi.saturating_mul(base);
        if count / base < powi {
            break;
        }
        if idx + 1 >= PREFIX.len() {
            break;
        }
        idx += 1;
    }
    let mut precision = 2usize;
    let mut powj: u64 = 1;
    while precision > 0 {
        powj *= 10;
        if count / powi < powj {
            break;
        }
        precision -= 1;
    }
    let s =
        format!("{:.*}{}{}", precision, count as f64 / powi as f64, PREFIX[idx] as char, if iec { "i" } else { "" });
    format!("{:>w$} ", s, w = width)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn g_format() {
        assert_eq!(c_g(0.05), "0.05");
        assert_eq!(c_g(14.95), "14.95");
        assert_eq!(c_g(0.0), "0");
        assert_eq!(c_g(300.0), "300");
        assert_eq!(c_g(1234567.0), "1.23457e+06");
        assert_eq!(c_g(0.0001), "0.0001");
        assert_eq!(c_g(0.00001), "1e-05");
    }
    #[test]
    fn hash_x() {
        assert_eq!(c_hash_x(0), "0");
        assert_eq!(c_hash_x(42), "0x2a");
    }
}

/// A string as printf("%-16s") pads it: the width counts the bytes the
/// text stands for (crate::error::bytes), where Rust's `{:<16}` counts chars.
pub struct C<'a>(pub &'a str);

impl std::fmt::Display for C<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let pad = f.width().unwrap_or(0).saturating_sub(crate::error::bytes::len(self.0));
        let fill = |f: &mut std::fmt::Formatter| (0..pad).try_for_each(|_| f.write_str(" "));
        if matches!(f.align(), Some(std::fmt::Alignment::Right)) {
            fill(f)?;
            f.write_str(self.0)
        } else {
            f.write_str(self.0)?;
            fill(f)
        }
    }
}

#[cfg(test)]
mod pad_tests {
    use super::C;

    #[test]
    fn pads_by_bytes() {
        assert_eq!(format!("{:<6}|", C("é")), "é    |");
        assert_eq!(format!("{:<6}|", C("v\u{10ffff}")), "v\u{10ffff}    |");
        assert_eq!(format!("{:>4}|", C("ab")), "  ab|");
        assert_eq!(format!("{:<2}|", C("abc")), "abc|");
    }
}
