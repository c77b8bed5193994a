#!/usr/bin/env python3
# Critique uploads under pressure: a burst of hand-ins at the same moment (the deadline minute), then upload to
# verdict one at a time, on a quiet server and while a sign-up rush runs on it.
#   python3 src/bench/upload-burst.py [--uploads 100] [--kb 250] [--series 60] [--rush-rounds 5]
#       [--port 8097] [--jar JAR] [--java-opts "..."] [--summary FILE] [--url http://host:port --pid PID]
# It starts the app itself (like signup-bench.py, whose server and sign-in code it uses) with the given JVM options
# (src/bench/run passes pom.xml's recommended ones), imports a course of two lecture sessions with a paper each and
# enrols the benchmark students (set-up, not timed). Then:
#   1. burst: --uploads students, each on a TCP connection opened before, are released together and each hands in
#      a one-page PDF of about --kb KB (600 words of text and an incompressible image, like a critique with a
#      figure) for session 1. Every answer must be 201 with the file's SHA-256; the instructor's list must then
#      hold each of them. Printed: latency percentiles, the server's CPU per upload, its peak resident memory
#      (VmHWM) so far.
#   2. series, quiet: one student hands in --series versions for session 2, one after the other (upload to
#      verdict: the answer carries the page count, the words and the warnings, so it is the whole check).
#   3. series during a rush: the same, while signup-bench.py's rush (500 students released together for 60 role
#      seats, a fresh course per round) runs --rush-rounds times on the same server; only uploads that overlap a
#      rush's clients count.
# With --url it uses a running server instead (started with src/bench/start.sh, say: it needs the demo instructor and
# PAPERCLUB_PASSWORD_BCRYPT_COST=4 makes its set-up quick); --pid names that server's process for the CPU and memory
# figures. Last, the server's peak resident memory over everything. The goals of issue 15: resident memory through the rush
# and a 100-upload burst <= 256 MB with the recommended settings; upload to verdict p99 <= 15 ms, also while a
# sign-up rush runs (the median against the PDFBox floor is CritiqueVerdictBenchmark's: it runs PDFBox in the same
# JVM on the same file). Exits 1 when an upload is lost or refused.
import argparse
import concurrent.futures
import datetime
import hashlib
import http.client
import importlib.util
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import types
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("signup_bench", os.path.join(HERE, "signup-bench.py"))
sb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sb)
Fail = sb.Fail

WORDS = ("the model we read this week trains a network on many machines and the authors argue that its cost falls "
         "with scale while the accuracy holds yet their evidence rests on one benchmark and two baselines that "
         "were tuned less carefully than the method itself").split()


def one_page_pdf(seed, kb):
    """A US-letter page: ~600 words in two paragraphs and a random grey image filling the file to ~kb KB."""
    rnd = random.Random(seed)
    lines = []
    for para in range(2):
        for _ in range(25):
            lines.append(" ".join(rnd.choice(WORDS) for _ in range(12)))
        if para == 0:
            lines.append("")
    text = ["BT /F1 10 Tf 12 TL 72 740 Td"]
    for line in lines:
        text.append("(" + line + ") '")
    text.append("ET")
    side = max(8, int((max(kb - 8, 1) * 1024) ** 0.5))
    text.append(f"q 120 0 0 120 420 40 cm /Im1 Do Q")
    content = "\n".join(text).encode("latin-1")
    image = bytes(rnd.getrandbits(8) for _ in range(side * side))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length %d >>\nstream\n" % (side, side, len(image)) + image + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def multipart(fields, file_name, pdf):
    boundary = "----paperclub-bench-" + hashlib.sha1(pdf[:64] + file_name.encode()).hexdigest()[:16]
    body = bytearray()
    for k, v in fields.items():
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").encode()
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
             f"Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", bytes(body)


