//! Parser tests without root: requests are built (not sent) and compared
//! with the bytes iproute2 6.1.0 sent for the same words (strace, sequence
//! number zeroed); error paths run through the replay front end.

use super::*;
use crate::args::parse_on_off;
use crate::ctx::Opts;
use crate::error::Exit;
use crate::ip::link::help::USAGE;
use crate::ip::link::parse::*;
use crate::ip::link::value::*;
use crate::ip::link::vf::get_guid;
use crate::linkinfo::kinds::veth;
use crate::names::{check_altifname, check_ifname};
use crate::print::{Mode, Printer};

fn ctx() -> Ctx {
    Ctx::with_replay(Opts::default(), Printer::new(Box::new(std::io::sink()), Mode::default()), Vec::new())
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{:02x}", x)).collect()
}

/// The request for `ip link WORDS` as iproute2 puts it on the wire (with the ACK flag).
fn request(cmd: u16, flags: u16, words: &[&str]) -> Result<String, i32> {
    let mut c = ctx();
    match build_modify(&mut c, cmd, flags, Args::from_strs(words)) {
        Ok(Ok(mut req)) => {
            let f = req.flags() | NLM_F_ACK;
            req.set_flags(f);
            Ok(hex(req.bytes()))
        }
        Ok(Err(rc)) => Err(rc),
        Err(Exit(rc)) => Err(rc),
    }
}

fn run(words: &[&str]) -> (String, String, i32) {
    let w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
    // One ACK (nlmsgerr with error 0) answers a request that gets sent.
    let mut ack = vec![0u8; 36];
    ack[0..4].copy_from_slice(&36u32.to_ne_bytes());
    ack[4..6].copy_from_slice(&NLMSG_ERROR.to_ne_bytes());
    let (o, e, rc) = crate::ip::replay(&w, vec![ack]);
    (String::from_utf8_lossy(&o).into_owned(), String::from_utf8_lossy(&e).into_owned(), rc)
}

const ADD: u16 = NLM_F_CREATE | NLM_F_EXCL;

#[test]
fn dummy_request_bytes() {
    assert_eq!(
        request(RTM_NEWLINK, ADD, &["d0", "type", "dummy"]).unwrap(),
        "38000000100005060000000000000000000000000000000000000000000000000700030064300000100012000900010064756d6d79000000"
    );
}

#[test]
fn veth_peer_request_bytes() {
    let words =
        "p1 mtu 1400 type veth peer name p2 mtu 1300 address 02:00:00:00:00:01 txqlen 10 numtxqueues 2 group 3 alias x";
    let w: Vec<&str> = words.split(' ').collect();
    assert_eq!(
        request(RTM_NEWLINK, ADD, &w).unwrap(),
        "900000001000050600000000000000000000000000000000000000000000000008000400780500000700030070310000600012000800010076657468540002005000010000000000000000000000000000000000080004001405000\
         00a000100020000000001000008000d000a00000008001f000200000008001b000300000005001400780000000700030070320000"
    );
}

#[test]
fn group_request_bytes() {
    assert_eq!(
        request(RTM_NEWLINK, 0, &["group", "0", "mtu", "1400"]).unwrap(),
        "300000001000050000000000000000000000000000000000000000000000000008001b00000000000800040078050000"
    );
    // delete group: no device, IFLA_GROUP only.
    assert_eq!(
        request(RTM_DELLINK, 0, &["group", "77"]).unwrap(),
        "28000000110005000000000000000000000000000000000000000000000000000800 1b004d000000".replace(' ', "")
    );
}

#[test]
fn kind_without_parser_sends_an_empty_data_nest() {
    assert_eq!(
        request(RTM_NEWLINK, ADD, &["d0", "type", "dummy", "foo"]).unwrap(),
        "3c00000010000506000000000000000000000000000000000000000000000000".to_string()
            + "0700030064300000"
            + "140012000900010064756d6d7900000004000200"
    );
}

#[test]
fn slave_data_only_for_a_first_underscore_slave_suffix() {
    let r = request(RTM_NEWLINK, ADD, &["x", "type", "team_slave", "a"]).unwrap();
    assert!(r.contains("04000500"), "{}", r);
    let r = request(RTM_NEWLINK, ADD, &["x", "type", "team", "a"]);
    assert!(r.unwrap().contains("04000200"));
}

