//! `type vrf` and the `vrf_slave` port data (ip/iplink_vrf.c, 6.1.0). This
//! kernel has no VRF: requests are checked against iproute2's bytes.

use crate::args::keywords::{kw, Table};
use crate::args::Args;
use crate::error::invarg;
use crate::error::{eprint_raw, Res};
use super::Hooks;
use crate::ctx::Ctx;
use crate::netlink::{Req, Tb};
use crate::print::T;

const IFLA_VRF_TABLE: u16 = 1;
const IFLA_VRF_PORT_TABLE: u16 = 1;

const HELP: &str = "Usage: ... vrf table TABLEID\n";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// One "ID NAME" line of an iproute2 table file (fread_id_name()).
fn id_name(line: &str) -> Option<(u32, String)> {
    let mut it = line.split_whitespace();
    let id = it.next()?;
    let name = it.next()?;
    let id = match id.strip_prefix("0x") {
        Some(h) => i64::from_str_radix(h, 16).ok()?,
        None => id.parse::<i64>().ok()?,
    };
    if id < 0 {
        return None;
    }
    Some((id as u32, name.to_string()))
}

/// rtnl_rttable_a2n(): a name from /etc/iproute2/rt_tables (and
/// rt_tables.d/*.conf), in iproute2's hash order, else a number.
fn rttable_a2n(arg: &str) -> Option<u32> {
    let mut entries: Vec<(u32, String)> =
        vec![(253, "default".into()), (254, "main".into()), (255, "local".into())];
    let mut load = |path: &std::path::Path| {
        let Ok(text) = std::fs::read_to_string(path) else { return };
        for line in text.lines() {
            let l = line.trim_start_matches([' ', '\t']);
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            match id_name(l) {
                Some(e) => entries.push(e),
                None => {
                    crate::eprintf!("Database {} is corrupted at {}\n", path.display(), line);
                    return;
                }
            }
        }
    };
    load(std::path::Path::new("/etc/iproute2/rt_tables"));
    if let Ok(d) = std::fs::read_dir("/etc/iproute2/rt_tables.d") {
        for e in d.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with('.') || n.len() <= 5 || !n.ends_with(".conf") {
                continue;
            }
            load(&e.path());
        }
    }
    // Buckets by id & 255, newest entry first in each.
    for bucket in 0..256u32 {
        if let Some((id, _)) = entries.iter().rev().find(|(id, n)| id & 255 == bucket && n == arg) {
            return Some(*id);
        }
    }
    let (v, n, over) = crate::args::num::c_strtoull(arg, 0);
    if n == 0 || n != arg.len() || over || v > u64::from(u32::MAX) {
        return None;
    }
    Some(v as u32)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Table,
    Help,
}

/// The option words of `ip link type vrf`, in the order the parser tests them.
pub static OPTS: Table<Opt> = Table::new(
    "ip link type vrf",
    &[
        kw("table", Opt::Table),
        kw("help", Opt::Help),
    ],
);

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    while let Some(w) = args.next() {
        let k = OPTS.find(&w);
        if k == Some(Opt::Table) {
            let v = args.value()?;
            let t = rttable_a2n(&v).ok_or_else(|| invarg("invalid table ID\n", &v))?;
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
        assert_eq!(rttable_a2n("main"), Some(254));
        assert_eq!(rttable_a2n("0x10"), Some(16));
        assert_eq!(rttable_a2n("4294967296"), None);
        let mut r = Req::new(0, 0, &[]);
        r.attr_u32(IFLA_VRF_TABLE, 10);
        assert_eq!(run(print, "vrf", &r.bytes()[16..], false, &[]), "table 10 ");
        assert_eq!(run(slave_print, "vrf_slave", &r.bytes()[16..], true, &[]), "\"info_slave_data\":{\"table\":10}");
    }
}
