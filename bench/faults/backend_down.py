"""A transaction back-end down: applications are accepted and queued, the worker retries
with back-off, and when the back-end returns each application reaches it exactly once.

1. The demo services' back-end record points at a closed port on 127.0.0.1.
2. ``APPLICATIONS`` applicants (4 at a time, each from its own address) send complete
   applications through the online form (gunicorn, production config).
3. A ``manage.py db_worker`` starts (retry back-off from 1 s, at most 3 s, instead of
   30 s to an hour, so the script is short) and tries until every message has failed
   ``TRIES`` times (at most ``DEADLINE`` seconds).
4. A loopback back-end (bench/common.py: checks signatures, counts Idempotency-Keys)
   starts on that very port; the clock runs until every message is delivered.

Passes when: every applicant got a reference; each reference is one stored application
with one outbox message to the back-end; while the back-end was down those messages were
pending with failed attempts recorded (none delivered, none given up); once it was back all
were delivered within ``DEADLINE`` seconds; the back-end received exactly the messages'
Idempotency-Keys, each once, all correctly signed.
"""

import sys
import threading
import time

from bench.common import SECRET, Backend, application, free_port
from bench.faults.applicants import Applicant, target_service
from bench.faults.harness import Result, check, wait_until

APPLICATIONS, CLIENTS, TRIES, DEADLINE = 20, 4, 2, 90.0


def _messages(references):
    from integrations.models import OutboxMessage
    from services.models import ServiceSubmission

    ids = [
        str(pk)
        for pk in ServiceSubmission.objects.filter(reference__in=references).values_list("pk", flat=True)
    ]
    return OutboxMessage.objects.filter(
        destination__startswith="backend:", reference_type="services.servicesubmission", reference_id__in=ids
    )


def run(lab):
    from integrations.models import DeliveryAttempt, OutboxMessage
    from services.models import ServiceSubmission

    result = Result("backend_down", False, "")
    page, fields = target_service()
    backend_record = page.transaction_backend
    port = free_port()
    backend_record.endpoint_url = f"http://127.0.0.1:{port}/submissions"
    backend_record.signing_secret = SECRET
    backend_record.active = True
    backend_record.timeout_seconds = 5
    backend_record.save()

    site = lab.gunicorn("backend_down")
    site.start()
    attempts, lock = [], threading.Lock()
    numbers = iter(range(APPLICATIONS))

    def applicant():
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            person = Applicant(site.base, page.url, "valid", f"10.40.{n // 250}.{n % 250 + 1}")
            person.open()
            attempt = person.send(*application(fields))
            with lock:
                attempts.append(attempt)

    receiver = worker = None
    try:
        threads = [threading.Thread(target=applicant) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        site.stop()
        references = [a.reference for a in attempts if a.accepted]
        stored = ServiceSubmission.objects.filter(reference__in=references).count()
        messages = _messages(references)
        queued = messages.count()

        worker = lab.worker("backend_down", INTEGRATION_RETRY_BASE_SECONDS=1, INTEGRATION_RETRY_CAP_SECONDS=3)
        worker_started = time.monotonic()
        try:
            wait_until(
                lambda: not messages.filter(attempts__lt=TRIES).exists(), DEADLINE, "the worker did not retry"
            )
        except RuntimeError:
            pass
        tried_for = time.monotonic() - worker_started
        down = {
            "statuses": sorted(set(messages.values_list("status", flat=True))),
            "failed_attempts": DeliveryAttempt.objects.filter(
                message__in=messages, outcome=DeliveryAttempt.Outcome.TEMPORARY_FAILURE
            ).count(),
            "errors": sorted(set(messages.exclude(last_error="").values_list("last_error", flat=True)))[:3],
            "retrying": messages.filter(status=OutboxMessage.Status.PENDING, attempts__gte=1).count(),
        }

        receiver = Backend(port=port)
        back_at = time.monotonic()
        try:
            wait_until(
                lambda: not messages.exclude(status=OutboxMessage.Status.DELIVERED).exists(),
                DEADLINE,
                "not delivered in time",
            )
        except RuntimeError:
            pass
        delivered_after = time.monotonic() - back_at
        keys = set(messages.values_list("idempotency_key", flat=True))
        delivered = messages.filter(status=OutboxMessage.Status.DELIVERED).count()
        attempts_per_message = sorted(messages.values_list("attempts", flat=True)) or [0]
    finally:
        site.stop()
        if worker is not None:
            worker.terminate()
            worker.wait(20)
        if receiver is not None:
            receiver.close()

    checks = result.checks
    check(checks, f"all {APPLICATIONS} applicants got a reference", len(references) == APPLICATIONS)
    check(checks, "each reference is one stored application", stored == len(set(references)) == APPLICATIONS)
    check(checks, "one outbox message to the back-end for each", queued == APPLICATIONS)
    check(
        checks,
        f"while down: all pending, each with {TRIES} failed attempts recorded, none delivered or dead",
        down["statuses"] == ["pending"]
        and down["retrying"] == APPLICATIONS
        and down["failed_attempts"] >= TRIES * APPLICATIONS,
    )
    check(
        checks, f"all delivered within {DEADLINE:.0f} s of the back-end's return", delivered == APPLICATIONS
    )
    check(
        checks,
        "the back-end received exactly these keys, each once, correctly signed",
        set(receiver.keys) == keys and receiver.duplicates == 0 and receiver.bad_signatures == 0,
    )
    result.passed = all(passed for _, passed in checks)
    result.summary = (
        f"{len(references)} accepted while the back-end was down; {down['failed_attempts']} failed attempts "
        f"in {tried_for:.0f} s; all {delivered} delivered {delivered_after:.1f} s after it returned, "
        f"{receiver.duplicates} duplicates"
    )
    result.details = [
        f"Service: {page.title} ({len(fields)} questions, files included); {site.kind}; "
        f"applicants' POST status {sorted({a.status for a in attempts}, key=str)}.",
        f"While down ({tried_for:.0f} s of db_worker from its start, back-off 1-3 s): "
        f"statuses {down['statuses']}, "
        f"{down['retrying']} pending with attempts, {down['failed_attempts']} failed attempts recorded; "
        f"errors {down['errors']}.",
        f"Back-end returned on the same port: delivered {delivered} of {queued} in {delivered_after:.1f} s; "
        f"attempts per message {attempts_per_message[0]}-{attempts_per_message[-1]}; distinct keys "
        f"received {len(receiver.keys)}, duplicates {receiver.duplicates}, bad signatures "
        f"{receiver.bad_signatures}.",
    ]
    return result


if __name__ == "__main__":
    from bench.faults.__main__ import main

    sys.exit(main(["backend_down"]))
