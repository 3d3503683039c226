#!/usr/bin/env bash
# `make run`: the development server plus the background worker (search index
# updates, outbox deliveries, e-mail), stopped together with Ctrl-C.
set -euo pipefail
python=${1:?usage: run_dev.sh PYTHON HOST PORT}
host=${2:-127.0.0.1}
port=${3:-8000}
# Links in notification e-mails point at this server (seed_demo --base-url does the
# same for the demo transaction back-end); an explicit setting wins.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$host:$port}"

"$python" manage.py db_worker --queue-name '*' >/tmp/disnaker-worker.log 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Background worker running (log: /tmp/disnaker-worker.log)"
echo "Serving http://$host:$port/"
"$python" manage.py runserver "$host:$port"
