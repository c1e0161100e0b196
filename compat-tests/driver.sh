#!/bin/bash
# Runs one case file inside a sandbox twin. Called by compat-tests/main.rs as
#   unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc \
#       --propagation private -- bash driver.sh CASE TWIN OUTDIR RIP SETTLE HOSTNS
# TWIN is "ref" or "rip": which tools `$` lines run with. Every result goes
# to OUTDIR as files the harness compares; this script judges nothing.
set -u
case_file=$1 twin=$2 out=$3 rip=$4 settle=$5 hostns=$6

# Refuse to run anywhere but a fresh sandbox.
if [ "$$" != 1 ]; then echo "driver: not PID 1 of a new pid namespace" >&2; exit 99; fi
if [ "$(readlink /proc/self/ns/net)" = "$hostns" ]; then
	echo "driver: still in the host's network namespace" >&2; exit 99
fi
mount -t tmpfs tmpfs /run || exit 99
mount -t sysfs sysfs /sys || exit 99
# Only /proc/sys/net stays writable: no test can change a machine-wide key.
mount --bind /proc/sys /proc/sys && mount -o remount,bind,ro /proc/sys || exit 99
mount --bind /proc/sys/net /proc/sys/net && mount -o remount,bind,rw /proc/sys/net || exit 99

mkdir -p /run/ref /run/rip /run/bin /run/work
for t in ip bridge sysctl brctl ifconfig route; do
	# RIP_SELFTEST: both twins use the reference, to check the harness itself.
	r=$rip; [ -n "${RIP_SELFTEST:-}" ] && r=/usr/sbin/$t
	ln -s /usr/sbin/$t /run/ref/$t
	ln -s "$r" /run/rip/$t
	if [ "$twin" = rip ]; then ln -s "$r" /run/bin/$t; else ln -s /usr/sbin/$t /run/bin/$t; fi
done
export REF=/run/ref RIP=$rip SETTLE=$settle
basepath=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C
cd /run/work
/usr/sbin/ip link set lo up

settle() { "$settle" --settle >/dev/null 2>&1; }

# The whole state, read by the reference tools.
state() {
	local p=/run/ref
	echo "## links"; $p/ip -d link show
	echo "## addrs"; $p/ip addr show
	echo "## routes4"; $p/ip route show table all
	echo "## routes6"; $p/ip -6 route show table all | sort_local_fe80
	echo "## nexthops"; $p/ip -d nexthop show
	echo "## bridge"; $p/bridge -d link show
	echo "## netns"; $p/ip netns list
	echo "## nsids"; $p/ip netns list-id
	echo "## mounts"; findmnt -rn -o TARGET,FSTYPE,PROPAGATION 2>/dev/null | grep -E '^/run/netns' | sort
	echo "## sysctl"; $p/sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv6.conf.all.forwarding 2>&1
	local ns
	for ns in $(ls /run/netns 2>/dev/null | sort); do
		echo "## netns $ns"
		$p/ip -n "$ns" -d link show
		$p/ip -n "$ns" addr show
		$p/ip -n "$ns" route show table all
		$p/ip -n "$ns" -6 route show table all | sort_local_fe80
		$p/ip netns exec "$ns" $p/sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding 2>&1
	done
}
# The local table's fe80 routes come in random order.
sort_local_fe80() { awk '/^local fe80::/ {buf = buf $0 "\n"; next} {if (buf != "") {printf "%s", buf | "sort"; close("sort"); buf=""} print} END {if (buf != "") {printf "%s", buf | "sort"}}'; }

# A quick fingerprint of the state ("!" lines): one reference process per namespace.
fingerprint() {
	local ns
	echo /run/netns/*
	printf 'link show\naddress show\nroute show table all\nnetns list-id\n' | /run/ref/ip -o -batch - 2>&1
	/run/ref/ip -6 -o route show table all 2>&1
	for ns in /run/netns/*; do
		[ -e "$ns" ] || continue
		printf 'link show\naddress show\nroute show table all\n' | /run/ref/ip -n "${ns##*/}" -o -batch - 2>&1
	done
}

run() { # run TOOLDIR PREFIX CMD: records stdout, stderr and status
	local dir=$1 pre=$2 cmd=$3
	PATH=$dir:$basepath bash -c "$cmd" >"$pre.out" 2>"$pre.err" </dev/null
	echo $? >"$pre.rc"
}

n=0
dirty=
fp=
while IFS= read -r line || [ -n "$line" ]; do
	n=$((n + 1))
	case "$line" in
	'' | '#'*) continue ;;
	'+ '*)
		cmd=${line#+ }
		if ! PATH=/run/ref:$basepath bash -c "$cmd" >/run/setup.out 2>&1 </dev/null; then
			{ echo "line $n: setup failed: $cmd"; cat /run/setup.out; } >>"$out/setup-failures"
		fi
		dirty=1
		;;
	'? '* | '= '*)
		if [ "${line:0:1}" = "=" ]; then
			rest=${line#= }; name=${rest%% *}; cmd=${rest#* }
		else
			name=; cmd=${line#? }
		fi
		settle
		printf '%s\n' "$cmd" >"$out/q$n.cmd"
		run /run/ref "$out/q$n.ref" "$cmd"
		run /run/rip "$out/q$n.rip" "$cmd"
		run /run/ref "$out/q$n.ref2" "$cmd"
		if [ -n "$name" ] && [ -n "${RIP_BLESS:-}" ] && [ "$twin" = ref ]; then
			# A golden case: the reference's answer and the replies rip saw.
			g=$out/golden-$name; mkdir -p "$g"
			printf '%s\n' "$cmd" >"$g/cmd"
			RIP_NL_RECORD=$g/replies.bin PATH=/run/rip:$basepath bash -c "$cmd" >"$g/rip.out" 2>"$g/rip.err" </dev/null
			echo $? >"$g/rip.rc"
			run /run/ref "$g/ref" "$cmd"
		fi
		;;
	'$ '* | '& '*)
		cmd=${line#? }
		# "&": the command must also succeed (connectivity checks).
		[ "${line:0:1}" = "&" ] && : >"$out/w$n.must"
		# Deferred kernel work from setup lines lands before the command runs.
		[ -n "$dirty" ] && settle
		dirty=
		printf '%s\n' "$cmd" >"$out/w$n.cmd"
		run /run/bin "$out/w$n" "$cmd"
		settle
		state >"$out/w$n.state" 2>&1
		;;
	'! '*)
		# A fuzzer's write (compat-tests/fuzz): like "$", bounded by a
		# 5 s timeout (exit 124: a hang), and cheap: the state is read only
		# after a command that exited 0 and changed a quick fingerprint (the
		# links, addresses and routes of every namespace and the netns list).
		# A batch ends with a "$ true" line, whose full state catches the rest.
		cmd=${line#! }
		if [ -n "$dirty" ] || [ -z "$fp" ]; then settle; fp=$(fingerprint); fi
		dirty=
		printf '%s\n' "$cmd" >"$out/f$n.cmd"
		PATH=/run/bin:$basepath timeout -k 1 5 bash -c "$cmd" >"$out/f$n.out" 2>"$out/f$n.err" </dev/null
		rc=$?
		echo $rc >"$out/f$n.rc"
		if [ $rc = 0 ]; then
			new=$(fingerprint)
			if [ "$new" != "$fp" ]; then
				settle
				state >"$out/f$n.state" 2>&1
				fp=$(fingerprint)
			fi
		fi
		;;
	*)
		echo "line $n: unknown line: $line" >>"$out/setup-failures"
		;;
	esac
done <"$case_file"
echo done >"$out/finished"
