//! `ip maddress` (ip/ipmaddr.c of iproute2 6.1.0): the multicast addresses
//! of each device, read from /proc/net/dev_mcast (link layer),
//! /proc/net/igmp (IPv4) and /proc/net/igmp6 (IPv6); link-layer ones are
//! added and removed with the SIOCADDMULTI/SIOCDELMULTI ioctls.

use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{eprint_raw, fail, strerror, Exit, Res};
use crate::netlink::consts::*;
use crate::print::{Color, J, T};

pub const USAGE: &str = "Usage: ip maddr [ add | del ] MULTIADDR dev STRING
       ip maddr show [ dev STRING ]
";

fn usage() -> Exit {
    fail(255, USAGE)
}

const SIOCADDMULTI: libc::c_ulong = 0x8931;
const SIOCDELMULTI: libc::c_ulong = 0x8932;
const ETH_ALEN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Add,
    Del,
    Show,
    Help,
}

/// do_multiaddr()'s commands, in its test order.
static COMMANDS: Table<Cmd> = Table::new(
    "ip maddress",
    &[
        kw("add", Cmd::Add),
        kw("delete", Cmd::Del),
        kw("list", Cmd::Show),
        kw("show", Cmd::Show),
        kw("lst", Cmd::Show),
        kw("help", Cmd::Help),
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Dev,
    Address,
    Help,
}

/// multiaddr_modify()'s words: `dev` (strcmp), `address` before the
/// address (optional), `help`; anything else is the address.
static MODIFY: Table<Word> =
    Table::new("ip maddress add", &[exact("dev", Word::Dev), kw("address", Word::Address), kw("help", Word::Help)]);

/// multiaddr_list()'s words: `dev` (strcmp) or `help`; anything else is
/// the device.
static SHOW: Table<Word> = Table::new("ip maddress show", &[exact("dev", Word::Dev), kw("help", Word::Help)]);

pub static KEYWORDS: &[&dyn Words] = &[&COMMANDS, &MODIFY, &SHOW];

pub fn do_multiaddr(ctx: &mut Ctx, mut args: Args) -> Res<i32> {
    let Some(cmd) = args.next() else {
        return multiaddr_list(ctx, args);
    };
    match COMMANDS.find(&cmd) {
        Some(Cmd::Add) => multiaddr_modify(ctx, args, SIOCADDMULTI),
        Some(Cmd::Del) => multiaddr_modify(ctx, args, SIOCDELMULTI),
        Some(Cmd::Show) => multiaddr_list(ctx, args),
        Some(Cmd::Help) => Err(usage()),
        None => Err(crate::error::unknown_command(&cmd, "ip maddr")),
    }
}

/// One multicast address of a device (struct ma_info).
struct MaInfo {
    index: i32,
    name: String,
    users: i32,
    features: Option<&'static str>,
    family: u8,
    addr: Vec<u8>,
}

/// maddr_ins(): after every entry of the same or a lower index.
fn maddr_ins(list: &mut Vec<MaInfo>, m: MaInfo) {
    let at = list.iter().position(|e| e.index > m.index).unwrap_or(list.len());
    list.insert(at, m);
}

/// parse_hex(): pairs of hex digits as sscanf("%02x") reads them; None
/// (iproute2's -1) on an odd tail or a pair that is no number.
fn parse_hex(s: &str, size: usize) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < 2 * size {
        if i + 1 >= b.len() {
            return None;
        }
        // %02x: blanks skipped, then up to two hex digits.
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let start = j;
        let mut v: u32 = 0;
        while j < b.len() && j < start + 2 && b[j].is_ascii_hexdigit() {
            v = v * 16 + (b[j] as char).to_digit(16).unwrap_or(0);
            j += 1;
        }
        if j == start {
            return None;
        }
        out.push(v as u8);
        i += 2;
    }
    Some(out)
}

/// sscanf("%d") of a word: its leading number (0 when it has none; the
/// variable then keeps what C would have left, which rip reads as 0).
fn scan_int(w: Option<&str>) -> i32 {
    w.map(crate::args::num::atoi).unwrap_or(0)
}

/// The lines of a /proc file, as fgets() into 256 bytes reads them (a
/// longer line comes in pieces).
fn proc_lines(path: &str) -> Option<Vec<String>> {
    let data = std::fs::read(path).ok()?;
    let mut out = Vec::new();
    for line in data.split_inclusive(|&c| c == b'\n') {
        for piece in line.chunks(255) {
            out.push(crate::args::bytes::escape(piece).into_owned());
        }
    }
    Some(out)
}

fn read_dev_mcast(list: &mut Vec<MaInfo>, dev: Option<&str>) {
    let Some(lines) = proc_lines("/proc/net/dev_mcast") else { return };
    for buf in lines {
        let mut w = buf.split_ascii_whitespace();
        let index = scan_int(w.next());
        let name = w.next().unwrap_or("").to_string();
        let users = scan_int(w.next());
        let st = scan_int(w.next());
        let hexa = w.next().unwrap_or("");
        if dev.is_some_and(|d| d != name) {
            continue;
        }
        if let Some(addr) = parse_hex(hexa, 256) {
            let features = (st != 0).then_some("static");
            maddr_ins(list, MaInfo { index, name, users, features, family: AF_PACKET, addr });
        }
    }
}

