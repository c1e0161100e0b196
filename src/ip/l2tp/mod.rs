//! `ip l2tp` (ip/ipl2tp.c of iproute2 6.1.0): static L2TPv3 tunnels and sessions (the "l2tp" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1). Then parse_args()
//! reads the words every command shares; add creates a tunnel and/or a
//! session, delete removes one, show dumps them with its printers.

use crate::args::keywords::{exact, kw, List, Table, Words};
use crate::args::num::{get_u16, get_u32};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, invarg, missarg, Exit, Res};
use crate::inet::InetPrefix;
use crate::netlink::consts::*;
use crate::netlink::{genl, Msg, Req, Rtnl, Tb};
use crate::print::{Color, T};

pub const USAGE: &str = "Usage: ip l2tp add tunnel
          remote ADDR local ADDR
          tunnel_id ID peer_tunnel_id ID
          [ encap { ip | udp } ]
          [ udp_sport PORT ] [ udp_dport PORT ]
          [ udp_csum { on | off } ]
          [ udp6_csum_tx { on | off } ]
          [ udp6_csum_rx { on | off } ]
Usage: ip l2tp add session [ name NAME ]
          tunnel_id ID
          session_id ID peer_session_id ID
          [ cookie HEXSTR ] [ peer_cookie HEXSTR ]
          [ seq { none | send | recv | both } ]
          [ l2spec_type L2SPEC ]
       ip l2tp del tunnel tunnel_id ID
       ip l2tp del session tunnel_id ID session_id ID
       ip l2tp show tunnel [ tunnel_id ID ]
       ip l2tp show session [ tunnel_id ID ] [ session_id ID ]

Where: NAME   := STRING
       ADDR   := { IP_ADDRESS | any }
       PORT   := { 0..65535 }
       ID     := { 1..4294967295 }
       HEXSTR := { 8 or 16 hex digits (4 / 8 bytes) }
       L2SPEC := { none | default }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Del,
    Show,
    Help,
}

/// do_ipl2tp()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> = Table::new(
    "ip l2tp",
    &[
        kw("help", Cmd::Help),
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    Encap,
    Name,
    Remote,
    Local,
    TunnelId,
    PeerTunnelId,
    SessionId,
    PeerSessionId,
    UdpSport,
    UdpDport,
    UdpCsum,
    Udp6CsumRx,
    Udp6CsumTx,
    Offset,
    PeerOffset,
    Cookie,
    PeerCookie,
    L2specType,
    Seq,
    Tunnel,
    Session,
    Help,
}

/// parse_args()'s words (strcmp but `help`), in its test order.
static WORDS: Table<W> = Table::new(
    "ip l2tp add",
    &[
        exact("encap", W::Encap),
        exact("name", W::Name),
        exact("remote", W::Remote),
        exact("local", W::Local),
        exact("tunnel_id", W::TunnelId),
        exact("tid", W::TunnelId),
        exact("peer_tunnel_id", W::PeerTunnelId),
        exact("ptid", W::PeerTunnelId),
        exact("session_id", W::SessionId),
        exact("sid", W::SessionId),
        exact("peer_session_id", W::PeerSessionId),
        exact("psid", W::PeerSessionId),
        exact("udp_sport", W::UdpSport),
        exact("udp_dport", W::UdpDport),
        exact("udp_csum", W::UdpCsum),
        exact("udp6_csum_rx", W::Udp6CsumRx),
        exact("udp6_csum_tx", W::Udp6CsumTx),
        exact("offset", W::Offset),
        exact("peer_offset", W::PeerOffset),
        exact("cookie", W::Cookie),
        exact("peer_cookie", W::PeerCookie),
        exact("l2spec_type", W::L2specType),
        exact("seq", W::Seq),
        exact("tunnel", W::Tunnel),
        exact("session", W::Session),
        kw("help", W::Help),
    ],
);

/// Values: encap (strcmp), l2spec_type and seq (strcasecmp).
static VALUES: List = List { path: "ip l2tp VALUE", words: &["ip", "udp", "default", "none", "both", "recv", "send"] };

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &WORDS, &VALUES];

