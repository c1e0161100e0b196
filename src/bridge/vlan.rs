//! `bridge vlan show|tunnelshow` (bridge/vlan.c, 6.1.0): the per-port VLAN
//! lists from an AF_BRIDGE link dump with RTEXT_FILTER_BRVLAN[_COMPRESSED],
//! `-s` from the RTM_GETSTATS bridge xstats, `-d` from RTM_GETVLAN. Changes
//! (add/del/set/global) are not mirrored.

use super::BrCtx;
use crate::cli::{matches, Args};
use crate::error::{fail, Exit, Res};
use crate::names::LinkNames;
use crate::netlink::attr::{get_u16, get_u32, get_u64};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, Printer, T};

const IFLA_BRIDGE_VLAN_INFO: u16 = 2;
const IFLA_BRIDGE_VLAN_TUNNEL_INFO: u16 = 3;
const IFLA_BRIDGE_VLAN_TUNNEL_ID: u16 = 1;
const IFLA_BRIDGE_VLAN_TUNNEL_VID: u16 = 2;
const IFLA_BRIDGE_VLAN_TUNNEL_FLAGS: u16 = 3;

const BRIDGE_VLAN_INFO_MASTER: u16 = 1 << 0;
const BRIDGE_VLAN_INFO_PVID: u16 = 1 << 1;
const BRIDGE_VLAN_INFO_UNTAGGED: u16 = 1 << 2;
const BRIDGE_VLAN_INFO_RANGE_BEGIN: u16 = 1 << 3;
const BRIDGE_VLAN_INFO_RANGE_END: u16 = 1 << 4;
const BRIDGE_VLAN_INFO_BRENTRY: u16 = 1 << 5;

const RTM_GETSTATS: u16 = 94;
const RTM_GETVLAN: u16 = 114;
const IFLA_STATS_LINK_XSTATS: u16 = 2;
const IFLA_STATS_LINK_XSTATS_SLAVE: u16 = 3;
const LINK_XSTATS_TYPE_BRIDGE: u16 = 1;
const BRIDGE_XSTATS_VLAN: u16 = 1;
const BRIDGE_VLANDB_DUMP_FLAGS: u16 = 1;
const BRIDGE_VLANDB_DUMPF_STATS: u32 = 1;

const VLAN_ID_LEN: usize = 9;

pub const USAGE: &str = "Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
                      [ mcast_snooping MULTICAST_SNOOPING ]
                      [ mcast_querier MULTICAST_QUERIER ]
                      [ mcast_igmp_version IGMP_VERSION ]
                      [ mcast_mld_version MLD_VERSION ]
                      [ mcast_last_member_count LAST_MEMBER_COUNT ]
                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
                      [ mcast_querier_interval QUERIER_INTERVAL ]
                      [ mcast_query_interval QUERY_INTERVAL ]
                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    Vlan,
    Tunnel,
}

pub fn do_vlan(ctx: &mut BrCtx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else { return vlan_show(ctx, args, Subject::Vlan) };
    if matches(&cmd, "add") || matches(&cmd, "delete") {
        return Err(fail(1, "rip: \"bridge vlan add/delete\" is not implemented yet.\n"));
    }
    if matches(&cmd, "show") || matches(&cmd, "lst") || matches(&cmd, "list") {
        return vlan_show(ctx, args, Subject::Vlan);
    }
    if matches(&cmd, "tunnelshow") {
        return vlan_show(ctx, args, Subject::Tunnel);
    }
    if matches(&cmd, "set") || cmd == "global" {
        return Err(fail(1, &format!("rip: \"bridge vlan {}\" is not implemented yet.\n", cmd)));
    }
    if matches(&cmd, "help") {
        return Err(fail(255, USAGE));
    }
    Err(fail(255, &format!("Command \"{}\" is unknown, try \"bridge vlan help\".\n", cmd)))
}

#[derive(Clone, Copy, Default)]
struct Filter {
    index: u32,
    vlan: u16,
}

/// filter_vlan_check(): -1 stop, 0 skip, 1 show.
fn filter_vlan_check(f: Filter, vid: u16, flags: u16) -> i32 {
    if f.vlan != 0 && vid > f.vlan && flags & BRIDGE_VLAN_INFO_RANGE_END == 0 {
        return -1;
    }
    if flags & BRIDGE_VLAN_INFO_RANGE_BEGIN != 0 || vid < f.vlan {
        return 0;
    }
    1
}

