# Sourced by the tests/check-*.sh scripts after `set -eu` (POSIX sh):
#   bin, dir   the titlelint binary and tests/ (their first two arguments)
#   tmp        a temporary directory, removed at exit
#   lint ...   the binary with the fixture lexicons and no configuration,
#              run under $TITLELINT_WRAPPER when set (meson test --setup
#              valgrind sets it)
#   fail MSG   reports and exits 1
#   expect STATUS ...  runs a command, its stdout to $tmp/out and stderr to
#              $tmp/err, and fails unless it exits with STATUS
#   same FILE  fails unless $tmp/out is exactly FILE (diff shown)
# (absolute: a script may cd into $tmp)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
lint() { ${TITLELINT_WRAPPER:-} "$bin" --no-default-lexicons --lexicon-dir "$dir/data/lexicons" --no-config "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
expect() {
    want=$1
    shift
    got=0
    "$@" > "$tmp/out" 2> "$tmp/err" || got=$?
    [ "$got" -eq "$want" ] || { cat "$tmp/err"; fail "$*: exit status $got, expected $want"; }
}
same() {
    diff -u "$1" "$tmp/out" | head -40 || true
    cmp -s "$1" "$tmp/out" || fail "output differs from the expected ${2:-}"
}
