import pytest

from home.tests.factories import StandardPageFactory


@pytest.fixture(autouse=True)
def _page_feedback_urls(settings):
    settings.ROOT_URLCONF = "pagefeedback.tests.urls"


@pytest.fixture
def content_page(homes):
    """An Indonesian information page under the home page."""
    return StandardPageFactory(parent=homes.id, title="Kartu pencari kerja", slug="kartu-kuning")


@pytest.fixture
def content_page_en(content_page, translate):
    return translate(content_page, title="Job-seeker card", slug="job-seeker-card")
