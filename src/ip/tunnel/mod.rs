//! `ip tunnel` / `ip tunl` (ip/iptunnel.c of iproute2 6.1.0): IPv4
//! tunnels (ipip, gre, sit, isatap, vti) through the device-private ioctls
//! of their base devices (tunl0, gre0, sit0, ip_vti0), their potential
//! router lists (`prl`) and 6RD prefixes (`6rd`). An IPv6 family (`-6`, or
//! an IPv6 `mode`) hands the command to the IPv6 half (ip6.rs).

mod common;
mod ip6;

use crate::args::keywords::{exact, kw, List, Table, Words};
use crate::args::num::get_u8;
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{duparg2, eprint_raw, fail, invarg, Exit, Res};
use crate::inet;
use crate::names::tables as rt_names;
use crate::netlink::consts::*;
use crate::print::{Color, T};
use common::*;

pub const USAGE: &str = "Usage: ip tunnel { add | change | del | show | prl | 6rd } [ NAME ]
        [ mode { gre | ipip | isatap | sit | vti } ]
        [ remote ADDR ] [ local ADDR ]
        [ [i|o]seq ] [ [i|o]key KEY ] [ [i|o]csum ]
        [ prl-default ADDR ] [ prl-nodefault ADDR ] [ prl-delete ADDR ]
        [ 6rd-prefix ADDR ] [ 6rd-relay_prefix ADDR ] [ 6rd-reset ]
        [ ttl TTL ] [ tos TOS ] [ [no]pmtudisc ] [ dev PHYS_DEV ]

Where: NAME := STRING
       ADDR := { IP_ADDRESS | any }
       TOS  := { STRING | 00..ff | inherit | inherit/STRING | inherit/00..ff }
       TTL  := { 1..255 | inherit }
       KEY  := { DOTTED_QUAD | NUMBER }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Change,
    Del,
    Show,
    Prl,
    Rd6,
    Help,
}

