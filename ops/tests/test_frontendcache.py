"""The front-end cache: what a CDN may keep, and the PURGE requests publishing sends.

A local HTTP server stands in for Varnish or nginx and records every PURGE it receives
(Wagtail's HTTPBackend). Tasks run at once under the test settings, so a publish has sent
its purges by the time it returns.
"""

import io
import logging
import socket
import sys
import threading
import types
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from django.utils import timezone

from core.tests.factories import AlertBannerFactory
from home.models import StandardPage
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from ops.frontendcache import PURGE_ALL_WINDOW_SECONDS, purge_all_pages

pytestmark = pytest.mark.django_db

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 -- the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cache_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def purging(settings, cache_server):
    """The site configured as FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:<port> would make it."""
    settings.WAGTAILFRONTENDCACHE = {
        "http0": {"BACKEND": HTTP_BACKEND, "LOCATION": f"http://127.0.0.1:{cache_server.server_port}"}
    }
    return cache_server


def purged_paths(server):
    return {path for _host, path in server.purged}


@pytest.fixture
def news(homes, translate):
    """A news index and one item, each in Indonesian and English."""
    index = NewsIndexPageFactory(parent=homes.id)
    index_en = translate(index, title="News", slug="news")
    item = NewsPageFactory(parent=index, title="Bursa kerja", slug="bursa-kerja")
    item_en = translate(item, title="Job fair", slug="job-fair")
    return types.SimpleNamespace(index=index, index_en=index_en, item=item, item_en=item_en)


# Purging


def test_publishing_a_news_item_purges_it_and_the_news_index_in_both_languages(news, purging):
    news.item.save_revision().publish()

    paths = purged_paths(purging)
    assert {"/id/berita/bursa-kerja/", "/en/news/job-fair/"} <= paths
    assert {"/id/berita/", "/en/news/"} <= paths
    assert {"/id/", "/en/"} <= paths


def test_publishing_purges_the_index_s_feeds(news, purging):
    news.item.save_revision().publish()

    assert {"/id/berita/feed/rss/", "/id/berita/feed/atom/", "/en/news/feed/rss/"} <= purged_paths(purging)


def test_purges_name_the_site_s_host(news, purging):
    news.item.save_revision().publish()

    assert {host for host, _path in purging.purged} == {"localhost"}


def test_purging_never_swaps_language_prefixes(news, purging):
    # Translations have their own slugs: /en/berita/… does not exist.
    news.item.save_revision().publish()

    assert not any(path.startswith("/en/berita/") for path in purged_paths(purging))


def test_unpublishing_purges_the_item_and_its_listings(news, purging):
    news.item.unpublish()

    assert {"/id/berita/bursa-kerja/", "/id/berita/"} <= purged_paths(purging)


def test_moving_a_page_purges_its_old_address_and_the_old_listing(homes, news, purging):
    archive = NewsIndexPageFactory(parent=homes.id, title="Arsip", slug="arsip")
    purging.purged.clear()

    news.item.move(archive, pos="last-child")

    paths = purged_paths(purging)
    assert {"/id/berita/bursa-kerja/", "/id/berita/"} <= paths
    assert {"/id/arsip/bursa-kerja/", "/id/arsip/"} <= paths


def test_saving_a_snippet_purges_every_live_page(news, purging):
    draft = StandardPage(title="Konsep", slug="konsep", live=False)
    news.index.add_child(instance=draft)
    purging.purged.clear()

    AlertBannerFactory(message="Kantor tutup karena banjir.")

    paths = purged_paths(purging)
    assert {
        "/id/",
        "/en/",
        "/id/berita/",
        "/en/news/",
        "/id/berita/bursa-kerja/",
        "/en/news/job-fair/",
    } <= paths
    assert "/id/berita/konsep/" not in paths


def test_a_burst_of_saves_shares_one_purge_of_every_page_at_the_end_of_the_window(news, purging, settings):
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    before = timezone.now()

    for number in range(5):
        AlertBannerFactory(message=f"Pemberitahuan {number}")

    queued = [result for result in task_backends["default"].results if result.task.name == "purge_all_pages"]
    assert len(queued) == 1
    assert queued[0].task.run_after >= before + timedelta(seconds=PURGE_ALL_WINDOW_SECONDS)


