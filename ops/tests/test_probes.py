"""/healthz and /readyz, as a load balancer sees them."""

import json
import threading
from unittest import mock

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.urls("ops.tests.urls")

CLOSED_REDIS = {
    "default": {
        "BACKEND": "core.cache.TolerantRedisCache",
        "LOCATION": "redis://:s3cret-password@127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def body(response):
    return json.loads(response.content)


def broken_cursor(*args, **kwargs):
    raise OperationalError("could not connect to server at db.internal:5432")


# /healthz


def test_healthz_answers_ok_without_touching_the_database(client):
    # No `db` fixture: any database query here would make pytest-django fail the test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body(response) == {"status": "ok"}


def test_healthz_touches_no_database_with_every_cache_on(client, settings):
    # As in production: the page cache, fragments and remembered routes (core.routing) on.
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600

    assert client.get("/healthz").status_code == 200


def test_healthz_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_while_the_database_is_down(client, db):
    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        response = client.get("/healthz")

    assert response.status_code == 200


def test_healthz_refuses_posts(client):
    assert client.post("/healthz").status_code == 405


# /readyz


def test_readyz_is_ok_when_database_cache_and_search_answer(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200
    data = body(response)
    assert data["status"] == "ok"
    assert set(data["components"]) == {"database", "cache", "search:default"}
    assert all(component["status"] == "ok" for component in data["components"].values())


def test_readyz_gives_each_components_duration_in_milliseconds(client, db):
    data = body(client.get("/readyz"))

    for component in data["components"].values():
        assert isinstance(component["duration_ms"], int | float)
        assert component["duration_ms"] >= 0


def test_readyz_is_never_cached(client, db):
    assert "no-store" in client.get("/readyz")["Cache-Control"]


def test_readyz_is_unavailable_and_names_the_database_when_it_is_down(client, db):
    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        response = client.get("/readyz")

    assert response.status_code == 503
    data = body(response)
    assert data["status"] == "error"
    assert data["components"]["database"] == {
        "status": "error",
        "error": "OperationalError",
        "duration_ms": data["components"]["database"]["duration_ms"],
    }
    assert data["components"]["cache"]["status"] == "ok"


def test_readyz_reports_the_database_search_backend_down_with_the_database(client, db):
    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        data = body(client.get("/readyz"))

    assert data["components"]["search:default"]["status"] == "error"


def test_readyz_stays_in_rotation_but_names_the_cache_when_it_is_down(client, db, settings):
    # The site serves without its cache (core.cache): taking every server out would be worse.
    settings.CACHES = CLOSED_REDIS

    response = client.get("/readyz")

    assert response.status_code == 200
    data = body(response)
    assert data["status"] == "degraded"
    assert data["components"]["cache"]["status"] == "error"
    assert data["components"]["database"]["status"] == "ok"


def test_readyz_body_holds_no_secret_host_or_address(client, db, settings):
    settings.CACHES = CLOSED_REDIS
    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        content = client.get("/readyz").content.decode()

    for secret in ("s3cret", "127.0.0.1", "redis://", "db.internal", "5432", settings.SECRET_KEY):
        assert secret not in content


def test_readyz_is_degraded_but_serving_when_elasticsearch_is_down(client, db, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            "URLS": ["http://elastic:hunter2@127.0.0.1:1"],
            "INDEX_PREFIX": "readyz_test_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
        "database": settings.SEARCH_DATABASE_BACKEND,
    }

    response = client.get("/readyz")

    assert response.status_code == 200
    data = body(response)
    assert data["status"] == "degraded"
    assert data["components"]["search:default"]["status"] == "error"
    assert data["components"]["search:database"] == {"status": "ok", "duration_ms": 0.0, "uses": "database"}
    assert "hunter2" not in response.content.decode()


def test_readyz_is_unavailable_when_elasticsearch_is_down_without_a_database_fallback(client, db, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            "URLS": ["http://127.0.0.1:1"],
            "INDEX_PREFIX": "readyz_test_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert body(response)["components"]["search:default"]["status"] == "error"


def test_readyz_gives_up_on_a_component_that_hangs(client, db, settings):
    settings.READYZ_TIMEOUT_SECONDS = 0.05
    release = threading.Event()

    def hang():
        release.wait(5)

    try:
        with mock.patch("ops.views.check_cache", hang):
            response = client.get("/readyz")
    finally:
        release.set()

    # A hung cache is reported, and the server stays in rotation: it serves without it.
    assert response.status_code == 200
    assert body(response)["status"] == "degraded"
    assert body(response)["components"]["cache"]["error"] == "TimeoutError"
