"""The ticket inbox in the Wagtail admin, and the published summaries.

Tickets are never added or edited through a generic form: every change is an
action (assign, note, reply, status, PPID extension, LAPOR! ID, forward,
publish) that goes through ``feedback.services`` and leaves a TicketEvent with
the user and the time.

Permissions: "view" (feedback.view_feedbackticket) opens the inbox and the
messages; "change" allows the actions; "view_ticket_contact" shows the
decrypted name, e-mail and phone. Attachments need "view".
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from core.uploads import attachment_response
from governance.scoping import scope_queryset
from offices.models import Division

from . import services
from .models import FeedbackTicket, PublishedTicket, TicketAttachment, TicketStatus, TicketType


def default_divisions():
    return Division.objects.filter(locale=Locale.get_default())


class TicketPermissionPolicy(ModelPermissionPolicy):
    """Tickets come only from the public form: nobody adds them here."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add"})


# Filters ----------------------------------------------------------------------


class TicketFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TicketStatus.choices)
    type = django_filters.ChoiceFilter(label=_("Type"), choices=TicketType.choices)
    assigned_division = django_filters.ModelChoiceFilter(
        label=_("Assigned division"), queryset=lambda request: default_divisions()
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = FeedbackTicket
        fields = ["status", "type", "assigned_division", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(services.overdue_q()) if value else queryset.exclude(services.overdue_q())


class DueColumn(Column):
    """The due date, with an "Overdue" tag on open tickets past it."""

    cell_template_name = "feedback/admin/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = services.is_overdue(instance)
        return context


# Action forms -----------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=TicketStatus.choices)
    note = forms.CharField(
        label=_("Internal note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssignForm(forms.Form):
    division = forms.ModelChoiceField(label=_("Division"), queryset=Division.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].queryset = default_divisions()


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Public reply"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The person reads this on the tracking page. An open ticket becomes “answered”."),
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the extension"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class LaporIdForm(forms.Form):
    lapor_id = forms.CharField(label=_("SP4N-LAPOR! tracking ID"), max_length=40, required=False)


ACTION_FORMS = {
    "status": StatusForm,
    "assign": AssignForm,
    "note": NoteForm,
    "reply": ReplyForm,
    "extend": ExtendForm,
    "lapor_id": LaporIdForm,
    "forward": None,
    "publish": None,
}


def run_action(action, ticket, data, user):
    """Apply one admin action; raises services.TicketError or returns a success message."""
    form_class = ACTION_FORMS[action]
    form = form_class(data) if form_class else None
    if form is not None and not form.is_valid():
        raise services.TicketError(
            "; ".join(str(error) for errors in form.errors.values() for error in errors)
        )
    values = form.cleaned_data if form else {}
    if action == "status":
        services.change_status(ticket, values["status"], user, note=values["note"])
        return _("The status is changed.")
    if action == "assign":
        services.assign(ticket, values["division"], user)
        return _("The ticket is assigned.")
    if action == "note":
        services.add_note(ticket, values["text"], user)
        return _("The note is added.")
    if action == "reply":
        services.reply(ticket, values["text"], user)
        return _("The reply is saved; the person can read it on the tracking page.")
    if action == "extend":
        services.extend_deadline(ticket, values["reason"], user)
        return _("The deadline is extended by 7 working days.")
    if action == "lapor_id":
        services.set_lapor_id(ticket, values["lapor_id"], user)
        return _("The SP4N-LAPOR! tracking ID is saved.")
    if action == "forward":
        services.forward_to_lapor(ticket, user)
        return _("The complaint is queued for SP4N-LAPOR!.")
    raise ValueError(action)


# Views --------------------------------------------------------------------------


def visible_tickets(user):
    """The tickets ``user`` may handle: those of their divisions (by topic or
    assignment); administrators see every ticket."""
    return scope_queryset(
        FeedbackTicket.objects.select_related("division", "service", "assigned_division"),
        user,
        "assigned_division",
        "division",
    )


class TicketIndexView(IndexView):
    def get_base_queryset(self):
        return visible_tickets(self.request.user)


class TicketInspectView(InspectView):
    template_name = "feedback/admin/ticket_inspect.html"
    action_url_name = None
    attachment_url_name = None
    published_edit_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(visible_tickets(self.request.user), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ticket = self.object
        can_change = self.user_has_permission("change")
        context.update(
            ticket=ticket,
            overdue=services.is_overdue(ticket),
            can_change=can_change,
            can_see_contact=self.request.user.has_perm("feedback.view_ticket_contact"),
            events=ticket.events.select_related("user", "division"),
            attachments=ticket.attachments.all(),
            action_url_name=self.action_url_name,
            attachment_url_name=self.attachment_url_name,
            can_extend=can_change and services.can_extend(ticket),
            can_forward=can_change
            and ticket.type == TicketType.COMPLAINT
            and not ticket.forwarded_to_lapor_at,
            published=getattr(ticket, "published", None),
            published_edit_url_name=self.published_edit_url_name,
            allowed_statuses=[
                (status, TicketStatus(status).label)
                for status in TicketStatus.values
                if status in services.TRANSITIONS[TicketStatus(ticket.status)]
            ],
            status_form=StatusForm(),
            assign_form=AssignForm(initial={"division": ticket.assigned_division_id}),
            note_form=NoteForm(),
            reply_form=ReplyForm(initial={"text": ticket.public_reply}),
            extend_form=ExtendForm(),
            lapor_form=LaporIdForm(initial={"lapor_id": ticket.lapor_id}),
            today=timezone.localdate(),
        )
        return context


class TicketViewSet(ModelViewSet):
    model = FeedbackTicket
    icon = "mail"
    menu_label = _("Ticket inbox")
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = TicketInspectView
    index_view_class = TicketIndexView
    form_fields = ["status"]  # required by ModelViewSet; the edit view redirects to the inspect view
    filterset_class = TicketFilterSet
    search_fields = ["reference"]
    search_backend_name = None
    ordering = ["-received_at"]

    @property
    def list_display(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                get_url=lambda ticket: reverse(self.get_url_name("inspect"), args=[ticket.pk]),
            ),
            "subject",
            Column("type", accessor="get_type_display", label=_("Type")),
            StatusTagColumn(
                "status",
                accessor="get_status_display",
                label=_("Status"),
                primary=lambda ticket: ticket.status == TicketStatus.RECEIVED,
            ),
            Column("assigned_division", label=_("Assigned division")),
            DueColumn("due_date", label=_("Response due")),
            DateColumn("received_at", label=_("Received")),
        ]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            action_url_name=self.get_url_name("action"),
            attachment_url_name=self.get_url_name("attachment"),
            published_edit_url_name="published_tickets:edit",
            edit_url_name=None,
            **kwargs,
        )

    @property
    def edit_view(self):
        def redirect_to_inspect(request, pk):
            return redirect(self.get_url_name("inspect"), pk=pk)

        return redirect_to_inspect

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("action/<int:pk>/<slug:action>/", self.action_view, name="action"),
            path("attachment/<int:pk>/<int:attachment_pk>/", self.attachment_view, name="attachment"),
        ]

    def action_view(self, request, pk, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action not in ACTION_FORMS:
            raise PermissionDenied
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        ticket = get_object_or_404(visible_tickets(request.user), pk=pk)
        if action == "publish":
            published = services.start_publication(ticket, request.user)
            return redirect("published_tickets:edit", published.pk)
        try:
            messages.success(request, run_action(action, ticket, request.POST, request.user))
        except services.TicketError as error:
            messages.error(request, " ".join(str(message) for message in error.messages))
        return redirect(self.get_url_name("inspect"), pk=ticket.pk)

    def attachment_view(self, request, pk, attachment_pk):
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        ticket = get_object_or_404(visible_tickets(request.user), pk=pk)
        attachment = get_object_or_404(TicketAttachment, pk=attachment_pk, ticket=ticket)
        return attachment_response(attachment.file, attachment.original_name, attachment.content_type or None)


class PublishedTicketViewSet(ModelViewSet):
    model = PublishedTicket
    icon = "doc-full"
    menu_label = _("Published tickets")
    copy_view_enabled = False
    list_display = ["title", "type", "received_on", "live"]
    list_filter = ["live", "type"]
    ordering = ["-received_on"]


class TicketsGroup(ViewSetGroup):
    menu_label = _("Tickets")
    menu_icon = "mail"
    menu_order = 250
    items = [TicketViewSet("feedback_tickets"), PublishedTicketViewSet("published_tickets")]
