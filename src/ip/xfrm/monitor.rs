//! `ip xfrm monitor` (ip/xfrm_monitor.c of iproute2 6.1.0): the events of
//! NETLINK_XFRM's multicast groups (SA and policy changes and flushes,
//! acquires, expires, async events, reports, NAT mapping changes), or the
//! messages of a file, each printed with the state and policy printers.

use super::print;
use super::*;
use crate::error::eprint_raw;
use crate::netlink::attr::msgs;
use crate::netlink::{Msg, Tb};

pub const USAGE: &str = "Usage: ip xfrm monitor [ nokeys ] [ all-nsid ] [ all | OBJECTS | help ]
OBJECTS := { acquire | expire | SA | aevent | policy | report }
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonW {
    File,
    Nokeys,
    All,
    AllNsid,
    Acquire,
    Expire,
    Sa,
    Aevent,
    Policy,
    Report,
    Help,
}

/// do_xfrm_monitor()'s words, in its test order.
pub static MONITOR: Table<MonW> = Table::new(
    "ip xfrm monitor",
    &[
        kw("file", MonW::File),
        exact("nokeys", MonW::Nokeys),
        exact("all", MonW::All),
        kw("all-nsid", MonW::AllNsid),
        kw("acquire", MonW::Acquire),
        kw("expire", MonW::Expire),
        kw("SA", MonW::Sa),
        kw("aevent", MonW::Aevent),
        kw("policy", MonW::Policy),
        kw("report", MonW::Report),
        kw("help", MonW::Help),
    ],
);

const XFRM_MSG_DELSA: u16 = 0x11;
const XFRM_MSG_ACQUIRE: u16 = 0x17;
const XFRM_MSG_EXPIRE: u16 = 0x18;
const XFRM_MSG_UPDSA: u16 = 0x1a;
const XFRM_MSG_NEWAE: u16 = 0x1e;
const XFRM_MSG_REPORT: u16 = 0x20;
const XFRM_MSG_MAPPING: u16 = 0x26;

struct Mon {
    all_nsid: bool,
    nokeys: bool,
}

fn nl_mgrp(group: u32) -> u32 {
    1 << (group - 1)
}

pub fn do_xfrm_monitor(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut file: Option<String> = None;
    let mut groups: u32 = !0;
    let mut mon = Mon { all_nsid: false, nokeys: false };
    let mut want = 0u32;
    while let Some(w) = a.next() {
        match MONITOR.find(&w) {
            Some(MonW::File) => file = Some(a.value()?),
            Some(MonW::Nokeys) => mon.nokeys = true,
            Some(MonW::All) => {}
            Some(MonW::AllNsid) => mon.all_nsid = true,
            Some(g @ (MonW::Acquire | MonW::Expire | MonW::Sa | MonW::Aevent | MonW::Policy | MonW::Report)) => {
                // XFRMNLGRP_ACQUIRE 1, EXPIRE 2, SA 3, POLICY 4,
                // AEVENTS 5, REPORT 6.
                want |= nl_mgrp(match g {
                    MonW::Acquire => 1,
                    MonW::Expire => 2,
                    MonW::Sa => 3,
                    MonW::Policy => 4,
                    MonW::Aevent => 5,
                    _ => 6,
                });
                groups = 0;
            }
            Some(MonW::Help) => return Err(fail(255, USAGE)),
            None => {
                return Err(fail(255, &format!("Argument \"{}\" is unknown, try \"ip xfrm monitor help\".\n", w)));
            }
        }
    }
    groups |= want;
    if let Some(name) = file {
        let mut f = match std::fs::File::open(&name) {
            Ok(f) => f,
            Err(e) => {
                crate::eprintf!("Cannot fopen: {}\n", crate::error::strerror(e.raw_os_error().unwrap_or(libc::EIO)));
                return Err(Exit(255));
            }
        };
        let r = crate::netlink::dumpfile::from_file(&mut f, |raw| {
            if let Some(m) = msgs(raw).next() {
                accept(ctx, &mon, None, &m);
            }
            Ok(())
        });
        let _ = ctx.p.flush();
        return match r {
            Ok(()) => Ok(0),
            Err(_) => Err(Exit(1)),
        };
    }
    if ctx.is_replay() {
        return Err(Exit(1));
    }
    let mut ev = match Rtnl::open_groups_proto(netlink_sys::protocols::NETLINK_XFRM, groups) {
        Ok(r) => r,
        Err(msg) => return Err(fail(1, &msg)),
    };
    if mon.all_nsid {
        if let Err(e) = ev.listen_all_nsid() {
            crate::eprintf!("setsockopt NETLINK_LISTEN_ALL_NSID: {}\n", crate::error::strerror(e));
            return Err(Exit(1));
        }
    }
    // accept() has no failure: only the loop's own errors end it, exit 2.
    ctx.listen(Some(&mut ev), mon.all_nsid, |ctx, nsid, m| {
        accept(ctx, &mon, Some(nsid), m);
        0
    })?;
    Err(Exit(2))
}

