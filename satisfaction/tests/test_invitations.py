"""Inviting an applicant to the survey, without HTTP."""

import pytest

from integrations.models import OutboxMessage
from satisfaction.models import SurveyInvitation
from satisfaction.services import invitation_for, invite

pytestmark = pytest.mark.django_db


def emails():
    return OutboxMessage.objects.filter(destination="email")


def test_inviting_twice_for_one_reference_gives_one_invitation(service):
    first = invite(service_page=service, reference="LYN-2026-000123", email=None, language="id")
    second = invite(service_page=service, reference=" lyn-2026-000123 ", email=None, language="id")

    assert second.pk == first.pk
    assert second.token == first.token
    assert SurveyInvitation.objects.count() == 1


def test_an_invitation_names_the_service_by_its_identity_shared_by_translations(service, service_en):
    invitation = invite(service_page=service_en, reference="LYN-2026-000123", email=None, language="en")

    assert invitation.service_key == service.translation_key
    assert invitation.service_title == "Job-seeker card (AK/I)"


def test_tokens_are_long_random_and_different(service):
    one = invite(service_page=service, reference="LYN-2026-000001", email=None, language="id")
    two = invite(service_page=service, reference="LYN-2026-000002", email=None, language="id")

    assert one.token != two.token
    assert len(one.token) >= 32
    assert "LYN" not in one.token


def test_no_email_is_queued_without_an_address(service):
    invite(service_page=service, reference="LYN-2026-000123", email="", language="id")

    assert not emails().exists()


def test_an_email_with_the_survey_link_is_queued_when_an_address_is_given(service):
    invitation = invite(
        service_page=service, reference="LYN-2026-000123", email="warga@example.com", language="id"
    )

    (message,) = emails()
    assert message.payload["to"] == ["warga@example.com"]
    assert f"/id/survey/{invitation.token}/" in message.payload["body"]
    assert "Kartu pencari kerja (AK/I)" in message.payload["subject"]
    assert "LYN-2026-000123" in message.payload["body"]
    assert invitation.emailed_at is not None


def test_the_email_is_written_in_the_applicants_language(service, service_en):
    invitation = invite(
        service_page=service, reference="LYN-2026-000123", email="worker@example.com", language="en"
    )

    (message,) = emails()
    assert message.payload["subject"].startswith("How was the service “Job-seeker card (AK/I)”?")
    assert f"/en/survey/{invitation.token}/" in message.payload["body"]
    assert "Please tell us how satisfied you are" in message.payload["body"]


def test_inviting_again_does_not_send_a_second_email(service):
    invite(service_page=service, reference="LYN-2026-000123", email="warga@example.com", language="id")
    invite(service_page=service, reference="LYN-2026-000123", email="warga@example.com", language="id")

    assert emails().count() == 1


def test_an_address_given_later_still_gets_the_one_email(service):
    invite(service_page=service, reference="LYN-2026-000123", email=None, language="id")
    invite(service_page=service, reference="LYN-2026-000123", email="warga@example.com", language="id")

    assert emails().count() == 1


def test_the_address_is_not_stored_with_the_invitation(service):
    invitation = invite(
        service_page=service, reference="LYN-2026-000123", email="warga@example.com", language="id"
    )

    stored = SurveyInvitation.objects.filter(pk=invitation.pk).values().get()
    assert "warga@example.com" not in str(stored)


def test_invitation_for_finds_the_invitation_of_a_reference(service):
    invitation = invite(service_page=service, reference="LYN-2026-000123", email=None, language="id")

    assert invitation_for("lyn-2026-000123") == invitation
    assert invitation_for("LYN-2026-000999") is None
    assert invitation_for("") is None
