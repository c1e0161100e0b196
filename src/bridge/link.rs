//! `bridge link` (bridge/link.c, 6.1.0): the port dump of family
//! AF_BRIDGE and `set`/`change` of port options (RTM_SETLINK with a nested
//! IFLA_PROTINFO and, for `self`/`master`/`hwmode`, IFLA_AF_SPEC).

use crate::args::keywords::{exact, kw, Table};
use crate::args::num::{atoi, c_strtoll};
use crate::args::Args;
use crate::ctx::{Ctx, Headers};
use crate::error::{fail, Res};
use crate::names::LinkNames;
use crate::netlink::attr::{get_u16, get_u8, NLA_TYPE_MASK};
use crate::netlink::consts::*;
use crate::netlink::{Msg, Req, Tb};
use crate::print::{Color, Printer, J, T};

use crate::linkinfo::brport::*;
use crate::netlink::attr::NLA_F_NESTED;

const HW_MODE: &[&str] = &["VEB", "VEPA"];

/// The interface flags in the order print_link_flags() tests them.
const IFF_NAMES: &[(u32, &str)] = &[
    (0x8, "LOOPBACK"),
    (0x2, "BROADCAST"),
    (0x10, "POINTOPOINT"),
    (0x1000, "MULTICAST"),
    (0x80, "NOARP"),
    (0x200, "ALLMULTI"),
    (0x100, "PROMISC"),
    (0x400, "MASTER"),
    (0x800, "SLAVE"),
    (0x4, "DEBUG"),
    (0x8000, "DYNAMIC"),
    (0x4000, "AUTOMEDIA"),
    (0x2000, "PORTSEL"),
    (0x20, "NOTRAILERS"),
    (0x1, "UP"),
    (0x10000, "LOWER_UP"),
    (0x20000, "DORMANT"),
    (0x40000, "ECHO"),
];

pub const USAGE: &str = "Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
                               [ guard {on | off} ]
                               [ hairpin {on | off} ]
                               [ fastleave {on | off} ]
                               [ root_block {on | off} ]
                               [ learning {on | off} ]
                               [ learning_sync {on | off} ]
                               [ flood {on | off} ]
                               [ mcast_router MULTICAST_ROUTER ]
                               [ mcast_flood {on | off} ]
                               [ bcast_flood {on | off} ]
                               [ mcast_to_unicast {on | off} ]
                               [ neigh_suppress {on | off} ]
                               [ vlan_tunnel {on | off} ]
                               [ isolated {on | off} ]
                               [ locked {on | off} ]
                               [ hwmode {vepa | veb} ]
                               [ backup_port DEVICE ] [ nobackup_port ]
                               [ self ] [ master ]
       bridge link show [dev DEV]
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Set,
    Show,
    Help,
}

/// do_link()'s commands (link.c, 6.1.0), all prefixes.
static COMMANDS: Table<Cmd> = Table::new(
    "bridge link",
    &[
        kw("set", Cmd::Set),
        kw("change", Cmd::Set),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("list", Cmd::Show),
        kw("help", Cmd::Help),
    ],
);

/// What a `bridge link set` word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetOpt {
    Dev,
    /// An on/off flag: its slot in brlink_modify()'s table.
    OnOff(usize),
    McastRouter,
    Cost,
    Priority,
    State,
    Hwmode,
    Self_,
    Master,
    BackupPort,
    NoBackupPort,
}

// Slots of the on/off flags (the kernel attribute order differs).
const GUARD: usize = 0;
const HAIRPIN: usize = 1;
const FASTLEAVE: usize = 2;
const ROOT_BLOCK: usize = 3;
const LEARNING: usize = 4;
const LEARNING_SYNC: usize = 5;
const FLOOD: usize = 6;
const MCAST_FLOOD: usize = 7;
const BCAST_FLOOD: usize = 8;
const MCAST_TO_UCAST: usize = 9;
const NEIGH_SUPPRESS: usize = 10;
const VLAN_TUNNEL: usize = 11;
const ISOLATED: usize = 12;
const LOCKED: usize = 13;

