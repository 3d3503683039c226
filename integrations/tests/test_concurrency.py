"""Two workers never deliver the same message twice."""

import threading
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction

from integrations import outbox
from integrations.models import DeliveryAttempt, OutboxMessage

ON_POSTGRESQL = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.mark.django_db
def test_of_two_workers_racing_for_the_same_rows_only_one_claims_them(destination):
    """What SQLite can show: both workers saw the same due rows; the
    conditional UPDATE lets only the first one have them."""
    ids = [outbox.enqueue(destination, "x", {"n": n}).pk for n in range(3)]
    seen_by_a = outbox.due_ids(10)
    seen_by_b = outbox.due_ids(10)
    assert sorted(seen_by_a) == sorted(seen_by_b) == sorted(ids)
    assert sorted(outbox.claim_ids(seen_by_a, "worker-a")) == sorted(ids)
    assert outbox.claim_ids(seen_by_b, "worker-b") == []
    assert outbox.claim_due_messages(10, token="worker-b") == []
    assert set(OutboxMessage.objects.values_list("claim_token", flat=True)) == {"worker-a"}
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.django_db
def test_a_claimed_message_is_not_claimed_again(destination):
    outbox.enqueue(destination, "x", {})
    first = outbox.claim_due_messages(5)
    second = outbox.claim_due_messages(5)
    assert len(first) == 1 and second == []


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="needs PostgreSQL (SELECT … FOR UPDATE SKIP LOCKED and real concurrent connections); "
    "SQLite serialises writers, see the claim test above",
)
@pytest.mark.django_db(transaction=True)
def test_two_worker_threads_with_their_own_connections_deliver_each_message_once(
    destination, stub, tasks_not_run
):
    assert connection.features.has_select_for_update_skip_locked
    stub.default = (200, {}, 0.02)  # slow enough for the workers to overlap
    messages = [outbox.enqueue(destination, "x", {"n": n}) for n in range(30)]
    assert stub.requests == []
    barrier = threading.Barrier(2)
    errors, results = [], []

    def worker():
        try:
            barrier.wait()
            results.append(outbox.deliver_due(limit=100).get("delivered", 0))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    print(f"deliveries per worker: {results}")
    assert sum(results) == len(messages)
    keys = [r["headers"]["Idempotency-Key"] for r in stub.requests]
    assert len(keys) == len(set(keys)) == len(messages)
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.DELIVERED).count() == len(messages)
    assert DeliveryAttempt.objects.count() == len(messages)
    assert set(OutboxMessage.objects.values_list("claim_token", flat=True)) == {""}  # every lease released


@pytest.mark.skipif(not ON_POSTGRESQL, reason="needs PostgreSQL row locks (SKIP LOCKED)")
@pytest.mark.django_db(transaction=True)
def test_a_row_locked_by_another_worker_is_skipped_not_waited_for(destination, tasks_not_run):
    first, second = (outbox.enqueue(destination, "x", {"n": n}) for n in range(2))
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                OutboxMessage.objects.select_for_update().get(pk=first.pk)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        claimed = outbox.claim_due_messages(5)
        assert time.monotonic() - started < 2  # did not wait for the lock
        assert [m.pk for m in claimed] == [second.pk]
    finally:
        release.set()
        thread.join(10)
