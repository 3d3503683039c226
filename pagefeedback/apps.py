from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagefeedbackConfig(AppConfig):
    name = "pagefeedback"
    verbose_name = _("Page feedback")
