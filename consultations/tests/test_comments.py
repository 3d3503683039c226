import pytest
from django.db import connection

from consultations.models import ConsultationComment
from consultations.tests.factories import ConsultationCommentFactory, ConsultationPageFactory
from integrations.models import OutboxMessage


def post(client, page, data):
    return client.post(page.url, data)


def test_a_valid_comment_is_stored_once_and_waits_for_moderation(client, consultation_en, comment_data):
    response = post(client, consultation_en, comment_data(consultation_en, section="Pasal 3"))

    assert response.status_code == 303
    assert response["Location"] == consultation_en.url + "thanks/"
    stored = ConsultationComment.objects.get()
    assert stored.status == ConsultationComment.PENDING
    assert stored.consultation_id == consultation_en.pk
    assert stored.section == "Pasal 3"
    assert stored.language == "en"


def test_the_email_address_and_name_are_encrypted_at_rest(client, consultation_en, comment_data):
    post(client, consultation_en, comment_data(consultation_en, name="Siti Rahma", email="siti@contoh.id"))

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email FROM consultations_consultationcomment")
        name, email = cursor.fetchone()
    assert "Siti" not in name and "siti@contoh.id" not in email
    stored = ConsultationComment.objects.get()
    assert (stored.name, stored.email) == ("Siti Rahma", "siti@contoh.id")


def test_a_pending_comment_is_not_shown(client, consultation_en):
    ConsultationCommentFactory(consultation=consultation_en, comment="Belum dimoderasi")

    assert "Belum dimoderasi" not in client.get(consultation_en.url).content.decode()


def test_a_rejected_comment_is_not_shown(client, consultation_en):
    ConsultationCommentFactory(consultation=consultation_en, comment="Ditolak", status="rejected")

    assert "Ditolak" not in client.get(consultation_en.url).content.decode()


def test_an_approved_comment_is_shown_with_the_reply(client, consultation_en):
    ConsultationCommentFactory(
        consultation=consultation_en,
        comment="Sudah disetujui",
        status="approved",
        reply="Terima kasih, kami ubah.",
    )

    html = client.get(consultation_en.url).content.decode()

    assert "Sudah disetujui" in html
    assert "Terima kasih, kami ubah." in html
    assert "Reply from the office" in html


def test_approved_comments_show_in_both_languages(client, consultation, consultation_en):
    ConsultationCommentFactory(consultation=consultation, comment="Dari versi Indonesia", status="approved")

    assert "Dari versi Indonesia" in client.get(consultation_en.url).content.decode()


def test_the_name_is_shown_only_when_asked(client, consultation_en):
    ConsultationCommentFactory(
        consultation=consultation_en, status="approved", name="Budi Hidden", show_name=False
    )
    ConsultationCommentFactory(
        consultation=consultation_en,
        status="approved",
        name="Ani Shown",
        show_name=True,
        organisation="SPSI Palembang",
    )

    html = client.get(consultation_en.url).content.decode()

    assert "Budi Hidden" not in html
    assert "Ani Shown (SPSI Palembang)" in html
    assert "A member of the public" in html


def test_the_email_address_is_never_shown(client, consultation_en):
    ConsultationCommentFactory(
        consultation=consultation_en, status="approved", name="Ani", show_name=True, email="ani@contoh.id"
    )

    assert "ani@contoh.id" not in client.get(consultation_en.url).content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"comment": ""}, "comment", "Write your comment."),
        ({"comment": "x" * 3001}, "comment", "Keep it to 3000 characters or fewer"),
        ({"email": "siti-at-contoh"}, "email", "Enter an e-mail address like"),
        ({"name": "", "show_name": "on"}, "name", "Give your name, or untick"),
        ({"name": "n" * 121}, "name", "Keep it to 120 characters or fewer"),
        ({"organisation": "o" * 201}, "organisation", "Keep it to 200 characters or fewer"),
        ({"section": "s" * 201}, "section", "Keep it to 200 characters or fewer"),
        ({"consent": None}, "consent", "Tick the box to agree to the privacy notice"),
    ],
)
def test_invalid_input_is_refused_with_a_message_beside_the_field(
    client, consultation_en, comment_data, fields, field, message
):
    response = post(client, consultation_en, comment_data(consultation_en, **fields))

    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert not ConsultationComment.objects.exists()


