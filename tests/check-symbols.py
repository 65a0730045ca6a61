#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The shared library exports exactly the functions the public headers
declare: nothing private leaks, nothing declared is missing.

usage: check-symbols.py NM LIBRARY HEADER..."""
import re
import subprocess
import sys

nm, lib, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run([nm, "-D", "--defined-only", lib], capture_output=True,
                     text=True, check=True).stdout
exported = set()
for line in out.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[1] in ("T", "D", "B", "R"):
        exported.add(parts[2].split("@")[0])
exported.discard("LERQ_1.0")
text = "".join(open(h, encoding="utf-8").read() for h in headers)
# Declarations only: comments mention names such as lerq_x_free().
text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
declared = set(re.findall(r"\b(lerq_[a-z0-9_]+)\s*\(", text))
bad = False
for s in sorted(exported - declared):
    print("exported but not declared in a public header:", s)
    bad = True
for s in sorted(declared - exported):
    print("declared in a public header but not exported:", s)
    bad = True
if not bad:
    print("%d symbols, all declared" % len(exported))
sys.exit(1 if bad else 0)
