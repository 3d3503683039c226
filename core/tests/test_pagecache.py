"""Anonymous page views come from the cache, never stale, and forms on them still work."""

import re
import time

import pytest
from django.core import signing
from django.test import Client
from wagtail.models import PageViewRestriction

from core import pagecache
from core.models import AlertBanner
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_RENDER_WAIT_SECONDS = 5


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


def test_a_visitor_with_a_personal_cookie_is_served_fresh_and_fills_nothing(client, guide, monkeypatch):
    monkeypatch.setattr(pagecache, "_personal_cookies", pagecache._personal_cookies | {"my_answers"})
    client.cookies["my_answers"] = "1"

    response = get(client)

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert get(Client(HTTP_HOST="localhost"))["X-Page-Cache"] == "miss"


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


@pytest.fixture
def form_templates(settings):
    """The templates of core/tests/pagecache_urls.py: a cached page holding a public form."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], "core/tests/templates"]}
    ]


@pytest.mark.urls("core.tests.pagecache_urls")
def test_each_visitor_of_a_cached_form_gets_a_csrf_token_of_their_own_that_works(form_templates):
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
def test_a_cached_form_times_each_visitor_from_their_own_visit(form_templates):
    Client().get("/cached-form/")
    before = time.time()

    page = Client().get("/cached-form/")
    started = signing.loads(STARTED.search(page.text).group(1), salt="core.publicforms.started")

    assert page["X-Page-Cache"] == "hit"
    assert started >= before - 0.003  # to the millisecond, never later than the visit


@pytest.mark.urls("core.tests.pagecache_urls")
def test_a_visitor_keeps_their_csrf_cookie_across_cached_forms(form_templates, settings):
    """Two tabs: a form opened first still posts after a cached page was opened in another."""
    Client().get("/cached-form/")
    visitor = Client(enforce_csrf_checks=True)
    first_tab = visitor.get("/cached-form/")
    cookie = visitor.cookies[settings.CSRF_COOKIE_NAME].value

    second_tab = visitor.get("/cached-form/")
    sent = visitor.post(
        "/receive/",
        {
            "csrfmiddlewaretoken": TOKEN.search(first_tab.text).group(1),
            "started": STARTED.search(first_tab.text).group(1),
            "message": "Halo",
            "consent": "on",
        },
    )

    assert second_tab["X-Page-Cache"] == "hit"
    assert visitor.cookies[settings.CSRF_COOKIE_NAME].value == cookie
    assert sent.content == b"valid"


# What a hit costs -------------------------------------------------------------------------


def test_a_cache_hit_makes_no_database_queries(client, guide):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get(client)
    with CaptureQueriesContext(connection) as queries:
        hit = get(client)

    assert hit["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_a_hit_is_sent_gzipped_without_compressing_the_page_again(client, guide, monkeypatch):
    import gzip

    plain = client.get("/id/panduan-kartu-kuning/")
    monkeypatch.setattr("django.middleware.gzip.compress_string", _refuse)
    monkeypatch.setattr("core.pagecache.compress_string", _refuse)

    hit = client.get("/id/panduan-kartu-kuning/", HTTP_ACCEPT_ENCODING="br, gzip")

    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    assert int(hit["Content-Length"]) == len(hit.content)
    assert gzip.decompress(hit.content) == plain.content


def _refuse(*args, **kwargs):
    raise AssertionError("compressed again")


@pytest.mark.urls("core.tests.pagecache_urls")
def test_a_gzipped_cached_form_carries_a_working_token_of_its_own(form_templates):
    import gzip

    Client().get("/cached-form/", HTTP_ACCEPT_ENCODING="gzip")
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get("/cached-form/", HTTP_ACCEPT_ENCODING="gzip")
    html = gzip.decompress(page.content).decode()
    sent = visitor.post(
        "/receive/",
        {
            "csrfmiddlewaretoken": TOKEN.search(html).group(1),
            "started": STARTED.search(html).group(1),
            "message": "Halo",
            "consent": "on",
        },
    )

    assert page["X-Page-Cache"] == "hit"
    assert sent.content == b"valid"


def test_a_hit_is_answered_before_the_session_middleware(client, guide, monkeypatch):
    from django.contrib.sessions.middleware import SessionMiddleware

    get(client)
    monkeypatch.setattr(SessionMiddleware, "process_request", _refuse)

    assert get(client)["X-Page-Cache"] == "hit"


# Which query strings are cached -----------------------------------------------------------


def test_tracking_parameters_are_dropped_and_the_rest_sorted():
    query = "utm_source=newsletter&page=2&fbclid=abc&kind=pengumuman&utm_medium=email"

    assert pagecache.normalised_query(query) == "kind=pengumuman&page=2"


def test_an_overlong_query_string_is_not_cached_at_all():
    assert pagecache.normalised_query("q=" + "a" * pagecache.MAX_QUERY_LENGTH) is None


def test_a_link_with_tracking_parameters_is_served_from_the_bare_address_entry(client, guide):
    get(client)

    response = get(client, "/id/panduan-kartu-kuning/?utm_source=newsletter&utm_medium=email&fbclid=x")

    assert response["X-Page-Cache"] == "hit"


@pytest.mark.urls("core.tests.pagecache_urls")
def test_the_order_of_parameters_does_not_make_another_entry(client):
    client.get("/cached-list/?kind=pengumuman&page=2")

    response = client.get("/cached-list/?page=2&kind=pengumuman")

    assert response["X-Page-Cache"] == "hit"
    assert b"pengumuman page 2" in response.content


@pytest.mark.urls("core.tests.pagecache_urls")
def test_each_value_of_a_parameter_the_page_reads_is_its_own_entry(client):
    client.get("/cached-list/?page=2")

    response = client.get("/cached-list/?page=3")

    assert response["X-Page-Cache"] == "miss"
    assert b"page 3" in response.content


def test_a_parameter_the_page_never_reads_is_never_stored(client, guide):
    for _ in range(2):
        response = get(client, "/id/panduan-kartu-kuning/?random=12345")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_an_overlong_query_string_is_served_fresh(client, guide):
    url = "/id/panduan-kartu-kuning/?q=" + "a" * 300
    get(client, url)

    response = get(client, url)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


# Generations ------------------------------------------------------------------------------


@pytest.mark.urls("core.tests.pagecache_urls")
def test_a_change_published_elsewhere_while_a_page_renders_leaves_it_stale(client, monkeypatch):
    from django.core.cache import cache

    from core.tests import pagecache_urls

    rendering = pagecache_urls.listing

    def listing_while_another_server_publishes(request):
        response = rendering(request)
        cache.incr(pagecache.GENERATION_KEY)  # another process, not this request
        return response

    monkeypatch.setattr(pagecache_urls, "listing", listing_while_another_server_publishes)
    monkeypatch.setattr(pagecache_urls.urlpatterns[1], "callback", listing_while_another_server_publishes)
    client.get("/cached-list/")
    monkeypatch.undo()

    assert client.get("/cached-list/")["X-Page-Cache"] == "miss"


def test_an_entry_stored_by_an_older_version_is_never_read(client, guide, monkeypatch):
    get(client)
    monkeypatch.setattr(pagecache, "_FORMAT", pagecache._FORMAT + 1)

    assert get(client)["X-Page-Cache"] == "miss"


# This process's copies of entries ------------------------------------------------------------


class _CacheCalls:
    """Counts what a hit asks of the cache: get_many (counter and page) or get (counter)."""

    def __init__(self, monkeypatch):
        from django.core.cache import cache

        self.pages = 0
        get_many = cache.get_many

        def counting_get_many(keys, *args, **kwargs):
            self.pages += any(key != pagecache.GENERATION_KEY for key in keys)
            return get_many(keys, *args, **kwargs)

        monkeypatch.setattr(cache, "get_many", counting_get_many)


def test_a_page_this_process_served_is_not_read_from_the_cache_again(client, guide, monkeypatch):
    get(client)  # miss: rendered and stored
    get(client)  # hit: read from the cache, kept by the process
    calls = _CacheCalls(monkeypatch)

    hit = get(client)

    assert hit["X-Page-Cache"] == "hit"
    assert calls.pages == 0


@pytest.mark.urls("core.tests.pagecache_urls")
def test_a_kept_copy_is_the_same_page_with_values_of_each_visitors_own(form_templates):
    Client().get("/cached-form/")
    first = Client().get("/cached-form/")  # read from the cache and kept
    second = Client().get("/cached-form/")

    assert second["X-Page-Cache"] == "hit"
    assert TOKEN.search(second.text).group(1) != TOKEN.search(first.text).group(1)
    assert STARTED.sub("", TOKEN.sub("", second.text)) == STARTED.sub("", TOKEN.sub("", first.text))


def test_a_publish_makes_the_kept_copy_stale_at_once(client, guide):
    get(client)
    get(client)  # kept by this process
    guide.title = "Panduan kartu pencari kerja"
    guide.save_revision().publish()

    response = get(client)

    assert response["X-Page-Cache"] == "miss"
    assert "Panduan kartu pencari kerja" in response.text


def test_a_stale_kept_copy_gives_way_to_the_entry_in_the_cache(client, guide):
    get(client)
    get(client)  # kept by this process
    pagecache.invalidate()
    get(client)  # rendered again and stored, by this process or another

    assert get(client)["X-Page-Cache"] == "hit"


def test_a_kept_copy_expires_when_its_cache_entry_does(client, guide, monkeypatch):
    get(client)
    get(client)  # kept by this process
    later = time.time() + 601
    monkeypatch.setattr(pagecache.time, "time", lambda: later)

    assert get(client)["X-Page-Cache"] == "miss"


def test_a_process_keeps_at_most_max_remembered_pages(client, homes, monkeypatch):
    monkeypatch.setattr(pagecache, "MAX_REMEMBERED", 2)
    for slug in ("satu", "dua", "tiga"):
        homes.id.add_child(instance=StandardPage(title=slug, slug=slug)).save_revision().publish()
    for slug in ("satu", "dua", "tiga"):
        get(client, f"/id/{slug}/")
        get(client, f"/id/{slug}/")  # read from the cache and kept
    calls = _CacheCalls(monkeypatch)

    get(client, "/id/dua/")
    get(client, "/id/tiga/")
    kept_reads = calls.pages
    get(client, "/id/satu/")

    assert kept_reads == 0
    assert calls.pages == 1


# One render per page and generation ----------------------------------------------------------


def _concurrently(count, url):
    """``count`` first-time visitors asking for ``url`` at the same moment."""
    import threading

    responses, start = [None] * count, threading.Barrier(count)

    def visit(index):
        start.wait()
        responses[index] = Client().get(url)

    threads = [threading.Thread(target=visit, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.fixture
def slow_listing(monkeypatch):
    """The test listing, taking 0.3 s to render; counts its renders."""
    from core.tests import pagecache_urls

    renders = []

    def slow(request):
        renders.append(request.path)
        time.sleep(0.3)
        return pagecache_urls.listing(request)

    monkeypatch.setattr(pagecache_urls.urlpatterns[1], "callback", slow)
    return renders


@pytest.mark.urls("core.tests.pagecache_urls")
def test_visitors_arriving_while_a_page_renders_wait_for_it_instead_of_rendering_it_too(slow_listing):
    responses = _concurrently(4, "/cached-list/")

    assert len(slow_listing) == 1
    assert sorted(response["X-Page-Cache"] for response in responses) == ["hit", "hit", "hit", "miss"]
    assert len({response.content for response in responses}) == 1


@pytest.mark.urls("core.tests.pagecache_urls")
def test_after_a_publish_the_page_is_rendered_once_for_everyone_waiting(slow_listing):
    Client().get("/cached-list/")
    pagecache.invalidate()

    _concurrently(4, "/cached-list/")

    assert len(slow_listing) == 2


@pytest.mark.urls("core.tests.pagecache_urls")
def test_a_page_that_may_not_be_kept_keeps_nobody_waiting(slow_listing, monkeypatch, settings):
    from core.tests import pagecache_urls

    def not_kept(request):
        response = pagecache_urls.HttpResponse("<p>not kept</p>")
        response.set_cookie("own", "cookie")
        return response

    monkeypatch.setattr(pagecache_urls, "listing", not_kept)
    started = time.monotonic()

    responses = _concurrently(3, "/cached-list/")

    assert len(slow_listing) == 3
    assert all("X-Page-Cache" not in response for response in responses)
    assert time.monotonic() - started < settings.PAGE_CACHE_RENDER_WAIT_SECONDS


@pytest.mark.urls("core.tests.pagecache_urls")
def test_once_a_render_stored_nothing_the_next_visitors_render_side_by_side(monkeypatch):
    from core.tests import pagecache_urls

    rendering, most = [], []

    def not_kept(request):
        rendering.append(request)
        most.append(len(rendering))
        time.sleep(0.3)
        rendering.remove(request)
        return pagecache_urls.HttpResponse("<p>search results</p>", headers={"Cache-Control": "private"})

    monkeypatch.setattr(pagecache_urls.urlpatterns[1], "callback", not_kept)
    Client().get("/cached-list/")  # a render that stores nothing

    _concurrently(3, "/cached-list/")

    assert max(most) == 3  # not one, then the two that waited for it


def test_a_claim_left_by_a_request_that_died_only_delays_the_page(client, guide, settings):
    settings.PAGE_CACHE_RENDER_WAIT_SECONDS = 0.2
    key = f"pagecache:{pagecache._FORMAT}:http://testserver/id/panduan-kartu-kuning/?"
    from django.core.cache import cache

    cache.add(f"{key}:rendering", pagecache.generation(), timeout=60)

    assert get(client)["X-Page-Cache"] == "miss"


@pytest.mark.urls("core.tests.pagecache_urls")
def test_with_no_render_wait_every_miss_renders(slow_listing, settings):
    settings.PAGE_CACHE_RENDER_WAIT_SECONDS = 0

    _concurrently(3, "/cached-list/")

    assert len(slow_listing) == 3
