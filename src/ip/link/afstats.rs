//! `ip link afstats [dev DEV]` (ip/iplink.c iplink_afstats()).

use super::help::usage;
use super::xstats::{stats_request, IFLA_STATS_AF_SPEC};
use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::duparg2;
use crate::error::{eprint_raw, fail, Res};
use crate::netlink::consts::*;
use crate::netlink::Tb;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum A {
    Dev,
    Help,
}

/// iplink_afstats()'s words.
pub(super) static OPTIONS: Table<A> = Table::new("ip link afstats", &[exact("dev", A::Dev), kw("help", A::Help)]);

/// iplink_afstats(): `ip link afstats [dev DEV]`. Its status is ignored by
/// do_iplink (always 0).
pub fn iplink_afstats(ctx: &mut Ctx, mut args: Args) -> Res<()> {
    let mut filter_dev: Option<String> = None;
    while let Some(w) = args.next() {
        match OPTIONS.find(&w) {
            Some(A::Dev) => {
                let v = args.value()?;
                if filter_dev.is_some() {
                    return Err(duparg2("dev", &v));
                }
                filter_dev = Some(v);
            }
            Some(A::Help) => return Err(usage()),
            None => {
                return Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip link help\".\n", w)));
            }
        }
    }
    let mut want = 0u32;
    if let Some(d) = filter_dev {
        want = ctx.ifindex(&d);
        if want == 0 {
            eprint_raw(&format!("Device \"{}\" does not exist.\n", d));
            return Ok(());
        }
    }
    ctx.p.new_json_obj();
    let mut req = stats_request(1 << (IFLA_STATS_AF_SPEC - 1));
    if ctx.rtnl()?.dump_request(&mut req).is_err() {
        eprint_raw("Cannont send dump request\n");
        return Ok(());
    }
    // Collected first: printing needs the name cache (and its socket).
    type PerFamily = Vec<(u16, Vec<u8>)>;
    let mut found: Vec<(u32, PerFamily)> = Vec::new();
    let ok = ctx.rtnl()?.dump(|m| {
        if m.payload.len() < 12 {
            eprint_raw(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12));
            return Ok(());
        }
        let idx = crate::netlink::attr::hdr_u32(m.payload, 4);
        if want != 0 && idx != want {
            return Ok(());
        }
        let tb = Tb::parse(m.payload.get(12..).unwrap_or(&[]), 8);
        if let Some(af) = tb.get(IFLA_STATS_AF_SPEC) {
            let per: Vec<(u16, Vec<u8>)> = crate::netlink::attrs(af).map(|(t, d)| (t, d.to_vec())).collect();
            found.push((idx, per));
        }
        Ok(())
    })?;
    if !ok {
        eprint_raw("Dump terminated\n");
        return Ok(());
    }
    let fam = ctx.o.family as u16;
    for (idx, per) in found {
        let mut printed = false;
        for (t, data) in per {
            if fam != AF_UNSPEC as u16 && t != fam {
                continue;
            }
            if !printed {
                ctx.p.uint(crate::print::T::Any, "ifindex", "{}:", idx as u64);
                let name = ctx.ifname(idx);
                ctx.p.color_string(crate::print::T::Any, crate::print::color::Color::Ifname, "ifname", "{}", &name);
                ctx.p.nl();
                printed = true;
            }
            if t == AF_MPLS as u16 {
                print_mpls_stats(ctx, &data);
            } else {
                let _ = ctx.p.flush();
                eprint_raw(&format!("    unknown af({})\n", t));
            }
        }
    }
    ctx.p.delete_json_obj();
    Ok(())
}

/// print_mpls_stats(): the MPLS_STATS_LINK counters of one device.
fn print_mpls_stats(ctx: &mut Ctx, data: &[u8]) {
    use crate::print::T;
    const MPLS_STATS_LINK: u16 = 1;
    let tb = Tb::parse(data, 1);
    let Some(s) = tb.get(MPLS_STATS_LINK) else {
        return;
    };
    let g = |i: usize| s.get(i * 8..i * 8 + 8).and_then(crate::netlink::attr::get_u64).unwrap_or(0);
    // struct mpls_link_stats: rx/tx bytes, packets, errors, dropped, rx_noroute.
    let (rxb, txb, rxp, txp, rxe, txe, rxd, txd, rxn) = (g(0), g(1), g(2), g(3), g(4), g(5), g(6), g(7), g(8));
    ctx.p.fp("    mpls:");
    ctx.p.nl();
    if ctx.p.is_json() {
        ctx.p.open_object(Some("rx"));
        for (k, v) in [("bytes", rxb), ("packets", rxp), ("errors", rxe), ("dropped", rxd), ("noroute", rxn)] {
            ctx.p.uint(T::Json, k, "", v);
        }
        ctx.p.close_object();
        ctx.p.open_object(Some("tx"));
        for (k, v) in [("bytes", txb), ("packets", txp), ("errors", txe), ("dropped", txd)] {
            ctx.p.uint(T::Json, k, "", v);
        }
        ctx.p.close_object();
    } else {
        // size_columns(): each column as wide as its widest number.
        let mut cols = [9usize, 7, 6, 7, 7];
        for row in [[rxb, rxp, rxe, rxd, rxn], [txb, txp, txe, txd, 0]] {
            for (c, v) in cols.iter_mut().zip(row) {
                *c = (*c).max(v.to_string().len());
            }
        }
        let ind = "        ";
        ctx.p.fpf(format_args!(
            "{}RX: {:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$}\n",
            ind,
            "bytes",
            "packets",
            "errors",
            "dropped",
            "noroute",
            w0 = cols[0] - 4,
            w1 = cols[1],
            w2 = cols[2],
            w3 = cols[3],
            w4 = cols[4]
        ));
        ctx.p.fp(ind);
        for (c, v) in cols.iter().zip([rxb, rxp, rxe, rxd, rxn]) {
            ctx.p.fpf(format_args!("{:>w$} ", v, w = c));
        }
        ctx.p.nl();
        ctx.p.fpf(format_args!(
            "{}TX: {:>w0$} {:>w1$} {:>w2$} {:>w3$}\n",
            ind,
            "bytes",
            "packets",
            "errors",
            "dropped",
            w0 = cols[0] - 4,
            w1 = cols[1],
            w2 = cols[2],
            w3 = cols[3]
        ));
        ctx.p.fp(ind);
        for (c, v) in cols.iter().zip([txb, txp, txe, txd]) {
            ctx.p.fpf(format_args!("{:>w$} ", v, w = c));
        }
    }
    ctx.p.fp("\n");
}
