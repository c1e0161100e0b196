//! The binary dump files of `ip route save` and `ip rule save`: a 4-byte
//! magic, then the netlink messages as the kernel sent them
//! (route_dump_check_magic/rule_dump_check_magic and rtnl_from_file()).

use std::io::{Read, Seek};

/// Reads the whole of stdin after checking the magic (route_dump_check_magic).
pub fn check_magic(want: u32, what: &str) -> Result<std::fs::File, i32> {
    if crate::sys::stdin_is_tty() {
        crate::eprintf!("Can't restore {} dump from a terminal\n", what);
        return Err(1);
    }
    // SAFETY: fd 0 stays open for the process; ManuallyDrop keeps it open.
    let f = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(0) };
    let mut f = std::mem::ManuallyDrop::new(f);
    let mut m = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match f.read(&mut m[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    // fread() leaves the bytes of a short read in place.
    let magic = u32::from_ne_bytes(m);
    if magic != want {
        crate::eprintf!("Magic mismatch ({} elems, {:x} magic)\n", (got == 4) as i32, magic);
        return Err(1);
    }
    // The File is handed out; fd 0 must not be closed when it drops.
    Ok(std::mem::ManuallyDrop::into_inner(f))
}

/// rtnl_from_file(): calls `h` on each message; Err(rc) on failure.
pub fn from_file(f: &mut std::fs::File, mut h: impl FnMut(&mut [u8]) -> Result<(), i32>) -> Result<(), i32> {
    let mut buf = vec![0u8; 16384];
    loop {
        let n = read_full(f, &mut buf[..16]);
        if n == 0 {
            return Ok(());
        }
        if n != 16 {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Err(1);
        }
        let len = u32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]) as usize;
        if len < 16 || len > buf.len() {
            let pos = f.stream_position().unwrap_or(0);
            crate::eprintf!("!!!malformed message: len={} @{}\n", len as i32, pos);
            return Err(1);
        }
        let l = crate::netlink::attr::align4(len - 16);
        if 16 + l > buf.len() {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Err(1);
        }
        let n = read_full(f, &mut buf[16..16 + l]);
        if n != l {
            crate::eprintf!("rtnl-from_file: truncated message\n");
            return Err(1);
        }
        h(&mut buf[..len])?;
    }
}

pub fn read_full(f: &mut std::fs::File, b: &mut [u8]) -> usize {
    let mut got = 0;
    while got < b.len() {
        match f.read(&mut b[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    got
}
