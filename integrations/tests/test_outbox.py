"""The outbox path through the HTTP JSON adapter, against a loopback server."""

import json
import logging
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from integrations import outbox
from integrations.models import DeliveryAttempt, OutboxMessage
from integrations.signing import verify

from .conftest import SECRET

pytestmark = pytest.mark.django_db

PAYLOAD = {"service": "kartu-kuning", "applicant": {"name": "Siti Aminah", "nik": "1671014404900002"}}


def make_due(message):
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


def reload(message):
    return OutboxMessage.objects.get(pk=message.pk)


# Enqueueing -------------------------------------------------------------------


def test_enqueue_inside_a_rolled_back_transaction_leaves_no_row_and_schedules_nothing(
    destination, django_capture_on_commit_callbacks, stub
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            outbox.enqueue(destination, "submission.created", PAYLOAD)
            raise RuntimeError("the caller's record failed to save")
    assert not OutboxMessage.objects.exists()
    assert callbacks == []
    assert stub.requests == []


def test_enqueue_delivers_after_the_commit(destination, django_capture_on_commit_callbacks, stub):
    """The test settings run tasks immediately, so the commit sends the message."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            message = outbox.enqueue(destination, "submission.created", PAYLOAD)
            assert stub.requests == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    assert len(stub.requests) == 1
    assert json.loads(stub.requests[0]["body"]) == PAYLOAD
    assert reload(message).status == OutboxMessage.Status.DELIVERED


def test_enqueue_refuses_an_unknown_destination(destination):
    with pytest.raises(outbox.adapters.UnknownDestination):
        outbox.enqueue("no-such-place", "x", {})
    assert not OutboxMessage.objects.exists()


def test_enqueue_refuses_a_payload_that_is_not_json(destination):
    with pytest.raises(TypeError):
        outbox.enqueue(destination, "x", {"file": object()})


def test_enqueue_records_the_reference_and_a_unique_key(destination, django_user_model):
    user = django_user_model.objects.create(username="editor")
    first = outbox.enqueue(destination, "x", {}, reference=user)
    second = outbox.enqueue(destination, "x", {}, reference=("services.submission", 42))
    assert (first.reference_type, first.reference_id) == ("auth.user", str(user.pk))
    assert (second.reference_type, second.reference_id) == ("services.submission", "42")
    assert first.idempotency_key and first.idempotency_key != second.idempotency_key


# Delivering -------------------------------------------------------------------


def test_a_2xx_delivers_exactly_once(destination, stub):
    stub.respond(201)
    message = outbox.enqueue(destination, "submission.created", PAYLOAD)
    assert outbox.deliver_due() == {"delivered": 1}
    assert outbox.deliver_due() == {}
    message = reload(message)
    assert len(stub.requests) == 1
    assert message.status == OutboxMessage.Status.DELIVERED
    assert message.delivered_at is not None and message.attempts == 1
    [attempt] = message.delivery_attempts.all()
    assert (attempt.outcome, attempt.http_status) == (DeliveryAttempt.Outcome.DELIVERED, 201)
    assert attempt.finished_at is not None and attempt.duration_ms is not None


def test_the_request_is_signed_json_with_the_idempotency_key(destination, stub):
    message = outbox.enqueue(destination, "submission.created", PAYLOAD)
    outbox.deliver_due()
    [request] = stub.requests
    headers = request["headers"]
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Idempotency-Key"] == message.idempotency_key
    assert headers["X-Message-Kind"] == "submission.created"
    assert verify(
        SECRET, headers["X-Signature-Timestamp"], request["body"], headers["X-Signature"], max_age=60
    )
    assert json.loads(request["body"]) == PAYLOAD


@pytest.mark.parametrize("status", [503, 500, 429, 408])
def test_a_temporary_failure_schedules_a_retry_within_the_first_delay(destination, stub, status):
    stub.respond(status)
    message = outbox.enqueue(destination, "x", PAYLOAD)
    before = timezone.now()
    outbox.deliver_due()
    message = reload(message)
    assert message.status == OutboxMessage.Status.PENDING
    assert message.attempts == 1
    assert message.last_error == f"HTTP {status}"
    # base 10 s: the first delay lies between 5 and 10 seconds.
    assert before + timedelta(seconds=5) <= message.next_attempt_at <= timezone.now() + timedelta(seconds=10)
    assert outbox.deliver_due() == {}  # not due yet: nothing is sent early
    assert len(stub.requests) == 1


def test_retry_delays_grow_up_to_the_cap_then_the_message_is_dead(destination, stub):
    stub.default = (503, {}, 0)
    message = outbox.enqueue(destination, "x", PAYLOAD)
    delays = []
    for _ in range(4):
        outbox.deliver_due()
        message = reload(message)
        assert message.status == OutboxMessage.Status.PENDING
        attempt = message.delivery_attempts.order_by("-started_at").first()
        delays.append((message.next_attempt_at - attempt.finished_at).total_seconds())
        make_due(message)
    # Ceilings min(40, 10·2^(n-1)) = 10, 20, 40, 40; each delay in [ceiling/2, ceiling].
    for delay, ceiling in zip(delays, [10, 20, 40, 40], strict=True):
        assert ceiling / 2 - 1 <= delay <= ceiling + 1
    assert delays[0] <= delays[1] <= delays[2]
    outbox.deliver_due()  # the fifth attempt uses up the budget
    message = reload(message)
    assert message.status == OutboxMessage.Status.DEAD
    assert message.attempts == 5
    assert "attempt budget used up" in message.last_error
    assert message.next_attempt_at is None
    assert len(stub.requests) == 5


def test_retry_delay_bounds_with_jitter_at_its_extremes():
    for attempt, ceiling in [(1, 30), (2, 60), (3, 120), (8, 3600), (30, 3600)]:
        low = outbox.retry_delay(attempt, base=30, cap=3600, rand=lambda: 0.0)
        high = outbox.retry_delay(attempt, base=30, cap=3600, rand=lambda: 1.0)
        assert (low, high) == (ceiling / 2, ceiling)


def test_retry_after_is_respected_within_the_cap(destination, stub):
    stub.respond((429, {"Retry-After": "35"}))
    message = outbox.enqueue(destination, "x", PAYLOAD)
    before = timezone.now()
    outbox.deliver_due()
    assert reload(message).next_attempt_at >= before + timedelta(seconds=35)


def test_a_timeout_is_retried(destination, stub, settings):
    settings.INTEGRATION_DESTINATIONS["backend"]["TIMEOUT"] = 0.2
    # The back-end answers only after 5 s; giving up well before that shows the
    # read timeout cut the wait (the margin absorbs a busy machine).
    stub.respond((200, {}, 5.0))
    message = outbox.enqueue(destination, "x", PAYLOAD)
    started = time.monotonic()
    outbox.deliver_due()
    assert time.monotonic() - started < 4.0
    message = reload(message)
    assert (message.status, message.last_error) == (OutboxMessage.Status.PENDING, "timeout")


def test_a_refused_connection_is_retried(destination, settings):
    import socket

    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.INTEGRATION_DESTINATIONS["backend"]["URL"] = f"http://127.0.0.1:{port}/hook"
    message = outbox.enqueue(destination, "x", PAYLOAD)
    outbox.deliver_due()
    message = reload(message)
    assert message.status == OutboxMessage.Status.PENDING
    assert message.last_error == "connection error: ConnectionRefusedError"


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_a_permanent_4xx_is_a_dead_letter_at_once(destination, stub, status):
    stub.respond(status)
    message = outbox.enqueue(destination, "x", PAYLOAD)
    outbox.deliver_due()
    message = reload(message)
    assert message.status == OutboxMessage.Status.DEAD
    assert (message.attempts, message.last_error) == (1, f"HTTP {status}")
    assert message.delivery_attempts.get().outcome == DeliveryAttempt.Outcome.PERMANENT_FAILURE
    make_due(message)
    assert outbox.deliver_due() == {}
    assert len(stub.requests) == 1


def test_the_idempotency_key_is_the_same_on_every_retry(destination, stub):
    stub.respond(503, 503, 200)
    message = outbox.enqueue(destination, "x", PAYLOAD)
    for _ in range(3):
        outbox.deliver_due()
        make_due(message)
    keys = {r["headers"]["Idempotency-Key"] for r in stub.requests}
    assert len(stub.requests) == 3
    assert keys == {message.idempotency_key}
    assert reload(message).status == OutboxMessage.Status.DELIVERED


def test_a_redirect_is_not_followed_and_not_counted_as_delivered(destination, stub):
    stub.respond((302, {"Location": stub.url("/elsewhere")}))
    message = outbox.enqueue(destination, "x", PAYLOAD)
    outbox.deliver_due()
    message = reload(message)
    assert stub.posts_to("/elsewhere") == []
    assert len(stub.requests) == 1
    assert message.status == OutboxMessage.Status.PENDING
    assert message.last_error == "HTTP 302 (redirect not followed)"


def test_a_destination_removed_from_settings_dead_letters_its_messages(destination, settings):
    message = outbox.enqueue(destination, "x", PAYLOAD)
    settings.INTEGRATION_DESTINATIONS = {}
    outbox.deliver_due()
    message = reload(message)
    assert (message.status, message.last_error) == (OutboxMessage.Status.DEAD, "destination not configured")


# Leases -----------------------------------------------------------------------


def test_a_message_whose_worker_died_is_taken_back_after_the_lease(destination, stub):
    message = outbox.enqueue(destination, "x", PAYLOAD)
    outbox.claim_due_messages(1)  # ... and then the worker died
    assert outbox.reclaim_expired_leases() == 0  # within the lease: left alone
    assert outbox.deliver_due() == {}
    OutboxMessage.objects.filter(pk=message.pk).update(claimed_at=timezone.now() - timedelta(seconds=61))
    assert outbox.deliver_due() == {"delivered": 1}
    message = reload(message)
    assert message.attempts == 2
    outcomes = list(message.delivery_attempts.values_list("outcome", flat=True))
    assert outcomes == [DeliveryAttempt.Outcome.LEASE_EXPIRED, DeliveryAttempt.Outcome.DELIVERED]
    assert len(stub.requests) == 1


def test_an_expired_lease_with_no_attempts_left_becomes_a_dead_letter(destination, settings):
    message = outbox.enqueue(destination, "x", PAYLOAD)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.DELIVERING,
        attempts=settings.INTEGRATION_MAX_ATTEMPTS,
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    assert outbox.reclaim_expired_leases() == 1
    assert reload(message).status == OutboxMessage.Status.DEAD


def test_a_late_success_from_a_worker_that_lost_its_lease_still_counts(destination, stub):
    message = outbox.enqueue(destination, "x", PAYLOAD)
    [claimed] = outbox.claim_due_messages(1)
    # Another worker took the message back meanwhile.
    OutboxMessage.objects.filter(pk=message.pk).update(claim_token="someone-else")
    assert outbox.deliver(claimed) == OutboxMessage.Status.DELIVERED
    assert reload(message).status == OutboxMessage.Status.DELIVERED


# Operators --------------------------------------------------------------------


def test_retry_now_gives_a_dead_letter_a_fresh_budget(destination, stub):
    stub.respond(400)
    message = outbox.enqueue(destination, "x", PAYLOAD)
    outbox.deliver_due()
    assert outbox.retry_now(message.pk) is True
    message = reload(message)
    assert (message.status, message.attempts, message.last_error) == (OutboxMessage.Status.PENDING, 0, "")
    assert outbox.deliver_due() == {"delivered": 1}
    assert outbox.retry_now(message.pk) is False  # only dead letters


def test_purge_blanks_old_delivered_payloads_only(destination, stub):
    stub.default = (200, {}, 0)
    delivered = outbox.enqueue(destination, "x", PAYLOAD)
    outbox.deliver_due()
    waiting = outbox.enqueue(destination, "x", PAYLOAD)
    assert outbox.purge_delivered_payloads(timezone.now() + timedelta(seconds=1)) == 1
    assert reload(delivered).payload == {}
    assert reload(delivered).kind == "x"
    assert reload(waiting).payload == PAYLOAD


# Logs -------------------------------------------------------------------------


class ExplodingAdapter(outbox.adapters.Adapter):
    def send(self, message):
        raise ValueError(f"cannot handle {message.payload}")


def test_the_payload_never_appears_in_log_records_or_errors(destination, stub, settings, caplog):
    settings.INTEGRATION_DESTINATIONS["boom"] = {"ADAPTER": f"{__name__}.ExplodingAdapter"}
    caplog.set_level(logging.DEBUG)
    stub.respond(200, 503, 400)
    for name in ["backend", "backend", "backend", "boom", "log"]:
        outbox.enqueue(name, "submission.created", PAYLOAD)
        outbox.deliver_due()
    assert caplog.records, "delivery should log something"
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {r.exc_text or ''} {getattr(r, 'stack_info', '') or ''}"
        for r in caplog.records
    )
    stored = " ".join(
        list(OutboxMessage.objects.values_list("last_error", flat=True))
        + list(DeliveryAttempt.objects.values_list("error", flat=True))
    )
    for secret in ["1671014404900002", "Siti Aminah"]:
        assert secret not in logged
        assert secret not in stored
    assert "adapter error: ValueError" in stored
