import pytest

from feedback import demo, services
from feedback.models import FeedbackPage, FeedbackTicket, PublishedTicket, TicketStatus, TicketType
from offices.demo import seed_divisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(homes):
    seed_divisions()
    demo.seed(homes)
    return homes


def test_the_demo_has_the_page_in_both_languages(seeded, client):
    assert FeedbackPage.objects.filter(slug="pengaduan", locale__language_code="id").exists()
    assert FeedbackPage.objects.filter(slug="feedback", locale__language_code="en").exists()
    assert client.get("/id/pengaduan/").status_code == 200
    assert client.get("/en/feedback/").status_code == 200


def test_the_demo_has_tickets_in_every_status_a_ppid_request_a_lapor_id_and_an_overdue_one(seeded):
    tickets = list(FeedbackTicket.objects.all())
    assert {ticket.status for ticket in tickets} == set(TicketStatus.values)
    assert any(ticket.type == TicketType.INFORMATION_REQUEST and ticket.extended for ticket in tickets)
    assert any(ticket.lapor_id for ticket in tickets)
    assert any(services.is_overdue(ticket) for ticket in tickets)
    assert PublishedTicket.objects.live().filter(locale__language_code="id").count() == 1
    assert PublishedTicket.objects.live().filter(locale__language_code="en").count() == 1


def test_seeding_twice_changes_nothing(seeded):
    before = (FeedbackTicket.objects.count(), PublishedTicket.objects.count())
    demo.seed(seeded)
    assert (FeedbackTicket.objects.count(), PublishedTicket.objects.count()) == before


def test_the_demo_summary_is_listed_in_each_language_in_that_language(seeded, client):
    indonesian = client.get("/id/pengaduan/published/").text
    english = client.get("/en/feedback/published/").text

    assert "Antrean panjang di loket kartu kuning" in indonesian and "Long queues" not in indonesian
    assert "Long queues at the job-seeker card counter" in english and "Antrean panjang" not in english


def test_the_english_demo_summary_is_a_translation_of_the_indonesian_one(seeded):
    original = PublishedTicket.objects.get(locale__language_code="id")
    english = PublishedTicket.objects.get(locale__language_code="en")

    assert english.translation_key == original.translation_key
    assert original.ticket is not None and english.ticket is None
