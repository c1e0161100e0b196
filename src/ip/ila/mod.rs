//! `ip ila` (ip/ipila.c of iproute2 6.1.0): identifier-locator addressing mappings (the "ila" generic netlink family).
//! Like the reference, it asks the generic netlink controller for the
//! family before it reads a command; a kernel without the family ends
//! there ("Error talking to the kernel", exit 1). Then add/delete send
//! ila_parse_opt()'s attributes and list dumps the mappings.

use crate::args::keywords::{kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{genl, Msg, Req, Rtnl, Tb};
use crate::nh::encap::{get_addr64, ILA_CSUM_MODES, ILA_IDENT_TYPES};
use crate::print::{Color, T};

pub const USAGE: &str = "Usage: ip ila add loc_match LOCATOR_MATCH loc LOCATOR [ dev DEV ] OPTIONS
       ip ila del loc_match LOCATOR_MATCH [ loc LOCATOR ] [ dev DEV ]
       ip ila list
OPTIONS := [ csum-mode { adj-transport | neutral-map |
                         neutral-map-auto | no-action } ]
           [ ident-type { luid | use-format } ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Del,
    List,
    Help,
}

/// do_ipila()'s commands, in its test order (`help` is tested first).
static COMMANDS: Table<Cmd> =
    Table::new("ip ila", &[kw("help", Cmd::Help), kw("add", Cmd::Add), kw("delete", Cmd::Del), kw("list", Cmd::List)]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    Loc,
    LocMatch,
    CsumMode,
    IdentType,
    Dev,
}

/// ila_parse_opt()'s words (matches()), in its test order.
static WORDS: Table<W> = Table::new(
    "ip ila add",
    &[
        kw("loc", W::Loc),
        kw("loc_match", W::LocMatch),
        kw("csum-mode", W::CsumMode),
        kw("ident-type", W::IdentType),
        kw("dev", W::Dev),
    ],
);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &WORDS];

const ILA_GENL_VERSION: u8 = 1;
const ILA_CMD_ADD: u8 = 1;
const ILA_CMD_DEL: u8 = 2;
const ILA_CMD_GET: u8 = 3;
const ILA_ATTR_LOCATOR: u16 = 1;
const ILA_ATTR_LOCATOR_MATCH: u16 = 3;
const ILA_ATTR_IFINDEX: u16 = 4;
const ILA_ATTR_CSUM_MODE: u16 = 7;
const ILA_ATTR_IDENT_TYPE: u16 = 8;
const ILA_ATTR_MAX: usize = 9;

/// ila_parse_opt(): a bad value prints its message and leaves the
/// request without attributes (the reference sends it anyway).
fn parse_opt(ctx: &mut Ctx, mut a: Args, req: &mut Req, adding: bool) -> Res<()> {
    let (mut loc, mut loc_match) = (None::<u64>, None::<u64>);
    let (mut ifindex, mut csum, mut ident) = (None::<u32>, None::<u8>, None::<u8>);
    while let Some(w) = a.next() {
        match WORDS.find(&w) {
            Some(W::Loc) => {
                let v = a.value()?;
                match get_addr64(&v) {
                    Some(x) => loc = Some(x),
                    None => {
                        eprint_raw(&format!("Bad locator: {}\n", v));
                        return Ok(());
                    }
                }
            }
            Some(W::LocMatch) => {
                let v = a.value()?;
                match get_addr64(&v) {
                    Some(x) => loc_match = Some(x),
                    None => {
                        eprint_raw(&format!("Bad locator to match: {}\n", v));
                        return Ok(());
                    }
                }
            }
            Some(W::CsumMode) => {
                let v = a.value()?;
                match ILA_CSUM_MODES.find(&v) {
                    Some(x) => csum = Some(x),
                    None => {
                        eprint_raw(&format!("Bad csum-mode: {}\n", v));
                        return Ok(());
                    }
                }
            }
            Some(W::IdentType) => {
                let v = a.value()?;
                match ILA_IDENT_TYPES.find(&v) {
                    Some(x) => ident = Some(x),
                    None => {
                        eprint_raw(&format!("Bad ident-type: {}\n", v));
                        return Ok(());
                    }
                }
            }
            Some(W::Dev) => {
                let v = a.value()?;
                let i = ctx.ifindex(&v);
                if i == 0 {
                    eprint_raw(&format!("No such interface: {}\n", v));
                    return Ok(());
                }
                ifindex = Some(i);
            }
            None => return Err(usage()),
        }
    }
    if adding {
        if loc.is_none() {
            eprint_raw("ila: missing locator\n");
            return Ok(());
        }
        if loc_match.is_none() {
            eprint_raw("ila: missing locator0match\n");
            return Ok(());
        }
    }
    if let Some(x) = loc_match {
        req.attr_u64(ILA_ATTR_LOCATOR_MATCH, x);
    }
    if let Some(x) = loc {
        req.attr_u64(ILA_ATTR_LOCATOR, x);
    }
    if let Some(x) = ifindex {
        req.attr_u32(ILA_ATTR_IFINDEX, x);
    }
    if let Some(x) = csum {
        req.attr_u8(ILA_ATTR_CSUM_MODE, x);
    }
    if let Some(x) = ident {
        req.attr_u8(ILA_ATTR_IDENT_TYPE, x);
    }
    Ok(())
}

fn modify(ctx: &mut Ctx, g: &mut Rtnl, family: u16, cmd: u8, args: Args) -> Res<i32> {
    let mut req = genl::request(family, cmd, ILA_GENL_VERSION, NLM_F_REQUEST);
    parse_opt(ctx, args, &mut req, cmd == ILA_CMD_ADD)?;
    if g.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

fn csum_mode_name(m: u8) -> &'static str {
    match m {
        0 => "adj-transport",
        1 => "neutral-map",
        2 => "no-action",
        3 => "neutral-map-auto",
        _ => "unknown",
    }
}

