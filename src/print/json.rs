//! A streaming JSON writer with the spacing of iproute2 6.1's
//! lib/json_writer.c: 4-space indent under -p, `[ ` and ` ]` around
//! non-empty arrays, keys on their own lines, values of arrays inline, and
//! only `\t \n \r \f \b \\ \"` escaped.

use super::out::Out;
use super::J;
use std::io::Write;

/// The bytes jsonw_puts() escapes.
const ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0c] = true;
    t[0x08] = true;
    t[b'\\' as usize] = true;
    t[b'"' as usize] = true;
    t
};

/// Whether `b` has no byte jsonw_puts() escapes, eight bytes at a time
/// (word tricks: a byte below 0x0e, or equal to `"` or `\`; bytes
/// 0x00-0x07, 0x0b and 0x0e never reach here in practice and only cost the
/// exact check). Most keys and values are short identifiers.
#[inline(always)]
#[cfg_attr(rip_static, optimize(speed))]
fn clean(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    #[inline(always)]
    fn suspect(x: u64) -> bool {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        let low = x.wrapping_sub(ONES * 0x0e) & !x & HIGH;
        (low | zero(x ^ (ONES * b'"' as u64)) | zero(x ^ (ONES * b'\\' as u64))) != 0
    }
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([b' '; 8]));
    let half = |c: &[u8]| u32::from_le_bytes(c.try_into().unwrap_or([b' '; 4])) as u64;
    let n = b.len();
    let any = if n >= 8 {
        let mut i = 0;
        let mut hit = false;
        while i + 8 <= n && !hit {
            hit = suspect(word(&b[i..i + 8]));
            i += 8;
        }
        hit || (i < n && suspect(word(&b[n - 8..])))
    } else if n >= 4 {
        // Two overlapping halves cover all n bytes.
        suspect(half(&b[..4]) | half(&b[n - 4..]) << 32)
    } else {
        return !b.iter().any(|&c| ESCAPED[c as usize]);
    };
    !any || !b.iter().any(|&c| ESCAPED[c as usize])
}

pub struct JsonWriter {
    depth: usize,
    pretty: bool,
    /// 0 before the first element of a container, b',' after.
    sep: u8,
}

impl JsonWriter {
    pub fn new(pretty: bool) -> JsonWriter {
        JsonWriter { depth: 0, pretty, sep: 0 }
    }

    fn indent<W: Write>(&self, w: &mut W) {
        for _ in 0..self.depth {
            let _ = w.write_all(b"    ");
        }
    }

    fn eol<W: Write>(&self, w: &mut W) {
        if self.pretty {
            let _ = w.write_all(b"\n");
            self.indent(w);
        }
    }

    fn eor<W: Write>(&mut self, w: &mut W) {
        if self.sep != 0 {
            let _ = w.write_all(&[self.sep]);
        }
        self.sep = b',';
    }

