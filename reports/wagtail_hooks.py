from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class PeriodReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_period_report_urls():
    return [
        path("reports/period/", admin_views.PeriodReportView.as_view(), name="period_report"),
        path("reports/period/pdf/", admin_views.period_report_pdf, name="period_report_pdf"),
        path("reports/period/xlsx/", admin_views.period_report_xlsx, name="period_report_xlsx"),
        path("reports/period/csv/", admin_views.period_report_csv, name="period_report_csv"),
    ]


@hooks.register("register_reports_menu_item")
def register_period_report_menu_item():
    return PeriodReportMenuItem(
        _("Period report"),
        reverse("period_report"),
        name="period-report",
        icon_name="doc-full",
        order=1300,
    )
