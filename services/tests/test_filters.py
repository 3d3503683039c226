"""The directory's filters as plain functions, and the directory page that uses them."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from offices.tests.factories import DivisionFactory
from services import filters
from services.choices import Category
from services.standard import duration_text
from services.tests.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def run(directory, params, options=None):
    chosen = filters.parse_filters(params, options)
    return set(filters.filter_services(directory.services(), chosen))


def titles(response):
    return [service.title for service in response.context["page_obj"].object_list]


def test_audience_filter_keeps_the_services_for_that_audience(directory):
    citizens = ServicePageFactory(parent=directory, for_citizens=True)
    companies = ServicePageFactory(parent=directory, for_citizens=False, for_businesses=True)
    both = ServicePageFactory(parent=directory, for_citizens=True, for_businesses=True)
    institutions = ServicePageFactory(parent=directory, for_citizens=False, for_institutions=True)

    assert run(directory, {"audience": "g2b"}) == {companies, both}
    assert run(directory, {"audience": "g2c"}) == {citizens, both}
    assert run(directory, {"audience": "g2g"}) == {institutions}


def test_category_filter_keeps_the_services_of_that_category(directory):
    training = ServicePageFactory(parent=directory, category=Category.TRAINING)
    ServicePageFactory(parent=directory, category=Category.MIGRANT_WORKERS)

    assert run(directory, {"category": "training"}) == {training}


def test_division_filter_keeps_the_services_of_that_division(directory):
    placement = DivisionFactory(code="penempatan", name="Bidang Penempatan")
    relations = DivisionFactory(code="hubungan-industrial", name="Bidang Hubungan Industrial")
    card = ServicePageFactory(parent=directory, division=placement)
    ServicePageFactory(parent=directory, division=relations)
    ServicePageFactory(parent=directory, division=None)
    options = filters.filter_options(directory.services(), directory.locale)

    assert options.divisions == [
        ("penempatan", "Bidang Penempatan"),
        ("hubungan-industrial", "Bidang Hubungan Industrial"),
    ]
    assert run(directory, {"division": "penempatan"}, options) == {card}


def test_division_filter_offers_only_divisions_with_a_service_here(directory):
    DivisionFactory(code="sekretariat", name="Sekretariat")
    used = DivisionFactory(code="penempatan", name="Bidang Penempatan", short_name="Penempatan")
    ServicePageFactory(parent=directory, division=used)

    options = filters.filter_options(directory.services(), directory.locale)

    assert options.divisions == [("penempatan", "Penempatan")]
    assert filters.parse_filters({"division": "sekretariat"}, options).division == ""


def test_letter_filter_keeps_titles_starting_with_the_letter_in_any_case(directory):
    card = ServicePageFactory(parent=directory, title="Kartu pencari kerja")
    lower = ServicePageFactory(parent=directory, title="konsultasi ketenagakerjaan")
    ServicePageFactory(parent=directory, title="Pelatihan kerja")
    ServicePageFactory(parent=directory, title="Izin LPK untuk kursus")

    assert run(directory, {"letter": "K"}) == {card, lower}
    assert run(directory, {"letter": "k"}) == {card, lower}


def test_text_filter_matches_title_or_summary_in_any_case(directory):
    by_title = ServicePageFactory(parent=directory, title="Kartu Pencari Kerja", summary="Kartu kuning.")
    by_summary = ServicePageFactory(
        parent=directory, title="Bursa kerja", summary="Untuk PENCARI kerja baru."
    )
    ServicePageFactory(parent=directory, title="Wajib lapor", summary="Bagi perusahaan.")

    assert run(directory, {"q": "pencari"}) == {by_title, by_summary}
    assert run(directory, {"q": "  KARTU   pencari "}) == {by_title}


def test_text_filter_needs_every_word(directory):
    ServicePageFactory(parent=directory, title="Kartu pencari kerja", summary="Gratis.")
    training = ServicePageFactory(parent=directory, title="Pelatihan", summary="Pelatihan kerja gratis.")

    assert run(directory, {"q": "kerja pelatihan"}) == {training}
    assert run(directory, {"q": "kerja ijazah"}) == set()


def test_filters_combine(directory):
    placement = DivisionFactory(code="penempatan")
    wanted = ServicePageFactory(
        parent=directory,
        title="Pendaftaran bursa kerja",
        summary="Untuk perusahaan dan pencari kerja.",
        for_citizens=True,
        for_businesses=True,
        category=Category.JOB_SEEKERS,
        division=placement,
    )
    ServicePageFactory(  # wrong audience
        parent=directory, title="Pendaftaran kartu", category=Category.JOB_SEEKERS, division=placement
    )
    ServicePageFactory(  # wrong category
        parent=directory, title="Pendaftaran PKB", for_businesses=True, category=Category.INDUSTRIAL_RELATIONS
    )
    ServicePageFactory(  # wrong letter
        parent=directory,
        title="Bursa kerja",
        for_businesses=True,
        category=Category.JOB_SEEKERS,
        division=placement,
    )
    options = filters.filter_options(directory.services(), directory.locale)
    params = {
        "audience": "g2b",
        "category": "job-seekers",
        "division": "penempatan",
        "letter": "P",
        "q": "bursa",
    }

    assert run(directory, params, options) == {wanted}


@pytest.mark.parametrize(
    "params",
    [
        {"audience": "g2x"},
        {"audience": "citizens"},
        {"category": "pelatihan"},
        {"category": "training'; DROP TABLE"},
        {"division": "tidak-ada"},
        {"letter": "AB"},
        {"letter": "1"},
        {"letter": "É"},
        {"letter": "%"},
        {"q": "   "},
        {"unknown": "value"},
    ],
)
def test_unknown_or_malformed_values_are_ignored(params):
    chosen = filters.parse_filters(params, filters.FilterOptions(divisions=[("penempatan", "Penempatan")]))

    assert chosen == filters.ServiceFilters()
    assert not chosen.active


def test_known_values_are_accepted_in_any_letter_case():
    options = filters.FilterOptions(divisions=[("penempatan", "Penempatan")])

    chosen = filters.parse_filters(
        {"audience": "G2B", "category": "Training", "division": "PENEMPATAN", "letter": "p"}, options
    )

    assert chosen == filters.ServiceFilters(
        audience="g2b", category="training", division="penempatan", letter="P"
    )


def test_text_query_is_cut_to_a_hundred_characters():
    assert len(filters.parse_filters({"q": "kerja " * 100}).q) == filters.MAX_QUERY_LENGTH


def test_directory_holds_only_live_public_services_of_its_language(directory, directory_en, english):
    shown = ServicePageFactory(parent=directory, title="Kartu pencari kerja")
    ServicePageFactory(parent=directory, title="Draf layanan", live=False)
    private = ServicePageFactory(parent=directory, title="Layanan tertutup")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english(shown, "job-seeker-card", title="Job-seeker card")

    assert [page.title for page in directory.services()] == ["Kartu pencari kerja"]
    assert [page.title for page in directory_en.services()] == ["Job-seeker card"]


def test_directory_page_lists_only_live_public_services_of_its_language(
    client, directory, directory_en, english
):
    shown = ServicePageFactory(parent=directory, title="Kartu pencari kerja")
    ServicePageFactory(parent=directory, title="Draf layanan", live=False)
    private = ServicePageFactory(parent=directory, title="Layanan tertutup")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english(shown, "job-seeker-card", title="Job-seeker card")

    response = client.get("/id/layanan/")
    response_en = client.get("/en/services/")

    assert titles(response) == ["Kartu pencari kerja"]
    assert "Draf layanan" not in response.content.decode()
    assert "Layanan tertutup" not in response.content.decode()
    assert titles(response_en) == ["Job-seeker card"]


def test_directory_filters_through_its_get_form(client, directory):
    ServicePageFactory(parent=directory, title="Kartu pencari kerja", for_citizens=True)
    ServicePageFactory(parent=directory, title="Wajib lapor", for_citizens=False, for_businesses=True)

    response = client.get("/id/layanan/", {"audience": "g2b", "q": "lapor"})

    assert response.status_code == 200
    assert titles(response) == ["Wajib lapor"]
    html = response.content.decode()
    assert '<form class="filter-form" method="get"' in html
    assert '<option value="g2b" selected>' in html
    assert 'value="lapor"' in html


@pytest.mark.parametrize(
    "query",
    [
        "?audience=%00&category=zzz&division=../../etc&letter=AB&q=",
        "?letter=%F0%9F%98%80&page=abc",
        "?audience=g2c&audience=nonsense&page=-1",
        "?q=" + "x" * 5000,
        "?division[]=1&category[]=2",
    ],
)
def test_directory_ignores_bad_values_instead_of_failing(client, directory, query):
    ServicePageFactory(parent=directory, title="Kartu pencari kerja")
    ServicePageFactory(parent=directory, title="Wajib lapor")

    response = client.get("/id/layanan/" + query)

    assert response.status_code == 200
    if "q=x" not in query:
        assert titles(response) == ["Kartu pencari kerja", "Wajib lapor"]


def test_directory_lists_services_alphabetically(client, directory):
    for title in ["Wajib lapor", "kartu pencari kerja", "Bursa kerja"]:
        ServicePageFactory(parent=directory, title=title)

    assert titles(client.get("/id/layanan/")) == ["Bursa kerja", "kartu pencari kerja", "Wajib lapor"]


def test_a_to_z_links_only_letters_that_lead_to_a_service(client, directory):
    ServicePageFactory(parent=directory, title="Kartu pencari kerja", for_citizens=True)
    ServicePageFactory(parent=directory, title="Wajib lapor", for_citizens=False, for_businesses=True)

    letters = {
        item["letter"]: item for item in filters.letter_links(directory.services(), filters.ServiceFilters())
    }
    for_companies = filters.letter_links(directory.services(), filters.ServiceFilters(audience="g2b"))
    html = client.get("/id/layanan/", {"audience": "g2b"}).content.decode()

    assert [letter for letter, item in letters.items() if item["available"]] == ["K", "W"]
    assert [item["letter"] for item in for_companies if item["available"]] == ["W"]
    assert 'href="?audience=g2b&amp;letter=W"' in html or 'href="?letter=W&amp;audience=g2b"' in html
    assert '<span class="a-to-z__empty">K</span>' in html


def test_service_pledge_is_shown_on_the_directory(client, directory):
    directory.pledge = "<p>Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan.</p>"
    directory.save()

    html = client.get("/id/layanan/").content.decode()

    assert "Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan." in html


def test_directory_card_shows_name_summary_cost_time_and_how_to_apply(client, directory):
    ServicePageFactory(
        parent=directory,
        title="Wajib lapor ketenagakerjaan",
        summary="Laporan tahunan perusahaan.",
        cost=50000,
        time_amount=3,
        time_unit="working_days",
        how_to_apply="external",
        external_system="WLKP",
        external_url="https://wajiblapor.kemnaker.go.id/",
    )

    html = client.get("/id/layanan/").content.decode()

    with translation.override("id"):
        expected_time = str(duration_text(3, "working_days"))
        expected_channel = str(_("Online at %(system)s") % {"system": "WLKP"})
    assert "Wajib lapor ketenagakerjaan" in html
    assert "Laporan tahunan perusahaan." in html
    assert "Rp 50.000" in html
    assert expected_time in html
    assert expected_channel in html
