#!/usr/bin/python3
"""titlelint's benchmark (issue #8): throughput, lexicon load time and peak
memory, as medians of several runs, beside a reference peer (peer.py:
jieba plus the same lexicon words).

Run by `meson test -C build --benchmark -v`, or directly:
    tests/bench/bench.py --titlelint build/titlelint \
        --bench-load build/tests/bench/bench-load --build-dir build
Environment:
    BENCH_RUNS=5            runs per measurement (the median is reported)
    BENCH_TITLES=1000000    titles in the synthetic corpus
    BENCH_PEER_TITLES=100000  titles the peer lints (it is slow; titles/s
                            do not depend on the count)
    BENCH_FORMAT=text       titlelint's output format (text, jsonl, csv ...)
The corpus is generated once (fixed seed) into BUILD_DIR/tests/bench/ and
regenerated when the generator or the lexicons change.  The results are
printed and written to BUILD_DIR/tests/bench/results.txt.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
PEER_PYTHON = "/usr/bin/python3"   # Debian's, with python3-jieba


def newest_mtime(paths):
    return max(os.path.getmtime(p) for p in paths)


def corpus(args, n):
    """The synthetic corpus (text and CSV), generated when missing or stale."""
    outdir = os.path.join(args.build_dir, "tests", "bench")
    os.makedirs(outdir, exist_ok=True)
    txt = os.path.join(outdir, "corpus-%d.txt" % n)
    csv = os.path.join(outdir, "corpus-%d.csv" % n)
    lexdir = os.path.join(SOURCE_ROOT, "lexicons")
    gen = os.path.join(HERE, "gen-corpus.py")
    inputs = [gen] + [os.path.join(lexdir, f) for f in os.listdir(lexdir)]
    if not (os.path.exists(txt) and os.path.exists(csv)) or \
            min(os.path.getmtime(txt), os.path.getmtime(csv)) < newest_mtime(inputs):
        print("generating %d titles into %s ..." % (n, outdir), flush=True)
        subprocess.run([sys.executable, gen, lexdir, txt, csv, str(n)], check=True)
    return txt, csv


def run_once(cmd):
    """Wall-clock seconds and peak RSS (KiB) of one run, output discarded."""
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                  err.decode(errors="replace")))
    return wall, usage.ru_maxrss


def measure(cmd, runs):
    walls, rss = [], 0
    for _ in range(runs):
        wall, maxrss = run_once(cmd)
        walls.append(wall)
        rss = max(rss, maxrss)
    return statistics.median(walls), rss


def count_lines(path, limit=None):
    n = 0
    with open(path, "rb") as f:
        for _ in f:
            n += 1
    n -= path.endswith(".csv")   # the header row
    return min(n, limit) if limit else n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--titlelint", required=True)
    ap.add_argument("--bench-load", required=True)
    ap.add_argument("--build-dir", required=True)
    args = ap.parse_args()

    runs = int(os.environ.get("BENCH_RUNS", "5"))
    n = int(os.environ.get("BENCH_TITLES", "1000000"))
    n_peer = int(os.environ.get("BENCH_PEER_TITLES", "100000"))
    txt, csv = corpus(args, n)
    lexdirs = [os.path.join(SOURCE_ROOT, "lexicons"),
               os.path.join(args.build_dir, "lexicons")]
    fmt = os.environ.get("BENCH_FORMAT", "text")
    lint = [args.titlelint, "--no-config", "-q", "--exit-zero", "-f", fmt]

    results = []   # (name, titles, bytes, seconds, rss KiB)
    inputs = [("synthetic txt", txt), ("synthetic csv", csv)]
    jd = os.path.join(os.path.dirname(SOURCE_ROOT), "shared", "corpus",
                      "titles_jd_gaiic2022.txt")
    if os.path.exists(jd):
        inputs.append(("JD gaiic2022", jd))
    for name, path in inputs:
        titles, size = count_lines(path), os.path.getsize(path)
        for jobs in (1, 2):
            print("%s -j%d ..." % (name, jobs), flush=True)
            wall, rss = measure(lint + ["-j", str(jobs), path], runs)
            results.append(("%s -j%d" % (name, jobs), titles, size, wall, rss))

    print("peer (jieba) ...", flush=True)
    peer_titles = count_lines(txt, n_peer)
    with open(txt, "rb") as f:
        peer_bytes = sum(len(line) for _, line in zip(range(peer_titles), f))
    wall, rss = measure([PEER_PYTHON, os.path.join(HERE, "peer.py"), lexdirs[0], txt,
                         str(peer_titles)], runs)
    results.append(("peer.py jieba -j1", peer_titles, peer_bytes, wall, rss))

    load_ms = float(subprocess.run([args.bench_load, str(max(runs, 5))] + lexdirs,
                                   check=True, capture_output=True, text=True).stdout)
    cli_once, cli_rss = measure([args.titlelint, "--no-config", "--exit-zero", "-t", "x"], runs)

    lines = ["titlelint benchmark: %d runs, medians; %d synthetic titles; -f %s"
             % (runs, n, fmt), ""]
    lines.append("%-22s %10s %12s %8s %9s %9s" % ("input", "titles", "titles/s", "MB/s",
                                                  "seconds", "peak RSS"))
    for name, titles, size, wall, rss in results:
        lines.append("%-22s %10d %12.0f %8.2f %9.2f %6.1f MiB"
                     % (name, titles, titles / wall, size / wall / 1e6, wall, rss / 1024))
    rate = {name: titles / wall for name, titles, _, wall, _ in results}
    lines.append("")
    lines.append("titlelint -j1 / peer: %.1fx  (titles/s, synthetic text)"
                 % (rate["synthetic txt -j1"] / rate["peer.py jieba -j1"]))
    for name, _ in inputs:
        lines.append("%s: -j2 / -j1 = %.2fx" % (name, rate[name + " -j2"] / rate[name + " -j1"]))
    lines.append("lexicon load (context new..compile, in process): %.1f ms" % load_ms)
    lines.append("titlelint -t x (whole process): %.0f ms, peak RSS %.1f MiB"
                 % (cli_once * 1e3, cli_rss / 1024))
    text = "\n".join(lines) + "\n"
    print()
    print(text, end="")
    with open(os.path.join(args.build_dir, "tests", "bench", "results.txt"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
