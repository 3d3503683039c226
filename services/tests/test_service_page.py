"""The published service standard on a ServicePage, and its schema.org data."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.models import SiteSettings
from offices.tests.factories import DivisionFactory, translate_division
from regulations.tests.factories import RegulationIndexPageFactory, RegulationPageFactory
from services.choices import HowToApply
from services.tests.conftest import json_ld
from services.tests.factories import (
    RelatedServiceFactory,
    ServiceLegalBasisFactory,
    ServicePageFactory,
    hours,
)

pytestmark = pytest.mark.django_db

PUBLIC_COMPONENTS = [
    ("requirements", "Requirements"),
    ("procedure", "Procedure"),
    ("time", "Time to complete"),
    ("cost", "Cost"),
    ("product", "What you receive"),
    ("complaints", "Complaints, suggestions and input"),
]
MANAGEMENT_COMPONENTS = [
    ("legal-basis", "Legal basis"),
    ("facilities", "Facilities"),
    ("staff-competence", "Staff competence"),
    ("internal-supervision", "Internal supervision"),
    ("number-of-staff", "Number of staff"),
    ("service-guarantee", "Service guarantee"),
    ("security", "Security and safety guarantee"),
    ("performance-evaluation", "Staff performance evaluation"),
]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def government_service(client, url):
    return next(item for item in json_ld(client.get(url)) if item["@type"] == "GovernmentService")


@pytest.mark.parametrize("language", ["id", "en"])
def test_all_fourteen_components_are_shown_the_six_public_ones_first(client, directory_en, english, language):
    service = ServicePageFactory(parent=directory_en.get_translation(Locale.objects.get(language_code="id")))
    url = f"/id/layanan/{service.slug}/"
    if language == "en":
        english(service, "test-service")
        url = "/en/services/test-service/"

    html = html_of(client, url)

    positions = []
    with translation.override(language):
        for anchor, heading in PUBLIC_COMPONENTS + MANAGEMENT_COMPONENTS:
            assert f'id="{anchor}-title">{_(heading)}</h' in html, anchor
            positions.append(html.index(f'id="{anchor}"'))
    assert positions == sorted(positions)
    assert max(positions[:6]) < min(positions[6:])


def test_components_show_the_editors_values(client, directory):
    service = ServicePageFactory(
        parent=directory,
        number_of_staff=7,
        product="Kartu AK/I, berlaku dua tahun",
        facilities="<p>Ruang laktasi dan kursi roda.</p>",
    )

    html = html_of(client, f"/id/layanan/{service.slug}/")

    assert "KTP asli" in html and "Dibawa saat datang" in html  # a requirement and its note
    assert '<ol class="steps">' in html and "Serahkan berkas" in html  # the procedure as numbered steps
    assert "setelah berkas lengkap" in html  # the note on the time
    assert "Kartu AK/I, berlaku dua tahun" in html
    assert "Ruang laktasi dan kursi roda." in html
    assert "7" in html.split('id="number-of-staff"')[1].split("</section>")[0]


def test_zero_cost_is_shown_as_free_in_both_languages(client, directory_en, english):
    directory = directory_en.get_translation(Locale.objects.get(language_code="id"))
    service = ServicePageFactory(parent=directory, cost=0)
    english(service, "free-service")

    html_id = html_of(client, f"/id/layanan/{service.slug}/")
    html_en = html_of(client, "/en/services/free-service/")

    with translation.override("id"):
        free_id = _("Free")
    assert f'<strong class="service-cost">{free_id}</strong>' in html_id
    assert '<strong class="service-cost">Free</strong>' in html_en
    assert "Rp" not in html_en.split('id="cost"')[1].split("</section>")[0]


def test_a_fee_is_shown_in_rupiah(client, directory):
    service = ServicePageFactory(parent=directory, cost=50000)

    html = html_of(client, f"/id/layanan/{service.slug}/")

    assert '<strong class="service-cost">Rp 50.000</strong>' in html


def test_external_service_has_a_start_button_that_says_you_leave_the_site(client, directory):
    service = ServicePageFactory(
        parent=directory,
        how_to_apply=HowToApply.EXTERNAL,
        external_url="https://account.kemnaker.go.id/",
        external_system="SIAPkerja",
    )

    html = html_of(client, f"/id/layanan/{service.slug}/")
    apply = html.split('id="how-to-apply"')[1].split("</section>")[0]

    with translation.override("id"):
        leaving = _("You will leave this site and continue on %(name)s.") % {"name": "SIAPkerja"}
    assert 'class="button button--start" href="https://account.kemnaker.go.id/"' in apply
    assert leaving in apply
    assert "SIAPkerja" in apply


def test_external_service_in_english_names_the_system(client, directory_en, english):
    directory = directory_en.get_translation(Locale.objects.get(language_code="id"))
    service = ServicePageFactory(
        parent=directory,
        how_to_apply=HowToApply.EXTERNAL,
        external_url="https://wajiblapor.kemnaker.go.id/",
        external_system="WLKP",
    )
    english(service, "manpower-reporting")

    html = html_of(client, "/en/services/manpower-reporting/")

    assert "You will leave this site and continue on WLKP." in html
    assert "Start now" in html


def test_counter_only_service_shows_where_and_when(client, directory):
    service = ServicePageFactory(
        parent=directory,
        how_to_apply=HowToApply.COUNTER,
        counter_location="Loket 3, lantai 1, Kantor Disnaker",
        counter_hours=hours((0, 4, "08:00:00", "15:00:00")),
        counter_phone="0711 123456",
    )

    html = html_of(client, f"/id/layanan/{service.slug}/")
    apply = html.split('id="how-to-apply"')[1].split("</section>")[0]

    assert "Loket 3, lantai 1, Kantor Disnaker" in apply
    assert '<time datetime="08:00">08.00</time>–<time datetime="15:00">15.00</time>' in apply
    assert "0711 123456" in apply
    assert "button--start" not in apply


def test_counter_hours_default_to_the_office_hours(client, directory):
    office = SiteSettings.load()
    office.opening_hours = hours((0, 3, "07:30:00", "16:00:00"))
    office.save()
    service = ServicePageFactory(parent=directory, how_to_apply=HowToApply.COUNTER, counter_hours="[]")

    html = html_of(client, f"/id/layanan/{service.slug}/")

    assert '<time datetime="07:30">07.30</time>' in html.split('id="how-to-apply"')[1]


def test_an_online_form_service_without_a_transaction_back_end_is_refused(directory):
    service = ServicePageFactory.build(how_to_apply=HowToApply.ONLINE_FORM)

    with pytest.raises(ValidationError) as error:
        service.clean()

    assert set(error.value.message_dict) == {"transaction_backend"}


def test_external_service_without_address_or_name_is_refused(directory):
    service = ServicePageFactory.build(how_to_apply=HowToApply.EXTERNAL, external_url="", external_system=" ")

    with pytest.raises(ValidationError) as error:
        service.clean()

    assert set(error.value.message_dict) == {"external_url", "external_system"}
    with translation.override("en"):
        assert "address" in str(error.value.message_dict["external_url"][0])
        assert "name" in str(error.value.message_dict["external_system"][0])


def test_external_service_with_address_and_name_is_accepted(directory):
    service = ServicePageFactory.build(
        how_to_apply=HowToApply.EXTERNAL,
        external_url="https://account.kemnaker.go.id/",
        external_system="SIAPkerja",
    )

    service.clean()


def test_counter_only_service_without_a_place_is_refused(directory):
    service = ServicePageFactory.build(how_to_apply=HowToApply.COUNTER, counter_location="")

    with pytest.raises(ValidationError) as error:
        service.clean()

    assert set(error.value.message_dict) == {"counter_location"}


def test_service_without_an_audience_is_refused(directory):
    service = ServicePageFactory.build(for_citizens=False, for_businesses=False, for_institutions=False)

    with pytest.raises(ValidationError) as error:
        service.clean()

    assert set(error.value.message_dict) == {"for_citizens"}


def test_saving_an_invalid_external_service_fails(directory):
    with pytest.raises(ValidationError):
        ServicePageFactory(
            parent=directory, how_to_apply=HowToApply.EXTERNAL, external_url="", external_system=""
        )


@pytest.fixture
def library(homes):
    return RegulationIndexPageFactory(parent=homes.id)


def test_legal_basis_shows_only_live_regulations_with_their_citation(client, directory, library):
    service = ServicePageFactory(parent=directory)
    live = RegulationPageFactory(
        parent=library, title="Pengembangan Pelayanan Publik", number="44", year=2016
    )
    draft = RegulationPageFactory(parent=library, title="Rancangan peraturan", live=False)
    ServiceLegalBasisFactory(page=service, regulation=live, note="Pasal 5")
    ServiceLegalBasisFactory(page=service, regulation=draft)

    html = html_of(client, f"/id/layanan/{service.slug}/")
    legal = html.split('id="legal-basis"')[1].split("</section>")[0]

    assert f'href="{live.url}"' in legal
    assert str(live.citation) in legal
    assert "Pengembangan Pelayanan Publik" in legal and "Pasal 5" in legal
    assert "Rancangan peraturan" not in legal


def test_legal_basis_links_the_regulation_in_the_readers_language(directory_en, english, library, translate):
    directory = directory_en.get_translation(Locale.objects.get(language_code="id"))
    service = ServicePageFactory(parent=directory)
    regulation = RegulationPageFactory(parent=library, title="Ketenagakerjaan")
    untranslated = RegulationPageFactory(parent=library, title="Belum diterjemahkan")
    ServiceLegalBasisFactory(page=service, regulation=regulation)
    ServiceLegalBasisFactory(page=service, regulation=untranslated)
    translate(library, title="Regulations", slug="regulations")
    regulation_en = translate(regulation, title="Manpower", slug=regulation.slug)
    service_en = english(service, "test-service")

    shown = service_en.legal_basis_regulations()

    assert [item["regulation"].pk for item in shown] == [regulation_en.pk]


def test_legal_basis_lists_other_regulations_line_by_line(client, directory):
    service = ServicePageFactory(
        parent=directory, legal_basis_other="UU Nomor 2 Tahun 2004\n\n  UU Nomor 21 Tahun 2000  "
    )

    legal = (
        html_of(client, f"/id/layanan/{service.slug}/").split('id="legal-basis"')[1].split("</section>")[0]
    )

    assert "<li>UU Nomor 2 Tahun 2004</li>" in legal
    assert "<li>UU Nomor 21 Tahun 2000</li>" in legal


def test_related_services_show_only_live_ones(client, directory):
    service = ServicePageFactory(parent=directory)
    live = ServicePageFactory(parent=directory, title="Pelatihan kerja")
    draft = ServicePageFactory(parent=directory, title="Layanan draf", live=False)
    RelatedServiceFactory(page=service, target=live)
    RelatedServiceFactory(page=service, target=draft)

    html = html_of(client, f"/id/layanan/{service.slug}/")

    assert "Pelatihan kerja" in html
    assert "Layanan draf" not in html


def test_default_complaint_handling_points_to_the_site_complaint_channels(client, directory):
    office = SiteSettings.load()
    office.lapor_url = "https://www.lapor.go.id/"
    office.complaint_email = "pengaduan@palembang.go.id"
    office.complaint_phone = "1708"
    office.save()
    service = ServicePageFactory(parent=directory, complaints="")

    complaints = (
        html_of(client, f"/id/layanan/{service.slug}/").split('id="complaints"')[1].split("</section>")[0]
    )

    assert 'href="https://www.lapor.go.id/"' in complaints
    assert "pengaduan@palembang.go.id" in complaints
    assert "1708" in complaints


def test_editors_complaint_text_replaces_the_default(client, directory):
    service = ServicePageFactory(parent=directory, complaints="<p>Hubungi Kepala Seksi Penempatan.</p>")

    complaints = (
        html_of(client, f"/id/layanan/{service.slug}/").split('id="complaints"')[1].split("</section>")[0]
    )

    assert "Hubungi Kepala Seksi Penempatan." in complaints
    assert "lapor.go.id" not in complaints


def test_responsible_division_is_shown_in_the_readers_language(client, directory_en, english):
    division = DivisionFactory(name="Bidang Penempatan Tenaga Kerja")
    translate_division(division, name="Placement Division")
    directory = directory_en.get_translation(Locale.objects.get(language_code="id"))
    service = ServicePageFactory(parent=directory, division=division)
    english(service, "test-service")

    assert "Bidang Penempatan Tenaga Kerja" in html_of(client, f"/id/layanan/{service.slug}/")
    assert "Placement Division" in html_of(client, "/en/services/test-service/")


def test_government_service_json_ld_describes_the_service(client, directory):
    office = SiteSettings.load()
    office.office_name = "Dinas Tenaga Kerja Kota Palembang"
    office.phone = "(0711) 352 301"
    office.address = "Jl. Merdeka No. 1\nPalembang"
    office.save()
    service = ServicePageFactory(
        parent=directory,
        title="Kartu pencari kerja",
        summary="Kartu kuning untuk melamar kerja.",
        for_citizens=True,
        for_businesses=True,
        cost=50000,
        how_to_apply=HowToApply.EXTERNAL,
        external_url="https://account.kemnaker.go.id/",
        external_system="SIAPkerja",
        counter_location="Loket 1",
    )

    data = government_service(client, f"/id/layanan/{service.slug}/")

    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Kartu pencari kerja"
    assert data["description"] == "Kartu kuning untuk melamar kerja."
    assert data["serviceType"]
    assert data["provider"]["@type"] == "GovernmentOrganization"
    assert data["provider"]["name"] == "Dinas Tenaga Kerja Kota Palembang"
    assert data["areaServed"] == {"@type": "City", "name": "Palembang"}
    assert [audience["@type"] for audience in data["audience"]] == ["PeopleAudience", "BusinessAudience"]
    assert data["offers"] == {"@type": "Offer", "price": "50000", "priceCurrency": "IDR"}
    channel = data["availableChannel"][0]
    assert channel["@type"] == "ServiceChannel"
    assert channel["serviceUrl"] == "https://account.kemnaker.go.id/"
    assert channel["servicePhone"] == {"@type": "ContactPoint", "telephone": "(0711) 352 301"}
    assert channel["serviceLocation"]["@type"] == "Place"
    assert channel["serviceLocation"]["name"] == "Loket 1"


def test_government_service_json_ld_of_a_free_counter_service_points_to_the_page(client, directory):
    service = ServicePageFactory(parent=directory, cost=0, how_to_apply=HowToApply.COUNTER)

    data = government_service(client, f"/id/layanan/{service.slug}/")

    assert data["offers"]["price"] == "0"
    assert data["offers"]["priceCurrency"] == "IDR"
    assert data["availableChannel"][0]["serviceUrl"] == f"http://localhost/id/layanan/{service.slug}/"
