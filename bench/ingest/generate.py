#!/usr/bin/env python3
"""Writes the ingest benchmark's CSV: N rows (default 1,000,000) x 10 columns, seeded, so every run reads the
same bytes. Eight numeric columns (f1, f2 with 2% missing), a six-value city column and a yes/no label."""
import argparse
import random

CITIES = ["Lisbon", "Oslo", "Quito", "Nairobi", "Osaka", "Perth"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with open(args.path, "w", encoding="utf-8", newline="") as out:
        out.write("f1,f2,f3,f4,f5,f6,f7,f8,city,label\n")
        lines = []
        for _ in range(args.rows):
            cells = []
            for c in range(8):
                if c < 2 and rnd.random() < 0.02:
                    cells.append("")
                elif c % 2 == 0:
                    cells.append(f"{rnd.gauss(50.0, 12.5):.4f}")
                else:
                    cells.append(str(rnd.randint(0, 100_000)))
            cells.append(rnd.choice(CITIES))
            cells.append("yes" if rnd.random() < 0.3 else "no")
            lines.append(",".join(cells))
            if len(lines) == 10_000:
                out.write("\n".join(lines) + "\n")
                lines.clear()
        if lines:
            out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
