//! No panic on any input: random argv through the parsers and random,
//! truncated and mutated netlink replies through the decoders and printers
//! (replayed, so nothing touches the kernel). A bounded property test.
//!
//! Covered: `ip` and `bridge` (link, fdb, mdb, vlan, vni dumps) printers;
//! `sysctl` printers and parsers (values, `-p` files, globs, `-r` patterns)
//! on a fake /proc/sys (a tmpfs over it in the test's own mount namespace);
//! NLMSG_ERROR/NLMSG_DONE replies with extended-ACK TLVs (NLM_F_CAPPED,
//! NLM_F_ACK_TLVS, truncated and malformed ones); interrupted dumps
//! (NLM_F_DUMP_INTR); replies of another sequence number or port id, which
//! must change nothing (strict replays filter them as a live socket does).
//! Any single run over one second is a finding too.
//!
//!   RIP_PROP_SEED=N  replays a run (decimal or 0x hex); without it the seed
//!                    is random, and printed on every run
//!   RIP_PROP_N=N     iterations (default 10,000: about 2 s in a debug build)

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
        "neigh show",
        "-s -d neigh show",
        "-j neigh show",
        "rule show",
        "-d -j rule show",
        "-6 rule show",
        "maddr show",
        "ntable show",
        "-s ntable show",
        "addrlabel list",
        "mroute show",
        "-6 mroute show",
        "-d link show type bridge",
        "-d -j link show type vxlan",
        "-s -s -d addr show",
    ];

    fn argv(r: &mut Rng) -> Vec<String> {
        if r.below(3) != 0 {
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
        let err: i32 = if r.below(2) == 0 { 0 } else { [0, -1, -2, -19, -95, -90, -90, 5][r.below(8)] };
        let ty = [NLMSG_DONE, NLMSG_ERROR][r.below(2)];
        let mut flags = NLM_F_MULTI;
        if r.below(3) == 0 {
            flags |= [NLM_F_ACK_TLVS, NLM_F_ACK_TLVS | NLM_F_CAPPED, NLM_F_CAPPED, NLM_F_DUMP_INTR][r.below(4)];
        }
        let mut body = err.to_ne_bytes().to_vec();
        if ty == NLMSG_ERROR || r.below(2) == 0 {
            // The echoed request header (sometimes with its payload, or a
            // lying length), then extended-ACK TLVs.
            let inner = [16u32, 20, 0, 8, 36, 0xffff_fff0, r.next() as u32][r.below(7)];
            body.extend_from_slice(&inner.to_ne_bytes());
            body.extend_from_slice(&[0u8; 12]);
            if flags & NLM_F_CAPPED == 0 && r.below(2) == 0 {
                body.extend((0..20).map(|_| r.next() as u8));
            }
        }
        body.extend(ext_ack_tlvs(r));
        let mut m = nlmsg(ty, flags, &body);
        if r.below(8) == 0 {
            let n = r.below(m.len() + 1);
            m.truncate(n);
        }
        m
    }

    /// Random NLMSGERR_ATTR_* TLVs: messages with and without their NUL,
    /// offsets in and out of range, cookies, unknown types, short ones.
    fn ext_ack_tlvs(r: &mut Rng) -> Vec<u8> {
        let mut out = Vec::new();
        for _ in 0..r.below(4) {
            let t = [1u16, 1, 1, 2, 2, 3, 4, 5, 6, 7, 0, 0x8001, r.next() as u16][r.below(13)];
            let data: Vec<u8> = match t {
                1 => {
                    let mut m = [&b"Unknown device type"[..], b"bad.", b"", b"x\0y", b"\xff\xfe"][r.below(5)].to_vec();
                    if r.below(4) != 0 {
                        m.push(0);
                    }
                    m
                }
                2 => [0u32, 16, 20, 100000, u32::MAX][r.below(5)].to_ne_bytes()[..[4, 4, 4, 2, 0][r.below(5)]].to_vec(),
                _ => (0..r.below(20)).map(|_| r.next() as u8).collect(),
            };
            out.extend(tlv(t, &data));
        }
        if r.below(10) == 0 {
            out.extend_from_slice(&[8, 0]);
        }
        out
    }

    /// Port id and sequence placeholder of every message a strict replay
    /// answers with (crate::netlink::REPLAY_SEQ: the latest request's).
    const PID: u32 = 4242;

    fn nlmsg(ty: u16, flags: u16, body: &[u8]) -> Vec<u8> {
        let mut m = Vec::with_capacity(16 + body.len() + 3);
        m.extend_from_slice(&(16 + body.len() as u32).to_ne_bytes());
        m.extend_from_slice(&ty.to_ne_bytes());
        m.extend_from_slice(&flags.to_ne_bytes());
        m.extend_from_slice(&crate::netlink::REPLAY_SEQ.to_ne_bytes());
        m.extend_from_slice(&PID.to_ne_bytes());
        m.extend_from_slice(body);
        while m.len() % 4 != 0 {
            m.push(0);
        }
        m
    }

    fn tlv(ty: u16, data: &[u8]) -> Vec<u8> {
        let mut a = Vec::with_capacity(4 + data.len() + 3);
        a.extend_from_slice(&(4 + data.len() as u16).to_ne_bytes());
        a.extend_from_slice(&ty.to_ne_bytes());
        a.extend_from_slice(data);
        while a.len() % 4 != 0 {
            a.push(0);
        }
        a
    }

    /// Random attributes below `maxtype`, nested up to `depth` levels, with
    /// the sizes decoders expect (1, 2, 4, 6, 8, 16 ...) and odd ones.
    fn tree(r: &mut Rng, depth: usize, maxtype: u16) -> Vec<u8> {
        let mut out = Vec::new();
        for _ in 0..r.below(8) {
            let t = r.below(maxtype as usize + 1) as u16 | if r.below(8) == 0 { 0x8000 } else { 0 };
            let data = if depth > 0 && r.below(3) == 0 {
                tree(r, depth - 1, maxtype)
            } else {
                let len = [0, 1, 2, 3, 4, 4, 6, 8, 8, 12, 16, 20, 26, 28, 40][r.below(15)];
                (0..len).map(|_| [0u8, 1, 0xff, r.next() as u8][r.below(4)]).collect()
            };
            out.extend(tlv(t, &data));
        }
        out
    }

    /// Any rtnetlink message an ip listing reads: a random fixed header with
    /// a plausible family, then random (nested) attributes.
    fn generic_rt(r: &mut Rng) -> Vec<u8> {
        let ty = [16u16, 20, 24, 28, 32, 64, 72, 80, 104, 84][r.below(10)];
        let mut b: Vec<u8> = (0..[4, 8, 12, 12, 16, 28][r.below(6)]).map(|_| r.next() as u8).collect();
        if let Some(f) = b.first_mut() {
            *f = [AF_INET, AF_INET6, AF_BRIDGE, 0, 128, 129][r.below(6)];
        }
        b.extend(tree(r, 2, 24));
        nlmsg(ty, NLM_F_MULTI, &b)
    }

    /// A bridge reply: an AF_BRIDGE link (IFLA_PROTINFO, IFLA_AF_SPEC with
    /// VLAN entries), an fdb entry, an mdb dump part or a vlan entry.
    fn bridge_msg(r: &mut Rng) -> Vec<u8> {
        let ifindex = (1 + r.below(5) as u32).to_ne_bytes();
        match r.below(5) {
            0 => {
                let mut b = vec![AF_BRIDGE, 0, 1, 0];
                b.extend_from_slice(&ifindex);
                b.extend_from_slice(&(r.next() as u32).to_ne_bytes());
                b.extend_from_slice(&0u32.to_ne_bytes());
                b.extend(tlv(IFLA_IFNAME, b"veth0\0"));
                b.extend(tlv(IFLA_MASTER, &(r.below(6) as u32).to_ne_bytes()));
                b.extend(tlv(IFLA_MTU, &1500u32.to_ne_bytes()));
                b.extend(tlv(IFLA_OPERSTATE, &[r.below(7) as u8]));
                b.extend(tlv(IFLA_ADDRESS, &[2, 0, 0, 0, 0, 1]));
                if r.below(2) == 0 {
                    b.extend(tlv(12 | 0x8000, &tree(r, 1, 45)));
                }
                let mut spec = Vec::new();
                for _ in 0..r.below(6) {
                    let info = [[0u8, 0], [1, 0], [2, 0], [4, 0], [8, 0], [6, 0]][r.below(6)];
                    let vid = [1u16, 2, 100, 4094, 4095, 0][r.below(6)];
                    let mut v = info.to_vec();
                    v.extend_from_slice(&vid.to_ne_bytes());
                    spec.extend(tlv(2, &v[..[4, 4, 4, 2][r.below(4)]]));
                }
                if r.below(2) == 0 {
                    spec.extend(tree(r, 2, 8));
                }
                b.extend(tlv(26, &spec));
                nlmsg(RTM_NEWLINK, NLM_F_MULTI, &b)
            }
            1 => {
                let mut b = vec![[AF_BRIDGE, AF_INET, AF_INET6][r.below(3)], 0, 0, 0];
                b.extend_from_slice(&ifindex);
                b.extend_from_slice(&[0x80, 0, r.next() as u8, r.below(3) as u8]);
                b.extend(tlv(2, &[0, 0x11, 0x22, 0x33, 0x44, 0x55][..[6, 6, 6, 4, 0][r.below(5)]]));
                b.extend(tlv(9, &(r.below(6) as u32).to_ne_bytes()));
                b.extend(tlv(5, &(r.below(4096) as u16).to_ne_bytes()));
                b.extend(tlv(1, &[10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1][..[4, 16, 3][r.below(3)]]));
                b.extend(tlv(3, &vec![1u8; [16, 12, 8][r.below(3)]]));
                b.extend(tree(r, 1, 16));
                nlmsg(RTM_NEWNEIGH, NLM_F_MULTI, &b)
            }
            2 => {
                let mut b = vec![AF_BRIDGE, 0, 0, 0];
                b.extend_from_slice(&ifindex);
                let mut mdb = Vec::new();
                for _ in 0..r.below(4) {
                    let mut ent = Vec::new();
                    let mut info = Vec::new();
                    info.extend_from_slice(&ifindex);
                    info.extend_from_slice(&[r.below(2) as u8, r.next() as u8]);
                    info.extend_from_slice(&(r.below(4096) as u16).to_ne_bytes());
                    info.extend_from_slice(&[239, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
                    info.extend_from_slice(&[[0x08, 0x00], [0x86, 0xdd], [0, 0], [1, 2]][r.below(4)]);
                    let n = [info.len(), 28, 20, 4][r.below(4)].min(info.len());
                    info.truncate(n);
                    info.resize(28.min(info.len() + 2), 0);
                    let mut e = tlv(1, &info);
                    if r.below(2) == 0 {
                        e.extend(tree(r, 1, 8));
                    }
                    ent.extend(tlv(1 | 0x8000, &e));
                    mdb.extend(ent);
                }
                b.extend(tlv(1 | 0x8000, &mdb));
                if r.below(2) == 0 {
                    let mut rp = tlv(1, &ifindex);
                    rp.extend(tree(r, 1, 8));
                    b.extend(tlv(2 | 0x8000, &rp));
                }
                nlmsg(86, NLM_F_MULTI, &b)
            }
            3 => {
                let mut b = vec![AF_BRIDGE, 0, 0, 0];
                b.extend_from_slice(&ifindex);
                let mut e = Vec::new();
                let mut v = [[0u8, 0], [2, 0], [4, 0], [6, 0]][r.below(4)].to_vec();
                v.extend_from_slice(&[1u16, 10, 4094][r.below(3)].to_ne_bytes());
                e.extend(tlv(1, &v[..[4, 4, 2][r.below(3)]]));
                e.extend(tree(r, 2, 12));
                b.extend(tlv([1u16, 2, 3][r.below(3)] | 0x8000, &e));
                nlmsg(112, NLM_F_MULTI, &b)
            }
            _ => {
                // A vni entry or anything else of a bridge dump.
                let mut b = vec![AF_BRIDGE, 0, 0, 0];
                b.extend_from_slice(&ifindex);
                b.extend(tree(r, 3, 10));
                nlmsg([112u16, 86, 28, 16][r.below(4)], NLM_F_MULTI, &b)
            }
        }
    }

    const BR_GOOD: &[&str] = &[
        "link show",
        "-d link show",
        "-s -j link",
        "-c link show",
        "fdb show",
        "-d -s fdb show",
        "-j -p fdb show",
        "-o fdb show",
        "fdb show dynamic",
        "mdb show",
        "-d mdb show",
        "-s -d mdb show",
        "-j mdb show",
        "-j -p -d mdb show",
        "vlan show",
        "-d vlan show",
        "-s vlan show",
        "-j -s vlan show",
        "-c vlan show",
        "vlan show tunnel_info",
        "-j vlan tunnelshow",
        "vlan global show",
        "-d vlan global show",
        "-j vlan global show",
        "-c -d vlan show",
        "vni show",
        "-j vni show",
        "-s -d vni show",
        "-compressvlans vlan show",
    ];
    const BR_WORDS: &[&str] = &[
        "show",
        "dev",
        "lo",
        "br",
        "brport",
        "vlan",
        "vid",
        "1",
        "4095",
        "0x",
        "-1",
        "state",
        "self",
        "master",
        "dynamic",
        "tunnel_info",
        "global",
        "stats",
        "",
        "\u{e9}",
        "veth0",
        "xxxxxxxxxxxxxxxxxxxxxxxxxx",
    ];

    fn bridge_argv(r: &mut Rng) -> Vec<String> {
        let mut v: Vec<String> = r.pick(BR_GOOD).split(' ').map(|s| s.to_string()).collect();
        for _ in 0..r.below(3) {
            match r.below(3) {
                0 if v.len() > 1 => {
                    let i = r.below(v.len());
                    v.remove(i);
                }
                _ => {
                    let i = r.below(v.len() + 1);
                    v.insert(i, r.pick(BR_WORDS).to_string());
                }
            }
        }
        v
    }

    /// Stamps the port id and sequence placeholder on every well-formed
    /// message of a datagram (the generators' Req messages have neither).
    fn stamp(d: &mut [u8]) {
        let mut at = 0;
        while at + 16 <= d.len() {
            let len = u32::from_ne_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]]) as usize;
            if len < 16 || at + len > d.len() {
                break;
            }
            d[at + 8..at + 12].copy_from_slice(&crate::netlink::REPLAY_SEQ.to_ne_bytes());
            d[at + 12..at + 16].copy_from_slice(&PID.to_ne_bytes());
            at += crate::netlink::attr::align4(len);
        }
    }

    /// A message no request of ours asked for: another port id, or a
    /// sequence number after the latest request's.
    fn stray(r: &mut Rng) -> Vec<u8> {
        let mut m = match r.below(4) {
            0 => link_msg(r),
            1 => nlmsg(NLMSG_DONE, NLM_F_MULTI | NLM_F_DUMP_INTR, &(-5i32).to_ne_bytes()),
            2 => {
                let mut b = (-22i32).to_ne_bytes().to_vec();
                b.extend_from_slice(&[0u8; 16]);
                nlmsg(NLMSG_ERROR, 0, &b)
            }
            _ => bridge_msg(r),
        };
        if m.len() >= 16 {
            if r.below(2) == 0 {
                let pid = [0u32, PID + 1, u32::MAX][r.below(3)];
                m[12..16].copy_from_slice(&pid.to_ne_bytes());
            } else {
                m[12..16].copy_from_slice(&PID.to_ne_bytes());
                let seq = 0x7000_0000u32 + r.below(1000) as u32;
                m[8..12].copy_from_slice(&seq.to_ne_bytes());
            }
        }
        m
    }

    /// A datagram answering the command: messages of `gen`, mutated.
    fn datagrams(r: &mut Rng, gen: &mut dyn FnMut(&mut Rng) -> Vec<u8>) -> Vec<Vec<u8>> {
        let mut dgrams = Vec::new();
        for _ in 0..r.below(4) {
            let mut d = Vec::new();
            for _ in 0..r.below(5) {
                let mut m = match r.below(16) {
                    0 => done(r),
                    _ => gen(r),
                };
                stamp(&mut m);
                // Mostly whole messages, so the printers see them.
                d.extend(if r.below(4) == 0 { mutate(r, m) } else { m });
            }
            dgrams.push(d);
        }
        // Mostly a plain end, so whole dumps reach the printers.
        let mut end = if r.below(4) == 0 { done(r) } else { nlmsg(NLMSG_DONE, NLM_F_MULTI, &0i32.to_ne_bytes()) };
        stamp(&mut end);
        dgrams.push(end);
        dgrams
    }

    /// The seed: RIP_PROP_SEED, else getrandom (the clock if that fails).
    fn seed() -> u64 {
        if let Ok(v) = std::env::var("RIP_PROP_SEED") {
            let v = v.trim();
            let n = match v.strip_prefix("0x") {
                Some(h) => u64::from_str_radix(h, 16),
                None => v.parse(),
            };
            return n.unwrap_or_else(|_| panic!("RIP_PROP_SEED={v}: not a number"));
        }
        let mut b = [0u8; 8];
        // SAFETY: b is a writable buffer of its length.
        let n = unsafe { libc::getrandom(b.as_mut_ptr() as *mut libc::c_void, b.len(), 0) };
        let s = if n == 8 {
            u64::from_ne_bytes(b)
        } else {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            t.as_nanos() as u64 ^ (std::process::id() as u64) << 32
        };
        // xorshift must not start at 0.
        s.max(1)
    }

    /// Written to fd 2 directly, past the test harness' capture: the seed
    /// is shown on every run, passed or failed.
    fn say(s: &str) {
        use std::io::Write;
        let _ = std::io::stderr().write_all(s.as_bytes());
    }

    /// As root the property test runs in a child process inside its own
    /// network and mount namespaces (tmpfs /run, and a tmpfs over /proc/sys
    /// for sysctl's writes), so no code path reached by a random command can
    /// change the machine even if it bypassed replay.
    #[test]
    fn random_argv_and_replies_never_panic() {
        if std::env::var_os("RIP_FUZZ_CHILD").is_some() {
            fuzz(seed());
            // A code path that ended the process early would look like a pass.
            if let Some(done) = std::env::var_os("RIP_PROP_DONE") {
                std::fs::write(done, b"done\n").expect("the child's done marker");
            }
            return;
        }
        let seed = seed();
        let n = iterations();
        say(&format!(
            "robust: property test seed 0x{seed:x}, {n} iterations (RIP_PROP_SEED=0x{seed:x} RIP_PROP_N={n} replays it)\n"
        ));
        if unsafe { libc::geteuid() } != 0 {
            return fuzz(seed);
        }
        let exe = std::env::current_exe().expect("test binary path");
        let done = std::env::temp_dir().join(format!("rip-prop-{}.done", std::process::id()));
        let _ = std::fs::remove_file(&done);
        let st = std::process::Command::new("unshare")
            .args(["--net", "--mount", "--propagation", "private", "--", "sh", "-c"])
            .arg(
                "mount -t tmpfs tmpfs /run || exit 1; \
                 if mount -t tmpfs tmpfs /proc/sys; then export RIP_PROP_SYSCTL=1; fi; \
                 exec \"$0\" robust::tests::random_argv_and_replies_never_panic --exact --quiet",
            )
            .arg(exe)
            .env("RIP_FUZZ_CHILD", "1")
            .env("RIP_PROP_DONE", &done)
            .env("RIP_PROP_SEED", format!("{seed}"))
            .env("RIP_PROP_N", format!("{n}"))
            .env("RIP_PROP_SHOW", std::env::var_os("RIP_PROP_SHOW").unwrap_or_default())
            .status()
            .expect("unshare");
        assert!(st.success(), "property test failed (RIP_PROP_SEED=0x{seed:x} RIP_PROP_N={n}): {:?}", st);
        let finished = std::fs::remove_file(&done).is_ok();
        assert!(finished, "the property test's child ended before its last iteration (RIP_PROP_SEED=0x{seed:x})");
    }

    fn iterations() -> usize {
        std::env::var("RIP_PROP_N").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(10000)
    }

    /// /proc/sys is the tmpfs the child mounted (never the kernel's).
    fn fake_proc_sys() -> bool {
        if std::env::var_os("RIP_PROP_SYSCTL").is_none() {
            return false;
        }
        let mut st: libc::statfs = unsafe { std::mem::zeroed() };
        // SAFETY: a NUL-terminated path and a zeroed statfs to fill.
        let rc = unsafe { libc::statfs(c"/proc/sys".as_ptr(), &mut st) };
        rc == 0 && st.f_type == libc::TMPFS_MAGIC
    }

    /// Keys of the fake /proc/sys; values are rewritten at random.
    const SYS_FILES: &[&str] = &[
        "net/ipv4/ip_forward",
        "net/ipv4/tcp_rmem",
        "net/ipv4/conf/all/forwarding",
        "net/ipv4/conf/lo/rp_filter",
        "net/ipv4/conf/eth0.100/rp_filter",
        "net/ipv6/conf/all/disable_ipv6",
        "net/core/somaxconn",
        "kernel/hostname",
        "kernel/random/uuid",
        "vm/swappiness",
        "fs/binfmt_misc/register",
        "dev/x/y",
    ];
    const SYS_KEYS: &[&str] = &[
        "net.ipv4.ip_forward",
        "net/ipv4/ip_forward",
        "net.ipv4.conf.all.forwarding",
        "net.ipv4.conf.eth0/100.rp_filter",
        "net.ipv4.conf.*.rp_filter",
        "net.ipv4.*",
        "net.ipv{4,6}.conf.all.*",
        "kernel.hostname",
        "kernel.random.uuid",
        "vm",
        "vm.",
        "net",
        "nope.nope",
        "-net.nope",
        "net.core.somaxconn=4096",
        "net.ipv4.tcp_rmem=4096 87380 6291456",
        "kernel.hostname=h",
        "vm.swappiness=",
        "fs.binfmt_misc.register",
        "=1",
        "[",
        "net.ipv4.conf.[al]*.forwarding",
        "\u{e9}",
        "..",
        "net..ipv4",
    ];
    const SYS_OPTS: &[&str] = &[
        "-a",
        "-A",
        "-X",
        "-N",
        "-n",
        "-e",
        "-q",
        "-w",
        "-b",
        "-r",
        "net",
        "--pattern",
        "^net\\.ipv[46]",
        "-r",
        "(",
        "-r",
        "a{2,1}",
        "-d",
        "-x",
        "-o",
        "--values",
        "--names",
        "--ignore",
        "--quiet",
        "--write",
        "--dry-run",
        "--deprecated",
        "-h",
        "-V",
        "-p",
        "/run/p.conf",
        "-f",
        "/run/p.conf",
        "--load=/run/p.conf",
        "--system",
        "-",
    ];
    const CONF_LINES: &[&str] = &[
        "# comment",
        "; comment",
        "",
        "   ",
        "net.ipv4.ip_forward = 1",
        "net.ipv4.ip_forward=0",
        "-net.nope = 1",
        "net.nope = 1",
        "net.ipv4.conf.*.rp_filter = 2",
        "-net.ipv4.conf.lo.rp_filter = 1",
        "net.ipv4.conf.eth0/100.rp_filter = 1",
        "kernel.hostname = a b c ",
        "vm.swappiness",
        "=",
        " = 1",
        "net.ipv4.tcp_rmem = \"1 2 3\"",
        "net.ipv{4,6}.conf.all.forwarding = 1",
        "net.ipv4.conf.[a-z]*.forwarding=1",
        "fs.binfmt_misc.register = x",
    ];

    /// One sysctl run on the fake /proc/sys: random values (binary, long,
    /// empty, several lines), a random -p file, random options and keys.
    fn sysctl_case(r: &mut Rng) -> Vec<std::ffi::OsString> {
        use std::os::unix::ffi::OsStringExt;
        for f in SYS_FILES {
            let path = format!("/proc/sys/{f}");
            let v: Vec<u8> = match r.below(6) {
                0 => b"1\n".to_vec(),
                1 => b"4096\t87380\t6291456\n".to_vec(),
                2 => Vec::new(),
                3 => (0..r.below(64)).map(|_| r.next() as u8).collect(),
                4 => vec![b'a'; [4095, 4096, 4097, 70000][r.below(4)]],
                _ => b"x\ny\n\nz".to_vec(),
            };
            if let Some(dir) = std::path::Path::new(&path).parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::write(&path, v);
            use std::os::unix::fs::PermissionsExt;
            let mode = [0o644, 0o444, 0o200, 0o000][r.below(4)];
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
        }
        let mut conf = Vec::new();
        for _ in 0..r.below(12) {
            let mut line = r.pick(CONF_LINES).as_bytes().to_vec();
            match r.below(8) {
                0 => line.push(0xff),
                1 => line.extend(std::iter::repeat_n(b'x', [200, 5000][r.below(2)])),
                2 => line.insert(0, b' '),
                3 => line.truncate(r.below(line.len() + 1)),
                _ => {}
            }
            conf.extend(line);
            if r.below(10) != 0 {
                conf.push(b'\n');
            }
        }
        let _ = std::fs::write("/run/p.conf", conf);
        let mut v: Vec<std::ffi::OsString> = vec!["sysctl".into()];
        for _ in 0..r.below(4) {
            let o = r.pick(SYS_OPTS);
            // Never stdin: "-" alone would read the test's.
            if o != "-" {
                v.push(o.into());
            }
        }
        for _ in 0..r.below(4) {
            let mut k = r.pick(SYS_KEYS).as_bytes().to_vec();
            if r.below(6) == 0 {
                k.push([0xffu8, b'*', b'.', b'/', b'='][r.below(5)]);
            }
            v.push(std::ffi::OsString::from_vec(k));
        }
        v
    }

    /// How one iteration went wrong.
    enum Bad {
        Panic,
        Slow(std::time::Duration),
        Stray,
    }

    fn timed<R>(f: impl FnOnce() -> R + std::panic::UnwindSafe) -> (Option<R>, std::time::Duration) {
        let t = std::time::Instant::now();
        let res = std::panic::catch_unwind(f).ok();
        (res, t.elapsed())
    }

    fn fuzz(seed: u64) {
        let mut r = Rng(seed.max(1));
        let iters = iterations();
        let sysctl = fake_proc_sys();
        // RIP_PROP_SHOW=1: every ip/bridge run's output on stderr.
        let show = std::env::var_os("RIP_PROP_SHOW").is_some_and(|v| !v.is_empty());
        let mut bad: Vec<(String, Bad)> = Vec::new();
        let limit = std::time::Duration::from_secs(1);
        crate::netlink::STRICT_REPLAY.with(|s| s.set(Some(PID)));
        // Runs per area (ip, bridge, sysctl) and how many printed to stdout.
        let mut runs = [0usize; 4];
        let mut printed = [0usize; 4];
        for _ in 0..iters {
            let area = r.below(if sysctl { 4 } else { 3 });
            if area == 3 {
                let argv = sysctl_case(&mut r);
                let shown = argv.iter().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ");
                let (res, took) = timed(move || crate::sysctl::captured(argv));
                runs[3] += 1;
                printed[3] += res.as_ref().is_some_and(|o| !o.0.is_empty()) as usize;
                match res {
                    None => bad.push((shown, Bad::Panic)),
                    Some(_) if took > limit => bad.push((shown, Bad::Slow(took))),
                    Some(_) => {}
                }
                continue;
            }
            let bridge = area == 2;
            let args = if bridge { bridge_argv(&mut r) } else { argv(&mut r) };
            let dgrams = if bridge {
                datagrams(&mut r, &mut bridge_msg)
            } else {
                datagrams(&mut r, &mut |r: &mut Rng| match r.below(3) {
                    0 => link_msg(r),
                    1 => addr_or_route(r),
                    _ => generic_rt(r),
                })
            };
            // The same replies with strays in front of some datagrams:
            // filtered by port id and sequence, they must change nothing.
            let mut strays = dgrams.clone();
            for d in strays.iter_mut() {
                if r.below(2) == 0 {
                    let mut s = stray(&mut r);
                    s.extend_from_slice(d);
                    *d = s;
                }
            }
            let shown = format!("{} {}", if bridge { "bridge" } else { "ip" }, args.join(" "));
            let run = |a: Vec<String>, d: Vec<Vec<u8>>| {
                move || if bridge { crate::bridge::replay(&a, d) } else { crate::ip::replay(&a, d) }
            };
            let (plain, took) = timed(run(args.clone(), dgrams));
            let Some(plain) = plain else {
                bad.push((shown, Bad::Panic));
                continue;
            };
            runs[area] += 1;
            printed[area] += !plain.0.is_empty() as usize;
            if show {
                say(&format!(
                    "{shown}\n  rc {}\n  stdout {:?}\n  stderr {:?}\n",
                    plain.2,
                    String::from_utf8_lossy(&plain.0),
                    String::from_utf8_lossy(&plain.1)
                ));
            }
            if took > limit {
                bad.push((shown.clone(), Bad::Slow(took)));
            }
            match timed(run(args.clone(), strays)) {
                (None, _) => bad.push((shown, Bad::Panic)),
                (Some(o), _) if o != plain => bad.push((shown, Bad::Stray)),
                _ => {}
            }
        }
        crate::netlink::STRICT_REPLAY.with(|s| s.set(None));
        say(&format!(
            "robust: runs (with output): ip {} ({}), bridge {} ({}), sysctl {} ({}){}\n",
            runs[0] + runs[1],
            printed[0] + printed[1],
            runs[2],
            printed[2],
            runs[3],
            printed[3],
            if sysctl { "" } else { " (sysctl skipped: no private /proc/sys)" }
        ));
        let list: Vec<String> = bad
            .iter()
            .map(|(c, b)| match b {
                Bad::Panic => format!("panic: {c}"),
                Bad::Slow(t) => format!("slow ({t:?}): {c}"),
                Bad::Stray => format!("a stray reply changed the output: {c}"),
            })
            .collect();
        assert!(list.is_empty(), "seed 0x{seed:x}: {:#?}", list);
    }

    /// One strict replay: (stdout, stderr, exit status).
    fn strict(ip: bool, args: &str, dgrams: Vec<Vec<u8>>) -> (String, String, i32) {
        let args: Vec<String> = args.split(' ').map(|s| s.to_string()).collect();
        crate::netlink::STRICT_REPLAY.with(|s| s.set(Some(PID)));
        let (o, e, rc) = if ip { crate::ip::replay(&args, dgrams) } else { crate::bridge::replay(&args, dgrams) };
        crate::netlink::STRICT_REPLAY.with(|s| s.set(None));
        (String::from_utf8_lossy(&o).into_owned(), String::from_utf8_lossy(&e).into_owned(), rc)
    }

    /// An NLMSG_ERROR: errno, flags, the echoed header's length field, TLVs.
    fn nlerr(errno: i32, flags: u16, inner_len: u32, tlvs: &[u8]) -> Vec<u8> {
        let mut b = errno.wrapping_neg().to_ne_bytes().to_vec();
        b.extend_from_slice(&inner_len.to_ne_bytes());
        b.extend_from_slice(&[0u8; 12]);
        b.extend_from_slice(tlvs);
        nlmsg(NLMSG_ERROR, flags, &b)
    }

    fn cat(parts: &[&[u8]]) -> Vec<u8> {
        parts.concat()
    }

    const TLVS: u16 = NLM_F_ACK_TLVS | NLM_F_CAPPED;

    /// rtnl_talk()'s error and extended-ACK handling as lib/libnetlink.c
    /// (6.1.0, with libmnl as Debian builds it) does it: nl_dump_ext_ack()
    /// through mnl_attr_parse() and err_attr_cb()'s policy.
    #[test]
    fn talk_errors_and_extended_acks() {
        let add = "route add blackhole 10.9.0.0/16";
        let msg = |m: &[u8]| tlv(NLMSGERR_ATTR_MSG, m);
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (nlerr(22, TLVS, 16, &msg(b"bad thing\0")), "Error: bad thing.\n"),
            (nlerr(22, TLVS, 16, &msg(b"ends.\0")), "Error: ends.\n"),
            (nlerr(22, 0, 16, &msg(b"bad thing\0")), "RTNETLINK answers: Invalid argument\n"),
            (
                nlerr(22, TLVS, 16, &msg(b"no nul")),
                "extack attribute 1 failed validation\nRTNETLINK answers: Invalid argument\n",
            ),
            (nlerr(22, TLVS, 16, &msg(b"\0")), "RTNETLINK answers: Invalid argument\n"),
            (nlerr(22, TLVS, 16, &msg(b"a\0b\0")), "Error: a.\n"),
            (
                nlerr(22, TLVS, 16, &cat(&[&msg(b"x\0"), &tlv(9, b"")])),
                "Invalid extack attribute\nRTNETLINK answers: Invalid argument\n",
            ),
            (nlerr(22, TLVS, 16, &cat(&[&tlv(3, b"cookie"), &msg(b"x\0")])), "Error: x.\n"),
            (
                nlerr(22, TLVS, 16, &cat(&[&tlv(NLMSGERR_ATTR_OFFS, &1000u32.to_ne_bytes()), &msg(b"x\0")])),
                "Invalid offset for NLMSGERR_ATTR_OFFS\nError: x.\n",
            ),
            (
                nlerr(22, TLVS, 16, &cat(&[&tlv(NLMSGERR_ATTR_OFFS, &[1, 0]), &msg(b"x\0")])),
                "extack attribute 2 failed validation\nRTNETLINK answers: Invalid argument\n",
            ),
            // Not capped: the TLVs follow the echoed request (its length).
            (nlerr(22, NLM_F_ACK_TLVS, 16, &msg(b"x\0")), "Error: x.\n"),
            (nlerr(22, NLM_F_ACK_TLVS, 24, &cat(&[&[0u8; 8], &msg(b"x\0")])), "Error: x.\n"),
            (nlerr(22, NLM_F_ACK_TLVS, 24, &msg(b"x\0")), "RTNETLINK answers: Invalid argument\n"),
            // An echoed length under 16 wraps (size_t): the TLVs start inside
            // the echoed header, where a zero length ends the walk.
            (nlerr(22, NLM_F_ACK_TLVS, 0, &msg(b"x\0")), "RTNETLINK answers: Invalid argument\n"),
            // A warning on success.
            (nlerr(0, TLVS, 16, &msg(b"careful\0")), "Warning: careful.\n"),
            (nlerr(0, TLVS, 16, &tlv(7, b"")), "Invalid extack attribute\n"),
            // Shorter than struct nlmsgerr.
            (nlmsg(NLMSG_ERROR, 0, &(-22i32).to_ne_bytes()), "ERROR truncated\n"),
        ];
        for (reply, want) in cases {
            let (_, err, _) = strict(true, add, vec![reply.clone()]);
            assert_eq!(err, want, "reply {:02x?}", reply);
        }
        // Replies of another port, a later sequence or the one before are
        // skipped (rip keeps to its own sequence number: see talk_inner).
        let mut other = nlerr(1, 0, 16, &[]);
        other[12..16].copy_from_slice(&(PID + 1).to_ne_bytes());
        let mut later = nlerr(2, 0, 16, &[]);
        later[8..12].copy_from_slice(&0x7000_0000u32.to_ne_bytes());
        let mut before = nlerr(13, 0, 16, &[]);
        before[8..12].copy_from_slice(&(crate::netlink::REPLAY_SEQ + 1).to_ne_bytes());
        let (_, err, rc) = strict(true, add, vec![cat(&[&other, &later, &nlerr(0, 0, 16, &[])])]);
        assert_eq!((err.as_str(), rc), ("", 0));
        let (_, err, rc) = strict(true, add, vec![cat(&[&other, &before, &nlerr(0, 0, 16, &[])])]);
        assert_eq!((err.as_str(), rc), ("", 0));
    }

    /// rtnl_dump_filter_l() and rtnl_dump_done() of 6.1.0: interrupted
    /// dumps, errors, strays and remnants.
    #[test]
    fn dumps_as_rtnl_dump_filter() {
        let done = |err: i32, flags: u16, tlvs: &[u8]| {
            let mut b = err.to_ne_bytes().to_vec();
            b.extend_from_slice(tlvs);
            nlmsg(NLMSG_DONE, NLM_F_MULTI | flags, &b)
        };
        let mut route = addr_or_route(&mut Rng(3));
        while route.get(4..6) != Some(&RTM_NEWROUTE.to_ne_bytes()[..]) {
            route = addr_or_route(&mut Rng(route.len() as u64 + 7));
        }
        stamp(&mut route);
        // In a replay `ip route` dumps the links first (names_upfront).
        let show = |d: Vec<Vec<u8>>| strict(true, "route show table all", [vec![done(0, 0, &[])], d].concat());
        let (out, err, rc) = show(vec![route.clone(), done(0, 0, &[])]);
        assert_eq!((err.as_str(), rc), ("", 0));
        assert!(!out.is_empty(), "the route printer saw nothing");
        // NLM_F_DUMP_INTR on any message: said once, after a good end.
        let mut intr = route.clone();
        intr[6..8].copy_from_slice(&(NLM_F_MULTI | NLM_F_DUMP_INTR).to_ne_bytes());
        let (o2, err, rc) = show(vec![intr.clone(), done(0, 0, &[])]);
        assert_eq!((o2, err.as_str(), rc), (out.clone(), "Dump was interrupted and may be inconsistent.\n", 0));
        let (_, err, _) = show(vec![route.clone(), done(0, NLM_F_DUMP_INTR, &[])]);
        assert_eq!(err, "Dump was interrupted and may be inconsistent.\n");
        // ... not after a failed one.
        let (_, err, _) = show(vec![intr.clone(), done(-22, 0, &[])]);
        assert!(!err.contains("interrupted"), "{err}");
        // A stray DONE or ERROR (another port, a later sequence) ends nothing.
        let mut stray_done = done(-5, NLM_F_DUMP_INTR, &[]);
        stray_done[12..16].copy_from_slice(&0u32.to_ne_bytes());
        let mut stray_err = nlerr(22, 0, 16, &[]);
        stray_err[8..12].copy_from_slice(&0x7000_0001u32.to_ne_bytes());
        let (o3, err, rc) = show(vec![cat(&[&stray_done, &route, &stray_err]), done(0, 0, &[])]);
        assert_eq!((o3, err.as_str(), rc), (out.clone(), "", 0));
        // An NLMSG_ERROR in a dump: no extended ACK, a short one "truncated".
        let (_, err, _) = show(vec![nlerr(95, TLVS, 16, &tlv(1, b"x\0"))]);
        assert!(err.starts_with("RTNETLINK answers: Operation not supported\n"), "{err}");
        let (_, err, _) = show(vec![nlmsg(NLMSG_ERROR, 0, &[0xea, 0xff, 0xff, 0xff, 0, 0, 0, 0])]);
        assert!(err.starts_with("ERROR truncated\n"), "{err}");
        // A failed DONE: its TLVs right after the int, whatever the flags.
        let (_, err, _) = show(vec![done(-22, 0, &tlv(1, b"why\0"))]);
        assert!(err.starts_with("Error: why.\n"), "{err}");
        let (_, err, _) = show(vec![done(-22, 0, &tlv(8, b""))]);
        assert!(err.starts_with("Invalid extack attribute\nRTNETLINK answers: Invalid argument\n"), "{err}");
        let (_, err, _) = show(vec![done(-90, 0, &[])]);
        assert!(err.starts_with("Error: Buffer too small for object.\n"), "{err}");
        // A good DONE's TLVs are read as an NLMSG_ERROR's (nl_dump_ext_ack):
        // past a 20-byte nlmsgerr, and only with NLM_F_ACK_TLVS.
        let mut echoed = 16u32.to_ne_bytes().to_vec();
        echoed.extend_from_slice(&[0; 12]);
        let (_, err, rc) = show(vec![route.clone(), done(0, TLVS, &cat(&[&echoed, &tlv(1, b"note\0")]))]);
        assert_eq!((err.as_str(), rc), ("Warning: note.\n", 0));
        let (_, err, _) = show(vec![route.clone(), done(0, 0, &cat(&[&echoed, &tlv(1, b"note\0")]))]);
        assert_eq!(err, "");
        // Bytes no message covers: "!!!Remnant of size N", exit 1.
        let (_, err, rc) = show(vec![cat(&[&route, &[1, 2, 3, 4, 5, 6]])]);
        assert_eq!((err.as_str(), rc), ("!!!Remnant of size 6\n", 1));
        // The same filter for bridge's dumps.
        let mut seed = 11;
        let mut fdb = bridge_msg(&mut Rng(seed));
        while fdb.get(4..6) != Some(&RTM_NEWNEIGH.to_ne_bytes()[..]) || fdb.get(16) != Some(&AF_BRIDGE) {
            seed += 1;
            fdb = bridge_msg(&mut Rng(seed));
        }
        stamp(&mut fdb);
        let (o4, err, _) = strict(false, "fdb show", vec![done(0, 0, &[]), fdb.clone(), done(0, 0, &[])]);
        assert!(!o4.is_empty(), "the fdb printer saw nothing: {err}");
        let (o5, err2, _) =
            strict(false, "fdb show", vec![done(0, 0, &[]), cat(&[&stray_done, &fdb, &stray_err]), done(0, 0, &[])]);
        assert_eq!((o4, err), (o5, err2));
    }
}
