"""The error page while the database cannot be reached: 503 with Retry-After."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError, connections
from django.urls import path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns

pytestmark = [pytest.mark.django_db, pytest.mark.urls("ops.tests.test_errors")]


def _raises(error):
    def view(request):
        raise error

    return view


def _wrapped_outage(request):
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError as error:
        raise RuntimeError("could not load the page") from error


urlpatterns = [
    path("boom/operational/", _raises(OperationalError("could not connect to server"))),
    path("boom/interface/", _raises(InterfaceError("connection already closed"))),
    path("boom/wrapped/", _wrapped_outage),
    path("boom/programming/", _raises(ProgrammingError("column does not exist"))),
    path("boom/runtime/", _raises(RuntimeError("a bug"))),
    *site_urlpatterns,
]


@pytest.fixture
def visitor(client):
    """A visitor's browser: errors come back as the pages people see, not as exceptions."""
    client.raise_request_exception = False
    return client


def broken_cursor(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def test_a_page_asked_for_while_the_database_is_down_answers_503_with_retry_after(visitor, homes):
    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        response = visitor.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "The service is briefly unavailable" in content
    assert "we may not have received it: please send it again" in content


def test_the_503_page_speaks_the_language_of_the_url(visitor, homes):
    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        response = visitor.get("/id/")

    assert response.status_code == 503
    assert '<html lang="id">' in response.content.decode()


@pytest.mark.parametrize("kind", ["operational", "interface", "wrapped"])
def test_an_unreachable_or_dropped_database_connection_is_a_503(visitor, kind):
    response = visitor.get(f"/boom/{kind}/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


@pytest.mark.parametrize("kind", ["programming", "runtime"])
def test_other_errors_keep_the_styled_500_without_retry_after(visitor, kind):
    response = visitor.get(f"/boom/{kind}/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "The service is briefly unavailable" not in response.content.decode()
