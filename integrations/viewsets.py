"""The outbox in the Wagtail admin: read-only, with "retry now" for dead letters.

Nobody (superusers included) can add, edit or delete an outbox message here;
the list and the inspect view never show the payload (the personal data).
Permissions: "view" (integrations.view_outboxmessage) to look, and
"retry" (integrations.retry_outboxmessage) to send a dead letter again.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from . import outbox
from .models import OutboxMessage, TransactionBackend


class OutboxPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        if action == "view":
            return super().user_has_permission(user, "view") or super().user_has_permission(user, "retry")
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - {"add", "change", "delete"}
        if "view" in actions:
            actions.add("retry")
        return super().users_with_any_permission(actions)


class OutboxInspectView(InspectView):
    retry_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempts"] = self.object.delivery_attempts.order_by("-started_at")[:50]
        context["can_retry"] = self.object.status == OutboxMessage.Status.DEAD and self.user_has_permission(
            "retry"
        )
        context["retry_url_name"] = self.retry_url_name
        return context


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    icon = "mail"
    menu_label = _("Outbox")
    add_to_admin_menu = True
    menu_order = 900
    copy_view_enabled = False
    # Required by ModelViewSet; the add and edit views always refuse (see the policy).
    form_fields = ["kind"]
    inspect_view_enabled = True
    inspect_view_class = OutboxInspectView
    inspect_template_name = "integrations/admin/outbox_inspect.html"
    inspect_view_fields = [
        "id",
        "kind",
        "destination",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "idempotency_key",
        "reference_type",
        "reference_id",
        "created_at",
        "updated_at",
        "delivered_at",
    ]
    list_display = [
        TitleColumn("kind", label=_("Kind"), get_url=None),
        "destination",
        Column("status", accessor="get_status_display", label=_("Status")),
        "attempts",
        "last_error",
        DateColumn("next_attempt_at", label=_("Next attempt")),
        DateColumn("created_at", label=_("Created")),
    ]
    list_filter = ["status", "destination", "kind"]
    ordering = ["-created_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"retry/<{self.pk_path_converter}:pk>/", self.retry_view, name="retry"),
        ]

    def retry_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not policy_registry.get_by_type(OutboxMessage).user_has_permission(request.user, "retry"):
            raise PermissionDenied
        message = get_object_or_404(OutboxMessage, pk=pk)
        if outbox.retry_now(message.pk):
            messages.success(request, _("The message is queued to be sent again."))
        else:
            messages.warning(request, _("Only a dead letter can be retried."))
        return redirect(self.get_url_name("inspect"), pk=message.pk)

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(OutboxMessage),
            codename__in=["view_outboxmessage", "retry_outboxmessage"],
        )


class TransactionBackendForm(WagtailAdminModelForm):
    """The secret is never shown again once saved: left empty, it is kept."""

    class Meta:
        model = TransactionBackend
        fields = ["name", "slug", "endpoint_url", "signing_secret", "timeout_seconds", "active"]
        widgets = {
            "signing_secret": forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"})
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["signing_secret"].required = False
            self.fields["signing_secret"].help_text = _("Leave empty to keep the current secret.")

    def clean_signing_secret(self):
        secret = self.cleaned_data.get("signing_secret")
        if not secret and self.instance.pk:
            return TransactionBackend.objects.get(pk=self.instance.pk).signing_secret
        return secret


class TransactionBackendViewSet(ModelViewSet):
    model = TransactionBackend
    icon = "link-external"
    menu_label = _("Transaction back-ends")
    add_to_settings_menu = True
    list_display = ["name", "slug", "endpoint_url", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["name", "slug"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return TransactionBackendForm
