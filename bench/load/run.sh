#!/usr/bin/env bash
# The load benchmark: wrk against gunicorn on loopback, PostgreSQL and Redis, for five
# addresses, with the anonymous page cache on and then off. See bench/README.md, "Load".
#
#   bench/load/run.sh                      # 2×cores+1 workers, wrk -t2 -c32 -d20s
#   WORKERS=2 DURATION=30s bench/load/run.sh
#   GUNICORN_EXTRA="--max-requests 0" bench/load/run.sh
#   WAIT_IDLE=1.5 bench/load/run.sh      # measure once the load average is below 1.5
#
# It makes a database of its own (load_bench, dropped first and at the end; never
# disnaker), migrates it, loads the demo content, collects the static files into a
# temporary folder with the production settings (bench/load/bench_settings.py), then for
# "on" (PAGE_CACHE_SECONDS=600), "off" (0, fragments kept) and "cold" (nothing kept) starts gunicorn with the project's
# config/gunicorn.py (the worker count and GUNICORN_EXTRA on the command line win), warms
# it up and runs wrk once per address. The table is printed and written to
# bench/load/results-<date>.md. "server CPU" is the CPU time gunicorn's processes used
# per request (user + system, workers restarted meanwhile included): unlike requests per
# second it hardly changes when other programs share the machine. Each row says whether it
# met its target (CACHED_RPS and the rest, below); the exit status is 3 when one did not.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

