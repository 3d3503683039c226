from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodReport(models.Model):
    """No table and no rows: it only carries the permission to see period reports
    (``reports.view_period_report``), given to division heads and administrators."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_period_report", _("Can see the period reports"))]
        verbose_name = _("period report")
        verbose_name_plural = _("period reports")

    def __str__(self):
        return str(self._meta.verbose_name)
