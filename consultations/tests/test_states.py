import datetime

import pytest

from consultations import services
from consultations.tests.factories import ConsultationPageFactory

UTC = datetime.UTC
MARCH_31 = datetime.date(2026, 3, 31)
APRIL_1 = datetime.date(2026, 4, 1)
# 23.59.59 WIB on 31 March, and midnight WIB starting 1 April (WIB is UTC+7).
LAST_SECOND = datetime.datetime(2026, 3, 31, 16, 59, 59, tzinfo=UTC)
MIDNIGHT = datetime.datetime(2026, 3, 31, 17, 0, 0, tzinfo=UTC)


def test_open_until_the_last_second_of_the_closing_day_in_jakarta():
    assert services.state(datetime.date(2026, 3, 1), MARCH_31, now=LAST_SECOND) == services.OPEN


def test_closed_at_midnight_jakarta_time_although_it_is_still_the_closing_day_in_utc():
    assert services.state(datetime.date(2026, 3, 1), MARCH_31, now=MIDNIGHT) == services.CLOSED


def test_upcoming_until_midnight_jakarta_time_before_the_opening_day():
    assert services.state(APRIL_1, datetime.date(2026, 4, 30), now=LAST_SECOND) == services.UPCOMING


def test_open_from_midnight_jakarta_time_on_the_opening_day():
    assert services.state(APRIL_1, datetime.date(2026, 4, 30), now=MIDNIGHT) == services.OPEN


def test_a_one_day_consultation_is_open_on_that_day():
    assert services.state(MARCH_31, MARCH_31, now=LAST_SECOND) == services.OPEN


def test_comments_stop_at_midnight_wib_after_the_closing_day():
    assert services.closes_at(MARCH_31) == MIDNIGHT


def test_the_closing_date_cannot_come_before_the_opening_date(index):
    from django.core.exceptions import ValidationError

    page = ConsultationPageFactory.build(opens_on=APRIL_1, closes_on=MARCH_31)

    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "closes_on" in error.value.message_dict


def test_grouping_orders_each_state(index):
    soon = ConsultationPageFactory(parent=index, title="Tutup besok", closes_on=services.jakarta_today())
    later = ConsultationPageFactory(parent=index, title="Tutup nanti")
    old = ConsultationPageFactory(parent=index, closed=True, title="Lama")
    recent = ConsultationPageFactory(
        parent=index,
        title="Baru tutup",
        opens_on=datetime.date(2020, 1, 1),
        closes_on=services.jakarta_today() - datetime.timedelta(days=1),
    )
    upcoming = ConsultationPageFactory(parent=index, upcoming=True)

    groups = services.grouped(index.consultations())

    assert groups[services.OPEN] == [soon, later]
    assert groups[services.CLOSED] == [recent, old]
    assert groups[services.UPCOMING] == [upcoming]
