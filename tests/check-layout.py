#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""No folder of lib/ includes a header of a folder above it.

usage: check-layout.py SOURCE_ROOT
       check-layout.py --self-test

The layers, lowest first (CONTRIBUTING.md, "Layout"): core; rules, profile,
document, pdf, sign and stats on core; letter on core, pdf and sign; the files at
the top of lib/ compose them all. A folder not in the table may include
core and itself only, until it gets a row here and in CONTRIBUTING.md.
Programs (cli/, serve/) use the public API: no header of lib/ at all.
"""
import os
import re
import sys
import tempfile

MAY_INCLUDE = {
    "core": {"core"},
    "rules": {"core", "rules"},
    "profile": {"core", "profile"},
    "document": {"core", "document"},
    "pdf": {"core", "pdf"},
    "sign": {"core", "sign"},
    "stats": {"core", "stats"},
    "letter": {"core", "pdf", "sign", "letter"},
}
PROGRAMS = ("cli", "serve")
INCLUDE = re.compile(r'^\s*#\s*include\s*["<]([^">]+)[">]')


def folders_of(lib):
    return {d for d in os.listdir(lib) if os.path.isdir(os.path.join(lib, d))}


def check(root):
    lib = os.path.join(root, "lib")
    folders = folders_of(lib)
    problems = []
    for top in ("lib",) + PROGRAMS:
        base = os.path.join(root, top)
        if not os.path.isdir(base):
            continue
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                parts = rel.split(os.sep)
                if top in PROGRAMS:
                    allowed, who = set(), f"{top}/ (a program: public API only)"
                elif len(parts) == 2:
                    allowed, who = folders, None  # lib/*.c compose the stages
                else:
                    folder = parts[1]
                    allowed = MAY_INCLUDE.get(folder, {"core", folder})
                    who = f"lib/{folder}/"
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = os.path.normpath(
                            os.path.join(os.path.dirname(rel), m.group(1))
                        ) if m.group(1).startswith("..") else m.group(1)
                        target = target[4:] if target.startswith("lib/") else target
                        first = target.split("/")[0]
                        if "/" in target and first in folders and first not in allowed:
                            problems.append(
                                f"{rel}:{number}: includes {m.group(1)}, but {who} may "
                                f"include only {', '.join(sorted(allowed)) or 'public headers'}"
                                " (CONTRIBUTING.md, Layout)")
    return problems


def self_test():
    """The check finds an upward include, and passes a correct tree."""
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(text)
        for d in ("core", "pdf", "letter", "rules"):
            write(f"lib/{d}/{d}.h", "")
        write("lib/core/a.c", '#include "core/core.h"\n')
        write("lib/letter/b.c", '#include "pdf/pdf.h"\n#include "core/core.h"\n')
        write("lib/validate.c", '#include "letter/letter.h"\n#include "rules/rules.h"\n')
        write("cli/main.c", "#include <lerq/lerq.h>\n")
        assert check(root) == [], check(root)
        write("lib/core/c.c", '#include <stdio.h>\n#include "letter/letter.h"\n')
        write("lib/pdf/d.c", '#include "../rules/rules.h"\n')
        write("cli/e.c", '#include "core/core.h"\n')
        found = check(root)
        assert len(found) == 3, found
        assert any(p.startswith("cli/e.c:1: includes core/core.h") for p in found)
        assert any(p.startswith("lib/core/c.c:2: includes letter/letter.h") for p in found)
        assert any(p.startswith("lib/pdf/d.c:1: includes ../rules/rules.h") for p in found)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    problems = check(sys.argv[1])
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)
