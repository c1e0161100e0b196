//! `brctl show [BRIDGE...]`: one tab-separated line per bridge, its ports
//! on continuation lines (brctl_cmd.c show_bridge(), brctl_disp.c
//! br_dump_interface_list()). The header comes before the first bridge
//! that can be read; without names every bridge is listed until one fails.

use super::info::{bridge_id, bridge_info, bridges, err, ports, serr, Br};

/// show_bridge(): 0, or 1 after the message for a name that is no bridge.
fn show_bridge(br: &mut Br, name: &[u8]) -> i32 {
    let info = match bridge_info(br, name) {
        Ok(i) => i,
        Err(e) => {
            if e == libc::ENODEV {
                err(&[b"bridge ", name, b" does not exist!\n"]);
            } else {
                err(&[b"device ", name, b" is not a bridge!\n"]);
            }
            return 1;
        }
    };
    if br.show_header {
        br.out(b"bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
        br.show_header = false;
    }
    br.out(name);
    br.out(b"\t\t");
    br.out(bridge_id(&info.bridge_id).as_bytes());
    br.out(if info.stp_enabled != 0 { b"\tyes\t\t" } else { b"\tno\t\t" });
    match ports(br, name) {
        Ok(list) => {
            for (i, port) in list.iter().enumerate() {
                if i > 0 {
                    br.out(b"\n\t\t\t\t\t\t\t");
                }
                br.out(port);
            }
            br.out(b"\n");
        }
        Err(e) => {
            br.out(b" can't get port info: ");
            br.out(&serr(e));
            br.out(b"\n");
        }
    }
    0
}

pub fn show(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    if argv.len() == 1 {
        for name in bridges(br) {
            if show_bridge(br, &name) != 0 {
                break;
            }
        }
        return 0;
    }
    let mut errs = 0;
    for name in &argv[1..] {
        errs += show_bridge(br, name);
    }
    (errs > 0) as i32
}
