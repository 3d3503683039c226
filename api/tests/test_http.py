"""Read-only, open to every origin, cacheable, with conditional GET."""

import pytest

URLS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/openapi.json",
    "/opendata/services.csv",
]


@pytest.mark.parametrize("url", URLS)
def test_get_allows_every_origin_and_may_be_cached(client, site, url):
    response = client.get(url, HTTP_ORIGIN="https://example.org")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert response["ETag"].startswith('"')


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused(client, site, url, method):
    response = getattr(client, method)(url, data="{}", content_type="application/json")

    assert response.status_code == 405


@pytest.mark.parametrize("url", URLS)
def test_head_and_options_are_answered(client, site, url):
    assert client.head(url).status_code == 200
    options = client.options(url)
    assert options.status_code == 200
    assert options["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", URLS)
def test_same_etag_gives_304(client, site, url):
    etag = client.get(url)["ETag"]

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"


def test_changed_content_changes_the_etag(client, site):
    url = f"/api/v2/pages/{site['news'].id}/"
    etag = client.get(url)["ETag"]
    news = site["news"]
    news.summary = "Ringkasan baru."
    news.save_revision().publish()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response.json()["summary"] == "Ringkasan baru."


def test_page_detail_answers_if_modified_since_with_304(client, site):
    url = f"/api/v2/pages/{site['service'].id}/"
    last_modified = client.get(url)["Last-Modified"]

    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_answers_are_json_only(client, site):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")

    assert response["Content-Type"] == "application/json"


def test_answers_do_not_depend_on_a_session(client, site, admin_user):
    """Shared caches may keep one copy for everyone: no Vary: Cookie, no user-specific content."""
    anonymous = client.get("/api/v2/pages/", {"limit": 50})
    client.force_login(admin_user)
    signed_in = client.get("/api/v2/pages/", {"limit": 50})

    assert "Cookie" not in anonymous.get("Vary", "")
    assert anonymous["ETag"] == signed_in["ETag"]
