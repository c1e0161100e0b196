//! `type vrf` and the `vrf_slave` port data (ip/iplink_vrf.c, 6.1.0). This
//! kernel has no VRF: requests are checked against iproute2's bytes.

use super::Hooks;
use crate::args::keywords::{kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, Res};
use crate::netlink::{Req, Tb};
use crate::print::T;

const IFLA_VRF_TABLE: u16 = 1;
const IFLA_VRF_PORT_TABLE: u16 = 1;

const HELP: &str = "Usage: ... vrf table TABLEID\n";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Table,
    Help,
}

/// The option words of `ip link type vrf`, in the order the parser tests them.
pub static OPTS: Table<Opt> = Table::new("ip link type vrf", &[kw("table", Opt::Table), kw("help", Opt::Help)]);

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let k = OPTS.find(&w);
        if k == Some(Opt::Table) {
            let v = args.value()?;
            let t = crate::names::tables::rttable_a2n(&v).ok_or_else(|| invarg("invalid table ID\n", &v))?;
            req.attr_u32(IFLA_VRF_TABLE, t);
        } else if k == Some(Opt::Help) {
            eprint_raw(HELP);
            return Ok(1);
        } else {
            eprint_raw(&format!("vrf: unknown option \"{}\"?\n", w));
            eprint_raw(HELP);
            return Ok(1);
        }
    }
    Ok(0)
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, 1);
    if let Some(t) = tb.u32(IFLA_VRF_TABLE) {
        ctx.p.uint(T::Any, "table", "table {} ", u64::from(t));
    }
}

/// vrf_slave_print_opt()
pub fn slave_print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, 1);
    if let Some(t) = tb.u32(IFLA_VRF_PORT_TABLE) {
        ctx.p.uint(T::Any, "table", "table {} ", u64::from(t));
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::run;
    use super::*;

    #[test]
    fn tables_and_printing() {
        assert_eq!(crate::names::tables::rttable_a2n("main"), Some(254));
        assert_eq!(crate::names::tables::rttable_a2n("0x10"), Some(16));
        assert_eq!(crate::names::tables::rttable_a2n("4294967296"), None);
        let mut r = Req::new(0, 0, &[]);
        r.attr_u32(IFLA_VRF_TABLE, 10);
        assert_eq!(run(print, "vrf", &r.bytes()[16..], false, &[]), "table 10 ");
        assert_eq!(run(slave_print, "vrf_slave", &r.bytes()[16..], true, &[]), "\"info_slave_data\":{\"table\":10}");
    }
}
