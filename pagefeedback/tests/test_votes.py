import datetime

import pytest
from django.test import Client

from pagefeedback import services
from pagefeedback.models import COMMENT_MAX_LENGTH, PageFeedback

JSON = {"HTTP_ACCEPT": "application/json"}


def vote(client, page, answer, **extra):
    data = {"page": page.pk, "answer": answer, "website": "", **extra.pop("data", {})}
    return client.post("/en/page-feedback/", data, **extra)


def test_yes_stores_one_vote_and_returns_to_the_page_with_thanks(client, content_page_en):
    response = vote(client, content_page_en, "yes")

    assert response.status_code == 303
    assert response["Location"] == f"{content_page_en.url}?feedback=thanks#page-feedback"
    stored = PageFeedback.objects.get()
    assert stored.helpful is True
    assert stored.page_id == content_page_en.pk
    assert stored.translation_key == content_page_en.translation_key
    assert stored.locale.language_code == "en"


def test_no_stores_the_comment_without_personal_details(client, content_page_en):
    comment = "Syaratnya tidak jelas. Hubungi 0812-3456-7890 atau budi@gmail.com, NIK 1671012345670001"

    vote(client, content_page_en, "no", data={"comment": comment})

    stored = PageFeedback.objects.get()
    assert stored.helpful is False
    assert stored.comment.startswith("Syaratnya tidak jelas.")
    for personal in ("0812", "budi@gmail.com", "1671012345670001"):
        assert personal not in stored.comment


def test_a_comment_sent_with_yes_is_dropped(client, content_page_en):
    vote(client, content_page_en, "yes", data={"comment": "Bagus"})

    assert PageFeedback.objects.get().comment == ""


def test_the_answer_page_asks_what_was_wrong_and_warns_about_personal_details(client, content_page_en):
    response = client.get(f"/en/page-feedback/?page={content_page_en.pk}&answer=no")

    html = response.content.decode()
    assert "What was wrong?" in html
    assert "Do not type personal details" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_showing_the_answer_page_stores_nothing(client, content_page_en):
    client.get(f"/en/page-feedback/?page={content_page_en.pk}&answer=yes")

    assert not PageFeedback.objects.exists()


def test_the_answer_page_of_an_unknown_page_is_not_found(client, homes):
    assert client.get("/en/page-feedback/?page=999999&answer=yes").status_code == 404


def test_a_missing_answer_is_refused_with_a_field_message(client, content_page_en):
    response = client.post("/en/page-feedback/", {"page": content_page_en.pk, "website": ""})

    assert response.status_code == 400
    assert "Choose yes or no." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_an_unknown_answer_is_refused(client, content_page_en):
    response = vote(client, content_page_en, "maybe")

    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_vote_for_an_unknown_page_is_refused(client, homes):
    response = client.post("/en/page-feedback/", {"page": 999999, "answer": "yes"}, **JSON)

    assert response.status_code == 400
    assert response.json()["message"] == "This page cannot take feedback."
    assert not PageFeedback.objects.exists()


def test_a_vote_for_a_draft_page_is_refused(client, content_page_en):
    content_page_en.unpublish()

    response = vote(client, content_page_en, "yes", **JSON)

    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_too_long_comment_is_refused_with_a_field_message(client, content_page_en):
    response = vote(client, content_page_en, "no", data={"comment": "x" * (COMMENT_MAX_LENGTH + 1)})

    assert response.status_code == 400
    assert f"Keep it to {COMMENT_MAX_LENGTH} characters or fewer" in response.content.decode()
    assert "x" * 50 in response.content.decode()  # the typed text is kept
    assert not PageFeedback.objects.exists()


def test_a_filled_honeypot_is_refused(client, content_page_en):
    response = vote(client, content_page_en, "yes", data={"website": "http://spam.example"})

    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_one_vote_per_visitor_and_page_a_day(client, content_page_en):
    vote(client, content_page_en, "yes")
    vote(client, content_page_en, "no")

    assert PageFeedback.objects.count() == 1
    assert PageFeedback.objects.get().helpful is True


