#!/bin/bash
# Interoperability of rip's and iproute2's `ip netns`: a namespace added by
# one is listed, entered (exec, -n), given an nsid, identified and deleted
# by the other, with the same results. Runs itself in a throw-away sandbox.
#   usage: compat-tests/netns/interop.sh [RIP_BINARY]
set -u
if [ "${1:-}" != --inside ]; then
	rip=$(readlink -f "${1:-target/release/rip}")
	[ -x "$rip" ] || { echo "no rip binary at $rip" >&2; exit 2; }
	exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc \
		--propagation private -- bash "$(readlink -f "$0")" --inside "$rip"
fi
rip=$2
[ "$$" = 1 ] || { echo "not in a sandbox" >&2; exit 2; }
mount -t tmpfs tmpfs /run || exit 2
# Mounts of /run/netns hidden under this tmpfs (a host's own) are not ours.
base=$(grep -c ' /run/netns ' /proc/self/mountinfo)
mount -t sysfs sysfs /sys || exit 2
mkdir -p /run/rip /run/ref
ln -s "$rip" /run/rip/ip
ln -s /usr/sbin/ip /run/ref/ip
fail=0
check() { # check DESCRIPTION EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2] got [$3]"; fail=1; fi
}
for pair in "rip ref" "ref rip"; do
	set -- $pair
	mk=/run/$1/ip use=/run/$2/ip
	$mk netns add "by$1" || fail=1
	check "$2 lists a namespace added by $1" "by$1" "$($use netns list | grep "^by$1")"
	check "$2 netns exec into $1's namespace" "by$1" "$($use netns exec "by$1" /run/$2/ip netns identify)"
	check "$2 netns exec sees a fresh netns (lo only)" "lo" "$($use netns exec "by$1" ls /sys/class/net)"
	check "$2 -n into $1's namespace" "by$1" "$($use -n "by$1" netns identify)"
	$use netns exec "by$1" /usr/sbin/ip link set lo up
	check "state set through $2 is seen through $1" "1" "$($mk netns exec "by$1" /usr/sbin/ip -o link show lo | grep -c 'LOOPBACK,UP')"
	$use netns set "by$1" auto || fail=1
	check "$1 sees the nsid $2 set" "$(/run/ref/ip netns list | grep "^by$1")" "$($mk netns list | grep "^by$1")"
	# A namespace deleted just before keeps its nsid for ~25 ms (kernel
	# cleanup): read until both tools see the same settled list.
	for i in $(seq 40); do
		a=$(/run/ref/ip netns list-id); b=$(/run/rip/ip netns list-id)
		[ "$a" = "$b" ] && break
		sleep 0.025
	done
	check "$1 list-id names it" "$a" "$b"
	$use netns del "by$1" || fail=1
	check "$2 deleted $1's namespace" "" "$($mk netns list | grep "^by$1")"
done
# The /run/netns mount made by one is reused by the other (no second mount).
/run/rip/ip netns add a && /run/ref/ip netns add b && /run/rip/ip netns add c
check "one /run/netns mount for both tools" "1" "$(( $(grep -c ' /run/netns ' /proc/self/mountinfo) - base ))"
check "propagation shared" "shared" "$(findmnt -rn -o PROPAGATION /run/netns | tail -1)"
/run/ref/ip -all netns exec /run/rip/ip netns identify >/run/o1
/run/rip/ip -all netns exec /run/ref/ip netns identify >/run/o2
check "-all exec across tools" "$(cat /run/o1)" "$(cat /run/o2)"
/run/rip/ip -all netns delete
check "rip -all delete removes all" "" "$(ls -A /run/netns)"
if [ $fail = 0 ]; then echo PASS; else echo FAIL; fi
exit $fail
