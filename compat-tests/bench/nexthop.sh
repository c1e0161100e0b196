#!/bin/bash
# Benchmark: `ip nexthop show` with iproute2 vs rip: 10000 nexthops (gateways
# on 10 links, plus groups and routes using them). Runs entirely inside its
# own sandbox.
# Usage: compat-tests/bench/nexthop.sh [RIP_BINARY]   (default target/release/rip)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rip=${1:-$here/../../target/release/rip}
rip=$(readlink -f "$rip")
[ -x "$rip" ] || { echo "build first: cargo build --release" >&2; exit 1; }
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
	bash -c '
set -eu
mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
ip link set lo up
{
for i in $(seq 1 10); do
	echo "link add a$i type veth peer name b$i"
	echo "link set a$i up"
	echo "link set b$i up"
	echo "addr add 10.$i.0.1/16 dev a$i"
done
for n in $(seq 1 9000); do
	i=$((n % 10 + 1))
	echo "nexthop add id $n via 10.$i.$((n / 250)).$((n % 250 + 2)) dev a$i"
done
for g in $(seq 1 1000); do
	echo "nexthop add id $((20000 + g)) group $g/$((g + 1000)),3/$((g + 2000))"
	echo "route add 172.$((g / 250)).$((g % 250)).0/24 nhid $((20000 + g))"
done
} | ip -batch -
echo "$(ip nexthop show | wc -l) nexthops"
python3 '"$here"'/timeit.py "nexthop show (10000 nexthops)" 30 -- /usr/sbin/ip nexthop show -- '"$rip"' nexthop show
python3 '"$here"'/timeit.py "-j nexthop show (10000 nexthops)" 20 -- /usr/sbin/ip -j nexthop show -- '"$rip"' -j nexthop show
python3 '"$here"'/timeit.py "nexthop show groups" 30 -- /usr/sbin/ip nexthop show groups -- '"$rip"' nexthop show groups
python3 '"$here"'/timeit.py "-d route show (1000 routes with nhid)" 10 -- /usr/sbin/ip -d route show -- '"$rip"' -d route show
'
