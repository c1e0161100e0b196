//! `brctl showstp BRIDGE`: the bridge's STP parameters and timers, then a
//! block per port (brctl_disp.c br_dump_info() and dump_port_info()).

use super::info::{bridge_id, bridge_info, err, port_info, ports, serr, show_timer, Br, BridgeInfo};

/// br_get_state_name().
fn state_name(state: u8) -> &'static str {
    match state {
        0 => "disabled",
        1 => "listening",
        2 => "learning",
        3 => "forwarding",
        4 => "blocking",
        _ => "<INVALID STATE>",
    }
}

pub fn showstp(br: &mut Br, argv: &[Vec<u8>]) -> i32 {
    let name = &argv[1];
    match bridge_info(br, name) {
        Ok(info) => {
            dump_info(br, name, &info);
            0
        }
        Err(e) => {
            if e == libc::ENODEV {
                err(&[b"bridge ", name, b" does not exist!\n"]);
            } else {
                err(&[b"device ", name, b" is not a bridge!\n"]);
            }
            1
        }
    }
}

fn dump_info(br: &mut Br, name: &[u8], b: &BridgeInfo) {
    br.out(name);
    let t = show_timer;
    let s = format!(
        "\n bridge id\t\t{}\n designated root\t{}\n root port\t\t{:4}\t\t\tpath cost\t\t{:4}\n max age\t\t{}\t\t\tbridge max age\t\t{}\n hello time\t\t{}\t\t\tbridge hello time\t{}\n forward delay\t\t{}\t\t\tbridge forward delay\t{}\n ageing time\t\t{}\n hello timer\t\t{}\t\t\ttcn timer\t\t{}\n topology change timer\t{}\t\t\tgc timer\t\t{}\n flags\t\t\t{}{}\n\n\n",
        bridge_id(&b.bridge_id),
        bridge_id(&b.designated_root),
        b.root_port,
        b.root_path_cost as i32,
        t(&b.max_age),
        t(&b.bridge_max_age),
        t(&b.hello_time),
        t(&b.bridge_hello_time),
        t(&b.forward_delay),
        t(&b.bridge_forward_delay),
        t(&b.ageing_time),
        t(&b.hello_timer_value),
        t(&b.tcn_timer_value),
        t(&b.topology_change_timer_value),
        t(&b.gc_timer_value),
        if b.topology_change != 0 { "TOPOLOGY_CHANGE " } else { "" },
        if b.topology_change_detected != 0 { "TOPOLOGY_CHANGE_DETECTED " } else { "" },
    );
    br.out(s.as_bytes());
    match ports(br, name) {
        Ok(list) => {
            for port in list {
                if !dump_port(br, name, &port) {
                    break;
                }
            }
        }
        Err(e) => {
            br.out(b"can't get ports: ");
            br.out(&serr(e));
            br.out(b"\n");
        }
    }
}

/// dump_port_info(): false (stop) when the port cannot be read.
fn dump_port(br: &mut Br, bridge: &[u8], port: &[u8]) -> bool {
    let Ok(p) = port_info(br, bridge, port) else {
        // brctl prints the pointer to the name here (%p for %s).
        br.out(format!("Can't get info for {:p}", port.as_ptr()).as_bytes());
        return false;
    };
    let t = show_timer;
    br.out(port);
    let mut s = format!(
        " ({})\n port id\t\t{:04x}\t\t\tstate\t\t{:>15}\n designated root\t{}\tpath cost\t\t{:4}\n designated bridge\t{}\tmessage age timer\t{}\n designated port\t{:04x}\t\t\tforward delay timer\t{}\n designated cost\t{:4}\t\t\thold timer\t\t{}\n flags\t\t\t",
        p.port_no as i32,
        p.port_id,
        state_name(p.state),
        bridge_id(&p.designated_root),
        p.path_cost as i32,
        bridge_id(&p.designated_bridge),
        t(&p.message_age_timer_value),
        p.designated_port,
        t(&p.forward_delay_timer_value),
        p.designated_cost as i32,
        t(&p.hold_timer_value),
    );
    if p.config_pending != 0 {
        s.push_str("CONFIG_PENDING ");
    }
    if p.top_change_ack != 0 {
        s.push_str("TOPOLOGY_CHANGE_ACK ");
    }
    if p.hairpin_mode != 0 {
        s.push_str(&format!("\n hairpin mode\t\t{:4}", p.hairpin_mode));
    }
    s.push_str("\n\n");
    br.out(s.as_bytes());
    true
}
