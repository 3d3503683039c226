"""Groups, page permissions and approval workflows per division.

``setup_roles()`` (also ``manage.py setup_roles``) is idempotent. It makes:

* the administrators group of the Planning and Development division
  (Article 6, 7(2)): every model permission, every page permission on the
  root page, every image and document permission on the root collection;
* per division (one set for a division and its translations):
  - "Editors – <division>": admin access, add and edit pages in the
    division's sections (no publishing), add and choose images and documents
    in the division's collection and choose any shared one, handle the
    division's applications, tickets and questions; no settings, no snippets,
    no users, no translation submissions;
  - "Moderators – <division>", the division head: the same plus publish,
    lock and unlock in the sections, edit the collection's files, see
    ticket contact details and the division's period reports, and approve
    in the division's workflow;
  - the workflow "Persetujuan kepala bidang – <division>", one group approval
    task for the moderators, assigned to every section page, so an editor's
    "submit for moderation" goes to the division head.

Sections (``DivisionSection``) are pages; each counts in every language (its
translations get the same permissions and workflow). Every service page that
names a division as responsible division is made one of its sections (run
``setup_roles`` again after adding services; ``--no-default-sections`` skips
this). Other sections (news, guides, an office page) are added in the admin.
Saving or deleting a section in the admin re-syncs that division (signals).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import DivisionRoles, DivisionSection

ADMIN_GROUP_NAME = "Administrators (Bidang Perencanaan dan Pengembangan)"
EDITORS_GROUP_NAME = "Editors – {}"
MODERATORS_GROUP_NAME = "Moderators – {}"
WORKFLOW_NAME = "Persetujuan kepala bidang – {}"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# Model permissions ("app_label.codename"); those of apps not installed are skipped.
EDITOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "services.view_servicesubmission",
    "services.change_submission_status",
    "feedback.view_feedbackticket",
    "feedback.change_feedbackticket",
    # Asked questions of the division's categories (faq.wagtail_hooks.visible_questions).
    "faq.view_askedquestion",
    "faq.change_askedquestion",
]
MODERATOR_PERMISSIONS = EDITOR_PERMISSIONS + ["feedback.view_ticket_contact", "reports.view_period_report"]

# Collection permissions: on the division's own collection, and on the root (shared files).
EDITOR_COLLECTION_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + ["change_image", "change_document"]
SHARED_COLLECTION_PERMISSIONS = ["choose_image", "choose_document"]
IMAGE_AND_DOCUMENT_APPS = ["wagtailimages", "wagtaildocs"]


@dataclass
class SetupResult:
    administrators: Group
    divisions: list = field(default_factory=list)  # DivisionRoles, in division order


def _permissions(names):
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def _page_permissions(codenames):
    return list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))


def _collection_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label__in=IMAGE_AND_DOCUMENT_APPS, codename__in=codenames)
    )


def _sync_rows(model, group, wanted, target):
    """Make ``group``'s ``model`` rows exactly ``wanted`` (pairs of target id, permission)."""
    existing = {
        (getattr(row, f"{target}_id"), row.permission_id): row for row in model.objects.filter(group=group)
    }
    wanted_keys = {(target_id, permission.pk) for target_id, permission in wanted}
    stale = [row.pk for key, row in existing.items() if key not in wanted_keys]
    if stale:
        model.objects.filter(pk__in=stale).delete()
    model.objects.bulk_create(
        [
            model(group=group, permission_id=permission_id, **{f"{target}_id": target_id})
            for target_id, permission_id in sorted(wanted_keys - set(existing))
        ]
    )


def canonical_divisions():
    """One division per translation group: the default-language one when it exists."""
    from offices.models import Division

    default = Locale.get_default()
    chosen = {}
    for division in Division.objects.select_related("locale").order_by("sort_order", "pk"):
        current = chosen.get(division.translation_key)
        if current is None or (division.locale_id == default.pk and current.locale_id != default.pk):
            chosen[division.translation_key] = division
    return sorted(chosen.values(), key=lambda division: (division.sort_order, division.name.lower()))


