import pytest

from faq import demo
from faq.models import AskedQuestion, FAQEntry, FAQIndexPage

pytestmark = pytest.mark.django_db


def test_demo_has_twenty_bilingual_questions_and_runs_twice(homes, client):
    from services import demo as services_demo

    services_demo.seed(homes)
    demo.seed(homes)
    demo.seed(homes)

    entries_id = FAQEntry.objects.filter(locale__language_code="id", live=True)
    assert entries_id.count() >= 20
    assert FAQEntry.objects.filter(locale__language_code="en", live=True).count() == entries_id.count()
    assert AskedQuestion.objects.filter(status=AskedQuestion.Status.WAITING).count() >= 3
    page = FAQIndexPage.objects.get(slug="tanya-jawab")
    html = client.get(page.url).content.decode()
    assert "Apakah layanan Disnaker dipungut biaya?" in html
    assert client.get("/en/faq/").status_code == 200
    assert FAQEntry.objects.get(slug="cara-membuat-kartu-kuning").related_services.exists()
