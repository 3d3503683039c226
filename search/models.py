"""Editors' synonyms, and what people searched for (no personal data)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

MAX_TERMS = 20
MAX_TERM_LENGTH = 60


def split_terms(text):
    """The distinct, lower-cased terms of a comma- or newline-separated list, in order."""
    terms = (" ".join(term.split()).lower() for term in re.split(r"[,\n;]", text or ""))
    return list(dict.fromkeys(term for term in terms if term))


class SynonymGroup(models.Model):
    """Words people use for the same thing, e.g. "kartu kuning, AK/I, kartu pencari kerja".

    A query that contains one of the terms also finds pages that use any other term
    of the group, on every search backend.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words or phrases that mean the same thing, separated by commas, in any language, "
            "e.g. kartu kuning, AK/I, kartu pencari kerja, kartu AK1, job-seeker card."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        super().clean()
        terms = self.term_list
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two terms, separated by commas.")})
        if len(terms) > MAX_TERMS:
            raise ValidationError({"terms": _("Give at most %(count)d terms.") % {"count": MAX_TERMS}})
        if any(len(term) > MAX_TERM_LENGTH for term in terms):
            raise ValidationError(
                {"terms": _("Each term must be at most %(count)d characters.") % {"count": MAX_TERM_LENGTH}}
            )
        self.terms = ", ".join(terms)


class SearchQueryStat(models.Model):
    """How often a normalised query was searched on one day in one language.

    One row per query, language and day: no time of day, address, user or session is
    kept; long numbers and e-mail addresses are masked before the query is stored.
    """

    query = models.CharField(_("query"), max_length=100)
    language_code = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results at the latest search"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language_code", "date"], name="one_stat_per_query_and_day"
            )
        ]
        indexes = [models.Index(fields=["language_code", "date"], name="search_stat_language_date")]

    def __str__(self):
        return f"{self.query} ({self.language_code}, {self.date})"
