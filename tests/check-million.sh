#!/bin/sh
# A generated export of 1,000,000 rows (ids, titles of every kind, bad
# rows among them): linted with two threads, rows in equal records out,
# in order.  Slow by nature: suite "large".
# Usage: check-million.sh TITLELINT TESTS_DIR [ROWS]
set -eu
bin=$1 dir=$2 rows=${3:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v rows="$rows" 'BEGIN {
    n = split("香奈儿同款纯棉T恤|夏季纯棉T恤 宽松|杨幂同款针织开衫|\"纯棉T恤, 夏季\"|抖音同款网红卫衣!!!|" \
              "适用苹果15手机壳|精致茶壶茶杯整套功夫茶具|原价99纯棉T恤 加微13812345678|" \
              "【暖织】羊毛针织开衫女 通勤|||N.I.K.E运动鞋|\"两行\n的标题\"", t, "|")
    print "商品ID,商品标题,末级类目,品牌"
    for (i = 1; i <= rows; i++)
        printf "%d,%s,T恤,%s\n", 100000000 + i, t[i % n + 1], (i % 3 ? "" : "暖织")
}' > "$tmp/big.csv"
"$bin" --no-default-lexicons --lexicon-dir "$dir/data/lexicons" --no-config -j 2 -q \
    -f jsonl --exit-zero "$tmp/big.csv" > "$tmp/out.jsonl"
out=$(wc -l < "$tmp/out.jsonl")
[ "$out" -eq "$rows" ] || { echo "FAIL: $rows rows in, $out records out"; exit 1; }
first=$(head -1 "$tmp/out.jsonl" | sed 's/.*"id":"\([0-9]*\)".*/\1/')
last=$(tail -1 "$tmp/out.jsonl" | sed 's/.*"id":"\([0-9]*\)".*/\1/')
if [ "$first" -ne 100000001 ] || [ "$last" -ne $((100000000 + rows)) ]; then
    echo "FAIL: order: first $first last $last"
    exit 1
fi
echo "$rows rows in, $out records out, in order"