/// brlink_modify()'s words in its order, every one whole (strcmp).
static SET: Table<SetOpt> = Table::new(
    "bridge link set",
    &[
        exact("dev", SetOpt::Dev),
        exact("guard", SetOpt::OnOff(GUARD)),
        exact("hairpin", SetOpt::OnOff(HAIRPIN)),
        exact("fastleave", SetOpt::OnOff(FASTLEAVE)),
        exact("root_block", SetOpt::OnOff(ROOT_BLOCK)),
        exact("learning", SetOpt::OnOff(LEARNING)),
        exact("learning_sync", SetOpt::OnOff(LEARNING_SYNC)),
        exact("flood", SetOpt::OnOff(FLOOD)),
        exact("mcast_router", SetOpt::McastRouter),
        exact("mcast_flood", SetOpt::OnOff(MCAST_FLOOD)),
        exact("bcast_flood", SetOpt::OnOff(BCAST_FLOOD)),
        exact("mcast_to_unicast", SetOpt::OnOff(MCAST_TO_UCAST)),
        exact("cost", SetOpt::Cost),
        exact("priority", SetOpt::Priority),
        exact("state", SetOpt::State),
        exact("hwmode", SetOpt::Hwmode),
        exact("self", SetOpt::Self_),
        exact("master", SetOpt::Master),
        exact("neigh_suppress", SetOpt::OnOff(NEIGH_SUPPRESS)),
        exact("vlan_tunnel", SetOpt::OnOff(VLAN_TUNNEL)),
        exact("isolated", SetOpt::OnOff(ISOLATED)),
        exact("locked", SetOpt::OnOff(LOCKED)),
        exact("backup_port", SetOpt::BackupPort),
        exact("nobackup_port", SetOpt::NoBackupPort),
    ],
);

/// brlink_show()'s one word (others are ignored).
static SHOW: Table<()> = Table::new("bridge link show", &[exact("dev", ())]);

/// This object's keyword tables, its command table first.
/// `hwmode` values, compared whole; ids are BRIDGE_MODE_*.
static HWMODES: Table<i16> = Table::new("bridge link set hwmode", &[exact("vepa", 1), exact("veb", 0)]);

pub static KEYWORDS: &[&dyn crate::args::keywords::Words] =
    &[&COMMANDS, &SET, &SHOW, &HWMODES, &crate::linkinfo::brport::STP_STATES];

pub fn do_link(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    ctx.init_map()?;
    let Some(cmd) = args.next() else { return brlink_show(ctx, args) };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Set) => brlink_modify(ctx, args),
        Some(Cmd::Show) => brlink_show(ctx, args),
        Some(Cmd::Help) => Err(fail(255, USAGE)),
        None => Err(crate::error::unknown_command(&cmd, "bridge link")),
    }
}

/// The `state` argument: a whole decimal number (narrowed to __s8), else a name.
pub fn parse_state_arg(s: &str) -> Option<i8> {
    let (v, n, _) = c_strtoll(s, 10);
    if !s.is_empty() && n == s.len() {
        return Some(v as i8);
    }
    match parse_stp_state(s) {
        -1 => None,
        x => Some(x as i8),
    }
}

