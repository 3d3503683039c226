#!/usr/bin/env bash
# The search benchmark: 1,000 then 20,000 pages on PostgreSQL, in databases of its own
# (search_bench, search_bench20; dropped and made again). See bench/README.md, "Search".
set -euo pipefail
cd "$(dirname "$0")/../.."
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -q)
ROUNDS="${ROUNDS:-10}"
url() { echo "postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:5432/$1"; }

for db in search_bench search_bench20; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db"; done
"${PSQL[@]}" -c "CREATE DATABASE search_bench"
DATABASE_URL=$(url search_bench) .venv/bin/python bench/search/generate.py --pages 1000
"${PSQL[@]}" -d search_bench -c "VACUUM ANALYZE"
DATABASE_URL=$(url search_bench) .venv/bin/python bench/search/latency.py --rounds "$ROUNDS"

"${PSQL[@]}" -c "CREATE DATABASE search_bench20 TEMPLATE search_bench"
DATABASE_URL=$(url search_bench20) .venv/bin/python bench/search/generate.py --pages 20000
"${PSQL[@]}" -d search_bench20 -c "VACUUM ANALYZE"
DATABASE_URL=$(url search_bench20) .venv/bin/python bench/search/latency.py --rounds "$ROUNDS"
