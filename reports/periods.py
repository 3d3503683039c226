"""Report periods: a month, a quarter or a year, written "2026-10", "2026-Q4" or "2026".

A period runs from its first day (included) to the first day of the next
period (excluded), in the office's time zone (``settings.TIME_ZONE``,
Asia/Jakarta): the October report counts what happened from 1 October 00:00
to 1 November 00:00 Palembang time.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MONTH, QUARTER, YEAR = "month", "quarter", "year"
KINDS = (MONTH, QUARTER, YEAR)
#: The earliest year a report may cover (no data is older than the site).
MIN_YEAR = 2000

# Loose on purpose: "2026-13" and "2026-Q5" are recognised as a month and a
# quarter, so they get a message about the month or the quarter.
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{1,2})|[qQ](?P<quarter>\d)))?$")

QUARTER_LABELS = {
    1: _("Q1 %(year)s"),
    2: _("Q2 %(year)s"),
    3: _("Q3 %(year)s"),
    4: _("Q4 %(year)s"),
}
FORMAT_HELP = _("Write a month as 2026-10, a quarter as 2026-Q4 or a year as 2026.")


class PeriodError(ValueError):
    """A period that cannot be reported on; ``str()`` is the message for the user."""


def office_timezone():
    return ZoneInfo(settings.TIME_ZONE)


def office_today():
    """Today's date in the office's time zone."""
    return timezone.localtime(timezone.now(), office_timezone()).date()


def _next_month(day):
    return date(day.year + (day.month == 12), 1 if day.month == 12 else day.month + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str  # MONTH, QUARTER or YEAR
    start: date  # the first day
    end: date  # the first day after the period (excluded)

    # --- Making one --------------------------------------------------------------------

    @classmethod
    def month(cls, year, month):
        start = date(year, month, 1)
        return cls(MONTH, start, _next_month(start))

    @classmethod
    def quarter(cls, year, quarter):
        start = date(year, 3 * (quarter - 1) + 1, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, start.month + 3, 1)
        return cls(QUARTER, start, end)

    @classmethod
    def year(cls, year):
        return cls(YEAR, date(year, 1, 1), date(year + 1, 1, 1))

    @classmethod
    def current_month(cls, today=None):
        today = today or office_today()
        return cls.month(today.year, today.month)

    @classmethod
    def parse(cls, text, today=None):
        """The period written in ``text``; raises PeriodError when it is malformed or has
        not started by ``today`` (default: today in the office's time zone). The current,
        unfinished period is allowed."""
        text = (text or "").strip()
        if not text:
            raise PeriodError(gettext("Give a period. %(help)s") % {"help": FORMAT_HELP})
        match = _PATTERN.match(text)
        if match is None:
            raise PeriodError(
                gettext("“%(text)s” is not a period. %(help)s") % {"text": text[:20], "help": FORMAT_HELP}
            )
        year = int(match["year"])
        if year < MIN_YEAR:
            raise PeriodError(gettext("Reports start in the year %(year)s.") % {"year": MIN_YEAR})
        if match["month"] is not None:
            month = int(match["month"])
            if not 1 <= month <= 12:
                raise PeriodError(
                    gettext("There is no month %(month)s: months are 01 to 12.") % {"month": match["month"]}
                )
            period = cls.month(year, month)
        elif match["quarter"] is not None:
            quarter = int(match["quarter"])
            if not 1 <= quarter <= 4:
                raise PeriodError(
                    gettext("There is no quarter Q%(quarter)s: quarters are Q1 to Q4.") % {"quarter": quarter}
                )
            period = cls.quarter(year, quarter)
        else:
            period = cls.year(year)
        today = today or office_today()
        if period.start > today:
            raise PeriodError(
                gettext("%(period)s has not started yet: choose a period that has begun.")
                % {"period": period.label}
            )
        return period

    # --- Describing it -----------------------------------------------------------------

    @property
    def number(self):
        """The month (1–12) or the quarter (1–4); None for a year."""
        if self.kind == MONTH:
            return self.start.month
        if self.kind == QUARTER:
            return (self.start.month - 1) // 3 + 1
        return None

    @property
    def label(self):
        """ "Oktober 2026" / "October 2026", "Triwulan IV 2026" / "Q4 2026", "Tahun 2026" / "Year 2026"."""
        year = self.start.year
        if self.kind == MONTH:
            return f"{MONTHS[self.start.month]} {year}"
        if self.kind == QUARTER:
            return str(QUARTER_LABELS[self.number]) % {"year": year}
        return gettext("Year %(year)s") % {"year": year}

    @property
    def slug(self):
        """ "2026-10", "2026-Q4" or "2026": what ``parse`` reads, and part of file names."""
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.start.year}-Q{self.number}"
        return str(self.start.year)

    @property
    def last_day(self):
        return date.fromordinal(self.end.toordinal() - 1)

    def bounds(self):
        """``(start, end)``: aware datetimes at midnight in the office's time zone; end excluded."""
        zone = office_timezone()
        return datetime.combine(self.start, time.min, tzinfo=zone), datetime.combine(
            self.end, time.min, tzinfo=zone
        )

    def is_finished(self, today=None):
        return self.end <= (today or office_today())

    def __str__(self):
        return self.slug
