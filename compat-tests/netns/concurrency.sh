#!/bin/bash
# Concurrency of `ip netns add` (rip): 50 concurrent adds of distinct names
# all succeed; N rounds of two concurrent adds of one name: exactly one
# succeeds and the remaining file is a live namespace (no broken file).
# Runs itself inside a throw-away sandbox (own net/mount/pid namespaces,
# tmpfs /run); never touches the machine's namespaces.
#   usage: compat-tests/netns/concurrency.sh [RIP_BINARY] [ROUNDS]
set -u
if [ "${1:-}" != --inside ]; then
	rip=$(readlink -f "${1:-target/release/rip}")
	[ -x "$rip" ] || { echo "no rip binary at $rip" >&2; exit 2; }
	exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc \
		--propagation private -- bash "$(readlink -f "$0")" --inside "$rip" "${2:-50}"
fi
rip=$2 rounds=$3
[ "$$" = 1 ] || { echo "not in a sandbox" >&2; exit 2; }
mount -t tmpfs tmpfs /run || exit 2
# A host where /run/netns is a mount point (any host that ever ran `ip netns
# add`) still lists that hidden mount here: count only what this run adds.
base=$(grep -c ' /run/netns ' /proc/self/mountinfo)
mkdir -p /run/bin && ln -s "$rip" /run/bin/ip
ip=/run/bin/ip
fail=0

# 50 distinct names at once.
for i in $(seq 1 50); do $ip netns add "c$i" 2>/run/err.$i & done
wait
n=$(ls /run/netns | wc -l)
errs=$(cat /run/err.* | wc -c)
bad=0
for i in $(seq 1 50); do
	[ "$(stat -f -c %T /run/netns/c$i 2>/dev/null)" = nsfs ] || bad=$((bad + 1))
done
mounts=$(( $(grep -c ' /run/netns ' /proc/self/mountinfo) - base ))
echo "distinct: $n files, $bad not nsfs, $errs bytes on stderr, /run/netns mounted $mounts time(s)"
[ "$n" = 50 ] && [ "$bad" = 0 ] && [ "$errs" = 0 ] && [ "$mounts" = 1 ] || fail=1
$ip -all netns delete
[ -z "$(ls -A /run/netns)" ] || { echo "delete -all left files"; fail=1; }

# Two adds of the same name at once, many rounds.
rm -f /run/err.*
ok_rounds=0
for r in $(seq 1 "$rounds"); do
	$ip netns add same 2>/run/e1 & p1=$!
	$ip netns add same 2>/run/e2 & p2=$!
	wait $p1; s1=$?; wait $p2; s2=$?
	wins=$(( (s1 == 0) + (s2 == 0) ))
	msg=$(cat /run/e1 /run/e2)
	fs=$(stat -f -c %T /run/netns/same 2>/dev/null)
	if [ "$wins" = 1 ] && [ "$fs" = nsfs ] &&
		[ "$msg" = 'Cannot create namespace file "/run/netns/same": File exists' ] &&
		$ip netns exec same true; then
		ok_rounds=$((ok_rounds + 1))
	else
		echo "round $r: winners=$wins fs=$fs stderr=[$msg]"
		fail=1
	fi
	$ip netns delete same || fail=1
done
echo "same name: $ok_rounds/$rounds rounds with exactly one winner and a live namespace"
[ -z "$(ls -A /run/netns)" ] || { echo "files left: $(ls /run/netns)"; fail=1; }
if [ $fail = 0 ]; then echo "PASS"; else echo "FAIL"; fi
exit $fail
