"""Applications in the Wagtail admin.

Who sees what: a user needs the "view" permission on applications (or is a
superuser) AND the right to edit the service page an application belongs to.
The list only shows those applications; the inspect view, the attachment
downloads and the status form check the same rule for each application.
Nobody adds, edits or deletes applications here: they come from the public
form, their status from the back-end or from the status form.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.identity import mask_nik
from core.uploads import attachment_response
from integrations.models import OutboxMessage

from . import submissions
from .choices import FieldKind, SubmissionStatus
from .models import ServiceSubmission, SubmissionAttachment, SubmissionStatusEvent


def _has_model_permission(user, codename):
    return user.is_active and (user.is_superuser or user.has_perm(f"services.{codename}"))


def handled_submissions(user):
    """The applications ``user`` may see: those of services they can edit."""
    queryset = ServiceSubmission.objects.select_related("service", "backend")
    if not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    if not user.has_perm("services.view_servicesubmission"):
        return queryset.none()
    editable = PagePermissionPolicy(Page).instances_user_has_any_permission_for(user, ["change"])
    return queryset.filter(service__in=editable.values("pk"))


def can_handle(user, submission):
    if not _has_model_permission(user, "view_servicesubmission"):
        return False
    if user.is_superuser:
        return True
    service = submission.service
    return service is not None and service.permissions_for_user(user).can_edit()


def can_change_status(user, submission):
    return can_handle(user, submission) and _has_model_permission(user, "change_submission_status")


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add", "change", "delete"})


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=SubmissionStatus.choices)
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the tracking page. No personal data of other people."),
    )


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        return handled_submissions(self.request.user)


def displayed_answers(submission, attachment_url_name):
    """The answers for staff: NIK masked, files as download links."""
    attachments = {a.pk: a for a in submission.attachments.all()}
    rows = []
    for answer in submission.answers or []:
        kind, value = answer.get("kind"), answer.get("value")
        row = {"label": answer.get("label") or answer.get("name"), "name": answer.get("name"), "kind": kind}
        if kind == FieldKind.NIK:
            row["value"] = mask_nik(value) if value else ""
        elif kind == FieldKind.FILE:
            attachment = attachments.get(value.get("attachment")) if isinstance(value, dict) else None
            row["attachment"] = attachment
            if attachment is not None:
                row["url"] = reverse(attachment_url_name, args=[submission.pk, attachment.pk])
        else:
            row["value"] = value
        rows.append(row)
    return rows


def delivery_messages(submission):
    return OutboxMessage.objects.filter(
        reference_type=ServiceSubmission._meta.label_lower, reference_id=str(submission.pk)
    ).order_by("created_at")


class SubmissionInspectView(InspectView):
    attachment_url_name = None
    status_url_name = None

    def get_object(self, queryset=None):
        submission = super().get_object(queryset)
        if not can_handle(self.request.user, submission):
            raise PermissionDenied
        return submission

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        deliveries = list(delivery_messages(submission))
        context.update(
            answers=displayed_answers(submission, self.attachment_url_name),
            events=submission.events.select_related("created_by"),
            deliveries=deliveries,
            can_change_status=can_change_status(self.request.user, submission),
            status_form=StatusChangeForm(initial={"status": submission.status}),
            status_url=reverse(self.status_url_name, args=[submission.pk]),
        )
        return context


class SubmissionViewSet(ModelViewSet):
    model = ServiceSubmission
    icon = "form"
    menu_label = _("Applications")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    form_fields = ["status"]  # required by ModelViewSet; the edit views always refuse
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    inspect_template_name = "services/admin/submission_inspect.html"
    inspect_view_fields = [
        "reference",
        "service_title",
        "status",
        "language",
        "backend",
        "created_at",
        "updated_at",
    ]
    list_display = [
        TitleColumn("reference", label=_("Reference number"), get_url=None),
        Column("service_title", label=_("Service")),
        Column("status", accessor="get_status_display", label=_("Status")),
        DateColumn("created_at", label=_("Sent")),
    ]
    list_filter = ["service", "status"]
    ordering = ["-created_at"]
    search_fields = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            attachment_url_name=self.get_url_name("attachment"),
            status_url_name=self.get_url_name("status"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("attachment/<int:pk>/<int:attachment_pk>/", self.attachment_view, name="attachment"),
            path("status/<int:pk>/", self.status_view, name="status"),
        ]

    def attachment_view(self, request, pk, attachment_pk):
        attachment = get_object_or_404(
            SubmissionAttachment.objects.select_related("submission__service"),
            pk=attachment_pk,
            submission_id=pk,
        )
        if not can_handle(request.user, attachment.submission):
            raise PermissionDenied
        return attachment_response(attachment.file, attachment.download_name, attachment.content_type)

    def status_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        submission = get_object_or_404(ServiceSubmission, pk=pk)
        if not can_change_status(request.user, submission):
            raise PermissionDenied
        form = StatusChangeForm(request.POST)
        if form.is_valid():
            submissions.record_status(
                submission,
                form.cleaned_data["status"],
                source=SubmissionStatusEvent.Source.STAFF,
                message=form.cleaned_data["message"],
                user=request.user,
            )
            messages.success(request, _("The status change is recorded and the applicant is told."))
        else:
            messages.error(request, _("The status change could not be recorded: choose a status."))
        return redirect(self.get_url_name("inspect"), pk=submission.pk)

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(ServiceSubmission),
            codename__in=["view_servicesubmission", "change_submission_status"],
        )
