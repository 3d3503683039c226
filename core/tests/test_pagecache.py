"""Anonymous page views come from the cache, never stale, and forms on them still work."""

import re
import time

import pytest
from django.core import signing
from django.test import Client
from wagtail.models import PageViewRestriction

from core.models import AlertBanner
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def guide(homes):
    page = StandardPage(title="Panduan kartu kuning", slug="panduan-kartu-kuning")
    homes.id.add_child(instance=page)
    page.save_revision().publish()
    return page


def get(client, url="/id/panduan-kartu-kuning/"):
    return client.get(url)


def test_the_second_anonymous_view_comes_from_the_cache(client, guide):
    first = get(client)
    second = get(client)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_cached_page_still_carries_the_security_headers(client, guide):
    get(client)
    hit = get(client)

    assert hit["X-Frame-Options"]
    assert hit["Content-Language"] == "id"
    assert "private" in hit["Cache-Control"]


def test_publishing_a_change_is_seen_at_once(client, guide):
    get(client)
    guide.title = "Panduan kartu pencari kerja"
    guide.save_revision().publish()

    response = get(client)

    assert response["X-Page-Cache"] == "miss"
    assert "Panduan kartu pencari kerja" in response.text


def test_a_new_page_appears_in_listings_that_were_cached(client, homes, guide):
    get(client, "/id/")
    other = StandardPage(title="Jadwal bursa kerja", slug="jadwal-bursa-kerja", show_in_menus=True)
    homes.id.add_child(instance=other)
    other.save_revision().publish()

    assert get(client, "/id/")["X-Page-Cache"] == "miss"


def test_unpublishing_a_page_removes_it_at_once(client, guide):
    get(client)
    guide.unpublish()

    assert get(client).status_code == 404


def test_changing_a_snippet_shown_on_pages_makes_them_stale(client, guide):
    from django.utils import timezone
    from wagtail.models import Locale

    get(client)
    AlertBanner.objects.create(
        locale=Locale.objects.get(language_code="id"),
        message="Layanan tutup tanggal 1 Desember",
        starts_at=timezone.now(),
    )

    assert get(client)["X-Page-Cache"] == "miss"


def test_logged_in_editors_never_get_or_fill_the_cache(client, guide, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x" * 12, is_staff=True)
    client.force_login(editor)

    assert "X-Page-Cache" not in get(client)
    assert "X-Page-Cache" not in get(client)
    assert get(Client(HTTP_HOST="localhost"))["X-Page-Cache"] == "miss"


def test_a_visitor_with_a_session_is_served_fresh(client, guide):
    get(client)
    client.cookies["sessionid"] = "anything"

    assert "X-Page-Cache" not in get(client)


def test_a_private_page_is_never_cached(client, guide):
    PageViewRestriction.objects.create(page=guide, restriction_type="password", password="rahasia")

    get(client)
    response = get(client)

    assert "X-Page-Cache" not in response


def test_with_the_cache_off_nothing_is_stored(client, guide, settings):
    settings.PAGE_CACHE_SECONDS = 0

    get(client)

    assert "X-Page-Cache" not in get(client)


# Forms on cached pages --------------------------------------------------------------------

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="started" value="([^"]+)"')


@pytest.mark.urls("core.tests.pagecache_urls")
def test_each_visitor_of_a_cached_form_gets_a_csrf_token_of_their_own_that_works(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], "core/tests/templates"]}
    ]
    first = Client(enforce_csrf_checks=True)
    second = Client(enforce_csrf_checks=True)

    first_page = first.get("/cached-form/")
    second_page = second.get("/cached-form/")
    token = TOKEN.search(second_page.text).group(1)
    started = STARTED.search(second_page.text).group(1)
    sent = second.post(
        "/receive/", {"csrfmiddlewaretoken": token, "started": started, "message": "Halo", "consent": "on"}
    )

    assert second_page["X-Page-Cache"] == "hit"
    assert TOKEN.search(first_page.text).group(1) != token
    assert sent.status_code == 200
    assert sent.content == b"valid"


@pytest.mark.urls("core.tests.pagecache_urls")
def test_a_cached_form_times_each_visitor_from_their_own_visit(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], "core/tests/templates"]}
    ]
    Client().get("/cached-form/")
    before = time.time()

    page = Client().get("/cached-form/")
    started = signing.loads(STARTED.search(page.text).group(1), salt="core.publicforms.started")

    assert page["X-Page-Cache"] == "hit"
    assert started >= before
