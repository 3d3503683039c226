"""Search latency: p50 and p95 over a fixed list of realistic queries, through the search
service (``search.services.run_search``) and through the view (Django's test client,
middleware and template included), plus the suggestion endpoint.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python bench/search/latency.py --rounds 5

Prints one Markdown table row per measure.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from search import services  # noqa: E402

# (language, query): what people type, in both languages.
QUERIES = [
    ("id", "kartu kuning"),
    ("id", "lowongan"),
    ("id", "pelatihan las"),
    ("id", "PHK"),
    ("id", "bursa kerja"),
    ("id", "syarat kartu AK/I"),
    ("id", "pelatihan menjahit kemuning"),
    ("id", "BPJS ketenagakerjaan"),
    ("id", "wajib lapor ketenagakerjaan"),
    ("id", "mediasi perselisihan"),
    ("id", "pengesahan peraturan perusahaan"),
    ("id", "PKWT"),
    ("id", "pekerja migran"),
    ("id", "upah minimum 2025"),
    ("id", "pelatiahn las"),
    ("id", "serikat pekerja plaju"),
    ("en", "job vacancies"),
    ("en", "welding training"),
    ("en", "yellow card"),
    ("en", "layoffs"),
]


def percentile(values, share):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(name, calls, rounds):
    for call in calls:  # warm-up: connections, caches, imports
        call()
    times = []
    for _ in range(rounds):
        for call in calls:
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
    return name, len(times), statistics.median(times), percentile(times, 0.95), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    client = Client(HTTP_HOST="localhost")
    pages = Page.objects.live().filter(depth__gt=2).count()

    def service(language, query):
        def call():
            with translation.override(language):
                outcome = services.run_search(query, locale=locales[language])
                list(outcome.results)

        return call

    def view(language, query):
        def call():
            response = client.get(f"/{language}/search/", {"q": query})
            assert response.status_code == 200, response.status_code

        return call

    def chrome(language, query):
        # The same page without a query: what the site's header, menus and footer cost.
        def call():
            response = client.get(f"/{language}/search/")
            assert response.status_code == 200, response.status_code

        return call

    def suggest(language, query):
        def call():
            response = client.get(f"/{language}/search/suggest/", {"q": query[:5]})
            assert response.status_code == 200, response.status_code

        return call

    rows = [
        measure("service", [service(*q) for q in QUERIES], args.rounds),
        measure("view", [view(*q) for q in QUERIES], args.rounds),
        measure("page without query", [chrome(*q) for q in QUERIES], args.rounds),
        measure("suggest", [suggest(*q) for q in QUERIES], args.rounds),
    ]
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"{connection.vendor}, {pages} live pages, {len(QUERIES)} queries x {args.rounds} rounds, "
        f"load average {load} on {os.cpu_count()} CPUs"
    )
    print("| pages | measure | requests | p50 ms | p95 ms | max ms |")
    print("|---:|---|---:|---:|---:|---:|")
    for name, count, p50, p95, worst in rows:
        print(f"| {pages} | {name} | {count} | {p50:.1f} | {p95:.1f} | {worst:.1f} |")


if __name__ == "__main__":
    main()
