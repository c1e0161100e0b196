//! `ip -6 tunnel` (ip/ip6tunnel.c of iproute2 6.1.0): IPv6 tunnels
//! (ip6ip6, ipip6, ip6gre, vti6) through the ioctls of ip6tnl0, ip6gre0
//! and ip6_vti0.

use super::common::*;
use super::{Cmd, COMMANDS};
use crate::args::keywords::{exact, kw, List, Table};
use crate::args::num::{get_u32, get_u8};
use crate::args::Args;
use crate::ctx::{Ctx, Shown};
use crate::error::{duparg2, fail, invarg, Exit, Res};
use crate::inet;
use crate::netlink::consts::*;
use crate::print::{Color, T};

const IPV6_DEFAULT_TNL_ENCAP_LIMIT: u8 = 4;
const DEFAULT_TNL_HOP_LIMIT: u8 = 64;

pub const USAGE: &str = "Usage: ip -f inet6 tunnel { add | change | del | show } [ NAME ]
          [ mode { ip6ip6 | ipip6 | ip6gre | vti6 | any } ]
          [ remote ADDR local ADDR ] [ dev PHYS_DEV ]
          [ encaplimit ELIM ]
          [ hoplimit TTL ] [ tclass TCLASS ] [ flowlabel FLOWLABEL ]
          [ dscp inherit ]
          [ [no]allow-localremote ]
          [ [i|o]seq ] [ [i|o]key KEY ] [ [i|o]csum ]

Where: NAME      := STRING
       ADDR      := IPV6_ADDRESS
       ELIM      := { none | 0..255 }(default=4)
       TTL       := 0..255 (default=64)
       TCLASS    := { 0x0..0xff | inherit }
       FLOWLABEL := { 0x0..0xfffff | inherit }
       KEY       := { DOTTED_QUAD | NUMBER }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

const F_IGN_ENCAP_LIMIT: u32 = 0x1;
const F_USE_ORIG_TCLASS: u32 = 0x2;
const F_USE_ORIG_FLOWLABEL: u32 = 0x4;
const F_RCV_DSCP_COPY: u32 = 0x10;
const F_ALLOW_LOCAL_REMOTE: u32 = 0x40;
const FLOWINFO_TCLASS: u32 = 0x0FF0_0000;
const FLOWINFO_FLOWLABEL: u32 = 0x000F_FFFF;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Mode,
    Remote,
    Local,
    Dev,
    EncapLimit,
    Hoplimit,
    Tclass,
    Flowlabel,
    Dscp,
    AllowLr,
    NoAllowLr,
    Key,
    Ikey,
    Okey,
    Seq,
    Iseq,
    Oseq,
    Csum,
    Icsum,
    Ocsum,
    Name,
    Help,
}

/// ip6tunnel.c parse_args()'s words (strcmp, but `dsfield` and `help`).
pub static OPTS: Table<Opt> = Table::new(
    "ip -6 tunnel add",
    &[
        exact("mode", Opt::Mode),
        exact("remote", Opt::Remote),
        exact("local", Opt::Local),
        exact("dev", Opt::Dev),
        exact("encaplimit", Opt::EncapLimit),
        exact("hoplimit", Opt::Hoplimit),
        exact("ttl", Opt::Hoplimit),
        exact("hlim", Opt::Hoplimit),
        exact("tclass", Opt::Tclass),
        exact("tc", Opt::Tclass),
        exact("tos", Opt::Tclass),
        kw("dsfield", Opt::Tclass),
        exact("flowlabel", Opt::Flowlabel),
        exact("fl", Opt::Flowlabel),
        exact("dscp", Opt::Dscp),
        exact("allow-localremote", Opt::AllowLr),
        exact("noallow-localremote", Opt::NoAllowLr),
        exact("key", Opt::Key),
        exact("ikey", Opt::Ikey),
        exact("okey", Opt::Okey),
        exact("seq", Opt::Seq),
        exact("iseq", Opt::Iseq),
        exact("oseq", Opt::Oseq),
        exact("csum", Opt::Csum),
        exact("icsum", Opt::Icsum),
        exact("ocsum", Opt::Ocsum),
        exact("name", Opt::Name),
        kw("help", Opt::Help),
    ],
);

