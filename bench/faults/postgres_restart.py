"""PostgreSQL stopped and started again under load: errors only while it is down, answered
at once with the 503 page (not a hang), and the site recovers by itself.

gunicorn (config/gunicorn.py with 2 workers; persistent connections: CONN_MAX_AGE 60 with
CONN_HEALTH_CHECKS) serves the site from the private PostgreSQL. Four threads ask for
pages that need the database (searches and the service directory; the page cache is off,
``PAGE_CACHE_SECONDS=0``); a fifth asks /healthz and /readyz in turn, four times a second.
After ``WARM`` seconds ``pg_ctl stop -m fast`` stops PostgreSQL (it ends every open
connection), ``DOWN`` seconds later ``pg_ctl start`` brings it back, and the load runs
``AFTER`` seconds more.

Passes when: every non-200 answer falls between the stop and the start plus ``GRACE``
seconds (a request in flight at the stop counts as during it); each of them is a 503 with
Retry-After (no 500, no refused or timed-out connection); no answer took longer than
``SLOW`` seconds; /healthz answered 200 throughout and /readyz 503 while PostgreSQL was
down; pages answer 200 again after the grace in every second; and gunicorn's workers are
the same processes as before (nothing restarted).
"""

import sys
import time

from bench.faults.harness import Load, Result, check, ms, per_second

WARM, DOWN, AFTER, GRACE, SLOW = 5.0, 5.0, 8.0, 2.0, 5.0


def run(lab):
    result = Result("postgres_restart", False, "")
    site = lab.gunicorn("postgres_restart")
    site.start()
    pages = [
        site.base + "/id/search/?q=kartu+kuning",
        site.base + "/id/layanan/",
        site.base + "/en/search/?q=training",
    ]
    try:
        workers_before = site.worker_pids()
        load = Load(pages, threads=4, timeout=30, keep=("Retry-After",)).start()
        probes = Load([site.base + "/healthz", site.base + "/readyz"], threads=1, timeout=30, pause=0.25)
        probes.start(load.started)
        time.sleep(WARM)
        stopped_at = load.now()
        lab.postgres.stop("fast")
        time.sleep(DOWN)
        start_issued = load.now()  # PostgreSQL may accept connections before pg_ctl -w returns
        lab.postgres.start()
        started_at = load.now()
        time.sleep(AFTER)
        samples, probe_samples = load.stop(), probes.stop()
        workers_after = site.worker_pids()
    finally:
        site.stop()
        lab.close_connections()

    window_end = started_at + GRACE
    # A request in flight when PostgreSQL stopped belongs to the outage too: by the time
    # it was answered, the database had gone.
    errors = [s for s in samples if s.outcome != "200"]
    outside = [s for s in errors if s.at + s.seconds < stopped_at or s.at > window_end]
    during = [s for s in errors if s not in outside]
    not_clean = [s for s in during if s.outcome != "503" or not s.headers.get("Retry-After")]
    slowest = max((s.seconds for s in samples), default=0)
    healthz = [s for s in probe_samples if s.url.endswith("/healthz")]
    # Probes sent and answered while PostgreSQL was surely down: after the stop, and before
    # the start was asked for (one queued behind the load may be answered after it is back).
    readyz_down = [
        s
        for s in probe_samples
        if s.url.endswith("/readyz") and stopped_at + 0.5 < s.at and s.at + s.seconds < start_issued
    ]
    after_seconds = range(int(window_end) + 1, int(load_end(samples)))
    ok_after = {int(s.at) for s in samples if s.outcome == "200" and s.at > window_end}
    checks = result.checks
    check(checks, "errors only while PostgreSQL was down (+2 s grace)", not outside)
    check(
        checks, "every error a 503 with Retry-After (no 500, no refused connection)", during and not not_clean
    )
    check(checks, f"no answer slower than {SLOW:.0f} s (no hang)", slowest < SLOW)
    check(checks, "/healthz 200 throughout", healthz and all(s.outcome == "200" for s in healthz))
    check(checks, "/readyz 503 while down", readyz_down and all(s.outcome == "503" for s in readyz_down))
    check(
        checks,
        "pages 200 again in every second after the grace",
        all(sec in ok_after for sec in after_seconds),
    )
    check(checks, "same gunicorn workers (no restart)", workers_before == workers_after and workers_before)
    result.passed = all(passed for _, passed in checks)
    latencies = [s.seconds for s in samples if s.outcome == "200"]
    error_latencies = [s.seconds for s in during]
    first_ok = min((s.at for s in samples if s.outcome == "200" and s.at > started_at), default=None)
    result.summary = (
        f"{len(samples)} requests; {len(during)} errors, all in the {stopped_at:.1f}-{started_at:.1f} s "
        f"outage"
        + ("" if not outside else f", {len(outside)} outside it")
        + f"; first 200 {first_ok - started_at:.2f} s after the start" * (first_ok is not None)
    )
    result.details = [
        f"{site.kind}. PostgreSQL stopped at {stopped_at:.1f} s (pg_ctl stop -m fast), started at "
        f"{started_at:.1f} s (pg_ctl start -w returned). Pages: "
        + ", ".join(page[len(site.base) :] for page in pages)
        + ".",
        f"Answers while down: {len(during)} ({', '.join(sorted({s.outcome for s in during})) or 'none'}), "
        f"p50 {ms(error_latencies, 0.5)}, max {ms(error_latencies)}. 200 answers: p50 {ms(latencies, 0.5)}, "
        f"p95 {ms(latencies, 0.95)}; slowest of all {slowest:.2f} s.",
        f"/healthz: {len(healthz)} probes, outcomes {sorted({s.outcome for s in healthz})}; "
        f"/readyz while down: {sorted({s.outcome for s in readyz_down})}.",
        f"gunicorn workers before {workers_before}, after {workers_after}.",
        "",
        *per_second(
            samples,
            {int(stopped_at): "PostgreSQL stopped", int(started_at): "PostgreSQL started"},
        ),
    ]
    return result


def load_end(samples):
    return max((s.at for s in samples), default=0)


if __name__ == "__main__":
    from bench.faults.__main__ import main

    sys.exit(main(["postgres_restart"]))
