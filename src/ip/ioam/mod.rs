//! `ip ioam` (ip/ipioam6.c of iproute2 6.1.0): the IPv6 IOAM namespaces
//! and schemas of the "IOAM6" generic netlink family.

use crate::args::keywords::{exact, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, invarg, strerror, Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::genl;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, J, T};

pub const USAGE: &str = "Usage:	ip ioam { COMMAND | help }
	ip ioam namespace show
	ip ioam namespace add ID [ data DATA32 ] [ wide DATA64 ]
	ip ioam namespace del ID
	ip ioam schema show
	ip ioam schema add ID DATA
	ip ioam schema del ID
	ip ioam namespace set ID schema { ID | none }
";

fn usage() -> Exit {
    fail(255, USAGE)
}

// linux/ioam6_genl.h
const IOAM6_GENL_VERSION: u8 = 1;
const ATTR_NS_ID: u16 = 1;
const ATTR_NS_DATA: u16 = 2;
const ATTR_NS_DATA_WIDE: u16 = 3;
const ATTR_SC_ID: u16 = 4;
const ATTR_SC_DATA: u16 = 5;
const ATTR_SC_NONE: u16 = 6;
const ATTR_MAX: usize = 7;
const MAX_SCHEMA_DATA_LEN: usize = 255 * 4;
const CMD_ADD_NAMESPACE: u8 = 1;
const CMD_DEL_NAMESPACE: u8 = 2;
const CMD_DUMP_NAMESPACES: u8 = 3;
const CMD_ADD_SCHEMA: u8 = 4;
const CMD_DEL_SCHEMA: u8 = 5;
const CMD_DUMP_SCHEMAS: u8 = 6;
const CMD_NS_SET_SCHEMA: u8 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obj {
    Help,
    Namespace,
    Schema,
}

/// do_ioam6()'s first word (strcmp).
static OBJECTS: Table<Obj> = Table::new(
    "ip ioam",
    &[exact("help", Obj::Help), exact("namespace", Obj::Namespace), exact("schema", Obj::Schema)],
);

/// `ip ioam namespace` commands (strcmp).
static NAMESPACE: Table<u8> = Table::new(
    "ip ioam namespace",
    &[
        exact("show", CMD_DUMP_NAMESPACES),
        exact("add", CMD_ADD_NAMESPACE),
        exact("del", CMD_DEL_NAMESPACE),
        exact("set", CMD_NS_SET_SCHEMA),
    ],
);

/// `ip ioam schema` commands (strcmp).
static SCHEMA: Table<u8> = Table::new(
    "ip ioam schema",
    &[exact("show", CMD_DUMP_SCHEMAS), exact("add", CMD_ADD_SCHEMA), exact("del", CMD_DEL_SCHEMA)],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Data {
    Data,
    Wide,
}

/// `namespace add ID` options (strcmp).
static NS_ADD: Table<Data> =
    Table::new("ip ioam namespace add", &[exact("data", Data::Data), exact("wide", Data::Wide)]);

/// `namespace set ID` words (strcmp): `schema`, then an ID or `none`.
static NS_SET: Table<bool> = Table::new("ip ioam namespace set", &[exact("schema", false), exact("none", true)]);

pub static KEYWORDS: &[&dyn Words] = &[&OBJECTS, &NAMESPACE, &SCHEMA, &NS_ADD, &NS_SET];

/// The options do_ioam6() collects.
#[derive(Default)]
struct Opts {
    cmd: u8,
    sc_id: u32,
    ns_data: Option<u32>,
    ns_data_wide: Option<u64>,
    ns_id: u16,
    sc_none: bool,
    sc_data: Vec<u8>,
}

fn ns_id(v: &str) -> Res<u16> {
    crate::args::num::get_u16(v, 0).ok_or_else(|| invarg("Invalid namespace ID", v))
}

fn sc_id(v: &str) -> Res<u32> {
    crate::args::num::get_u32(v, 0).ok_or_else(|| invarg("Invalid schema ID", v))
}

fn wide(v: &str) -> Res<u64> {
    crate::args::num::get_u64(v, 16).ok_or_else(|| invarg("Invalid wide data", v))
}

pub fn do_ioam6(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let Some(w) = a.next() else { return Err(usage()) };
    let mut o = Opts::default();
    match OBJECTS.find(&w) {
        Some(Obj::Help) => return Err(usage()),
        Some(Obj::Namespace) => {
            let c = a.value()?;
            o.cmd = NAMESPACE.find(&c).ok_or_else(|| invarg("Unknown", &c))?;
            match o.cmd {
                CMD_ADD_NAMESPACE => {
                    o.ns_id = ns_id(&a.value()?)?;
                    let mut maybe_wide = false;
                    if let Some(w) = a.next() {
                        match NS_ADD.find(&w) {
                            Some(Data::Data) => {
                                let v = a.value()?;
                                o.ns_data =
                                    Some(crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("Invalid data", &v))?);
                                maybe_wide = true;
                            }
                            Some(Data::Wide) => o.ns_data_wide = Some(wide(&a.value()?)?),
                            None => return Err(invarg("Invalid argument", &w)),
                        }
                    }
                    if let Some(w) = a.next() {
                        if !maybe_wide || NS_ADD.find(&w) != Some(Data::Wide) {
                            return Err(invarg("Unexpected argument", &w));
                        }
                        o.ns_data_wide = Some(wide(&a.value()?)?);
                    }
                }
                CMD_DEL_NAMESPACE => o.ns_id = ns_id(&a.value()?)?,
                CMD_NS_SET_SCHEMA => {
                    o.ns_id = ns_id(&a.value()?)?;
                    let w = a.value()?;
                    if NS_SET.find(&w) != Some(false) {
                        return Err(invarg("Unknown", &w));
                    }
                    let v = a.value()?;
                    if NS_SET.find(&v) == Some(true) {
                        o.sc_none = true;
                    } else {
                        o.sc_id = sc_id(&v)?;
                    }
                }
                _ => {}
            }
        }
        Some(Obj::Schema) => {
            let c = a.value()?;
            o.cmd = SCHEMA.find(&c).ok_or_else(|| invarg("Unknown", &c))?;
            match o.cmd {
                CMD_ADD_SCHEMA => {
                    o.sc_id = sc_id(&a.value()?)?;
                    let d = a.value()?;
                    if d.len() > MAX_SCHEMA_DATA_LEN {
                        return Err(invarg("Schema DATA too big", &d));
                    }
                    o.sc_data = d.into_bytes();
                }
                CMD_DEL_SCHEMA => o.sc_id = sc_id(&a.value()?)?,
                _ => {}
            }
        }
        None => return Err(invarg("Unknown", &w)),
    }
    do_cmd(ctx, &o)
}

