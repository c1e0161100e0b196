#!/bin/bash
# CI check of scripts/install.sh into a temporary DESTDIR: every file is
# there, the links resolve to rip inside the stage, the man pages render,
# and the staged ip answers (in a sandbox of its own: it reads that netns only).
# Usage: compat-tests/install.sh [RIP_BINARY]   (default target/release/rip)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$here/target/release/rip}")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
fails=0
check() { if eval "$2"; then echo "PASS install: $1"; else echo "FAIL install: $1"; fails=$((fails + 1)); fi; }

RIP_BIN=$bin PREFIX=/usr DESTDIR=$stage sh "$here/scripts/install.sh"
b=$stage/usr/bin
check "binary" '[ -x "$b/rip" ]'
for n in ip bridge sysctl brctl ifconfig route; do
	check "link $n -> rip" '[ "$(readlink "$b/$n")" = rip ] && [ "$(readlink -f "$b/$n")" = "$b/rip" ]'
	check "bash completion $n" '[ -e "$stage/usr/share/bash-completion/completions/$n" ]'
	check "fish completion $n" '[ -e "$stage/usr/share/fish/vendor_completions.d/$n.fish" ]'
done
check "zsh completion" '[ -f "$stage/usr/share/zsh/site-functions/_rip" ]'
for m in "$here"/man/*.8; do
	p=$stage/usr/share/man/man8/$(basename "$m")
	check "man page $(basename "$m") renders" '[ -f "$p" ] && [ -z "$(groff -man -Tutf8 -ww -z "$p" 2>&1)" ]'
done
# Nothing outside the stage: no path under it may point out of it.
check "no absolute links" '[ -z "$(find "$stage" -type l -lname "/*")" ]'
check "staged ip -br link" '[ "$(unshare --net "$b/ip" -br link)" = "$(unshare --net /usr/sbin/ip -br link)" ]'
check "staged rip --version" '"$b/rip" --version | head -1 | grep -q "^rip "'
# A second run over the same stage is fine (links already right).
check "idempotent" 'RIP_BIN=$bin PREFIX=/usr DESTDIR=$stage sh "$here/scripts/install.sh" >/dev/null'
[ "$fails" = 0 ] || { echo "install: $fails failed"; exit 1; }
echo "install: all passed"
