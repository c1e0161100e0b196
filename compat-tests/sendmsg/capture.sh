#!/bin/bash
# Records iproute2's requests for compat-tests/sendmsg/cases.txt into
# src/ip/link/kinds/testdata/requests.txt (read by the kinds' unit tests).
# Runs everything inside a throw-away network namespace sandbox.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../src/ip/link/kinds/testdata/requests.txt}
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
  bash -c '
set -e
mount -t tmpfs tmpfs /run; mount -t sysfs sysfs /sys; mount -t tmpfs tmpfs /tmp
ip link set lo up
ip link add v0 type veth peer name v1
ip link add br0 type bridge
ip link set v0 master br0
ip link add v2 type veth peer name v3
ip link set v2 master br0
ip link add vx0 type vxlan id 1 dstport 4789
{
printf "names"
ip -o link show | awk -F": " "{split(\$2,a,\"@\"); printf \" %s:%s\", \$1, a[1]}"
printf "\n"
grep -v "^#" '"$here"'/cases.txt | while IFS="	" read -r op glob target kind args; do
  [ "$glob" = "-" ] && glob=""
  [ "$args" = "-" ] && args=""
  name=${target%% *}
  set +e
  strace -f -o /tmp/st -e trace=sendmsg -e write=all /usr/sbin/ip $glob link $op $target type $kind $args >/tmp/out 2>/tmp/err
  rc=$?
  set -e
  data=$(python3 '"$here"'/extract.py /tmp/st)
  err=$(python3 -c "import json,sys; print(json.dumps(open(\"/tmp/err\").read()))")
  out=$(python3 -c "import json,sys; print(json.dumps(open(\"/tmp/out\").read()))")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$op" "${glob:--}" "$target" "$kind" "${args:--}" "$rc" "$data" "$err" "$out"
  [ "$op" = add ] && ip link del "$name" 2>/dev/null || true
done
} > '"$out"'
'
