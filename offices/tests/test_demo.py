import pytest
from wagtail.models import Page

from offices import demo
from offices.models import AccessPointPage, Division

pytestmark = pytest.mark.django_db


def test_demo_seeds_five_divisions_in_both_languages_and_is_idempotent(homes):
    demo.seed(homes)
    counts = (Division.objects.count(), Page.objects.count(), AccessPointPage.objects.count())
    demo.seed(homes)

    assert (Division.objects.count(), Page.objects.count(), AccessPointPage.objects.count()) == counts
    assert list(Division.objects.filter(locale__language_code="id").values_list("code", flat=True)) == [
        "sekretariat",
        "perencanaan",
        "penempatan",
        "pelatihan",
        "hubungan-industrial",
    ]
    assert Division.objects.filter(locale__language_code="en").count() == 5
    assert AccessPointPage.objects.filter(locale__language_code="en").count() >= 5


def test_demo_pages_render_in_both_languages(client, homes):
    demo.seed(homes)

    profile = client.get("/id/profil/")
    directory = client.get("/en/access-points/")
    kiosk = client.get("/en/access-points/city-library-internet-kiosk/")

    assert profile.status_code == 200 and "Bidang Pelatihan dan Produktivitas" in profile.text
    assert directory.status_code == 200 and "Counter at the Palembang Public Service Mall" in directory.text
    assert kiosk.status_code == 200 and "Manpower Planning and Development Division" in kiosk.text


def test_demo_divisions_have_an_address_for_notices_the_same_in_both_languages(homes):
    demo.seed(homes)

    penempatan = Division.objects.get(code="penempatan", locale__language_code="id")
    english = Division.objects.get(code="penempatan", locale__language_code="en")

    assert penempatan.email == english.email == "bidang-penempatan@disnaker-palembang.example"
