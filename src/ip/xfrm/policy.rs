//! `ip xfrm policy` (ip/xfrm_policy.c of iproute2 6.1.0): the security
//! policy database: add/update, delete/get, deleteall/list with filters,
//! flush, count (SPD info), set (hash thresholds), setdefault/getdefault.

use super::print::{self, Out};
use super::*;
use crate::error::{duparg, duparg2, eprint_raw, strerror};
use crate::netlink::attr::msgs;
use crate::netlink::{Msg, Req, Tb};

pub const USAGE: &str = "Usage: ip xfrm policy { add | update } SELECTOR dir DIR [ ctx CTX ]
	[ mark MARK [ mask MASK ] ] [ index INDEX ] [ ptype PTYPE ]
	[ action ACTION ] [ priority PRIORITY ] [ flag FLAG-LIST ]
	[ if_id IF_ID ] [ LIMIT-LIST ] [ TMPL-LIST ]
Usage: ip xfrm policy { delete | get } { SELECTOR | index INDEX } dir DIR
	[ ctx CTX ] [ mark MARK [ mask MASK ] ] [ ptype PTYPE ]
	[ if_id IF_ID ]
Usage: ip xfrm policy { deleteall | list } [ nosock ] [ SELECTOR ] [ dir DIR ]
	[ index INDEX ] [ ptype PTYPE ] [ action ACTION ] [ priority PRIORITY ]
	[ flag FLAG-LIST ]
Usage: ip xfrm policy flush [ ptype PTYPE ]
Usage: ip xfrm policy count
Usage: ip xfrm policy set [ hthresh4 LBITS RBITS ] [ hthresh6 LBITS RBITS ]
Usage: ip xfrm policy setdefault DIR ACTION [ DIR ACTION ] [ DIR ACTION ]
Usage: ip xfrm policy getdefault
SELECTOR := [ src ADDR[/PLEN] ] [ dst ADDR[/PLEN] ] [ dev DEV ] [ UPSPEC ]
UPSPEC := proto { { tcp | udp | sctp | dccp } [ sport PORT ] [ dport PORT ] |
                  { icmp | ipv6-icmp | mobility-header } [ type NUMBER ] [ code NUMBER ] |
                  gre [ key { DOTTED-QUAD | NUMBER } ] | PROTO }
DIR := in | out | fwd
PTYPE := main | sub
ACTION := allow | block
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG := localok | icmp
LIMIT-LIST := [ LIMIT-LIST ] limit LIMIT
LIMIT := { time-soft | time-hard | time-use-soft | time-use-hard } SECONDS |
         { byte-soft | byte-hard } SIZE | { packet-soft | packet-hard } COUNT
TMPL-LIST := [ TMPL-LIST ] tmpl TMPL
TMPL := ID [ mode MODE ] [ reqid REQID ] [ level LEVEL ]
ID := [ src ADDR ] [ dst ADDR ] [ proto XFRM-PROTO ] [ spi SPI ]
XFRM-PROTO := esp | ah | comp | route2 | hao
MODE := transport | tunnel | beet | ro | in_trigger
LEVEL := required | use
";

fn usage() -> Exit {
    fail(255, USAGE)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Add,
    Update,
    Delete,
    DeleteAll,
    List,
    Get,
    Flush,
    Count,
    Set,
    SetDefault,
    GetDefault,
    Help,
}

