"""The pages of the load benchmark rendered warm: with the fragment cache and the route
memo filled (core.fragments, core.routing) and the page cache off, as for a visitor
with a session, an editor, or any view after the first once a page's cache entry has
expired. A warm render shows the same HTML as a cold one and costs a handful of queries
(issue 9: uncached pages at 150 requests a second; bench/load measures the time).

The site is the demo content (``seed_demo``), the same as the benchmark's."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# Path, and the queries of a warm render: the page itself (its route and the absence of
# view restrictions are remembered, core.routing); for the search, a view that is not a
# page, its site, language and header (rendered fresh) and the recording of the search in
# its statistics (core.routing remembers sites for page views only).
PAGES = {
    "home": ("/id/", 1),
    "service": ("/id/layanan/kartu-pencari-kerja-ak1/", 1),
    "news list": ("/id/berita/", 1),
    "FAQ": ("/id/tanya-jawab/", 1),
    "search": ("/id/search/?q=pelatihan", 9),
}
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
STARTED = re.compile(r'(name="started" value=")[^"]+(")')


@pytest.fixture(scope="module")
def _demo_content(django_db_setup, django_db_blocker):
    """The demo content, made once for the module (half a minute) in a transaction
    that is rolled back after its last test; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_content, db, settings):
    settings.PAGE_CACHE_SECONDS = 0


def comparable(response):
    """The HTML without what differs per visitor and per view."""
    html = response.content.decode()
    return STARTED.sub(r"\1…\2", TOKEN.sub(r"\1…\2", html))


def render(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_a_warm_render_is_the_same_page_as_a_cold_one(client, demo, settings, name):
    path, _ = PAGES[name]
    settings.FRAGMENT_CACHE_SECONDS = 0
    cold, _ = render(client, path)
    settings.FRAGMENT_CACHE_SECONDS = 600
    render(client, path)

    warm, _ = render(client, path)

    assert comparable(warm) == comparable(cold)


@pytest.mark.parametrize("name", PAGES)
def test_a_warm_render_costs_a_handful_of_queries(client, demo, settings, name):
    path, budget = PAGES[name]
    settings.FRAGMENT_CACHE_SECONDS = 600
    render(client, path)

    _, count = render(client, path)

    assert count <= budget