def course_yaml(code):
    first = datetime.date.today() + datetime.timedelta(days=30)
    return "\n".join([
        "format: paperclub-course/1",
        f"course: {{code: {code}, title: Upload benchmark, term: Bench, timeZone: UTC}}",
        "policies: {critiquesRequired: 2, critiquesPerSession: 1}",
        "papers:",
        "  - {key: p1, title: Paper one}",
        "  - {key: p2, title: Paper two}",
        "sessions:",
        f'  - {{number: 1, date: {first.isoformat()}, start: "10:00", end: "11:00", kind: LECTURE, topic: One, assigned: [p1]}}',
        f'  - {{number: 2, date: {(first + datetime.timedelta(days=2)).isoformat()}, start: "10:00", end: "11:00", '
        f'kind: LECTURE, topic: Two, assigned: [p2]}}',
    ]) + "\n"


def enrol(instr, cid, emails):
    """Imports the students into the course and sets each new account's password, as its invitation link would."""
    csv = "email,name,role\n" + "".join(f"{e},Uploader {i + 1},student\n" for i, e in enumerate(emails))
    _, imported = instr.call("POST", f"/api/courses/{cid}/roster/import", csv, "text/csv")
    for p in imported["people"]:
        if p.get("invitationLink"):
            token = p["invitationLink"].rsplit("/", 1)[1]
            instr.call("POST", f"/api/auth/invitations/{token}", {"password": "bench-password"}, expect=(204,))


def upload(student, path, fields, name, pdf, conn=None):
    """One hand-in; answers (status, seconds, t0, t1, receipt or error text)."""
    ctype, body = multipart(fields, name, pdf)
    own = conn is None
    conn = conn or http.client.HTTPConnection(student.host, student.port, timeout=120)
    t0 = time.perf_counter()
    try:
        conn.request("POST", path, body=body, headers=student.headers("POST", ctype))
        resp = conn.getresponse()
        data = resp.read()
        t1 = time.perf_counter()
        if resp.status == 201:
            return 201, t1 - t0, t0, t1, json.loads(data)
        return resp.status, t1 - t0, t0, t1, data[:300].decode(errors="replace")
    except Exception as e:  # noqa: BLE001 - a failed upload is a figure to report, not a crash
        t1 = time.perf_counter()
        return f"{type(e).__name__}: {e}", t1 - t0, t0, t1, None
    finally:
        if own:
            conn.close()


def burst(students, cid, session, paper, kb, server):
    n = len(students)
    pdfs = [one_page_pdf(1000 + i, kb) for i in range(n)]
    results = [None] * n
    marks = {}

    def release():
        marks["cpu"] = server.cpu_seconds()
        marks["start"] = time.perf_counter()

    barrier = threading.Barrier(n, action=release)

    def client(i):
        conn = http.client.HTTPConnection(students[i].host, students[i].port, timeout=120)
        conn.connect()
        barrier.wait()
        results[i] = upload(students[i], f"/api/courses/{cid}/critiques",
                            {"sessionId": session, "paperId": paper}, f"critique-{i}.pdf", pdfs[i], conn)
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu = server.cpu_seconds() - marks["cpu"]
    wall = max(r[3] for r in results) - marks["start"]
    bad = []
    for i, r in enumerate(results):
        if r[0] != 201:
            bad.append(f"upload {i}: {r[0]} {r[4]}")
        elif r[4].get("sha256") != hashlib.sha256(pdfs[i]).hexdigest():
            bad.append(f"upload {i}: the receipt's SHA-256 is not the file's")
    lat = sorted(r[1] * 1000 for r in results if r[0] == 201)
    return {"lat": lat, "cpu_ms": 1000 * cpu / n, "wall": wall, "bad": bad,
            "bytes": sum(len(p) for p in pdfs) / n}


def series(student, cid, session, paper, pdf, count=None, stop=None):
    """Hands in versions one after the other, `count` times or until `stop` is set."""
    out = []
    path = f"/api/courses/{cid}/critiques"
    conn = http.client.HTTPConnection(student.host, student.port, timeout=120)
    k = 0
    while (count is None or k < count) and not (stop and stop.is_set()):
        out.append(upload(student, path, {"sessionId": session, "paperId": paper}, f"version-{k}.pdf", pdf, conn))
        k += 1
    conn.close()
    return out


