from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    """Roles per division, their page permissions and the approval workflow
    (Articles 6, 7(2) and 10(2) of Mayor Regulation 44/2016)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"
    verbose_name = _("Editorial governance")

    def ready(self):
        from . import signals  # noqa: F401
