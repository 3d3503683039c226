"""Site search: what a query finds, in which order, and what the results page shows.

Everything here is plain functions over querysets, tested without HTTP. The view only
reads the request and renders ``run_search``'s outcome.

The pipeline for one query:

1. ``clean_query``: control characters and NUL bytes dropped, length capped;
   ``query_terms``: words only (letters, digits, ``/ . -`` inside words), at most
   ``MAX_TERMS``; no backend ever sees markup or SQL-like punctuation.
2. ``expand_synonyms``: editors' ``SynonymGroup`` terms turn the query into a few
   alternatives (``kartu kuning`` → ``ak/i``, ``kartu pencari kerja``…), searched as an OR.
3. The search backend (``default``; the ``database`` backend when Elasticsearch cannot be
   reached) ranks live, public pages of the request's language, promoted pages excluded.
   All words must match; when none does, any word may ("partial"), then words spelt
   alike (Elasticsearch fuzzy query, or PostgreSQL trigram similarity of titles).
4. Editors' picks (``wagtail.contrib.search_promotions``) come first, marked recommended.
"""

import difflib
import html
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache as django_cache
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.core.signals import setting_changed
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Sum
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy, Or, PlainText

from .models import SearchQueryStat, SynonymGroup, split_terms

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_VARIANTS = 8
MAX_LOGGED_LENGTH = 100
PER_PAGE = 10
SUGGESTIONS = 8
SIMILAR_RESULTS = 10
SNIPPET_LENGTH = 240
SNIPPET_FIELDS = ("search_description", "summary", "introduction", "intro")
SYNONYMS_CACHE_KEY = "search:synonym-groups"
VOCABULARY_CACHE_KEY = "search:title-words:{language}"
CACHE_SECONDS = 300  # synonyms and title words; each process clears its own copy on a change
FALLBACK_BACKEND = "database"
#: PostgreSQL trigram similarity a title must reach to be offered for a misspelt query.
TITLE_SIMILARITY = 0.3

_WORD = re.compile(r"[\w]+(?:[/.\-][\w]+)*")
_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\d[\d .\-]{4,}\d")


# --- Query text -------------------------------------------------------------------------


def clean_query(raw):
    """The query as people typed it, safe to show and to search: no control characters
    (NUL bytes included), single spaces, at most ``MAX_QUERY_LENGTH`` characters."""
    if not isinstance(raw, str):
        return ""
    text = "".join(
        " " if unicodedata.category(char)[0] == "C" else char for char in raw[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """Lower-cased words of the query (``AK/I`` and ``K3`` stay whole), at most ``MAX_TERMS``."""
    return list(dict.fromkeys(_WORD.findall(query.lower().replace("_", " "))))[:MAX_TERMS]


def _synonym_groups():
    groups = django_cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = [
            [tuple(query_terms(term)) for term in split_terms(terms)]
            for terms in SynonymGroup.objects.values_list("terms", flat=True)
        ]
        groups = [[term for term in group if term] for group in groups]
        django_cache.set(SYNONYMS_CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def forget_synonyms(**kwargs):
    django_cache.delete(SYNONYMS_CACHE_KEY)


def _find(words, phrase):
    for start in range(len(words) - len(phrase) + 1):
        if tuple(words[start : start + len(phrase)]) == phrase:
            return start
    return -1


def expand_synonyms(terms):
    """The query's words, then each alternative an editor's synonym group gives them.

    ``["syarat", "kartu", "kuning"]`` with the group "kartu kuning, AK/I" gives
    ``[("syarat", "kartu", "kuning"), ("syarat", "ak/i")]``; at most ``MAX_VARIANTS``.
    """
    return _expand(terms)[0]


def _expand(terms):
    """``expand_synonyms``'s variants, and the synonym phrases that they brought in."""
    variants, phrases = [tuple(terms)], []
    if not terms:
        return variants, phrases
    for group in _synonym_groups():
        for variant in list(variants):
            # The longest term of the group that the query contains is the one replaced.
            for phrase in sorted(group, key=len, reverse=True):
                start = _find(variant, phrase)
                if start < 0:
                    continue
                for other in group:
                    if other != phrase:
                        candidate = variant[:start] + other + variant[start + len(phrase) :]
                        if candidate not in variants and len(variants) < MAX_VARIANTS:
                            variants.append(candidate)
                            phrases.append(" ".join(other))
                break
    return variants, phrases


def build_query(variants, operator="and"):
    """A backend query: the words of one variant, or an OR of the variants."""
    queries = [PlainText(" ".join(variant), operator=operator) for variant in variants if variant]
    if len(queries) == 1:
        return queries[0]
    return Or(queries)


def highlight(text, terms):
    """``text`` escaped, with words starting with one of ``terms`` in ``<mark>``.

    A term of several words (a synonym such as "kartu pencari kerja") is marked only
    where the words follow each other.
    """
    escaped = escape(text)
    phrases = set()
    for term in terms:
        words = [word for word in re.findall(r"\w+", term) if word]
        if words and (len(words) > 1 or len(words[0]) > 1):
            phrases.add(r"\W+".join(re.escape(word) for word in words))
    if not phrases:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    # Longest first; never inside an entity such as &amp; or &#x27;.
    pattern = re.compile(
        r"(?<![\w&#])(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")\w*", re.IGNORECASE
    )
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))  # noqa: S308