#[test]
fn keyword_prefixes_win_over_device_names() {
    let (_, e, rc) = run(&["link", "add", "a", "type", "veth"]);
    assert_eq!((e.as_str(), rc), ("\"type\" is invalid lladdr.\n", 1));
    // `n` is nomaster: the device gets no name at all.
    assert_eq!(
        request(RTM_NEWLINK, ADD, &["n", "type", "veth"]).unwrap(),
        "3400000010000506000000000000000000000000000000000000000000000000".to_string()
            + "08000a0000000000"
            + "0c0012000800010076657468"
    );
}

#[test]
fn error_paths() {
    let cases: &[(&[&str], &str, &str, i32)] = &[
        (&["link", "add", "foo"], "", "Not enough information: \"type\" argument is required\n", 1),
        (
            &["link", "add", "name", "x", "dev", "y", "type", "veth"],
            "",
            "both \"name\" and \"dev\" cannot be used when creating devices.\n",
            255,
        ),
        (&["link", "set", "x", "y"], "", "Error: either \"dev\" is duplicate, or \"y\" is a garbage.\n", 255),
        (&["link", "set"], "", "Not enough information: \"dev\" argument is required.\n", 255),
        (
            &["link", "set", "group", "1", "carrier", "x"],
            "",
            "Error: argument of \"carrier\" must be one of \"off\", \"on\", not \"x\"\n",
            22,
        ),
        (
            &["link", "set", "group", "1", "arp", "x"],
            "",
            "Error: argument of \"arp\" must be \"on\" or \"off\", not \"x\"\n",
            1,
        ),
        (
            &["link", "set", "group", "1", "mtu", "x"],
            "",
            "Error: argument \"x\" is wrong: Invalid \"mtu\" value\n\n",
            255,
        ),
        (
            &["link", "set", "group", "1", "mtu", "1", "mtu", "2"],
            "",
            "Error: duplicate \"mtu\": \"2\" is the second value.\n",
            255,
        ),
        (&["link", "set", "group", "1", "mtu"], "", "Command line is not complete. Try option \"help\"\n", 255),
        (&["link", "add", "group", "1", "type", "veth"], "", "group cannot be used when creating devices.\n", 255),
        (
            &["link", "set", "group", "1", "type", "veth", "peer"],
            "",
            "Garbage instead of arguments \"peer ...\". Try \"ip link help\".\n",
            255,
        ),
        (
            &["link", "add", "x", "type", "veth0", "peer", "name", "y"],
            "",
            "Garbage instead of arguments \"peer ...\". Try \"ip link help\".\n",
            1,
        ),
        (&["link", "add", "x", "type", "veth", "foo"], veth::USAGE, "", 1),
        (
            &["link", "add", "x", "type", "veth", "peer", "name", "y", "type", "veth"],
            "",
            "Error: duplicate \"type\": \"veth\" is the second value.\n",
            255,
        ),
        (
            &["link", "add", "x", "type", "veth", "peer", "name", "y", "foo"],
            "",
            "both \"name\" and \"dev\" cannot be used when creating devices.\n",
            255,
        ),
        (
            &["link", "add", "x", "type", "veth", "peer", "name", "y", "carrier", "z"],
            "",
            "Error: argument of \"carrier\" must be one of \"off\", \"on\", not \"z\"\n",
            1,
        ),
        (&["link", "help", "veth"], veth::USAGE, "", 0),
        (&["link", "help", "dummy"], "Usage: ... dummy\n", "", 0),
        (&["link", "help"], "", USAGE, 255),
        (&["link", "help", "nosuch"], "", USAGE, 255),
        (&["link", "add", "x", "type", "nosuch", "help"], "", USAGE, 255),
        (&["link", "set", "h"], "", USAGE, 255),
        (
            &["link", "set", "group", "1", "index", "3"],
            "",
            "index can be used only when creating devices or when moving device to another netns.\n",
            255,
        ),
        (
            &["link", "set", "group", "1", "name", "a/b"],
            "",
            "Error: argument \"a/b\" is wrong: \"name\" not a valid ifname\n",
            255,
        ),
        (&["link", "set", "group", "zz"], "", "Error: argument \"zz\" is wrong: Invalid \"group\" value\n\n", 255),
        (&["link", "set", "group", "1", "xdp", "foo"], "", "What mode is \"foo\"?\n", 255),
        (
            &["link", "set", "group", "1", "protodown_reason", "32", "on"],
            "",
            "Error: argument \"32\" is wrong: invalid protodown reason\n\n",
            255,
        ),
        (&["link", "set", "group", "1", "vf", "0"], "", "Error: argument \"dev\" is required\n", 255),
        (&["link", "xstats"], "", "xstats: missing argument\n", 1),
        (&["link", "xstats", "type", "veth"], "", "xstats: link type veth doesn't support xstats\n", 1),
        (&["link", "xstats", "type", "zz"], "", "Error: argument \"zz\" is wrong: invalid type\n", 255),
        (&["link", "xstats", "help"], "Usage: ... xstats type TYPE [ ARGS ]\n", "", 0),
        (&["link", "property"], "", USAGE, 255),
        (&["link", "property", "zz"], "", "Operator required\n", 255),
        (
            &["link", "property", "add", "altname", "x"],
            "",
            "Not enough of information: \"dev\" argument is required.\n",
            255,
        ),
        (
            &["link", "property", "add", "altname", "a b"],
            "",
            "Error: argument \"a b\" is wrong: not a valid altname\n",
            255,
        ),
        (&["link", "afstats", "zz"], "", "Command \"zz\" is unknown, try \"ip link help\".\n", 255),
        // Sent and acknowledged.
        (&["link", "add", "x", "type", "veth", "peer", "name", "y"], "", "", 0),
        (&["link", "set", "group", "1", "up"], "", "", 0),
    ];
    for (words, out, err, rc) in cases {
        let got = run(words);
        assert_eq!((got.0.as_str(), got.1.as_str(), got.2), (*out, *err, *rc), "ip {}", words.join(" "));
    }
}

