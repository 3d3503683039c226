"""The shape of a period report, shared by the admin pages, the PDF and the spreadsheet.

``reports.figures.build_report(period, division=None)`` fills it; the renderers
(``reports.pdf``, ``reports.spreadsheet``, the admin templates) only walk it, so
every output shows the same figures. Values in tables are plain Python numbers,
dates or strings (``None`` for "no data"); rendering decides how to print them.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart of one table column, readable without colour:
    every bar carries its label and value as text."""

    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list]
    # Shown under the table when it has no rows.
    empty_message: str = ""


@dataclass(frozen=True)
class Figure:
    """One headline number: "Median processing time: 4.5 days"."""

    label: str
    value: object
    unit: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # How the figures were counted, or why there are none (e.g. searches in a
    # division report); shown under the section's title. Added by "reports".
    note: str = ""


@dataclass(frozen=True)
class Report:
    period: "Period"  # noqa: F821 (reports.periods.Period)
    division: object  # offices.Division or None for the whole office
    generated_at: datetime
    sections: list[Section]

    def section(self, key):
        return next(section for section in self.sections if section.key == key)

    @property
    def division_label(self):
        """The division's name, or "Whole office" (in the active language)."""
        if self.division is None:
            from django.utils.translation import gettext

            return gettext("Whole office")
        return self.division.name


def file_stem(period, division_code=""):
    """The name of a report's files, the same from the admin and the command:
    ``laporan-2026-10`` for the whole office, ``laporan-2026-10-penempatan``
    for one division."""
    return f"laporan-{period.slug}" + (f"-{division_code}" if division_code else "")


__all__ = ["Chart", "Figure", "Report", "Section", "Table", "date", "file_stem"]
