"""The record of what was done with personal data: each export and erasure
asked for in the admin, and each purge run that removed something.

It names the records by reference number and the counts per kind, never the
person's e-mail address or phone number, so the trail itself holds no
personal data. Each row is also written to Wagtail's log (Reports → Site
history) through ``log_action``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataRequest(models.Model):
    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASURE = "erasure", _("Erasure")
        PURGE = "purge", _("Purge after the retention period")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    #: Reference numbers of the records concerned (tickets, applications, questions; comments by id).
    references = models.JSONField(_("records"), default=list, blank=True)
    #: Records changed per kind (privacy.services.KINDS).
    counts = models.JSONField(_("counts"), default=dict, blank=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_personal_data", _("Can find, export and erase the personal data held about a person"))
        ]

    def __str__(self):
        return f"{self.get_action_display()} {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"
