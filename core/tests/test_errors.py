"""The styled error pages."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from core.views import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_errors(settings):
    """Errors as visitors see them: the handlers, not Django's debug pages."""
    settings.DEBUG = False


@pytest.mark.parametrize(
    ("path", "language", "heading", "other_home"),
    [
        ("/id/tidak-ada/", "id", "Halaman tidak ditemukan", 'href="/en/"'),
        ("/en/no-such-page/", "en", "Page not found", 'href="/id/"'),
    ],
)
def test_unknown_url_gives_the_styled_404_in_the_language_of_the_url(
    client, homes, production_errors, path, language, heading, other_home
):
    response = client.get(path)

    assert response.status_code == 404
    text = response.text
    assert f'<html lang="{language}">' in text
    assert f'<h1 class="page-title">{heading}</h1>' in text
    assert '<header class="header" role="banner">' in text
    assert '<span class="header__name">Dinas Tenaga Kerja Kota Palembang</span>' in text
    assert '<form class="search-form' in text
    # The language switcher goes to the other language's home page, with no
    # "this page is not translated" note: there is no page to translate.
    assert other_home in text
    assert "language-switcher__note" not in text


def test_unknown_url_in_a_deep_section_is_a_404_too(client, homes, production_errors):
    assert client.get("/en/a/b/c/").status_code == 404


def test_server_error_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/id/layanan/")

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    text = response.content.decode()
    assert '<html lang="id">' in text
    assert "Maaf, layanan sedang bermasalah" in text
    assert 'href="/id/"' in text


def test_server_error_page_speaks_the_language_of_the_request(django_assert_num_queries):
    request = RequestFactory().get("/en/services/")

    with translation.override("en"), django_assert_num_queries(0):
        text = server_error(request).content.decode()

    assert '<html lang="en">' in text
    assert "Sorry, there is a problem with the service" in text
    assert 'href="/en/"' in text


def test_an_exception_in_a_view_gives_the_styled_500(client, homes, production_errors, monkeypatch):
    from home.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text
