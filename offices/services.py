"""The rules of the offices app, as plain functions tested without HTTP."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from wagtail.models import Locale

from core.models import WEEKDAYS

from .choices import ACCESS_POINT_KINDS, DISTRICTS

VALID_KINDS = frozenset(code for code, _label in ACCESS_POINT_KINDS)
VALID_DISTRICTS = frozenset(code for code, _label in DISTRICTS)


# --- Contact -----------------------------------------------------------------


@dataclass
class Contact:
    address: str
    phone: str
    email: str
    latitude: Decimal | None
    longitude: Decimal | None
    opening_hours: Any


def office_contact(page, site_settings):
    """The office's contact details: the page's own values where given, else
    the site settings' (one place to keep them for footer and profile)."""

    def pick(field):
        own = getattr(page, field, None)
        return own if own else getattr(site_settings, field, None)

    if page.latitude is not None and page.longitude is not None:
        latitude, longitude = page.latitude, page.longitude
    else:
        latitude, longitude = site_settings.latitude, site_settings.longitude
    return Contact(
        address=pick("address") or "",
        phone=pick("phone") or "",
        email=pick("email") or "",
        latitude=latitude,
        longitude=longitude,
        opening_hours=pick("opening_hours"),
    )


# --- Coordinates ---------------------------------------------------------------


def coordinate(value):
    """A coordinate as plain decimal text with a dot, whatever the language
    (Indonesian number formatting would write a comma)."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def coordinates_text(latitude, longitude):
    lat, lon = coordinate(latitude), coordinate(longitude)
    if lat is None or lon is None:
        return ""
    return f"{lat}, {lon}"


def map_url(latitude, longitude, zoom=17):
    """A plain link to OpenStreetMap with a marker: no embed, no script."""
    lat, lon = coordinate(latitude), coordinate(longitude)
    if lat is None or lon is None:
        return ""
    return f"https://www.openstreetmap.org/?{urlencode({'mlat': lat, 'mlon': lon})}#map={zoom}/{lat}/{lon}"


# --- Opening hours ---------------------------------------------------------------


def time_text(value, separator):
    if hasattr(value, "strftime"):
        return value.strftime(f"%H{separator}%M")
    return str(value)[:5].replace(":", separator)


def day_range(first, last):
    """Day numbers (0 = Monday) from ``first`` to ``last``, wrapping past Sunday."""
    first, last = int(first), int(last)
    return [(first + offset) % 7 for offset in range((last - first) % 7 + 1)]


def opening_hours_rows(opening_hours):
    """(first day, last day, opens, closes) for each valid run of days."""
    rows = []
    for block in opening_hours or []:
        value = block.value
        try:
            first, last = int(value["first_day"]), int(value["last_day"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (0 <= first <= 6 and 0 <= last <= 6) or not value.get("opens") or not value.get("closes"):
            continue
        rows.append((first, last, value["opens"], value["closes"]))
    return rows


def hours_summary(opening_hours):
    """One line for listings, in the active language: “Monday–Thursday 08.00–16.00; Friday …”."""
    names = dict(WEEKDAYS)
    parts = []
    for first, last, opens, closes in opening_hours_rows(opening_hours):
        days = str(names[str(first)])
        if last != first:
            days = f"{days}–{names[str(last)]}"
        parts.append(f"{days} {time_text(opens, '.')}–{time_text(closes, '.')}")
    return "; ".join(parts)


# --- Divisions and pages -----------------------------------------------------------


def divisions_for(locale):
    """The divisions in ``locale``, in sort order. A division not yet translated
    shows in the default language rather than disappearing from the organisation."""
    from .models import Division

    divisions = list(Division.objects.filter(locale=locale).select_related("locale"))
    default = Locale.get_default()
    if locale.pk != default.pk:
        translated = {division.translation_key for division in divisions}
        divisions += list(
            Division.objects.filter(locale=default)
            .exclude(translation_key__in=translated)
            .select_related("locale")
        )
    return sorted(divisions, key=lambda division: (division.sort_order, division.name.lower()))


def notify_addresses(division):
    """Where a notice about something a division handles goes: the division's
    e-mail address, else DIALOGUE_NOTIFY_EMAILS. The address is one for all
    languages; a translation not yet synchronised borrows its source's."""
    from .models import Division

    if division is not None:
        address = division.email or (
            Division.objects.filter(translation_key=division.translation_key)
            .exclude(email="")
            .values_list("email", flat=True)
            .first()
        )
        if address:
            return [address]
    return list(getattr(settings, "DIALOGUE_NOTIFY_EMAILS", []) or [])


def profile_for(locale):
    """The live, public office profile in ``locale``, if there is one."""
    from .models import OfficePage

    return OfficePage.objects.live().public().filter(locale=locale).order_by("path").first()


def directory_for(locale):
    """The live, public access point directory in ``locale``, if there is one."""
    from .models import AccessPointIndexPage

    return AccessPointIndexPage.objects.live().public().filter(locale=locale).order_by("path").first()


# --- The access point directory ----------------------------------------------------


def access_points_in(index_page):
    """Live, public access points listed by ``index_page``, in the index's
    language and in the editors' tree order."""
    from .models import AccessPointPage

    return (
        AccessPointPage.objects.child_of(index_page)
        .live()
        .public()
        .filter(locale=index_page.locale)
        .order_by("path")
    )


def clean_filters(params):
    """The kind and district asked for, keeping only known values: anything
    else (a typo, an old link, an attack) means “no filter”."""
    kind = params.get("kind")
    district = params.get("district")
    return {
        "kind": kind if isinstance(kind, str) and kind in VALID_KINDS else "",
        "district": district if isinstance(district, str) and district in VALID_DISTRICTS else "",
    }


def filter_access_points(queryset, params):
    """``queryset`` narrowed by the valid filters in ``params`` (e.g. ``request.GET``);
    returns the queryset and the filters applied."""
    filters = clean_filters(params)
    if filters["kind"]:
        queryset = queryset.filter(kind=filters["kind"])
    if filters["district"]:
        queryset = queryset.filter(district=filters["district"])
    return queryset, filters
