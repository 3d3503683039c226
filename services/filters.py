"""Filtering the service directory: plain functions over a queryset, no HTTP.

``parse_filters`` turns query parameters into ``ServiceFilters``; a value
that is unknown or malformed is dropped, so a bad link shows the whole
directory instead of an error. ``filter_services`` applies them with ordinary
database lookups (no full-text search): the same on SQLite and PostgreSQL.
"""

import string
from dataclasses import dataclass, field, replace

from django.db.models import Q
from django.db.models.functions import Lower, Substr, Upper

from .choices import AUDIENCE_FIELDS, Audience, Category

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8
LETTERS = string.ascii_uppercase
PARAMETERS = ("q", "audience", "category", "division", "letter")


@dataclass(frozen=True)
class FilterOptions:
    """What the select boxes offer. Divisions: only those with a service here."""

    divisions: list = field(default_factory=list)  # [(code, name)] in the division order

    @property
    def division_codes(self):
        return {code for code, _name in self.divisions}


@dataclass(frozen=True)
class ServiceFilters:
    audience: str = ""
    category: str = ""
    division: str = ""
    letter: str = ""
    q: str = ""

    @property
    def active(self):
        return any(getattr(self, name) for name in PARAMETERS)

    def as_initial(self):
        return {name: getattr(self, name) for name in PARAMETERS}


def filter_options(services, locale):
    """The divisions responsible for at least one of ``services``, named in ``locale``."""
    from offices.services import divisions_for

    codes = set(services.exclude(division__isnull=True).values_list("division__code", flat=True).distinct())
    divisions = []
    for division in divisions_for(locale):
        if division.code in codes and division.code not in {code for code, _name in divisions}:
            divisions.append((division.code, division.short_name or division.name))
    return FilterOptions(divisions=divisions)


def _param(params, name):
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def parse_filters(params, options=None):
    """Filters from query parameters (a QueryDict or a dict).

    Audience, category and letter are accepted in any letter case; a division
    not among ``options`` (when given) is ignored, as is anything malformed.
    """
    audience = _param(params, "audience").lower()
    category = _param(params, "category").lower()
    division = _param(params, "division")
    if options is not None:
        division = {code.lower(): code for code in options.division_codes}.get(division.lower(), "")
    elif not (division.isascii() and division.replace("-", "").replace("_", "").isalnum()):
        division = ""
    letter = _param(params, "letter").upper()
    query = " ".join(_param(params, "q").split())[:MAX_QUERY_LENGTH]
    return ServiceFilters(
        audience=audience if audience in Audience.values else "",
        category=category if category in Category.values else "",
        division=division[:50],
        letter=letter if len(letter) == 1 and letter in LETTERS else "",
        q=query,
    )


def filter_services(services, filters):
    if filters.audience:
        services = services.filter(**{AUDIENCE_FIELDS[Audience(filters.audience)]: True})
    if filters.category:
        services = services.filter(category=filters.category)
    if filters.division:
        services = services.filter(division__code=filters.division)
    if filters.letter:
        services = services.filter(title__istartswith=filters.letter)
    condition = text_condition(filters.q)
    if condition is not None:
        services = services.filter(condition)
    return services


def text_condition(query):
    """Every word of ``query`` must appear in the title or the summary, in any
    letter case; ``None`` when there are no words."""
    condition = None
    for word in query.split()[:MAX_WORDS]:
        term = Q(title__icontains=word) | Q(summary__icontains=word)
        condition = term if condition is None else condition & term
    return condition


def order_services(services):
    return services.order_by(Lower("title"), "pk")


def initials(services):
    """The first letters (A–Z) of the titles of ``services``."""
    first = services.order_by().annotate(initial=Upper(Substr("title", 1, 1)))
    return set(first.values_list("initial", flat=True).distinct()) & set(LETTERS)


def letter_links(services, filters):
    """The A–Z bar: each letter with whether a service matching the other
    filters starts with it (letters leading nowhere are not links) and
    whether it is the chosen one."""
    present = initials(filter_services(services, replace(filters, letter="")))
    return [
        {"letter": letter, "available": letter in present, "current": letter == filters.letter}
        for letter in LETTERS
    ]
