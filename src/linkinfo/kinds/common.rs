//! Helpers the kind plug-ins share: the bridge timer and bridge-id formats,
//! and the request and test helpers. Addresses, link-layer addresses and
//! protocol names come from the shared codecs (crate::inet, crate::names).

use crate::ctx::Ctx;
use crate::print::{Color, J, T};

/// The bridge timers: jiffies (USER_HZ 100) as "%4i.%.2i" in text and a
/// bare "%i.%.2i" number in JSON.
pub fn print_timer(ctx: &mut Ctx, key: &str, data: &[u8]) {
    let jiffies = crate::netlink::attr::get_u64(data).unwrap_or(0);
    // __jiffies_to_tv() in unsigned long long, then (int) casts.
    let tvusec = jiffies.wrapping_mul(10000);
    let sec = tvusec / 1_000_000;
    let usec = tvusec.wrapping_sub(sec.wrapping_mul(1_000_000));
    let sec = sec as i32;
    let cs = (usec as i32) / 10000;
    if ctx.p.is_json() {
        let s = format!("{}.{:02}", sec, cs);
        ctx.p.field(T::Json, Color::None, Some(key), J::Raw(&s), format_args!(""));
    } else {
        ctx.p.fpf(format_args!("{} {:4}.{:02} ", key, sec, cs));
    }
}

/// br_dump_bridge_id(): "%.2x%.2x." then ether_ntoa_r (unpadded "%x:").
pub fn bridge_id(d: &[u8]) -> String {
    let b = |i: usize| d.get(i).copied().unwrap_or(0);
    format!("{:02x}{:02x}.{:x}:{:x}:{:x}:{:x}:{:x}:{:x}", b(0), b(1), b(2), b(3), b(4), b(5), b(6), b(7))
}

/// The request's nlmsg_type and flags (vxlan tells `set` from `add`).
pub fn req_type_flags(req: &crate::netlink::Req) -> (u16, u16) {
    let b = req.bytes();
    (crate::netlink::attr::hdr_u16(b, 4), crate::netlink::attr::hdr_u16(b, 6))
}

#[cfg(test)]
pub mod test_util {
    //! Runs a printer into a buffer, in text or JSON, for golden tests.

    use crate::ctx::{Ctx, Opts};
    pub use crate::print::Captured as Buf;
    use crate::print::{Mode, Printer};

    pub fn ctx(json: bool) -> (Ctx, Buf) {
        let buf = Buf::default();
        let mode = Mode { json, ..Default::default() };
        let p = Printer::new(Box::new(buf.clone()), mode);
        let mut ctx = Ctx::with_replay(Opts::default(), p, Vec::new());
        ctx.names.offline = true;
        (ctx, buf)
    }

    /// An RTM_NEWLINK payload naming `index` (to fill the name cache).
    pub fn link_msg(index: i32, name: &str) -> Vec<u8> {
        let mut v = vec![0u8; 16];
        v[4..8].copy_from_slice(&index.to_ne_bytes());
        let mut a = Vec::new();
        let len = 4 + name.len() + 1;
        a.extend_from_slice(&(len as u16).to_ne_bytes());
        a.extend_from_slice(&3u16.to_ne_bytes());
        a.extend_from_slice(name.as_bytes());
        a.push(0);
        while a.len() % 4 != 0 {
            a.push(0);
        }
        v.extend_from_slice(&a);
        v
    }

    /// Prints `data` with `f` the way print_linktype() frames it and returns
    /// the text, or the JSON `"info_data":{...}` member.
    pub fn run(f: super::super::PrintFn, kind: &str, data: &[u8], json: bool, names: &[(i32, &str)]) -> String {
        let (mut ctx, buf) = ctx(json);
        for (i, n) in names {
            ctx.names.remember(&link_msg(*i, n));
        }
        let key = if kind.ends_with("_slave") { "info_slave_data" } else { "info_data" };
        ctx.p.new_json_obj_plain();
        ctx.p.open_object(None);
        ctx.p.open_object(Some(key));
        f(&mut ctx, kind, data);
        ctx.p.close_object();
        ctx.p.close_object();
        ctx.p.delete_json_obj_plain();
        let _ = ctx.p.flush();
        let s = String::from_utf8_lossy(&buf.0.borrow()).into_owned();
        if json {
            // Strip the outer "{" ... "}\n".
            let t = s.trim_end_matches('\n');
            t.strip_prefix('{').and_then(|x| x.strip_suffix('}')).unwrap_or(t).to_string()
        } else {
            s
        }
    }

