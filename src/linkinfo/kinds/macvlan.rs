//! `type macvlan` and `type macvtap` (ip/iplink_macvlan.c, 6.1.0).

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::num::get_u32;
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, Res};
use crate::inet::lladdr::ll_addr_a2n;
use crate::netlink::{attrs, Req, Tb};
use crate::print::T;

pub const IFLA_MACVLAN_MODE: u16 = 1;
pub const IFLA_MACVLAN_FLAGS: u16 = 2;
pub const IFLA_MACVLAN_MACADDR_MODE: u16 = 3;
pub const IFLA_MACVLAN_MACADDR: u16 = 4;
pub const IFLA_MACVLAN_MACADDR_DATA: u16 = 5;
pub const IFLA_MACVLAN_MACADDR_COUNT: u16 = 6;
pub const IFLA_MACVLAN_BC_QUEUE_LEN: u16 = 7;
pub const IFLA_MACVLAN_BC_QUEUE_LEN_USED: u16 = 8;
pub const IFLA_MACVLAN_MAX: usize = 8;

pub const MACVLAN_MODE_PRIVATE: u32 = 1;
pub const MACVLAN_MODE_VEPA: u32 = 2;
pub const MACVLAN_MODE_BRIDGE: u32 = 4;
pub const MACVLAN_MODE_PASSTHRU: u32 = 8;
pub const MACVLAN_MODE_SOURCE: u32 = 16;

const MACVLAN_FLAG_NOPROMISC: u16 = 1;
const MACVLAN_FLAG_NODST: u16 = 2;

const MACVLAN_MACADDR_ADD: u32 = 0;
const MACVLAN_MACADDR_DEL: u32 = 1;
const MACVLAN_MACADDR_FLUSH: u32 = 2;
const MACVLAN_MACADDR_SET: u32 = 3;

fn explain(kind: &str) -> String {
    format!(
        "Usage: ... {} mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]\n\
         \n\
         MODE: private | vepa | bridge | passthru | source\n\
         MODE_FLAG: null | nopromisc | nodst\n\
         MODE_OPTS: for mode \"source\":\n\
         \tmacaddr {{ {{ add | del }} <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }}\n\
         BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]\n",
        kind
    )
}

pub fn help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(explain(kind).as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Mode,
    Flag,
    Macaddr,
    Nopromisc,
    Nodst,
    Bcqueuelen,
    Help,
}

/// The values of `mode`, compared whole (strcmp); ids are IFLA_MACVLAN_MODE.
pub static MODES: Table<u32> = Table::new(
    "ip link type macvlan mode",
    &[
        exact("private", MACVLAN_MODE_PRIVATE),
        exact("vepa", MACVLAN_MODE_VEPA),
        exact("bridge", MACVLAN_MODE_BRIDGE),
        exact("passthru", MACVLAN_MODE_PASSTHRU),
        exact("source", MACVLAN_MODE_SOURCE),
    ],
);

/// The values of `flag`, compared whole; ids are the bits each sets.
pub static FLAGS: Table<u16> = Table::new(
    "ip link type macvlan flag",
    &[exact("nopromisc", MACVLAN_FLAG_NOPROMISC), exact("nodst", MACVLAN_FLAG_NODST), exact("null", 0)],
);

/// The option words of `ip link type macvlan`, in the order the parser tests them.
pub static OPTS: Table<Opt> = Table::new(
    "ip link type macvlan",
    &[
        kw("mode", Opt::Mode),
        kw("flag", Opt::Flag),
        kw("macaddr", Opt::Macaddr),
        kw("nopromisc", Opt::Nopromisc),
        kw("nodst", Opt::Nodst),
        kw("bcqueuelen", Opt::Bcqueuelen),
        kw("help", Opt::Help),
    ],
);

