"""The demo library: real regulations, valid PDFs, idempotent."""

import re

import pytest
from wagtail.documents import get_document_model

from regulations import demo
from regulations.models import RegulationIndexPage, RegulationPage, RelatedRegulation
from tests.shared_data import shared_layer

pytestmark = pytest.mark.django_db


def seed_library(homes):
    demo.seed(homes)


@pytest.fixture
@shared_layer("seeded_library", seed_library, below="homes")
def seeded_library(homes, shared_data):
    """The site after ``demo.seed`` ran once (seeding takes several seconds: it is done
    once for the tests that can share it, tests/shared_data.py)."""
    return shared_data.get("seeded_library", homes)


def assert_valid_pdf(data):
    """Header, trailer, and a cross-reference table whose offsets point at the objects."""
    assert data.startswith(b"%PDF-1.")
    assert data.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)\n", data).group(1))
    assert data[startxref:].startswith(b"xref\n")
    count = int(re.search(rb"xref\n0 (\d+)\n", data).group(1))
    entries = re.findall(rb"(\d{10}) 00000 n \n", data)
    assert len(entries) == count - 1
    for number, offset in enumerate(entries, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)
    length = int(re.search(rb"/Length (\d+)", data).group(1))
    stream = data.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0]
    assert len(stream) == length
    assert b"/Type /Page " in data


def test_minimal_pdf_is_well_formed_and_escapes_parentheses():
    data = demo.minimal_pdf(["Perwali No. 44/2016", "Pasal (1) \\ huruf f", "Kota Palembang – ü"])

    assert_valid_pdf(data)
    assert b"(Pasal \\(1\\) \\\\ huruf f) Tj" in data


def test_seed_builds_the_library_with_real_regulations(homes, seeded_library):

    index = RegulationIndexPage.objects.get(slug="regulasi", locale=homes.id.locale)
    english = index.get_translation(homes.en.locale)
    assert index.show_in_menus and index.get_parent().pk == homes.id.pk
    assert (index.title, english.title, english.slug) == ("Regulasi", "Regulations", "regulations")
    citations = {str(page.citation) for page in index.specific.regulations()}
    assert len(citations) >= 10
    assert {
        "Perwali No. 44/2016",
        "UU No. 13/2003",
        "UU No. 6/2023",
        "UU No. 25/2009",
        "UU No. 14/2008",
        "UU No. 27/2022",
        "PP No. 35/2021",
        "Permen No. 15/2014",
        "Permen No. 14/2017",
        "Perpres No. 95/2018",
    } <= citations
    assert english.specific.regulations().count() == len(citations)


def test_seed_quotes_articles_2_and_5_of_perwali_44(homes, seeded_library):

    perwali = RegulationPage.objects.get(slug="perwali-44-2016", locale=homes.id.locale)
    body = str(perwali.body.render_as_block())
    assert "pembentukan hubungan interaktif dengan dunia usaha" in body  # Article 2(b)
    assert "Penyiapan peraturan pendukung." in body  # Article 5(1)(f)
    assert perwali.date_enacted.isoformat() == "2016-11-25"


def test_seed_gives_every_regulation_a_valid_pdf(homes, seeded_library):

    for page in RegulationPage.objects.filter(locale=homes.id.locale):
        assert page.pdf is not None, page.slug
        assert page.pdf.file_extension == "pdf"
        with page.pdf.open_file() as handle:
            data = handle.read()
        assert_valid_pdf(data)
        assert page.formal_citation.upper().encode() in data


def test_seed_links_related_regulations_in_both_languages(homes, seeded_library):

    uu13 = RegulationPage.objects.get(slug="uu-13-2003", locale=homes.id.locale)
    uu13_en = uu13.get_translation(homes.en.locale)
    assert uu13.status == "amended"
    assert [link.target.slug for link in uu13.related_regulations.filter(kind="amended_by")] == ["uu-6-2023"]
    amended_by_en = uu13_en.related_regulations.get(kind="amended_by").target
    assert amended_by_en.locale == homes.en.locale and amended_by_en.slug == "uu-6-2023"


def test_seed_twice_changes_nothing(homes, seeded_library):
    counts = (
        RegulationPage.objects.count(),
        get_document_model().objects.count(),
        RelatedRegulation.objects.count(),
    )

    demo.seed(homes)

    assert (
        RegulationPage.objects.count(),
        get_document_model().objects.count(),
        RelatedRegulation.objects.count(),
    ) == counts
    assert counts[0] == 2 * len(demo.REGULATIONS)
    assert counts[1] == len(demo.REGULATIONS)
    assert counts[2] == 2 * len(demo.RELATIONS)
