"""The rules of the satisfaction survey: invitations and the satisfaction index.

The index (IKM, Indeks Kepuasan Masyarakat) follows Permenpan RB 14/2017: the
mean score of each of the nine elements (NRR, nilai rata-rata), averaged with
equal weight 1/9 over the nine, times 25, gives a value from 25 to 100; the
value, rounded to two decimals, gives the grade.
"""

import re
from collections import namedtuple
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from core.references import normalize_reference

from .elements import ELEMENTS, FIELDS
from .models import SurveyInvitation, SurveyResponse, service_identity

EMAIL_TEMPLATE = "satisfaction/emails/invitation"
TWO_PLACES = Decimal("0.01")
CONVERSION = Decimal(25)


class Grade(models.TextChoices):
    """Service quality (mutu pelayanan) and unit performance (kinerja unit pelayanan)."""

    A = "A", _("Very good")
    B = "B", _("Good")
    C = "C", _("Poor")
    D = "D", _("Bad")


#: Lowest index of each grade, best first (the regulation's conversion table).
GRADE_FLOORS = (
    (Decimal("88.31"), Grade.A),
    (Decimal("76.61"), Grade.B),
    (Decimal("65.00"), Grade.C),
    (Decimal("25.00"), Grade.D),
)


def grade_for(index):
    """The grade of an index (rounded to two decimals first); None for no index."""
    if index is None:
        return None
    index = Decimal(index).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    for floor, grade in GRADE_FLOORS:
        if index >= floor:
            return grade
    return Grade.D


ElementMean = namedtuple("ElementMean", "element mean")


@dataclass(frozen=True)
class IKM:
    """The index of a set of responses."""

    count: int
    means: tuple  # ElementMean per element, in the regulation's order; mean is None when count is 0
    index: Decimal | None
    grade: Grade | None

    @property
    def grade_label(self):
        return self.grade.label if self.grade else ""


def _round(value):
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def ikm_from_sums(count, sums):
    """The index from the number of responses and the total score of each element."""
    if not count:
        return IKM(0, tuple(ElementMean(element, None) for element in ELEMENTS), None, None)
    count_d = Decimal(count)
    means = tuple(
        ElementMean(element, _round(Decimal(sums[element.field]) / count_d)) for element in ELEMENTS
    )
    # Exact arithmetic on the totals: (Σ means / 9) × 25 without rounding the means first.
    total = sum(Decimal(sums[field]) for field in FIELDS)
    index = _round(total / (count_d * len(FIELDS)) * CONVERSION)
    return IKM(count, means, index, grade_for(index))


def _aggregates():
    return {f"sum_{field}": Sum(field) for field in FIELDS} | {"n": Count("pk")}


def ikm(responses):
    """The index of ``responses``: a queryset of SurveyResponse or any iterable of them."""
    if isinstance(responses, models.QuerySet):
        totals = responses.order_by().aggregate(**_aggregates())
        sums = {field: totals[f"sum_{field}"] or 0 for field in FIELDS}
        return ikm_from_sums(totals["n"], sums)
    responses = list(responses)
    sums = {field: sum(getattr(response, field) for response in responses) for field in FIELDS}
    return ikm_from_sums(len(responses), sums)


@dataclass(frozen=True)
class ServiceIKM:
    service_key: object
    title: str
    page: Page | None
    result: IKM


def _pages_by_key(keys):
    """The service page of each translation key, in the active language when it exists,
    else in the default language, else any."""
    from services.models import ServicePage

    active = Locale.get_active()
    default = Locale.get_default()
    found = {}
    pages = ServicePage.objects.filter(translation_key__in=keys).select_related("locale")
    for page in pages:
        rank = 0 if page.locale_id == active.pk else 1 if page.locale_id == default.pk else 2
        current = found.get(page.translation_key)
        if current is None or rank < current[0]:
            found[page.translation_key] = (rank, page)
    return {key: page for key, (_rank, page) in found.items()}


def responses_in_period(period_start, period_end):
    return SurveyResponse.objects.in_period(period_start, period_end)


