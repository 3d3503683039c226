import pytest
from django.core import mail  # noqa: F401

from faq.models import AskedQuestion
from faq.tests.factories import FAQCategoryFactory, locale
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db

VALID = {
    "question": "Apakah pembuatan kartu kuning dipungut biaya?",
    "name": "Siti Aminah",
    "email": "siti@example.com",
    "consent": "on",
}


def ask_url(page):
    return page.url + "ask/"


def started(client, page):
    """The signed start time the form gives."""
    response = client.get(ask_url(page))
    return response.context["form"]["started"].value()


def post(client, page, **changes):
    data = {**VALID, "started": started(client, page), **changes}
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(ask_url(page), data)


def test_valid_question_is_stored_once_with_a_reference(client, faq_page):
    response = post(client, faq_page)

    assert response.status_code == 302
    question = AskedQuestion.objects.get()
    assert question.reference.startswith("TNY-")
    assert question.status == AskedQuestion.Status.WAITING
    assert question.language == "id"
    assert question.email_hash
    sent = client.get(response["Location"])
    assert question.reference in sent.content.decode()


def test_name_and_email_are_encrypted_at_rest(client, faq_page):
    from django.db import connection

    post(client, faq_page)

    with connection.cursor() as cursor:
        cursor.execute("SELECT question, name, email FROM faq_askedquestion")
        row = cursor.fetchone()
    assert not any("Siti" in value or "siti@" in value or "kartu" in value for value in row)
    assert AskedQuestion.objects.get().email == "siti@example.com"


def test_name_email_and_category_are_optional(client, faq_page):
    response = post(client, faq_page, name=None, email=None)

    assert response.status_code == 302
    assert AskedQuestion.objects.get().email_hash == ""


def test_category_of_the_page_language_can_be_chosen(client, faq_page, category):
    post(client, faq_page, category=str(category.pk))

    assert AskedQuestion.objects.get().category == category


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"question": ""}, "question"),
        ({"question": "Biaya?"}, "question"),
        ({"question": "x" * 1001}, "question"),
        ({"email": "bukan-alamat"}, "email"),
        ({"name": "n" * 101}, "name"),
        ({"consent": None}, "consent"),
    ],
)
def test_each_invalid_input_gets_a_field_message_and_nothing_is_stored(client, faq_page, changes, field):
    response = post(client, faq_page, **changes)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'class="error-summary"' in response.content.decode()
    assert not AskedQuestion.objects.exists()


def test_a_category_of_the_other_language_is_refused(client, faq_page):
    other = FAQCategoryFactory(locale=locale("en"))

    response = post(client, faq_page, category=str(other.pk))

    assert response.context["form"].errors["category"]
    assert not AskedQuestion.objects.exists()


def test_typed_values_are_kept_after_an_error(client, faq_page):
    response = post(client, faq_page, email="salah")

    assert VALID["question"] in response.content.decode()


def test_filled_honeypot_is_refused(client, faq_page):
    response = post(client, faq_page, website="http://spam.example")

    assert response.context["form"].non_field_errors()
    assert not AskedQuestion.objects.exists()


def test_too_fast_is_refused(client, faq_page, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 60

    response = post(client, faq_page)

    assert response.context["form"].non_field_errors()
    assert not AskedQuestion.objects.exists()


def test_questions_are_rate_limited(client, faq_page, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"faq_question": (1, 3600), "default": (20, 3600)}
    post(client, faq_page)

    response = post(client, faq_page)

    assert response.status_code == 429
    assert response.context["form"].non_field_errors()
    assert AskedQuestion.objects.count() == 1


def test_the_office_is_notified_without_personal_data(client, faq_page, settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["kantor@example.com"]

    post(client, faq_page)

    message = OutboxMessage.objects.get(destination="email")
    assert message.payload["to"] == ["kantor@example.com"]
    text = message.payload["subject"] + message.payload["body"]
    assert AskedQuestion.objects.get().reference in text
    assert "Siti" not in text and "siti@example.com" not in text and "kartu kuning" not in text


def test_no_office_notification_without_addresses(client, faq_page, settings):
    settings.DIALOGUE_NOTIFY_EMAILS = []

    post(client, faq_page)

    assert not OutboxMessage.objects.filter(destination="email").exists()


def test_personal_data_never_in_the_address(client, faq_page):
    response = post(client, faq_page)

    assert "siti" not in response["Location"].lower()


def test_sent_page_without_a_question_goes_to_the_form(client, faq_page):
    response = client.get(faq_page.url + "ask/sent/")

    assert response.status_code == 302
    assert response["Location"] == ask_url(faq_page)
