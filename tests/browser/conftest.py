"""Browser tests: Playwright drives Debian's chromium against pytest-django's
live server, on the real demo content (``manage.py seed_demo``).

Without /usr/bin/chromium the tests are skipped, with the reason printed,
unless REQUIRE_BROWSER=1 (as in CI), where they fail instead.
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from core.testing import ensure_wagtail_roots

#: A page taller than this many milliseconds to act on has a problem.
TIMEOUT_MS = 15_000

# A page a citizen might paste into: one unbroken 300-character word.
LONG_WORD = "Ketenagakerjaan" * 20
LONG_WORD_PATH = "/id/uji-kata-panjang/"


def _add_long_word_page():
    from wagtail.models import Locale

    from home.models import HomePage
    from home.tests.factories import StandardPageFactory, body

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="id"))
    StandardPageFactory(
        parent=home,
        slug=LONG_WORD_PATH.strip("/").split("/")[-1],
        title=f"Uji {LONG_WORD[:200]}",
        summary=LONG_WORD,
        body=body(
            ("paragraph", f"<p>Kata panjang: {LONG_WORD}.</p>"),
            (
                "table",
                {
                    "caption": "Tabel lebar",
                    "table": {
                        "data": [["Kolom", LONG_WORD], ["Isi", "Isi"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                },
            ),
        ),
    )


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, seeded once for the browser tests of this package
    (seed_demo takes half a minute) and committed so that the live server sees
    it. Afterwards the database is put back as it was found."""
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        ensure_wagtail_roots()
        cache.clear()
        call_command("seed_demo", stdout=io.StringIO())
        _add_long_word_page()
        yield
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(before)
        cache.clear()


@pytest.fixture
def transactional_db(browser, demo_site):
    """pytest-django's live_server asks for ``transactional_db``. Here it is the
    committed, seeded database of the package, not flushed after each test:
    browser tests read the demo content and must not change it. (``browser``
    first, so that a missing chromium skips before any seeding.)"""


@pytest.fixture
def site_url(live_server, transactional_db):
    """``site_url("/id/")``: an address on the live server. The demo site's
    hostname is localhost:80; Wagtail falls back to it as the default site."""
    return lambda path: f"{live_server.url}{path}"


@pytest.fixture
def new_page(browser):
    """``new_page(**context_options)``: a page in a fresh browser context."""
    contexts = []

    def _new_page(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()
