"""The PDF for the mayor: what a reader finds in it, read back with pypdf."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from core.models import SiteSettings
from core.tests.factories import ImageFactory
from offices.tests.factories import DivisionFactory
from reports import pdf
from reports.figures import build_report
from reports.formatting import format_value
from reports.pdf import render_pdf
from reports.tests.dataset import NOW, PERIOD
from reports.tests.sample_report import long_table_section, sample_report

pytestmark = pytest.mark.django_db


def pdf_pages(data):
    """The text of each page, whitespace collapsed (wrapped lines join with a space)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data):
    return " ".join(pdf_pages(data))


def render(report):
    with translation.override("id"):
        return render_pdf(report)


@pytest.fixture
def office():
    office = SiteSettings.load()
    office.government_name = "Pemerintah Kota Palembang"
    office.office_name = "Dinas Tenaga Kerja Kota Palembang"
    office.address = "Jl. Merdeka No. 1\nPalembang 30131"
    office.phone = "0711-123456"
    office.email = "disnaker@palembang.go.id"
    office.head_of_office_name = "Dra. Siti Aminah, M.Si."
    office.head_of_office_title = "Kepala Dinas Tenaga Kerja Kota Palembang"
    office.head_of_office_nip = "19700101 199503 2 001"
    office.save()
    return office


def test_render_pdf_returns_a_pdf_document():
    assert render(sample_report()).startswith(b"%PDF-")


def test_headline_figures_are_printed_with_indonesian_number_formats():
    text = pdf_text(render(sample_report()))

    assert "Permohonan diterima 1.234" in text
    assert "Median waktu proses 4,5 hari" in text
    assert "Selesai tepat waktu 87,5%" in text
    assert "Persentil ke-90 –" in text


def test_every_table_cell_is_printed_dates_spelled_out_in_indonesian():
    text = pdf_text(render(sample_report()))

    assert "Layanan Diterima Median (hari)" in text
    assert "Kartu Kuning (AK/I) 700 3,2" in text
    assert "Pelatihan BLK 534 –" in text
    assert "ADU-2026-0042 3 Oktober 2026" in text


def test_an_empty_table_prints_its_message():
    assert "Tidak ada tiket yang dibuka kembali." in pdf_text(render(sample_report()))


def test_each_bar_of_a_chart_carries_its_label_and_value_as_text():
    text = pdf_text(render(sample_report()))

    assert "Rata-rata per hari kerja" in text
    assert "Kartu Kuning (AK/I) 31,8" in text
    assert "Pelatihan BLK 24,3" in text


def test_sections_are_numbered_with_their_notes():
    text = pdf_text(render(sample_report()))

    assert "1. Permohonan layanan Permohonan yang diterima dalam periode ini." in text
    assert "2. Pengaduan dan aspirasi" in text


def test_letterhead_comes_from_the_site_settings(office):
    first_page = pdf_pages(render(sample_report()))[0]

    assert first_page.startswith("PEMERINTAH KOTA PALEMBANG DINAS TENAGA KERJA KOTA PALEMBANG")
    assert "Jl. Merdeka No. 1, Palembang 30131" in first_page
    assert "Telepon 0711-123456 · Email disnaker@palembang.go.id" in first_page


def test_title_names_the_period_in_indonesian_and_the_whole_office():
    report = sample_report()
    text = pdf_text(render(report))

    assert "LAPORAN PERIODIK LAYANAN" in text
    assert "Periode: Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)" in text
    with translation.override("id"):
        assert f"Cakupan: {report.division_label}" in text


def test_title_names_the_division_of_a_division_report():
    division = DivisionFactory(name="Bidang Penempatan Tenaga Kerja")

    assert "Cakupan: Bidang Penempatan Tenaga Kerja" in pdf_text(render(sample_report(division)))


def test_generation_time_is_given_in_palembang_time():
    # Generated at 01.00 UTC, 08.00 in Palembang.
    assert "Dibuat pada 1 November 2026, 08.00" in pdf_text(render(sample_report()))


def test_signature_block_closes_the_report(office):
    last_page = pdf_pages(render(sample_report()))[-1]

    assert last_page.index("Palembang, 1 November 2026") > last_page.index("Pengaduan dan aspirasi")
    assert (
        "Palembang, 1 November 2026 Kepala Dinas Tenaga Kerja Kota Palembang "
        "Dra. Siti Aminah, M.Si. NIP. 19700101 199503 2 001"
    ) in last_page


def test_every_page_says_which_page_of_how_many():
    pages = pdf_pages(render(sample_report(sections=[long_table_section(150)])))

    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page