/// The IPv6 modes (strcmp).
pub static MODES: List = List {
    path: "ip -6 tunnel mode",
    words: &[
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
    ],
};

/// struct ip6_tnl_parm2.
#[derive(Clone, Copy)]
struct Parm6([u8; 76]);

impl Parm6 {
    /// ip6_tnl_parm_init()
    fn init(apply_default: bool) -> Parm6 {
        let mut p = Parm6([0; 76]);
        p.0[20] = IPPROTO_IPV6;
        if apply_default {
            p.0[22] = DEFAULT_TNL_HOP_LIMIT;
            p.0[21] = IPV6_DEFAULT_TNL_ENCAP_LIMIT;
        }
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
    fn u32_at(&self, o: usize) -> u32 {
        u32::from_ne_bytes([self.0[o], self.0[o + 1], self.0[o + 2], self.0[o + 3]])
    }
    fn set_u32_at(&mut self, o: usize, v: u32) {
        self.0[o..o + 4].copy_from_slice(&v.to_ne_bytes());
    }
    fn u16_at(&self, o: usize) -> u16 {
        u16::from_ne_bytes([self.0[o], self.0[o + 1]])
    }
    fn link(&self) -> i32 {
        self.u32_at(16) as i32
    }
    fn proto(&self) -> u8 {
        self.0[20]
    }
    fn encap_limit(&self) -> u8 {
        self.0[21]
    }
    fn hop_limit(&self) -> u8 {
        self.0[22]
    }
    /// flowinfo in host order.
    fn flowinfo(&self) -> u32 {
        u32::from_be(self.u32_at(24))
    }
    fn set_flowinfo(&mut self, v: u32) {
        self.set_u32_at(24, v.to_be())
    }
    fn flags(&self) -> u32 {
        self.u32_at(28)
    }
    fn set_flags(&mut self, v: u32) {
        self.set_u32_at(28, v)
    }
    fn laddr(&self) -> &[u8] {
        &self.0[32..48]
    }
    fn raddr(&self) -> &[u8] {
        &self.0[48..64]
    }
    fn i_flags(&self) -> u16 {
        self.u16_at(64)
    }
    fn o_flags(&self) -> u16 {
        self.u16_at(66)
    }
    fn or_i_flags(&mut self, f: u16) {
        let v = self.i_flags() | f;
        self.0[64..66].copy_from_slice(&v.to_ne_bytes());
    }
    fn or_o_flags(&mut self, f: u16) {
        let v = self.o_flags() | f;
        self.0[66..68].copy_from_slice(&v.to_ne_bytes());
    }
    fn i_key(&self) -> u32 {
        self.u32_at(68)
    }
    fn o_key(&self) -> u32 {
        self.u32_at(72)
    }
}

pub fn do_ip6tunnel(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    match ctx.o.family {
        AF_UNSPEC => ctx.o.family = AF_INET6,
        AF_INET6 => {}
        f => return Err(fail(255, &format!("Unsupported protocol family: {}\n", f))),
    }
    let Some(cmd) = args.next() else { return do_show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => do_add(ctx, SIOCADDTUNNEL, args),
        Some(Cmd::Change) => do_add(ctx, SIOCCHGTUNNEL, args),
        Some(Cmd::Del) => do_del(ctx, args),
        Some(Cmd::Show) => do_show(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        _ => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip -f inet6 tunnel help\".\n", cmd))),
    }
}