def test_both_languages_of_a_page_count_as_one_page(client, content_page, content_page_en):
    vote(client, content_page_en, "yes")
    client.post("/id/page-feedback/", {"page": content_page.pk, "answer": "yes"})

    assert PageFeedback.objects.count() == 1


def test_another_visitor_may_vote_on_the_same_page(client, content_page_en):
    vote(client, content_page_en, "yes", REMOTE_ADDR="10.0.0.1")
    vote(client, content_page_en, "yes", REMOTE_ADDR="10.0.0.2")

    assert PageFeedback.objects.count() == 2


def test_the_same_visitor_may_vote_again_the_next_day(client, content_page_en, monkeypatch):
    vote(client, content_page_en, "yes")
    monkeypatch.setattr(services, "today", lambda: datetime.date.today() + datetime.timedelta(days=1))
    vote(client, content_page_en, "yes")

    assert PageFeedback.objects.count() == 2


def test_a_vote_stores_no_address(client, content_page_en):
    vote(client, content_page_en, "yes", REMOTE_ADDR="10.1.2.3")

    stored = PageFeedback.objects.values().get()
    assert not any("10.1.2.3" in str(value) for value in stored.values())


def test_the_script_sends_no_first_then_the_comment_to_the_same_vote(client, content_page_en):
    first = vote(client, content_page_en, "no", **JSON)
    assert first.json()["askComment"] is True

    second = vote(client, content_page_en, "no", data={"comment": "Alamat kantor salah"}, **JSON)

    assert second.json()["ok"] is True
    assert second.json()["askComment"] is False
    stored = PageFeedback.objects.get()
    assert stored.comment == "Alamat kantor salah"


def test_a_comment_cannot_overwrite_an_earlier_comment(client, content_page_en):
    vote(client, content_page_en, "no", data={"comment": "Pertama"})
    vote(client, content_page_en, "no", data={"comment": "Kedua"})

    assert PageFeedback.objects.get().comment == "Pertama"


def test_the_rate_limit_refuses_with_a_message(client, content_page_en, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "page_feedback": (2, 3600)}
    vote(client, content_page_en, "yes", REMOTE_ADDR="10.0.0.1")
    vote(client, content_page_en, "yes", REMOTE_ADDR="10.0.0.1")

    response = vote(client, content_page_en, "yes", REMOTE_ADDR="10.0.0.1", **JSON)

    assert response.status_code == 429
    assert "too many times" in response.json()["message"]


def test_the_rate_limit_keeps_votes_out(client, homes, settings):
    from home.tests.factories import StandardPageFactory

    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "page_feedback": (1, 3600)}
    first, second = StandardPageFactory(parent=homes.id), StandardPageFactory(parent=homes.id)
    client.post("/id/page-feedback/", {"page": first.pk, "answer": "yes"})

    response = client.post("/id/page-feedback/", {"page": second.pk, "answer": "yes"})

    assert response.status_code == 429
    assert PageFeedback.objects.count() == 1


@pytest.fixture
def csrf_client():
    client = Client(enforce_csrf_checks=True)
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def test_a_post_without_a_csrf_token_is_refused(csrf_client, content_page_en):
    response = vote(csrf_client, content_page_en, "yes")

    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_the_token_address_gives_a_token_that_is_accepted(csrf_client, content_page_en):
    token = csrf_client.get("/en/page-feedback/token/")
    assert "no-cache" in token["Cache-Control"] or "max-age=0" in token["Cache-Control"]

    response = vote(csrf_client, content_page_en, "yes", HTTP_X_CSRFTOKEN=token.json()["csrfToken"], **JSON)

    assert response.status_code == 200
    assert PageFeedback.objects.count() == 1


def test_the_answer_page_form_carries_an_accepted_token(csrf_client, content_page_en):
    page = csrf_client.get(f"/en/page-feedback/?page={content_page_en.pk}&answer=yes")
    token = page.context["csrf_token"]

    response = vote(csrf_client, content_page_en, "yes", data={"csrfmiddlewaretoken": str(token)})

    assert response.status_code == 303
    assert PageFeedback.objects.count() == 1
