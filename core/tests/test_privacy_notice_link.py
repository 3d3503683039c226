"""The privacy notice linked from the footer and beside every consent box."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from core.models import SiteSettings
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TWO_LINKS = Template(
    "{% load core_tags %}{% privacy_notice_url as footer %}{% privacy_notice_url as consent %}"
    "{{ footer }}|{{ consent }}"
)


@pytest.fixture
def privacy(homes):
    page = StandardPageFactory(parent=homes.id, slug="kebijakan-privasi", title="Kebijakan privasi")
    office = SiteSettings.load()
    office.privacy_page = page
    office.save()
    return page


def footer_link(text):
    footer = text[text.index('<footer class="footer"') :]
    return 'href="/id/kebijakan-privasi/"' in footer, 'href="/en/privacy/"' in footer


def test_the_footer_links_the_privacy_notice_in_the_language_of_the_page(client, privacy, translate):
    translate(privacy, title="Privacy notice", slug="privacy")

    assert footer_link(client.get("/id/").text) == (True, False)
    assert footer_link(client.get("/en/").text) == (False, True)


def test_without_a_live_translation_the_footer_links_the_original(client, privacy, translate):
    english = translate(privacy, title="Privacy notice", slug="privacy")
    english.unpublish()

    assert footer_link(client.get("/en/").text) == (True, False)


def test_without_a_privacy_page_the_footer_has_no_link(client, homes):
    assert "kebijakan-privasi" not in client.get("/id/").text


def request_for(path):
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    # What any page view has looked up before its footer: the settings, the site
    # (kept on the request) and the site root paths (kept in the cache).
    SiteSettings.load(request_or_site=request)
    Site.find_for_request(request)
    Site.get_site_root_paths()
    return request


def test_the_footer_and_a_consent_box_cost_one_query_together(privacy, translate, django_assert_num_queries):
    translate(privacy, title="Privacy notice", slug="privacy")
    request = request_for("/en/")

    with translation.override("en"), django_assert_num_queries(1):
        text = TWO_LINKS.render(Context({"request": request}))

    assert text == "/en/privacy/|/en/privacy/"


def test_the_link_is_looked_up_again_for_another_language_in_the_same_request(privacy, translate):
    translate(privacy, title="Privacy notice", slug="privacy")
    request = request_for("/en/")

    with translation.override("en"):
        english = TWO_LINKS.render(Context({"request": request}))
    with translation.override("id"):
        indonesian = TWO_LINKS.render(Context({"request": request}))

    assert (english, indonesian) == (
        "/en/privacy/|/en/privacy/",
        "/id/kebijakan-privasi/|/id/kebijakan-privasi/",
    )


def test_with_the_fragment_cache_on_a_second_request_costs_no_query(
    privacy, settings, django_assert_num_queries
):
    settings.FRAGMENT_CACHE_SECONDS = 600
    TWO_LINKS.render(Context({"request": request_for("/id/")}))
    request = request_for("/id/")

    with django_assert_num_queries(0):
        text = TWO_LINKS.render(Context({"request": request}))

    assert text == "/id/kebijakan-privasi/|/id/kebijakan-privasi/"
