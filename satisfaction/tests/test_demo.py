"""The demo answers: believable, over two quarters, and the same after a second run."""

import pytest

from satisfaction import demo
from satisfaction.models import SurveyInvitation, SurveyResponse
from satisfaction.services import ikm
from services.tests.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def test_demo_answers_cover_the_demo_services_over_two_quarters_and_running_twice_adds_nothing(
    homes, directory
):
    ServicePageFactory(parent=directory, slug="kartu-pencari-kerja-ak1")
    ServicePageFactory(parent=directory, slug="mediasi-perselisihan-hubungan-industrial")

    demo.seed(homes)
    count = SurveyResponse.objects.count()
    demo.seed(homes)

    assert (
        SurveyResponse.objects.count()
        == SurveyInvitation.objects.count()
        == count
        == 2 * 2 * demo.PER_QUARTER
    )
    assert SurveyResponse.objects.values("service_key").distinct().count() == 2
    assert 65 <= ikm(SurveyResponse.objects.all()).index <= 95


def test_demo_skips_services_that_do_not_exist(homes):
    demo.seed(homes)

    assert not SurveyResponse.objects.exists()