def snippet_text(page):
    """The page's own summary: search description, else summary or introduction."""
    for name in SNIPPET_FIELDS:
        value = getattr(page, name, "")
        if not isinstance(value, str) or not value.strip():
            continue
        try:
            rich = isinstance(page._meta.get_field(name), RichTextField)
        except FieldDoesNotExist:
            rich = False
        text = html.unescape(strip_tags(value)) if rich else value
        return Truncator(" ".join(text.split())).chars(SNIPPET_LENGTH)
    return ""


def loggable_query(query):
    """What may be stored of a query: lower case, at most ``MAX_LOGGED_LENGTH`` characters,
    e-mail addresses and long numbers (identity card, telephone) masked."""
    text = " ".join(query.lower().split())
    text = _EMAIL.sub("[email]", text)
    text = _LONG_NUMBER.sub("[number]", text)
    return text[:MAX_LOGGED_LENGTH].strip()


# --- Backends ---------------------------------------------------------------------------


@cache
def _backend(name):
    return get_search_backend(name)


@receiver(setting_changed)
def _forget_backends(setting, **kwargs):
    if setting == "WAGTAILSEARCH_BACKENDS":
        _backend.cache_clear()
        _has_trigram.cache_clear()


def _fallback_name():
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    return FALLBACK_BACKEND if FALLBACK_BACKEND in backends and "default" in backends else None


#: Set in the cache, shared by every worker, while the default backend is skipped.
BACKEND_DOWN_KEY = "search:default-backend-down"


def with_fallback(run):
    """``run(backend)`` on the default backend; on the database backend, with a warning in
    the log, when the default (Elasticsearch) fails: unreachable, timed out, index missing.

    After a failure the default backend is skipped for ``SEARCH_BACKEND_RETRY_SECONDS``:
    a cluster that accepts connections but never answers would otherwise hold every
    search for its whole timeout, and the web workers with it."""
    fallback = _fallback_name()
    if fallback is None:
        return run(_backend("default")), "default"
    if django_cache.get(BACKEND_DOWN_KEY):
        return run(_backend(fallback)), fallback
    try:
        return run(_backend("default")), "default"
    except Exception as error:  # noqa: BLE001 - any failure of the external service
        retry_seconds = settings.SEARCH_BACKEND_RETRY_SECONDS
        logger.warning(
            "Search backend 'default' failed (%s: %s); answering from the %r backend "
            "for the next %s seconds.",
            type(error).__name__,
            str(error)[:200],
            fallback,
            retry_seconds,
        )
        if retry_seconds > 0:
            django_cache.set(BACKEND_DOWN_KEY, True, retry_seconds)
        return run(_backend(fallback)), fallback


def _is_postgres_database(backend):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _is_elasticsearch(backend):
    return type(backend).__module__.split(".")[-1].startswith(("elasticsearch", "opensearch"))


@cache
def _has_trigram():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


# --- Pages ------------------------------------------------------------------------------


