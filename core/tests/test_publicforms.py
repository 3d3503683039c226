import time

import pytest
from django import forms
from django.core import signing
from django.test import RequestFactory
from django.utils import translation

from core.publicforms import PublicForm, client_fingerprint, rate_limit


class ContactForm(PublicForm):
    message = forms.CharField(max_length=100)


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt="core.publicforms.started")


def data(**overrides):
    return {"message": "Halo", "consent": "on", "started": started(), "website": "", **overrides}


def codes(form):
    return {error.code for error in form.non_field_errors().as_data()}


def test_a_person_filling_the_form_normally_is_accepted():
    assert ContactForm(data()).is_valid()


def test_a_filled_honeypot_is_refused():
    form = ContactForm(data(website="http://spam.example"))
    assert not form.is_valid()
    assert "honeypot" in codes(form)


def test_a_form_sent_faster_than_the_minimum_time_is_refused(settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 3
    form = ContactForm(data(started=started(seconds_ago=1)))
    assert not form.is_valid()
    assert "too_fast" in codes(form)


def test_a_tampered_start_time_is_refused():
    form = ContactForm(data(started="1700000000"))
    assert not form.is_valid()
    assert "expired" in codes(form)


def test_a_start_time_older_than_the_maximum_age_is_refused(settings):
    settings.PUBLIC_FORM_MAX_AGE_SECONDS = 60
    form = ContactForm(data(started=started(seconds_ago=120)))
    assert not form.is_valid()
    assert "expired" in codes(form)


def test_consent_is_required_with_a_message_beside_it():
    with translation.override("en"):
        form = ContactForm(data(consent=""))
        assert not form.is_valid()
        assert "privacy notice" in form.errors["consent"][0]


def test_a_form_may_do_without_consent():
    class SurveyForm(PublicForm):
        requires_consent = False

    assert "consent" not in SurveyForm().fields


def test_a_re_shown_form_keeps_its_first_start_time():
    token = started()
    form = ContactForm(data(started=token, message=""))
    assert not form.is_valid()
    assert form["started"].value() == token


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_the_rate_limit_lets_the_allowed_number_through_then_refuses(settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (2, 3600)}
    results = [rate_limit(request_from("10.0.0.1"), "ticket") for _ in range(3)]
    assert [r.exceeded for r in results] == [False, False, True]


def test_the_rate_limit_message_names_the_wait(settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"ticket": (1, 3600)}
    rate_limit(request_from("10.0.0.1"), "ticket")
    with translation.override("en"):
        result = rate_limit(request_from("10.0.0.1"), "ticket")
    assert result.exceeded
    assert "minute" in result.message
    assert 0 < result.retry_after <= 3600


def test_the_rate_limit_counts_each_address_and_scope_apart(settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (1, 3600)}
    assert not rate_limit(request_from("10.0.0.1"), "ticket").exceeded
    assert not rate_limit(request_from("10.0.0.2"), "ticket").exceeded
    assert not rate_limit(request_from("10.0.0.1"), "tracking").exceeded
    assert rate_limit(request_from("10.0.0.1"), "ticket").exceeded


def test_behind_a_trusted_proxy_the_forwarded_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    one = RequestFactory().post("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    other = RequestFactory().post("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert client_fingerprint(one) != client_fingerprint(other)


def test_the_fingerprint_does_not_contain_the_address():
    assert "10.0.0.1" not in client_fingerprint(request_from("10.0.0.1"))


@pytest.mark.parametrize("language, text", [("en", "Leave this field empty"), ("id", "kosong")])
def test_the_honeypot_label_is_translated(language, text):
    with translation.override(language):
        assert text in str(ContactForm().fields["website"].label)


class OneClickForm(PublicForm):
    requires_consent = False
    requires_start_time = False


def test_a_form_without_the_start_time_check_is_accepted_without_a_start_time():
    assert OneClickForm({"website": ""}).is_valid()


def test_a_form_without_the_start_time_check_still_refuses_a_filled_honeypot():
    form = OneClickForm({"website": "http://spam.example"})
    assert not form.is_valid()
    assert "honeypot" in codes(form)


def test_a_form_without_the_start_time_check_carries_no_start_time():
    assert not OneClickForm().initial.get("started")


def test_counts_kept_in_the_process_are_bounded_oldest_first(monkeypatch):
    from core import publicforms

    monkeypatch.setattr(publicforms, "MAX_LOCAL_COUNTERS", 3)
    counters = publicforms._LocalCounters()
    later = time.time() + 60
    for key in ("a", "b", "c", "d"):
        counters.incr(key, until=later)

    assert len(counters) == 3
    assert counters.incr("d", until=later) == 2  # the newest kept its count
    assert counters.incr("a", until=later) == 1  # the oldest had gone


def test_a_count_kept_in_the_process_ends_with_its_window():
    from core import publicforms

    counters = publicforms._LocalCounters()
    counters.incr("ended", until=time.time() - 1)
    counters.incr("current", until=time.time() + 60)

    assert len(counters) == 1
