#!/usr/bin/env bash
# The ingest benchmark: generates the seeded CSV (ROWS rows, 1,000,000 by default), starts the all-in-one platform
# on a free port with a fresh data directory, and runs compare.py (Gyre through the gateway against pandas on the
# same file). Prints data-service's peak RSS. Needs the platform built (./mvnw -q install -DskipTests).
# CI does not run it. Usage: bench/ingest/run.sh [--skip-pandas]; ROWS=10000000 for the 10M-row file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${ROWS:-1000000}"
file="${BENCH_FILE:-${TMPDIR:-/tmp}/gyre-bench-ingest-$rows.csv}"
jar="$root/all-in-one/target/gyre-all-in-one.jar"
[ -f "$jar" ] || { echo "build the platform first: ./mvnw -q install -DskipTests" >&2; exit 1; }

# pandas from the distribution's Python (the one apt installs python3-pandas for)
py=/usr/bin/python3
if ! "$py" -c 'import pandas' 2>/dev/null; then
  echo "installing python3-pandas (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q python3-pandas >&2; else sudo apt-get install -y -q python3-pandas >&2; fi
fi
[ -f "$file" ] || { echo "generating $file" >&2; java "$here/Generate.java" "$file" "$rows"; }

port="$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
data="$(mktemp -d)"
key="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
GYRE_PORT="$port" GYRE_DATA_DIR="$data" GYRE_ADMIN_KEY="$key" java -jar "$jar" > "$data/platform.log" 2>&1 &
platform=$!
cleanup() { kill "$platform" 2>/dev/null || true; wait "$platform" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

echo "starting the platform on port $port ..." >&2
for _ in $(seq 1 180); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/datasets" || true)"
  [ "$code" = 200 ] && break
  kill -0 "$platform" 2>/dev/null || { echo "the platform exited; see its log:" >&2; tail -50 "$data/platform.log" >&2; exit 1; }
  sleep 1
done
[ "$code" = 200 ] || { echo "platform not ready" >&2; exit 1; }

"$py" "$here/compare.py" --gateway "http://127.0.0.1:$port" --key "$key" --file "$file" "$@"

pid="$(pgrep -f 'lib/data-service/java.args' | head -1 || true)"
if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
  echo "data-service peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status")," \
    "heap limit: $(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o -- '-Xmx[^ ]*' | tail -1)"
fi
