#!/bin/bash
# Benchmark: `ip netns add` + `ip netns delete`, rip against iproute2 6.1.0,
# in a throw-away sandbox (own net/mount/pid namespaces, tmpfs /run).
# CYCLES add+delete pairs per tool, in alternating blocks of 20 so both
# see the same machine state. Before each timed block the kernel's
# asynchronous cleanup of deleted namespaces is given time to finish (it
# is not part of either tool's run, but would land on whoever runs next).
# Reports per operation: wall time (whole processes, fork+exec from bash
# included) and CPU time (user+sys of the tool's processes), with the
# rip/iproute2 ratio of the totals and the median of the per-block ratios.
#   usage: compat-tests/bench/netns.sh [RIP_BINARY] [CYCLES]
set -u
if [ "${1:-}" != --inside ]; then
	rip=$(readlink -f "${1:-target/release/rip}")
	[ -x "$rip" ] || { echo "no rip binary at $rip (cargo build --release)" >&2; exit 2; }
	exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc \
		--propagation private -- bash "$(readlink -f "$0")" --inside "$rip" "${2:-200}"
fi
rip=$2 cycles=$3
[ "$$" = 1 ] || { echo "not in a sandbox" >&2; exit 2; }
mount -t tmpfs tmpfs /run || exit 2
mkdir -p /run/rip /run/ref
ln -s "$rip" /run/rip/ip
ln -s /usr/sbin/ip /run/ref/ip
block=20
names=$(seq -f 'b%g' 1 $block)

# CPU time of finished children (user+sys) so far, in microseconds: the
# builtin `times` (no fork), parsed once at the end.
cpu() { times >"/run/times.$1"; }
cpu_us() { awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }; printf "%d\n", t * 1e6 }' "/run/times.$1"; }
settle() { sleep 0.1; }

# Warm up: the /run/netns mount and the page cache of both binaries.
/run/ref/ip netns add warm && /run/ref/ip netns del warm && /run/rip/ip netns list
: >/run/blocks
done_cycles=0
while [ "$done_cycles" -lt "$cycles" ]; do
	line=""
	for tool in ref rip; do
		ip=/run/$tool/ip
		settle
		cpu 0; t0=$EPOCHREALTIME
		for n in $names; do $ip netns add "$n" || exit 1; done
		t1=$EPOCHREALTIME; cpu 1
		settle
		cpu 2; t2=$EPOCHREALTIME
		for n in $names; do $ip netns del "$n" || exit 1; done
		t3=$EPOCHREALTIME; cpu 3
		t0=${t0/./} t1=${t1/./} t2=${t2/./} t3=${t3/./}
		c0=$(cpu_us 0) c1=$(cpu_us 1) c2=$(cpu_us 2) c3=$(cpu_us 3)
		line="$line $((10#$t1 - 10#$t0)) $((c1 - c0)) $((10#$t3 - 10#$t2)) $((c3 - c2))"
	done
	echo "$line" >>/run/blocks
	done_cycles=$((done_cycles + block))
done
awk -v n="$done_cycles" '
function median(a, k,   i, j, t) {
	for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
{
	for (i = 1; i <= 8; i++) s[i] += $i
	k++
	for (i = 1; i <= 4; i++) { r[i, k] = $(i + 4) / $i }
}
END {
	split("add wall,add cpu,delete wall,delete cpu", lab, ",")
	printf "%d add+delete cycles per tool, blocks of 20 (ms per operation)\n", n
	printf "%-12s %10s %10s %8s %14s\n", "", "iproute2", "rip", "ratio", "median ratio"
	for (i = 1; i <= 4; i++) {
		for (j = 1; j <= k; j++) m[j] = r[i, j]
		printf "%-12s %10.3f %10.3f %8.2f %14.2f\n", lab[i], s[i] / n / 1000, s[i + 4] / n / 1000, s[i + 4] / s[i], median(m, k)
	}
	printf "%-12s %10.3f %10.3f %8.2f\n", "total wall", (s[1] + s[3]) / n / 1000, (s[5] + s[7]) / n / 1000, (s[5] + s[7]) / (s[1] + s[3])
	printf "%-12s %10.3f %10.3f %8.2f\n", "total cpu", (s[2] + s[4]) / n / 1000, (s[6] + s[8]) / n / 1000, (s[6] + s[8]) / (s[2] + s[4])
}' /run/blocks