/// print_timestamp() of lib/utils.c.
fn timestamp(ctx: &mut Ctx) {
    let (secs, usecs) = crate::sys::now();
    if ctx.o.tshort > 0 {
        let t = crate::sys::strftime_local(secs, "%Y-%m-%dT%H:%M:%S").unwrap_or_default();
        ctx.p.fpf(format_args!("[{}.{:06}] ", t, usecs));
    } else {
        ctx.p.fpf(format_args!("Timestamp: {} {} usec\n", crate::sys::asctime(secs), usecs));
    }
}

/// xfrm_accept_msg(); every printer flushes its event.
fn accept(ctx: &mut Ctx, mon: &Mon, nsid: Option<i32>, m: &Msg) {
    if ctx.o.timestamp > 0 {
        timestamp(ctx);
    }
    if mon.all_nsid {
        match nsid {
            Some(n) if n >= 0 => ctx.p.fpf(format_args!("[nsid {}]", n)),
            _ => ctx.p.fp("[nsid current]"),
        }
    }
    match m.ty {
        XFRM_MSG_NEWSA | XFRM_MSG_DELSA | XFRM_MSG_UPDSA | XFRM_MSG_EXPIRE => {
            let f = state::SaFilter::default();
            let mut o = state::out(ctx);
            state::state_print(&mut o, &f, m, false);
        }
        XFRM_MSG_NEWPOLICY | XFRM_MSG_DELPOLICY | XFRM_MSG_UPDPOLICY | XFRM_MSG_POLEXPIRE => {
            let f = Filter::default();
            let mut o = state::out(ctx);
            policy::policy_print(&mut o, &f, *m);
        }
        XFRM_MSG_ACQUIRE => acquire_print(ctx, m),
        XFRM_MSG_FLUSHSA => {
            // NLMSG_SPACE(sizeof(struct xfrm_usersa_flush)) is 20.
            let len = m.raw.len() as i64 - 20;
            if len < 0 {
                let _ = ctx.p.flush();
                eprint_raw(&format!("BUG: wrong nlmsg len {}\n", len));
            } else {
                let sl = sl(ctx);
                ctx.p.fp("Flushed state ");
                let p = m.payload.first().copied().unwrap_or(0);
                ctx.p.fpf(format_args!("proto {}", strxf_xfrmproto(p)));
                ctx.p.fp(sl);
                if ctx.o.oneline > 0 {
                    ctx.p.fp("\n");
                }
            }
        }
        XFRM_MSG_FLUSHPOLICY => {
            let sl = sl(ctx);
            ctx.p.fp("Flushed policy ");
            let tb = Tb::parse(m.payload, XFRMA_MAX);
            if let Some(d) = tb.get(XFRMA_POLICY_TYPE) {
                ctx.p.fp("ptype ");
                if d.len() < 6 {
                    ctx.p.fp("(ERROR truncated)");
                }
                match d.first().copied().unwrap_or(0) {
                    0 => ctx.p.fp("main "),
                    1 => ctx.p.fp("sub "),
                    t => ctx.p.fpf(format_args!("{} ", t)),
                }
            }
            ctx.p.fp(sl);
            if ctx.o.oneline > 0 {
                ctx.p.fp("\n");
            }
        }
        XFRM_MSG_REPORT => report_print(ctx, mon, m),
        XFRM_MSG_NEWAE => ae_print(ctx, m),
        XFRM_MSG_MAPPING => mapping_print(ctx, m),
        XFRM_MSG_GETDEFAULT => {
            // NLMSG_SPACE(sizeof(struct xfrm_userpolicy_default)) is 20.
            if m.raw.len() < 20 {
                let _ = ctx.p.flush();
                eprint_raw(&format!("BUG: short nlmsg len {} (expect 20) for XFRM_MSG_GETDEFAULT\n", m.raw.len()));
            } else {
                let d = m.payload;
                ctx.p.fp("Default policies:\n");
                ctx.p.fpf(format_args!(" in:  {}\n", policy::policy_name(d[0])));
                ctx.p.fpf(format_args!(" fwd: {}\n", policy::policy_name(d[1])));
                ctx.p.fpf(format_args!(" out: {}\n", policy::policy_name(d[2])));
            }
        }
        t => {
            if t != NLMSG_ERROR && t != NLMSG_NOOP && t != NLMSG_DONE {
                ctx.p.fpf(format_args!("Unknown message: {:08} 0x{:08x} 0x{:08x}\n", m.raw.len(), t, m.flags));
            }
        }
    }
    let _ = ctx.p.flush();
}

