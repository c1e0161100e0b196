//! The `ifconfig` front end: net-tools 2.10's ifconfig.c (Debian 12's
//! build), reimplemented. Lists interfaces from /proc/net/dev,
//! SIOCGIFCONF and the SIOCGIF* ioctls (list.rs) and changes them with the
//! same ioctls on the same sockets, so the kernel state left behind is the
//! reference's. Every argument is read by exact comparison, in the C
//! code's order; messages, their streams and exit statuses follow it.

pub mod hw;
pub mod list;
pub mod set;

use std::ffi::OsString;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;

use crate::args::keywords::{List, Words};
use crate::inet::nettools::aflist;
use crate::print::{Mode, Printer};
use crate::sys::ioctl;
use list::{IfList, IFF_UP};

/// Exit status of a usage error (E_OPTERR).
pub const E_OPTERR: i32 = 3;

/// The sockets sockets_open(0) opens: unix and inet6 when their /proc
/// files are readable, inet always. The last one opened is the generic
/// socket (`skfd`) until an address family is chosen.
pub struct Socks {
    pub unix: Option<OwnedFd>,
    pub inet: Option<OwnedFd>,
    pub inet6: Option<OwnedFd>,
}

impl Socks {
    pub fn open() -> Socks {
        let unix =
            if ioctl::readable("/proc/net/unix") { ioctl::socket(libc::AF_UNIX, libc::SOCK_DGRAM).ok() } else { None };
        let inet = ioctl::socket(libc::AF_INET, libc::SOCK_DGRAM).ok();
        let inet6 = if ioctl::readable("/proc/net/if_inet6") {
            ioctl::socket(libc::AF_INET6, libc::SOCK_DGRAM).ok()
        } else {
            None
        };
        Socks { unix, inet, inet6 }
    }

    /// sockets_open()'s answer: the last socket that opened.
    pub fn generic(&self) -> Option<&OwnedFd> {
        self.inet6.as_ref().or(self.inet.as_ref()).or(self.unix.as_ref())
    }

    /// An address family's socket (aftype->fd).
    pub fn of(&self, af: i32) -> Option<&OwnedFd> {
        match af {
            libc::AF_UNIX => self.unix.as_ref(),
            libc::AF_INET => self.inet.as_ref(),
            libc::AF_INET6 => self.inet6.as_ref(),
            _ => None,
        }
    }
}

/// ifconfig's leading options, for completions and the man page.
static OPTION_WORDS: List = List {
    path: "ifconfig OPTIONS",
    words: &["-a", "-s", "-v", "-V", "-version", "--version", "-h", "-help", "--help"],
};

/// The address family words before the settings (lib/af.c's names).
static FAMILIES: List = List {
    path: "ifconfig AF",
    words: &["unix", "inet", "inet6", "ax25", "netrom", "rose", "ipx", "ddp", "ec", "ash", "x25", "unspec"],
};

/// The hardware types of `hw TYPE ADDRESS` (lib/hw.c's names).
static HW_TYPES: List = List {
    path: "ifconfig hw",
    words: &[
        "loop", "slip", "cslip", "slip6", "cslip6", "adaptive", "ash", "ether", "ax25", "netrom", "rose", "tunnel",
        "ppp", "hdlc", "lapb", "arcnet", "dlci", "frad", "sit", "fddi", "hippi", "irda", "ec", "x25", "eui64",
        "unspec",
    ],
};

/// The values of `media` (if_port_text, matched without case).
static MEDIA: List = List {
    path: "ifconfig media",
    words: &[
        "auto",
        "unknown",
        "10base2",
        "bnc",
        "coax",
        "10baseT",
        "utp",
        "tpe",
        "AUI",
        "thick",
        "db15",
        "100baseT",
        "100baseTX",
        "100baseFX",
    ],
};

/// The words after an interface name, in ifconfig.c's order.
pub static SETTINGS: List = List {
    path: "ifconfig SETTINGS",
    words: &[
        "arp",
        "-arp",
        "media",
        "port",
        "trailers",
        "-trailers",
        "promisc",
        "-promisc",
        "multicast",
        "-multicast",
        "allmulti",
        "-allmulti",
        "up",
        "down",
        "dynamic",
        "-dynamic",
        "mtu",
        "keepalive",
        "outfill",
        "-broadcast",
        "broadcast",
        "dstaddr",
        "netmask",
        "txqueuelen",
        "name",
        "mem_start",
        "io_addr",
        "irq",
        "-pointopoint",
        "-pointtopoint",
        "pointopoint",
        "pointtopoint",
        "hw",
        "add",
        "del",
        "tunnel",
    ],
};

/// ifconfig's keyword lists (completions and man page read these).
pub fn keywords() -> Vec<&'static dyn Words> {
    vec![&OPTION_WORDS, &FAMILIES, &SETTINGS, &HW_TYPES, &MEDIA]
}

