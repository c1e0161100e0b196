//! No panic on any input: random argv through the parsers and random,
//! truncated and mutated netlink replies through the decoders and printers
//! (replayed, so nothing touches the kernel). A bounded property test.

#[cfg(test)]
mod tests {
    use crate::netlink::attr::Req;
    use crate::netlink::consts::*;

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*: deterministic, so a failure reproduces.
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545F4914F6CDD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
            v[self.below(v.len())]
        }
    }

    // Words that cannot reach the host: no netns object, no -n, no -batch,
    // nothing that reads stdin (restore, showdump) or execs.
    const OPTS: &[&str] = &[
        "-d",
        "-s",
        "-j",
        "-p",
        "-o",
        "-br",
        "-c",
        "-c=always",
        "-4",
        "-6",
        "-0",
        "-h",
        "-iec",
        "-N",
        "-r",
        "-details",
        "-f",
        "inet",
        "-l",
        "3",
        "-t",
        "-ts",
        "-a",
        "-M",
        "-B",
        "-rc",
        "4096",
        "-echo",
        "-force",
    ];
    const OBJS: &[&str] = &["link", "l", "address", "a", "addr", "route", "r", "help", "xyz", "li", "ro"];
    const CMDS: &[&str] = &[
        "show", "add", "set", "del", "delete", "list", "flush", "get", "help", "s", "a", "change", "replace", "append",
        "prepend", "lst", "property", "xstats", "afstats", "save",
    ];
    const WORDS: &[&str] = &[
        "dev",
        "lo",
        "up",
        "down",
        "type",
        "veth",
        "bridge",
        "bridge_slave",
        "macvlan",
        "ipvlan",
        "vxlan",
        "dummy",
        "peer",
        "name",
        "mtu",
        "1500",
        "abc",
        "-1",
        "4294967296",
        "0x10",
        "master",
        "nomaster",
        "group",
        "table",
        "all",
        "main",
        "local",
        "via",
        "10.0.0.1",
        "1.2.3.4/33",
        "10.0.0.0/8",
        "default",
        "::1",
        "fe80::1/64",
        "brd",
        "+",
        "-",
        "scope",
        "host",
        "proto",
        "kernel",
        "metric",
        "nexthop",
        "weight",
        "2",
        "address",
        "00:11:22:33:44:55",
        "zz",
        "label",
        "lo:1",
        "valid_lft",
        "forever",
        "preferred_lft",
        "nodad",
        "mode",
        "bridge",
        "l3",
        "id",
        "42",
        "dstport",
        "4789",
        "netns",
        "1",
        "alias",
        "txqlen",
        "qlen",
        "state",
        "UP",
        "on",
        "off",
        "arp",
        "promisc",
        "secondary",
        "to",
        "root",
        "match",
        "exact",
        "cached",
        "fibmatch",
        "from",
        "iif",
        "oif",
        "mark",
        "tos",
        "onlink",
        "pervasive",
        "realms",
        "rtt",
        "10ms",
        "lock",
        "initcwnd",
        "",
        "\u{e9}",
        "'",
        "\"",
        "\\",
        "a/b",
        "veth0@veth1",
        "if3",
        "xxxxxxxxxxxxxxxxxxxx",
    ];

    /// Commands that get past parsing, so the printers see the replies.
    const GOOD: &[&str] = &[
        "link show",
        "-d link show",
        "-s -s link show",
        "-br link show",
        "-o link show",
        "-j -p -d -s link show",
        "-c link show",
        "addr show",
        "-d addr show",
        "-br addr",
        "-j addr show",
        "-o -s addr",
        "route show",
        "-d route show table all",
        "-j -p route show",
        "-6 route show",
        "-o route show table all",
        "route get 10.0.0.1",
        "link show dev lo",
        "addr show dev lo",
        "-4 addr show",
        "-6 addr show",
        "link show type bridge_slave",
        "-N -d route show",
        "route list table all",
        "-j route get 10.0.0.1",
        "addr show scope link",
        "nexthop show",
        "-d -j -p nexthop show",
        "-s nexthop show",
        "nexthop bucket show",
        "nexthop get id 1",
        "netconf show",
        "-j netconf",
        "-4 netconf show dev lo",
    ];

    fn argv(r: &mut Rng) -> Vec<String> {
        if r.below(2) == 0 {
            return r.pick(GOOD).split(' ').map(|s| s.to_string()).collect();
        }
        let mut v = Vec::new();
        for _ in 0..r.below(3) {
            v.push(r.pick(OPTS).to_string());
        }
        v.push(r.pick(OBJS).to_string());
        if r.below(4) != 0 {
            v.push(r.pick(CMDS).to_string());
        }
        for _ in 0..r.below(8) {
            v.push(r.pick(WORDS).to_string());
        }
        v
    }

    fn link_msg(r: &mut Rng) -> Vec<u8> {
        let mut q = Req::new(RTM_NEWLINK, NLM_F_MULTI, &ifinfomsg(0, 1 + r.below(5) as i32, r.next() as u32, 0));
        q.attr_str(IFLA_IFNAME, "veth0");
        q.attr_u32(IFLA_MTU, 1500);
        q.attr_u32(IFLA_LINK, r.below(9) as u32);
        q.attr_u32(IFLA_MASTER, r.below(9) as u32);
        q.attr(IFLA_ADDRESS, &[2, 0, 0, 0, 0, 1]);
        q.attr(IFLA_BROADCAST, &[0xff; 6]);
        q.attr_u8(IFLA_OPERSTATE, r.below(8) as u8);
        q.attr_str(IFLA_QDISC, "noqueue");
        q.attr_u32(IFLA_TXQLEN, 1000);
        q.attr_u32(IFLA_GROUP, 0);
        q.attr_u32(IFLA_LINK_NETNSID, r.below(3) as u32);
        q.attr(IFLA_STATS64, &vec![1u8; 8 * r.below(30)]);
        let li = q.nest(IFLA_LINKINFO);
        q.attr_str(IFLA_INFO_KIND, ["veth", "bridge", "macvlan", "ipvlan", "vxlan", "tun", "x"][r.below(7)]);
        let d = q.nest(IFLA_INFO_DATA);
        for t in 0..r.below(40) {
            let len = r.below(12);
            let data: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
            q.attr(t as u16, &data);
        }
        q.nest_end(d);
        q.attr_str(IFLA_INFO_SLAVE_KIND, "bridge_slave");
        let sd = q.nest(IFLA_INFO_SLAVE_DATA);
        for t in 0..r.below(40) {
            let len = r.below(10);
            let data: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
            q.attr(t as u16, &data);
        }
        q.nest_end(sd);
        q.nest_end(li);
        q.buf
    }

    fn addr_or_route(r: &mut Rng) -> Vec<u8> {
        let pick = r.below(4);
        if pick == 2 {
            // A nexthop (or bucket): random NHA_* attributes, nested ones too.
            let h = [
                [AF_INET, AF_INET6, 0][r.below(3)],
                r.below(255) as u8,
                r.below(255) as u8,
                0,
                r.next() as u8,
                0,
                0,
                0,
            ];
            let mut q = Req::new([104u16, 105, 116][r.below(3)], NLM_F_MULTI, &h);
            for _ in 0..r.below(14) {
                let t = 1 + r.below(14) as u16;
                let len = [0, 1, 2, 4, 8, 12, 16, 20, 24][r.below(9)];
                let data: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
                if r.below(3) == 0 {
                    let n = q.nest(t);
                    q.attr(1 + r.below(4) as u16, &data);
                    q.nest_end(n);
                } else {
                    q.attr(t, &data);
                }
            }
            return q.buf;
        }
        if pick == 3 {
            // A netconf entry.
            let mut q = Req::new([80u16, 81][r.below(2)], NLM_F_MULTI, &[[AF_INET, AF_INET6, 0][r.below(3)], 0, 0, 0]);
            for t in 1..r.below(9) as u16 {
                let v = [0u32, 1, 2, 3, u32::MAX, u32::MAX - 1][r.below(6)];
                q.attr(t, &v.to_ne_bytes()[..[4, 4, 4, 2][r.below(4)]]);
            }
            return q.buf;
        }
        if pick == 0 {
            let mut h = [0u8; 8];
            h[0] = [AF_INET, AF_INET6, 0, 99][r.below(4)];
            h[1] = r.below(140) as u8;
            h[4] = 1;
            let mut q = Req::new(RTM_NEWADDR, NLM_F_MULTI, &h);
            q.attr(IFA_ADDRESS, &[10, 0, 0, 1]);
            q.attr(IFA_LOCAL, &[10, 0, 0, 1][..r.below(5)]);
            q.attr_str(IFA_LABEL, "lo");
            q.attr(IFA_CACHEINFO, &vec![0xffu8; r.below(20)]);
            q.attr_u32(IFA_FLAGS, r.next() as u32);
            q.buf
        } else {
            let mut h = [0u8; 12];
            h[0] = [AF_INET, AF_INET6, 0][r.below(3)];
            h[1] = r.below(140) as u8;
            h[4] = 254;
            h[7] = r.below(12) as u8;
            let mut q = Req::new(RTM_NEWROUTE, NLM_F_MULTI, &h);
            q.attr(RTA_DST, &[10, 0, 0, 0][..r.below(5)]);
            q.attr_u32(RTA_OIF, r.below(4) as u32);
            q.attr(RTA_GATEWAY, &[1u8; 16][..r.below(17)]);
            q.attr(RTA_MULTIPATH, &(0..r.below(30)).map(|_| r.next() as u8).collect::<Vec<_>>());
            q.attr(RTA_METRICS, &(0..r.below(30)).map(|_| r.next() as u8).collect::<Vec<_>>());
            q.attr(RTA_CACHEINFO, &vec![7u8; r.below(40)]);
            q.buf
        }
    }

    fn mutate(r: &mut Rng, mut m: Vec<u8>) -> Vec<u8> {
        match r.below(8) {
            0 => {
                let n = r.below(m.len() + 1);
                m.truncate(n);
            }
            1 => {
                for _ in 0..1 + r.below(6) {
                    let i = r.below(m.len());
                    if let Some(b) = m.get_mut(i) {
                        *b = r.next() as u8;
                    }
                }
            }
            2
                // A lying length field.
                if m.len() >= 4 => {
                    let l = (r.next() % 70000) as u32;
                    m[..4].copy_from_slice(&l.to_ne_bytes());
                }
            _ => {}
        }
        m
    }

    fn done(r: &mut Rng) -> Vec<u8> {
        let err: i32 = [0, -1, -2, -19, -95, -90][r.below(6)];
        let mut q = Req::new([NLMSG_DONE, NLMSG_ERROR][r.below(2)], NLM_F_MULTI, &err.to_ne_bytes());
        q.attr(0, &[0u8; 16]);
        q.buf
    }

    /// As root the property test runs in a child process inside its own
    /// network and mount namespaces (tmpfs /run), so no code path reached by
    /// a random command can change the machine even if it bypassed replay.
    #[test]
    fn random_argv_and_replies_never_panic() {
        if std::env::var_os("RIP_FUZZ_CHILD").is_some() {
            return fuzz();
        }
        if unsafe { libc::geteuid() } != 0 {
            return fuzz();
        }
        let exe = std::env::current_exe().expect("test binary path");
        let st = std::process::Command::new("unshare")
            .args(["--net", "--mount", "--propagation", "private", "--", "sh", "-c"])
            .arg("mount -t tmpfs tmpfs /run && exec \"$0\" robust::tests::random_argv_and_replies_never_panic --exact --quiet")
            .arg(exe)
            .env("RIP_FUZZ_CHILD", "1")
            .status()
            .expect("unshare");
        assert!(st.success(), "fuzz child failed: {:?}", st);
    }

    fn fuzz() {
        let mut r = Rng(0x9E3779B97F4A7C15);
        let iters = std::env::var("RIP_FUZZ_ITERS").ok().and_then(|s| s.parse().ok()).unwrap_or(3000);
        let mut panics = Vec::new();
        for _ in 0..iters {
            let args = argv(&mut r);
            let mut dgrams = Vec::new();
            for _ in 0..r.below(4) {
                let mut d = Vec::new();
                for _ in 0..r.below(4) {
                    let m = match r.below(3) {
                        0 => link_msg(&mut r),
                        1 => addr_or_route(&mut r),
                        _ => done(&mut r),
                    };
                    d.extend(mutate(&mut r, m));
                }
                dgrams.push(d);
            }
            dgrams.push(done(&mut r));
            let a2 = args.clone();
            let res = std::panic::catch_unwind(move || crate::ip::replay(&a2, dgrams));
            if res.is_err() {
                panics.push(args.join(" "));
            }
        }
        assert!(panics.is_empty(), "panics for: {:?}", panics);
    }
}
