"""The office profile, the access point directory and the access point pages over HTTP."""

import json
import re

import pytest
from wagtail.models import PageViewRestriction

from core.models import SiteSettings
from offices.choices import COMMUNITY_CENTRE, INTERNET_KIOSK, PUBLIC_SERVICE_MALL
from offices.models import AccessPointIndexPage
from offices.tests.factories import (
    AccessPointIndexPageFactory,
    AccessPointPageFactory,
    DivisionFactory,
    OfficePageFactory,
    hours,
    items,
    translate_division,
)

pytestmark = pytest.mark.django_db


def json_ld(text):
    """Every schema.org object the page prints, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    objects = []
    for block in blocks:
        data = json.loads(block)
        objects.extend(data if isinstance(data, list) else [data])
    return objects


def of_type(objects, schema_type):
    return next(obj for obj in objects if obj["@type"] == schema_type)


def assert_no_third_party_embeds(text):
    assert "<iframe" not in text.lower()
    for tag in re.findall(r"<script\b[^>]*>", text, re.I):
        src = re.search(r'src="([^"]*)"', tag)
        assert 'type="application/ld+json"' in tag or (src and src.group(1).startswith("/static/")), tag


# --- Office profile ---------------------------------------------------------------


@pytest.fixture
def profile(homes, translate):
    page = OfficePageFactory(parent=homes.id)
    english = translate(
        page,
        title="Office profile",
        slug="profile",
        introduction="The Manpower Office serves job seekers and employers.",
        address="Jl. Merdeka No. 1\nPalembang 30131 (English)",
    )
    return page, english


def test_office_profile_renders_in_indonesian_with_its_fields(client, profile):
    response = client.get("/id/profil/")

    assert response.status_code == 200
    text = response.text
    assert '<h1 class="page-title">Profil Dinas</h1>' in text
    assert "Dinas Tenaga Kerja melayani pencari kerja dan perusahaan." in text
    assert "Visi: tenaga kerja yang kompeten." in text
    assert "Jl. Merdeka No. 1<br>Palembang 30131" in text
    assert 'href="tel:(0711)352301"' in text
    assert 'href="mailto:profil@palembang.go.id"' in text


def test_office_profile_renders_in_english(client, profile):
    response = client.get("/en/profile/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert '<h1 class="page-title">Office profile</h1>' in response.text
    assert "The Manpower Office serves job seekers and employers." in response.text
    assert "Palembang 30131 (English)" in response.text


def test_office_profile_lists_divisions_in_sort_order_and_in_the_page_language(client, profile):
    placement = DivisionFactory(
        name="Bidang Penempatan dan Perluasan Kesempatan Kerja",
        code="penempatan",
        responsibilities="<p>Bursa kerja dan lowongan.</p>",
        sort_order=3,
    )
    secretariat = DivisionFactory(
        name="Sekretariat", code="sekretariat", head_title="Sekretaris", sort_order=1
    )
    translate_division(
        placement,
        name="Placement and Employment Expansion Division",
        responsibilities="<p>Job fairs and vacancies.</p>",
        head_title="Head of Division",
    )
    translate_division(secretariat, name="Secretariat", head_title="Secretary")

    id_text = client.get("/id/profil/").text
    en_text = client.get("/en/profile/").text

    assert id_text.index("Sekretariat") < id_text.index("Bidang Penempatan dan Perluasan Kesempatan Kerja")
    assert "Bursa kerja dan lowongan." in id_text
    assert 'id="bidang-penempatan"' in id_text
    assert "Placement and Employment Expansion Division" not in id_text
    assert en_text.index("Secretariat") < en_text.index("Placement and Employment Expansion Division")
    assert "Job fairs and vacancies." in en_text
    assert "Head of Division" in en_text
    assert "Bidang Penempatan dan Perluasan Kesempatan Kerja" not in en_text


def test_office_profile_falls_back_to_site_settings_for_contact(client, homes):
    settings = SiteSettings.load()
    settings.phone = "(0711) 999 888"
    settings.email = "disnaker@palembang.go.id"
    settings.address = "Jl. Kantor Walikota 7"
    settings.save()
    OfficePageFactory(parent=homes.id, phone="", email="", address="")

    text = client.get("/id/profil/").text

    assert 'href="tel:(0711)999888"' in text
    assert 'href="mailto:disnaker@palembang.go.id"' in text
    assert "Jl. Kantor Walikota 7" in text


def test_office_profile_links_to_a_map_with_its_coordinates_and_embeds_nothing(client, profile):
    text = client.get("/id/profil/").text

    assert (
        'href="https://www.openstreetmap.org/?mlat=-2.990934&amp;mlon=104.756554#map=17/-2.990934/104.756554"'
        in text
    )
    assert "-2.990934, 104.756554" in text
    assert_no_third_party_embeds(text)


def test_office_profile_shows_opening_hours_with_translated_day_names(client, profile):
    assert "Senin–Jumat" in client.get("/id/profil/").text
    assert "Monday–Friday" in client.get("/en/profile/").text


def test_office_profile_json_ld_describes_a_government_organization(client, profile):
    DivisionFactory(name="Sekretariat", code="sekretariat", short_name="Sekretariat", sort_order=1)
    DivisionFactory(name="Bidang Pelatihan dan Produktivitas", code="pelatihan", sort_order=2)

    organization = of_type(json_ld(client.get("/id/profil/").text), "GovernmentOrganization")

    assert organization["name"] == SiteSettings.load().office_name
    assert organization["url"] == "http://localhost/id/profil/"
    assert organization["address"]["@type"] == "PostalAddress"
    assert organization["address"]["streetAddress"] == "Jl. Merdeka No. 1, Palembang 30131"
    assert organization["address"]["addressCountry"] == "ID"
    assert organization["telephone"] == "(0711) 352 301"
    location = organization["location"]
    assert location["geo"] == {"@type": "GeoCoordinates", "latitude": -2.990934, "longitude": 104.756554}
    assert location["openingHoursSpecification"][0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert location["openingHoursSpecification"][0]["opens"] == "08:00"
    assert [entry["name"] for entry in organization["department"]] == [
        "Sekretariat",
        "Bidang Pelatihan dan Produktivitas",
    ]
    assert organization["department"][0]["@type"] == "GovernmentOrganization"


def test_office_profile_links_to_the_access_point_directory(client, profile, homes):
    AccessPointIndexPageFactory(parent=homes.id)

    assert 'href="/id/titik-layanan/"' in client.get("/id/profil/").text


# --- The directory ---------------------------------------------------------------


@pytest.fixture
def directory(homes):
    index = AccessPointIndexPageFactory(parent=homes.id)
    AccessPointPageFactory(
        parent=index, title="Loket Pelayanan Kantor Disnaker", slug="loket", district="bukit-kecil"
    )
    AccessPointPageFactory(
        parent=index,
        title="Kios Internet Perpustakaan",
        slug="kios-perpustakaan",
        kind=INTERNET_KIOSK,
        district="ilir-timur-i",
    )
    AccessPointPageFactory(
        parent=index,
        title="Kios Internet Sukarami",
        slug="kios-sukarami",
        kind=INTERNET_KIOSK,
        district="sukarami",
    )
    AccessPointPageFactory(
        parent=index,
        title="Balai Warga Sukabangun",
        slug="balai-warga",
        kind=COMMUNITY_CENTRE,
        district="sukarami",
    )
    return index


ALL_TITLES = [
    "Loket Pelayanan Kantor Disnaker",
    "Kios Internet Perpustakaan",
    "Kios Internet Sukarami",
    "Balai Warga Sukabangun",
]


def shown(text):
    return [title for title in ALL_TITLES if title in text]


def test_directory_lists_access_points_as_cards_with_kind_address_and_hours(client, directory):
    text = client.get("/id/titik-layanan/").text

    assert shown(text) == ALL_TITLES
    assert 'href="/id/titik-layanan/kios-sukarami/"' in text
    assert "Jl. Merdeka No. 1, Kelurahan 22 Ilir" in text
    assert "Senin–Jumat 08.00–15.00" in text
    assert "Kecamatan Sukarami" in text or "Sukarami district" in text


def test_directory_filters_by_kind(client, directory):
    text = client.get("/id/titik-layanan/", {"kind": INTERNET_KIOSK}).text

    assert shown(text) == ["Kios Internet Perpustakaan", "Kios Internet Sukarami"]
    assert f'<option value="{INTERNET_KIOSK}" selected>' in text


def test_directory_filters_by_district(client, directory):
    text = client.get("/id/titik-layanan/", {"district": "sukarami"}).text

    assert shown(text) == ["Kios Internet Sukarami", "Balai Warga Sukabangun"]


def test_directory_combines_kind_and_district(client, directory):
    text = client.get("/id/titik-layanan/", {"kind": INTERNET_KIOSK, "district": "sukarami"}).text

    assert shown(text) == ["Kios Internet Sukarami"]


def test_directory_says_so_when_nothing_matches(client, directory):
    text = client.get("/id/titik-layanan/", {"kind": PUBLIC_SERVICE_MALL}).text

    assert shown(text) == []
    assert 'class="card"' not in text


@pytest.mark.parametrize(
    "query",
    [
        "?kind=zzz",
        "?district=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?page=abc",
        "?page=-1",
        "?page=99999",
        "?kind=zzz&district=nowhere&page=abc",
        "?kind=internet_kiosk&kind=zzz",
    ],
)
def test_directory_ignores_bad_parameters(client, directory, query):
    response = client.get(f"/id/titik-layanan/{query}")

    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text


def test_directory_ignores_unknown_values_and_lists_everything(client, directory):
    text = client.get("/id/titik-layanan/?kind=zzz&district=%3Cscript%3E").text

    assert shown(text) == ALL_TITLES


def test_directory_leaves_out_drafts_and_private_access_points(client, directory):
    AccessPointPageFactory(parent=directory, title="Kios Draf", slug="draf", live=False)
    private = AccessPointPageFactory(parent=directory, title="Kios Tertutup", slug="tertutup")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    text = client.get("/id/titik-layanan/").text

    assert "Kios Draf" not in text
    assert "Kios Tertutup" not in text
    assert len(shown(text)) == 4


def test_directory_paginates_and_keeps_the_filter(client, directory, monkeypatch):
    monkeypatch.setattr(AccessPointIndexPage, "per_page", 1)

    first = client.get("/id/titik-layanan/", {"district": "sukarami"}).text
    second = client.get("/id/titik-layanan/", {"district": "sukarami", "page": "2"}).text

    assert shown(first) == ["Kios Internet Sukarami"]
    assert shown(second) == ["Balai Warga Sukabangun"]
    assert "?district=sukarami&amp;page=2" in first


def test_directory_filter_form_works_without_javascript(client, directory):
    text = client.get("/id/titik-layanan/").text
    form = re.search(
        r'<form class="filter-form" method="get" action="/id/titik-layanan/".*?</form>', text, re.S
    )

    assert form
    assert re.search(r'<label[^>]*for="id_kind"', form.group(0))
    assert re.search(r'<label[^>]*for="id_district"', form.group(0))
    assert 'type="submit"' in form.group(0)
    assert "Seberang Ulu II" in form.group(0)


def test_directory_in_english_lists_the_english_access_points(client, directory, translate):
    english_index = translate(directory, title="Access points", slug="access-points")
    kiosk = directory.get_children().get(slug="kios-sukarami").specific
    translate(kiosk, title="Sukarami Internet Kiosk", slug="sukarami-internet-kiosk")

    text = client.get("/en/access-points/").text

    assert "Sukarami Internet Kiosk" in text
    assert "Internet kiosk" in text
    assert "Monday–Friday 08.00–15.00" in text
    assert shown(text) == []
    assert english_index.url == "/en/access-points/"


# --- Access point pages ---------------------------------------------------------------


@pytest.fixture
def kiosk(directory, translate):
    division = DivisionFactory(name="Bidang Penempatan", code="penempatan")
    english_division = translate_division(division, name="Placement Division")
    page = AccessPointPageFactory(
        parent=directory,
        title="Kios Internet Kelurahan Sukabangun",
        slug="kios-sukabangun",
        kind=INTERNET_KIOSK,
        district="sukarami",
        address="Balai Warga Sukabangun\nJl. Sukabangun II No. 12",
        latitude="-2.938000",
        longitude="104.719000",
        opening_hours=hours((0, 3, "08:00:00", "16:00:00"), (5, 5, "09:00:00", "12:00:00")),
        activities=items("Mencari lowongan di Karirhub", "Mendaftar akun SIAPkerja"),
        phone="0812 7000 1111",
        accessibility="Pintu masuk tanpa tangga; kursi tunggu tersedia.",
        division=division,
    )
    translate(directory, title="Access points", slug="access-points")
    english = translate(
        page,
        title="Sukabangun Internet Kiosk",
        slug="sukabangun-internet-kiosk",
        activities=items("Search vacancies on Karirhub", "Register a SIAPkerja account"),
        accessibility="Step-free entrance; waiting chairs.",
        division=english_division,
    )
    return page, english


def test_access_point_page_renders_in_indonesian_with_its_fields(client, kiosk, homes):
    OfficePageFactory(parent=homes.id)

    response = client.get("/id/titik-layanan/kios-sukabangun/")

    assert response.status_code == 200
    text = response.text
    assert '<h1 class="page-title">Kios Internet Kelurahan Sukabangun</h1>' in text
    assert "Balai Warga Sukabangun<br>Jl. Sukabangun II No. 12" in text
    assert "Sukarami" in text
    assert "<li>Mencari lowongan di Karirhub</li>" in text
    assert 'href="tel:081270001111"' in text
    assert "Pintu masuk tanpa tangga; kursi tunggu tersedia." in text
    assert 'href="/id/profil/#bidang-penempatan"' in text and "Bidang Penempatan" in text


def test_access_point_page_renders_in_english_with_translated_labels(client, kiosk):
    response = client.get("/en/access-points/sukabangun-internet-kiosk/")

    assert response.status_code == 200
    text = response.text
    assert '<h1 class="page-title">Sukabangun Internet Kiosk</h1>' in text
    assert "Internet kiosk" in text
    assert "What you can do here" in text
    assert "<li>Register a SIAPkerja account</li>" in text
    assert "Step-free entrance; waiting chairs." in text
    assert "Placement Division" in text


def test_access_point_page_shows_the_division_in_the_page_language_even_when_linked_to_the_original(
    client, kiosk, translate
):
    page, english = kiosk
    english.division = page.division
    english.save_revision().publish()

    text = client.get("/en/access-points/sukabangun-internet-kiosk/").text

    assert "Placement Division" in text


def test_access_point_page_shows_opening_hours_with_translated_day_names(client, kiosk):
    id_text = client.get("/id/titik-layanan/kios-sukabangun/").text
    en_text = client.get("/en/access-points/sukabangun-internet-kiosk/").text

    assert "Senin–Kamis" in id_text and "Sabtu" in id_text
    assert "Monday–Thursday" in en_text and "Saturday" in en_text


def test_access_point_page_links_to_a_map_and_embeds_nothing(client, kiosk):
    text = client.get("/id/titik-layanan/kios-sukabangun/").text

    assert 'href="https://www.openstreetmap.org/?mlat=-2.938&amp;mlon=104.719#map=17/-2.938/104.719"' in text
    assert "-2.938, 104.719" in text
    assert_no_third_party_embeds(text)


def test_access_point_page_json_ld_describes_a_government_office(client, kiosk):
    office = of_type(
        json_ld(client.get("/en/access-points/sukabangun-internet-kiosk/").text), "GovernmentOffice"
    )

    assert office["@context"] == "https://schema.org"
    assert office["name"] == "Sukabangun Internet Kiosk"
    assert office["url"] == "http://localhost/en/access-points/sukabangun-internet-kiosk/"
    assert office["address"]["streetAddress"] == "Balai Warga Sukabangun, Jl. Sukabangun II No. 12"
    assert office["address"]["addressLocality"] == "Palembang"
    assert office["geo"] == {"@type": "GeoCoordinates", "latitude": -2.938, "longitude": 104.719}
    assert office["openingHoursSpecification"][1] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["https://schema.org/Saturday"],
        "opens": "09:00",
        "closes": "12:00",
    }
    assert office["telephone"] == "0812 7000 1111"
    assert office["parentOrganization"]["name"] == SiteSettings.load().office_name


def test_access_point_page_without_coordinates_has_no_map_link(client, directory):
    AccessPointPageFactory(parent=directory, slug="tanpa-peta", latitude=None, longitude=None)

    text = client.get("/id/titik-layanan/tanpa-peta/").text

    assert "openstreetmap" not in text
    assert '"geo"' not in text
