"""The admin report: popular queries and queries that found nothing, per language."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services

REPORT_DAYS = 30
VIEW_PERMISSION = "search.view_searchquerystat"


class SearchQueryReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/query_report.html"
    page_title = _("Search queries")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("search_query_report"), "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = REPORT_DAYS
        context["languages"] = [
            {"code": code, "name": name, **services.query_report(code, days=REPORT_DAYS)}
            for code, name in settings.LANGUAGES
        ]
        return context
