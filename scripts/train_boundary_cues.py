#!/usr/bin/env python3
"""Fit the segmenter's boundary-cue model (src/core/topics/boundary_weights.inc).

Input: the feature dump of `transcript topics --eval --dump-features FILE SETDIR...` (one row per
candidate unit: set, doc, half, label = 1 when a reference boundary starts there, then the
features of src/core/topics/boundary_cues.cpp). Fits an L2-regularised logistic regression by
Newton's method (pure Python, no packages) on the rows of the chosen sets and half only, each set
weighted equally, and prints the per-feature AUC on both halves so the held-out half stays honest.

  ./build/transcript topics --eval --dump-features /tmp/f.tsv ../shared/data/topics/{podcasts,meetings_dev}
  python3 scripts/train_boundary_cues.py /tmp/f.tsv --half 0 --sets podcasts,meetings_dev \
      --out src/core/topics/boundary_weights.inc
"""
import argparse
import math
import sys


def load(path):
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = []
        for line in f:
            p = line.rstrip("\n").split("\t")
            rows.append((p[0], p[1], int(p[2]), int(p[3]), [float(x) for x in p[4:]]))
    return header[4:], rows


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(xs, ys, ws, l2, iters=25):
    d = len(xs[0])
    beta = [0.0] * d
    for _ in range(iters):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for x, y, w in zip(xs, ys, ws):
            z = sum(b * v for b, v in zip(beta, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            r = w * (p - y)
            s = w * p * (1 - p)
            for i in range(d):
                if x[i] == 0.0:
                    continue
                g[i] += r * x[i]
                sx = s * x[i]
                hi = h[i]
                for j in range(d):
                    if x[j] != 0.0:
                        hi[j] += sx * x[j]
        for i in range(1, d):  # no penalty on the bias
            g[i] += l2 * beta[i]
            h[i][i] += l2
        step = solve(h, g)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return beta


def auc(scores, labels):
    pairs = sorted(zip(scores, labels))
    pos = sum(labels)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        avg = (i + j + 1) / 2.0
        rank_sum += avg * sum(l for _, l in pairs[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2.0) / (pos * neg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--half", type=int, default=0, help="train on this half (0 even, 1 odd, -1 all)")
    ap.add_argument("--sets", default="podcasts,meetings_dev")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--drop", default="", help="comma-separated feature names fixed at 0")
    ap.add_argument("--out", help="write the C++ weights (.inc) here")
    ap.add_argument("--out-model", help="write the weights as plain numbers (for --cue-model)")
    a = ap.parse_args()
    names, rows = load(a.dump)
    sets = a.sets.split(",")
    drop = set(x for x in a.drop.split(",") if x)
    keep = [i for i, n in enumerate(names) if n not in drop]
    train = [r for r in rows if r[0] in sets and (a.half < 0 or r[2] == a.half)]
    per_set = {s: sum(1 for r in train if r[0] == s) for s in sets}
    xs = [[r[4][i] for i in keep] for r in train]
    ys = [r[3] for r in train]
    ws = [len(train) / (len(sets) * per_set[r[0]]) for r in train]
    beta_k = fit(xs, ys, ws, a.l2)
    beta = [0.0] * len(names)
    for i, b in zip(keep, beta_k):
        beta[i] = b
    print("feature          weight   AUC per set/half (univariate)", file=sys.stderr)
    for i, n in enumerate(names):
        cells = []
        for s in sets:
            for h in (0, 1):
                sub = [r for r in rows if r[0] == s and r[2] == h]
                cells.append("%s/%d %.3f" % (s[:4], h, auc([r[4][i] for r in sub], [r[3] for r in sub])))
        print("%-16s %7.3f  %s" % (n, beta[i], "  ".join(cells)), file=sys.stderr)
    for s in sets:
        for h in (0, 1):
            sub = [r for r in rows if r[0] == s and r[2] == h]
            sc = [sum(b * v for b, v in zip(beta, r[4])) for r in sub]
            print("model AUC %s half %d: %.3f" % (s, h, auc(sc, [r[3] for r in sub])), file=sys.stderr)
    if a.out_model:
        with open(a.out_model, "w") as f:
            f.write(" ".join("%.6g" % b for b in beta) + "\n")
    if a.out:
        with open(a.out, "w") as f:
            f.write("// boundary_weights.inc: generated by scripts/train_boundary_cues.py (do not edit).\n")
            f.write("// Logistic regression, L2 %g, trained on sets %s, half %d; columns as kCueFeatureNames.\n"
                    % (a.l2, a.sets, a.half))
            f.write("constexpr float kCueWeights[kCueFeatureCount] = {\n")
            for n, b in zip(names, beta):
                f.write("    %.6gf,  // %s\n" % (b, n))
            f.write("};\n")


if __name__ == "__main__":
    main()
