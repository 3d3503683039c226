from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import VIEW_PERMISSION, SearchQueryReportView
from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)


class SearchQueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-queries/", SearchQueryReportView.as_view(), name="search_query_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchQueryReportMenuItem(
        _("Search queries"),
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=1300,
    )
