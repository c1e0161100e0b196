//! `type vlan` (ip/iplink_vlan.c, 6.1.0). This kernel has no 802.1Q
//! module: requests are checked against iproute2's bytes, printing
//! against crafted attributes.

use super::Hooks;
use crate::args::keywords::{kw, Table};
use crate::args::num::{get_u16, get_u32};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, Res};
use crate::names::ll_proto::{ll_proto_a2n, ll_proto_n2a};
use crate::netlink::attr::{get_be16, hdr_u32};
use crate::netlink::{attrs, Req, Tb};
use crate::print::{Color, J, T};

pub const IFLA_VLAN_ID: u16 = 1;
pub const IFLA_VLAN_FLAGS: u16 = 2;
pub const IFLA_VLAN_EGRESS_QOS: u16 = 3;
pub const IFLA_VLAN_INGRESS_QOS: u16 = 4;
pub const IFLA_VLAN_PROTOCOL: u16 = 5;
pub const IFLA_VLAN_MAX: usize = 5;
const IFLA_VLAN_QOS_MAPPING: u16 = 1;

const VLAN_FLAG_REORDER_HDR: u32 = 0x1;
const VLAN_FLAG_GVRP: u32 = 0x2;
const VLAN_FLAG_LOOSE_BINDING: u32 = 0x4;
const VLAN_FLAG_MVRP: u32 = 0x8;
const VLAN_FLAG_BRIDGE_BINDING: u32 = 0x10;

pub const HELP: &str = "Usage: ... vlan id VLANID
		[ protocol VLANPROTO ]
		[ reorder_hdr { on | off } ]
		[ gvrp { on | off } ]
		[ mvrp { on | off } ]
		[ loose_binding { on | off } ]
		[ bridge_binding { on | off } ]
		[ ingress-qos-map QOS-MAP ]
		[ egress-qos-map QOS-MAP ]

VLANID := 0-4095
VLANPROTO: [ 802.1Q | 802.1ad ]
QOS-MAP := [ QOS-MAP ] QOS-MAPPING
QOS-MAPPING := FROM:TO
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Protocol,
    Id,
    /// An on/off flag and its bit.
    Flag(u32),
    IngressQosMap,
    EgressQosMap,
    Help,
}

/// vlan_parse_opt()'s words in its order.
pub static OPTS: Table<Opt> = Table::new(
    "ip link type vlan",
    &[
        kw("protocol", Opt::Protocol),
        kw("id", Opt::Id),
        kw("reorder_hdr", Opt::Flag(VLAN_FLAG_REORDER_HDR)),
        kw("gvrp", Opt::Flag(VLAN_FLAG_GVRP)),
        kw("mvrp", Opt::Flag(VLAN_FLAG_MVRP)),
        kw("loose_binding", Opt::Flag(VLAN_FLAG_LOOSE_BINDING)),
        kw("bridge_binding", Opt::Flag(VLAN_FLAG_BRIDGE_BINDING)),
        kw("ingress-qos-map", Opt::IngressQosMap),
        kw("egress-qos-map", Opt::EgressQosMap),
        kw("help", Opt::Help),
    ],
);

