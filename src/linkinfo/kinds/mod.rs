//! Link kinds as plug-ins, like iproute2's `struct link_util`: each kind
//! has a parser for `type KIND ARGS...` (filling IFLA_INFO_DATA or
//! IFLA_INFO_SLAVE_DATA), a printer for `-d` output and JSON `info_data`,
//! and its help text. Looked up by exact id.

pub mod bond;
pub mod bridge;
pub mod bridge_slave;
pub mod can;
pub mod common;
pub mod geneve;
pub mod gre;
pub mod iptnl;
pub mod ipvlan;
pub mod macsec;
pub mod macvlan;
pub mod misc;
pub mod tun;
pub mod vlan;
pub mod vrf;
pub mod vti;
pub mod vxlan;

use crate::args::Args;
use crate::error::Res;
use crate::ctx::Ctx;
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
    Kind { id: "vlan", parse: Some(vlan::parse), print: Some(vlan::print), help: Some(vlan::help) },
    Kind { id: "vrf", parse: Some(vrf::parse), print: Some(vrf::print), help: Some(vrf::help) },
    Kind { id: "vrf_slave", parse: None, print: Some(vrf::slave_print), help: None },
    Kind { id: "bond", parse: Some(bond::parse), print: None, help: Some(bond::help) },
    Kind { id: "bond_slave", parse: Some(bond::slave_parse), print: None, help: Some(bond::slave_help) },
    Kind { id: "geneve", parse: Some(geneve::parse), print: None, help: Some(geneve::help) },
    Kind { id: "ipip", parse: Some(iptnl::parse), print: None, help: Some(iptnl::help) },
    Kind { id: "sit", parse: Some(iptnl::parse), print: None, help: Some(iptnl::help) },
    Kind { id: "gre", parse: Some(gre::parse), print: None, help: Some(gre::help) },
    Kind { id: "gretap", parse: Some(gre::parse), print: None, help: Some(gre::help) },
    Kind { id: "erspan", parse: Some(gre::parse), print: None, help: Some(gre::help) },
    Kind { id: "vti", parse: Some(vti::vti_parse), print: None, help: Some(vti::vti_help) },
    Kind { id: "vti6", parse: Some(vti::vti_parse), print: None, help: Some(vti::vti_help) },
    Kind { id: "xfrm", parse: Some(vti::xfrm_parse), print: None, help: Some(vti::xfrm_help) },
    Kind { id: "ip6tnl", parse: Some(iptnl::ip6_parse), print: None, help: Some(iptnl::ip6_help) },
    Kind { id: "ip6gre", parse: Some(gre::parse6), print: None, help: Some(gre::help6) },
    Kind { id: "ip6gretap", parse: Some(gre::parse6), print: None, help: Some(gre::help6) },
    Kind { id: "ip6erspan", parse: Some(gre::parse6), print: None, help: Some(gre::help6) },
    Kind { id: "bareudp", parse: Some(misc::bareudp_parse), print: None, help: Some(misc::bareudp_help) },
    Kind { id: "amt", parse: Some(misc::amt_parse), print: None, help: Some(misc::amt_help) },
    Kind { id: "hsr", parse: Some(misc::hsr_parse), print: None, help: Some(misc::hsr_help) },
    Kind { id: "gtp", parse: Some(misc::gtp_parse), print: None, help: Some(misc::gtp_help) },
    Kind { id: "ipoib", parse: Some(misc::ipoib_parse), print: None, help: Some(misc::ipoib_help) },
    Kind { id: "macsec", parse: Some(macsec::parse), print: None, help: Some(macsec::help) },
    Kind { id: "can", parse: Some(can::parse), print: None, help: Some(can::help) },
    Kind { id: "dummy", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "ifb", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "nlmon", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "vcan", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "netdevsim", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "team", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "team_slave", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "virt_wifi", parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "batadv", parse: Some(misc::batadv_parse), print: None, help: Some(misc::batadv_help) },
    Kind { id: "dsa", parse: Some(misc::dsa_parse), print: Some(misc::dsa_print), help: Some(misc::dsa_help) },
    Kind { id: "rmnet", parse: Some(misc::rmnet_parse), print: Some(misc::rmnet_print), help: Some(misc::rmnet_help) },
    Kind { id: "wwan", parse: Some(misc::wwan_parse), print: Some(misc::wwan_print), help: Some(misc::wwan_help) },
];

pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}
