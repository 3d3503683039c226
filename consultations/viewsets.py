"""The moderation queue: Consultation comments in the admin menu."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ConsultationComment, ConsultationPage


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ConsultationComment.STATUSES)
    consultation = django_filters.ModelChoiceFilter(
        label=_("Consultation"), queryset=ConsultationPage.objects.order_by("-closes_on", "title")
    )

    class Meta:
        model = ConsultationComment
        fields = ["status", "consultation"]


class ConsultationCommentViewSet(ModelViewSet):
    model = ConsultationComment
    name = "consultation_comments"
    url_prefix = "consultation-comments"
    icon = "comment"
    menu_label = _("Consultation comments")
    menu_order = 320
    add_to_admin_menu = True
    add_view_enabled = False
    inspect_view_enabled = False
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    list_display = [
        "__str__",
        Column("section", label=_("Section of the draft")),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda c: c.status == ConsultationComment.PENDING,
        ),
        DateColumn("created_at", label=_("Received")),
    ]
    ordering = ["-created_at"]
    search_fields = ["comment", "section"]
    list_export = []
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("consultation", read_only=True),
                FieldPanel("section", read_only=True),
                FieldPanel("comment", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("show_name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading=_("The comment as sent"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("reply")], heading=_("Moderation")),
    ]


comment_viewset = ConsultationCommentViewSet()
