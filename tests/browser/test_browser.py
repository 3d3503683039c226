"""The site in a real browser: accessibility (axe-core), keyboard use, use
without JavaScript and a 320 px wide screen, on the demo content."""

import pytest

from .conftest import LONG_WORD, LONG_WORD_PATH

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every kind of page, in both languages, with filtered and empty listings.
AXE_PATHS = [
    "/id/",
    "/en/",
    "/id/tentang-kami/",
    "/en/about-us/",
    "/id/panduan/",
    "/en/guides/",
    "/id/panduan/panduan-wajib-lapor-ketenagakerjaan/",
    "/en/guides/company-manpower-reporting-guide/",
    "/id/panduan/panduan-pelatihan-di-blk/",
    "/en/guides/training-at-the-vocational-training-centre/",
    "/id/berita/",
    "/en/news/?kind=announcement",
    "/id/berita/jam-layanan-mediasi-libur-akhir-tahun/",
    "/en/news/mediation-service-hours-year-end-holidays/",
    "/id/agenda/",
    "/en/events/palembang-city-job-fair/",
    "/id/regulasi/",
    "/en/regulations/?type=Perwali",
    "/id/regulasi/perwali-44-2016/",
    "/en/regulations/perwali-44-2016/",
    "/id/profil/",
    "/en/profile/",
    "/id/titik-layanan/",
    "/en/access-points/?kind=nothing-matches-this",
    "/id/titik-layanan/loket-pelayanan-kantor-disnaker/",
    "/en/access-points/main-service-counter/",
    "/id/layanan/",
    "/en/services/?audience=g2b",
    "/id/layanan/kartu-pencari-kerja-ak1/",
    "/en/services/job-seeker-card-ak1/",
    "/id/layanan/dari-pencari-kerja-ke-penempatan/",
    "/en/services/from-job-seeker-to-placement/",
    "/id/search/?q=kartu",
    "/id/search/?q=zzzzqqq",
    "/en/search/?q=card",
    "/id/halaman-yang-tidak-ada/",
    "/en/no-such-page/",
]


def focused(page):
    """What has the keyboard focus: tag, class, id, text and href."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), cls: el.className, id: el.id,
                    text: (el.textContent || "").trim(), href: el.getAttribute("href")};
        }"""
    )


