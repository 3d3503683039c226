"""Working-day arithmetic for response deadlines (tickets, information requests).

Saturdays, Sundays and the dates editors list as public holidays
(core.PublicHoliday, including collective leave) are not working days.
"""

from datetime import timedelta


def holidays_between(start, end):
    from .models import PublicHoliday

    return set(PublicHoliday.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True))


def _is_working(day, holidays):
    return day.weekday() < 5 and day not in holidays


def is_working_day(day):
    return _is_working(day, holidays_between(day, day))


def add_working_days(start, days):
    """The date ``days`` working days after ``start`` (``start`` itself not
    counted, as for a request received that day)."""
    if days < 0:
        raise ValueError("days must not be negative")
    # Generous window: weekends plus a month of holidays.
    holidays = holidays_between(start, start + timedelta(days=days * 2 + 40))
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if _is_working(day, holidays):
            counted += 1
    return day


def working_days_between(start, end):
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    if end <= start:
        return 0
    holidays = holidays_between(start, end)
    return sum(
        1 for n in range(1, (end - start).days + 1) if _is_working(start + timedelta(days=n), holidays)
    )