/// vlan_parse_qos_map(): FROM:TO words while they have a colon. Returns
/// false on a bad number (the caller's invarg names the current word).
fn parse_qos_map(args: &mut Args, req: &mut Req, ty: u16) -> Result<(), String> {
    let nest = req.nest(ty);
    while let Some(w) = args.peek().map(str::to_string) {
        let Some((from, to)) = w.split_once(':') else { break };
        // iproute2 cuts the word at the colon in place.
        let (Some(from), Some(to)) = (get_u32(from, 0), get_u32(to, 0)) else {
            return Err(w[..w.find(':').unwrap_or(w.len())].to_string());
        };
        let mut m = from.to_ne_bytes().to_vec();
        m.extend_from_slice(&to.to_ne_bytes());
        req.attr(IFLA_VLAN_QOS_MAPPING, &m);
        args.advance();
    }
    req.nest_end(nest);
    Ok(())
}

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut flags: u32 = 0;
    let mut mask: u32 = 0;
    while let Some(w) = args.next() {
        let hit = OPTS.entry(&w);
        let k = hit.map(|e| e.id);
        if k == Some(Opt::Protocol) {
            let v = args.value()?;
            let p = ll_proto_a2n(&v).ok_or_else(|| invarg("protocol is invalid", &v))?;
            req.attr(IFLA_VLAN_PROTOCOL, &p.to_be_bytes());
        } else if k == Some(Opt::Id) {
            let v = args.value()?;
            let id = get_u16(&v, 0).ok_or_else(|| invarg("id is invalid", &v))?;
            req.attr_u16(IFLA_VLAN_ID, id);
        } else if let Some((name, Opt::Flag(bit))) = hit.map(|k| (k.word(), k.id)) {
            let v = args.value()?;
            mask |= bit;
            match v.as_str() {
                "on" => flags |= bit,
                "off" => flags &= !bit,
                _ => {
                    eprint_raw(&format!("Error: argument of \"{}\" must be \"on\" or \"off\", not \"{}\"\n", name, v));
                    return Ok(1);
                }
            }
        } else if k == Some(Opt::IngressQosMap) || k == Some(Opt::EgressQosMap) {
            let ingress = k == Some(Opt::IngressQosMap);
            // NEXT_ARG(), then the map words from there.
            if !args.has_next() {
                return Err(crate::error::incomplete_command());
            }
            let ty = if ingress { IFLA_VLAN_INGRESS_QOS } else { IFLA_VLAN_EGRESS_QOS };
            if let Err(cut) = parse_qos_map(args, req, ty) {
                let what = if ingress { "invalid ingress-qos-map" } else { "invalid egress-qos-map" };
                return Err(invarg(what, &cut));
            }
        } else if k == Some(Opt::Help) {
            eprint_raw(HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("vlan: unknown command \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        }
    }
    if mask != 0 {
        // struct ifla_vlan_flags { flags, mask }
        let mut b = flags.to_ne_bytes().to_vec();
        b.extend_from_slice(&mask.to_ne_bytes());
        req.attr(IFLA_VLAN_FLAGS, &b);
    }
    Ok(0)
}

fn print_map(ctx: &mut Ctx, json_name: &str, fp_name: &str, data: &[u8]) {
    ctx.p.open_array(T::Json, json_name);
    ctx.p.nl();
    ctx.p.fp(&format!("      {} {{ ", fp_name));
    for (_, m) in attrs(data) {
        let from = hdr_u32(m, 0);
        let to = hdr_u32(m, 4);
        if ctx.p.is_json() {
            ctx.p.open_object(None);
            ctx.p.uint(T::Json, "from", "", u64::from(from));
            ctx.p.uint(T::Json, "to", "", u64::from(to));
            ctx.p.close_object();
        } else {
            ctx.p.fpf(format_args!("{}:{} ", from, to));
        }
    }
    ctx.p.close_array(T::Json, "");
    ctx.p.fp("} ");
}

fn print_flags(ctx: &mut Ctx, mut flags: u32) {
    let json = ctx.p.is_json();
    ctx.p.open_array(T::Any, if json { "flags" } else { "<" });
    for (bit, name) in [
        (VLAN_FLAG_REORDER_HDR, "REORDER_HDR"),
        (VLAN_FLAG_GVRP, "GVRP"),
        (VLAN_FLAG_MVRP, "MVRP"),
        (VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING"),
        (VLAN_FLAG_BRIDGE_BINDING, "BRIDGE_BINDING"),
    ] {
        if flags & bit != 0 {
            flags &= !bit;
            ctx.p.string_nokey(T::Any, if flags != 0 { "{}," } else { "{}" }, name);
        }
    }
    if flags != 0 {
        let h = format!("{:x}", flags);
        ctx.p.field(T::Any, Color::None, None, J::Str(&h), format_args!("{}", h));
    }
    ctx.p.close_array(T::Any, "> ");
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_VLAN_MAX);
    if tb.get(IFLA_VLAN_PROTOCOL).map(|d| d.len() < 2).unwrap_or(false) {
        return;
    }
    let Some(id) = tb.u16(IFLA_VLAN_ID) else { return };
    match tb.get(IFLA_VLAN_PROTOCOL) {
        Some(d) => {
            let s = ll_proto_n2a(get_be16(d).unwrap_or(0), ctx.o.numeric > 0);
            ctx.p.string(T::Any, "protocol", "protocol {} ", &s);
        }
        None => ctx.p.string(T::Any, "protocol", "protocol {} ", "802.1q"),
    }
    ctx.p.uint(T::Any, "id", "id {} ", u64::from(id));
    if let Some(f) = tb.get(IFLA_VLAN_FLAGS) {
        if f.len() < 8 {
            return;
        }
        print_flags(ctx, hdr_u32(f, 0));
    }
    if let Some(d) = tb.get(IFLA_VLAN_INGRESS_QOS) {
        print_map(ctx, "ingress_qos", "ingress-qos-map", d);
    }
    if let Some(d) = tb.get(IFLA_VLAN_EGRESS_QOS) {
        print_map(ctx, "egress_qos", "egress-qos-map", d);
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::run;
    use super::*;

    fn data() -> Vec<u8> {
        let mut r = Req::new(0, 0, &[]);
        r.attr(IFLA_VLAN_PROTOCOL, &0x88a8u16.to_be_bytes());
        r.attr_u16(IFLA_VLAN_ID, 10);
        let mut f = (VLAN_FLAG_REORDER_HDR | VLAN_FLAG_MVRP | 0x40).to_ne_bytes().to_vec();
        f.extend_from_slice(&u32::MAX.to_ne_bytes());
        r.attr(IFLA_VLAN_FLAGS, &f);
        let n = r.nest(IFLA_VLAN_INGRESS_QOS);
        let mut m = 1u32.to_ne_bytes().to_vec();
        m.extend_from_slice(&2u32.to_ne_bytes());
        r.attr(IFLA_VLAN_QOS_MAPPING, &m);
        r.nest_end(n);
        r.bytes()[16..].to_vec()
    }

    #[test]
    fn printing() {
        assert_eq!(
            run(print, "vlan", &data(), false, &[]),
            "protocol 802.1ad id 10 <REORDER_HDR,MVRP,40> \n      ingress-qos-map { 1:2 } "
        );
        assert_eq!(
            run(print, "vlan", &data(), true, &[]),
            "\"info_data\":{\"protocol\":\"802.1ad\",\"id\":10,\"flags\":[\"REORDER_HDR\",\"MVRP\",\"40\"],\
             \"ingress_qos\":[{\"from\":1,\"to\":2}]}"
        );
        let mut r = Req::new(0, 0, &[]);
        r.attr_u16(IFLA_VLAN_ID, 5);
        assert_eq!(run(print, "vlan", &r.bytes()[16..], false, &[]), "protocol 802.1q id 5 ");
    }
}