fn read_igmp(list: &mut Vec<MaInfo>, dev: Option<&str>) {
    let Some(lines) = proc_lines("/proc/net/igmp") else { return };
    let mut index = 0;
    let mut name = String::new();
    let mut users = 0;
    for buf in lines.iter().skip(1) {
        if !buf.starts_with('\t') {
            let mut w = buf.split_ascii_whitespace();
            index = scan_int(w.next());
            if let Some(n) = w.next() {
                name = n.strip_suffix(':').unwrap_or(n).to_string();
            }
            continue;
        }
        if dev.is_some_and(|d| d != name) {
            continue;
        }
        let mut w = buf.split_ascii_whitespace();
        // "%08x": up to eight hex digits, the group as the kernel printed
        // the raw __be32 with %08X.
        let hex = w.next().unwrap_or("");
        let digits: String = hex.chars().take(8).take_while(|c| c.is_ascii_hexdigit()).collect();
        let mut addr = [0u8; 4];
        if let Ok(v) = u32::from_str_radix(&digits, 16) {
            addr = v.to_ne_bytes();
            let rest = &hex[digits.len()..];
            users = if rest.is_empty() { scan_int(w.next()) } else { scan_int(Some(rest)) };
        }
        maddr_ins(
            list,
            MaInfo { index, name: name.clone(), users, features: None, family: AF_INET, addr: addr.to_vec() },
        );
    }
}

fn read_igmp6(list: &mut Vec<MaInfo>, dev: Option<&str>) {
    let Some(lines) = proc_lines("/proc/net/igmp6") else { return };
    for buf in lines {
        let mut w = buf.split_ascii_whitespace();
        let index = scan_int(w.next());
        let name = w.next().unwrap_or("").to_string();
        let hexa = w.next().unwrap_or("");
        let users = scan_int(w.next());
        if dev.is_some_and(|d| d != name) {
            continue;
        }
        if let Some(addr) = parse_hex(hexa, 256) {
            maddr_ins(list, MaInfo { index, name, users, features: None, family: AF_INET6, addr });
        }
    }
}

fn print_maddr(ctx: &mut Ctx, m: &MaInfo) {
    ctx.p.fp("\t");
    ctx.p.open_object(None);
    if m.family == AF_PACKET {
        ctx.p.fp("link  ");
        let s = crate::inet::lladdr::ll_addr_n2a(&m.addr, 0);
        ctx.p.color_string(T::Any, Color::Mac, "link", "{}", &s);
    } else {
        let fam = crate::inet::family_name(m.family);
        ctx.p.field(T::Any, Color::None, Some("family"), J::Str(fam), format_args!("{:<5} ", fam));
        let mut a = m.addr.clone();
        a.resize(if m.family == AF_INET { 4 } else { 16 }, 0);
        let s = crate::inet::format_host(m.family, &a, ctx.o.resolve > 0);
        ctx.p.color_string(T::Any, Color::of_family(m.family), "address", "{}", &s);
    }
    if m.users != 1 {
        ctx.p.uint(T::Any, "users", " users {}", m.users as u32 as u64);
    }
    if let Some(f) = m.features {
        ctx.p.string(T::Any, "features", " {}", f);
    }
    ctx.p.fp("\n");
    ctx.p.close_object();
}

fn print_mlist(ctx: &mut Ctx, list: &[MaInfo]) {
    let mut cur_index = 0;
    ctx.p.new_json_obj();
    for m in list {
        if m.index != cur_index || ctx.o.oneline > 0 {
            if cur_index != 0 {
                ctx.p.close_array(T::Json, "");
                ctx.p.close_object();
            }
            ctx.p.open_object(None);
            ctx.p.field(
                T::Any,
                Color::None,
                Some("ifindex"),
                J::U(m.index as u32 as u64),
                format_args!("{}:", m.index),
            );
            ctx.p.color_string(T::Any, Color::Ifname, "ifname", "\t{}", &m.name);
            ctx.p.nl();
            cur_index = m.index;
            ctx.p.open_array(T::Json, "maddr");
        }
        print_maddr(ctx, m);
    }
    if cur_index != 0 {
        ctx.p.close_array(T::Json, "");
        ctx.p.close_object();
    }
    ctx.p.delete_json_obj();
}

