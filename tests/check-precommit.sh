#!/bin/sh
# The catalog-repository workflow, for real: the pre-commit framework runs
# the hook of .pre-commit-hooks.yaml in a temporary git repository, and so
# does the plain hook of examples/git-hooks/pre-commit.  A commit adding a
# riding title is refused with the diagnostic shown; after
# `titlelint --fix` it goes through.  Skipped (77) without the Debian
# package pre-commit (tools/bootstrap installs it).
# Usage: check-precommit.sh TITLELINT SOURCE_DIR
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
command -v pre-commit > /dev/null || { echo "skipped: pre-commit not found"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# the hook runs "titlelint" from PATH: this build's
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/titlelint"
cp "$(dirname "$bin")/titlelint-builddir.txt" "$tmp/bin/" 2>/dev/null || true
export PATH="$tmp/bin:$PATH" HOME="$tmp" PRE_COMMIT_HOME="$tmp/cache"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
export GIT_CONFIG_NOSYSTEM=1
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# a repository holding this tree's .pre-commit-hooks.yaml, as a hook source
git init -q "$tmp/hooks"
cp "$src/.pre-commit-hooks.yaml" "$tmp/hooks/"
git -C "$tmp/hooks" add . && git -C "$tmp/hooks" commit -qm hooks
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

bad='香奈儿同款小香风粗花呢短外套女秋冬新款'
good='纯棉短袖T恤男夏季宽松圆领'

# 1. the pre-commit framework
repo=$tmp/catalog
git init -q "$repo"
cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: titlelint
YAML
cd "$repo"
pre-commit install > /dev/null
printf '%s\n%s\n' "$good" "$bad" > spring.titles
printf 'not titles\n' > notes.md
git add .
if git commit -qm "add titles" > "$tmp/out" 2>&1; then
    cat "$tmp/out"; fail "pre-commit let a riding title through"
fi
grep -q 'spring.titles:2:1: error: .*brand-riding' "$tmp/out" ||
    { cat "$tmp/out"; fail "the diagnostic is not shown"; }
grep -q 'notes.md' "$tmp/out" && fail "a file that is not a title file was linted"
titlelint --quiet --fix spring.titles > /dev/null 2>&1 || true
grep -q 香奈儿 spring.titles && fail "--fix left the riding title"
git add spring.titles
git commit -qm "add titles" > "$tmp/out" 2>&1 || { cat "$tmp/out"; fail "the fixed commit was refused"; }
echo "ok: pre-commit refuses the riding title, accepts it fixed"

# 2. the plain git hook, on what is staged
repo=$tmp/plain
git init -q "$repo"
cp "$src/examples/git-hooks/pre-commit" "$repo/.git/hooks/pre-commit"
cd "$repo"
printf 'sku,商品标题\n1,%s\n2,%s\n' "$good" "$bad" > export.csv
git add export.csv
if git commit -qm export > "$tmp/out" 2>&1; then
    cat "$tmp/out"; fail "the git hook let a riding title through"
fi
grep -q 'export.csv:3:.*brand-riding' "$tmp/out" || { cat "$tmp/out"; fail "no diagnostic"; }
# (--fix adds a suggestion column to an export; the title is the
# merchant's to rewrite)
printf 'sku,商品标题\n1,%s\n2,%s\n' "$good" "$good" > export.csv
# staged is what counts: unstaged, the rewrite does not help
git commit -qm export > /dev/null 2>&1 && fail "the hook read the working tree, not the index"
git add export.csv
git commit -qm export > "$tmp/out" 2>&1 || { cat "$tmp/out"; fail "the rewritten export was refused"; }
echo "ok: the git hook refuses the staged riding title, accepts it rewritten"
