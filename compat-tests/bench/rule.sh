#!/bin/bash
# Benchmark: `ip rule show` and `ip -j rule show` with iproute2 vs rip, with
# 10000 IPv4 policy rules. Runs entirely inside its own sandbox.
# Usage: compat-tests/bench/rule.sh [RIP_BINARY] [RUNS]
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
# A mix of selectors, as policy-routing setups have them.
awk "BEGIN { for (i = 0; i < 10000; i++) printf \"rule add pref %d from 10.%d.%d.0/24 fwmark 0x%x/0xff lookup %d\n\", 1000 + i, int(i/256)%256, i%256, i%256, 100 + i%50 }" | ip -batch -
n=$(ip rule show | wc -l)
echo "rules: $n"
[ "$n" -ge 10000 ] || { echo "expected 10000 rules" >&2; exit 1; }
python3 '"$here"'/timeit.py "rule show (10k)" '"$runs"' -- /usr/sbin/ip rule show -- '"$rip"' rule show
python3 '"$here"'/timeit.py "-j rule show (10k)" '"$runs"' -- /usr/sbin/ip -j rule show -- '"$rip"' -j rule show
'