WORKERS="${WORKERS:-$((2 * $(nproc) + 1))}"
GUNICORN_EXTRA="${GUNICORN_EXTRA:-}"
THREADS="${THREADS:-2}"          # wrk threads
CONNECTIONS="${CONNECTIONS:-32}" # wrk connections
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-3s}"
DB="${LOAD_DB:-load_bench}"
# The targets of issue 9 on a two-core machine: a page from the cache, and a page rendered
# with the page cache off (the "cold" mode, nothing kept at all, has none). A row that
# misses its target is marked, and the script exits with 3 once the results are written.
CACHED_RPS=2000 CACHED_P99_MS=50 RENDERED_RPS=150
# A Redis database number and key prefix (bench_settings.py) of the benchmark's own.
REDIS="${LOAD_REDIS_URL:-redis://127.0.0.1:6379/7}"
PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"
PSQL=(psql -h "$PGHOST" -U "$PGUSER" -q -v ON_ERROR_STOP=1)
PY="$ROOT/.venv/bin/python"
[ "$DB" != "disnaker" ] || { echo "refusing to use the database disnaker" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

TMP=$(mktemp -d /tmp/disnaker-load.XXXXXX)
SERVER=""
stop_server() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=""
}
cleanup() {
  stop_server
  if [ -z "${KEEP:-}" ]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
    rm -rf "$TMP"
  else
    echo "kept: database $DB, folder $TMP"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export DJANGO_SETTINGS_MODULE=bench.load.bench_settings
export DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$DB"
export REDIS_URL="$REDIS"
export SECRET_KEY="load-bench-only-key-$(date +%s)-not-for-serving"
export FIELD_ENCRYPTION_KEYS="$("$PY" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
export FIELD_HASH_KEY="load-bench-hash-key"
export SECURE_SSL_REDIRECT=false
export STATIC_ROOT="$TMP/static" MEDIA_ROOT="$TMP/media" PRIVATE_MEDIA_ROOT="$TMP/private-media"
export LOG_LEVEL=WARNING
unset ELASTICSEARCH_URL

echo "== preparing $DB"
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB"
"${PSQL[@]}" -c "CREATE DATABASE $DB"
"$PY" manage.py compilemessages --ignore=.venv -v0
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py seed_demo >/dev/null
"$PY" manage.py update_index >/dev/null
"$PY" manage.py collectstatic --noinput -v0
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE"
mapfile -t PAGES < <("$PY" bench/load/pages.py)
# WAIT_IDLE=1.5: before measuring, wait (up to an hour) for the one-minute load average
# to fall below 1.5, on a machine shared with other work.
if [ -n "${WAIT_IDLE:-}" ]; then
  for _ in $(seq 1 720); do
    awk -v limit="$WAIT_IDLE" '{exit !($1 < limit)}' /proc/loadavg && break
    sleep 5
  done
fi

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# The project's gunicorn settings (worker class, threads, keep-alive, limits), when there
# are any; the options here win. The access log is formatted as in production, then dropped.
GUNICORN_ARGS=(config.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --log-level warning
  --access-logfile /dev/null)
[ -f config/gunicorn.py ] && GUNICORN_ARGS=(--config config/gunicorn.py "${GUNICORN_ARGS[@]}")
read -r -a EXTRA <<<"$GUNICORN_EXTRA"
GUNICORN_ARGS+=("${EXTRA[@]}")

start_server() { # $1: PAGE_CACHE_SECONDS, $2: FRAGMENT_CACHE_SECONDS
  PAGE_CACHE_SECONDS="$1" FRAGMENT_CACHE_SECONDS="$2" "$ROOT/.venv/bin/gunicorn" "${GUNICORN_ARGS[@]}" &
  SERVER=$!
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$BASE/id/"; then return 0; fi
    kill -0 "$SERVER" 2>/dev/null || { echo "gunicorn stopped" >&2; exit 1; }
    sleep 0.5
  done
  echo "gunicorn did not answer" >&2
  exit 1
}

loadavg() { cut -d' ' -f1 /proc/loadavg; }
# Clock ticks of CPU used by gunicorn: the master, its live workers, and the workers it
# has already reaped (the master's cutime/cstime).
server_ticks() {
  local total=0 pid fields
  for pid in "$SERVER" $(pgrep -P "$SERVER"); do
    read -r -a fields < <(cut -d' ' -f14-17 "/proc/$pid/stat" 2>/dev/null || echo 0 0 0 0)
    total=$((total + fields[0] + fields[1] + fields[2] + fields[3]))
  done
  echo "$total"
}
TICKS=$(getconf CLK_TCK)

# met / missed / – for one row: $1 mode, $2 X-Page-Cache, $3 requests/s, $4 p99 ms, $5 and
# $6 failed requests (any failure misses the target).
meets_target() {
  case "$1:$2" in
    cold:*) echo "–" ;;
    on:hit) awk -v r="$3" -v p="$4" -v f="$(($5 + $6))" -v rps="$CACHED_RPS" -v p99="$CACHED_P99_MS" \
      'BEGIN {print (r >= rps && p < p99 && f == 0) ? "met" : "missed"}' ;;
    *) awk -v r="$3" -v f="$(($5 + $6))" -v rps="$RENDERED_RPS" 'BEGIN {print (r >= rps && f == 0) ? "met" : "missed"}' ;;
  esac
}

ROWS=()
MISSED=0
# on: the page cache answers; off: every view is rendered, with the fragment cache and
# the remembered routes warm (a visitor with a session, an editor, a page past its cache
# lifetime); cold: nothing kept at all, every view rendered from
# the database as right after a publish. MODES="on off" runs only those.
for mode in ${MODES:-on off cold}; do
  seconds=600
  fragments=600
  [ "$mode" = on ] || seconds=0
  [ "$mode" = cold ] && fragments=0
  echo "== $mode: PAGE_CACHE_SECONDS=$seconds FRAGMENT_CACHE_SECONDS=$fragments, $WORKERS workers"
  start_server "$seconds" "$fragments"
  for entry in "${PAGES[@]}"; do
    label="${entry%%$'\t'*}"
    path="${entry#*$'\t'}"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$BASE$path")
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/load/report.lua "$BASE$path" >/dev/null
    cache=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$BASE$path" |
      tr -d '\r' | awk -F': ' 'tolower($1) == "x-page-cache" {print $2}')
    bytes=$(curl -s -H 'Accept-Encoding: gzip' "$BASE$path" | wc -c)
    load=$(loadavg)
    before=$(server_ticks)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load/report.lua "$BASE$path")
    after=$(server_ticks)
    echo "$out" | grep -v WRK_RESULT
    IFS=$'\t' read -r _ requests secs rps p50 p99 max non2xx errors <<<"$(echo "$out" | grep WRK_RESULT)"
    cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$requests" 'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}')
    target=$(meets_target "$mode" "${cache:-none}" "$rps" "$p99" "$non2xx" "$errors")
    [ "$target" != missed ] || MISSED=$((MISSED + 1))
    ROWS+=("| $label | \`$path\` | $mode (${cache:-none}) | $rps | $p50 | $p99 | $max | $non2xx | $errors | $requests | $bytes | $cpu | $load | $target |")
  done
  stop_server
