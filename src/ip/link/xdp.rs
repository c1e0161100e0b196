//! `xdp|xdpgeneric|xdpdrv|xdpoffload ...` of iplink_parse()
//! (ip/iplink_xdp.c xdp_parse(), lib/bpf_legacy.c's mode words).

use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Off,
    Object,
    Pinned,
}

/// What follows `xdp|xdpgeneric|xdpdrv|xdpoffload`: `off`/`none` (as the
/// last word only), then bpf_do_parse()'s eBPF mode words in its order.
pub(super) static MODES: Table<Mode> = Table::new(
    "ip link set xdp",
    &[
        exact("none", Mode::Off),
        exact("off", Mode::Off),
        kw("object-file", Mode::Object),
        exact("obj", Mode::Object),
        kw("object-pinned", Mode::Pinned),
        kw("pinned", Mode::Pinned),
        kw("fd", Mode::Pinned),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Obj {
    Section,
    Program,
    Verbose,
}

/// bpf_do_parse()'s optional words after the file, each at most once in
/// this order.
pub(super) static OBJECT_OPTIONS: Table<Obj> = Table::new(
    "ip link set xdp object",
    &[kw("section", Obj::Section), exact("program", Obj::Program), kw("verbose", Obj::Verbose)],
);

/// Whether the current word is the object option `o`.
fn next_is(args: &Args, o: Obj) -> bool {
    args.peek().and_then(|a| OBJECT_OPTIONS.find(a)) == Some(o)
}

/// xdp_parse(): `off`/`none` as the last word detaches; `object FILE` and
/// `pinned FILE` need BPF, which rip loads only from pinned objects.
pub(super) fn xdp_parse(
    ctx: &mut Ctx,
    args: &mut Args,
    req: &mut Req,
    dev: Option<String>,
    offload: bool,
    flags: u32,
) -> Res<()> {
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
    let pinned = match MODES.find(&w) {
        // Detaching: only as the last word.
        Some(Mode::Off) if args.remaining() == 1 => {
            xdp_attr(req, -1, flags);
            return Ok(());
        }
        // bpf_do_parse(): only the eBPF modes exist for XDP.
        Some(Mode::Object) => false,
        Some(Mode::Pinned) => true,
        _ => return Err(fail(255, &format!("What mode is \"{}\"?\n", w))),
    };
    args.advance();
    let file = args.peek().ok_or_else(incomplete_command)?.to_string();
    args.advance();
    if next_is(args, Obj::Section) {
        args.advance();
        args.peek().ok_or_else(incomplete_command)?;
        args.advance();
    }
    if next_is(args, Obj::Program) {
        args.advance();
        args.peek().ok_or_else(incomplete_command)?;
        args.advance();
    }
    if next_is(args, Obj::Verbose) {
        args.advance();
    }
    args.back();
    if !pinned {
        // bpf_elf_ctx_init(): a missing file or one that is no ELF.
        let mut magic = [0u8; 4];
        let elf = std::fs::File::open(&*crate::args::bytes::os(&file))
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
    let Ok(c) = std::ffi::CString::new(path) else {
        return -1;
    };
    // union bpf_attr: pathname (u64), bpf_fd, file_flags; the rest zero.
    let mut attr = [0u8; 128];
    attr[0..8].copy_from_slice(&(c.as_ptr() as u64).to_ne_bytes());
    const BPF_OBJ_GET: libc::c_long = 7;
    // SAFETY: nix has no bpf(2); `attr` and the path it points to outlive the call.
    let r = unsafe { libc::syscall(libc::SYS_bpf, BPF_OBJ_GET, attr.as_mut_ptr(), attr.len() as u32) };
    r as i32
}