def public_pages(locale):
    """Live, public pages of one language (not the tree's root), specific."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


def type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


@dataclass
class TypeCount:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Result:
    page: Page
    title: str
    url: str
    snippet: str
    type_label: str
    recommended: bool = False
    description: str = ""


@dataclass
class SearchOutcome:
    query: str = ""
    terms: list = field(default_factory=list)
    page_obj: object = None
    results: list = field(default_factory=list)
    total: int = 0
    type_counts: list = field(default_factory=list)
    selected_type: str = ""
    promotions: list = field(default_factory=list)
    partial: bool = False
    similar: bool = False
    suggestion: str = ""
    backend: str = "default"

    @property
    def has_results(self):
        return bool(self.results or self.promotions)

    external_count: int = 0
    picks_count: int = 0

    @property
    def all_count(self):
        """Everything found for the query, whatever the type filter: pages and links."""
        return sum(item.count for item in self.type_counts) + self.external_count

    @property
    def found_count(self):
        """What this view shows: the matches (all pages of them), similar pages and picks.
        Picks of later result pages are counted too: they are shown on the first."""
        similar = len(self.results) if self.similar else 0
        return self.total + similar + self.picks_count


class _BackendMatches:
    """Counts per page type from the backend's facet, then a search for the page shown."""

    def __init__(self, backend, query, pages):
        self.backend, self.query, self.pages = backend, query, pages
        self._facets = backend.search(query, pages).facet("content_type_id")

    def facets(self):
        return self._facets

    def results(self, content_type_id, total):
        pages = self.pages.filter(content_type=content_type_id) if content_type_id else self.pages
        return _CountedResults(self.backend.search(self.query, pages), total)


class _RankedMatches:
    """Every match as (id, type), best first, in one SQL query: on PostgreSQL, counting
    per type and ranking in two queries would read the index twice. Only the pages of
    the page shown are then loaded."""

    def __init__(self, backend, query, pages):
        compiler = backend.search(query, pages).query_compiler
        ranked = compiler.search(compiler.get_config(backend), None, None, backend=backend)
        self.rows = list(ranked.values_list("pk", "content_type_id"))
        self.pages = pages

    def facets(self):
        return dict(Counter(content_type_id for _pk, content_type_id in self.rows))

    def results(self, content_type_id, total):
        return _PagesById(
            [pk for pk, type_id in self.rows if content_type_id is None or type_id == content_type_id],
            self.pages,
        )


class _PagesById:
    """A list of page ids that the paginator slices; a slice loads those pages, in order."""

    def __init__(self, ids, pages):
        self.ids, self.pages = ids, pages

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, key):
        ids = self.ids[key]
        found = {page.pk: page for page in self.pages.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


class _CountedResults:
    """Search results whose total is already known (from the facet), so the paginator
    does not run a second count query."""

    def __init__(self, results, total):
        self._results = results
        self._total = total

    def count(self):
        return self._total

    def __len__(self):
        return self._total

    def __getitem__(self, key):
        return self._results[key]


def _type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name_plural).capitalize() if model else ""


def _type_counts(facets, selected):
    counts = []
    for content_type_id, count in facets.items():
        if not content_type_id or not count:
            continue
        content_type = ContentType.objects.get_for_id(content_type_id)
        key = type_key(content_type)
        counts.append(TypeCount(key, _type_label(content_type_id), count, key == selected))
    return sorted(counts, key=lambda item: (-item.count, item.label))


def _results(pages, request, terms, recommended=False):
    pages = list(pages)
    return [
        Result(
            page=page,
            title=page.title,
            url=page.get_url(request) or "",
            snippet=highlight(snippet_text(page), terms),
            type_label=str(page._meta.verbose_name).capitalize(),
            recommended=recommended,
        )
        for page in pages
    ]


