//! The parts of an RTM_NEWLINK request that the link parser and the
//! command builders share: the ifinfomsg fields and what a parse ended with.

use crate::netlink::Req;

/// Offset of the ifinfomsg in a request (after the nlmsghdr).
pub const IFI_OFF: usize = 16;

/// The ifinfomsg fields iplink_parse() changes: flags, change mask, index.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ifi {
    pub flags: u32,
    pub change: u32,
    pub index: i32,
}

impl Ifi {
    /// Reads the fields of the ifinfomsg at `off` in `req`.
    pub fn read(req: &Req, off: usize) -> Ifi {
        let b = &req.buf;
        let rd = |o: usize| -> u32 {
            b.get(off + o..off + o + 4).and_then(|s| s.try_into().ok()).map(u32::from_ne_bytes).unwrap_or(0)
        };
        Ifi { index: rd(4) as i32, flags: rd(8), change: rd(12) }
    }

    /// Writes the fields into the ifinfomsg at `off` in `req`.
    pub fn write(&self, req: &mut Req, off: usize) {
        let b = &mut req.buf;
        if b.len() < off + 16 {
            return;
        }
        b[off + 4..off + 8].copy_from_slice(&self.index.to_ne_bytes());
        b[off + 8..off + 12].copy_from_slice(&self.flags.to_ne_bytes());
        b[off + 12..off + 16].copy_from_slice(&self.change.to_ne_bytes());
    }
}

/// Appends `n` zero bytes to the request (C's `n->nlmsg_len += ...` on a
/// zeroed buffer).
pub fn reserve(req: &mut Req, n: usize) {
    req.buf.extend(std::iter::repeat_n(0u8, n));
    let len = req.buf.len() as u32;
    req.buf[0..4].copy_from_slice(&len.to_ne_bytes());
}

/// What iplink_parse() ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Parsed; `kind` is the word after `type` (the cursor is after it).
    Done { kind: Option<String> },
    /// A parse error already printed; the C return value (-1, or -22
    /// from parse_on_off()).
    Failed(i32),
}
