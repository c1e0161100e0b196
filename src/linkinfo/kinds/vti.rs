//! `type vti`, `vti6` (ip/link_vti.c, link_vti6.c) and `xfrm`
//! (ip/link_xfrm.c) options and help, 6.1.0. This kernel has none of them:
//! only the requests (checked against iproute2's bytes) and the texts are
//! provided. `ip link set` of vti/vti6 reads the device's data first.

use super::gre::parse_key;
use super::iptnl::existing_info_data;
use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, Res};
use crate::error::{invarg, missarg};
use crate::inet::{get_addr, get_addr_rta, InetPrefix};
use crate::netlink::attr::{get_u32, get_u8};
use crate::netlink::consts::*;
use crate::netlink::{Req, Tb};

const IFLA_VTI_LINK: u16 = 1;
const IFLA_VTI_IKEY: u16 = 2;
const IFLA_VTI_OKEY: u16 = 3;
const IFLA_VTI_LOCAL: u16 = 4;
const IFLA_VTI_REMOTE: u16 = 5;
const IFLA_VTI_FWMARK: u16 = 6;
const IFLA_VTI_MAX: usize = 6;

const IFLA_XFRM_LINK: u16 = 1;
const IFLA_XFRM_IF_ID: u16 = 2;
const IFLA_XFRM_COLLECT_METADATA: u16 = 3;

fn vti_help_text(kind: &str) -> String {
    let addr = if kind == "vti6" { "IPV6_ADDRESS" } else { "IP_ADDRESS" };
    format!(
        "Usage: ... {:<4}\t[ remote ADDR ]\n\
         \t\t[ local ADDR ]\n\
         \t\t[ [i|o]key KEY ]\n\
         \t\t[ dev PHYS_DEV ]\n\
         \t\t[ fwmark MARK ]\n\
         \n\
         Where:\tADDR := {{ {} }}\n\
         \tKEY  := {{ DOTTED_QUAD | NUMBER }}\n\
         \tMARK := {{ 0x0..0xffffffff }}\n",
        kind, addr
    )
}

pub fn vti_help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(vti_help_text(kind).as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Key,
    Ikey,
    Okey,
    Remote,
    Local,
    Dev,
    Fwmark,
}

/// The option words of `ip link type vti`, in the order the parser tests them.
pub static OPTS: Table<Opt> = Table::new(
    "ip link type vti",
    &[
        kw("key", Opt::Key),
        kw("ikey", Opt::Ikey),
        kw("okey", Opt::Okey),
        kw("remote", Opt::Remote),
        kw("local", Opt::Local),
        kw("dev", Opt::Dev),
        exact("fwmark", Opt::Fwmark),
    ],
);

