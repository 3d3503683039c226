"""Editors can open the service editing forms (tabs, inline panels, choosers)."""

import pytest

from services.tests.factories import JourneyPageFactory, JourneyStepFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["servicepage", "journeypage"])
def test_editor_can_open_the_add_form_under_the_directory(admin_client, directory, model):
    response = admin_client.get(f"/admin/pages/add/services/{model}/{directory.pk}/")

    assert response.status_code == 200


def test_editor_can_open_a_service_with_every_part_of_its_standard(admin_client, directory):
    service = ServicePageFactory(parent=directory)

    html = admin_client.get(f"/admin/pages/{service.pk}/edit/").content.decode()

    fields = ("external_url", "external_system", "counter_location", "time_amount", "performance_evaluation")
    for field in fields:
        assert f'name="{field}"' in html


def test_editor_can_open_a_journey(admin_client, directory):
    journey = JourneyPageFactory(parent=directory)
    JourneyStepFactory(journey=journey, service=ServicePageFactory(parent=directory))

    response = admin_client.get(f"/admin/pages/{journey.pk}/edit/")

    assert response.status_code == 200
    assert 'name="steps-0-service"' in response.content.decode()
