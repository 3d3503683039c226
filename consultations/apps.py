from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Public consultations")

    def ready(self):
        from core.pagecache import invalidate_on

        from .models import ConsultationComment

        # Approved comments and replies show on the consultation's page.
        invalidate_on(ConsultationComment)
