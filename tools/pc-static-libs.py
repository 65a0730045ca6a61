#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Print the flags a static link needs for some pkg-config packages.

usage: pc-static-libs.py PKG_CONFIG PACKAGE...

`pkg-config --static --libs` repeats each library many times over; each
flag is kept once, at its last place, since a static library must follow
every library that uses it. Exit status 1 when pkg-config fails.
"""
import subprocess
import sys

try:
    out = subprocess.run([sys.argv[1], "--static", "--libs"] + sys.argv[2:],
                         capture_output=True, text=True, check=True).stdout.split()
except (OSError, subprocess.CalledProcessError):
    sys.exit(1)
print(" ".join(f for i, f in enumerate(out) if f not in out[i + 1:]))
