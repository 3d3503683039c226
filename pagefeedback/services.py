"""Recording votes and counting them for the editors' report."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, F, FloatField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone
from wagtail.models import Locale, Page

from core.crypto import keyed_hash
from core.publicforms import client_fingerprint

from .models import PageFeedback
from .redaction import redact

#: The report's windows in days; ``None`` is "all time".
WINDOWS = (7, 30, 90, None)


def pages_taking_feedback():
    """Pages a vote may be about: live, public, below the root."""
    return Page.objects.live().public().filter(depth__gt=1)


def today():
    return timezone.localdate()


def voter_key(request, page, day=None):
    """One key per visitor, page (in either language) and day: a second vote collides."""
    day = day or today()
    return keyed_hash(f"page-feedback|{client_fingerprint(request)}|{page.translation_key}|{day.isoformat()}")


def record_vote(request, page, helpful, comment=""):
    """Store a vote; returns ``(vote, stored)``.

    A visitor's second vote on the page the same day changes nothing, except
    that a "no" without a comment may get its comment afterwards (the
    JavaScript widget records "no" first, then asks what was wrong).
    """
    comment = redact(comment.strip()) if not helpful else ""
    key = voter_key(request, page)
    existing = PageFeedback.objects.filter(voter_key=key).first()
    if existing is not None:
        if comment and not existing.helpful and not helpful and not existing.comment:
            existing.comment = comment
            existing.save(update_fields=["comment"])
            return existing, True
        return existing, False
    vote = PageFeedback(
        page=page,
        translation_key=page.translation_key,
        locale_id=page.locale_id,
        helpful=helpful,
        comment=comment,
        voter_key=key,
    )
    try:
        with transaction.atomic():
            vote.save()
    except IntegrityError:  # the same visitor's vote arrived twice at once
        return PageFeedback.objects.get(voter_key=key), False
    return vote, True


def _count(helpful, since):
    votes = PageFeedback.objects.filter(translation_key=OuterRef("translation_key"), helpful=helpful)
    if since is not None:
        votes = votes.filter(created_at__gte=since)
    counted = votes.order_by().values("translation_key").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _percent(yes, no):
    """Share of "yes" in per cent, or NULL without votes (sorts last)."""
    total = Cast(yes, FloatField()) + Cast(no, FloatField())
    return Cast(yes, FloatField()) * Value(100.0) / NullIf(total, Value(0.0))


def report_pages(now=None, section=None):
    """One page per translation key that has votes (the default language's
    version where it exists), annotated with yes/no counts and the share
    of "yes" for each window: ``yes_7``, ``no_7``, ``useful_7`` … ``yes_all``."""
    now = now or timezone.now()
    voted_keys = PageFeedback.objects.values("translation_key")
    pages = Page.objects.filter(translation_key__in=voted_keys)
    if section is not None:
        pages = pages.filter(translation_key__in=_keys_in_section(section))
    default_locale = Locale.get_default()
    shown = {}
    for pk, key, locale_id in pages.values_list("pk", "translation_key", "locale_id").order_by("pk"):
        if key not in shown or locale_id == default_locale.pk:
            shown[key] = pk
    annotations = {}
    for days in WINDOWS:
        suffix = days or "all"
        since = now - datetime.timedelta(days=days) if days else None
        annotations[f"yes_{suffix}"] = _count(True, since)
        annotations[f"no_{suffix}"] = _count(False, since)
    queryset = Page.objects.filter(pk__in=shown.values()).annotate(**annotations)
    queryset = queryset.annotate(votes_all=F("yes_all") + F("no_all"))
    return queryset.annotate(
        **{
            f"useful_{days or 'all'}": _percent(f"yes_{days or 'all'}", f"no_{days or 'all'}")
            for days in WINDOWS
        }
    )


def comments(section=None):
    """The "no" answers that came with a comment, newest first."""
    votes = PageFeedback.objects.filter(helpful=False).exclude(comment="").select_related("page", "locale")
    if section is not None:
        votes = votes.filter(translation_key__in=_keys_in_section(section))
    return votes.order_by("-created_at")


def _keys_in_section(section):
    in_section = Q()
    for root in Page.objects.filter(translation_key=section.translation_key):
        in_section |= Q(path__startswith=root.path)
    return Page.objects.filter(in_section).values("translation_key")


def comment_counts(translation_keys):
    """``{translation_key: number of comments}`` for these pages."""
    rows = (
        comments()
        .filter(translation_key__in=translation_keys)
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"))
    )
    return {row["translation_key"]: row["n"] for row in rows}
