//! `ip sr` (ip/ipseg6.c of iproute2 6.1.0): the IPv6 segment routing
//! tunnel source and HMAC keys of the "SEG6" generic netlink family.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, invarg, strerror, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::genl;
use crate::netlink::{Msg, Tb};
use crate::print::{Printer, T};

pub const USAGE: &str = "Usage: ip sr { COMMAND | help }
          ip sr hmac show
          ip sr hmac set KEYID ALGO
          ip sr tunsrc show
          ip sr tunsrc set ADDRESS
where  ALGO := { sha1 | sha256 }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

// linux/seg6_genl.h, linux/seg6_hmac.h
const SEG6_GENL_VERSION: u8 = 1;
const ATTR_DST: u16 = 1;
const ATTR_HMACKEYID: u16 = 3;
const ATTR_SECRET: u16 = 4;
const ATTR_SECRETLEN: u16 = 5;
const ATTR_ALGID: u16 = 6;
const ATTR_MAX: usize = 7;
const CMD_SETHMAC: u8 = 1;
const CMD_DUMPHMAC: u8 = 2;
const CMD_SET_TUNSRC: u8 = 3;
const CMD_GET_TUNSRC: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obj {
    Help,
    Hmac,
    Tunsrc,
}

/// do_seg6()'s first word.
static OBJECTS: Table<Obj> =
    Table::new("ip sr", &[kw("help", Obj::Help), kw("hmac", Obj::Hmac), kw("tunsrc", Obj::Tunsrc)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Show,
    Set,
}

/// `hmac` and `tunsrc` commands.
static COMMANDS: Table<Cmd> = Table::new("ip sr hmac", &[kw("show", Cmd::Show), kw("set", Cmd::Set)]);

/// `hmac set KEYID` algorithms (strcmp).
static ALGOS: Table<u8> = Table::new("ip sr hmac set", &[exact("sha1", 1), exact("sha256", 2)]);

pub static KEYWORDS: &[&dyn Words] = &[&OBJECTS, &COMMANDS, &ALGOS];

pub fn do_seg6(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let Some(w) = a.next() else { return Err(usage()) };
    let obj = match OBJECTS.find(&w) {
        Some(Obj::Help) => return Err(usage()),
        Some(o) => o,
        None => return Err(invarg("unknown", &w)),
    };
    let c = a.value()?;
    let Some(cmd) = COMMANDS.find(&c) else { return Err(invarg("unknown", &c)) };
    let mut keyid = 0u32;
    let mut alg = 0u8;
    let mut pass: Vec<u8> = Vec::new();
    let mut addr = [0u8; 16];
    let gcmd = match (obj, cmd) {
        (Obj::Hmac, Cmd::Show) => CMD_DUMPHMAC,
        (Obj::Hmac, Cmd::Set) => {
            let v = a.value()?;
            keyid = match crate::args::num::get_u32(&v, 0) {
                Some(k) if k != 0 => k,
                _ => return Err(invarg("hmac KEYID value is invalid", &v)),
            };
            let v = a.value()?;
            alg = ALGOS.find(&v).ok_or_else(|| invarg("hmac ALGO value is invalid", &v))?;
            let _ = ctx.p.flush();
            pass = crate::sys::getpass("Enter secret for HMAC key ID (blank to delete): ").unwrap_or_default();
            CMD_SETHMAC
        }
        (_, Cmd::Show) => CMD_GET_TUNSRC,
        (_, Cmd::Set) => {
            let v = a.value()?;
            let p = crate::inet::get_addr(&v, AF_INET6)?;
            let n = usize::from(p.bytelen).min(16).min(p.data.len());
            addr[..n].copy_from_slice(&p.data[..n]);
            CMD_SET_TUNSRC
        }
    };
    do_cmd(ctx, gcmd, keyid, alg, &pass, &addr)
}

/// seg6_do_cmd().
fn do_cmd(ctx: &mut Ctx, cmd: u8, keyid: u32, alg: u8, pass: &[u8], addr: &[u8; 16]) -> Res<i32> {
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "SEG6") else { return Err(Exit(1)) };
    let mut req = genl::request(family, cmd, SEG6_GENL_VERSION, NLM_F_REQUEST);
    match cmd {
        CMD_SETHMAC => {
            req.attr_u32(ATTR_HMACKEYID, keyid);
            // strlen() narrowed to a byte, as addattr8 takes it.
            req.attr_u8(ATTR_SECRETLEN, pass.len() as u8);
            req.attr_u8(ATTR_ALGID, alg);
            if !pass.is_empty() {
                req.attr(ATTR_SECRET, pass);
            }
        }
        CMD_SET_TUNSRC => req.attr(ATTR_DST, addr),
        CMD_GET_TUNSRC => {
            let Ok(answer) = g.talk_answer(&mut req) else { return Ok(2) };
            ctx.p.new_json_obj();
            let ok = match crate::netlink::attr::msgs(&answer).next() {
                Some(m) => process_msg(&mut ctx.p, family, m).is_ok(),
                None => false,
            };
            if !ok {
                eprint_raw("Error parsing reply\n");
                return Err(Exit(1));
            }
            ctx.p.delete_json_obj();
            return Ok(0);
        }
        _ => {
            if let Err(e) = g.dump_request(&mut req) {
                return Err(fail(1, &format!("Failed to send dump request: {}\n", strerror(e))));
            }
            ctx.p.new_json_obj();
            let p = &mut ctx.p;
            let ok = g.dump(|m| process_msg(p, family, m));
            if !matches!(ok, Ok(true)) {
                eprint_raw("Dump terminated\n");
                return Err(Exit(1));
            }
            ctx.p.delete_json_obj();
            return Ok(0);
        }
    }
    Ok(if g.talk(&mut req).is_err() { 1 } else { 0 })
}

fn process_msg(p: &mut Printer, family: u16, m: Msg) -> Res<()> {
    if m.ty != family {
        return Err(Exit(1));
    }
    let Some((cmd, attrs)) = genl::payload(&m) else { return Err(Exit(1)) };
    let tb = Tb::parse(attrs, ATTR_MAX);
    p.open_object(None);
    match cmd {
        CMD_DUMPHMAC => {
            let mut slen = usize::from(tb.u8(ATTR_SECRETLEN).unwrap_or(0));
            if slen > 63 {
                let _ = p.flush();
                eprint_raw(&format!("HMAC secret length {} > 63, truncated\n", slen));
                slen = 63;
            }
            let raw = tb.get(ATTR_SECRET).unwrap_or(&[]);
            let secret = &raw[..slen.min(raw.len())];
            let secret = &secret[..secret.iter().position(|&c| c == 0).unwrap_or(secret.len())];
            let algo = match tb.u8(ATTR_ALGID) {
                Some(1) => "sha1",
                Some(2) => "sha256",
                _ => "<unknown>",
            };
            p.uint(T::Any, "hmac", "hmac {} ", u64::from(tb.u32(ATTR_HMACKEYID).unwrap_or(0)));
            p.string(T::Any, "algo", "algo {} ", algo);
            p.string(T::Any, "secret", "secret \"{}\"\n", &crate::args::bytes::escape(secret));
        }
        CMD_GET_TUNSRC => {
            let dst = tb.get(ATTR_DST).and_then(|d| crate::inet::inet_ntop_str(AF_INET6, d)).unwrap_or_default();
            p.string(T::Any, "tunsrc", "tunsrc addr {}\n", &dst);
        }
        _ => {}
    }
    p.close_object();
    Ok(())
}
