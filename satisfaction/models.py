"""Invitations to the public satisfaction survey (SKM) and the answers given.

An invitation belongs to one completed application (its reference number) and
carries a random token: the survey's address is built from the token alone, so
the reference never appears in a URL. A response holds the nine scores and an
optional comment; it names the service by its translation key, so answers
given on the Indonesian and the English page count for one service.
No personal data is stored here: no name, no e-mail address.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .elements import ELEMENTS, FIELDS

#: Days an invitation can be answered.
INVITATION_VALID_DAYS = 60
COMMENT_MAX_LENGTH = 1000


def new_token():
    return secrets.token_urlsafe(24)


def default_expiry():
    return timezone.now() + timedelta(days=INVITATION_VALID_DAYS)


def service_identity(service_page):
    """``(translation_key, title)`` of a service page: one key for all its translations."""
    if service_page is None:
        return None, ""
    return service_page.translation_key, service_page.title


class SurveyInvitation(models.Model):
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    reference = models.CharField(
        _("application reference"),
        max_length=40,
        unique=True,
        help_text=_("The reference number of the completed application, e.g. LYN-2026-000123."),
    )
    service = models.ForeignKey(
        "services.ServicePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("service"),
    )
    service_key = models.UUIDField(_("service identity"), null=True, blank=True, db_index=True)
    service_title = models.CharField(_("service title"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    completed_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference

    @property
    def is_completed(self):
        return self.completed_at is not None

    def is_expired(self, now=None):
        return not self.is_completed and (now or timezone.now()) >= self.expires_at

    @property
    def is_open(self):
        return not self.is_completed and not self.is_expired()


def _score_field(element):
    return models.PositiveSmallIntegerField(
        element.name,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        choices=element.choices,
    )


class SurveyResponseQuerySet(models.QuerySet):
    def in_period(self, start, end):
        """Responses submitted on the days from ``start`` to ``end``, both included (local dates)."""
        return self.filter(submitted_at__date__gte=start, submitted_at__date__lte=end)


class SurveyResponse(models.Model):
    invitation = models.OneToOneField(
        SurveyInvitation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="response",
        verbose_name=_("invitation"),
    )
    service = models.ForeignKey(
        "services.ServicePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("service"),
    )
    service_key = models.UUIDField(_("service identity"), null=True, blank=True, db_index=True)
    service_title = models.CharField(_("service title"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)

    requirements = _score_field(ELEMENTS[0])
    procedure = _score_field(ELEMENTS[1])
    time_taken = _score_field(ELEMENTS[2])
    cost = _score_field(ELEMENTS[3])
    product = _score_field(ELEMENTS[4])
    staff_competence = _score_field(ELEMENTS[5])
    staff_behaviour = _score_field(ELEMENTS[6])
    complaint_handling = _score_field(ELEMENTS[7])
    facilities = _score_field(ELEMENTS[8])

    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 4}),
                name=f"satisfaction_response_{field}_1_to_4",
            )
            for field in FIELDS
        ]

    def __str__(self):
        return f"{self.service_title} · {self.submitted_at:%Y-%m-%d}"

    def scores(self):
        return {field: getattr(self, field) for field in FIELDS}
