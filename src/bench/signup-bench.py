#!/usr/bin/env python3
# Sign-up rush: many students take supporting-role seats at the same moment; latency, throughput and overbooking.
#   python3 src/bench/signup-bench.py [--clients 500] [--rounds 3] [--port 8098] [--url http://host:port]
#       [--java-opts "-Xmx.. ..."] [--instances 2 --database-url jdbc:postgresql://...] [--summary FILE]
# Each round imports a fresh course (15 sessions x 2 roles x 2 seats = 60 seats) and enrols the benchmark students,
# signs them in (not timed), then releases all clients together; each client makes ONE
# POST .../sessions/{s}/roles/{r}/signups for seat group i % 30, so ~16-17 clients race for each 2-seat role.
# Timed per request: send + full answer read, on a TCP connection each client opened before the release (like a
# browser's kept-alive connection). The clients run in one thread: their requests are encoded before the release,
# sent one after another in a few milliseconds, and the answers read with one selector, so that the client's own
# CPU (on the same cores as the server) stays small. Expected answers: 201 (seat taken) or 409 (full); anything
# else is an error.
# Afterwards the instructor's sign-up board is checked: holders over capacity are "overbooked seats" (must be 0),
# and the holders must equal the 201 answers. Prints p50/p90/p99/max latency, throughput (clients / phase wall
# time), the CPU seconds the server, this client and the whole machine spent in the phase, and the per-round and
# median figures. Exits 1 on overbooking, errors or a board that disagrees with the answers.
# Without --url it starts the app itself from target/paperclub-*.jar (built with mvn when missing; copied to a temp
# folder so a concurrent rebuild cannot pull it away), on a temp data folder, with PAPERCLUB_PASSWORD_BCRYPT_COST=4:
# the benchmark's throw-away accounts are hashed cheaply so that set-up is quick; sign-in is not measured.
# With --url it uses a running server (it needs the demo instructor account) and leaves it running, with the
# benchmark's courses (BENCH-...) and accounts (bench<n>-...@example.edu) in it: there is no API to remove them.
# --instances N starts N servers on one database (--database-url, e.g. a PostgreSQL schema; the first server
# loads the demo, then the others start) and sends client i to server i % N. Server CPU is summed over them; the
# server's peak resident memory (VmHWM) is printed too, and the server's CPU by thread kind (C1/C2 compiler
# threads, GC, the event loop, the blocking pool) over the phase. --summary FILE writes the median figures as key=value lines
# (src/bench/run reads them).
# SIGNUP_BENCH_HOOK=CMD runs `CMD start` right before each release and `CMD stop` after its last answer (outside the
# timed phase), e.g. to profile only the rushes with async-profiler.
# Python standard library only. The goal set for this benchmark: p99 <= 250 ms with 500 clients on 2 cores.
import argparse
import concurrent.futures
import datetime
import http.client
import json
import os
import resource
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

SESSIONS = 15
ROLES = ("Peer Reviewer", "Hacker")
CAPACITY = 2
SEATS = SESSIONS * len(ROLES) * CAPACITY
INSTRUCTOR = {"email": "instructor@example.edu", "password": "paperclub"}
BCRYPT_COST = 4


class Fail(Exception):
    pass


# ---------------------------------------------------------------- HTTP

class Client:
    """One signed-in user: the session cookie and the CSRF token, sent with every request."""

    def __init__(self, host, port, cookie=None, csrf=None):
        self.host, self.port, self.cookie, self.csrf = host, port, cookie, csrf

    def headers(self, method, content_type=None):
        h = {"Accept": "application/json"}
        if self.cookie:
            h["Cookie"] = "PAPERCLUB_SESSION=" + self.cookie
        if method in ("POST", "PUT", "DELETE") and self.csrf:
            h["X-XSRF-TOKEN"] = self.csrf
        if content_type:
            h["Content-Type"] = content_type
        return h

    def call(self, method, path, body=None, content_type="application/json", expect=(200,), timeout=120):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode()
            conn.request(method, path, body=body, headers=self.headers(method, content_type if body is not None else None))
            resp = conn.getresponse()
            data = resp.read()
            if resp.status not in expect:
                raise Fail(f"{method} {path} answered {resp.status}: {data[:500].decode(errors='replace')}")
            return resp, (json.loads(data) if data else None)
        finally:
            conn.close()


