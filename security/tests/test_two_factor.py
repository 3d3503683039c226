"""Two-factor authentication (TOTP) is required for staff in the admin."""

import pytest
from django.core.management import CommandError, call_command
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp

from security.totp import current_code, secret

from .factories import StaffFactory, totp_device

pytestmark = pytest.mark.django_db


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def verified_in_session(client, device):
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_staff_without_a_device_is_sent_to_setup(client):
    client.force_login(StaffFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/admin/2fa/setup/?next=%2Fadmin%2F"


def test_staff_with_a_device_is_asked_for_a_code(client):
    user = StaffFactory()
    totp_device(user)
    client.force_login(user)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"


def test_django_admin_is_guarded_too(client):
    client.force_login(StaffFactory())

    response = client.get("/django-admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/2fa/setup/")


def test_with_a_verified_device_the_admin_opens(client):
    user = StaffFactory()
    device = totp_device(user)
    client.force_login(user)
    verified_in_session(client, device)

    assert client.get("/admin/").status_code == 200


def test_2fa_can_be_turned_off_by_the_setting(client, settings):
    settings.SECURITY_TWO_FACTOR_REQUIRED = False
    client.force_login(StaffFactory())

    assert client.get("/admin/").status_code == 200


def test_anonymous_visitor_goes_to_the_login_page_not_setup(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_setup_page_shows_the_secret_and_otpauth_address(client):
    user = StaffFactory()
    client.force_login(user)

    response = client.get("/admin/2fa/setup/", HTTP_ACCEPT_LANGUAGE="en")
    device = user.totpdevice_set.get()

    assert device.confirmed is False
    assert secret(device) in response.content.decode()
    assert "otpauth://totp/" in response.content.decode()


def test_a_correct_code_confirms_the_new_device_and_opens_the_admin(client):
    user = StaffFactory()
    client.force_login(user)
    client.get("/admin/2fa/setup/")
    device = user.totpdevice_set.get()

    response = client.post("/admin/2fa/setup/", {"token": code_for(device), "next": "/admin/pages/"})

    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get("/admin/").status_code == 200


def test_a_correct_code_verifies_the_session(client):
    user = StaffFactory()
    device = totp_device(user)
    client.force_login(user)

    response = client.post("/admin/2fa/verify/", {"token": code_for(device), "next": "/admin/"})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client):
    user = StaffFactory()
    device = totp_device(user)
    client.force_login(user)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = client.post("/admin/2fa/verify/", {"token": wrong})

    assert response.status_code == 200
    assert "Kode ini salah atau sudah kedaluwarsa." in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_next_may_not_leave_the_site(client):
    user = StaffFactory()
    device = totp_device(user)
    client.force_login(user)

    response = client.post("/admin/2fa/verify/", {"token": code_for(device), "next": "https://evil.example/"})

    assert response.url == "/admin/"


def test_totp_code_is_the_rfc_6238_code_of_the_device_key():
    device = totp_device(StaffFactory())

    assert current_code(device) == code_for(device)
    assert device.verify_token(code_for(device)) is True


def test_show_totp_prints_the_key_and_the_current_code_in_development(settings, capsys):
    settings.DEBUG = True
    user = StaffFactory(username="admin")

    call_command("show_totp", "admin")
    device = user.totpdevice_set.get(confirmed=True)
    out = capsys.readouterr().out

    assert secret(device) in out
    assert f"code now: {code_for(device)}" in out


def test_show_totp_refuses_outside_development(settings):
    settings.DEBUG = False
    StaffFactory(username="admin")

    with pytest.raises(CommandError):
        call_command("show_totp", "admin")
