#!/bin/bash
# Instruction counts (callgrind) of the same commands on the same state, for
# two or more binaries: stable on a noisy machine where wall times are not.
# Each binary answers under the names ip and bridge (a symlink farm), and
# /usr/sbin/ip is measured the same way as the reference.
# Usage: compat-tests/bench/instructions.sh [BINARY...]
#        (default: /usr/sbin/ip+bridge and target/release/rip)
# Example: compare a base build with the current one:
#   compat-tests/bench/instructions.sh /tmp/rip-base target/release/rip
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v valgrind >/dev/null || { echo "INSTRUCTIONS BENCH SKIPPED: valgrind not installed" >&2; exit 0; }
bins=()
for b in "${@:-$here/../../target/release/rip}"; do
	b=$(readlink -f "$b")
	[ -x "$b" ] || { echo "not executable: $b (build first: cargo build --release)" >&2; exit 1; }
	bins+=("$b")
done
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
	bash -s -- "${bins[@]}" <<'SANDBOX'
set -eu
mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
farm=$(mktemp -d)
names=(reference)
mkdir "$farm/0"; ln -s /usr/sbin/ip "$farm/0/ip"; ln -s /usr/sbin/bridge "$farm/0/bridge"
n=1
for b in "$@"; do
	mkdir "$farm/$n"; ln -s "$b" "$farm/$n/ip"; ln -s "$b" "$farm/$n/bridge"
	names+=("$b"); n=$((n + 1))
done
ip link set lo up
ip link add br0 type bridge
for i in $(seq 1 100); do echo "link add v$i type veth peer name p$i"; done | ip -batch -
for i in $(seq 1 50); do ip link set v$i master br0; done
for i in $(seq 1 100); do echo "address add 10.$((i / 250)).$((i % 250)).1/24 dev v$i"; done | ip -batch -
# 2000 neighbours (permanent: not counted against gc_thresh) and 2000 rules.
for i in $(seq 0 1999); do printf 'neigh add 10.9.%d.%d lladdr 02:00:00:00:%02x:%02x dev v1 nud permanent\n' $((i / 256)) $((i % 256)) $((i / 256)) $((i % 256)); done | ip -batch -
for i in $(seq 1 2000); do echo "rule add from 10.$((i / 250)).$((i % 250)).0/24 table $((100 + i % 50)) pref $((1000 + i))"; done | ip -batch -
for i in $(seq 1 5000); do echo "route add 172.$((16 + i / 65536)).$((i / 256 % 256)).$((i % 256))/32 dev lo"; done | ip -batch -
count() { # instructions of one run of "$@"
	local out
	out=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
	awk '/^summary:/ { print $2 }' "$out"
	rm -f "$out"
}
printf '%-32s' "command"
for ((k = 0; k < n; k++)); do printf ' %14s' "$k"; done
echo
while IFS= read -r cmd; do
	printf '%-32s' "$cmd"
	for ((k = 0; k < n; k++)); do
		set -- $cmd
		tool=$1; shift
		printf ' %14s' "$(count "$farm/$k/$tool" "$@")"
	done
	echo
done <<'CMDS'
ip link show lo
ip link show
ip -d link show
ip -j link show
ip addr show
ip route show
ip -6 route show
ip netns list
ip neigh show
ip -j neigh show
ip rule show
ip -j rule show
bridge link
bridge -d link show
bridge fdb show
CMDS
for ((k = 0; k < n; k++)); do echo "$k: ${names[$k]}"; done
SANDBOX