/// do_xfrm_policy()'s commands, in its test order.
pub static COMMANDS: Table<Cmd> = Table::new(
    "ip xfrm policy",
    &[
        kw("add", Cmd::Add),
        kw("update", Cmd::Update),
        kw("delete", Cmd::Delete),
        kw("deleteall", Cmd::DeleteAll),
        kw("delall", Cmd::DeleteAll),
        kw("list", Cmd::List),
        kw("show", Cmd::List),
        kw("lst", Cmd::List),
        kw("get", Cmd::Get),
        kw("flush", Cmd::Flush),
        kw("count", Cmd::Count),
        kw("set", Cmd::Set),
        kw("setdefault", Cmd::SetDefault),
        kw("getdefault", Cmd::GetDefault),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Dir,
    Ctx,
    Mark,
    Index,
    Ptype,
    Action,
    Priority,
    Flag,
    Limit,
    Tmpl,
    IfId,
    Nosock,
    Hthresh4,
    Hthresh6,
    In,
    Out,
    Fwd,
}

/// The words of the policy commands (strcmp); any other word starts the
/// SELECTOR.
pub static OPTS: Table<Opt> = Table::new(
    "ip xfrm policy add",
    &[
        exact("dir", Opt::Dir),
        exact("ctx", Opt::Ctx),
        exact("mark", Opt::Mark),
        exact("index", Opt::Index),
        exact("ptype", Opt::Ptype),
        exact("action", Opt::Action),
        exact("priority", Opt::Priority),
        exact("flag", Opt::Flag),
        exact("limit", Opt::Limit),
        exact("tmpl", Opt::Tmpl),
        exact("if_id", Opt::IfId),
        exact("nosock", Opt::Nosock),
        exact("hthresh4", Opt::Hthresh4),
        exact("hthresh6", Opt::Hthresh6),
        exact("in", Opt::In),
        exact("out", Opt::Out),
        exact("fwd", Opt::Fwd),
    ],
);

/// Values read by strcmp: DIR, PTYPE, ACTION, FLAG, LEVEL, default policies.
pub static VALUES: List = List {
    path: "ip xfrm policy VALUE",
    words: &["in", "out", "fwd", "main", "sub", "allow", "block", "localok", "icmp", "mask", "accept"],
};

pub fn do_xfrm_policy(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(w) = args.next() else { return list_or_deleteall(ctx, args, false) };
    match COMMANDS.find(&w) {
        Some(Cmd::Add) => modify(ctx, XFRM_MSG_NEWPOLICY, args),
        Some(Cmd::Update) => modify(ctx, XFRM_MSG_UPDPOLICY, args),
        Some(Cmd::Delete) => get_or_delete(ctx, args, true).map(|_| 0),
        Some(Cmd::DeleteAll) => list_or_deleteall(ctx, args, true),
        Some(Cmd::List) => list_or_deleteall(ctx, args, false),
        Some(Cmd::Get) => get(ctx, args),
        Some(Cmd::Flush) => flush(ctx, args),
        Some(Cmd::Count) => spd_getinfo(ctx),
        Some(Cmd::Set) => spd_setinfo(ctx, args),
        Some(Cmd::SetDefault) => setdefault(ctx, args),
        Some(Cmd::GetDefault) => getdefault(ctx),
        Some(Cmd::Help) => Err(usage()),
        None => Err(fail(255, &format!("Command \"{}\" is unknown, try \"ip xfrm policy help\".\n", w))),
    }
}

fn dir_parse(a: &Args) -> Res<u8> {
    match a.cur() {
        "in" => Ok(0),
        "out" => Ok(1),
        "fwd" => Ok(2),
        w => Err(invarg("DIR value is invalid", w)),
    }
}

fn ptype_parse(a: &Args) -> Res<u8> {
    match a.cur() {
        "main" => Ok(0),
        "sub" => Ok(1),
        w => Err(invarg("PTYPE value is invalid", w)),
    }
}

fn action_parse(a: &Args) -> Res<u8> {
    match a.cur() {
        "allow" => Ok(0),
        "block" => Ok(1),
        w => Err(invarg("ACTION value is invalid\n", w)),
    }
}

/// xfrm_policy_flag_parse()
fn flag_parse(flags: &mut u8, a: &mut Args) -> Res<()> {
    let w = a.cur();
    if w.len() > 2 && w.starts_with("0x") {
        match get_u8(w, 16) {
            Some(v) => *flags = v,
            None => return Err(invarg("FLAG value is invalid", w)),
        }
        return Ok(());
    }
    loop {
        match a.cur() {
            "localok" => *flags |= 1,
            "icmp" => *flags |= 2,
            _ => {
                a.back();
                break;
            }
        }
        if a.remaining() <= 1 {
            break;
        }
        a.next_arg()?;
    }
    Ok(())
}

fn u32_value(a: &Args, what: &str) -> Res<u32> {
    get_u32(a.cur(), 0).ok_or_else(|| invarg(what, a.cur()))
}

/// struct xfrm_userpolicy_type: type, then 5 reserved bytes.
fn upt_bytes(t: u8) -> [u8; 6] {
    [t, 0, 0, 0, 0, 0]
}

/// xfrm_tmpl_parse(): one struct xfrm_user_tmpl from the words after `tmpl`.
fn tmpl_parse(ctx: &mut Ctx, t: &mut [u8; 64], f: &mut Filter, a: &mut Args) -> Res<()> {
    let start = a.position();
    let mut idp = false;
    loop {
        match a.cur() {
            "mode" => {
                a.next_arg()?;
                t[48] = mode_parse(a)?;
            }
            "reqid" => {
                a.next_arg()?;
                let r = reqid_parse(a)?;
                t[44..48].copy_from_slice(&r.to_ne_bytes());
            }
            "level" => {
                a.next_arg()?;
                t[50] = match a.cur() {
                    "required" => 0,
                    "use" => 1,
                    w => return Err(invarg("LEVEL value is invalid\n", w)),
                };
            }
            _ => {
                if idp {
                    a.back();
                    break;
                }
                idp = true;
                ctx.o.family = AF_UNSPEC;
                let mut family = u16::from_ne_bytes([t[24], t[25]]);
                let (head, tail) = t.split_at_mut(28);
                let out = IdOut { saddr: &mut tail[..16], id: &mut head[..24], family: Some(&mut family) };
                id_parse(ctx, out, f, false, a)?;
                t[24..26].copy_from_slice(&family.to_ne_bytes());
                ctx.o.family = family as u8;
            }
        }
        if a.remaining() <= 1 {
            break;
        }
        a.next_arg()?;
    }
    if a.position() == start {
        return Err(missarg("TMPL"));
    }
    Ok(())
}

/// xfrm_policy_modify(): add (XFRM_MSG_NEWPOLICY) and update.
fn modify(ctx: &mut Ctx, cmd: u16, mut a: Args) -> Res<i32> {
    // struct xfrm_userpolicy_info
    let mut xp = [0u8; 168];
    let mut sel = Sel::default();
    sel.set_family(ctx.o.family as u16);
    for i in 0..4 {
        xp[56 + i * 8..64 + i * 8].copy_from_slice(&XFRM_INF.to_ne_bytes());
    }
    let mut f = Filter::default();
    let (mut dirp, mut selp, mut ptypep, mut sctxp) = (false, false, false, false);
    let mut upt = 0u8;
    let mut tmpls: Vec<u8> = Vec::new();
    let mut mark = (0u32, 0u32);
    let mut sctx = Vec::new();
    let mut if_id: Option<u32> = None;
    let mut sel_set = false;
    while a.has_next() {
        match OPTS.find(a.cur()) {
            Some(Opt::Dir) => {
                if dirp {
                    return Err(duparg("dir", a.cur()));
                }
                dirp = true;
                a.next_arg()?;
                xp[160] = dir_parse(&a)?;
            }
            Some(Opt::Ctx) => {
                if sctxp {
                    return Err(duparg("ctx", a.cur()));
                }
                sctxp = true;
                a.next_arg()?;
                sctx = sctx_bytes(a.cur());
            }
            Some(Opt::Mark) => mark = parse_mark(&mut a)?,
            Some(Opt::Index) => {
                a.next_arg()?;
                let v = u32_value(&a, "INDEX value is invalid")?;
                xp[156..160].copy_from_slice(&v.to_ne_bytes());
            }
            Some(Opt::Ptype) => {
                if ptypep {
                    return Err(duparg("ptype", a.cur()));
                }
                ptypep = true;
                a.next_arg()?;
                upt = ptype_parse(&a)?;
            }
            Some(Opt::Action) => {
                a.next_arg()?;
                xp[161] = action_parse(&a)?;
            }
            Some(Opt::Priority) => {
                a.next_arg()?;
                let v = u32_value(&a, "PRIORITY value is invalid")?;
                xp[152..156].copy_from_slice(&v.to_ne_bytes());
            }
            Some(Opt::Flag) => {
                a.next_arg()?;
                flag_parse(&mut xp[162], &mut a)?;
            }
            Some(Opt::Limit) => {
                a.next_arg()?;
                lifetime_cfg_parse(&mut xp[56..120], &mut a)?;
            }
            Some(Opt::Tmpl) => {
                if tmpls.len() + 64 > 1024 {
                    return Err(fail(1, "Too many tmpls: buffer overflow\n"));
                }
                let mut t = [0u8; 64];
                t[24..26].copy_from_slice(&(ctx.o.family as u16).to_ne_bytes());
                t[52..64].fill(0xff);
                a.next_arg()?;
                tmpl_parse(ctx, &mut t, &mut f, &mut a)?;
                tmpls.extend_from_slice(&t);
            }
            Some(Opt::IfId) => {
                a.next_arg()?;
                if_id = Some(u32_value(&a, "IF_ID value is invalid")?);
            }
            _ => {
                if selp {
                    return Err(duparg("unknown", a.cur()));
                }
                selp = true;
                selector_parse(ctx, &mut sel, &mut f, &mut a)?;
                sel_set = true;
                if ctx.o.family == AF_UNSPEC {
                    ctx.o.family = sel.family() as u8;
                }
            }
        }
        a.step();
    }
    let _ = sel_set;
    if !dirp {
        return Err(fail(1, "Not enough information: DIR is required.\n"));
    }
    let mut req = Req::new(cmd, NLM_F_REQUEST, &[0u8; 168]);
    if ptypep {
        req.attr(XFRMA_POLICY_TYPE, &upt_bytes(upt));
    }
    if !tmpls.is_empty() {
        req.attr(XFRMA_TMPL, &tmpls);
    }
    if mark.1 != 0 {
        let mut m = [0u8; 8];
        m[..4].copy_from_slice(&mark.0.to_ne_bytes());
        m[4..].copy_from_slice(&mark.1.to_ne_bytes());
        req.attr(XFRMA_MARK, &m);
    }
    if sctxp {
        req.attr(XFRMA_SEC_CTX, &sctx);
    }
    if let Some(v) = if_id {
        req.attr_u32(XFRMA_IF_ID, v);
    }
    let mut r = open_xfrm(ctx)?;
    if sel.family() == AF_UNSPEC as u16 {
        sel.set_family(AF_INET as u16);
    }
    xp[..56].copy_from_slice(&sel.0);
    req.header_mut()[..168].copy_from_slice(&xp);
    if r.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// xfrm_policy_get_or_delete(): the answer (get) or nothing (delete).
fn get_or_delete(ctx: &mut Ctx, mut a: Args, delete: bool) -> Res<Vec<u8>> {
    // struct xfrm_userpolicy_id: sel, index, dir.
    let mut sel = Sel::default();
    let mut index = 0u32;
    let mut dir = 0u8;
    let mut f = Filter::default();
    let (mut dirp, mut selp, mut indexp, mut ptypep, mut sctxp) = (false, false, false, false, false);
    let mut upt = 0u8;
    let mut mark = (0u32, 0u32);
    let mut sctx = Vec::new();
    let mut if_id: Option<u32> = None;
    while a.has_next() {
        match OPTS.find(a.cur()) {
            Some(Opt::Dir) => {
                if dirp {
                    return Err(duparg("dir", a.cur()));
                }
                dirp = true;
                a.next_arg()?;
                dir = dir_parse(&a)?;
            }
            Some(Opt::Ctx) => {
                if sctxp {
                    return Err(duparg("ctx", a.cur()));
                }
                sctxp = true;
                a.next_arg()?;
                sctx = sctx_bytes(a.cur());
            }
            Some(Opt::Mark) => mark = parse_mark(&mut a)?,
            Some(Opt::Index) => {
                if indexp {
                    return Err(duparg("index", a.cur()));
                }
                indexp = true;
                a.next_arg()?;
                index = u32_value(&a, "INDEX value is invalid")?;
            }
            Some(Opt::Ptype) => {
                if ptypep {
                    return Err(duparg("ptype", a.cur()));
                }
                ptypep = true;
                a.next_arg()?;
                upt = ptype_parse(&a)?;
            }
            Some(Opt::IfId) => {
                a.next_arg()?;
                if_id = Some(u32_value(&a, "IF_ID value is invalid")?);
            }
            _ => {
                if selp {
                    return Err(invarg("unknown", a.cur()));
                }
                selp = true;
                selector_parse(ctx, &mut sel, &mut f, &mut a)?;
                if ctx.o.family == AF_UNSPEC {
                    ctx.o.family = sel.family() as u8;
                }
            }
        }
        a.step();
    }
    if !dirp {
        return Err(fail(1, "Not enough information: DIR is required.\n"));
    }
    let ty = if delete { XFRM_MSG_DELPOLICY } else { XFRM_MSG_GETPOLICY };
    let mut req = Req::new(ty, NLM_F_REQUEST, &[0u8; 64]);
    if ptypep {
        req.attr(XFRMA_POLICY_TYPE, &upt_bytes(upt));
    }
    if !selp && !indexp {
        return Err(fail(1, "Not enough information: either SELECTOR or INDEX is required.\n"));
    }
    if selp && indexp {
        return Err(duparg2("SELECTOR", "INDEX"));
    }
    let mut r = open_xfrm(ctx)?;
    if sel.family() == AF_UNSPEC as u16 {
        sel.set_family(AF_INET as u16);
    }
    if mark.1 & mark.0 != 0 {
        let mut m = [0u8; 8];
        m[..4].copy_from_slice(&mark.0.to_ne_bytes());
        m[4..].copy_from_slice(&mark.1.to_ne_bytes());
        req.attr(XFRMA_MARK, &m);
    }
    if sctxp {
        req.attr(XFRMA_SEC_CTX, &sctx);
    }
    if let Some(v) = if_id {
        req.attr_u32(XFRMA_IF_ID, v);
    }
    let h = req.header_mut();
    h[..56].copy_from_slice(&sel.0);
    h[56..60].copy_from_slice(&index.to_ne_bytes());
    h[60] = dir;
    if delete {
        if r.talk(&mut req).is_err() {
            return Err(Exit(2));
        }
        return Ok(Vec::new());
    }
    match r.talk_answer(&mut req) {
        Ok(ans) => Ok(ans),
        Err(_) => Err(Exit(2)),
    }
}

fn get(ctx: &mut Ctx, a: Args) -> Res<i32> {
    let ans = get_or_delete(ctx, a, false)?;
    let f = Filter::default();
    let mut o = out(ctx);
    let ok = match msgs(&ans).next() {
        Some(m) => policy_print(&mut o, &f, m),
        None => false,
    };
    if !ok {
        return Err(fail(1, "An error :-)\n"));
    }
    Ok(0)
}

fn out(ctx: &mut Ctx) -> Out<'_> {
    let sl = if ctx.o.oneline > 0 { "\\" } else { "\n" };
    Out { p: &mut ctx.p, names: &mut ctx.names, stats: ctx.o.stats, sl, pref_family: ctx.o.family }
}

/// xfrm_policy_filter_match()
fn filter_match(f: &Filter, xp: &[u8], ptype: u8) -> bool {
    if !f.use_ {
        return true;
    }
    let sel = Sel::from(xp);
    let fam = f.sel.family();
    if fam != AF_UNSPEC as u16 && fam != sel.family() {
        return false;
    }
    let dir = xp[160];
    if ((dir ^ f.dir) as u32) & f.dir_mask != 0 {
        return false;
    }
    if f.filter_socket && dir >= 3 {
        return false;
    }
    if ((ptype ^ f.ptype) as u32) & f.ptype_mask != 0 {
        return false;
    }
    if f.sel_src_mask != 0 && addr_match(sel.saddr(), f.sel.saddr(), f.sel_src_mask) != 0 {
        return false;
    }
    if f.sel_dst_mask != 0 && addr_match(sel.daddr(), f.sel.daddr(), f.sel_dst_mask) != 0 {
        return false;
    }
    if ((sel.ifindex() ^ f.sel.ifindex()) as u32) & f.sel_dev_mask != 0 {
        return false;
    }
    if ((sel.proto() ^ f.sel.proto()) as u32) & f.upspec_proto_mask != 0 {
        return false;
    }
    if f.upspec_sport_mask != 0 && ((sel.sport() ^ f.sel.sport()) as u32) & f.upspec_sport_mask != 0 {
        return false;
    }
    if f.upspec_dport_mask != 0 && ((sel.dport() ^ f.sel.dport()) as u32) & f.upspec_dport_mask != 0 {
        return false;
    }
    let w = |i: usize| u32::from_ne_bytes([xp[i], xp[i + 1], xp[i + 2], xp[i + 3]]);
    if (w(156) ^ f.index) & f.index_mask != 0 {
        return false;
    }
    if ((xp[161] ^ f.action) as u32) & f.action_mask != 0 {
        return false;
    }
    if (w(152) ^ f.priority) & f.priority_mask != 0 {
        return false;
    }
    if f.policy_flags_mask != 0 && xp[162] & f.flags == 0 {
        return false;
    }
    true
}

/// xfrm_policy_print(): false where the C returns -1.
pub fn policy_print(o: &mut Out, f: &Filter, m: Msg) -> bool {
    let ty = m.ty;
    if ty != XFRM_MSG_NEWPOLICY && ty != XFRM_MSG_DELPOLICY && ty != XFRM_MSG_UPDPOLICY && ty != XFRM_MSG_POLEXPIRE {
        eprint_raw(&format!("Not a policy: {:08x} {:08x} {:08x}\n", m.raw.len(), ty, m.flags));
        return true;
    }
    // The fixed header: xfrm_userpolicy_id (64), xfrm_user_polexpire
    // (168 + hard, 176) or xfrm_userpolicy_info (168).
    let hdr = match ty {
        XFRM_MSG_DELPOLICY => 64,
        XFRM_MSG_POLEXPIRE => 176,
        _ => 168,
    };
    let len = m.payload.len() as i64 - hdr as i64;
    if len < 0 {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", len));
        return false;
    }
    let tb = Tb::parse(&m.payload[hdr..], XFRMA_MAX);
    let mut ptype = 0u8;
    if let Some(d) = tb.get(XFRMA_POLICY_TYPE) {
        if d.len() < 6 {
            eprint_raw("too short XFRMA_POLICY_TYPE len\n");
            return false;
        }
        ptype = d[0];
    }
    if ty != XFRM_MSG_DELPOLICY && !filter_match(f, &m.payload[..168], ptype) {
        return true;
    }
    match ty {
        XFRM_MSG_DELPOLICY => o.s("Deleted "),
        XFRM_MSG_UPDPOLICY => o.s("Updated "),
        XFRM_MSG_POLEXPIRE => o.s("Expired "),
        _ => {}
    }
    let xp: &[u8] = if ty == XFRM_MSG_DELPOLICY {
        let Some(p) = tb.get(XFRMA_POLICY) else {
            eprint_raw("Buggy XFRM_MSG_DELPOLICY: no XFRMA_POLICY\n");
            return false;
        };
        if p.len() < 168 {
            eprint_raw("Buggy XFRM_MSG_DELPOLICY: too short XFRMA_POLICY len\n");
            return false;
        }
        p
    } else {
        &m.payload[..168]
    };
    print::policy_info(o, xp, &tb, None, None);
    if ty == XFRM_MSG_POLEXPIRE {
        o.s("\t");
        let h = m.payload.get(168).copied().unwrap_or(0);
        o.s(&format!("hard {}", h));
        o.s(o.sl);
    }
    if o.sl == "\\" {
        o.s("\n");
    }
    true
}

/// xfrm_policy_keep(): the delete request for one listed policy (None
/// when it is skipped).
fn keep(f: &Filter, m: Msg) -> Result<Option<(Vec<u8>, Option<Vec<u8>>, Option<u32>)>, ()> {
    if m.ty != XFRM_MSG_NEWPOLICY {
        eprint_raw(&format!("Not a policy: {:08x} {:08x} {:08x}\n", m.raw.len(), m.ty, m.flags));
        return Ok(None);
    }
    if m.payload.len() < 168 {
        eprint_raw(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 168));
        return Err(());
    }
    let attrs = &m.payload[168..];
    let tb = Tb::parse(attrs, XFRMA_MAX);
    let mut ptype = 0;
    if let Some(d) = tb.get(XFRMA_POLICY_TYPE) {
        if d.len() < 6 {
            eprint_raw("too short XFRMA_POLICY_TYPE len\n");
            return Err(());
        }
        ptype = d[0];
    }
    let xp = &m.payload[..168];
    if !filter_match(f, xp, ptype) || xp[160] >= 3 {
        return Ok(None);
    }
    let mut id = vec![0u8; 64];
    id[..56].copy_from_slice(&xp[..56]);
    id[56..60].copy_from_slice(&xp[156..160]);
    id[60] = xp[160];
    // addattr_l(.., RTA_DATA(mark), mark->rta_len): rta_len bytes from
    // the attribute's data (4 beyond the mark itself).
    let mark = tb.get(XFRMA_MARK).map(|d| {
        let start = d.as_ptr() as usize - m.payload.as_ptr() as usize;
        let n = d.len() + 4;
        let mut v: Vec<u8> = m.payload.get(start..).unwrap_or(&[]).iter().take(n).copied().collect();
        v.resize(n, 0);
        v
    });
    Ok(Some((id, mark, tb.u32(XFRMA_IF_ID))))
}

