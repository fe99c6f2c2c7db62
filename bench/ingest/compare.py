#!/usr/bin/env python3
"""Times pandas and Gyre on the same CSV and prints both and the ratio (pandas time / Gyre time: above 1.0 Gyre
is faster). pandas: read_csv + describe(include='all') + isna().sum(). Gyre, through the gateway of a running
platform: create a dataset, upload the file with `Prefer: wait` (a large upload is a background job; the call
answers when it has ended, or the job is waited on in turn), read the profile. Each side runs --runs times; the best run of each is compared."""
import argparse
import json
import os
import time
import urllib.error
import urllib.request
import uuid


def pandas_run(path):
    import pandas as pd
    start = time.perf_counter()
    frame = pd.read_csv(path)
    frame.describe(include="all")
    frame.isna().sum()
    return time.perf_counter() - start


def call(gateway, key, method, path, body=None, content_type=None, length=None, wait=None):
    request = urllib.request.Request(gateway + path, data=body, method=method)
    request.add_header("Authorization", "Bearer " + key)
    if wait:
        request.add_header("Prefer", f"wait={wait}")
    if content_type:
        request.add_header("Content-Type", content_type)
    if length is not None:
        request.add_header("Content-Length", str(length))
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path} answered {e.code}: {e.read().decode(errors='replace')}")


def gyre_run(gateway, key, path):
    name = "bench-" + uuid.uuid4().hex[:12]
    start = time.perf_counter()
    call(gateway, key, "POST", "/api/v1/datasets", json.dumps({"name": name}).encode(), "application/json")
    with open(path, "rb") as body:  # streamed, not read into memory
        status, answer = call(gateway, key, "POST", f"/api/v1/datasets/{name}/versions", body, "text/csv",
                              os.path.getsize(path), wait=20)
    if status == 202:  # still running after the wait (a large file): wait on the job, without polling
        job_state = answer["job"]
        while job_state["status"] in ("QUEUED", "RUNNING"):
            _, job_state = call(gateway, key, "GET", f"/api/v1/datasets/{name}/jobs/{job_state['id']}", wait=20)
        if job_state["status"] != "SUCCEEDED":
            raise SystemExit(f"ingest job ended {job_state}")
        version = job_state["version"]
    else:
        version = answer["version"]
    _, profile = call(gateway, key, "GET", f"/api/v1/datasets/{name}/versions/{version}/profile")
    elapsed = time.perf_counter() - start
    return elapsed, profile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gateway", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1,
                        help="untimed Gyre runs first: a service runs warm, its JIT compiler has done its work")
    parser.add_argument("--skip-pandas", action="store_true")
    args = parser.parse_args()
    size_mb = os.path.getsize(args.file) / 1e6
    for _ in range(args.warmup):
        elapsed, _ = gyre_run(args.gateway, args.key, args.file)
        print(f"gyre   warm-up (not counted): {elapsed:.3f} s", flush=True)
    gyre_times = []
    profile = None
    for _ in range(args.runs):
        elapsed, profile = gyre_run(args.gateway, args.key, args.file)
        gyre_times.append(elapsed)
        print(f"gyre   run: {elapsed:.3f} s", flush=True)
    print(f"file: {args.file} ({size_mb:.1f} MB, {profile['rows']} rows)")
    print(f"gyre   create + ingest + profile, best of {args.runs}: {min(gyre_times):.3f} s")
    if args.skip_pandas:
        return
    pandas_times = []
    for _ in range(args.runs):
        pandas_times.append(pandas_run(args.file))
        print(f"pandas run: {pandas_times[-1]:.3f} s", flush=True)
    print(f"pandas read_csv + describe + isna, best of {args.runs}: {min(pandas_times):.3f} s")
    print(f"ratio (pandas / gyre): {min(pandas_times) / min(gyre_times):.2f}x")


if __name__ == "__main__":
    main()
