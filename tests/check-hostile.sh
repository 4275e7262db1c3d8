#!/bin/sh
# Hostile inputs (issue #8): each case builds its input at test time and
# checks titlelint's exact output and exit status -- a clear finding or
# error naming the file, line or row, never a crash, a hang or a lost record.
# Usage: check-hostile.sh TITLELINT TESTS_DIR CASE
#   emoji      a title of 100,000 emoji; one of 16,000 (under the size limit)
#   brackets   10^5 nested 【】; 10^4 nested () inside the size limit
#   overlap    a user lexicon of 10,000 brands a, aa, aaa ... and a 1 MB one
#   regex      a user pattern that backtracks catastrophically
#   columns    a CSV row of 10^6 cells
#   gb18030    a GB18030 file: a character cut by the 64 KiB chunk boundary,
#              and a sequence cut by the end of the file
# (a 100 MB line is check-long-line.sh with its size argument)
set -eu
. "$(dirname "$0")/lib.sh"
case=$3
cd "$tmp"

case $case in
emoji)
    python3 -c 'print("😀" * 100000); print("纯棉T恤" + "😀" * 16000); print("夏季纯棉T恤")' > in.txt
    expect 1 lint --lang en --select TL001,TL002 in.txt
    cat > want <<'END'
in.txt:1:1: error: title is 400000 bytes long, over the 65536 bytes titlelint checks; not checked [invalid-input]
in.txt:2:1: error: the title has 4 valid characters (Chinese characters, letters, digits), fewer than the platform's 5 [platform-format]
END
    # the other two findings of line 2 carry the 16,004-character title
    # under them: compared by their first lines
    head -2 out > head
    grep -q '^in.txt:2:5: error: holds characters the platform refuses: “😀”(U+1F600) (16000 in all) \[platform-format\]$' out ||
        fail "refused characters: $(grep ':2:5:' out | cut -c1-200)"
    grep -q "^in.txt:2:61: error: the title has 16004 characters, over the platform's limit of 60 \[platform-format\]$" out ||
        fail "length: $(grep ':2:61:' out | cut -c1-200)"
    [ "$(grep -c '^in.txt:' out)" -eq 4 ] || fail "expected 4 findings, line 3 clean"
    mv head out
    same want
    ;;
brackets)
    python3 -c 'print("【" * 100000 + "纯棉T恤" + "】" * 100000); print("(" * 10000 + "纯棉T恤" + ")" * 10000); print("香奈儿同款纯棉T恤")' > in.txt
    expect 1 lint --lang en --select TL001,TL501 in.txt
    cat > want <<'END'
in.txt:1:1: error: title is 600010 bytes long, over the 65536 bytes titlelint checks; not checked [invalid-input]
in.txt:3:1: error: uses another brand, 香奈儿, to draw traffic: 香奈儿同款 [brand-riding]
    香奈儿同款纯棉T恤
    ^^^^^^^^^^
END
    same want
    # nested brackets inside the limit are linted as symbols, every one
    expect 0 lint --lang en --select TL201 -f jsonl --exit-zero in.txt
    [ "$(wc -l < out)" -eq 3 ] || fail "expected 3 records"
    sed -n 2p out | grep -q '"code":"TL201"' || fail "line 2: no irrelevant-symbols finding"
    ;;
overlap)
    mkdir lex
    # 10,000 brands, each a prefix of the next (50 MB); and one of 1 MB
    python3 -c '
with open("lex/brands-overlap.tsv", "w") as f:
    for i in range(1, 10001):
        f.write("a" * i + "\n")
with open("lex/brands-huge.tsv", "w") as f:
    f.write("b" * 1048576 + "\n")
    f.write("b" * 1048576 + "\n")
'
    # the duplicate of the 1 MB name is an error that names its file and
    # line, and quotes the name cut short
    expect 2 lint --lang en --lexicon-dir lex -t x
    [ "$(wc -l < err)" -eq 2 ] || fail "expected 2 lines on stderr: $(cut -c1-200 err)"
    grep -q '^titlelint: error: lex/brands-huge.tsv:2: duplicate entry .bbbb*' err || fail "duplicate: $(cut -c1-200 err)"
    [ "$(wc -c < err)" -lt 1024 ] || fail "the 1 MB name was printed in full"
    printf 'b\n' > lex/brands-huge.tsv
    python3 -c 'print("a同款纯棉T恤"); print("a" * 10000 + "同款纯棉T恤"); print("a" * 60000)' > in.txt
    expect 1 lint --lang en --lexicon-dir lex --select TL001,TL501 in.txt
    cat > want <<'END'
in.txt:1:1: error: uses another brand, a, to draw traffic: a同款 [brand-riding]
    a同款纯棉T恤
    ^^^^^
END
    head -3 out > head
    # (the message quotes the 10,000-letter name, cut short)
    grep -q '^in.txt:2:1: error: uses another brand, aaaaaaaaaa*.* \[brand-riding\]$' out ||
        fail "line 2: $(grep '^in.txt:2' out | cut -c1-200)"
    [ "$(grep -c '^in.txt:' out)" -eq 2 ] || fail "expected 2 findings, line 3 clean"
    mv head out
    same want
    ;;