fn list_or_deleteall(ctx: &mut Ctx, mut a: Args, deleteall: bool) -> Res<i32> {
    let mut f = Filter::default();
    if a.has_next() || ctx.o.family != AF_UNSPEC {
        f.use_ = true;
    }
    f.sel.set_family(ctx.o.family as u16);
    let mut selp = false;
    while a.has_next() {
        match OPTS.find(a.cur()) {
            Some(Opt::Dir) => {
                a.next_arg()?;
                f.dir = dir_parse(&a)?;
                f.dir_mask = MASK_FULL;
            }
            Some(Opt::Index) => {
                a.next_arg()?;
                f.index = u32_value(&a, "INDEX value is invalid")?;
                f.index_mask = MASK_FULL;
            }
            Some(Opt::Ptype) => {
                a.next_arg()?;
                f.ptype = ptype_parse(&a)?;
                f.ptype_mask = MASK_FULL;
            }
            Some(Opt::Action) => {
                a.next_arg()?;
                f.action = action_parse(&a)?;
                f.action_mask = MASK_FULL;
            }
            Some(Opt::Priority) => {
                a.next_arg()?;
                f.priority = u32_value(&a, "PRIORITY value is invalid")?;
                f.priority_mask = MASK_FULL;
            }
            Some(Opt::Flag) => {
                a.next_arg()?;
                flag_parse(&mut f.flags, &mut a)?;
                f.policy_flags_mask = MASK_FULL;
            }
            Some(Opt::Nosock) => f.filter_socket = true,
            _ => {
                if selp {
                    return Err(invarg("unknown", a.cur()));
                }
                selp = true;
                let mut sel = f.sel;
                selector_parse(ctx, &mut sel, &mut f, &mut a)?;
                f.sel = sel;
                if ctx.o.family == AF_UNSPEC {
                    ctx.o.family = f.sel.family() as u8;
                }
            }
        }
        a.step();
    }
    let mut r = open_xfrm(ctx)?;
    if deleteall {
        let mut round = 0;
        loop {
            let mut req = Req::new(XFRM_MSG_GETPOLICY, NLM_F_DUMP | NLM_F_REQUEST, &[]);
            if ctx.o.stats > 1 {
                eprint_raw(&format!("Delete-all round = {}\n", round));
            }
            if let Err(e) = r.dump_request(&mut req) {
                return Err(fail(1, &format!("Cannot send dump request: {}\n", strerror(e))));
            }
            let mut dels = Vec::new();
            let mut bad = false;
            let ok = r.dump(|m| {
                match keep(&f, m) {
                    Ok(Some(d)) => dels.push(d),
                    Ok(None) => {}
                    Err(()) => {
                        bad = true;
                        return Err(Exit(1));
                    }
                }
                Ok(())
            });
            if bad || !matches!(ok, Ok(true)) {
                return Err(fail(1, "Delete-all terminated\n"));
            }
            // The deletes of one round fit in iproute2's 8 KiB buffer.
            let mut buf = Vec::new();
            let mut count = 0;
            for (id, mark, if_id) in dels {
                if buf.len() + 16 + 64 > 8192 {
                    continue;
                }
                let mut q = Req::new(XFRM_MSG_DELPOLICY, NLM_F_REQUEST, &id);
                q.set_seq(r.next_seq());
                if let Some(mk) = mark {
                    q.attr(XFRMA_MARK, &mk);
                }
                if let Some(v) = if_id {
                    q.attr_u32(XFRMA_IF_ID, v);
                }
                buf.extend_from_slice(q.bytes());
                count += 1;
            }
            if count == 0 {
                if ctx.o.stats > 1 {
                    eprint_raw("Delete-all completed\n");
                }
                break;
            }
            if let Err(e) = r.send_check(&buf) {
                return Err(fail(1, &format!("Failed to send delete-all request: {}\n", strerror(e))));
            }
            if ctx.o.stats > 1 {
                eprint_raw(&format!("Delete-all nlmsg count = {}\n", count));
            }
            round += 1;
        }
        return Ok(0);
    }
    let mut req = Req::new(XFRM_MSG_GETPOLICY, NLM_F_DUMP | NLM_F_REQUEST, &[]);
    if let Err(e) = r.dump_request(&mut req) {
        return Err(fail(1, &format!("Cannot send dump request: {}\n", strerror(e))));
    }
    let mut o = out(ctx);
    let ok = r.dump(|m| if policy_print(&mut o, &f, m) { Ok(()) } else { Err(Exit(1)) });
    if !matches!(ok, Ok(true)) {
        let _ = ctx.p.flush();
        return Err(fail(1, "Dump terminated\n"));
    }
    Ok(0)
}

