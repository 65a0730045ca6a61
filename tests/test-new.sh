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
# new response --for REQUEST (spec section 7): InResponseTo and one
# Result per Item; filled in, it validates and passes with its request.
examples=$(dirname "$0")/../examples
request=$examples/disclosure-request.xml
run new response --for "$request" --now "$now"
[ "$rc" -eq 0 ] || fail "new response --for: exit $rc: $(cat "$tmp/err")"
cp "$tmp/out" "$tmp/for.xml"
grep -q '<InResponseTo>LKA-NRW/41.3/2026/004187</InResponseTo>' "$tmp/for.xml" ||
	fail "new response --for: no InResponseTo"
[ "$(grep -c '<Result item="i[0-9]*" outcome="">' "$tmp/for.xml")" -eq \
  "$(grep -c '<Item ' "$request")" ] || fail "new response --for: not one Result per Item"
grep -q '<!-- Result: .*Item i1 (' "$tmp/for.xml" || fail "new response --for: no comment on a Result"
run validate --now "$now" "$tmp/for.xml"
[ "$rc" -eq 1 ] || fail "new response --for: the blank response validates"
# The provider fills it in: outcomes, numbers, dates, a contact; the
# optional Title and Record go.
sed -e 's/outcome=""/outcome="provided"/' \
    -e 's|<ResponseNumber></ResponseNumber>|<ResponseNumber>ISP-1</ResponseNumber>|' \
    -e 's|<ReceivedAt></ReceivedAt>|<ReceivedAt>2026-11-20T09:00:00Z</ReceivedAt>|' \
    -e 's|<IssuedAt></IssuedAt>|<IssuedAt>2026-11-21T09:00:00Z</IssuedAt>|' \
    -e 's|<Status></Status>|<Status>fulfilled</Status>|' \
    -e 's|<Name></Name>|<Name>Eva Jansen</Name>|' \
    -e 's|<Phone></Phone>|<Phone>+31307654321</Phone>|' \
    -e 's|<Email></Email>|<Email>le@isp.example</Email>|' \
    -e '/<Title><\/Title>/d' -e '/<ServiceNumber><\/ServiceNumber>/d' -e '/Record>/d' -e '/<Field name=/d' \
    "$tmp/for.xml" >"$tmp/filled.xml"
run check-response --now "$now" "$request" "$tmp/filled.xml"
[ "$rc" -eq 0 ] || fail "new response --for, filled in, does not pass: $(cat "$tmp/out")"
grep -q 'LERQ-R20[123]' "$tmp/out" && fail "new response --for: pair errors"
# An invalid request is refused with its findings; a release has no Item.
printf '<Request xmlns="urn:lerq:xml:1" version="1.0" xml:lang="en" type="disclosure"/>' \
	>"$tmp/bad.xml"
run new response --for "$tmp/bad.xml" --now "$now"
[ "$rc" -eq 1 ] || fail "new response --for an invalid request: exit $rc"
grep -q 'LERQ-S001' "$tmp/err" || fail "new response --for an invalid request: no findings"
[ -s "$tmp/out" ] && fail "new response --for an invalid request wrote a response"
run new response --for "$examples/release-request.xml" --now "$now"
[ "$rc" -eq 1 ] || fail "new response --for a release: exit $rc"
run new response --for "$tmp/absent.xml"
[ "$rc" -eq 2 ] || fail "new response --for a missing file: exit $rc"
run new disclosure --for "$request"
[ "$rc" -eq 2 ] || fail "new disclosure --for: exit $rc"

run new --help
[ "$rc" -eq 0 ] && grep -q 'Usage: lerq new' "$tmp/out" || fail "new --help"
run help new
[ "$rc" -eq 0 ] && grep -q 'Usage: lerq new' "$tmp/out" || fail "help new"
echo "lerq new: every type, blank and example"
