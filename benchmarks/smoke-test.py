#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Keeps the benchmark from rotting: a run on a few documents must succeed
and write JSON with a figure for every phase this build can measure.

usage: smoke-test.py LERQ_BENCH"""
import json
import os
import subprocess
import sys
import tempfile

bench = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "results.json")
    run = subprocess.run([bench, "-n", "20", "--quick", "-o", out],
                         capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        sys.exit(f"lerq-bench exited with status {run.returncode}")
    with open(out, encoding="utf-8") as f:
        results = json.load(f)

if results["corpus"]["documents"] != 20 or results["corpus"]["lerq_errors"] != 0:
    sys.exit("unexpected corpus: %r" % results["corpus"])
for phase in results["phases"]:
    if phase["available"] and not (phase["ok"] and phase["docs_per_s"] > 0):
        sys.exit("phase %s has no figure: %r" % (phase["id"], phase))
for key in ("a", "b", "c", "d"):
    if not any(p["id"] == key and p["ok"] for p in results["phases"]):
        sys.exit(f"phase {key} did not run")
print("ok")