def tab_until(page, predicate, limit=40):
    """Press Tab until ``predicate(focused)``; returns every element passed on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now)
        if predicate(now):
            return seen
    raise AssertionError(f"not reached in {limit} Tabs: {[(s['tag'], s['text'][:30]) for s in seen]}")


# (a) Accessibility


@pytest.mark.parametrize("path", AXE_PATHS)
def test_page_has_no_wcag_violations(new_page, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page()
    page.goto(site_url(path))
    # Open every accordion section so that its content is checked too.
    page.evaluate("() => document.querySelectorAll('main details').forEach(d => d.open = true)")

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})

    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0, results.generate_snapshot()


# (b) Keyboard only


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(new_page, site_url):
    page = new_page()
    page.goto(site_url("/id/tentang-kami/"))

    page.keyboard.press("Tab")
    first = focused(page)
    assert (first["cls"], first["href"]) == ("skip-link", "#main-content")
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"


def test_keyboard_reaches_the_menu_and_switches_to_the_english_page(new_page, site_url):
    page = new_page()
    page.goto(site_url("/id/tentang-kami/"))
    menu_links = page.locator("#main-navigation .nav__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert menu_links

    passed = tab_until(page, lambda el: el["href"] == menu_links[-1])
    hrefs = [el["href"] for el in passed]
    assert all(link in hrefs for link in menu_links)
    assert "/en/about-us/" in hrefs

    page.goto(site_url("/id/tentang-kami/"))
    tab_until(page, lambda el: el["href"] == "/en/about-us/")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url == site_url("/en/about-us/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About us"


def test_keyboard_opens_the_menu_on_a_narrow_screen(new_page, site_url):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url("/id/"))
    assert not page.locator("#main-navigation .nav__link").first.is_visible()

    tab_until(page, lambda el: el["tag"] == "summary")
    page.keyboard.press("Enter")
    passed = tab_until(page, lambda el: "nav__link" in el["cls"])

    assert page.locator("#main-navigation .nav__link").first.is_visible()
    assert passed[-1]["href"] == page.locator("#main-navigation .nav__link").first.get_attribute("href")


# (c) Without JavaScript


def test_without_javascript_menu_leads_to_a_guide_whose_accordion_opens(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url("/id/"))

    page.locator("#main-navigation").get_by_role("link", name="Panduan", exact=True).click()
    assert page.url == site_url("/id/panduan/")
    page.get_by_role("link", name="Panduan wajib lapor ketenagakerjaan bagi perusahaan").click()
    assert page.locator("h1").inner_text() == "Panduan wajib lapor ketenagakerjaan bagi perusahaan"

    answer = page.get_by_text("Setiap pengusaha yang mempekerjakan pekerja.")
    assert not answer.is_visible()
    page.locator("summary", has_text="Siapa yang wajib lapor?").click()
    assert answer.is_visible()


def test_without_javascript_menu_is_open_on_a_narrow_screen(new_page, site_url):
    page = new_page(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page.goto(site_url("/id/"))

    assert page.locator("#main-navigation .nav__link").first.is_visible()


def test_without_javascript_search_form_shows_results(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url("/id/"))

    search = page.locator("main .search-form")
    search.get_by_role("searchbox").fill("kartu pencari kerja")
    search.get_by_role("button").click()

    assert "/id/search/?q=kartu" in page.url
    results = page.locator("main .card__link")
    assert results.count() >= 1
    assert "Cara membuat kartu pencari kerja (AK/I)" in results.all_inner_texts()


# (d) A 320 px wide screen


@pytest.mark.parametrize("path", ["/id/", "/id/tentang-kami/", "/id/panduan/panduan-pelatihan-di-blk/"])
def test_no_horizontal_scrolling_at_320_px(new_page, site_url, path):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url(path))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.locator(".nav__summary").click()
    assert page.locator("#main-navigation .nav__link").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_pasted_300_character_word_does_not_widen_the_page_at_320_px(new_page, site_url):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url(LONG_WORD_PATH))

    assert LONG_WORD in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_without_javascript_the_service_directory_filters_by_audience(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url("/en/services/"))
    all_services = page.locator("main .service-card").count()

    page.get_by_label("For").select_option("g2b")
    page.locator("form.filter-form button[type=submit]").first.click()

    page.wait_for_url("**audience=g2b**")
    filtered = page.locator("main .service-card").count()
    assert 0 < filtered < all_services


def test_without_javascript_the_regulations_library_filters_by_type(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url("/id/regulasi/"))

    page.locator("form.filter-form select[name=type]").select_option("Perwali")
    page.locator("form.filter-form button[type=submit]").first.click()

    page.wait_for_url("**type=Perwali**")
    assert "Perwali" in page.locator("main").inner_text()
    assert "UU No." not in page.locator("main").inner_text()


def test_style_guide_with_every_component_and_form_errors_has_no_wcag_violations(new_page, site_url):
    """The style guide shows each component, the form fields with their errors and
    the error summary among them: the form states that public forms reuse."""
    from axe_playwright_python.sync_playwright import Axe
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="axe-staff").delete()
    get_user_model().objects.create_superuser("axe-staff", "axe@example.org", "axe-staff-password-123")
    page = new_page()
    page.goto(site_url("/admin/login/"))
    page.fill("input[name=username]", "axe-staff")
    page.fill("input[name=password]", "axe-staff-password-123")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/**")

    page.goto(site_url("/id/styleguide/"))
    assert page.locator(".error-summary").count() >= 1
    assert page.locator(".field--error").count() >= 1
    page.evaluate("() => document.querySelectorAll('main details').forEach(d => d.open = true)")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})

    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0, results.generate_snapshot()