def sign_in(host, port, email, password):
    anon = Client(host, port)
    resp, me = anon.call("POST", "/api/auth/login", {"email": email, "password": password})
    cookies = {}
    for header in resp.msg.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    if not cookies.get("PAPERCLUB_SESSION") or not me.get("csrfToken"):
        raise Fail(f"sign-in of {email} gave no session cookie or CSRF token")
    return Client(host, port, cookies["PAPERCLUB_SESSION"], me["csrfToken"])


# ---------------------------------------------------------------- server

def free_port(preferred):
    for p in (preferred, 0):
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", p))
            return s.getsockname()[1]
        except OSError:
            continue
        finally:
            s.close()
    raise Fail("no free port")


def find_jar(root, given=None):
    if given:
        return given

    def look():
        t = os.path.join(root, "target")
        jars = sorted(f for f in (os.listdir(t) if os.path.isdir(t) else [])
                      if f.startswith("paperclub-") and f.endswith(".jar"))
        return os.path.join(t, jars[0]) if jars else None
    jar = look()
    if not jar:
        print("building the jar: mvn -q -B package -DskipTests", flush=True)
        subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests"], cwd=root, check=True)
        jar = look()
    if not jar:
        raise Fail("no target/paperclub-*.jar after the build")
    return jar