fn multiaddr_list(ctx: &mut Ctx, mut a: Args) -> Res<i32> {
    // A device named by an earlier line of the batch: what the line buffer
    // now holds where its name was.
    if let Some(at) = ctx.sticky.maddr_dev_at {
        let buf = &ctx.sticky.batch_buf;
        let tail = buf.get(at..).unwrap_or(&[]);
        let end = tail.iter().position(|&c| c == 0).unwrap_or(tail.len());
        ctx.sticky.maddr_dev = Some(crate::args::bytes::escape(&tail[..end]).into_owned());
    }
    while a.has_next() {
        match SHOW.find(a.cur()) {
            Some(Word::Dev) => a.next_arg()?,
            Some(Word::Help) => return Err(usage()),
            _ => {}
        }
        if ctx.sticky.maddr_dev.is_some() {
            return Err(crate::error::duparg2("dev", a.cur()));
        }
        ctx.sticky.maddr_dev = Some(a.cur().to_string());
        if ctx.o.batch_mode {
            // The object word, then this command's words before this one.
            let obj = ctx.sticky.batch_obj.len() + 1;
            let before: usize = a.all()[..a.position()].iter().map(|w| w.len() + 1).sum();
            if ctx.sticky.maddr_dev_at.is_none() {
                // From here on the line buffer is kept as iproute2's.
                let mut words = vec![ctx.sticky.batch_obj.clone()];
                words.extend_from_slice(a.all());
                crate::ctx::fill_batch_buf(&mut ctx.sticky.batch_buf, &words);
            }
            ctx.sticky.maddr_dev_at = Some(obj + before);
        }
        a.step();
    }
    let family = ctx.o.family;
    let dev = ctx.sticky.maddr_dev.clone();
    let dev = dev.as_deref();
    let mut list = Vec::new();
    if family == AF_UNSPEC || family == AF_PACKET {
        read_dev_mcast(&mut list, dev);
    }
    if family == AF_UNSPEC || family == AF_INET {
        read_igmp(&mut list, dev);
    }
    if family == AF_UNSPEC || family == AF_INET6 {
        read_igmp6(&mut list, dev);
    }
    print_mlist(ctx, &list);
    Ok(0)
}

/// multiaddr_modify(): an ioctl on a socket of the -family; exits (even
/// from a batch) with 0 on success, 1 on failure.
fn multiaddr_modify(ctx: &mut Ctx, mut a: Args, req: libc::c_ulong) -> Res<i32> {
    let mut ifr = [0u8; 40];
    while a.has_next() {
        let w = MODIFY.find(a.cur());
        if w == Some(Word::Dev) {
            a.next_arg()?;
            if ifr[0] != 0 {
                return Err(crate::error::duparg("dev", a.cur()));
            }
            if !crate::names::check_ifname(a.cur()) {
                return Err(crate::error::invarg("\"dev\" not a valid ifname", a.cur()));
            }
            ifr[..16].fill(0);
            ifr[..a.cur().len()].copy_from_slice(a.cur().as_bytes());
        } else {
            if w == Some(Word::Address) {
                a.next_arg()?;
            }
            if crate::args::matches(a.cur(), "help") {
                return Err(usage());
            }
            // ifr_hwaddr: sa_family (2 bytes), then sa_data[14].
            if ifr[18] != 0 {
                return Err(crate::error::duparg("address", a.cur()));
            }
            let Ok(v) = crate::inet::lladdr::ll_addr_a2n(a.cur(), 14) else { return Err(Exit(1)) };
            let n = v.len().min(14);
            ifr[18..18 + n].copy_from_slice(&v[..n]);
            if v.len() != ETH_ALEN {
                return Err(fail(
                    1,
                    &format!("Error: Invalid address length {} - must be {} bytes\n", v.len(), ETH_ALEN),
                ));
            }
        }
        a.step();
    }
    if ifr[0] == 0 {
        return Err(fail(255, "Not enough information: \"dev\" is required.\n"));
    }
    let family = match ctx.o.family {
        AF_INET6 | AF_PACKET | AF_INET => ctx.o.family,
        _ => AF_INET,
    };
    let fd = match crate::sys::dgram_socket(i32::from(family)) {
        Ok(fd) => fd,
        Err(e) => return Err(fail(1, &format!("Cannot create socket: {}\n", strerror(e)))),
    };
    if let Err(e) = crate::sys::ioctl_ifreq(&fd, req, &mut ifr) {
        eprint_raw(&format!("ioctl: {}\n", strerror(e)));
        return Err(Exit(1));
    }
    Err(Exit(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_pairs() {
        assert_eq!(parse_hex("01005e000001", 256), Some(vec![1, 0, 0x5e, 0, 0, 1]));
        assert_eq!(parse_hex("010", 256), None);
        assert_eq!(parse_hex("zz", 256), None);
        assert_eq!(parse_hex("", 256), Some(vec![]));
    }

    #[test]
    fn inserted_by_index_in_reading_order() {
        let mk =
            |index, users| MaInfo { index, name: String::new(), users, features: None, family: AF_INET, addr: vec![] };
        let mut l = Vec::new();
        for (i, u) in [(3, 1), (1, 2), (3, 3), (2, 4), (1, 5)] {
            maddr_ins(&mut l, mk(i, u));
        }
        let got: Vec<(i32, i32)> = l.iter().map(|m| (m.index, m.users)).collect();
        assert_eq!(got, vec![(1, 2), (1, 5), (2, 4), (3, 1), (3, 3)]);
    }
}