/// do_iptunnel()'s commands (and do_ip6tunnel()'s, less prl and 6rd).
static COMMANDS: Table<Cmd> = Table::new(
    "ip tunnel",
    &[
        kw("add", Cmd::Add),
        kw("change", Cmd::Change),
        kw("delete", Cmd::Del),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("prl", Cmd::Prl),
        kw("6rd", Cmd::Rd6),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opt {
    Mode,
    Key,
    Ikey,
    Okey,
    Seq,
    Iseq,
    Oseq,
    Csum,
    Icsum,
    Ocsum,
    NoPmtu,
    Pmtu,
    Remote,
    Local,
    Dev,
    Ttl,
    Tos,
    Name,
    Help,
}

/// parse_args()'s words (strcmp, except `dsfield` and `help`); any other
/// word is the tunnel's name.
static OPTS: Table<Opt> = Table::new(
    "ip tunnel add",
    &[
        exact("mode", Opt::Mode),
        exact("key", Opt::Key),
        exact("ikey", Opt::Ikey),
        exact("okey", Opt::Okey),
        exact("seq", Opt::Seq),
        exact("iseq", Opt::Iseq),
        exact("oseq", Opt::Oseq),
        exact("csum", Opt::Csum),
        exact("icsum", Opt::Icsum),
        exact("ocsum", Opt::Ocsum),
        exact("nopmtudisc", Opt::NoPmtu),
        exact("pmtudisc", Opt::Pmtu),
        exact("remote", Opt::Remote),
        exact("local", Opt::Local),
        exact("dev", Opt::Dev),
        exact("ttl", Opt::Ttl),
        exact("hoplimit", Opt::Ttl),
        exact("hlim", Opt::Ttl),
        exact("tos", Opt::Tos),
        exact("tclass", Opt::Tos),
        kw("dsfield", Opt::Tos),
        exact("name", Opt::Name),
        kw("help", Opt::Help),
    ],
);

/// The IPv4 modes (strcmp).
static MODES: List =
    List { path: "ip tunnel mode", words: &["ipip", "ip/ip", "gre", "gre/ip", "sit", "ipv6/ip", "isatap", "vti"] };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prl {
    Default,
    NoDefault,
    Delete,
    Dev,
    Prefix,
    Relay,
    Reset,
}

/// do_prl()'s words (strcmp).
static PRL: Table<Prl> = Table::new(
    "ip tunnel prl",
    &[
        exact("prl-default", Prl::Default),
        exact("prl-nodefault", Prl::NoDefault),
        exact("prl-delete", Prl::Delete),
        exact("dev", Prl::Dev),
    ],
);

/// do_6rd()'s words (strcmp).
static RD6: Table<Prl> = Table::new(
    "ip tunnel 6rd",
    &[
        exact("6rd-prefix", Prl::Prefix),
        exact("6rd-relay_prefix", Prl::Relay),
        exact("6rd-reset", Prl::Reset),
        exact("dev", Prl::Dev),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &OPTS, &MODES, &PRL, &RD6, &ip6::OPTS, &ip6::MODES];

/// The IPv6 modes that send the command to the IPv6 half
/// (tunnel_mode_is_ipv6()).
const IPV6_MODES: &[&str] = &[
    "ipv6/ipv6",
    "ip6ip6",
    "vti6",
    "ip/ipv6",
    "ipv4/ipv6",
    "ipip6",
    "ip4ip6",
    "ip6gre",
    "gre/ipv6",
    "any/ipv6",
    "any",
];

pub fn do_iptunnel(ctx: &mut Ctx, args: Args) -> Res<i32> {
    let w = args.rest();
    if let Some(i) = w.iter().take(w.len().saturating_sub(1)).position(|a| a == "mode") {
        if IPV6_MODES.contains(&w[i + 1].as_str()) {
            ctx.o.family = AF_INET6;
        }
    }
    match ctx.o.family {
        AF_UNSPEC => ctx.o.family = AF_INET,
        AF_INET => {}
        AF_INET6 => return ip6::do_ip6tunnel(ctx, args),
        f => return Err(fail(255, &format!("Unsupported protocol family: {}\n", f))),
    }
    let mut args = args;
    let Some(cmd) = args.next() else { return do_show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => do_add(ctx, SIOCADDTUNNEL, args),
        Some(Cmd::Change) => do_add(ctx, SIOCCHGTUNNEL, args),
        Some(Cmd::Del) => do_del(ctx, args),
        Some(Cmd::Show) => do_show(ctx, args),
        Some(Cmd::Prl) => do_prl(ctx, args),
        Some(Cmd::Rd6) => do_6rd(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip tunnel help\"\n", cmd))),
    }
}

/// struct ip_tunnel_parm, as the ioctls read and write it.
#[derive(Clone, Copy)]
struct Parm([u8; 52]);

impl Parm {
    /// parse_args()'s start: version 4, ihl 5, DF set.
    fn new() -> Parm {
        let mut p = Parm([0; 52]);
        p.0[32] = 0x45;
        p.set_frag_off(0x4000u16.to_be());
        p
    }
    fn name(&self) -> &str {
        let n = self.0[..16].iter().position(|&c| c == 0).unwrap_or(16);
        std::str::from_utf8(&self.0[..n]).unwrap_or("")
    }
    fn set_name(&mut self, s: &str) {
        self.0[..16].fill(0);
        let b = s.as_bytes();
        let n = b.len().min(15);
        self.0[..n].copy_from_slice(&b[..n]);
    }
    fn link(&self) -> i32 {
        i32::from_ne_bytes([self.0[16], self.0[17], self.0[18], self.0[19]])
    }
    fn set_link(&mut self, v: i32) {
        self.0[16..20].copy_from_slice(&v.to_ne_bytes());
    }
    fn u16_at(&self, o: usize) -> u16 {
        u16::from_ne_bytes([self.0[o], self.0[o + 1]])
    }
    fn set_u16_at(&mut self, o: usize, v: u16) {
        self.0[o..o + 2].copy_from_slice(&v.to_ne_bytes());
    }
    fn u32_at(&self, o: usize) -> u32 {
        u32::from_ne_bytes([self.0[o], self.0[o + 1], self.0[o + 2], self.0[o + 3]])
    }
    fn set_u32_at(&mut self, o: usize, v: u32) {
        self.0[o..o + 4].copy_from_slice(&v.to_ne_bytes());
    }
    fn i_flags(&self) -> u16 {
        self.u16_at(20)
    }
    fn o_flags(&self) -> u16 {
        self.u16_at(22)
    }
    fn or_i_flags(&mut self, f: u16) {
        self.set_u16_at(20, self.i_flags() | f)
    }
    fn or_o_flags(&mut self, f: u16) {
        self.set_u16_at(22, self.o_flags() | f)
    }
    fn i_key(&self) -> u32 {
        self.u32_at(24)
    }
    fn o_key(&self) -> u32 {
        self.u32_at(28)
    }
    fn tos(&self) -> u8 {
        self.0[33]
    }
    fn frag_off(&self) -> u16 {
        self.u16_at(38)
    }
    fn set_frag_off(&mut self, v: u16) {
        self.set_u16_at(38, v)
    }
    fn ttl(&self) -> u8 {
        self.0[40]
    }
    fn protocol(&self) -> u8 {
        self.0[41]
    }
    fn saddr(&self) -> u32 {
        self.u32_at(44)
    }
    fn daddr(&self) -> u32 {
        self.u32_at(48)
    }
}

fn set_tunnel_proto(p: &mut Parm, proto: u8) -> Res<()> {
    if p.protocol() != 0 && p.protocol() != proto {
        return Err(fail(255, "You managed to ask for more than one tunnel mode.\n"));
    }
    p.0[41] = proto;
    Ok(())
}

fn is_multicast(be: u32) -> bool {
    u32::from_be(be) & 0xf000_0000 == 0xe000_0000
}

/// parse_args(): the parameters, or the command's status when it ends here.
fn parse_args(ctx: &mut Ctx, mut a: Args, cmd: u64) -> Res<Result<Parm, i32>> {
    let mut p = Parm::new();
    let mut count = 0;
    let mut medium: Option<String> = None;
    let mut isatap = false;
    while a.has_next() {
        let w = a.cur().to_string();
        match OPTS.find(&w) {
            Some(Opt::Mode) => {
                a.next_arg()?;
                match a.cur() {
                    "ipip" | "ip/ip" => set_tunnel_proto(&mut p, IPPROTO_IPIP)?,
                    "gre" | "gre/ip" => set_tunnel_proto(&mut p, IPPROTO_GRE)?,
                    "sit" | "ipv6/ip" => set_tunnel_proto(&mut p, IPPROTO_IPV6)?,
                    "isatap" => {
                        set_tunnel_proto(&mut p, IPPROTO_IPV6)?;
                        isatap = true;
                    }
                    "vti" => {
                        set_tunnel_proto(&mut p, IPPROTO_IPIP)?;
                        p.or_i_flags(VTI_ISVTI);
                    }
                    m => return Err(fail(255, &format!("Unknown tunnel mode \"{}\"\n", m))),
                }
            }
            Some(Opt::Key) => {
                a.next_arg()?;
                p.or_i_flags(GRE_KEY);
                p.or_o_flags(GRE_KEY);
                let k = parse_key("key", a.cur())?;
                p.set_u32_at(24, k);
                p.set_u32_at(28, k);
            }
            Some(Opt::Ikey) => {
                a.next_arg()?;
                p.or_i_flags(GRE_KEY);
                let k = parse_key("ikey", a.cur())?;
                p.set_u32_at(24, k);
            }
            Some(Opt::Okey) => {
                a.next_arg()?;
                p.or_o_flags(GRE_KEY);
                let k = parse_key("okey", a.cur())?;
                p.set_u32_at(28, k);
            }
            Some(Opt::Seq) => {
                p.or_i_flags(GRE_SEQ);
                p.or_o_flags(GRE_SEQ);
            }
            Some(Opt::Iseq) => p.or_i_flags(GRE_SEQ),
            Some(Opt::Oseq) => p.or_o_flags(GRE_SEQ),
            Some(Opt::Csum) => {
                p.or_i_flags(GRE_CSUM);
                p.or_o_flags(GRE_CSUM);
            }
            Some(Opt::Icsum) => p.or_i_flags(GRE_CSUM),
            Some(Opt::Ocsum) => p.or_o_flags(GRE_CSUM),
            Some(Opt::NoPmtu) => p.set_frag_off(0),
            Some(Opt::Pmtu) => p.set_frag_off(0x4000u16.to_be()),
            Some(Opt::Remote) => {
                a.next_arg()?;
                let d = inet::get_addr32(a.cur())?;
                p.0[48..52].copy_from_slice(&d);
            }
            Some(Opt::Local) => {
                a.next_arg()?;
                let d = inet::get_addr32(a.cur())?;
                p.0[44..48].copy_from_slice(&d);
            }
            Some(Opt::Dev) => {
                a.next_arg()?;
                medium = Some(a.cur().to_string());
            }
            Some(Opt::Ttl) => {
                a.next_arg()?;
                if a.cur() != "inherit" {
                    match get_u8(a.cur(), 0) {
                        Some(v) => p.0[40] = v,
                        None => return Err(invarg("invalid TTL\n", a.cur())),
                    }
                }
            }
            Some(Opt::Tos) => {
                a.next_arg()?;
                // strsep(&dsfield, "/") cuts the word at its first '/'.
                let word = a.cur().to_string();
                let (head, tail) = match word.split_once('/') {
                    Some((h, t)) => (h, Some(t)),
                    None => (word.as_str(), None),
                };
                let dsfield = if head != "inherit" {
                    p.0[33] = 0;
                    Some(head)
                } else {
                    p.0[33] = 1;
                    tail
                };
                if let Some(d) = dsfield {
                    match rt_names::dsfield_a2n(d) {
                        Some(v) => p.0[33] |= v as u8,
                        None => return Err(invarg("bad TOS value", head)),
                    }
                }
            }
            Some(Opt::Name) | Some(Opt::Help) | None => {
                if OPTS.find(&w) == Some(Opt::Name) {
                    a.next_arg()?;
                } else if OPTS.find(&w) == Some(Opt::Help) {
                    return Err(usage());
                }
                let name = a.cur().to_string();
                if !p.name().is_empty() {
                    return Err(duparg2("name", &name));
                }
                if !crate::names::link::check_ifname(&name) {
                    return Err(invarg("\"name\" not a valid ifname", &name));
                }
                p.set_name(&name);
                if cmd == SIOCCHGTUNNEL && count == 0 {
                    let mut old = Parm([0; 52]);
                    if !get_ioctl(ctx.o.family, &name, &mut old.0) {
                        return Ok(Err(1));
                    }
                    p = old;
                }
            }
        }
        count += 1;
        a.step();
    }
    if p.protocol() == 0 {
        let n = p.0;
        if n.starts_with(b"gre") {
            p.0[41] = IPPROTO_GRE;
        } else if n.starts_with(b"ipip") {
            p.0[41] = IPPROTO_IPIP;
        } else if n.starts_with(b"sit") {
            p.0[41] = IPPROTO_IPV6;
        } else if n.starts_with(b"isatap") {
            p.0[41] = IPPROTO_IPV6;
            isatap = true;
        } else if n.starts_with(b"vti") {
            p.0[41] = IPPROTO_IPIP;
            p.or_i_flags(VTI_ISVTI);
        }
    }
    if (p.i_flags() & GRE_KEY != 0 || p.o_flags() & GRE_KEY != 0)
        && p.i_flags() & VTI_ISVTI == 0
        && p.protocol() != IPPROTO_GRE
    {
        eprint_raw("Keys are not allowed with ipip and sit tunnels\n");
        return Ok(Err(1));
    }
    if let Some(m) = medium {
        let idx = ctx.ifindex(&m);
        if idx == 0 {
            crate::error::say_no_device(&m);
            return Ok(Err(1));
        }
        p.set_link(idx as i32);
    }
    let daddr = p.daddr();
    if p.i_key() == 0 && is_multicast(daddr) {
        p.set_u32_at(24, daddr);
        p.or_i_flags(GRE_KEY);
    }
    if p.o_key() == 0 && is_multicast(daddr) {
        p.set_u32_at(28, daddr);
        p.or_o_flags(GRE_KEY);
    }
    if is_multicast(daddr) && p.saddr() == 0 {
        eprint_raw("A broadcast tunnel requires a source address\n");
        return Ok(Err(1));
    }
    if isatap {
        p.or_i_flags(SIT_ISATAP);
    }
    Ok(Ok(p))
}

/// tnl_defname()
fn defname(p: &Parm) -> Option<&'static str> {
    match p.protocol() {
        IPPROTO_IPIP if p.i_flags() & VTI_ISVTI != 0 => Some("ip_vti0"),
        IPPROTO_IPIP => Some("tunl0"),
        IPPROTO_GRE => Some("gre0"),
        IPPROTO_IPV6 => Some("sit0"),
        _ => None,
    }
}