fn send_dump(ctx: &mut BrCtx, req: &mut Req, what: &str) -> Res<()> {
    if let Err(e) = ctx.rtnl()?.dump_request(req) {
        crate::eprintf!("{}: {}\n", what, crate::error::strerror(e));
        return Err(Exit(1));
    }
    Ok(())
}

/// Runs the dump in progress through `f`; "Dump terminated" (exit 1) on failure.
fn run_dump(ctx: &mut BrCtx, f: &mut dyn FnMut(&mut Printer, &mut LinkNames, &Msg) -> i32) -> Res<()> {
    let BrCtx { p, names, rtnl, .. } = ctx;
    let ok = match rtnl.as_mut() {
        Some(r) => r.dump(|m| if f(p, names, &m) < 0 { Err(Exit(-1)) } else { Ok(()) }),
        None => Ok(false),
    };
    if !matches!(ok, Ok(true)) {
        return Err(fail(1, "Dump terminated\n"));
    }
    Ok(())
}

fn vlan_show(ctx: &mut BrCtx, mut args: Args, subject: Subject) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    let mut f = Filter::default();
    while let Some(w) = args.next() {
        if w == "dev" {
            let v = args.value()?;
            if filter_dev.is_some() {
                return Err(crate::cli::duparg("dev", &v));
            }
            filter_dev = Some(v);
        } else if w == "vid" {
            let v = args.value()?;
            if f.vlan != 0 {
                return Err(crate::cli::duparg("vid", &v));
            }
            f.vlan = crate::util::atoi(&v) as u16;
        }
    }
    if let Some(d) = &filter_dev {
        f.index = ctx.ifindex(d)?;
        if f.index == 0 {
            crate::eprintf!("Cannot find device \"{}\"\n", d);
            return Ok(-1);
        }
    }
    ctx.p.new_json_obj();
    let header = |p: &mut Printer, tunnel: bool| {
        if !p.is_json() {
            p.raw(format!("{:<16}  {:<9}", "port", "vlan-id").as_bytes());
            if tunnel {
                p.raw(b"  tunnel-id");
            }
            p.raw(b"\n");
        }
    };
    if ctx.o.details > 0 && subject == Subject::Vlan {
        // br_vlan_msg: family, two reserved fields, ifindex.
        let mut hdr = [0u8; 8];
        hdr[0] = AF_BRIDGE;
        let mut req = Req::new(RTM_GETVLAN, NLM_F_DUMP | NLM_F_REQUEST, &hdr);
        let flags = if ctx.o.stats > 0 { BRIDGE_VLANDB_DUMPF_STATS } else { 0 };
        req.attr_u32(BRIDGE_VLANDB_DUMP_FLAGS, flags);
        send_dump(ctx, &mut req, "Cannot send dump request")?;
        header(&mut ctx.p, false);
        // This kernel has no VLAN filtering: the dump fails before any entry.
        run_dump(ctx, &mut |_, _, _| 0)?;
    } else if ctx.o.stats == 0 {
        let mask = if ctx.o.compress_vlans > 0 { RTEXT_FILTER_BRVLAN_COMPRESSED } else { RTEXT_FILTER_BRVLAN };
        let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_BRIDGE, 0, 0, 0));
        req.attr_u32(IFLA_EXT_MASK, mask);
        send_dump(ctx, &mut req, "Cannot send dump request")?;
        header(&mut ctx.p, subject == Subject::Tunnel);
        run_dump(ctx, &mut |p, names, m| print_vlan(p, names, m, f, subject))?;
    } else {
        let stats_req = |mask: u32| {
            let mut hdr = [0u8; 12];
            hdr[0] = AF_UNSPEC;
            hdr[8..12].copy_from_slice(&mask.to_ne_bytes());
            Req::new(RTM_GETSTATS, NLM_F_DUMP | NLM_F_REQUEST, &hdr)
        };
        let mut req = stats_req(1 << (IFLA_STATS_LINK_XSTATS - 1));
        send_dump(ctx, &mut req, "Cannot send dump request")?;
        if !ctx.p.is_json() {
            ctx.p.raw(format!("{:<16}  vlan-id\n", "port").as_bytes());
        }
        run_dump(ctx, &mut |p, names, m| print_vlan_stats(p, names, m, f))?;
        let mut req = stats_req(1 << (IFLA_STATS_LINK_XSTATS_SLAVE - 1));
        send_dump(ctx, &mut req, "Cannot send slave dump request")?;
        run_dump(ctx, &mut |p, names, m| print_vlan_stats(p, names, m, f))?;
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

fn open_vlan_port(p: &mut Printer, names: &mut LinkNames, ifindex: u32, subject: Subject) {
    p.open_object(None);
    let n = names.name(None, ifindex);
    p.color_string(T::Any, Color::Ifname, "ifname", "{}  ", &format!("{:<16}", n));
    p.open_array(T::Json, if subject == Subject::Vlan { "vlans" } else { "tunnels" });
}

fn close_vlan_port(p: &mut Printer) {
    p.close_array(T::Json, "");
    p.close_object();
}

/// print_range(): "START[-END]"; returns the text width.
fn print_range(p: &mut Printer, name: &str, start: u32, id: u32) -> usize {
    p.uint(T::Any, name, "{}", start as u64);
    let mut w = start.to_string().len();
    if start != id {
        p.uint(T::Any, &format!("{}End", name), "-{}", id as u64);
        w += 1 + id.to_string().len();
    }
    if p.is_json() {
        0
    } else {
        w
    }
}

fn print_vlan_flags(p: &mut Printer, flags: u16) {
    if flags == 0 {
        return;
    }
    p.open_array(T::Json, "flags");
    if flags & BRIDGE_VLAN_INFO_PVID != 0 {
        p.string_nokey(T::Any, " {}", "PVID");
    }
    if flags & BRIDGE_VLAN_INFO_UNTAGGED != 0 {
        p.string_nokey(T::Any, " {}", "Egress Untagged");
    }
    p.close_array(T::Json, "");
}

/// The IFLA_AF_SPEC of a link message, when sent without the nested flag
/// (print_vlan() parses without masking the flag bits).
fn af_spec(body: &[u8]) -> Option<&[u8]> {
    let mut b = body;
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            return None;
        }
        if t == IFLA_AF_SPEC {
            return Some(&b[4..len]);
        }
        b = &b[crate::netlink::attr::align4(len).min(b.len())..];
    }
    None
}

