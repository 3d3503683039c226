"""200 applications sent at the same moment, some wrong on purpose, some over the rate
limit; then a flood of posts from one address while another visitor uses the same form.

gunicorn (production config, 2 workers) with Redis for the rate-limit counters (shared by
the workers, as in production) and uploads limited to 64 KiB (so that an oversized file
is cheap to send). The production rate limits apply: 10 applications per address per hour
(``service_submission``), 30 form posts per address per minute (``any_form``).

Concurrent: 200 applicants each open the service page in their own session (CSRF cookie,
the form's start time) and wait at a barrier; then all 200 POST at once:

* 140 complete applications, each from its own address;
* 15 without the first (required) answer, 15 with an impossible NIK, 10 with a 100 KiB file (each from its
  own address): refused with the field's error;
* 20 complete applications from one address: 10 accepted, 10 refused with 429.

Passes when: 150 were accepted, each with a reference (read on the confirmation page)
that is one stored application, and nothing else was stored; the 40 wrong ones were
answered 200 with their field's own error, in Indonesian; the 10 over the limit got 429
with the message saying how long to wait; the total is 200; no 5xx, no lost connection.

Flood: 6 threads post complete applications from one address for ``FLOOD_SECONDS``
seconds while another address opens the form every half second and sends one
application. Passes when: the flooding address had at most 10 applications accepted and
every other post answered 429 with the message (how many also had Retry-After is
reported); the other visitor's pages
all answered 200 within ``NOT_STARVED`` seconds and its application was accepted.
"""

import html
import re
import sys
import threading
import time

from bench.common import PDF, application
from bench.faults.applicants import Applicant, target_service
from bench.faults.harness import Load, Result, check, ms

GROUPS = {"valid": 140, "missing_answer": 15, "bad_nik": 15, "oversized_file": 10, "same_address": 20}
LIMIT = 10  # applications per address in a window: PUBLIC_FORM_RATE_LIMITS["service_submission"]
UPLOAD_LIMIT = 64 * 1024
FLOOD_SECONDS, FLOOD_THREADS, NOT_STARVED = 8.0, 6, 5.0
#: The rate-limit message in Indonesian and English (core.publicforms.rate_limit).
TOO_MANY = re.compile(r"terlalu sering mengirim formulir ini|sent this form too many times")


def address(group, n):
    if group == "same_address":
        return "10.9.9.9"
    return f"10.{list(GROUPS).index(group) + 10}.{n // 250}.{n % 250 + 1}"


def answers(group, fields):
    data, files = application(fields)
    if group == "missing_answer":  # the first question, a required one in the demo forms
        data.pop(fields[0][0])
    elif group == "bad_nik":  # sixteen digits, but no such district or birth date
        key = next(key for key, kind, _ in fields if kind == "nik")
        data[key] = "1234567890123456"
    elif group == "oversized_file":
        key = next(key for key, kind, _ in fields if kind == "file")
        files[key] = ("ijazah.pdf", PDF + b"%" * (100 * 1024), "application/pdf")
    return data, files