def promotions_for(query, terms, locale, request):
    """Editors' picks for this query: pages in the request's language (a picked page of
    another language gives its translation), then external links; never drafts or
    private pages."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    keys = {" ".join(query.lower().split()), " ".join(terms)} - {""}
    if not keys:
        return []
    picks = list(SearchPromotion.objects.filter(query__query_string__in=keys).order_by("sort_order", "pk"))
    if not picks:
        return []
    source_ids = [pick.page_id for pick in picks if pick.page_id]
    translation_keys = dict(Page.objects.filter(pk__in=source_ids).values_list("pk", "translation_key"))
    pages = public_pages(locale).filter(translation_key__in=translation_keys.values())
    by_key = {page.translation_key: page for page in pages.specific()}
    promoted, seen = [], set()
    for pick in picks:
        if pick.page_id:
            page = by_key.get(translation_keys.get(pick.page_id))
            if page is None or page.pk in seen:
                continue
            seen.add(page.pk)
            result = _results([page], request, terms, recommended=True)[0]
            if pick.description:
                result.snippet = highlight(pick.description, terms)
            promoted.append(result)
        elif pick.external_link_url:
            promoted.append(
                Result(
                    page=None,
                    title=pick.external_link_text or pick.external_link_url,
                    url=pick.external_link_url,
                    snippet=highlight(pick.description, terms),
                    type_label="",
                    recommended=True,
                )
            )
    return promoted


# --- Spelling -----------------------------------------------------------------------------


def _title_words(locale):
    key = VOCABULARY_CACHE_KEY.format(language=locale.language_code)
    words = django_cache.get(key)
    if words is None:
        titles = public_pages(locale).values_list("title", flat=True)
        found = {word for title in titles for word in query_terms(title) if len(word) > 2}
        for group in _synonym_groups():
            found.update(word for term in group for word in term if len(word) > 2)
        words = sorted(found)
        django_cache.set(key, words, CACHE_SECONDS)
    return words


def spelling_suggestion(terms, locale):
    """The query with each word unknown to the titles replaced by the closest known word,
    e.g. ``pelatiahn las`` → ``pelatihan las``; empty when nothing changes."""
    vocabulary = _title_words(locale)
    known = set(vocabulary)
    corrected = []
    for term in terms:
        if term in known or len(term) < 4 or term.isdigit():
            corrected.append(term)
            continue
        close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
        corrected.append(close[0] if close else term)
    return " ".join(corrected) if corrected != list(terms) else ""


def _similar_pages(backend, pages, terms):
    """Pages for a misspelt query: Elasticsearch's fuzzy match, or on PostgreSQL with
    pg_trgm the titles most alike (trigram word similarity). None when the backend has
    neither (SQLite)."""
    text = " ".join(terms)
    if _is_elasticsearch(backend):
        return list(backend.search(Fuzzy(text), pages)[:SIMILAR_RESULTS])
    if _is_postgres_database(backend) and _has_trigram():
        from django.contrib.postgres.search import TrigramWordSimilarity

        return list(
            pages.annotate(similarity=TrigramWordSimilarity(text, "title"))
            .filter(similarity__gte=TITLE_SIMILARITY)
            .order_by("-similarity", "-pk")[:SIMILAR_RESULTS]
        )
    return None


# --- The search -------------------------------------------------------------------------


def run_search(raw_query, locale=None, request=None, page_type="", page_number=1, per_page=PER_PAGE):
    """Search the live, public pages of ``locale`` (the active language by default).

    ``page_type`` is an ``app_label.model`` key from the outcome's ``type_counts``;
    an unknown one is ignored. ``page_number`` is clamped like ``core.pagination``.
    """
    locale = locale or Locale.get_active()
    query = clean_query(raw_query)
    terms = query_terms(query)
    outcome = SearchOutcome(query=query, terms=terms)
    if not terms:
        return outcome

    variants, synonyms = _expand(terms)
    # The query's own words, and each synonym as a whole phrase.
    highlight_terms = list(terms) + synonyms
    selected = None
    if page_type and isinstance(page_type, str) and page_type.count(".") == 1:
        app_label, model = page_type.lower().split(".")
        selected = ContentType.objects.filter(app_label=app_label, model=model).first()

    promotions = promotions_for(query, terms, locale, request)
    promoted_ids = [result.page.pk for result in promotions if result.page is not None]
    promoted_types = Counter(result.page.content_type_id for result in promotions if result.page is not None)
    pages = public_pages(locale).exclude(id__in=promoted_ids).specific()

    def search(backend):
        strategy = _RankedMatches if _is_postgres_database(backend) else _BackendMatches
        for operator in ("and", "or"):
            if operator == "or" and len(terms) < 2:
                break
            matches = strategy(backend, build_query(variants, operator), pages)
            facets = matches.facets()
            if sum(facets.values()):
                break
        # Counts per type include the editors' picks shown above the results.
        counts = _type_counts(Counter(facets) + promoted_types, type_key(selected) if selected else "")
        chosen = selected if selected and any(item.selected for item in counts) else None
        total = facets.get(chosen.pk, 0) if chosen else sum(facets.values())
        page_obj = None
        similar = None
        if total:
            paginator = Paginator(matches.results(chosen.pk if chosen else None, total), per_page)
            try:
                number = int(page_number)
            except (TypeError, ValueError):
                number = 1
            page_obj = paginator.page(min(max(number, 1), paginator.num_pages))
            page_obj.object_list = list(page_obj.object_list)
        elif not promotions:
            similar = _similar_pages(backend, pages, terms)
        return operator, counts, chosen, total, page_obj, similar

    (operator, counts, chosen, total, page_obj, similar), outcome.backend = with_fallback(search)
    outcome.type_counts = counts
    outcome.external_count = sum(1 for result in promotions if result.page is None)
    outcome.selected_type = type_key(chosen) if chosen else ""
    outcome.total = total
    outcome.partial = operator == "or" and bool(total)
    if chosen:
        promotions = [pick for pick in promotions if pick.page and pick.page.content_type_id == chosen.pk]
    outcome.picks_count = len(promotions)
    outcome.promotions = promotions if (page_obj is None or page_obj.number == 1) else []
    if page_obj is not None:
        outcome.page_obj = page_obj
        outcome.results = _results(page_obj.object_list, request, highlight_terms)
    elif similar:
        outcome.similar = True
        outcome.results = _results(similar, request, highlight_terms)
    if not outcome.results and not outcome.promotions:
        outcome.suggestion = spelling_suggestion(terms, locale)
    return outcome


# --- Answers from content that is not a page ------------------------------------------------

#: Wagtail hook: ``fn(query, terms, locale, limit)`` returns ``Answer`` items from content
#: that is not a page (the FAQ's questions), shown above the page results.
ANSWERS_HOOK = "search_answers"
ANSWERS = 3


@dataclass
class Answer:
    title: str
    url: str
    snippet: str


def answers_for(query, terms, locale, limit=ANSWERS):
    from wagtail import hooks

    found = []
    for answers in hooks.get_hooks(ANSWERS_HOOK):
        found.extend(answers(query, terms, locale, limit))
    return found[:limit]


def suggest(raw_query, locale=None, request=None, limit=SUGGESTIONS):
    """Up to ``limit`` live, public pages of the language whose titles start like the
    query: the backend's autocomplete, else titles containing the words."""
    locale = locale or Locale.get_active()
    terms = query_terms(clean_query(raw_query))
    if not terms or len("".join(terms)) < 2:
        return []
    pages = public_pages(locale)
    text = " ".join(terms)

    def autocomplete(backend):
        try:
            return list(backend.autocomplete(text, pages)[:limit])
        except NotImplementedError:
            found = pages
            for term in terms:
                found = found.filter(title__icontains=term)
            return list(found.order_by("title")[:limit])

    found, _name = with_fallback(autocomplete)
    return [{"title": page.title, "url": page.get_url(request) or ""} for page in found]


# --- What people search for -------------------------------------------------------------


def record_search(query, language_code, results):
    """Count one search of ``query`` today; nothing else about the search is kept."""
    text = loggable_query(query)
    if not text:
        return
    today = timezone.localdate()
    rows = SearchQueryStat.objects.filter(query=text, language_code=language_code, date=today)
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # A counter: not worth waiting for the disk on every search.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            if not rows.update(hits=F("hits") + 1, results=results):
                SearchQueryStat.objects.create(
                    query=text, language_code=language_code, date=today, hits=1, results=results
                )
    except IntegrityError:  # created by a concurrent request in between
        rows.update(hits=F("hits") + 1, results=results)


def query_report(language_code, days=30, limit=20):
    """The most searched queries, and those that found nothing, over the last ``days``."""
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = SearchQueryStat.objects.filter(language_code=language_code, date__gte=since)
    top = rows.values("query").annotate(searches=Sum("hits")).order_by("-searches", "query")[:limit]
    zero = (
        rows.filter(results=0).values("query").annotate(searches=Sum("hits")).order_by("-searches", "query")
    )[:limit]
    return {"since": since, "top": list(top), "zero": list(zero)}
