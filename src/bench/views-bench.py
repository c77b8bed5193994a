#!/usr/bin/env python3
# Issue 12's figure: the requests each page makes for its data on first load, and each answer's time, on the demo
# data (course 1, CMSC 848K), as the student and as the instructor.
#   python3 src/bench/views-bench.py --url http://127.0.0.1:8080 [--runs 7]
# The table of pages below mirrors what frontend/views/*.js fetch when they open (their Promise.all and the loads
# right after; the shell's own /api/me, once per page load, is not a view's); update it with them.
# web/ViewRequestsPageTest counts the same in a browser. Each answer is timed on loopback from sending the request to its last byte
# (the server's time plus a loopback hop), the median of --runs after one warm-up. The goals: at most 2 requests
# per page, each answer under 100 ms. Python standard library only; needs a running server with the demo courses.
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse

B = "/api/courses/1"
# {session} and {student} are filled in at start: the course's first session, and student1's user id.
PAGES = {  # page -> (who, [paths fetched on opening it])
    "home (/)": ("student", ["/api/me/home"]),
    "home (/), staff": ("instructor", ["/api/me/home"]),
    "course schedule": ("student", [B + "/schedule", B + "/me"]),
    "course schedule, staff": ("instructor", [B + "/schedule", B + "/me"]),
    "sign-up board": ("student", [B + "/signups/board", B + "/papers"]),
    "sign-up board, staff": ("instructor", [B + "/signups/board", B + "/papers"]),
    "coverage (staff)": ("instructor", [B + "/signups/coverage", B + "/signups/board"]),
    "critiques": ("student", [B + "/schedule", B + "/critiques/overview"]),
    "critiques, staff": ("instructor", [B + "/schedule", B + "/critiques/overview"]),
    "grading sheet (staff)": ("instructor", [B, B + "/sessions/{session}/grading"]),
    "grade summary (staff)": ("instructor", [B, B + "/grades/summary"]),
    "a student's grades": ("instructor", [B, B + "/grades/students/{student}"]),
    "my grades": ("student", [B, B + "/grades/me"]),
    "roster (staff)": ("instructor", [B + "/roster"]),
    "account": ("student", ["/api/me/calendar-link"]),
    "start a course (staff)": ("instructor", []),
}
WHO = {"student": "student1@example.edu", "instructor": "instructor@example.edu"}


def sign_in(host, port, email):
    c = http.client.HTTPConnection(host, port, timeout=30)
    c.request("POST", "/api/auth/login", json.dumps({"email": email, "password": "paperclub"}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
    cookie = [h.split(";", 1)[0] for h in r.msg.get_all("Set-Cookie") or [] if h.startswith("PAPERCLUB_SESSION=")]
    if r.status != 200 or not cookie:
        sys.exit(f"sign-in of {email} answered {r.status}")
    return cookie[0]


def timed(conn, path, cookie):
    t = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie, "Accept": "application/json"})
    r = conn.getresponse()
    body = r.read()
    return (time.perf_counter() - t) * 1000, r.status, len(body)


def read(conn, path, cookie):
    conn.request("GET", path, headers={"Cookie": cookie, "Accept": "application/json"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit(f"{path} answered {r.status}")
    return json.loads(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    u = urllib.parse.urlsplit(args.url)
    cookies = {k: sign_in(u.hostname, u.port, v) for k, v in WHO.items()}
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    fill = {"session": str(read(conn, B + "/sessions", cookies["instructor"])[0]["id"]),
            "student": str(next(p["userId"] for p in read(conn, B + "/roster", cookies["instructor"])
                                if p["email"] == WHO["student"]))}
    worst_count, worst_ms, bad = 0, 0.0, []
    print(f"{'page':<26} {'who':<11} {'requests':>8} {'slowest answer (median ms)':>28}  path")
    for page, (who, paths) in PAGES.items():
        slowest = (0.0, "")
        for p in (p.format(**fill) for p in paths):
            timed(conn, p, cookies[who])
            runs = []
            for _ in range(args.runs):
                ms, status, _ = timed(conn, p, cookies[who])
                if status != 200:
                    bad.append(f"{p} as {who}: {status}")
                runs.append(ms)
            m = statistics.median(runs)
            slowest = max(slowest, (m, p))
        worst_count, worst_ms = max(worst_count, len(paths)), max(worst_ms, slowest[0])
        print(f"{page:<26} {who:<11} {len(paths):>8} {slowest[0]:>28.1f}  {slowest[1]}")
    print(f"most requests for one page: {worst_count} (goal <= 2); slowest answer {worst_ms:.1f} ms (goal < 100)")
    with open("/proc/loadavg") as f:
        print("load average " + " ".join(f.read().split()[:3]))
    for b in bad:
        print("FAIL " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
