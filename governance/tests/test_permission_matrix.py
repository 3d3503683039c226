"""Who may open which admin view of a page in division A's section.

Each division's groups against the admin's edit, history, revision compare,
preview, copy, translate, chooser, settings and form-submission views. Wagtail
answers a refusal to a signed-in admin user with a redirect to the dashboard
(DENIED); a user without admin access is sent to the login page (LOGIN).
"""

import pytest
from django.urls import reverse  # noqa: E402

from core.models import SiteSettings  # noqa: E402

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN = "ok", "denied", "login"


def _page_url(name, extra=lambda g: []):
    return lambda g: reverse(f"wagtailadmin_pages:{name}", args=[g.page_a.pk, *extra(g)])


URLS = {
    "edit": _page_url("edit"),
    "history": _page_url("history"),
    "workflow history": _page_url("workflow_history"),
    "revisions compare": _page_url("revisions_compare", lambda g: [g.revisions[0].pk, g.revisions[1].pk]),
    "revision preview": _page_url("revisions_view", lambda g: [g.revisions[0].pk]),
    "preview": _page_url("preview_on_edit"),
    "copy": _page_url("copy"),
    "translate": lambda g: reverse("wagtail_localize:submit_page_translation", args=[g.page_a.pk]),
    "page chooser": lambda g: reverse("wagtailadmin_choose_page_child", args=[g.section_a.pk]),
    "site settings": lambda g: reverse(
        "wagtailsettings:edit", args=["core", "sitesettings", SiteSettings.load().pk]
    ),
    "core snippets": lambda g: reverse("wagtailsnippets_core_navigationmenu:list"),
    "division sections": lambda g: reverse("division_sections:index"),
    "form submissions": lambda g: reverse("wagtailforms:index"),
    "applications": lambda g: reverse("applications:index"),
}

ROLES = ("editor_a", "moderator_a", "editor_b", "moderator_b", "admin", "outsider")
MATRIX = {
    #                     editor_a  moderator_a  editor_b  moderator_b  admin  outsider
    "edit":              (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    "history":           (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    "workflow history":  (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    "revisions compare": (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    "revision preview":  (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    "preview":           (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    "copy":              (OK,       OK,          DENIED,   DENIED,      OK,    LOGIN),
    # wagtail-localize checks one global permission, not the page: administrators only.
    "translate":         (DENIED,   DENIED,      DENIED,   DENIED,      OK,    LOGIN),
    # The chooser lists titles to link to; every admin user may browse it.
    "page chooser":      (OK,       OK,          OK,       OK,          OK,    LOGIN),
    "site settings":     (DENIED,   DENIED,      DENIED,   DENIED,      OK,    LOGIN),
    "core snippets":     (DENIED,   DENIED,      DENIED,   DENIED,      OK,    LOGIN),
    "division sections": (DENIED,   DENIED,      DENIED,   DENIED,      OK,    LOGIN),
    # Lists only the form pages the user can edit.
    "form submissions":  (OK,       OK,          OK,       OK,          OK,    LOGIN),
    # Lists only the applications of services the user can edit (test_division_data).
    "applications":      (OK,       OK,          OK,       OK,          OK,    LOGIN),
}  # fmt: skip


@pytest.fixture
def matrix_setup(governed):
    page = governed.page_a
    governed.revisions = [page.save_revision(user=governed.admin)]
    page.title = "Bursa kerja (diperbarui)"
    governed.revisions.append(page.save_revision(user=governed.admin))
    return governed


def _outcome(response):
    if response.status_code == 200:
        return OK
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    if response.status_code == 403 or (
        response.status_code == 302 and location == reverse("wagtailadmin_home")
    ):
        return DENIED
    return f"HTTP {response.status_code} {location}"


@pytest.mark.parametrize("view", list(MATRIX))
def test_permission_matrix(matrix_setup, client, view):
    """One row of the matrix: every role against one view; a failure shows the whole row."""
    url = URLS[view](matrix_setup)
    outcomes = {}
    for role in ROLES:
        client.force_login(getattr(matrix_setup, role))
        outcomes[role] = _outcome(client.get(url))
        client.logout()

    assert outcomes == dict(zip(ROLES, MATRIX[view], strict=True))
