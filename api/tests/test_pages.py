"""What the pages endpoint gives: the fields of each type, in each language, only public pages."""

import pytest

from api.tests.conftest import get_json


def ids(data):
    return {item["id"] for item in data["items"]}


def test_service_detail_carries_its_whole_standard(client, site):
    _, data = get_json(client, f"/api/v2/pages/{site['service'].id}/")

    assert data["meta"]["type"] == "services.ServicePage"
    assert data["audiences"] == ["g2c"]
    assert data["category"] == "job-seekers"
    assert data["cost"] == 0
    assert (data["time_amount"], data["time_unit"]) == (15, "minutes")
    assert data["how_to_apply"] == "counter"
    assert data["counter_location"] == "Loket 3, lantai 1, Kantor Disnaker"
    assert [block["value"]["item"] for block in data["requirements"]] == ["KTP asli", "Pas foto"]
    assert [block["value"]["title"] for block in data["procedure"]] == ["Datang ke loket", "Serahkan berkas"]
    assert data["product"] == "Kartu tanda bukti"
    assert data["responsible_division"] == {
        "code": "penempatan",
        "name": "Bidang Penempatan Tenaga Kerja",
        "short_name": "",
    }
    assert data["legal_basis"] == [
        {
            "id": site["regulation"].id,
            "citation": "Perwali No. 44/2016",
            "title": "Penyelenggaraan Pelayanan Publik",
            "note": "Pasal 5",
            "url": "http://localhost/id/regulasi/perwali-44-2016/",
        }
    ]
    for component in (
        "facilities",
        "staff_competence",
        "internal_supervision",
        "service_guarantee",
        "security_guarantee",
        "performance_evaluation",
    ):
        assert data[component].startswith("<p>")
    assert data["number_of_staff"] == 3


def test_english_service_links_the_english_regulation(client, site):
    _, data = get_json(client, f"/api/v2/pages/{site['service_en'].id}/")

    assert data["meta"]["locale"] == "en"
    assert data["title"] == "Job-seeker card (AK/I)"
    assert [link["id"] for link in data["legal_basis"]] == [site["regulation_en"].id]


def test_regulation_detail_carries_its_citation_status_and_document(client, site):
    _, data = get_json(client, f"/api/v2/pages/{site['regulation'].id}/")

    assert data["citation"] == "Perwali No. 44/2016"
    assert data["formal_citation"] == "Peraturan Walikota Nomor 44 Tahun 2016"
    assert data["status"] == "in_force"
    assert (data["regulation_type"], data["number"], data["year"]) == ("Perwali", "44", 2016)
    assert data["issuer"] == "Walikota Palembang"
    assert data["document_url"].startswith("http://localhost/documents/")
    assert "perwali-44-2016" in data["document_url"]
    assert data["document_url"].endswith(".pdf")
    assert data["pdf"]["meta"]["download_url"] == data["document_url"]


def test_news_detail_carries_its_date_kind_and_tags(client, site):
    _, data = get_json(client, f"/api/v2/pages/{site['news'].id}/")

    assert data["date"] == site["news"].date.isoformat()
    assert data["kind"] == "news"
    assert data["summary"] == "Ringkasan Bursa kerja 2026."
    assert data["tags"] == ["Lowongan"]
    assert data["body"][0]["value"] == "<p>Isi berita.</p>"


def test_event_detail_carries_when_where_and_registration(client, site):
    event = site["event"]
    _, data = get_json(client, f"/api/v2/pages/{event.id}/")

    assert data["start"].startswith(event.start.astimezone().strftime("%Y-%m-%d"))
    assert data["start"].endswith("+07:00")
    assert data["location_name"] == "Gedung Serbaguna Disnaker"
    assert data["audience"] == "Pencari kerja"
    assert data["registration_url"] == "https://example.org/daftar"


def test_access_point_detail_carries_place_coordinates_and_hours(client, site):
    _, data = get_json(client, f"/api/v2/pages/{site['access_point'].id}/")

    assert data["kind"] == "office_counter"
    assert (data["district"], data["district_name"]) == ("bukit-kecil", "Bukit Kecil")
    assert (data["latitude"], data["longitude"]) == (-2.990934, 104.756554)
    assert data["opening_hours"][0]["value"]["opens"] == "08:00:00"
    assert data["responsible_division"]["code"] == "penempatan"


def test_office_and_standard_pages_carry_their_content(client, site):
    _, office = get_json(client, f"/api/v2/pages/{site['office'].id}/")
    _, standard = get_json(client, f"/api/v2/pages/{site['standard'].id}/")

    assert office["introduction"].startswith("Dinas Tenaga Kerja")
    assert office["latitude"] == -2.990934
    assert standard["summary"] == "Ringkas."
    assert standard["body"][0]["value"] == "<p>Isi.</p>"


@pytest.mark.parametrize(
    ("language", "expected", "absent"), [("id", "service", "service_en"), ("en", "service_en", "service")]
)
def test_locale_filter_gives_one_language(client, site, language, expected, absent):
    _, data = get_json(client, "/api/v2/pages/", type="services.ServicePage", locale=language)

    assert site[expected].id in ids(data)
    assert site[absent].id not in ids(data)
    assert {item["meta"]["locale"] for item in data["items"]} == {language}


def test_type_filter_gives_one_page_type_with_its_fields(client, site):
    _, data = get_json(client, "/api/v2/pages/", type="regulations.RegulationPage", fields="citation,status")

    assert {item["meta"]["type"] for item in data["items"]} == {"regulations.RegulationPage"}
    assert {item["citation"] for item in data["items"]} == {"Perwali No. 44/2016"}


def test_listing_filters_on_a_field(client, site):
    from regulations.choices import RegulationStatus
    from regulations.tests.factories import RegulationPageFactory

    revoked = RegulationPageFactory(parent=site["regulation"].get_parent(), status=RegulationStatus.REVOKED)

    _, data = get_json(client, "/api/v2/pages/", type="regulations.RegulationPage", status="revoked")

    assert ids(data) == {revoked.id}


def test_drafts_are_absent_from_listing_and_detail(client, site):
    _, data = get_json(client, "/api/v2/pages/", type="services.ServicePage", limit=50)

    assert site["draft"].id not in ids(data)
    assert client.get(f"/api/v2/pages/{site['draft'].id}/").status_code == 404


def test_private_pages_are_absent_from_listing_and_detail(client, site):
    _, data = get_json(client, "/api/v2/pages/", type="services.ServicePage", limit=50)

    assert site["private"].id not in ids(data)
    assert client.get(f"/api/v2/pages/{site['private'].id}/").status_code == 404


def test_login_restricted_pages_stay_out_even_for_a_signed_in_editor(client, site, admin_user):
    """Answers are publicly cacheable, so nobody's session may add pages to them."""
    from wagtail.models import PageViewRestriction

    from services.tests.factories import ServicePageFactory

    staff_only = ServicePageFactory(parent=site["service"].get_parent())
    PageViewRestriction.objects.create(page=staff_only, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(admin_user)

    _, data = get_json(client, "/api/v2/pages/", type="services.ServicePage", limit=50)

    assert staff_only.id not in ids(data)
    assert client.get(f"/api/v2/pages/{staff_only.id}/").status_code == 404


def test_listing_envelope_has_total_count_and_items(client, site):
    _, data = get_json(client, "/api/v2/pages/", type="services.ServicePage", locale="id")

    assert data["meta"]["total_count"] == 1
    assert [item["title"] for item in data["items"]] == ["Kartu Pencari Kerja (AK/I)"]
