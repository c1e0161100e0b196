//! One printing path for text, JSON, oneline and colour, in the model of
//! iproute2's `print_*(PRINT_ANY|PRINT_FP|PRINT_JSON, key, fmt, value)`.
//!
//! A text fragment is a format with one `{}` slot; colour wraps the whole
//! fragment, trailing space included (as `color_fprintf` does). JSON goes
//! through a streaming writer with iproute2 6.1's spacing rules. All output
//! goes through one buffered writer; nothing is collected.

pub mod color;
pub mod fmt;
pub mod json;
pub mod out;

use std::fmt::Arguments;
use std::io::{self, Write};

pub use color::Color;
use json::JsonWriter;
use out::Out;

/// Where a value goes: text only, JSON only, or both (iproute2's output_type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Fp,
    Json,
    Any,
}

/// A value as JSON sees it.
#[derive(Debug, Clone, Copy)]
pub enum J<'a> {
    Str(&'a str),
    U(u64),
    I(i64),
    Bool(bool),
    Null,
    /// printf("%g")
    F(f64),
    /// Text written as is (jsonw_printf), e.g. bridge timers "0.05".
    Raw(&'a str),
}

/// Output settings that come from the global options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    pub json: bool,
    pub pretty: bool,
    pub oneline: bool,
    pub color: bool,
    pub dark: bool,
}

/// The last line of a flush that deleted something (`-s`): "*** Flush is
/// complete after N round(s) ***", as ip's route, address and neighbour
/// flushes print it.
pub fn flush_complete(round: impl std::fmt::Display + PartialOrd<i32> + Copy) -> String {
    format!("*** Flush is complete after {} round{} ***\n", round, if round > 1 { "s" } else { "" })
}

/// An output that keeps what is printed, readable through any clone of it:
/// the golden replays print into one, and so do the printers' tests.
#[derive(Clone, Default)]
pub struct Captured(pub std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// What was printed so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.0.borrow().clone()
    }
}

pub struct Printer {
    w: Out,
    jw: Option<JsonWriter>,
    pub mode: Mode,
    /// iproute2's _SL_: "\n", or "\\" under -o.
    pub sl: &'static str,
    failed: bool,
    fmts: FmtCache,
}

/// The value a text fragment shows: strings and integers are written
/// straight into the buffer (no `core::fmt` machinery per field; it was most
/// of a 10k-entry listing's user time).
#[derive(Clone, Copy)]
enum Shown<'a> {
    S(&'a str),
    U(u64),
    I(i64),
}

/// Writes `v` in decimal, as `{}` would.
#[inline]
#[cfg_attr(rip_static, optimize(speed))]
pub(crate) fn write_u64<W: Write + ?Sized>(w: &mut W, v: u64) -> io::Result<()> {
    let mut buf = [0u8; 20];
    w.write_all(fmt::dec(v, &mut buf))
}

#[cfg_attr(rip_static, optimize(speed))]
pub(crate) fn write_i64<W: Write + ?Sized>(w: &mut W, v: i64) -> io::Result<()> {
    if v < 0 {
        w.write_all(b"-")?;
    }
    write_u64(w, v.unsigned_abs())
}

/// Replaces the first `{}` of `fmt` with `val` when writing.
/// Writes `fmt` with `val` in place of its `{}` at `at` (None: no `{}`).
#[inline]
#[cfg_attr(rip_static, optimize(speed))]
fn write_fmt1<W: Write + ?Sized>(w: &mut W, fmt: &str, at: Option<usize>, val: Shown) -> io::Result<()> {
    let f = fmt.as_bytes();
    let (head, tail) = match at.and_then(|i| Some((f.get(..i)?, f.get(i + 2..)?))) {
        Some(ht) => ht,
        None => return w.write_all(f),
    };
    if !head.is_empty() {
        w.write_all(head)?;
    }
    match val {
        Shown::S(s) => w.write_all(s.as_bytes())?,
        Shown::U(n) => write_u64(w, n)?,
        Shown::I(n) => write_i64(w, n)?,
    }
    if tail.is_empty() {
        return Ok(());
    }
    w.write_all(tail)
}

