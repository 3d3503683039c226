"""Consultation rules without HTTP: states from dates, listings, public comments."""

import datetime
import zoneinfo

from django.utils import timezone

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def jakarta_today(now=None):
    """The date in Palembang (WIB) at ``now``, whatever the server's zone."""
    return (now or timezone.now()).astimezone(JAKARTA).date()


def state(opens_on, closes_on, now=None):
    """Upcoming before the opening date, open from 00.00 WIB on it to 23.59
    WIB on the closing date, closed after."""
    today = jakarta_today(now)
    if today < opens_on:
        return UPCOMING
    if today > closes_on:
        return CLOSED
    return OPEN


def closes_at(closes_on):
    """The moment comments stop: midnight WIB after the closing date."""
    return datetime.datetime.combine(closes_on + datetime.timedelta(days=1), datetime.time(), tzinfo=JAKARTA)


def grouped(consultations, now=None):
    """``{"open": [...], "upcoming": [...], "closed": [...]}``: open ones closing
    soonest first, upcoming ones opening soonest first, closed ones latest first."""
    groups = {OPEN: [], UPCOMING: [], CLOSED: []}
    for consultation in consultations:
        groups[consultation.state_at(now)].append(consultation)
    groups[OPEN].sort(key=lambda page: (page.closes_on, page.title))
    groups[UPCOMING].sort(key=lambda page: (page.opens_on, page.title))
    groups[CLOSED].sort(key=lambda page: (page.closes_on, page.title), reverse=True)
    return groups


def public_comments(consultation):
    """Approved comments on any language version of ``consultation``, oldest first."""
    from .models import ConsultationComment

    return (
        ConsultationComment.objects.filter(
            consultation__translation_key=consultation.translation_key,
            status=ConsultationComment.APPROVED,
        )
        .select_related("consultation")
        .order_by("created_at", "pk")
    )