pub fn vti_parse(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let fam = if kind == "vti6" { AF_INET6 } else { AF_INET };
    let (mut ikey, mut okey) = ([0u8; 4], [0u8; 4]);
    let (mut saddr, mut daddr) = (InetPrefix::default(), InetPrefix::default());
    let mut link: u32 = 0;
    let mut fwmark: u32 = 0;
    let (_, flags) = super::common::req_type_flags(req);
    if flags & NLM_F_CREATE == 0 {
        let mut ok = false;
        if let Some(d) = existing_info_data(ctx, req)? {
            let t = Tb::parse(&d, IFLA_VTI_MAX);
            let addr = |ty: u16| -> Result<Option<InetPrefix>, ()> {
                match t.get(ty) {
                    Some(x) => get_addr_rta(x, fam).ok().map(Some).ok_or(()),
                    None => Ok(None),
                }
            };
            if let (Ok(l), Ok(r)) = (addr(IFLA_VTI_LOCAL), addr(IFLA_VTI_REMOTE)) {
                ok = true;
                if let Some(a) = l {
                    saddr = a;
                }
                if let Some(a) = r {
                    daddr = a;
                }
                let raw4 = |ty| t.get(ty).and_then(|x| x.get(..4)).and_then(|x| <[u8; 4]>::try_from(x).ok());
                if let Some(k) = raw4(IFLA_VTI_IKEY) {
                    ikey = k;
                }
                if let Some(k) = raw4(IFLA_VTI_OKEY) {
                    okey = k;
                }
                // iproute2 reads the link index as a u8 here.
                if let Some(v) = t.get(IFLA_VTI_LINK).and_then(get_u8) {
                    link = u32::from(v);
                }
                if let Some(v) = t.get(IFLA_VTI_FWMARK).and_then(get_u32) {
                    fwmark = v;
                }
            }
        }
        if !ok {
            eprint_raw("Failed to get existing tunnel info.\n");
            return Ok(1);
        }
    }
    while let Some(w) = args.next() {
        let k = OPTS.find(&w);
        if k == Some(Opt::Key) {
            let v = args.value()?;
            ikey = parse_key("key", &v)?;
            okey = ikey;
        } else if k == Some(Opt::Ikey) {
            let v = args.value()?;
            ikey = parse_key("ikey", &v)?;
        } else if k == Some(Opt::Okey) {
            let v = args.value()?;
            okey = parse_key("okey", &v)?;
        } else if k == Some(Opt::Remote) {
            let v = args.value()?;
            daddr = get_addr(&v, fam)?;
        } else if k == Some(Opt::Local) {
            let v = args.value()?;
            saddr = get_addr(&v, fam)?;
        } else if k == Some(Opt::Dev) {
            let v = args.value()?;
            link = ctx.ifindex(&v);
            if link == 0 {
                return Err(crate::error::no_device(v));
            }
        } else if k == Some(Opt::Fwmark) {
            let v = args.value()?;
            fwmark = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("invalid fwmark\n", &v))?;
        } else {
            eprint_raw(&vti_help_text(kind));
            return Ok(1);
        }
    }
    req.attr(IFLA_VTI_IKEY, &ikey);
    req.attr(IFLA_VTI_OKEY, &okey);
    if saddr.is_inet_not_unspec() {
        req.attr(IFLA_VTI_LOCAL, saddr.bytes());
    }
    if daddr.is_inet_not_unspec() {
        req.attr(IFLA_VTI_REMOTE, daddr.bytes());
    }
    req.attr_u32(IFLA_VTI_FWMARK, fwmark);
    if link != 0 {
        req.attr_u32(IFLA_VTI_LINK, link);
    }
    Ok(0)
}

fn xfrm_help_text(kind: &str) -> String {
    format!(
        "Usage: ... {:<4} dev [ PHYS_DEV ] [ if_id IF-ID ]\n\
         \t\t[ external ]\n\
         \n\
         Where: IF-ID := {{ 0x1..0xffffffff }}\n",
        kind
    )
}

pub fn xfrm_help(kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(xfrm_help_text(kind).as_bytes());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XfrmOpt {
    Dev,
    IfId,
    External,
}

/// The option words of `ip link type xfrm`, in the order the parser tests them.
pub static XFRM_OPTS: Table<XfrmOpt> = Table::new(
    "ip link type xfrm",
    &[kw("dev", XfrmOpt::Dev), kw("if_id", XfrmOpt::IfId), exact("external", XfrmOpt::External)],
);

pub fn xfrm_parse(ctx: &mut Ctx, kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut link: u32 = 0;
    let mut metadata = false;
    let mut if_id: u32 = 0;
    while let Some(w) = args.next() {
        let k = XFRM_OPTS.find(&w);
        if k == Some(XfrmOpt::Dev) {
            let v = args.value()?;
            link = ctx.ifindex(&v);
            if link == 0 {
                return Err(crate::error::no_device(v));
            }
        } else if k == Some(XfrmOpt::IfId) {
            let v = args.value()?;
            match crate::args::num::get_u32(&v, 0) {
                Some(n) if n != 0 => {
                    if_id = n;
                    req.attr_u32(IFLA_XFRM_IF_ID, n);
                }
                _ => return Err(invarg("if_id value is invalid", &v)),
            }
        } else if k == Some(XfrmOpt::External) {
            metadata = true;
        } else {
            eprint_raw(&xfrm_help_text(kind));
            return Ok(1);
        }
    }
    if metadata {
        if if_id != 0 || link != 0 {
            eprint_raw("xfrmi: both 'external' and if_id/link cannot be specified\n");
            return Ok(1);
        }
        req.attr(IFLA_XFRM_COLLECT_METADATA, &[]);
        return Ok(0);
    }
    if if_id == 0 {
        return Err(missarg("IF_ID"));
    }
    if link != 0 {
        req.attr_u32(IFLA_XFRM_LINK, link);
    }
    Ok(0)
}
