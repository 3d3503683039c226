"""The periodic report as a spreadsheet: ``render_xlsx(report) -> bytes`` and
``render_csv(report) -> str``, with the same figures as the PDF.

The XLSX has a summary sheet (the period, the scope, when it was made, and every
section's headline figures), then one sheet per section: its headline figures,
its charts' data and every table. Numbers are numbers and dates are dates, so
they can be summed and sorted; None ("no data") is an empty cell.

The CSV holds the same in one file, in blocks separated by an empty line: the
summary, then for each section its headline figures, its charts and its tables,
each line starting with the section and the block it belongs to. It is meant
for other programs: numbers with a decimal point, dates as YYYY-MM-DD.

Callers render under ``translation.override("id")``, as for the PDF.
"""

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .pdf import is_number, period_dates, report_title, scope_label

SHEET_NAME_LENGTH = 31
# Characters Excel refuses in a sheet name.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADING = Font(bold=True, size=12)


def local(moment):
    """An aware datetime as the office's wall-clock time (spreadsheets know no time zones)."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(tzinfo=None)


def headline_columns():
    return [_("Figure"), _("Value"), _("Unit")]


def chart_columns(chart):
    value = _("Value") if not chart.unit else f"{_('Value')} ({chart.unit})"
    return [_("Item"), value]


def summary_rows(report):
    """``(label, value)`` pairs describing the report."""
    from core.models import SiteSettings

    return [
        (_("Office"), SiteSettings.load().office_name),
        (_("Period"), report.period.label),
        (_("First day"), report.period.start),
        (_("Last day"), report.period.last_day),
        (_("Scope"), scope_label(report)),
        (_("Generated"), report.generated_at),
    ]


# --- XLSX ----------------------------------------------------------------------------


def sheet_names(sections):
    """A sheet name per section: its title without the characters Excel refuses,
    at most 31 characters, unique (case-insensitively, as Excel compares them)."""
    taken = {_("Summary").casefold()}
    names = []
    for number, section in enumerate(sections, start=1):
        base = SHEET_NAME_FORBIDDEN.sub(" ", section.title).strip().strip("'") or str(number)
        name = base[:SHEET_NAME_LENGTH].strip()
        suffix = 2
        while name.casefold() in taken:
            tail = f" ({suffix})"
            name = base[: SHEET_NAME_LENGTH - len(tail)].strip() + tail
            suffix += 1
        taken.add(name.casefold())
        names.append(name)
    return names


class SheetWriter:
    """Writes rows one under another, typing each cell and remembering how wide
    each column needs to be."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 1
        self.widths = {}

    def write(self, values, font=None):
        for column, value in enumerate(values, start=1):
            cell = self.sheet.cell(row=self.row, column=column)
            self.put(cell, value)
            if font is not None:
                cell.font = font
            self.widths[column] = max(self.widths.get(column, 0), self.width_of(value))
        self.row += 1

    def title(self, text, font=HEADING):
        # A title is one long cell: it must not widen its column.
        cell = self.sheet.cell(row=self.row, column=1, value=text)
        cell.font = font
        self.row += 1

    def note(self, text):
        cell = self.sheet.cell(row=self.row, column=1, value=text)
        cell.alignment = Alignment(wrap_text=False)
        cell.font = Font(italic=True)
        self.row += 1

    def skip(self):
        self.row += 1

    @staticmethod
    def put(cell, value):
        if isinstance(value, datetime):
            cell.value = local(value)
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        elif isinstance(value, float | Decimal):
            # "General": 4 and 2.5 as the PDF prints them, not 4.0.
            cell.value = float(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            cell.value = value
            cell.number_format = "#,##0"
        elif value is None:
            cell.value = None
        else:
            cell.value = str(value)

    @staticmethod
    def width_of(value):
        if isinstance(value, datetime):
            return 16
        if isinstance(value, date):
            return 10
        if value is None:
            return 0
        return len(str(value))

    def finish(self):
        for column, width in self.widths.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 60)


def write_table(writer, title, columns, rows, empty_message=""):
    writer.title(title, BOLD)
    writer.write(columns, BOLD)
    for row in rows:
        writer.write(row)
    if not rows:
        writer.note(empty_message or _("No data for this period."))
    writer.skip()


def write_summary(sheet, report):
    writer = SheetWriter(sheet)
    writer.title(f"{report_title()} {report.period.label}", TITLE)
    writer.skip()
    for label, value in summary_rows(report):
        writer.write([label, value])
        sheet.cell(row=writer.row - 1, column=1).font = BOLD
    writer.skip()
    writer.title(_("Headline figures"))
    writer.write([_("Report section"), *headline_columns()], BOLD)
    for section in report.sections:
        for figure in section.figures:
            writer.write([section.title, figure.label, figure.value, figure.unit])
    writer.finish()


def write_section(sheet, number, section):
    writer = SheetWriter(sheet)
    writer.title(f"{number}. {section.title}", TITLE)
    if section.note:
        writer.note(section.note)
    writer.skip()
    if section.figures:
        rows = [[figure.label, figure.value, figure.unit] for figure in section.figures]
        write_table(writer, _("Headline figures"), headline_columns(), rows)
    for chart in section.charts:
        rows = [list(pair) for pair in zip(chart.labels, chart.values, strict=False)]
        write_table(writer, chart.title, chart_columns(chart), rows)
    for table in section.tables:
        write_table(writer, table.title, table.columns, table.rows, table.empty_message)
    if not (section.figures or section.charts or section.tables or section.note):
        writer.note(_("No data for this period."))
    writer.finish()


def render_xlsx(report):
    """The report as XLSX bytes."""
    from core.models import SiteSettings

    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Summary")[:SHEET_NAME_LENGTH]
    write_summary(summary, report)
    for number, (section, name) in enumerate(
        zip(report.sections, sheet_names(report.sections), strict=True), 1
    ):
        write_section(workbook.create_sheet(name), number, section)
    workbook.properties.title = f"{report_title()} {report.period.label} · {scope_label(report)}"
    workbook.properties.creator = SiteSettings.load().office_name
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- CSV -----------------------------------------------------------------------------


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | Decimal) and is_number(value):
        # Without float noise (0.30000000000000004) or exponents.
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def render_csv(report):
    """The report as CSV text (callers encode it; UTF-8 with a BOM opens well in Excel)."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")

    def block(section, name, columns, rows, empty_message=""):
        out.writerow([_("Report section"), _("Table"), *columns])
        for row in rows:
            out.writerow([section, name, *(csv_value(value) for value in row)])
        if not rows:
            out.writerow([section, name, empty_message or _("No data for this period.")])
        out.writerow([])

    summary = [*summary_rows(report)]
    dates = period_dates(report.period)
    title = f"{report_title()} {report.period.label} ({dates})"
    block(title, _("Summary"), [_("Item"), _("Value")], summary)
    for number, section in enumerate(report.sections, start=1):
        name = f"{number}. {section.title}"
        if section.figures:
            rows = [[figure.label, figure.value, figure.unit] for figure in section.figures]
            block(name, _("Headline figures"), headline_columns(), rows)
        for chart in section.charts:
            rows = list(zip(chart.labels, chart.values, strict=False))
            block(name, chart.title, chart_columns(chart), rows)
        for table in section.tables:
            block(name, table.title, table.columns, table.rows, table.empty_message)
        if not (section.figures or section.charts or section.tables):
            block(name, "", [_("Note")], [[section.note or _("No data for this period.")]])
    return buffer.getvalue()
