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

use crate::args::keywords::Words;
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::Res;
use crate::netlink::Req;

pub mod veth;

/// parse_opt: `args` holds everything after `type KIND`; options are
/// appended to `req` inside the INFO_DATA nest the caller opened.
/// Returns 0, or the exit status of a failed parse.
pub type ParseFn = fn(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, hooks: &Hooks) -> Res<i32>;

/// The link parser reads a veth peer: the generic options (`name`,
/// `address`, `mtu`, ...) as one ifinfomsg plus attributes appended to
/// `req`. Returns 0, or the exit status of a failed parse.
pub type PeerFn = fn(ctx: &mut Ctx, args: &mut Args, req: &mut Req) -> Res<i32>;

/// What a kind parser may call back into: the front end that runs it
/// (`ip link`) passes these, so the kinds never import it.
pub struct Hooks {
    pub peer: PeerFn,
}
/// print_opt: prints the kind's data (the IFLA_INFO_DATA or
/// IFLA_INFO_SLAVE_DATA payload) through ctx.p.
pub type PrintFn = fn(ctx: &mut Ctx, kind: &str, data: &[u8]);
/// print_help: the kind's help text.
pub type HelpFn = fn(kind: &str, out: &mut dyn std::io::Write);

pub struct Kind {
    pub id: &'static str,
    /// iproute2's link_util for this id has a parse_opt. A kind without one
    /// takes no options (`ip link add ... type dummy WORDS` sends an empty
    /// data nest); one with a parse_opt rip lacks (`parse: None`) rejects
    /// them as garbage.
    pub has_opts: bool,
    pub parse: Option<ParseFn>,
    pub print: Option<PrintFn>,
    pub help: Option<HelpFn>,
}

/// The one kind table: every link_util id iproute2 6.1.0 resolves
/// (get_link_kind()), with rip's parser, printer and help for it. Slave
/// kinds have ids ending in "_slave".
pub static KINDS: &[Kind] = &[
    Kind { id: "veth", has_opts: true, parse: Some(veth::parse), print: None, help: Some(veth::help) },
    Kind {
        id: "bridge",
        has_opts: true,
        parse: Some(bridge::parse),
        print: Some(bridge::print),
        help: Some(bridge::help),
    },
    Kind {
        id: "bridge_slave",
        has_opts: true,
        parse: Some(bridge_slave::parse),
        print: Some(bridge_slave::print),
        help: Some(bridge_slave::help),
    },
    Kind {
        id: "macvlan",
        has_opts: true,
        parse: Some(macvlan::parse),
        print: Some(macvlan::print),
        help: Some(macvlan::help),
    },
    Kind {
        id: "macvtap",
        has_opts: true,
        parse: Some(macvlan::parse),
        print: Some(macvlan::print),
        help: Some(macvlan::help),
    },
    Kind {
        id: "ipvlan",
        has_opts: true,
        parse: Some(ipvlan::parse),
        print: Some(ipvlan::print),
        help: Some(ipvlan::help),
    },
    Kind {
        id: "ipvtap",
        has_opts: true,
        parse: Some(ipvlan::parse),
        print: Some(ipvlan::print),
        help: Some(ipvlan::help),
    },
    Kind { id: "vxlan", has_opts: true, parse: Some(vxlan::parse), print: Some(vxlan::print), help: Some(vxlan::help) },
    Kind { id: "tun", has_opts: false, parse: None, print: Some(tun::print), help: None },
    Kind { id: "vlan", has_opts: true, parse: Some(vlan::parse), print: Some(vlan::print), help: Some(vlan::help) },
    Kind { id: "vrf", has_opts: true, parse: Some(vrf::parse), print: Some(vrf::print), help: Some(vrf::help) },
    Kind { id: "vrf_slave", has_opts: false, parse: None, print: Some(vrf::slave_print), help: None },
    Kind { id: "bond", has_opts: true, parse: Some(bond::parse), print: None, help: Some(bond::help) },
    Kind {
        id: "bond_slave",
        has_opts: true,
        parse: Some(bond::slave_parse),
        print: None,
        help: Some(bond::slave_help),
    },
    Kind { id: "geneve", has_opts: true, parse: Some(geneve::parse), print: None, help: Some(geneve::help) },
    Kind { id: "ipip", has_opts: true, parse: Some(iptnl::parse), print: None, help: Some(iptnl::help) },
    Kind { id: "sit", has_opts: true, parse: Some(iptnl::parse), print: None, help: Some(iptnl::help) },
    Kind { id: "gre", has_opts: true, parse: Some(gre::parse), print: None, help: Some(gre::help) },
    Kind { id: "gretap", has_opts: true, parse: Some(gre::parse), print: None, help: Some(gre::help) },
    Kind { id: "erspan", has_opts: true, parse: Some(gre::parse), print: None, help: Some(gre::help) },
    Kind { id: "vti", has_opts: true, parse: Some(vti::vti_parse), print: None, help: Some(vti::vti_help) },
    Kind { id: "vti6", has_opts: true, parse: Some(vti::vti_parse), print: None, help: Some(vti::vti_help) },
    Kind { id: "xfrm", has_opts: true, parse: Some(vti::xfrm_parse), print: None, help: Some(vti::xfrm_help) },
    Kind { id: "ip6tnl", has_opts: true, parse: Some(iptnl::ip6_parse), print: None, help: Some(iptnl::ip6_help) },
    Kind { id: "ip6gre", has_opts: true, parse: Some(gre::parse6), print: None, help: Some(gre::help6) },
    Kind { id: "ip6gretap", has_opts: true, parse: Some(gre::parse6), print: None, help: Some(gre::help6) },
    Kind { id: "ip6erspan", has_opts: true, parse: Some(gre::parse6), print: None, help: Some(gre::help6) },
    Kind {
        id: "bareudp",
        has_opts: true,
        parse: Some(misc::bareudp_parse),
        print: None,
        help: Some(misc::bareudp_help),
    },
    Kind { id: "amt", has_opts: true, parse: Some(misc::amt_parse), print: None, help: Some(misc::amt_help) },
    Kind { id: "hsr", has_opts: true, parse: Some(misc::hsr_parse), print: None, help: Some(misc::hsr_help) },
    Kind { id: "gtp", has_opts: true, parse: Some(misc::gtp_parse), print: None, help: Some(misc::gtp_help) },
    Kind { id: "ipoib", has_opts: true, parse: Some(misc::ipoib_parse), print: None, help: Some(misc::ipoib_help) },
    Kind { id: "macsec", has_opts: true, parse: Some(macsec::parse), print: None, help: Some(macsec::help) },
    Kind { id: "can", has_opts: true, parse: Some(can::parse), print: None, help: Some(can::help) },
    Kind { id: "dummy", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "ifb", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "nlmon", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "vcan", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "netdevsim", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "team", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "team_slave", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "virt_wifi", has_opts: false, parse: None, print: None, help: Some(misc::plain_help) },
    Kind { id: "batadv", has_opts: true, parse: Some(misc::batadv_parse), print: None, help: Some(misc::batadv_help) },
    Kind {
        id: "dsa",
        has_opts: true,
        parse: Some(misc::dsa_parse),
        print: Some(misc::dsa_print),
        help: Some(misc::dsa_help),
    },
    Kind {
        id: "rmnet",
        has_opts: true,
        parse: Some(misc::rmnet_parse),
        print: Some(misc::rmnet_print),
        help: Some(misc::rmnet_help),
    },
    // iplink_vxcan.c is link_veth.c with another name.
    Kind { id: "vxcan", has_opts: true, parse: Some(veth::parse), print: None, help: Some(veth::help) },
    Kind {
        id: "wwan",
        has_opts: true,
        parse: Some(misc::wwan_parse),
        print: Some(misc::wwan_print),
        help: Some(misc::wwan_help),
    },
];

pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// The kind names `ip link ... type KIND` takes: the ids of KINDS.
pub struct KindNames;

impl Words for KindNames {
    fn path(&self) -> &'static str {
        "ip link type"
    }

    fn words(&self) -> Vec<&'static str> {
        KINDS.iter().map(|k| k.id).collect()
    }
}

/// The kind names, then each kind's option table ("ip link type KIND";
/// kinds that share a parser share its table, named for the first).
pub static KEYWORDS: &[&dyn Words] = &[
    &KindNames,
    &veth::OPTS,
    &bridge::OPTS,
    &bridge_slave::OPTS,
    &macvlan::OPTS,
    &macvlan::MODES,
    &macvlan::FLAGS,
    &ipvlan::OPTS,
    &ipvlan::MODES,
    &vxlan::OPTS,
    &vlan::OPTS,
    &vrf::OPTS,
    &bond::OPTS,
    &bond::SLAVE_OPTS,
    &bond::MODE_TBL,
    &bond::ARP_VALIDATE_TBL,
    &bond::ARP_ALL_TARGETS_TBL,
    &bond::PRIMARY_RESELECT_TBL,
    &bond::FAIL_OVER_MAC_TBL,
    &bond::XMIT_HASH_POLICY_TBL,
    &bond::LACP_ACTIVE_TBL,
    &bond::LACP_RATE_TBL,
    &bond::AD_SELECT_TBL,
    &geneve::OPTS,
    &iptnl::OPTS,
    &iptnl::MODES,
    &iptnl::ENCAP_TYPES,
    &gre::OPTS,
    &gre::ERSPAN_DIRS,
    &vti::OPTS,
    &vti::XFRM_OPTS,
    &iptnl::OPTS6,
    &iptnl::MODES6,
    &gre::OPTS6,
    &misc::BAREUDP_OPTS,
    &misc::AMT_OPTS,
    &misc::AMT_MODES,
    &misc::HSR_OPTS,
    &misc::GTP_OPTS,
    &misc::GTP_ROLES,
    &misc::IPOIB_OPTS,
    &misc::IPOIB_MODES,
    &macsec::OPTS,
    &macsec::CIPHERS,
    &macsec::VALIDATE,
    &macsec::OFFLOAD,
    &can::OPTS,
    &can::TDC_MODES,
    &misc::BATADV_OPTS,
    &misc::DSA_OPTS,
    &misc::RMNET_OPTS,
    &misc::WWAN_OPTS,
    &bridge::XSTATS_OPTS,
];

/// A known kind id (iproute2's get_link_kind() != NULL).
pub fn known(id: &str) -> bool {
    find(id).is_some()
}

/// Hooks for tests that run a kind parser alone: no veth peer parser.
#[cfg(test)]
pub static NO_HOOKS: Hooks = Hooks { peer: |_, _, _| Ok(1) };

#[cfg(test)]
mod keyword_tests {
    use super::*;

    /// One table per path, each with words; every kind with a parser is
    /// named by some table's path (its own or the kind it shares with).
    #[test]
    fn one_table_per_path() {
        let mut paths: Vec<&str> = KEYWORDS.iter().map(|t| t.path()).collect();
        assert!(KEYWORDS.iter().all(|t| !t.words().is_empty()));
        paths.sort();
        let n = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), n);
        assert!(KindNames.words().contains(&"vxcan"));
    }
}
