"""The questions page kept once for everyone who neither filters nor has voted
(core.fragments): a voter still sees their vote, a filter still filters, and every
visitor's vote forms carry their own CSRF token."""

import re

import pytest
from django.test import Client

from faq.models import Vote
from faq.tests.factories import FAQEntryFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def entry(category):
    return FAQEntryFactory(category=category, slug="biaya", question="Berapa biaya kartu kuning?")


def test_a_visitor_who_voted_sees_their_vote_on_the_shared_page(client, faq_page, entry):
    Client().get(faq_page.url)  # another visitor fills the shared copy
    client.post(f"{faq_page.url}vote/biaya/", {"helpful": "yes"})

    html = client.get(faq_page.url).text

    assert "Anda sudah menjawab pertanyaan ini." in html


def test_a_voter_sees_their_vote_when_the_page_is_cached(client, faq_page, entry, settings):
    settings.PAGE_CACHE_SECONDS = 600
    Client(HTTP_HOST="localhost").get(faq_page.url)
    client.post(f"{faq_page.url}vote/biaya/", {"helpful": "yes"})

    html = client.get(faq_page.url).text

    assert "Anda sudah menjawab pertanyaan ini." in html


def test_a_voters_page_is_never_kept_for_other_visitors(client, faq_page, entry, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.post(f"{faq_page.url}vote/biaya/", {"helpful": "yes"})
    client.get(faq_page.url)  # the first view of the page after the vote

    html = Client(HTTP_HOST="localhost").get(faq_page.url).text

    assert "Anda sudah menjawab pertanyaan ini." not in html


def test_the_voter_cookie_goes_back_to_the_questions_page_only(client, faq_page, entry):
    client.post(f"{faq_page.url}vote/biaya/", {"helpful": "yes"})

    assert client.cookies["faq_voter"]["path"] == faq_page.url


def test_a_second_visitor_votes_with_the_token_of_their_own_page(faq_page, entry):
    Client().get(faq_page.url)
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(faq_page.url).text

    token = TOKEN.search(html).group(1)
    response = visitor.post(f"{faq_page.url}vote/biaya/", {"helpful": "yes", "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert Vote.objects.filter(entry=entry).count() == 1


def test_a_filter_still_filters_after_the_whole_list_was_kept(client, faq_page, entry, category):
    FAQEntryFactory(category=category, slug="jadwal", question="Kapan jadwal bursa kerja?")
    client.get(faq_page.url)

    html = client.get(faq_page.url, {"q": "bursa"}).text

    assert 'id="q-jadwal"' in html and 'id="q-biaya"' not in html


def test_a_question_added_after_the_list_was_kept_shows_at_once(client, faq_page, entry, category):
    client.get(faq_page.url)

    FAQEntryFactory(category=category, slug="lokasi", question="Di mana kantor Disnaker?")

    assert 'id="q-lokasi"' in client.get(faq_page.url).text
