#!/bin/bash
# Builds rip as one fully static, stripped x86_64 binary (musl, issue 20:
# scripts/build-static.sh) and proves it runs alone: the binary is copied
# into an empty directory, and inside a throw-away sandbox (new net, mount,
# pid, uts and ipc namespaces) that directory becomes the root of a chroot
# with only proc, a tmpfs /run and sysfs mounted. Nothing else is in there:
# no libc, no shell, no /etc.
#
# Usage: compat-tests/static.sh [--strict] [BINARY]
#   --strict  also fail when a checked command is not implemented yet, or
#             when the binary is over 1.2 MiB (issue 20's size bound)
#   BINARY    test this binary instead of building one
# Needs root (unshare, mount, chroot). Never touches the host's network.
set -euo pipefail
cd "$(dirname "$0")/.."

strict=0
[ "${1:-}" = --strict ] && { strict=1; shift; }

if [ -n "${1:-}" ]; then
	bin=$1
else
	# The documented build (README.md, "One static binary"); its last line
	# is the binary's path.
	bin=$(bash scripts/build-static.sh | tail -n 1)
fi

echo "== binary"
file "$bin"
if ! file "$bin" | grep -q 'static'; then
	echo "FAIL: $bin is not statically linked" >&2
	exit 1
fi
if ldd "$bin" 2>&1 | grep -q '=>'; then
	echo "FAIL: ldd lists shared libraries for $bin" >&2
	exit 1
fi
size=$(stat -c %s "$bin")
echo "size: $size bytes ($(( (size + 1023) / 1024 )) KiB); target <= 1.2 MiB"
if [ "$size" -gt $((12 * 1024 * 1024 / 10)) ]; then
	echo "WARNING: the static binary is over 1.2 MiB (issue 20's bound)" >&2
	if [ "$strict" = 1 ]; then
		echo "FAIL: --strict: the static binary must be at most 1.2 MiB" >&2
		exit 1
	fi
fi

if [ "$(id -u)" != 0 ]; then
	echo "STATIC SANDBOX SKIPPED: needs root for unshare/chroot" >&2
	exit 1
fi

root=$(mktemp -d /tmp/rip-static.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin"
cp "$bin" "$root/bin/rip"

# Everything below runs in the sandbox; the host's namespaces are never
# entered. The inner script prints one RESULT line per check.
unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
	bash -s "$root" <<'SANDBOX' | tee "$root.log"
set -u
R=$1
# Refuse to go on unless this really is a fresh network namespace.
[ "$$" = 1 ] || { echo "RESULT FAIL sandbox: not pid 1"; exit 1; }
# The new root is a mount point of its own, as a container's root is
# (ip netns exec remounts / as a slave, which needs one).
mount --bind "$R" "$R"
mkdir -p "$R/proc" "$R/run" "$R/sys" "$R/tmp"
mount -t proc proc "$R/proc"
mount -t tmpfs tmpfs "$R/run"
mount -t sysfs sysfs "$R/sys"
# Inside the chroot PATH is just /bin (rip's links); chroot itself is the host's.
CHROOT=$(command -v chroot)

# check NAME REGEX COMMAND...: runs COMMAND in the chroot; it passes when it
# exits 0 and its output matches REGEX (an empty REGEX: no output at all).
check() {
	local name=$1 want=$2
	shift 2
	local out rc
	out=$(PATH=/bin "$CHROOT" "$R" "$@" 2>&1)
	rc=$?
	printf '%s\n' "\$ $*" "$out" "(exit $rc)" | sed 's/^/    /'
	if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q 'not implemented'; then
		echo "RESULT NOT-IMPLEMENTED $name"
	elif [ $rc -eq 0 ] && { [ -z "$want" ] && [ -z "$out" ] || [ -n "$want" ] && printf '%s\n' "$out" | grep -Eq -- "$want"; }; then
		echo "RESULT PASS $name"
	else
		echo "RESULT FAIL $name"
	fi
}

check "install-links" '' /bin/rip install-links /bin
# /bin holds rip, so install-links makes the links relative ("rip").
for n in ip bridge sysctl brctl ifconfig route; do
	if [ -L "$R/bin/$n" ] && [ "$(readlink "$R/bin/$n")" = rip ]; then
		echo "RESULT PASS link /bin/$n -> rip"
	else
		echo "RESULT FAIL link /bin/$n"
	fi
done
check "ip -br link" '^lo +(UNKNOWN|DOWN)' /bin/ip -br link
# No /etc here: iproute2's built-in names (group 0 "default", tables).
check "ip link show lo (built-in group name)" ' group default ' /bin/ip link show lo
check "ip rule (built-in table names)" 'lookup main$' /bin/ip rule
check "ip netns add x" '' /bin/ip netns add x
if [ -e "$R/run/netns/x" ]; then
	check "ip netns list" '^x' /bin/ip netns list
	# A nested call finds rip again through PATH, with no shell around.
	check "ip netns exec x sysctl net.ipv4.ip_forward" '^net\.ipv4\.ip_forward = 0$' \
		/bin/ip netns exec x sysctl net.ipv4.ip_forward
fi
check "sysctl net.ipv4.ip_forward" '^net\.ipv4\.ip_forward = 0$' /bin/sysctl net.ipv4.ip_forward
check "sysctl -w net.ipv4.ip_forward=1" '^net\.ipv4\.ip_forward = 1$' /bin/sysctl -w net.ipv4.ip_forward=1
check "bridge link" '' /bin/bridge link
SANDBOX

echo "== summary"
grep '^RESULT' "$root.log" | sed 's/^RESULT //'
fails=$(grep -c '^RESULT FAIL' "$root.log" || true)
notimpl=$(grep -c '^RESULT NOT-IMPLEMENTED' "$root.log" || true)
rm -f "$root.log"
echo "static binary: $size bytes; $fails failed, $notimpl not implemented yet"
if [ "$fails" -gt 0 ] || { [ "$strict" = 1 ] && [ "$notimpl" -gt 0 ]; }; then
	exit 1
fi
