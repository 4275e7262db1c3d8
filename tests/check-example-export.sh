#!/bin/sh
# The bundled export, with the real lexicons: 300 data rows in, 300
# records out in every per-row format; its GB18030 copy gives the same
# results; the csv output keeps every original cell.
# Usage: check-example-export.sh TITLELINT EXPORT
set -eu
bin=$1 export=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
rows=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))); print(len(r) - 1)' "$export")
[ "$rows" -eq 300 ] || fail "the example has $rows rows, not 300"

"$bin" --no-config -q -f jsonl --exit-zero "$export" > "$tmp/u.jsonl"
[ "$(wc -l < "$tmp/u.jsonl")" -eq "$rows" ] || fail "jsonl: $(wc -l < "$tmp/u.jsonl") records for $rows rows"
grep -q '"code":"TL701"' "$tmp/u.jsonl" || fail "the padded copies were not found"
grep -q '"code":"TL501"' "$tmp/u.jsonl" || fail "no brand-riding in the example"

"$bin" --no-config -q -f csv --exit-zero "$export" > "$tmp/u.csv"
python3 - "$export" "$tmp/u.csv" <<'PY'
import csv, sys
src = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
out = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert len(out) == len(src), (len(out), len(src))
for a, b in zip(src, out):
    assert b[:len(a)] == a, (a, b)          # every original cell, unchanged
    assert len(b) == len(a) + 3
assert out[0][-3:] == ["违规数", "违规项", "建议标题"], out[0]
PY

iconv -f UTF-8 -t GB18030 "$export" > "$tmp/gbk.csv"
"$bin" --no-config -q -f jsonl --exit-zero "$tmp/gbk.csv" 2> "$tmp/gbk.err" > "$tmp/g.jsonl"
grep -q 'read as GB18030' "$tmp/gbk.err" || fail "GB18030 not detected: $(cat "$tmp/gbk.err")"
sed 's/"file":"[^"]*"//' "$tmp/u.jsonl" > "$tmp/u.cmp"
sed 's/"file":"[^"]*"//' "$tmp/g.jsonl" > "$tmp/g.cmp"
cmp -s "$tmp/u.cmp" "$tmp/g.cmp" || fail "the GB18030 copy gives other results"
echo "$rows rows in, $rows records out; GB18030 copy identical"