/// parse_args() of ip6tunnel.c: into `p`; Err(status) when it ends here.
fn parse_args(ctx: &mut Ctx, mut a: Args, cmd: u64, p: &mut Parm6) -> Res<Result<(), i32>> {
    let mut count = 0;
    let mut medium: Option<String> = None;
    while a.has_next() {
        let w = a.cur().to_string();
        let opt = OPTS.find(&w);
        match opt {
            Some(Opt::Mode) => {
                a.next_arg()?;
                match a.cur() {
                    "ipv6/ipv6" | "ip6ip6" => p.0[20] = IPPROTO_IPV6,
                    "vti6" => {
                        p.0[20] = IPPROTO_IPV6;
                        p.or_i_flags(VTI_ISVTI);
                    }
                    "ip/ipv6" | "ipv4/ipv6" | "ipip6" | "ip4ip6" => p.0[20] = IPPROTO_IPIP,
                    "ip6gre" | "gre/ipv6" => p.0[20] = IPPROTO_GRE,
                    "any/ipv6" | "any" => p.0[20] = 0,
                    m => return Err(fail(255, &format!("Unknown tunnel mode \"{}\"\n", m))),
                }
            }
            Some(Opt::Remote) => {
                a.next_arg()?;
                let r = inet::get_addr(a.cur(), AF_INET6)?;
                p.0[48..64].copy_from_slice(&r.data[..16]);
            }
            Some(Opt::Local) => {
                a.next_arg()?;
                let l = inet::get_addr(a.cur(), AF_INET6)?;
                p.0[32..48].copy_from_slice(&l.data[..16]);
            }
            Some(Opt::Dev) => {
                a.next_arg()?;
                medium = Some(a.cur().to_string());
            }
            Some(Opt::EncapLimit) => {
                a.next_arg()?;
                if a.cur() == "none" {
                    p.set_flags(p.flags() | F_IGN_ENCAP_LIMIT);
                } else {
                    // get_u8() < -1 never holds: a bad value is not
                    // rejected (and leaves uval unset; 0 here).
                    p.0[21] = get_u8(a.cur(), 0).unwrap_or(0);
                    p.set_flags(p.flags() & !F_IGN_ENCAP_LIMIT);
                }
            }
            Some(Opt::Hoplimit) => {
                a.next_arg()?;
                match get_u8(a.cur(), 0) {
                    Some(v) => p.0[22] = v,
                    None => return Err(invarg("invalid TTL", a.cur())),
                }
            }
            Some(Opt::Tclass) => {
                a.next_arg()?;
                p.set_flowinfo(p.flowinfo() & !FLOWINFO_TCLASS);
                if a.cur() == "inherit" {
                    p.set_flags(p.flags() | F_USE_ORIG_TCLASS);
                } else {
                    let Some(v) = get_u8(a.cur(), 16) else { return Err(invarg("invalid TClass", a.cur())) };
                    p.set_flowinfo(p.flowinfo() | (((v as u32) << 20) & FLOWINFO_TCLASS));
                    p.set_flags(p.flags() & !F_USE_ORIG_TCLASS);
                }
            }
            Some(Opt::Flowlabel) => {
                a.next_arg()?;
                p.set_flowinfo(p.flowinfo() & !FLOWINFO_FLOWLABEL);
                if a.cur() == "inherit" {
                    p.set_flags(p.flags() | F_USE_ORIG_FLOWLABEL);
                } else {
                    let v = match get_u32(a.cur(), 16) {
                        Some(v) if v <= 0xFFFFF => v,
                        _ => return Err(invarg("invalid Flowlabel", a.cur())),
                    };
                    p.set_flowinfo(p.flowinfo() | (v & FLOWINFO_FLOWLABEL));
                    p.set_flags(p.flags() & !F_USE_ORIG_FLOWLABEL);
                }
            }
            Some(Opt::Dscp) => {
                a.next_arg()?;
                if a.cur() != "inherit" {
                    return Err(invarg("not inherit", a.cur()));
                }
                p.set_flags(p.flags() | F_RCV_DSCP_COPY);
            }
            Some(Opt::AllowLr) => p.set_flags(p.flags() | F_ALLOW_LOCAL_REMOTE),
            Some(Opt::NoAllowLr) => p.set_flags(p.flags() & !F_ALLOW_LOCAL_REMOTE),
            Some(Opt::Key) => {
                a.next_arg()?;
                p.or_i_flags(GRE_KEY);
                p.or_o_flags(GRE_KEY);
                let k = parse_key("key", a.cur())?;
                p.set_u32_at(68, k);
                p.set_u32_at(72, k);
            }
            Some(Opt::Ikey) => {
                a.next_arg()?;
                p.or_i_flags(GRE_KEY);
                let k = parse_key("ikey", a.cur())?;
                p.set_u32_at(68, k);
            }
            Some(Opt::Okey) => {
                a.next_arg()?;
                p.or_o_flags(GRE_KEY);
                let k = parse_key("okey", a.cur())?;
                p.set_u32_at(72, k);
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
            Some(Opt::Name) | Some(Opt::Help) | None => {
                if opt == Some(Opt::Name) {
                    a.next_arg()?;
                } else if opt == Some(Opt::Help) {
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
                    let mut old = Parm6([0; 76]);
                    if !get_ioctl(ctx.o.family, &name, &mut old.0) {
                        return Ok(Err(1));
                    }
                    *p = old;
                }
            }
        }
        count += 1;
        a.step();
    }
    if let Some(m) = medium {
        let idx = ctx.ifindex(&m);
        if idx == 0 {
            crate::error::say_no_device(&m);
            return Ok(Err(1));
        }
        p.set_u32_at(16, idx);
    }
    Ok(Ok(()))
}

fn basedev(p: &Parm6) -> &'static str {
    if p.proto() == IPPROTO_GRE {
        "ip6gre0"
    } else if p.i_flags() & VTI_ISVTI != 0 {
        "ip6_vti0"
    } else {
        "ip6tnl0"
    }
}

