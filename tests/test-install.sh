#!/bin/sh
# SPDX-License-Identifier: MIT
# The install stays honest: `meson install` into a temporary DESTDIR puts
# every promised file in place, and a program that knows only pkg-config
# builds against that tree and runs, linked with the shared library and
# with the static one.
#
# usage: test-install.sh MESON BUILDDIR SOURCEDIR CC [CFLAG...]
set -eu

meson=$1 build=$2 src=$3 cc=$4
shift 4

dest=$(mktemp -d "${TMPDIR:-/tmp}/lerq-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT

fail() {
	echo "test-install: $*" >&2
	exit 1
}

"$meson" install -C "$build" --no-rebuild --destdir "$dest" >"$dest/install.log" 2>&1 ||
	{ cat "$dest/install.log" >&2; fail "meson install failed"; }
rm "$dest/install.log"

pc=$(find "$dest" -name lerq.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || fail "no lerq.pc installed"
so=$(find "$dest" -name 'liblerq.so.*.*.*' | head -n 1)
[ -n "$so" ] || fail "no versioned shared library installed"
libdir=$(dirname "$so")
[ -f "$libdir/liblerq.a" ] || fail "no static library next to $so"
[ -L "$libdir/liblerq.so" ] || fail "no liblerq.so development link"

# Everything else that was promised, under the same prefix.
prefix=${libdir%/lib*}
for f in bin/lerq include/lerq/lerq.h include/lerq/document.h include/lerq/version.h \
	share/lerq/schemas/lerq.xsd; do
	[ -e "$prefix/$f" ] || fail "$f not installed under $prefix"
done
for f in profiles.md letterhead.md letter-model.md pdf.md README.md \
	examples/validate.py examples/validate-file.c examples/build-preservation.c \
	examples/preservation-request.xml examples/letterhead/letterhead.xsl; do
	[ -e "$prefix/share/doc/lerq/$f" ] || fail "share/doc/lerq/$f not installed"
done
[ ! -e "$prefix/share/doc/lerq/examples/meson.build" ] || fail "examples/meson.build installed"
# The PDF typesetter is a module of its own (lib/letter/pdf.c): installed
# where liblerq looks for it, and liblerq itself needs no cairo or pango.
if [ -f "$build/lib/liblerq-pdf.so" ]; then
	[ -f "$libdir/lerq/liblerq-pdf.so" ] || fail "PDF module not installed in $libdir/lerq"
fi
if command -v readelf >/dev/null 2>&1; then
	readelf -d "$so" | grep -Eq 'lib(cairo|pango)' && fail "liblerq needs cairo or pango"
fi
if command -v scdoc >/dev/null 2>&1; then
	[ -n "$(find "$prefix" -name lerq.1)" ] || fail "man page not installed"
fi
if [ -f "$src/stylesheets/meson.build" ]; then
	[ -d "$prefix/share/lerq/stylesheets" ] || fail "stylesheets not installed"
fi

# Only pkg-config knows where lerq is. The system's own .pc files (libxml2
# for a static link) stay reachable; the sysroot moves every path that
# lerq.pc gives into the DESTDIR.
export PKG_CONFIG_PATH="$(dirname "$pc")"
export PKG_CONFIG_SYSROOT_DIR="$dest"
cflags=$(pkg-config --cflags lerq) || fail "pkg-config --cflags lerq"
libs=$(pkg-config --libs lerq) || fail "pkg-config --libs lerq"
for var in schemasdir stylesheetsdir; do
	dir=$(pkg-config --variable=$var lerq)
	[ -n "$dir" ] || fail "no $var in lerq.pc"
	# pkgconf moves it into the sysroot; pkg-config (freedesktop) not.
	case $dir in "$dest"/*) ;; *) dir=$dest$dir ;; esac
	[ -d "$dir" ] || fail "$var=$dir is not an installed directory"
	[ $var != schemasdir ] || [ -f "$dir/lerq.xsd" ] || fail "schemasdir has no lerq.xsd"
done

# The public headers need nothing but lerq's: with every other .pc file
# out of sight (PKG_CONFIG_LIBDIR replaces the system's search path),
# --cflags still works and names lerq's include directory alone.
alone=$(PKG_CONFIG_LIBDIR="$(dirname "$pc")" PKG_CONFIG_PATH= pkg-config --cflags lerq) ||
	fail "pkg-config --cflags lerq needs other packages' .pc files"
for flag in $alone; do
	case $flag in
	-I"$dest"*/include) ;;
	*) fail "pkg-config --cflags lerq gives $flag" ;;
	esac
done
PKG_CONFIG_LIBDIR="$(dirname "$pc")" PKG_CONFIG_PATH= pkg-config --libs lerq >/dev/null ||
	fail "pkg-config --libs lerq needs other packages' .pc files"

# shellcheck disable=SC2086 # word splitting of the flags is wanted
"$cc" -std=c99 -Wall -Wextra -Werror "$@" $cflags \
	-o "$dest/build-preservation" "$src/examples/build-preservation.c" $libs ||
	fail "build-preservation.c does not build against the installed tree"
LD_LIBRARY_PATH="$libdir" "$dest/build-preservation" "$dest/request.xml" ||
	fail "build-preservation (shared) failed"
grep -q '<Preservation>' "$dest/request.xml" || fail "no request written"

# The static library: liblerq.a, then what `pkg-config --static` adds
# for it (libxml2, threads), without -llerq, which would pick the .so.
static_libs=
for w in $(pkg-config --static --libs lerq); do
	[ "$w" = -llerq ] || static_libs="$static_libs $w"
done
# shellcheck disable=SC2086
"$cc" -std=c99 -Wall -Wextra -Werror "$@" $cflags \
	-o "$dest/build-preservation-static" "$src/examples/build-preservation.c" \
	"$libdir/liblerq.a" $static_libs ||
	fail "build-preservation.c does not link with liblerq.a"
if command -v readelf >/dev/null 2>&1; then
	readelf -d "$dest/build-preservation-static" | grep -q 'liblerq' &&
		fail "the static build still needs liblerq.so"
fi
"$dest/build-preservation-static" >/dev/null || fail "build-preservation (static) failed"

echo "installed under $prefix; example built and run, shared and static"