def ensure_administrators():
    group, _created = Group.objects.get_or_create(name=ADMIN_GROUP_NAME)
    group.permissions.set(Permission.objects.all())
    root = Page.get_first_root_node()
    _sync_rows(
        GroupPagePermission,
        group,
        [(root.pk, permission) for permission in _page_permissions(Page.permission_codenames)],
        "page",
    )
    _sync_rows(
        GroupCollectionPermission,
        group,
        [
            (Collection.get_first_root_node().pk, permission)
            for permission in Permission.objects.filter(content_type__app_label__in=IMAGE_AND_DOCUMENT_APPS)
        ],
        "collection",
    )
    return group


def ensure_division_roles(division):
    """The ``DivisionRoles`` of ``division`` (any language), created with its groups if missing."""
    roles = (
        DivisionRoles.objects.select_related("division", "editors", "moderators", "collection", "workflow")
        .filter(division__translation_key=division.translation_key)
        .first()
    )
    if roles is None:
        editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME.format(division.name))
        moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP_NAME.format(division.name))
        roles = DivisionRoles.objects.create(division=division, editors=editors, moderators=moderators)
    if roles.collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=division.name).first()
        roles.collection = collection or root.add_child(name=division.name)
    if roles.workflow is None:
        roles.workflow = _create_workflow(division, roles.moderators)
    roles.save()
    return roles


def _create_workflow(division, moderators):
    name = WORKFLOW_NAME.format(division.name)
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def seed_default_sections(division):
    """Adds the service pages naming ``division`` (default language; translations follow)."""
    from services.models import ServicePage

    pages = ServicePage.objects.filter(
        division__translation_key=division.translation_key, locale=Locale.get_default()
    ).order_by("path")
    for page in pages:
        DivisionSection.objects.get_or_create(division=division, page=page)


def section_pages(roles):
    """The section pages of ``roles.division`` in every language."""
    keys = Page.objects.filter(
        division_sections__division__translation_key=roles.division.translation_key
    ).values("translation_key")
    return Page.objects.filter(translation_key__in=keys).order_by("path")


def sync_division(roles):
    """Page permissions, collection permissions and workflow assignments of one division."""
    pages = list(section_pages(roles).values_list("pk", flat=True))
    for group, page_codenames, model_names, collection_codenames in (
        (roles.editors, EDITOR_PAGE_PERMISSIONS, EDITOR_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS),
        (
            roles.moderators,
            MODERATOR_PAGE_PERMISSIONS,
            MODERATOR_PERMISSIONS,
            MODERATOR_COLLECTION_PERMISSIONS,
        ),
    ):
        group.permissions.add(*_permissions(model_names))
        page_permissions = _page_permissions(page_codenames)
        _sync_rows(
            GroupPagePermission, group, [(pk, perm) for pk in pages for perm in page_permissions], "page"
        )
        collection_rows = [
            (Collection.get_first_root_node().pk, perm)
            for perm in _collection_permissions(SHARED_COLLECTION_PERMISSIONS)
        ]
        if roles.collection_id:
            collection_rows += [
                (roles.collection_id, perm) for perm in _collection_permissions(collection_codenames)
            ]
        _sync_rows(GroupCollectionPermission, group, collection_rows, "collection")
    if roles.workflow_id:
        WorkflowPage.objects.filter(workflow=roles.workflow).exclude(page_id__in=pages).delete()
        for page_id in pages:
            WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": roles.workflow})


@transaction.atomic
def setup_roles(*, seed_sections=True):
    """Create or refresh every role; safe to run again. Returns a ``SetupResult``."""
    result = SetupResult(administrators=ensure_administrators())
    for division in canonical_divisions():
        roles = ensure_division_roles(division)
        if seed_sections:
            seed_default_sections(roles.division)
        sync_division(roles)
        result.divisions.append(roles)
    return result


def sync_division_of(division):
    """Re-sync the division of a changed section, if its roles exist yet."""
    roles = DivisionRoles.objects.filter(division__translation_key=division.translation_key).first()
    if roles is not None:
        sync_division(roles)
