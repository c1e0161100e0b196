#!/bin/bash
# Builds rip as one static x86_64 musl binary (issue 20) and prints its path
# as the last line of output.
#
# A user with rustup needs none of this:
#   rustup target add x86_64-unknown-linux-musl
#   cargo build --profile static --target x86_64-unknown-linux-musl
# (profile "static" in Cargo.toml: release, optimised for size).
# This machine has no rustup target to add (nothing but package registries
# can be reached), so the musl standard library is built from source with
# Debian's toolchain: rustc-web/cargo-web (a newer Rust than bookworm's
# own), rust-web-src (the library sources, with their crates vendored) and
# musl-tools (musl's libc.a and musl-gcc). They are installed when missing
# and the script runs as root.
#
# The build has its own target dir (target/musl), so the ordinary
# `cargo build` (glibc, target/) is not touched.
#
# Usage: scripts/build-static.sh   (RIP_MUSL_DIR=dir to change target/musl)
set -euo pipefail
cd "$(dirname "$0")/.."

triple=x86_64-unknown-linux-musl
dir=${RIP_MUSL_DIR:-$PWD/target/musl}

# Debian's rustc-web installs /usr/bin/rustc and /usr/bin/cargo; its library
# sources are under the sysroot, /usr/lib/rustlib/src/rust/library.
rustc=/usr/bin/rustc
cargo=/usr/bin/cargo
src=/usr/lib/rustlib/src/rust/library
need=()
[ -x "$rustc" ] || need+=(rustc-web)
[ -x "$cargo" ] || need+=(cargo-web)
[ -d "$src/std" ] || need+=(rust-web-src)
command -v musl-gcc >/dev/null || need+=(musl-tools)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "build-static: missing Debian packages ${need[*]} (and not root to install them)" >&2
		exit 1
	fi
	echo "build-static: installing ${need[*]}" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
rel=$("$rustc" -vV | sed -n 's/^release: 1\.\([0-9]*\).*/\1/p')
[ "${rel:-0}" -ge 88 ] || {
	echo "build-static: $rustc is too old for -Zbuild-std with panic=immediate-abort ($($rustc -V))" >&2
	exit 1
}

# std's musl target links -lunwind; with panic=immediate-abort nothing in it
# is called, and gcc's libgcc_eh.a answers the few symbols std names.
mkdir -p "$dir/lib"
eh=$(x86_64-linux-gnu-gcc -print-file-name=libgcc_eh.a)
[ -f "$eh" ] || { echo "build-static: gcc's libgcc_eh.a not found" >&2; exit 1; }
cp -f "$eh" "$dir/lib/libunwind.a"

flags=(
	-Zunstable-options -Cpanic=immediate-abort
	# Nothing unwinds (immediate-abort): no .eh_frame tables (90 KB).
	-Cforce-unwind-tables=no
	# Repeated instruction sequences become shared calls (60 KB).
	-Cllvm-args=-enable-machine-outliner=always
	-Crelocation-model=static
	-Ctarget-feature=+crt-static
	-Clink-self-contained=no
	-Clinker=musl-gcc
	# Hot paths keep speed in a size-optimised build (#[optimize(speed)]).
	--cfg rip_static
	-L "$dir/lib"
)
# RIP_MUSL_FLAGS: more rustc flags (experiments; a changed set rebuilds std).
# shellcheck disable=SC2206
flags+=(${RIP_MUSL_FLAGS:-})
export RUSTC_BOOTSTRAP=1
export RUSTC="$rustc"
export CARGO_TARGET_DIR="$dir"
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_LINKER=musl-gcc
export CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${flags[*]}")
unset RUSTFLAGS
"$cargo" build --profile static --bin rip --target "$triple" \
	-Zbuild-std=std,panic_abort -Zbuild-std-features="${RIP_MUSL_STD_FEATURES-optimize_for_size}" >&2
bin="$dir/$triple/static/rip"
[ -x "$bin" ] || { echo "build-static: no binary at $bin" >&2; exit 1; }
echo "$bin"
