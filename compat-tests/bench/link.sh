#!/bin/bash
# Benchmark: `ip link show` with iproute2 vs rip, in an empty namespace and
# with 4000 veth links. Runs entirely inside its own sandbox.
# Usage: compat-tests/bench/link.sh [RIP_BINARY]   (default target/release/rip)
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
python3 '"$here"'/timeit.py "link show (empty netns)" 200 -- /usr/sbin/ip link show -- '"$rip"' link show
python3 '"$here"'/timeit.py "link show lo (empty netns)" 200 -- /usr/sbin/ip link show lo -- '"$rip"' link show lo
for i in $(seq 1 2000); do echo "link add v$i type veth peer name p$i"; done | ip -batch -
python3 '"$here"'/timeit.py "link show (4000 links)" 30 -- /usr/sbin/ip link show -- '"$rip"' link show
python3 '"$here"'/timeit.py "addr show (4000 links)" 20 -- /usr/sbin/ip addr show -- '"$rip"' addr show
python3 '"$here"'/timeit.py "-j link show (4000 links)" 20 -- /usr/sbin/ip -j link show -- '"$rip"' -j link show
'
