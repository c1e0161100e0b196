//! ipxfrm.c's text printers: selectors, IDs and templates, lifetimes, the
//! XFRMA_* attributes, and xfrm_policy_info_print(). They print with
//! fprintf in iproute2, so -json changes nothing.

use super::*;
use crate::netlink::Tb;
use crate::print::Printer;

/// Where the printers write, with the options they read.
pub struct Out<'a> {
    pub p: &'a mut Printer,
    pub names: &'a mut crate::names::LinkNames,
    pub stats: u32,
    pub sl: &'static str,
    pub pref_family: u8,
}

impl Out<'_> {
    pub fn s(&mut self, s: &str) {
        self.p.fp(s);
    }
    fn f(&mut self, a: std::fmt::Arguments) {
        self.p.fpf(a);
    }
    fn pre(&mut self, prefix: Option<&str>) {
        if let Some(x) = prefix {
            self.p.fp(x);
        }
    }
    fn ifname(&mut self, idx: u32) -> String {
        self.names.name_own_socket(idx)
    }
}

fn addr(family: u16, a: &[u8]) -> String {
    inet::rt_addr_n2a(family as u8, a)
}

const MODE_NAMES: [&str; 5] = ["transport", "tunnel", "ro", "in_trigger", "beet"];

/// xfrm_id_info_print()
#[allow(clippy::too_many_arguments)]
pub fn id_info(
    o: &mut Out,
    saddr: &[u8],
    id: &[u8],
    mode: u8,
    reqid: u32,
    family: u16,
    force_spi: bool,
    prefix: Option<&str>,
    title: Option<&str>,
) {
    o.pre(title);
    o.f(format_args!("src {} ", addr(family, saddr)));
    o.f(format_args!("dst {}", addr(family, &id[..16])));
    o.s(o.sl);
    o.pre(prefix);
    o.s("\t");
    o.f(format_args!("proto {} ", strxf_xfrmproto(id[20])));
    let spi = u32::from_be_bytes([id[16], id[17], id[18], id[19]]);
    if o.stats > 0 || force_spi || spi != 0 {
        o.f(format_args!("spi 0x{:08x}", spi));
        if o.stats > 0 {
            o.f(format_args!("({})", spi));
        }
        o.s(" ");
    }
    o.f(format_args!("reqid {}", reqid));
    if o.stats > 0 {
        o.f(format_args!("(0x{:08x})", reqid));
    }
    o.s(" ");
    o.s("mode ");
    match MODE_NAMES.get(mode as usize) {
        Some(m) => o.s(m),
        None => o.f(format_args!("{}", mode)),
    }
    o.s(o.sl);
}

fn strxf_limit(v: u64) -> String {
    if v == XFRM_INF {
        "(INF)".into()
    } else {
        v.to_string()
    }
}

/// strxf_time(): "-" or localtime as "%Y-%m-%d %T".
pub fn strxf_time(t: u64) -> String {
    if t == 0 {
        return "-".into();
    }
    crate::sys::strftime_local(t as i64, "%Y-%m-%d %T").unwrap_or_default()
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    b.get(i * 8..i * 8 + 8).map(|x| u64::from_ne_bytes([x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]])).unwrap_or(0)
}

