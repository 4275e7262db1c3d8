#!/usr/bin/env python3
"""Writes the benchmark corpus: N synthetic product titles (one a line) and
a CSV export of the same titles (商品ID,商品标题,类目,品牌).

The words come from the project's own lexicons/ (brands, people,
categories, attributes, hot words, riding markers) so that every stage of
the linter has work to do; the shape (【】, specs such as 500ml, 20寸, XL,
同款 phrases, 10 to 60 characters) follows real store titles.  A fixed seed
makes the output the same on every machine, byte for byte.

Usage: gen-corpus.py LEXICON_DIR OUT.txt OUT.csv [N]
"""

import csv
import glob
import os
import random
import sys

SEED = 20240808


def rows(path, min_fields=1):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) >= min_fields and fields[0]:
                yield fields


def load(lexdir):
    words = {}
    brands = []
    for path in sorted(glob.glob(os.path.join(lexdir, "brands-*.tsv"))):
        for f in rows(path):
            aliases = [a for a in (f[1].split("|") if len(f) > 1 else []) if a]
            brands.append((f[0], aliases))
    words["brands"] = brands
    words["people"] = [f[0] for f in rows(os.path.join(lexdir, "people.tsv"))]
    cats = []
    for name in ("categories.tsv", "categories-tech-office.tsv"):
        for f in rows(os.path.join(lexdir, name)):
            leaf = f[0].split(">")[-1]
            syn = [s for s in (f[1].split("|") if len(f) > 1 else []) if s]
            cats.append((f[0], leaf, syn))
    words["categories"] = cats
    words["attributes"] = [f[1] for f in rows(os.path.join(lexdir, "attributes.tsv"), 2)]
    words["hotwords"] = [f[0] for f in rows(os.path.join(lexdir, "hotwords.tsv"))]
    words["riding"] = [f[1] for f in rows(os.path.join(lexdir, "markers.tsv"), 2)
                       if f[0] == "riding"]
    words["absolute"] = [f[0] for f in rows(os.path.join(lexdir, "absolute.tsv"))]
    return words


SPECS = [
    lambda r: "%dml" % r.choice((100, 250, 330, 500, 750, 1000)),
    lambda r: "%dg" % r.choice((50, 100, 200, 250, 500)),
    lambda r: "%dkg" % r.randint(1, 10),
    lambda r: "%d寸" % r.choice((14, 20, 24, 26, 28, 32, 55)),
    lambda r: r.choice(("S", "M", "L", "XL", "XXL", "3XL", "S-XL", "M/L")),
    lambda r: "%d码" % r.randint(35, 45),
    lambda r: "%dcm" % r.randint(10, 200),
    lambda r: "%d*%dcm" % (r.randint(10, 90), r.randint(10, 90)),
    lambda r: "%d件套" % r.randint(2, 12),
    lambda r: "%d只装" % r.randint(2, 24),
    lambda r: "%dW" % r.choice((10, 20, 65, 100, 1200)),
    lambda r: "%dmAh" % r.choice((5000, 10000, 20000)),
    lambda r: "%dGB" % r.choice((64, 128, 256, 512)),
    lambda r: "%d片" % r.randint(2, 100),
]

FILLERS = ["新款", "正品", "包邮", "家用", "加厚", "大容量", "便携", "官方",
           "2024", "夏季", "冬季", "男女", "儿童", "学生", "办公室", "礼盒装"]


def title(r, w):
    """One title and its category path and brand (the CSV's columns)."""
    path, leaf, syn = r.choice(w["categories"])
    brand, aliases = r.choice(w["brands"])
    shown = r.choice(aliases) if aliases and r.random() < 0.3 else brand
    parts = []
    if r.random() < 0.25:
        parts.append("【%s】" % r.choice(w["hotwords"] + FILLERS))
    if r.random() < 0.7:
        parts.append(shown)
    if r.random() < 0.15:
        # riding: someone else's name (a person or a brand) plus 同款 or
        # another riding marker
        other = r.choice(w["people"]) if r.random() < 0.5 else r.choice(w["brands"])[0]
        parts.append(other + (r.choice(w["riding"]) if r.random() < 0.5 else "同款"))
    for _ in range(r.randint(1, 3)):
        parts.append(r.choice(w["attributes"]))
    if r.random() < 0.3:
        parts.append(r.choice(FILLERS))
    if r.random() < 0.05:
        parts.append(r.choice(w["absolute"]))
    parts.append(r.choice(syn) if syn and r.random() < 0.4 else leaf)
    for _ in range(r.randint(0, 2)):
        parts.append(r.choice(SPECS)(r))
    sep = " " if r.random() < 0.4 else ""
    t = sep.join(parts)
    while len(t) < 10:
        t += r.choice(FILLERS)
    if len(t) > 60:
        t = t[:60].rstrip()
    return t, path, brand if r.random() < 0.5 else ""


def main():
    lexdir, out_txt, out_csv = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1000000
    r = random.Random(SEED)
    w = load(lexdir)
    tmp_txt, tmp_csv = out_txt + ".tmp", out_csv + ".tmp"
    with open(tmp_txt, "w", encoding="utf-8", newline="\n") as txt, \
         open(tmp_csv, "w", encoding="utf-8", newline="") as cf:
        out = csv.writer(cf, lineterminator="\n")
        out.writerow(["商品ID", "商品标题", "类目", "品牌"])
        for i in range(n):
            t, path, brand = title(r, w)
            txt.write(t + "\n")
            out.writerow([100000000 + i, t, path, brand])
    os.replace(tmp_txt, out_txt)
    os.replace(tmp_csv, out_csv)


if __name__ == "__main__":
    main()
