//! ifindex ↔ name, as iproute2's lib/ll_map.c: a cache filled from link
//! dumps, with an RTM_GETLINK lookup on a miss, and "if%u" as last resort.
//! Also netnsid → name from /run/netns (for `link-netns NAME`).

use std::collections::HashMap;

use crate::netlink::attr::{Req, Tb};
use crate::netlink::consts::*;
use crate::netlink::{msgs, Rtnl};

#[derive(Default)]
pub struct LinkNames {
    by_index: HashMap<u32, Entry>,
    /// Lookups by index fall back to the kernel unless this is set
    /// (replaying a recording that holds every link).
    pub offline: bool,
    /// ll_init_map() has filled the cache with every link.
    pub loaded: bool,
}

#[derive(Clone)]
pub struct Entry {
    pub name: String,
    pub ltype: u16,
    pub flags: u32,
    pub addr: Vec<u8>,
}

impl LinkNames {
    pub fn new() -> LinkNames {
        LinkNames::default()
    }

    /// ll_remember_index(): records a link message's index and name.
    pub fn remember(&mut self, payload: &[u8]) {
        let Some((_, ltype, index, flags, _)) = ifinfo(payload) else { return };
        let tb = Tb::parse(&payload[IFINFOMSG_LEN..], IFLA_MAX);
        let Some(name) = tb.str(IFLA_IFNAME) else { return };
        let addr = tb.get(IFLA_ADDRESS).map(|a| a.to_vec()).unwrap_or_default();
        self.by_index.insert(index as u32, Entry { name: name.to_string(), ltype, flags, addr });
    }

    /// ll_remember_index() of an RTM_DELLINK: the index is forgotten.
    pub fn forget(&mut self, payload: &[u8]) {
        if let Some((_, _, index, _, _)) = ifinfo(payload) {
            self.by_index.remove(&(index as u32));
        }
    }

    /// Remembers every link of a stored dump.
    pub fn remember_all(&mut self, datagrams: &[Vec<u8>]) {
        for d in datagrams {
            for m in msgs(d) {
                if m.ty == RTM_NEWLINK {
                    self.remember(m.payload);
                }
            }
        }
    }

    pub fn get(&self, index: u32) -> Option<&Entry> {
        self.by_index.get(&index)
    }

    /// ll_index_to_name(): "*" for 0, the cached name, a kernel lookup, or "if%u".
    pub fn name(&mut self, rtnl: Option<&mut Rtnl>, index: u32) -> String {
        if index == 0 {
            return "*".into();
        }
        if let Some(e) = self.by_index.get(&index) {
            return e.name.clone();
        }
        if !self.offline {
            if let Some(r) = rtnl {
                if self.link_get(r, None, index as i32) == index {
                    if let Some(e) = self.by_index.get(&index) {
                        return e.name.clone();
                    }
                }
            }
        }
        format!("if{}", index)
    }

    /// ll_index_to_name() while the caller's socket is busy with a dump:
    /// the cache, else a lookup on a socket of its own (as ll_link_get()
    /// opens one), else "if%u".
    pub fn name_own_socket(&mut self, index: u32) -> String {
        if index == 0 || self.get(index).is_some() || self.offline {
            return self.name(None, index);
        }
        match Rtnl::open(1024 * 1024, false) {
            Ok(mut r) => self.name(Some(&mut r), index),
            Err(_) => self.name(None, index),
        }
    }

    /// ll_name_to_index(): the cache, the kernel (names and altnames),
    /// if_nametoindex(), then "ifN".
    pub fn index(&mut self, rtnl: &mut Rtnl, name: &str) -> u32 {
        if let Some((i, _)) = self.by_index.iter().find(|(_, e)| e.name == name) {
            return *i;
        }
        let idx = self.link_get(rtnl, Some(name), 0);
        if idx != 0 {
            return idx;
        }
        // if_nametoindex(): SIOCGIFINDEX, where the kernel cuts the name at
        // its ':', so an alias label "br0:1" finds br0.
        // (glibc's answers ENODEV for a name of IFNAMSIZ or more bytes.)
        if crate::args::bytes::len(name) < 16 {
            if let Ok(idx) = crate::sys::bridge::if_nametoindex(&crate::args::bytes::unescape(name)) {
                return idx;
            }
        }
        // ll_idx_a2n(): sscanf(name, "if%u")
        if !name.starts_with("if") {
            return 0;
        }
        crate::args::num::scanf_if_index(name.as_bytes()).unwrap_or(0)
    }

    /// ll_link_get(): RTM_GETLINK by name or index, errors not printed.
    fn link_get(&mut self, rtnl: &mut Rtnl, name: Option<&str>, index: i32) -> u32 {
        // ll_link_get()'s request struct is the size of a struct iplink_req.
        let mut req = Req::bounded(
            RTM_GETLINK,
            NLM_F_REQUEST,
            &ifinfomsg(0, index, 0, 0),
            crate::netlink::attr::bound::IPLINK_REQ,
        );
        req.attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
        if let Some(n) = name {
            let ty = if check_ifname(n) { IFLA_IFNAME } else { IFLA_ALT_IFNAME };
            req.attr_str(ty, n);
        }
        match rtnl.talk_answer_quiet(&mut req) {
            Ok(ans) => {
                for m in msgs(&ans) {
                    if m.ty == RTM_NEWLINK {
                        self.remember(m.payload);
                        if let Some((_, _, idx, _, _)) = ifinfo(m.payload) {
                            return idx as u32;
                        }
                    }
                }
                0
            }
            Err(_) => 0,
        }
    }
}

/// check_ifname() of lib/utils.c: 1-15 bytes, no '/' and no blanks.
pub fn check_ifname(name: &str) -> bool {
    crate::args::bytes::len(name) < 16 && check_altifname(name)
}

/// check_altifname(): non-empty, no '/' and no blanks (C isspace).
pub fn check_altifname(name: &str) -> bool {
    !name.is_empty() && !name.bytes().any(|c| c == b'/' || matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
}

/// The /run/netns name whose nsid (in the current namespace) is `nsid`.
/// iproute2 asks the kernel for each file's id (RTM_GETNSID by fd).
pub fn netns_name_of_id(rtnl: &mut Rtnl, nsid: i32) -> Option<String> {
    use std::os::fd::AsRawFd;
    let dir = std::fs::read_dir(crate::sys::namespace::NETNS_RUN_DIR).ok()?;
    for e in dir.flatten() {
        let name = crate::args::bytes::escape_os(e.file_name());
        if name == "." || name == ".." {
            continue;
        }
        let Ok(f) = std::fs::File::open(e.path()) else { continue };
        if get_netnsid_from_fd(rtnl, f.as_raw_fd()) == Some(nsid) {
            return Some(name);
        }
    }
    None
}

/// RTM_GETNSID for an fd: the nsid, or None (-1 means unassigned).
pub fn get_netnsid_from_fd(rtnl: &mut Rtnl, fd: i32) -> Option<i32> {
    let mut hdr = [0u8; 4];
    hdr[0] = AF_UNSPEC;
    let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST, &hdr);
    req.attr_u32(NETNSA_FD, fd as u32);
    let ans = rtnl.talk_answer_quiet(&mut req).ok()?;
    for m in msgs(&ans) {
        if m.ty == RTM_NEWNSID {
            let tb = Tb::parse(m.payload.get(4..)?, NETNSA_MAX);
            return tb.i32(NETNSA_NSID);
        }
    }
    None
}
