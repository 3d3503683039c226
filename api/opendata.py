"""Open data: the service catalogue and the regulations library as CSV and JSON.

Only live, public pages, in both languages (one row per page and language, with a
``language`` column). No personal data: the columns are exactly ``Dataset.columns``.
CSV files are UTF-8 *with* a byte-order mark, so Excel opens Indonesian text correctly;
every other CSV reader ignores it (Python: ``encoding="utf-8-sig"``).
"""

import csv
import io
import json
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Dinas Tenaga Kerja Kota Palembang"
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Dataset:
    name: str
    title: object
    description: object
    columns: tuple
    rows: object  # rows(request) -> list of dicts, keys exactly ``columns``


def _url(page, request):
    return page.get_full_url(request) or ""


def _document_url(document, request):
    if document is None:
        return ""
    return request.build_absolute_uri(document.url) if request is not None else document.url


def service_rows(request=None):
    from services.models import ServicePage

    pages = (
        ServicePage.objects.live()
        .public()
        .select_related("locale", "division")
        .order_by("locale__language_code", "title", "pk")
    )
    rows = []
    for page in pages:
        division = page.responsible_division
        rows.append(
            {
                "id": page.id,
                "language": page.locale.language_code,
                "name": page.title,
                "summary": page.summary,
                "audiences": list(page.audiences),
                "category": page.category,
                "cost": float(page.cost),
                "time_amount": page.time_amount,
                "time_unit": page.time_unit,
                "how_to_apply": page.how_to_apply,
                "division": division.name if division else "",
                "url": _url(page, request),
            }
        )
    return rows


def regulation_rows(request=None):
    from regulations.models import RegulationPage

    pages = (
        RegulationPage.objects.live()
        .public()
        .select_related("locale", "pdf")
        .order_by("locale__language_code", "-year", "regulation_type", "number", "pk")
    )
    rows = []
    for page in pages:
        with translation.override(page.locale.language_code):
            citation = str(page.citation)
        rows.append(
            {
                "id": page.id,
                "language": page.locale.language_code,
                "type": page.regulation_type,
                "number": page.number,
                "year": page.year,
                "title": page.title,
                "citation": citation,
                "issuer": page.issuer,
                "date_enacted": page.date_enacted.isoformat() if page.date_enacted else "",
                "status": page.status,
                "url": _url(page, request),
                "document_url": _document_url(page.pdf, request),
            }
        )
    return rows


SERVICES = Dataset(
    name="services",
    title=_("Service catalogue"),
    description=_(
        "Every published service with its summary, audiences (g2c, g2b, g2g), category, cost in "
        "rupiah, time to complete, how to apply and responsible division, in both languages."
    ),
    columns=(
        "id",
        "language",
        "name",
        "summary",
        "audiences",
        "category",
        "cost",
        "time_amount",
        "time_unit",
        "how_to_apply",
        "division",
        "url",
    ),
    rows=service_rows,
)

REGULATIONS = Dataset(
    name="regulations",
    title=_("Regulations library"),
    description=_(
        "Every published regulation with its type, number, year, title, citation, issuer, date "
        "enacted, status and the address of its PDF, in both languages."
    ),
    columns=(
        "id",
        "language",
        "type",
        "number",
        "year",
        "title",
        "citation",
        "issuer",
        "date_enacted",
        "status",
        "url",
        "document_url",
    ),
    rows=regulation_rows,
)

DATASETS = {dataset.name: dataset for dataset in (SERVICES, REGULATIONS)}


def to_csv(dataset, request=None):
    """The dataset as CSV bytes: UTF-8 with BOM, a header row, lists joined with ";"."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=dataset.columns, lineterminator="\r\n")
    writer.writeheader()
    for row in dataset.rows(request):
        writer.writerow(
            {
                key: LIST_SEPARATOR.join(value) if isinstance(value, list) else value
                for key, value in row.items()
            }
        )
    return buffer.getvalue().encode("utf-8-sig")


def to_json(dataset, request=None):
    """The dataset as JSON bytes: its licence and columns, then ``items``."""
    document = {
        "dataset": dataset.name,
        "title": str(dataset.title),
        "publisher": ATTRIBUTION,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "columns": list(dataset.columns),
        "items": dataset.rows(request),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def feed_links(request):
    """The news feeds (RSS, Atom) and the events calendar (iCal) of the request's language."""
    from wagtail.models import Locale

    from news.models import EventIndexPage, NewsIndexPage

    locale = Locale.get_active()
    links = []
    for index in NewsIndexPage.objects.live().public().filter(locale=locale):
        for kind, url in index.feed_links(request).items():
            links.append({"kind": kind, "title": index.title, "url": url})
    for index in EventIndexPage.objects.live().public().filter(locale=locale):
        url = index.ical_url(request)
        if url:
            links.append({"kind": "ical", "title": index.title, "url": url})
    return links
