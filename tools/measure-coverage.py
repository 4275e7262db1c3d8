#!/usr/bin/env python3
"""Lexicon coverage on real titles: the share of the human-labelled brand
and product-word spans of ../shared/corpus/annotated_jd_gaiic2022.tsv (gold
rows only) that titlelint's parse finds.  Measures, never copies: nothing
of the corpus is written anywhere.

    tools/measure-coverage.py [--titlelint build/titlelint] [--corpus PATH]

A brand span counts as found when a brand titlelint parsed covers that
text (as written, case-insensitively); a product word when a category
word it parsed overlaps it.  Brands of the "compatible" columns (the
device an accessory fits) are brands too.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata


def norm(s):
    return unicodedata.normalize("NFKC", s).casefold()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--titlelint", default=os.path.join(here, "..", "build", "titlelint"))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus",
                                                     "annotated_jd_gaiic2022.tsv"))
    ap.add_argument("--misses", type=int, default=0, help="print the N most frequent misses")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"skipped: {args.corpus} not found")
        return 0

    rows = []
    with open(args.corpus, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if not cells[col["label_source"]].startswith("gold"):
                continue
            rows.append(cells)
    titles = "\n".join(r[col["title"]].replace("\n", " ") for r in rows) + "\n"
    out = subprocess.run([args.titlelint, "--no-config", "--exit-zero", "-f", "jsonl",
                          "--select", "TL001"], input=titles.encode(), capture_output=True,
                         check=True).stdout.decode()
    records = [json.loads(l) for l in out.splitlines()]
    assert len(records) == len(rows), "one record per title"

    found = {"brand": [0, 0], "product": [0, 0]}
    misses = {"brand": {}, "product": {}}
    for r, rec in zip(rows, records):
        parsed = rec.get("parsed") or {}
        brands = [norm(b["text"]) for b in parsed.get("brands", [])]
        cats = [norm(c["text"]) for c in parsed.get("categories", [])]
        spans = {
            "brand": [s for c in ("brand", "compatible_brand") for s in r[col[c]].split(" | ") if s],
            "product": [s for s in r[col["category"]].split(" | ") if s],
        }
        for kind, items in spans.items():
            for s in items:
                ns = norm(s)
                if kind == "brand":
                    hit = any(ns in b or b in ns for b in brands)
                else:
                    hit = any(ns in c or c in ns for c in cats)
                found[kind][0] += hit
                found[kind][1] += 1
                if not hit:
                    misses[kind][ns] = misses[kind].get(ns, 0) + 1

    print(f"{len(rows)} gold titles")
    for kind, (hit, total) in found.items():
        print(f"{kind:8s} {hit}/{total} spans found: {100.0 * hit / max(total, 1):.1f}%")
    if args.misses:
        for kind in misses:
            top = sorted(misses[kind].items(), key=lambda kv: -kv[1])[:args.misses]
            print(f"most frequent {kind} misses: " + ", ".join(f"{k} ({v})" for k, v in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
