#!/usr/bin/env bash
# The gradebook at scale as a site runs it: GradebookBenchmark's course (2,000 students x 30 sessions) generated into a
# PostgreSQL schema, then Paperclub's jar started on it as its own process with the recommended JVM settings (pom.xml's
# paperclub.jvmOptions, MALLOC_ARENA_MAX=2) and the instructor's summary and gradebook CSV timed with curl (30 warm-up
# calls, then 20 timed), with the collections, the server's CPU and its peak RSS. GradebookBenchmark itself runs the
# app inside the test JVM (its default heap and C2), so its figures are the code's; these are the recommended settings'.
#   src/bench/gradebook-server.sh [JAR ...]   (default: target/paperclub-*.jar; PAPERCLUB_EXTRA_OPTS adds JVM options)
# With several jars (an A/B: an older build against a newer one), the course is generated once and the jars take
# turns on it, ROUNDS times (default 1); each line ends with a checksum of the summary, which two builds that should
# agree must share.
# Needs PostgreSQL on 127.0.0.1:5432 (database test, user postgres, trust), psql and curl. The schema is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
jars=("$@")
if [ ${#jars[@]} -eq 0 ]; then
  jars=("$(ls target/paperclub-*.jar 2>/dev/null | grep -v original | head -1 || true)")
fi
for jar in "${jars[@]}"; do
  [ -n "$jar" ] && [ -f "$jar" ] || { echo "no jar ($jar): build it with ./mvnw package -DskipTests" >&2; exit 2; }
done
work=$(mktemp -d /tmp/paperclub-gradebook.XXXX)
./mvnw -q -B -o -Pbench test -Dtest=GradebookBenchmark -Dpaperclub.test.db=postgres -Dbench.generateOnly=true \
  -Dpaperclub.test.keepSchema=true >"$work/generate.txt" 2>&1
line=$(grep "schema kept:" target/bench/gradebook.txt)
schema=$(sed 's/.*schema kept: \([a-z0-9_]*\).*/\1/' <<<"$line")
course=$(sed 's/.*(course \([0-9]*\)).*/\1/' <<<"$line")
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
opts="$(sed -n 's|.*<paperclub.jvmOptions>\(.*\)</paperclub.jvmOptions>.*|\1|p' pom.xml) ${PAPERCLUB_EXTRA_OPTS:-}"
port=18995
echo "gradebook of 2,000 x 30 on PostgreSQL, a server of its own with the recommended settings ($opts); load $(cut -d' ' -f1-3 /proc/loadavg)"

one() {
  local jar=$1 gc=$work/gc.log cookies=$work/cookies
  rm -rf "$work/data" "$gc" "$cookies"
  # shellcheck disable=SC2086 # the options are words
  MALLOC_ARENA_MAX=2 PAPERCLUB_PORT=$port PAPERCLUB_DATA_DIR=$work/data PAPERCLUB_DATABASE_USER=postgres \
    PAPERCLUB_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
    java $opts -Xlog:gc:file="$gc" -jar "$jar" >"$work/app.txt" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -s -o /dev/null "127.0.0.1:$port/health" && break; sleep 0.1; done
  curl -s -c "$cookies" -o /dev/null "127.0.0.1:$port/api/me"
  local xsrf
  xsrf=$(awk '/XSRF/ {print $7}' "$cookies")
  curl -s -c "$cookies" -b "$cookies" -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' \
    -d '{"email":"instructor@example.edu","password":"paperclub"}' -o /dev/null "127.0.0.1:$port/api/auth/login"
  echo "  $(basename "$jar"), load $(cut -d' ' -f1 /proc/loadavg):"
  for path in grades/summary gradebook.csv; do
    for _ in $(seq 1 30); do curl -sf -b "$cookies" -o /dev/null "127.0.0.1:$port/api/courses/$course/$path"; done
    for _ in $(seq 1 20); do curl -sf -b "$cookies" -o /dev/null -w "%{time_total}\n" "127.0.0.1:$port/api/courses/$course/$path"; done |
      sort -n | awk -v p="$path" '{a[NR] = $1 * 1000} END {printf "    GET %-16s median %4.0f ms, p90 %4.0f ms, max %4.0f ms (20 calls after 30)\n", p, a[int(NR / 2)], a[int(NR * 0.9)], a[NR]}'
  done
  local sum cpu
  sum=$(curl -sf -b "$cookies" "127.0.0.1:$port/api/courses/$course/grades/summary" | md5sum | cut -c1-8)
  cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$pid/stat")
  echo "    full collections: $(grep -c 'Pause Full' "$gc"), young: $(grep -c 'Pause Young' "$gc"), in collections: $(awk '/Pause/ {gsub("ms", "", $NF); s += $NF} END {printf "%.1f s", s / 1000}' "$gc"); server CPU from its start: $cpu s; peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"); summary checksum $sum"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}

for _ in $(seq 1 "${ROUNDS:-1}"); do
  for jar in "${jars[@]}"; do
    one "$jar"
  done
done
echo "  load $(cut -d' ' -f1-3 /proc/loadavg)"
