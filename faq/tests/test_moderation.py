import pytest
from django.contrib.auth import get_user_model

from faq import services
from faq.models import AskedQuestion, FAQEntry
from faq.tests.factories import AskedQuestionFactory, FAQCategoryFactory, locale
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")


def emails():
    return OutboxMessage.objects.filter(destination="email")


def test_publishing_creates_a_live_entry_in_the_question_language(homes, editor):
    question = AskedQuestionFactory(language="en")
    category = FAQCategoryFactory(locale=locale("en"))

    entry = services.publish_question(
        question,
        category=category,
        question_text="Does the job-seeker card cost anything?",
        short_answer="No, it is free.",
        user=editor,
    )

    entry.refresh_from_db()
    question.refresh_from_db()
    assert entry.live and entry.locale.language_code == "en"
    assert entry.category == category
    assert entry.slug == "does-the-job-seeker-card-cost-anything"
    assert question.status == AskedQuestion.Status.PUBLISHED
    assert question.entry == entry


def test_published_entry_holds_none_of_the_personal_fields(homes, editor):
    question = AskedQuestionFactory(name="Siti Aminah", email="siti@example.com")
    category = FAQCategoryFactory()

    entry = services.publish_question(
        question, category=category, question_text="Apakah kartu kuning gratis?", short_answer="Ya, gratis."
    )

    stored = " ".join(str(value) for value in FAQEntry.objects.filter(pk=entry.pk).values().get().values())
    assert "Siti" not in stored and "siti@example.com" not in stored
    assert question.question not in stored


def test_asker_is_emailed_once_in_their_language_when_answered(homes, editor):
    question = AskedQuestionFactory(language="en", email="siti@example.com")
    question.answer = "It is free of charge."
    question.status = AskedQuestion.Status.ANSWERED
    question.save()

    services.mark_answered(question, user=editor)
    services.mark_answered(question, user=editor)

    message = emails().get()
    assert message.payload["to"] == ["siti@example.com"]
    assert "Your question has been answered" in message.payload["subject"]
    assert "It is free of charge." in message.payload["body"]


def test_asker_in_indonesian_gets_indonesian_subject(homes):
    from django.utils import translation

    question = AskedQuestionFactory(language="id", answer="Gratis.")
    services.mark_answered(question)

    with translation.override("id"):
        expected = translation.gettext("Your question has been answered (%(reference)s)")
    subject = emails().get().payload["subject"]
    assert subject == expected % {"reference": question.reference}


def test_no_email_when_the_asker_gave_no_address(homes):
    question = AskedQuestionFactory(email="", email_hash="", answer="Gratis.")

    services.mark_answered(question)

    question.refresh_from_db()
    assert question.answered_at is not None
    assert not emails().exists()


def test_admin_edit_to_answered_emails_the_asker(client, homes, editor):
    question = AskedQuestionFactory(language="id", email="siti@example.com")
    client.force_login(editor)

    response = client.post(
        _edit_url(question),
        {"status": "answered", "category": "", "answer": "Gratis.", "public_question": ""},
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered" and question.answered_by == editor
    assert emails().get().payload["to"] == ["siti@example.com"]


def test_admin_publish_view_creates_the_entry(client, homes, editor):
    question = AskedQuestionFactory(language="id", answer="Gratis, tidak dipungut biaya.")
    category = FAQCategoryFactory()
    client.force_login(editor)

    response = client.post(
        _publish_url(question),
        {
            "category": str(category.pk),
            "question": "Apakah kartu kuning gratis?",
            "short_answer": "Ya, gratis.",
            "full_answer": "Tidak ada biaya apa pun.",
        },
    )

    assert response.status_code == 302
    entry = FAQEntry.objects.get()
    assert entry.question == "Apakah kartu kuning gratis?"
    assert entry.full_answer == "<p>Tidak ada biaya apa pun.</p>"
    assert entry.live


def test_admin_listing_and_edit_show_the_question(client, homes, editor):
    from django.urls import reverse

    question = AskedQuestionFactory()
    client.force_login(editor)

    assert question.reference in client.get(reverse("faq_asked_questions:index")).content.decode()
    assert "Apakah pembuatan kartu kuning" in client.get(_edit_url(question)).content.decode()


def test_nobody_adds_asked_questions_in_the_admin(client, homes, editor):
    from django.urls import reverse

    client.force_login(editor)

    assert client.get(reverse("faq_asked_questions:add")).status_code in (302, 403)


def test_entry_listing_shows_vote_counts(client, homes, editor):
    from django.urls import reverse

    from faq.tests.factories import FAQEntryFactory, votes

    entry = FAQEntryFactory(question="Apakah ada biaya?")
    votes(entry, 9, 1)
    client.force_login(editor)

    html = client.get(reverse("wagtailsnippets_faq_faqentry:list")).content.decode()

    assert "9 dari 10 (90%)" in html  # the admin speaks Indonesian by default


def _edit_url(question):
    from django.urls import reverse

    return reverse("faq_asked_questions:edit", args=[question.pk])


def _publish_url(question):
    from django.urls import reverse

    return reverse("faq_asked_questions:publish", args=[question.pk])
