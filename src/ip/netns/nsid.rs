//! Namespace ids: RTM_GETNSID by file, `ip netns set`, `ip netns list-id`,
//! and ipnetns.c's nsid->name cache (which lives as long as the process,
//! so a batch sees what earlier commands left in it).

use std::cell::RefCell;
use std::os::fd::AsRawFd;

use super::ns_path;
use crate::ctx::Ctx;
use crate::eprintf;
use crate::error::{Exit, Res};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Msg, Req, Rtnl, Tb};
use crate::print::T;
use crate::sys::{self, namespace::NETNS_RUN_DIR, OFlag};

#[derive(Default)]
struct Cache {
    initialized: bool,
    /// (nsid, name); at most one entry per nsid (netns_map_add refuses more).
    map: Vec<(i32, String)>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

fn cache_get(nsid: i32) -> Option<String> {
    if nsid < 0 {
        return None;
    }
    CACHE.with(|c| c.borrow().map.iter().find(|(n, _)| *n == nsid).map(|(_, s)| s.clone()))
}

fn cache_add(nsid: i32, name: &str) {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if !c.map.iter().any(|(n, _)| *n == nsid) {
            c.map.push((nsid, name.to_string()));
        }
    })
}

fn cache_del(nsid: i32) {
    CACHE.with(|c| c.borrow_mut().map.retain(|(n, _)| *n != nsid))
}

/// netns_map_init(): once per process, the nsid of every named namespace.
pub fn map_init(ctx: &mut Ctx) -> Res<()> {
    if CACHE.with(|c| c.borrow().initialized) {
        return Ok(());
    }
    let Ok(dir) = sys::Dir::open(NETNS_RUN_DIR) else { return Ok(()) };
    for name in dir {
        let id = get_netnsid_from_name(ctx, &name)?;
        if id >= 0 {
            cache_add(id, &name);
        }
    }
    CACHE.with(|c| c.borrow_mut().initialized = true);
    Ok(())
}

/// rtgenmsg, padded as the kernel reads it.
const RTGEN: [u8; 4] = [AF_UNSPEC, 0, 0, 0];

/// get_netnsid_from_name(): the nsid the current namespace has for the
/// named one; -1 when unassigned or the file cannot be opened, -2 when the
/// kernel refused (its message printed).
pub fn get_netnsid_from_name(ctx: &mut Ctx, name: &str) -> Res<i32> {
    // netns_get_fd(): a name with a '/' is a path.
    let path = if name.contains('/') { name.to_string() } else { ns_path(name) };
    let Ok(fd) = sys::open(&path, OFlag::O_RDONLY | OFlag::O_CLOEXEC) else { return Ok(-1) };
    let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST, &RTGEN);
    req.attr_u32(NETNSA_FD, fd.as_raw_fd() as u32);
    let ans = match ctx.rtnl()?.talk_answer(&mut req) {
        Ok(a) => a,
        Err(_) => return Ok(-2),
    };
    Ok(answer_nsid(&ans).unwrap_or(-1))
}

fn answer_nsid(ans: &[u8]) -> Option<i32> {
    let m = msgs(ans).next()?;
    if m.ty == NLMSG_ERROR {
        return None;
    }
    let tb = Tb::parse(m.payload.get(4..)?, NETNSA_MAX);
    tb.i32(NETNSA_NSID)
}

