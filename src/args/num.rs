//! C library number parsing that ip's arguments depend on: strtoul/strtol
//! with their whitespace, sign and base rules, atoi, and get_unsigned() and
//! friends (lib/utils.c).

/// strtoul/strtoull: (value, bytes consumed, overflowed). A leading '-'
/// negates modulo 2^64, as C does.
pub fn c_strtoull(s: &str, base: u32) -> (u64, usize, bool) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let mut base = base;
    let start_digits;
    if (base == 0 || base == 16) && i + 1 < b.len() && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X')
        && i + 2 < b.len() && (b[i + 2] as char).is_ascii_hexdigit()
    {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if i < b.len() && b[i] == b'0' { 8 } else { 10 };
    }
    start_digits = i;
    let mut v: u64 = 0;
    let mut over = false;
    while i < b.len() {
        let d = match (b[i] as char).to_digit(36) {
            Some(d) if d < base => d as u64,
            _ => break,
        };
        match v.checked_mul(base as u64).and_then(|x| x.checked_add(d)) {
            Some(n) => v = n,
            None => over = true,
        }
        i += 1;
    }
    if i == start_digits {
        // No digits: nothing consumed ("0x" alone consumes the "0").
        return (0, 0, false);
    }
    if over {
        return (u64::MAX, i, true);
    }
    (if neg { v.wrapping_neg() } else { v }, i, false)
}

/// strtoll: (value, consumed, overflowed), clamped like C.
pub fn c_strtoll(s: &str, base: u32) -> (i64, usize, bool) {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let neg = t.starts_with('-');
    let (mag, n, over) = c_strtoull(s, base);
    if n == 0 {
        return (0, 0, false);
    }
    // c_strtoull negated already for '-'; recover the magnitude.
    let m = if neg { mag.wrapping_neg() } else { mag };
    // A magnitude past 2^64 saturates by sign too (LONG_MIN for '-').
    if over {
        return (if neg { i64::MIN } else { i64::MAX }, n, true);
    }
    if !neg && m > i64::MAX as u64 {
        return (i64::MAX, n, true);
    }
    if neg && m > (i64::MAX as u64) + 1 {
        return (i64::MIN, n, true);
    }
    (if neg { (m as i64).wrapping_neg() } else { m as i64 }, n, false)
}

/// atoi(): leading number, 0 if none.
pub fn atoi(s: &str) -> i32 {
    c_strtoll(s, 10).0 as i32
}

/// get_unsigned(): the whole word is an unsigned int.
pub fn get_unsigned(s: &str, base: u32) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let (v, n, over) = c_strtoull(s, base);
    if n == 0 || n != s.len() || over || v > u32::MAX as u64 {
        return None;
    }
    Some(v as u32)
}

/// get_u64()
pub fn get_u64(s: &str, base: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let (v, n, over) = c_strtoull(s, base);
    if n == 0 || n != s.len() || over {
        return None;
    }
    Some(v)
}

/// get_u32(): like get_unsigned.
pub fn get_u32(s: &str, base: u32) -> Option<u32> {
    get_unsigned(s, base)
}

/// get_u16()
pub fn get_u16(s: &str, base: u32) -> Option<u16> {
    get_unsigned(s, base).and_then(|v| u16::try_from(v).ok())
}

/// get_u8()
pub fn get_u8(s: &str, base: u32) -> Option<u8> {
    get_unsigned(s, base).and_then(|v| u8::try_from(v).ok())
}

/// get_integer(): the whole word is an int (strtol, int range).
pub fn get_integer(s: &str, base: u32) -> Option<i32> {
    if s.is_empty() {
        return None;
    }
    let (v, n, over) = c_strtoll(s, base);
    if n == 0 || n != s.len() || over || v > i32::MAX as i64 || v < i32::MIN as i64 {
        return None;
    }
    Some(v as i32)
}

/// get_s32()
pub fn get_s32(s: &str, base: u32) -> Option<i32> {
    get_integer(s, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_numbers() {
        assert_eq!(get_unsigned("1500", 0), Some(1500));
        assert_eq!(get_unsigned("0x10", 0), Some(16));
        assert_eq!(get_unsigned("010", 0), Some(8));
        assert_eq!(get_unsigned("-5", 0), None);
        assert_eq!(get_unsigned("12abc", 0), None);
        assert_eq!(get_unsigned("", 0), None);
        assert_eq!(get_unsigned("4294967296", 0), None);
        assert_eq!(get_integer("-5", 0), Some(-5));
        assert_eq!(atoi("12abc"), 12);
        assert_eq!(atoi("foo"), 0);
        assert_eq!(atoi(" -3"), -3);
        // strtol saturates by sign, also past 2^64 (found by the fuzzer).
        assert_eq!(c_strtoll("-18446744073709551616", 0), (i64::MIN, 21, true));
        assert_eq!(c_strtoll("-18446744073709551615", 0), (i64::MIN, 21, true));
        assert_eq!(c_strtoll("18446744073709551616", 0), (i64::MAX, 20, true));
        assert_eq!(c_strtoll("-9223372036854775808", 0), (i64::MIN, 20, false));
    }

}

/// glibc's `sscanf(s, "%lf", &d)`: the value when one conversion succeeded
/// (leading blanks, trailing garbage, hex floats, inf and nan as glibc
/// reads them).
pub fn scanf_double(s: &[u8]) -> Option<f64> {
    let c = std::ffi::CString::new(s).ok()?;
    let mut d: libc::c_double = 0.0;
    // SAFETY: a NUL-terminated input and format, one double out.
    let n = unsafe { libc::sscanf(c.as_ptr(), c"%lf".as_ptr(), &mut d as *mut libc::c_double) };
    (n == 1).then_some(d)
}

/// glibc's `sscanf(s, "%i", &i)`: decimal, 0x hex or 0 octal, with glibc's
/// narrowing of out-of-range values.
pub fn scanf_int(s: &[u8]) -> Option<i32> {
    let c = std::ffi::CString::new(s).ok()?;
    let mut v: libc::c_int = 0;
    // SAFETY: a NUL-terminated input and format, one int out.
    let n = unsafe { libc::sscanf(c.as_ptr(), c"%i".as_ptr(), &mut v as *mut libc::c_int) };
    (n == 1).then_some(v)
}

/// glibc's `sscanf(s, "%2hhx%2hhx.%2hhx%2hhx%2hhx%2hhx%2hhx%2hhx", ...)`
/// into `out` (a bridge id as sysfs prints it); bytes not converted keep
/// their value.
pub fn scanf_bridge_id(s: &[u8], out: &mut [u8; 8]) {
    let Ok(c) = std::ffi::CString::new(s) else { return };
    let [a, b, c0, c1, c2, c3, c4, c5] = out;
    // SAFETY: a NUL-terminated input and format, eight bytes out.
    unsafe {
        libc::sscanf(
            c.as_ptr(),
            c"%2hhx%2hhx.%2hhx%2hhx%2hhx%2hhx%2hhx%2hhx".as_ptr(),
            a as *mut u8,
            b as *mut u8,
            c0 as *mut u8,
            c1 as *mut u8,
            c2 as *mut u8,
            c3 as *mut u8,
            c4 as *mut u8,
            c5 as *mut u8,
        );
    }
}
