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

    if (base == 0 || base == 16)
        && i + 1 < b.len()
        && b[i] == b'0'
        && (b[i + 1] == b'x' || b[i + 1] == b'X')
        && i + 2 < b.len()
        && (b[i + 2] as char).is_ascii_hexdigit()
    {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if i < b.len() && b[i] == b'0' { 8 } else { 10 };
    }
    let start_digits = i;
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
    fn if_index_as_sscanf_reads_it() {
        assert_eq!(scanf_if_index(b"if7"), Some(7));
        assert_eq!(scanf_if_index(b"if 7x"), Some(7));
        assert_eq!(scanf_if_index(b"if-1"), Some(u32::MAX));
        assert_eq!(scanf_if_index(b"ifx"), None);
        assert_eq!(scanf_if_index(b"eth0"), None);
        // Against glibc's own sscanf("if%u") on the glibc build.
        for w in [
            "if0",
            "if4294967295",
            "if4294967296",
            "if99999999999999999999",
            "if+3",
            "if -2",
            "if\t9",
            "if",
            "if-",
            "if12ab",
            "If1",
        ] {
            let c = std::ffi::CString::new(w).unwrap();
            let mut v: libc::c_uint = 0;
            let n = unsafe { libc::sscanf(c.as_ptr(), c"if%u".as_ptr(), &mut v as *mut libc::c_uint) };
            assert_eq!(scanf_if_index(w.as_bytes()), (n == 1).then_some(v), "{w}");
        }
    }

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

// glibc's scanf conversions as rip's own code (the bytes rip prints must
// not depend on the C library it is linked with): vfscanf collects the
// characters a conversion may take, then converts them with strtol,
// strtoul or strtod, and fails unless that took all of them.

