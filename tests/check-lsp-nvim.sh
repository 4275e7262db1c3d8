#!/bin/sh
# A real LSP client session: Neovim's built-in client drives
# `titlelint lsp` through tests/lsp/nvim-session.lua, attached by the
# example set-up examples/editors/neovim/titlelint.lua.  Skipped (77) when
# Neovim is not installed (tools/bootstrap installs it).
# Usage: check-lsp-nvim.sh TITLELINT SOURCE_DIR
set -eu
bin=$1
script=$2/tests/lsp/nvim-session.lua
example=$2/examples/editors/neovim/titlelint.lua
command -v nvim > /dev/null || { echo "skipped: nvim not found"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%s\n' '香奈儿同款小香风粗花呢短外套女秋冬新款' '纯棉短袖T恤男夏季宽松圆领' \
    '🌸杨幂同款碎花雪纺连衣裙仙女裙' '儿童保温杯316不锈钢吸管杯' > "$dir/titles.txt"
printf '[allowed]\nwords = 小香风\n' > "$dir/.titlelint.ini"
status=0
TITLELINT=$bin EXAMPLE=$example WORKDIR=$dir HOME=$dir timeout 120 \
    nvim --headless --clean -n -c "luafile $script" > "$dir/out" 2>&1 || status=$?
cat "$dir/out"
[ "$status" -eq 0 ] && grep -q '^all passed' "$dir/out"