fn do_add(ctx: &mut Ctx, cmd: u64, a: Args) -> Res<i32> {
    let mut p = Parm6::init(true);
    if let Err(rc) = parse_args(ctx, a, cmd, &mut p)? {
        return Ok(rc);
    }
    if p.name().is_empty() {
        crate::error::eprint_raw("Tunnel interface name not specified\n");
    }
    let name = p.name().to_string();
    Ok(add_ioctl(ctx.o.family, cmd, basedev(&p), &name, &mut p.0))
}

fn do_del(ctx: &mut Ctx, a: Args) -> Res<i32> {
    let mut p = Parm6::init(true);
    if let Err(rc) = parse_args(ctx, a, SIOCDELTUNNEL, &mut p)? {
        return Ok(rc);
    }
    let name = p.name().to_string();
    Ok(del_ioctl(ctx.o.family, basedev(&p), &name, &mut p.0))
}

/// print_tunnel() of ip6tunnel.c
fn print_tunnel(s: &mut Shown, p: &Parm6) {
    let resolve = s.o.resolve > 0;
    s.p.open_object(None);
    s.p.color_string(T::Any, Color::Ifname, "ifname", "{}: ", p.name());
    s.p.string(T::Any, "mode", "{} ", &format!("{}/ipv6", strproto(p.proto())));
    s.p.fp("remote ");
    s.p.color_string(T::Any, Color::Inet6, "remote", "{} ", &inet::format_host(AF_INET6, p.raddr(), resolve));
    s.p.fp("local ");
    s.p.color_string(T::Any, Color::Inet6, "local", "{}", &inet::rt_addr_n2a(AF_INET6, p.laddr()));
    if p.link() != 0 {
        let n = s.names.name_own_socket(p.link() as u32);
        s.p.string(T::Any, "link", " dev {}", &n);
    }
    let flags = p.flags();
    if flags & F_IGN_ENCAP_LIMIT != 0 {
        s.p.null(T::Any, "ip6_tnl_f_ign_encap_limit", " encaplimit none", "");
    } else {
        s.p.uint(T::Any, "encap_limit", " encaplimit {}", p.encap_limit() as u64);
    }
    if p.hop_limit() != 0 {
        s.p.uint(T::Any, "hoplimit", " hoplimit {}", p.hop_limit() as u64);
    } else {
        s.p.string(T::Fp, "hoplimit", " hoplimit {}", "inherit");
    }
    if flags & F_USE_ORIG_TCLASS != 0 {
        s.p.null(T::Any, "ip6_tnl_f_use_orig_tclass", " tclass inherit", "");
    } else {
        let v = (p.flowinfo() & FLOWINFO_TCLASS) >> 20;
        s.p.string(T::Any, "tclass", " tclass {}", &format!("0x{:02x}", v as u8));
    }
    if flags & F_USE_ORIG_FLOWLABEL != 0 {
        s.p.null(T::Any, "ip6_tnl_f_use_orig_flowlabel", " flowlabel inherit", "");
    } else {
        s.p.string(T::Any, "flowlabel", " flowlabel {}", &format!("0x{:05x}", p.flowinfo() & FLOWINFO_FLOWLABEL));
    }
    s.p.string(T::Any, "flowinfo", " (flowinfo {})", &format!("0x{:08x}", p.flowinfo()));
    if flags & F_RCV_DSCP_COPY != 0 {
        s.p.null(T::Any, "ip6_tnl_f_rcv_dscp_copy", " dscp inherit", "");
    }
    if flags & F_ALLOW_LOCAL_REMOTE != 0 {
        s.p.null(T::Any, "ip6_tnl_f_allow_local_remote", " allow-localremote", "");
    }
    print_gre_flags(s, p.proto(), p.i_flags(), p.o_flags(), p.i_key(), p.o_key());
    s.p.close_object();
}

