#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The shared library exports exactly the functions the public header
declares: nothing private leaks, nothing declared is missing.

usage: check-symbols.py NM LIBRARY HEADER"""
import re
import subprocess
import sys

nm, lib, header = sys.argv[1:4]
out = subprocess.run([nm, "-D", "--defined-only", lib], capture_output=True,
                     text=True, check=True).stdout
exported = set()
for line in out.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[1] in ("T", "D", "B", "R"):
        exported.add(parts[2].split("@")[0])
exported.discard("LERQ_1.0")
text = open(header, encoding="utf-8").read()
# Declarations only: comments mention names such as lerq_x_free().
text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
declared = set(re.findall(r"\b(lerq_[a-z0-9_]+)\s*\(", text))
bad = False
for s in sorted(exported - declared):
    print("exported but not declared in lerq.h:", s)
    bad = True
for s in sorted(declared - exported):
    print("declared in lerq.h but not exported:", s)
    bad = True
if not bad:
    print("%d symbols, all declared" % len(exported))
sys.exit(1 if bad else 0)