fn do_add(ctx: &mut Ctx, cmd: u64, a: Args) -> Res<i32> {
    let mut p = match parse_args(ctx, a, cmd)? {
        Ok(p) => p,
        Err(rc) => return Ok(rc),
    };
    if p.ttl() != 0 && p.frag_off() == 0 {
        eprint_raw("ttl != 0 and nopmtudisc are incompatible\n");
        return Ok(1);
    }
    let Some(basedev) = defname(&p) else {
        eprint_raw("cannot determine tunnel mode (ipip, gre, vti or sit)\n");
        return Ok(1);
    };
    let name = p.name().to_string();
    Ok(add_ioctl(ctx.o.family, cmd, basedev, &name, &mut p.0))
}

fn do_del(ctx: &mut Ctx, a: Args) -> Res<i32> {
    let mut p = match parse_args(ctx, a, SIOCDELTUNNEL)? {
        Ok(p) => p,
        Err(rc) => return Ok(rc),
    };
    let name = p.name().to_string();
    let base = defname(&p).map(|s| s.to_string()).unwrap_or_else(|| name.clone());
    Ok(del_ioctl(ctx.o.family, &base, &name, &mut p.0))
}

/// print_tunnel()
fn print_tunnel(s: &mut Shown, p: &Parm) {
    let json = s.p.is_json();
    let resolve = s.o.resolve > 0;
    s.p.open_object(None);
    s.p.color_string(T::Any, Color::Ifname, "ifname", "{}: ", p.name());
    s.p.string(T::Any, "mode", "{} ", &format!("{}/ip", strproto(p.protocol())));
    s.p.fp("remote ");
    let d = p.daddr().to_ne_bytes();
    let remote = if p.daddr() != 0 || json { inet::format_host(AF_INET, &d, resolve) } else { "any".into() };
    s.p.color_string(T::Any, Color::Inet, "remote", "{} ", &remote);
    s.p.fp("local ");
    let l = p.saddr().to_ne_bytes();
    let local = if p.saddr() != 0 || json { inet::rt_addr_n2a(AF_INET, &l) } else { "any".into() };
    s.p.color_string(T::Any, Color::Inet, "local", "{}", &local);

    if p.protocol() == IPPROTO_IPV6 && p.i_flags() & SIT_ISATAP != 0 {
        let mut prl = [0u8; 16 * 16];
        prl[8..12].copy_from_slice(&(15u32 * 16).to_ne_bytes());
        if gen_ioctl(s.o.family, SIOCGETPRL, p.name(), &mut prl, -1) {
            for i in 1..16 {
                let e = &prl[i * 16..i * 16 + 16];
                let addr = [e[0], e[1], e[2], e[3]];
                if addr == [0; 4] {
                    continue;
                }
                let flags = u16::from_ne_bytes([e[4], e[5]]);
                let h = inet::format_host(AF_INET, &addr, resolve);
                if flags & 1 != 0 {
                    s.p.string(T::Any, "pdr", " pdr {}", &h);
                } else {
                    s.p.string(T::Any, "pr", " pr {}", &h);
                }
            }
        }
    }
    if p.link() != 0 {
        let n = s.names.name_own_socket(p.link() as u32);
        s.p.string(T::Any, "dev", " dev {}", &n);
    }
    if p.ttl() != 0 {
        s.p.uint(T::Any, "ttl", " ttl {}", p.ttl() as u64);
    } else {
        s.p.string(T::Fp, "ttl", " ttl {}", "inherit");
    }
    let tos = p.tos();
    if tos != 0 {
        let numeric = s.o.numeric > 0;
        if tos != 1 {
            let b2 = if !json && tos & 1 != 0 {
                format!("inherit/{}", rt_names::dsfield_n2a((tos & !1) as u32, numeric).as_str())
            } else {
                rt_names::dsfield_n2a(tos as u32, numeric).as_str().to_string()
            };
            s.p.string(T::Any, "tos", " tos {}", &b2);
        } else {
            s.p.fp(" tos inherit");
        }
    }
    if p.frag_off() & 0x4000u16.to_be() == 0 {
        s.p.null(T::Any, "nopmtudisc", " nopmtudisc", "");
    }
    if p.protocol() == IPPROTO_IPV6 {
        let mut rd = [0u8; 24];
        if gen_ioctl(s.o.family, SIOCGET6RD, p.name(), &mut rd, libc::EINVAL) {
            let plen = u16::from_ne_bytes([rd[20], rd[21]]);
            if plen != 0 {
                let pfx = inet::inet_ntop_str(AF_INET6, &rd[..16]).unwrap_or_default();
                s.p.string(T::Any, "6rd-prefix", " 6rd-prefix {}", &pfx);
                s.p.uint(T::Any, "6rd-prefixlen", "/{}", plen as u64);
                let relay = [rd[16], rd[17], rd[18], rd[19]];
                if relay != [0; 4] {
                    let h = inet::format_host(AF_INET, &relay, resolve);
                    s.p.string(T::Any, "6rd-relay_prefix", " 6rd-relay_prefix {}", &h);
                    s.p.uint(T::Any, "6rd-relay_prefixlen", "/{}", u16::from_ne_bytes([rd[22], rd[23]]) as u64);
                }
            }
        }
    }
    print_gre_flags(s, p.protocol(), p.i_flags(), p.o_flags(), p.i_key(), p.o_key());
    s.p.close_object();
}

