from datetime import date

import pytest

from core.models import PublicHoliday
from core.workingdays import add_working_days, is_working_day, working_days_between

FRIDAY = date(2026, 12, 18)


@pytest.mark.django_db
def test_weekends_are_not_working_days():
    assert add_working_days(FRIDAY, 1) == date(2026, 12, 21)


@pytest.mark.django_db
def test_public_holidays_are_skipped():
    PublicHoliday.objects.create(date=date(2026, 12, 25), name="Hari Raya Natal")
    PublicHoliday.objects.create(date=date(2026, 12, 24), name="Cuti bersama Natal")
    # Mon 21, Tue 22, Wed 23, (Thu 24, Fri 25 off), Mon 28, Tue 29
    assert add_working_days(FRIDAY, 5) == date(2026, 12, 29)


@pytest.mark.django_db
def test_ten_working_days_across_two_weekends():
    assert add_working_days(date(2026, 11, 2), 10) == date(2026, 11, 16)


@pytest.mark.django_db
def test_working_days_between_counts_the_end_day_not_the_start():
    PublicHoliday.objects.create(date=date(2026, 12, 25), name="Hari Raya Natal")
    assert working_days_between(FRIDAY, date(2026, 12, 28)) == 5
    assert working_days_between(FRIDAY, FRIDAY) == 0


@pytest.mark.django_db
def test_is_working_day():
    PublicHoliday.objects.create(date=date(2026, 12, 25), name="Hari Raya Natal")
    assert is_working_day(date(2026, 12, 24))
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 12, 26))
