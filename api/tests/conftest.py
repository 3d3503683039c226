import pytest
from wagtail.models import Locale, PageViewRestriction

from core.demo import upsert_translation
from home.tests.factories import body
from news.tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from offices.tests.factories import (
    AccessPointIndexPageFactory,
    AccessPointPageFactory,
    DivisionFactory,
    OfficePageFactory,
)
from regulations.tests.factories import RegulationIndexPageFactory, RegulationPageFactory, pdf_document
from services.tests.factories import ServiceIndexPageFactory, ServiceLegalBasisFactory, ServicePageFactory
from tests.shared_data import shared_layer


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, response.json()


def build_site(homes):
    english = Locale.objects.get(language_code="en")

    def translate(page, **fields):
        return upsert_translation(page, english, **fields)

    regulations = RegulationIndexPageFactory(parent=homes.id)
    regulation = RegulationPageFactory(
        parent=regulations,
        title="Penyelenggaraan Pelayanan Publik",
        slug="perwali-44-2016",
        number="44",
        year=2016,
        pdf=pdf_document(),
    )
    translate(regulations, title="Regulations", slug="regulations")
    regulation_en = translate(regulation, title="Public service delivery", slug="mayor-regulation-44-2016")

    division = DivisionFactory(name="Bidang Penempatan Tenaga Kerja", code="penempatan")
    services = ServiceIndexPageFactory(parent=homes.id)
    service = ServicePageFactory(
        parent=services, title="Kartu Pencari Kerja (AK/I)", slug="kartu-kuning", division=division
    )
    ServiceLegalBasisFactory(page=service, regulation=regulation, note="Pasal 5")
    service.save_revision().publish()
    translate(services, title="Services", slug="services")
    service_en = translate(service, title="Job-seeker card (AK/I)", slug="job-seeker-card", summary="A card.")

    news_index = NewsIndexPageFactory(parent=homes.id)
    news = NewsPageFactory(
        parent=news_index, title="Bursa kerja 2026", slug="bursa-kerja-2026", tags=["Lowongan"]
    )
    events = EventIndexPageFactory(parent=homes.id)
    event = EventPageFactory(parent=events, registration_url="https://example.org/daftar")

    offices = AccessPointIndexPageFactory(parent=homes.id)
    access_point = AccessPointPageFactory(parent=offices, division=division)
    office = OfficePageFactory(parent=homes.id)

    from home.tests.factories import StandardPageFactory

    standard = StandardPageFactory(
        parent=homes.id,
        title="Tentang data",
        slug="tentang-data",
        summary="Ringkas.",
        body=body(("paragraph", "<p>Isi.</p>")),
    )
    draft = ServicePageFactory(parent=services, title="Layanan draf", slug="layanan-draf", live=False)
    private = ServicePageFactory(parent=services, title="Layanan rahasia", slug="layanan-rahasia")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return {
        "homes": homes,
        "regulation": regulation,
        "regulation_en": regulation_en,
        "service": service,
        "service_en": service_en,
        "division": division,
        "news": news,
        "event": event,
        "access_point": access_point,
        "office": office,
        "standard": standard,
        "draft": draft,
        "private": private,
    }


@pytest.fixture
@shared_layer("site", build_site, below="homes")
def site(homes, shared_data):
    """A small bilingual site: one page of each type the API describes, a draft and a
    private page (built once for the tests that can share it: tests/shared_data.py)."""
    return shared_data.get("site", homes)
