"""“What you told us, what we did”: published tickets carry no personal data."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from feedback import services
from feedback.models import PublishedTicket, TicketEvent
from feedback.tests.factories import FeedbackTicketFactory, PublishedTicketFactory


def english():
    return Locale.objects.get(language_code="en")


def redact(text, **kwargs):
    return services.redact_personal_data(text, language="en", **kwargs)


def test_email_addresses_are_removed():
    assert redact("Tulis ke budi.s+kerja@mail.example.co.id ya") == "Tulis ke [e-mail removed] ya"


@pytest.mark.parametrize(
    "number", ["081234567890", "0812-3456-7890", "+62 812 3456 7890", "62812345678", "(0711) 351234"]
)
def test_phone_numbers_are_removed(number):
    assert redact(f"Hubungi {number} segera") == "Hubungi [phone number removed] segera"


@pytest.mark.parametrize("nik", ["1671014404900002", "1671 0144 0490 0002", "1671.0144.0490.0002"])
def test_sixteen_digit_identity_numbers_are_removed(nik):
    assert redact(f"NIK saya {nik}.") == "NIK saya [identity number removed]."


def test_ordinary_numbers_and_dates_stay():
    text = "Antre 3 jam pada 12-03-2026 di loket 2, biaya Rp50.000, Perwali 44/2016."
    assert redact(text) == text


def test_the_senders_own_name_is_removed_wherever_it_appears():
    assert redact("Saya, budi santoso, kecewa.", known=["Budi Santoso"]) == "Saya, [name removed], kecewa."


def test_the_placeholders_follow_the_ticket_language():
    with translation.override("en"):
        text = services.redact_personal_data("a@b.id", language="en")
    assert text == "[e-mail removed]"


@pytest.mark.django_db
def test_a_publication_draft_is_prefilled_redacted_and_not_live(staff):
    ticket = FeedbackTicketFactory(
        subject="Keluhan Siti Aminah",
        message="Saya Siti Aminah, NIK 1671014404900002, telepon 081234567890, e-mail siti@example.id.",
        public_reply="Ibu Siti Aminah, kartu sudah jadi.",
    )
    draft = services.start_publication(ticket, staff)
    assert not draft.live
    fields = " ".join([draft.title, draft.what_you_told_us, draft.what_we_did])
    for personal in ("Siti", "Aminah", "1671014404900002", "081234567890", "siti@example.id"):
        assert personal not in fields
    assert ticket.events.get(kind=TicketEvent.Kind.PUBLISHED).user == staff
    assert services.start_publication(ticket, staff) == draft  # once per ticket


@pytest.mark.django_db
def test_a_published_ticket_has_no_personal_fields():
    names = {field.name for field in PublishedTicket._meta.get_fields()}
    assert not names & {"name", "email", "phone", "email_hash", "phone_hash", "message", "anonymous"}


@pytest.mark.django_db
def test_the_published_list_shows_live_summaries_without_personal_data(client, feedback_page_en, staff):
    ticket = FeedbackTicketFactory(
        language="en",
        message="Saya Siti Aminah (siti@example.id, 081234567890) menunggu kartu.",
        public_reply="Kartu sudah bisa diambil.",
    )
    draft = services.start_publication(ticket, staff)
    draft.live = True
    draft.save()
    PublishedTicketFactory(title="Belum diterbitkan", live=False, locale=english())
    response = client.get("/en/feedback/published/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Kartu sudah bisa diambil." in content and "What we did" in content
    assert "Belum diterbitkan" not in content
    for personal in ("Siti", "Aminah", "siti@example.id", "081234567890", ticket.reference):
        assert personal not in content


@pytest.mark.django_db
def test_a_publication_draft_is_in_the_language_the_ticket_was_written_in(staff, homes):
    draft = services.start_publication(FeedbackTicketFactory(language="en"), staff)

    assert draft.locale.language_code == "en"


@pytest.mark.django_db
def test_the_published_list_of_a_language_shows_only_the_summaries_in_that_language(client, feedback_page_en):
    PublishedTicketFactory(title="Antrean panjang di loket")
    PublishedTicketFactory(title="Long queues at the counter", locale=english())

    indonesian = client.get("/id/pengaduan/published/").text
    english_list = client.get("/en/feedback/published/").text

    assert "Antrean panjang di loket" in indonesian and "Long queues at the counter" not in indonesian
    assert "Long queues at the counter" in english_list and "Antrean panjang di loket" not in english_list


@pytest.mark.django_db
def test_a_translated_summary_starts_unpublished_and_without_the_ticket(homes):
    original = PublishedTicketFactory(ticket=FeedbackTicketFactory(), live=True)

    translated = original.copy_for_translation(english())
    translated.save()

    assert translated.translation_key == original.translation_key
    assert (translated.ticket, translated.live) == (None, False)
    assert (translated.type, translated.received_on) == (original.type, original.received_on)