regex)
    mkdir lex
    printf '# a pattern that backtracks catastrophically\nspec\tnested\t(a+)+$\nspec\tpacks\t\\d+包\n' > lex/patterns-bad.tsv
    python3 -c 'print("纯棉T恤" + "a" * 40 + "!"); print("纯棉T恤10包装"); print("香奈儿同款纯棉T恤" + "a" * 40 + "!")' > in.txt
    expect 1 lint --lang en --lexicon-dir lex --select TL003,TL501 in.txt
    cat > want <<'END'
in.txt:1:1: warning: lexicon pattern 'nested' (lex/patterns-bad.tsv:2) hit PCRE2's match limit; this title was not checked against it [pattern-limit]
    纯棉T恤aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
in.txt:3:1: warning: lexicon pattern 'nested' (lex/patterns-bad.tsv:2) hit PCRE2's match limit; this title was not checked against it [pattern-limit]
    香奈儿同款纯棉T恤aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
in.txt:3:1: error: uses another brand, 香奈儿, to draw traffic: 香奈儿同款 [brand-riding]
    香奈儿同款纯棉T恤aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
    ^^^^^^^^^^
END
    same want
    # the other pattern of the file still matches (10包 is a spec)
    expect 0 lint --lexicon-dir lex -f jsonl --exit-zero --select TL003 in.txt
    sed -n 2p out | grep -q '"spec":\["10包"\]' || fail "line 2: $(sed -n 2p out)"
    # off in the configuration like any rule
    expect 0 lint --lang en --lexicon-dir lex --select TL003 --fail-level warning --ignore pattern-limit in.txt
    [ ! -s out ] || fail "pattern-limit not ignored"
    ;;
columns)
    python3 -c '
import sys
sys.stdout.write("id,title\n1,香奈儿同款纯棉T恤\n")
sys.stdout.write("2," + ",".join(["x"] * 999999) + "\n")
sys.stdout.write("3,夏季纯棉T恤\n")' > in.csv
    expect 1 lint --lang en --select TL001,TL501 in.csv
    cat > want <<'END'
in.csv:2:1: error: uses another brand, 香奈儿, to draw traffic: 香奈儿同款 [brand-riding]
    香奈儿同款纯棉T恤
    ^^^^^^^^^^
in.csv:3:1: error: the row has 1000000 cells, the header 2 [invalid-input]
    x
    ^
END
    same want
    expect 1 lint -f jsonl --select TL001,TL501 in.csv
    [ "$(wc -l < out)" -eq 3 ] || fail "expected 3 records"
    ;;
gb18030)
    # a 2-byte character across the 65,536-byte chunk boundary; the file
    # ends in a lead byte without its trail byte
    python3 -c '
body = bytearray("商品ID,商品标题\n".encode("gb18030"))
i = 1
while len(body) < 65536 - 40:
    body += f"{i},纯棉T恤夏季宽松{i}\n".encode("gb18030")
    i += 1
pre = f"{i},".encode()
body += pre + b"x" * (65535 - len(body) - len(pre))
assert len(body) == 65535
body += "香奈儿同款纯棉T恤\n".encode("gb18030")
body += f"{i + 1},夏季纯棉T恤".encode("gb18030") + b"\x81"
open("in.csv", "wb").write(bytes(body))
open("rows", "w").write(f"{i + 1}\n")
'
    last=$(cat rows)
    expect 1 lint --lang en --select TL001,TL501 --encoding gb18030 in.csv
    cat > want <<END
in.csv:$last:29: error: uses another brand, 香奈儿, to draw traffic: 香奈儿同款 [brand-riding]
    xxxxxxxxxxxxxxxxxxxxxxxxxxxx香奈儿同款纯棉T恤
                                ^^^^^^^^^^
in.csv:$((last + 1)):1: error: bytes at offset 16 are not valid GB18030 (a truncated or invalid sequence); title not checked [invalid-input]
    夏季纯棉T恤�
    ^
END
    same want
    # every row is a record, the detected encoding is said once
    expect 0 lint -f jsonl --exit-zero in.csv
    [ "$(wc -l < out)" -eq "$last" ] || fail "expected $last records, got $(wc -l < out)"
    [ "$(cat err)" = "titlelint: in.csv: not UTF-8; read as GB18030 (--encoding to say so)" ] ||
        fail "stderr: $(cat err)"
    # the same as text lines
    tail -c +17 in.csv | sed 's/^[0-9]*,//' > in.txt
    expect 1 lint --lang en --select TL001 --encoding gb18030 in.txt
    grep -q "^in.txt:$last:1: error: bytes at offset 16 are not valid GB18030" out || fail "text: $(tail -3 out)"
    ;;
*)
    fail "unknown case $case"
    ;;
esac
echo "$case ok"