class Running(sb.Server):
    """A server this script did not start, measured through /proc by its process id like one it starts."""

    def __init__(self, pid):  # noqa: super().__init__ would start a server
        self.proc = types.SimpleNamespace(pid=pid)

    def stop(self):
        pass


def pct(values, p):
    return sb.percentile(values, p) if values else float("nan")


def describe(lat):
    return (f"median {pct(lat, 50):6.1f} ms, p90 {pct(lat, 90):6.1f} ms, p99 {pct(lat, 99):6.1f} ms, "
            f"max {lat[-1] if lat else float('nan'):6.1f} ms ({len(lat)} uploads)")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--uploads", type=int, default=100)
    ap.add_argument("--kb", type=int, default=250, help="size of each critique in KB (default 250)")
    ap.add_argument("--series", type=int, default=60, help="versions handed in one by one on the quiet server")
    ap.add_argument("--rush-rounds", type=int, default=5, help="sign-up rushes to upload through (0: none)")
    ap.add_argument("--rush-clients", type=int, default=500)
    ap.add_argument("--port", type=int, default=8097)
    ap.add_argument("--jar")
    ap.add_argument("--java-opts", default="")
    ap.add_argument("--summary", help="write the figures to this file as key=value lines")
    ap.add_argument("--url", help="use the server running there instead of starting one")
    ap.add_argument("--pid", type=int, help="with --url: the server's process id, for its CPU and memory")
    args = ap.parse_args()
    if args.url and not args.pid:
        ap.error("--url needs --pid")
    root = os.path.abspath(os.path.join(HERE, "..", ".."))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = (args.uploads + args.rush_clients) * 2 + 256
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard) if hard != resource.RLIM_INFINITY else want, hard))
    work = tempfile.mkdtemp(prefix="paperclub-uploads-")
    server = None
    failures = []
    try:
        if args.url:
            u = urllib.parse.urlsplit(args.url)
            host, port = u.hostname, u.port or 80
            server = Running(args.pid)
        else:
            host, port = "127.0.0.1", sb.free_port(args.port)
            server = sb.Server(root, port, work, args.java_opts.split(), None, "server", args.jar)
            server.wait_healthy()
            print(f"started the app ({args.java_opts or 'default JVM'}) on port {port}", flush=True)
        instr = sb.sign_in(host, port, sb.INSTRUCTOR["email"], sb.INSTRUCTOR["password"])
        ts = datetime.datetime.now().strftime("%Y%m%d%H%M%S") + f"-{os.getpid()}"
        _, course = instr.call("POST", "/api/courses/import", course_yaml("UPLOAD-" + ts), "application/yaml",
                               expect=(201,))
        cid = course["id"]
        _, sessions = instr.call("GET", f"/api/courses/{cid}/sessions")
        _, papers = instr.call("GET", f"/api/courses/{cid}/papers")
        sessions = sorted(sessions, key=lambda s: s["number"])
        pid = {p["title"]: p["id"] for p in papers}
        emails = [f"upload{i + 1}-{ts}@example.edu" for i in range(args.uploads)]
        enrol(instr, cid, emails)
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            students = list(pool.map(lambda e: sb.sign_in(host, port, e, "bench-password"), emails))

        b = burst(students, cid, sessions[0]["id"], pid["Paper one"], args.kb, server)
        failures += b["bad"]
        _, listed = instr.call("GET", f"/api/courses/{cid}/critiques")
        handed_in = len(listed) if isinstance(listed, list) else len(listed.get("critiques", []))
        if handed_in != args.uploads:
            failures.append(f"the instructor's list has {handed_in} critiques for {args.uploads} uploads")
        rss_burst = server.peak_rss_mb()
        print(f"burst: {args.uploads} uploads of {b['bytes'] / 1024:.0f} KB released together: {describe(b['lat'])}; "
              f"all answered in {b['wall'] * 1000:.0f} ms; server CPU {b['cpu_ms']:.1f} ms per upload; "
              f"peak RSS so far {rss_burst:.0f} MB", flush=True)

        pdf = one_page_pdf(7, args.kb)
        series(students[0], cid, sessions[1]["id"], pid["Paper two"], pdf, 15)   # warm-up, not counted
        quiet = series(students[0], cid, sessions[1]["id"], pid["Paper two"], pdf, args.series)
        failures += [f"series: {r[0]} {r[4]}" for r in quiet if r[0] != 201]
        quiet_lat = sorted(r[1] * 1000 for r in quiet if r[0] == 201)
        print(f"upload to verdict, one at a time, quiet server: {describe(quiet_lat)}", flush=True)

        during = []
        if args.rush_rounds:
            rush_emails = [f"rush{i + 1}-{ts}@example.edu" for i in range(args.rush_clients)]
            rushers = None
            for rnd in range(1, args.rush_rounds + 1):
                rcid, groups, passwords = sb.set_up_course(instr, f"U{ts}-{rnd}", rush_emails)
                if rushers is None:
                    with concurrent.futures.ThreadPoolExecutor(16) as pool:
                        rushers = list(pool.map(lambda e: sb.sign_in(host, port, e, passwords[e]), rush_emails))
                stop = threading.Event()
                got = []
                uploader = threading.Thread(target=lambda: got.extend(
                    series(students[1], cid, sessions[1]["id"], pid["Paper two"], pdf, stop=stop)), daemon=True)
                uploader.start()
                time.sleep(0.3)   # the uploader is under way before the rush's clients start
                t0 = time.perf_counter()
                r = sb.rush(host, [port], rcid, groups, rushers, server)
                t1 = time.perf_counter()
                stop.set()
                uploader.join()
                start, end = r.get("start", t0), r.get("end", t1)
                overlapping = [u for u in got if u[3] >= start and u[2] <= end]
                failures += [f"rush round {rnd}: upload {u[0]} {u[4]}" for u in overlapping if u[0] != 201]
                during += [u[1] * 1000 for u in overlapping if u[0] == 201]
                over, _, _ = sb.check_board(instr, rcid)
                if over:
                    failures.append(f"rush round {rnd}: {over} overbooked seats")
                rl = r["lat"]
                print(f"  rush round {rnd}: sign-ups p99 {pct(rl, 99):.0f} ms; {len(overlapping)} uploads overlapped it",
                      flush=True)
            during.sort()
            print(f"upload to verdict, one at a time, during the rushes: {describe(during)}", flush=True)
        rss = server.peak_rss_mb()
        load = os.getloadavg()
        print(f"peak resident memory of the server through all of it: {rss:.0f} MB (goal <= 256 MB); "
              f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        if args.summary:
            with open(args.summary, "w") as f:
                f.write(f"burst_p50={pct(b['lat'], 50):.0f}\nburst_p99={pct(b['lat'], 99):.0f}\n")
                f.write(f"burst_cpu_ms={b['cpu_ms']:.1f}\nburst_rss_mb={rss_burst:.0f}\nrss_mb={rss:.0f}\n")
                f.write(f"quiet_p50={pct(quiet_lat, 50):.1f}\nquiet_p99={pct(quiet_lat, 99):.1f}\n")
                if during:
                    f.write(f"rush_p50={pct(during, 50):.1f}\nrush_p99={pct(during, 99):.1f}\n")
                f.write(f"failures={len(failures)}\nload={load[0]:.2f}\n")
        for x in failures[:20]:
            print("  FAIL " + x)
        return 1 if failures else 0
    except Fail as e:
        print(f"upload-burst: {e}", file=sys.stderr)
        return 2
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