const L2TP_GENL_VERSION: u8 = 1;
const L2TP_CMD_TUNNEL_CREATE: u8 = 1;
const L2TP_CMD_TUNNEL_DELETE: u8 = 2;
const L2TP_CMD_TUNNEL_GET: u8 = 4;
const L2TP_CMD_SESSION_CREATE: u8 = 5;
const L2TP_CMD_SESSION_DELETE: u8 = 6;
const L2TP_CMD_SESSION_GET: u8 = 8;
const A_PW_TYPE: u16 = 1;
const A_ENCAP_TYPE: u16 = 2;
const A_L2SPEC_TYPE: u16 = 5;
const A_L2SPEC_LEN: u16 = 6;
const A_PROTO_VERSION: u16 = 7;
const A_IFNAME: u16 = 8;
const A_CONN_ID: u16 = 9;
const A_PEER_CONN_ID: u16 = 10;
const A_SESSION_ID: u16 = 11;
const A_PEER_SESSION_ID: u16 = 12;
const A_UDP_CSUM: u16 = 13;
const A_COOKIE: u16 = 15;
const A_PEER_COOKIE: u16 = 16;
const A_RECV_SEQ: u16 = 18;
const A_SEND_SEQ: u16 = 19;
const A_RECV_TIMEOUT: u16 = 22;
const A_IP_SADDR: u16 = 24;
const A_IP_DADDR: u16 = 25;
const A_UDP_SPORT: u16 = 26;
const A_UDP_DPORT: u16 = 27;
const A_IP6_SADDR: u16 = 31;
const A_IP6_DADDR: u16 = 32;
const A_UDP_ZERO_CSUM6_TX: u16 = 33;
const A_UDP_ZERO_CSUM6_RX: u16 = 34;
const L2TP_ATTR_MAX: usize = 35;
const ENCAP_UDP: u16 = 0;
const ENCAP_IP: u16 = 1;
const PWTYPE_ETH: u16 = 5;

/// struct l2tp_parm
#[derive(Clone)]
struct Parm {
    tunnel_id: u32,
    peer_tunnel_id: u32,
    session_id: u32,
    peer_session_id: u32,
    encap: u16,
    local_udp_port: u16,
    peer_udp_port: u16,
    cookie: Vec<u8>,
    peer_cookie: Vec<u8>,
    local_ip: InetPrefix,
    peer_ip: InetPrefix,
    pw_type: u16,
    udp6_csum_tx: bool,
    udp6_csum_rx: bool,
    udp_csum: bool,
    recv_seq: bool,
    send_seq: bool,
    tunnel: bool,
    session: bool,
    reorder_timeout: i32,
    ifname: Option<String>,
    l2spec_type: u8,
    l2spec_len: u8,
}

/// hex2mem()
fn hex2mem(s: &str, n: usize) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|v| v as u8);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let hi = hex(*b.get(2 * i)?)?;
        let lo = hex(*b.get(2 * i + 1)?)?;
        out.push(hi << 4 | lo);
    }
    Some(out)
}

fn on_off(v: &str, what: &str) -> Res<bool> {
    match v {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(invarg(&format!("invalid option for {}\n", what), v)),
    }
}

