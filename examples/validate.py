#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validate lerq documents from Python, through ctypes: no compiled extension.

usage: validate.py [--library PATH] [--now DATETIME] [--json] [--codes] FILE...

Prints each file's findings (FILE:LINE:COL: SEVERITY: [CODE] MESSAGE (REF)),
or with --json the library's own JSON Lines (lerq_report_to_json(), the same
bytes as `lerq validate --json`); --codes lists the code table instead.
Exits 0 when every file is valid (warnings allowed), 1 when one is not, 2 when
one could not be read.

The library is PATH, or $LERQ_LIBRARY, or the installed liblerq.
"""
import argparse
import ctypes
import ctypes.util
import json
import os
import sys

LERQ_OK = 0


class Lerq:
    """The few calls of liblerq this program needs, declared for ctypes."""

    def __init__(self, path=None):
        path = (path or os.environ.get("LERQ_LIBRARY")
                or ctypes.util.find_library("lerq") or "liblerq.so.0")
        lib = ctypes.CDLL(path)
        vp, pvp = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
        cp, pcp = ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p)
        size, i64 = ctypes.c_size_t, ctypes.c_int64
        for name, res, args in [
            ("lerq_strerror", cp, [ctypes.c_int]),
            ("lerq_ctx_new", ctypes.c_int, [ctypes.c_uint, pvp]),
            ("lerq_ctx_free", None, [vp]),
            ("lerq_now", i64, []),
            ("lerq_time_parse", ctypes.c_int, [cp, ctypes.POINTER(i64)]),
            ("lerq_validate_file", ctypes.c_int, [vp, cp, i64, pvp]),
            ("lerq_report_free", None, [vp]),
            ("lerq_report_to_json", ctypes.c_int, [vp, cp, pvp, ctypes.POINTER(size)]),
            ("lerq_code_count", size, []),
            ("lerq_code_get", ctypes.c_int,
             [size, pcp, ctypes.POINTER(ctypes.c_int), pcp, pcp]),
        ]:
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        self.lib = lib
        # What the library hands out as char * is the caller's to free().
        self.free = ctypes.CDLL(None).free
        self.free.argtypes, self.free.restype = [vp], None

    def error(self, status):
        return self.lib.lerq_strerror(status).decode()

    def time(self, text):
        when = ctypes.c_int64()
        if self.lib.lerq_time_parse(text.encode(), ctypes.byref(when)) != LERQ_OK:
            raise ValueError(f"not a date and time with a zone: {text}")
        return when.value

    def codes(self):
        code, ref, title = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
        severity = ctypes.c_int()
        for i in range(self.lib.lerq_code_count()):
            self.lib.lerq_code_get(i, ctypes.byref(code), ctypes.byref(severity),
                                   ctypes.byref(ref), ctypes.byref(title))
            yield (code.value.decode(), "warning" if severity.value else "error",
                   ref.value.decode(), title.value.decode())


class Context:
    """A struct lerq_ctx, freed when the with-block ends."""

    def __init__(self, lerq):
        self.lerq = lerq
        self.ptr = ctypes.c_void_p()
        status = lerq.lib.lerq_ctx_new(0, ctypes.byref(self.ptr))
        if status != LERQ_OK:
            raise RuntimeError(lerq.error(status))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.lerq.lib.lerq_ctx_free(self.ptr)

    def validate_json(self, path, now):
        """The report on the file as JSON Lines (bytes), or raise OSError."""
        lib = self.lerq.lib
        report = ctypes.c_void_p()
        status = lib.lerq_validate_file(self.ptr, os.fsencode(path), now,
                                        ctypes.byref(report))
        if status != LERQ_OK:
            raise OSError(f"{path}: {self.lerq.error(status)}")
        try:
            text, size = ctypes.c_void_p(), ctypes.c_size_t()
            status = lib.lerq_report_to_json(report, os.fsencode(path),
                                             ctypes.byref(text), ctypes.byref(size))
            if status != LERQ_OK:
                raise MemoryError(self.lerq.error(status))
            data = ctypes.string_at(text, size.value)
            self.lerq.free(text)
            return data
        finally:
            lib.lerq_report_free(report)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", help="the liblerq shared library to load")
    parser.add_argument("--now", help="the validation time, e.g. 2026-11-26T12:00:00Z")
    parser.add_argument("--json", action="store_true", help="print JSON Lines")
    parser.add_argument("--codes", action="store_true", help="list the code table")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)

    lerq = Lerq(args.library)
    if args.codes:
        for code, severity, ref, title in lerq.codes():
            print(f"{code}\t{severity}\t{ref}\t{title}")
        return 0
    now = lerq.time(args.now) if args.now else lerq.lib.lerq_now()
    status = 0
    with Context(lerq) as ctx:
        for path in args.files:
            try:
                data = ctx.validate_json(path, now)
            except OSError as e:
                print(f"validate.py: {e}", file=sys.stderr)
                status = 2
                continue
            if args.json:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            lines = [json.loads(line) for line in data.decode().splitlines()]
            summary = lines.pop()
            for f in lines if not args.json else []:
                ref = f" ({f['ref']})" if f["ref"] else ""
                print(f"{f['file']}:{f['line']}:{f['column']}: {f['severity']}: "
                      f"[{f['code']}] {f['message']}{ref}")
            if not summary["valid"] and status == 0:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
