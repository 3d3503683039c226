import pytest
from django.core import mail

from integrations.email import enqueue_email, render_email
from integrations.models import OutboxMessage


@pytest.fixture
def email_templates(tmp_path, settings):
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "hello_subject.txt").write_text(
        "{% load i18n %}{% translate 'Reference number' %}\n{{ reference }}\n"
    )
    (folder / "hello_body.txt").write_text(
        "{% load i18n %}{% translate 'Reference number' %}: {{ reference }}\n"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    return "mail/hello"


def test_the_e_mail_is_rendered_in_the_recipients_language_on_one_subject_line(email_templates):
    subject, body, html = render_email(email_templates, {"reference": "LYN-2026-000001"}, language="en")
    assert subject == "Reference number LYN-2026-000001"
    assert html == ""


@pytest.mark.django_db
def test_nobody_to_send_to_queues_nothing(email_templates):
    assert enqueue_email(["", None], email_templates, {}, language="id") is None
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_queued_e_mail_is_sent_by_the_worker(email_templates):
    from integrations import outbox

    enqueue_email("siti@example.id", email_templates, {"reference": "LYN-2026-000001"}, language="en")
    outbox.deliver_due()
    (sent,) = mail.outbox
    assert sent.to == ["siti@example.id"]
    assert "LYN-2026-000001" in sent.subject
