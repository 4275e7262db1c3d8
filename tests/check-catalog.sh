#!/bin/sh
# Whole-catalog checks: duplicate-title groups rows whose titles differ
# only in symbols, spaces, word order or a spec, and names the others;
# --write-baseline records findings by product id and rule, --baseline
# accepts them (exit 0), counts new ones (exit 1) and lists stale ones;
# duplicates are found on standard input, even from a pipe;
# --input-format jsonl is a filter: one record per input line.
# Usage: check-catalog.sh TITLELINT TESTS_DIR
set -eu
. "$(dirname "$0")/lib.sh"

printf '商品ID,商品标题,末级类目\n1001,纯棉T恤 夏季 宽松,T恤\n1002,夏季纯棉T恤宽松!!,T恤\n1003,宽松 夏季纯棉T恤 500ml,T恤\n1004,羊毛针织开衫女,针织开衫\n1005,香奈儿同款纯棉T恤,T恤\n' > "$tmp/a.csv"
lint -f jsonl --select TL701 --exit-zero "$tmp/a.csv" > "$tmp/dup"
[ "$(grep -c '"code":"TL701"' "$tmp/dup")" -eq 3 ] || fail "expected 3 duplicate rows: $(cat "$tmp/dup")"
grep '"id":"1003"' "$tmp/dup" | grep -q '商品ID 1001、商品ID 1002' || fail "row 1003 does not name the others"
grep '"id":"1004"' "$tmp/dup" | grep -q '"diagnostics":\[\]' || fail "row 1004 is no duplicate"
# standard input too: redirected from a file, and from a pipe (copied to
# a temporary file first, since a pipe cannot be read twice)
lint -f jsonl --select TL701 --exit-zero --input-format csv - < "$tmp/a.csv" > "$tmp/dup-in"
[ "$(grep -c '"code":"TL701"' "$tmp/dup-in")" -eq 3 ] || fail "stdin from a file: $(cat "$tmp/dup-in")"
cat "$tmp/a.csv" | lint -f jsonl --select TL701 --exit-zero --input-format csv > "$tmp/dup-pipe"
cmp -s "$tmp/dup-in" "$tmp/dup-pipe" || fail "stdin from a pipe: $(cat "$tmp/dup-pipe")"
status=0
printf 'x\n' | TMPDIR=/nonexistent lint > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q '<stdin>: cannot make a temporary copy' "$tmp/err" ||
    fail "no temporary file: exit $status, $(cat "$tmp/err")"

# baselines
lint --write-baseline "$tmp/b.json" "$tmp/a.csv" > /dev/null 2>&1 || true
grep -q '"id": "1005"' "$tmp/b.json" || fail "baseline lacks 1005: $(cat "$tmp/b.json")"
status=0
lint --baseline "$tmp/b.json" "$tmp/a.csv" > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 0 ] || fail "all findings accepted, exit $status: $(cat "$tmp/err")"
grep -q 'findings accepted, 0 new, 0 stale' "$tmp/err" || fail "summary: $(cat "$tmp/err")"
# the next export: 1005 moved to another row, 1009 is new, 1001-1004 gone
printf '商品ID,商品标题,末级类目\n1009,杨幂同款纯棉T恤,T恤\n1005,香奈儿同款纯棉T恤,T恤\n' > "$tmp/next.csv"
status=0
lint --baseline "$tmp/b.json" "$tmp/next.csv" > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 1 ] || fail "a new error must fail, exit $status"
grep -q ' new, ' "$tmp/err" || fail "no new count: $(cat "$tmp/err")"
grep -q 'stale: 1001 TL701' "$tmp/err" || fail "stale: $(cat "$tmp/err")"
printf '{"findings": [{"id": 1}]}' > "$tmp/bad.json"
status=0
lint --baseline "$tmp/bad.json" -t x > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "a bad baseline must exit 2"

# jsonl in, jsonl out: a line a record, ids kept
printf '{"id":"a1","title":"香奈儿同款纯棉T恤","category":"T恤"}\n{"id":2,"title":"夏季纯棉T恤"}\nnot json\n' |
    lint --input-format jsonl -f jsonl --exit-zero - > "$tmp/out"
[ "$(wc -l < "$tmp/out")" -eq 3 ] || fail "jsonl: 3 records expected"
sed -n 1p "$tmp/out" | grep -q '"id":"a1"' || fail "jsonl id"
sed -n 2p "$tmp/out" | grep -q '"id":"2"' || fail "jsonl numeric id"
sed -n 3p "$tmp/out" | grep -q '"code":"TL001"' || fail "jsonl bad line"
echo "catalog ok"