const USAGE: &str = "Usage:
  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]
  [add <address>[/<prefixlen>]]
  [del <address>[/<prefixlen>]]
  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]
  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]
  [outfill <NN>] [keepalive <NN>]
  [hw <HW> <address>]  [mtu <NN>]
  [[-]trailers]  [[-]arp]  [[-]allmulti]
  [multicast]  [[-]promisc]
  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]
  [txqueuelen <NN>]
  [name <newname>]
  [[-]dynamic]
  [up|down] ...

  <HW>=Hardware Type.
  List of possible hardware types:
";

/// One run: options, the printer, the sockets, the interface cache.
pub struct Ifconfig {
    pub p: Printer,
    pub opt_a: bool,
    pub opt_v: bool,
    pub short: bool,
    pub socks: Socks,
    pub ifs: IfList,
}

/// The process ends here: stdout is flushed first, as exit() does.
pub struct Done(pub i32);

impl Ifconfig {
    /// usage(rc): the text on stdout (rc 0) or stderr, the two lists
    /// always on stderr (print_hwlist/print_aflist write there).
    pub fn usage(&mut self, rc: i32) -> Done {
        let (a, b) = USAGE.split_at(USAGE.find("  <HW>").unwrap_or(0));
        let tail = "  <AF>=Address family. Default: inet\n  List of possible address families:\n";
        if rc == 0 {
            self.p.fp(a);
            self.p.fp(b);
            crate::error::eprint_raw(&hw::list());
            self.p.fp(tail);
            crate::error::eprint_raw(&aflist(false));
        } else {
            crate::error::eprint_raw(USAGE);
            crate::error::eprint_raw(&hw::list());
            crate::error::eprint_raw(tail);
            crate::error::eprint_raw(&aflist(false));
        }
        Done(rc)
    }

    /// if_print(ifname).
    fn if_print(&mut self, name: Option<&[u8]>) -> i32 {
        if self.short {
            self.p.fp("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");
        }
        match name {
            None => {
                if !self.ifs.all && self.ifs.read_all(&self.socks) < 0 {
                    return -1;
                }
                for i in 0..self.ifs.list.len() {
                    let mut ife = self.ifs.list[i].clone();
                    let ok = list::do_fetch(&mut ife, &self.socks, self.socks.generic());
                    self.ifs.list[i] = ife.clone();
                    if !ok {
                        return -1;
                    }
                    if ife.flags & IFF_UP != 0 || self.opt_a {
                        self.print(&ife);
                    }
                }
                0
            }
            Some(n) => {
                let Some(i) = self.ifs.lookup(n) else { return -1 };
                let mut ife = self.ifs.list[i].clone();
                let ok = list::do_fetch(&mut ife, &self.socks, self.socks.generic());
                self.ifs.list[i] = ife.clone();
                if !ok {
                    return -1;
                }
                self.print(&ife);
                0
            }
        }
    }

    fn print(&mut self, ife: &list::Iface) {
        if self.short {
            list::print_short(&mut self.p, ife);
        } else {
            list::print_long(&mut self.p, ife);
        }
    }
}

/// safe_strncpy(ifr_name, arg, IFNAMSIZ).
fn ifname(a: &[u8]) -> Vec<u8> {
    let end = a.iter().position(|&c| c == 0).unwrap_or(a.len()).min(15);
    a[..end].to_vec()
}

fn run(s: &mut Ifconfig, args: &[Vec<u8>]) -> Done {
    let mut i = 0;
    while i < args.len() && args[i].first() == Some(&b'-') {
        match &args[i][..] {
            b"-a" => s.opt_a = true,
            b"-s" => s.short = true,
            b"-v" => s.opt_v = true,
            b"-V" | b"-version" | b"--version" => {
                s.p.fp("net-tools 2.10\n");
                return Done(0);
            }
            b"-?" | b"-h" | b"-help" | b"--help" => return s.usage(0),
            other => {
                crate::eprintf!("ifconfig: option `{}' not recognised.\n", crate::args::bytes::escape(other));
                crate::error::eprint_raw("ifconfig: `--help' gives usage information.\n");
                return Done(1);
            }
        }
        i += 1;
    }
    if s.socks.generic().is_none() {
        crate::error::eprint_raw("No usable address families found.\n");
        crate::eprintf!("socket: {}\n", crate::error::strerror(libc::EAFNOSUPPORT));
        return Done(1);
    }
    let rest = &args[i..];
    let Some(first) = rest.first() else {
        let err = s.if_print(None);
        return Done(i32::from(err < 0));
    };
    let name = ifname(first);
    if rest.len() == 1 {
        let err = s.if_print(Some(&name));
        return Done(i32::from(err < 0));
    }
    set::settings(s, &name, &rest[1..])
}

pub fn main(argv: Vec<OsString>) -> i32 {
    let args: Vec<Vec<u8>> = argv.iter().skip(1).map(|a| a.as_bytes().to_vec()).collect();
    let mut s = Ifconfig {
        p: Printer::stdout(Mode::default()),
        opt_a: false,
        opt_v: false,
        short: false,
        socks: Socks::open(),
        ifs: IfList::default(),
    };
    let Done(rc) = run(&mut s, &args);
    let _ = s.p.flush();
    rc
}
