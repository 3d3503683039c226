#!/bin/sh
# Every fault scenario, or those named: bench/faults/run.sh [scenario ...]
# Starts a private PostgreSQL and Redis on free ports (never the shared 5432/6379), prints a
# PASS/FAIL table, writes bench/faults/results-<date>.md; exits non-zero when one fails.
# The Python runner stops what it started and removes its folder on exit, Ctrl-C or SIGTERM.
set -eu
cd "$(dirname "$0")/../.."
exec .venv/bin/python -m bench.faults "$@"
