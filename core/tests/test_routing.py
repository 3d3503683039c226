"""Each process remembers the site of each host and the page each path ends on
(core.routing), and a change to pages, sites, locales or view restrictions is
honoured at once, as if nothing were remembered."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from core import pagecache, routing
from core.models import AlertBanner, SiteSettings
from home.models import StandardPage
from home.tests.factories import body
from news.tests.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db

GUIDE = "/id/panduan-kartu-kuning/"


@pytest.fixture(autouse=True)
def _memo_on(settings, monkeypatch):
    """Fragments (and so the memo) on; the page cache off, so it hides nothing; and
    a memo of this test's own, not one a test before it filled."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(routing, "_memo", routing._Memo())


def add_page(parent, title, slug, text="<p>Isi halaman.</p>", **fields):
    page = StandardPage(title=title, slug=slug, body=body(("paragraph", text)), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def guide(homes):
    return add_page(homes.id, "Panduan kartu kuning", "panduan-kartu-kuning", "<p>Bawa KTP asli.</p>")


@pytest.fixture
def section(homes):
    return add_page(homes.id, "Layanan", "layanan")


def view(client, url, times=1):
    """The last of ``times`` views of ``url``: earlier ones fill the memo and the fragments."""
    for _ in range(times):
        response = client.get(url)
    return response


def view_counting_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries.captured_queries]


def tables_read(sql, table):
    return [query for query in sql if f'FROM "{table}"' in query]


def memo_off(monkeypatch):
    monkeypatch.setattr(routing, "enabled", lambda: False)


def remembered_routes():
    return routing._memo.current(pagecache.generation()).routes


# What the memo saves --------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/id/layanan/panduan/", "/id/layanan/berita/feed/rss/"])
def test_a_repeat_view_skips_the_site_lookup_and_the_walk_down_the_tree(client, monkeypatch, section, url):
    add_page(section, "Panduan", "panduan")
    NewsIndexPageFactory(parent=section)
    view(client, url, times=2)

    remembered, remembered_sql = view_counting_queries(client, url)
    memo_off(monkeypatch)
    walked, walked_sql = view_counting_queries(client, url)

    assert remembered.status_code == walked.status_code == 200
    assert not tables_read(remembered_sql, "wagtailcore_site")
    assert len(tables_read(remembered_sql, "wagtailcore_page")) < len(
        tables_read(walked_sql, "wagtailcore_page")
    )


def test_a_remembered_page_is_the_same_html_as_a_walked_one(client, monkeypatch, guide):
    remembered = view(client, GUIDE, times=3)
    memo_off(monkeypatch)

    assert remembered.content == view(client, GUIDE).content


def test_a_path_not_yet_remembered_costs_no_more_queries_than_without_the_memo(client, monkeypatch, guide):
    view(client, GUIDE, times=2)
    monkeypatch.setattr(routing, "_memo", routing._Memo())  # a process that has not seen it

    _, first_sql = view_counting_queries(client, GUIDE)
    memo_off(monkeypatch)
    _, walked_sql = view_counting_queries(client, GUIDE)

    assert len(first_sql) == len(walked_sql)


def test_with_fragments_off_nothing_is_remembered(client, settings, guide):
    settings.FRAGMENT_CACHE_SECONDS = 0

    view(client, GUIDE, times=2)

    assert not remembered_routes()
    assert not routing._memo.current(pagecache.generation()).sites


def test_the_memo_keeps_no_more_than_max_routes_paths_the_latest_ones(client, monkeypatch, homes):
    monkeypatch.setattr(routing, "MAX_ROUTES", 2)
    for slug in ("satu", "dua", "tiga"):
        add_page(homes.id, slug.title(), slug)
    view(client, "/id/satu/")  # the setting created on first use starts a new generation

    for slug in ("satu", "dua", "tiga"):
        view(client, f"/id/{slug}/")

    assert [path for _site, _language, path in remembered_routes()] == ["dua/", "tiga/"]
    assert "Satu" in view(client, "/id/satu/").text


# Changes are honoured at once -----------------------------------------------------------


