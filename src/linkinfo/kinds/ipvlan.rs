//! `type ipvlan` and `type ipvtap` (ip/iplink_ipvlan.c, 6.1.0). This
//! kernel has no ipvlan: requests are checked byte for byte against
//! iproute2's, printing against crafted attributes.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, Res};
use crate::netlink::{Req, Tb};
use crate::print::T;

pub const IFLA_IPVLAN_MODE: u16 = 1;
pub const IFLA_IPVLAN_FLAGS: u16 = 2;
pub const IFLA_IPVLAN_MAX: usize = 2;

const IPVLAN_MODE_L2: u16 = 0;
const IPVLAN_MODE_L3: u16 = 1;
const IPVLAN_MODE_L3S: u16 = 2;
const IPVLAN_F_PRIVATE: u16 = 1;
const IPVLAN_F_VEPA: u16 = 2;

fn explain(kind: &str) -> String {
    format!(
        "Usage: ... {} [ mode MODE ] [ FLAGS ]\n\
         \n\
         MODE: l3 | l3s | l2\n\
         FLAGS: bridge | private | vepa\n\
         (first values are the defaults if nothing is specified).\n",
        kind
    )
}

pub fn help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(explain(kind).as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Mode,
    Private,
    Vepa,
    Bridge,
    Help,
}

/// The values of `mode`, compared whole (strcmp); ids are IFLA_IPVLAN_MODE.
pub static MODES: Table<u16> = Table::new(
    "ip link type ipvlan mode",
    &[exact("l2", IPVLAN_MODE_L2), exact("l3", IPVLAN_MODE_L3), exact("l3s", IPVLAN_MODE_L3S)],
);

/// The option words of `ip link type ipvlan`, in the order the parser tests them.
pub static OPTS: Table<Opt> = Table::new(
    "ip link type ipvlan",
    &[
        kw("mode", Opt::Mode),
        kw("private", Opt::Private),
        kw("vepa", Opt::Vepa),
        kw("bridge", Opt::Bridge),
        kw("help", Opt::Help),
    ],
);

pub fn parse(_ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut flags: u16 = 0;
    let mut mflag_given = false;
    while let Some(w) = args.next() {
        let k = OPTS.find(&w);
        if k == Some(Opt::Mode) {
            let v = args.value()?;
            let Some(mode) = MODES.find(&v) else {
                eprint_raw("Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"\n");
                return Ok(1);
            };
            req.attr_u16(IFLA_IPVLAN_MODE, mode);
        } else if k == Some(Opt::Private) && !mflag_given {
            flags |= IPVLAN_F_PRIVATE;
            mflag_given = true;
        } else if k == Some(Opt::Vepa) && !mflag_given {
            flags |= IPVLAN_F_VEPA;
            mflag_given = true;
        } else if k == Some(Opt::Bridge) && !mflag_given {
            mflag_given = true;
        } else if k == Some(Opt::Help) {
            eprint_raw(&explain(kind));
            return Ok(1);
        } else {
            eprint_raw(&format!("{}: unknown option \"{}\"?\n", kind, w));
            eprint_raw(&explain(kind));
            return Ok(1);
        }
    }
    req.attr_u16(IFLA_IPVLAN_FLAGS, flags);
    Ok(0)
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_IPVLAN_MAX);
    // Only attributes of exactly two bytes count.
    let exact_u16 = |ty: u16| tb.get(ty).filter(|d| d.len() == 2).and_then(crate::netlink::attr::get_u16);
    if let Some(mode) = exact_u16(IFLA_IPVLAN_MODE) {
        let s = match mode {
            IPVLAN_MODE_L2 => "l2",
            IPVLAN_MODE_L3 => "l3",
            IPVLAN_MODE_L3S => "l3s",
            _ => "unknown",
        };
        ctx.p.string(T::Any, "mode", " mode {} ", s);
    }
    if let Some(flags) = exact_u16(IFLA_IPVLAN_FLAGS) {
        if flags & IPVLAN_F_PRIVATE != 0 {
            ctx.p.bool(T::Any, "private", "private ", true);
        } else if flags & IPVLAN_F_VEPA != 0 {
            ctx.p.bool(T::Any, "vepa", "vepa ", true);
        } else {
            ctx.p.bool(T::Any, "bridge", "bridge ", true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::{ctx, run};
    use super::*;

    fn data(mode: Option<u16>, flags: Option<u16>) -> Vec<u8> {
        let mut r = Req::new(0, 0, &[]);
        if let Some(m) = mode {
            r.attr_u16(IFLA_IPVLAN_MODE, m);
        }
        if let Some(f) = flags {
            r.attr_u16(IFLA_IPVLAN_FLAGS, f);
        }
        r.bytes()[16..].to_vec()
    }

    #[test]
    fn printing() {
        assert_eq!(run(print, "ipvlan", &data(Some(1), Some(0)), false, &[]), " mode l3 bridge ");
        assert_eq!(run(print, "ipvlan", &data(Some(2), Some(1)), false, &[]), " mode l3s private ");
        assert_eq!(run(print, "ipvtap", &data(Some(0), Some(2)), false, &[]), " mode l2 vepa ");
        assert_eq!(run(print, "ipvlan", &data(Some(9), None), false, &[]), " mode unknown ");
        assert_eq!(
            run(print, "ipvlan", &data(Some(1), Some(0)), true, &[]),
            "\"info_data\":{\"mode\":\"l3\",\"bridge\":true}"
        );
        // A 4-byte mode is ignored.
        let mut r = Req::new(0, 0, &[]);
        r.attr_u32(IFLA_IPVLAN_MODE, 1);
        assert_eq!(run(print, "ipvlan", &r.bytes()[16..], false, &[]), "");
    }

    fn parse_words(kind: &str, w: &[&str]) -> (i32, Vec<u8>) {
        let (mut c, _) = ctx(false);
        let mut req = Req::new(0, 0, &[]);
        let mut args = Args::from_strs(w);
        let rc = match parse(&mut c, kind, &mut args, &mut req, &crate::linkinfo::kinds::NO_HOOKS) {
            Ok(rc) => rc,
            Err(e) => e.0,
        };
        (rc, req.bytes()[16..].to_vec())
    }

    #[test]
    fn parsing() {
        let _g = super::super::common::request_tests::STDERR_LOCK.lock();
        assert_eq!(parse_words("ipvlan", &["mode", "l3"]), (0, data(Some(1), Some(0))));
        assert_eq!(parse_words("ipvlan", &["vepa", "mode", "l3s"]), (0, data(Some(2), Some(2))));
        assert_eq!(parse_words("ipvlan", &["private", "vepa"]).0, 1);
        assert_eq!(parse_words("ipvlan", &["mode", "l4"]).0, 1);
        assert_eq!(parse_words("ipvlan", &["mode"]).0, 255);
    }
}
