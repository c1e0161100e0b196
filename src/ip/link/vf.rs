//! `vf NUM ...` of iplink_parse() (ip/iplink.c iplink_parse_vf()).

use super::value::{ll_addr_a2n, nl_get_ll_addr_len};
use crate::args::keywords::{kw, Table};
use crate::args::num::{c_strtoull, get_unsigned};
use crate::args::parse_on_off;
use crate::args::{matches, Args};
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, Res};
use crate::error::{incomplete_command, invarg};
use crate::names::ll_proto::ll_proto_a2n;
use crate::netlink::consts::*;
use crate::netlink::{Req, Tb};

const IFLA_VF_INFO: u16 = 1;
const IFLA_VF_MAC: u16 = 1;
const IFLA_VF_VLAN: u16 = 2;
const IFLA_VF_TX_RATE: u16 = 3;
const IFLA_VF_SPOOFCHK: u16 = 4;
const IFLA_VF_LINK_STATE: u16 = 5;
const IFLA_VF_RATE: u16 = 6;
const IFLA_VF_RSS_QUERY_EN: u16 = 7;
const IFLA_VF_TRUST: u16 = 9;
const IFLA_VF_IB_NODE_GUID: u16 = 10;
const IFLA_VF_IB_PORT_GUID: u16 = 11;
const IFLA_VF_VLAN_LIST: u16 = 12;
const IFLA_VF_VLAN_INFO: u16 = 1;
const ETH_P_8021Q: u16 = 0x8100;
const ETH_P_8021AD: u16 = 0x88a8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum V {
    Mac,
    Vlan,
    Rate,
    MaxTxRate,
    MinTxRate,
    Spoofchk,
    QueryRss,
    Trust,
    State,
    NodeGuid,
    PortGuid,
}

