#!/bin/bash
# Benchmark: `ip monitor file F` replaying about 100k events recorded by
# iproute2's rtmon (route, address and link events), iproute2 vs rip, on
# the same file. Runs in its own sandbox.
# Usage: compat-tests/bench/monitor.sh [RIP_BINARY] [RUNS]
#        (default target/release/rip, 10 runs per tool)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rip=${1:-$here/../../target/release/rip}
rip=$(readlink -f "$rip")
runs=${2:-10}
[ -x "$rip" ] || { echo "build first: cargo build --release" >&2; exit 1; }
[ -x /usr/sbin/rtmon ] || { echo "MONITOR BENCH SKIPPED: /usr/sbin/rtmon (iproute2) missing" >&2; exit 0; }
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
	bash -c '
set -eu
mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 up
f=/run/events.rtmon
rtmon file $f & pid=$!
sleep 0.3
# 40k route adds and 40k deletes, 10k address adds and deletes: ~100k events.
{
for i in $(seq 0 39999); do echo "route add 10.$((i / 65536 + 100)).$((i / 256 % 256)).$((i % 256))/32 dev v0"; done
for i in $(seq 0 39999); do echo "route del 10.$((i / 65536 + 100)).$((i / 256 % 256)).$((i % 256))/32 dev v0"; done
for i in $(seq 0 9999); do echo "address add 172.16.$((i / 256)).$((i % 256))/32 dev v0"; done
for i in $(seq 0 9999); do echo "address del 172.16.$((i / 256)).$((i % 256))/32 dev v0"; done
} | ip -batch -
sleep 0.5
kill $pid; wait $pid 2>/dev/null || true
n=$(ip monitor file $f | wc -l)
echo "events in $f: $n lines of output, $(stat -c %s $f) bytes"
cmp <(ip monitor file $f) <('"$rip"' monitor file $f) && echo "outputs identical"
python3 '"$here"'/timeit.py "monitor file (~100k events)" '"$runs"' -- /usr/sbin/ip monitor file $f -- '"$rip"' monitor file $f
python3 '"$here"'/timeit.py "-t monitor file (~100k events)" '"$runs"' -- /usr/sbin/ip -t monitor file $f -- '"$rip"' -t monitor file $f
'
