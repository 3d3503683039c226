from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_PERMISSION, PageFeedbackCommentsView, PageFeedbackReportView


class PageFeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_page_feedback_urls():
    return [
        path("reports/page-feedback/", PageFeedbackReportView.as_view(), name="pagefeedback_report"),
        path(
            "reports/page-feedback/results/",
            PageFeedbackReportView.as_view(results_only=True),
            name="pagefeedback_report_results",
        ),
        path(
            "reports/page-feedback/comments/",
            PageFeedbackCommentsView.as_view(),
            name="pagefeedback_comments",
        ),
        path(
            "reports/page-feedback/comments/results/",
            PageFeedbackCommentsView.as_view(results_only=True),
            name="pagefeedback_comments_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_page_feedback_menu_item():
    return PageFeedbackMenuItem(
        _("Page feedback"),
        reverse("pagefeedback_report"),
        name="page-feedback",
        icon_name="help",
        order=1400,
    )