/// The IPv4 listing's filter (ip_tunnel_parm_match()) and the tunnel read.
struct Lister4 {
    p1: Parm,
    p2: Parm,
}

impl Lister for Lister4 {
    fn name(&self) -> &str {
        self.p1.name()
    }
    fn fetch(&mut self, family: u8, _index: i32, _ty: u16, name: &str) -> bool {
        self.p2 = Parm([0; 52]);
        get_ioctl(family, name, &mut self.p2.0)
    }
    fn matches(&self) -> bool {
        let (p1, p2) = (&self.p1, &self.p2);
        (p1.link() == 0 || p1.link() == p2.link())
            && (p1.name().is_empty() || p1.name() == p2.name())
            && (p1.daddr() == 0 || p1.daddr() == p2.daddr())
            && (p1.saddr() == 0 || p1.saddr() == p2.saddr())
            && (p1.i_key() == 0 || p1.i_key() == p2.i_key())
    }
    fn print(&self, s: &mut Shown) {
        print_tunnel(s, &self.p2)
    }
}

fn do_show(ctx: &mut Ctx, a: Args) -> Res<i32> {
    let mut p = match parse_args(ctx, a, SIOCGETTUNNEL)? {
        Ok(p) => p,
        Err(rc) => return Ok(rc),
    };
    let Some(basedev) = defname(&p) else {
        let mut l = Lister4 { p1: p, p2: Parm([0; 52]) };
        return tunnels_list(ctx, AF_INET, &mut l);
    };
    let dev = if p.name().is_empty() { basedev.to_string() } else { p.name().to_string() };
    if !get_ioctl(ctx.o.family, &dev, &mut p.0) {
        return Ok(1);
    }
    let mut s = Shown { o: &ctx.o, p: &mut ctx.p, names: &mut ctx.names };
    print_tunnel(&mut s, &p);
    ctx.p.fp("\n");
    Ok(0)
}