/// xfrm_lifetime_print(): cfg is struct xfrm_lifetime_cfg (64 bytes), cur
/// struct xfrm_lifetime_cur (32 bytes).
pub fn lifetime(o: &mut Out, cfg: Option<&[u8]>, cur: Option<&[u8]>, prefix: Option<&str>) {
    let sl = o.sl;
    if let Some(c) = cfg {
        o.pre(prefix);
        o.f(format_args!("lifetime config:{}", sl));
        o.pre(prefix);
        o.f(format_args!("  limit: soft {}(bytes),", strxf_limit(u64_at(c, 0))));
        o.f(format_args!(" hard {}(bytes){}", strxf_limit(u64_at(c, 1)), sl));
        o.pre(prefix);
        o.f(format_args!("  limit: soft {}(packets),", strxf_limit(u64_at(c, 2))));
        o.f(format_args!(" hard {}(packets){}", strxf_limit(u64_at(c, 3)), sl));
        o.pre(prefix);
        o.f(format_args!("  expire add: soft {}(sec), hard {}(sec){}", u64_at(c, 4), u64_at(c, 5), sl));
        o.pre(prefix);
        o.f(format_args!("  expire use: soft {}(sec), hard {}(sec){}", u64_at(c, 6), u64_at(c, 7), sl));
    }
    if let Some(c) = cur {
        o.pre(prefix);
        o.f(format_args!("lifetime current:{}", sl));
        o.pre(prefix);
        o.f(format_args!("  {}(bytes), {}(packets){}", u64_at(c, 0), u64_at(c, 1), sl));
        o.pre(prefix);
        o.f(format_args!("  add {} ", strxf_time(u64_at(c, 2))));
        o.f(format_args!("use {}{}", strxf_time(u64_at(c, 3)), sl));
    }
}

/// xfrm_selector_print()
pub fn selector(o: &mut Out, sel: &Sel, family: u16, prefix: Option<&str>) {
    let mut f = sel.family();
    if f == AF_UNSPEC as u16 {
        f = family;
    }
    if f == AF_UNSPEC as u16 {
        f = o.pref_family as u16;
    }
    o.pre(prefix);
    o.f(format_args!("src {}/{} ", addr(f, sel.saddr()), sel.prefixlen_s()));
    o.f(format_args!("dst {}/{} ", addr(f, sel.daddr()), sel.prefixlen_d()));
    let proto = sel.proto();
    if proto != 0 {
        o.f(format_args!("proto {} ", strxf_proto(proto)));
    }
    let sport = u16::from_be(sel.sport());
    let dport = u16::from_be(sel.dport());
    match proto {
        IPPROTO_ICMP | IPPROTO_ICMPV6 => {
            if sel.sport_mask() != 0 {
                o.f(format_args!("type {} ", sport));
            }
            if sel.dport_mask() != 0 {
                o.f(format_args!("code {} ", dport));
            }
        }
        IPPROTO_GRE => {
            if sel.sport_mask() != 0 || sel.dport_mask() != 0 {
                o.f(format_args!("key {} ", ((sport as u32) << 16).wrapping_add(dport as u32)));
            }
        }
        IPPROTO_MH => {
            if sel.sport_mask() != 0 {
                o.f(format_args!("type {} ", sport));
            }
            if sel.dport_mask() != 0 && o.stats > 0 {
                o.f(format_args!("(dport) 0x{:04x} ", sel.dport()));
            }
        }
        _ => {
            if sel.sport_mask() != 0 {
                o.f(format_args!("sport {} ", sport));
            }
            if sel.dport_mask() != 0 {
                o.f(format_args!("dport {} ", dport));
            }
        }
    }
    if sel.ifindex() > 0 {
        let n = o.ifname(sel.ifindex() as u32);
        o.f(format_args!("dev {} ", n));
    }
    if o.stats > 0 {
        o.f(format_args!("uid {}", sel.user()));
    }
    o.s(o.sl);
}

fn strxf_algotype(t: u16) -> String {
    match t {
        XFRMA_ALG_CRYPT => "enc".into(),
        XFRMA_ALG_AUTH => "auth".into(),
        XFRMA_ALG_COMP => "comp".into(),
        XFRMA_ALG_AEAD => "aead".into(),
        XFRMA_ALG_AUTH_TRUNC => "auth-trunc".into(),
        _ => t.to_string(),
    }
}

fn strxf_share(s: u8) -> String {
    match s {
        0 => "any".into(),
        1 => "session".into(),
        2 => "user".into(),
        3 => "unique".into(),
        _ => s.to_string(),
    }
}

fn strxf_mask8(m: u8) -> String {
    format!("{:08b}", m)
}

fn cstr(b: &[u8]) -> String {
    let n = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    crate::args::bytes::escape(&b[..n]).into_owned()
}

