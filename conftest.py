"""Fixtures every app's tests share: the two languages and a bilingual site."""

import pytest
from django.utils import translation

from core.demo import ensure_site, upsert_translation


@pytest.fixture
def homes(db):
    """An Indonesian home page as the site root, with its English translation."""
    from home.models import HomePage

    return ensure_site(
        HomePage,
        id_fields={"title": "Beranda Disnaker", "intro": "<p>Selamat datang</p>"},
        en_fields={"title": "Disnaker home", "slug": "home", "intro": "<p>Welcome</p>"},
    )


@pytest.fixture
def translate():
    """``translate(page, **english_fields)``: the page's published English translation."""
    from wagtail.models import Locale

    def _translate(page, **fields):
        return upsert_translation(page, Locale.objects.get(language_code="en"), **fields)

    return _translate


@pytest.fixture
def client(client):
    """The test client, speaking to the default site's host."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(autouse=True)
def _default_language():
    translation.activate("id")
    yield
    translation.deactivate()