    pub fn hex(s: &str) -> Vec<u8> {
        (0..s.len() / 2).filter_map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()).collect()
    }

    /// Checks a testdata file: "kind K\ndata HEX\n" then the expected output.
    pub fn check_golden(f: super::super::PrintFn, file: &str, content: &str, names: &[(i32, &str)]) {
        let mut it = content.splitn(3, '\n');
        let kind = it.next().unwrap_or("").trim_start_matches("kind ").to_string();
        let data = it.next().unwrap_or("").trim_start_matches("data ").to_string();
        let want = it.next().unwrap_or("");
        let json = file.ends_with(".json");
        let got = run(f, &kind, &hex(&data), json, names);
        assert_eq!(got, want, "golden {}", file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_protos() {
        assert_eq!(bridge_id(&[0x80, 0, 0x86, 0xad, 0x59, 0x92, 0x29, 0x97]), "8000.86:ad:59:92:29:97");
        assert_eq!(bridge_id(&[0, 0x64, 2, 0x35, 0, 0, 0, 1]), "0064.2:35:0:0:0:1");
    }
}

#[cfg(test)]
pub mod request_tests {
    //! The kinds' requests against iproute2's, recorded by
    //! compat-tests/sendmsg/capture.sh into testdata/requests.txt: for each
    //! command, the IFLA_INFO_DATA (or SLAVE_DATA) bytes iproute2 sent, or
    //! its exit status and stderr when it sent nothing.
    use super::test_util::{ctx, link_msg};
    use crate::args::Args;
    use crate::netlink::consts::*;
    use crate::netlink::Req;
    use std::sync::Mutex;

    /// Kinds whose `set` asks the kernel for the device's current data.
    const LIVE_ONLY_SET: &[&str] =
        &["ipip", "sit", "gre", "gretap", "erspan", "ip6tnl", "ip6gre", "ip6gretap", "vti", "vti6"];

    /// Held by every test that writes to stderr (fd 2 is redirected here).
    pub static STDERR_LOCK: Mutex<()> = Mutex::new(());

    /// Runs `f` with stderr collected; returns its result and the bytes.
    pub fn capture_stderr<R>(f: impl FnOnce() -> R) -> (R, String) {
        let (r, b) = crate::error::capture_stderr(f);
        (r, String::from_utf8_lossy(&b).into_owned())
    }

    /// A JSON string literal's value (the escapes json.dumps writes).
    fn unjson(s: &str) -> String {
        let t = s.trim().trim_start_matches('"').trim_end_matches('"');
        let mut out = String::new();
        let mut it = t.chars();
        while let Some(c) = it.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('u') => {
                    let h: String = it.by_ref().take(4).collect();
                    if let Some(ch) = u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
                Some(o) => out.push(o),
                None => {}
            }
        }
        out
    }

    /// An NLMSG_ERROR reply (ENODEV) for lookups of unknown names.
    fn enodev() -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&36u32.to_ne_bytes());
        v.extend_from_slice(&NLMSG_ERROR.to_ne_bytes());
        v.extend_from_slice(&[0; 10]);
        v.extend_from_slice(&(-libc::ENODEV).to_ne_bytes());
        v.extend_from_slice(&[0; 16]);
        v
    }

    #[test]
    fn requests_match_iproute2() {
        let _g = STDERR_LOCK.lock();
        let text = include_str!("testdata/requests.txt");
        let mut names: Vec<(i32, String)> = Vec::new();
        let mut n = 0;
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("names ") {
                for e in rest.split(' ') {
                    if let Some((i, nm)) = e.split_once(':') {
                        names.push((i.parse().unwrap_or(0), nm.to_string()));
                    }
                }
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 9, "bad line {}", line);
            let (op, glob, kind, words, rc, data, err) = (f[0], f[1], f[3], f[4], f[5], f[6], unjson(f[7]));
            // `set` of a tunnel kind first reads the device from the
            // kernel: checked live only (compat-tests/sendmsg/verify.sh).
            // iproute2 crashed (sit 6rd-reset): rip raises the same signal.
            if (op == "set" && LIVE_ONLY_SET.contains(&kind)) || rc == "139" {
                continue;
            }
            let Some(k) = super::super::find(kind) else { panic!("kind {}", kind) };
            // A kind without a parser: iproute2 sends the nest empty.
            let parse = k.parse.unwrap_or(|_, _, _, _, _| Ok(0));
            let (mut c, _) = ctx(false);
            c = {
                let p = crate::print::Printer::new(Box::new(std::io::sink()), Default::default());
                let mut x = crate::ctx::Ctx::with_replay(c.o.clone(), p, vec![enodev(), enodev(), enodev()]);
                x.names.offline = true;
                x
            };
            for (i, nm) in &names {
                c.names.remember(&link_msg(*i, nm));
            }
            if glob == "-4" {
                c.o.family = AF_INET;
            } else if glob == "-6" {
                c.o.family = AF_INET6;
            }
            let flags = if op == "add" { NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL } else { NLM_F_REQUEST };
            let mut req = Req::new(RTM_NEWLINK, flags, &[0u8; 16]);
            let base = req.len();
            let mut args = Args::new(if words == "-" { vec![] } else { words.split(' ').map(String::from).collect() });
            let (got_rc, got_err) =
                capture_stderr(|| match parse(&mut c, kind, &mut args, &mut req, &crate::linkinfo::kinds::NO_HOOKS) {
                    Ok(r) => r,
                    Err(e) => e.0,
                });
            let got_data = req.bytes()[base..].iter().map(|b| format!("{:02x}", b)).collect::<String>();
            let what = format!("ip {} link {} {} type {} {}", glob, op, f[2], kind, words);
            if data != "-" {
                // Sent: parse succeeded; stderr holds parse warnings and, on
                // failure, the kernel's one-line answer at the end.
                let want_err = if rc != "0" {
                    let t = err.trim_end_matches('\n');
                    match t.rfind('\n') {
                        Some(i) => t[..=i].to_string(),
                        None => String::new(),
                    }
                } else {
                    err.clone()
                };
                assert_eq!(got_rc, 0, "{}: rc", what);
                assert_eq!(got_data, data, "{}: request bytes", what);
                assert_eq!(got_err, want_err, "{}: stderr", what);
            } else {
                assert_eq!(got_rc.to_string(), rc, "{}: rc", what);
                assert_eq!(got_err, err, "{}: stderr", what);
            }
            n += 1;
        }
        assert!(n > 100);
    }
}

