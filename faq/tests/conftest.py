import pytest

from faq.tests.factories import FAQCategoryFactory, FAQIndexPageFactory, locale


@pytest.fixture
def faq_page(homes):
    """The Indonesian FAQ page under the home page."""
    return FAQIndexPageFactory(parent=homes.id)


@pytest.fixture
def faq_page_en(faq_page, translate):
    return translate(
        faq_page, title="Questions and answers", slug="faq", intro="Answers to common questions."
    )


@pytest.fixture
def category(homes):
    return FAQCategoryFactory(name="Kartu kuning", slug="kartu-kuning", locale=locale("id"))
