"""The one path every outgoing message takes: enqueue, claim, deliver, retry.

``enqueue()`` runs inside the caller's transaction, so the caller's record and
its outbox row commit together (or not at all). After the commit a
django-tasks task (``integrations.tasks.deliver_due_messages``) delivers it.
Workers claim due rows one at a time (``SELECT … FOR UPDATE SKIP LOCKED`` where
the database has it, a conditional UPDATE elsewhere), so two workers never
send the same message; the HTTP call happens outside any transaction; a row
whose worker died is taken back when its lease runs out. Delivery is
at-least-once: the Idempotency-Key, constant for a message, lets the
destination drop a copy sent again after a lost lease.
"""

import json
import logging
import random
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router, transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from . import adapters
from .models import DeliveryAttempt, OutboxMessage

logger = logging.getLogger(__name__)

Status = OutboxMessage.Status
Outcome = DeliveryAttempt.Outcome

DEFAULTS = {
    "INTEGRATION_MAX_ATTEMPTS": 16,
    "INTEGRATION_RETRY_BASE_SECONDS": 30,
    "INTEGRATION_RETRY_CAP_SECONDS": 3600,
    "INTEGRATION_LEASE_SECONDS": 300,
    "INTEGRATION_BATCH_SIZE": 100,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


# Enqueueing ------------------------------------------------------------------


def _reference(reference):
    """``reference`` is a model instance or an ("app_label.model", id) pair."""
    if reference is None:
        return "", ""
    if isinstance(reference, tuple | list):
        label, pk = reference
        return str(label), str(pk)
    return reference._meta.label_lower, str(reference.pk)


def enqueue(destination, kind, payload, *, reference=None):
    """Add a message to the outbox; call it inside the transaction that saves
    the record it belongs to. Delivery is scheduled for after the commit."""
    adapters.destination_options(destination)  # fail now, in the caller, on a typo
    json.dumps(payload, cls=DjangoJSONEncoder)  # and on a payload that cannot be sent
    reference_type, reference_id = _reference(reference)
    message = OutboxMessage.objects.create(
        destination=destination,
        kind=kind,
        payload=payload,
        reference_type=reference_type,
        reference_id=reference_id,
        next_attempt_at=timezone.now(),
    )
    using = router.db_for_write(OutboxMessage)
    transaction.on_commit(schedule_delivery, using=using, robust=True)
    return message


def schedule_delivery(run_after=None):
    """Enqueue the delivery task (now, or at ``run_after`` if the task backend
    can defer), unless a run that has not started yet will start by then: it
    will see this commit. A failure here loses nothing: the row waits for the
    next run."""
    from .tasks import deliver_due_messages

    task = deliver_due_messages
    backend = task.get_backend()
    if run_after is not None and not backend.supports_defer:
        return None
    try:
        if _run_waiting(backend, run_after or timezone.now()):
            return None
        return (task.using(run_after=run_after) if run_after else task).enqueue()
    except Exception as exc:
        logger.error("Could not schedule outbox delivery: %s", type(exc).__name__)
        return None


def _run_waiting(backend, when):
    """True if a run of the delivery task is queued, not started, and due by
    ``when`` (database task backend only)."""
    from django_tasks import TaskResultStatus

    from .tasks import deliver_due_messages

    if not backend.supports_defer:
        return False
    try:
        from django_tasks_db.models import DBTaskResult, get_date_max
    except ImportError:  # another backend: always schedule
        return False
    return (
        DBTaskResult.objects.filter(
            task_path=deliver_due_messages.module_path,
            status=TaskResultStatus.READY,
            backend_name=backend.alias,
        )
        .filter(Q(run_after=get_date_max()) | Q(run_after__lte=when))
        .exists()
    )


# Claiming --------------------------------------------------------------------


def _due(now):
    return OutboxMessage.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)


def claim_ids(ids, token, now=None):
    """Mark those of ``ids`` that are still due as delivering under ``token``:
    one conditional UPDATE, so of two workers racing for a row only one wins.
    Returns the ids this call claimed."""
    now = now or timezone.now()
    if not ids:
        return []
    _due(now).filter(pk__in=ids).update(
        status=Status.DELIVERING,
        claim_token=token,
        claimed_at=now,
        attempts=F("attempts") + 1,
        updated_at=now,
    )
    return list(OutboxMessage.objects.filter(pk__in=ids, claim_token=token).values_list("pk", flat=True))


