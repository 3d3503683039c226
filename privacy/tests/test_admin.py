"""Settings → Personal data: administrators only, contact by POST only (never
in a URL or a log), masked on the page, export as a ZIP, erasure after a
confirmation."""

import io
import json
import logging
import zipfile

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from feedback.models import FeedbackTicket
from governance.tests.conftest import governed  # noqa: F401 (fixture)
from privacy.models import PersonalDataRequest

from .conftest import SITI

pytestmark = pytest.mark.django_db

URL = "/admin/personal-data/"


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-for-tests-only")


def post(client, step, **contact):
    return client.post(URL, {"step": step, **contact})


def test_the_view_lives_at_a_url_without_parameters():
    assert reverse("privacy_personal_data") == URL


def test_division_editors_and_moderators_are_refused(client, governed, world):  # noqa: F811
    # Wagtail answers a refusal to a signed-in admin user with a redirect to the dashboard.
    for user in (governed.editor_a, governed.moderator_a):
        client.force_login(user)
        for response in (client.get(URL), post(client, "find", email=SITI.email)):
            assert response.status_code in (302, 403)
            assert response.status_code == 403 or response["Location"] == "/admin/"
            assert world.old_ticket.reference not in response.content.decode()


def test_the_administrators_group_may_use_it(client, governed, world):  # noqa: F811
    client.force_login(governed.admin)

    response = post(client, "find", email=SITI.email)

    assert response.status_code == 200
    assert world.old_ticket.reference in response.content.decode()


def test_signed_out_visitors_are_sent_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302 and "login" in response["Location"]


def test_the_records_are_listed_with_the_contact_masked(client, administrator, world):
    client.force_login(administrator)

    html = post(client, "find", email=SITI.email).content.decode()

    assert world.old_submission.reference in html and world.old_question.reference in html
    assert "s***@e***.id" in html
    assert SITI.name not in html and SITI.nik not in html


def test_a_contact_in_the_query_string_is_ignored(client, administrator, world):
    client.force_login(administrator)

    html = client.get(URL, {"email": SITI.email}).content.decode()

    assert world.old_ticket.reference not in html


def test_the_forms_send_the_contact_by_post_to_a_bare_url(client, administrator, world):
    client.force_login(administrator)

    empty = client.get(URL)
    found = post(client, "find", email=SITI.email)
    confirming = post(client, "confirm", email=SITI.email)
    for response in (empty, found, confirming):
        html = response.content.decode()
        assert 'method="post"' in html and 'method="get"' not in html
        assert "?email" not in html and "siti.aminah%40" not in html


def test_export_downloads_a_zip_of_the_person_data(client, administrator, world):
    client.force_login(administrator)

    response = post(client, "export", email=SITI.email)

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    disposition = response["Content-Disposition"]
    assert "data-pribadi-" in disposition and "siti" not in disposition
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    assert {t["reference"] for t in data["tickets"]} >= {world.old_ticket.reference}


def test_delete_first_asks_for_confirmation_and_changes_nothing(client, administrator, world):
    client.force_login(administrator)

    html = post(client, "confirm", email=SITI.email).content.decode()

    assert world.open_ticket.reference in html and 'value="erase"' in html
    assert FeedbackTicket.objects.get(pk=world.old_ticket.pk).email == SITI.email


def test_confirmed_delete_erases_and_writes_an_audit_entry_without_the_contact(client, administrator, world):
    client.force_login(administrator)
    confirm = post(client, "confirm", email=SITI.email).context["references"]

    response = client.post(URL, {"step": "erase", "email": SITI.email, "confirmed": confirm})

    assert response.status_code == 302 and response["Location"] == URL
    assert FeedbackTicket.objects.get(pk=world.old_ticket.pk).email == ""
    log = ModelLogEntry.objects.get(action="privacy.erase")
    assert log.user_id == administrator.pk
    assert SITI.email not in json.dumps(log.data) + log.label
    assert PersonalDataRequest.objects.get(action="erasure").requested_by == administrator


def test_delete_without_the_confirmed_list_erases_nothing(client, administrator, world):
    client.force_login(administrator)

    response = client.post(URL, {"step": "erase", "email": SITI.email, "confirmed": "ADU-2026-000001"})

    assert response.status_code == 200
    assert FeedbackTicket.objects.get(pk=world.old_ticket.pk).email == SITI.email


def test_an_unknown_person_gets_a_message_and_nothing_changes(client, administrator, world):
    client.force_login(administrator)
    before = list(FeedbackTicket.objects.values())

    for step in ("find", "export", "confirm", "erase"):
        response = post(client, step, email="nobody@example.net")
        # The address stays only in the form field, for a corrected search.
        html = response.content.decode().replace('value="nobody@example.net"', "")
        assert response.status_code == 200
        assert "n***@e***.net" in html and "nobody@example.net" not in html

    assert list(FeedbackTicket.objects.values()) == before
    assert not PersonalDataRequest.objects.exists()


def test_the_unknown_person_message_is_in_indonesian(client, administrator, homes):
    client.force_login(administrator)

    html = post(client, "find", phone="0899 0000 0000").content.decode()

    assert "Tidak ada data untuk 62…000" in html


def test_an_empty_form_asks_for_a_contact(client, administrator, homes):
    client.force_login(administrator)

    response = post(client, "find")

    assert response.status_code == 400


def test_the_contact_never_reaches_the_logs(client, administrator, world, caplog):
    caplog.set_level(logging.DEBUG)
    client.force_login(administrator)

    post(client, "find", email=SITI.email)
    post(client, "export", phone=SITI.phone)
    confirm = post(client, "confirm", email=SITI.email).context["references"]
    client.post(URL, {"step": "erase", "email": SITI.email, "confirmed": confirm})
    post(client, "find", email="nobody@example.net")

    for secret in (SITI.email, "siti.aminah", "3456", SITI.name, "nobody@example.net"):
        assert secret not in caplog.text
