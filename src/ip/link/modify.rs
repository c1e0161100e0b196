//! `ip link add|set|change|replace|delete` (ip/iplink.c iplink_modify()):
//! one RTM_NEWLINK/RTM_DELLINK carries every change, built in the order
//! iproute2 appends its attributes, so the kernel applies (and partly
//! applies, on failure) exactly what it would for iproute2.

use super::help::usage;
use super::parse::iplink_parse;
use super::request::{reserve, Ifi, Parsed, IFI_OFF};
use crate::args::{matches, Args};
use crate::ctx::Ctx;
use crate::error::duparg;
use crate::error::{eprint_raw, Res};
use crate::linkinfo::kinds;
use crate::netlink::consts::*;
use crate::netlink::{msgs, Req};

/// How iplink_modify() treats the kind's arguments.
enum KindParser {
    /// rip's plug-in parser.
    Rip(kinds::ParseFn),
    /// A kind without parse_opt: an empty data nest.
    Empty,
    /// No link_util, or one whose parse_opt rip lacks: leftover
    /// words are garbage.
    Unknown,
}

fn kind_parser(id: &str) -> KindParser {
    match kinds::find(id) {
        Some(kinds::Kind { parse: Some(f), .. }) => KindParser::Rip(*f),
        Some(k) if !k.has_opts => KindParser::Empty,
        _ => KindParser::Unknown,
    }
}

/// What the kind parsers may call back into.
static HOOKS: kinds::Hooks = kinds::Hooks { peer: parse_peer };

/// The veth peer (link_veth.c): a zeroed ifinfomsg, then iplink_parse()
/// of the peer's options; a second `type` is a duplicate.
fn parse_peer(ctx: &mut Ctx, args: &mut Args, req: &mut Req) -> Res<i32> {
    let peer_ifi_at = req.len();
    reserve(req, 16);
    let mut peer = Ifi::default();
    // The peer's iplink_parse() takes the request as a struct iplink_req.
    let kind_bound = req.set_bound(crate::netlink::attr::bound::IPLINK_REQ);
    let parsed = iplink_parse(ctx, args, req, &mut peer);
    req.set_bound(kind_bound);
    match parsed? {
        Parsed::Failed(_) => return Ok(1),
        Parsed::Done { kind: Some(t) } => return Err(duparg("type", &t)),
        Parsed::Done { kind: None } => {}
    }
    peer.write(req, peer_ifi_at);
    Ok(0)
}

/// iplink_modify(): returns the exit status.
pub fn iplink_modify(ctx: &mut Ctx, cmd: u16, flags: u16, args: Args) -> Res<i32> {
    let mut req = match build_modify(ctx, cmd, flags, args)? {
        Ok(req) => req,
        Err(rc) => return Ok(rc),
    };
    if ctx.o.echo > 0 {
        // rtnl_echo_talk(): the kernel echoes the new link back.
        let f = req.flags() | NLM_F_ECHO | NLM_F_ACK;
        req.set_flags(f);
        return match ctx.rtnl()?.talk_answer(&mut req) {
            Ok(ans) => {
                print_echo(ctx, &ans);
                forget_link(ctx, Ifi::read(&req, IFI_OFF).index);
                Ok(0)
            }
            Err(_) => Ok(2),
        };
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => {
            forget_link(ctx, Ifi::read(&req, IFI_OFF).index);
            Ok(0)
        }
        Err(_) => Ok(2),
    }
}

/// ll_drop_by_index(): the link changed, so its cached name may be stale
/// (matters in -batch). rip's cache has no per-entry drop; it is emptied,
/// which only costs later lookups a kernel round trip.
fn forget_link(ctx: &mut Ctx, index: i32) {
    if index != 0 {
        let offline = ctx.names.offline;
        ctx.names = crate::names::LinkNames::new();
        ctx.names.offline = offline;
    }
}

