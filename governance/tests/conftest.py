"""Two divisions, each running one section (a page with one child page), and
a user per role. Models are imported inside fixtures: the test modules skip
themselves while ``governance`` is not in INSTALLED_APPS."""

from types import SimpleNamespace

import pytest

from tests.shared_data import shared_layer


def build_governed(homes):
    from governance.models import DivisionSection
    from governance.roles import setup_roles
    from home.tests.factories import StandardPageFactory
    from offices.tests.factories import DivisionFactory

    from .factories import UserFactory

    division_a = DivisionFactory(name="Bidang Penempatan", code="penempatan")
    division_b = DivisionFactory(name="Bidang Pelatihan", code="pelatihan")
    section_a = StandardPageFactory(parent=homes.id, title="Penempatan", slug="penempatan")
    section_b = StandardPageFactory(parent=homes.id, title="Pelatihan", slug="pelatihan")
    page_a = StandardPageFactory(parent=section_a, title="Bursa kerja", slug="bursa-kerja")
    page_b = StandardPageFactory(parent=section_b, title="Pelatihan las", slug="pelatihan-las")
    DivisionSection.objects.create(division=division_a, page=section_a)
    DivisionSection.objects.create(division=division_b, page=section_b)
    result = setup_roles()
    roles = {roles.division.code: roles for roles in result.divisions}
    roles_a, roles_b = roles["penempatan"], roles["pelatihan"]
    return SimpleNamespace(
        homes=homes,
        division_a=division_a,
        division_b=division_b,
        section_a=section_a,
        section_b=section_b,
        page_a=page_a,
        page_b=page_b,
        roles_a=roles_a,
        roles_b=roles_b,
        administrators=result.administrators,
        editor_a=UserFactory(username="editor_a", groups=[roles_a.editors]),
        moderator_a=UserFactory(username="moderator_a", groups=[roles_a.moderators]),
        editor_b=UserFactory(username="editor_b", groups=[roles_b.editors]),
        moderator_b=UserFactory(username="moderator_b", groups=[roles_b.moderators]),
        admin=UserFactory(username="admin_perencanaan", groups=[result.administrators]),
        outsider=UserFactory(username="outsider"),
    )


@pytest.fixture
@shared_layer("governed", build_governed, below="homes")
def governed(homes, shared_data):
    """Built once for the tests that can share it (tests/shared_data.py)."""
    return shared_data.get("governed", homes)
