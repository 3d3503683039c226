import json
import re

import pytest

from services.tests.factories import ServiceIndexPageFactory

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def directory(homes):
    """The Indonesian service directory under the home page."""
    return ServiceIndexPageFactory(parent=homes.id)


@pytest.fixture
def directory_en(directory, translate):
    return translate(directory, title="Services", slug="services", intro="All our services.")


@pytest.fixture
def english(translate):
    """``english(service, slug)``: a published English translation of a service page."""

    def _english(page, slug, **fields):
        fields.setdefault("title", f"English {page.title}")
        fields.setdefault("summary", "An English summary.")
        return translate(page, slug=slug, **fields)

    return _english


def json_ld(response):
    """Every schema.org object printed on the page."""
    objects = []
    for text in LD_JSON.findall(response.content.decode()):
        data = json.loads(text)
        objects.extend(data if isinstance(data, list) else [data])
    return objects
