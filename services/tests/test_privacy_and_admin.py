"""Personal data: encrypted at rest, masked in the admin, never in logs, URLs or the search index;
attachments only for staff who may edit the service."""

import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from wagtail.models import GroupPagePermission

from services.models import ServiceSubmission

from .conftest import EMAIL, NIK

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(online_service, apply):
    apply(online_service)
    return ServiceSubmission.objects.get()


def raw_row(submission):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT answers, applicant_email, applicant_phone FROM services_servicesubmission WHERE id = %s",
            [submission.pk],
        )
        return " ".join(cursor.fetchone())


def test_the_nik_and_the_contact_are_encrypted_in_the_database(submission):
    row = raw_row(submission)

    assert NIK not in row and NIK[4:12] not in row and EMAIL not in row and "3456" not in row
    assert submission.answers[7]["value"] == NIK  # and read back in Python
    assert submission.nik_hash and NIK not in submission.nik_hash


def test_personal_data_is_not_logged(online_service, apply, caplog, client):
    caplog.set_level(logging.DEBUG)
    response = apply(online_service)
    client.get(response["Location"])

    for secret in (NIK, EMAIL, "Siti Aminah", "ktp-siti"):
        assert secret not in caplog.text
        assert secret not in response["Location"]


def test_applications_are_not_in_the_search_index(submission):
    from wagtail.search.index import get_indexed_models

    assert ServiceSubmission not in get_indexed_models()


def inspect_url(submission):
    return f"/admin/applications/inspect/{submission.pk}/"


def test_the_admin_lists_applications_and_shows_the_nik_masked(admin_client, submission):
    listing = admin_client.get("/admin/applications/").content.decode()
    detail = admin_client.get(inspect_url(submission)).content.decode()

    assert submission.reference in listing
    assert "1671********0001" in detail and NIK not in detail
    assert "Siti Aminah" in detail


def test_staff_with_permission_download_an_attachment_as_a_file(admin_client, submission):
    attachment = submission.attachments.get()

    response = admin_client.get(f"/admin/applications/attachment/{submission.pk}/{attachment.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def editor_elsewhere(django_user_model, homes):
    """Staff who may see applications but edit only another part of the site."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    group = Group.objects.create(name="News editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_servicesubmission"),
    )
    from .factories import ServiceIndexPageFactory

    other = ServiceIndexPageFactory(parent=homes.id, slug="lain", title="Lain")
    GroupPagePermission.objects.create(
        group=group, page=other, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    return user


def test_attachments_and_applications_of_a_service_are_refused_to_staff_without_permission_on_it(
    client, submission, editor_elsewhere
):
    attachment = submission.attachments.get()
    client.force_login(editor_elsewhere)

    assert client.get(f"/admin/applications/attachment/{submission.pk}/{attachment.pk}/").status_code in (
        302,
        403,
    )
    assert client.get(inspect_url(submission)).status_code in (302, 403)
    assert submission.reference not in client.get("/admin/applications/").content.decode()


def test_attachments_are_not_reachable_without_logging_in(client, submission):
    attachment = submission.attachments.get()

    response = client.get(f"/admin/applications/attachment/{submission.pk}/{attachment.pk}/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_record_a_status_change_shown_in_the_history(admin_client, submission):
    response = admin_client.post(
        f"/admin/applications/status/{submission.pk}/",
        {"status": "more_documents_needed", "message": "Kirim KK."},
    )

    submission.refresh_from_db()
    assert response.status_code == 302
    assert submission.status == "more_documents_needed"
    assert submission.events.last().source == "staff"


def test_the_inspect_view_shows_the_delivery_status(admin_client, submission):
    html = admin_client.get(inspect_url(submission)).content.decode()

    assert "service.submission" in html and "backend:blk" in html
