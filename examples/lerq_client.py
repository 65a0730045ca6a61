#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A client of `lerq serve`, with the Python standard library only.

Validates a document and, when it is valid, renders it as a PDF letter:

    lerq serve &                      # 127.0.0.1:8087 by default
    python3 lerq_client.py disclosure-request.xml letter.pdf

Exit status: 0 valid (and the PDF written), 1 invalid, 2 on any other
trouble (the service unreachable, say).
"""
import argparse
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request


def post(url, body, content_type="application/xml"):
    """POST @body; return (status, headers, answer). 4xx answers are
    answers too: urllib raises them as HTTPError, which carries them."""
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def validate(base, document):
    """Returns (valid, findings): the findings are the JSON Lines objects
    of `lerq validate --json`, the last one being the summary."""
    status, _, answer = post(base + "/validate", document)
    if status not in (200, 422):
        raise RuntimeError(f"POST /validate: HTTP {status}: {answer!r}")
    findings = [json.loads(line) for line in answer.decode("utf-8").splitlines()]
    return status == 200, findings


def render_pdf(base, document, path):
    """Writes the PDF letter to @path, through a temporary file."""
    status, headers, answer = post(base + "/render?to=pdf", document)
    if status != 200:
        raise RuntimeError(f"POST /render: HTTP {status}: {answer[:200]!r}")
    if headers.get("Content-Type") != "application/pdf":
        raise RuntimeError("POST /render: not a PDF")
    directory = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile(dir=directory, delete=False) as out:
        out.write(answer)
    os.replace(out.name, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8087",
                        help="where lerq serve listens (default: %(default)s)")
    parser.add_argument("document", help="the request or response to check")
    parser.add_argument("pdf", nargs="?", help="where to write the PDF letter")
    args = parser.parse_args()
    base = args.url.rstrip("/")

    try:
        with open(args.document, "rb") as f:
            document = f.read()
        valid, findings = validate(base, document)
        for finding in findings[:-1]:
            print(f"{args.document}:{finding['line']}:{finding['column']}: "
                  f"{finding['severity']}: [{finding['code']}] {finding['message']}")
        summary = findings[-1]
        print(f"{args.document}: {'valid' if valid else 'invalid'}, "
              f"{summary['errors']} errors, {summary['warnings']} warnings")
        if not valid:
            return 1
        if args.pdf:
            render_pdf(base, document, args.pdf)
            print(f"{args.pdf}: letter written")
        return 0
    except (OSError, RuntimeError, ValueError) as error:
        print(f"lerq_client: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
