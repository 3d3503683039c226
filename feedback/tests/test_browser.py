"""A citizen files a complaint, gets a reference, and finds the editor's reply
on the tracking page, in a real browser (chromium through Playwright).

The live server needs committed data, so (as in tests/browser/conftest.py)
the module works on the committed database and puts it back afterwards,
instead of pytest-django's flush, which would also remove the rows the
migrations create (Wagtail's root page, locales)."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from core.testing import ensure_wagtail_roots
from feedback import demo, services
from feedback.models import FeedbackTicket

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def committed_db(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_wagtail_roots()
        before = connection.creation.serialize_db_to_string()
        cache.clear()
        yield
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0, stdout=io.StringIO())
        connection.creation.deserialize_db_from_string(before)
        cache.clear()


@pytest.fixture
def transactional_db(browser, committed_db):
    """live_server asks for it: here, the module's committed database
    (``browser`` first, so that a missing chromium skips before any work)."""


@pytest.fixture
def db(transactional_db):
    """Fixtures built on ``db`` (homes) write to the same committed database."""


@pytest.fixture
def feedback_site(homes):
    """The demo feedback page (/en/feedback/), created once, idempotently."""
    demo.seed(homes)


@pytest.fixture
def editor(django_user_model):
    user, _created = django_user_model.objects.get_or_create(username="browser-editor", is_staff=True)
    return user


@pytest.fixture
def new_page(browser):
    contexts = []

    def _new_page(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


def test_a_citizen_files_a_complaint_and_finds_the_reply(new_page, live_server, feedback_site, editor):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/en/feedback/")
    page.get_by_role("radio", name="Complaint", exact=True).check()
    page.get_by_label("Subject", exact=True).fill("Card not ready")
    page.get_by_label("Your message", exact=True).fill(
        "I registered two weeks ago and the card is not ready."
    )
    page.get_by_label("Your name", exact=True).fill("Rina Wulandari")
    page.locator("#id_email").fill("rina@example.id")
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Send", exact=True).click()

    page.wait_for_url(re.compile(r"/en/feedback/sent/$"))
    reference = page.locator("[data-reference]").inner_text().strip()
    assert re.fullmatch(r"ADU-\d{4}-\d{6}", reference)
    assert reference not in page.url

    ticket = FeedbackTicket.objects.get(reference=reference)
    services.reply(ticket, "Your card is ready at counter 3.", editor)

    page.get_by_role("link", name="Track your ticket").click()
    page.get_by_label("Reference number").fill(reference.lower())
    page.get_by_label("The e-mail address or phone number you gave").fill("RINA@example.id")
    page.get_by_role("button", name="Find my ticket").click()

    assert page.locator("[data-ticket-status]").inner_text().strip() == "Answered"
    assert "Your card is ready at counter 3." in page.locator("[data-ticket-reply]").inner_text()
    assert "contact=" not in page.url and "rina" not in page.url


def test_the_form_with_errors_has_no_wcag_violations(new_page, live_server, feedback_site):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page()
    page.goto(f"{live_server.url}/en/feedback/")
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_selector(".error-summary")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0, results.generate_snapshot()