def test_a_page_published_below_a_remembered_page_is_served_at_once(client, guide):
    view(client, GUIDE, times=2)
    view(client, GUIDE + "jadwal/")

    add_page(guide, "Jadwal pengambilan kartu", "jadwal")

    assert "Jadwal pengambilan kartu" in view(client, GUIDE + "jadwal/").text


def test_an_unpublished_page_answers_404_at_once(client, guide):
    view(client, GUIDE, times=2)

    guide.unpublish()

    assert view(client, GUIDE).status_code == 404


def test_a_deleted_page_answers_404_at_once(client, guide):
    view(client, GUIDE, times=2)

    guide.delete()

    assert view(client, GUIDE).status_code == 404


def test_a_moved_page_is_served_at_its_new_path_and_its_old_one_redirects_there(client, guide, section):
    view(client, GUIDE, times=2)

    guide.move(section, pos="last-child")

    old = view(client, GUIDE)  # not the page: Wagtail's redirect, made on the move, answers
    assert (old.status_code, old["Location"]) == (301, "/id/layanan/panduan-kartu-kuning/")
    assert "Bawa KTP asli." in view(client, "/id/layanan/panduan-kartu-kuning/").text


def test_a_path_given_up_by_a_renamed_page_serves_the_page_that_took_it(client, homes, guide):
    view(client, GUIDE, times=2)

    guide.slug = "kartu-kuning"
    guide.save_revision().publish()
    add_page(homes.id, "Panduan kartu kuning yang baru", "panduan-kartu-kuning", "<p>Daftar daring.</p>")

    html = view(client, GUIDE).text
    assert "Daftar daring." in html
    assert "Bawa KTP asli." not in html
    assert "Bawa KTP asli." in view(client, "/id/kartu-kuning/").text


def test_a_page_put_behind_a_password_after_being_viewed_shows_the_password_form(client, guide):
    view(client, GUIDE, times=2)

    PageViewRestriction.objects.create(page=guide, restriction_type="password", password="rahasia")

    html = view(client, GUIDE).text
    assert 'name="password"' in html
    assert "Bawa KTP asli." not in html


def test_a_site_whose_host_name_changed_no_longer_answers_for_the_old_one(client, homes, guide):
    site = Site.objects.create(hostname="kartu.example", port=80, root_page=guide)
    visitor = Client(HTTP_HOST="kartu.example")
    assert "Bawa KTP asli." in view(visitor, "/id/", times=2).text

    site.hostname = "kartu-kuning.example"
    site.save()

    assert "Selamat datang" in view(visitor, "/id/").text  # the default site's home page


def test_a_changed_snippet_shows_at_once_with_only_the_fragments_on(client, guide):
    view(client, GUIDE, times=2)

    AlertBanner.objects.create(
        locale=Locale.objects.get(language_code="id"),
        message="Layanan tutup tanggal 1 Desember",
        starts_at=timezone.now(),
    )

    assert "Layanan tutup tanggal 1 Desember" in view(client, GUIDE).text


@pytest.mark.parametrize("change", ["setting", "site", "locale", "view restriction"])
def test_what_decides_routes_or_shows_on_pages_starts_a_new_generation_with_only_the_fragments_on(
    change, guide
):
    before = pagecache.generation()

    if change == "setting":
        SiteSettings.load().save()
    elif change == "site":
        Site.objects.get(is_default_site=True).save()
    elif change == "locale":
        Locale.objects.get(language_code="en").save()
    else:
        PageViewRestriction.objects.create(page=guide, restriction_type="password", password="rahasia")

    assert pagecache.generation() != before


# Each route its own ---------------------------------------------------------------------


def test_a_sub_path_of_a_routable_page_serves_its_own_view_when_remembered(client, section):
    NewsIndexPageFactory(parent=section)
    feed = "/id/layanan/berita/feed/rss/"

    first = view(client, feed, times=2)
    remembered = view(client, feed)

    assert remembered["Content-Type"].startswith("application/rss+xml")
    assert remembered.content == first.content


def test_a_routable_page_and_its_sub_paths_are_remembered_apart(client, section):
    NewsIndexPageFactory(parent=section)
    view(client, "/id/layanan/berita/", times=2)
    view(client, "/id/layanan/berita/feed/rss/")
    view(client, "/id/layanan/berita/feed/atom/")

    assert view(client, "/id/layanan/berita/")["Content-Type"].startswith("text/html")
    assert view(client, "/id/layanan/berita/feed/rss/")["Content-Type"].startswith("application/rss+xml")
    assert view(client, "/id/layanan/berita/feed/atom/")["Content-Type"].startswith("application/atom+xml")
    assert view(client, "/id/layanan/berita/feed/nothing/").status_code == 404