fn c_isspace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// One integer conversion at `s[*i..]` (%i with base 0, %x with 16), at
/// most `width` characters: the sign and the magnitude as strtoul reads the
/// collected text (None: the magnitude does not fit in 64 bits).
fn scan_integer(s: &[u8], i: &mut usize, width: Option<usize>, mut base: u32) -> Option<(bool, Option<u64>)> {
    while s.get(*i).is_some_and(|&c| c_isspace(c)) {
        *i += 1;
    }
    let mut left = width.unwrap_or(usize::MAX);
    let mut neg = false;
    let mut digits = 0usize;
    let mut mag: Option<u64> = Some(0);
    if left > 0 {
        if let Some(&c @ (b'+' | b'-')) = s.get(*i) {
            neg = c == b'-';
            *i += 1;
            left -= 1;
        }
    }
    if left > 0 && s.get(*i) == Some(&b'0') {
        *i += 1;
        left -= 1;
        digits += 1;
        if left > 0 && matches!(s.get(*i), Some(b'x' | b'X')) {
            if base == 0 {
                base = 16;
            }
            if base == 16 {
                *i += 1;
                left -= 1;
            }
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    while left > 0 {
        let Some(d) = s.get(*i).and_then(|&c| (c as char).to_digit(base)) else { break };
        mag = mag.and_then(|m| m.checked_mul(u64::from(base))).and_then(|m| m.checked_add(u64::from(d)));
        digits += 1;
        *i += 1;
        left -= 1;
    }
    (digits > 0).then_some((neg, mag))
}

/// glibc's `sscanf(s, "%i", &i)`: decimal, 0x hex or 0 octal; the text is
/// read by strtol (clamped to a long) and stored truncated to an int.
pub fn scanf_int(s: &[u8]) -> Option<i32> {
    let (neg, mag) = scan_integer(s, &mut 0, None, 0)?;
    let l: i64 = match (neg, mag) {
        (false, Some(m)) if m <= i64::MAX as u64 => m as i64,
        (false, _) => i64::MAX,
        (true, Some(m)) if m <= 1u64 << 63 => (m as i64).wrapping_neg(),
        (true, _) => i64::MIN,
    };
    Some(l as i32)
}

/// glibc's `sscanf(s, "if%u", &u)` (ll_idx_a2n() of lib/ll_map.c): blanks
/// and a sign allowed after "if", glibc's narrowing of large values.
pub fn scanf_if_index(s: &[u8]) -> Option<u32> {
    // The literal "if", then %u: strtoul's reading (white space, a sign,
    // decimal digits; overflow saturates), stored into an unsigned int.
    // rip's own code, not the C library's sscanf: the bytes must not
    // depend on the libc rip is built with.
    let rest = s.strip_prefix(b"if")?;
    let ascii = rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len());
    let t = std::str::from_utf8(&rest[..ascii]).ok()?;
    let (v, used, overflow) = c_strtoull(t, 10);
    if used == 0 {
        return None;
    }
    Some(if overflow { u32::MAX } else { v as u32 })
}

/// glibc's `sscanf(s, "%2hhx%2hhx.%2hhx%2hhx%2hhx%2hhx%2hhx%2hhx", ...)`
/// into `out` (a bridge id as sysfs prints it); bytes not converted keep
/// their value.
pub fn scanf_bridge_id(s: &[u8], out: &mut [u8; 8]) {
    let mut i = 0;
    for (k, b) in out.iter_mut().enumerate() {
        if k == 2 {
            // The literal '.' of the format.
            if s.get(i) != Some(&b'.') {
                return;
            }
            i += 1;
        }
        let Some((neg, mag)) = scan_integer(s, &mut i, Some(2), 16) else { return };
        // strtoul: an overflow is ULONG_MAX, a minus sign negates.
        let ul = match mag {
            Some(m) if neg => m.wrapping_neg(),
            Some(m) => m,
            None => u64::MAX,
        };
        *b = ul as u8;
    }
}

/// glibc's `sscanf(s, "%lf", &d)`: the value when one conversion succeeded
/// (leading blanks, trailing garbage, hex floats, inf and nan as glibc
/// reads them).
pub fn scanf_double(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    while s.get(i).is_some_and(|&c| c_isspace(c)) {
        i += 1;
    }
    let lower = |i: usize| s.get(i).map(|c| c.to_ascii_lowercase());
    let mut neg = false;
    if let Some(&c @ (b'+' | b'-')) = s.get(i) {
        neg = c == b'-';
        i += 1;
    }
    let sign = |v: f64| if neg { -v } else { v };
    let word = |i: usize, w: &[u8]| w.iter().enumerate().all(|(k, &c)| lower(i + k) == Some(c));
    match lower(i) {
        Some(b'n') => return word(i, b"nan").then(|| sign(f64::NAN)),
        Some(b'i') => {
            if !word(i, b"inf") {
                return None;
            }
            if lower(i + 3) == Some(b'i') && !word(i + 3, b"inity") {
                return None;
            }
            return Some(sign(f64::INFINITY));
        }
        _ => {}
    }
    // The characters the conversion collects.
    let hex = s.get(i) == Some(&b'0') && matches!(lower(i + 1), Some(b'x'));
    let start = if hex { i + 2 } else { i };
    let exp_char = if hex { b'p' } else { b'e' };
    let (mut got_digit, mut got_dot, mut got_e) = (false, false, false);
    let mut j = start;
    while let Some(&c) = s.get(j) {
        if c.is_ascii_digit() || (!got_e && hex && c.is_ascii_hexdigit()) {
            got_digit = true;
        } else if got_e && s[j - 1].to_ascii_lowercase() == exp_char && (c == b'-' || c == b'+') {
        } else if got_digit && !got_e && c.to_ascii_lowercase() == exp_char {
            got_e = true;
            got_dot = true;
        } else if !got_dot && c == b'.' {
            got_dot = true;
        } else {
            break;
        }
        j += 1;
    }
    // strtod reads the collected text; the conversion fails only when it
    // takes none of it ("1e" is 1; "0x" and "." fail).
    let body = &s[start..j];
    let (mant, exp) = match body.iter().position(|c| c.to_ascii_lowercase() == exp_char) {
        Some(e) => (&body[..e], Some(&body[e + 1..])),
        None => (body, None),
    };
    if !mant.iter().any(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let exp: Option<i64> = exp.and_then(|e| {
        let (eneg, digits) = match e.first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if digits.is_empty() {
            return None;
        }
        let v = digits.iter().fold(0i64, |a, &d| a.saturating_mul(10).saturating_add(i64::from(d - b'0')));
        Some(if eneg { -v } else { v })
    });
    let body = if exp.is_none() { mant } else { body };
    if !hex {
        let text = std::str::from_utf8(body).ok()?;
        return text.parse::<f64>().ok().map(sign);
    }
    Some(sign(hex_float(mant, exp.unwrap_or(0))))
}

/// strtof(s, &end) that must take the whole of `s` (iproute2's
/// get_float()): None for an empty word or anything left over.
pub fn strtof_whole(s: &str) -> Option<f32> {
    let b = s.as_bytes();
    let t = &b[b.iter().position(|&c| !c_isspace(c))?..];
    let (neg, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = |v: f32| if neg { -v } else { v };
    let lower = body.to_ascii_lowercase();
    // nan(n-char-sequence)
    if let Some(inner) = lower.strip_prefix(b"nan(").and_then(|r| r.strip_suffix(b")")) {
        return inner.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_').then(|| sign(f32::NAN));
    }
    if let Some(h) = lower.strip_prefix(b"0x") {
        let (mant, exp) = match h.iter().position(|&c| c == b'p') {
            Some(p) => (&h[..p], Some(&h[p + 1..])),
            None => (h, None),
        };
        let digits = mant.iter().filter(|c| c.is_ascii_hexdigit()).count();
        if digits == 0
            || mant.iter().filter(|&&c| c == b'.').count() + digits != mant.len()
            || mant.iter().filter(|&&c| c == b'.').count() > 1
        {
            return None;
        }
        let exp = match exp {
            None => 0,
            Some(e) => {
                let d = e.strip_prefix(b"-").or_else(|| e.strip_prefix(b"+")).unwrap_or(e);
                if d.is_empty() || !d.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let v = d.iter().fold(0i64, |a, &c| a.saturating_mul(10).saturating_add(i64::from(c - b'0')));
                if e.first() == Some(&b'-') {
                    -v
                } else {
                    v
                }
            }
        };
        // Through f64: exact unless the mantissa has more than 24
        // significant bits and rounds twice.
        return Some(sign(hex_float(mant, exp) as f32));
    }
    // Rust's grammar is C's decimal one (and inf, infinity, nan).
    if body.first().is_some_and(|&c| c == b'+' || c == b'-') {
        return None;
    }
    std::str::from_utf8(body).ok()?.parse::<f32>().ok().map(sign)
}

/// The value of a hex float's mantissa digits (with an optional '.') times
/// 2^exp, rounded to nearest even as strtod does.
fn hex_float(mant: &[u8], exp: i64) -> f64 {
    // Up to 15 significant hex digits are exact in a u64 with room to spare;
    // further nonzero digits only make a sticky bit.
    let (mut m, mut e2, mut sticky, mut seen_dot, mut n) = (0u64, 0i64, false, false, 0);
    for &c in mant {
        if c == b'.' {
            seen_dot = true;
            continue;
        }
        let d = u64::from((c as char).to_digit(16).unwrap_or(0));
        if m == 0 && d == 0 {
            if seen_dot {
                e2 -= 4;
            }
            continue;
        }
        if n < 15 {
            m = m * 16 + d;
            n += 1;
            if seen_dot {
                e2 -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_dot {
                e2 += 4;
            }
        }
    }
    if m == 0 {
        return 0.0;
    }
    let e = exp.saturating_add(e2).clamp(-100_000, 100_000);
    // Normalise m to 63..64 bits, then round to 53 bits at the exponent
    // the result will have (subnormals included).
    let shift = m.leading_zeros() as i64;
    let m = m << shift;
    let e = e - shift; // value = m * 2^e, m has its top bit set
    let top = e + 63; // the exponent of the leading bit
    let keep = if top >= -1022 { 53 } else { (53 - (-1022 - top)).max(0) };
    let drop = 64 - keep;
    let (mut q, rem) = if drop >= 64 { (0u64, m) } else { (m >> drop, m & ((1u64 << drop) - 1)) };
    let half = if drop >= 65 { 0 } else { 1u64 << (drop - 1) };
    if drop < 65 && (rem > half || (rem == half && (sticky || q & 1 == 1))) {
        q += 1;
    } else if drop < 65 && rem == half && !sticky && q & 1 == 0 {
        // ties to even: stays
    }
    let scale = e + drop;
    if scale > 1023 + 64 {
        return f64::INFINITY;
    }
    // q * 2^scale, in two steps so neither factor overflows or underflows early.
    let half_scale = scale / 2;
    (q as f64) * 2f64.powi(half_scale as i32) * 2f64.powi((scale - half_scale) as i32)
}

/// The scanf replacements against the C library's own sscanf, where that is
/// glibc (the reference tools').
#[cfg(all(test, target_env = "gnu"))]
mod scanf_vs_glibc {
    use super::*;

    const INPUTS: &[&str] = &[
        "",
        " ",
        "0",
        "1",
        "-1",
        "+1",
        "12",
        " 12",
        "\t\n-7x",
        "0x",
        "0X1f",
        "0xg",
        "0x1G",
        "08",
        "077",
        "-0x10",
        "+-1",
        "-",
        "+",
        "4294967295",
        "4294967296",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999",
        "-99999999999999999999",
        "18446744073709551615",
        "18446744073709551616",
        "1.5",
        ".5",
        "5.",
        ".",
        "1e3",
        "1e",
        "1e+",
        "1e-2",
        "1E5x",
        "1.2.3",
        "1.5e3e4",
        "inf",
        "INF",
        "-inf",
        "infinity",
        "infin",
        "infx",
        "in",
        "nan",
        "NaN",
        "-nan",
        "na",
        "nanx",
        "0x1p3",
        "0x1.8p1",
        "0x.8",
        "0x1p",
        "0x1.",
        "0xp1",
        "0x1P-2",
        "0x1fffffffffffffff",
        "0x123456789abcdef12p-3",
        "1e400",
        "-1e400",
        "1e-400",
        "2.5e-310",
        "0.1",
        "123456789012345678901234567890",
        "3.14159265358979323846",
        "abc",
        "ff",
        "ab.cdef",
        "00.00",
        "8000.0000",
        "80:00.0000",
        "-1.00",
        "0x12.34",
        "1ff.2",
        "12.345678901234",
        "8000.ab-cd",
        "+0x1.8p+1",
        "0x0.0000000000001p-1022",
        "1.7976931348623157e308",
        "1.8e308",
    ];

    fn c(s: &str) -> std::ffi::CString {
        std::ffi::CString::new(s).unwrap()
    }

    #[test]
    fn int() {
        for s in INPUTS {
            let mut v: libc::c_int = 0;
            let n = unsafe { libc::sscanf(c(s).as_ptr(), c"%i".as_ptr(), &mut v as *mut libc::c_int) };
            assert_eq!(scanf_int(s.as_bytes()), (n == 1).then_some(v), "{:?}", s);
        }
    }

    #[test]
    fn double() {
        for s in INPUTS {
            let mut d: libc::c_double = 0.0;
            let n = unsafe { libc::sscanf(c(s).as_ptr(), c"%lf".as_ptr(), &mut d as *mut libc::c_double) };
            let want = (n == 1).then_some(d).map(|d| if d.is_nan() { "nan".to_string() } else { format!("{:e}", d) });
            let got =
                scanf_double(s.as_bytes()).map(|d| if d.is_nan() { "nan".to_string() } else { format!("{:e}", d) });
            assert_eq!(got, want, "{:?}", s);
        }
    }

    #[test]
    fn strtof() {
        let more = [
            "1",
            " 1",
            "1 ",
            "+-1",
            "--1",
            "nan(abc)",
            "nan()",
            "nan(a-b)",
            "NAN(x)",
            "-inf",
            "infinite",
            "0x1.fffffep127",
            "0x1.ffffffp127",
            "1e38",
            "1e39",
            "1e-46",
            "3.4028235e38",
            "0x.",
            "0x1.8",
            "1_0",
        ];
        for s in INPUTS.iter().chain(&more) {
            let cs = c(s);
            let mut end: *mut libc::c_char = std::ptr::null_mut();
            let v = unsafe { libc::strtof(cs.as_ptr(), &mut end) };
            let used = (end as usize).wrapping_sub(cs.as_ptr() as usize);
            let want = (!s.is_empty() && used == s.len()).then_some(v);
            let fmt = |x: Option<f32>| x.map(|d| if d.is_nan() { "nan".to_string() } else { format!("{:e}", d) });
            assert_eq!(fmt(strtof_whole(s)), fmt(want), "{:?}", s);
        }
    }

    #[test]
    fn bridge_id() {
        for s in INPUTS.iter().chain(&["8000.0a1b2c3d4e5f", " 80 00.1 2", "80.00", "800.0", "-1-1.-f", "0x0x.0x"]) {
            let mut want = [0x5au8; 8];
            let [a, b, c0, c1, c2, c3, c4, c5] = &mut want;
            unsafe {
                libc::sscanf(
                    c(s).as_ptr(),
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
            let mut got = [0x5au8; 8];
            scanf_bridge_id(s.as_bytes(), &mut got);
            assert_eq!(got, want, "{:?}", s);
        }
    }
}
