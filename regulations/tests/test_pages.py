"""The library and a regulation, served over HTTP in both languages."""

import datetime
import json
import re

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.models import PageViewRestriction

from home.tests.factories import body
from regulations.choices import RelationKind
from regulations.tests.factories import RegulationPageFactory, RelatedRegulationFactory, pdf_document

pytestmark = pytest.mark.django_db


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def pdf_meta(document, language="id"):
    """What a PDF link says after it: "(PDF, 655 bita)"."""
    with translation.override(language):
        size = filesizeformat(document.get_file_size())
    assert size and document.get_file_size() > 0
    return f'<span class="document-link__meta">(PDF, {size})</span>'


def json_ld(text, kind):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    objects = [obj for block in blocks for obj in json.loads(block)]
    return [obj for obj in objects if obj.get("@type") == kind]


@pytest.fixture
def perwali(library):
    return RegulationPageFactory(
        parent=library,
        slug="perwali-44-2016",
        title="Pengembangan Pelayanan Publik Ketenagakerjaan Berbasis Online",
        regulation_type="Perwali",
        number="44",
        year=2016,
        issuer="Walikota Palembang",
        date_enacted=datetime.date(2016, 11, 25),
        status="in_force",
        summary="Dasar hukum layanan daring dinas.",
        body=body(("paragraph", "<p>Pasal 5 ayat (1) huruf f: Penyiapan peraturan pendukung.</p>")),
        pdf=pdf_document(),
    )


# The library page


def test_library_lists_regulations_with_citation_title_status_and_pdf(client, perwali):
    text = client.get("/id/regulasi/").text

    assert "Perwali No. 44/2016" in text
    assert "Pengembangan Pelayanan Publik Ketenagakerjaan Berbasis Online" in text
    assert '<strong class="tag tag--green">' in text
    assert f'href="{perwali.pdf.url}"' in text
    assert pdf_meta(perwali.pdf) in text


def test_library_shows_status_tags_in_their_colours(client, library):
    RegulationPageFactory(parent=library, status="in_force", title="Berlaku")
    RegulationPageFactory(parent=library, status="amended", title="Diubah")
    RegulationPageFactory(parent=library, status="revoked", title="Dicabut")

    text = client.get("/id/regulasi/").text

    assert 'class="tag tag--green"' in text
    assert 'class="tag tag--yellow"' in text
    assert 'class="tag tag--red"' in text


def test_library_renders_in_english(client, library_en, perwali, translate):
    translate(perwali, title="Developing Online Public Employment Services", slug="perwali-44-2016")

    response = client.get("/en/regulations/")

    assert response.status_code == 200
    assert "Regulations" in response.text
    assert "Developing Online Public Employment Services" in response.text
    assert "Perwali No. 44/2016" in response.text
    assert "Mayor Regulation (Perwali)" in response.text  # the type select, in English
    assert "Pengembangan Pelayanan" not in response.text  # no Indonesian pages in the English list


def test_library_filter_form_offers_only_existing_types_and_years(client, library):
    RegulationPageFactory(parent=library, regulation_type="UU", year=2003)
    RegulationPageFactory(parent=library, regulation_type="Perwali", year=2016)

    text = client.get("/id/regulasi/").text

    assert '<form class="filter-form" method="get"' in text
    assert '<label class="field__label" for="id_type">' in text
    assert '<label class="field__label" for="id_year">' in text
    assert '<label class="field__label" for="id_q">' in text
    assert '<option value="UU">' in text and '<option value="Perwali">' in text
    assert '<option value="PP">' not in text
    assert '<option value="2003">' in text and '<option value="2016">' in text
    assert '<option value="2010">' not in text
    assert '<button class="button button--primary" type="submit">' in text


def test_library_filters_by_type_year_and_text_over_http(client, library, perwali):
    RegulationPageFactory(
        parent=library, regulation_type="UU", number="13", year=2003, title="Ketenagakerjaan"
    )

    by_type = client.get("/id/regulasi/", {"type": "UU"}).text
    by_year = client.get("/id/regulasi/", {"year": "2016"}).text
    by_text = client.get("/id/regulasi/", {"q": "44/2016"}).text

    assert "Ketenagakerjaan" in by_type and "Perwali No. 44/2016" not in by_type
    assert "Perwali No. 44/2016" in by_year and "UU No. 13/2003" not in by_year
    assert "Perwali No. 44/2016" in by_text and "UU No. 13/2003" not in by_text
    assert '<option value="UU" selected>' in by_type
    assert 'value="44/2016"' in by_text