/// A `dev` word of prl and 6rd: check_ifname() or invarg.
fn medium_arg(a: &mut Args) -> Res<String> {
    a.next_arg()?;
    if !crate::names::link::check_ifname(a.cur()) {
        return Err(invarg("\"dev\" not a valid ifname", a.cur()));
    }
    Ok(a.cur().to_string())
}

fn do_prl(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    // struct ip_tunnel_prl: addr, flags, reserved, datalen, reserved2.
    let mut p = [0u8; 16];
    let mut count = 0;
    let mut cmd = 0u64;
    let mut medium = None;
    while a.has_next() {
        match PRL.find(a.cur()) {
            Some(Prl::Default) | Some(Prl::NoDefault) | Some(Prl::Delete) => {
                let k = PRL.find(a.cur());
                a.next_arg()?;
                cmd = if k == Some(Prl::Delete) { SIOCDELPRL } else { SIOCADDPRL };
                p[..4].copy_from_slice(&inet::get_addr32(a.cur())?);
                if k == Some(Prl::Default) {
                    p[4] |= 1;
                }
                count += 1;
            }
            Some(Prl::Dev) => medium = Some(medium_arg(&mut a)?),
            _ => return Err(fail(255, &format!("Invalid PRL parameter \"{}\"\n", a.cur()))),
        }
        if count > 1 {
            return Err(fail(255, "One PRL entry at a time\n"));
        }
        a.step();
    }
    let Some(m) = medium else { return Err(fail(255, "Must specify device\n")) };
    Ok(if gen_ioctl(ctx.o.family, cmd, &m, &mut p, -1) { 0 } else { 1 })
}

