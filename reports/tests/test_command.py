"""manage.py periodic_report: the files it writes, and what it refuses."""

import csv
import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.management.commands.periodic_report import previous_period
from reports.periods import MONTH, QUARTER, YEAR, Period, PeriodError

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("periodic_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def pdf_text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def refusal(*args):
    with pytest.raises(CommandError) as error:
        run(*args)
    return str(error.value)


def period_message(text):
    """What the period parser says about ``text``, in Indonesian."""
    with translation.override("id"):
        with pytest.raises(PeriodError) as error:
            Period.parse(text)
    return str(error.value)


def test_writes_a_pdf_and_a_spreadsheet_named_after_the_period_and_prints_their_paths(dataset, tmp_path):
    out, _err = run("--period", "2026-10", "--output-dir", str(tmp_path))

    pdf, xlsx = tmp_path / "laporan-2026-10.pdf", tmp_path / "laporan-2026-10.xlsx"
    assert sorted(tmp_path.iterdir()) == [pdf, xlsx]
    assert out.splitlines() == [str(pdf), str(xlsx)]


def test_the_files_carry_the_figures_of_the_data_set_in_indonesian(dataset, tmp_path):
    run("--period", "2026-10", "--output-dir", str(tmp_path))

    text = pdf_text(tmp_path / "laporan-2026-10.pdf")
    assert "Periode: Oktober 2026" in text
    assert "Kartu pencari kerja (AK/I) 6 4 9" in text
    summary = load_workbook(tmp_path / "laporan-2026-10.xlsx")["Ringkasan"]
    assert ("Periode", "Oktober 2026") in [tuple(row[:2]) for row in summary.iter_rows(values_only=True)]


def test_a_division_given_by_code_names_the_files_and_the_report(dataset, tmp_path):
    run("--period", "2026-10", "--division", "penempatan", "--output-dir", str(tmp_path), "--format", "pdf")

    assert "Cakupan: Bidang Penempatan" in pdf_text(tmp_path / "laporan-2026-10-penempatan.pdf")


def test_a_division_given_by_the_id_of_its_english_version_is_reported_in_indonesian(dataset, tmp_path):
    run("--period", "2026-10", "--division", str(dataset.division_a_en.pk), "--output-dir", str(tmp_path))

    assert "Cakupan: Bidang Penempatan" in pdf_text(tmp_path / "laporan-2026-10-penempatan.pdf")


def test_csv_is_written_on_request_as_utf8_with_a_byte_order_mark(dataset, tmp_path):
    run("--period", "2026-10", "--output-dir", str(tmp_path), "--format", "csv")

    path = tmp_path / "laporan-2026-10.csv"
    assert list(tmp_path.iterdir()) == [path]
    content = path.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert any(row[2:] == ["Kartu pencari kerja (AK/I)", "6", "4", "9"] for row in rows)


def test_a_missing_output_directory_is_created(db, tmp_path):
    run("--period", "2026-10", "--output-dir", str(tmp_path / "laporan" / "2026"), "--format", "pdf")

    assert (tmp_path / "laporan" / "2026" / "laporan-2026-10.pdf").exists()


def test_a_malformed_month_is_refused_with_the_period_message_and_nothing_written(db, tmp_path):
    message = refusal("--period", "2026-13", "--output-dir", str(tmp_path))

    assert message == period_message("2026-13")
    assert list(tmp_path.iterdir()) == []


def test_text_that_is_not_a_period_is_refused_and_nothing_written(db, tmp_path):
    message = refusal("--period", "Oktober", "--output-dir", str(tmp_path))

    assert message == period_message("Oktober")
    assert list(tmp_path.iterdir()) == []


def test_a_future_period_is_refused_with_the_period_message_and_nothing_written(db, tmp_path):
    message = refusal("--period", "2099-01", "--output-dir", str(tmp_path))

    assert message == period_message("2099-01")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_division_is_refused_naming_the_known_codes_and_nothing_written(dataset, tmp_path):
    message = refusal("--period", "2026-10", "--division", "pariwisata", "--output-dir", str(tmp_path))

    assert "pariwisata" in message
    assert "pelatihan, penempatan" in message
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_is_refused_and_nothing_written(db, tmp_path):
    message = refusal("--period", "2026-10", "--format", "pdf,docx", "--output-dir", str(tmp_path))

    assert "docx" in message
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_is_a_file_is_refused(db, tmp_path):
    existing = tmp_path / "laporan.txt"
    existing.write_text("")

    message = refusal("--period", "2026-10", "--output-dir", str(existing))

    assert str(existing) in message
    assert list(tmp_path.iterdir()) == [existing]


def test_a_period_still_running_is_reported_with_a_warning(db, tmp_path, monkeypatch):
    monkeypatch.setattr("reports.periods.office_today", lambda: date(2026, 10, 20))

    _out, err = run("--period", "2026-10", "--output-dir", str(tmp_path), "--format", "pdf")

    assert "Oktober 2026" in err
    assert (tmp_path / "laporan-2026-10.pdf").exists()


def test_previous_month_is_taken_in_palembang_time(db, tmp_path, monkeypatch):
    monkeypatch.setattr("reports.periods.office_today", lambda: date(2026, 11, 1))

    run("--period", "previous-month", "--output-dir", str(tmp_path), "--format", "pdf")

    assert (tmp_path / "laporan-2026-10.pdf").exists()


@pytest.mark.parametrize(
    "kind, today, slug",
    [
        (MONTH, date(2026, 11, 1), "2026-10"),
        (MONTH, date(2027, 1, 15), "2026-12"),
        (QUARTER, date(2026, 10, 1), "2026-Q3"),
        (QUARTER, date(2027, 2, 10), "2026-Q4"),
        (YEAR, date(2027, 1, 1), "2026"),
    ],
)
def test_previous_period_is_the_last_whole_one(kind, today, slug):
    assert previous_period(kind, today).slug == slug
