"""How a published service standard is shown: plain functions, no HTTP.

Amounts, durations and links to other pages are turned here into what the
templates print, so that the directory card, the service page and the
schema.org data say the same thing.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .choices import TimeUnit

CENT = Decimal("0.01")


def to_decimal(value):
    """``value`` as a finite Decimal rounded to the cent, or None."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def format_rupiah(amount):
    """ "Rp 50.000" (Indonesian grouping, as on every Indonesian price tag); cents
    only when there are any: "Rp 1.500,50"."""
    number = to_decimal(amount)
    if number is None:
        return ""
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole = int(number)
    cents = int((number - whole) * 100)
    text = f"{whole:,}".replace(",", ".")
    if cents:
        text = f"{text},{cents:02d}"
    return f"Rp {sign}{text}"


def cost_text(amount):
    """What a service costs, for people: "Free" (Indonesian "Gratis") for zero."""
    number = to_decimal(amount)
    if number is None or number == 0:
        return _("Free")
    return format_rupiah(number)


def price_text(amount):
    """The price for schema.org: digits with a dot for decimals, "0" for free."""
    number = to_decimal(amount) or Decimal(0)
    return format(number.normalize(), "f") if number else "0"


def duration_text(amount, unit):
    """ "15 minutes", "3 working days" in the active language."""
    if amount is None:
        return ""
    count = int(amount)
    if unit == TimeUnit.MINUTES:
        text = ngettext("%(count)d minute", "%(count)d minutes", count)
    elif unit == TimeUnit.HOURS:
        text = ngettext("%(count)d hour", "%(count)d hours", count)
    else:
        text = ngettext("%(count)d working day", "%(count)d working days", count)
    return text % {"count": count}


def lines(text):
    """Non-empty lines of a text field, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def in_locale(pages, locale, model=None):
    """The versions in ``locale`` of ``pages`` that are live and public, in the
    order given, each once.

    Links between pages (legal basis, related services, journey steps) are
    matched by translation key, so a link made on the Indonesian page also
    works on its English translation, whichever version the link points to;
    a page not translated, a draft or a private page is left out.
    """
    from wagtail.models import Page

    keys = []
    for page in pages:
        if page is not None and page.translation_key not in keys:
            keys.append(page.translation_key)
    if not keys:
        return []
    queryset = (model or Page).objects.filter(translation_key__in=keys, locale=locale).live().public()
    if model is None:
        queryset = queryset.specific()
    found = {page.translation_key: page for page in queryset}
    return [found[key] for key in keys if key in found]


#: The management components published as editors' text, in the order of
#: Permenpan RB 15/2014: (anchor, field, heading).
TEXT_COMPONENTS = [
    ("facilities", "facilities", _("Facilities")),
    ("staff-competence", "staff_competence", _("Staff competence")),
    ("internal-supervision", "internal_supervision", _("Internal supervision")),
]
GUARANTEE_COMPONENTS = [
    ("service-guarantee", "service_guarantee", _("Service guarantee")),
    ("security", "security_guarantee", _("Security and safety guarantee")),
    ("performance-evaluation", "performance_evaluation", _("Staff performance evaluation")),
]


def text_components(page, components):
    """``(anchor, heading, value)`` of ``components`` for the page template."""
    return [(anchor, heading, getattr(page, field)) for anchor, field, heading in components]