def test_each_language_gets_its_own_page_at_the_same_path(client, translate, guide):
    translate(guide, title="Yellow card guide", body=body(("paragraph", "<p>Bring your ID card.</p>")))
    english = GUIDE.replace("/id/", "/en/")
    view(client, GUIDE, times=2)
    view(client, english, times=2)

    assert "Bawa KTP asli." in view(client, GUIDE).text
    assert "Bring your ID card." in view(client, english).text


def test_each_site_gets_its_own_page_at_the_same_path(client, guide, section):
    add_page(section, "Panduan kartu kuning cabang", "panduan-kartu-kuning", "<p>Di kantor cabang.</p>")
    Site.objects.create(hostname="cabang.example", port=80, root_page=section)
    branch = Client(HTTP_HOST="cabang.example")
    view(client, GUIDE, times=2)
    view(branch, GUIDE, times=2)

    assert "Bawa KTP asli." in view(client, GUIDE).text
    assert "Di kantor cabang." in view(branch, GUIDE).text


def test_a_site_looked_up_while_another_thread_starts_a_new_generation_is_not_kept_in_it(homes, monkeypatch):
    """The lookup of a request that began under the old generation may have read the
    old sites; a request of the new generation must look them up again."""
    lookup = routing.get_site_for_hostname

    def lookup_while_a_site_is_saved(*args):
        found = lookup(*args)
        pagecache.invalidate()
        routing._memo.current(pagecache.generation())  # another thread's request
        return found

    monkeypatch.setattr(routing, "get_site_for_hostname", lookup_while_a_site_is_saved)
    routing.find_site(RequestFactory().get("/id/", HTTP_HOST="localhost"))

    assert not routing._memo.current(pagecache.generation()).sites


# View restrictions ----------------------------------------------------------------------


def wagtail_restriction_lookups(monkeypatch):
    """The pages Wagtail's own ``get_view_restrictions`` (two queries) is run for."""
    from wagtail.models import Page

    looked_up, lookup = [], Page.get_view_restrictions

    def counting(page):
        looked_up.append(page.pk)
        return lookup(page)

    monkeypatch.setattr(Page, "get_view_restrictions", counting)
    return looked_up


def test_a_repeat_view_of_a_page_without_restrictions_does_not_look_them_up(client, guide, monkeypatch):
    view(client, GUIDE, times=2)
    looked_up = wagtail_restriction_lookups(monkeypatch)

    response = view(client, GUIDE)

    assert response.status_code == 200
    assert guide.pk not in looked_up


def test_a_restriction_put_on_an_ancestor_after_a_view_applies_at_once(client, homes, section):
    add_page(section, "Panduan", "panduan", "<p>Isi panduan.</p>")
    view(client, "/id/layanan/panduan/", times=2)

    PageViewRestriction.objects.create(page=section, restriction_type="login")

    assert view(client, "/id/layanan/panduan/").status_code == 302  # to the sign-in page


def test_a_restricted_page_is_checked_on_every_view(client, guide, monkeypatch):
    PageViewRestriction.objects.create(page=guide, restriction_type="password", password="rahasia")
    view(client, GUIDE, times=2)
    looked_up = wagtail_restriction_lookups(monkeypatch)

    response = view(client, GUIDE)

    assert 'name="password"' in response.text
    assert guide.pk in looked_up


def test_a_removed_restriction_opens_the_page_at_once(client, guide):
    restriction = PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert view(client, GUIDE, times=2).status_code == 302

    restriction.delete()

    assert "Bawa KTP asli." in view(client, GUIDE).text


def test_with_fragments_off_restrictions_are_looked_up_on_every_view(client, settings, guide, monkeypatch):
    settings.FRAGMENT_CACHE_SECONDS = 0
    view(client, GUIDE, times=2)
    looked_up = wagtail_restriction_lookups(monkeypatch)

    view(client, GUIDE)

    assert guide.pk in looked_up
