"""A path without a language prefix: redirected to /id/… only when a page or view is there."""

import pytest

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_errors(settings):
    settings.DEBUG = False


def test_the_site_root_redirects_to_the_indonesian_home(client, homes):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/id/"


def test_an_unprefixed_page_path_redirects_to_the_page_under_its_language(client, homes):
    StandardPageFactory(parent=homes.id, slug="layanan", title="Layanan")

    response = client.get("/layanan/")

    assert response.status_code == 302
    assert response["Location"] == "/id/layanan/"


def test_an_unprefixed_page_path_keeps_its_query_string(client, homes):
    StandardPageFactory(parent=homes.id, slug="layanan", title="Layanan")

    assert client.get("/layanan/?halaman=2")["Location"] == "/id/layanan/?halaman=2"


def test_an_unprefixed_language_prefixed_view_still_redirects(client, homes):
    response = client.get("/search/")

    assert response.status_code == 302
    assert response["Location"] == "/id/search/"


def test_an_unprefixed_path_where_no_page_is_stays_a_404(client, homes, production_errors):
    assert client.get("/tidak-ada-halaman/").status_code == 404


def test_a_missing_api_item_is_a_404_not_a_redirect(client, homes):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert "Location" not in response


def test_an_unknown_path_under_the_api_is_a_404(client, homes, production_errors):
    assert client.get("/api/v2/no-such-endpoint/").status_code == 404


def test_an_unknown_machine_path_is_a_404_not_a_redirect(client, homes, production_errors):
    assert client.get("/services/no-such-endpoint/").status_code == 404


def test_an_unknown_admin_path_is_a_404_for_a_signed_in_admin(client, homes, admin_user, production_errors):
    client.force_login(admin_user)

    assert client.get("/admin/nonexistent/").status_code == 404


def test_a_404_left_alone_still_says_its_language_varies(client, homes, production_errors):
    response = client.get("/services/no-such-endpoint/")

    assert "Accept-Language" in response["Vary"]
    assert response["Content-Language"] == "id"
