"""What the response headers let browsers and shared caches keep, and how bodies are compressed.

Static files: fingerprinted names (the manifest storage), kept for years and marked
immutable; an address without a fingerprint is kept for an hour only. HTML: compressed
when the browser asks; anonymous pages say ``private, max-age=0`` (they may hold
per-visitor form tokens; ops.frontendcache decides what a CDN may share); pages for
signed-in editors are private.
"""

import gzip

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

from home.models import StandardPage


@pytest.fixture
def collected(settings, tmp_path):
    """The site's own static files collected as in production (hashed names, .gz and .br)."""
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())


def static_get(middleware, url, **headers):
    return middleware(RequestFactory().get(url, **headers))


def test_static_addresses_carry_a_fingerprint_of_the_content(collected):
    url = staticfiles_storage.url("css/site.css")

    assert url != "/static/css/site.css"
    assert url.startswith("/static/css/site.") and url.endswith(".css")


def test_fingerprinted_static_files_are_kept_for_years_and_never_revalidated(collected):
    response = static_get(collected, staticfiles_storage.url("css/site.css"))
    control = response["Cache-Control"]

    assert response.status_code == 200
    assert "public" in control and "immutable" in control
    assert int(control.split("max-age=")[1].split(",")[0]) >= 31536000


def test_a_static_address_without_fingerprint_is_kept_for_an_hour(collected):
    response = static_get(collected, "/static/img/favicon.svg")

    assert response["Cache-Control"] == "max-age=3600, public"


@pytest.mark.parametrize(("accepted", "encoding"), [("gzip", "gzip"), ("br, gzip", "br")])
def test_static_files_are_sent_compressed_when_the_browser_asks(collected, accepted, encoding):
    response = static_get(collected, staticfiles_storage.url("js/site.js"), HTTP_ACCEPT_ENCODING=accepted)

    assert response["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response["Vary"]


@pytest.fixture
def guide(homes):
    page = StandardPage(title="Panduan kartu kuning", slug="panduan-kartu-kuning")
    homes.id.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("cache_seconds", [0, 600])
def test_html_is_sent_gzipped_when_the_browser_asks(client, guide, settings, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    plain = client.get("/id/panduan-kartu-kuning/")

    for _ in range(2):  # with the page cache on: a miss, then a hit
        response = client.get("/id/panduan-kartu-kuning/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert b"Panduan kartu kuning" in gzip.decompress(response.content)
    assert "Content-Encoding" not in plain


@pytest.mark.django_db
def test_anonymous_pages_tell_browsers_to_ask_again_each_time(client, guide, settings):
    settings.PAGE_CACHE_SECONDS = 600

    for _ in range(2):
        response = client.get("/id/panduan-kartu-kuning/")
        assert response["Cache-Control"] == "private, max-age=0"


@pytest.mark.django_db
def test_a_page_for_a_signed_in_editor_is_never_kept_by_a_shared_cache(client, guide, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x" * 12, is_staff=True)
    client.force_login(editor)

    response = client.get("/id/panduan-kartu-kuning/")

    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
