#!/bin/sh
# A line of SIZE bytes (default 1 MB; the hostile-input test gives 100 MB)
# between two titles: it gets one invalid-input finding (not printed in
# full), and the titles around it are still linted.
# Usage: check-long-line.sh TITLELINT TESTS_DIR [SIZE]
set -eu
. "$(dirname "$0")/lib.sh"
size=${3:-1048576}
{
    echo '杨幂同款连衣裙'
    head -c "$size" /dev/zero | tr '\0' 'x'
    echo
    echo '香奈儿同款外套'
} > "$tmp/in.txt"
# JSON Lines carry the title in full: checked up to 16 MB (the 100 MB
# case would spend its time in sed)
if [ "$size" -le 16777216 ]; then
status=0
lint -f jsonl "$tmp/in.txt" > "$tmp/out" || status=$?
[ "$status" -eq 1 ] || { echo "exit status $status, expected 1"; exit 1; }
[ "$(wc -l < "$tmp/out")" -eq 3 ] || { echo "expected 3 records"; exit 1; }
sed -n 1p "$tmp/out" | grep -q '"code":"TL502"' || { echo "line 1 not linted"; exit 1; }
sed -n 2p "$tmp/out" | grep -q '"code":"TL001".*"line"\|"line":2.*"code":"TL001"' ||
    { echo "line 2 not reported as invalid-input"; exit 1; }
sed -n 3p "$tmp/out" | grep -q '"line":3.*"code":"TL501"' || { echo "line 3 not linted"; exit 1; }
fi
# the text report, exactly: the long line named by its line and size
expect 1 lint --lang en --select TL001,TL501,TL502 "$tmp/in.txt"
cat > "$tmp/want" <<END
$tmp/in.txt:1:1: error: uses the celebrity 杨幂 without authorization to draw traffic: 杨幂同款 [celebrity-riding]
    杨幂同款连衣裙
    ^^^^^^^^
$tmp/in.txt:2:1: error: title is $size bytes long, over the 65536 bytes titlelint checks; not checked [invalid-input]
$tmp/in.txt:3:1: error: uses another brand, 香奈儿, to draw traffic: 香奈儿同款 [brand-riding]
    香奈儿同款外套
    ^^^^^^^^^^
END
same "$tmp/want" "text report"
echo "long line of $size bytes ok"
