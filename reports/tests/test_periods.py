"""Report periods: what "2026-10", "2026-Q4" and "2026" mean, and what is refused."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from reports.periods import Period, PeriodError

TODAY = date(2026, 11, 15)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2026-10", "month", date(2026, 10, 1), date(2026, 11, 1)),
        ("2025-12", "month", date(2025, 12, 1), date(2026, 1, 1)),
        ("2026-3", "month", date(2026, 3, 1), date(2026, 4, 1)),
        ("2026-Q4", "quarter", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-q1", "quarter", date(2026, 1, 1), date(2026, 4, 1)),
        ("2026", "year", date(2026, 1, 1), date(2027, 1, 1)),
        (" 2025-Q2 ", "quarter", date(2025, 4, 1), date(2025, 7, 1)),
    ],
)
def test_a_well_formed_period_is_read_with_its_first_day_and_the_day_after_it(text, kind, start, end):
    period = Period.parse(text, today=TODAY)

    assert (period.kind, period.start, period.end) == (kind, start, end)


@pytest.mark.parametrize(
    "text", ["2026-13", "2026-00", "2026-Q5", "2026-Q0", "abc", "", "20261", "2026-10-01", "1999"]
)
def test_a_malformed_period_is_refused_with_a_message(text):
    with pytest.raises(PeriodError) as error:
        Period.parse(text, today=TODAY)

    assert str(error.value)


def test_the_message_for_month_13_names_the_month_range():
    with translation.override("en"), pytest.raises(PeriodError, match="months are 01 to 12"):
        Period.parse("2026-13", today=TODAY)


def test_the_message_for_quarter_5_names_the_quarter_range():
    with translation.override("en"), pytest.raises(PeriodError, match="quarters are Q1 to Q4"):
        Period.parse("2026-Q5", today=TODAY)


def test_the_message_for_text_shows_how_to_write_a_period():
    with translation.override("en"), pytest.raises(PeriodError, match="2026-Q4"):
        Period.parse("abc", today=TODAY)


@pytest.mark.parametrize("text", ["2026-12", "2027-Q1", "2027"])
def test_a_period_that_starts_after_today_is_refused(text):
    with translation.override("en"), pytest.raises(PeriodError, match="has not started yet"):
        Period.parse(text, today=TODAY)


@pytest.mark.parametrize("text", ["2026-11", "2026-Q4", "2026"])
def test_the_current_unfinished_period_is_allowed(text):
    period = Period.parse(text, today=TODAY)

    assert period.start <= TODAY < period.end
    assert not period.is_finished(TODAY)


def test_without_today_the_office_date_is_used():
    assert Period.parse("2000").start == date(2000, 1, 1)
    with pytest.raises(PeriodError):
        Period.parse("2999")


@pytest.mark.parametrize(
    ("text", "english", "indonesian"),
    [
        ("2026-10", "October 2026", "Oktober 2026"),
        ("2026-Q4", "Q4 2026", "Triwulan IV 2026"),
        ("2026", "Year 2026", "Tahun 2026"),
    ],
)
def test_the_label_is_in_the_active_language(text, english, indonesian):
    period = Period.parse(text, today=TODAY)

    with translation.override("en"):
        assert period.label == english
    with translation.override("id"):
        assert period.label == indonesian


@pytest.mark.parametrize("text", ["2026-10", "2026-Q4", "2026"])
def test_the_slug_reads_back_as_the_same_period(text):
    period = Period.parse(text, today=TODAY)

    assert period.slug == text
    assert Period.parse(period.slug, today=TODAY) == period


def test_the_bounds_are_midnights_in_jakarta():
    start, end = Period.parse("2026-10", today=TODAY).bounds()

    jakarta = ZoneInfo("Asia/Jakarta")
    assert start == datetime(2026, 10, 1, tzinfo=jakarta)
    assert end == datetime(2026, 11, 1, tzinfo=jakarta)
    assert start.utcoffset().total_seconds() == 7 * 3600


def test_the_office_time_zone_is_jakarta(settings):
    assert settings.TIME_ZONE == "Asia/Jakarta"