@pytest.mark.parametrize(
    "params",
    [{"type": "XYZ"}, {"year": "abc"}, {"page": "-1"}, {"page": "abc"}, {"page": "99999"}, {"year": "0"}],
)
def test_library_ignores_bad_parameters(client, library, perwali, params):
    RegulationPageFactory(parent=library, regulation_type="UU", number="13", year=2003)

    response = client.get("/id/regulasi/", params)

    assert response.status_code == 200
    assert "Perwali No. 44/2016" in response.text
    assert "UU No. 13/2003" in response.text
    type_select = response.text.split('id="id_type"')[1].split("</select>")[0]
    assert type_select.count("selected") == 1 and '<option value="" selected>' in type_select


def test_library_says_when_nothing_matches(client, library, perwali):
    text = client.get("/id/regulasi/", {"q": "tidak ada sama sekali"}).text

    assert "Perwali No. 44/2016" not in text
    assert "Tidak ada peraturan yang cocok" in text
    assert "Hapus saringan" in text


def test_library_paginates_twenty_per_page_keeping_filters(client, library):
    for number in range(25):
        RegulationPageFactory(parent=library, regulation_type="Perwali", number=str(number + 1), year=2020)

    first = client.get("/id/regulasi/", {"year": "2020"}).text
    second = client.get("/id/regulasi/", {"year": "2020", "page": "2"}).text

    assert first.count('class="card regulation-summary"') == 20
    assert second.count('class="card regulation-summary"') == 5
    assert "25 peraturan" in first
    assert 'href="?year=2020&amp;page=2"' in first


def test_library_leaves_out_drafts_and_private_regulations(client, library, perwali):
    RegulationPageFactory(parent=library, title="Rancangan draf", live=False)
    make_private(RegulationPageFactory(parent=library, title="Peraturan tertutup", year=1999))

    text = client.get("/id/regulasi/").text

    assert "Perwali No. 44/2016" in text
    assert "Rancangan draf" not in text
    assert "Peraturan tertutup" not in text
    assert '<option value="1999">' not in text
    assert "1 peraturan" in text


# One regulation


def test_regulation_page_shows_citation_facts_pdf_and_body(client, perwali):
    response = client.get("/id/regulasi/perwali-44-2016/")
    text = response.text

    assert response.status_code == 200
    assert text.count("<h1") == 1
    assert re.search(
        r'<h1 class="page-title"><span class="page-title__caption">Perwali No. 44/2016</span> '
        r"Pengembangan Pelayanan Publik",
        text,
    )
    assert '<dd class="summary-list__value">Peraturan Walikota (Perwali)</dd>' in text
    assert '<dd class="summary-list__value">44</dd>' in text
    assert '<dd class="summary-list__value">2016</dd>' in text
    assert '<dd class="summary-list__value">Walikota Palembang</dd>' in text
    assert '<time datetime="2016-11-25">' in text
    assert 'class="tag tag--green"' in text
    assert f'href="{perwali.pdf.url}"' in text
    assert pdf_meta(perwali.pdf) in text
    assert "Dasar hukum layanan daring dinas." in text
    assert "Penyiapan peraturan pendukung." in text


def test_regulation_page_renders_in_english(client, library_en, perwali, translate):
    translate(
        perwali,
        title="Developing Online Public Employment Services",
        slug="perwali-44-2016",
        issuer="Mayor of Palembang",
        summary="The legal basis of the office's online services.",
    )

    text = client.get("/en/regulations/perwali-44-2016/").text

    assert "Developing Online Public Employment Services" in text
    assert "Perwali No. 44/2016" in text
    assert (
        '<dt class="summary-list__key">Issued by</dt><dd class="summary-list__value">Mayor of Palembang</dd>'
        in text
    )
    assert "The legal basis of the office&#x27;s online services." in text
    assert "In force" in text


def test_regulation_page_without_pdf_or_date_leaves_them_out(client, library):
    RegulationPageFactory(parent=library, slug="tanpa-pdf", pdf=None, date_enacted=None)

    text = client.get("/id/regulasi/tanpa-pdf/").text

    assert "document-link" not in text
    assert "Date enacted" not in text


