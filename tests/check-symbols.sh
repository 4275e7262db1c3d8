#!/bin/sh
# The version script, the public header and the shared library's exports
# must name the same functions.
set -eu
header=$1 sym=$2 lib=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -o '^titlelint_[a-z0-9_]*(' "$header" | tr -d '(' | sort -u > "$tmp/header"
grep -o '^ *titlelint_[a-z0-9_]*;' "$sym" | tr -d ' ;' | sort -u > "$tmp/sym"
nm -D --defined-only "$lib" | awk '{print $3}' | grep '^titlelint_' | sed 's/@.*//' | sort -u > "$tmp/lib"
status=0
if ! diff -u "$tmp/header" "$tmp/sym"; then
    echo "header and libtitlelint.sym differ" >&2; status=1
fi
if ! diff -u "$tmp/header" "$tmp/lib"; then
    echo "header and the library's exports differ" >&2; status=1
fi
[ $status -eq 0 ] && echo "$(wc -l < "$tmp/header") symbols agree"
exit $status
