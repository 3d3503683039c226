"""Asked questions are personal data: never in a search index or the API."""

import pytest
from wagtail.search.index import Indexed

from faq.models import AskedQuestion, FAQEntry, Vote

pytestmark = pytest.mark.django_db


def test_asked_questions_and_votes_are_not_indexed():
    assert not issubclass(AskedQuestion, Indexed)
    assert not issubclass(Vote, Indexed)


def test_entries_index_only_their_public_text():
    indexed = {field.field_name for field in FAQEntry.get_search_fields()}

    assert indexed <= {"question", "short_answer", "full_answer", "locale_id", "live", "locale"}


def test_published_entry_search_text_has_no_asker_data(homes):
    from faq import services
    from faq.tests.factories import AskedQuestionFactory, FAQCategoryFactory

    question = AskedQuestionFactory(name="Budi Santoso", email="budi@example.com")
    entry = services.publish_question(
        question, category=FAQCategoryFactory(), question_text="Apakah ada biaya?", short_answer="Tidak ada."
    )

    assert "budi" not in services.entry_text(entry)
