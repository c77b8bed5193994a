#!/usr/bin/env bash
# Launch-to-first-answer of Paperclub with the demo course, the figure README.md quotes.
#   bash src/bench/startup.sh [runs]      (default 7 runs of each kind)
# Kinds: "first start" (empty data folder: migrations, demo course import, demo accounts), "restart" (the same
# data folder again), and both again with an AppCDS archive (-XX:SharedArchiveFile) made by one training run.
# Each run polls GET /api/courses (answered 401 without sign-in: served by the full HTTP + security stack)
# every 5 ms from the moment java is launched (python3 polls); prints every run and the median.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
port=${PAPERCLUB_BENCH_PORT:-8097}
jar=$(ls target/paperclub-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  mvn -q -B package -DskipTests
  jar=$(ls target/paperclub-*.jar | grep -v original | head -1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# one_run DATA_DIR [java options...] -> prints milliseconds to the first answer
one_run() {
  local data=$1; shift
  local start end pid
  start=$(now_ms)
  PAPERCLUB_PORT=$port PAPERCLUB_DATA_DIR=$data java "$@" -jar "$jar" >"$work/out.log" 2>&1 &
  pid=$!
  # One light poller process (not a curl per try, which would steal the CPU the app starts on).
  if ! python3 - "$port" "$pid" <<'PY'
import http.client, os, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
while True:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        c.request("GET", "/api/courses")
        c.getresponse().read()
        sys.exit(0)
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            sys.exit(1)
        time.sleep(0.005)
PY
  then echo "the app died:" >&2; tail -20 "$work/out.log" >&2; exit 1; fi
  end=$(now_ms)
  kill $pid; wait $pid 2>/dev/null || true
  echo $((end - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

measure() {
  local label=$1 fresh=$2; shift 2
  local times=()
  for i in $(seq 1 "$runs"); do
    local data="$work/data-$label"
    if [ "$fresh" = yes ]; then rm -rf "$data"; fi
    times+=("$(one_run "$data" "$@")")
  done
  printf '%-34s median %5d ms   runs: %s\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "Paperclub start-up, $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "first start (demo import)" yes
one_run "$work/warm" >/dev/null   # makes the database the restarts reuse
measure "restart" no
# The training run writes the archive when the app exits.
one_run "$work/train" -XX:ArchiveClassesAtExit="$work/app.jsa" >/dev/null
measure "first start, AppCDS" yes -XX:SharedArchiveFile="$work/app.jsa"
measure "restart, AppCDS" no -XX:SharedArchiveFile="$work/app.jsa"
measure "restart, AppCDS + C1 only" no -XX:SharedArchiveFile="$work/app.jsa" -XX:TieredStopAtLevel=1
