//! `ip fou` (ip/ipfou.c of iproute2 6.1.0): Foo-over-UDP receive ports (the "fou" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1). Then add/delete build
//! one request from fou_parse_opt()'s words and show dumps the ports.

use crate::args::keywords::{kw, Table, Words};
use crate::args::num::get_u16;
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, invarg, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{genl, Msg, Req, Rtnl, Tb};
use crate::print::T;

pub const USAGE: &str = "Usage: ip fou add port PORT { ipproto PROTO  | gue }
		   [ local IFADDR ] [ peer IFADDR ]
		   [ peer_port PORT ] [ dev IFNAME ]
       ip fou del port PORT [ local IFADDR ]
		   [ peer IFADDR ] [ peer_port PORT ]
		   [ dev IFNAME ]
       ip fou show

Where: PROTO { ipproto-name | 1..255 }
       PORT { 1..65535 }
       IFADDR { addr }
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

/// do_ipfou()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> =
    Table::new("ip fou", &[kw("help", Cmd::Help), kw("add", Cmd::Add), kw("delete", Cmd::Del), kw("show", Cmd::Show)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    Port,
    Ipproto,
    Gue,
    V6,
    Local,
    Peer,
    PeerPort,
    Dev,
}

/// fou_parse_opt()'s words (matches()), in its test order.
static WORDS: Table<W> = Table::new(
    "ip fou add",
    &[
        kw("port", W::Port),
        kw("ipproto", W::Ipproto),
        kw("gue", W::Gue),
        kw("-6", W::V6),
        kw("local", W::Local),
        kw("peer", W::Peer),
        kw("peer_port", W::PeerPort),
        kw("dev", W::Dev),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &WORDS];

const FOU_GENL_VERSION: u8 = 1;
const FOU_CMD_ADD: u8 = 1;
const FOU_CMD_DEL: u8 = 2;
const FOU_CMD_GET: u8 = 3;
const FOU_ATTR_PORT: u16 = 1;
const FOU_ATTR_AF: u16 = 2;
const FOU_ATTR_IPPROTO: u16 = 3;
const FOU_ATTR_TYPE: u16 = 4;
const FOU_ATTR_LOCAL_V4: u16 = 6;
const FOU_ATTR_LOCAL_V6: u16 = 7;
const FOU_ATTR_PEER_V4: u16 = 8;
const FOU_ATTR_PEER_V6: u16 = 9;
const FOU_ATTR_PEER_PORT: u16 = 10;
const FOU_ATTR_IFINDEX: u16 = 11;
const FOU_ATTR_MAX: usize = 11;
const FOU_ENCAP_DIRECT: u8 = 1;
const FOU_ENCAP_GUE: u8 = 2;

/// getprotobyname(s)->p_proto as glibc reads /etc/protocols (musl would
/// answer from a built-in table), narrowed to the byte fou sends.
fn getprotobyname(s: &str) -> Option<u8> {
    crate::names::etc::proto_by_name(s.as_bytes()).map(|p| p as u8)
}

/// fou_parse_opt(): the attributes of add/delete into `req`. The checks
/// after the loop print their message and leave the request without
/// attributes (the reference sends it anyway).
fn parse_opt(ctx: &mut Ctx, mut a: Args, req: &mut Req, adding: bool) -> Res<()> {
    let mut local: Option<String> = None;
    let mut peer: Option<String> = None;
    let (mut port, mut peer_port) = (None::<u16>, 0u16);
    let mut family = if ctx.o.family == AF_UNSPEC { AF_INET } else { ctx.o.family };
    let mut gue = false;
    let mut ipproto: Option<u8> = None;
    let mut index = 0u32;
    while let Some(w) = a.next() {
        match WORDS.find(&w) {
            Some(W::Port) => {
                let v = a.value()?;
                match get_u16(&v, 0) {
                    Some(p) if p != 0 => port = Some(p),
                    _ => return Err(invarg("invalid port", &v)),
                }
            }
            Some(W::Ipproto) => {
                let v = a.value()?;
                ipproto = match getprotobyname(&v) {
                    Some(p) => Some(p),
                    None => match crate::args::num::get_u8(&v, 0) {
                        Some(p) if p != 0 => Some(p),
                        _ => return Err(invarg("invalid ipproto", &v)),
                    },
                };
            }
            Some(W::Gue) => gue = true,
            Some(W::V6) => family = AF_INET6,
            Some(W::Local) => local = Some(a.value()?),
            Some(W::Peer) => peer = Some(a.value()?),
            Some(W::PeerPort) => {
                let v = a.value()?;
                match get_u16(&v, 0) {
                    Some(p) if p != 0 => peer_port = p,
                    _ => return Err(invarg("invalid peer port", &v)),
                }
            }
            Some(W::Dev) => {
                let v = a.value()?;
                if !crate::names::link::check_ifname(&v) {
                    return Err(fail(1, "fou: invalid device name\n"));
                }
                index = ctx.ifindex(&v);
                if index == 0 {
                    return Err(fail(1, "fou: unknown device name\n"));
                }
            }
            None => {
                eprint_raw(&format!("fou: unknown command \"{}\"?\n", w));
                return Err(usage());
            }
        }
    }
    let Some(port) = port else {
        eprint_raw("fou: missing port\n");
        return Ok(());
    };
    if ipproto.is_none() && !gue && adding {
        eprint_raw("fou: must set ipproto or gue\n");
        return Ok(());
    }
    if ipproto.is_some() && gue {
        eprint_raw("fou: cannot set ipproto and gue\n");
        return Ok(());
    }
    if (peer_port != 0 && peer.is_none()) || (peer.is_some() && peer_port == 0) {
        eprint_raw("fou: both peer and peer port must be set\n");
        return Ok(());
    }
    req.attr_u16(FOU_ATTR_PORT, port.to_be());
    req.attr_u8(FOU_ATTR_TYPE, if gue { FOU_ENCAP_GUE } else { FOU_ENCAP_DIRECT });
    req.attr_u8(FOU_ATTR_AF, family);
    if let Some(p) = ipproto {
        req.attr_u8(FOU_ATTR_IPPROTO, p);
    }
    let v4 = family == AF_INET;
    if let Some(l) = local {
        let p = crate::inet::get_addr(&l, family)?;
        req.attr(if v4 { FOU_ATTR_LOCAL_V4 } else { FOU_ATTR_LOCAL_V6 }, p.bytes());
    }
    if let Some(pe) = peer {
        let p = crate::inet::get_addr(&pe, family)?;
        req.attr(if v4 { FOU_ATTR_PEER_V4 } else { FOU_ATTR_PEER_V6 }, p.bytes());
        if peer_port != 0 {
            req.attr_u16(FOU_ATTR_PEER_PORT, peer_port.to_be());
        }
    }
    if index != 0 {
        req.attr_u32(FOU_ATTR_IFINDEX, index);
    }
    Ok(())
}

fn modify(ctx: &mut Ctx, g: &mut Rtnl, family: u16, cmd: u8, args: Args) -> Res<i32> {
    let mut req = genl::request(family, cmd, FOU_GENL_VERSION, NLM_F_REQUEST);
    parse_opt(ctx, args, &mut req, cmd == FOU_CMD_ADD)?;
    if g.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// print_fou_mapping()
fn print_mapping(ctx: &mut Ctx, family: u16, m: &Msg) -> Res<()> {
    if m.ty != family {
        return Ok(());
    }
    let Some((_, attrs)) = genl::payload(m) else { return Err(Exit(1)) };
    let tb = Tb::parse(attrs, FOU_ATTR_MAX);
    let resolve = ctx.o.resolve > 0;
    let p = &mut ctx.p;
    p.open_object(None);
    if let Some(v) = tb.u16(FOU_ATTR_PORT) {
        p.uint(T::Any, "port", "port {}", u64::from(u16::from_be(v)));
    }
    if tb.u8(FOU_ATTR_TYPE) == Some(FOU_ENCAP_GUE) {
        p.null(T::Any, "gue", " gue", "");
    } else if let Some(v) = tb.u8(FOU_ATTR_IPPROTO) {
        p.uint(T::Any, "ipproto", " ipproto {}", u64::from(v));
    }
    let mut af = AF_INET;
    if let Some(f) = tb.u8(FOU_ATTR_AF) {
        af = f;
        p.string(T::Json, "family", "", crate::inet::family_name(af));
        if af == AF_INET6 {
            p.string(T::Fp, "", " -6", "");
        }
    }
    let (lt, pt) =
        if af == AF_INET { (FOU_ATTR_LOCAL_V4, FOU_ATTR_PEER_V4) } else { (FOU_ATTR_LOCAL_V6, FOU_ATTR_PEER_V6) };
    let blen = (crate::inet::af_bit_len(af) / 8).max(0) as usize;
    let nonzero = |d: &[u8]| d.iter().take(blen).any(|&b| b != 0);
    if let Some(d) = tb.get(lt).filter(|d| nonzero(d)) {
        let h = crate::inet::format_host(af, d, resolve);
        p.string(T::Any, "local", " local {}", &h);
    }
    if let Some(d) = tb.get(pt).filter(|d| nonzero(d)) {
        let h = crate::inet::format_host(af, d, resolve);
        p.string(T::Any, "peer", " peer {}", &h);
    }
    if let Some(v) = tb.u16(FOU_ATTR_PEER_PORT) {
        let pp = u16::from_be(v);
        if pp != 0 {
            p.uint(T::Any, "peer_port", " peer_port {}", u64::from(pp));
        }
    }
    if let Some(idx) = tb.i32(FOU_ATTR_IFINDEX) {
        if idx != 0 {
            let n = ctx.names.name_own_socket(idx as u32);
            ctx.p.string(T::Any, "dev", " dev {}", &n);
        }
    }
    ctx.p.string(T::Fp, "", "\n", "");
    ctx.p.close_object();
    Ok(())
}

fn show(ctx: &mut Ctx, g: &mut Rtnl, family: u16, a: Args) -> Res<i32> {
    let mut req = genl::request(family, FOU_CMD_GET, FOU_GENL_VERSION, NLM_F_REQUEST | NLM_F_DUMP);
    if a.has_next() {
        return Err(fail(1, "\"ip fou show\" does not take any arguments.\n"));
    }
    if let Err(e) = g.dump_request(&mut req) {
        return Err(fail(1, &format!("Cannot send show request: {}\n", crate::error::strerror(e))));
    }
    ctx.p.new_json_obj();
    let ok = g.dump(|m| print_mapping(ctx, family, &m));
    if !matches!(ok, Ok(true)) {
        let _ = ctx.p.flush();
        return Err(fail(255, "Dump terminated\n"));
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

pub fn do_ipfou(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "fou") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Add) => modify(ctx, &mut g, family, FOU_CMD_ADD, args),
        Some(Cmd::Del) => modify(ctx, &mut g, family, FOU_CMD_DEL, args),
        Some(Cmd::Show) => show(ctx, &mut g, family, args),
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip fou")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::Opts;
    use crate::netlink::attr::msgs;
    use crate::print::{Captured, Mode, Printer};

    fn ctx(json: bool) -> (Ctx, Captured) {
        let buf = Captured::default();
        let p = Printer::new(Box::new(buf.clone()), Mode { json, ..Default::default() });
        let mut c = Ctx::with_replay(Opts::default(), p, Vec::new());
        c.names.offline = true;
        (c, buf)
    }

    fn words(s: &str) -> Args {
        Args::from_strs(&s.split(' ').collect::<Vec<_>>())
    }

    /// The attributes fou_parse_opt() adds, in its order: port (network
    /// order), type, family, then ipproto.
    #[test]
    fn add_request_attributes() {
        let (mut c, _) = ctx(false);
        let mut req = genl::request(30, FOU_CMD_ADD, FOU_GENL_VERSION, NLM_F_REQUEST);
        parse_opt(&mut c, words("port 5555 ipproto 4"), &mut req, true).unwrap();
        let b = req.bytes();
        assert_eq!(
            &b[20..],
            &[6, 0, 1, 0, 0x15, 0xb3, 0, 0, 5, 0, 4, 0, 1, 0, 0, 0, 5, 0, 2, 0, 2, 0, 0, 0, 5, 0, 3, 0, 4, 0, 0, 0]
        );
        // A check after the loop leaves the request bare (it is sent so).
        let mut req = genl::request(30, FOU_CMD_ADD, FOU_GENL_VERSION, NLM_F_REQUEST);
        parse_opt(&mut c, words("port 5555"), &mut req, true).unwrap();
        assert_eq!(req.bytes().len(), 20);
        let mut req = genl::request(30, FOU_CMD_ADD, FOU_GENL_VERSION, NLM_F_REQUEST);
        assert_eq!(parse_opt(&mut c, words("port 0"), &mut req, true).err(), Some(Exit(255)));
        assert_eq!(parse_opt(&mut c, words("bogus"), &mut req, true).err(), Some(Exit(255)));
    }

    #[test]
    fn mapping_printer() {
        let mut req = genl::request(30, FOU_CMD_GET, FOU_GENL_VERSION, 0);
        req.attr_u16(FOU_ATTR_PORT, 5555u16.to_be());
        req.attr_u8(FOU_ATTR_TYPE, FOU_ENCAP_GUE);
        req.attr_u8(FOU_ATTR_AF, AF_INET6);
        req.attr(FOU_ATTR_LOCAL_V6, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        req.attr(FOU_ATTR_PEER_V6, &[0; 16]);
        req.attr_u16(FOU_ATTR_PEER_PORT, 99u16.to_be());
        let raw = req.bytes().to_vec();
        let m = msgs(&raw).next().unwrap();
        let (mut c, buf) = ctx(false);
        print_mapping(&mut c, 30, &m).unwrap();
        let _ = c.p.flush();
        assert_eq!(String::from_utf8(buf.bytes()).unwrap(), "port 5555 gue -6 local ::1 peer_port 99\n");
        let (mut c, buf) = ctx(true);
        c.p.new_json_obj();
        print_mapping(&mut c, 30, &m).unwrap();
        c.p.delete_json_obj();
        let _ = c.p.flush();
        assert_eq!(
            String::from_utf8(buf.bytes()).unwrap(),
            "[{\"port\":5555,\"gue\":null,\"family\":\"inet6\",\"local\":\"::1\",\"peer_port\":99}]\n"
        );
    }
}
