"""In Debian's chromium: the public pages and Wagtail's admin run under their policies
without a single Content-Security-Policy violation, and the 2FA set-up works end to end.

The shared ``browser`` fixture (conftest.py) skips these tests without chromium,
unless REQUIRE_BROWSER=1.
"""

import pytest
from django_otp.oath import totp

from .factories import PASSWORD, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def root_page(transactional_db):
    """Flushing transactional tests remove Wagtail's root page, which ``homes`` builds on."""
    from core.testing import ensure_wagtail_roots

    ensure_wagtail_roots()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.violations = []
    tab.on(
        "console",
        lambda message: "Content Security Policy" in message.text and tab.violations.append(message.text),
    )
    yield tab
    context.close()


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_public_pages_break_no_rule_of_the_policy(page, live_server, root_page, homes):
    policies = [
        page.goto(live_server.url + path).headers.get("content-security-policy", "")
        for path in ("/id/", "/en/", "/id/search/?q=kartu")
    ]

    assert all("script-src 'self';" in policy for policy in policies)
    assert page.violations == []


def test_admin_signs_in_with_2fa_and_runs_under_its_policy(page, live_server, root_page, homes):
    user = StaffFactory()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name='username']", user.username)
    page.fill("input[name='password']", PASSWORD)
    page.click("button[type='submit']")
    page.wait_for_url("**/admin/2fa/setup/**")
    device = user.totpdevice_set.get()
    page.fill("input[name='token']", code_for(device))
    page.click("form.login-form button[type='submit']")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{homes.id.pk}/edit/")
    page.wait_for_selector("form#page-edit-form")
    response = page.goto(f"{live_server.url}/admin/pages/{homes.id.pk}/")

    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    assert page.violations == []
