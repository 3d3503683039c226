"""Answers to "Is this page useful?", one row per vote.

A vote keeps no address, account or cookie: only the page, its language, the
answer, an optional comment with personal details removed (``redaction``) and
``voter_key``, a keyed hash of the visitor's (hashed) address, the page and
the day. The key makes a second vote on the same page the same day collide
with the first, and cannot link one visitor's votes across pages or days.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class PageFeedbackQuerySet(models.QuerySet):
    def since(self, moment):
        return self.filter(created_at__gte=moment)


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    #: The page's translation key: the Indonesian and English versions are summed.
    translation_key = models.UUIDField(_("translation key"), db_index=True, editable=False)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    helpful = models.BooleanField(_("useful"))
    comment = models.TextField(
        _("what was wrong"),
        blank=True,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("Stored with e-mail addresses, telephone numbers and long numbers removed."),
    )
    created_at = models.DateTimeField(_("answered at"), default=timezone.now, db_index=True)
    voter_key = models.CharField(max_length=64, unique=True, editable=False)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.helpful else '-'}"
