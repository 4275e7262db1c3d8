#!/bin/sh
# --fix rewrites titles that have a suggestion (in place through a
# temporary file and a rename, or into -o FILE), keeps the lines that need
# nothing, empty lines, CRLF line ends and a BOM; --diff prints the change
# and writes nothing; standard input is refused.
# Usage: check-fix.sh TITLELINT TESTS_DIR
set -eu
. "$(dirname "$0")/lib.sh"

printf '\357\273\277香奈儿同款纯棉T恤 夏季\r\n\r\n夏季纯棉T恤\r\n杨幂同款针织开衫纯棉!!!\n开衫' > "$tmp/in.txt"
cp "$tmp/in.txt" "$tmp/orig.txt"

# --diff: a unified diff, exit 1, the file untouched
status=0
lint --diff "$tmp/in.txt" > "$tmp/diff" || status=$?
[ "$status" -eq 1 ] || fail "--diff exit $status, expected 1"
cmp -s "$tmp/in.txt" "$tmp/orig.txt" || fail "--diff changed the file"
grep -q '^@@ -1 +1 @@$' "$tmp/diff" || fail "no hunk for line 1: $(cat "$tmp/diff")"
grep -q '^-香奈儿同款纯棉T恤 夏季$' "$tmp/diff" || fail "diff lacks the old line"
grep -q '^+T恤纯棉夏季$' "$tmp/diff" || fail "diff lacks the new line: $(cat "$tmp/diff")"
if grep -q '^@@ -3 ' "$tmp/diff"; then fail "a clean line was changed"; fi

# --fix -o: the input untouched, the output fixed
lint --fix -o "$tmp/out.txt" "$tmp/in.txt" > "$tmp/report" 2> "$tmp/err" || true
cmp -s "$tmp/in.txt" "$tmp/orig.txt" || fail "--fix -o changed the input"
printf '\357\273\277T恤纯棉夏季\r\n\r\n夏季纯棉T恤\r\n针织开衫纯棉\n开衫' > "$tmp/want.txt"
cmp -s "$tmp/out.txt" "$tmp/want.txt" || fail "fixed file: $(od -c "$tmp/out.txt" | head)"
grep -q '2 titles fixed' "$tmp/err" || fail "stderr: $(cat "$tmp/err")"
# the report is about the fixed titles: no riding left
if grep -q 'riding' "$tmp/report"; then fail "report still has riding: $(cat "$tmp/report")"; fi

# --fix in place: same result, no temporary file left behind
cp "$tmp/in.txt" "$tmp/inplace.txt"
chmod 640 "$tmp/inplace.txt"
lint --fix "$tmp/inplace.txt" > /dev/null 2>&1 || true
cmp -s "$tmp/inplace.txt" "$tmp/want.txt" || fail "in-place fix differs"
[ "$(stat -c %a "$tmp/inplace.txt")" = 640 ] || fail "mode not kept"
for f in "$tmp"/.*titlelint-*; do
    [ -e "$f" ] && fail "temporary file left: $f"
done

# usage errors
status=0
lint --fix - < "$tmp/in.txt" > /dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "--fix on stdin exit $status, expected 2"
status=0
lint -o "$tmp/x" "$tmp/in.txt" > /dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "-o without --fix exit $status, expected 2"
echo "fix ok"
