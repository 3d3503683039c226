"""An editor of division A does not read division B's applications."""

import pytest
from django.urls import reverse

from governance.models import DivisionSection
from services.models import ServiceSubmission
from services.tests.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications(governed):
    directory = ServiceIndexPageFactory(parent=governed.homes.id)
    submissions = {}
    for key, division in (("a", governed.division_a), ("b", governed.division_b)):
        service = ServicePageFactory(parent=directory, division=division)
        DivisionSection.objects.create(division=division, page=service)
        submissions[key] = ServiceSubmission.objects.create(
            reference=f"LYN-2026-00000{len(submissions) + 1}",
            service=service,
            service_title=service.title,
            language="id",
        )
    return submissions


def test_the_application_list_shows_only_the_editor_division(governed, applications, client):
    client.force_login(governed.editor_a)

    content = client.get(reverse("applications:index")).content.decode()

    assert applications["a"].reference in content
    assert applications["b"].reference not in content


def test_an_editor_cannot_open_another_division_application(governed, applications, client):
    client.force_login(governed.editor_a)

    response = client.get(reverse("applications:inspect", args=[applications["b"].pk]))

    assert response.status_code in (302, 403, 404)
    assert applications["b"].reference not in response.content.decode()


def test_the_editor_opens_their_own_division_application(governed, applications, client):
    client.force_login(governed.editor_a)

    response = client.get(reverse("applications:inspect", args=[applications["a"].pk]))

    assert response.status_code == 200


@pytest.fixture
def tickets(governed):
    from feedback.tests.factories import FeedbackTicketFactory

    return {
        "a": FeedbackTicketFactory(division=governed.division_a, subject="Loket bidang A"),
        "b": FeedbackTicketFactory(assigned_division=governed.division_b, subject="Loket bidang B"),
        "none": FeedbackTicketFactory(subject="Tanpa bidang"),
    }


def test_the_ticket_inbox_shows_only_the_editor_division(governed, tickets, client):
    client.force_login(governed.editor_a)

    content = client.get(reverse("feedback_tickets:index")).content.decode()

    assert tickets["a"].reference in content
    assert tickets["b"].reference not in content
    assert tickets["none"].reference not in content


def test_an_editor_cannot_open_or_act_on_another_division_ticket(governed, tickets, client):
    client.force_login(governed.editor_a)

    # A 404 under /admin/ is redirected to the language-prefixed path, which is a 404 too.
    opened = client.get(reverse("feedback_tickets:inspect", args=[tickets["b"].pk]), follow=True)
    acted = client.post(
        reverse("feedback_tickets:action", args=[tickets["b"].pk, "note"]),
        {"text": "dibaca bidang A"},
        follow=True,
    )

    assert opened.status_code == 404
    assert tickets["b"].reference not in opened.content.decode()
    assert acted.status_code == 404
    assert not tickets["b"].events.exists()


def test_administrators_see_every_ticket(governed, tickets, client):
    client.force_login(governed.admin)

    content = client.get(reverse("feedback_tickets:index")).content.decode()

    assert all(ticket.reference in content for ticket in tickets.values())