def test_a_long_table_runs_over_pages_with_its_header_on_each():
    pages = pdf_pages(render(sample_report(sections=[long_table_section(150)])))

    with_rows = [page for page in pages if "kata kunci" in page]
    assert len(with_rows) > 1
    assert all("Kata kunci Pencarian" in page for page in with_rows)
    text = " ".join(pages)
    assert "kata kunci 1 1" in text
    assert "kata kunci 150 150" in text


def test_the_logo_from_the_site_settings_is_drawn_in_the_letterhead(office):
    office.logo = ImageFactory()
    office.save()

    first_page = PdfReader(io.BytesIO(render(sample_report()))).pages[0]

    assert len(first_page.images) == 1


def test_a_logo_whose_file_is_gone_is_left_out(office):
    office.logo = ImageFactory()
    office.save()
    office.logo.file.storage.delete(office.logo.file.name)

    data = render(sample_report())

    assert len(PdfReader(io.BytesIO(data)).pages[0].images) == 0
    assert "DINAS TENAGA KERJA KOTA PALEMBANG" in pdf_text(data)


@pytest.fixture
def without_dejavu(monkeypatch, tmp_path):
    """No DejaVu on the system (the python:3.11-slim image): fonts are looked up afresh."""
    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)
    pdf.fonts.cache_clear()
    yield
    pdf.fonts.cache_clear()


def test_without_dejavu_the_pdf_is_set_in_helvetica(without_dejavu):
    data = render(sample_report())

    assert b"/Helvetica" in data
    assert "Median waktu proses 4,5 hari" in pdf_text(data)


@pytest.mark.parametrize(
    "value, unit, shown",
    [
        (1234567, "", "1.234.567"),
        (4.25, "hari", "4,25 hari"),
        (4.0, "", "4"),
        (2 / 3, "", "0,67"),
        (87.5, "%", "87,5%"),
        (None, "%", "–"),
        ("A (Sangat Baik)", "", "A (Sangat Baik)"),
    ],
)
def test_values_are_formatted_the_indonesian_way(value, unit, shown):
    with translation.override("id"):
        assert format_value(value, unit) == shown


# --- On the fixed data set (reports/tests/dataset.py) ------------------------------------

#: The hand-computed headline figures of October 2026 for the whole office, as printed:
#: (section, position of the figure, value; "{unit}" is the figure's own unit, "hari").
OFFICE_FIGURES = [
    ("applications", 0, "11"),
    ("applications", 1, "8"),
    ("applications", 2, "4 {unit}"),
    ("applications", 3, "20 {unit}"),
    ("satisfaction", 0, "6"),
    ("satisfaction", 1, "88,43"),
    ("tickets", 0, "8"),
    ("tickets", 1, "2,8 {unit}"),
    ("tickets", 2, "50%"),
    ("tickets", 3, "3"),
    ("faq", 0, "9"),
    ("faq", 1, "55,6%"),
    ("page_usefulness", 0, "10"),
    ("page_usefulness", 1, "60%"),
    ("searches", 0, "21"),
]


def dataset_report(division=None):
    with translation.override("id"):
        return build_report(PERIOD, division, now=NOW)


def figure_line(report, key, position, value):
    figure = report.section(key).figures[position]
    return f"{figure.label} {value.format(unit=figure.unit)}"


def test_pdf_of_the_data_set_carries_its_hand_computed_headline_figures(dataset):
    report = dataset_report()
    text = pdf_text(render(report))

    for key, position, value in OFFICE_FIGURES:
        assert figure_line(report, key, position, value) in text


def test_pdf_of_the_data_set_carries_its_tables(dataset):
    text = pdf_text(render(dataset_report()))

    # Processing time per service: finished, median, P90.
    assert "Kartu pencari kerja (AK/I) 6 4 9" in text
    assert "Penempatan tenaga kerja 1 2,5 2,5" in text
    # The oldest overdue ticket: 1 November − 27 September = 35 days.
    assert "ADU-2026-000100" in text
    assert "20 September 2026 27 September 2026 35" in text
    assert "kartu kuning 8 lowongan kerja 6" in text


def test_pdf_of_the_data_set_names_the_period_and_letterhead_in_indonesian(dataset):
    first_page = pdf_pages(render(dataset_report()))[0]

    assert first_page.startswith("PEMERINTAH KOTA PALEMBANG DINAS TENAGA KERJA KOTA PALEMBANG")
    assert "Periode: Oktober 2026" in first_page


def test_pdf_of_a_division_has_its_own_figures(dataset):
    report = dataset_report(dataset.division_a)
    text = pdf_text(render(report))

    assert "Cakupan: Bidang Penempatan" in text
    assert figure_line(report, "applications", 0, "9") in text
    assert figure_line(report, "applications", 2, "3 {unit}") in text
    assert report.section("searches").note in text