fn brlink_modify(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut dev: Option<String> = None;
    let mut backup_port_idx: i64 = -1;
    let mut onoff: [i8; 14] = [-1; 14];
    let mut mcast_router: i8 = -1;
    let mut cost: u32 = 0;
    let mut priority: i16 = -1;
    let mut state: i8 = -1;
    let mut mode: i16 = -1;
    let mut flags: u16 = 0;

    while let Some(w) = args.next() {
        match SET.find(&w) {
            Some(SetOpt::OnOff(idx)) => {
                let v = args.value()?;
                match crate::args::parse_on_off(&w, &v) {
                    Some(b) => onoff[idx] = b as i8,
                    None => return Ok(-libc::EINVAL),
                }
            }
            Some(SetOpt::Dev) => dev = Some(args.value()?),
            Some(SetOpt::McastRouter) => mcast_router = atoi(&args.value()?) as i8,
            Some(SetOpt::Cost) => cost = atoi(&args.value()?) as u32,
            Some(SetOpt::Priority) => priority = atoi(&args.value()?) as i16,
            Some(SetOpt::State) => {
                let v = args.value()?;
                match parse_state_arg(&v) {
                    Some(s) => state = s,
                    None => {
                        crate::eprintf!("Error: invalid STP port state\n");
                        return Ok(-1);
                    }
                }
            }
            Some(SetOpt::Hwmode) => {
                let v = args.value()?;
                flags = BRIDGE_FLAGS_SELF;
                match HWMODES.find(&v) {
                    Some(m) => mode = m,
                    None => {
                        crate::eprintf!("Mode argument must be \"vepa\" or \"veb\".\n");
                        return Ok(-1);
                    }
                }
            }
            Some(SetOpt::Self_) => flags |= BRIDGE_FLAGS_SELF,
            Some(SetOpt::Master) => flags |= BRIDGE_FLAGS_MASTER,
            Some(SetOpt::BackupPort) => {
                let v = args.value()?;
                let idx = ctx.ifindex(&v);
                if idx == 0 {
                    crate::eprintf!("Error: device {} does not exist\n", v);
                    return Ok(-1);
                }
                backup_port_idx = idx as i64;
            }
            Some(SetOpt::NoBackupPort) => backup_port_idx = 0,
            None => return Err(fail(255, USAGE)),
        }
    }
    let Some(d) = dev else {
        crate::eprintf!("Device is a required argument.\n");
        return Ok(-1);
    };
    let index = ctx.ifindex(&d);
    if index == 0 {
        crate::eprintf!("Cannot find bridge device \"{}\"\n", d);
        return Ok(-1);
    }

    let mut req = Req::bounded(
        RTM_SETLINK,
        NLM_F_REQUEST,
        &ifinfomsg(AF_BRIDGE, index as i32, 0, 0),
        crate::netlink::attr::bound::BRLINK_MODIFY,
    );
    let nest = req.nest(IFLA_PROTINFO | NLA_F_NESTED);
    let flag_order: &[(usize, u16)] = &[
        (GUARD, IFLA_BRPORT_GUARD),
        (HAIRPIN, IFLA_BRPORT_MODE),
        (FASTLEAVE, IFLA_BRPORT_FAST_LEAVE),
        (ROOT_BLOCK, IFLA_BRPORT_PROTECT),
        (FLOOD, IFLA_BRPORT_UNICAST_FLOOD),
    ];
    for (i, a) in flag_order {
        if onoff[*i] >= 0 {
            req.attr_u8(*a, onoff[*i] as u8);
        }
    }
    if mcast_router >= 0 {
        req.attr_u8(IFLA_BRPORT_MULTICAST_ROUTER, mcast_router as u8);
    }
    for (i, a) in [
        (MCAST_FLOOD, IFLA_BRPORT_MCAST_FLOOD),
        (BCAST_FLOOD, IFLA_BRPORT_BCAST_FLOOD),
        (MCAST_TO_UCAST, IFLA_BRPORT_MCAST_TO_UCAST),
        (LEARNING, IFLA_BRPORT_LEARNING),
        (LEARNING_SYNC, IFLA_BRPORT_LEARNING_SYNC),
    ] {
        if onoff[i] >= 0 {
            req.attr_u8(a, onoff[i] as u8);
        }
    }
    if cost > 0 {
        req.attr_u32(IFLA_BRPORT_COST, cost);
    }
    if priority >= 0 {
        req.attr_u16(IFLA_BRPORT_PRIORITY, priority as u16);
    }
    if state >= 0 {
        req.attr_u8(IFLA_BRPORT_STATE, state as u8);
    }
    for (i, a) in [
        (NEIGH_SUPPRESS, IFLA_BRPORT_NEIGH_SUPPRESS),
        (VLAN_TUNNEL, IFLA_BRPORT_VLAN_TUNNEL),
        (ISOLATED, IFLA_BRPORT_ISOLATED),
        (LOCKED, IFLA_BRPORT_LOCKED),
    ] {
        if onoff[i] >= 0 {
            req.attr_u8(a, onoff[i] as u8);
        }
    }
    if backup_port_idx != -1 {
        req.attr_u32(IFLA_BRPORT_BACKUP_PORT, backup_port_idx as u32);
    }
    req.nest_end(nest);
    if mode >= 0 || flags > 0 {
        let n = req.nest(IFLA_AF_SPEC);
        if flags > 0 {
            req.attr_u16(IFLA_BRIDGE_FLAGS, flags);
        }
        if mode >= 0 {
            req.attr_u16(IFLA_BRIDGE_MODE, mode as u16);
        }
        req.nest_end(n);
    }
    match ctx.rtnl()?.talk(&mut req) {
        Ok(()) => Ok(0),
        Err(_) => Ok(-1),
    }
}

