#!/bin/bash
# Times `ip route` of iproute2 (/usr/sbin/ip) against rip (target/release/rip)
# inside a private network namespace. Runs alternate (ref, rip, ref, rip...)
# on the same state; prints medians of wall, user, sys (s) and max RSS (KiB),
# and the ratios of the medians.
#
#   compat-tests/bench/route.sh [RUNS]      (default 9 runs per tool and case)
#   BIG=1 compat-tests/bench/route.sh       also 1M routes
#
# Never touches the host's network: everything happens in `unshare --net`.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
RIP=${RIP:-$here/target/release/rip}
REF=${REF:-/usr/sbin/ip}
RUNS=${1:-9}
[ -x "$RIP" ] || { echo "build first: cargo build --release" >&2; exit 1; }
[ "${IN_SANDBOX:-}" = 1 ] || exec unshare --net --uts --ipc --mount --pid --fork --kill-child \
    --mount-proc --propagation private env IN_SANDBOX=1 RIP="$RIP" REF="$REF" bash "$0" "$RUNS"

mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
W=/run/bench; mkdir -p $W
$REF link set lo up
$REF link add v0 type veth peer name v1
$REF link add v2 type veth peer name v3
for d in v0 v1 v2 v3; do $REF link set $d up; done
$REF addr add 10.255.0.1/16 dev v0
sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 2>/dev/null || true
$REF -6 addr add 2001:db8:ffff::1/64 dev v0

gen4() { # N -> batch of N /32 routes via v0
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "route add 10.%d.%d.%d/32 dev v0\n", int(i/65536)%256, int(i/256)%256, i%256 }'
}
gen6() {
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "route add 2001:db8:%x::%x/128 dev v0\n", int(i/65536), i%65536 }'
}
gen_batch() { # adds on v2 for the batch benchmark
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "route add 172.16.%d.%d/32 dev v2\n", int(i/256)%256, i%256 }'
}

# time_one LABEL CMD... : prints "wall user sys rss"
# /usr/bin/time counts wall/user/sys in 10 ms steps: it is kept for the peak
# RSS only; wall time comes from $EPOCHREALTIME and user/sys from bash's
# `times` (getrusage of the children, 1 ms steps) in a subshell.
time_one() {
    (
        s=$EPOCHREALTIME
        /usr/bin/time -f '%M' -o $W/m "$@" >/dev/null 2>$W/err || true
        e=$EPOCHREALTIME
        times > $W/times; t=$(tail -1 $W/times)
        echo "$s $e $t $(cat $W/m)" | awk '{
            split($3, u, "[ms]"); split($4, y, "[ms]")
            printf "%.6f %.3f %.3f %d\n", $2 - $1, u[1] * 60 + u[2], y[1] * 60 + y[2], $5 }'
    )
}

median() { sort -n | awk '{a[NR]=$1} END { if (NR%2) print a[(NR+1)/2]; else printf "%.6f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

# bench NAME PREP ARGS...: PREP runs (untimed) before every timed run
bench() {
    local name=$1 prep=$2; shift 2
    : > $W/ref.t; : > $W/rip.t
    for i in $(seq "$RUNS"); do
        eval "$prep"; time_one $REF "$@" >> $W/ref.t
        eval "$prep"; time_one $RIP "$@" >> $W/rip.t
    done
    local out="" c
    for c in 1 2 3 4; do
        local a b
        a=$(cut -d' ' -f$c $W/ref.t | median); b=$(cut -d' ' -f$c $W/rip.t | median)
        out="$out $a $b"
    done
    set -- $out
    awk -v n="$name" -v rw=$1 -v pw=$2 -v ru=$3 -v pu=$4 -v rs=$5 -v ps=$6 -v rm=$7 -v pm=$8 'BEGIN {
        rcpu = ru + rs; pcpu = pu + ps
        printf "%-26s wall %8.4f / %8.4f s (x%.2f)  user+sys %8.4f / %8.4f s (x%.2f)  maxrss %6d / %6d KiB\n",
            n, rw, pw, (rw > 0 ? pw / rw : 0), rcpu, pcpu, (rcpu > 0 ? pcpu / rcpu : 0), rm, pm }'
}

echo "iproute2 vs rip, medians of $RUNS alternate runs (ref / rip, ratio rip/ref)"
gen4 10000 > $W/add10k
gen4 100000 > $W/add100k
gen6 20000 > $W/add6
gen_batch 10000 > $W/batch10k

$REF -batch $W/add10k
bench "ip route show (10k)" ":" route show
$REF route flush dev v0 proto boot
$REF -batch $W/add100k
bench "ip route show (100k)" ":" route show
bench "ip -j route show (100k)" ":" -j route show
$REF route flush dev v0 proto boot
$REF -batch $W/add6
bench "ip -6 route show (20k)" ":" -6 route show
$REF -6 route flush dev v0 proto boot
bench "ip -batch 10k route add" "$REF route flush dev v2 2>/dev/null || true" -batch $W/batch10k
if [ -n "${BIG:-}" ]; then # BIG=1: one million routes (about a minute to load)
    gen4 1000000 > $W/add1m
    $REF -batch $W/add1m
    RUNS=3 bench "ip route show (1M)" ":" route show
    $REF route flush dev v0 proto boot
fi
