"""Redis stopped under load: the site serves uncached (no 5xx), /readyz says degraded and
keeps the server in rotation; Redis started again: the cache is used again, by itself.

gunicorn (config/gunicorn.py, 2 workers) with ``REDIS_URL`` on a private redis-server and the page cache
on (``PAGE_CACHE_SECONDS=600``, as in production). Four threads ask for pages that the
cache holds (home, service directory, an information page) and a search; a fifth asks
/readyz twice a second. After ``WARM`` seconds redis-server is stopped (SIGTERM), ``DOWN``
seconds later a new one starts on the same port (empty), and the load runs ``AFTER``
seconds more.

Passes when: no answer is 5xx or a refused/timed-out connection; no answer took longer
than ``SLOW`` seconds; /readyz answered 200 "ok" before, 200 "degraded" (cache: error)
while Redis was down, and "ok" again after; pages came from the cache ("X-Page-Cache:
hit") before the stop, never while Redis was down, and again after it returned, which
also wrote keys to the new Redis.
"""

import json
import sys
import time

from bench.faults.harness import Load, Result, check, ms, per_second

WARM, DOWN, AFTER, SLOW = 5.0, 5.0, 6.0, 5.0


def _readyz(sample):
    try:
        return json.loads(sample.body)["status"]
    except (ValueError, KeyError):
        return "?"


def run(lab):
    result = Result("redis_stop", False, "")
    redis = lab.private_redis()
    redis.start()
    site = lab.gunicorn("redis_stop", REDIS_URL=redis.url, PAGE_CACHE_SECONDS=600)
    site.start()
    pages = [
        site.base + "/id/",
        site.base + "/id/layanan/",
        site.base + "/en/",
        site.base + "/id/search/?q=pelatihan",
    ]
    try:
        load = Load(pages, threads=4, timeout=30, keep=("X-Page-Cache",)).start()
        probes = Load([site.base + "/readyz"], threads=1, timeout=30, pause=0.5, body=True)
        probes.start(load.started)
        time.sleep(WARM)
        stopped_at = load.now()
        redis.stop()
        time.sleep(DOWN)
        start_issued = load.now()
        redis.start()
        started_at = load.now()
        time.sleep(AFTER)
        samples, probe_samples = load.stop(), probes.stop()
        keys_after = redis.keys()
    finally:
        site.stop()
        redis.stop()

    bad = [s for s in samples if not s.outcome.isdigit() or s.outcome.startswith("5")]
    slowest = max((s.seconds for s in samples), default=0)
    states = [(s.at, s.outcome, _readyz(s)) for s in probe_samples]
    before = [_readyz(s) for s in probe_samples if s.at + s.seconds < stopped_at]
    # Probes sent and answered while Redis was surely down: after the stop, and before the
    # new one was started (one queued behind the load may be answered after it is back).
    down = [
        (s.outcome, _readyz(s))
        for s in probe_samples
        if stopped_at + 0.6 < s.at and s.at + s.seconds < start_issued
    ]
    after = [state for at, _, state in states if at > started_at + 1.0]
    hits = {
        "before": sum(1 for s in samples if s.at < stopped_at and s.headers.get("X-Page-Cache") == "hit"),
        "down": sum(
            1
            for s in samples
            if stopped_at + 0.6 < s.at < started_at and s.headers.get("X-Page-Cache") == "hit"
        ),
        "after": sum(1 for s in samples if s.at > started_at and s.headers.get("X-Page-Cache") == "hit"),
    }
    checks = result.checks
    check(checks, "no 5xx and no refused or timed-out connection", not bad)
    check(checks, f"no answer slower than {SLOW:.0f} s", slowest < SLOW)
    check(checks, "/readyz ok before the stop", before and all(state == "ok" for state in before))
    check(
        checks,
        "/readyz 200 degraded while Redis was down (kept in rotation)",
        down and all(outcome == "200" and state == "degraded" for outcome, state in down),
    )
    check(checks, "/readyz ok again after Redis returned", after and after[-1] == "ok")
    check(checks, "pages from the cache before the stop", hits["before"] > 0)
    check(checks, "no page from the cache while Redis was down", hits["down"] == 0)
    check(checks, "pages from the cache again after Redis returned", hits["after"] > 0 and keys_after > 0)
    result.passed = all(passed for _, passed in checks)
    latencies = {
        name: [s.seconds for s in samples if condition(s.at)]
        for name, condition in [
            ("before", lambda at: at < stopped_at),
            ("down", lambda at: stopped_at <= at < started_at),
            ("after", lambda at: at >= started_at),
        ]
    }
    result.summary = (
        f"{len(samples)} requests, {len(bad)} failed; cache hits before/down/after "
        f"{hits['before']}/{hits['down']}/{hits['after']}; /readyz while down: "
        + ", ".join(sorted({state for _, state in down}))
    )
    result.details = [
        f"{site.kind}. redis-server stopped at {stopped_at:.1f} s (SIGTERM), a new one started at "
        f"{started_at:.1f} s on the same port. Pages: "
        + ", ".join(page[len(site.base) :] for page in pages)
        + ".",
        "Latency p50 / p95 before, while down, after: "
        + "; ".join(f"{name} {ms(values, 0.5)} / {ms(values, 0.95)}" for name, values in latencies.items())
        + f". Slowest answer {slowest:.2f} s. Keys in the new Redis at the end: {keys_after}.",
        "/readyz over time: "
        + ", ".join(
            f"{at:.1f} s {outcome} {state}" for at, outcome, state in states[:: max(len(states) // 12, 1)]
        )
        + ".",
        "",
        *per_second(samples, {int(stopped_at): "Redis stopped", int(started_at): "Redis started"}),
    ]
    return result


if __name__ == "__main__":
    from bench.faults.__main__ import main

    sys.exit(main(["redis_stop"]))