/// parse_args()
fn parse_args(mut a: Args) -> Res<Parm> {
    if !a.has_next() {
        return Err(usage());
    }
    let mut p = Parm {
        tunnel_id: 0,
        peer_tunnel_id: 0,
        session_id: 0,
        peer_session_id: 0,
        encap: ENCAP_UDP,
        local_udp_port: 0,
        peer_udp_port: 0,
        cookie: Vec::new(),
        peer_cookie: Vec::new(),
        local_ip: InetPrefix::default(),
        peer_ip: InetPrefix::default(),
        pw_type: 0,
        udp6_csum_tx: true,
        udp6_csum_rx: true,
        udp_csum: false,
        recv_seq: false,
        send_seq: false,
        tunnel: false,
        session: false,
        reorder_timeout: 0,
        ifname: None,
        l2spec_type: 1,
        l2spec_len: 4,
    };
    while let Some(w) = a.next() {
        match WORDS.find(&w) {
            Some(W::Encap) => {
                let v = a.value()?;
                p.encap = match v.as_str() {
                    "ip" => ENCAP_IP,
                    "udp" => ENCAP_UDP,
                    _ => return Err(fail(255, &format!("Unknown tunnel encapsulation \"{}\"\n", v))),
                };
            }
            Some(W::Name) => {
                let v = a.value()?;
                if !crate::names::link::check_ifname(&v) {
                    return Err(invarg("\"name\" not a valid ifname", &v));
                }
                p.ifname = Some(v);
            }
            Some(W::Remote) => p.peer_ip = crate::inet::get_addr(&a.value()?, AF_UNSPEC)?,
            Some(W::Local) => p.local_ip = crate::inet::get_addr(&a.value()?, AF_UNSPEC)?,
            Some(k @ (W::TunnelId | W::PeerTunnelId | W::SessionId | W::PeerSessionId)) => {
                let v = a.value()?;
                let Some(x) = get_u32(&v, 0) else { return Err(invarg("invalid ID\n", &v)) };
                match k {
                    W::TunnelId => p.tunnel_id = x,
                    W::PeerTunnelId => p.peer_tunnel_id = x,
                    W::SessionId => p.session_id = x,
                    _ => p.peer_session_id = x,
                }
            }
            Some(k @ (W::UdpSport | W::UdpDport)) => {
                let v = a.value()?;
                let Some(x) = get_u16(&v, 0) else { return Err(invarg("invalid port\n", &v)) };
                if k == W::UdpSport {
                    p.local_udp_port = x;
                } else {
                    p.peer_udp_port = x;
                }
            }
            Some(W::UdpCsum) => p.udp_csum = on_off(&a.value()?, "udp_csum")?,
            Some(W::Udp6CsumRx) => p.udp6_csum_rx = on_off(&a.value()?, "udp6_csum_rx")?,
            Some(W::Udp6CsumTx) => p.udp6_csum_tx = on_off(&a.value()?, "udp6_csum_tx")?,
            Some(W::Offset) => {
                eprint_raw("Ignoring option \"offset\"\n");
                a.value()?;
            }
            Some(W::PeerOffset) => {
                eprint_raw("Ignoring option \"peer_offset\"\n");
                a.value()?;
            }
            Some(k @ (W::Cookie | W::PeerCookie)) => {
                let v = a.value()?;
                if v.len() != 8 && v.len() != 16 {
                    return Err(invarg("cookie must be either 8 or 16 hex digits\n", &v));
                }
                let Some(c) = hex2mem(&v, v.len() / 2) else {
                    return Err(invarg("cookie must be a hex string\n", &v));
                };
                if k == W::Cookie {
                    p.cookie = c;
                } else {
                    p.peer_cookie = c;
                }
            }
            Some(W::L2specType) => {
                let v = a.value()?;
                if v.eq_ignore_ascii_case("default") {
                    p.l2spec_type = 1;
                    p.l2spec_len = 4;
                } else if v.eq_ignore_ascii_case("none") {
                    p.l2spec_type = 0;
                    p.l2spec_len = 0;
                } else {
                    return Err(fail(255, &format!("Unknown layer2specific header type \"{}\"\n", v)));
                }
            }
            Some(W::Seq) => {
                let v = a.value()?;
                if v.eq_ignore_ascii_case("both") {
                    p.recv_seq = true;
                    p.send_seq = true;
                } else if v.eq_ignore_ascii_case("recv") {
                    p.recv_seq = true;
                } else if v.eq_ignore_ascii_case("send") {
                    p.send_seq = true;
                } else if v.eq_ignore_ascii_case("none") {
                    p.recv_seq = false;
                    p.send_seq = false;
                } else {
                    return Err(fail(255, &format!("Unknown seq value \"{}\"\n", v)));
                }
            }
            Some(W::Tunnel) => p.tunnel = true,
            Some(W::Session) => p.session = true,
            Some(W::Help) => return Err(usage()),
            None => {
                eprint_raw(&format!("Unknown command: {}\n", w));
                return Err(usage());
            }
        }
    }
    Ok(p)
}