fn do_6rd(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    // struct ip_tunnel_6rd: prefix, relay_prefix, prefixlen, relay_prefixlen.
    let mut rd = [0u8; 24];
    let mut cmd = 0u64;
    let mut medium = None;
    while a.has_next() {
        match RD6.find(a.cur()) {
            Some(Prl::Prefix) => {
                a.next_arg()?;
                let pfx = inet::get_prefix(a.cur(), AF_INET6)?;
                cmd = SIOCADD6RD;
                rd[..16].copy_from_slice(&pfx.data[..16]);
                rd[20..22].copy_from_slice(&(pfx.bitlen as u16).to_ne_bytes());
            }
            Some(Prl::Relay) => {
                a.next_arg()?;
                let pfx = inet::get_prefix(a.cur(), AF_INET)?;
                cmd = SIOCADD6RD;
                rd[16..20].copy_from_slice(&pfx.data[..4]);
                rd[22..24].copy_from_slice(&(pfx.bitlen as u16).to_ne_bytes());
            }
            Some(Prl::Reset) => cmd = SIOCDEL6RD,
            Some(Prl::Dev) => medium = Some(medium_arg(&mut a)?),
            _ => return Err(fail(255, &format!("Invalid 6RD parameter \"{}\"\n", a.cur()))),
        }
        a.step();
    }
    let Some(m) = medium else { return Err(fail(255, "Must specify device\n")) };
    Ok(if gen_ioctl(ctx.o.family, cmd, &m, &mut rd, -1) { 0 } else { 1 })
}
