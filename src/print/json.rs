//! A streaming JSON writer with the spacing of iproute2 6.1's
//! lib/json_writer.c: 4-space indent under -p, `[ ` and ` ]` around
//! non-empty arrays, keys on their own lines, values of arrays inline, and
//! only `\t \n \r \f \b \\ \"` escaped.

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
        if !b.iter().any(|&c| ESCAPED[c as usize]) {
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

    #[test]
    fn escapes() {
        let s = run(false, |jw, o| jw.value(o, J::Str("a\"b\\c\td/é\u{1}")));
        assert_eq!(s, "\"a\\\"b\\\\c\\td/é\u{1}\"");
    }
}
