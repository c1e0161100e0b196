//! What a listing selects: iproute2's `struct link_filter` of ipaddress.c
//! (read by the listing, and by print_linkinfo for its link-only checks),
//! and the address flags (ifa_flag_data[]) it and `ip address add` share.

use crate::inet::InetPrefix;

pub const IFA_F_SECONDARY: u32 = 0x01;
pub const IFA_F_NODAD: u32 = 0x02;
pub const IFA_F_OPTIMISTIC: u32 = 0x04;
pub const IFA_F_DADFAILED: u32 = 0x08;
pub const IFA_F_HOMEADDRESS: u32 = 0x10;
pub const IFA_F_DEPRECATED: u32 = 0x20;
pub const IFA_F_TENTATIVE: u32 = 0x40;
pub const IFA_F_PERMANENT: u32 = 0x80;
pub const IFA_F_MANAGETEMPADDR: u32 = 0x100;
pub const IFA_F_NOPREFIXROUTE: u32 = 0x200;
pub const IFA_F_MCAUTOJOIN: u32 = 0x400;
pub const IFA_F_STABLE_PRIVACY: u32 = 0x800;

/// The lifetime that means "forever".
pub const INFINITY_LIFE_TIME: u32 = 0xffff_ffff;

/// The magic number `ip address save` writes before the messages (and
/// `ip address restore|showdump` expect).
pub const IPADD_DUMP_MAGIC: u32 = 0x4736_1222;

/// One address flag word (ifa_flag_data[] of ipaddress.c): its name, mask,
/// whether userspace may set it, whether it is for IPv6 only. The order is
/// the order flags are printed in.
pub struct IfaFlag {
    pub name: &'static str,
    pub mask: u32,
    pub readonly: bool,
    pub v6only: bool,
}

pub const IFA_FLAG_DATA: &[IfaFlag] = &[
    IfaFlag { name: "secondary", mask: IFA_F_SECONDARY, readonly: true, v6only: false },
    IfaFlag { name: "temporary", mask: IFA_F_SECONDARY, readonly: true, v6only: false },
    IfaFlag { name: "nodad", mask: IFA_F_NODAD, readonly: false, v6only: true },
    IfaFlag { name: "optimistic", mask: IFA_F_OPTIMISTIC, readonly: false, v6only: true },
    IfaFlag { name: "dadfailed", mask: IFA_F_DADFAILED, readonly: true, v6only: true },
    IfaFlag { name: "home", mask: IFA_F_HOMEADDRESS, readonly: false, v6only: true },
    IfaFlag { name: "deprecated", mask: IFA_F_DEPRECATED, readonly: true, v6only: true },
    IfaFlag { name: "tentative", mask: IFA_F_TENTATIVE, readonly: true, v6only: true },
    IfaFlag { name: "permanent", mask: IFA_F_PERMANENT, readonly: true, v6only: true },
    IfaFlag { name: "mngtmpaddr", mask: IFA_F_MANAGETEMPADDR, readonly: false, v6only: true },
    IfaFlag { name: "noprefixroute", mask: IFA_F_NOPREFIXROUTE, readonly: false, v6only: false },
    IfaFlag { name: "autojoin", mask: IFA_F_MCAUTOJOIN, readonly: false, v6only: false },
    IfaFlag { name: "stable-privacy", mask: IFA_F_STABLE_PRIVACY, readonly: true, v6only: true },
];

/// iproute2's `struct link_filter` for this path.
#[derive(Debug, Clone)]
pub struct Filter {
    pub family: u8,
    pub ifindex: i32,
    pub up: bool,
    pub group: i32,
    pub master: i32,
    pub kind: Option<String>,
    pub slave_kind: Option<String>,
    pub scope: u8,
    pub scopemask: u8,
    pub flags: u32,
    pub flagmask: u32,
    pub label: Option<String>,
    pub pfx: Option<InetPrefix>,
    pub oneline: bool,
    pub flushing: bool,
    pub do_link: bool,
    /// filter.showqueue: print `qlen` (the listings; not `ip monitor`).
    pub showqueue: bool,
}

impl Filter {
    pub fn new(family: u8, oneline: bool, do_link: bool) -> Filter {
        Filter {
            family,
            ifindex: 0,
            up: false,
            group: -1,
            master: 0,
            kind: None,
            slave_kind: None,
            scope: 0,
            scopemask: 0,
            flags: 0,
            flagmask: 0,
            label: None,
            pfx: None,
            oneline,
            flushing: false,
            do_link,
            showqueue: true,
        }
    }

    /// get_filter(): a FLAG word; false when it is none.
    pub fn flag_word(&mut self, arg: &str) -> bool {
        let (mut inv, mut a) = match arg.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, arg),
        };
        if a == "dynamic" {
            inv = !inv;
            a = "permanent";
        } else if a == "primary" {
            inv = !inv;
            a = "secondary";
        }
        let Some(mask) = IFA_FLAG_DATA.iter().find(|f| f.name == a).map(|f| f.mask) else { return false };
        if inv {
            self.flags &= !mask;
        } else {
            self.flags |= mask;
        }
        self.flagmask |= mask;
        true
    }
}
