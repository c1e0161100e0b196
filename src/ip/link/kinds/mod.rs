//! Link kinds as plug-ins, like iproute2's `struct link_util`: each kind
//! has a parser for `type KIND ARGS...` (filling IFLA_INFO_DATA or
//! IFLA_INFO_SLAVE_DATA), a printer for `-d` output and JSON `info_data`,
//! and its help text. Looked up by exact id.

pub mod bridge;
pub mod bridge_slave;
pub mod common;
pub mod ipvlan;
pub mod macvlan;
pub mod tun;
pub mod vxlan;

use crate::cli::Args;
use crate::error::Res;
use crate::ip::Ctx;
use crate::netlink::Req;

pub mod veth;

/// parse_opt: `args` holds everything after `type KIND`; options are
/// appended to `req` inside the INFO_DATA nest the caller opened.
/// Returns 0, or the exit status of a failed parse.
pub type ParseFn = fn(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req) -> Res<i32>;
/// print_opt: prints the kind's data (the IFLA_INFO_DATA or
/// IFLA_INFO_SLAVE_DATA payload) through ctx.p.
pub type PrintFn = fn(ctx: &mut Ctx, kind: &str, data: &[u8]);
/// print_help: the kind's help text.
pub type HelpFn = fn(kind: &str, out: &mut dyn std::io::Write);

pub struct Kind {
    pub id: &'static str,
    pub parse: Option<ParseFn>,
    pub print: Option<PrintFn>,
    pub help: Option<HelpFn>,
}

/// Every kind rip knows. Slave kinds have ids ending in "_slave".
pub static KINDS: &[Kind] = &[
    Kind { id: "veth", parse: Some(veth::parse), print: None, help: Some(veth::help) },
    Kind { id: "bridge", parse: Some(bridge::parse), print: Some(bridge::print), help: Some(bridge::help) },
    Kind {
        id: "bridge_slave",
        parse: Some(bridge_slave::parse),
        print: Some(bridge_slave::print),
        help: Some(bridge_slave::help),
    },
    Kind { id: "macvlan", parse: Some(macvlan::parse), print: Some(macvlan::print), help: Some(macvlan::help) },
    Kind { id: "macvtap", parse: Some(macvlan::parse), print: Some(macvlan::print), help: Some(macvlan::help) },
    Kind { id: "ipvlan", parse: Some(ipvlan::parse), print: Some(ipvlan::print), help: Some(ipvlan::help) },
    Kind { id: "ipvtap", parse: Some(ipvlan::parse), print: Some(ipvlan::print), help: Some(ipvlan::help) },
    Kind { id: "vxlan", parse: Some(vxlan::parse), print: Some(vxlan::print), help: Some(vxlan::help) },
    Kind { id: "tun", parse: None, print: Some(tun::print), help: None },
];

pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}