fn sl(ctx: &Ctx) -> &'static str {
    if ctx.o.oneline > 0 {
        "\\"
    } else {
        "\n"
    }
}

/// A fixed-size message body, zero-padded when the kernel sent less.
fn body<const N: usize>(m: &Msg) -> [u8; N] {
    let mut b = [0u8; N];
    let n = m.payload.len().min(N);
    b[..n].copy_from_slice(&m.payload[..n]);
    b
}

fn u32_at(b: &[u8], o: usize) -> u32 {
    b.get(o..o + 4).map(|x| u32::from_ne_bytes([x[0], x[1], x[2], x[3]])).unwrap_or(0)
}

/// xfrm_acquire_print(): struct xfrm_user_acquire (280 bytes): id,
/// saddr, sel, policy, aalgos, ealgos, calgos, seq.
fn acquire_print(ctx: &mut Ctx, m: &Msg) {
    let len = m.payload.len() as i64 - 280;
    if len < 0 {
        let _ = ctx.p.flush();
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", len));
        return;
    }
    let x = &m.payload[..280];
    let tb = Tb::parse(&m.payload[280..], XFRMA_MAX);
    let sel = Sel::from(&x[40..96]);
    let mut family = sel.family();
    if family == AF_UNSPEC as u16 {
        family = Sel::from(&x[96..152]).family();
    }
    if family == AF_UNSPEC as u16 {
        family = ctx.o.family as u16;
    }
    let mut o = state::out(ctx);
    let sl = o.sl;
    o.s("acquire ");
    o.s(&format!("proto {} ", strxf_xfrmproto(x[20])));
    let spi = u32::from_be_bytes([x[16], x[17], x[18], x[19]]);
    if o.stats > 0 || spi != 0 {
        o.s(&format!("spi 0x{:08x}", spi));
        if o.stats > 0 {
            o.s(&format!("({})", spi));
        }
        o.s(" ");
    }
    o.s(sl);
    print::selector(&mut o, &sel, family, Some("  sel "));
    print::policy_info(&mut o, &x[96..264], &tb, Some("    "), Some("  policy "));
    if o.stats > 0 {
        o.s(&format!("  seq 0x{:08} ", u32_at(x, 276)));
        o.s(&format!("enc-mask {:08x} ", u32_at(x, 268)));
        o.s(&format!("auth-mask {:08x} ", u32_at(x, 264)));
        o.s(&format!("comp-mask {:08x}", u32_at(x, 272)));
    }
    o.s(sl);
    if sl == "\\" {
        o.s("\n");
    }
}