def due_ids(limit, now=None):
    now = now or timezone.now()
    return list(_due(now).order_by("next_attempt_at", "created_at").values_list("pk", flat=True)[:limit])


def claim_due_messages(limit=1, token=None):
    """Claim up to ``limit`` due messages for this worker; returns them."""
    now = timezone.now()
    token = token or uuid.uuid4().hex
    using = router.db_for_write(OutboxMessage)
    if connections[using].features.has_select_for_update_skip_locked:
        with transaction.atomic(using=using):
            ids = list(
                _due(now)
                .order_by("next_attempt_at", "created_at")
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:limit]
            )
            claimed = claim_ids(ids, token, now)
    else:
        # SQLite: no row locks; the conditional UPDATE alone decides who wins.
        claimed = claim_ids(due_ids(limit, now), token, now)
    return list(OutboxMessage.objects.filter(pk__in=claimed).order_by("next_attempt_at", "created_at"))


def reclaim_expired_leases(now=None):
    """Take back messages whose worker held them longer than the lease (it died
    or hung): back to pending, or dead if their attempt budget is used up; the
    lost attempt is recorded. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=setting("INTEGRATION_LEASE_SECONDS"))
    stale = OutboxMessage.objects.filter(status=Status.DELIVERING, claimed_at__lt=cutoff)
    taken = 0
    for pk, claimed_at, token, attempts in stale.values_list("pk", "claimed_at", "claim_token", "attempts"):
        dead = attempts >= setting("INTEGRATION_MAX_ATTEMPTS")
        with transaction.atomic(using=router.db_for_write(OutboxMessage)):
            # Conditional on the same lease, so a worker finishing just now wins.
            changed = OutboxMessage.objects.filter(pk=pk, status=Status.DELIVERING, claim_token=token).update(
                status=Status.DEAD if dead else Status.PENDING,
                next_attempt_at=None if dead else now,
                last_error="lease expired; attempt budget used up" if dead else "worker lease expired",
                claim_token="",
                claimed_at=None,
                updated_at=now,
            )
            if changed:
                DeliveryAttempt.objects.create(
                    message_id=pk,
                    started_at=claimed_at,
                    finished_at=now,
                    outcome=Outcome.LEASE_EXPIRED,
                    error="worker lease expired",
                )
                taken += 1
                logger.warning(
                    "Outbox message %s: lease expired, %s", pk, "dead letter" if dead else "pending"
                )
    return taken


# Delivering ------------------------------------------------------------------


def retry_delay(attempt, *, base=None, cap=None, rand=random.random):
    """Seconds to wait after failed attempt number ``attempt`` (1-based):
    exponential back-off with "equal jitter", i.e. a random point in the upper
    half of min(cap, base·2^(attempt-1)). Delays never shrink from one attempt
    to the next and never exceed the cap."""
    base = setting("INTEGRATION_RETRY_BASE_SECONDS") if base is None else base
    cap = setting("INTEGRATION_RETRY_CAP_SECONDS") if cap is None else cap
    ceiling = min(cap, base * 2 ** max(attempt - 1, 0))
    return ceiling / 2 + rand() * ceiling / 2


def _send(message):
    try:
        return adapters.get_adapter(message.destination).send(message)
    except adapters.UnknownDestination:
        return adapters.SendResult(adapters.REJECT, error="destination not configured")
    except Exception as exc:
        # The exception text may quote the payload: only its class is kept.
        logger.error("Outbox message %s: adapter raised %s", message.pk, type(exc).__name__)
        return adapters.SendResult(adapters.RETRY, error=f"adapter error: {type(exc).__name__}")


def deliver(message):
    """Send one claimed message, then record the attempt and settle the
    message's status in one transaction. Returns the new status."""
    started = timezone.now()
    clock = time.monotonic()
    result = _send(message)
    now = timezone.now()
    error = (result.error or "")[:255]
    outcome = {
        adapters.DELIVERED: Outcome.DELIVERED,
        adapters.RETRY: Outcome.TEMPORARY_FAILURE,
    }.get(result.outcome, Outcome.PERMANENT_FAILURE)
    with transaction.atomic(using=router.db_for_write(OutboxMessage)):
        DeliveryAttempt.objects.create(
            message=message,
            started_at=started,
            finished_at=now,
            outcome=outcome,
            http_status=result.http_status,
            duration_ms=int((time.monotonic() - clock) * 1000),
            error=error,
        )
        if outcome == Outcome.DELIVERED:
            # Delivered is a fact: it wins even if this worker's lease was lost.
            OutboxMessage.objects.filter(pk=message.pk).exclude(status=Status.DELIVERED).update(
                status=Status.DELIVERED,
                delivered_at=now,
                next_attempt_at=None,
                last_error="",
                claim_token="",
                claimed_at=None,
                updated_at=now,
            )
            new_status, updated = Status.DELIVERED, 1
        elif outcome == Outcome.TEMPORARY_FAILURE and message.attempts < setting("INTEGRATION_MAX_ATTEMPTS"):
            delay = retry_delay(message.attempts)
            if result.retry_after:
                delay = max(delay, min(result.retry_after, setting("INTEGRATION_RETRY_CAP_SECONDS")))
            new_status = Status.PENDING
            updated = _settle(
                message, new_status, next_attempt_at=now + timedelta(seconds=delay), last_error=error
            )
        else:
            if outcome == Outcome.TEMPORARY_FAILURE:
                error = f"{error}; attempt budget used up"[:255]
            new_status = Status.DEAD
            updated = _settle(message, new_status, next_attempt_at=None, last_error=error)
    if not updated:
        logger.warning("Outbox message %s: lease lost before the result was recorded", message.pk)
    log = logger.warning if new_status == Status.DEAD else logger.info
    log(
        "Outbox message %s (%s → %s) attempt %d: %s%s",
        message.pk,
        message.kind,
        message.destination,
        message.attempts,
        new_status,
        f" ({error})" if error else "",
    )
    return new_status