/// netns_get_name(): the first name in readdir order with this nsid.
fn netns_get_name(ctx: &mut Ctx, nsid: i32) -> Res<Option<String>> {
    if nsid < 0 {
        return Ok(None);
    }
    let Ok(dir) = sys::Dir::open(NETNS_RUN_DIR) else { return Ok(None) };
    for name in dir {
        let id = get_netnsid_from_name(ctx, &name)?;
        if id >= 0 && id == nsid {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

/// print_nsid(): one RTM_NEWNSID/RTM_DELNSID message. Err(()) for a
/// malformed message (after the "BUG:" line), as the C callback's -1.
pub fn print_nsid(ctx: &mut Ctx, m: &Msg) -> Res<Result<(), ()>> {
    if m.ty != RTM_NEWNSID && m.ty != RTM_DELNSID {
        return Ok(Ok(()));
    }
    // nlmsg_len - NLMSG_SPACE(sizeof(struct rtgenmsg))
    let len = m.payload.len() as i64 - 4;
    if len < 0 {
        eprintf!("BUG: wrong nlmsg len {} in print_nsid\n", len);
        return Ok(Err(()));
    }
    let tb = Tb::parse(m.payload.get(4..).unwrap_or(&[]), NETNSA_MAX);
    let Some(nsid) = tb.i32(NETNSA_NSID) else {
        eprintf!("BUG: NETNSA_NSID is missing print_nsid\n");
        return Ok(Err(()));
    };
    let p = &mut ctx.p;
    p.open_object(None);
    if m.ty == RTM_DELNSID {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    if nsid < 0 {
        p.fp("nsid unassigned ");
    } else {
        p.int(T::Any, "nsid", "nsid {} ", nsid as i64);
    }
    let current = tb.i32(NETNSA_CURRENT_NSID);
    if let Some(cur) = current {
        if cur < 0 {
            p.fp("current-nsid unassigned ");
        } else {
            p.int(T::Any, "current-nsid", "current-nsid {} ", cur as i64);
        }
    }
    let key = current.unwrap_or(nsid);
    let cached = cache_get(key);
    if let Some(name) = &cached {
        ctx.p.string(T::Any, "name", "(iproute2 netns name: {})", name);
        cache_del(key);
    }
    // The nsid may be missing from the cache (looked up by nsid, not by
    // the current-nsid used above).
    if cached.is_none() && m.ty == RTM_NEWNSID {
        if let Some(name) = netns_get_name(ctx, nsid)? {
            ctx.p.string(T::Any, "name", "(iproute2 netns name: {})", &name);
            cache_add(nsid, &name);
        }
    }
    ctx.p.fp("\n");
    ctx.p.close_object();
    let _ = ctx.p.flush();
    Ok(Ok(()))
}

/// netns_list_id(): `[target-nsid N] [nsid N]`.
pub fn netns_list_id(ctx: &mut Ctx, rest: &[String]) -> Res<i32> {
    let mut target: i32 = -1;
    let mut nsid: i32 = -1;
    let mut i = 0;
    // C's invarg() for a negative value names argv[1] after NEXT_ARG, the
    // word after the value ("(null)" at the end).
    let after = |j: usize| rest.get(j + 1).map(|s| s.as_str()).unwrap_or("(null)");
    while i < rest.len() {
        let w = rest[i].as_str();
        let opt = super::LIST_ID.find(w);
        if opt == Some(super::ListIdOpt::TargetNsid) {
            if target >= 0 {
                return Err(crate::error::duparg("target-nsid", w));
            }
            i += 1;
            let Some(v) = rest.get(i) else { return Err(crate::error::incomplete_command()) };
            match crate::args::num::get_integer(v, 0) {
                None => return Err(crate::error::invarg("\"target-nsid\" value is invalid", v)),
                Some(n) if n < 0 => return Err(crate::error::invarg("\"target-nsid\" value should be >= 0", after(i))),
                Some(n) => target = n,
            }
        } else if opt == Some(super::ListIdOpt::Nsid) {
            if nsid >= 0 {
                return Err(crate::error::duparg("nsid", w));
            }
            i += 1;
            let Some(v) = rest.get(i) else { return Err(crate::error::incomplete_command()) };
            match crate::args::num::get_integer(v, 0) {
                None => return Err(crate::error::invarg("\"nsid\" value is invalid", v)),
                Some(n) if n < 0 => return Err(crate::error::invarg("\"nsid\" value should be >= 0", after(i))),
                Some(n) => nsid = n,
            }
        } else {
            return Err(super::usage());
        }
        i += 1;
    }

    if nsid >= 0 {
        // get_netnsid_from_netnsid()
        let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST, &RTGEN);
        req.attr_u32(NETNSA_NSID, nsid as u32);
        if target >= 0 {
            req.attr_u32(NETNSA_TARGET_NSID, target as u32);
        }
        let ans = match ctx.rtnl()?.talk_answer(&mut req) {
            Ok(a) => a,
            Err(_) => return Ok(2),
        };
        let Some(m) = msgs(&ans).next() else { return Ok(0) };
        if m.ty == NLMSG_ERROR {
            return Ok(0);
        }
        ctx.p.new_json_obj();
        let r = print_nsid(ctx, &m)?;
        ctx.p.delete_json_obj();
        return Ok(if r.is_ok() { 0 } else { 1 });
    }

    // The dump runs on a socket of its own (strict checking, as rth is, so
    // the kernel honours NETNSA_TARGET_NSID), which leaves ctx's socket free
    // for the name lookups print_nsid makes while the dump streams.
    let mut dumper = match Rtnl::open(ctx.o.rcvbuf, true) {
        Ok(r) => r,
        Err(_) => {
            eprintf!("Cannot open rtnetlink\n");
            return Err(Exit(1));
        }
    };
    let mut req = Req::new(RTM_GETNSID, 0, &[AF_UNSPEC]);
    if target >= 0 {
        req.attr_u32(NETNSA_TARGET_NSID, target as u32);
    }
    if let Err(e) = dumper.dump_request(&mut req) {
        return Err(crate::error::cannot_send_dump(e));
    }
    ctx.p.new_json_obj();
    let mut bug = false;
    let ok = dumper.dump(|m| {
        if print_nsid(ctx, &m)?.is_err() {
            bug = true;
            return Err(Exit(1));
        }
        Ok(())
    });
    match ok {
        Ok(true) => {}
        Ok(false) => {
            ctx.p.delete_json_obj();
            return Err(crate::error::dump_terminated());
        }
        Err(e) => {
            if bug {
                ctx.p.delete_json_obj();
                crate::error::say_dump_terminated();
            }
            return Err(e);
        }
    }
    ctx.p.delete_json_obj();
    Ok(0)
}

/// netns_set(): NAME NETNSID|auto.
pub fn netns_set(ctx: &mut Ctx, rest: &[String]) -> Res<i32> {
    let Some(name) = rest.first() else {
        eprintf!("No netns name specified\n");
        return Ok(1);
    };
    let Some(val) = rest.get(1) else {
        eprintf!("No nsid specified\n");
        return Ok(1);
    };
    // A negative nsid asks the kernel to pick one.
    let nsid: i32 = if super::SET.words.contains(&val.as_str()) {
        -1
    } else {
        match crate::args::num::get_integer(val, 0) {
            None => return Err(crate::error::invarg("Invalid \"netnsid\" value", val)),
            Some(n) if n < 0 => return Err(crate::error::invarg("\"netnsid\" value should be >= 0", val)),
            Some(n) => n,
        }
    };
    let _held = match sys::open(&ns_path(name), OFlag::O_RDONLY | OFlag::O_CLOEXEC) {
        Ok(fd) => fd,
        Err(e) => {
            eprintf!("Cannot open network namespace \"{}\": {}\n", name, crate::error::strerror(e));
            return Ok(1);
        }
    };
    let Ok(fd) = sys::open(&ns_path(name), OFlag::O_RDONLY) else { return Ok(1) };
    let mut req = Req::new(RTM_NEWNSID, NLM_F_REQUEST, &RTGEN);
    req.attr_u32(NETNSA_FD, fd.as_raw_fd() as u32);
    req.attr_u32(NETNSA_NSID, nsid as u32);
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::Opts;
    use crate::print::Captured as Sink;
    use crate::print::{Mode, Printer};

    /// An RTM_{NEW,DEL}NSID message with the given s32 attributes.
    fn nsid_msg(ty: u16, attrs: &[(u16, i32)]) -> Vec<u8> {
        let mut req = Req::new(ty, 0, &RTGEN);
        for (t, v) in attrs {
            req.attr_u32(*t, *v as u32);
        }
        req.bytes().to_vec()
    }

    fn render(json: bool, ty: u16, attrs: &[(u16, i32)]) -> String {
        let sink = Sink::default();
        let mode = Mode { json, ..Default::default() };
        let mut ctx = Ctx::with_replay(Opts::default(), Printer::new(Box::new(sink.clone()), mode), vec![]);
        let raw = nsid_msg(ty, attrs);
        let m = msgs(&raw).next().unwrap();
        ctx.p.new_json_obj();
        assert_eq!(print_nsid(&mut ctx, &m), Ok(Ok(())));
        ctx.p.delete_json_obj();
        let _ = ctx.p.flush();
        let out = sink.0.borrow().clone();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn print_nsid_forms() {
        assert_eq!(render(false, RTM_DELNSID, &[(NETNSA_NSID, 3)]), "Deleted nsid 3 \n");
        assert_eq!(render(true, RTM_DELNSID, &[(NETNSA_NSID, 3)]), "[{\"deleted\":true,\"nsid\":3}]\n");
        assert_eq!(
            render(false, RTM_DELNSID, &[(NETNSA_NSID, -1), (NETNSA_CURRENT_NSID, -1)]),
            "Deleted nsid unassigned current-nsid unassigned \n"
        );
        // A cached name is printed once, then dropped from the cache.
        cache_add(11, "cached");
        assert_eq!(
            render(false, RTM_DELNSID, &[(NETNSA_NSID, 2), (NETNSA_CURRENT_NSID, 11)]),
            "Deleted nsid 2 current-nsid 11 (iproute2 netns name: cached)\n"
        );
        assert_eq!(cache_get(11), None);
        cache_add(12, "n12");
        assert_eq!(render(true, RTM_NEWNSID, &[(NETNSA_NSID, 12)]), "[{\"nsid\":12,\"name\":\"n12\"}]\n");
    }

    #[test]
    fn cache_keeps_first_name_per_nsid() {
        cache_add(40, "first");
        cache_add(40, "second");
        assert_eq!(cache_get(40).as_deref(), Some("first"));
        assert_eq!(cache_get(-1), None);
        cache_del(40);
        assert_eq!(cache_get(40), None);
    }
}