fn brlink_show(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    while let Some(w) = args.next() {
        if SHOW.find(&w).is_some() {
            let v = args.value()?;
            if filter_dev.is_some() {
                return Err(crate::error::duparg("dev", &v));
            }
            filter_dev = Some(v);
        }
    }
    let mut filter_index = 0u32;
    if let Some(d) = &filter_dev {
        filter_index = ctx.ifindex(d);
        if filter_index == 0 {
            crate::error::say_no_device(d);
            return Ok(-1);
        }
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_DUMP | NLM_F_REQUEST, &ifinfomsg(AF_BRIDGE, 0, 0, 0));
    req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
    ctx.p.new_json_obj();
    let details = ctx.o.details > 0;
    let hdr = ctx.headers;
    ctx.dump_show(&mut req, |sh, m| {
        if print_linkinfo(sh.p, sh.names, hdr, &m, filter_index, details) < 0 {
            // The callback's error ends the dump as a failure.
            return Err(crate::error::dump_terminated());
        }
        Ok(())
    })?;
    ctx.p.delete_json_obj();
    Ok(0)
}

/// The raw type (flags included) and payload of the attribute of type
/// `ty` (the first one, as parse_rtattr_flags() fills tb[]).
fn raw_attr(buf: &[u8], ty: u16) -> Option<(u16, &[u8])> {
    let mut b = buf;
    let mut found = None;
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let t = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            break;
        }
        if t & NLA_TYPE_MASK == ty && found.is_none() {
            found = Some((t, &b[4..len]));
        }
        let next = crate::netlink::attr::align4(len).min(b.len());
        b = &b[next..];
    }
    found
}

fn print_link_flags(p: &mut Printer, flags: u32, mdown: bool) {
    let key = if p.is_json() { "flags" } else { "<" };
    p.open_array(T::Any, key);
    let mut flags = flags;
    if flags & IFF_UP != 0 && flags & IFF_RUNNING == 0 {
        p.string_nokey(T::Any, if flags != 0 { "{}," } else { "{}" }, "NO-CARRIER");
    }
    flags &= !IFF_RUNNING;
    for (bit, name) in IFF_NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            p.string_nokey(T::Any, if flags != 0 { "{}," } else { "{}" }, name);
        }
    }
    if flags != 0 {
        let s = format!("{:x}", flags);
        p.field(T::Any, Color::None, None, J::Str(&s), format_args!("{}", s));
    }
    if mdown {
        p.string_nokey(T::Any, ",{}", "M-DOWN");
    }
    p.close_array(T::Any, "> ");
}

fn print_protinfo(p: &mut Printer, names: &mut LinkNames, ty: u16, data: &[u8], details: bool) {
    if ty & NLA_F_NESTED == 0 {
        print_stp_state(p, get_u8(data).unwrap_or(0));
        return;
    }
    let tb = Tb::parse(data, IFLA_BRPORT_MAX);
    if let Some(s) = tb.u8(IFLA_BRPORT_STATE) {
        print_stp_state(p, s);
    }
    if let Some(v) = tb.u16(IFLA_BRPORT_PRIORITY) {
        p.uint(T::Any, "priority", "priority {} ", v as u64);
    }
    if let Some(v) = tb.u32(IFLA_BRPORT_COST) {
        p.uint(T::Any, "cost", "cost {} ", v as u64);
    }
    if !details {
        return;
    }
    if !p.is_json() {
        let s = format!("{}    ", p.sl);
        p.fp(&s);
    }
    print_flags(
        p,
        &tb,
        &[
            IFLA_BRPORT_MODE,
            IFLA_BRPORT_GUARD,
            IFLA_BRPORT_PROTECT,
            IFLA_BRPORT_FAST_LEAVE,
            IFLA_BRPORT_LEARNING,
            IFLA_BRPORT_LEARNING_SYNC,
            IFLA_BRPORT_UNICAST_FLOOD,
            IFLA_BRPORT_MCAST_FLOOD,
            IFLA_BRPORT_BCAST_FLOOD,
        ],
    );
    if let Some(v) = tb.u8(IFLA_BRPORT_MULTICAST_ROUTER) {
        p.uint(T::Any, "mcast_router", "mcast_router {} ", v as u64);
    }
    print_flags(p, &tb, &[IFLA_BRPORT_MCAST_TO_UCAST, IFLA_BRPORT_NEIGH_SUPPRESS, IFLA_BRPORT_VLAN_TUNNEL]);
    if let Some(idx) = tb.u32(IFLA_BRPORT_BACKUP_PORT) {
        let n = names.name_own_socket(idx);
        p.string(T::Any, "backup_port", "backup_port {} ", &n);
    }
    print_flags(p, &tb, &[IFLA_BRPORT_ISOLATED, IFLA_BRPORT_LOCKED]);
}

