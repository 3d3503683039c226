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


# The tag's options ---------------------------------------------------------------------


def render_fragment(source, request, **context):
    from django.template import Context, Template

    return Template("{% load fragment_tags %}" + source).render(Context({"request": request, **context}))


def counting(calls):
    """A context value that counts how often the template reads it."""

    def value():
        calls.append(1)
        return len(calls)

    return value


def test_a_fragment_varying_on_a_value_keeps_one_copy_per_value(rf, guide):
    calls = []
    source = '{% fragment "list" per_page number %}{{ count }}{% endfragment %}'
    request = rf.get("/id/panduan-kartu-kuning/")

    first = render_fragment(source, request, page=guide, number=1, count=counting(calls))
    again = render_fragment(source, request, page=guide, number=1, count=counting(calls))
    other = render_fragment(source, request, page=guide, number=2, count=counting(calls))

    assert (first, again, other) == ("1", "1", "2")


def test_a_fragment_varying_on_none_is_rendered_fresh(rf, guide):
    calls = []
    source = '{% fragment "list" per_page personal %}{{ count }}{% endfragment %}'
    request = rf.get("/id/panduan-kartu-kuning/")

    render_fragment(source, request, page=guide, personal=None, count=counting(calls))
    render_fragment(source, request, page=guide, personal=None, count=counting(calls))

    assert len(calls) == 2


def test_a_view_that_is_not_a_page_renders_a_varying_fragment_fresh(rf, guide):
    calls = []
    source = '{% fragment "head" per_page request.path %}{{ count }}{% endfragment %}'
    request = rf.get("/id/tidak-ada/")

    render_fragment(source, request, count=counting(calls))
    render_fragment(source, request, count=counting(calls))

    assert len(calls) == 2


def test_each_visitor_gets_their_own_csrf_token_in_a_shared_fragment(rf, guide):
    from django.middleware.csrf import get_token

    source = '{% fragment "form" per_page %}<form>{% csrf_token %}</form>{% endfragment %}'
    tokens = []
    for _ in range(2):
        request = rf.get("/id/panduan-kartu-kuning/")
        token = get_token(request)
        html = render_fragment(source, request, page=guide, csrf_token=token)
        tokens.append(token)
        assert f'name="csrfmiddlewaretoken" value="{token}"' in html

    assert tokens[0] != tokens[1]


def test_a_stored_fragment_holds_no_visitor_token(rf, guide):
    from django.core.cache import cache
    from django.middleware.csrf import get_token

    from core import fragments

    request = rf.get("/id/panduan-kartu-kuning/")
    token = get_token(request)
    source = '{% fragment "form" per_page %}<form>{% csrf_token %}</form>{% endfragment %}'
    render_fragment(source, request, page=guide, csrf_token=token)

    stored = cache.get(fragments.cache_key("form", request, guide))
    assert token not in stored
    assert fragments.CSRF_MARK in stored