    fn puts<W: Write>(w: &mut W, s: &str) {
        let _ = w.write_all(b"\"");
        let b = s.as_bytes();
        // Most strings need no escape: one table test a byte, one write.
        if clean(b) {
            let _ = w.write_all(b);
            let _ = w.write_all(b"\"");
            return;
        }
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            let esc: &[u8] = match c {
                b'\t' => b"\\t",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                0x0c => b"\\f",
                0x08 => b"\\b",
                b'\\' => b"\\\\",
                b'"' => b"\\\"",
                _ => continue,
            };
            let _ = w.write_all(&b[start..i]);
            let _ = w.write_all(esc);
            start = i + 1;
        }
        let _ = w.write_all(&b[start..]);
        let _ = w.write_all(b"\"");
    }

    fn begin<W: Write>(&mut self, w: &mut W, c: u8) {
        self.eor(w);
        let _ = w.write_all(&[c]);
        self.depth += 1;
        self.sep = 0;
    }

    fn end<W: Write>(&mut self, w: &mut W, c: u8) {
        self.depth = self.depth.saturating_sub(1);
        if self.sep != 0 {
            self.eol(w);
        }
        let _ = w.write_all(&[c]);
        self.sep = b',';
    }

    pub fn name<W: Write>(&mut self, w: &mut W, name: &str) {
        self.eor(w);
        self.eol(w);
        self.sep = 0;
        Self::puts(w, name);
        let _ = w.write_all(if self.pretty { b": " } else { b":" });
    }

    pub fn start_object<W: Write>(&mut self, w: &mut W) {
        self.begin(w, b'{');
    }

    pub fn end_object<W: Write>(&mut self, w: &mut W) {
        self.end(w, b'}');
    }

    pub fn start_array<W: Write>(&mut self, w: &mut W) {
        self.begin(w, b'[');
        if self.pretty {
            let _ = w.write_all(b" ");
        }
    }

    pub fn end_array<W: Write>(&mut self, w: &mut W) {
        if self.pretty && self.sep != 0 {
            let _ = w.write_all(b" ");
        }
        self.sep = 0;
        self.end(w, b']');
    }

    /// `name(key)` then `value(v)` in one step, when `v` is a string,
    /// integer, boolean or null and nothing needs escaping: one room check
    /// for the whole pair instead of a buffer check a piece. False (nothing
    /// written) leaves it to name() and value().
    #[inline]
    #[cfg_attr(rip_static, optimize(speed))]
    pub fn pair(&mut self, w: &mut Out, key: Option<&str>, v: &J) -> bool {
        let vlen = match *v {
            J::Str(s) if clean(s.as_bytes()) => s.len() + 2,
            J::U(_) | J::I(_) => 21,
            J::Bool(_) => 5,
            J::Null => 4,
            _ => return false,
        };
        let klen = match key {
            Some(k) if clean(k.as_bytes()) => k.len() + 4 + 1 + 4 * self.depth,
            Some(_) => return false,
            None => 0,
        };
        if !w.room(1 + klen + vlen) {
            return false;
        }
        if self.sep != 0 {
            w.push_byte(self.sep);
        }
        self.sep = b',';
        if let Some(k) = key {
            if self.pretty {
                w.push_byte(b'\n');
                for _ in 0..self.depth {
                    w.push(b"    ");
                }
            }
            w.push_byte(b'"');
            w.push(k.as_bytes());
            w.push(if self.pretty { b"\": " } else { b"\":" });
        }
        match *v {
            J::Str(s) => {
                w.push_byte(b'"');
                w.push(s.as_bytes());
                w.push_byte(b'"');
            }
            J::U(n) => w.push(super::fmt::dec(n, &mut [0; 20])),
            J::I(n) => {
                if n < 0 {
                    w.push_byte(b'-');
                }
                w.push(super::fmt::dec(n.unsigned_abs(), &mut [0; 20]));
            }
            J::Bool(b) => w.push(if b { b"true" } else { b"false" }),
            _ => w.push(b"null"),
        }
        true
    }

    pub fn value<W: Write>(&mut self, w: &mut W, v: J) {
        self.eor(w);
        let _ = match v {
            J::Str(s) => {
                Self::puts(w, s);
                Ok(())
            }
            J::U(n) => super::write_u64(w, n),
            J::I(n) => super::write_i64(w, n),
            J::Bool(b) => w.write_all(if b { b"true" } else { b"false" }),
            J::Null => w.write_all(b"null"),
            J::F(f) => w.write_all(super::fmt::c_g(f).as_bytes()),
            J::Raw(s) => w.write_all(s.as_bytes()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pretty: bool, f: impl Fn(&mut JsonWriter, &mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        let mut jw = JsonWriter::new(pretty);
        f(&mut jw, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn compact_and_pretty() {
        let body = |jw: &mut JsonWriter, o: &mut Vec<u8>| {
            jw.start_array(o);
            jw.start_object(o);
            jw.name(o, "ifindex");
            jw.value(o, J::U(1));
            jw.name(o, "flags");
            jw.start_array(o);
            jw.value(o, J::Str("LOOPBACK"));
            jw.value(o, J::Str("UP"));
            jw.end_array(o);
            jw.name(o, "e");
            jw.start_array(o);
            jw.end_array(o);
            jw.end_object(o);
            jw.end_array(o);
        };
        assert_eq!(run(false, body), r#"[{"ifindex":1,"flags":["LOOPBACK","UP"],"e":[]}]"#);
        assert_eq!(
            run(true, body),
            "[ {\n        \"ifindex\": 1,\n        \"flags\": [ \"LOOPBACK\",\"UP\" ],\n        \"e\": [ ]\n    } ]"
        );
    }

    /// pair() writes what name() and value() write, in every state and
    /// mode, also across buffer flushes (a 40-byte buffer flushes every few
    /// pairs), and declines what it does not take.
    #[test]
    fn pair_is_name_then_value() {
        use crate::print::Captured;
        let vals = [
            J::Str("up"),
            J::Str(""),
            J::Str("a \"quoted\" name"),
            J::U(0),
            J::U(u64::MAX),
            J::I(i64::MIN),
            J::I(-7),
            J::Bool(true),
            J::Bool(false),
            J::Null,
            J::F(1.5),
            J::Raw("0.05"),
        ];
        for pretty in [false, true] {
            for cap in [40, 4096] {
                let (fast, slow) = (Captured::default(), Captured::default());
                {
                    let mut a = Out::with_capacity(cap, Box::new(fast.clone()));
                    let mut b = Out::with_capacity(cap, Box::new(slow.clone()));
                    let (mut ja, mut jb) = (JsonWriter::new(pretty), JsonWriter::new(pretty));
                    ja.start_array(&mut a);
                    jb.start_array(&mut b);
                    for (i, v) in vals.iter().enumerate() {
                        for k in [None, Some("ifname"), Some("a_much_longer_key_name"), Some("k\tey")] {
                            if i % 3 == 0 {
                                ja.start_object(&mut a);
                                jb.start_object(&mut b);
                            }
                            let took = ja.pair(&mut a, k, v);
                            let plain = match v {
                                J::Str(s) => !s.contains('"'),
                                J::F(_) | J::Raw(_) => false,
                                _ => true,
                            };
                            // Never takes what needs escaping; declines only that, what
                            // does not fit a small buffer, or anything once some test in
                            // this process has made a name escape (MADE only turns on).
                            let want = plain && !k.unwrap_or("").contains('\t');
                            if took {
                                assert!(want, "{v:?} {k:?} cap {cap}");
                            } else {
                                let made = crate::error::bytes::any_made();
                                assert!(!want || cap < 100 || made, "{v:?} {k:?} cap {cap}");
                            }
                            if !took {
                                if let Some(k) = k {
                                    ja.name(&mut a, k);
                                }
                                ja.value(&mut a, *v);
                            }
                            if let Some(k) = k {
                                jb.name(&mut b, k);
                            }
                            jb.value(&mut b, *v);
                            if i % 3 == 2 {
                                ja.end_object(&mut a);
                                jb.end_object(&mut b);
                            }
                        }
                    }
                    ja.end_array(&mut a);
                    jb.end_array(&mut b);
                    a.flush().unwrap();
                    b.flush().unwrap();
                }
                assert_eq!(
                    String::from_utf8(fast.bytes()),
                    String::from_utf8(slow.bytes()),
                    "pretty {pretty} cap {cap}"
                );
            }
        }
    }

    #[test]
    fn clean_agrees_with_the_table() {
        // Every length 0..24 with each byte value at each position.
        for n in 0..24usize {
            for pos in 0..n {
                for c in 0..=255u8 {
                    let mut b = vec![b'a'; n];
                    b[pos] = c;
                    assert_eq!(clean(&b), !ESCAPED[c as usize], "len {n} byte {c:#x} at {pos}");
                }
            }
        }
        assert!(clean(b""));
    }

    #[test]
    fn escapes() {
        let s = run(false, |jw, o| jw.value(o, J::Str("a\"b\\c\td/é\u{1}")));
        assert_eq!(s, "\"a\\\"b\\\\c\\td/é\u{1}\"");
    }
}
