"""The spreadsheet (XLSX) and CSV of the report: the PDF's figures, typed."""

import csv
import io
from datetime import datetime

import pytest
from django.utils import translation
from openpyxl import load_workbook

from reports.figures import build_report
from reports.report import Section
from reports.spreadsheet import render_csv, render_xlsx, sheet_names
from reports.tests.dataset import NOW, PERIOD
from reports.tests.sample_report import sample_report

pytestmark = pytest.mark.django_db


def workbook(report):
    with translation.override("id"):
        return load_workbook(io.BytesIO(render_xlsx(report)))


def sheet_rows(sheet):
    """Every row as a tuple, trailing empty cells dropped."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        rows.append(tuple(row))
    return rows


def row_starting(sheet, first):
    return next(row for row in sheet_rows(sheet) if row and row[0] == first)


def csv_rows(report):
    with translation.override("id"):
        return list(csv.reader(io.StringIO(render_csv(report))))


def test_xlsx_has_a_summary_sheet_then_one_sheet_per_section():
    book = workbook(sample_report())

    assert book.sheetnames == ["Ringkasan", "Permohonan layanan", "Pengaduan dan aspirasi"]


def test_summary_sheet_gives_period_scope_and_generation_time_as_dates():
    report = sample_report()
    summary = workbook(report)["Ringkasan"]

    assert summary["A1"].value == "Laporan Periodik Layanan Oktober 2026"
    assert row_starting(summary, "Periode") == ("Periode", "Oktober 2026")
    assert row_starting(summary, "Hari pertama") == ("Hari pertama", datetime(2026, 10, 1))
    assert row_starting(summary, "Hari terakhir") == ("Hari terakhir", datetime(2026, 10, 31))
    with translation.override("id"):
        assert row_starting(summary, "Cakupan") == ("Cakupan", report.division_label)
    # 01.00 UTC is 08.00 in Palembang.
    assert row_starting(summary, "Dibuat") == ("Dibuat", datetime(2026, 11, 1, 8, 0))


def test_summary_sheet_lists_every_sections_headline_figures():
    summary = workbook(sample_report())["Ringkasan"]

    assert ("Permohonan layanan", "Permohonan diterima", 1234) in sheet_rows(summary)
    assert ("Permohonan layanan", "Median waktu proses", 4.5, "hari") in sheet_rows(summary)


def test_headline_figures_are_numbers_with_their_unit():
    sheet = workbook(sample_report())["Permohonan layanan"]

    assert row_starting(sheet, "Permohonan diterima") == ("Permohonan diterima", 1234)
    assert row_starting(sheet, "Selesai tepat waktu") == ("Selesai tepat waktu", 87.5, "%")
    assert row_starting(sheet, "Persentil ke-90") == ("Persentil ke-90", None, "hari")


def test_table_cells_keep_their_types():
    book = workbook(sample_report())

    applications, tickets = book["Permohonan layanan"], book["Pengaduan dan aspirasi"]
    assert ("Kartu Kuning (AK/I)", 700, 3.2) in sheet_rows(applications)
    assert ("Pelatihan BLK", 534) in sheet_rows(applications)
    assert ("ADU-2026-0042", datetime(2026, 10, 3)) in sheet_rows(tickets)


def test_chart_data_is_written_with_the_charts_title():
    sheet = workbook(sample_report())["Permohonan layanan"]
    rows = sheet_rows(sheet)

    start = rows.index(("Rata-rata per hari kerja",))
    assert rows[start + 1 : start + 4] == [
        ("Butir", "Nilai"),
        ("Kartu Kuning (AK/I)", 31.8),
        ("Pelatihan BLK", 24.3),
    ]


def test_table_headers_are_bold():
    sheet = workbook(sample_report())["Permohonan layanan"]

    header = next(row for row in sheet.iter_rows() if row[0].value == "Layanan")
    assert all(cell.font.bold for cell in header[:3])


def test_an_empty_table_says_so():
    sheet = workbook(sample_report())["Pengaduan dan aspirasi"]

    assert ("Tidak ada tiket yang dibuka kembali.",) in sheet_rows(sheet)


def test_columns_are_widened_to_their_contents():
    sheet = workbook(sample_report())["Permohonan layanan"]

    assert sheet.column_dimensions["A"].width >= len("Kartu Kuning (AK/I)")


def test_sheet_names_are_valid_short_and_unique():
    long_title = "Pengaduan, aspirasi, saran dan permintaan informasi publik"
    sections = [
        Section(key="a", title=long_title),
        Section(key="b", title=long_title),
        Section(key="c", title="Survei: IKM [2026]/Q4?"),
        Section(key="d", title="Ringkasan"),
    ]

    with translation.override("id"):
        names = sheet_names(sections)

    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names} | {"ringkasan"}) == 5
    assert not any(character in "".join(names) for character in "[]:*?/\\")
    assert names[1].endswith(" (2)")


def test_csv_carries_the_summary():
    rows = csv_rows(sample_report())

    assert [
        "Laporan Periodik Layanan Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)",
        "Ringkasan",
    ] == rows[1][:2]
    summary = {row[2]: row[3] for row in rows[1:7]}
    assert summary["Periode"] == "Oktober 2026"
    assert summary["Hari pertama"] == "2026-10-01"
    assert summary["Dibuat"] == "2026-11-01 08:00"


def test_csv_carries_the_same_figures_in_section_and_table_blocks():
    rows = csv_rows(sample_report())

    section = "1. Permohonan layanan"
    assert ["Bagian laporan", "Tabel", "Indikator", "Nilai", "Satuan"] in rows
    assert [section, "Angka utama", "Permohonan diterima", "1234", ""] in rows
    assert [section, "Angka utama", "Median waktu proses", "4.5", "hari"] in rows
    assert [section, "Rata-rata per hari kerja", "Kartu Kuning (AK/I)", "31.8"] in rows
    assert ["Bagian laporan", "Tabel", "Layanan", "Diterima", "Median (hari)"] in rows
    assert [section, "Permohonan per layanan", "Kartu Kuning (AK/I)", "700", "3.2"] in rows
    assert [section, "Permohonan per layanan", "Pelatihan BLK", "534", ""] in rows
    assert ["2. Pengaduan dan aspirasi", "Tiket terlambat", "ADU-2026-0042", "2026-10-03"] in rows
    assert [
        "2. Pengaduan dan aspirasi",
        "Tiket dibuka kembali",
        "Tidak ada tiket yang dibuka kembali.",
    ] in rows


def test_csv_blocks_are_separated_by_an_empty_line():
    rows = csv_rows(sample_report())

    headers = [index for index, row in enumerate(rows) if row[:2] == ["Bagian laporan", "Tabel"]]
    # The summary; section 1's figures, chart and table; section 2's two tables.
    assert len(headers) == 6
    assert all(rows[index - 1] == [] for index in headers[1:])


# --- On the fixed data set (reports/tests/dataset.py) ------------------------------------

#: The hand-computed headline figures of October 2026 for the whole office:
#: (section, position of the figure, value).
OFFICE_FIGURES = [
    ("applications", 0, 11),
    ("applications", 1, 8),
    ("applications", 2, 4.0),
    ("applications", 3, 20.0),
    ("satisfaction", 0, 6),
    ("satisfaction", 1, 88.43),
    ("tickets", 0, 8),
    ("tickets", 1, 2.8),
    ("tickets", 2, 50.0),
    ("tickets", 3, 3),
    ("faq", 0, 9),
    ("faq", 1, 55.6),
    ("page_usefulness", 0, 10),
    ("page_usefulness", 1, 60.0),
    ("searches", 0, 21),
]


def dataset_report():
    with translation.override("id"):
        return build_report(PERIOD, now=NOW)


def test_xlsx_of_the_data_set_has_its_hand_computed_headline_figures(dataset):
    report = dataset_report()
    rows = sheet_rows(workbook(report)["Ringkasan"])

    for key, position, value in OFFICE_FIGURES:
        section = report.section(key)
        figure = section.figures[position]
        assert (section.title, figure.label, value, *([figure.unit] if figure.unit else [])) in rows


def test_xlsx_of_the_data_set_has_its_tables_typed(dataset):
    book = workbook(dataset_report())
    applications, tickets = book.worksheets[1], book.worksheets[3]

    assert ("Kartu pencari kerja (AK/I)", 6, 4, 9) in sheet_rows(applications)
    overdue = row_starting(tickets, "ADU-2026-000100")
    assert overdue[2:5] == (datetime(2026, 9, 20), datetime(2026, 9, 27), 35)


def test_csv_of_the_data_set_has_the_same_figures(dataset):
    report = dataset_report()
    rows = csv_rows(report)

    for key, position, value in OFFICE_FIGURES:
        number = [section.key for section in report.sections].index(key) + 1
        section = report.section(key)
        figure = section.figures[position]
        expected = [f"{number}. {section.title}", "Angka utama", figure.label, f"{value:g}", figure.unit]
        assert expected in rows
    assert any(row[2:] == ["Kartu pencari kerja (AK/I)", "6", "4", "9"] for row in rows)