def expected_errors(page, group, fields):
    """What the form says about this group's answers, in Indonesian: ``{field: [messages]}``."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings
    from django.utils import translation

    from services.onlineform import build_form

    data, files = answers(group, fields)
    uploads = {key: SimpleUploadedFile(name, content, kind) for key, (name, content, kind) in files.items()}
    with override_settings(PUBLIC_UPLOAD_MAX_BYTES=UPLOAD_LIMIT), translation.override("id"):
        form = build_form(page)({**data, "started": ""}, uploads)
        form.is_valid()
        return {key: [str(m) for m in messages] for key, messages in form.errors.items() if key != "__all__"}


def wait_for_a_fresh_window(window=3600, margin=60):
    """The limit counts in fixed windows (an hour from the full hour): a run that crossed
    into the next one could have twice the limit accepted, so start well inside one."""
    left = window - time.time() % window
    if left < margin:
        time.sleep(left + 1)


def concurrent(lab, site, page, fields):
    from services.models import ServiceSubmission

    applicants = [
        Applicant(site.base, page.url, group, address(group, n))
        for group, count in GROUPS.items()
        for n in range(count)
    ]
    released = []

    def release():
        # The last to arrive makes sure the posts all fall in one window of the limit.
        wait_for_a_fresh_window(margin=180)
        released.append(time.time())

    barrier = threading.Barrier(len(applicants), action=release)

    def one(person):
        person.open()
        barrier.wait(timeout=900)
        person.send(*answers(person.attempt.kind, fields))

    from django.utils import timezone

    started = timezone.now()
    threads = [threading.Thread(target=one, args=(person,)) for person in applicants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.time() - released[0]
    attempts = [person.attempt for person in applicants]
    stored = set(
        ServiceSubmission.objects.filter(created_at__gte=started).values_list("reference", flat=True)
    )
    return attempts, stored, seconds


def flood(site, page, fields):
    flooders = [Applicant(site.base, page.url, "flood", "10.66.6.6") for _ in range(FLOOD_THREADS)]
    for person in flooders:
        person.open()
    visitor = Applicant(site.base, page.url, "visitor", "10.77.7.7")
    visitor.open()
    wait_for_a_fresh_window()
    attempts, lock, stopping = [], threading.Lock(), threading.Event()

    def flood_one(person):
        while not stopping.is_set():
            attempt = person.send(*application(fields))
            with lock:
                attempts.append(attempt)

    pages = Load([site.base + page.url], threads=1, timeout=60, pause=0.5)
    pages.start()
    time.sleep(2)  # the visitor's pages before the flood
    flood_started = pages.now()
    threads = [threading.Thread(target=flood_one, args=(person,)) for person in flooders]
    for thread in threads:
        thread.start()
    time.sleep(FLOOD_SECONDS / 2)
    own = visitor.send(*application(fields))
    time.sleep(FLOOD_SECONDS / 2)
    stopping.set()
    for thread in threads:
        thread.join()
    flood_ended = pages.now()
    visitor_pages = pages.stop()
    return attempts, own, visitor_pages, flood_started, flood_ended


def shows(attempt, expected):
    body = attempt.body
    return attempt.status == 200 and all(
        f'href="#id_{key}"' in body and all(html.escape(message) in body for message in messages)
        for key, messages in expected.items()
    )


def run(lab):
    result = Result("concurrent_submissions", False, "")
    page, fields = target_service()
    expected = {
        group: expected_errors(page, group, fields)
        for group in ("missing_answer", "bad_nik", "oversized_file")
    }
    redis = lab.private_redis()
    redis.start()
    site = lab.gunicorn("concurrent_submissions", REDIS_URL=redis.url, PUBLIC_UPLOAD_MAX_BYTES=UPLOAD_LIMIT)
    site.start()
    try:
        attempts, stored, seconds = concurrent(lab, site, page, fields)
        flood_attempts, own, visitor_pages, flood_started, flood_ended = flood(site, page, fields)
    finally:
        site.stop()
        redis.stop()

    by_group = {group: [a for a in attempts if a.kind == group] for group in GROUPS}
    accepted = [a for a in attempts if a.accepted]
    references = [a.reference for a in accepted]
    refused_429 = [a for a in attempts if a.status == 429]
    broken = [a for a in attempts if not isinstance(a.status, int) or a.status >= 500]
    wrong_told = {group: sum(1 for a in by_group[group] if shows(a, expected[group])) for group in expected}
    same = by_group["same_address"]
    checks = result.checks
    check(checks, f"{len(attempts)} applications sent at once", len(attempts) == sum(GROUPS.values()) == 200)
    check(checks, "no 5xx, no lost connection", not broken)
    check(
        checks,
        f"{GROUPS['valid'] + LIMIT} accepted: every valid one from its own address, "
        f"{LIMIT} from the shared one",
        all(a.accepted for a in by_group["valid"]) and sum(a.accepted for a in same) == LIMIT,
    )
    check(
        checks,
        "each accepted one is exactly one stored application (references unique, nothing else stored)",
        len(set(references)) == len(references) and set(references) == stored,
    )
    check(
        checks,
        "every wrong one answered 200 with its field's error in Indonesian, none stored",
        all(wrong_told[group] == GROUPS[group] for group in expected),
    )
    check(
        checks,
        f"the {GROUPS['same_address'] - LIMIT} over the limit got 429 with the message",
        len(refused_429) == GROUPS["same_address"] - LIMIT
        and all(a.address == "10.9.9.9" and TOO_MANY.search(a.body) for a in refused_429),
    )
    check(
        checks,
        "every answer accounted for (accepted + field errors + 429 = 200)",
        len(accepted) + sum(wrong_told.values()) + len(refused_429) == len(attempts),
    )

    flood_accepted = [a for a in flood_attempts if a.accepted]
    flood_refused = [a for a in flood_attempts if not a.accepted]
    during = [s for s in visitor_pages if flood_started <= s.at <= flood_ended]
    before = [s for s in visitor_pages if s.at < flood_started]
    check(
        checks,
        f"flood: at most {LIMIT} accepted from the flooding address",
        len(flood_accepted) <= LIMIT,
    )
    check(
        checks,
        "flood: every other post 429 with the message",
        flood_refused and all(a.status == 429 and TOO_MANY.search(a.body) for a in flood_refused),
    )
    check(
        checks,
        f"flood: the other visitor's pages 200 within {NOT_STARVED:.0f} s, its application accepted",
        during and all(s.outcome == "200" and s.seconds < NOT_STARVED for s in during) and own.accepted,
    )
    result.passed = all(passed for _, passed in checks)
    post_latency = [a.seconds for a in attempts if isinstance(a.status, int)]
    refused_latency = [a.seconds for a in flood_refused]
    result.summary = (
        f"{len(accepted)} accepted and stored once, {sum(wrong_told.values())} refused with the field error, "
        f"{len(refused_429)} × 429 in {seconds:.0f} s; flood: {len(flood_accepted)} accepted, "
        f"{len(flood_refused)} × 429, the other visitor served (max {ms([s.seconds for s in during])})"
    )
    statuses = {}
    for attempt in attempts:
        statuses.setdefault(attempt.kind, {}).setdefault(str(attempt.status), 0)
        statuses[attempt.kind][str(attempt.status)] += 1
    during_latency, before_latency = [s.seconds for s in during], [s.seconds for s in before]
    with_retry_after = sum(1 for a in flood_refused if a.retry_after)
    result.details = [
        f"Service: {page.title}; {site.kind}; Redis for the counters; uploads at most "
        f"{UPLOAD_LIMIT // 1024} KiB.",
        "Concurrent: " + "; ".join(f"{group} {counts}" for group, counts in statuses.items()) + ".",
        f"All 200 POSTs answered {seconds:.1f} s after the barrier let them go; POST latency "
        f"p50 {ms(post_latency, 0.5)}, p95 {ms(post_latency, 0.95)}, max {ms(post_latency)} (queued behind "
        "each other: 8 threads serve 200 posts).",
        f"Stored in the run: {len(stored)}; accepted references: {len(references)} "
        f"({len(set(references))} distinct).",
        f"Flood ({FLOOD_THREADS} threads, {FLOOD_SECONDS:.0f} s, one address): {len(flood_attempts)} posts, "
        f"{len(flood_accepted)} accepted, {len(flood_refused)} refused "
        f"({sorted({str(a.status) for a in flood_refused})}, {with_retry_after} with Retry-After); "
        f"429 answered in p50 {ms(refused_latency, 0.5)}, p95 {ms(refused_latency, 0.95)}.",
        f"The other visitor's page before the flood: p50 {ms(before_latency, 0.5)}; during it: "
        f"{len(during)} views, {sorted({s.outcome for s in during})}, p50 {ms(during_latency, 0.5)}, "
        f"max {ms(during_latency)}; its own application: {own.status}, {own.reference or '-'}.",
    ]
    for attempt in broken:  # what the client saw, for the record
        result.details.append(
            f"Lost: {attempt.kind} from {attempt.address}: {attempt.status} {attempt.body[:300]}"
        )
    return result


if __name__ == "__main__":
    from bench.faults.__main__ import main

    sys.exit(main(["concurrent_submissions"]))
