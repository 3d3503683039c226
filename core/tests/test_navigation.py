"""Main menu, footer links, language switcher and breadcrumbs."""

import re

import pytest
from wagtail.models import PageViewRestriction

from core.models import NavigationMenu
from core.tests.factories import NavigationMenuFactory, NavigationMenuItemFactory
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(homes, translate):
    """/id/layanan/ (English /en/services/), in the menus."""
    page = StandardPageFactory(parent=homes.id, slug="layanan", title="Layanan", show_in_menus=True)
    translate(page, title="Services", slug="services")
    return page


def _main_menu(text):
    """(label, href, current) for each link of the main navigation."""
    nav = re.search(r'<nav class="nav" id="main-navigation".*?</nav>', text, re.S).group(0)
    return [
        (label, href, bool(current))
        for href, current, label in re.findall(
            r'<a class="nav__link" href="([^"]*)"( aria-current="page")?>([^<]*)</a>', nav
        )
    ]


def _language_switcher(text):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', text, re.S).group(0)
    links = dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', nav))
    return {code: href for href, code in links.items()}, "language-switcher__note" in nav


# Menus


def test_editor_menu_for_the_language_is_used(client, homes, section):
    id_menu = NavigationMenuFactory(locale=homes.id.locale)
    NavigationMenuItemFactory(menu=id_menu, link_page=section, label="Layanan kami")
    NavigationMenuItemFactory(menu=id_menu, link_url="https://siapkerja.kemnaker.go.id/", label="SIAPkerja")
    en_menu = NavigationMenuFactory(locale=homes.en.locale)
    NavigationMenuItemFactory(menu=en_menu, link_page=section.get_translation(homes.en.locale))

    assert _main_menu(client.get("/id/").text) == [
        ("Layanan kami", "/id/layanan/", False),
        ("SIAPkerja", "https://siapkerja.kemnaker.go.id/", False),
    ]
    assert _main_menu(client.get("/en/").text) == [("Services", "/en/services/", False)]


def test_editor_menu_drops_links_to_drafts_and_private_pages(client, homes, section):
    draft = StandardPageFactory(parent=homes.id, slug="draf", title="Halaman draf", live=False)
    private = StandardPageFactory(parent=homes.id, slug="rahasia", title="Halaman rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    menu = NavigationMenuFactory(locale=homes.id.locale)
    for page in (draft, section, private):
        NavigationMenuItemFactory(menu=menu, link_page=page)

    assert _main_menu(client.get("/id/").text) == [("Layanan", "/id/layanan/", False)]


def test_without_a_menu_the_home_pages_live_public_children_in_menus_appear(client, homes, section):
    StandardPageFactory(parent=homes.id, slug="tentang", title="Tentang kami", show_in_menus=True)
    StandardPageFactory(parent=homes.id, slug="bukan-menu", title="Bukan menu", show_in_menus=False)
    StandardPageFactory(parent=homes.id, slug="draf", title="Draf", show_in_menus=True, live=False)
    private = StandardPageFactory(parent=homes.id, slug="rahasia", title="Rahasia", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=section, slug="kartu", title="Cucu", show_in_menus=True)

    assert _main_menu(client.get("/id/").text) == [
        ("Layanan", "/id/layanan/", False),
        ("Tentang kami", "/id/tentang/", False),
    ]
    assert _main_menu(client.get("/en/").text) == [("Services", "/en/services/", False)]


def test_current_section_is_marked_in_the_menu(client, homes, section):
    StandardPageFactory(parent=homes.id, slug="tentang", title="Tentang kami", show_in_menus=True)
    StandardPageFactory(parent=section, slug="kartu", title="Kartu kuning")

    on_section = _main_menu(client.get("/id/layanan/").text)
    on_child = _main_menu(client.get("/id/layanan/kartu/").text)

    assert on_section == [("Layanan", "/id/layanan/", True), ("Tentang kami", "/id/tentang/", False)]
    assert on_child == on_section


def test_home_link_in_a_menu_is_current_only_on_the_home_page(client, homes, section):
    menu = NavigationMenuFactory(locale=homes.id.locale)
    NavigationMenuItemFactory(menu=menu, link_page=homes.id, label="Beranda")
    NavigationMenuItemFactory(menu=menu, link_page=section)

    assert _main_menu(client.get("/id/").text) == [
        ("Beranda", "/id/", True),
        ("Layanan", "/id/layanan/", False),
    ]
    assert _main_menu(client.get("/id/layanan/").text) == [
        ("Beranda", "/id/", False),
        ("Layanan", "/id/layanan/", True),
    ]


def test_footer_shows_the_editors_footer_links(client, homes, section):
    menu = NavigationMenuFactory(locale=homes.id.locale, slot=NavigationMenu.FOOTER)
    NavigationMenuItemFactory(menu=menu, link_page=section, label="Semua layanan")

    text = client.get("/id/").text
    footer = text[text.index('<footer class="footer"') :]

    assert '<a href="/id/layanan/">Semua layanan</a>' in footer
    assert "Semua layanan" not in str(_main_menu(text))


# Language switcher


def test_language_switcher_links_a_translated_page_to_its_translation(client, homes, section):
    links, note = _language_switcher(client.get("/id/layanan/").text)
    assert links == {"en": "/en/services/"}
    assert not note

    links, note = _language_switcher(client.get("/en/services/").text)
    assert links == {"id": "/id/layanan/"}
    assert not note


def test_language_switcher_sends_an_untranslated_page_to_the_other_home_with_a_note(client, homes, translate):
    StandardPageFactory(parent=homes.id, slug="hanya-indonesia")
    draft_translated = StandardPageFactory(parent=homes.id, slug="terjemahan-draf")
    translate(draft_translated, slug="draft-translation").unpublish()

    for path in ("/id/hanya-indonesia/", "/id/terjemahan-draf/"):
        links, note = _language_switcher(client.get(path).text)

        assert links == {"en": "/en/"}, path
        assert note, path


def test_language_switcher_marks_the_current_language(client, homes):
    text = client.get("/en/").text

    assert '<span class="language-switcher__current" aria-current="true" lang="en">English</span>' in text
    assert (
        '<a href="/id/" hreflang="id" lang="id" class="language-switcher__link">Bahasa Indonesia</a>' in text
    )


def test_language_switcher_on_search_keeps_the_search_in_the_other_language(client, homes):
    links, note = _language_switcher(client.get("/id/search/", {"q": "kartu kuning"}).text)

    assert links == {"en": "/en/search/?q=kartu+kuning"}
    assert not note


# Breadcrumbs


def test_breadcrumbs_list_the_ancestors_from_the_home_page(client, homes, section):
    child = StandardPageFactory(parent=section, slug="kartu", title="Kartu kuning")

    assert [page.title for page in child.get_breadcrumbs()] == ["Beranda Disnaker", "Layanan"]
    text = client.get("/id/layanan/kartu/").text
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', text, re.S).group(0)
    assert re.findall(r'<a class="breadcrumbs__link" href="([^"]*)">([^<]*)</a>', nav) == [
        ("/id/", "Beranda Disnaker"),
        ("/id/layanan/", "Layanan"),
    ]
    assert '<li class="breadcrumbs__item" aria-current="page">Kartu kuning</li>' in nav
    assert "Root" not in nav


def test_home_page_has_no_breadcrumbs(client, homes):
    assert list(homes.id.get_breadcrumbs()) == []
    assert '<nav class="breadcrumbs"' not in client.get("/id/").text
