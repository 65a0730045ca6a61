#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Load on `lerq serve` with wrk, on loopback, bounded in time (issue 17).

    benchmarks/serve-load.py [--lerq build/cli/lerq] [--seconds 10]

Measures requests per second and p50/p99 latency of POST /validate at 1,
4, 16 and 64 connections and of POST /render?to=pdf at 4; the same
document through the CLI, a process per document, for comparison; and
the service's RSS over at least 100,000 requests (flat means no leak).
Not a test: it asserts nothing. Needs wrk (apt-get install wrk).
"""
import argparse
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "examples", "disclosure-request.xml")
LUA = os.path.join(ROOT, "benchmarks", "post.lua")
NOW = "2026-10-17T09:30:00Z"


def start(lerq, threads):
    proc = subprocess.Popen([lerq, "serve", "--listen", "127.0.0.1:0", "--threads",
                             str(threads), "--queue", "1024"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for raw in proc.stderr:
        m = re.search(rb"listening on http://.*:(\d+)/", raw)
        if m:
            # The log lines are not wanted; keep the pipe from filling.
            subprocess.Popen(["cat"], stdin=proc.stderr, stdout=subprocess.DEVNULL)
            return proc, int(m.group(1))
    raise SystemExit("lerq serve did not start")


def to_ms(value, unit):
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def wrk(url, connections, seconds):
    env = dict(os.environ, LERQ_BENCH_DOC=DOC)
    out = subprocess.run(["wrk", "-t", str(min(connections, 4)), "-c", str(connections),
                          "-d", f"{seconds}s", "--latency", "-s", LUA, url],
                         env=env, stdout=subprocess.PIPE, check=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    lat = {p: to_ms(v, u) for p, v, u in
           re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)$", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, lat.get("50"), lat.get("99"), total, int(errors.group(1)) if errors else 0


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def cli_per_document(lerq, count):
    with open(DOC, "rb") as f:
        document = f.read()
    times = []
    for _ in range(count):
        t = time.perf_counter()
        subprocess.run([lerq, "validate", "--json", "--now", NOW, "-"], input=document,
                       stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1e3)
    times.sort()
    return count / (sum(times) / 1e3), times[len(times) // 2], times[int(len(times) * 0.99)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lerq", default=os.path.join(ROOT, "build", "cli", "lerq"))
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--leak-requests", type=int, default=100000)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    print(f"# {platform.node()}: {os.cpu_count()} cores, {platform.processor() or platform.machine()},"
          f" Linux {platform.release()}, {time.strftime('%Y-%m-%d')}; "
          f"lerq serve --threads {args.threads}; document {os.path.getsize(DOC)} bytes")
    proc, port = start(args.lerq, args.threads)
    base = f"http://127.0.0.1:{port}"
    try:
        print("| path | connections | req/s | p50 ms | p99 ms | non-2xx |")
        print("|---|---:|---:|---:|---:|---:|")
        for c in (1, 4, 16, 64):
            rps, p50, p99, _, bad = wrk(f"{base}/validate?now={NOW}", c, args.seconds)
            print(f"| POST /validate | {c} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {bad} |",
                  flush=True)
        rps, p50, p99, _, bad = wrk(f"{base}/render?to=pdf&now={NOW}", 4, args.seconds)
        print(f"| POST /render?to=pdf | 4 | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {bad} |",
              flush=True)
        rps, p50, p99 = cli_per_document(args.lerq, 200)
        print(f"| `lerq validate --json -`, a process per document | 1 | {rps:,.0f} | "
              f"{p50:.2f} | {p99:.2f} | 0 |", flush=True)

        total = 0
        samples = [rss_kib(proc.pid)]
        while total < args.leak_requests:
            _, _, _, n, _ = wrk(f"{base}/validate?now={NOW}", 16, 5)
            total += n
            samples.append(rss_kib(proc.pid))
        print(f"\nRSS over {total:,} more requests (KiB, every 5 s): "
              + " ".join(str(s) for s in samples))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)


if __name__ == "__main__":
    sys.exit(main())
