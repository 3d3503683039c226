"""The site keeps serving when Redis goes away: the cache then acts as if empty."""

import logging

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core.publicforms import rate_limit
from home.models import StandardPage

pytestmark = pytest.mark.django_db

REDIS_DOWN = {
    "default": {
        "BACKEND": "core.cache.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = REDIS_DOWN
    settings.PAGE_CACHE_SECONDS = 600


def test_every_cache_call_acts_as_a_miss(redis_down):
    cache.set("key", "value")

    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is False
    with pytest.raises(ValueError):
        cache.incr("key")


def test_pages_are_served_uncached(redis_down, homes, client):
    page = StandardPage(title="Panduan kartu kuning", slug="panduan")
    homes.id.add_child(instance=page)
    page.save_revision().publish()

    first = client.get("/id/panduan/")
    second = client.get("/id/panduan/")

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in second or second["X-Page-Cache"] == "miss"


def test_while_the_cache_cannot_count_the_rate_limit_still_holds_in_the_process(redis_down, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (2, 3600)}
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1")

    results = [rate_limit(request, "ticket").exceeded for _ in range(3)]

    assert results == [False, False, True]


def test_while_the_cache_cannot_count_other_addresses_are_still_accepted(redis_down, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (1, 3600)}
    rate_limit(RequestFactory().post("/", REMOTE_ADDR="10.0.0.1"), "ticket")

    assert not rate_limit(RequestFactory().post("/", REMOTE_ADDR="10.0.0.2"), "ticket").exceeded


def test_losing_the_cache_is_logged_without_failing(redis_down, caplog):
    import core.cache

    core.cache._last_warning = 0.0
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        cache.get("anything")

    assert "Cache unavailable" in caplog.text


def test_one_redis_client_serves_every_call(redis_down):
    """Building a redis.Redis costs as much as a page-cache hit: it is built once per server."""
    assert cache._cache.get_client() is cache._cache.get_client("key", write=True)
