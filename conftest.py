"""Fixtures every app's tests share: the two languages and a bilingual site."""

import os
from pathlib import Path

import pytest
from django.utils import translation

from core.demo import ensure_site, upsert_translation
from tests import shared_data as shared

# Layers of data built once and shared by the tests that can share them: the fixture and
# the hooks that open and close the layers between tests (tests/shared_data.py).
shared_data = shared.shared_data
pytest_runtest_setup = shared.pytest_runtest_setup
pytest_terminal_summary = shared.pytest_terminal_summary


def build_homes():
    from home.models import HomePage

    return ensure_site(
        HomePage,
        id_fields={"title": "Beranda Disnaker", "intro": "<p>Selamat datang</p>"},
        en_fields={"title": "Disnaker home", "slug": "home", "intro": "<p>Welcome</p>"},
    )


@pytest.fixture
@shared.shared_layer("homes", build_homes)
def homes(db, shared_data):
    """An Indonesian home page as the site root, with its English translation (built
    once for the tests that can share it: tests/shared_data.py)."""
    return shared_data.get("homes")


@pytest.fixture
def translate():
    """``translate(page, **english_fields)``: the page's published English translation."""
    from wagtail.models import Locale

    def _translate(page, **fields):
        return upsert_translation(page, Locale.objects.get(language_code="en"), **fields)

    return _translate


@pytest.fixture
def client(client):
    """The test client, speaking to the default site's host."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and cached fragments live in the cache, remembered routes and pages
    in the process (core.routing, core.pagecache), and so do rate limits while the cache
    is down (core.publicforms): each test starts afresh."""
    from django.core.cache import cache

    from core import pagecache, publicforms, routing

    cache.clear()
    routing.forget()
    pagecache.forget()
    publicforms.forget_local_counts()


def _private_files(storage, folder=""):
    dirs, files = storage.listdir(folder)
    yield from (f"{folder}/{name}".lstrip("/") for name in files)
    for name in dirs:
        yield from _private_files(storage, f"{folder}/{name}".lstrip("/"))


@pytest.fixture(autouse=True)
def _empty_private_storage():
    """The in-memory private storage of the test settings (uploads from the
    public) outlives a test: each test starts with it empty."""
    from core.uploads import private_storage

    storage = private_storage()
    for name in list(_private_files(storage)):
        storage.delete(name)


@pytest.fixture(autouse=True)
def _default_language():
    translation.activate("id")
    yield
    translation.deactivate()


# Browser tests (marked "browser") drive Debian's chromium through Playwright.
# Playwright's sync API runs an event loop in this thread; without this Django
# refuses to touch the database from the test while that loop runs.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing_browser():
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def browser():
    """One chromium for the whole session; each test opens its own context."""
    reason = _missing_browser()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (REQUIRE_BROWSER=1) but {reason}")
        print(f"\nSkipping browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
