#!/bin/sh
# The man pages are well-formed (mandoc -T lint), and titlelint(1), --help
# and --list-rules agree: every option of --help is documented in the
# manual and every option the manual documents is in --help; every rule is
# in the manual's RULES section.
# Usage: check-docs.sh TITLELINT SOURCE_DIR
set -eu
bin=$1 src=$2
status=0
for page in "$src"/man/*.[0-9]; do
    mandoc -T lint -W warning "$page" || status=1
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > "$tmp/help"
grep -o 'Fl -[a-z][a-z-]*' "$src/man/titlelint.1" | sed 's/^Fl -/--/' | sort -u > "$tmp/man"
if ! diff -u "$tmp/help" "$tmp/man"; then
    echo "options in --help (-) and titlelint.1 (+) differ"; status=1
fi
"$bin" --list-rules --no-default-lexicons | awk '{print $1, $2}' | while read -r code name; do
    grep -q "^\.It Sy $code No $name " "$src/man/titlelint.1" ||
        { echo "rule $code $name missing from titlelint.1 RULES"; exit 1; }
done || status=1
[ $status -eq 0 ] && echo "docs agree"
exit $status