/// The IPv6 listing: ip6_tnl_parm_initialize() and ip6_tnl_parm_match().
struct Lister6 {
    p1: Parm6,
    p2: Parm6,
}

impl Lister for Lister6 {
    fn name(&self) -> &str {
        self.p1.name()
    }
    fn fetch(&mut self, family: u8, index: i32, ty: u16, name: &str) -> bool {
        self.p2 = Parm6::init(false);
        if ty == ARPHRD_IP6GRE {
            self.p2.0[20] = IPPROTO_GRE;
        }
        self.p2.set_u32_at(16, index as u32);
        let n = self.p1.name().to_string();
        self.p2.set_name(&n);
        get_ioctl(family, name, &mut self.p2.0)
    }
    fn matches(&self) -> bool {
        let (p1, p2) = (&self.p1, &self.p2);
        let t1 = p1.flowinfo() & FLOWINFO_TCLASS;
        let f1 = p1.flowinfo() & FLOWINFO_FLOWLABEL;
        (p1.link() == 0 || p1.link() == p2.link())
            && (p1.name().is_empty() || p1.name() == p2.name())
            && (p1.laddr() == [0; 16] || p1.laddr() == p2.laddr())
            && (p1.raddr() == [0; 16] || p1.raddr() == p2.raddr())
            && (p1.proto() == 0 || p2.proto() == 0 || p1.proto() == p2.proto())
            && (p1.encap_limit() == 0 || p1.encap_limit() == p2.encap_limit())
            && (p1.hop_limit() == 0 || p1.hop_limit() == p2.hop_limit())
            && (t1 == 0 || (p1.flowinfo() ^ p2.flowinfo()) & FLOWINFO_TCLASS == 0)
            && (f1 == 0 || (p1.flowinfo() ^ p2.flowinfo()) & FLOWINFO_FLOWLABEL == 0)
            && (p1.flags() == 0 || p1.flags() & p2.flags() != 0)
    }
    fn print(&self, s: &mut Shown) {
        print_tunnel(s, &self.p2)
    }
}

fn do_show(ctx: &mut Ctx, a: Args) -> Res<i32> {
    let mut p = Parm6::init(false);
    p.0[20] = 0;
    if let Err(rc) = parse_args(ctx, a, SIOCGETTUNNEL, &mut p)? {
        return Ok(rc);
    }
    if p.name().is_empty() || ctx.o.stats > 0 {
        let mut l = Lister6 { p1: p, p2: Parm6([0; 76]) };
        return tunnels_list(ctx, AF_INET6, &mut l);
    }
    let name = p.name().to_string();
    if !get_ioctl(ctx.o.family, &name, &mut p.0) {
        return Ok(1);
    }
    let mut s = Shown { o: &ctx.o, p: &mut ctx.p, names: &mut ctx.names };
    // No newline after the one tunnel (as ip6tunnel.c prints it).
    print_tunnel(&mut s, &p);
    Ok(0)
}
