#!/bin/sh
# The SARIF output validates against the official SARIF 2.1.0 schema (with
# python3-jsonschema), for a text file and a CSV export, and carries what
# code-scanning tools read: rules with help, results with ruleId, level,
# message and a region, columnKind.
# Usage: check-sarif.sh TITLELINT TESTS_DIR SCHEMA
set -eu
bin=$1 dir=$2 schema=$3
[ -s "$schema" ] || { echo "FAIL: no SARIF schema at $schema (tools/bootstrap fetches it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lint() { "$bin" --no-default-lexicons --lexicon-dir "$dir/data/lexicons" --no-config "$@"; }
printf 'id,title\n1,香奈儿同款纯棉T恤\n2,夏季纯棉T恤\n3,\n' > "$tmp/in.csv"
lint -f sarif --exit-zero "$dir/data/titles.txt" > "$tmp/text.sarif"
lint -f sarif --exit-zero "$tmp/in.csv" > "$tmp/csv.sarif"
lint -f sarif --exit-zero -t '纯棉T恤 夏季' > "$tmp/clean.sarif"
python3 - "$schema" "$tmp/text.sarif" "$tmp/csv.sarif" "$tmp/clean.sarif" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
for path in sys.argv[2:]:
    log = json.load(open(path))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert any(r["id"] == "TL501" and r["help"]["text"] for r in rules)
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    print(path.split("/")[-1], len(run["results"]), "results, valid")
csv = json.load(open(sys.argv[3]))["runs"][0]["results"]
assert {r["ruleId"] for r in csv} >= {"TL501", "TL001"}, csv
assert any(r["locations"][0]["physicalLocation"]["region"]["startLine"] == 2 for r in csv)
assert json.load(open(sys.argv[4]))["runs"][0]["results"] == []
PY
