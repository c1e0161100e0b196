//! The messages more than one command prints, each with its bytes and exit
//! status in one place. They are printed where iproute2 prints them (the
//! caller returns the `Exit` at that point), so their order against the
//! output stays exact.

use super::{fail, strerror, Exit};

/// "Command line is not complete. Try option "help"" (rc 255).
pub fn incomplete_command() -> Exit {
    fail(255, "Command line is not complete. Try option \"help\"\n")
}

/// `invarg(msg, arg)`: `Error: argument "ARG" is wrong: MSG` (rc 255).
/// Several of ip's messages end in their own "\n", which gives an extra
/// empty line; callers pass those verbatim.
pub fn invarg(msg: &str, arg: &str) -> Exit {
    fail(255, &format!("Error: argument \"{}\" is wrong: {}\n", arg, msg))
}

/// `duparg(key, arg)`: `Error: duplicate "KEY": "ARG" is the second value.`
pub fn duparg(key: &str, arg: &str) -> Exit {
    fail(255, &format!("Error: duplicate \"{}\": \"{}\" is the second value.\n", key, arg))
}

/// `duparg2(key, arg)`: `Error: either "KEY" is duplicate, or "ARG" is a garbage.`
pub fn duparg2(key: &str, arg: &str) -> Exit {
    fail(255, &format!("Error: either \"{}\" is duplicate, or \"{}\" is a garbage.\n", key, arg))
}

/// `missarg(key)`: `Error: argument "KEY" is required`.
pub fn missarg(key: &str) -> Exit {
    fail(255, &format!("Error: argument \"{}\" is required\n", key))
}

/// `Error: argument of "KEY" must be "on" or "off", not "VAL"` (the
/// caller prints it and picks the status).
pub fn must_be_on_off(key: &str, val: &str) -> String {
    format!("Error: argument of \"{}\" must be \"on\" or \"off\", not \"{}\"\n", key, val)
}

/// lib/utils.c parse_one_of()'s complaint: `Error: argument of "KEY" must
/// be one of "a", "b", not "VAL"`.
pub fn must_be_one_of(key: &str, val: &str, list: &[&str]) -> String {
    let mut s = format!("Error: argument of \"{}\" must be one of ", key);
    for k in list {
        s.push_str(&format!("\"{}\", ", k));
    }
    s.push_str(&format!("not \"{}\"\n", val));
    s
}

/// `Command "CMD" is unknown, try "TOOL OBJECT help".` (rc 255), the last
/// branch of every object's command table.
pub fn unknown_command(cmd: &str, object: &str) -> Exit {
    fail(255, &format!("Command \"{}\" is unknown, try \"{} help\".\n", cmd, object))
}

/// rtnl_dump_request() failed: "Cannot send dump request: ERR". Callers
/// that go on (or exit with another status) print it with this.
pub fn say_cannot_send_dump(errno: i32) {
    super::eprint_raw(&format!("Cannot send dump request: {}\n", strerror(errno)));
}

/// "Cannot send dump request: ERR" and exit status 1, the usual ending.
pub fn cannot_send_dump(errno: i32) -> Exit {
    say_cannot_send_dump(errno);
    Exit(1)
}

/// rtnl_dump_filter() failed: "Dump terminated".
pub fn say_dump_terminated() {
    super::eprint_raw("Dump terminated\n");
}

/// "Dump terminated" and exit status 1.
pub fn dump_terminated() -> Exit {
    say_dump_terminated();
    Exit(1)
}

/// `Object "OBJ" is unknown, try "TOOL help".`; the front end decides the
/// status (ip: 1, bridge: 255).
pub fn say_unknown_object(obj: &str, tool: &str) {
    super::eprint_raw(&format!("Object \"{}\" is unknown, try \"{} help\".\n", obj, tool));
}

/// `Option "OPT" is unknown, try "HINT".` (rc 255).
pub fn unknown_option(opt: &str, hint: &str) -> Exit {
    fail(255, &format!("Option \"{}\" is unknown, try \"{}\".\n", opt, hint))
}

/// rtnl_open() failed: "Cannot open netlink socket: ERR" (rc 1).
pub fn cannot_open_netlink(errno: i32) -> Exit {
    fail(1, &format!("Cannot open netlink socket: {}\n", strerror(errno)))
}

/// `-n`/`-netns` without a name: iproute2 reads the missing argv[1] as
/// NULL first (rc 255).
pub fn netns_name_missing() -> Exit {
    fail(255, "Cannot open network namespace \"(null)\": No such file or directory\n")
}

/// `Cannot find device "DEV"`: a name that is no interface here. The
/// caller picks the status (most return -1 or 1; argument parsers exit 255).
pub fn say_no_device(dev: impl std::fmt::Display) {
    super::eprint_raw(&format!("Cannot find device \"{}\"\n", dev));
}

/// `Cannot find device "DEV"` and exit status 255 (an argument parser's).
pub fn no_device(dev: impl std::fmt::Display) -> Exit {
    say_no_device(dev);
    Exit(255)
}