/// ioam6_do_cmd(): one request, or a dump printed.
fn do_cmd(ctx: &mut Ctx, o: &Opts) -> Res<i32> {
    let Some((mut g, family)) = genl::init(ctx.o.rcvbuf, ctx.is_replay(), "IOAM6") else {
        return Err(Exit(1));
    };
    let mut req: Req = genl::request(family, o.cmd, IOAM6_GENL_VERSION, NLM_F_REQUEST);
    match o.cmd {
        CMD_ADD_NAMESPACE => {
            req.attr_u16(ATTR_NS_ID, o.ns_id);
            if let Some(d) = o.ns_data {
                req.attr_u32(ATTR_NS_DATA, d);
            }
            if let Some(w) = o.ns_data_wide {
                req.attr_u64(ATTR_NS_DATA_WIDE, w);
            }
        }
        CMD_DEL_NAMESPACE => req.attr_u16(ATTR_NS_ID, o.ns_id),
        CMD_ADD_SCHEMA => {
            req.attr_u32(ATTR_SC_ID, o.sc_id);
            // strlen(): the data ends at its first NUL.
            let n = o.sc_data.iter().position(|&c| c == 0).unwrap_or(o.sc_data.len());
            req.attr(ATTR_SC_DATA, &o.sc_data[..n]);
        }
        CMD_DEL_SCHEMA => req.attr_u32(ATTR_SC_ID, o.sc_id),
        CMD_NS_SET_SCHEMA => {
            req.attr_u16(ATTR_NS_ID, o.ns_id);
            if o.sc_none {
                req.attr(ATTR_SC_NONE, &[]);
            } else {
                req.attr_u32(ATTR_SC_ID, o.sc_id);
            }
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

fn process_msg(p: &mut crate::print::Printer, family: u16, m: Msg) -> Res<()> {
    if m.ty != family {
        return Err(Exit(1));
    }
    let Some((cmd, attrs)) = genl::payload(&m) else { return Err(Exit(1)) };
    let tb = Tb::parse(attrs, ATTR_MAX);
    p.open_object(None);
    match cmd {
        CMD_DUMP_NAMESPACES => {
            p.uint(T::Any, "namespace", "namespace {}", u64::from(tb.u16(ATTR_NS_ID).unwrap_or(0)));
            if let Some(v) = tb.u32(ATTR_SC_ID) {
                p.uint(T::Any, "schema", " [schema {}]", u64::from(v));
            }
            if let Some(v) = tb.u32(ATTR_NS_DATA) {
                // print_hex(): JSON "%x", text "%#010x".
                let j = format!("{:x}", v);
                p.field(
                    T::Any,
                    Color::None,
                    Some("data"),
                    J::Str(&j),
                    format_args!(", data {}", c_hash_0x(u64::from(v), 10)),
                );
            }
            if let Some(v) = tb.u64(ATTR_NS_DATA_WIDE) {
                p.xhex(T::Json, "wide", "", v);
                p.fpf(format_args!(", wide {}", c_hash_0x(v, 18)));
            }
            p.nl();
        }
        CMD_DUMP_SCHEMAS => {
            p.uint(T::Any, "schema", "schema {}", u64::from(tb.u32(ATTR_SC_ID).unwrap_or(0)));
            if let Some(v) = tb.u16(ATTR_NS_ID) {
                p.uint(T::Any, "namespace", " [namespace {}]", u64::from(v));
            }
            p.null(T::Any, "data", ", data:", "");
            for b in tb.get(ATTR_SC_DATA).unwrap_or(&[]) {
                p.field(T::Any, Color::None, Some(""), J::U(u64::from(*b)), format_args!(" {:02x}", b));
            }
            p.nl();
        }
        _ => {}
    }
    p.close_object();
    Ok(())
}

/// printf("%#0Nx"): "0x" and zero padding to `width` in all, but a zero
/// gets no "0x" (all zeros).
fn c_hash_0x(v: u64, width: usize) -> String {
    if v == 0 {
        "0".repeat(width)
    } else {
        format!("{:#0w$x}", v, w = width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_zero_padding() {
        assert_eq!(c_hash_0x(0, 10), "0000000000");
        assert_eq!(c_hash_0x(0x1234, 10), "0x00001234");
        assert_eq!(c_hash_0x(0xabc, 18), "0x0000000000000abc");
    }
}
