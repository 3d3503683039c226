import json
import re

import pytest

from faq.tests.factories import FAQEntryFactory

pytestmark = pytest.mark.django_db


def json_ld(response):
    """Every schema.org object of the page (the page has one script holding a list)."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [item for block in blocks for item in json.loads(block)]


def test_page_lists_live_entries_in_accordions(client, faq_page, category):
    FAQEntryFactory(
        category=category, question="Bagaimana cara membuat kartu kuning?", slug="cara-kartu-kuning"
    )
    FAQEntryFactory(category=category, question="Draf yang belum terbit?", live=False)

    response = client.get(faq_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<details class="accordion__section faq-entry" id="q-cara-kartu-kuning"' in html
    assert "Bagaimana cara membuat kartu kuning?" in html
    assert "Draf yang belum terbit?" not in html


def test_page_has_valid_faqpage_json_ld(client, faq_page, category):
    FAQEntryFactory(
        category=category,
        question="Berapa biaya kartu kuning?",
        short_answer="Gratis.",
        full_answer="<p>Tidak dipungut biaya.</p>",
    )

    faq = next(item for item in json_ld(client.get(faq_page.url)) if item["@type"] == "FAQPage")

    assert faq["@context"] == "https://schema.org"
    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "Berapa biaya kartu kuning?",
            "acceptedAnswer": {"@type": "Answer", "text": "<p>Gratis.</p><p>Tidak dipungut biaya.</p>"},
        }
    ]


def test_question_has_a_page_of_its_own(client, faq_page, category):
    FAQEntryFactory(category=category, question="Di mana kantor Disnaker?", slug="lokasi-kantor")

    response = client.get(faq_page.url + "q/lokasi-kantor/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<h1 class="page-title"><span class="page-title__caption">Kartu kuning</span> '
        "Di mana kantor Disnaker?</h1>" in html
    )
    assert f'<link rel="canonical" href="http://localhost{faq_page.url}q/lokasi-kantor/">' in html
    faq = next(item for item in json_ld(response) if item["@type"] == "FAQPage")
    assert [question["name"] for question in faq["mainEntity"]] == ["Di mana kantor Disnaker?"]


def test_question_page_of_a_draft_is_not_found(client, faq_page, category):
    FAQEntryFactory(category=category, slug="draf", live=False)

    assert client.get(faq_page.url + "q/draf/").status_code == 404


def test_deep_link_anchor_links_to_the_question_page(client, faq_page, category):
    FAQEntryFactory(category=category, slug="jam-layanan")

    html = client.get(faq_page.url).content.decode()

    assert 'id="q-jam-layanan"' in html
    assert f'href="{faq_page.url}q/jam-layanan/"' in html


def test_english_page_shows_english_entries_and_interface(client, faq_page_en):
    from faq.tests.factories import FAQCategoryFactory, locale

    category_en = FAQCategoryFactory(name="Job-seeker card", locale=locale("en"))
    FAQEntryFactory(category=category_en, question="How much does the card cost?")
    FAQEntryFactory(question="Berapa biayanya?")

    html = client.get(faq_page_en.url).content.decode()

    assert "How much does the card cost?" in html
    assert "Berapa biayanya?" not in html
    assert "Was this answer helpful?" in html