/// Raw attributes (type with its flag bits) of a buffer.
fn raw_attrs(buf: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut b = buf;
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            break;
        }
        out.push((t, &b[4..len]));
        b = &b[crate::netlink::attr::align4(len).min(b.len())..];
    }
    out
}

fn print_vlan(p: &mut Printer, names: &mut LinkNames, m: &Msg, f: Filter, subject: Subject) -> i32 {
    if m.ty != RTM_NEWLINK {
        crate::eprintf!("Not RTM_NEWLINK: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags);
        return 0;
    }
    let Some((family, _, index, _, _)) = ifinfo(m.payload) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 16);
        return -1;
    };
    if family != AF_BRIDGE {
        return 0;
    }
    if f.index != 0 && f.index != index as u32 {
        return 0;
    }
    let Some(af) = af_spec(m.payload.get(IFINFOMSG_LEN..).unwrap_or(&[])) else { return 0 };
    let ifindex = index as u32;
    let mut opened = false;
    match subject {
        Subject::Vlan => {
            let mut last_start = 0u16;
            for (t, d) in raw_attrs(af) {
                if t != IFLA_BRIDGE_VLAN_INFO {
                    continue;
                }
                let flags = get_u16(d).unwrap_or(0);
                let vid = d.get(2..).and_then(get_u16).unwrap_or(0);
                if flags & BRIDGE_VLAN_INFO_RANGE_END == 0 {
                    last_start = vid;
                }
                match filter_vlan_check(f, vid, flags) {
                    -1 => break,
                    0 => continue,
                    _ => {}
                }
                if !opened {
                    open_vlan_port(p, names, ifindex, Subject::Vlan);
                    opened = true;
                } else {
                    p.fp(&format!("{:<16}  ", ""));
                }
                p.open_object(None);
                print_range(p, "vlan", last_start as u32, vid as u32);
                print_vlan_flags(p, flags);
                p.close_object();
                p.nl();
            }
        }
        Subject::Tunnel => {
            let mut last_vid = 0u16;
            let mut last_tun = 0u32;
            for (t, d) in raw_attrs(af) {
                if t != IFLA_BRIDGE_VLAN_TUNNEL_INFO {
                    continue;
                }
                let tt = Tb::parse(d, 3);
                let Some(vid) = tt.u16(IFLA_BRIDGE_VLAN_TUNNEL_VID) else { continue };
                let id = tt.u32(IFLA_BRIDGE_VLAN_TUNNEL_ID).unwrap_or(0);
                let flags = tt.u16(IFLA_BRIDGE_VLAN_TUNNEL_FLAGS).unwrap_or(0);
                if flags & BRIDGE_VLAN_INFO_RANGE_END == 0 {
                    last_vid = vid;
                    last_tun = id;
                }
                match filter_vlan_check(f, vid, flags) {
                    -1 => break,
                    0 => continue,
                    _ => {}
                }
                if !opened {
                    open_vlan_port(p, names, ifindex, Subject::Tunnel);
                    opened = true;
                } else {
                    p.fp(&format!("{:<16}  ", ""));
                }
                p.open_object(None);
                let width = print_range(p, "vlan", last_vid as u32, vid as u32);
                if width <= VLAN_ID_LEN {
                    p.fp(&format!("{:<w$}  ", "", w = VLAN_ID_LEN - width));
                } else {
                    crate::eprintf!("BUG: vlan range too wide, {}\n", width);
                }
                print_range(p, "tunid", last_tun, id);
                p.close_object();
                p.nl();
            }
        }
    }
    if opened {
        close_vlan_port(p);
    }
    0
}

