#!/bin/sh
# A 1 MB line between two titles: it gets one invalid-input finding (not
# printed in full), and the titles around it are still linted.
# Usage: check-long-line.sh TITLELINT TESTS_DIR
set -eu
bin=$1 dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    echo '杨幂同款连衣裙'
    head -c 1048576 /dev/zero | tr '\0' 'x'
    echo
    echo '香奈儿同款外套'
} > "$tmp/in.txt"
status=0
"$bin" --no-default-lexicons --lexicon-dir "$dir/data/lexicons" -f jsonl "$tmp/in.txt" \
    > "$tmp/out" || status=$?
[ "$status" -eq 1 ] || { echo "exit status $status, expected 1"; exit 1; }
[ "$(wc -l < "$tmp/out")" -eq 3 ] || { echo "expected 3 records"; exit 1; }
sed -n 1p "$tmp/out" | grep -q '"code":"TL502"' || { echo "line 1 not linted"; exit 1; }
sed -n 2p "$tmp/out" | grep -q '"code":"TL001".*"line"\|"line":2.*"code":"TL001"' ||
    { echo "line 2 not reported as invalid-input"; exit 1; }
sed -n 3p "$tmp/out" | grep -q '"line":3.*"code":"TL501"' || { echo "line 3 not linted"; exit 1; }
"$bin" --no-default-lexicons --lexicon-dir "$dir/data/lexicons" "$tmp/in.txt" > "$tmp/text" || true
[ "$(wc -c < "$tmp/text")" -lt 4096 ] || { echo "the long line was printed"; exit 1; }
echo "long line ok"
