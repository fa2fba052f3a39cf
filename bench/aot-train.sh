#!/usr/bin/env bash
# Writes a JDK 25+ AOT cache (JEP 483/515, Project Leyden) for target/quarkus-app: one training run that starts the
# packaged app, waits until it is ready (the embedding model loaded), opens the pages and a few API calls, and stops
# it; the JVM writes app.aot at exit. Start with the same JVM and flags: java -XX:AOTCache=app.aot ... -jar quarkus-run.jar
# Usage: bench/aot-train.sh [app dir, default target/quarkus-app] -- JVM flags...   (JAVA: a JDK 25 java)
# The packaged app runs on PostgreSQL: set DB_URL, DB_USER, DB_PASSWORD as for bench/startup.sh (any database it
# may migrate; the training run only reads).
set -euo pipefail
dir=${1:-target/quarkus-app}; shift || true; [ "${1:-}" = "--" ] && shift
java=${JAVA:-java}
port=${AOT_TRAIN_PORT:-18097}
work=$(mktemp -d)
export SESSION_ENCRYPTION_KEY=${SESSION_ENCRYPTION_KEY:-$(head -c 48 /dev/urandom | base64)}
export PORT=$port
cd "$dir"
rm -f app.aot
"$java" -XX:AOTCacheOutput=app.aot "$@" -jar quarkus-run.jar > "$work/train.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
  kill -0 $pid 2>/dev/null || { cat "$work/train.log"; exit 1; }
  sleep 0.2
done
for path in / /interview.html /api/problems /q/health/live; do curl -s -o /dev/null "http://127.0.0.1:$port$path" || true; done
kill $pid; wait $pid || true
test -s app.aot || { cat "$work/train.log"; echo "no AOT cache written" >&2; exit 1; }
rm -rf "$work"
echo "wrote $dir/app.aot ($(du -h app.aot | cut -f1))"
