"""Run the fault scenarios (all, or those named) against one private PostgreSQL with the
demo content; print a PASS/FAIL table and write bench/faults/results-<date>.md.

    .venv/bin/python -m bench.faults [scenario ...]        (bench/faults/run.sh does this)

Exit status 1 when a scenario failed or crashed.
"""

import importlib
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

from bench.faults.harness import ROOT, Lab, Result, postgres_missing

SCENARIOS = [
    "postgres_restart",
    "redis_stop",
    "elasticsearch_unreachable",
    "backend_down",
    "concurrent_submissions",
]


def _terminate(signum, frame):
    # SIGTERM/SIGHUP as Ctrl-C: the finally blocks stop every process and remove the folder.
    raise KeyboardInterrupt


def machine():
    load = os.getloadavg()
    cpus = os.cpu_count()
    postgres = subprocess.run(
        [str(Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")) / "postgres"), "--version"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return (
        f'machine "{platform.node()}" ({platform.machine()}, {cpus} cores), Python '
        f"{platform.python_version()}, {postgres}; load average {load[0]:.1f} / {load[1]:.1f} / "
        f"{load[2]:.1f} (1/5/15 min)"
    )


def table(results):
    lines = ["| Scenario | Result | Time | Summary |", "|---|---|---:|---|"]
    for result in results:
        verdict = "PASS" if result.passed else "**FAIL**"
        lines.append(f"| {result.name} | {verdict} | {result.seconds:.0f} s | {result.summary} |")
    return lines


def report(results, started, before, after):
    lines = [
        f"# Fault tests, {started:%Y-%m-%d %H:%M}",
        "",
        f"Before: {before}.",
        f"After: {after}.",
        "Other test runs shared the machine; see the load averages.",
        "",
        *table(results),
    ]
    for result in results:
        lines += ["", f"## {result.name}: {'PASS' if result.passed else 'FAIL'}", ""]
        lines += [f"- [{'x' if passed else ' '}] {description}" for description, passed in result.checks]
        lines += ["", *result.details]
    return "\n".join(lines) + "\n"


def main(names=None):
    names = names or SCENARIOS
    unknown = sorted(set(names) - set(SCENARIOS))
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(SCENARIOS)}", file=sys.stderr)
        return 2
    missing = postgres_missing() or (
        None if shutil.which("redis-server") else "redis-server is not installed"
    )
    if missing:
        print(f"cannot run the fault scenarios: {missing}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)
    started = datetime.now()
    before = machine()
    results = []
    lab = Lab()
    try:
        clock = time.monotonic()
        print("setting up: private PostgreSQL, migrate, demo content …", flush=True)
        lab.setup()
        print(f"set up in {time.monotonic() - clock:.0f} s", flush=True)
        for name in names:
            print(f"{name} …", flush=True)
            clock = time.monotonic()
            try:
                result = importlib.import_module(f"bench.faults.{name}").run(lab)
            except KeyboardInterrupt:
                raise
            except Exception as error:  # noqa: BLE001 - one crash must not hide the others
                result = Result(name, False, f"crashed: {type(error).__name__}: {error}")
                result.details = ["```", traceback.format_exc(), "```"]
            result.seconds = time.monotonic() - clock
            print(f"{name}: {'PASS' if result.passed else 'FAIL'} ({result.seconds:.0f} s) {result.summary}")
            for description, passed in result.checks:
                print(f"  [{'x' if passed else ' '}] {description}")
            results.append(result)
    finally:
        lab.cleanup()
    after = machine()
    print()
    print("\n".join(table(results)))
    if names == SCENARIOS:
        path = ROOT / "bench" / "faults" / f"results-{started:%Y-%m-%d}.md"
    else:  # a partial run goes beside the other raw results (not committed)
        path = ROOT / "bench" / "results" / "faults" / f"results-{started:%Y-%m-%d}-{'-'.join(names)}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report(results, started, before, after))
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0 if results and all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
