#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The static archive defines no global symbol that could collide with a
program's or another library's: every global is either public API (a
lerq_ name the headers declare) or carries the private prefix lerq__.

usage: check-archive-symbols.py NM ARCHIVE HEADER..."""
import re
import subprocess
import sys

nm, archive, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run([nm, "-g", "--defined-only", archive],
                     capture_output=True, text=True, check=True).stdout
text = "".join(open(h, encoding="utf-8").read() for h in headers)
text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
public = set(re.findall(r"\b(lerq_[a-z0-9_]+)\s*\(", text))
bad = []
count = 0
for line in out.splitlines():
    parts = line.split()
    if len(parts) != 3:
        continue
    count += 1
    name = parts[2]
    if name in public or name.startswith("lerq__"):
        continue
    bad.append(name)
for name in sorted(set(bad)):
    print("global symbol neither public nor prefixed lerq__:", name)
if not bad:
    print("%d global symbols, all public or lerq__" % count)
sys.exit(1 if bad else 0)
