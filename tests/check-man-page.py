#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The man page is complete: every command `lerq --help` lists, and every
option each command's --help shows, is in doc/lerq.1.scd, and the page
names no document under doc/ (which is installed elsewhere, or not).

usage: check-man-page.py LERQ_CLI LERQ_1_SCD
"""
import re
import subprocess
import sys

cli, page_path = sys.argv[1:3]
page = open(page_path, encoding="utf-8").read()
problems = []


def help_of(*args):
    r = subprocess.run([cli] + list(args) + ["--help"], capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"lerq {' '.join(args)} --help: exit {r.returncode}")
    return r.stdout


top = help_of()
commands = re.findall(r"^  ([a-z][a-z-]+) ", top.split("Commands:", 1)[1], re.M)
if len(commands) < 4:
    problems.append(f"lerq --help lists {commands}")
for cmd in commands:
    if f"\n*{cmd}*" not in page:
        problems.append(f"command {cmd}: no section in the man page")
    if f"*lerq {cmd}*" not in page and cmd != "help":
        problems.append(f"command {cmd}: not in the SYNOPSIS")
    for option in sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", help_of(cmd)))):
        if f"*{option}*" not in page:
            problems.append(f"lerq {cmd} {option}: not in the man page")
for section in ("# EXIT STATUS", "# ENVIRONMENT", "*NO_COLOR*", "# EXAMPLES"):
    if section not in page:
        problems.append(f"no {section}")
for ref in re.findall(r"(?<![/\w])doc/[\w.-]+", page):
    problems.append(f"names {ref}, which is not installed there")
if "not checked yet" in page or "checks them yet" in page:
    problems.append("still says the pair rules are not checked")

for p in problems:
    print(f"check-man-page: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