#[cfg(test)]
mod help_tests {
    /// `ip link help KIND` of iproute2 6.1.0, recorded.
    #[test]
    fn help_texts_match() {
        let cases: &[(&str, &str)] = &[
            ("bridge", include_str!("testdata/help_bridge.txt")),
            ("bridge_slave", include_str!("testdata/help_bridge_slave.txt")),
            ("macvlan", include_str!("testdata/help_macvlan.txt")),
            ("macvtap", include_str!("testdata/help_macvtap.txt")),
            ("ipvlan", include_str!("testdata/help_ipvlan.txt")),
            ("ipvtap", include_str!("testdata/help_ipvtap.txt")),
            ("vxlan", include_str!("testdata/help_vxlan.txt")),
            ("vlan", include_str!("testdata/help_vlan.txt")),
            ("vrf", include_str!("testdata/help_vrf.txt")),
            ("dummy", include_str!("testdata/help_dummy.txt")),
            ("ifb", include_str!("testdata/help_ifb.txt")),
            ("nlmon", include_str!("testdata/help_nlmon.txt")),
            ("vcan", include_str!("testdata/help_vcan.txt")),
            ("netdevsim", include_str!("testdata/help_netdevsim.txt")),
            ("team", include_str!("testdata/help_team.txt")),
            ("team_slave", include_str!("testdata/help_team_slave.txt")),
            ("virt_wifi", include_str!("testdata/help_virt_wifi.txt")),
            ("batadv", include_str!("testdata/help_batadv.txt")),
            ("dsa", include_str!("testdata/help_dsa.txt")),
            ("rmnet", include_str!("testdata/help_rmnet.txt")),
            ("wwan", include_str!("testdata/help_wwan.txt")),
            ("bond", include_str!("testdata/help_bond.txt")),
            ("bond_slave", include_str!("testdata/help_bond_slave.txt")),
            ("geneve", include_str!("testdata/help_geneve.txt")),
            ("ipip", include_str!("testdata/help_ipip.txt")),
            ("sit", include_str!("testdata/help_sit.txt")),
            ("gre", include_str!("testdata/help_gre.txt")),
            ("gretap", include_str!("testdata/help_gretap.txt")),
            ("erspan", include_str!("testdata/help_erspan.txt")),
            ("vti", include_str!("testdata/help_vti.txt")),
            ("vti6", include_str!("testdata/help_vti6.txt")),
            ("xfrm", include_str!("testdata/help_xfrm.txt")),
            ("ip6tnl", include_str!("testdata/help_ip6tnl.txt")),
            ("ip6gre", include_str!("testdata/help_ip6gre.txt")),
            ("ip6gretap", include_str!("testdata/help_ip6gretap.txt")),
            ("ip6erspan", include_str!("testdata/help_ip6erspan.txt")),
            ("bareudp", include_str!("testdata/help_bareudp.txt")),
            ("amt", include_str!("testdata/help_amt.txt")),
            ("hsr", include_str!("testdata/help_hsr.txt")),
            ("gtp", include_str!("testdata/help_gtp.txt")),
            ("ipoib", include_str!("testdata/help_ipoib.txt")),
            ("macsec", include_str!("testdata/help_macsec.txt")),
            ("can", include_str!("testdata/help_can.txt")),
        ];
        for (kind, want) in cases {
            let k = super::super::find(kind).and_then(|k| k.help);
            let Some(h) = k else { panic!("no help for {}", kind) };
            let mut out = Vec::new();
            h(kind, &mut out);
            assert_eq!(String::from_utf8_lossy(&out), *want, "help {}", kind);
        }
        for k in ["tun", "vrf_slave"] {
            assert!(super::super::find(k).and_then(|k| k.help).is_none());
        }
    }
}