def ikm_by_service(period_start, period_end):
    """A ServiceIKM per service with responses in the period, translations counted together,
    ordered by title."""
    rows = (
        responses_in_period(period_start, period_end)
        .order_by()
        .values("service_key")
        .annotate(**_aggregates())
    )
    rows = list(rows)
    keys = [row["service_key"] for row in rows if row["service_key"]]
    pages = _pages_by_key(keys)
    # The title each service had when it was last answered (for services since deleted).
    titles = dict(
        responses_in_period(period_start, period_end)
        .order_by("submitted_at")
        .values_list("service_key", "service_title")
    )
    results = []
    for row in rows:
        key = row["service_key"]
        page = pages.get(key)
        title = page.title if page else (titles.get(key) or str(_("Unknown service")))
        sums = {field: row[f"sum_{field}"] or 0 for field in FIELDS}
        results.append(ServiceIKM(key, title, page, ikm_from_sums(row["n"], sums)))
    return sorted(results, key=lambda item: item.title.casefold())


# Invitations -----------------------------------------------------------------


def survey_url(invitation, language=None):
    """The absolute address of the survey of ``invitation``, in ``language`` (its own by default)."""
    with translation.override(language or invitation.language):
        path = reverse("satisfaction_survey", kwargs={"token": invitation.token})
    site = Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url}{path}" if site else path


def invite(*, service_page, reference, email=None, language):
    """The invitation of the application ``reference``, created on the first call.

    When ``email`` is given and no invitation e-mail has been queued yet, one is
    queued in ``language``. The address itself is not stored."""
    from integrations.email import enqueue_email

    reference = normalize_reference(reference)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    key, title = service_identity(service_page)
    with transaction.atomic():
        invitation, _created = SurveyInvitation.objects.get_or_create(
            reference=reference,
            defaults={
                "service": service_page,
                "service_key": key,
                "service_title": title,
                "language": language,
            },
        )
        if email and invitation.emailed_at is None and not invitation.is_completed:
            invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
            if invitation.emailed_at is None:
                context = {
                    "service_title": _localized_title(service_page, language) or invitation.service_title,
                    "survey_url": survey_url(invitation, language),
                    "expires_at": invitation.expires_at,
                    "reference": invitation.reference,
                    "office_name": settings.WAGTAIL_SITE_NAME,
                }
                enqueue_email(email, EMAIL_TEMPLATE, context, language=language, reference=invitation)
                invitation.emailed_at = timezone.now()
                invitation.save(update_fields=["emailed_at"])
    return invitation


def _localized_title(service_page, language):
    if service_page is None:
        return ""
    locale = Locale.objects.filter(language_code=language).first()
    translated = service_page.get_translation_or_none(locale) if locale else None
    return (translated or service_page).title


def invitation_for(reference):
    """The invitation of the application ``reference``, or None."""
    reference = normalize_reference(reference)
    if not reference:
        return None
    return SurveyInvitation.objects.filter(reference=reference).first()


# Answers -----------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_LONG_NUMBER = re.compile(r"(?:\+?\d[\d .-]{7,}\d)")


def mask_personal_data(text):
    """The comment with e-mail addresses and long numbers (NIK, telephone) masked."""
    text = _EMAIL.sub("[…]", text)
    return _LONG_NUMBER.sub("[…]", text)


class AlreadyAnswered(Exception):
    pass


class InvitationExpired(Exception):
    pass


def record_response(invitation, scores, comment=""):
    """Store the answers to ``invitation``, once. Raises AlreadyAnswered or InvitationExpired."""
    with transaction.atomic():
        invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.is_completed:
            raise AlreadyAnswered
        if invitation.is_expired():
            raise InvitationExpired
        now = timezone.now()
        response = SurveyResponse(
            invitation=invitation,
            service_id=invitation.service_id,
            service_key=invitation.service_key,
            service_title=invitation.service_title,
            language=translation.get_language() or invitation.language,
            comment=mask_personal_data(comment or "").strip(),
            submitted_at=now,
            **{field: int(scores[field]) for field in FIELDS},
        )
        response.full_clean(exclude=["invitation", "service"])
        response.save()
        invitation.completed_at = now
        invitation.save(update_fields=["completed_at"])
    return response


# Periods -------------------------------------------------------------------------


def quarter_bounds(year, quarter):
    first_month = 3 * (quarter - 1) + 1
    start = date(year, first_month, 1)
    end = date(year + (quarter == 4), 1 if quarter == 4 else first_month + 3, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def year_bounds(year):
    return date(year, 1, 1), date(year, 12, 31)
