"""Status callbacks from back-ends, staff status changes, and the tracking page."""

import json
import time

import pytest

from integrations.models import OutboxMessage
from integrations.signing import sign
from services import submissions
from services.choices import SubmissionStatus
from services.models import ServiceSubmission, SubmissionStatusEvent

from .conftest import EMAIL, SECRET

pytestmark = pytest.mark.django_db

CALLBACK = "/services/callbacks/blk/"


@pytest.fixture
def submission(online_service, apply):
    apply(online_service)
    return ServiceSubmission.objects.get()


def callback(client, data, *, secret=SECRET, url=CALLBACK):
    body = json.dumps(data).encode()
    timestamp = int(time.time())
    return client.post(
        url,
        body,
        content_type="application/json",
        HTTP_X_SIGNATURE_TIMESTAMP=str(timestamp),
        HTTP_X_SIGNATURE=sign(secret, timestamp, body),
    )


def event(submission, status="in_process", event_id="ev-1", **extra):
    return {"reference": submission.reference, "status": status, "event_id": event_id, **extra}


def test_a_signed_callback_changes_the_status_and_e_mails_the_applicant(client, submission):
    response = callback(client, event(submission, message="Berkas sedang diperiksa."))

    submission.refresh_from_db()
    assert (response.status_code, response.json()["status"]) == (200, "recorded")
    assert submission.status == SubmissionStatus.IN_PROCESS
    assert submission.events.last().message == "Berkas sedang diperiksa."
    assert OutboxMessage.objects.filter(destination="email", kind="email.status_changed").count() == 1


def test_a_callback_with_a_bad_signature_gets_403_and_changes_nothing(client, submission):
    response = callback(client, event(submission, "completed"), secret="another-secret-of-the-same-length!!")

    submission.refresh_from_db()
    assert response.status_code == 403
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.events.count() == 1


def test_a_repeated_event_is_answered_200_and_recorded_once(client, submission):
    callback(client, event(submission))
    again = callback(client, event(submission))

    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    assert SubmissionStatusEvent.objects.filter(event_id="ev-1").count() == 1


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"status": "submitted"}, 400),
        ({"status": "lost"}, 400),
        ({"event_id": ""}, 400),
        ({"reference": "LYN-2000-999999"}, 404),
    ],
)
def test_a_bad_callback_is_refused(client, submission, change, expected):
    assert callback(client, {**event(submission), **change}).status_code == expected
    assert submission.events.count() == 1


def test_a_back_end_cannot_report_on_another_back_ends_application(client, submission):
    from .factories import TransactionBackendFactory

    TransactionBackendFactory(slug="other", signing_secret=SECRET)

    assert callback(client, event(submission), url="/services/callbacks/other/").status_code == 404


def test_completion_invites_the_applicant_to_the_satisfaction_survey_once(submission):
    from integrations.models import OutboxMessage
    from satisfaction.models import SurveyInvitation

    submissions.record_status(submission, "completed", source="backend", event_id="a")
    submissions.record_status(submission, "completed", source="backend", event_id="b")

    invitation = SurveyInvitation.objects.get(reference=submission.reference)
    assert invitation.is_open
    assert OutboxMessage.objects.filter(kind="email.invitation").count() == 1


# Tracking ---------------------------------------------------------------------------------


@pytest.fixture
def track(client, directory):
    def _track(reference, contact):
        from core.tracking import TrackingForm

        started = TrackingForm().initial["started"]
        return client.post(
            directory.url + "track/", {"reference": reference, "contact": contact, "started": started}
        )

    return _track


def test_tracking_with_the_right_pair_shows_the_history(client, submission, track):
    callback(client, event(submission, message="Silakan datang hari Senin."))

    html = track(submission.reference.lower(), EMAIL.upper()).content.decode()

    assert "Silakan datang hari Senin." in html
    assert html.count('class="status-history__item"') == 2
    assert 'class="tag tag--blue"' in html


def test_tracking_by_phone_number_in_another_format_works(submission, track):
    assert "status-history" in track(submission.reference, "+62 812-3456-7890").content.decode()


def test_tracking_with_a_wrong_e_mail_says_not_found_like_an_unknown_reference(submission, track):
    wrong = track(submission.reference, "someone.else@example.org")
    unknown = track("LYN-2000-000999", EMAIL)

    assert wrong.status_code == unknown.status_code == 200
    assert "status-history" not in wrong.content.decode()

    def summary(response):
        return response.content.decode().split('class="error-summary"')[1].split("</div>")[0]

    assert summary(wrong) == summary(unknown)


def test_repeated_tracking_tries_are_rate_limited(submission, track, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"tracking": (2, 900), "default": (20, 3600)}
    track(submission.reference, "x@example.org")
    track(submission.reference, "y@example.org")

    assert track(submission.reference, EMAIL).status_code == 429


def test_the_tracking_page_asks_for_the_pair_and_never_puts_it_in_the_url(client, directory):
    html = client.get(directory.url + "track/").content.decode()

    assert 'method="post"' in html and 'name="contact"' in html


def test_the_tracking_page_of_a_completed_application_invites_to_the_survey(submission, track):
    submissions.record_status(submission, "completed", source="backend", event_id="a")

    assert "/survey/" in track(submission.reference, EMAIL).content.decode()
