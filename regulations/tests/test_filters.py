"""The library's filtering rules, without HTTP."""

import pytest
from django.http import QueryDict

from regulations.choices import RegulationType
from regulations.filters import (
    FilterOptions,
    RegulationFilters,
    filter_options,
    filter_regulations,
    order_regulations,
    parse_filters,
)
from regulations.tests.factories import RegulationPageFactory

pytestmark = pytest.mark.django_db

OPTIONS = FilterOptions(
    types=[("UU", "Law (UU)"), ("Perwali", "Mayor Regulation (Perwali)")], years=[2016, 2003]
)


@pytest.fixture
def regulations(library):
    make = RegulationPageFactory
    return {
        "perwali": make(
            parent=library, regulation_type="Perwali", number="44", year=2016, title="Pelayanan Publik Online"
        ),
        "perwali_144": make(
            parent=library, regulation_type="Perwali", number="144", year=2015, title="Retribusi"
        ),
        "uu_13": make(parent=library, regulation_type="UU", number="13", year=2003, title="Ketenagakerjaan"),
        "uu_6": make(
            parent=library, regulation_type="UU", number="6", year=2023, title="Penetapan Perppu Cipta Kerja"
        ),
        "permen": make(
            parent=library,
            regulation_type="Permen",
            number="PER.16/MEN/XI/2011",
            year=2011,
            title="Peraturan Perusahaan dan Perjanjian Kerja Bersama",
            issuer="Menteri Tenaga Kerja dan Transmigrasi",
        ),
        "pp_2016": make(
            parent=library, regulation_type="PP", number="44", year=2016, title="Pengupahan Lama"
        ),
    }


def matching(library, **params):
    query = QueryDict(mutable=True)
    query.update(params)
    qs = library.regulations()
    chosen = parse_filters(query, filter_options(qs))
    return {page.pk for page in filter_regulations(qs, chosen)}


def ids(regulations, *names):
    return {regulations[name].pk for name in names}


def test_parse_keeps_known_type_and_year():
    assert parse_filters({"type": "UU", "year": "2003", "q": " 44 "}, OPTIONS) == RegulationFilters(
        "UU", 2003, "44"
    )


def test_parse_accepts_type_in_any_letter_case():
    assert parse_filters({"type": "perwali"}, OPTIONS).type == "Perwali"


@pytest.mark.parametrize(
    "params",
    [
        {"type": "XYZ"},
        {"type": "PP"},  # a real type, but no such regulation in this library
        {"year": "abc"},
        {"year": "-1"},
        {"year": "1999"},
        {"year": "２０１６"},
        {"year": "20160"},
        {"type": ["UU"]},
    ],
)
def test_parse_ignores_unknown_or_malformed_values(params):
    assert parse_filters(params, OPTIONS) == RegulationFilters()


def test_parse_shortens_and_tidies_the_text():
    chosen = parse_filters({"q": "  perwali \n  44  " + "x" * 500}, OPTIONS)
    assert chosen.q.startswith("perwali 44 x")
    assert len(chosen.q) == 100


def test_parse_drops_control_characters():
    assert parse_filters({"q": "44\x00/2016\x1b"}, OPTIONS).q == "44/2016"


def test_options_list_only_types_and_years_that_exist(library, regulations):
    options = filter_options(library.regulations())

    assert [code for code, _label in options.types] == ["UU", "PP", "Permen", "Perwali"]
    assert options.years == [2023, 2016, 2015, 2011, 2003]


def test_filter_by_type(library, regulations):
    assert matching(library, type="UU") == ids(regulations, "uu_13", "uu_6")


def test_filter_by_year(library, regulations):
    assert matching(library, year="2016") == ids(regulations, "perwali", "pp_2016")


def test_filter_by_type_and_year_combined(library, regulations):
    assert matching(library, type="Perwali", year="2016") == ids(regulations, "perwali")


def test_filter_by_number_does_not_match_longer_numbers(library, regulations):
    assert matching(library, q="144") == ids(regulations, "perwali_144")
    assert matching(library, q="44") == ids(regulations, "perwali", "pp_2016")


def test_filter_by_title_is_case_insensitive(library, regulations):
    assert matching(library, q="KETENAGAKERJAAN") == ids(regulations, "uu_13")
    assert matching(library, q="cipta kerja") == ids(regulations, "uu_6")


@pytest.mark.parametrize("text", ["44/2016", "44 2016", "Nomor 44 Tahun 2016", "No. 44 of 2016"])
def test_filter_by_number_and_year_written_together(library, regulations, text):
    assert matching(library, q=text) == ids(regulations, "perwali", "pp_2016")


@pytest.mark.parametrize(
    "text", ["perwali 44", "Perwali No. 44/2016", "Peraturan Walikota Nomor 44 Tahun 2016"]
)
def test_filter_by_type_name_and_number(library, regulations, text):
    assert matching(library, q=text) == ids(regulations, "perwali")


def test_filter_by_number_with_slashes(library, regulations):
    assert matching(library, q="PER.16/MEN/XI/2011") == ids(regulations, "permen")
    assert matching(library, q="per.16") == ids(regulations, "permen")


def test_filter_by_text_combined_with_type(library, regulations):
    assert matching(library, q="44", type="PP") == ids(regulations, "pp_2016")
    # No Perpres in this library: the type is ignored, the text still applies.
    assert matching(library, q="44", type="Perpres") == ids(regulations, "perwali", "pp_2016")
    assert matching(library, q="44", type="Perwali") == ids(regulations, "perwali")
    assert matching(library, q="13", year="2003", type="UU") == ids(regulations, "uu_13")


def test_filter_with_only_stop_words_filters_nothing(library, regulations):
    assert matching(library, q="nomor tahun") == set(r.pk for r in regulations.values())


def test_filter_with_unmatched_word_finds_nothing(library, regulations):
    assert matching(library, q="perwali zzz") == set()


def test_order_is_newest_year_first_then_type(library, regulations):
    ordered = list(order_regulations(library.regulations()))

    assert ordered == [
        regulations["uu_6"],
        regulations["pp_2016"],
        regulations["perwali"],
        regulations["perwali_144"],
        regulations["permen"],
        regulations["uu_13"],
    ]


def test_every_type_has_a_rank_in_the_order():
    assert RegulationType.values == ["UU", "PP", "Perpres", "Permen", "Perda", "Perwali", "Kepwal", "SE"]
