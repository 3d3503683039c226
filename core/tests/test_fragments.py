"""The header, menus and footer are rendered once per page, language and
cache generation, and are never stale or shared where they must not be."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600


def add_page(parent, title, slug, **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def guide(homes):
    return add_page(homes.id, "Panduan kartu kuning", "panduan-kartu-kuning", show_in_menus=True)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_second_view_of_a_page_skips_the_queries_of_its_header_and_footer(client, guide):
    first = queries_for(client, "/id/panduan-kartu-kuning/")
    second = queries_for(client, "/id/panduan-kartu-kuning/")

    assert second < first


def test_the_fragments_are_the_same_html_as_without_them(client, settings, guide):
    cached = (client.get("/id/panduan-kartu-kuning/"), client.get("/id/panduan-kartu-kuning/"))
    settings.FRAGMENT_CACHE_SECONDS = 0
    fresh = client.get("/id/panduan-kartu-kuning/")

    assert cached[0].content == cached[1].content == fresh.content


def test_a_page_published_into_the_menu_shows_there_at_once(client, homes, guide):
    client.get("/id/panduan-kartu-kuning/")
    add_page(homes.id, "Jadwal bursa kerja", "jadwal-bursa-kerja", show_in_menus=True)

    assert "Jadwal bursa kerja" in client.get("/id/panduan-kartu-kuning/").text


def test_each_page_gets_its_own_language_links_and_current_menu_item(client, homes, translate, guide):
    translate(guide, title="Yellow card guide")
    other = add_page(homes.id, "Bursa kerja", "bursa-kerja", show_in_menus=True)

    guide_html = client.get("/id/panduan-kartu-kuning/").text
    other_html = client.get("/id/bursa-kerja/").text

    assert 'href="/en/panduan-kartu-kuning/"' in guide_html
    assert 'href="/en/panduan-kartu-kuning/"' not in other_html
    assert 'href="/id/bursa-kerja/" aria-current="page"' in other_html
    assert 'href="/id/bursa-kerja/" aria-current="page"' not in guide_html
    assert other.pk != guide.pk


def test_each_language_gets_its_own_header(client, translate, guide):
    translate(guide, title="Yellow card guide")

    indonesian = client.get("/id/panduan-kartu-kuning/").text
    english = client.get("/en/panduan-kartu-kuning/").text

    assert 'aria-current="true" lang="id"' in indonesian
    assert 'aria-current="true" lang="en"' in english


def test_the_search_box_in_the_header_is_not_shared_between_searches(client, guide):
    client.get("/id/search/?q=kartu")

    html = client.get("/id/search/?q=lowongan").text

    assert 'value="lowongan"' in html
    assert 'value="kartu"' not in html
    assert 'href="/en/search/?q=lowongan"' in html


def test_views_that_are_not_pages_share_the_menu(client, homes, guide):
    client.get("/id/search/?q=kartu")
    add_page(homes.id, "Jadwal bursa kerja", "jadwal-bursa-kerja", show_in_menus=True)

    assert "Jadwal bursa kerja" in client.get("/id/search/?q=lowongan").text


def test_a_changed_setting_shows_at_once_with_the_page_cache_off(client, settings, guide):
    from core.models import SiteSettings

    settings.PAGE_CACHE_SECONDS = 0
    client.get("/id/panduan-kartu-kuning/")
    office = SiteSettings.load()
    office.office_name = "Dinas Tenaga Kerja dan Transmigrasi"
    office.save()

    assert "Dinas Tenaga Kerja dan Transmigrasi" in client.get("/id/panduan-kartu-kuning/").text


def test_a_cached_rich_text_link_follows_the_linked_page_to_its_new_address(guide):
    from django.utils import translation

    from core.fragments import expand_richtext

    html = f'<p><a linktype="page" id="{guide.pk}">panduan</a></p>'
    with translation.override("id"):
        before = expand_richtext(html)
        guide.slug = "kartu-kuning"
        guide.save_revision().publish()
        after = expand_richtext(html)

    assert 'href="/id/panduan-kartu-kuning/"' in before
    assert 'href="/id/kartu-kuning/"' in after