def _settle(message, status, **fields):
    now = timezone.now()
    return OutboxMessage.objects.filter(
        pk=message.pk, status=Status.DELIVERING, claim_token=message.claim_token
    ).update(status=status, claim_token="", claimed_at=None, updated_at=now, **fields)


def deliver_due(limit=None):
    """Deliver due messages, one claim at a time, until none is due or
    ``limit`` were handled. Returns counts by resulting status."""
    limit = limit or setting("INTEGRATION_BATCH_SIZE")
    reclaim_expired_leases()
    token = uuid.uuid4().hex
    counts = {}
    for _ in range(limit):
        claimed = claim_due_messages(1, token=token)
        if not claimed:
            break
        status = str(deliver(claimed[0]))
        counts[status] = counts.get(status, 0) + 1
    return counts


def next_retry_at():
    """When the earliest waiting message falls due (None if none waits)."""
    return OutboxMessage.objects.filter(status=Status.PENDING).aggregate(at=Min("next_attempt_at"))["at"]


# Operators -------------------------------------------------------------------


def retry_now(message_id):
    """Give a dead letter a fresh attempt budget, due now. True if it was dead."""
    now = timezone.now()
    changed = OutboxMessage.objects.filter(pk=message_id, status=Status.DEAD).update(
        status=Status.PENDING, attempts=0, next_attempt_at=now, last_error="", updated_at=now
    )
    if changed:
        logger.info("Outbox message %s: dead letter queued for retry", message_id)
        transaction.on_commit(schedule_delivery, using=router.db_for_write(OutboxMessage), robust=True)
    return bool(changed)


def purge_delivered_payloads(older_than):
    """Blank the payload (the only personal data) of messages delivered before
    ``older_than``; the metadata stays for the statistics. Returns how many."""
    return (
        OutboxMessage.objects.filter(status=Status.DELIVERED, delivered_at__lt=older_than)
        .filter(~Q(payload={}))
        .update(payload={}, updated_at=timezone.now())
    )
