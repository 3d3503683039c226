from io import StringIO

import pytest
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from wagtail.models import (  # noqa: E402
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Task,
    Workflow,
    WorkflowPage,
)

from governance.models import DivisionRoles, DivisionSection  # noqa: E402
from governance.roles import ADMIN_GROUP_NAME, setup_roles  # noqa: E402
from home.tests.factories import StandardPageFactory  # noqa: E402
from offices.tests.factories import DivisionFactory  # noqa: E402
from services.tests.factories import ServiceIndexPageFactory, ServicePageFactory  # noqa: E402

pytestmark = pytest.mark.django_db


def _fresh(user):
    """The user without Wagtail's per-request permission cache."""
    return type(user).objects.get(pk=user.pk)


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Group,
            GroupPagePermission,
            GroupCollectionPermission,
            Collection,
            Task,
            Workflow,
            WorkflowPage,
            DivisionRoles,
            DivisionSection,
        )
    }


def test_running_setup_roles_twice_creates_nothing_new(governed):
    before = _counts()

    setup_roles()

    assert _counts() == before


def test_the_management_command_is_idempotent_too(governed):
    before = _counts()

    call_command("setup_roles", stdout=StringIO())

    assert _counts() == before


def test_each_division_gets_an_editors_and_a_moderators_group_and_its_workflow(governed):
    names = set(Group.objects.values_list("name", flat=True))

    assert {
        ADMIN_GROUP_NAME,
        "Editors – Bidang Penempatan",
        "Moderators – Bidang Penempatan",
        "Editors – Bidang Pelatihan",
        "Moderators – Bidang Pelatihan",
    } <= names
    assert governed.roles_a.workflow.name == "Persetujuan kepala bidang – Bidang Penempatan"


def test_a_renamed_division_keeps_its_groups(governed):
    governed.division_a.name = "Bidang Penempatan Tenaga Kerja"
    governed.division_a.save()

    setup_roles()

    roles = DivisionRoles.objects.get(division=governed.division_a)
    assert roles.editors == governed.roles_a.editors
    assert DivisionRoles.objects.count() == 2


def test_a_division_and_its_translation_share_one_set_of_roles(governed):
    english = governed.division_a.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Placement Division"
    english.save()

    setup_roles()

    assert (
        DivisionRoles.objects.filter(division__translation_key=governed.division_a.translation_key).count()
        == 1
    )


def test_the_service_pages_of_a_division_become_its_sections(homes):
    division = DivisionFactory(name="Bidang Hubungan Industrial", code="hubungan-industrial")
    directory = ServiceIndexPageFactory(parent=homes.id)
    service = ServicePageFactory(parent=directory, division=division)
    ServicePageFactory(parent=directory, division=None)

    setup_roles()

    assert list(DivisionSection.objects.filter(division=division).values_list("page", flat=True)) == [
        service.pk
    ]


def test_a_section_added_in_the_admin_gives_the_editors_that_page_at_once(governed):
    extra = StandardPageFactory(parent=governed.homes.id, title="Bursa kerja khusus", slug="bkk")
    assert not extra.permissions_for_user(governed.editor_a).can_edit()

    section = DivisionSection.objects.create(division=governed.division_a, page=extra)

    assert extra.permissions_for_user(_fresh(governed.editor_a)).can_edit()
    section.delete()
    assert not extra.permissions_for_user(_fresh(governed.editor_a)).can_edit()


def test_a_section_counts_in_every_language(governed, translate):
    english = translate(governed.section_a, title="Placement", slug="placement")

    setup_roles()

    assert english.permissions_for_user(governed.editor_a).can_edit()
    assert english.get_workflow() == governed.roles_a.workflow
    assert not english.permissions_for_user(governed.editor_b).can_edit()


def test_division_groups_get_no_settings_snippets_users_or_translation_rights(governed):
    for user in (governed.editor_a, governed.moderator_a):
        assert user.has_perm("wagtailadmin.access_admin")
        assert not user.has_perm("core.change_sitesettings")
        assert not user.has_perm("core.change_navigationmenu")
        assert not user.has_perm("auth.change_user")
        assert not user.has_perm("wagtail_localize.submit_translation")


def test_administrators_have_every_permission_on_the_whole_tree(governed):
    admin = governed.admin

    assert admin.has_perm("core.change_sitesettings")
    assert admin.has_perm("wagtail_localize.submit_translation")
    assert governed.homes.id.permissions_for_user(admin).can_publish()
    assert governed.page_b.permissions_for_user(admin).can_publish()


def test_a_new_service_of_a_division_joins_its_sections_when_setup_roles_runs_again(governed):
    directory = ServiceIndexPageFactory(parent=governed.homes.id)
    service = ServicePageFactory(parent=directory, division=governed.division_a)

    setup_roles()

    assert service.permissions_for_user(_fresh(governed.editor_a)).can_edit()
    assert not service.permissions_for_user(_fresh(governed.editor_b)).can_edit()
