"""The first seconds after a publish: many first-time visitors ask for the same page at once.

Publishing makes every cached page stale, so each of them is a miss. This measures, over
several rounds, how many of them rendered the page (answered ``X-Page-Cache: miss``)
and how long the last one waited. run.sh calls it against gunicorn twice, with
PAGE_CACHE_RENDER_WAIT_SECONDS at 5 (the default: one render, the others wait for it)
and at 0 (every miss renders):

    python bench/load/burst.py 127.0.0.1:8000 /id/ --visitors 100 --rounds 5

Before each round it starts a new cache generation as a publish does
(``core.pagecache.invalidate``, through ``manage.py shell`` with the caller's settings),
then opens one connection per visitor and sends every request at the same moment.
Prints one line: ``<renders per round> <p50 ms> <max ms>`` (medians over the rounds).
"""

import argparse
import http.client
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def publish():
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "from core import pagecache; pagecache.invalidate()"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def burst(address, path, visitors):
    """(renders, latencies in ms) of ``visitors`` simultaneous first views."""
    host, port = address.split(":")
    ready = threading.Barrier(visitors)
    results = [None] * visitors

    def visit(index):
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        connection.connect()
        ready.wait()
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        results[index] = (response.status, response.getheader("X-Page-Cache"), time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=visit, args=(index,)) for index in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if any(status != 200 for status, _, _ in results):
        raise SystemExit(f"{path}: answers other than 200: {sorted({status for status, _, _ in results})}")
    renders = sum(1 for _, cache, _ in results if cache != "hit")
    return renders, [seconds * 1000 for _, _, seconds in results]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", help="host:port of the server")
    parser.add_argument("path")
    parser.add_argument("--visitors", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rounds = []
    for _ in range(args.rounds):
        publish()
        time.sleep(0.5)
        rounds.append(burst(args.address, args.path, args.visitors))
    renders = statistics.median(r for r, _ in rounds)
    p50 = statistics.median(statistics.median(latencies) for _, latencies in rounds)
    slowest = statistics.median(max(latencies) for _, latencies in rounds)
    print(f"{renders:g} {p50:.0f} {slowest:.0f}")


if __name__ == "__main__":
    main()
