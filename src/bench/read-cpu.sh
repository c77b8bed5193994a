#!/usr/bin/env bash
# One signed-in read under wrk, with what load distorts least on a shared machine: the server's CPU time per request
# (utime + stime of the server process over the measured run, /proc/<pid>/stat, divided by the requests) and its
# context switches per request, beside requests/s and the load average.
#
# Usage: src/bench/read-cpu.sh pc|bare JAR PORT [java flags...]
#   pc:   Paperclub's jar; signs in as student1@example.edu (demo data) and reads GET /api/courses/1/sessions/1
#   bare: the bare stack's jar (side-by-side's bare/, built in a temporary copy); reads its GET /api/papers
# Env: WARM (s, default 5) and DUR (s, default 10) of wrk -t2 -c32; DEFAULTJVM=1 starts without the recommended
# settings (then warm much longer: C2 compiling dominates a short run); KEEP=1 leaves the server running (for a
# JFR dump: add -XX:StartFlightRecording=... to the java flags, then jcmd PID JFR.dump filename=...).
# Run the two jars back to back, alternating, several times: only same-minute comparisons mean anything here.
set -u
kind=$1 jar=$(readlink -f "$2") port=$3; shift 3
work=$(mktemp -d /tmp/read-cpu.XXXX)
opts=""
# The recommended settings, as pom.xml gives them to `mvn mn:run` and start.sh uses them.
[ -z "${DEFAULTJVM:-}" ] && opts=$(sed -n 's|.*<paperclub.jvmOptions>\(.*\)</paperclub.jvmOptions>.*|\1|p' \
  "$(dirname "$(readlink -f "$0")")/../../pom.xml")
cd "$work"
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 MICRONAUT_SERVER_PORT=$port PAPERCLUB_PORT=$port PAPERCLUB_DATA_DIR=$work/data \
  java $opts "$@" -jar "$jar" >"$work/app.log" 2>&1 &
pid=$!
up() { for _ in $(seq 1 1500); do curl -s -o /dev/null "localhost:$port$1" && return 0; sleep 0.05; done; return 1; }
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
csw() { cat /proc/$pid/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s}'; }
if [ "$kind" = pc ]; then
  up /health
  curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
    -d '{"email":"student1@example.edu","password":"paperclub"}' "http://127.0.0.1:$port/api/auth/login" >/dev/null
  header="Cookie: PAPERCLUB_SESSION=$(awk '$6=="PAPERCLUB_SESSION"{print $7}' "$work/cookies")"
  url="http://127.0.0.1:$port/api/courses/1/sessions/1"
else
  up /api/hello; header="X-Bench: 1"; url="http://127.0.0.1:$port/api/papers"
fi
wrk -t2 -c32 -d"${WARM:-5}"s -H "$header" "$url" >/dev/null
c0=$(cpu); w0=$(csw); l0=$(cut -d' ' -f1 /proc/loadavg)
out=$(wrk -t2 -c32 -d"${DUR:-10}"s -H "$header" "$url")
c1=$(cpu); w1=$(csw); l1=$(cut -d' ' -f1-3 /proc/loadavg)
n=$(echo "$out" | awk '/requests in/ {print $1}')
echo "$kind $(basename "$jar"): $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, $n requests," \
  "$(awk -v c=$((c1 - c0)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", c * 1e6 / hz / n}') us of server CPU per request," \
  "$(awk -v c=$((w1 - w0)) -v n="$n" 'BEGIN {printf "%.2f", c / n}') context switches per request; load $l0 -> $l1" \
  "$(echo "$out" | grep -i non-2xx)"
if [ -n "${KEEP:-}" ]; then echo "server pid=$pid dir=$work"; else kill "$pid"; wait "$pid" 2>/dev/null; rm -rf "$work"; fi
