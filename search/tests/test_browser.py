"""static/js/search.js in Debian's chromium: the WAI-ARIA combobox on the search form.

templates/base.html loads the script on every page. The shared ``browser`` fixture
(conftest.py) skips these tests without chromium, unless REQUIRE_BROWSER=1.
"""

import pytest

from .factories import guide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def root_page(transactional_db):
    """Flushing transactional tests remove Wagtail's root page, which ``homes`` builds on."""
    from core.testing import ensure_wagtail_roots

    ensure_wagtail_roots()


@pytest.fixture
def search_page(browser, live_server, root_page, homes):
    """The Indonesian search page with the script, and the page's JavaScript errors."""
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")
    guide(homes.id, "Kartu pencari kerja", slug="kartu-pencari-kerja")
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests = []
    page.on("request", lambda request: "/suggest/" in request.url and requests.append(request.url))

    def open_page(route_failure=False):
        if route_failure:
            page.route("**/suggest/**", lambda route: route.abort())
        page.goto(f"{live_server.url}/id/search/")
        return page.locator("main input[name='q']")

    yield open_page, page, errors, requests
    context.close()


def test_script_makes_the_search_box_a_combobox(search_page):
    open_page, page, errors, _requests = search_page
    box = open_page()

    listbox_id = box.get_attribute("aria-controls")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert page.locator(f"#{listbox_id}").get_attribute("role") == "listbox"
    assert errors == []


def test_typing_shows_suggestions_after_one_debounced_request(search_page):
    open_page, page, errors, requests = search_page
    box = open_page()

    box.press_sequentially("kartu", delay=30)
    options = page.locator(f"#{box.get_attribute('aria-controls')} [role='option']")
    options.first.wait_for()

    assert box.get_attribute("aria-expanded") == "true"
    assert sorted(options.all_text_contents()) == ["Kartu kuning", "Kartu pencari kerja"]
    assert len(requests) == 1
    assert errors == []


def test_arrow_keys_move_the_active_option_and_enter_opens_it(search_page):
    open_page, page, errors, _requests = search_page
    box = open_page()
    box.press_sequentially("kartu ku")
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.locator("[role='option']").first.wait_for()

    box.press("ArrowDown")
    first = listbox.locator("[role='option']").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"

    with page.expect_navigation():
        box.press("Enter")
    assert page.url.endswith("/id/kartu-kuning/")
    assert errors == []


def test_escape_closes_the_list(search_page):
    open_page, page, _errors, _requests = search_page
    box = open_page()
    box.press_sequentially("kartu")
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.locator("[role='option']").first.wait_for()

    box.press("Escape")

    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    assert box.get_attribute("aria-activedescendant") is None


def test_failing_endpoint_leaves_the_plain_form_working(search_page):
    open_page, page, errors, requests = search_page
    box = open_page(route_failure=True)

    box.press_sequentially("kartu")
    page.wait_for_timeout(600)
    assert box.get_attribute("aria-expanded") == "false"
    assert requests

    with page.expect_navigation():
        box.press("Enter")
    assert "/id/search/?q=kartu" in page.url
    assert "Kartu kuning" in page.content()
    assert errors == []
