import pytest
from django.template.loader import render_to_string

from faq import services
from faq.tests.factories import FAQCategoryFactory, FAQEntryFactory, FAQEntryServiceFactory, locale, votes
from services.tests.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(homes):
    directory = ServiceIndexPageFactory(parent=homes.id)
    return ServicePageFactory(parent=directory, title="Kartu kuning", slug="kartu-kuning")


def test_related_entries_are_the_live_ones_linked_to_the_service(service, category):
    linked = FAQEntryFactory(category=category)
    FAQEntryServiceFactory(entry=linked, service=service)
    draft = FAQEntryFactory(category=category, live=False)
    FAQEntryServiceFactory(entry=draft, service=service)
    FAQEntryFactory(category=category)  # not linked

    assert services.related_entries(service) == [linked]


def test_related_entries_most_helpful_first(service, category):
    lucky, tried = FAQEntryFactory(category=category), FAQEntryFactory(category=category)
    for entry in (lucky, tried):
        FAQEntryServiceFactory(entry=entry, service=service)
    votes(lucky, 1, 0)
    votes(tried, 20, 2)

    assert services.related_entries(service) == [tried, lucky]


def test_a_link_on_the_indonesian_entry_shows_on_the_english_service(service, translate, category):
    translate(service.get_parent(), title="Services", slug="services")
    service_en = translate(service, title="Job-seeker card", slug="job-seeker-card")
    entry_id = FAQEntryFactory(category=category)
    FAQEntryServiceFactory(entry=entry_id, service=service)
    entry_en = FAQEntryFactory(
        category=FAQCategoryFactory(locale=locale("en")), translation_key=entry_id.translation_key
    )

    assert services.related_entries(service_en) == [entry_en]


def test_include_lists_the_questions_with_their_links(rf, service, faq_page, category):
    entry = FAQEntryFactory(category=category, question="Berapa lama kartu berlaku?", slug="masa-berlaku")
    FAQEntryServiceFactory(entry=entry, service=service)

    html = render_to_string(
        "faq/includes/related_questions.html", {"service": service, "request": rf.get("/")}
    )

    assert f'<a href="{faq_page.url}q/masa-berlaku/">Berapa lama kartu berlaku?</a>' in html


def test_include_is_empty_without_questions(rf, service, faq_page):
    html = render_to_string(
        "faq/includes/related_questions.html", {"service": service, "request": rf.get("/")}
    )

    assert html.strip() == ""


def test_question_page_links_its_services(client, service, faq_page, category):
    entry = FAQEntryFactory(category=category, slug="biaya")
    FAQEntryServiceFactory(entry=entry, service=service)

    html = client.get(faq_page.url + "q/biaya/").content.decode()

    assert f'<a href="{service.url}">Kartu kuning</a>' in html
