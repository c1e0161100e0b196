//! `xdp|xdpgeneric|xdpdrv|xdpoffload ...` of iplink_parse()
//! (ip/iplink_xdp.c xdp_parse(), lib/bpf_legacy.c's mode words).

use crate::args::{matches, Args};
use crate::ctx::Ctx;
use crate::error::incomplete_command;
use crate::error::{fail, Res};
use crate::netlink::consts::*;
use crate::netlink::Req;

const IFLA_XDP_FD: u16 = 1;
const IFLA_XDP_FLAGS: u16 = 3;
pub(super) const XDP_FLAGS_UPDATE_IF_NOEXIST: u32 = 1;
pub(super) const XDP_FLAGS_SKB_MODE: u32 = 2;
pub(super) const XDP_FLAGS_DRV_MODE: u32 = 4;
pub(super) const XDP_FLAGS_HW_MODE: u32 = 8;

/// xdp_parse(): `off`/`none` as the last word detaches; `object FILE` and
/// `pinned FILE` need BPF, which rip loads only from pinned objects.
pub(super) fn xdp_parse(ctx: &mut Ctx, args: &mut Args, req: &mut Req, dev: Option<String>, offload: bool, flags: u32) -> Res<()> {
    if offload {
        let idx = match dev {
            Some(d) => ctx.ifindex(&d),
            None => 0,
        };
        if idx == 0 {
            return Err(incomplete_command());
        }
    }
    let w = args.peek().unwrap_or("").to_string();
    if args.remaining() == 1 && (w == "none" || w == "off") {
        xdp_attr(req, -1, flags);
        return Ok(());
    }
    // bpf_do_parse(): only the eBPF modes exist for XDP.
    let pinned = if matches(&w, "object-file") || w == "obj" {
        false
    } else if matches(&w, "object-pinned") || matches(&w, "pinned") || matches(&w, "fd") {
        true
    } else {
        return Err(fail(255, &format!("What mode is \"{}\"?\n", w)));
    };
    args.advance();
    let file = args.peek().ok_or_else(incomplete_command)?.to_string();
    args.advance();
    if args.peek().map(|a| matches(a, "section")).unwrap_or(false) {
        args.advance();
        args.peek().ok_or_else(incomplete_command)?;
        args.advance();
    }
    if args.peek() == Some("program") {
        args.advance();
        args.peek().ok_or_else(incomplete_command)?;
        args.advance();
    }
    if args.peek().map(|a| matches(a, "verbose")).unwrap_or(false) {
        args.advance();
    }
    args.back();
    if !pinned {
        // bpf_elf_ctx_init(): a missing file or one that is no ELF.
        let mut magic = [0u8; 4];
        let elf = std::fs::File::open(&file)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
            .map(|_| &magic == b"\x7fELF")
            .unwrap_or(false);
        if !elf {
            return Err(fail(255, "Cannot initialize ELF context!\n"));
        }
        return Err(fail(255, &format!("rip: loading the BPF object \"{}\" is not supported\n", file)));
    }
    let fd = bpf_obj_get(&file);
    if fd < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
        return Err(fail(
            255,
            &format!("Couldn't retrieve pinned program '{}': {}\n", file, crate::error::strerror(errno)),
        ));
    }
    xdp_attr(req, fd, flags);
    Ok(())
}

fn xdp_attr(req: &mut Req, fd: i32, flags: u32) {
    let n = req.nest(IFLA_XDP);
    req.attr_u32(IFLA_XDP_FD, fd as u32);
    if flags != 0 {
        req.attr_u32(IFLA_XDP_FLAGS, flags);
    }
    req.nest_end(n);
}

/// BPF_OBJ_GET on a pinned path.
fn bpf_obj_get(path: &str) -> i32 {
    let Ok(c) = std::ffi::CString::new(path) else { return -1 };
    // union bpf_attr: pathname (u64), bpf_fd, file_flags; the rest zero.
    let mut attr = [0u8; 128];
    attr[0..8].copy_from_slice(&(c.as_ptr() as u64).to_ne_bytes());
    const BPF_OBJ_GET: libc::c_long = 7;
    let r = unsafe { libc::syscall(libc::SYS_bpf, BPF_OBJ_GET, attr.as_mut_ptr(), attr.len() as u32) };
    r as i32
}
