import pytest

from faq import services
from faq.tests.factories import FAQEntryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kartu Kuning (AK/I)", "kartu kuning ak i"),
        ("  Pelatihan   BLKP!  ", "pelatihan blkp"),
        ("Café naïve", "cafe naive"),
        ("PKWT—kontrak", "pkwt kontrak"),
        ("", ""),
    ],
)
def test_normalize_lowercases_strips_accents_and_punctuation(text, expected):
    assert services.normalize(text) == expected


def test_filter_needs_every_word_in_any_order(category):
    card = FAQEntryFactory(category=category, question="Berapa lama kartu kuning berlaku?")
    FAQEntryFactory(category=category, question="Bagaimana mendaftar pelatihan?", short_answer="Di BLKP.")
    entries = services.ordered_entries(category.entries.all())

    assert services.filter_entries(entries, "KUNING berlaku") == [card]
    assert services.filter_entries(entries, "berlaku pelatihan") == []
    assert len(services.filter_entries(entries, "")) == 2


def test_filter_searches_answers_and_category_name(category):
    entry = FAQEntryFactory(
        category=category, question="Berapa biayanya?", full_answer="<p>Di <b>loket</b> 3.</p>"
    )
    entries = services.ordered_entries(category.entries.all())

    assert services.filter_entries(entries, "loket") == [entry]
    assert services.filter_entries(entries, "kartu kuning") == [entry]  # the category's name
    assert services.filter_entries(entries, "b") == [entry]


def test_page_data_attribute_is_the_text_the_server_filters(client, faq_page, category):
    entry = FAQEntryFactory(
        category=category, question="Apa itu PKWT?", short_answer="Perjanjian kerja waktu tertentu."
    )

    html = client.get(faq_page.url).content.decode()

    entry.category = category
    assert f'data-faq-text="{services.entry_text(entry)}"' in html


def test_without_javascript_the_search_form_filters_on_the_server(client, faq_page, category):
    FAQEntryFactory(category=category, question="Bagaimana cara lapor PHK?", slug="phk")
    FAQEntryFactory(category=category, question="Kapan jam layanan?", slug="jam")

    html = client.get(faq_page.url, {"q": "phk"}).content.decode()

    assert 'id="q-phk"' in html
    assert 'id="q-jam"' not in html
    assert 'value="phk"' in html


def test_no_match_says_so(client, faq_page_en):
    html = client.get(faq_page_en.url, {"q": "zzzz"}).content.decode()

    assert "No question matches these words." in html