pub fn parse(_ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut mode: u32 = 0;
    let mut flags: u16 = 0;
    let mut has_flags = false;
    // A word `macaddr set` gave back: iproute2's ll_addr_a2n() cut it at
    // its first ':' in place, so it is read again as that prefix.
    let mut given_back: Option<String> = None;
    loop {
        let w = match given_back.take() {
            Some(w) => w,
            None => match args.next() {
                Some(w) => w,
                None => break,
            },
        };
        let k = OPTS.find(&w);
        if k == Some(Opt::Mode) {
            let v = args.value()?;
            mode = match MODES.find(&v) {
                Some(m) => m,
                None => {
                    eprint_raw(&format!(
                        "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"{}\"\n",
                        v
                    ));
                    return Ok(1);
                }
            };
        } else if k == Some(Opt::Flag) {
            let v = args.value()?;
            match FLAGS.find(&v) {
                Some(bit) => flags |= bit,
                None => {
                    eprint_raw(&format!(
                        "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \"{}\"\n",
                        v
                    ));
                    return Ok(1);
                }
            }
            has_flags = true;
        } else if k == Some(Opt::Macaddr) {
            let v = args.value()?;
            let mac_mode = match v.as_str() {
                "add" => MACVLAN_MACADDR_ADD,
                "del" => MACVLAN_MACADDR_DEL,
                "set" => MACVLAN_MACADDR_SET,
                "flush" => MACVLAN_MACADDR_FLUSH,
                _ => {
                    eprint_raw(&explain(kind));
                    return Ok(1);
                }
            };
            req.attr_u32(IFLA_MACVLAN_MACADDR_MODE, mac_mode);
            if mac_mode == MACVLAN_MACADDR_ADD || mac_mode == MACVLAN_MACADDR_DEL {
                let a = args.value()?;
                match ll_addr_a2n(&a, 6) {
                    Ok(mac) if mac.len() == 6 => req.attr(IFLA_MACVLAN_MACADDR, &mac),
                    _ => return Ok(1),
                }
            }
            if mac_mode == MACVLAN_MACADDR_SET {
                let nest = req.nest(IFLA_MACVLAN_MACADDR_DATA);
                // Takes addresses while they parse; the first word that is
                // not one is read again as an option (PREV_ARG).
                while args.has_next() {
                    let a = args.next().unwrap_or_default();
                    match ll_addr_a2n(&a, 6) {
                        Ok(mac) if mac.len() == 6 => req.attr(IFLA_MACVLAN_MACADDR, &mac),
                        _ => {
                            let cut = if a.contains('.') { &a[..] } else { a.split(':').next().unwrap_or("") };
                            given_back = Some(cut.to_string());
                            break;
                        }
                    }
                }
                req.nest_end(nest);
            }
        } else if k == Some(Opt::Nopromisc) {
            flags |= MACVLAN_FLAG_NOPROMISC;
            has_flags = true;
        } else if k == Some(Opt::Nodst) {
            flags |= MACVLAN_FLAG_NODST;
            has_flags = true;
        } else if k == Some(Opt::Bcqueuelen) {
            let v = args.value()?;
            match get_u32(&v, 0) {
                Some(n) => req.attr_u32(IFLA_MACVLAN_BC_QUEUE_LEN, n),
                None => {
                    eprint_raw(&format!(
                        "Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"{}\"\n",
                        v
                    ));
                    return Ok(1);
                }
            }
        } else if k == Some(Opt::Help) {
            eprint_raw(&explain(kind));
            return Ok(1);
        } else {
            eprint_raw(&format!("{}: unknown option \"{}\"?\n", kind, w));
            eprint_raw(&explain(kind));
            return Ok(1);
        }
    }
    if mode != 0 {
        req.attr_u32(IFLA_MACVLAN_MODE, mode);
    }
    if has_flags {
        if flags & MACVLAN_FLAG_NOPROMISC != 0 && mode != MACVLAN_MODE_PASSTHRU {
            eprint_raw(&format!("{}: nopromisc flag only valid in passthru mode\n", kind));
            eprint_raw(&explain(kind));
            return Ok(1);
        }
        req.attr_u16(IFLA_MACVLAN_FLAGS, flags);
    }
    Ok(0)
}

