#!/usr/bin/env bash
# Start-up and idle memory of the packaged app (issue 11): time from `java` to the first 200 from /q/health/live and
# from /q/health/ready (and the process CPU time, user + system, at each: it depends little on other load), the `started in` of the Quarkus log, and VmRSS right after readiness and after IDLE seconds.
# Usage: bench/startup.sh [label] -- JVM flags...   (env: DB_URL DB_USER DB_PASSWORD; PORT default 18099; IDLE 10)
# Needs target/quarkus-app (./mvnw -o -q package -DskipTests). Stops the app it started at the end.
set -u
label=${1:-default}; shift || true; [ "${1:-}" = "--" ] && shift
port=${PORT:-18099}; idle=${IDLE:-10}
export SESSION_ENCRYPTION_KEY=${SESSION_ENCRYPTION_KEY:-$(openssl rand -base64 48)}
ms() { date +%s%3N; }
log=$(mktemp /tmp/startup-XXXX.log)
t0=$(ms)
# From inside target/quarkus-app, as Quarkus's AppCDS archive (-XX:SharedArchiveFile=app-cds.jsa) expects.
(cd target/quarkus-app && PORT=$port exec java "$@" -jar quarkus-run.jar) > "$log" 2>&1 &
pid=$!
live=""; ready=""; cpu_live=""
cpu() { awk '{print ($14 + $15) * 10}' /proc/$pid/stat; }
while kill -0 $pid 2>/dev/null; do
  now=$(ms)
  if [ -z "$live" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/live"; then live=$((now - t0)); cpu_live=$(cpu); fi
  if [ -n "$live" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then ready=$((now - t0)); break; fi
  [ $((now - t0)) -gt 300000 ] && break
  if [ -n "$live" ]; then sleep 0.25; else sleep 0.05; fi
done
rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status; }
rss_ready=$(rss); cpu_ready=$(cpu); sleep "$idle"; rss_idle=$(rss)
rss_parts=$(awk '/RssAnon|RssFile/{printf "%s %d MB  ", $1, $2/1024}' /proc/$pid/status)
started=$(grep -o 'started in [0-9.]*s' "$log" | head -1)
model=$(grep -o 'Embedding model ready.*' "$log" | head -1)
kill $pid; wait $pid 2>/dev/null
echo "$label | live ${live:-none} ms (CPU ${cpu_live} ms) | ready ${ready:-none} ms (CPU ${cpu_ready} ms) | $started | RSS ready ${rss_ready} MB, idle ${idle}s ${rss_idle} MB ($rss_parts) | $model | load $(cut -d' ' -f1-3 /proc/loadavg)"
