"""Journeys: services chained step by step, and a service's place in them."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from services import journeys
from services.tests.conftest import json_ld
from services.tests.factories import JourneyPageFactory, JourneyStepFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_steps(directory):
    card = ServicePageFactory(parent=directory, title="Kartu pencari kerja", slug="kartu")
    training = ServicePageFactory(parent=directory, title="Pelatihan di BLK", slug="pelatihan")
    placement = ServicePageFactory(parent=directory, title="Bursa kerja", slug="bursa")
    journey = JourneyPageFactory(
        parent=directory, title="Dari pencari kerja ke penempatan", slug="perjalanan"
    )
    for order, service in enumerate([card, training, placement]):
        JourneyStepFactory(
            journey=journey, service=service, sort_order=order, explanation=f"Penjelasan {order}"
        )
    return journey, card, training, placement


def test_service_in_a_journey_shows_its_step_with_previous_and_next(client, three_steps):
    journey, card, training, placement = three_steps

    html = client.get("/id/layanan/pelatihan/").content.decode()

    with translation.override("id"):
        step = _('Step %(number)s of %(total)s in <a href="%(url)s">%(title)s</a>') % {
            "number": 2,
            "total": 3,
            "url": "/id/layanan/perjalanan/",
            "title": "Dari pencari kerja ke penempatan",
        }
    nav = html.split('class="journey-position"')[1].split("</nav>")[0]
    assert step in nav
    assert 'href="/id/layanan/kartu/" rel="prev"' in nav
    assert 'href="/id/layanan/bursa/" rel="next"' in nav


def test_position_of_a_service_in_a_journey(three_steps):
    journey, card, training, placement = three_steps

    first, middle, last = (journeys.positions_for(page)[0] for page in (card, training, placement))

    assert (middle.number, middle.total, middle.previous, middle.next) == (2, 3, card, placement)
    assert (first.previous, first.next) == (None, training)
    assert (last.previous, last.next) == (training, None)
    assert middle.journey == journey


def test_english_service_shows_step_2_of_3(client, directory_en, english, translate, three_steps):
    journey, card, training, placement = three_steps
    english(card, "job-seeker-card", title="Job-seeker card")
    english(training, "training", title="Training")
    english(placement, "job-fair", title="Job fair")
    translate(journey, title="From job seeker to placement", slug="journey")

    html = client.get("/en/services/training/").content.decode()

    assert "Step 2 of 3 in" in html
    nav = html.split('class="journey-position"')[1].split("</nav>")[0]
    assert '<a href="/en/services/journey/">From job seeker to placement</a>' in nav
    assert 'href="/en/services/job-seeker-card/" rel="prev"' in nav
    assert 'href="/en/services/job-fair/" rel="next"' in nav


def test_a_service_can_be_in_several_journeys(client, directory, three_steps):
    journey, card, training, placement = three_steps
    other = JourneyPageFactory(parent=directory, title="Kewajiban perusahaan", slug="kewajiban")
    JourneyStepFactory(journey=other, service=placement, sort_order=0)
    JourneyStepFactory(journey=other, service=training, sort_order=1)

    positions = journeys.positions_for(training)
    html = client.get("/id/layanan/pelatihan/").content.decode()

    assert [(p.journey.title, p.number, p.total) for p in positions] == [
        ("Dari pencari kerja ke penempatan", 2, 3),
        ("Kewajiban perusahaan", 2, 2),
    ]
    assert html.count('class="journey-position"') == 2


def test_steps_whose_service_is_not_live_are_left_out_and_not_counted(three_steps):
    journey, card, training, placement = three_steps
    training.unpublish()

    steps = journeys.journey_steps(journey)

    assert [(step.number, step.service.title) for step in steps] == [
        (1, "Kartu pencari kerja"),
        (2, "Bursa kerja"),
    ]
    assert journeys.positions_for(placement)[0].total == 2


def test_draft_journey_is_not_shown_on_its_services(three_steps):
    journey, card, training, placement = three_steps
    journey.unpublish()

    assert journeys.positions_for(training) == []


def test_service_outside_any_journey_has_no_position(client, directory, three_steps):
    alone = ServicePageFactory(parent=directory, slug="sendiri")

    assert journeys.positions_for(alone) == []
    assert 'class="journey-position"' not in client.get("/id/layanan/sendiri/").content.decode()


def test_journey_page_links_each_step_to_its_service_with_its_explanation(client, three_steps):
    html = client.get("/id/layanan/perjalanan/").content.decode()

    steps = html.split('class="steps steps--journey"')[1].split("</ol>")[0]
    assert steps.index('href="/id/layanan/kartu/"') < steps.index('href="/id/layanan/pelatihan/"')
    assert steps.index('href="/id/layanan/pelatihan/"') < steps.index('href="/id/layanan/bursa/"')
    assert "Penjelasan 1" in steps


def test_journey_page_describes_its_steps_as_an_item_list(client, three_steps):
    data = next(
        item for item in json_ld(client.get("/id/layanan/perjalanan/")) if item["@type"] == "ItemList"
    )

    assert [element["name"] for element in data["itemListElement"]] == [
        "Kartu pencari kerja",
        "Pelatihan di BLK",
        "Bursa kerja",
    ]


def test_directory_lists_its_journeys(client, three_steps):
    html = client.get("/id/layanan/").content.decode()

    assert '<a class="card__link" href="/id/layanan/perjalanan/">Dari pencari kerja ke penempatan</a>' in html