#[cfg(test)]
mod robustness {
    use super::test_util::{hex, run};

    /// A small deterministic generator (no dependencies).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    /// Random and mutated attribute payloads never panic a printer.
    #[test]
    fn printers_survive_garbage() {
        let seeds: &[&str] = &[
            include_str!("testdata/br_opts.kind.text"),
            include_str!("testdata/brslave_opts.slave.text"),
            include_str!("testdata/macvlan_source.kind.text"),
            include_str!("testdata/vxlan_v4.kind.text"),
            include_str!("testdata/vxlan_v6.kind.text"),
            include_str!("testdata/tun_tun.kind.text"),
        ];
        let mut rng = Lcg(42);
        for k in super::super::KINDS {
            let Some(f) = k.print else { continue };
            for round in 0..300 {
                let mut data = match seeds.get(round % (seeds.len() + 1)) {
                    Some(s) => hex(s.lines().nth(1).unwrap_or("").trim_start_matches("data ")),
                    None => (0..(rng.next() % 64)).map(|_| rng.next() as u8).collect(),
                };
                let flips = rng.next() % 4;
                for _ in 0..flips {
                    if data.is_empty() {
                        break;
                    }
                    let i = (rng.next() as usize) % data.len();
                    data[i] = rng.next() as u8;
                }
                if rng.next() % 3 == 0 && !data.is_empty() {
                    let n = (rng.next() as usize) % data.len();
                    data.truncate(n);
                }
                let _ = run(f, k.id, &data, round % 2 == 0, &[]);
            }
        }
    }

    /// Random words never panic a parser.
    #[test]
    fn parsers_survive_garbage() {
        let _g = super::request_tests::STDERR_LOCK.lock();
        let words = [
            "mode",
            "source",
            "macaddr",
            "set",
            "add",
            "del",
            "00:11:22:33:44:55",
            "1.2.3.4",
            "::1",
            "ff02::1",
            "239.1.1.1",
            "id",
            "5",
            "x",
            "dev",
            "lo",
            "ttl",
            "tos",
            "inherit",
            "srcport",
            "0x",
            "-1",
            "99999999999",
            "group",
            "remote",
            "local",
            "any",
            "external",
            "gpe",
            "vnifilter",
            "state",
            "guard",
            "on",
            "o",
            "backup_port",
            "priority",
            "vlan_protocol",
            "group_address",
            "1:2:3:4:5:6:7:8",
            "no_linklocal_learn",
            "help",
            "l3",
            "private",
            "vepa",
            "",
            ":",
            "..",
            "é",
        ];
        let mut rng = Lcg(7);
        let ((), _) = super::request_tests::capture_stderr(|| {
            for k in super::super::KINDS {
                let Some(parse) = k.parse else { continue };
                for _ in 0..300 {
                    let n = rng.next() % 8;
                    let w: Vec<String> =
                        (0..n).map(|_| words[(rng.next() as usize) % words.len()].to_string()).collect();
                    let (mut c, _) = super::test_util::ctx(false);
                    let flags = if rng.next() % 2 == 0 { 0x400 } else { 0 };
                    let mut req = crate::netlink::Req::new(16, flags, &[0u8; 16]);
                    let mut args = crate::args::Args::new(w);
                    let _ = parse(&mut c, k.id, &mut args, &mut req, &crate::linkinfo::kinds::NO_HOOKS);
                }
            }
        });
    }
}