done

# After a publish (bench/load/burst.py): BURST_VISITORS first-time visitors ask for the
# home page and the service page at the same moment, with one render per page (the
# default wait) and with every miss rendering (0). BURST=0 skips it.
BURST_ROWS=()
if [ "${BURST:-1}" = 1 ]; then
  for wait in 5 0; do
    export PAGE_CACHE_RENDER_WAIT_SECONDS="$wait"
    echo "== after a publish: PAGE_CACHE_RENDER_WAIT_SECONDS=$wait"
    start_server 600 600
    for entry in "${PAGES[@]:0:2}"; do
      label="${entry%%$'\t'*}"
      path="${entry#*$'\t'}"
      read -r renders p50 slowest < <("$PY" bench/load/burst.py "127.0.0.1:$PORT" "$path" --visitors "${BURST_VISITORS:-100}" --rounds 5)
      BURST_ROWS+=("| $label | $wait | $renders | $p50 | $slowest |")
    done
    stop_server
  done
  unset PAGE_CACHE_RENDER_WAIT_SECONDS
fi

STAMP=$(date +%Y-%m-%d-%H%M)
RESULT="bench/load/results-$STAMP.md"
{
  echo "# Load benchmark, $(date '+%Y-%m-%d %H:%M %Z'), $(hostname)"
  echo
  echo "$(nproc) CPUs ($(uname -m)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
    "gunicorn $("$PY" -c 'import gunicorn; print(gunicorn.__version__)'): $WORKERS workers," \
    "$( [ -f config/gunicorn.py ] && echo 'config/gunicorn.py' || echo 'gunicorn defaults')${GUNICORN_EXTRA:+, $GUNICORN_EXTRA};" \
    "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after ${WARMUP} warm-up), Accept-Encoding: gzip;" \
    "PostgreSQL $("${PSQL[@]}" -tAc 'SHOW server_version' | cut -d' ' -f1), Redis $REDIS."
  echo
  echo "| Page | Path | Cache (X-Page-Cache) | Requests/s | p50 ms | p99 ms | max ms | non-2xx/3xx | socket errors | requests | bytes | server CPU ms/req | load | target |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "\"load\": the one-minute load average when that row started; \"bytes\": the body as sent (gzip);" \
    "\"server CPU\": gunicorn's CPU time per request; \"target\": from the cache (hit) at least" \
    "$CACHED_RPS requests/s with p99 under $CACHED_P99_MS ms, rendered (\"on\" without a hit, \"off\")" \
    "at least $RENDERED_RPS requests/s, no failed request; $( [ "$MISSED" = 0 ] && echo "all met" || echo "$MISSED rows missed")."
  if [ ${#BURST_ROWS[@]} -gt 0 ]; then
    echo
    echo "After a publish: ${BURST_VISITORS:-100} first-time visitors ask for the page at the same moment" \
      "(bench/load/burst.py; medians of 5 rounds)."
    echo
    echo "| Page | PAGE_CACHE_RENDER_WAIT_SECONDS | renders | p50 ms | slowest ms |"
    echo "|---|---:|---:|---:|---:|"
    printf '%s\n' "${BURST_ROWS[@]}"
  fi
} >"$RESULT"
echo
cat "$RESULT"
echo
echo "written to $RESULT"
if [ "$MISSED" != 0 ]; then
  echo "$MISSED rows missed their target" >&2
  exit 3
fi
