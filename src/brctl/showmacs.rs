//! `brctl showmacs BRIDGE`: the forwarding database, read as struct
//! __fdb_entry records from /sys/class/net/BRIDGE/brforward in chunks of
//! 128 (BRCTL_GET_FDB_ENTRIES when the file cannot be opened), sorted by
//! MAC address (glibc's qsort is a stable merge sort here).

use std::io::{Read, Seek, SeekFrom};
use std::os::unix::ffi::OsStrExt;

use crate::sys::bridge as brsys;

use super::info::{err, jiffies_to_tv, serr, show_timer, sysfs_path, Br};

/// sizeof(struct __fdb_entry).
const ENTRY: usize = 16;
const CHUNK: usize = 128;

/// br_read_fdb(): up to CHUNK records from record `offset` on; Err(errno).
fn read_fdb(br: &Br, bridge: &[u8], offset: usize) -> Result<Vec<[u8; ENTRY]>, i32> {
    let mut buf = vec![0u8; CHUNK * ENTRY];
    let n = match std::fs::File::open(std::ffi::OsStr::from_bytes(&sysfs_path(bridge, b"/brforward"))) {
        Ok(mut f) => {
            // fseek() + fread(): whole records until EOF or a read error.
            let mut got = 0;
            if f.seek(SeekFrom::Start((offset * ENTRY) as u64)).is_ok() {
                while got < buf.len() {
                    match f.read(&mut buf[got..]) {
                        Ok(0) | Err(_) => break,
                        Ok(k) => got += k,
                    }
                }
            }
            got / ENTRY
        }
        Err(_) => {
            // The old ioctl; the table can change under it (EAGAIN).
            let mut tries = 0;
            loop {
                match br.sock.devprivate_buf(
                    bridge,
                    brsys::BRCTL_GET_FDB_ENTRIES,
                    &mut buf,
                    CHUNK as u64,
                    offset as u64,
                ) {
                    Ok(k) => break (k.max(0) as usize).min(CHUNK),
                    Err(libc::EAGAIN) if tries < 9 => tries += 1,
                    Err(e) => return Err(e),
                }
            }
        }
    };
    Ok(buf.chunks_exact(ENTRY).take(n).filter_map(|c| c.try_into().ok()).collect())
}

pub fn showmacs(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let name = &argv[1];
    let mut fdb: Vec<[u8; ENTRY]> = Vec::new();
    loop {
        match read_fdb(br, name, fdb.len()) {
            Ok(v) if v.is_empty() => break,
            Ok(v) => fdb.extend(v),
            Err(e) => {
                err(&[b"read of forward table failed: ", &serr(e), b"\n"]);
                return 1;
            }
        }
    }
    fdb.sort_by(|a, b| a[..6].cmp(&b[..6]));
    br.out(b"port no\tmac addr\t\tis local?\tageing timer\n");
    for f in &fdb {
        // mac_addr[6], port_no, is_local, ageing_timer_value (u32).
        let timer = u32::from_ne_bytes([f[8], f[9], f[10], f[11]]);
        let line = format!(
            "{:3}\t{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}\t{}\t\t{}\n",
            f[6],
            f[0],
            f[1],
            f[2],
            f[3],
            f[4],
            f[5],
            if f[7] != 0 { "yes" } else { "no" },
            show_timer(&jiffies_to_tv(timer as u64))
        );
        br.out(line.as_bytes());
    }
    0
}