/// xfrm_report_print(): struct xfrm_user_report (60 bytes): proto, sel.
fn report_print(ctx: &mut Ctx, mon: &Mon, m: &Msg) {
    let len = m.payload.len() as i64 - 60;
    if len < 0 {
        let _ = ctx.p.flush();
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", len));
        return;
    }
    let x = &m.payload[..60];
    let sel = Sel::from(&x[4..60]);
    let mut family = sel.family();
    if family == AF_UNSPEC as u16 {
        family = ctx.o.family as u16;
    }
    let mut o = state::out(ctx);
    let sl = o.sl;
    o.s("report ");
    o.s(&format!("proto {} ", strxf_xfrmproto(x[0])));
    o.s(sl);
    print::selector(&mut o, &sel, family, Some("  sel "));
    let tb = Tb::parse(&m.payload[60..], XFRMA_MAX);
    print::xfrma(&mut o, &tb, family, Some("  "), mon.nokeys);
    if sl == "\\" {
        o.s("\n");
    }
}

/// xfrm_usersa_print(): struct xfrm_usersa_id and a reqid.
fn usersa(ctx: &mut Ctx, id: &[u8], reqid: u32) {
    let family = u16::from_ne_bytes([id[20], id[21]]) as u8;
    ctx.p.fpf(format_args!("dst {} ", inet::rt_addr_n2a(family, &id[..16])));
    ctx.p.fpf(format_args!(" reqid 0x{:x}", reqid));
    ctx.p.fpf(format_args!(" protocol {} ", strxf_proto(id[22])));
    ctx.p.fpf(format_args!(" SPI 0x{:x}", u32::from_be_bytes([id[16], id[17], id[18], id[19]])));
}

/// xfrm_ae_print(): struct xfrm_aevent_id (48 bytes): sa_id, saddr,
/// flags, reqid.
fn ae_print(ctx: &mut Ctx, m: &Msg) {
    let x: [u8; 48] = body(m);
    let flags = u32_at(&x, 40);
    ctx.p.fp("Async event ");
    ctx.p.fpf(format_args!(" (0x{:x}) ", flags));
    // XFRM_AE_CR, XFRM_AE_CE, XFRM_AE_CU.
    if flags & 16 != 0 {
        ctx.p.fp(" replay update ");
    }
    if flags & 32 != 0 {
        ctx.p.fp(" timer expired ");
    }
    if flags & 64 != 0 {
        ctx.p.fp(" policy updated ");
    }
    ctx.p.fp("\n\t");
    let family = u16::from_ne_bytes([x[20], x[21]]) as u8;
    ctx.p.fpf(format_args!("src {} ", inet::rt_addr_n2a(family, &x[24..40])));
    usersa(ctx, &x[..24], u32_at(&x, 44));
    ctx.p.fp("\n");
}

/// xfrm_mapping_print(): struct xfrm_user_mapping (64 bytes): id, reqid,
/// old_saddr, new_saddr, old_sport, new_sport.
fn mapping_print(ctx: &mut Ctx, m: &Msg) {
    let x: [u8; 64] = body(m);
    let family = u16::from_ne_bytes([x[20], x[21]]) as u8;
    ctx.p.fp("Mapping change ");
    ctx.p.fp(&inet::rt_addr_n2a(family, &x[28..44]));
    ctx.p.fpf(format_args!(":{} -> ", u16::from_be_bytes([x[60], x[61]])));
    ctx.p.fp(&inet::rt_addr_n2a(family, &x[44..60]));
    ctx.p.fpf(format_args!(":{}\n\t", u16::from_be_bytes([x[62], x[63]])));
    usersa(ctx, &x[..24], u32_at(&x, 24));
    ctx.p.fp("\n");
}
