"""Filtering the regulations library: plain functions over a queryset, no HTTP.

``parse_filters`` turns query parameters into a ``RegulationFilters``; values
that are unknown or malformed are dropped, so a bad link shows the whole list
instead of an error. ``filter_regulations`` applies them with ordinary
database lookups (no full-text search), so it behaves the same on SQLite and
PostgreSQL.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, Value, When

from .choices import RegulationType

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8

#: Words of a citation that say nothing by themselves: "No. 44 Tahun 2016".
STOP_WORDS = {"no", "nomor", "nomer", "nr", "number", "tahun", "thn", "th", "year", "of", "tentang", "about"}

#: Names people type for a type of regulation, longest first so that
#: "peraturan walikota" wins over a shorter match.
TYPE_ALIASES = {
    "undang-undang": RegulationType.UU,
    "undang undang": RegulationType.UU,
    "peraturan pemerintah": RegulationType.PP,
    "peraturan presiden": RegulationType.PERPRES,
    "peraturan menteri": RegulationType.PERMEN,
    "permenpan rb": RegulationType.PERMEN,
    "permenpan-rb": RegulationType.PERMEN,
    "permenpanrb": RegulationType.PERMEN,
    "permenpan": RegulationType.PERMEN,
    "permenaker": RegulationType.PERMEN,
    "peraturan daerah": RegulationType.PERDA,
    "peraturan walikota": RegulationType.PERWALI,
    "peraturan wali kota": RegulationType.PERWALI,
    "perwal": RegulationType.PERWALI,
    "perwako": RegulationType.PERWALI,
    "keputusan walikota": RegulationType.KEPWAL,
    "keputusan wali kota": RegulationType.KEPWAL,
    "kepwali": RegulationType.KEPWAL,
    "surat edaran": RegulationType.SE,
    **{code.lower(): code for code in RegulationType.values},
}
_ALIAS_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(a) for a in sorted(TYPE_ALIASES, key=len, reverse=True))
    + r")(?![\w-])"
)
_NUMBER_YEAR = re.compile(r"^(?P<number>.+)/(?P<year>\d{4})$")
_TRIM = ".,;:!?()[]\"'“”"


@dataclass(frozen=True)
class FilterOptions:
    """The values the select boxes offer: only those that exist."""

    types: list = field(default_factory=list)  # [(code, label)] in hierarchy order
    years: list = field(default_factory=list)  # newest first

    @property
    def type_codes(self):
        return {code for code, _label in self.types}


@dataclass(frozen=True)
class RegulationFilters:
    type: str = ""
    year: int | None = None
    q: str = ""

    @property
    def active(self):
        return bool(self.type or self.year or self.q)

    def as_initial(self):
        return {"type": self.type, "year": str(self.year) if self.year else "", "q": self.q}


def filter_options(queryset):
    """The types and years present in ``queryset``."""
    base = queryset.order_by()
    present = set(base.values_list("regulation_type", flat=True).distinct())
    types = [(code, label) for code, label in RegulationType.choices if code in present]
    years = sorted(set(base.values_list("year", flat=True).distinct()), reverse=True)
    return FilterOptions(types=types, years=years)


def parse_filters(params, options=None):
    """Filters from query parameters (a QueryDict or a dict).

    A type is accepted in any letter case; a type or year that is not one of
    ``options`` (when given) is ignored, as is anything malformed.
    """
    codes = options.type_codes if options is not None else set(RegulationType.values)
    by_lower = {code.lower(): code for code in codes}
    type_code = by_lower.get(_param(params, "type").lower(), "")

    year = None
    raw_year = _param(params, "year")
    if raw_year.isascii() and raw_year.isdigit() and len(raw_year) == 4:
        year = int(raw_year)
        if options is not None and year not in options.years:
            year = None

    # Control characters go: PostgreSQL refuses a NUL in a query parameter.
    text = "".join(
        ch if ch.isprintable() or ch.isspace() else "" for ch in _param(params, "q")[: MAX_QUERY_LENGTH * 4]
    )
    query = " ".join(text.split())[:MAX_QUERY_LENGTH]
    return RegulationFilters(type=type_code, year=year, q=query)


def _param(params, name):
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def filter_regulations(queryset, filters):
    if filters.type:
        queryset = queryset.filter(regulation_type=filters.type)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    condition = text_condition(filters.q)
    if condition is not None:
        queryset = queryset.filter(condition)
    return queryset


def text_condition(query):
    """A ``Q`` matching the words of ``query`` against number, year, type,
    title and issuer, every word having to match; ``None`` for no words.

    "perwali 44", "44/2016", "Nomor 44 Tahun 2016" and "PER.15/MEN/2014"
    all find what a reader expects; "44" does not match number 144.
    """
    condition = None
    for term in _terms(query):
        condition = term if condition is None else condition & term
    return condition


def _terms(query):
    text = query.lower()[:MAX_QUERY_LENGTH]
    terms = []
    # Type names first ("peraturan walikota"), then the remaining words.
    for alias in _ALIAS_PATTERN.findall(text):
        terms.append(Q(regulation_type=TYPE_ALIASES[alias]) | Q(title__iregex=_bounded(re.escape(alias))))
    text = _ALIAS_PATTERN.sub(" ", text)
    words = [word.strip(_TRIM) for word in text.split()]
    words = [word for word in words if word and word not in STOP_WORDS]
    for word in words[:MAX_WORDS]:
        terms.append(_word_condition(word))
    return terms[:MAX_WORDS]


def _word_condition(word):
    if word.isascii() and word.isdigit():
        condition = Q(number__iregex=_bounded(word)) | Q(title__iregex=_bounded(word))
        if len(word) == 4:
            condition |= Q(year=int(word))
        return condition
    condition = Q(number__icontains=word) | Q(title__icontains=word) | Q(issuer__icontains=word)
    match = _NUMBER_YEAR.match(word)
    if match:
        condition |= Q(number__iexact=match["number"], year=int(match["year"]))
    return condition


def _bounded(pattern):
    """A regular expression matching ``pattern`` not inside a longer word or
    number; written without ``\\b``, which PostgreSQL reads differently."""
    return rf"(^|[^a-z0-9]){pattern}([^a-z0-9]|$)"


def order_regulations(queryset):
    """Newest year first, then by type in the order of the hierarchy."""
    type_rank = Case(
        *[When(regulation_type=code, then=Value(rank)) for rank, code in enumerate(RegulationType.values)],
        default=Value(len(RegulationType.values)),
        output_field=IntegerField(),
    )
    return queryset.annotate(type_rank=type_rank).order_by(
        "-year", "type_rank", F("date_enacted").desc(nulls_last=True), "number", "pk"
    )