pub fn print(ctx: &mut Ctx, _kind: &str, data: &[u8]) {
    let tb = Tb::parse(data, IFLA_MACVLAN_MAX);
    // Each value counts only at its full size.
    let u32_at = |ty: u16| tb.get(ty).filter(|d| d.len() >= 4).and_then(crate::netlink::attr::get_u32);
    let Some(mode) = u32_at(IFLA_MACVLAN_MODE) else { return };
    let name = match mode {
        MACVLAN_MODE_PRIVATE => "private",
        MACVLAN_MODE_VEPA => "vepa",
        MACVLAN_MODE_BRIDGE => "bridge",
        MACVLAN_MODE_PASSTHRU => "passthru",
        MACVLAN_MODE_SOURCE => "source",
        _ => "unknown",
    };
    ctx.p.string(T::Any, "mode", "mode {} ", name);
    let flags =
        tb.get(IFLA_MACVLAN_FLAGS).filter(|d| d.len() >= 2).and_then(crate::netlink::attr::get_u16).unwrap_or(0);
    if flags & MACVLAN_FLAG_NOPROMISC != 0 {
        ctx.p.bool(T::Any, "nopromisc", "nopromisc ", true);
    }
    if flags & MACVLAN_FLAG_NODST != 0 {
        ctx.p.bool(T::Any, "nodst", "nodst ", true);
    }
    if let Some(v) = u32_at(IFLA_MACVLAN_BC_QUEUE_LEN) {
        ctx.p.uint(T::Any, "bcqueuelen", "bcqueuelen {} ", u64::from(v));
    }
    if let Some(v) = u32_at(IFLA_MACVLAN_BC_QUEUE_LEN_USED) {
        ctx.p.uint(T::Any, "usedbcqueuelen", "usedbcqueuelen {} ", u64::from(v));
    }
    if mode != MACVLAN_MODE_SOURCE {
        return;
    }
    let Some(count) = u32_at(IFLA_MACVLAN_MACADDR_COUNT) else { return };
    ctx.p.int(T::Any, "macaddr_count", "remotes ({}) ", i64::from(count as i32));
    let Some(list) = tb.get(IFLA_MACVLAN_MACADDR_DATA) else { return };
    ctx.p.open_array(T::Json, "macaddr_data");
    for (ty, a) in attrs(list) {
        if ty != IFLA_MACVLAN_MACADDR || a.len() < 6 {
            continue;
        }
        let s = crate::inet::ll_addr(&a[..6]);
        if ctx.p.is_json() {
            ctx.p.string_nokey(T::Json, "", &s);
        } else {
            ctx.p.fpf(format_args!("{} ", s));
        }
    }
    ctx.p.close_array(T::Json, "");
}

#[cfg(test)]
mod tests {
    use super::super::common::test_util::check_golden;
    use super::*;

    macro_rules! golden {
        ($($f:literal),*) => {
            $( check_golden(print, $f, include_str!(concat!("testdata/", $f)), &[]); )*
        };
    }

    #[test]
    fn goldens() {
        golden!(
            "macvlan_bridge.kind.text",
            "macvlan_bridge.kind.json",
            "macvlan_private.kind.text",
            "macvlan_private.kind.json",
            "macvlan_passthru.kind.text",
            "macvlan_passthru.kind.json",
            "macvlan_source.kind.text",
            "macvlan_source.kind.json",
            "macvlan_source_empty.kind.text",
            "macvlan_source_empty.kind.json",
            "macvlan_vepa.kind.text",
            "macvlan_vepa.kind.json",
            "macvtap_bridge.kind.text",
            "macvtap_bridge.kind.json"
        );
    }

    fn parse_words(kind: &str, w: &[&str]) -> (i32, Vec<u8>) {
        let (mut ctx, _) = super::super::common::test_util::ctx(false);
        let mut req = Req::new(0, 0, &[]);
        let mut args = Args::from_strs(w);
        let rc = match parse(&mut ctx, kind, &mut args, &mut req, &crate::linkinfo::kinds::NO_HOOKS) {
            Ok(rc) => rc,
            Err(e) => e.0,
        };
        (rc, req.bytes()[16..].to_vec())
    }

    #[test]
    fn parse_order() {
        let _g = super::super::common::request_tests::STDERR_LOCK.lock();
        // mode goes last, after the macaddr attributes.
        let (rc, b) = parse_words("macvlan", &["mode", "source", "macaddr", "add", "00:11:22:33:44:55"]);
        assert_eq!(rc, 0);
        let mut r = Req::new(0, 0, &[]);
        r.attr_u32(IFLA_MACVLAN_MACADDR_MODE, 0);
        r.attr(IFLA_MACVLAN_MACADDR, &[0, 0x11, 0x22, 0x33, 0x44, 0x55]);
        r.attr_u32(IFLA_MACVLAN_MODE, 16);
        assert_eq!(b, r.bytes()[16..].to_vec());
        assert_eq!(parse_words("macvlan", &["nopromisc"]).0, 1);
        assert_eq!(parse_words("macvlan", &["macaddr", "add", "bogus"]).0, 1);
        assert_eq!(parse_words("macvlan", &["mode"]).0, 255);
    }
}
