"""Back-ends managed in the admin are outbox destinations like those in settings."""

import json

import pytest
from django.test import RequestFactory

from integrations import outbox
from integrations.models import OutboxMessage, TransactionBackend
from integrations.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature_headers, verify, verify_request

SECRET = "a-signing-secret-of-at-least-32-characters"


@pytest.fixture
def backend(db, stub):
    return TransactionBackend.objects.create(
        name="Sistem AK/I",
        slug="ak1",
        endpoint_url=stub.url("/ak1"),
        signing_secret=SECRET,
        timeout_seconds=5,
    )


@pytest.mark.django_db(transaction=True)
def test_a_message_for_a_back_end_record_is_posted_to_its_endpoint_signed_with_its_secret(backend, stub):
    message = outbox.enqueue(backend.destination, "service.submission", {"reference": "LYN-2026-000001"})
    outbox.deliver_due()

    (request,) = stub.posts_to("/ak1")
    headers = {name.lower(): value for name, value in request["headers"].items()}
    assert headers["idempotency-key"] == message.idempotency_key
    assert verify(
        SECRET, headers["x-signature-timestamp"], request["body"], headers["x-signature"], max_age=60
    )
    assert json.loads(request["body"]) == {"reference": "LYN-2026-000001"}
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.DELIVERED


@pytest.mark.django_db(transaction=True)
def test_an_inactive_back_end_keeps_its_messages_waiting(backend, stub):
    backend.active = False
    backend.save()
    message = outbox.enqueue(backend.destination, "service.submission", {"reference": "LYN-2026-000002"})
    outbox.deliver_due()

    message.refresh_from_db()
    assert stub.requests == []
    assert message.status == OutboxMessage.Status.PENDING
    assert message.last_error == "back-end inactive"


@pytest.mark.django_db(transaction=True)
def test_a_waiting_message_goes_out_once_its_back_end_is_active_again(backend, stub):
    backend.active = False
    backend.save()
    message = outbox.enqueue(backend.destination, "service.submission", {"reference": "LYN-2026-000003"})
    outbox.deliver_due()
    backend.active = True
    backend.save()
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)
    outbox.deliver_due()

    assert len(stub.posts_to("/ak1")) == 1
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.DELIVERED


@pytest.mark.django_db
def test_enqueueing_for_a_back_end_that_does_not_exist_fails_at_once():
    from integrations.adapters import UnknownDestination

    with pytest.raises(UnknownDestination):
        outbox.enqueue("backend:nope", "service.submission", {})


def test_a_signed_request_verifies_and_a_changed_body_does_not():
    body = b'{"reference":"LYN-2026-000001","status":"completed"}'
    headers = {
        f"HTTP_{name.upper().replace('-', '_')}": value
        for name, value in signature_headers(SECRET, body).items()
    }
    good = RequestFactory().post("/cb", body, content_type="application/json", **headers)
    forged = RequestFactory().post(
        "/cb", body.replace(b"completed", b"rejected"), content_type="application/json", **headers
    )
    assert verify_request(good, SECRET)
    assert not verify_request(forged, SECRET)
    assert TIMESTAMP_HEADER and SIGNATURE_HEADER


@pytest.mark.django_db
def test_a_short_signing_secret_is_refused():
    from django.core.exceptions import ValidationError

    backend = TransactionBackend(
        name="x", slug="x", endpoint_url="http://127.0.0.1:9/", signing_secret="short"
    )
    with pytest.raises(ValidationError):
        backend.full_clean()
