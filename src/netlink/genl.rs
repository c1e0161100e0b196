//! Generic netlink as lib/libgenl.c does it: a NETLINK_GENERIC handle, a
//! family's id resolved by name through the controller, its multicast
//! groups, and requests with a genlmsghdr (cmd, version).

use super::attr::{attrs, get_u16, get_u32, msgs};
use super::consts::NLM_F_REQUEST;
use super::{Req, Rtnl, Tb};
use crate::error::eprint_raw;

pub const GENL_ID_CTRL: u16 = 0x10;
pub const GENL_HDRLEN: usize = 4;
pub const CTRL_CMD_NEWFAMILY: u8 = 1;
pub const CTRL_CMD_GETFAMILY: u8 = 3;
pub const CTRL_ATTR_FAMILY_ID: u16 = 1;
pub const CTRL_ATTR_FAMILY_NAME: u16 = 2;
pub const CTRL_ATTR_MCAST_GROUPS: u16 = 7;
pub const CTRL_ATTR_MAX: usize = 10;
pub const CTRL_ATTR_MCAST_GRP_NAME: u16 = 1;
pub const CTRL_ATTR_MCAST_GRP_ID: u16 = 2;

/// GENL_REQUEST(): nlmsghdr, then genlmsghdr (cmd, version).
pub fn request(family: u16, cmd: u8, version: u8, flags: u16) -> Req {
    Req::new(family, flags, &[cmd, version, 0, 0])
}

/// The attributes after a generic netlink message's genlmsghdr (None when
/// the message is shorter than one) and its command.
pub fn payload<'a>(m: &super::Msg<'a>) -> Option<(u8, &'a [u8])> {
    Some((*m.payload.first()?, m.payload.get(GENL_HDRLEN..)?))
}

/// genl_init_handle(): the socket and the family's id; the messages of
/// libgenl.c and None on failure. A replay has no generic socket.
pub fn init(rcvbuf: u32, replay: bool, name: &str) -> Option<(Rtnl, u16)> {
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

/// genl_add_mcast_grp(): joins the family's multicast group `group`.
/// Err(errno) (0 when a message was printed and errno is unknown).
pub fn add_mcast_grp(g: &mut Rtnl, family: u16, group: &str) -> Result<(), i32> {
    let mut req = request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0, NLM_F_REQUEST);
    req.attr_u16(CTRL_ATTR_FAMILY_ID, family);
    let Ok(answer) = g.talk_answer(&mut req) else {
        eprint_raw("Error talking to the kernel\n");
        return Err(0);
    };
    let Some(m) = msgs(&answer).next() else { return Err(libc::EINVAL) };
    if m.ty != GENL_ID_CTRL {
        return Err(libc::EINVAL);
    }
    let Some(a) = m.payload.get(GENL_HDRLEN..) else { return Err(libc::EINVAL) };
    let tb = Tb::parse(a, CTRL_ATTR_MAX);
    let Some(groups) = tb.get(CTRL_ATTR_MCAST_GROUPS) else {
        eprint_raw("Missing mcast groups TLV\n");
        return Err(libc::ENOENT);
    };
    for (_, grp) in attrs(groups) {
        let t = Tb::parse(grp, 2);
        let (Some(name), Some(id)) = (t.str(CTRL_ATTR_MCAST_GRP_NAME), t.get(CTRL_ATTR_MCAST_GRP_ID).and_then(get_u32))
        else {
            continue;
        };
        if name == group {
            return if g.add_membership(id) {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
            };
        }
    }
    Err(libc::ENOENT)
}