fn print_vlan_stats_attr(p: &mut Printer, names: &mut LinkNames, attr: &[u8], ifindex: u32, f: Filter) {
    let tb = Tb::parse(attr, 2);
    let Some(list) = tb.get(LINK_XSTATS_TYPE_BRIDGE) else { return };
    let mut found = false;
    for (t, d) in raw_attrs(list) {
        if t != BRIDGE_XSTATS_VLAN {
            continue;
        }
        let rd = |o: usize| d.get(o..o + 8).and_then(get_u64).unwrap_or(0);
        let vid = d.get(32..34).and_then(get_u16).unwrap_or(0);
        let flags = d.get(34..36).and_then(get_u16).unwrap_or(0);
        if f.vlan != 0 && f.vlan != vid {
            continue;
        }
        if flags & BRIDGE_VLAN_INFO_MASTER != 0 && flags & BRIDGE_VLAN_INFO_BRENTRY == 0 {
            continue;
        }
        if !found {
            open_vlan_port(p, names, ifindex, Subject::Vlan);
            found = true;
        } else {
            p.fp(&format!("{:<16}  ", ""));
        }
        p.open_object(None);
        p.uint(T::Any, "vid", "{}", vid as u64);
        print_vlan_flags(p, flags);
        p.nl();
        let pad = format!("{:<16}    ", "");
        p.fp(&pad);
        p.uint(T::Any, "rx_bytes", "RX: {} bytes", rd(0));
        p.uint(T::Any, "rx_packets", " {} packets\n", rd(8));
        p.fp(&pad);
        p.uint(T::Any, "tx_bytes", "TX: {} bytes", rd(16));
        p.uint(T::Any, "tx_packets", " {} packets\n", rd(24));
        p.close_object();
    }
    if found {
        close_vlan_port(p);
    }
}

fn print_vlan_stats(p: &mut Printer, names: &mut LinkNames, m: &Msg, f: Filter) -> i32 {
    let Some(h) = m.payload.get(..12) else {
        crate::eprintf!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12);
        return -1;
    };
    let ifindex = get_u32(&h[4..8]).unwrap_or(0);
    if f.index != 0 && f.index != ifindex {
        return 0;
    }
    let body = m.payload.get(12..).unwrap_or(&[]);
    let mut x = None;
    let mut xs = None;
    for (t, d) in raw_attrs(body) {
        if t == IFLA_STATS_LINK_XSTATS && x.is_none() {
            x = Some(d);
        } else if t == IFLA_STATS_LINK_XSTATS_SLAVE && xs.is_none() {
            xs = Some(d);
        }
    }
    if let Some(d) = x {
        print_vlan_stats_attr(p, names, d, ifindex, f);
    }
    if let Some(d) = xs {
        print_vlan_stats_attr(p, names, d, ifindex, f);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vlan_filter() {
        let f = Filter { index: 0, vlan: 10 };
        assert_eq!(filter_vlan_check(f, 5, 0), 0);
        assert_eq!(filter_vlan_check(f, 10, 0), 1);
        assert_eq!(filter_vlan_check(f, 11, 0), -1);
        assert_eq!(filter_vlan_check(f, 12, BRIDGE_VLAN_INFO_RANGE_END), 1);
        assert_eq!(filter_vlan_check(Filter::default(), 1, BRIDGE_VLAN_INFO_RANGE_BEGIN), 0);
    }
}
