"""Lock-out after repeated failed sign-ins, per user name and per client address."""

import pytest

from security import lockout

from .factories import PASSWORD, StaffFactory

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-in attempts. Signing in is locked for 15 minutes"


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        follow=True,
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        sign_in(client, username, "wrong-password", address)


@pytest.fixture
def clock(monkeypatch):
    """The lock-out's clock, moved forward by the tests instead of sleeping."""
    state = {"now": 1_800_000_000.0}
    monkeypatch.setattr(lockout, "now", lambda: state["now"])
    return state


def test_four_failures_do_not_lock(client, clock):
    user = StaffFactory()
    fail(client, user.username, 4)

    sign_in(client, user.username, PASSWORD)

    assert signed_in(client)


def test_five_failures_lock_even_the_right_password_out_with_a_message(client, clock):
    user = StaffFactory()
    fail(client, user.username, 5)

    response = sign_in(client, user.username, PASSWORD)

    assert not signed_in(client)
    assert LOCKED in response.content.decode()


def test_the_lock_ends_after_the_period(client, clock):
    user = StaffFactory()
    fail(client, user.username, 5)
    clock["now"] += 900 + 1

    sign_in(client, user.username, PASSWORD)

    assert signed_in(client)


def test_the_user_name_stays_locked_from_another_address(client, clock):
    user = StaffFactory()
    fail(client, user.username, 5, address="10.0.0.1")

    response = sign_in(client, user.username, PASSWORD, address="10.0.0.2")

    assert not signed_in(client)
    assert LOCKED in response.content.decode()


def test_an_address_trying_many_user_names_is_locked(client, clock):
    user = StaffFactory()
    for n in range(5):
        sign_in(client, f"guess{n}", "wrong-password", address="10.0.0.9")

    sign_in(client, user.username, PASSWORD, address="10.0.0.9")

    assert not signed_in(client)


def test_limits_come_from_the_settings(client, clock, settings):
    settings.SECURITY_LOGIN_MAX_FAILURES = 2
    settings.SECURITY_LOGIN_LOCKOUT_SECONDS = 60
    user = StaffFactory()
    fail(client, user.username, 2)

    response = sign_in(client, user.username, PASSWORD)

    assert not signed_in(client)
    assert "Signing in is locked for 1 minute;" in response.content.decode()


def test_a_successful_sign_in_forgets_earlier_failures(client, clock):
    user = StaffFactory()
    fail(client, user.username, 4)
    sign_in(client, user.username, PASSWORD)
    client.logout()
    fail(client, user.username, 1, address="10.0.0.3")

    sign_in(client, user.username, PASSWORD, address="10.0.0.3")

    assert signed_in(client)


def test_the_user_name_is_not_kept_in_the_clear(client, clock):
    from django.core.cache import cache

    fail(client, "someone.private", 5)

    assert not any("someone.private" in str(key) for key in cache._cache)  # locmem
