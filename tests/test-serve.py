#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""lerq serve (format.md, section 8), end to end: every path and status,
the limits, slow and malformed clients, 1,000 requests from 16 clients
checked against the tool, and a clean stop on SIGTERM.

    test-serve.py LERQ SOURCE_ROOT

Each server runs on a free loopback port (--listen 127.0.0.1:0) and is
stopped by the test. Nothing here asserts speed.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

LERQ, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
EXAMPLES = os.path.join(ROOT, "examples")
NOW = "2026-10-17T09:30:00Z"
# The tests run under the sanitizers too: generous waits, never asserted.
WAIT = 60


def read(path):
    with open(path, "rb") as f:
        return f.read()


def cli(*args, stdin=None, cwd=None):
    proc = subprocess.run([LERQ, *args], input=stdin, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    return proc.returncode, proc.stdout


class Server:
    """lerq serve on a free port; its standard error is collected."""

    def __init__(self, *options, family="127.0.0.1"):
        self.proc = subprocess.Popen(
            [LERQ, "serve", "--listen", f"{family}:0", *options],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.lines = []
        self.ready = threading.Event()
        self.port = None
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not self.ready.wait(WAIT) or self.port is None:
            self.proc.kill()
            raise AssertionError("lerq serve did not start: " + "".join(self.lines))
        self.host = family.strip("[]")

    def _read(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace")
            self.lines.append(line)
            m = re.search(r"listening on http://.*:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                self.ready.set()
        self.ready.set()

    def connection(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=WAIT)

    def request(self, method, path, body=None, headers=None):
        conn = self.connection()
        try:
            headers = headers or {}
            conn.request(method, path, body=body, headers=headers,
                         encode_chunked="Transfer-Encoding" in headers)
            answer = conn.getresponse()
            return answer.status, answer.headers, answer.read()
        finally:
            conn.close()

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code = self.proc.wait(WAIT)
        self.reader.join(WAIT)
        return code

    def log(self):
        return "".join(self.lines)


def raw_exchange(server, data, wait=WAIT):
    """Sends raw bytes, returns whatever comes back until the server
    closes the connection."""
    with socket.create_connection((server.host, server.port), timeout=wait) as s:
        s.sendall(data)
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def status_of(raw):
    m = re.match(rb"HTTP/1\.[01] (\d{3}) ", raw)
    return int(m.group(1)) if m else None


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


# ---- the paths ----

def test_health(server):
    code, out = cli("--version")
    version = out.decode().split()[-1]
    status, headers, body = server.request("GET", "/health")
    expect(status == 200, f"GET /health: {status}")
    expect(headers["Content-Type"].startswith("application/json"), headers["Content-Type"])
    expect(json.loads(body) == {"status": "ok", "version": version}, body)
    status, _, body = server.request("HEAD", "/health")
    expect(status == 200 and body == b"", f"HEAD /health: {status} {body!r}")


def test_validate(server):
    for name in ("disclosure-request.xml", "release-request.xml", "response.xml"):
        document = read(os.path.join(EXAMPLES, name))
        code, expected = cli("validate", "--json", "--now", NOW, "-", stdin=document)
        status, headers, body = server.request("POST", "/validate?now=" + NOW, document)
        expect(body == expected, f"{name}: {body!r} != {expected!r}")
        expect(status == (200 if code == 0 else 422), f"{name}: {status}, CLI {code}")
        expect(headers["Content-Type"] == "application/x-ndjson; charset=utf-8",
               headers["Content-Type"])
    # Not even XML: refused, 422, with the CLI's findings.
    code, expected = cli("validate", "--json", "-", stdin=b"<Request")
    status, _, body = server.request("POST", "/validate", b"<Request")
    expect(status == 422 and body == expected and code == 1, f"not XML: {status} {body!r}")
    # A hostile document is refused the same way.
    hostile = read(os.path.join(ROOT, "tests", "data", "hostile", "xxe-file.xml"))
    code, expected = cli("validate", "--json", "-", stdin=hostile)
    status, _, body = server.request("POST", "/validate", hostile)
    expect(status == 422 and body == expected, f"xxe: {status} {body!r}")
    # ?strict: a warning (LERQ-R002) makes it 422, as --strict makes exit 1.
    warned = read(os.path.join(EXAMPLES, "disclosure-request.xml")).replace(
        b"julia.hartmann@polizei.nrw", b"julia.hartmann@example-police.de")
    code, expected = cli("validate", "--json", "--now", NOW, "-", stdin=warned)
    expect(code == 0 and b'"LERQ-R002"' in expected, expected)
    status, _, body = server.request("POST", "/validate?now=" + NOW, warned)
    expect(status == 200 and body == expected, f"warned: {status}")
    for query in ("&strict", "&strict=1", "&strict=true"):
        status, _, body = server.request("POST", "/validate?now=" + NOW + query, warned)
        expect(status == 422 and body == expected, f"strict {query}: {status}")
    status, _, _ = server.request("POST", "/validate?now=" + NOW + "&strict=false", warned)
    expect(status == 200, f"strict=false: {status}")
    # Bad query values.
    for query in ("?now=yesterday", "?now=2026-10-17T09:30:00", "?strict=maybe", "?now"):
        status, headers, body = server.request("POST", "/validate" + query, warned)
        expect(status == 400, f"{query}: {status}")
        expect("error" in json.loads(body), body)


def multipart(parts, boundary="lerq-test-boundary-7d1"):
    out = b""
    for name, data in parts:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                f"filename=\"{name}.xml\"\r\nContent-Type: application/xml\r\n\r\n").encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_check_response(server):
    with tempfile.TemporaryDirectory() as tmp:
        for request_name in ("preservation-request.xml", "disclosure-request.xml"):
            request = read(os.path.join(EXAMPLES, request_name))
            response = read(os.path.join(EXAMPLES, "response.xml"))
            # The CLI names its inputs by path: files called "request" and
            # "response" give the names the service uses.
            for name, data in (("request", request), ("response", response)):
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
            code, expected = cli("check-response", "--json", "--now", NOW,
                                 "request", "response", cwd=tmp)
            body, headers = multipart([("request", request), ("response", response)])
            status, _, answer = server.request("POST", "/check-response?now=" + NOW,
                                               body, headers)
            expect(answer == expected, f"{request_name}: {answer!r} != {expected!r}")
            expect(status == (200 if code == 0 else 422), f"{request_name}: {status} {code}")
            # Parts in the other order, a quoted boundary, an extra part.
            body, headers = multipart([("note", b"hello"), ("response", response),
                                       ("request", request)], boundary="b")
            headers["Content-Type"] = 'multipart/form-data; boundary="b"'
            status2, _, answer = server.request("POST", "/check-response?now=" + NOW,
                                                body, headers)
            expect(status2 == status and answer == expected, f"reordered: {status2}")
    request = read(os.path.join(EXAMPLES, "preservation-request.xml"))
    bad = [
        (multipart([("request", request)]), "one part"),
        (multipart([("request", request), ("request", request)]), "twice"),
        ((b"<Request/>", {"Content-Type": "application/xml"}), "not multipart"),
        ((b"--x\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nabc",
          {"Content-Type": "multipart/form-data; boundary=x"}), "unterminated"),
        ((b"no boundary here", {"Content-Type": "multipart/form-data; boundary=x"}),
         "no part"),
        ((b"--x\r\n\r\n", {"Content-Type": "multipart/form-data"}), "no boundary"),
    ]
    for (body, headers), what in bad:
        status, _, answer = server.request("POST", "/check-response", body, headers)
        expect(status == 400, f"{what}: {status} {answer!r}")


def test_render(server):
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    types = {"html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8",
             "pdf": "application/pdf"}
    for to, content_type in types.items():
        status, headers, body = server.request("POST", f"/render?to={to}&now={NOW}", document)
        expect(status == 200, f"render {to}: {status} {body[:200]!r}")
        expect(headers["Content-Type"] == content_type, headers["Content-Type"])
        code, expected = cli("render", "--to", to, "--now", NOW, "-", stdin=document)
        expect(code == 0 and body == expected, f"render {to}: not the CLI's letter")
    # Invalid: 422 and the findings, as the tool prints them.
    invalid = read(os.path.join(EXAMPLES, "release-request.xml"))
    code, expected = cli("validate", "--json", "--now", NOW, "-", stdin=invalid)
    status, headers, body = server.request("POST", f"/render?to=pdf&now={NOW}", invalid)
    expect(status == 422 and body == expected, f"invalid render: {status} {body!r}")
    expect(headers["Content-Type"] == "application/x-ndjson; charset=utf-8", headers)
    for query in ("", "?to=docx", "?to", "?to=pdf&now=never"):
        status, _, _ = server.request("POST", "/render" + query, document)
        expect(status == 400, f"render{query}: {status}")


def test_errors(server):
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    for method, path in (("GET", "/"), ("POST", "/validate/"), ("POST", "/Validate"),
                         ("GET", "/health/x"), ("POST", "/verify"), ("GET", "/verify")):
        status, _, body = server.request(method, path, document if method == "POST" else None)
        expect(status == 404, f"{method} {path}: {status}")
        expect(json.loads(body)["status"] == 404, body)
    for method, path, allow in (("GET", "/validate", "POST"), ("PUT", "/render", "POST"),
                                ("DELETE", "/check-response", "POST"),
                                ("POST", "/health", "GET, HEAD")):
        status, headers, _ = server.request(method, path, b"x" if method != "GET" else None)
        expect(status == 405 and headers["Allow"] == allow, f"{method} {path}: {status}")
    for path in ("/validate", "/render?to=html", "/check-response"):
        status, _, _ = server.request("POST", path, b"")
        expect(status == 400, f"empty {path}: {status}")


def test_too_large(server, max_size):
    # A Content-Length over the limit and no body at all: the answer comes
    # without the body ever being sent, and the connection is closed.
    raw = raw_exchange(server, b"POST /validate HTTP/1.1\r\nHost: x\r\n"
                       b"Content-Length: 1000000000000\r\n\r\n")
    expect(status_of(raw) == 413, raw)
    raw = raw_exchange(server, b"POST /validate HTTP/1.1\r\nHost: x\r\nContent-Length: "
                       + str(max_size + 1).encode() + b"\r\nExpect: 100-continue\r\n\r\n")
    expect(status_of(raw) == 413 and b"100 Continue" not in raw, raw)
    # Exactly the limit is accepted (the document is not valid XML: 422).
    status, _, _ = server.request("POST", "/validate", b" " * max_size)
    expect(status == 422, f"at the limit: {status}")
    # Chunked: no length in advance, capped all the same.
    def chunks():
        for _ in range(4):
            yield b"<" * (max_size // 2)
    status, headers, _ = server.request("POST", "/validate", chunks(),
                                        {"Transfer-Encoding": "chunked"})
    expect(status == 413, f"chunked over the limit: {status}")
    # Far over it: dropping it is not worth the time, the connection is cut.
    def flood():
        for _ in range(8):
            yield b"<" * (max_size // 2)
    try:
        status, _, _ = server.request("POST", "/validate", flood(),
                                      {"Transfer-Encoding": "chunked"})
    except (ConnectionError, http.client.HTTPException):
        status = None
    expect(status in (None, 413), f"chunked far over the limit: {status}")
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    status, _, _ = server.request("POST", "/validate?now=" + NOW, iter([document]),
                                  {"Transfer-Encoding": "chunked"})
    expect(status == 200, f"chunked: {status}")


def test_malformed(server):
    for raw in (b"GARBAGE\r\n\r\n",
                b"GET /health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
                b"POST /validate HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                b"GET /health HTTP/9.9\r\nHost: x\r\n\r\n",
                b"POST /validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"zz\r\n<Request/>\r\n0\r\n\r\n",
                b"\x00\x01\x02\xff" * 64 + b"\r\n\r\n"):
        answer = raw_exchange(server, raw)
        status = status_of(answer)
        expect(status is None or 400 <= status < 600, f"{raw[:40]!r}: {answer[:80]!r}")
    # A request line longer than the connection's memory.
    answer = raw_exchange(server, b"GET /" + b"a" * 200000 + b" HTTP/1.1\r\n\r\n")
    expect(status_of(answer) in (None, 414, 431, 400), answer[:80])
    status, _, _ = server.request("GET", "/health")
    expect(status == 200, "the service survives malformed requests")


def test_log(server):
    log = server.log()
    expect(re.search(r"^lerq serve: POST /validate 200 \d+ [\d.]+ ms$", log, re.M), log)
    expect(re.search(r"^lerq serve: GET /health 200 \d+ [\d.]+ ms$", log, re.M), log)
    expect(re.search(r"^lerq serve: GET / 404 \d+ [\d.]+ ms$", log, re.M), log)


# ---- load, busy, slow ----

def test_concurrent(server, total=1000, clients=16):
    """1,000 requests from 16 clients on keep-alive connections; every
    answer is compared with the tool's own for the same document."""
    names = ["disclosure-request.xml", "release-request.xml", "response.xml",
             "emergency-request.xml", "preservation-request.xml",
             "cross-border-request.xml"]
    documents = [read(os.path.join(EXAMPLES, n)) for n in names]
    documents.append(b"<Request")
    expected = []
    for d in documents:
        code, out = cli("validate", "--json", "--now", NOW, "-", stdin=d)
        expected.append((200 if code == 0 else 422, out))
    failures = []
    counts = [0] * clients

    def client(k):
        conn = server.connection()
        try:
            for i in range(k, total, clients):
                which = i % len(documents)
                conn.request("POST", "/validate?now=" + NOW, body=documents[which])
                answer = conn.getresponse()
                body = answer.read()
                if (answer.status, body) != expected[which]:
                    failures.append((i, answer.status, body[:200]))
                counts[k] += 1
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append((k, "exception", repr(error)))
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expect(not failures, f"{len(failures)} wrong answers, first {failures[:3]}")
    expect(sum(counts) == total, f"{sum(counts)} answers")


def open_slow_upload(server, path="/validate", length=1000):
    s = socket.create_connection((server.host, server.port), timeout=WAIT)
    s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n".encode()
              + b"<")
    return s


def test_busy():
    """--threads 1 --queue 0: one request in flight is all; the next is
    told to retry later, at once, and then served once the first is done."""
    server = Server("--threads", "1", "--queue", "0", "--timeout", "30")
    try:
        slow = open_slow_upload(server)
        time.sleep(0.5)
        status, headers, body = server.request("GET", "/health")
        expect(status == 503, f"busy: {status}")
        expect(headers["Retry-After"] == "1", headers)
        slow.close()
        for _ in range(WAIT * 10):
            status, _, _ = server.request("GET", "/health")
            if status == 200:
                break
            time.sleep(0.1)
        expect(status == 200, f"after the slow client left: {status}")
    finally:
        expect(server.stop() == 0, "exit status")
    expect("GET /health 503" in server.log(), server.log())


def test_slow_client():
    """A body sent a byte a second is cut off after --timeout; another
    client is served meanwhile; an idle connection is closed too."""
    server = Server("--threads", "1", "--timeout", "2")
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    try:
        slow = open_slow_upload(server, length=100)
        idle = socket.create_connection((server.host, server.port), timeout=WAIT)
        cut = False
        served = 0
        for _ in range(20):
            status, _, _ = server.request("POST", "/validate?now=" + NOW, document)
            expect(status == 200, f"other client: {status}")
            served += 1
            try:
                slow.sendall(b" ")
                slow.settimeout(1)
                if slow.recv(1024) == b"":
                    cut = True
                    break
            except socket.timeout:
                pass
            except OSError:
                cut = True
                break
        expect(cut, "the slow client was never cut off")
        expect(served >= 1, "nobody else was served")
        idle.settimeout(WAIT)
        expect(idle.recv(1024) == b"", "the idle connection stays open")
        slow.close()
        idle.close()
    finally:
        expect(server.stop() == 0, "exit status")
    expect("(timed out)" in server.log() or "connection cut" in server.log(), server.log())


def test_slow_headers():
    """Headers sent a byte a second: each byte restarts libmicrohttpd's idle
    timeout, so the service's own deadline must cut the connection."""
    server = Server("--threads", "1", "--timeout", "2")
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    try:
        slow = socket.create_connection((server.host, server.port), timeout=WAIT)
        cut = False
        for byte in b"POST /validate HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 30:
            try:
                slow.sendall(bytes([byte]))
                slow.settimeout(1)
                if slow.recv(1024) == b"":
                    cut = True
                    break
            except socket.timeout:
                pass
            except OSError:
                cut = True
                break
            status, _, _ = server.request("POST", "/validate?now=" + NOW, document)
            expect(status == 200, f"other client: {status}")
        expect(cut, "slow headers were never cut off")
        slow.close()
    finally:
        expect(server.stop() == 0, "exit status")
    expect("connection cut: no complete request within --timeout" in server.log(),
           server.log())


def open_sockets(pid):
    """How many sockets the process has open: the listening one, and one
    per connection it has accepted (Linux: /proc/PID/fd)."""
    n = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            n += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
        except OSError:
            pass
    return n


def settled_sockets(server):
    """The service's socket count once it stops changing (a connection a
    client just closed takes the service a moment to close too)."""
    last = open_sockets(server.proc.pid)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = open_sockets(server.proc.pid)
        if now == last:
            return now
        last = now
    return last


def wait_accepted(server, baseline, count):
    """Waits until the service has accepted count connections more than it
    had (baseline): a connection still in the listen backlog is not one
    the service has taken up, and stopping closes the backlog. Under the
    sanitizers on a busy machine, accepting can take a while."""
    deadline = time.monotonic() + WAIT
    while open_sockets(server.proc.pid) < baseline + count:
        expect(time.monotonic() < deadline, "connections not accepted")
        time.sleep(0.05)


def test_sigterm_in_flight():
    """SIGTERM while a request's body is arriving: the request is
    answered in full, then the service exits 0."""
    server = Server("--threads", "2", "--timeout", "30")
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    code, expected = cli("validate", "--json", "--now", NOW, "-", stdin=document)
    baseline = settled_sockets(server)
    s = socket.create_connection((server.host, server.port), timeout=WAIT)
    s.sendall(f"POST /validate?now={NOW} HTTP/1.1\r\nHost: x\r\n"
              f"Content-Length: {len(document)}\r\n\r\n".encode() + document[:100])
    wait_accepted(server, baseline, 1)
    time.sleep(0.2)
    server.proc.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    expect(server.proc.poll() is None, "stopped with a request in flight")
    # New connections are no longer taken.
    try:
        socket.create_connection((server.host, server.port), timeout=2).close()
        refused = False
    except OSError:
        refused = True
    expect(refused, "still accepting after SIGTERM")
    s.sendall(document[100:])
    answer = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        answer += chunk
    s.close()
    expect(status_of(answer) == 200, answer[:100])
    expect(answer.endswith(expected), answer[-200:])
    expect(b"Connection: close" in answer, "the answer keeps the connection open")
    expect(server.stop() == 0, "exit status after SIGTERM")
    expect("stopped" in server.log(), server.log())


def test_sigterm_queued():
    """SIGTERM with requests sent in full but not yet taken up (one thread,
    busy with the first): every one is answered; an idle keep-alive
    connection is closed rather than waited for."""
    server = Server("--threads", "1", "--timeout", "30")
    document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
    code, expected = cli("render", "--to", "pdf", "--now", NOW, "-", stdin=document)
    expect(code == 0, "render")
    idle = socket.create_connection((server.host, server.port), timeout=WAIT)
    status, _, _ = server.request("GET", "/health")
    expect(status == 200, status)
    baseline = settled_sockets(server)
    sockets = []
    for _ in range(5):
        s = socket.create_connection((server.host, server.port), timeout=WAIT)
        s.sendall(f"POST /render?to=pdf&now={NOW} HTTP/1.1\r\nHost: x\r\n"
                  f"Content-Length: {len(document)}\r\n\r\n".encode() + document)
        sockets.append(s)
    wait_accepted(server, baseline, 5)
    time.sleep(0.1)
    server.proc.send_signal(signal.SIGTERM)
    for s in sockets:
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        s.close()
        expect(status_of(answer) == 200 and answer.endswith(expected),
               f"queued request: {answer[:60]!r}")
    expect(idle.recv(1024) == b"", "idle connection still open")
    idle.close()
    expect(server.stop() == 0, "exit status after SIGTERM")


def test_sigint_idle():
    server = Server("--threads", "2")
    status, _, _ = server.request("GET", "/health")
    expect(status == 200, status)
    expect(server.stop(signal.SIGINT) == 0, "exit status after SIGINT")


def test_verify():
    """--trust: POST /verify answers as `lerq verify --json`, and the other
    paths verify signatures too, as the tool's --trust does."""
    if shutil.which("openssl") is None:
        print("skip: no openssl for the test certificates")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pki = os.path.join(tmp, "pki")
        subprocess.run(["sh", os.path.join(ROOT, "tests", "make-test-pki.sh"), pki], check=True)
        document = read(os.path.join(EXAMPLES, "disclosure-request.xml"))
        agency = re.search(rb"<AgencyName>(.*?)</AgencyName>", document).group(1).decode()
        trust = os.path.join(tmp, "trust.xml")
        with open(trust, "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<TrustList xmlns="urn:lerq:trust:1" version="1.0">\n'
                    "  <Owner>Rheinwelle Kommunikation GmbH</Owner>\n"
                    "  <IssuedAt>2026-09-01T09:00:00Z</IssuedAt>\n"
                    "</TrustList>\n")
        code, out = cli("trust", "add", "--trust", trust, "--name", agency, "--country", "DE",
                        "--cert", os.path.join(pki, "ca.pem"), "-o", trust)
        expect(code == 0, f"trust add: {code} {out!r}")
        code, signed = cli("sign", "--key", os.path.join(pki, "agency.key"), "--cert",
                           os.path.join(pki, "agency.pem"), "--now", NOW, "-", stdin=document)
        expect(code == 0 and b"Signature" in signed, f"sign: {code}")
        tampered = signed.replace(b"EUR 9,850", b"EUR 98,500", 1)
        server = Server("--threads", "2", "--trust", trust)
        try:
            for name, data, want in (("signed", signed, 200), ("tampered", tampered, 422),
                                     ("unsigned", document, 200)):
                code, expected = cli("verify", "--trust", trust, "--json", "--now", NOW, "-",
                                     stdin=data)
                status, _, body = server.request("POST", "/verify?now=" + NOW, data)
                expect(status == want and body == expected,
                       f"/verify {name}: {status} {body!r} != {expected!r}")
                expect(code == (0 if want == 200 else 1), f"verify {name}: CLI {code}")
                status, _, body = server.request("POST", "/validate?now=" + NOW, data)
                expect(status == want and body == expected, f"/validate {name}: {status}")
            expect(b"LERQ-V001" in server.request("POST", "/verify?now=" + NOW, tampered)[2],
                   "tampered: no LERQ-V001")
            # Unsigned is a warning (LERQ-V007): an error under ?strict.
            status, _, body = server.request("POST", "/verify?now=" + NOW + "&strict", document)
            expect(status == 422 and b"LERQ-V007" in body, f"strict unsigned: {status}")
            status, _, _ = server.request("GET", "/verify")
            expect(status == 405, f"GET /verify: {status}")
        finally:
            expect(server.stop() == 0, "exit status")
        server = Server("--threads", "1", "--trust", trust, "--require-signature")
        try:
            status, _, body = server.request("POST", "/verify?now=" + NOW, document)
            expect(status == 422 and b"LERQ-V007" in body, f"required, unsigned: {status}")
            status, _, _ = server.request("POST", "/verify?now=" + NOW, signed)
            expect(status == 200, f"required, signed: {status}")
        finally:
            expect(server.stop() == 0, "exit status")
        # A trust list that is not one: the service does not start.
        code, _ = cli("serve", "--listen", "127.0.0.1:0", "--trust",
                      os.path.join(EXAMPLES, "response.xml"))
        expect(code == 2, f"serve with a bad trust list: {code}")


def test_ipv6():
    try:
        socket.create_server(("::1", 0), family=socket.AF_INET6).close()
    except OSError:
        print("skip: no IPv6 loopback")
        return
    server = Server("--threads", "1", family="[::1]")
    try:
        status, _, _ = server.request("GET", "/health")
        expect(status == 200, status)
    finally:
        expect(server.stop() == 0, "exit status")


def test_usage():
    for args in (["--listen", "localhost"], ["--listen", "1.2.3.4:99999"],
                 ["--listen", "[::1:80"], ["--threads", "0"], ["--max-size", "x"],
                 ["--timeout", "0"], ["--require-signature"], ["extra"],
                 ["--trust", "/nonexistent/trust.xml", "--listen", "127.0.0.1:0"]):
        code, _ = cli("serve", *args)
        expect(code == 2, f"serve {args}: {code}")
    code, out = cli("serve", "--help")
    expect(code == 0 and b"no authentication" in out, out)


def test_examples(server):
    """examples/lerq_client.py, and LerqClient.java compiled when javac
    is there."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "letter.pdf")
        proc = subprocess.run([sys.executable, os.path.join(EXAMPLES, "lerq_client.py"),
                               "--url", f"http://127.0.0.1:{server.port}",
                               os.path.join(EXAMPLES, "preservation-request.xml"), pdf],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        expect(proc.returncode == 0, proc.stdout + proc.stderr)
        expect(read(pdf).startswith(b"%PDF-"), "not a PDF")
        proc = subprocess.run([sys.executable, os.path.join(EXAMPLES, "lerq_client.py"),
                               "--url", f"http://127.0.0.1:{server.port}",
                               os.path.join(ROOT, "tests", "data", "schema",
                                            "s001-bad-date.xml")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        expect(proc.returncode == 1 and b"invalid" in proc.stdout, proc.stdout)
        javac = shutil.which("javac")
        if javac:
            proc = subprocess.run([javac, "-d", tmp, os.path.join(EXAMPLES, "LerqClient.java")],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
            expect(proc.returncode == 0, proc.stderr)
            java = shutil.which("java")
            if java:
                pdf = os.path.join(tmp, "java-letter.pdf")
                proc = subprocess.run(
                    [java, "-cp", tmp, "LerqClient", "--url",
                     f"http://127.0.0.1:{server.port}",
                     os.path.join(EXAMPLES, "preservation-request.xml"), pdf],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
                expect(proc.returncode == 0, proc.stdout + proc.stderr)
                expect(read(pdf).startswith(b"%PDF-"), "Java: not a PDF")
        else:
            print("skip: no javac for examples/LerqClient.java")


def main():
    # urllib (the example client) must not send loopback requests to a proxy.
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                "ALL_PROXY"):
        os.environ.pop(var, None)
    max_size = 200000
    test_usage()
    server = Server("--threads", "4", "--max-size", str(max_size), "--timeout", "20")
    try:
        for name, test in (("health", test_health), ("validate", test_validate),
                           ("check-response", test_check_response),
                           ("render", test_render), ("errors", test_errors),
                           ("too-large", lambda s: test_too_large(s, max_size)),
                           ("malformed", test_malformed), ("examples", test_examples),
                           ("concurrent", test_concurrent), ("log", test_log)):
            test(server)
            print("ok", name, flush=True)
    finally:
        code = server.stop()
        sys.stderr.write(server.log()[-3000:])
    expect(code == 0, f"exit status {code}")
    for name, test in (("busy", test_busy), ("slow-client", test_slow_client),
                       ("slow-headers", test_slow_headers),
                       ("sigterm-in-flight", test_sigterm_in_flight),
                       ("sigterm-queued", test_sigterm_queued),
                       ("sigint", test_sigint_idle), ("verify", test_verify),
                       ("ipv6", test_ipv6)):
        test()
        print("ok", name, flush=True)


if __name__ == "__main__":
    main()
