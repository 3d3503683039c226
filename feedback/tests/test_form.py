"""The public ticket form: one ticket for valid input, a field message for
each kind of invalid input, and the abuse guards."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale

from feedback import services
from feedback.forms import TicketForm
from feedback.models import FeedbackTicket, TicketAttachment
from feedback.tests.conftest import PDF, png_bytes
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db

FORM_URL = "/en/feedback/"


@pytest.fixture
def post(client, feedback_page_en):
    def _post(url=FORM_URL, files=(), **fields):
        data = valid_data()
        data.update(fields)
        data = {name: value for name, value in data.items() if value is not None}
        for name, upload in files:
            data[name] = upload
        return client.post(url, data)

    return _post


def valid_data():
    return {
        "started": TicketForm(locale=Locale.get_default()).initial["started"],
        "website": "",
        "type": "complaint",
        "topic": "",
        "subject": "Card not ready",
        "message": "I registered two weeks ago and the card is still not ready.",
        "name": "Rina Wulandari",
        "email": "rina@example.id",
        "phone": "",
        "consent": "on",
    }


def field_error(response, name):
    """The error printed beside the field ``name``."""
    match = re.search(
        rf'<p class="field__error" id="id_{name}_error">(.*?)</p>', response.content.decode(), re.S
    )
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).replace("Error:", "").strip() if match else None


def test_the_form_page_offers_every_ticket_type_and_the_contact_choice(client, feedback_page_en):
    content = client.get(FORM_URL).content.decode()
    for text in ("Complaint", "Aspiration", "Suggestion", "Request for public information (PPID)"):
        assert text in content
    assert "Send anonymously" in content and "without one you cannot track it" in content


def test_valid_input_stores_exactly_one_ticket_and_shows_its_reference(client, post):
    response = post()
    assert response.status_code == 302
    assert response["Location"] == "/en/feedback/sent/"
    ticket = FeedbackTicket.objects.get()
    assert ticket.subject == "Card not ready" and ticket.language == "en"
    confirmation = client.get(response["Location"])
    assert ticket.reference in confirmation.content.decode()
    assert ticket.reference not in response["Location"]


def test_the_confirmation_without_a_sent_ticket_goes_back_to_the_form(client, feedback_page_en):
    response = client.get("/en/feedback/sent/?reference=ADU-2026-000001")
    assert response.status_code == 302 and response["Location"] == FORM_URL


def test_an_anonymous_ticket_without_contact_is_accepted_but_told_it_cannot_be_tracked(client, post):
    response = post(anonymous="on", name="", email="")
    assert FeedbackTicket.objects.get().anonymous
    confirmation = client.get(response["Location"]).content.decode()
    assert "cannot be tracked" in confirmation


def test_attachments_are_stored_privately_under_random_names(post):
    files = [
        ("attachment_1", SimpleUploadedFile("ktp-rina.pdf", PDF, "application/pdf")),
        ("attachment_2", SimpleUploadedFile("foto.png", png_bytes(), "image/png")),
    ]
    post(files=files)
    attachments = list(TicketAttachment.objects.order_by("pk"))
    assert [a.original_name for a in attachments] == ["ktp-rina.pdf", "foto.png"]
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png"]
    assert "rina" not in attachments[0].file.name and attachments[0].file.name.startswith("feedback/")
    assert attachments[0].file.storage.exists(attachments[0].file.name)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"subject": ""}, "subject", "Enter a subject."),
        ({"message": ""}, "message", "Enter your message."),
        ({"message": "x" * 5001}, "message", "at most 5000 characters"),
        ({"subject": "x" * 151}, "subject", "at most 150 characters"),
        ({"type": None}, "type", "Choose what you would like to send."),
        ({"type": "praise"}, "type", "Select a valid choice"),
        ({"email": "rina@"}, "email", "Enter an e-mail address in the right form"),
        ({"email": "", "phone": "12ab"}, "phone", "Enter a phone number of 9 to 15 digits"),
        ({"consent": None}, "consent", "Tick the box to agree to the privacy notice"),
        ({"name": ""}, "name", "Enter your name, or tick “Send anonymously”."),
        ({"email": "", "phone": ""}, "email", "Enter an e-mail address or a phone number"),
        ({"type": "information_request", "anonymous": "on"}, "anonymous", "needs your name and contact"),
        ({"topic": "division-99999"}, "topic", "Select a valid choice"),
    ],
)
def test_each_invalid_input_gets_a_message_beside_its_field_and_nothing_is_stored(
    post, fields, field, message
):
    response = post(**fields)
    assert response.status_code == 200
    assert message in (field_error(response, field) or "")
    assert not FeedbackTicket.objects.exists()


def test_a_file_that_is_not_an_image_or_pdf_by_content_is_refused(post):
    fake = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")
    response = post(files=[("attachment_1", fake)])
    assert "is not a PDF, JPG, PNG file" in field_error(response, "attachment_1")
    assert not FeedbackTicket.objects.exists() and not TicketAttachment.objects.exists()


def test_an_oversize_file_is_refused(post, settings):
    settings.PUBLIC_UPLOAD_MAX_BYTES = 100
    response = post(
        files=[("attachment_1", SimpleUploadedFile("big.pdf", PDF + b"0" * 200, "application/pdf"))]
    )
    assert "too large" in field_error(response, "attachment_1")
    assert not FeedbackTicket.objects.exists()


def test_a_refused_form_keeps_the_typed_values_and_asks_for_files_again(post):
    response = post(subject="", message="My own words stay here.")
    content = response.content.decode()
    assert "My own words stay here." in content and "Rina Wulandari" in content
    assert "choose your attachments again" in content
    assert 'class="error-summary"' in content and 'href="#id_subject"' in content


def test_the_honeypot_refuses_the_form(post):
    response = post(website="http://spam.example")
    assert response.status_code == 200 and "We could not accept this form" in response.content.decode()
    assert not FeedbackTicket.objects.exists()


def test_a_form_sent_faster_than_a_person_can_is_refused(post, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 60
    response = post()
    assert "quicker than a person" in response.content.decode()
    assert not FeedbackTicket.objects.exists()


def test_the_rate_limit_stops_the_third_ticket_with_a_clear_message(post, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (20, 3600), "ticket": (2, 3600)}
    assert post().status_code == post().status_code == 302
    response = post(subject="Third")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "too many times" in response.content.decode()
    assert "Third" in response.content.decode()  # the typed values are kept
    assert FeedbackTicket.objects.count() == 2


def test_nothing_is_half_saved_when_queuing_fails(post, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("outbox down")

    monkeypatch.setattr(services, "notify_person", broken)
    with pytest.raises(RuntimeError):
        post(files=[("attachment_1", SimpleUploadedFile("a.pdf", PDF, "application/pdf"))])
    assert not FeedbackTicket.objects.exists()
    assert not TicketAttachment.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_valid_ticket_queues_its_emails_with_it(post):
    post()
    assert OutboxMessage.objects.filter(destination="email").count() == 2


def test_the_ppid_route_explains_the_legal_deadline_and_preselects_the_type(client, feedback_page_en):
    content = client.get("/en/feedback/ppid/").content.decode()
    assert "Law 14/2008" in content and "10 working days" in content and "7 working days" in content
    assert re.search(r'value="information_request"[^>]*checked', content)


def test_an_information_request_from_the_ppid_route_gets_a_ppid_reference(post):
    post(url="/en/feedback/ppid/", type="information_request")
    assert FeedbackTicket.objects.get().reference.startswith("PPID-")


def test_the_indonesian_form_page_shows_the_indonesian_page(client, feedback_page):
    response = client.get("/id/pengaduan/")
    assert response.status_code == 200
    assert "Pengaduan dan saran" in response.content.decode()