/// iplink_parse_vf()'s words, in its order. (Its look-ahead for the new
/// rate API tests `max_tx_rate`/`min_tx_rate` with plain matches(), so
/// `m` counts there though `mac` takes it here.)
pub(super) static OPTIONS: Table<V> = Table::new(
    "ip link set vf",
    &[
        kw("mac", V::Mac),
        kw("vlan", V::Vlan),
        kw("rate", V::Rate),
        kw("max_tx_rate", V::MaxTxRate),
        kw("min_tx_rate", V::MinTxRate),
        kw("spoofchk", V::Spoofchk),
        kw("query_rss", V::QueryRss),
        kw("trust", V::Trust),
        kw("state", V::State),
        kw("node_guid", V::NodeGuid),
        kw("port_guid", V::PortGuid),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Vl {
    Qos,
    Proto,
}

/// iplink_parse_vf_vlan_info(): what may follow `vlan VLANID`.
pub(super) static VLAN_OPTIONS: Table<Vl> =
    Table::new("ip link set vf vlan", &[kw("qos", Vl::Qos), kw("proto", Vl::Proto)]);

/// `state` values, as IFLA_VF_LINK_STATE numbers.
pub(super) static STATES: Table<u32> =
    Table::new("ip link set vf state", &[kw("auto", 0), kw("enable", 1), kw("disable", 2)]);

/// iplink_parse_vf(): the VF options after `vf NUM`, in one IFLA_VF_INFO
/// nest. Ok(false) after a printed error.
pub(super) fn iplink_parse_vf(ctx: &mut Ctx, vf: i32, args: &mut Args, req: &mut Req, dev: &str) -> Res<bool> {
    let vfu = vf as u32;
    let start = args.position();
    let vfinfo = req.nest(IFLA_VF_INFO);
    // The new rate API is in use when max_tx_rate/min_tx_rate appear anywhere.
    let rest: Vec<String> = args.rest().iter().skip(1).cloned().collect();
    let mut new_rate_api = false;
    let mut override_legacy = false;
    for w in &rest {
        if matches(w, "max_tx_rate") {
            new_rate_api = true;
            override_legacy = true;
        } else if matches(w, "min_tx_rate") {
            new_rate_api = true;
        }
    }
    let mut min_rate: i64 = -1;
    let mut max_rate: i64 = -1;
    let u32s = |v: &[u32]| -> Vec<u8> { v.iter().flat_map(|x| x.to_ne_bytes()).collect() };

    while args.remaining() > 1 {
        args.advance();
        let w = args.peek().unwrap_or("").to_string();
        match OPTIONS.find(&w) {
            Some(V::Mac) => {
                let halen = nl_get_ll_addr_len(ctx, dev)?;
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                let Some(mac) = ll_addr_a2n(&v, 32) else {
                    return Ok(false);
                };
                if halen > 0 && mac.len() as i32 != halen {
                    eprint_raw(&format!("Invalid address length {} - must be {} bytes\n", mac.len(), halen));
                    return Ok(false);
                }
                let mut b = vfu.to_ne_bytes().to_vec();
                let mut m = [0u8; 32];
                m[..mac.len()].copy_from_slice(&mac);
                b.extend_from_slice(&m);
                req.attr(IFLA_VF_MAC, &b);
            }
            Some(V::Vlan) => {
                let info = parse_vf_vlan(args)?;
                if info.2 == ETH_P_8021Q {
                    req.attr(IFLA_VF_VLAN, &u32s(&[vfu, info.0, info.1]));
                } else {
                    let list = req.nest(IFLA_VF_VLAN_LIST);
                    req.attr(IFLA_VF_VLAN_INFO, &vlan_info(vfu, info));
                    while args.remaining() > 1 {
                        if OPTIONS.find(args.peek2().unwrap_or("")) != Some(V::Vlan) {
                            break;
                        }
                        args.advance();
                        let info = parse_vf_vlan(args)?;
                        req.attr(IFLA_VF_VLAN_INFO, &vlan_info(vfu, info));
                    }
                    req.nest_end(list);
                }
            }
            Some(V::Rate) => {
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                let rate = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"rate\" value\n", &v))?;
                if !new_rate_api {
                    req.attr(IFLA_VF_TX_RATE, &u32s(&[vfu, rate]));
                } else if !override_legacy {
                    max_rate = rate as i64;
                }
            }
            Some(V::MaxTxRate) => {
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                max_rate = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"max tx rate\" value\n", &v))? as i64;
            }
            Some(V::MinTxRate) => {
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                min_rate = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"min tx rate\" value\n", &v))? as i64;
            }
            Some(onoff @ (V::Spoofchk | V::QueryRss | V::Trust)) => {
                let (key, ty) = match onoff {
                    V::Spoofchk => ("spoofchk", IFLA_VF_SPOOFCHK),
                    V::QueryRss => ("query_rss", IFLA_VF_RSS_QUERY_EN),
                    _ => ("trust", IFLA_VF_TRUST),
                };
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                let Some(s) = parse_on_off(key, &v) else {
                    return Ok(false);
                };
                req.attr(ty, &u32s(&[vfu, s as u32]));
            }
            Some(V::State) => {
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                let Some(st) = STATES.find(&v) else {
                    return Err(invarg("Invalid \"state\" value\n", &v));
                };
                req.attr(IFLA_VF_LINK_STATE, &u32s(&[vfu, st]));
            }
            Some(guid @ (V::NodeGuid | V::PortGuid)) => {
                let ty = if guid == V::NodeGuid { IFLA_VF_IB_NODE_GUID } else { IFLA_VF_IB_PORT_GUID };
                args.advance();
                let v = args.peek().ok_or_else(incomplete_command)?.to_string();
                let guid = get_guid(&v).ok_or_else(|| invarg("Invalid GUID format\n", &v))?;
                let mut b = vfu.to_ne_bytes().to_vec();
                b.extend_from_slice(&[0u8; 4]);
                b.extend_from_slice(&guid.to_ne_bytes());
                req.attr(ty, &b);
            }
            None => {
                args.back();
                break;
            }
        }
    }

    if new_rate_api {
        if min_rate == -1 || max_rate == -1 {
            let (tmin, tmax) = vf_rate(ctx, vf, dev)?;
            if min_rate == -1 {
                min_rate = tmin;
            }
            if max_rate == -1 {
                max_rate = tmax;
            }
        }
        let (mn, mx) = (min_rate as u32, max_rate as u32);
        if mx != 0 && mn > mx {
            eprint_raw(&format!("Invalid min_tx_rate {} - must be <= max_tx_rate {}\n", mn as i32, mx as i32));
            return Ok(false);
        }
        req.attr(IFLA_VF_RATE, &u32s(&[vfu, mn, mx]));
    }

    if args.position() == start {
        return Err(incomplete_command());
    }
    req.nest_end(vfinfo);
    Ok(true)
}