def test_nothing_configured_means_no_purge_and_publishing_works(news, settings, cache_server):
    settings.WAGTAILFRONTENDCACHE = {}

    news.item.save_revision().publish()
    AlertBannerFactory(message="Kantor tutup karena banjir.")

    assert cache_server.purged == []


def test_an_unreachable_cache_does_not_stop_publishing(news, settings, caplog):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.WAGTAILFRONTENDCACHE = {
        "http0": {"BACKEND": HTTP_BACKEND, "LOCATION": f"http://127.0.0.1:{closed_port}"}
    }

    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        news.item.save_revision().publish()

    news.item.refresh_from_db()
    assert news.item.live
    assert "Couldn't purge" in caplog.text


def test_cloudfront_gets_one_wildcard_per_site_instead_of_every_page(news, settings, monkeypatch):
    invalidations = []

    class FakeCloudFront:
        def create_invalidation(self, DistributionId, InvalidationBatch):  # noqa: N803 -- boto3's names
            invalidations.append((DistributionId, InvalidationBatch["Paths"]["Items"]))

    boto3 = types.ModuleType("boto3")
    boto3.client = lambda *args, **kwargs: FakeCloudFront()
    botocore = types.ModuleType("botocore")
    botocore.exceptions = types.SimpleNamespace(ClientError=RuntimeError)
    monkeypatch.setitem(sys.modules, "boto3", boto3)
    monkeypatch.setitem(sys.modules, "botocore", botocore)
    settings.WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123EXAMPLE",
        }
    }

    purge_all_pages.call()

    assert invalidations == [("E123EXAMPLE", ["/*"])]


# What a CDN may keep


@pytest.fixture
def shared_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRONTEND_CACHE_SECONDS = 300


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_an_anonymous_page_without_a_form_may_be_kept_by_a_cdn(client, news, shared_cache):
    response = client.get("/id/berita/bursa-kerja/")

    assert response["X-Page-Cache"] == "miss"
    assert not response.cookies
    assert cache_control(response) == {"public", "max-age=0", "s-maxage=300"}


def test_a_page_served_from_the_page_cache_may_be_kept_too(client, news, shared_cache):
    client.get("/id/berita/bursa-kerja/")

    response = client.get("/id/berita/bursa-kerja/")

    assert response["X-Page-Cache"] == "hit"
    assert "s-maxage=300" in cache_control(response)


def test_a_page_with_a_form_is_never_shared(client, homes, shared_cache):
    from feedback.tests.factories import FeedbackPageFactory

    FeedbackPageFactory(parent=homes.id)

    for _ in range(2):  # the miss and the hit
        response = client.get("/id/pengaduan/")
        assert "csrftoken" in response.cookies
        assert "private" in cache_control(response)
        assert not any(part.startswith("s-maxage") for part in cache_control(response))


def test_a_logged_in_editor_s_view_is_never_shared(news, shared_cache, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-for-tests-only")
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)

    response = client.get("/id/berita/bursa-kerja/")

    assert "public" not in response.get("Cache-Control", "")
    assert "s-maxage" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("query", ["page=1", "utm_source=newsletter"])
def test_a_url_with_a_query_string_is_not_shared(client, news, shared_cache, query):
    # A CDN keys on the whole URL; purging names pages' own addresses only.
    response = client.get(f"/id/berita/?{query}")

    assert "private" in cache_control(response)
    assert "s-maxage=300" not in cache_control(response)


def test_without_a_front_end_cache_pages_stay_private(client, news, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRONTEND_CACHE_SECONDS = 0

    response = client.get("/id/berita/bursa-kerja/")

    assert cache_control(response) == {"private", "max-age=0"}


# After a deploy


def test_the_purge_command_purges_every_live_page_at_once(news, purging):
    from django.core.management import call_command

    purging.purged.clear()

    call_command("purge_frontend_cache", stdout=io.StringIO())

    assert {"/id/", "/en/", "/id/berita/bursa-kerja/", "/en/news/job-fair/"} <= purged_paths(purging)


def test_the_purge_command_without_a_cache_says_so(news, settings):
    from django.core.management import call_command

    settings.WAGTAILFRONTENDCACHE = {}
    output = io.StringIO()

    call_command("purge_frontend_cache", stdout=output)

    assert "nothing to purge" in output.getvalue()
