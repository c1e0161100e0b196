//! Links as ip prints and builds them, shared by the objects that show
//! links: print_linkinfo() (ip link, ip address, later ip monitor), the
//! link kinds (their options, printers and help), and ip/ipaddress.c's
//! listing of links with their addresses (`ip link show` and `ip address
//! show|flush|save` are one engine there too).

pub mod brport;
pub mod filter;
pub mod kinds;
pub mod list;
pub mod print;
