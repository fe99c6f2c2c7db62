#!/usr/bin/env bash
# The training benchmark: 5-fold stratified cross-validation of each classification algorithm of Gyre's catalog
# through gyre-core (TrainBench.java) against the matching scikit-learn estimator's cross_val_score
# (sklearn_bench.py), on five real public datasets, one thread per side; compare.py prints both accuracies, both
# times and their ratios. Needs gyre-core built (./mvnw -q install -DskipTests). CI does not run it.
# Usage: bench/training/run.sh [--runs N] [--only logistic-regression,random-forest]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
classes="$root/gyre-core/target/classes"
[ -d "$classes" ] || { echo "build gyre-core first: ./mvnw -q install -DskipTests" >&2; exit 1; }

# scikit-learn and pandas from the distribution's Python (the one apt installs python3-sklearn for)
py=/usr/bin/python3
if ! "$py" -c 'import sklearn, pandas' 2>/dev/null; then
  echo "installing python3-sklearn and python3-pandas (Debian packages)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q python3-sklearn python3-pandas >&2
  else sudo apt-get install -y -q python3-sklearn python3-pandas >&2; fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" "$here/datasets.py" "$work/data" "$root/datasets/penguins.csv"
(cd "$root" && ./mvnw -q -o -pl gyre-core dependency:build-classpath -Dmdep.outputFile="$work/cp" >&2)
files=("$work"/data/*.csv)

echo "Gyre (gyre-core) ..." >&2
java -cp "$classes:$(cat "$work/cp")" "$here/TrainBench.java" "${files[@]/#/target=}" "$@" > "$work/gyre.jsonl"
echo "scikit-learn ..." >&2
"$py" "$here/sklearn_bench.py" "${files[@]}" "$@" > "$work/sklearn.jsonl"
"$py" "$here/compare.py" "$work/gyre.jsonl" "$work/sklearn.jsonl"
