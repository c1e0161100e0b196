#!/bin/bash
# Benchmark: `ip neigh show` and `ip -j neigh show` with iproute2 vs rip,
# with 10000 permanent IPv4 neighbour entries on a veth. Runs entirely inside
# its own sandbox (the gc_thresh sysctls are raised in that namespace only).
# Usage: compat-tests/bench/neigh.sh [RIP_BINARY] [RUNS]
#        (default target/release/rip, 20 runs per tool and case)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rip=${1:-$here/../../target/release/rip}
rip=$(readlink -f "$rip")
runs=${2:-20}
[ -x "$rip" ] || { echo "build first: cargo build --release" >&2; exit 1; }
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
	bash -c '
set -eu
mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/8 dev v1
# gc_thresh1..3 (default 128/512/1024) exist only in the initial namespace
# (/proc/sys/net/ipv4/neigh/default/ is absent here, and the kernel refuses
# `ip ntable change ... thresh3` outside init_net with ENOENT); since Linux
# 5.0 permanent entries are not counted against them, so 10k fit anyway.
# Raise them when the namespace has them (never in the host namespace).
d=/proc/sys/net/ipv4/neigh/default
if [ -w $d/gc_thresh3 ]; then for t in 1 2 3; do echo 20000 > $d/gc_thresh$t; done; fi
awk "BEGIN { for (i = 0; i < 10000; i++) printf \"neigh add 10.%d.%d.%d lladdr 02:00:00:%02x:%02x:%02x dev v1 nud permanent\n\", 1 + int(i/65536), int(i/256)%256, i%256, int(i/65536), int(i/256)%256, i%256 }" | ip -batch -
n=$(ip neigh show dev v1 | wc -l)
echo "neighbours on v1: $n"
[ "$n" -ge 10000 ] || { echo "expected 10000 neighbours" >&2; exit 1; }
python3 '"$here"'/timeit.py "neigh show (10k)" '"$runs"' -- /usr/sbin/ip neigh show -- '"$rip"' neigh show
python3 '"$here"'/timeit.py "-j neigh show (10k)" '"$runs"' -- /usr/sbin/ip -j neigh show -- '"$rip"' -j neigh show
'
