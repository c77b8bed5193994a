#!/usr/bin/env bash
# Starts Paperclub from its jar with the JVM settings README recommends, and a class-data (AppCDS) archive that
# the first run makes when it stops and every later run starts from (JDK 17 makes none by itself).
#   src/bench/start.sh [JAR]          (default: target/paperclub-*.jar, built with ./mvnw package)
# The usual environment applies (PAPERCLUB_PORT, PAPERCLUB_DATA_DIR, PAPERCLUB_DATABASE_URL, ...). Knobs:
#   PAPERCLUB_JAVA_OPTS   the JVM settings (default below; the same as `mvn mn:run` uses, in pom.xml)
#   PAPERCLUB_CDS         the archive (default: beside the jar, paperclub.jsa); a jar newer than it makes a new one
# Stop it with SIGTERM (Ctrl-C): the first run writes the archive as it exits.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${1:-$(ls target/paperclub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[ -n "$jar" ] && [ -f "$jar" ] || { echo "no jar: build it with ./mvnw package -DskipTests" >&2; exit 2; }
# Why each setting: pom.xml's paperclub.jvmOptions (they must stay equal; SmallHeapBurstTest proves that heap safe).
opts=${PAPERCLUB_JAVA_OPTS:--XX:+UseSerialGC -Xmx128m -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1 -Djdk.nio.maxCachedBufferSize=262144 -Dio.netty.allocator.type=unpooled -XX:TrimNativeHeapInterval=1000 -XX:Tier3InvocationThreshold=100 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=1000 -XX:Tier3BackEdgeThreshold=30000}
# glibc's per-thread malloc arenas otherwise hold tens of MB the JVM does not use.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
archive=${PAPERCLUB_CDS:-$(dirname "$jar")/paperclub.jsa}
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  # Mapped where it was made, as JDKs did by default until 2023: relocating the ~90 MB archive to a random address
  # (ArchiveRelocationMode=1, today's default) costs 0.1-0.3 s of every start. Drop the two flags for that ASLR.
  cds=(-XX:SharedArchiveFile="$archive" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
else
  rm -f "$archive"
  cds=(-XX:ArchiveClassesAtExit="$archive")
fi
# shellcheck disable=SC2086 # the options are words
exec java "${cds[@]}" $opts -jar "$jar"
