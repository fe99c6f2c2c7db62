"""Writes the training benchmark's datasets as CSV files (label column `target`) into the directory given:
four classic public datasets that Debian's python3-sklearn ships (iris, wine, breast cancer, digits) and the
penguins data from the repository, without its rows that miss a value, so both sides see the same rows."""
import sys
from pathlib import Path

import pandas as pd
from sklearn import datasets

out = Path(sys.argv[1])
penguins = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for name, load in [("iris", datasets.load_iris), ("wine", datasets.load_wine),
                   ("breast_cancer", datasets.load_breast_cancer), ("digits", datasets.load_digits)]:
    frame = load(as_frame=True).frame
    frame["target"] = "c" + frame["target"].astype(str)  # a label, not a number to regress
    frame.to_csv(out / f"{name}.csv", index=False)
frame = pd.read_csv(penguins).dropna().rename(columns={"Species": "target"})
frame.to_csv(out / "penguins.csv", index=False)
