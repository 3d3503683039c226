"""The public survey page, through HTTP."""

from datetime import timedelta

import pytest
from django.utils import timezone

from satisfaction.models import SurveyResponse
from satisfaction.services import record_response

from .factories import SurveyInvitationFactory, scores

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(service):
    return SurveyInvitationFactory(service=service)


def url(invitation, language="en"):
    return f"/{language}/survey/{invitation.token}/"


def answers(value=3, **overrides):
    data = {field: str(score) for field, score in scores(value).items()}
    data.update({field: str(score) for field, score in overrides.items()})
    return data


def post(client, invitation, data, language="en"):
    from core.publicforms import PublicForm

    started = PublicForm().initial["started"]
    return client.post(url(invitation, language), {"started": started, "website": "", **data})


def test_the_survey_asks_the_nine_questions_with_four_answers_each(client, invitation):
    response = client.get(url(invitation))

    assert response.status_code == 200
    text = response.content.decode()
    assert text.count('type="radio"') == 36
    assert text.count("<legend") == 9
    assert "How well do the requirements of this service match the service itself?" in text
    assert "Very appropriate" in text
    assert "How polite and friendly were the staff who served you?" in text
    assert "Do not type your name, telephone number, NIK" in text


def test_the_survey_names_the_service_in_the_readers_language(client, service_en, invitation):
    assert "Job-seeker card (AK/I)" in client.get(url(invitation, "en")).content.decode()
    assert "Kartu pencari kerja (AK/I)" in client.get(url(invitation, "id")).content.decode()


def test_the_survey_page_is_private_and_leaks_no_token(client, invitation):
    response = client.get(url(invitation))

    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert invitation.reference not in response.content.decode()


def test_answering_stores_one_response_for_the_service_and_thanks(client, invitation, service):
    response = post(client, invitation, answers(4, cost=2), language="id")

    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert (stored.requirements, stored.cost, stored.facilities) == (4, 2, 4)
    assert stored.service_key == service.translation_key
    assert stored.invitation == invitation
    invitation.refresh_from_db()
    assert invitation.completed_at is not None
    thanks = client.get(response["Location"].replace("/id/", "/en/"))
    assert "Thank you for your answers" in thanks.content.decode()


def test_a_second_answer_is_refused(client, invitation):
    post(client, invitation, answers(4))

    response = post(client, invitation, answers(1))

    assert response.status_code == 409
    assert "You have already answered this survey" in response.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().requirements == 4


def test_a_missing_answer_is_named_beside_its_question_and_the_other_answers_are_kept(client, invitation):
    data = answers(3, staff_behaviour=4)
    del data["requirements"]

    response = post(client, invitation, data)

    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert text.count("Choose how well the requirements match the service") == 2  # summary and field
    assert 'name="staff_behaviour" value="4" required id="id_staff_behaviour_3" checked' in text
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("bad", ["0", "5", "x", "-1"])
def test_a_score_outside_1_to_4_is_refused(client, invitation, bad):
    response = post(client, invitation, answers(3, cost=bad))

    assert "Choose one of the four answers" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_long_comment_is_refused_with_its_limit(client, invitation):
    response = post(client, invitation, {**answers(3), "comment": "a" * 1001})

    assert "The comment must be 1000 characters or fewer (it has 1001)" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_personal_data_typed_into_the_comment_is_masked(client, invitation):
    post(
        client,
        invitation,
        {**answers(3), "comment": "Hubungi saya 0812 3456 7890 atau budi@example.com. Ramah!"},
    )

    comment = SurveyResponse.objects.get().comment
    assert "0812" not in comment and "budi@example.com" not in comment
    assert comment.endswith("Ramah!")


def test_an_unknown_token_is_not_found(client, homes):
    assert client.get("/en/survey/no-such-token/").status_code == 404


def test_an_expired_invitation_says_so_and_takes_no_answer(client, service):
    invitation = SurveyInvitationFactory(service=service, expires_at=timezone.now() - timedelta(minutes=1))

    page = client.get(url(invitation))
    sent = post(client, invitation, answers(4))

    assert page.status_code == sent.status_code == 410
    assert "This survey link has expired" in page.content.decode()
    assert not SurveyResponse.objects.exists()


def test_too_many_tries_are_refused_with_the_wait(client, invitation, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (20, 3600), "survey": (1, 3600)}
    post(client, invitation, {})

    response = post(client, invitation, answers(4))

    assert response.status_code == 429
    assert "You have sent this form too many times" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_the_survey_works_without_a_service_page(client, service):
    invitation = SurveyInvitationFactory(service=service)
    service.delete()
    invitation.refresh_from_db()

    assert "Kartu pencari kerja (AK/I)" in client.get(url(invitation)).content.decode()
    assert post(client, invitation, answers(3)).status_code == 302


def test_recording_twice_directly_is_refused_too(invitation):
    from satisfaction.services import AlreadyAnswered

    record_response(invitation, scores(3))

    with pytest.raises(AlreadyAnswered):
        record_response(invitation, scores(4))


def test_the_tracking_page_prompt_links_an_open_invitation_and_thanks_after_answering(invitation):
    from django.template.loader import render_to_string
    from django.utils import translation

    template = "satisfaction/includes/invitation_prompt.html"
    with translation.override("en"):
        open_prompt = render_to_string(template, {"invitation": invitation})
        record_response(invitation, scores(3))
        invitation.refresh_from_db()
        done_prompt = render_to_string(template, {"invitation": invitation})

    assert f'href="/en/survey/{invitation.token}/"' in open_prompt
    assert "Rate the service" in open_prompt
    assert "survey/" not in done_prompt
    assert "you have already rated this service" in done_prompt