/// __xfrm_algo_print(): `name[64] key_len(u32) key` (after `hdr` extra
/// bytes for aead's icv_len / auth_trunc's trunc_len).
fn algo(o: &mut Out, d: &[u8], ty: u16, extra: usize, prefix: Option<&str>, nokeys: bool) {
    o.pre(prefix);
    o.f(format_args!("{} ", strxf_algotype(ty)));
    let base = 68;
    if d.len() < base + extra {
        o.s("(ERROR truncated)");
        return;
    }
    o.f(format_args!("{} ", cstr(&d[..64])));
    let key_bits = u32::from_ne_bytes([d[64], d[65], d[66], d[67]]);
    let keylen = (key_bits / 8) as usize;
    let key = &d[base + extra..];
    if key.len() < keylen {
        o.s("(ERROR truncated)");
        return;
    }
    if nokeys {
        o.s("<<Keys hidden>>");
    } else if keylen > 0 {
        o.s("0x");
        for b in &key[..keylen] {
            o.f(format_args!("{:02x}", b));
        }
        if o.stats > 0 {
            o.f(format_args!(" ({} bits)", key_bits));
        }
    }
}

/// xfrm_tmpl_print()
fn tmpls(o: &mut Out, d: &[u8], prefix: Option<&str>) {
    let n = d.len() / 64;
    if n == 0 {
        o.pre(prefix);
        o.s("(ERROR \"tmpl\" truncated)");
        o.s(o.sl);
        return;
    }
    for t in d.chunks_exact(64) {
        o.pre(prefix);
        let family = u16::from_ne_bytes([t[24], t[25]]);
        let reqid = u32::from_ne_bytes([t[44], t[45], t[46], t[47]]);
        id_info(o, &t[28..44], &t[..24], t[48], reqid, family, false, prefix, Some("tmpl "));
        let optional = t[50];
        if o.stats > 0 || optional != 0 {
            o.pre(prefix);
            o.s("\t");
            match optional {
                0 => {
                    if o.stats > 0 {
                        o.s("level required ");
                    }
                }
                1 => o.s("level use "),
                v => o.f(format_args!("level {} ", v)),
            }
            if o.stats > 0 {
                o.f(format_args!("share {} ", strxf_share(t[49])));
            }
            o.s(o.sl);
        }
        if o.stats > 0 {
            o.pre(prefix);
            o.s("\t");
            let w = |i: usize| u32::from_ne_bytes([t[i], t[i + 1], t[i + 2], t[i + 3]]);
            o.f(format_args!("enc-mask {:08x} ", w(56)));
            o.f(format_args!("auth-mask {:08x} ", w(52)));
            o.f(format_args!("comp-mask {:08x}", w(60)));
            o.s(o.sl);
        }
    }
}

fn output_mark(o: &mut Out, tb: &Tb) {
    o.f(format_args!("output-mark 0x{:x}", tb.u32(XFRMA_OUTPUT_MARK).unwrap_or(0)));
    if let Some(m) = tb.u32(XFRMA_SET_MARK_MASK) {
        o.f(format_args!("/0x{:x}", m));
    }
}

/// C's %#x: "0" for zero, else "0x..".
fn hash_x(v: u32) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("0x{:x}", v)
    }
}

