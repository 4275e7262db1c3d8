#!/usr/bin/python3
"""The reference peer of the benchmark: what a team would write instead of
titlelint.  jieba segments each title (with the lexicon's names added to
its dictionary), every token is looked up among the same lexicon words
(brands and their aliases, people, categories and their synonyms), and a
regular expression finds 同款-style riding phrases.  One line per title:
the line number and the hits.

Usage: peer.py LEXICON_DIR FILE [LIMIT]
FILE is a text file (one title a line) or a .csv export (column 商品标题).
Runs under Debian's /usr/bin/python3 with python3-jieba.
"""

import csv
import glob
import itertools
import logging
import os
import re
import sys

import jieba


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def split(field):
    return [w for w in field.split("|") if w]


def load(lexdir):
    words = {}
    for path in sorted(glob.glob(os.path.join(lexdir, "brands-*.tsv"))):
        for f in rows(path):
            for w in [f[0]] + (split(f[1]) if len(f) > 1 else []):
                words[w.lower()] = "brand"
    for f in rows(os.path.join(lexdir, "people.tsv")):
        for w in [f[0]] + (split(f[2]) if len(f) > 2 else []):
            words[w.lower()] = "person"
    for name in ("categories.tsv", "categories-tech-office.tsv"):
        for f in rows(os.path.join(lexdir, name)):
            for w in [f[0].split(">")[-1]] + (split(f[1]) if len(f) > 1 else []):
                words.setdefault(w.lower(), "category")
    return words


RIDING = re.compile(r"(\S{2,8}?)(同款|平替|同厂|代工|原单)")


def titles(path):
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            col = next(reader).index("商品标题")
            for row in reader:
                yield row[col] if col < len(row) else ""
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\n")


def main():
    lexdir, path = sys.argv[1:3]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    jieba.setLogLevel(logging.WARNING)
    words = load(lexdir)
    for w in words:
        if " " not in w:
            jieba.add_word(w)
    out = sys.stdout
    for n, t in enumerate(itertools.islice(titles(path), limit), 1):
        hits = []
        for tok in jieba.lcut(t.lower()):
            kind = words.get(tok)
            if kind:
                hits.append(kind + ":" + tok)
        for m in RIDING.finditer(t):
            hits.append("riding:" + m.group(0))
        out.write("%d\t%s\n" % (n, " ".join(hits)))


if __name__ == "__main__":
    main()
