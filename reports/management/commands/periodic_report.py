"""The periodic report for the mayor as files: a PDF with the office letterhead
and a spreadsheet with the same figures, always in Indonesian.

    manage.py periodic_report --period 2026-10
    manage.py periodic_report --period 2026-Q4 --division penempatan --output-dir /srv/laporan
    manage.py periodic_report --period previous-month --format pdf,xlsx,csv

Writes laporan-<period>[-<division code>].pdf/.xlsx/.csv and prints their paths.
Nothing is written when the period, the division, the format or the directory
is wrong, nor when rendering fails: every file is made in memory first, then
each is written under a temporary name and renamed into place.
"""

from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from reports import periods
from reports.periods import MONTH, QUARTER, YEAR, Period, PeriodError
from reports.report import file_stem

LANGUAGE = "id"
FORMATS = ("pdf", "xlsx", "csv")
DEFAULT_FORMATS = "pdf,xlsx"
#: Periods named relative to today (in the office's time zone), for cron.
RELATIVE_PERIODS = {"previous-month": MONTH, "previous-quarter": QUARTER, "previous-year": YEAR}


def previous_period(kind, today):
    """The last whole month, quarter or year before ``today``."""
    if kind == MONTH:
        day = today.replace(day=1) - timedelta(days=1)
        return Period.month(day.year, day.month)
    if kind == QUARTER:
        day = Period.quarter(today.year, (today.month - 1) // 3 + 1).start - timedelta(days=1)
        return Period.quarter(day.year, (day.month - 1) // 3 + 1)
    return Period.year(today.year - 1)


def parse_period(text):
    text = (text or "").strip()
    if text.lower() in RELATIVE_PERIODS:
        return previous_period(RELATIVE_PERIODS[text.lower()], periods.office_today())
    try:
        return Period.parse(text)
    except PeriodError as error:
        raise CommandError(str(error)) from error


def parse_formats(text):
    chosen = [name.strip().lower() for name in (text or "").split(",") if name.strip()]
    unknown = [name for name in chosen if name not in FORMATS]
    if unknown or not chosen:
        raise CommandError(
            _("Unknown format “%(format)s”: choose from %(choices)s.")
            % {"format": ", ".join(unknown) or text, "choices": ", ".join(FORMATS)}
        )
    return list(dict.fromkeys(chosen))


def find_division(value):
    """The division with this code or id, in Indonesian when it has that translation."""
    from offices.models import Division

    value = value.strip()
    divisions = (
        Division.objects.filter(pk=int(value)) if value.isdigit() else Division.objects.filter(code=value)
    )
    division = divisions.order_by("pk").first()
    if division is None:
        codes = sorted(set(Division.objects.values_list("code", flat=True)))
        raise CommandError(
            _("There is no division “%(division)s”. Give its code (%(codes)s) or its number.")
            % {"division": value[:50], "codes": ", ".join(codes) or "–"}
        )
    return division.localized


def output_directory(text):
    directory = Path(text).expanduser()
    if directory.exists() and not directory.is_dir():
        raise CommandError(_("%(path)s is not a directory.") % {"path": directory})
    return directory


def render(report, formats):
    """``{extension: bytes}`` of every format asked for."""
    from reports.pdf import render_pdf
    from reports.spreadsheet import render_csv, render_xlsx

    renderers = {
        "pdf": render_pdf,
        "xlsx": render_xlsx,
        # With a byte order mark, Excel reads the file as UTF-8.
        "csv": lambda report: render_csv(report).encode("utf-8-sig"),
    }
    return {extension: renderers[extension](report) for extension in formats}


def write_atomically(path, content):
    """Write under a temporary name, then rename: a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(content)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


class Command(BaseCommand):
    help = (
        "Write the periodic report for the mayor (in Indonesian): a PDF with the office letterhead "
        "and a spreadsheet with the same figures, named laporan-<period>[-<division>].<format>. "
        "Prints the paths written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period",
            required=True,
            help=(
                "The month (2026-10), quarter (2026-Q4) or year (2026); or previous-month, "
                "previous-quarter or previous-year (the last whole one, today in Palembang), "
                "e.g. from cron. A period that has not started is refused."
            ),
        )
        parser.add_argument(
            "--division",
            help="A division's code (e.g. penempatan) or id. Default: the whole office.",
        )
        parser.add_argument(
            "--output-dir",
            default=".",
            help="Where to write the files (created if missing). Default: the current directory.",
        )
        parser.add_argument(
            "--format",
            dest="formats",
            default=DEFAULT_FORMATS,
            help=f"Comma-separated, from {', '.join(FORMATS)}. Default: {DEFAULT_FORMATS}.",
        )

    def handle(self, *args, period, division=None, output_dir=".", formats=DEFAULT_FORMATS, **options):
        from reports.figures import build_report

        with translation.override(LANGUAGE):
            # Everything is checked before anything is made.
            formats = parse_formats(formats)
            period = parse_period(period)
            division = find_division(division) if division else None
            directory = output_directory(output_dir)

            if not period.is_finished():
                self.stderr.write(
                    _("%(period)s has not ended yet: the report shows the figures so far.")
                    % {"period": period.label}
                )
            contents = render(build_report(period, division), formats)

        directory.mkdir(parents=True, exist_ok=True)
        stem = file_stem(period, division.code if division is not None else "")
        for extension, content in contents.items():
            path = directory / f"{stem}.{extension}"
            write_atomically(path, content)
            self.stdout.write(str(path))