fn flush(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut ptype: Option<u8> = None;
    while a.has_next() {
        if OPTS.find(a.cur()) == Some(Opt::Ptype) {
            if ptype.is_some() {
                return Err(duparg("ptype", a.cur()));
            }
            a.next_arg()?;
            ptype = Some(ptype_parse(&a)?);
        } else {
            return Err(invarg("unknown", a.cur()));
        }
        a.step();
    }
    let mut req = Req::new(XFRM_MSG_FLUSHPOLICY, NLM_F_REQUEST, &[]);
    if let Some(t) = ptype {
        req.attr(XFRMA_POLICY_TYPE, &upt_bytes(t));
    }
    let mut r = open_xfrm(ctx)?;
    if ctx.o.stats > 1 {
        eprint_raw("Flush policy\n");
    }
    if r.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// print_spdinfo()
fn print_spdinfo(ctx: &mut Ctx, m: Msg) -> bool {
    let len = m.payload.len() as i64 - 4;
    if len < 0 {
        eprint_raw(&format!("SPDinfo: Wrong len {}\n", len));
        return false;
    }
    let tb = Tb::parse(&m.payload[4..], 4);
    let stats = ctx.o.stats;
    let sl = if ctx.o.oneline > 0 { "\\" } else { "\n" };
    let p = &mut ctx.p;
    p.fp("\t SPD");
    let w =
        |d: &[u8], i: usize| d.get(i * 4..i * 4 + 4).map(|b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]])).unwrap_or(0);
    if let Some(d) = tb.get(1) {
        if d.len() < 24 {
            eprint_raw(&format!("SPDinfo: Wrong len {}\n", len));
            return false;
        }
        p.fpf(format_args!(" IN  {}", w(d, 0)));
        p.fpf(format_args!(" OUT {}", w(d, 1)));
        p.fpf(format_args!(" FWD {}", w(d, 2)));
        if stats > 0 {
            p.fp(" (Sock:");
            p.fpf(format_args!(" IN {}", w(d, 3)));
            p.fpf(format_args!(" OUT {}", w(d, 4)));
            p.fpf(format_args!(" FWD {}", w(d, 5)));
            p.fp(")");
        }
        p.fp(sl);
    }
    if stats > 1 {
        if let Some(d) = tb.get(2) {
            if d.len() < 8 {
                eprint_raw(&format!("SPDinfo: Wrong len {}\n", len));
                return false;
            }
            p.fp("\t SPD buckets:");
            p.fpf(format_args!(" count {}", w(d, 0)));
            p.fpf(format_args!(" Max {}", w(d, 1)));
            p.fp(sl);
        }
        for (t, name) in [(3u16, "IPv4"), (4, "IPv6")] {
            if let Some(d) = tb.get(t) {
                if d.len() < 2 {
                    eprint_raw(&format!("SPDinfo: Wrong len {}\n", len));
                    return false;
                }
                p.fpf(format_args!("\t SPD {} thresholds:", name));
                p.fpf(format_args!(" local {}", d[0]));
                p.fpf(format_args!(" remote {}", d[1]));
                p.fp(sl);
            }
        }
    }
    if ctx.o.oneline > 0 {
        p.fp("\n");
    }
    true
}

