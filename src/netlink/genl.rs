//! Generic netlink (lib/libgenl.c of iproute2 6.1.0): the request header
//! and genl_init_handle(), which opens a NETLINK_GENERIC socket and asks the
//! controller for a family's id, with iproute2's messages on failure.

use super::attr::{get_u16, msgs};
use super::consts::*;
use super::{Req, Rtnl, Tb};
use crate::error::eprint_raw;

// linux/genetlink.h
pub const GENL_ID_CTRL: u16 = 0x10;
pub const CTRL_CMD_NEWFAMILY: u8 = 1;
pub const CTRL_CMD_GETFAMILY: u8 = 3;
pub const CTRL_ATTR_FAMILY_ID: u16 = 1;
pub const CTRL_ATTR_FAMILY_NAME: u16 = 2;
pub const CTRL_ATTR_MAX: usize = 10;
pub const GENL_HDRLEN: usize = 4;

/// A generic netlink request: nlmsghdr, genlmsghdr (cmd, version).
pub fn request(family: u16, cmd: u8, version: u8, flags: u16) -> Req {
    Req::new(family, flags, &[cmd, version, 0, 0])
}

/// genl_init_handle(): the socket and the family's id; messages and None
/// on failure.
pub fn init(replay: bool, rcvbuf: u32, name: &str) -> Option<(Rtnl, u16)> {
    let opened = if replay { None } else { Rtnl::open_generic(rcvbuf).ok() };
    let Some(mut g) = opened else {
        eprint_raw("Cannot open generic netlink socket\n");
        return None;
    };
    let mut req = request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0, NLM_F_REQUEST);
    req.attr_str(CTRL_ATTR_FAMILY_NAME, name);
    let Ok(answer) = g.talk_answer(&mut req) else {
        eprint_raw("Error talking to the kernel\n");
        return None;
    };
    let m = msgs(&answer).next()?;
    if m.ty != GENL_ID_CTRL {
        eprint_raw(&format!("Not a controller message, nlmsg_len={} nlmsg_type=0x{:x}\n", m.raw.len(), m.ty));
        return None;
    }
    let Some(attrs) = m.payload.get(GENL_HDRLEN..) else {
        eprint_raw(&format!("wrong controller message len {}\n", m.payload.len() as i64 - GENL_HDRLEN as i64));
        return None;
    };
    let cmd = m.payload.first().copied().unwrap_or(0);
    if cmd != CTRL_CMD_NEWFAMILY {
        eprint_raw(&format!("Unknown controller command {}\n", cmd));
        return None;
    }
    let tb = Tb::parse(attrs, CTRL_ATTR_MAX);
    let Some(id) = tb.get(CTRL_ATTR_FAMILY_ID).and_then(get_u16) else {
        eprint_raw("Missing family id TLV\n");
        return None;
    };
    Some((g, id))
}

