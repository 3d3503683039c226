import json
import time

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from integrations import outbox, views
from integrations.models import DevReceivedMessage, OutboxMessage
from integrations.signing import sign

from .conftest import SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.urls("integrations.tests.urls")]

BODY = json.dumps({"submission": "SUB-2025-0001"}).encode()


@pytest.fixture
def dev_backend(settings, destination):
    settings.INTEGRATION_DEV_BACKEND = True
    return reverse("integrations:dev_backend", args=["backend"])


def post(client, url, *, body=BODY, key="key-1", timestamp=None, signature=None, secret=SECRET):
    timestamp = int(time.time()) if timestamp is None else timestamp
    headers = {
        "HTTP_IDEMPOTENCY_KEY": key,
        "HTTP_X_SIGNATURE_TIMESTAMP": str(timestamp),
        "HTTP_X_SIGNATURE": signature if signature is not None else sign(secret, timestamp, body),
    }
    return client.post(url, body, content_type="application/json", **headers)


def test_a_signed_message_is_stored_and_a_repeat_is_answered_as_duplicate(client, dev_backend):
    first = post(client, dev_backend)
    again = post(client, dev_backend)
    assert (first.status_code, first.json()["status"]) == (200, "received")
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    stored = DevReceivedMessage.objects.get()
    assert stored.payload == {"submission": "SUB-2025-0001"}
    assert (stored.idempotency_key, stored.duplicates) == ("key-1", 1)


def test_another_idempotency_key_is_another_message(client, dev_backend):
    post(client, dev_backend, key="key-1")
    post(client, dev_backend, key="key-2")
    assert DevReceivedMessage.objects.count() == 2


def test_a_missing_signature_is_401(client, dev_backend):
    response = client.post(dev_backend, BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 401
    assert not DevReceivedMessage.objects.exists()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"secret": "wrong-secret"},
        {"signature": "0" * 64},
        {"timestamp": int(time.time()) - 3600},
    ],
    ids=["wrong secret", "forged signature", "stale timestamp"],
)
def test_a_bad_signature_or_stale_timestamp_is_403(client, dev_backend, kwargs):
    assert post(client, dev_backend, **kwargs).status_code == 403
    assert not DevReceivedMessage.objects.exists()


def test_a_tampered_body_is_403(client, dev_backend):
    timestamp = int(time.time())
    signature = sign(SECRET, timestamp, BODY)
    tampered = BODY.replace(b"0001", b"0666")
    assert (
        post(client, dev_backend, body=tampered, timestamp=timestamp, signature=signature).status_code == 403
    )


def test_it_is_not_there_unless_enabled(rf, settings, destination):
    settings.DEBUG = False
    settings.INTEGRATION_DEV_BACKEND = False
    request = rf.post("/integrations/dev-backend/backend/", BODY, content_type="application/json")
    with pytest.raises(Http404):
        views.dev_backend(request, "backend")


def test_an_unknown_or_unsigned_destination_is_404(rf, dev_backend):
    request = rf.post("/integrations/dev-backend/email/", BODY, content_type="application/json")
    with pytest.raises(Http404):
        views.dev_backend(request, "email")  # configured, but it has no secret


def test_respond_simulates_an_outage(client, dev_backend):
    response = post(client, dev_backend + "?respond=503")
    assert response.status_code == 503
    assert not DevReceivedMessage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_http_adapter_delivers_to_the_dev_backend_end_to_end(
    live_server, settings, destination, tasks_not_run
):
    settings.INTEGRATION_DEV_BACKEND = True
    settings.INTEGRATION_DESTINATIONS["backend"]["URL"] = live_server.url + reverse(
        "integrations:dev_backend", args=["backend"]
    )
    message = outbox.enqueue("backend", "submission.created", {"submission": "SUB-2025-0002"})
    assert outbox.deliver_due() == {"delivered": 1}
    # The same message sent again (as after a lost lease) is recognised.
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.PENDING, next_attempt_at=timezone.now()
    )
    assert outbox.deliver_due() == {"delivered": 1}
    stored = DevReceivedMessage.objects.get()
    assert stored.payload == {"submission": "SUB-2025-0002"}
    assert (stored.idempotency_key, stored.kind, stored.duplicates) == (
        message.idempotency_key,
        "submission.created",
        1,
    )
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.DELIVERED