#[test]
fn lladdr() {
    assert_eq!(ll_addr_a2n("00:11:22:aa:BB:ff", 32), Some(vec![0, 0x11, 0x22, 0xaa, 0xbb, 0xff]));
    assert_eq!(ll_addr_a2n("1.2.3.4", 32), Some(vec![1, 2, 3, 4]));
    assert_eq!(ll_addr_a2n("1.2", 32), Some(vec![1, 2, 0, 0]));
    assert_eq!(ll_addr_a2n("0x1f:2", 32), Some(vec![0x1f, 2]));
    assert_eq!(ll_addr_a2n("zz", 32), None);
    assert_eq!(ll_addr_a2n("00::11", 32), None);
    assert_eq!(ll_addr_a2n("100", 32), None);
    assert_eq!(ll_addr_a2n("-1", 32), None);
    assert_eq!(ll_addr_a2n("1.2.3.4.5", 32), None);
    assert_eq!(ll_addr_a2n("1.2:3", 32), None);
}

#[test]
fn numbers_and_names() {
    assert_eq!(crate::names::tables::group_a2n("0x10"), Some(16));
    assert_eq!(crate::names::tables::group_a2n("4294967296"), Some(0));
    assert_eq!(crate::names::tables::group_a2n("-1"), None);
    assert_eq!(crate::names::tables::group_a2n("2147483648"), None);
    assert_eq!(crate::names::tables::group_a2n("1x"), None);
    assert_eq!(protodown_reason_a2n("31"), Some(31));
    assert_eq!(protodown_reason_a2n("32"), None);
    assert_eq!(get_guid("00:11:22:33:44:55:66:77"), Some(0x0011223344556677));
    assert_eq!(get_guid("00:11:22:33:44:55:66"), None);
    assert!(check_ifname("eth0") && !check_ifname("0123456789abcdef") && !check_ifname("a b"));
    assert!(check_altifname("0123456789abcdef0123") && !check_altifname(""));
    assert_eq!(parse_on_off("x", "o"), Some(false));
    assert_eq!(parse_on_off("x", "on"), Some(true));
}
