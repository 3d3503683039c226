import pytest

from regulations.tests.factories import RegulationIndexPageFactory


@pytest.fixture
def library(homes):
    """The Indonesian regulations library under the home page."""
    return RegulationIndexPageFactory(parent=homes.id)


@pytest.fixture
def library_en(library, translate):
    return translate(library, title="Regulations", slug="regulations", intro="The office's regulations.")
