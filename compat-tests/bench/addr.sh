#!/bin/bash
# Benchmark: `ip addr show` with iproute2 vs rip: 10000 addresses on 100
# links. Runs entirely inside its own sandbox.
# Usage: compat-tests/bench/addr.sh [RIP_BINARY]   (default target/release/rip)
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
for i in $(seq 1 50); do echo "link add a$i type veth peer name b$i"; done
for i in $(seq 1 50); do
	for j in $(seq 1 100); do echo "addr add 10.$i.$((j / 250)).$((j % 250 + 1))/16 dev a$i"; echo "addr add 10.$((i + 100)).$((j / 250)).$((j % 250 + 1))/16 dev b$i"; done
done
} | ip -batch -
echo "$(ip -o addr show | wc -l) addresses on $(ip -o link show | wc -l) links"
python3 '"$here"'/timeit.py "addr show (10000 addresses, 100 links)" 30 -- /usr/sbin/ip addr show -- '"$rip"' addr show
python3 '"$here"'/timeit.py "-j addr show (10000 addresses, 100 links)" 20 -- /usr/sbin/ip -j addr show -- '"$rip"' -j addr show
python3 '"$here"'/timeit.py "-br addr show (10000 addresses, 100 links)" 20 -- /usr/sbin/ip -br addr show -- '"$rip"' -br addr show
'
