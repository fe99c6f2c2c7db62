"""scikit-learn's side of the training benchmark: 5-fold stratified cross-validation (shuffled, seed 42) of the
estimators that match Gyre's catalog, one thread each, on the CSV files given. Prints one JSON line per dataset
and estimator: {"dataset", "algorithm", "accuracy", "seconds"} (seconds: the best of --runs runs)."""
import argparse
import json
import time
from pathlib import Path

import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.ensemble import ExtraTreesClassifier, GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

# Gyre's catalog name -> the estimator a scikit-learn user would reach for, with its defaults
ESTIMATORS = {
    "logistic-regression": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
    "linear-svm": lambda: make_pipeline(StandardScaler(), SVC(kernel="linear")),
    "svm": lambda: make_pipeline(StandardScaler(), SVC()),
    "knn": lambda: make_pipeline(StandardScaler(), KNeighborsClassifier()),
    "cart": lambda: DecisionTreeClassifier(random_state=42),
    "random-forest": lambda: RandomForestClassifier(n_estimators=100, random_state=42),
    "extra-trees": lambda: ExtraTreesClassifier(n_estimators=100, random_state=42),
    "xgboost": lambda: GradientBoostingClassifier(n_estimators=100, random_state=42),
}

parser = argparse.ArgumentParser()
parser.add_argument("files", nargs="+")
parser.add_argument("--runs", type=int, default=1)
parser.add_argument("--only", default=None)
args = parser.parse_args()
only = set(args.only.split(",")) if args.only else None
for file in args.files:
    frame = pd.read_csv(file)
    y = frame.pop("target")
    categorical = [c for c in frame.columns if frame[c].dtype == object]
    for name, make in ESTIMATORS.items():
        if only and name not in only:
            continue
        best, scores = float("inf"), None
        for _ in range(args.runs):
            model = make()
            if categorical:
                model = make_pipeline(make_column_transformer(
                    (OneHotEncoder(handle_unknown="ignore"), categorical), remainder="passthrough"), model)
            start = time.perf_counter()
            scores = cross_val_score(model, frame, y, cv=StratifiedKFold(5, shuffle=True, random_state=42),
                                     scoring="accuracy", n_jobs=1)
            best = min(best, time.perf_counter() - start)
        print(json.dumps({"dataset": Path(file).stem, "algorithm": name, "accuracy": round(scores.mean(), 4),
                          "seconds": round(best, 3)}), flush=True)