/// Formats split once: where each format's `{}` is, remembered by the
/// format's address and length. Only `&'static str` formats are kept, and
/// their bytes never change while the program runs, so an entry never goes
/// stale; a collision only costs a new scan.
struct FmtCache {
    slots: Box<[(usize, u32, u32); FMT_SLOTS]>,
}

const FMT_SLOTS: usize = 256;

impl FmtCache {
    fn new() -> FmtCache {
        FmtCache { slots: Box::new([(0, 0, 0); FMT_SLOTS]) }
    }

    /// The position of `fmt`'s first `{}`.
    #[cfg_attr(rip_static, optimize(speed))]
    #[inline]
    fn split(&mut self, fmt: &'static str) -> Option<usize> {
        // A short format is scanned faster than it is looked up.
        if fmt.len() <= 8 {
            return split_fmt(fmt.as_bytes());
        }
        let p = fmt.as_ptr() as usize;
        let h = (p ^ (p >> 8) ^ fmt.len()) % FMT_SLOTS;
        let e = &mut self.slots[h];
        if e.0 == p && e.1 as usize == fmt.len() {
            return e.2.checked_sub(1).map(|i| i as usize);
        }
        let at = split_fmt(fmt.as_bytes());
        *e = (p, fmt.len() as u32, at.map(|i| i as u32 + 1).unwrap_or(0));
        at
    }
}

