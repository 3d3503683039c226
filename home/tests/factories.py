import json

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


def body(*blocks):
    """StreamField JSON from ``(block_type, value)`` pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Beranda"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Halaman informasi {n}")
    summary = "Ringkasan halaman."
    body = factory.LazyFunction(lambda: body(("paragraph", "<p>Isi halaman.</p>")))
