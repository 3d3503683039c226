"""A small hand-built report for the renderers' tests (PDF, spreadsheet, CSV):
its labels are already Indonesian, as ``build_report`` makes them under
``translation.override("id")``."""

from datetime import UTC, date, datetime

from reports.periods import Period
from reports.report import Chart, Figure, Report, Section, Table

# 08.00 in Palembang (UTC+7).
GENERATED_AT = datetime(2026, 11, 1, 1, 0, tzinfo=UTC)


def sample_report(division=None, sections=None):
    return Report(
        period=Period.month(2026, 10),
        division=division,
        generated_at=GENERATED_AT,
        sections=sections if sections is not None else sample_sections(),
    )


def sample_sections():
    return [
        Section(
            key="applications",
            title="Permohonan layanan",
            note="Permohonan yang diterima dalam periode ini.",
            figures=[
                Figure("Permohonan diterima", 1234),
                Figure("Median waktu proses", 4.5, "hari"),
                Figure("Selesai tepat waktu", 87.5, "%"),
                Figure("Persentil ke-90", None, "hari"),
            ],
            charts=[
                Chart("Rata-rata per hari kerja", ["Kartu Kuning (AK/I)", "Pelatihan BLK"], [31.8, 24.3])
            ],
            tables=[
                Table(
                    "Permohonan per layanan",
                    ["Layanan", "Diterima", "Median (hari)"],
                    [["Kartu Kuning (AK/I)", 700, 3.2], ["Pelatihan BLK", 534, None]],
                )
            ],
        ),
        Section(
            key="tickets",
            title="Pengaduan dan aspirasi",
            tables=[
                Table("Tiket terlambat", ["Nomor", "Diterima"], [["ADU-2026-0042", date(2026, 10, 3)]]),
                Table("Tiket dibuka kembali", ["Nomor"], [], "Tidak ada tiket yang dibuka kembali."),
            ],
        ),
    ]


def long_table_section(rows=150):
    return Section(
        key="long",
        title="Daftar panjang",
        tables=[
            Table(
                "Pencarian terbanyak",
                ["Kata kunci", "Pencarian"],
                [[f"kata kunci {number}", number] for number in range(1, rows + 1)],
            )
        ],
    )