def test_related_regulations_are_grouped_by_relation_kind(client, library):
    old = RegulationPageFactory(
        parent=library, slug="uu-13-2003", regulation_type="UU", number="13", year=2003
    )
    new = RegulationPageFactory(parent=library, slug="uu-6-2023", regulation_type="UU", number="6", year=2023)
    pp = RegulationPageFactory(
        parent=library, slug="pp-35-2021", regulation_type="PP", number="35", year=2021
    )
    RelatedRegulationFactory(page=old, target=new, kind=RelationKind.AMENDED_BY)
    RelatedRegulationFactory(page=old, target=pp, kind=RelationKind.IMPLEMENTED_BY)

    text = client.get("/id/regulasi/uu-13-2003/").text
    related = text.split('id="related-regulations"')[1]

    assert re.search(r"Diubah dengan</h3>\s*<ul[^>]*>\s*<li><a href=\"/id/regulasi/uu-6-2023/\">", related)
    assert re.search(
        r"Dilaksanakan dengan</h3>\s*<ul[^>]*>\s*<li><a href=\"/id/regulasi/pp-35-2021/\">", related
    )
    assert "UU No. 6/2023" in related and "PP No. 35/2021" in related


def test_related_regulations_leave_out_drafts_and_private_ones(client, library, perwali):
    draft = RegulationPageFactory(parent=library, title="Rancangan draf", live=False)
    private = RegulationPageFactory(parent=library, title="Peraturan tertutup")
    make_private(private)
    RelatedRegulationFactory(page=perwali, target=draft)
    RelatedRegulationFactory(page=perwali, target=private)

    text = client.get("/id/regulasi/perwali-44-2016/").text

    assert "Rancangan draf" not in text
    assert "Peraturan tertutup" not in text
    assert "Related regulations" not in text


def test_related_regulations_show_the_translation_in_the_page_language(
    client, library_en, perwali, translate
):
    law = RegulationPageFactory(
        parent=perwali.get_parent(),
        slug="uu-25-2009",
        title="Pelayanan Publik",
        regulation_type="UU",
        number="25",
    )
    untranslated = RegulationPageFactory(parent=perwali.get_parent(), title="Belum diterjemahkan")
    RelatedRegulationFactory(page=perwali, target=law, kind=RelationKind.RELATED)
    RelatedRegulationFactory(page=perwali, target=untranslated, kind=RelationKind.RELATED)
    translate(law, title="Public Services", slug="uu-25-2009")
    translate(perwali, title="Online Employment Services", slug="perwali-44-2016")

    text = client.get("/en/regulations/perwali-44-2016/").text

    assert 'href="/en/regulations/uu-25-2009/"' in text
    assert "Public Services" in text
    assert "/id/regulasi/uu-25-2009/" not in text
    assert "Belum diterjemahkan" not in text


# Structured data


def test_regulation_json_ld_is_legislation(client, perwali):
    text = client.get("/id/regulasi/perwali-44-2016/").text

    (legislation,) = json_ld(text, "Legislation")
    assert legislation["@context"] == "https://schema.org"
    assert legislation["name"] == "Pengembangan Pelayanan Publik Ketenagakerjaan Berbasis Online"
    assert legislation["legislationIdentifier"] == "Peraturan Walikota Nomor 44 Tahun 2016"
    assert legislation["legislationType"] == "Peraturan Walikota"
    assert legislation["legislationDate"] == "2016-11-25"
    assert legislation["legislationLegalForce"] == "https://schema.org/InForce"
    assert legislation["inLanguage"] == "id"
    assert legislation["url"] == "http://localhost/id/regulasi/perwali-44-2016/"
    assert legislation["encoding"]["contentUrl"] == f"http://localhost{perwali.pdf.url}"
    assert legislation["encoding"]["encodingFormat"] == "application/pdf"
    assert json_ld(text, "BreadcrumbList")


@pytest.mark.parametrize(
    "status, force",
    [("amended", "https://schema.org/PartiallyInForce"), ("revoked", "https://schema.org/NotInForce")],
)
def test_regulation_json_ld_legal_force_follows_status(client, library, status, force):
    RegulationPageFactory(parent=library, slug="lama", status=status, pdf=None, date_enacted=None, year=2011)

    (legislation,) = json_ld(client.get("/id/regulasi/lama/").text, "Legislation")

    assert legislation["legislationLegalForce"] == force
    assert legislation["legislationDate"] == "2011"
    assert "encoding" not in legislation


def test_english_regulation_json_ld_keeps_the_legal_language(client, library_en, perwali, translate):
    translate(perwali, title="Online Employment Services", slug="perwali-44-2016")

    (legislation,) = json_ld(client.get("/en/regulations/perwali-44-2016/").text, "Legislation")

    assert legislation["name"] == "Online Employment Services"
    assert legislation["inLanguage"] == "id"
    assert legislation["url"] == "http://localhost/en/regulations/perwali-44-2016/"
