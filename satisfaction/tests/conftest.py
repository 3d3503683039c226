import pytest
from django.urls import NoReverseMatch, reverse

from services.tests.factories import ServiceIndexPageFactory, ServicePageFactory


@pytest.fixture(autouse=True)
def _survey_urls(settings):
    """The survey's URL, until config/urls.py includes satisfaction.urls."""
    try:
        reverse("satisfaction_survey", kwargs={"token": "x"})
    except NoReverseMatch:
        settings.ROOT_URLCONF = "satisfaction.tests.urls"


@pytest.fixture
def directory(homes):
    return ServiceIndexPageFactory(parent=homes.id)


@pytest.fixture
def directory_en(directory, translate):
    return translate(directory, title="Services", slug="services", intro="All our services.")


@pytest.fixture
def service(directory):
    """An Indonesian service page."""
    return ServicePageFactory(
        parent=directory, title="Kartu pencari kerja (AK/I)", slug="kartu-pencari-kerja"
    )


@pytest.fixture
def service_en(service, directory_en, translate):
    """The English translation of ``service``."""
    return translate(service, title="Job-seeker card (AK/I)", slug="job-seeker-card", summary="The card.")
