"""Applications reach their back-end (a real HTTP server on 127.0.0.1) exactly once."""

import json
import threading

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from integrations import outbox
from integrations.models import OutboxMessage
from integrations.signing import verify
from services import submissions
from services.models import ServiceSubmission

from .conftest import NIK, SECRET

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def make_due():
    OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).update(next_attempt_at=timezone.now())


def hook_posts(stub):
    return stub.posts_to("/hook")


def test_an_application_is_delivered_once_with_a_valid_signature(online_service, apply, stub):
    apply(online_service)
    outbox.deliver_due()
    outbox.deliver_due()

    [request] = hook_posts(stub)
    headers = request["headers"]
    assert verify(
        SECRET, headers["X-Signature-Timestamp"], request["body"], headers["X-Signature"], max_age=60
    )
    payload = json.loads(request["body"])
    submission = ServiceSubmission.objects.get()
    assert payload["reference"] == submission.reference
    assert payload["answers"]["nik"] == NIK and payload["answers"]["trade"] == "Las"
    assert payload["callback_url"] == "http://localhost/services/callbacks/blk/"
    assert payload["answers"]["ktp"]["url"].startswith("http://localhost/services/files/")
    assert headers["Idempotency-Key"]


def test_a_back_end_answering_500_then_200_gets_it_once_after_a_retry(online_service, apply, stub):
    stub.respond(500, 200)
    apply(online_service)

    outbox.deliver_due()
    assert OutboxMessage.objects.get(kind="service.submission").status == "pending"
    make_due()
    outbox.deliver_due()
    make_due()
    outbox.deliver_due()

    keys = [r["headers"]["Idempotency-Key"] for r in hook_posts(stub)]
    assert len(keys) == 2 and len(set(keys)) == 1  # the same message twice, accepted once
    assert OutboxMessage.objects.get(kind="service.submission").status == "delivered"


def test_a_back_end_that_is_down_keeps_the_application_until_it_returns(online_service, apply, stub, backend):
    backend.endpoint_url = "http://127.0.0.1:9/hook"  # nothing listens there
    backend.save()
    apply(online_service)
    outbox.deliver_due()
    make_due()
    outbox.deliver_due()

    message = OutboxMessage.objects.get(kind="service.submission")
    assert message.status == "pending" and message.attempts == 2
    assert ServiceSubmission.objects.count() == 1

    backend.endpoint_url = stub.url("/hook")  # back up
    backend.save()
    make_due()
    outbox.deliver_due()

    assert len(hook_posts(stub)) == 1
    assert OutboxMessage.objects.get(pk=message.pk).status == "delivered"


@pytest.mark.skipif(not ON_POSTGRESQL, reason="needs PostgreSQL: real concurrent connections and row locks")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps Wagtail's root page
def test_two_workers_racing_on_one_application_deliver_it_once(online_service, apply, stub, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    stub.default = (200, {}, 0.05)
    apply(online_service)
    barrier, errors = threading.Barrier(2), []

    def worker():
        try:
            barrier.wait()
            outbox.deliver_due()
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert errors == []
    assert len(hook_posts(stub)) == 1
    assert OutboxMessage.objects.get(kind="service.submission").attempts == 1


def test_nothing_is_half_saved_when_forwarding_fails_after_the_files_are_written(
    online_service, apply, monkeypatch
):
    from .conftest import stored_files

    def broken_enqueue(*args, **kwargs):
        assert stored_files()  # the file was written before the failure
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(submissions.outbox, "enqueue", broken_enqueue)

    with pytest.raises(RuntimeError):
        apply(online_service)

    assert not ServiceSubmission.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert stored_files() == []


def test_the_back_end_downloads_a_file_with_the_signed_link_and_a_forged_link_fails(
    online_service, apply, client
):
    apply(online_service)
    payload = OutboxMessage.objects.get(kind="service.submission").payload
    url = payload["answers"]["ktp"]["url"].removeprefix("http://localhost")

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(url[:-3] + "abc/").status_code == 404


def test_a_confirmation_e_mail_with_the_reference_is_queued(online_service, apply):
    apply(online_service)

    submission = ServiceSubmission.objects.get()
    email = OutboxMessage.objects.get(destination="email")
    assert email.payload["to"] == ["siti.aminah@example.org"]
    assert submission.reference in email.payload["subject"] + email.payload["body"]
    assert NIK not in json.dumps(email.payload)
