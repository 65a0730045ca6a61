#!/bin/sh
# SPDX-License-Identifier: MIT
# lerq new TYPE: a template for each type, blank (invalid until filled in)
# or, with --example, filled in (valid); anything else is a usage error.
#
# usage: test-new.sh LERQ
set -eu

lerq=$1
now=2026-11-26T12:00:00Z
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lerq-new-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "test-new: $*" >&2
	exit 1
}

# Runs lerq with the arguments; sets $rc, standard output in $tmp/out.
run() {
	rc=0
	"$lerq" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

for type in disclosure preservation release response; do
	run new "$type"
	[ "$rc" -eq 0 ] || fail "new $type: exit $rc"
	head -n 1 "$tmp/out" | grep -q '^<?xml version="1.0" encoding="UTF-8"?>$' ||
		fail "new $type: no XML declaration"
	grep -q '<!-- RegistrationNumber: \|<!-- InResponseTo: ' "$tmp/out" ||
		fail "new $type: no comment on the first element"
	cp "$tmp/out" "$tmp/$type.xml"
	# Blank: well-formed, but invalid until filled in.
	run validate --now "$now" "$tmp/$type.xml"
	[ "$rc" -eq 1 ] || fail "new $type: the blank template validates with exit $rc"
	grep -q 'LERQ-P00' "$tmp/out" && fail "new $type: the blank template is not well-formed"

	run new --example "$type"
	[ "$rc" -eq 0 ] || fail "new --example $type: exit $rc"
	cp "$tmp/out" "$tmp/$type-example.xml"
	run validate --strict --now "$now" "$tmp/$type-example.xml"
	[ "$rc" -eq 0 ] || fail "new --example $type does not validate: $(cat "$tmp/out")"
done
grep -q 'type="release"' "$tmp/release.xml" || fail "the release template is not of type release"
grep -q '<Preservation>' "$tmp/preservation.xml" || fail "no Preservation in its template"
grep -q '<Preservation>' "$tmp/disclosure.xml" && fail "Preservation in a disclosure template"

for args in "new bogus" "new" "new disclosure release" "new --frob disclosure" "new Disclosure"; do
	# shellcheck disable=SC2086 # the words are the arguments
	run $args
	[ "$rc" -eq 2 ] || fail "lerq $args: exit $rc, not 2"
	[ -s "$tmp/out" ] && fail "lerq $args: wrote to standard output"
	[ -s "$tmp/err" ] || fail "lerq $args: no message"
done
run new --help
[ "$rc" -eq 0 ] && grep -q 'Usage: lerq new' "$tmp/out" || fail "new --help"
run help new
[ "$rc" -eq 0 ] && grep -q 'Usage: lerq new' "$tmp/out" || fail "help new"
echo "lerq new: every type, blank and example"