class Server:
    def __init__(self, root, port, work, java_opts=(), database_url=None, name="server", jar=None):
        self.work = work
        jar = find_jar(root, jar)
        self.jar = os.path.join(work, os.path.basename(jar))
        if not os.path.exists(self.jar):
            shutil.copy2(jar, self.jar)
        self.port = port
        self.log_path = os.path.join(work, name + ".log")
        env = dict(os.environ, PAPERCLUB_PORT=str(port), PAPERCLUB_DATA_DIR=os.path.join(work, "data"),
                   PAPERCLUB_PASSWORD_BCRYPT_COST=str(BCRYPT_COST), PAPERCLUB_DEMO_ACTIVITY="false")
        if database_url:
            env.update(PAPERCLUB_DATABASE_URL=database_url, PAPERCLUB_DATABASE_DRIVER="org.postgresql.Driver",
                       PAPERCLUB_DATABASE_USER=os.environ.get("PAPERCLUB_DATABASE_USER", "postgres"),
                       PAPERCLUB_DATABASE_PASSWORD=os.environ.get("PAPERCLUB_DATABASE_PASSWORD", ""))
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(["java", *java_opts, "-jar", self.jar], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Fail(f"the app exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/health")
                status = c.getresponse().status
                c.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise Fail(f"GET /health did not answer 200 within {timeout} s:\n{self.tail()}")

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def thread_cpu(self):
        """CPU seconds per thread kind (the thread's name without its number): JIT, GC, event loop, workers."""
        return thread_cpu(self.proc.pid)

    def peak_rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0

    def tail(self, lines=30):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Servers:
    """Several instances on one database, measured as one server."""

    def __init__(self, servers):
        self.servers = servers

    def cpu_seconds(self):
        return sum(s.cpu_seconds() for s in self.servers)

    def peak_rss_mb(self):
        return max(s.peak_rss_mb() for s in self.servers)

    def thread_cpu(self):
        total = {}
        for s in self.servers:
            for k, v in s.thread_cpu().items():
                total[k] = total.get(k, 0) + v
        return total

    def ports(self):
        return [s.port for s in self.servers]

    def stop(self):
        for s in self.servers:
            s.stop()


def thread_cpu(pid):
    tick = os.sysconf("SC_CLK_TCK")
    kinds = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                raw = f.read()
        except OSError:
            continue   # the thread ended
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw.rsplit(")", 1)[1].split()
        kind = name.rstrip("0123456789-#").strip() or name
        kinds[kind] = kinds.get(kind, 0) + (int(fields[11]) + int(fields[12])) / tick
    return kinds


def machine_cpu_seconds():
    """Busy (non-idle, non-iowait) CPU seconds of the whole machine so far."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# ---------------------------------------------------------------- one round

def course_yaml(code):
    first = datetime.date.today() + datetime.timedelta(days=70)
    lines = [
        "format: paperclub-course/1",
        f"course: {{code: {code}, title: Sign-up benchmark, term: Bench, timeZone: UTC}}",
        "policies: {signupFreezeHours: 0}",
        "roles:",
    ] + [f"  - {{name: {r}, description: Benchmark role., capacity: {CAPACITY}}}" for r in ROLES] + [
        "papers:",
        "  - {key: p1, title: Paper one}",
        "sessions:",
    ]
    for n in range(1, SESSIONS + 1):
        day = first + datetime.timedelta(days=n - 1)
        assigned = "[p1]" if n == 1 else "[]"
        lines.append(f'  - {{number: {n}, date: {day.isoformat()}, start: "10:00", end: "11:00", kind: PRESENTATION, '
                     f'topic: Talks {n}, presentationSlots: 0, assigned: {assigned}}}')
    return "\n".join(lines) + "\n"


def set_up_course(instr, tag, emails):
    _, course = instr.call("POST", "/api/courses/import", course_yaml("BENCH-" + tag), "application/yaml", expect=(201,))
    cid = course["id"]
    csv = "email,name,role\n" + "".join(f"{e},Bench {i + 1},student\n" for i, e in enumerate(emails))
    _, imported = instr.call("POST", f"/api/courses/{cid}/roster/import", csv, "text/csv")
    # New accounts come with a set-password link each: accept it, as the student would, to choose a password.
    passwords = {}
    for p in imported["people"]:
        email = p["entry"]["email"].lower()
        if p.get("invitationLink"):
            token = p["invitationLink"].rsplit("/", 1)[1]
            instr.call("POST", f"/api/auth/invitations/{token}", {"password": "bench-password"}, expect=(204,))
            passwords[email] = "bench-password"
        else:
            passwords[email] = None
    _, sessions = instr.call("GET", f"/api/courses/{cid}/sessions")
    _, roles = instr.call("GET", f"/api/courses/{cid}/roles")
    sessions = sorted(sessions, key=lambda s: s["number"])
    roles = sorted(roles, key=lambda r: r["name"])
    if len(sessions) != SESSIONS or len(roles) != len(ROLES):
        raise Fail(f"course {cid} has {len(sessions)} sessions and {len(roles)} roles")
    groups = [(s["id"], r["id"]) for s in sessions for r in roles]
    return cid, groups, passwords


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    k = max(0, min(len(sorted_values) - 1, -(-len(sorted_values) * p // 100) - 1))
    return sorted_values[int(k)]


def raw_request(host, port, path, client):
    """The sign-up as bytes, encoded before the release so that the timed phase only sends them."""
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}", "Content-Length: 2"]
    lines += [f"{k}: {v}" for k, v in client.headers("POST", "application/json").items()]
    return ("\r\n".join(lines) + "\r\n\r\n{}").encode()


class Answer:
    """One HTTP/1.1 answer read from a socket: complete with its Content-Length, or chunked up to the last chunk."""

    def __init__(self):
        self.buf = bytearray()
        self.status = None
        self.body_at = None
        self.length = None
        self.chunked = False

    def feed(self, data):
        """Adds bytes; True once the answer is whole."""
        self.buf += data
        if self.body_at is None:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return False
            self.body_at = end + 4
            head = bytes(self.buf[:end]).decode("latin-1").split("\r\n")
            self.status = int(head[0].split()[1])
            for h in head[1:]:
                k, _, v = h.partition(":")
                k = k.strip().lower()
                if k == "content-length":
                    self.length = int(v.strip())
                elif k == "transfer-encoding" and "chunked" in v.lower():
                    self.chunked = True
        if self.chunked:
            return self.buf.endswith(b"0\r\n\r\n")
        return len(self.buf) - self.body_at >= (self.length or 0)

    def body(self):
        raw = bytes(self.buf[self.body_at:])
        if not self.chunked:
            return raw
        out, i = bytearray(), 0
        while True:
            j = raw.index(b"\r\n", i)
            size = int(raw[i:j].split(b";")[0], 16)
            if size == 0:
                return bytes(out)
            out += raw[j + 2:j + 2 + size]
            i = j + 2 + size + 2


def rush(host, ports, cid, groups, students, server, timeout=120):
    """All clients from one thread: the requests are encoded and their connections opened (like a browser's
    kept-alive connection) before the release; then each is sent in turn and the answers are read as they come
    (one selector), so that the client's own CPU, on the same cores as the server, stays small."""
    n = len(students)
    results = [None] * n
    socks, requests = [], []
    try:
        for i in range(n):
            sid, rid = groups[i % len(groups)]
            port = ports[i % len(ports)]
            requests.append(raw_request(host, port, f"/api/courses/{cid}/sessions/{sid}/roles/{rid}/signups", students[i]))
            sock = socket.create_connection((host, port), timeout=timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            socks.append(sock)
        sel = selectors.DefaultSelector()

        def snapshot():
            return (server.cpu_seconds() if server else None, own_cpu_seconds(), machine_cpu_seconds(),
                    time.perf_counter(), server.thread_cpu() if server else None)

        hook = os.environ.get("SIGNUP_BENCH_HOOK")
        if hook:
            subprocess.run([hook, "start"], check=True)
        cpu0 = snapshot()
        start = time.perf_counter()
        sent = [0.0] * n
        answers = [Answer() for _ in range(n)]
        pending = 0
        for i, sock in enumerate(socks):
            sent[i] = time.perf_counter()
            try:
                sock.sendall(requests[i])   # a few hundred bytes: the socket's buffer takes them at once
            except OSError as e:
                results[i] = (f"send: {e}", 0, sent[i], sent[i])
                continue
            sock.setblocking(False)
            sel.register(sock, selectors.EVENT_READ, i)
            pending += 1
        deadline = time.monotonic() + timeout
        while pending and time.monotonic() < deadline:
            for key, _ in sel.select(timeout=1):
                i = key.data
                try:
                    data = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                except OSError as e:
                    data, err = b"", e
                else:
                    err = None
                now = time.perf_counter()
                done = bool(data) and answers[i].feed(data)
                if not data or done:
                    sel.unregister(key.fileobj)
                    pending -= 1
                    a = answers[i]
                    if done:
                        status, body = a.status, a.body()
                        if status not in (201, 409):
                            status = f"{status} {body[:200].decode(errors='replace')}"
                        elif status == 409 and b"full" not in body:
                            status = f"409 (not 'full') {body[:200].decode(errors='replace')}"
                    else:
                        status = f"connection closed before a whole answer ({err or 'EOF'})"
                    results[i] = (status, now - sent[i], sent[i], now)
        cpu1 = snapshot()
        if hook:
            subprocess.run([hook, "stop"], check=True)
        for i in range(n):
            if results[i] is None:
                results[i] = (f"no answer within {timeout} s", 0, sent[i], time.perf_counter())
        sel.close()
    finally:
        for sock in socks:
            sock.close()
    end = max(r[3] for r in results)
    wall = end - start
    lat = sorted(r[1] * 1000 for r in results if r[0] in (201, 409))
    first_send = min(r[2] for r in results) - start
    last_send = max(r[2] for r in results) - start
    threads = None
    if server:
        threads = {k: v - cpu0[4].get(k, 0) for k, v in cpu1[4].items()}
    return {
        "clients": n,
        "created": sum(1 for r in results if r[0] == 201),
        "full": sum(1 for r in results if r[0] == 409),
        "errors": [r[0] for r in results if r[0] not in (201, 409)],
        "lat": lat,
        "wall": wall,
        "send_spread": (first_send * 1000, last_send * 1000),
        # CPU seconds from the release to the last answer (connecting is before it).
        "cpu_server": None if server is None else cpu1[0] - cpu0[0],
        "cpu_client": cpu1[1] - cpu0[1],
        "cpu_machine": cpu1[2] - cpu0[2],
        "cpu_window": cpu1[3] - cpu0[3],
        "cpu_threads": threads,
    }


def check_board(instr, cid):
    _, board = instr.call("GET", f"/api/courses/{cid}/signups/board")
    overbooked, holders, students = 0, 0, []
    for s in board["sessions"]:
        for seat in s["seats"]:
            h = len(seat["holders"])
            holders += h
            overbooked += max(0, h - seat["capacity"])
            students += [x["userId"] for x in seat["holders"]]
    return overbooked, holders, len(students) - len(set(students))


# ---------------------------------------------------------------- report

def java_version():
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
        return out.splitlines()[0] if out else "?"
    except OSError:
        return "java not found"


def fmt_round(label, r):
    lat = r["lat"]
    if lat:
        p = (percentile(lat, 50), percentile(lat, 90), percentile(lat, 99), lat[-1])
        lat_s = "p50 {:6.0f}  p90 {:6.0f}  p99 {:6.0f}  max {:6.0f} ms".format(*p)
    else:
        lat_s = "no answers"
    return (f"{label:<9}{lat_s}  {r['clients'] / r['wall']:7.0f} req/s  wall {r['wall'] * 1000:5.0f} ms  "
            f"201: {r['created']:3d}  409: {r['full']:3d}  errors: {len(r['errors'])}  "
            f"overbooked: {r['overbooked']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=500, help="concurrent clients, one sign-up each (default 500)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds, each on a fresh course (default 3)")
    ap.add_argument("--port", type=int, default=8098, help="port of the app this script starts (default 8098, "
                                                            "another free one when taken)")
    ap.add_argument("--url", help="use the server running there (http://host:port) instead of starting one")
    ap.add_argument("--jar", help="the app's jar (default: target/paperclub-*.jar, built when missing)")
    ap.add_argument("--java-opts", default="", help="JVM options of the servers this script starts")
    ap.add_argument("--instances", type=int, default=1, help="servers to start on one database (default 1)")
    ap.add_argument("--database-url", help="JDBC URL of a PostgreSQL database for the servers (default: H2 files)")
    ap.add_argument("--summary", help="write the median figures to this file as key=value lines")
    ap.add_argument("--login-threads", type=int, default=16, help="parallel student sign-ins in set-up (default 16)")
    args = ap.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.clients * 2 + 256
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard) if hard != resource.RLIM_INFINITY else want, hard))

    rerun = "python3 src/bench/signup-bench.py" + "".join(
        f" {k} {v}" for k, v, d in (("--clients", args.clients, 500), ("--rounds", args.rounds, 3),
                                    ("--url", args.url, None)) if v != d)
    work = tempfile.mkdtemp(prefix="paperclub-bench-")
    server = None
    try:
        if args.url:
            u = urllib.parse.urlsplit(args.url)
            host, port = u.hostname, u.port or 80
        else:
            host, port = "127.0.0.1", free_port(args.port)
            t = time.monotonic()
            first = Server(root, port, work, args.java_opts.split(), args.database_url, "server1", args.jar)
            first.wait_healthy()   # loads the demo; the others find it there
            more = []
            for k in range(2, args.instances + 1):
                more.append(Server(root, free_port(port + k - 1), work, args.java_opts.split(), args.database_url,
                                   f"server{k}", args.jar))
            for m in more:
                m.wait_healthy()
            server = Servers([first] + more)
            print(f"started {args.instances} x {os.path.relpath(first.jar, work)} ({args.java_opts or 'default JVM'}"
                  f"{', ' + args.database_url if args.database_url else ', H2'}) on ports {server.ports()} in {time.monotonic() - t:.1f} s "
                  f"(PAPERCLUB_PASSWORD_BCRYPT_COST={BCRYPT_COST}: cheap hashes for the benchmark's throw-away "
                  f"accounts only; sign-in is set-up, not measured)", flush=True)

        instr = sign_in(host, port, INSTRUCTOR["email"], INSTRUCTOR["password"])
        ts = datetime.datetime.now().strftime("%Y%m%d%H%M%S") + f"-{os.getpid()}"
        emails = [f"bench{i + 1}-{ts}@example.edu" for i in range(args.clients)]
        students = None
        rounds = []
        for rnd in range(1, args.rounds + 1):
            t = time.monotonic()
            cid, groups, passwords = set_up_course(instr, f"{ts}-{rnd}", emails)
            if students is None:
                # The accounts are made by the first roster import; later rounds enrol the same accounts in their
                # fresh course, and the sign-in cookies stay valid.
                missing = [e for e in emails if not passwords.get(e)]
                if missing:
                    raise Fail(f"no initial password for {len(missing)} students, e.g. {missing[0]}")
                with concurrent.futures.ThreadPoolExecutor(args.login_threads) as pool:
                    students = list(pool.map(lambda e: sign_in(host, port, e, passwords[e]), emails))
            setup = time.monotonic() - t
            r = rush(host, server.ports() if server else [port], cid, groups, students, server)
            r["overbooked"], r["holders"], r["double"] = check_board(instr, cid)
            r["setup"] = setup
            rounds.append(r)
            print(fmt_round(f"round {rnd}", r) + f"   (set-up {setup:.1f} s, course {cid})", flush=True)

        # ------------------------------------------------ report
        bad = []
        for i, r in enumerate(rounds, 1):
            if r["errors"]:
                kinds = {}
                for e in r["errors"]:
                    kinds[str(e)[:160]] = kinds.get(str(e)[:160], 0) + 1
                bad.append(f"round {i}: {len(r['errors'])} errors: " +
                           "; ".join(f"{c} x {k}" for k, c in sorted(kinds.items(), key=lambda x: -x[1])[:3]))
            if r["overbooked"]:
                bad.append(f"round {i}: {r['overbooked']} overbooked seats")
            if r["holders"] != r["created"] or r["holders"] > SEATS:
                bad.append(f"round {i}: the board has {r['holders']} holders for {r['created']} answers 201 "
                           f"({SEATS} seats)")
            if r["double"]:
                bad.append(f"round {i}: {r['double']} students hold two seats")

        def med(f):
            return statistics.median(f(r) for r in rounds)

        with_lat = [r for r in rounds if r["lat"]]
        load = os.getloadavg()
        print()
        print("Paperclub sign-up rush")
        print(f"  machine     {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end, "
              f"{java_version()}" + (" (local java; the server's may differ)" if args.url else ""))
        print(f"  server      " + (args.url if args.url else
                                   f"started by this script, PAPERCLUB_PASSWORD_BCRYPT_COST={BCRYPT_COST} for the "
                                   f"benchmark accounts"))
        print(f"  load        {args.clients} clients released together, one sign-up each, {SEATS} seats "
              f"({SESSIONS} sessions x {len(ROLES)} roles x {CAPACITY}), ~{args.clients / (SEATS / CAPACITY):.1f} "
              f"clients per role")
        for i, r in enumerate(rounds, 1):
            print("  " + fmt_round(f"round {i}", r))
        if with_lat:
            rs = with_lat
            print("  median of {} rounds: p50 {:.0f} ms, p90 {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms, {:.0f} req/s, "
                  "201: {:.0f}, 409: {:.0f}, errors: {}, overbooked seats: {}".format(
                      len(rs), statistics.median(percentile(r["lat"], 50) for r in rs),
                      statistics.median(percentile(r["lat"], 90) for r in rs),
                      statistics.median(percentile(r["lat"], 99) for r in rs),
                      statistics.median(r["lat"][-1] for r in rs),
                      med(lambda r: r["clients"] / r["wall"]), med(lambda r: r["created"]), med(lambda r: r["full"]),
                      sum(len(r["errors"]) for r in rounds), sum(r["overbooked"] for r in rounds)))
        print("  where the time went (CPU seconds from the release to the last answer):")
        for i, r in enumerate(rounds, 1):
            window = r["cpu_window"] * (os.cpu_count() or 1)
            print(f"    round {i}: server {r['cpu_server']:.2f}" if r["cpu_server"] is not None else f"    round {i}: server ?",
                  end="")
            print(f", this python client {r['cpu_client']:.2f}, whole machine {r['cpu_machine']:.2f} "
                  f"(of {window:.2f} available in {r['cpu_window']:.2f} s); requests sent "
                  f"{r['send_spread'][0]:.0f}-{r['send_spread'][1]:.0f} ms after the release")
            if r["cpu_threads"]:
                top = sorted(((v, k) for k, v in r["cpu_threads"].items() if v >= 0.005), reverse=True)
                print("      server threads: " + ", ".join(f"{k} {v:.2f}" for v, k in top))
        if server and rounds[0]["cpu_server"] is not None:
            cpu_ms = med(lambda r: 1000 * r["cpu_server"] / r["clients"])
            print(f"  server CPU per sign-up (median of rounds): {cpu_ms:.2f} ms; peak resident memory of a server: "
                  f"{server.peak_rss_mb():.0f} MB")
        if args.summary and with_lat:
            with open(args.summary, "w") as f:
                f.write(f"p50={statistics.median(percentile(r['lat'], 50) for r in with_lat):.0f}\n")
                f.write(f"p99={statistics.median(percentile(r['lat'], 99) for r in with_lat):.0f}\n")
                f.write(f"overbooked={sum(r['overbooked'] for r in rounds)}\n")
                f.write(f"errors={sum(len(r['errors']) for r in rounds)}\n")
                if server and rounds[0]["cpu_server"] is not None:
                    f.write(f"cpu_ms={med(lambda r: 1000 * r['cpu_server'] / r['clients']):.2f}\n")
                    f.write(f"rss_mb={server.peak_rss_mb():.0f}\n")
                f.write(f"load={load[0]:.2f}\n")
        # Issue 15's goals: 250 ms on the embedded database; 400 ms on PostgreSQL, across instances.
        goal = 400 if args.database_url else 250
        target = "met" if with_lat and statistics.median(percentile(r["lat"], 99) for r in with_lat) <= goal else "NOT met"
        print(f"  goal p99 <= {goal} ms (median of rounds): {target}")
        for b in bad:
            print("  FAIL " + b)
        if bad and server:
            keep = tempfile.mkdtemp(prefix="paperclub-bench-logs-")
            for s in server.servers:
                shutil.copy2(s.log_path, keep)
            print(f"  the servers' logs are kept in {keep}")
        print(f"  rerun: {rerun}")
        return 1 if bad else 0
    except Fail as e:
        print(f"signup-bench: {e}", file=sys.stderr)
        return 2
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