/// xfrm_xfrma_print()
pub fn xfrma(o: &mut Out, tb: &Tb, family: u16, prefix: Option<&str>, nokeys: bool) {
    let sl = o.sl;
    if let Some(m) = tb.get(XFRMA_MARK) {
        let w = |i: usize| m.get(i..i + 4).map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]])).unwrap_or(0);
        o.f(format_args!("\tmark {}/{} ", hash_x(w(0)), hash_x(w(4))));
        if tb.has(XFRMA_OUTPUT_MARK) {
            output_mark(o, tb);
        }
        o.s(sl);
    } else if tb.has(XFRMA_OUTPUT_MARK) {
        o.s("\t");
        output_mark(o, tb);
        o.s(sl);
    }
    if let (Some(d), false) = (tb.get(XFRMA_ALG_AUTH), tb.has(XFRMA_ALG_AUTH_TRUNC)) {
        algo(o, d, XFRMA_ALG_AUTH, 0, prefix, nokeys);
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_ALG_AUTH_TRUNC) {
        algo(o, d, XFRMA_ALG_AUTH_TRUNC, 4, prefix, nokeys);
        o.f(format_args!(" {}", d.get(68..72).map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]])).unwrap_or(0)));
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_ALG_AEAD) {
        algo(o, d, XFRMA_ALG_AEAD, 4, prefix, nokeys);
        o.f(format_args!(
            " {}",
            d.get(68..72).map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i32).unwrap_or(0)
        ));
        o.s(sl);
    }
    for ty in [XFRMA_ALG_CRYPT, XFRMA_ALG_COMP] {
        if let Some(d) = tb.get(ty) {
            algo(o, d, ty, 0, prefix, nokeys);
            o.s(sl);
        }
    }
    if let Some(e) = tb.get(XFRMA_ENCAP) {
        o.pre(prefix);
        o.s("encap ");
        if e.len() < 24 {
            o.s("(ERROR truncated)");
            o.s(sl);
            return;
        }
        o.s("type ");
        match u16::from_ne_bytes([e[0], e[1]]) {
            1 => o.s("espinudp-nonike "),
            2 => o.s("espinudp "),
            7 => o.s("espintcp "),
            t => o.f(format_args!("{} ", t)),
        }
        o.f(format_args!("sport {} ", u16::from_be_bytes([e[2], e[3]])));
        o.f(format_args!("dport {} ", u16::from_be_bytes([e[4], e[5]])));
        o.f(format_args!("addr {}", addr(family, &e[8..24])));
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_TMPL) {
        tmpls(o, d, prefix);
    }
    if let Some(d) = tb.get(XFRMA_COADDR) {
        o.pre(prefix);
        o.s("coa ");
        if d.len() < 16 {
            o.s("(ERROR truncated)");
            o.s(sl);
            return;
        }
        o.s(&addr(family, &d[..16]));
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_LASTUSED) {
        o.pre(prefix);
        o.s("lastused ");
        if d.len() < 8 {
            o.s("(ERROR truncated)");
            o.s(sl);
            return;
        }
        o.s(&strxf_time(u64_at(d, 0)));
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_REPLAY_VAL) {
        o.pre(prefix);
        o.s("anti-replay context: ");
        if d.len() < 12 {
            o.s("(ERROR truncated)");
            o.s(sl);
            return;
        }
        let w = |i: usize| u32::from_ne_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
        o.f(format_args!("seq 0x{:x}, oseq 0x{:x}, bitmap 0x{:08x}", w(4), w(0), w(8)));
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_REPLAY_ESN_VAL) {
        o.pre(prefix);
        o.s("anti-replay esn context:");
        if d.len() < 24 {
            o.s("(ERROR truncated)");
            o.s(sl);
            return;
        }
        o.s(sl);
        let w = |i: usize| d.get(i..i + 4).map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]])).unwrap_or(0);
        o.pre(prefix);
        o.f(format_args!(" seq-hi 0x{:x}, seq 0x{:x}, oseq-hi 0x{:x}, oseq 0x{:x}", w(16), w(8), w(12), w(4)));
        o.s(sl);
        o.pre(prefix);
        let bmp_len = w(0);
        o.f(format_args!(" replay_window {}, bitmap-length {}", w(20), bmp_len));
        let mut j = 0;
        for i in (1..=bmp_len as usize).rev() {
            if j % 8 == 0 {
                o.s(sl);
                o.pre(prefix);
                o.s(" ");
            }
            j += 1;
            o.f(format_args!("{:08x} ", w(24 + (i - 1) * 4)));
        }
        o.s(sl);
    }
    if let Some(d) = tb.get(XFRMA_OFFLOAD_DEV) {
        o.pre(prefix);
        o.s("crypto offload parameters: ");
        if d.len() < 8 {
            o.s("(ERROR truncated)");
            o.s(sl);
            return;
        }
        let idx = u32::from_ne_bytes([d[0], d[1], d[2], d[3]]);
        let n = o.ifname(idx);
        o.f(format_args!("dev {} dir {}", n, if d[4] & 2 != 0 { "in" } else { "out" }));
        o.s(sl);
    }
    if let Some(v) = tb.u32(XFRMA_IF_ID) {
        o.pre(prefix);
        o.f(format_args!("if_id {}", hash_x(v)));
        o.s(sl);
    }
    if let Some(v) = tb.u32(XFRMA_TFCPAD) {
        o.pre(prefix);
        o.f(format_args!("tfcpad {}", v));
        o.s(sl);
    }
}

