"""Elasticsearch unreachable: searches are answered from the database backend, with a
warning in the log, and never with a 5xx.

Two ways of being unreachable, each with its own gunicorn and ``ELASTICSEARCH_URL``:

* refused: a closed port on 127.0.0.1 (Elasticsearch stopped);
* silent: a port that accepts connections and never answers (Elasticsearch hung, or a
  firewall that drops packets), so every call waits for the client's timeout
  (``TIMEOUT`` 5 s in config/settings/base.py).

Each time, once the workers have served a page, threads search for a while (``CASES``:
threads, seconds) with queries the demo content answers; then /readyz is asked once.

Passes when, for both: every search answered 200 with a list of results (the database
index answered); the log names the fallback ("answering from the 'database'
backend"); /readyz said 200 "degraded" with the search backend in error.
"""

import json
import socket
import sys
import time

from bench.common import free_port
from bench.faults.harness import Load, Result, check, ms

#: Searches that the demo content answers.
QUERIES = ["/id/search/?q=pelatihan", "/id/search/?q=kartu+kuning", "/en/search/?q=training"]
#: The list of results on the search page (search/templates/search/search.html).
RESULTS_MARKER = 'class="search-results"'
CASES = {"refused": (3, 15.0), "silent": (2, 20.0)}  # name: (threads, seconds)
FALLBACK_WARNING = "answering from the 'database' backend"


def _silent_port():
    """A listening socket that never accepts: connections open, nothing ever answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    return sock


def _case(lab, name):
    threads, seconds = CASES[name]
    silent = _silent_port() if name == "silent" else None
    port = silent.getsockname()[1] if silent else free_port()
    site = lab.gunicorn(f"elasticsearch_{name}", ELASTICSEARCH_URL=f"http://127.0.0.1:{port}")
    site.start()
    try:
        warm = Load([site.base + "/id/"], threads=4, timeout=60)  # workers loaded, not searched yet
        warm.start()
        time.sleep(2)
        warm.stop()
        load = Load([site.base + path for path in QUERIES], threads=threads, timeout=120, body=True)
        load.start()
        time.sleep(seconds)
        samples = load.stop()
        import requests

        ready = requests.get(site.base + "/readyz", timeout=30)
        log = site.log()
    finally:
        site.stop()
        if silent:
            silent.close()
    found = [s for s in samples if s.outcome == "200" and RESULTS_MARKER in s.body]
    return {
        "name": name,
        "samples": samples,
        "found": found,
        "ready": ready.status_code,
        "ready_body": json.loads(ready.text) if "json" in ready.headers.get("Content-Type", "") else {},
        "warnings": log.count(FALLBACK_WARNING),
        "kind": site.kind,
    }


def run(lab):
    result = Result("elasticsearch_unreachable", False, "")
    cases = [_case(lab, name) for name in CASES]
    checks = result.checks
    summary = []
    for case in cases:
        samples, name = case["samples"], case["name"]
        latencies = [s.seconds for s in samples]
        outcomes = sorted({s.outcome for s in samples})
        components = case["ready_body"].get("components", {})
        check(checks, f"{name}: every search 200 ({len(samples)} answered)", samples and outcomes == ["200"])
        check(checks, f"{name}: every search showed results", len(case["found"]) == len(samples))
        check(checks, f"{name}: the fallback is logged", case["warnings"] > 0)
        check(
            checks,
            f"{name}: /readyz 200 degraded, search backend in error",
            case["ready"] == 200
            and case["ready_body"].get("status") == "degraded"
            and components.get("search:default", {}).get("status") == "error",
        )
        summary.append(f"{name}: {len(samples)} searches, p50 {ms(latencies, 0.5)}, max {ms(latencies)}")
        result.details.append(
            f"- {name} ({case['kind']}): {len(samples)} searches, outcomes {outcomes}, results listed "
            f"in {len(case['found'])}; latency p50 {ms(latencies, 0.5)}, p95 {ms(latencies, 0.95)}, "
            f"max {ms(latencies)}; fallback warnings in the log: {case['warnings']}; /readyz "
            f"{case['ready']} {case['ready_body'].get('status')}, search:default "
            f"{components.get('search:default')}."
        )
    result.passed = all(passed for _, passed in checks)
    result.summary = "; ".join(summary)
    return result


if __name__ == "__main__":
    from bench.faults.__main__ import main

    sys.exit(main(["elasticsearch_unreachable"]))