fn spd_getinfo(ctx: &mut Ctx) -> Res<i32> {
    let mut r = open_xfrm(ctx)?;
    let mut req = Req::new(XFRM_MSG_GETSPDINFO, NLM_F_REQUEST, &0xFFFF_FFFFu32.to_ne_bytes());
    let Ok(ans) = r.talk_answer(&mut req) else { return Err(Exit(2)) };
    if let Some(m) = msgs(&ans).next() {
        print_spdinfo(ctx, m);
    }
    Ok(0)
}

fn spd_setinfo(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut req = Req::new(XFRM_MSG_NEWSPDINFO, NLM_F_REQUEST, &0xFFFF_FFFFu32.to_ne_bytes());
    let (mut thr4, mut thr6) = (false, false);
    while a.has_next() {
        let k = OPTS.find(a.cur());
        let (v6, seen) = match k {
            Some(Opt::Hthresh4) => (false, &mut thr4),
            Some(Opt::Hthresh6) => (true, &mut thr6),
            _ => return Err(invarg("unknown", a.cur())),
        };
        let name = if v6 { "hthresh6" } else { "hthresh4" };
        let max = if v6 { 128 } else { 32 };
        if *seen {
            return Err(duparg(name, a.cur()));
        }
        *seen = true;
        a.next_arg()?;
        let l = match get_u8(a.cur(), 0) {
            Some(v) if v <= max => v,
            _ => return Err(invarg(&format!("{} LBITS value is invalid", name), a.cur())),
        };
        a.next_arg()?;
        let rb = match get_u8(a.cur(), 0) {
            Some(v) if v <= max => v,
            _ => return Err(invarg(&format!("{} RBITS value is invalid", name), a.cur())),
        };
        req.attr(if v6 { 4 } else { 3 }, &[l, rb]);
        a.step();
    }
    let mut r = open_xfrm(ctx)?;
    if r.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// struct xfrm_userpolicy_default is 3 bytes: nlmsg_len 19, unpadded.
fn default_req(ty: u16, up: [u8; 3]) -> Req {
    let mut req = Req::new(ty, NLM_F_REQUEST, &up);
    req.buf.truncate(19);
    req.buf[0..4].copy_from_slice(&19u32.to_ne_bytes());
    req
}

fn setdefault(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    let mut up = [0u8; 3];
    while a.has_next() {
        let (i, name) = match OPTS.find(a.cur()) {
            Some(Opt::In) => (0, "in"),
            Some(Opt::Fwd) => (1, "fwd"),
            Some(Opt::Out) => (2, "out"),
            _ => return Err(invarg("unknown direction", a.cur())),
        };
        if up[i] != 0 {
            return Err(duparg(name, a.cur()));
        }
        a.next_arg()?;
        up[i] = match a.cur() {
            "block" => 1,
            "accept" => 2,
            w => return Err(invarg(&format!("{} policy value is invalid", name), w)),
        };
        a.step();
    }
    let mut r = open_xfrm(ctx)?;
    let mut req = default_req(XFRM_MSG_SETDEFAULT, up);
    if r.talk(&mut req).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

pub fn policy_name(p: u8) -> &'static str {
    match p {
        0 => "unspec",
        1 => "block",
        2 => "accept",
        _ => "unknown",
    }
}

fn getdefault(ctx: &mut Ctx) -> Res<i32> {
    let mut r = open_xfrm(ctx)?;
    let mut req = default_req(XFRM_MSG_GETDEFAULT, [0; 3]);
    let Ok(ans) = r.talk_answer(&mut req) else { return Err(Exit(2)) };
    let Some(m) = msgs(&ans).next() else { return Ok(0) };
    // NLMSG_SPACE(3) = 20.
    if m.raw.len() < 20 {
        eprint_raw(&format!("BUG: short nlmsg len {} (expect 20) for XFRM_MSG_GETDEFAULT\n", m.raw.len()));
        return Ok(0);
    }
    let d = m.payload;
    ctx.p.fp("Default policies:\n");
    ctx.p.fpf(format_args!(" in:  {}\n", policy_name(d[0])));
    ctx.p.fpf(format_args!(" fwd: {}\n", policy_name(d[1])));
    ctx.p.fpf(format_args!(" out: {}\n", policy_name(d[2])));
    Ok(0)
}
