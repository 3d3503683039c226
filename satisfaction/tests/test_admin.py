"""The editors' satisfaction index report, its CSV export and the response listing."""

import csv
import io
from datetime import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from .factories import SurveyResponseFactory, scores
from .test_ikm import EXAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "x" * 12)
    client.force_login(user)
    return client


@pytest.fixture
def example(service):
    """The hand-computed example (IKM 82.64, grade B) for ``service`` in 2026."""
    when = timezone.make_aware(datetime(2026, 5, 4, 10, 0))
    for row in EXAMPLE:
        SurveyResponseFactory(service=service, submitted_at=when, **scores(*row))


def editor_with(django_user_model, *codenames):
    user = django_user_model.objects.create_user("moderator", password="x" * 12)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


def test_the_report_needs_permission(client, homes, django_user_model):
    client.force_login(editor_with(django_user_model))

    assert client.get(reverse("satisfaction_report")).status_code in (302, 403)
    assert client.get(reverse("satisfaction_report_csv")).status_code in (302, 403)


def test_an_editor_with_the_view_permission_sees_the_report(client, example, django_user_model):
    client.force_login(editor_with(django_user_model, "view_surveyresponse"))

    assert client.get(reverse("satisfaction_report"), {"year": 2026}).status_code == 200


def test_the_report_shows_the_index_grade_and_count_per_service_and_for_the_office(admin_client, example):
    response = admin_client.get(reverse("satisfaction_report"), {"period": "year", "year": 2026})

    text = response.content.decode()
    assert response.status_code == 200
    assert "Kartu pencari kerja (AK/I)" in text
    assert (
        text.count("82.64") + text.count("82,64") == 3
    )  # the service, the office line and the table's office row
    assert "3.75" in text or "3,75" in text  # the mean of the cost element
    assert "(Good)" in text or "(Baik)" in text


def test_a_quarter_outside_the_answers_shows_none(admin_client, example):
    response = admin_client.get(
        reverse("satisfaction_report"), {"period": "quarter", "year": 2026, "quarter": 1}
    )

    text = response.content.decode()
    assert "Kartu pencari kerja (AK/I)" not in text
    assert "82.64" not in text and "82,64" not in text


def test_a_custom_period_counts_the_days_between_its_dates(admin_client, example):
    response = admin_client.get(
        reverse("satisfaction_report"),
        {"period": "custom", "date_from": "2026-05-04", "date_to": "2026-05-04"},
    )

    assert "Kartu pencari kerja (AK/I)" in response.content.decode()


def test_the_csv_export_has_the_element_means_index_and_grade(admin_client, example):
    response = admin_client.get(reverse("satisfaction_report_csv"), {"period": "year", "year": 2026})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    service_row, office_row = rows[1], rows[2]
    assert service_row[:4] == ["Kartu pencari kerja (AK/I)", "2026-01-01", "2026-12-31", "4"]
    assert service_row[4:13] == ["3.00", "3.50", "3.00", "3.75", "3.25", "3.50", "3.50", "3.00", "3.25"]
    assert service_row[13:15] == ["82.64", "B"]
    assert office_row[3] == "4" and office_row[13] == "82.64"


def test_the_report_is_in_the_reports_menu(admin_client, homes):
    text = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("satisfaction_report") in text


def test_responses_are_listed_read_only(admin_client, example):
    listing = admin_client.get(reverse("satisfaction_surveyresponse:index"))

    assert listing.status_code == 200
    assert "Kartu pencari kerja (AK/I)" in listing.content.decode()
    assert admin_client.get(reverse("satisfaction_surveyresponse:add")).status_code in (302, 403)


def test_the_view_permission_is_offered_to_groups(admin_client, homes):
    group = Group.objects.create(name="Perencanaan")

    response = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))

    permission = Permission.objects.get(codename="view_surveyresponse")
    assert f'value="{permission.pk}"' in response.content.decode()