/// print_linkinfo(): one port. Negative on a message it cannot print.
pub fn print_linkinfo(
    p: &mut Printer,
    names: &mut LinkNames,
    hdr: Headers,
    m: &Msg,
    filter_index: u32,
    details: bool,
) -> i32 {
    let Some((family, _, index, ifflags, _)) = ifinfo(m.payload) else {
        crate::eprintf!("Message too short!\n");
        return -1;
    };
    if family != AF_BRIDGE && family != AF_UNSPEC {
        return 0;
    }
    if filter_index != 0 && filter_index != index as u32 {
        return 0;
    }
    let body = m.payload.get(IFINFOMSG_LEN..).unwrap_or(&[]);
    let tb = Tb::parse(body, IFLA_MAX);
    let name = match tb.str(IFLA_IFNAME) {
        Some(n) => n.to_string(),
        None => {
            crate::eprintf!("BUG: device with ifindex {} has nil ifname\n", index);
            format!("if{}", index)
        }
    };
    if !crate::names::check_ifname(&name) {
        return -1;
    }
    hdr.print(p, "[LINK]");
    p.open_object(None);
    if m.ty == RTM_DELLINK {
        p.bool(T::Any, "deleted", "Deleted ", true);
    }
    p.int(T::Any, "ifindex", "{}: ", index as i64);

    // print_name_and_link(): the AF_BRIDGE dump has no IFLA_LINK_NETNSID,
    // so the link index is looked up among local devices.
    let mut shown = name.clone();
    let mut mdown = false;
    if let Some(iflink) = tb.u32(IFLA_LINK) {
        if iflink != 0 {
            if tb.has(IFLA_LINK_NETNSID) {
                if p.is_json() {
                    p.int(T::Json, "link_index", "", iflink as i64);
                } else {
                    shown = format!("{}@if{}", name, iflink);
                }
            } else {
                let link = names.name_own_socket(iflink);
                if p.is_json() {
                    p.string(T::Json, "link", "", &link);
                } else {
                    shown = format!("{}@{}", name, link);
                }
                // ll_index_to_flags(): -1 (all bits) when unknown.
                let f = names.get(iflink).map(|e| e.flags).unwrap_or(u32::MAX);
                mdown = f & IFF_UP == 0;
            }
        } else if p.is_json() {
            p.null(T::Json, "link", "", "");
        } else {
            shown = format!("{}@NONE", name);
        }
    }
    p.color_string(T::Any, Color::Ifname, "ifname", "{}: ", &shown);
    print_link_flags(p, ifflags, mdown);
    if let Some(mtu) = tb.u32(IFLA_MTU) {
        p.field(T::Any, Color::None, Some("mtu"), J::I(mtu as i32 as i64), format_args!("mtu {} ", mtu));
    }
    if let Some(master) = tb.u32(IFLA_MASTER) {
        let n = names.name_own_socket(master);
        p.string(T::Any, "master", "master {} ", &n);
    }
    if let Some((ty, data)) = raw_attr(body, IFLA_PROTINFO) {
        print_protinfo(p, names, ty, data, details);
    }
    if let Some(af) = tb.get(IFLA_AF_SPEC) {
        let aftb = Tb::parse(af, IFLA_BRIDGE_MAX);
        if let Some(mode) = aftb.get(IFLA_BRIDGE_MODE).and_then(get_u16) {
            match HW_MODE.get(mode as usize) {
                Some(s) => p.string(T::Any, "hwmode", "hwmode {} ", s),
                None => p.xhex(T::Any, "hwmode", "hwmode {} ", mode as u64),
            }
        }
    }
    p.fp("\n");
    p.close_object();
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states() {
        assert_eq!(parse_state_arg("3"), Some(3));
        assert_eq!(parse_state_arg("forwarding"), Some(3));
        assert_eq!(parse_state_arg("256"), Some(0));
        assert_eq!(parse_state_arg("-1"), Some(-1));
        assert_eq!(parse_state_arg("1x"), None);
        assert_eq!(parse_state_arg(""), None);
        assert_eq!(parse_state_arg("99999999999999999999"), Some(-1));
    }
}

