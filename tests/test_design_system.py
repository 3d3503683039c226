"""The design system's budgets and rules, checked on rendered pages.

Budgets: a page's HTML, CSS and JavaScript together, gzip-compressed, stay
under 30 KB, so a page loads quickly on a slow, metered phone connection
(Perwali 44/2016, Article 2a: affordable, reachable everywhere). Rules: nothing
is loaded from another host, no inline styles or scripts (a strict
Content-Security-Policy stays possible), the skip link comes first, and
pasted content cannot break the layout.
"""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from core.models import AlertBanner
from core.tests.factories import AlertBannerFactory, ImageFactory
from home.tests.factories import StandardPageFactory, body

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 30 * 1024
CSS_BUDGET = 8 * 1024
BASE_DIR = Path(settings.BASE_DIR)
SITE_CSS = BASE_DIR / "static" / "css" / "site.css"
PRINT_CSS = BASE_DIR / "static" / "css" / "print.css"

# What an information page realistically holds: every kind of body block an
# editor uses on a guide, with Indonesian prose of a typical length.
PARAGRAPH = (
    "<p>Kartu tanda bukti pendaftaran pencari kerja (AK/I) diberikan tanpa biaya kepada setiap warga "
    "Kota Palembang yang sedang mencari pekerjaan. Kartu berlaku dua tahun dan wajib diperbarui setiap "
    "enam bulan dengan melapor ke Dinas Tenaga Kerja, baik secara daring maupun di loket layanan.</p>"
)
INFORMATION_BODY = body(
    ("paragraph", PARAGRAPH),
    ("heading", {"text": "Persyaratan", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>KTP elektronik Kota Palembang</li><li>Pas foto 3×4 dua lembar</li>"
        "<li>Ijazah terakhir dan transkrip nilai</li><li>Sertifikat pelatihan, bila ada</li></ul>",
    ),
    ("callout", {"kind": "warning", "title": "Gratis", "text": "<p>Layanan ini tidak dipungut biaya.</p>"}),
    ("heading", {"text": "Cara mendaftar", "level": "h2"}),
    (
        "steps",
        {
            "steps": [
                {"title": "Daftar akun SIAPkerja", "text": PARAGRAPH},
                {"title": "Lengkapi profil", "text": "<p>Unggah pas foto dan ijazah terakhir.</p>"},
                {"title": "Datang ke loket", "text": "<p>Bawa KTP asli; kartu dicetak di loket.</p>"},
            ]
        },
    ),
    ("heading", {"text": "Pertanyaan umum", "level": "h2"}),
    (
        "accordion",
        {
            "items": [
                {"title": "Berapa lama prosesnya?", "content": "<p>Sekitar 15 menit di loket.</p>"},
                {"title": "Apakah bisa diwakilkan?", "content": PARAGRAPH},
                {"title": "Bagaimana jika kartu hilang?", "content": PARAGRAPH},
            ]
        },
    ),
    (
        "table",
        {
            "caption": "Jam layanan loket",
            "table": {
                "data": [["Hari", "Jam"], ["Senin–Kamis", "08.00–16.00"], ["Jumat", "08.00–16.30"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
    ),
    ("paragraph", PARAGRAPH),
)


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text of <script> elements."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.scripts = []
        self._in_script = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = attrs
            self.scripts.append([attrs, ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts[-1][1] += data


def html_of(response):
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content).decode()
    return response.content.decode()


def static_assets(html):
    """Local paths of the stylesheets and scripts a page loads."""
    paths = []
    for tag, attrs in Collector(html).tags:
        url = None
        if tag == "link" and "stylesheet" in attrs.get("rel", "").split():
            url = attrs.get("href")
        elif tag == "script" and attrs.get("src"):
            url = attrs["src"]
        if url:
            assert url.startswith(settings.STATIC_URL), url
            found = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
            assert found, f"{url} is not a file in static/"
            paths.append(Path(found))
    return paths


def transferred_bytes(client, path):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assets = static_assets(html_of(response))
    return len(response.content) + sum(len(gzip.compress(asset.read_bytes())) for asset in assets)


@pytest.fixture
def site_pages(homes, translate):
    """A home page with a menu, featured sections and a banner, and an
    information page with a realistic body; returns their paths."""
    sections = [
        StandardPageFactory(parent=homes.id, slug=slug, title=title, show_in_menus=True)
        for slug, title in [
            ("layanan", "Layanan"),
            ("panduan", "Panduan"),
            ("regulasi", "Regulasi"),
            ("tentang-kami", "Tentang Kami"),
        ]
    ]
    info = StandardPageFactory(
        parent=sections[1],
        slug="kartu-pencari-kerja",
        title="Cara membuat kartu pencari kerja (AK/I)",
        summary="Langkah membuat kartu kuning secara daring dan mengambilnya di loket.",
        body=INFORMATION_BODY,
    )
    translate(sections[1], slug="guides", title="Guides")
    translate(info, slug="job-seeker-card", title="How to get a job-seeker card")
    links = [
        ("link", {"page": page.pk, "url": "", "title": "", "description": page.summary}) for page in sections
    ]
    homes.id.featured_links = body(*links)
    homes.id.save_revision().publish()
    AlertBannerFactory(message="Layanan tutup pada 17 Agustus.", severity=AlertBanner.WARNING)
    return {
        "home": "/id/",
        "info": "/id/panduan/kartu-pencari-kerja/",
        "info_en": "/en/guides/job-seeker-card/",
    }


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user("editor", password="x" * 12, is_staff=True)
    client.force_login(user)
    return client


def rendered_pages(client, site_pages):
    """(path, html) of every kind of page this system renders."""
    paths = [
        site_pages["home"],
        site_pages["info"],
        site_pages["info_en"],
        "/en/",
        "/id/search/?q=kartu",
        "/id/tidak-ada/",
    ]
    pages = []
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        pages.append((path, html_of(response)))
    return pages


# Budgets


@pytest.mark.parametrize("name", ["home", "info"])
def test_page_html_css_and_js_fit_in_30_kb_gzipped(client, site_pages, name):
    total = transferred_bytes(client, site_pages[name])
    assert total <= PAGE_BUDGET, f"{site_pages[name]}: {total} bytes gzipped"


def test_html_is_gzip_encoded_when_the_client_accepts_it(client, site_pages):
    response = client.get(site_pages["info"], HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Cara membuat kartu pencari kerja" in gzip.decompress(response.content).decode()


def test_site_css_stays_under_8_kb_gzipped():
    assert len(gzip.compress(SITE_CSS.read_bytes())) <= CSS_BUDGET


# Nothing from elsewhere, nothing inline


def test_no_element_loads_anything_from_another_host(client, site_pages):
    for path, html in rendered_pages(client, site_pages):
        for tag, attrs in Collector(html).tags:
            urls = [attrs.get("src"), attrs.get("data"), attrs.get("poster")]
            urls += [part.strip().split(" ")[0] for part in (attrs.get("srcset") or "").split(",")]
            rel = (attrs.get("rel") or "").split()
            if tag == "link" and not {"canonical", "alternate"} & set(rel):
                urls.append(attrs.get("href"))
            for url in filter(None, urls):
                assert not re.match(r"^(https?:)?//", url), f"{path}: <{tag}> loads {url}"


def test_stylesheets_import_nothing_and_load_nothing_from_another_host():
    for sheet in (SITE_CSS, PRINT_CSS):
        css = sheet.read_text()
        assert "@import" not in css, sheet.name
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css), sheet.name


def test_pages_have_no_inline_styles_or_scripts(client, site_pages):
    for path, html in rendered_pages(client, site_pages):
        collected = Collector(html)
        for tag, attrs in collected.tags:
            assert "style" not in attrs, f"{path}: <{tag} style=...>"
            assert tag != "style", f"{path}: <style> element"
            handlers = [name for name in attrs if name.startswith("on")]
            assert not handlers, f"{path}: <{tag}> has {handlers}"
        for attrs, text in collected.scripts:
            if attrs.get("src"):
                assert not text.strip(), f"{path}: script with both src and text"
            else:
                assert attrs.get("type") == "application/ld+json", f"{path}: inline <script>"


def test_scripts_are_deferred_so_they_never_block_rendering(client, site_pages):
    html = html_of(client.get(site_pages["home"]))
    scripts = [attrs for attrs, _text in Collector(html).scripts if attrs.get("src")]

    assert scripts
    assert all("defer" in attrs or "async" in attrs for attrs in scripts)


# Keyboard


FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary", "iframe"}


def first_focusable(html):
    for tag, attrs in Collector(html).tags:
        tabindex = attrs.get("tabindex")
        if tabindex is not None and tabindex.lstrip("-").isdigit() and int(tabindex) < 0:
            continue
        if tag == "a" and "href" not in attrs:
            continue
        if tag == "input" and attrs.get("type") == "hidden":
            continue
        if tag in FOCUSABLE or tabindex is not None:
            return tag, attrs
    return None


def test_skip_link_is_the_first_focusable_element_and_targets_main_content(client, site_pages):
    for path, html in rendered_pages(client, site_pages):
        tag, attrs = first_focusable(html)
        assert (tag, attrs.get("class"), attrs.get("href")) == ("a", "skip-link", "#main-content"), path
        main = [a for t, a in Collector(html).tags if a.get("id") == "main-content"]
        assert len(main) == 1 and main[0].get("tabindex") == "-1", path


# Content that must not break the page


def test_page_with_empty_heading_very_long_word_and_image_renders(client, homes):
    word = "Ketenagakerjaan" * 20
    assert len(word) == 300
    image = ImageFactory(title="Loket layanan")
    StandardPageFactory(
        parent=homes.id,
        slug="uji",
        title="Halaman uji",
        body=body(
            ("heading", {"text": "", "level": "h2"}),
            ("paragraph", f"<p>{word}</p>"),
            ("image", {"image": image.pk, "alt_text": "Loket layanan Disnaker", "caption": "Loket"}),
        ),
    )

    response = client.get("/id/uji/")

    assert response.status_code == 200
    html = response.content.decode()
    assert word in html
    assert 'alt="Loket layanan Disnaker"' in html
    assert '<h2 class="heading"></h2>' not in html


def test_long_words_break_and_images_shrink_to_the_screen():
    css = SITE_CSS.read_text()
    body_rule = re.search(r"\nbody \{[^}]*\}", css).group(0)

    assert "overflow-wrap: anywhere" in body_rule
    assert re.search(r"\nimg[^{]*\{[^}]*max-width: 100%;[^}]*height: auto", css)


def test_motion_is_reduced_when_the_reader_asks():
    assert "@media (prefers-reduced-motion: reduce)" in SITE_CSS.read_text()


# Every class the components use is styled


# Hooks that need no rule of their own in site.css (print.css or site.js use
# them, or they only group children that are styled).
UNSTYLED_HOOKS = {
    "footer__contact",
    "footer__complaints",
    "footer__links",
    "language-switcher",
    "breadcrumbs",
}
MODIFIERS = {
    "button": ["primary", "secondary", "warning", "start"],
    "banner": ["urgent", "warning", "announcement", "success"],
    "tag": ["grey", "blue", "green", "yellow", "red"],
    "callout": ["info", "warning", "success"],
}
STYLED_BY_BASE = {"button--primary", "banner--announcement", "tag--blue", "callout--info"}


def component_classes():
    templates = list((BASE_DIR / "templates" / "components").glob("*.html"))
    templates += list((BASE_DIR / "core" / "templates" / "core" / "blocks").glob("*.html"))
    templates += [
        BASE_DIR / "templates" / name for name in ("base.html", "404.html", "error_base.html", "500.html")
    ]
    names = set()
    for template in templates:
        for value in re.findall(r'class="([^"]*)"', template.read_text()):
            value = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", value)
            names.update(name for name in value.split() if re.fullmatch(r"[a-z][a-z0-9_-]*[a-z0-9]", name))
    for block, variants in MODIFIERS.items():
        names.update(f"{block}--{variant}" for variant in variants)
    return names - STYLED_BY_BASE


def test_every_component_class_has_a_rule():
    css = SITE_CSS.read_text() + PRINT_CSS.read_text()
    missing = sorted(
        name
        for name in component_classes() - UNSTYLED_HOOKS
        if not re.search(rf"\.{re.escape(name)}(?![\w-])", css)
    )
    assert not missing


# The style guide


def test_style_guide_shows_every_component_to_staff(staff_client, site_pages):
    response = staff_client.get("/id/styleguide/")

    assert response.status_code == 200
    html = response.content.decode()
    for template in sorted((BASE_DIR / "templates" / "components").glob("*.html")):
        assert f"components/{template.name}" in html
    assert 'class="banner banner--urgent"' in html
    assert 'class="error-summary"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_style_guide_follows_the_active_language(staff_client, site_pages):
    english = staff_client.get("/en/styleguide/").content.decode()

    assert '<html lang="en">' in english
    assert "Style guide" in english


def test_style_guide_sends_anonymous_visitors_to_the_admin_login(client, site_pages):
    response = client.get("/id/styleguide/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/id/styleguide/")


def test_style_guide_is_forbidden_to_users_who_are_not_staff(client, site_pages):
    user = get_user_model().objects.create_user("citizen", password="x" * 12)
    client.force_login(user)

    assert client.get("/id/styleguide/").status_code == 403


def test_style_guide_address_without_language_goes_to_a_language(staff_client, site_pages):
    response = staff_client.get("/styleguide/")

    assert response.status_code == 302
    assert response["Location"] == "/id/styleguide/"
