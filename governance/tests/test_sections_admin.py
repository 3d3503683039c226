"""Administrators choose each division's sections in the admin."""

import pytest
from django.urls import reverse  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from governance.models import DivisionSection  # noqa: E402
from home.tests.factories import StandardPageFactory  # noqa: E402

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_a_section_and_the_division_editors_can_edit_it(governed, client):
    extra = StandardPageFactory(parent=governed.homes.id, title="Bursa kerja khusus", slug="bkk")
    client.force_login(governed.admin)

    response = client.post(
        reverse("division_sections:add"), {"division": governed.division_a.pk, "page": extra.pk}
    )

    assert response.status_code == 302
    assert DivisionSection.objects.filter(division=governed.division_a, page=extra).exists()
    editor = type(governed.editor_a).objects.get(pk=governed.editor_a.pk)
    assert extra.permissions_for_user(editor).can_edit()


def test_a_section_is_given_to_the_division_in_the_default_language(governed, client):
    english = governed.division_a.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Placement Division"
    english.save()
    extra = StandardPageFactory(parent=governed.homes.id, title="Bursa kerja khusus", slug="bkk")
    client.force_login(governed.admin)

    response = client.post(reverse("division_sections:add"), {"division": english.pk, "page": extra.pk})

    assert response.status_code == 200
    assert response.context["form"].errors["division"]
    assert not DivisionSection.objects.filter(page=extra).exists()
