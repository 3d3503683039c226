"""The survey responses in the Wagtail admin: read-only.

Nobody (superusers included) adds, edits or deletes a response here: the index
is computed from what the public sent. Responses hold no personal data.
Permission: satisfaction.view_surveyresponse.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .elements import ELEMENTS
from .models import SurveyResponse


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add", "change", "delete"})


class SurveyResponseViewSet(ModelViewSet):
    model = SurveyResponse
    icon = "list-ul"
    menu_label = _("Survey responses")
    add_to_admin_menu = False
    copy_view_enabled = False
    # Required by ModelViewSet; the add and edit views always refuse (see the policy).
    form_fields = ["comment"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "service_title",
        "language",
        "submitted_at",
        *[e.field for e in ELEMENTS],
        "comment",
    ]
    list_display = [
        TitleColumn("service_title", label=_("Service"), get_url=None),
        *[Column(e.field, label=f"U{e.number}") for e in ELEMENTS],
        Column("language", accessor="get_language_display", label=_("Language")),
        DateColumn("submitted_at", label=_("Submitted")),
    ]
    list_filter = ["service_title", "language", "submitted_at"]
    ordering = ["-submitted_at"]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(SurveyResponse),
            codename__in=["view_surveyresponse"],
        )
