#!/bin/sh
# Installs rip for a user or a package: the binary, one link per tool name,
# man pages and bash/zsh/fish completions, in the standard places under
# PREFIX, staged under DESTDIR when set. It never replaces a file it did not
# make: an existing non-link of the same name is reported and left alone.
#
#   scripts/install.sh                         # target/release/rip into /usr/local
#   PREFIX=/usr DESTDIR=/tmp/pkg scripts/install.sh
#
# Variables: PREFIX (/usr/local), DESTDIR (empty), BINDIR ($PREFIX/bin),
# MANDIR ($PREFIX/share/man), BASHCOMPDIR ($PREFIX/share/bash-completion/completions),
# ZSHCOMPDIR ($PREFIX/share/zsh/site-functions),
# FISHCOMPDIR ($PREFIX/share/fish/vendor_completions.d), RIP_BIN (target/release/rip).
set -eu
cd "$(dirname "$0")/.."
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
BINDIR=${BINDIR:-$PREFIX/bin}
MANDIR=${MANDIR:-$PREFIX/share/man}
BASHCOMPDIR=${BASHCOMPDIR:-$PREFIX/share/bash-completion/completions}
ZSHCOMPDIR=${ZSHCOMPDIR:-$PREFIX/share/zsh/site-functions}
FISHCOMPDIR=${FISHCOMPDIR:-$PREFIX/share/fish/vendor_completions.d}
bin=${RIP_BIN:-target/release/rip}
[ -x "$bin" ] || { echo "install.sh: $bin missing: run 'cargo build --release' first (or set RIP_BIN)" >&2; exit 1; }

# link DIR NAME TARGET: DIR/NAME -> TARGET unless DIR/NAME is someone else's file.
link() {
	if [ -e "$1/$2" ] && [ ! -L "$1/$2" ]; then
		echo "install.sh: $1/$2 exists and is not a link; left alone" >&2
		return 0
	fi
	ln -sfn "$3" "$1/$2"
}

install -d "$DESTDIR$BINDIR"
install -m 755 "$bin" "$DESTDIR$BINDIR/rip"
# DESTDIR/BINDIR holds rip, so the links are relative ("rip") and stay
# right once the stage is copied to its place.
"$DESTDIR$BINDIR/rip" install-links "$DESTDIR$BINDIR"
names=$(cd "$DESTDIR$BINDIR" && for f in *; do [ -L "$f" ] && [ "$(readlink "$f")" = rip ] && echo "$f"; done)

install -d "$DESTDIR$MANDIR/man8"
install -m 644 man/*.8 "$DESTDIR$MANDIR/man8/"

install -d "$DESTDIR$BASHCOMPDIR" "$DESTDIR$ZSHCOMPDIR" "$DESTDIR$FISHCOMPDIR"
install -m 644 completions/rip.bash "$DESTDIR$BASHCOMPDIR/rip"
install -m 644 completions/_rip "$DESTDIR$ZSHCOMPDIR/_rip"
install -m 644 completions/rip.fish "$DESTDIR$FISHCOMPDIR/rip.fish"
for n in $names; do
	link "$DESTDIR$BASHCOMPDIR" "$n" rip
	link "$DESTDIR$FISHCOMPDIR" "$n.fish" rip.fish
done
echo "installed rip and $(echo $names) into $DESTDIR$BINDIR"
