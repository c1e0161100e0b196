#!/bin/bash
# Live check of the link-kind parsers: runs every command of cases.txt with
# iproute2 and with rip (as "ip") under strace inside one sandbox, and
# compares the IFLA_INFO_DATA/SLAVE_DATA bytes sent, stdout, stderr and the
# exit status. Needs root; never touches the host's namespace.
#   RIP=path/to/rip compat-tests/sendmsg/verify.sh    (default target/debug/rip)
here=$(cd "$(dirname "$0")" && pwd)
rip=$(realpath "${RIP:-$here/../../target/debug/rip}")
[ -x "$rip" ] || { echo "no rip binary at $rip" >&2; exit 2; }
exec unshare --net --uts --ipc --mount --pid --fork --kill-child --mount-proc --propagation private \
  bash -c '
mount -t tmpfs tmpfs /run; mount -t sysfs sysfs /sys; mkdir -p /run/vk
mkdir -p /run/vk/ripbin; ln -s '"$rip"' /run/vk/ripbin/ip
ip link set lo up
ip link add v0 type veth peer name v1
ip link add br0 type bridge
ip link set v0 master br0
ip link add v2 type veth peer name v3
ip link set v2 master br0
ip link add vx0 type vxlan id 1 dstport 4789
fail=0; n=0
run() { # tool op glob target kind args -> /run/vk/$tool.{data,out,err,rc}
  local tool=$1; shift
  local bin=/usr/sbin/ip; [ "$tool" = rip ] && bin=/run/vk/ripbin/ip
  strace -f -o /run/vk/st -e trace=sendmsg,sendto -e write=all $bin $2 link $1 $3 type $4 $5 >/run/vk/$tool.out 2>/run/vk/$tool.err
  echo $? >/run/vk/$tool.rc
  python3 '"$here"'/extract.py /run/vk/st >/run/vk/$tool.data
  # The kernel may have created something: remove it for the next run.
  [ "$1" = add ] && /usr/sbin/ip link del "${3%% *}" 2>/dev/null
}
while IFS="	" read -r op glob target kind args; do
  case "$op" in "#"*|"") continue;; esac
  [ "$glob" = "-" ] && glob=""
  [ "$args" = "-" ] && args=""
  run ref "$op" "$glob" "$target" "$kind" "$args"
  run rip "$op" "$glob" "$target" "$kind" "$args"
  n=$((n+1))
  for f in data out err rc; do
    if ! cmp -s /run/vk/ref.$f /run/vk/rip.$f; then
      echo "DIFF ($f): ip $glob link $op $target type $kind $args"
      diff /run/vk/ref.$f /run/vk/rip.$f | head -5
      fail=$((fail+1)); break
    fi
  done
done < '"$here"'/cases.txt
echo "$n commands, $fail differ"
[ $fail = 0 ]
'
