"""Prints the five addresses the load benchmark measures, one per line, as `label<TAB>path`:
the Indonesian home page, a service page, the news list, the FAQ and a search.

    DJANGO_SETTINGS_MODULE=bench.load.bench_settings .venv/bin/python bench/load/pages.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load.bench_settings")

import django  # noqa: E402

django.setup()

from wagtail.models import Locale, Site  # noqa: E402

from faq.models import FAQIndexPage  # noqa: E402
from news.models import NewsIndexPage  # noqa: E402
from services.models import ServicePage  # noqa: E402


def first_url(model, locale):
    page = model.objects.live().public().filter(locale=locale).order_by("path").first()
    if page is None:
        raise SystemExit(f"no live {model.__name__} in the demo content")
    return page.get_url_parts()[2]


def main():
    site = Site.objects.get(is_default_site=True)
    locale = Locale.objects.get(language_code="id")
    home = site.root_page.localized if site.root_page.locale != locale else site.root_page
    rows = [
        ("home", home.get_url_parts()[2]),
        ("service page", first_url(ServicePage, locale)),
        ("news list", first_url(NewsIndexPage, locale)),
        ("FAQ", first_url(FAQIndexPage, locale)),
        ("search", "/id/search/?q=pelatihan"),
    ]
    for label, path in rows:
        print(f"{label}\t{path}")


if __name__ == "__main__":
    main()
