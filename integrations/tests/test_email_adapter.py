import smtplib

import pytest
from django.core import mail

from integrations import outbox
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db

EMAIL = {
    "to": ["siti@example.org"],
    "subject": "Permohonan Anda diterima",
    "body": "Nomor permohonan: SUB-2025-0001",
    "html": "<p>Nomor permohonan: <b>SUB-2025-0001</b></p>",
}


def test_a_prepared_email_is_sent_once_with_the_key_as_message_id(destination):
    message = outbox.enqueue("email", "notification.submission_received", EMAIL)
    outbox.deliver_due()
    outbox.deliver_due()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["siti@example.org"]
    assert sent.subject == "Permohonan Anda diterima"
    assert sent.alternatives[0][0] == EMAIL["html"]
    assert message.idempotency_key in sent.extra_headers["Message-ID"]
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.DELIVERED


def test_an_email_payload_without_recipients_is_a_dead_letter(destination):
    message = outbox.enqueue("email", "notification", {"subject": "x", "body": "y"})
    outbox.deliver_due()
    message = OutboxMessage.objects.get(pk=message.pk)
    assert (message.status, message.last_error) == (OutboxMessage.Status.DEAD, "invalid e-mail payload")
    assert mail.outbox == []


@pytest.mark.parametrize(
    "error, status, text",
    [
        (
            smtplib.SMTPServerDisconnected("gone"),
            OutboxMessage.Status.PENDING,
            "SMTP error: SMTPServerDisconnected",
        ),
        (smtplib.SMTPDataError(451, b"try later"), OutboxMessage.Status.PENDING, "SMTP 451"),
        (smtplib.SMTPDataError(554, b"rejected"), OutboxMessage.Status.DEAD, "SMTP 554"),
        (
            smtplib.SMTPRecipientsRefused({"siti@example.org": (550, b"no such user")}),
            OutboxMessage.Status.DEAD,
            "SMTP: all recipients refused",
        ),
    ],
)
def test_smtp_errors_are_retried_or_dead_lettered_without_the_address(
    destination, monkeypatch, error, status, text
):
    def fail(self, *args, **kwargs):
        raise error

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    message = outbox.enqueue("email", "notification", EMAIL)
    outbox.deliver_due()
    message = OutboxMessage.objects.get(pk=message.pk)
    assert (message.status, message.last_error) == (status, text)
    assert "siti@" not in message.last_error
