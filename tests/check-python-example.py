#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""examples/validate.py, the ctypes example, against the built library.

usage: check-python-example.py VALIDATE_PY LIBLERQ_SO LERQ_CLI SOURCE_ROOT

Its findings are the library's, its --json output is byte for byte what
`lerq validate --json` prints, its exit status follows the CLI's, and
--codes lists the code table.
"""
import os
import subprocess
import sys

script, library, cli, root = sys.argv[1:5]
NOW = "2026-11-26T12:00:00Z"
failed = False


def run(*args):
    return subprocess.run([sys.executable, script, "--library", library] + list(args),
                          capture_output=True)


def check(ok, what):
    global failed
    if not ok:
        print(f"FAIL: {what}", file=sys.stderr)
        failed = True


examples = sorted(os.path.join(root, "examples", f)
                  for f in os.listdir(os.path.join(root, "examples")) if f.endswith(".xml"))
r = run("--now", NOW, *examples)
check(r.returncode == 0, f"examples: exit {r.returncode}, {r.stderr!r}")

hostile = os.path.join(root, "tests", "data", "hostile", "xxe-file.xml")
bad_date = os.path.join(root, "tests", "data", "schema", "s001-bad-date.xml")
r = run("--now", NOW, hostile)
check(r.returncode == 1, f"hostile: exit {r.returncode}")
check(r.stdout.decode().startswith(f"{hostile}:3:19: error: [LERQ-P002] "),
      f"hostile: {r.stdout!r}")

# The same bytes as the tool, input after input.
files = examples + [hostile, bad_date]
mine = run("--json", "--now", NOW, *files)
tool = subprocess.run([cli, "validate", "--json", "--now", NOW] + files, capture_output=True)
check(mine.returncode == tool.returncode == 1, f"--json: exit {mine.returncode}")
check(mine.stdout == tool.stdout and mine.stdout.count(b"\n") > len(files),
      f"--json differs from lerq validate --json:\n{mine.stdout!r}\n{tool.stdout!r}")

r = run(os.path.join(root, "no", "such.xml"), examples[0])
check(r.returncode == 2, f"missing file: exit {r.returncode}")
check(b"such.xml" in r.stderr, f"missing file: {r.stderr!r}")

r = run("--codes")
rows = [line.split("\t") for line in r.stdout.decode().splitlines()]
check(r.returncode == 0 and len(rows) >= 37, f"--codes: {len(rows)} rows")
check(["LERQ-R001", "error", "G§24"] in [row[:3] for row in rows], "--codes: no R001 row")
check(sum(1 for row in rows if row[0] == "LERQ-R015") == 2, "--codes: R015 twice")

sys.exit(1 if failed else 0)
