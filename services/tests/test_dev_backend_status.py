"""The development back-end sends status updates back to the site, signed."""

import json

import pytest
from django.core.management import call_command

from integrations.models import DevReceivedMessage
from integrations.signing import verify
from integrations.views import send_status_update

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def test_a_status_update_is_posted_signed_to_the_callback_url(stub, backend):
    received = DevReceivedMessage.objects.create(
        destination="blk",
        idempotency_key="k",
        kind="service.submission",
        payload={"reference": "LYN-2026-000001", "callback_url": stub.url("/callback")},
    )

    status, _answer = send_status_update(received, "completed", "Siap diambil.")

    [request] = stub.posts_to("/callback")
    headers = request["headers"]
    assert status == 200
    assert verify(
        SECRET, headers["X-Signature-Timestamp"], request["body"], headers["X-Signature"], max_age=60
    )
    body = json.loads(request["body"])
    assert (body["reference"], body["status"], body["message"]) == (
        "LYN-2026-000001",
        "completed",
        "Siap diambil.",
    )
    assert body["event_id"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps Wagtail's root page
def test_the_command_completes_an_application_through_the_real_callback(
    online_service, apply, live_server, settings
):
    from services.models import ServiceSubmission

    apply(online_service)
    submission = ServiceSubmission.objects.get()
    DevReceivedMessage.objects.create(
        destination="blk",
        idempotency_key="k",
        kind="service.submission",
        payload={
            "reference": submission.reference,
            "callback_url": f"{live_server.url}/services/callbacks/blk/",
        },
    )

    call_command("dev_backend_status", submission.reference.lower(), "received", "--message", "OK")

    submission.refresh_from_db()
    assert submission.status == "received"