/// ifla_vf_vlan_info: vf, vlan, qos, proto (big endian), 2 bytes padding.
fn vlan_info(vf: u32, (vlan, qos, proto): (u32, u32, u16)) -> Vec<u8> {
    let mut b = Vec::with_capacity(16);
    b.extend_from_slice(&vf.to_ne_bytes());
    b.extend_from_slice(&vlan.to_ne_bytes());
    b.extend_from_slice(&qos.to_ne_bytes());
    b.extend_from_slice(&proto.to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b
}

/// iplink_parse_vf_vlan_info(): `vlan VLANID [qos N] [proto P]`, the
/// cursor on "vlan"; leaves it on the last word used.
fn parse_vf_vlan(args: &mut Args) -> Res<(u32, u32, u16)> {
    args.advance();
    let v = args.peek().ok_or_else(incomplete_command)?.to_string();
    let vlan = get_unsigned(&v, 0).filter(|x| *x <= 4095).ok_or_else(|| invarg("Invalid \"vlan\" value\n", &v))?;
    let mut qos = 0;
    let mut proto = ETH_P_8021Q;
    if args.remaining() > 1 && VLAN_OPTIONS.find(args.peek2().unwrap_or("")) == Some(Vl::Qos) {
        args.advance();
        args.advance();
        let v = args.peek().ok_or_else(incomplete_command)?.to_string();
        qos = get_unsigned(&v, 0).ok_or_else(|| invarg("Invalid \"qos\" value\n", &v))?;
    }
    if args.remaining() > 1 && VLAN_OPTIONS.find(args.peek2().unwrap_or("")) == Some(Vl::Proto) {
        args.advance();
        args.advance();
        let v = args.peek().ok_or_else(incomplete_command)?.to_string();
        let p = ll_proto_a2n(&v).ok_or_else(|| invarg("protocol is invalid\n", &v))?;
        if p != ETH_P_8021Q && p != ETH_P_8021AD {
            return Err(invarg("Invalid \"vlan protocol\" value - supported 802.1Q, 802.1ad\n", &v));
        }
        proto = p;
    }
    Ok((vlan, qos, proto))
}

/// get_guid(): exactly "xx:xx:xx:xx:xx:xx:xx:xx".
pub(super) fn get_guid(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() != 23 {
        return None;
    }
    let mut g = 0u64;
    for i in 0..8 {
        if i < 7 && b[2 + i * 3] != b':' {
            return None;
        }
        let part = s.get(i * 3..i * 3 + 2)?;
        let (v, n, _) = c_strtoull(part, 16);
        if n != 2 || v > 255 {
            return None;
        }
        g |= v << (56 - 8 * i);
    }
    Some(g)
}

/// ipaddr_get_vf_rate(): the VF's current rates from a link dump.
fn vf_rate(ctx: &mut Ctx, vf: i32, dev: &str) -> Res<(i64, i64)> {
    let idx = ctx.ifindex(dev);
    if idx == 0 {
        return Err(fail(1, &format!("Device {} does not exist\n", dev)));
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST, &ifinfomsg(AF_UNSPEC, 0, 0, 0));
    req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
    let rtnl = ctx.rtnl()?;
    if rtnl.dump_request(&mut req).is_err() {
        return Err(fail(1, "Cannot send dump request\n"));
    }
    let mut out = (0i64, 0i64);
    let ok = rtnl.dump(|m| {
        let Some((_, _, i, _, _)) = ifinfo(m.payload) else {
            return Ok(());
        };
        if i as u32 != idx {
            return Ok(());
        }
        let Some(attrs) = m.payload.get(IFINFOMSG_LEN..) else {
            return Ok(());
        };
        let tb = Tb::parse(attrs, IFLA_MAX);
        if let (Some(list), true) = (tb.get(IFLA_VFINFO_LIST), tb.has(IFLA_NUM_VF)) {
            for (_, one) in crate::netlink::attrs(list) {
                let t = Tb::parse(one, 20);
                if let Some(r) = t.get(IFLA_VF_RATE) {
                    let h = |o| crate::netlink::attr::hdr_u32(r, o);
                    if h(0) as i32 == vf {
                        out = (h(4) as i64, h(8) as i64);
                    }
                }
            }
        }
        Ok(())
    })?;
    if !ok {
        return Err(fail(1, "Dump terminated\n"));
    }
    Ok(out)
}