/// Where a format's `{}` is. A plain byte scan: the formats are a few bytes
/// long, where str::find's two-way searcher costs more to set up than it
/// saves (it was a sixth of a 10k-rule listing).
#[cfg_attr(rip_static, optimize(speed))]
#[inline]
fn split_fmt(f: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i + 1 < f.len() {
        if f[i] == b'{' && f[i + 1] == b'}' {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// fd 1 as C's stdio writes it: a closed fd 1 is an error (EBADF), where
/// std's Stdout would drop the bytes silently.
pub struct RawStdout;

impl Write for RawStdout {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        loop {
            // SAFETY: a valid buffer of b.len() bytes.
            let n = unsafe { libc::write(1, b.as_ptr().cast(), b.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// fd 1 as std's Stdout treats it, without its line buffer: a closed fd 1
/// (EBADF) swallows the output silently.
pub struct QuietStdout;

impl Write for QuietStdout {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        match RawStdout.write(b) {
            Err(e) if e.raw_os_error() == Some(libc::EBADF) => Ok(b.len()),
            r => r,
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Printer {
    /// A printer on stdout.
    pub fn stdout(mode: Mode) -> Printer {
        // SAFETY: isatty only reads fd 1's state.
        if unsafe { libc::isatty(1) } == 1 {
            return Printer::new(Box::new(io::stdout()), mode);
        }
        // Not a terminal: the printer's own buffer is the only one needed
        // (std's line buffer behind it searched every 64 KiB block for its
        // last newline — a JSON listing has none).
        Printer::new(Box::new(QuietStdout), mode)
    }

    /// A printer on fd 1 buffered as glibc buffers stdout: by line on a
    /// terminal, else in blocks of st_blksize (so a long listing reaches a
    /// pipe in as many writes, and a closed or full stdout fails as it
    /// does for C).
    pub fn stdio(mode: Mode) -> Printer {
        // SAFETY: isatty and fstat only read fd 1's state.
        if unsafe { libc::isatty(1) } == 1 {
            return Printer::stdout(mode);
        }
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: st is a valid stat buffer.
        let blk =
            if unsafe { libc::fstat(1, &mut st) } == 0 && st.st_blksize > 0 { st.st_blksize as usize } else { 8192 };
        let mut p = Printer::new(Box::new(RawStdout), mode);
        p.w = Out::with_capacity(blk, Box::new(RawStdout));
        p
    }

    pub fn new(out: Box<dyn Write>, mode: Mode) -> Printer {
        Printer {
            w: Out::with_capacity(64 * 1024, out),
            jw: None,
            mode,
            sl: if mode.oneline { "\\" } else { "\n" },
            failed: false,
            fmts: FmtCache::new(),
        }
    }

    /// iproute2's is_json_context(): a JSON object is open.
    #[inline]
    pub fn is_json(&self) -> bool {
        self.jw.is_some()
    }

    #[inline]
    fn json_ctx(&self, t: T) -> bool {
        self.jw.is_some() && t != T::Fp
    }

    #[inline]
    fn fp_ctx(&self, t: T) -> bool {
        self.jw.is_none() && t != T::Json
    }

    #[inline]
    fn io(&mut self, r: io::Result<()>) {
        if r.is_err() {
            self.failed = true;
        }
    }

    /// new_json_obj(): starts the top-level array when -j is on.
    pub fn new_json_obj(&mut self) {
        if self.mode.json {
            let mut jw = JsonWriter::new(self.mode.pretty);
            jw.start_array(&mut self.w);
            self.jw = Some(jw);
        }
    }

    /// new_json_obj_plain(): a JSON context without the outer array.
    pub fn new_json_obj_plain(&mut self) {
        if self.mode.json {
            self.jw = Some(JsonWriter::new(self.mode.pretty));
        }
    }

    /// delete_json_obj(): closes the top-level array and ends the line.
    pub fn delete_json_obj(&mut self) {
        if let Some(mut jw) = self.jw.take() {
            jw.end_array(&mut self.w);
            let r = self.w.write_all(b"\n");
            self.io(r);
        }
    }

    /// delete_json_obj_plain()
    pub fn delete_json_obj_plain(&mut self) {
        if self.jw.take().is_some() {
            let r = self.w.write_all(b"\n");
            self.io(r);
        }
    }

    /// The general form: `text` goes to text output (coloured), `jv` to JSON.
    pub fn field(&mut self, t: T, c: Color, key: Option<&str>, jv: J, text: Arguments) {
        if self.json_ctx(t) {
            if let Some(jw) = self.jw.as_mut() {
                if let Some(k) = key {
                    jw.name(&mut self.w, k);
                }
                jw.value(&mut self.w, jv);
            }
        } else if self.fp_ctx(t) {
            let code = self.color_code(c);
            let r = (|| {
                if let Some(code) = code {
                    self.w.write_all(code.as_bytes())?;
                    self.w.write_fmt(text)?;
                    self.w.write_all(color::CLEAR.as_bytes())
                } else {
                    self.w.write_fmt(text)
                }
            })();
            self.io(r);
        }
    }

    fn color_code(&self, c: Color) -> Option<&'static str> {
        if self.mode.color && c != Color::None {
            Some(color::code(c, self.mode.dark))
        } else {
            None
        }
    }

    /// A fragment `fmt` whose `{}` takes `shown` in text; `jv` in JSON.
    #[cfg_attr(rip_static, optimize(speed))]
    #[inline]
    fn one(&mut self, t: T, c: Color, key: Option<&str>, fmt: &'static str, shown: Shown, jv: J) {
        // The common case first: plain text, no colour.
        if self.jw.is_none() && t != T::Json && (c == Color::None || !self.mode.color) {
            let at = self.fmts.split(fmt);
            let r = write_fmt1(&mut self.w, fmt, at, shown);
            self.io(r);
            return;
        }
        self.one_slow(t, c, key, fmt, shown, jv)
    }

    #[cfg_attr(rip_static, optimize(speed))]
    #[inline(never)]
    fn one_slow(&mut self, t: T, c: Color, key: Option<&str>, fmt: &'static str, shown: Shown, jv: J) {
        // JSON: a key and a plain value in one step.
        if t != T::Fp {
            if let Some(jw) = self.jw.as_mut() {
                if jw.pair(&mut self.w, key, &jv) {
                    return;
                }
            }
        }
        let at = if self.fp_ctx(t) { self.fmts.split(fmt) } else { None };
        self.one_at(t, c, key, fmt, at, shown, jv)
    }

    /// A fragment whose `{}` position is known (None: no `{}`).
    #[allow(clippy::too_many_arguments)]
    fn one_at(&mut self, t: T, c: Color, key: Option<&str>, fmt: &str, at: Option<usize>, shown: Shown, jv: J) {
        if self.json_ctx(t) {
            if let Some(jw) = self.jw.as_mut() {
                if let Some(k) = key {
                    jw.name(&mut self.w, k);
                }
                jw.value(&mut self.w, jv);
            }
        } else if self.fp_ctx(t) {
            self.fp_fmt(c, fmt, at, shown);
        }
    }

    /// The text of a fragment, coloured when asked.
    fn fp_fmt(&mut self, c: Color, fmt: &str, at: Option<usize>, shown: Shown) {
        let code = self.color_code(c);
        let r = (|| {
            if let Some(code) = code {
                self.w.write_all(code.as_bytes())?;
                write_fmt1(&mut self.w, fmt, at, shown)?;
                self.w.write_all(color::CLEAR.as_bytes())
            } else {
                write_fmt1(&mut self.w, fmt, at, shown)
            }
        })();
        self.io(r);
    }

    /// uint() with a format made at run time (not remembered).
    pub fn uint_fmt(&mut self, t: T, key: &str, fmt: &str, v: u64) {
        self.one_at(t, Color::None, Some(key), fmt, split_fmt(fmt.as_bytes()), Shown::U(v), J::U(v))
    }

    /// bool() with a format made at run time (not remembered).
    pub fn bool_fmt(&mut self, t: T, key: &str, fmt: &str, v: bool) {
        let s = if v { "true" } else { "false" };
        self.one_at(t, Color::None, Some(key), fmt, split_fmt(fmt.as_bytes()), Shown::S(s), J::Bool(v))
    }

    #[cfg_attr(rip_static, optimize(speed))]
    pub fn string(&mut self, t: T, key: &str, fmt: &'static str, v: &str) {
        self.one(t, Color::None, Some(key), fmt, Shown::S(v), J::Str(v))
    }

    /// A string without a key (array element in JSON).
    pub fn string_nokey(&mut self, t: T, fmt: &'static str, v: &str) {
        self.one(t, Color::None, None, fmt, Shown::S(v), J::Str(v))
    }

    #[cfg_attr(rip_static, optimize(speed))]
    pub fn color_string(&mut self, t: T, c: Color, key: &str, fmt: &'static str, v: &str) {
        self.one(t, c, Some(key), fmt, Shown::S(v), J::Str(v))
    }

    pub fn color_string_opt(&mut self, t: T, c: Color, key: Option<&str>, fmt: &'static str, v: &str) {
        self.one(t, c, key, fmt, Shown::S(v), J::Str(v))
    }

    #[cfg_attr(rip_static, optimize(speed))]
    pub fn uint(&mut self, t: T, key: &str, fmt: &'static str, v: u64) {
        self.one(t, Color::None, Some(key), fmt, Shown::U(v), J::U(v))
    }

    /// An unsigned text value with its own JSON value (iproute2 printing a
    /// u32 through print_int, say).
    pub fn uint_j(&mut self, t: T, key: &str, fmt: &'static str, v: u64, jv: J) {
        self.one(t, Color::None, Some(key), fmt, Shown::U(v), jv)
    }

    pub fn int(&mut self, t: T, key: &str, fmt: &'static str, v: i64) {
        self.one(t, Color::None, Some(key), fmt, Shown::I(v), J::I(v))
    }

    /// print_bool(): JSON true/false; text shows "true"/"false" in `fmt`.
    pub fn bool(&mut self, t: T, key: &str, fmt: &'static str, v: bool) {
        let s = if v { "true" } else { "false" };
        self.one(t, Color::None, Some(key), fmt, Shown::S(s), J::Bool(v))
    }

    /// print_on_off(): JSON true/false; text "on"/"off".
    pub fn on_off(&mut self, t: T, key: &str, fmt: &'static str, v: bool) {
        let s = if v { "on" } else { "off" };
        self.one(t, Color::None, Some(key), fmt, Shown::S(s), J::Bool(v))
    }

    /// print_null(): JSON null; text shows `text` in `fmt`.
    pub fn null(&mut self, t: T, key: &str, fmt: &'static str, text: &str) {
        self.one(t, Color::None, Some(key), fmt, Shown::S(text), J::Null)
    }

    /// print_hex(): JSON string "%x"; text shows `{:x}`.
    pub fn hex(&mut self, t: T, key: &str, fmt: &'static str, v: u32) {
        let s = format!("{:x}", v);
        self.one(t, Color::None, Some(key), fmt, Shown::S(&s), J::Str(&s))
    }

    /// print_0xhex(): JSON string "%#llx"; text shows `text`.
    pub fn xhex(&mut self, t: T, key: &str, fmt: &'static str, v: u64) {
        // "%#llx" on the stack: "0" or "0x" and the digits.
        let mut buf = [0u8; 18];
        let mut i = buf.len();
        let mut n = v;
        loop {
            i -= 1;
            buf[i] = b"0123456789abcdef"[(n & 15) as usize];
            n >>= 4;
            if n == 0 {
                break;
            }
        }
        if v != 0 {
            i -= 2;
            buf[i] = b'0';
            buf[i + 1] = b'x';
        }
        // SAFETY: only ASCII digits and 'x' were written.
        let j = unsafe { std::str::from_utf8_unchecked(&buf[i..]) };
        if self.json_ctx(t) {
            self.one(t, Color::None, Some(key), fmt, Shown::S(j), J::Str(j));
        } else {
            self.one(t, Color::None, Some(key), fmt, Shown::S(j), J::Null);
        }
    }

    /// print_float(): JSON %g; text is `text` as given.
    pub fn float(&mut self, t: T, key: &str, text: &str, v: f64) {
        self.one(t, Color::None, Some(key), "{}", Shown::S(text), J::F(v))
    }

    /// Text written as is, only outside JSON (print_string(PRINT_FP, NULL, "%s", s)).
    pub fn fp(&mut self, s: &str) {
        if self.jw.is_none() {
            let r = self.w.write_all(s.as_bytes());
            self.io(r);
        }
    }

    /// Formatted text only outside JSON.
    pub fn fpf(&mut self, a: Arguments) {
        if self.jw.is_none() {
            let r = self.w.write_fmt(a);
            self.io(r);
        }
    }

    /// Text in a colour, outside JSON.
    pub fn fp_color(&mut self, c: Color, s: &str) {
        self.one(T::Fp, c, None, "{}", Shown::S(s), J::Null)
    }

    /// Bytes written unconditionally (fprintf(fp, ...) in iproute2).
    pub fn raw(&mut self, s: &[u8]) {
        let r = self.w.write_all(s);
        self.io(r);
    }

    /// Bytes written unconditionally and as they are: binary streams
    /// (`ip route save`) and bytes read from files, never escaped text.
    pub fn bin(&mut self, s: &[u8]) {
        let r = self.w.write_bin(s);
        self.io(r);
    }

    /// print_nl(): the line separator, outside JSON.
    pub fn nl(&mut self) {
        if self.jw.is_none() {
            let sl = self.sl;
            let r = self.w.write_all(sl.as_bytes());
            self.io(r);
        }
    }

    /// open_json_object(key)
    pub fn open_object(&mut self, key: Option<&str>) {
        if let Some(jw) = self.jw.as_mut() {
            if let Some(k) = key {
                jw.name(&mut self.w, k);
            }
            jw.start_object(&mut self.w);
        }
    }

    pub fn close_object(&mut self) {
        if let Some(jw) = self.jw.as_mut() {
            jw.end_object(&mut self.w);
        }
    }

    /// open_json_array(t, s): a JSON array named `s`, or `s` as text.
    pub fn open_array(&mut self, t: T, s: &str) {
        if self.json_ctx(t) {
            if let Some(jw) = self.jw.as_mut() {
                jw.name(&mut self.w, s);
                jw.start_array(&mut self.w);
            }
        } else if self.fp_ctx(t) {
            let r = self.w.write_all(s.as_bytes());
            self.io(r);
        }
    }

    /// An unnamed JSON array (open_json_array(PRINT_JSON, NULL)).
    pub fn open_array_nokey(&mut self) {
        if let Some(jw) = self.jw.as_mut() {
            jw.start_array(&mut self.w);
        }
    }

    pub fn close_array(&mut self, t: T, s: &str) {
        if self.json_ctx(t) {
            if let Some(jw) = self.jw.as_mut() {
                jw.end_array(&mut self.w);
            }
        } else if self.fp_ctx(t) {
            let r = self.w.write_all(s.as_bytes());
            self.io(r);
        }
    }

    /// A JSON key with nothing after it yet (print_string(PRINT_JSON, key, NULL, NULL)).
    pub fn json_name(&mut self, key: &str) {
        if let Some(jw) = self.jw.as_mut() {
            jw.name(&mut self.w, key);
        }
    }

    /// Writes out the buffer. An error of this last write is returned as
    /// it is (its errno, as fclose() leaves it); an earlier failure with
    /// nothing left to write has no errno (error() then prints no reason).
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()?;
        if self.failed {
            return Err(io::Error::other("write failed"));
        }
        Ok(())
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        let _ = self.w.flush();
    }
}

#[cfg(test)]
mod split_tests {
    #[test]
    fn split_fmt_finds_the_first_placeholder() {
        let naive = |f: &[u8]| f.windows(2).position(|p| p == b"{}");
        let alphabet = [b'{', b'}', b'a', b' ', 0x7a, 0x7c, 0xfb];
        let mut next = crate::testrng::xorshift(0x1234_5678_9abc_def0);
        for _ in 0..200_000 {
            let seed = next();
            let n = (seed % 24) as usize;
            let f: Vec<u8> = (0..n).map(|i| alphabet[((seed >> (i * 2 % 60)) % 7) as usize]).collect();
            assert_eq!(super::split_fmt(&f), naive(&f), "{:?}", f);
        }
        assert_eq!(super::split_fmt(b"mtu {} "), Some(4));
        assert_eq!(super::split_fmt(b"            {}"), Some(12));
        assert_eq!(super::split_fmt(b"{"), None);
        for v in [0u64, 1, 0xf, 0x10, 0xff, 0xdead_beef, u64::MAX] {
            let cap = super::Captured::default();
            let mut p = super::Printer::new(Box::new(cap.clone()), super::Mode::default());
            p.xhex(super::T::Any, "k", "<{}>", v);
            p.flush().unwrap();
            assert_eq!(cap.bytes(), format!("<{}>", super::fmt::c_hash_x(v)).as_bytes());
        }
        for v in [0u64, 1, 9, 10, 99, 100, 101, 999, 1000, 65535, 4294967295, u64::MAX, 1234567890123] {
            let mut out = Vec::new();
            super::write_u64(&mut out, v).unwrap();
            assert_eq!(out, v.to_string().as_bytes());
        }
        assert_eq!(super::split_fmt(b"{z}"), None);
        assert_eq!(super::split_fmt(b"a{z}{}"), Some(4));
    }
}
