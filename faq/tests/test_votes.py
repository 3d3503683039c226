import pytest

from faq import services
from faq.models import Vote
from faq.tests.factories import FAQEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(category):
    return FAQEntryFactory(category=category, slug="biaya")


def vote_url(page, entry):
    return f"{page.url}vote/{entry.slug}/"


def test_a_vote_without_javascript_redirects_back_to_the_answer_with_thanks(client, faq_page, entry):
    response = client.post(vote_url(faq_page, entry), {"helpful": "yes", "next": faq_page.url})

    assert response.status_code == 302
    assert response["Location"] == f"{faq_page.url}?thanks=biaya#q-biaya"
    assert entry.yes_count == 1


def test_the_thank_you_shows_in_the_opened_answer(client, faq_page_en):
    from faq.tests.factories import FAQCategoryFactory, locale

    FAQEntryFactory(category=FAQCategoryFactory(locale=locale("en")), slug="cost")

    html = client.get(faq_page_en.url, {"thanks": "cost"}).content.decode()

    assert 'id="q-cost" data-faq-entry' in html
    assert "Thank you for your answer." in html
    assert html.count(" open>") == 1


def test_a_vote_with_javascript_answers_in_json(client, faq_page_en):
    from faq.tests.factories import FAQCategoryFactory, locale

    entry = FAQEntryFactory(category=FAQCategoryFactory(locale=locale("en")), slug="cost")

    response = client.post(vote_url(faq_page_en, entry), {"helpful": "no"}, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json() == {"ok": True, "message": "Thank you for your answer."}
    assert entry.no_count == 1


def test_a_second_vote_from_the_same_visitor_replaces_the_first(client, faq_page, entry):
    client.post(vote_url(faq_page, entry), {"helpful": "yes"})
    client.post(vote_url(faq_page, entry), {"helpful": "yes"})
    client.post(vote_url(faq_page, entry), {"helpful": "no"})

    assert (entry.yes_count, entry.no_count) == (0, 1)
    assert Vote.objects.count() == 1


def test_clearing_the_cookie_does_not_stuff_the_counts(client, faq_page, entry, settings):
    settings.FAQ_MAX_VOTES_PER_ADDRESS = 3
    for _ in range(10):
        client.cookies.clear()
        client.post(vote_url(faq_page, entry), {"helpful": "yes"})

    assert entry.yes_count == 3


def test_visitors_on_other_addresses_each_count(client, faq_page, entry):
    for number in range(5):
        client.cookies.clear()
        client.post(vote_url(faq_page, entry), {"helpful": "yes"}, REMOTE_ADDR=f"10.0.0.{number}")

    assert entry.yes_count == 5


def test_votes_are_rate_limited(client, faq_page, entry, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"faq_vote": (2, 3600), "default": (20, 3600)}
    client.post(vote_url(faq_page, entry), {"helpful": "yes"})
    client.post(vote_url(faq_page, entry), {"helpful": "yes"})

    response = client.post(vote_url(faq_page, entry), {"helpful": "no"})

    assert response.status_code == 429
    assert entry.yes_count == 1 and entry.no_count == 0


def test_a_vote_without_an_answer_is_refused(client, faq_page, entry):
    response = client.post(vote_url(faq_page, entry), {"comment": "hm"})

    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_a_comment_is_kept_encrypted_and_shown_to_editors_only(client, faq_page, entry):
    from django.db import connection

    client.post(vote_url(faq_page, entry), {"helpful": "no", "comment": "Kurang jelas lokasinya"})

    with connection.cursor() as cursor:
        cursor.execute("SELECT comment FROM faq_vote")
        (stored,) = cursor.fetchone()
    assert "Kurang jelas" not in stored
    assert entry.recent_comments() == "Kurang jelas lokasinya"
    assert "Kurang jelas" not in client.get(faq_page.url).content.decode()


def test_votes_on_drafts_are_not_found(client, faq_page, category):
    draft = FAQEntryFactory(category=category, live=False)

    assert client.post(vote_url(faq_page, draft), {"helpful": "yes"}).status_code == 404


def test_record_vote_keeps_one_vote_per_voter(entry):
    services.record_vote(entry, voter_id="a" * 32, address="x", helpful=True)
    services.record_vote(entry, voter_id="a" * 32, address="x", helpful=True)

    assert Vote.objects.filter(entry=entry).count() == 1