fn ident_type_name(t: u8) -> &'static str {
    match t {
        0 => "iid",
        1 => "luid",
        2 => "virt-v4",
        3 => "virt-uni-v6",
        4 => "virt-multi-v6",
        5 => "nonlocal-addr",
        32 => "use-format",
        _ => "unknown",
    }
}

/// print_ila_locid(): the four 16-bit groups in hex, or "-", padded to 20.
fn locid(ctx: &mut Ctx, tag: &str, v: Option<u64>) {
    let s = match v {
        Some(x) => {
            let b = x.to_ne_bytes();
            (0..4).map(|i| format!("{:x}", u16::from_be_bytes([b[2 * i], b[2 * i + 1]]))).collect::<Vec<_>>().join(":")
        }
        None => "-".to_string(),
    };
    ctx.p.string(T::Json, tag, "{}", &s);
    ctx.p.string(T::Fp, tag, "{}", &format!("{:<20}", s));
}

/// print_ila_mapping()
fn print_mapping(ctx: &mut Ctx, family: u16, m: &Msg) -> Res<()> {
    if m.ty != family {
        return Ok(());
    }
    let Some((_, attrs)) = genl::payload(m) else { return Err(Exit(1)) };
    let tb = Tb::parse(attrs, ILA_ATTR_MAX);
    ctx.p.open_object(None);
    locid(ctx, "locator_match", tb.u64(ILA_ATTR_LOCATOR_MATCH));
    locid(ctx, "locator", tb.u64(ILA_ATTR_LOCATOR));
    if let Some(idx) = tb.u32(ILA_ATTR_IFINDEX) {
        let n = ctx.names.name_own_socket(idx);
        ctx.p.color_string(T::Json, Color::Ifname, "interface", "{}", &n);
        ctx.p.color_string(T::Fp, Color::Ifname, "interface", "{}", &format!("{:<16}", crate::print::fmt::C(&n)));
    } else {
        ctx.p.string(T::Fp, "", "{}", &format!("{:<10} ", "-"));
    }
    if let Some(c) = tb.u8(ILA_ATTR_CSUM_MODE) {
        ctx.p.string(T::Any, "csum_mode", "{}", csum_mode_name(c));
    } else {
        ctx.p.string(T::Fp, "", "{}", &format!("{:<10} ", "-"));
    }
    if let Some(t) = tb.u8(ILA_ATTR_IDENT_TYPE) {
        ctx.p.string(T::Any, "ident_type", "{}", ident_type_name(t));
    } else {
        ctx.p.string(T::Fp, "", "{}", "-");
    }
    ctx.p.nl();
    ctx.p.close_object();
    Ok(())
}

fn list(ctx: &mut Ctx, g: &mut Rtnl, family: u16, a: Args) -> Res<i32> {
    let mut req = genl::request(family, ILA_CMD_GET, ILA_GENL_VERSION, NLM_F_REQUEST | NLM_F_DUMP);
    if a.has_next() {
        return Err(fail(1, "\"ip ila show\" does not take any arguments.\n"));
    }
    if let Err(e) = g.dump_request(&mut req) {
        return Err(fail(1, &format!("Cannot send dump request: {}\n", crate::error::strerror(e))));
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

pub fn do_ipila(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else { return Err(usage()) };
    let c = COMMANDS.find(&cmd);
    if c == Some(Cmd::Help) {
        return Err(usage());
    }
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "ila") else { return Err(Exit(1)) };
    match c {
        Some(Cmd::Add) => modify(ctx, &mut g, family, ILA_CMD_ADD, args),
        Some(Cmd::Del) => modify(ctx, &mut g, family, ILA_CMD_DEL, args),
        Some(Cmd::List) => list(ctx, &mut g, family, args),
        Some(Cmd::Help) | None => Err(crate::error::unknown_command(&cmd, "ip ila")),
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
        let mut c = Ctx::with_replay(Opts::default(), p, Vec::new());
        c.names.offline = true;
        (c, buf)
    }

    #[test]
    fn add_request_and_printer() {
        let (mut c, buf) = ctx();
        let mut req = genl::request(33, ILA_CMD_ADD, ILA_GENL_VERSION, NLM_F_REQUEST);
        let a = Args::from_strs(&["loc_match", "2001:0:0:1", "lo", "2001:0:0:2", "csum-mode", "neutral-map-auto"]);
        parse_opt(&mut c, a, &mut req, true).unwrap();
        let raw = req.bytes().to_vec();
        // loc_match, then loc, then csum-mode (the order of the adds).
        let types: Vec<u16> = crate::netlink::attrs(&raw[20..]).map(|(t, _)| t).collect();
        assert_eq!(types, vec![ILA_ATTR_LOCATOR_MATCH, ILA_ATTR_LOCATOR, ILA_ATTR_CSUM_MODE]);
        let m = msgs(&raw).next().unwrap();
        print_mapping(&mut c, 33, &m).unwrap();
        let _ = c.p.flush();
        assert_eq!(
            String::from_utf8(buf.bytes()).unwrap(),
            "2001:0:0:1          2001:0:0:2          -          neutral-map-auto-\n"
        );
        // A bad value is reported and the request stays bare.
        let mut req = genl::request(33, ILA_CMD_ADD, ILA_GENL_VERSION, NLM_F_REQUEST);
        parse_opt(&mut c, Args::from_strs(&["loc", "1:2:3:4:5"]), &mut req, true).unwrap();
        assert_eq!(req.bytes().len(), 20);
    }
}
