"""Which divisions' tickets, questions and applications a user sees."""

import pytest
from wagtail.models import Locale  # noqa: E402

from governance.scoping import can_see_division, division_ids_for, scope_queryset  # noqa: E402
from offices.models import Division  # noqa: E402

pytestmark = pytest.mark.django_db


def test_administrators_and_superusers_see_every_division(governed, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "x")

    assert division_ids_for(governed.admin) is None
    assert division_ids_for(superuser) is None


def test_an_editor_sees_only_their_division(governed):
    assert division_ids_for(governed.editor_a) == {governed.division_a.pk}
    assert division_ids_for(governed.moderator_b) == {governed.division_b.pk}


def test_a_division_is_seen_in_every_language(governed):
    english = governed.division_a.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()

    assert division_ids_for(governed.editor_a) == {governed.division_a.pk, english.pk}


def test_a_user_in_no_division_group_sees_nothing(governed):
    assert division_ids_for(governed.outsider) == frozenset()
    assert not can_see_division(governed.outsider, governed.division_a.pk)


def test_scope_queryset_keeps_the_rows_of_the_user_divisions(governed):
    divisions = Division.objects.all()

    assert list(scope_queryset(divisions, governed.editor_a, "pk")) == [governed.division_a]
    assert scope_queryset(divisions, governed.admin, "pk").count() == divisions.count()


def test_can_see_division_checks_one_record(governed):
    assert can_see_division(governed.editor_a, governed.division_a.pk)
    assert not can_see_division(governed.editor_a, governed.division_b.pk)
    assert not can_see_division(governed.editor_a, None)
    assert can_see_division(governed.admin, None)
