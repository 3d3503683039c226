"""The site search answers with matching questions above its page results."""

import pytest

from faq.tests.factories import FAQEntryFactory

pytestmark = pytest.mark.django_db


def test_a_matching_question_is_offered_with_a_link_to_its_page(client, faq_page, category):
    FAQEntryFactory(
        category=category,
        question="Berapa biaya membuat kartu kuning?",
        slug="biaya-kartu-kuning",
        short_answer="Gratis, tidak dipungut biaya.",
    )

    html = client.get("/id/search/", {"q": "biaya kartu kuning"}).content.decode()

    assert 'id="answers-heading"' in html
    assert 'href="/id/tanya-jawab/q/biaya-kartu-kuning/"' in html
    assert "Berapa biaya membuat kartu kuning?" in html


def test_a_draft_question_is_never_offered(client, faq_page, category):
    FAQEntryFactory(category=category, question="Kapan bursa kerja rahasia?", live=False)

    html = client.get("/id/search/", {"q": "bursa rahasia"}).content.decode()

    assert "Kapan bursa kerja rahasia?" not in html


def test_questions_of_the_other_language_are_not_offered(client, faq_page, faq_page_en, category):
    from faq.tests.factories import FAQCategoryFactory, locale

    english = FAQCategoryFactory(name="Yellow card", slug="yellow-card", locale=locale("en"))
    FAQEntryFactory(category=english, question="How much does the yellow card cost?", slug="cost")

    html = client.get("/id/search/", {"q": "yellow card cost"}).content.decode()

    assert "How much does the yellow card cost?" not in html


def test_without_an_faq_page_there_are_no_answers(client, homes, category):
    FAQEntryFactory(category=category, question="Berapa biaya kartu kuning?")

    html = client.get("/id/search/", {"q": "biaya kartu kuning"}).content.decode()

    assert 'id="answers-heading"' not in html
