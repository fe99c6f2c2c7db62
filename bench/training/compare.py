"""Joins the two sides of the training benchmark (JSON lines from TrainBench.java and sklearn_bench.py) and prints,
per dataset and algorithm, both accuracies and both times with their ratio (scikit-learn's time / Gyre's: above
1.0, Gyre is faster), then each dataset's best on both sides."""
import json
import sys


def read(path):
    with open(path) as f:
        return {(r["dataset"], r["algorithm"]): r for r in map(json.loads, filter(str.strip, f))}


gyre, sk = read(sys.argv[1]), read(sys.argv[2])
print(f"{'dataset':<14} {'algorithm':<20} {'Gyre acc':>8} {'sk acc':>8} {'Δ pt':>6} {'Gyre s':>8} {'sk s':>8} {'ratio':>6}")
for key in sorted(gyre.keys() & sk.keys()):
    g, s = gyre[key], sk[key]
    print(f"{key[0]:<14} {key[1]:<20} {g['accuracy']:>8.4f} {s['accuracy']:>8.4f} "
          f"{100 * (g['accuracy'] - s['accuracy']):>+6.2f} {g['seconds']:>8.3f} {s['seconds']:>8.3f} "
          f"{s['seconds'] / max(g['seconds'], 1e-9):>6.2f}")
print()
print(f"{'dataset':<14} {'Gyre best':<32} {'scikit-learn best':<32} {'Δ pt':>6}")
for dataset in sorted({d for d, _ in gyre} & {d for d, _ in sk}):
    g = max((r for (d, _), r in gyre.items() if d == dataset), key=lambda r: r["accuracy"])
    s = max((r for (d, _), r in sk.items() if d == dataset), key=lambda r: r["accuracy"])
    print(f"{dataset:<14} {g['algorithm'] + ' ' + format(g['accuracy'], '.4f'):<32} "
          f"{s['algorithm'] + ' ' + format(s['accuracy'], '.4f'):<32} {100 * (g['accuracy'] - s['accuracy']):>+6.2f}")
