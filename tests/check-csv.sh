#!/bin/sh
# CSV exports: one output record per data row, in order, over every bad
# case (too few and too many cells, an empty title, invalid bytes, NUL
# bytes, a 10 MB cell, embedded newlines, CRLF, a BOM); an unterminated
# quote reports the rows before it and fails with its line; a GB18030 copy
# gives the same results; --fix adds a suggestion column and keeps every
# other cell as it was written; -j 1 and -j 2 agree.
# Usage: check-csv.sh TITLELINT TESTS_DIR
set -eu
. "$(dirname "$0")/lib.sh"

# 9 data rows, every one odd in its own way
{
    printf '\357\273\277商品ID,商品标题,末级类目,品牌\r\n'
    printf '1,香奈儿同款纯棉T恤,T恤,\r\n'
    printf '2,"夏季纯棉T恤, 宽松",T恤,暖织\r\n'
    printf '3,"多行\r\n的标题",T恤,\r\n'
    printf '4,杨幂同款,T恤,,多余\r\n'
    printf '5\r\n'
    printf '6,,T恤,\r\n'
    printf '7,坏\377字节,T恤,\r\n'
    printf '8,"带""引号""的纯棉T恤",T恤,\r\n'
    printf '9,'
    head -c 10485760 /dev/zero | tr '\0' 'x'
    printf ',T恤,\r\n'
} > "$tmp/in.csv"
printf '10,NUL\000字节的纯棉T恤,T恤,\r\n' >> "$tmp/in.csv"

lint -f jsonl --exit-zero "$tmp/in.csv" > "$tmp/out.jsonl"
[ "$(wc -l < "$tmp/out.jsonl")" -eq 10 ] || fail "expected 10 records, got $(wc -l < "$tmp/out.jsonl")"
ids=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$tmp/out.jsonl" | tr '\n' ' ')
[ "$ids" = "1 2 3 4 5 6 7 8 9 10 " ] || fail "ids out of order: $ids"
rows=$(sed 's/.*"row":\([0-9]*\).*/\1/' "$tmp/out.jsonl" | tr '\n' ' ')
[ "$rows" = "2 3 4 5 6 7 8 9 10 11 " ] || fail "rows: $rows"
for id in 4 5 6 7 9 10; do
    grep "\"id\":\"$id\"" "$tmp/out.jsonl" | grep -q '"code":"TL001"' || fail "row id $id not invalid-input"
done
grep '"id":"1"' "$tmp/out.jsonl" | grep -q '"code":"TL501"' || fail "row 1 not linted"
grep '"id":"8"' "$tmp/out.jsonl" | grep -q '"title":"带\\"引号\\"的纯棉T恤"' || fail "quotes in a cell"

# the csv format: every row, its cells first, then ours
lint -f csv --exit-zero "$tmp/in.csv" > "$tmp/out.csv"
head -1 "$tmp/out.csv" | grep -q '^.*商品ID,商品标题,末级类目,品牌,"违规数","违规项","建议标题"' ||
    fail "csv header: $(head -1 "$tmp/out.csv")"
grep -q '^2,"夏季纯棉T恤, 宽松",T恤,暖织,0,"",' "$tmp/out.csv" || fail "row 2 cells changed"

# -j 1 and -j 2 give the same bytes
lint -f jsonl -j 1 --exit-zero "$tmp/in.csv" > "$tmp/j1"
lint -f jsonl -j 2 --exit-zero "$tmp/in.csv" > "$tmp/j2"
cmp -s "$tmp/j1" "$tmp/j2" || fail "-j 1 and -j 2 differ"

# an unterminated quote at the end: rows before reported, exit 2, its line
printf 'id,title\n1,香奈儿同款纯棉T恤\n2,"未闭合的引号\n3,x\n' > "$tmp/open.csv"
status=0
lint -f jsonl "$tmp/open.csv" > "$tmp/open.out" 2> "$tmp/open.err" || status=$?
[ "$status" -eq 2 ] || fail "unterminated quote exit $status"
[ "$(wc -l < "$tmp/open.out")" -eq 1 ] || fail "rows before the quote: $(cat "$tmp/open.out")"
grep -q 'open.csv:4: a quoted field that opens in the record at line 3 is never closed' "$tmp/open.err" ||
    fail "quote message: $(cat "$tmp/open.err")"

# no title column: exit 2, the header listed
printf 'id,价格\n1,9.9\n' > "$tmp/notitle.csv"
status=0
lint "$tmp/notitle.csv" 2> "$tmp/notitle.err" || status=$?
[ "$status" -eq 2 ] || fail "no title column exit $status"
grep -q 'no title column.*id, 价格' "$tmp/notitle.err" || fail "header not listed: $(cat "$tmp/notitle.err")"

# --column by index, --no-header, TSV
printf '香奈儿同款纯棉T恤\t1\n' > "$tmp/plain.tsv"
lint -f jsonl --no-header --exit-zero "$tmp/plain.tsv" | grep -q '"code":"TL501"' || fail "tsv without header"
printf 'a,b\nx,香奈儿同款纯棉T恤\n' > "$tmp/col.csv"
lint -f jsonl --column 2 --exit-zero "$tmp/col.csv" | grep -q '"code":"TL501"' || fail "--column 2"

# GB18030: the same results as the UTF-8 file, and said on stderr
printf '商品ID,商品标题,末级类目\n1,香奈儿同款纯棉T恤,T恤\n2,杨幂同款连衣裙,连衣裙\n' > "$tmp/u.csv"
iconv -f UTF-8 -t GB18030 "$tmp/u.csv" > "$tmp/g.csv"
lint -f jsonl --exit-zero "$tmp/u.csv" | sed 's/"file":"[^"]*"//' > "$tmp/u.out"
lint -f jsonl --exit-zero "$tmp/g.csv" 2> "$tmp/g.err" | sed 's/"file":"[^"]*"//' > "$tmp/g.out"
cmp -s "$tmp/u.out" "$tmp/g.out" || fail "GB18030 results differ"
grep -q 'read as GB18030' "$tmp/g.err" || fail "encoding not said: $(cat "$tmp/g.err")"

# --fix on a CSV: a suggestion column, the other cells as written
printf 'id,title,cat\r\n1,"香奈儿同款,纯棉T恤 夏季",T恤\r\n2,"夏季纯棉T恤",T恤\r\n' > "$tmp/fix.csv"
lint --fix -o "$tmp/fixed.csv" "$tmp/fix.csv" > /dev/null 2>&1 || true
printf 'id,title,cat,"建议标题"\r\n1,"香奈儿同款,纯棉T恤 夏季",T恤,"T恤纯棉夏季"\r\n2,"夏季纯棉T恤",T恤,""\r\n' > "$tmp/want.csv"
cmp -s "$tmp/fixed.csv" "$tmp/want.csv" || fail "csv --fix: $(cat "$tmp/fixed.csv")"
echo "csv ok"
