"""sitemap.xml, robots.txt, the <head> every page shares and its JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def section(homes, translate):
    """/id/layanan/ with its English translation /en/services/."""
    page = StandardPageFactory(parent=homes.id, slug="layanan", title="Layanan", show_in_menus=True)
    translate(page, title="Services", slug="services")
    return page


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own response)
    entries = {}
    for url in root.findall("sm:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[url.findtext("sm:loc", namespaces=NS)] = alternates
    return entries


def test_sitemap_lists_pages_of_both_languages_with_hreflang_alternates(client, homes, section):
    entries = _sitemap(client)

    both = {
        "id": "http://localhost/id/layanan/",
        "en": "http://localhost/en/services/",
        "x-default": "http://localhost/id/layanan/",
    }
    assert entries["http://localhost/id/layanan/"] == both
    assert entries["http://localhost/en/services/"] == both
    assert "http://localhost/id/" in entries
    assert "http://localhost/en/" in entries


def test_sitemap_locations_are_absolute_urls_of_the_pages_site(client, homes, section):
    for location in _sitemap(client):
        assert re.fullmatch(r"http://localhost/(id|en)/[\w/-]*", location), location


def test_sitemap_never_lists_drafts_or_private_pages(client, homes, section, translate):
    StandardPageFactory(parent=homes.id, slug="draf", live=False)
    private = StandardPageFactory(parent=homes.id, slug="rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=private, slug="di-bawah-rahasia")
    untranslated = StandardPageFactory(parent=homes.id, slug="hanya-indonesia")
    translate(untranslated, title="Draft English", slug="draft-english").unpublish()

    entries = _sitemap(client)
    listed = set(entries) | {href for alternates in entries.values() for href in alternates.values()}

    assert not any(word in url for url in listed for word in ("draf", "rahasia", "draft-english"))
    assert entries["http://localhost/id/hanya-indonesia/"] == {
        "id": "http://localhost/id/hanya-indonesia/",
        "x-default": "http://localhost/id/hanya-indonesia/",
    }


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, homes):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def _head(text):
    return text.split("</head>", 1)[0]


def test_head_has_canonical_open_graph_and_hreflang_alternates(client, homes, section):
    for path, title in (("/id/layanan/", "Layanan"), ("/en/services/", "Services")):
        head = _head(client.get(path).text)

        assert f'<link rel="canonical" href="http://localhost{path}">' in head
        assert f'<meta property="og:title" content="{title}">' in head
        assert f'<meta property="og:url" content="http://localhost{path}">' in head
        assert '<link rel="alternate" hreflang="id" href="http://localhost/id/layanan/">' in head
        assert '<link rel="alternate" hreflang="en" href="http://localhost/en/services/">' in head
        assert '<link rel="alternate" hreflang="x-default" href="http://localhost/id/layanan/">' in head


def test_head_of_untranslated_page_offers_no_english_alternate(client, homes):
    StandardPageFactory(parent=homes.id, slug="hanya-indonesia")

    head = _head(client.get("/id/hanya-indonesia/").text)

    assert 'hreflang="en"' not in head
    assert '<link rel="alternate" hreflang="id" href="http://localhost/id/hanya-indonesia/">' in head


def test_og_title_prefers_the_seo_title(client, homes):
    StandardPageFactory(parent=homes.id, slug="kartu", title="Kartu", seo_title="Kartu kuning (AK/I)")

    head = _head(client.get("/id/kartu/").text)

    assert '<meta property="og:title" content="Kartu kuning (AK/I)">' in head


def _json_ld(text):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [item for block in blocks for item in json.loads(block)]


def test_breadcrumb_json_ld_lists_ancestors_with_positions(client, homes, section):
    StandardPageFactory(parent=section, slug="kartu", title="Kartu kuning")

    data = _json_ld(client.get("/id/layanan/kartu/").text)

    (crumbs,) = [item for item in data if item["@type"] == "BreadcrumbList"]
    assert crumbs["@context"] == "https://schema.org"
    assert [(i["position"], i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        (1, "Beranda Disnaker", "http://localhost/id/"),
        (2, "Layanan", "http://localhost/id/layanan/"),
        (3, "Kartu kuning", "http://localhost/id/layanan/kartu/"),
    ]


def test_json_ld_cannot_close_its_script_element(client, homes):
    StandardPageFactory(parent=homes.id, slug="aneh", title="</script><b>x</b>")

    text = client.get("/id/aneh/").text

    data = _json_ld(text)
    assert data[0]["itemListElement"][-1]["name"] == "</script><b>x</b>"


def test_news_items_are_shared_as_articles_and_other_pages_as_websites(client, homes):
    from news.tests.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=homes.id, slug="berita")
    NewsPageFactory(parent=index, slug="bursa-kerja")

    assert '<meta property="og:type" content="article">' in client.get("/id/berita/bursa-kerja/").text
    assert '<meta property="og:type" content="website">' in client.get("/id/berita/").text
