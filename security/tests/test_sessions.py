"""Sessions end after a period without activity; passwords need 12 characters."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from security import lockout
from security.testing import login_verified

from .factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    state = {"now": 1_800_000_000.0}
    monkeypatch.setattr(lockout, "now", lambda: state["now"])
    return state


def admin_client(client):
    login_verified(client, StaffFactory())
    return client


def test_activity_keeps_the_session(client, clock):
    admin_client(client)
    client.get("/admin/")
    clock["now"] += 29 * 60

    assert client.get("/admin/").status_code == 200


def test_an_idle_session_is_signed_out(client, clock):
    admin_client(client)
    client.get("/admin/")
    clock["now"] += 31 * 60

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_short_passwords_are_refused():
    with pytest.raises(ValidationError):
        validate_password("Short-pass1")


def test_min_length_is_twelve():
    lengths = [
        v.get("OPTIONS", {}).get("min_length")
        for v in django_settings.AUTH_PASSWORD_VALIDATORS
        if v["NAME"].endswith("MinimumLengthValidator")
    ]

    assert lengths == [12]