#[cfg(test)]
mod print_tests {
    use super::*;
    use crate::netlink::msgs;
    use crate::print::Captured as Buf;
    use crate::print::Mode;

    /// A port message as the kernel sends it for AF_BRIDGE dumps.
    fn port_msg(index: i32, flags: u32, state: u8, link: Option<u32>) -> Req {
        let mut r = Req::new(RTM_NEWLINK, 0, &ifinfomsg(AF_BRIDGE, index, flags, 0));
        r.attr_str(IFLA_IFNAME, "veth0");
        r.attr_u32(IFLA_MTU, 1500);
        r.attr_u32(IFLA_MASTER, 3);
        if let Some(l) = link {
            r.attr_u32(IFLA_LINK, l);
        }
        let n = r.nest(IFLA_PROTINFO | NLA_F_NESTED);
        r.attr_u8(IFLA_BRPORT_STATE, state);
        r.attr_u16(IFLA_BRPORT_PRIORITY, 32);
        r.attr_u32(IFLA_BRPORT_COST, 2);
        r.attr_u8(IFLA_BRPORT_MODE, 1);
        r.attr_u8(IFLA_BRPORT_MULTICAST_ROUTER, 1);
        r.attr_u32(IFLA_BRPORT_BACKUP_PORT, 9);
        r.nest_end(n);
        r
    }

    fn render(mode: Mode, req: &Req, details: bool, names: &mut LinkNames) -> String {
        let buf = Buf::default();
        {
            let mut p = Printer::new(Box::new(buf.clone()), mode);
            p.new_json_obj();
            for m in msgs(req.bytes()) {
                print_linkinfo(&mut p, names, Headers::default(), &m, 0, details);
            }
            p.delete_json_obj();
            let _ = p.flush();
        }
        let v = buf.0.borrow().clone();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn text_line_and_details() {
        let mut names = LinkNames::new();
        names.offline = true;
        let req = port_msg(4, IFF_UP | IFF_BROADCAST | IFF_MULTICAST, 7, Some(5));
        let s = render(Mode::default(), &req, false, &mut names);
        assert_eq!(
            s,
            "4: veth0@if5: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 master if3 state (7) priority 32 cost 2 \n"
        );
        let s = render(Mode { oneline: true, ..Mode::default() }, &req, true, &mut names);
        assert!(s.ends_with("cost 2 \\    hairpin on mcast_router 1 backup_port if9 \n"), "{}", s);
    }

    #[test]
    fn json() {
        let mut names = LinkNames::new();
        names.offline = true;
        let req = port_msg(4, IFF_UP | IFF_RUNNING, 3, None);
        let s = render(Mode { json: true, ..Mode::default() }, &req, false, &mut names);
        assert_eq!(
            s,
            "[{\"ifindex\":4,\"ifname\":\"veth0\",\"flags\":[\"UP\"],\"mtu\":1500,\"master\":\"if3\",\"state\":\"forwarding\",\"priority\":32,\"cost\":2}]\n"
        );
    }

    #[test]
    fn malformed_messages_do_not_panic() {
        let mut names = LinkNames::new();
        names.offline = true;
        let req = port_msg(4, 0, 1, Some(0));
        let bytes = req.bytes().to_vec();
        for cut in 16..bytes.len() {
            let mut b = bytes[..cut].to_vec();
            let n = b.len() as u32;
            b[0..4].copy_from_slice(&n.to_ne_bytes());
            let mut p = Printer::new(Box::new(Buf::default()), Mode::default());
            for m in msgs(&b) {
                print_linkinfo(&mut p, &mut names, Headers::default(), &m, 0, true);
            }
        }
    }
}
