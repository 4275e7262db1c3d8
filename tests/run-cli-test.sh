#!/bin/sh
# Runs one CLI case: run-cli-test.sh TITLELINT TESTS_DIR NAME [--real]
#   cli/NAME.args    arguments, one per line (@DATA@ is tests/data)
#   cli/NAME.in      standard input (optional; else empty)
#   cli/NAME.out     expected standard output, exactly
#   cli/NAME.err     expected standard error, exactly (optional; else empty)
#   cli/NAME.status  expected exit status (optional; else 0)
# The binary runs in tests/ with only the fixture lexicons, unless --real
# is given: then the case is in cli-real/ and the binary uses the lexicons it
# finds itself (the source tree's).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$2 name=$3 real=${4:-}
case_dir=$dir/cli
[ "$real" = "--real" ] && case_dir=$dir/cli-real
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

set --
if [ "$real" != "--real" ]; then
    set -- --no-default-lexicons --lexicon-dir "$dir/data/lexicons"
fi
while IFS= read -r arg || [ -n "$arg" ]; do
    arg=$(printf '%s' "$arg" | sed "s|@DATA@|$dir/data|g")
    set -- "$@" "$arg"
done < "$case_dir/$name.args"

input=/dev/null
[ -f "$case_dir/$name.in" ] && input=$case_dir/$name.in
expected_status=0
[ -f "$case_dir/$name.status" ] && expected_status=$(cat "$case_dir/$name.status")

cd "$dir" || exit 1
# $TITLELINT_WRAPPER: e.g. valgrind (meson test --setup valgrind)
# shellcheck disable=SC2086
LC_ALL=C.UTF-8 ${TITLELINT_WRAPPER:-} "$bin" "$@" < "$input" > "$tmp/out" 2> "$tmp/err"
status=$?

fail=0
if [ "$status" != "$expected_status" ]; then
    echo "exit status $status, expected $expected_status"; fail=1
fi
if ! diff -u "$case_dir/$name.out" "$tmp/out"; then
    echo "stdout differs"; fail=1
fi
if [ -f "$case_dir/$name.err" ]; then
    diff -u "$case_dir/$name.err" "$tmp/err" || { echo "stderr differs"; fail=1; }
elif [ -s "$tmp/err" ]; then
    echo "unexpected stderr:"; cat "$tmp/err"; fail=1
fi
exit $fail
