"""The demo content: a complete, bilingual directory, robust when other apps' content is missing."""

import io

import pytest

from offices.tests.factories import DivisionFactory
from regulations.tests.factories import RegulationIndexPageFactory, RegulationPageFactory
from services import demo
from services.choices import HowToApply
from services.models import JourneyPage, JourneyStep, ServiceIndexPage, ServiceLegalBasis, ServicePage

pytestmark = pytest.mark.django_db


def services_in(language):
    return ServicePage.objects.filter(locale__language_code=language)


def test_demo_seeds_a_bilingual_directory_that_renders_and_running_twice_adds_nothing(homes, client):
    demo.seed(homes)
    counts = (ServicePage.objects.count(), JourneyPage.objects.count(), JourneyStep.objects.count())
    demo.seed(homes)

    index = ServiceIndexPage.objects.get(locale__language_code="id")
    index_en = ServiceIndexPage.objects.get(locale__language_code="en")
    assert (index.slug, index.title, index.show_in_menus) == ("layanan", "Layanan", True)
    assert (index_en.slug, index_en.title) == ("services", "Services")
    assert index.pledge and index_en.pledge
    assert (ServicePage.objects.count(), JourneyPage.objects.count(), JourneyStep.objects.count()) == counts
    assert services_in("id").count() == services_in("en").count() >= 10
    assert services_in("id").filter(how_to_apply=HowToApply.ONLINE_FORM).count() >= 3
    external = services_in("id").filter(how_to_apply=HowToApply.EXTERNAL)
    assert set(external.values_list("external_system", flat=True)) == {"SIAPkerja", "WLKP"}
    journey = JourneyPage.objects.get(locale__language_code="id", title="Dari pencari kerja ke penempatan")
    assert JourneyPage.objects.get(
        translation_key=journey.translation_key, locale__language_code="en"
    ).title == ("From job seeker to placement")
    assert journey.steps.count() == 3
    for page in [*ServicePage.objects.all(), *JourneyPage.objects.all(), index, index_en]:
        assert client.get(page.url).status_code == 200, page.url


def test_demo_links_regulations_and_divisions_that_exist(homes, client):
    library = RegulationIndexPageFactory(parent=homes.id)
    RegulationPageFactory(parent=library, slug="uu-13-2003", title="Ketenagakerjaan", number="13", year=2003)
    placement = DivisionFactory(code="penempatan", name="Bidang Penempatan")

    demo.seed(homes)

    card = services_in("id").get(slug="kartu-pencari-kerja-ak1")
    assert card.division == placement
    assert [basis.regulation.slug for basis in ServiceLegalBasis.objects.filter(page=card)] == ["uu-13-2003"]
    assert "Ketenagakerjaan" in client.get("/id/layanan/kartu-pencari-kerja-ak1/").content.decode()


def test_the_demo_back_end_follows_the_development_servers_address():
    backend = demo.point_dev_backend_at("http://127.0.0.1:8765/")

    backend.refresh_from_db()
    assert backend.endpoint_url == "http://127.0.0.1:8765/integrations/dev-backend/dev/"


def test_the_demo_back_end_moves_with_the_server_when_seeded_again():
    demo.point_dev_backend_at("http://127.0.0.1:8765")
    backend = demo.point_dev_backend_at("http://0.0.0.0:9000")

    assert backend.endpoint_url == "http://0.0.0.0:9000/integrations/dev-backend/dev/"


def test_a_back_end_staff_pointed_elsewhere_is_left_alone():
    backend = demo.dev_backend()
    backend.endpoint_url = "https://layanan.palembang.example/api/permohonan/"
    backend.save()

    demo.point_dev_backend_at("http://127.0.0.1:8765")

    backend.refresh_from_db()
    assert backend.endpoint_url == "https://layanan.palembang.example/api/permohonan/"


def test_seed_demo_points_the_back_end_at_the_given_base_url(homes, monkeypatch):
    from django.core.management import call_command

    from home.management.commands import seed_demo
    from integrations.models import TransactionBackend

    monkeypatch.setattr(seed_demo, "SEEDERS", ["services.demo"])  # the rest is not what this is about
    call_command("seed_demo", "--base-url", "http://127.0.0.1:8765", stdout=io.StringIO())

    assert TransactionBackend.objects.get(slug="dev").endpoint_url == (
        "http://127.0.0.1:8765/integrations/dev-backend/dev/"
    )