def test_typed_values_are_kept_when_refused(client, consultation_en, comment_data):
    response = post(
        client, consultation_en, comment_data(consultation_en, comment="", organisation="Apindo Sumsel")
    )

    assert 'value="Apindo Sumsel"' in response.content.decode()


def test_a_section_must_come_from_the_drafts_list_when_there_is_one(client, index, translate, comment_data):
    page = ConsultationPageFactory(parent=index, draft_sections="Pasal 1\nPasal 2")

    response = post(client, page, comment_data(page, section="Pasal 9"))

    assert response.status_code == 400
    assert 'id="id_section_error"' in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_the_honeypot_refuses(client, consultation_en, comment_data):
    response = post(client, consultation_en, comment_data(consultation_en, website="http://spam.example"))

    assert response.status_code == 400
    assert not ConsultationComment.objects.exists()


def test_a_form_sent_too_fast_is_refused(client, consultation_en, comment_data, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 60

    response = post(client, consultation_en, comment_data(consultation_en))

    assert response.status_code == 400
    assert "quicker than a person" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_a_form_without_its_start_time_is_refused(client, consultation_en, comment_data):
    response = post(client, consultation_en, comment_data(consultation_en, started="tampered"))

    assert response.status_code == 400
    assert not ConsultationComment.objects.exists()


def test_the_rate_limit_refuses_with_a_message(client, consultation_en, comment_data, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "consultation_comment": (1, 3600)}
    post(client, consultation_en, comment_data(consultation_en))

    response = post(client, consultation_en, comment_data(consultation_en, comment="Kedua kalinya"))

    assert response.status_code == 429
    assert "too many times" in response.content.decode()
    assert ConsultationComment.objects.count() == 1


def test_a_closed_consultation_refuses_a_comment_posted_directly(
    client, index, index_en, translate, comment_data
):
    page = ConsultationPageFactory(parent=index)
    page_en = translate(page, title="Soon closed", slug="soon-closed")
    data = comment_data(page_en)
    page.closes_on = page.opens_on  # closed a week ago
    page.save_revision().publish()
    page_en.refresh_from_db()
    page_en.closes_on = page.closes_on
    page_en.save_revision().publish()

    response = post(client, page_en, data)

    assert response.status_code == 403
    assert "This consultation has closed: comments are no longer accepted." in response.content.decode()
    assert 'id="id_comment"' not in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_an_upcoming_consultation_refuses_comments(client, index, comment_data):
    page = ConsultationPageFactory(parent=index, upcoming=True)

    response = post(client, page, {"comment": "Terlalu awal", "consent": "on"})

    assert response.status_code == 403
    assert not ConsultationComment.objects.exists()


def test_the_office_is_told_without_personal_data(client, consultation_en, comment_data, settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["konsultasi@disnaker.example"]

    post(
        client,
        consultation_en,
        comment_data(consultation_en, name="Siti Rahma", email="siti@contoh.id", organisation="PT Maju"),
    )

    message = OutboxMessage.objects.get(destination="email")
    payload = str(message.payload)
    assert message.payload["to"] == ["konsultasi@disnaker.example"]
    assert "Draft regulation on job fairs" in payload or consultation_en.title in payload
    for personal in ("Siti", "siti@contoh.id", "PT Maju", "disabilitas"):
        assert personal not in payload
    comment = ConsultationComment.objects.get()
    assert f"/admin/consultation-comments/edit/{comment.pk}/" in payload


def test_without_recipients_no_notification_is_queued(client, consultation_en, comment_data, settings):
    settings.DIALOGUE_NOTIFY_EMAILS = []

    post(client, consultation_en, comment_data(consultation_en))

    assert ConsultationComment.objects.count() == 1
    assert not OutboxMessage.objects.filter(destination="email").exists()


def test_a_consultation_with_a_division_tells_that_division_without_personal_data(
    client, consultation, comment_data, settings
):
    from offices.tests.factories import DivisionFactory

    settings.DIALOGUE_NOTIFY_EMAILS = ["konsultasi@disnaker.example"]
    consultation.division = DivisionFactory(email="bidang-perencanaan@disnaker.example")
    consultation.save()

    post(client, consultation, comment_data(consultation, name="Siti Rahma", email="siti@contoh.id"))

    message = OutboxMessage.objects.get(destination="email")
    assert message.payload["to"] == ["bidang-perencanaan@disnaker.example"]
    for personal in ("Siti", "siti@contoh.id", "disabilitas"):
        assert personal not in str(message.payload)
