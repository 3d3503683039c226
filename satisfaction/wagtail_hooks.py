from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .admin_views import VIEW_PERMISSION, SatisfactionReportView, report_csv
from .models import SurveyResponse
from .viewsets import ReadOnlyPermissionPolicy, SurveyResponseViewSet

# Registered before the viewset, which would otherwise create a default policy.
register_permission_policy(SurveyResponse, ReadOnlyPermissionPolicy(SurveyResponse))


@hooks.register("register_admin_viewset")
def register_response_viewset():
    return SurveyResponseViewSet("satisfaction_surveyresponse", url_prefix="reports/satisfaction/responses")


class SatisfactionReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_satisfaction_report_urls():
    return [
        path("reports/satisfaction/", SatisfactionReportView.as_view(), name="satisfaction_report"),
        path("reports/satisfaction/csv/", report_csv, name="satisfaction_report_csv"),
    ]


@hooks.register("register_reports_menu_item")
def register_satisfaction_report_menu_item():
    return SatisfactionReportMenuItem(
        _("Satisfaction index (IKM)"),
        reverse("satisfaction_report"),
        name="satisfaction-index",
        icon_name="group",
        order=1400,
    )
