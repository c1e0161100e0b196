#!/bin/bash
# Issue 20's rows side by side: instruction counts (callgrind: stable on a
# noisy machine) and wall ratios (timeit.py: alternating runs, median of
# pairs) of iproute2 and rip on the same state, in one sandbox. Next to
# each wall ratio, in brackets: rip's sys time over iproute2's wall, the
# share of iproute2's time the kernel alone spends answering rip (the
# floor of the ratio, since rip waits for the kernel in its own syscalls).
# Usage: compat-tests/bench/rows.sh [RIP_BINARY [STATIC_BINARY]]
#   (default target/release/rip; STATIC_BINARY, e.g. the output of
#    scripts/build-static.sh, adds its instruction counts and wall ratios)
# RIP_ROWS_RUNS=N changes the number of timed pairs (default 20).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rip=$(readlink -f "${1:-$here/../../target/release/rip}")
static=${2:+$(readlink -f "$2")}
[ -x "$rip" ] || { echo "build first: cargo build --release" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "ROWS BENCH: valgrind not installed, instruction counts will read '-'" >&2; }
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
	bash -s -- "$here" "$rip" "${static:-}" "${RIP_ROWS_RUNS:-20}" <<'SANDBOX'
set -eu
here=$1 rip=$2 static=$3 runs=$4
mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
farm=$(mktemp -d)
mkdir "$farm/ref" "$farm/rip"
ln -s /usr/sbin/ip "$farm/ref/ip"; ln -s "$rip" "$farm/rip/ip"
tools=(ref rip)
if [ -n "$static" ]; then mkdir "$farm/static"; ln -s "$static" "$farm/static/ip"; tools+=(static); fi
count() { # instructions of one run
	command -v valgrind >/dev/null || { echo -; return; }
	local out; out=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
	awk '/^summary:/ { print $2 }' "$out"; rm -f "$out"
}
ratio() { # wall ratio tool/iproute2 for "$@", then the tool's kernel time
	# (its sys time over iproute2's wall): no user-space change goes below it
	python3 "$here/timeit.py" x "$1" -- "$farm/ref/ip" "${@:3}" -- "$farm/$2/ip" "${@:3}" |
		sed -n 's/.*iproute2 wall \([0-9.]*\) ms.* | rip wall [0-9.]* ms user [0-9.]* ms sys \([0-9.]*\) ms.*median of pairs) \([0-9.]*\)/\3 \2 \1/p' |
		awk '{ printf "%s(%.2f)", $1, $2 / $3 }'
}
row() { # label runs args...
	local label=$1 n=$2; shift 2
	printf '%-34s' "$label"
	for t in "${tools[@]}"; do printf ' %12s' "$(count "$farm/$t/ip" "$@")"; done
	for t in "${tools[@]:1}"; do printf ' %12s' "$(ratio "$n" "$t" "$@")"; done
	echo
}
printf '%-34s' "row (instructions; wall ratio)"
for t in "${tools[@]}"; do printf ' %12s' "$t"; done
for t in "${tools[@]:1}"; do printf ' %12s' "$t/ref(sys)"; done
echo
ip link set lo up
row "1.1 link show (empty netns)" $((runs * 5)) link show
row "1.2 link show lo (empty netns)" $((runs * 5)) link show lo
for i in $(seq 1 2000); do echo "link add v$i type veth peer name p$i"; done | ip -batch -
row "link show (4000 links)" "$runs" link show
row "-j link show (4000 links)" "$runs" -j link show
row "-d link show (4000 links)" "$runs" -d link show
row "addr show (4000 links)" "$runs" addr show
for i in $(seq 1 2000); do echo "link del v$i"; done | ip -batch -
{
for i in $(seq 1 50); do echo "link add a$i type veth peer name b$i"; done
for i in $(seq 1 50); do
	for j in $(seq 1 100); do echo "addr add 10.$i.$((j / 250)).$((j % 250 + 1))/16 dev a$i"; echo "addr add 10.$((i + 100)).$((j / 250)).$((j % 250 + 1))/16 dev b$i"; done
done
} | ip -batch -
row "addr show (10k addresses)" "$runs" addr show
for i in $(seq 0 99999); do echo "route add 172.$((16 + i / 65536)).$((i / 256 % 256)).$((i % 256))/32 dev lo"; done | ip -batch -
row "route show (100k routes)" $(( (runs + 1) / 2 )) route show
SANDBOX