/// The request of iplink_modify(), or the exit status of a failed parse.
pub fn build_modify(ctx: &mut Ctx, cmd: u16, flags: u16, mut args: Args) -> Res<Result<Req, i32>> {
    let mut req = Req::bounded(
        cmd,
        NLM_F_REQUEST | flags,
        &ifinfomsg(ctx.o.family, 0, 0, 0),
        crate::netlink::attr::bound::IPLINK_REQ,
    );
    let mut ifi = Ifi::default();
    let parsed = iplink_parse(ctx, &mut args, &mut req, &mut ifi)?;
    ifi.write(&mut req, IFI_OFF);
    let kind = match parsed {
        Parsed::Failed(r) => return Ok(Err(-r)),
        Parsed::Done { kind } => kind,
    };

    if let Some(kind) = kind {
        let linkinfo = req.nest(IFLA_LINKINFO);
        // IFLA_INFO_KIND without its NUL, as iproute2 sends it.
        req.attr(IFLA_INFO_KIND, &crate::args::bytes::unescape(&kind));
        // Only the text from the first '_' on decides (strchr, strcmp).
        let slave = kind.find('_').map(|i| &kind[i..] == "_slave").unwrap_or(false);
        let data_type = if slave { IFLA_INFO_SLAVE_DATA } else { IFLA_INFO_DATA };
        if !args.is_empty() {
            match kind_parser(&kind) {
                KindParser::Rip(parse) => {
                    let data = req.nest(data_type);
                    // A kind's parse_opt() bounds its attributes by 1024.
                    let outer = req.set_bound(crate::netlink::attr::bound::LINK_KIND);
                    let r = parse(ctx, &kind, &mut args, &mut req, &HOOKS)?;
                    req.set_bound(outer);
                    if r != 0 {
                        return Ok(Err(1));
                    }
                    req.nest_end(data);
                }
                KindParser::Empty => {
                    let data = req.nest(data_type);
                    req.nest_end(data);
                }
                KindParser::Unknown => {
                    let w = args.peek().unwrap_or("");
                    if matches(w, "help") {
                        return Err(usage());
                    }
                    eprint_raw(&format!("Garbage instead of arguments \"{} ...\". Try \"ip link help\".\n", w));
                    return Ok(Err(1));
                }
            }
        }
        req.nest_end(linkinfo);
    } else if flags & NLM_F_CREATE != 0 {
        eprint_raw("Not enough information: \"type\" argument is required\n");
        return Ok(Err(1));
    }
    Ok(Ok(req))
}

/// rtnl_echo_talk()'s printing of the link the kernel echoed for `-echo`:
/// print_linkinfo() with ipaddress.c's filter as it is when nothing was
/// listed (all zero, so only group 0 links print).
fn print_echo(ctx: &mut Ctx, answer: &[u8]) {
    let Some(m) = msgs(answer).next() else { return };
    let mut f = crate::linkinfo::filter::Filter::new(0, false, false);
    f.group = 0;
    // The zeroed filter also has showqueue off: no qlen. rip's printer
    // always shows a non-zero qlen (asking the kernel when IFLA_TXQLEN is
    // missing), so the copy it prints carries IFLA_TXQLEN 0.
    let Some(hdr) = m.payload.get(..IFINFOMSG_LEN) else {
        return;
    };
    let mut payload = hdr.to_vec();
    let mut rest = m.payload.get(IFINFOMSG_LEN..).unwrap_or(&[]);
    while rest.len() >= 4 {
        let len = u16::from_ne_bytes([rest[0], rest[1]]) as usize;
        let ty = u16::from_ne_bytes([rest[2], rest[3]]) & crate::netlink::attr::NLA_TYPE_MASK;
        if len < 4 || len > rest.len() {
            break;
        }
        let next = crate::netlink::attr::align4(len).min(rest.len());
        let at = payload.len();
        payload.extend_from_slice(&rest[..next]);
        if ty == IFLA_TXQLEN && len == 8 {
            payload[at + 4..at + 8].copy_from_slice(&0u32.to_ne_bytes());
        }
        rest = &rest[next..];
    }
    let mut env = crate::linkinfo::print::LinkEnv::default();
    ctx.p.new_json_obj();
    ctx.p.open_object(None);
    crate::linkinfo::print::print_linkinfo(ctx, &f, &mut env, m.ty, &payload);
    ctx.p.close_object();
    ctx.p.delete_json_obj();
}

#[cfg(test)]
mod tests;