fn talk(g: &mut Rtnl, req: &mut Req) -> Res<i32> {
    if g.talk(req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

fn create_tunnel(g: &mut Rtnl, family: u16, p: &Parm) -> Res<i32> {
    let mut req = genl::request(family, L2TP_CMD_TUNNEL_CREATE, L2TP_GENL_VERSION, NLM_F_REQUEST | NLM_F_ACK);
    req.attr_u32(A_CONN_ID, p.tunnel_id);
    req.attr_u32(A_PEER_CONN_ID, p.peer_tunnel_id);
    req.attr_u8(A_PROTO_VERSION, 3);
    req.attr_u16(A_ENCAP_TYPE, p.encap);
    let la = if p.local_ip.family == AF_INET6 { A_IP6_SADDR } else { A_IP_SADDR };
    req.attr(la, p.local_ip.bytes());
    let pa = if p.peer_ip.family == AF_INET6 { A_IP6_DADDR } else { A_IP_DADDR };
    req.attr(pa, p.peer_ip.bytes());
    if p.encap == ENCAP_UDP {
        req.attr_u16(A_UDP_SPORT, p.local_udp_port);
        req.attr_u16(A_UDP_DPORT, p.peer_udp_port);
        if p.udp_csum {
            req.attr_u8(A_UDP_CSUM, 1);
        }
        if !p.udp6_csum_tx {
            req.attr(A_UDP_ZERO_CSUM6_TX, &[]);
        }
        if !p.udp6_csum_rx {
            req.attr(A_UDP_ZERO_CSUM6_RX, &[]);
        }
    }
    talk(g, &mut req)
}

fn create_session(g: &mut Rtnl, family: u16, p: &Parm) -> Res<i32> {
    let mut req = genl::request(family, L2TP_CMD_SESSION_CREATE, L2TP_GENL_VERSION, NLM_F_REQUEST | NLM_F_ACK);
    req.attr_u32(A_CONN_ID, p.tunnel_id);
    req.attr_u32(A_PEER_CONN_ID, p.peer_tunnel_id);
    req.attr_u32(A_SESSION_ID, p.session_id);
    req.attr_u32(A_PEER_SESSION_ID, p.peer_session_id);
    req.attr_u16(A_PW_TYPE, p.pw_type);
    req.attr_u8(A_L2SPEC_TYPE, p.l2spec_type);
    req.attr_u8(A_L2SPEC_LEN, p.l2spec_len);
    if p.recv_seq {
        req.attr_u8(A_RECV_SEQ, 1);
    }
    if p.send_seq {
        req.attr_u8(A_SEND_SEQ, 1);
    }
    if p.reorder_timeout != 0 {
        req.attr_u64(A_RECV_TIMEOUT, p.reorder_timeout as i64 as u64);
    }
    if !p.cookie.is_empty() {
        req.attr(A_COOKIE, &p.cookie);
    }
    if !p.peer_cookie.is_empty() {
        req.attr(A_PEER_COOKIE, &p.peer_cookie);
    }
    if let Some(n) = &p.ifname {
        req.attr_str(A_IFNAME, n);
    }
    talk(g, &mut req)
}

fn do_add(g: &mut Rtnl, family: u16, a: Args) -> Res<i32> {
    let mut p = parse_args(a)?;
    if !p.tunnel && !p.session {
        return Err(missarg("tunnel or session"));
    }
    if p.tunnel_id == 0 {
        return Err(missarg("tunnel_id"));
    }
    if p.session && p.peer_session_id == 0 {
        return Err(missarg("peer_session_id"));
    }
    if p.session && p.session_id == 0 {
        return Err(missarg("session_id"));
    }
    if p.tunnel && p.peer_tunnel_id == 0 {
        return Err(missarg("peer_tunnel_id"));
    }
    let mut ret = Ok(0);
    if p.tunnel {
        if p.local_ip.family == AF_UNSPEC {
            return Err(missarg("local"));
        }
        if p.peer_ip.family == AF_UNSPEC {
            return Err(missarg("remote"));
        }
        if p.encap == ENCAP_UDP {
            if p.local_udp_port == 0 {
                return Err(missarg("udp_sport"));
            }
            if p.peer_udp_port == 0 {
                return Err(missarg("udp_dport"));
            }
        }
        ret = create_tunnel(g, family, &p);
    }
    if p.session {
        p.pw_type = PWTYPE_ETH;
        ret = create_session(g, family, &p);
    }
    ret
}

fn do_del(g: &mut Rtnl, family: u16, a: Args) -> Res<i32> {
    let p = parse_args(a)?;
    if !p.tunnel && !p.session {
        return Err(missarg("tunnel or session"));
    }
    if p.tunnel && p.tunnel_id == 0 {
        return Err(missarg("tunnel_id"));
    }
    if p.session && p.session_id == 0 {
        return Err(missarg("session_id"));
    }
    let mut req;
    if p.session_id != 0 {
        req = genl::request(family, L2TP_CMD_SESSION_DELETE, L2TP_GENL_VERSION, NLM_F_REQUEST | NLM_F_ACK);
        req.attr_u32(A_CONN_ID, p.tunnel_id);
        req.attr_u32(A_SESSION_ID, p.session_id);
    } else {
        req = genl::request(family, L2TP_CMD_TUNNEL_DELETE, L2TP_GENL_VERSION, NLM_F_REQUEST | NLM_F_ACK);
        req.attr_u32(A_CONN_ID, p.tunnel_id);
    }
    talk(g, &mut req)
}

/// get_response(): the message's attributes over `p` (what a message
/// lacks keeps the value of the one before, as the reference's one
/// struct does). False where the C returns -1.
fn get_response(p: &mut Parm, m: &Msg) -> bool {
    let Some((_, attrs)) = genl::payload(m) else { return false };
    let tb = Tb::parse(attrs, L2TP_ATTR_MAX);
    if let Some(v) = tb.u16(A_PW_TYPE) {
        p.pw_type = v;
    }
    if let Some(v) = tb.u16(A_ENCAP_TYPE) {
        p.encap = v;
    }
    if let Some(v) = tb.u32(A_CONN_ID) {
        p.tunnel_id = v;
    }
    if let Some(v) = tb.u32(A_PEER_CONN_ID) {
        p.peer_tunnel_id = v;
    }
    if let Some(v) = tb.u32(A_SESSION_ID) {
        p.session_id = v;
    }
    if let Some(v) = tb.u32(A_PEER_SESSION_ID) {
        p.peer_session_id = v;
    }
    if let Some(v) = tb.u8(A_L2SPEC_TYPE) {
        p.l2spec_type = v;
    }
    if let Some(v) = tb.u8(A_L2SPEC_LEN) {
        p.l2spec_len = v;
    }
    if let Some(v) = tb.u8(A_UDP_CSUM) {
        p.udp_csum = v != 0;
    }
    p.udp6_csum_tx = !tb.has(A_UDP_ZERO_CSUM6_TX);
    p.udp6_csum_rx = !tb.has(A_UDP_ZERO_CSUM6_RX);
    if let Some(c) = tb.get(A_COOKIE) {
        p.cookie = c.iter().take(8).copied().collect();
    }
    if let Some(c) = tb.get(A_PEER_COOKIE) {
        p.peer_cookie = c.iter().take(8).copied().collect();
    }
    if let Some(v) = tb.u8(A_RECV_SEQ) {
        p.recv_seq = v != 0;
    }
    if let Some(v) = tb.u8(A_SEND_SEQ) {
        p.send_seq = v != 0;
    }
    if let Some(v) = tb.u64(A_RECV_TIMEOUT) {
        p.reorder_timeout = v as i32;
    }
    for (v4, v6, ip) in [(A_IP_SADDR, A_IP6_SADDR, &mut p.local_ip), (A_IP_DADDR, A_IP6_DADDR, &mut p.peer_ip)] {
        let (rta, fam) = match tb.get(v4) {
            Some(d) => (Some(d), AF_INET),
            None => (tb.get(v6), AF_INET6),
        };
        ip.family = fam;
        if let Some(d) = rta {
            match crate::inet::get_addr_rta(d, fam) {
                Ok(x) => *ip = x,
                Err(_) => return false,
            }
        }
    }
    if let Some(v) = tb.u16(A_UDP_SPORT) {
        p.local_udp_port = v;
    }
    if let Some(v) = tb.u16(A_UDP_DPORT) {
        p.peer_udp_port = v;
    }
    if let Some(n) = tb.str(A_IFNAME) {
        p.ifname = Some(n.to_string());
    }
    true
}

fn ntop(ip: &InetPrefix) -> String {
    crate::inet::inet_ntop_str(ip.family, &ip.data).unwrap_or_default()
}

/// print_tunnel()
fn print_tunnel(ctx: &mut Ctx, p: &Parm) {
    let pr = &mut ctx.p;
    pr.open_object(None);
    pr.uint(T::Any, "tunnel_id", "Tunnel {},", u64::from(p.tunnel_id));
    let e = match p.encap {
        ENCAP_UDP => "UDP",
        ENCAP_IP => "IP",
        _ => "??",
    };
    pr.string(T::Any, "encap", " encap {}", e);
    pr.nl();
    pr.string(T::Any, "local", "  From {} ", &ntop(&p.local_ip));
    pr.string(T::Any, "peer", "to {}", &ntop(&p.peer_ip));
    pr.nl();
    pr.uint(T::Any, "peer_tunnel", "  Peer tunnel {}", u64::from(p.peer_tunnel_id));
    pr.nl();
    if p.encap == ENCAP_UDP {
        pr.string(T::Fp, "", "  UDP source / dest ports:", "");
        pr.uint(T::Any, "local_port", " {}", u64::from(p.local_udp_port));
        pr.uint(T::Any, "peer_port", "/{}", u64::from(p.peer_udp_port));
        pr.nl();
        match p.local_ip.family {
            AF_INET => {
                pr.bool(T::Json, "checksum", "", p.udp_csum);
                pr.string(T::Fp, "", "  UDP checksum: {}\n", if p.udp_csum { "enabled" } else { "disabled" });
            }
            AF_INET6 => {
                if ctx.o.json > 0 {
                    pr.bool(T::Json, "checksum_tx", "", p.udp6_csum_tx);
                    pr.bool(T::Json, "checksum_rx", "", p.udp6_csum_rx);
                } else {
                    let (tx, rx) = (p.udp6_csum_tx, p.udp6_csum_rx);
                    let s = match (tx, rx) {
                        (true, true) => "enabled",
                        (true, false) => "tx",
                        (false, true) => "rx",
                        (false, false) => "disabled",
                    };
                    pr.fpf(format_args!("  UDP checksum: {}\n", s));
                }
            }
            _ => {}
        }
    }
    pr.close_object();
}

/// print_cookie()
fn cookie_str(c: &[u8]) -> String {
    let mut b = c.to_vec();
    b.resize(8, 0);
    let mut s: String = b[..4].iter().map(|x| format!("{:02x}", x)).collect();
    if c.len() == 8 {
        s.extend(b[4..8].iter().map(|x| format!("{:02x}", x)));
    }
    s
}

/// print_session()
fn print_session(ctx: &mut Ctx, p: &Parm) {
    let sl = if ctx.o.oneline > 0 { "\\" } else { "\n" };
    let pr = &mut ctx.p;
    pr.open_object(None);
    pr.uint(T::Any, "session_id", "Session {}", u64::from(p.session_id));
    pr.uint(T::Any, "tunnel_id", " in tunnel {}", u64::from(p.tunnel_id));
    pr.nl();
    pr.uint(T::Any, "peer_session_id", "  Peer session {},", u64::from(p.peer_session_id));
    pr.uint(T::Any, "peer_tunnel_id", " tunnel {}", u64::from(p.peer_tunnel_id));
    pr.nl();
    if let Some(n) = &p.ifname {
        pr.color_string(T::Any, Color::Ifname, "interface", "  interface name: {}", n);
        pr.nl();
    }
    pr.uint(T::Fp, "offset", "  offset {},", 0);
    pr.uint(T::Fp, "peer_offset", " peer offset {}\n", 0);
    if !p.cookie.is_empty() {
        pr.string(T::Any, "cookie", "  cookie {}", &cookie_str(&p.cookie));
    }
    if !p.peer_cookie.is_empty() {
        pr.string(T::Any, "peer_cookie", "  peer cookie {}", &cookie_str(&p.peer_cookie));
    }
    if p.reorder_timeout != 0 {
        pr.uint(T::Any, "reorder_timeout", "  reorder timeout: {}", u64::from(p.reorder_timeout as u32));
    }
    if p.send_seq || p.recv_seq {
        pr.string(T::Fp, "", "{}  sequence numbering:", sl);
        if p.send_seq {
            pr.null(T::Any, "send_seq", " send", "");
        }
        if p.recv_seq {
            pr.null(T::Any, "recv_seq", " recv", "");
        }
    }
    pr.string(T::Fp, "", "\n", "");
    pr.close_object();
}

fn do_show(ctx: &mut Ctx, g: &mut Rtnl, family: u16, a: Args) -> Res<i32> {
    let mut p = parse_args(a)?;
    if !p.tunnel && !p.session {
        return Err(missarg("tunnel or session"));
    }
    let session = p.session;
    let mut req;
    if session {
        req = genl::request(family, L2TP_CMD_SESSION_GET, L2TP_GENL_VERSION, NLM_F_DUMP | NLM_F_REQUEST);
        if p.tunnel_id != 0 && p.session_id != 0 {
            req.attr_u32(A_CONN_ID, p.tunnel_id);
            req.attr_u32(A_SESSION_ID, p.session_id);
        }
    } else {
        req = genl::request(family, L2TP_CMD_TUNNEL_GET, L2TP_GENL_VERSION, NLM_F_DUMP | NLM_F_REQUEST);
        if p.tunnel_id != 0 {
            req.attr_u32(A_CONN_ID, p.tunnel_id);
        }
    }
    // get_tunnel()/get_session() return -2 when the send fails; do_show()
    // ignores it.
    if g.dump_request(&mut req).is_err() {
        return Ok(0);
    }
    ctx.p.new_json_obj();
    let ok = g.dump(|m| {
        if !get_response(&mut p, &m) {
            return Err(Exit(1));
        }
        if session {
            print_session(ctx, &p);
        } else {
            print_tunnel(ctx, &p);
        }
        Ok(())
    });
    if !matches!(ok, Ok(true)) {
        let _ = ctx.p.flush();
        return Err(fail(1, "Dump terminated\n"));
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

pub fn do_ipl2tp(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "l2tp") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Add) => do_add(&mut g, family, args),
        Some(Cmd::Del) => do_del(&mut g, family, args),
        Some(Cmd::Show) => do_show(ctx, &mut g, family, args),
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip l2tp")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::Opts;
    use crate::netlink::attr::msgs;
    use crate::print::{Captured, Mode, Printer};

    fn ctx() -> (Ctx, Captured) {
        let buf = Captured::default();
        let p = Printer::new(Box::new(buf.clone()), Mode::default());
        (Ctx::with_replay(Opts::default(), p, Vec::new()), buf)
    }

    fn words(s: &str) -> Args {
        Args::from_strs(&s.split(' ').collect::<Vec<_>>())
    }

    #[test]
    fn parse_defaults_and_values() {
        let p =
            parse_args(words("tunnel tid 5 ptid 6 remote 1.1.1.1 local ::1 encap ip cookie 0102030a")).ok().unwrap();
        assert!(p.tunnel && !p.session);
        assert_eq!((p.tunnel_id, p.peer_tunnel_id, p.encap), (5, 6, ENCAP_IP));
        assert_eq!((p.local_ip.family, p.peer_ip.family), (AF_INET6, AF_INET));
        assert_eq!(p.cookie, vec![1, 2, 3, 10]);
        assert_eq!((p.l2spec_type, p.l2spec_len, p.udp6_csum_rx, p.udp6_csum_tx), (1, 4, true, true));
        let p = parse_args(words("session seq BOTH l2spec_type None")).ok().unwrap();
        assert!(p.send_seq && p.recv_seq && p.l2spec_type == 0 && p.l2spec_len == 0);
        assert_eq!(parse_args(words("cookie 0102")).err(), Some(Exit(255)));
        assert_eq!(parse_args(words("cookie 0102030g")).err(), Some(Exit(255)));
        assert_eq!(parse_args(words("encap gre")).err(), Some(Exit(255)));
        assert_eq!(parse_args(words("tid")).err(), Some(Exit(255)));
    }

    /// A session as print_session() shows it; a following message that
    /// lacks a field keeps the one before (one struct for the dump).
    #[test]
    fn session_printer() {
        let mut req = genl::request(40, L2TP_CMD_SESSION_GET, 1, 0);
        req.attr_u32(A_CONN_ID, 1);
        req.attr_u32(A_SESSION_ID, 2);
        req.attr_u32(A_PEER_SESSION_ID, 3);
        req.attr_u32(A_PEER_CONN_ID, 4);
        req.attr_str(A_IFNAME, "l2tpeth0");
        req.attr(A_COOKIE, &[1, 2, 3, 4]);
        req.attr_u8(A_RECV_SEQ, 1);
        req.attr_u8(A_SEND_SEQ, 1);
        let raw = req.bytes().to_vec();
        let m = msgs(&raw).next().unwrap();
        let mut req = genl::request(40, L2TP_CMD_SESSION_GET, 1, 0);
        req.attr_u32(A_SESSION_ID, 9);
        let raw2 = req.bytes().to_vec();
        let m2 = msgs(&raw2).next().unwrap();
        let (mut c, buf) = ctx();
        let mut p = parse_args(words("session")).ok().unwrap();
        assert!(get_response(&mut p, &m));
        print_session(&mut c, &p);
        assert!(get_response(&mut p, &m2));
        print_session(&mut c, &p);
        let _ = c.p.flush();
        let one = "in tunnel 1\n  Peer session 3, tunnel 4\n  interface name: l2tpeth0\n  offset 0, peer offset 0\n  cookie 01020304\n  sequence numbering: send recv\n";
        assert_eq!(String::from_utf8(buf.bytes()).unwrap(), format!("Session 2 {}Session 9 {}", one, one));
    }

    #[test]
    fn tunnel_printer() {
        let mut req = genl::request(40, L2TP_CMD_TUNNEL_GET, 1, 0);
        req.attr_u32(A_CONN_ID, 7);
        req.attr_u32(A_PEER_CONN_ID, 8);
        req.attr_u16(A_ENCAP_TYPE, ENCAP_UDP);
        req.attr(A_IP6_SADDR, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        req.attr(A_IP6_DADDR, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
        req.attr_u16(A_UDP_SPORT, 5000);
        req.attr_u16(A_UDP_DPORT, 6000);
        req.attr(A_UDP_ZERO_CSUM6_RX, &[]);
        let raw = req.bytes().to_vec();
        let m = msgs(&raw).next().unwrap();
        let (mut c, buf) = ctx();
        let mut p = parse_args(words("tunnel")).ok().unwrap();
        assert!(get_response(&mut p, &m));
        print_tunnel(&mut c, &p);
        let _ = c.p.flush();
        assert_eq!(
            String::from_utf8(buf.bytes()).unwrap(),
            "Tunnel 7, encap UDP\n  From ::1 to ::2\n  Peer tunnel 8\n  UDP source / dest ports: 5000/6000\n  UDP checksum: tx\n"
        );
        // A bad address length ends the dump.
        let mut req = genl::request(40, L2TP_CMD_TUNNEL_GET, 1, 0);
        req.attr(A_IP_SADDR, &[1, 2]);
        let raw = req.bytes().to_vec();
        assert!(!get_response(&mut p, &msgs(&raw).next().unwrap()));
    }
}