/// xfrm_sec_ctx_print()
pub fn sec_ctx(o: &mut Out, d: &[u8]) {
    o.s("\tsecurity context ");
    if d.len() < 8 {
        o.s("(ERROR truncated)");
    }
    let len = d.get(6..8).map(|b| u16::from_ne_bytes([b[0], b[1]]) as usize).unwrap_or(0);
    let s = d.get(8..).unwrap_or(&[]);
    let s = &s[..len.min(s.len())];
    let n = s.iter().position(|&c| c == 0).unwrap_or(s.len());
    let sl = o.sl;
    o.f(format_args!("{} {}", crate::args::bytes::escape(&s[..n]), sl));
}

/// XFRM_FLAG_PRINT(): the name, and a space when flags remain.
pub fn flag_print(o: &mut Out, flags: &mut u8, f: u8, name: &str) {
    if *flags & f != 0 {
        *flags &= !f;
        o.s(name);
        if *flags != 0 {
            o.s(" ");
        }
    }
}

/// xfrm_policy_info_print(): xpinfo is struct xfrm_userpolicy_info (168
/// bytes).
pub fn policy_info(o: &mut Out, xp: &[u8], tb: &Tb, prefix: Option<&str>, title: Option<&str>) {
    let sel = Sel::from(xp);
    let pf = o.pref_family as u16;
    selector(o, &sel, pf, title);
    if let Some(d) = tb.get(XFRMA_SEC_CTX) {
        sec_ctx(o, d);
    }
    let mut buf = String::new();
    if let Some(p) = prefix {
        buf.push_str(p);
    }
    buf.push('\t');
    o.s(&buf);
    let mut dir = xp[160];
    if dir >= 3 {
        dir -= 3;
        o.s("socket ");
    } else {
        o.s("dir ");
    }
    match dir {
        0 => o.s("in"),
        1 => o.s("out"),
        2 => o.s("fwd"),
        d => o.f(format_args!("{}", d)),
    }
    o.s(" ");
    match xp[161] {
        0 => {
            if o.stats > 0 {
                o.s("action allow ");
            }
        }
        1 => o.s("action block "),
        a => o.f(format_args!("action {} ", a)),
    }
    let w = |i: usize| u32::from_ne_bytes([xp[i], xp[i + 1], xp[i + 2], xp[i + 3]]);
    if o.stats > 0 {
        o.f(format_args!("index {} ", w(156)));
    }
    o.f(format_args!("priority {} ", w(152)));
    if let Some(d) = tb.get(XFRMA_POLICY_TYPE) {
        o.s("ptype ");
        if d.len() < 6 {
            o.s("(ERROR truncated)");
        }
        let t = d.first().copied().unwrap_or(0);
        match t {
            0 => o.s("main "),
            1 => o.s("sub "),
            t => o.f(format_args!("{} ", t)),
        }
    }
    if o.stats > 0 {
        o.f(format_args!("share {} ", strxf_share(xp[163])));
    }
    let flags0 = xp[162];
    if o.stats > 0 || flags0 != 0 {
        let mut flags = flags0;
        o.s("flag ");
        flag_print(o, &mut flags, 1, "localok");
        flag_print(o, &mut flags, 2, "icmp");
        if flags != 0 {
            o.f(format_args!("{:x}", flags));
        }
    }
    if o.stats > 0 {
        o.f(format_args!(" (0x{})", strxf_mask8(flags0)));
    }
    o.s(o.sl);
    if o.stats > 0 {
        lifetime(o, Some(&xp[56..120]), Some(&xp[120..152]), Some(&buf));
    }
    xfrma(o, tb, sel.family(), Some(&buf), false);
}
