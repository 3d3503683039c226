"""An editor publishes in Indonesian and translates into English in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-123")


def test_submitting_a_page_for_translation_creates_its_english_draft(client, homes, editor):
    page = StandardPageFactory(parent=homes.id, slug="syarat-kartu", title="Syarat kartu kuning")
    english = Locale.objects.get(language_code="en")
    client.force_login(editor)

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )

    assert response.status_code == 302
    translation = page.get_translation(english)
    assert translation.title == "Syarat kartu kuning"
    assert translation.get_parent().specific == homes.en


def test_translated_page_is_served_under_the_english_prefix_once_published(client, homes, translate):
    page = StandardPageFactory(parent=homes.id, slug="syarat-kartu", title="Syarat kartu kuning")
    translate(page, title="Yellow card requirements", slug="yellow-card-requirements")

    response = client.get("/en/yellow-card-requirements/")

    assert response.status_code == 200
    assert "Yellow card requirements" in response.text
    assert client.get("/id/syarat-kartu/").status_code == 200
