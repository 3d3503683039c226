"""A visitor's journey across languages, in a real browser."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_visitor_switches_to_english_and_reads_a_news_item(new_page, site_url):
    page = new_page()
    page.goto(site_url("/id/"))
    assert page.locator("html").get_attribute("lang") == "id"

    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"

    menu = page.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="News and announcements").click()
    page.wait_for_url(re.compile(r"/en/news/"))
    first_item = page.locator("main article a").first
    title = first_item.inner_text().strip()
    first_item.click()

    page.wait_for_url(re.compile(r"/en/news/[\w-]+/$"))
    assert page.locator("h1").inner_text().strip() == title
    assert page.locator("html").get_attribute("lang") == "en"
