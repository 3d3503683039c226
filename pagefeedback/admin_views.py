"""Reports → Page feedback: counts per page for 7, 30, 90 days and all time,
and the comments left with "no" answers. Both export to CSV and XLSX.

No personal data: votes hold none, comments were redacted when stored, and
neither the report nor the export shows ``voter_key``.
"""

import django_filters
from django.db.models import F
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Site
from wagtail.permission_policies import ModelPermissionPolicy

from . import services
from .models import PageFeedback

VIEW_PERMISSION = "pagefeedback.view_pagefeedback"
WINDOW_LABELS = {
    7: _("Last 7 days"),
    30: _("Last 30 days"),
    90: _("Last 90 days"),
    None: _("All time"),
}


def sections():
    """The top-level sections of the default site, in the default language."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().filter(locale=Locale.get_default()).order_by("path")


def section_choices():
    return [(page.pk, page.title) for page in sections()]


def pages_with_comments_choices():
    keys = services.comments().values("translation_key")
    default = Locale.get_default()
    choices = {}
    for page in Page.objects.filter(translation_key__in=keys).order_by("title"):
        if page.translation_key not in choices or page.locale_id == default.pk:
            choices[page.translation_key] = page.title
    return sorted(((str(key), title) for key, title in choices.items()), key=lambda item: item[1])


class WindowColumn(Column):
    """ "75% (3 yes, 1 no)" for one window; sorts by the share of "yes"."""

    cell_template_name = "pagefeedback/admin/window_cell.html"

    def __init__(self, days, **kwargs):
        self.suffix = days or "all"
        super().__init__(
            f"useful_{self.suffix}", label=WINDOW_LABELS[days], sort_key=f"useful_{self.suffix}", **kwargs
        )

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["yes"] = getattr(instance, f"yes_{self.suffix}")
        context["no"] = getattr(instance, f"no_{self.suffix}")
        context["useful"] = getattr(instance, f"useful_{self.suffix}_pct")
        return context


class PageTitleColumn(Column):
    def get_value(self, instance):
        url = reverse("wagtailadmin_pages:edit", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, instance.title)


class CommentsColumn(Column):
    def get_value(self, instance):
        if not instance.comment_count:
            return "0"
        url = reverse("pagefeedback_comments") + f"?page={instance.translation_key}"
        return format_html('<a href="{}">{}</a>', url, instance.comment_count)


class SectionFilterMixin:
    def filter_section(self, queryset, name, value):
        return queryset  # applied by the view, which needs the section page

    @property
    def section(self):
        if not self.is_valid():
            return None
        value = self.form.cleaned_data.get("section")
        return sections().filter(pk=value).first() if value else None


class ReportFilterSet(SectionFilterMixin, WagtailFilterSet):
    section = django_filters.ChoiceFilter(
        label=_("Section"), choices=section_choices, method="filter_section", empty_label=_("All sections")
    )

    class Meta:
        model = Page
        fields = []


class CommentFilterSet(SectionFilterMixin, WagtailFilterSet):
    section = django_filters.ChoiceFilter(
        label=_("Section"), choices=section_choices, method="filter_section", empty_label=_("All sections")
    )
    page = django_filters.ChoiceFilter(
        label=_("Page"),
        choices=pages_with_comments_choices,
        field_name="translation_key",
        empty_label=_("All pages"),
    )

    class Meta:
        model = PageFeedback
        fields = []


def _percent(value):
    return None if value is None else round(value)


class PageFeedbackPermissionMixin:
    permission_policy = ModelPermissionPolicy(PageFeedback)
    permission_required = "view"


class PageFeedbackReportView(PageFeedbackPermissionMixin, ReportView):
    page_title = _("Page feedback")
    header_icon = "help"
    index_url_name = "pagefeedback_report"
    index_results_url_name = "pagefeedback_report_results"
    filterset_class = ReportFilterSet
    default_ordering = "-votes_all"
    export_filename = "page-feedback"
    columns = [
        PageTitleColumn("title", label=_("Page"), sort_key="title"),
        *[WindowColumn(days) for days in services.WINDOWS],
        Column("votes_all", label=_("Answers"), sort_key="votes_all"),
        CommentsColumn("comment_count", label=_("Comments")),
    ]
    list_export = [
        "title",
        "url_path_shown",
        *[
            f"{kind}_{days or 'all'}{'_pct' if kind == 'useful' else ''}"
            for days in services.WINDOWS
            for kind in ("yes", "no", "useful")
        ],
        "comment_count",
    ]

    @cached_property
    def export_headings(self):
        headings = {"title": _("Page"), "url_path_shown": _("Address"), "comment_count": _("Comments")}
        for days in services.WINDOWS:
            suffix, label = days or "all", WINDOW_LABELS[days]
            headings[f"yes_{suffix}"] = _("%(window)s: yes") % {"window": label}
            headings[f"no_{suffix}"] = _("%(window)s: no") % {"window": label}
            headings[f"useful_{suffix}_pct"] = _("%(window)s: per cent useful") % {"window": label}
        return headings

    def get_base_queryset(self):
        return services.report_pages(section=self.filters.section if self.filters else None)

    def order_queryset(self, queryset):
        if not self.ordering:
            return queryset
        name = self.ordering.lstrip("-")
        expression = (
            F(name).desc(nulls_last=True) if self.ordering.startswith("-") else F(name).asc(nulls_last=True)
        )
        return queryset.order_by(expression, "title", "pk")

    def decorate_paginated_queryset(self, object_list):
        counts = services.comment_counts([page.translation_key for page in object_list])
        for page in object_list:
            for days in services.WINDOWS:
                suffix = days or "all"
                setattr(page, f"useful_{suffix}_pct", _percent(getattr(page, f"useful_{suffix}")))
            page.comment_count = counts.get(page.translation_key, 0)
            page.url_path_shown = page.get_url() or ""
        return object_list


class PageFeedbackCommentsView(PageFeedbackPermissionMixin, ReportView):
    page_title = _("Page feedback comments")
    header_icon = "comment"
    index_url_name = "pagefeedback_comments"
    index_results_url_name = "pagefeedback_comments_results"
    filterset_class = CommentFilterSet
    export_filename = "page-feedback-comments"
    columns = [
        Column("page", label=_("Page")),
        Column("locale", label=_("Language")),
        DateColumn("created_at", label=_("Answered at")),
        Column("comment", label=_("What was wrong")),
    ]
    list_export = ["page.title", "locale.language_code", "created_at", "comment"]
    export_headings = {
        "page.title": _("Page"),
        "locale.language_code": _("Language"),
        "created_at": _("Answered at"),
        "comment": _("What was wrong"),
    }

    def get_base_queryset(self):
        return services.comments(section=self.filters.section if self.filters else None)
