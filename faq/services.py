"""The FAQ's rules, without HTTP: ordering, the text filter, votes, JSON-LD,
related questions of a service, and the moderation of asked questions."""

import math
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from .models import FAQEntry, FAQEntryService, Vote

#: The z of a 95% confidence interval.
WILSON_Z = 1.96
QUERY_MAX_LENGTH = 100
#: The combining diacritical marks (U+0300–U+036F), as in static/js/faq.js.
COMBINING_MARKS = re.compile("[\u0300-\u036f]")
VOTE_COOKIE = "faq_voter"
VOTE_COOKIE_MAX_AGE = 365 * 24 * 3600
DEFAULT_MAX_VOTES_PER_ADDRESS = 3


# --- Helpfulness and ordering -------------------------------------------------------------


def wilson_lower_bound(yes, no, z=WILSON_Z):
    """The lower bound of the Wilson score interval of the share of "yes".

    A few votes say little: 1 of 1 scores about 0.21, 45 of 50 about 0.79,
    so a well-tried answer beats a lucky one. No votes score 0.
    """
    n = yes + no
    if n == 0:
        return 0.0
    p = yes / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    margin = z * math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)
    return (centre - margin) / (1 + z2 / n)


def entry_sort_key(entry):
    """Pinned entries first (lowest position first), then the most helpful,
    then alphabetically."""
    pinned = entry.pinned_order is not None
    return (
        0 if pinned else 1,
        entry.pinned_order if pinned else 0,
        -entry.helpfulness_score,
        entry.question.lower(),
    )


def ordered_entries(queryset):
    """The entries as a list: by category order, then ``entry_sort_key`` within each."""
    entries = list(queryset.select_related("category").with_votes())
    for entry in entries:
        entry.search_text = entry_text(entry)
    return sorted(
        entries,
        key=lambda entry: (
            (entry.category.sort_order, entry.category.name.lower(), entry.category_id)
            + entry_sort_key(entry)
        ),
    )


@dataclass
class CategoryGroup:
    category: object
    entries: list


def group_by_category(entries):
    """Consecutive entries of one category together (``entries`` come ordered)."""
    groups = []
    for entry in entries:
        if not groups or groups[-1].category.pk != entry.category_id:
            groups.append(CategoryGroup(category=entry.category, entries=[]))
        groups[-1].entries.append(entry)
    return groups


# --- The text filter (static/js/faq.js does the same in the browser) ----------------------


def normalize(text):
    """Lower case, accents removed, anything but letters and digits a single space.

    static/js/faq.js normalises the typed query with the same steps and
    compares it with ``data-faq-text`` (this function's output for the entry).
    """
    text = COMBINING_MARKS.sub("", unicodedata.normalize("NFD", str(text or ""))).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def clean_query(value):
    return " ".join(str(value or "").split())[:QUERY_MAX_LENGTH]


def entry_text(entry):
    """What the filter searches: question, answers and category name, normalised."""
    return normalize(
        " ".join(
            [entry.question, entry.short_answer, strip_tags(entry.full_answer or ""), entry.category.name]
        )
    )


def matches(entry, words):
    text = entry_text(entry)
    return all(word in text for word in words)


def filter_entries(entries, query):
    """The entries whose text contains every word of the query (any order)."""
    words = normalize(query).split()
    if not words:
        return list(entries)
    return [entry for entry in entries if matches(entry, words)]


# --- Related questions of a service -------------------------------------------------------


def related_entries(service_page, limit=5):
    """Live entries in the service page's language linked to this service (in any
    language: links are matched by translation key), most helpful first."""
    entry_ids = FAQEntryService.objects.filter(
        service__translation_key=service_page.translation_key
    ).values_list("entry__translation_key", flat=True)
    queryset = FAQEntry.objects.public().filter(
        locale_id=service_page.locale_id, translation_key__in=entry_ids
    )
    entries = sorted(queryset.select_related("category").with_votes(), key=entry_sort_key)
    return entries[:limit] if limit else entries


def related_services(entry):
    """The entry's services in its language, live and public."""
    from services.models import ServicePage
    from services.standard import in_locale

    return in_locale([link.service for link in entry.related_services.all()], entry.locale, ServicePage)


def related_questions(entry, limit=4):
    """Other live entries of the same category, most helpful first."""
    queryset = FAQEntry.objects.public().filter(category_id=entry.category_id).exclude(pk=entry.pk)
    return sorted(queryset.select_related("category").with_votes(), key=entry_sort_key)[:limit]


# --- JSON-LD --------------------------------------------------------------------------------


def answer_text(entry):
    """The answer as schema.org text: the short answer, then the detail (HTML allowed)."""
    from core.fragments import expand_richtext

    parts = [f"<p>{entry.short_answer}</p>"]
    if entry.full_answer:
        parts.append(expand_richtext(entry.full_answer))
    return "".join(parts)


def faq_json_ld(entries):
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": answer_text(entry)},
            }
            for entry in entries
        ],
    }


# --- Votes ----------------------------------------------------------------------------------


def voter_key(voter_id):
    from core.crypto import keyed_hash

    return keyed_hash("faq-voter:" + voter_id)


def voted_entries(request):
    """Ids of the entries this visitor (by cookie) has voted on."""
    voter_id = request.COOKIES.get(VOTE_COOKIE, "")
    if not re.fullmatch(r"[0-9a-f]{32}", voter_id):
        return set()
    return set(Vote.objects.filter(voter=voter_key(voter_id)).values_list("entry_id", flat=True))


def max_votes_per_address():
    return getattr(settings, "FAQ_MAX_VOTES_PER_ADDRESS", DEFAULT_MAX_VOTES_PER_ADDRESS)


def record_vote(entry, *, voter_id, address, helpful, comment=""):
    """Stores the visitor's vote; a second vote from the same visitor replaces
    the first. Beyond ``FAQ_MAX_VOTES_PER_ADDRESS`` voters from one address,
    votes are kept but not counted. Returns the vote."""
    key = voter_key(voter_id)
    with transaction.atomic():
        vote = Vote.objects.select_for_update().filter(entry=entry, voter=key).first()
        if vote is not None:
            vote.helpful = helpful
            if comment:
                vote.comment = comment
            vote.save(update_fields=["helpful", "comment", "updated_at"])
            return vote
        counted = (
            Vote.objects.filter(entry=entry, address=address, counted=True).count() < max_votes_per_address()
        )
        try:
            with transaction.atomic():
                return Vote.objects.create(
                    entry=entry, voter=key, address=address, helpful=helpful, counted=counted, comment=comment
                )
        except IntegrityError:  # the same visitor's vote arrived twice at once
            return Vote.objects.get(entry=entry, voter=key)


# --- Asked questions ------------------------------------------------------------------------


def notify_office(question):
    """Tells the office a new question arrived (no personal data in the e-mail):
    the answering division's address, else DIALOGUE_NOTIFY_EMAILS."""
    from integrations.email import enqueue_email
    from offices.services import notify_addresses

    recipients = notify_addresses(question.division)
    if not recipients:
        return
    enqueue_email(
        recipients,
        "faq/email/new_question",
        {"reference": question.reference, "admin_url": admin_url(question)},
        language=settings.LANGUAGE_CODE,
        reference=question,
    )


def admin_url(question):
    from django.urls import reverse

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("faq_asked_questions:edit", args=[question.pk])


def division_for(category):
    """The division that answers questions of ``category``, in the default
    language (one per division, as the moderation form lists them): the
    category's own, else that of its default-language original."""
    if category is None:
        return None
    from wagtail.models import Locale

    default = Locale.get_default()
    division = category.division
    if division is None and category.locale_id != default.pk:
        original = category.get_translation_or_none(default)
        division = original.division if original is not None else None
    if division is not None and division.locale_id != default.pk:
        division = division.get_translation_or_none(default) or division
    return division


def submit_question(*, form, language):
    """Stores one asked question from a valid ``AskForm``; returns it."""
    from core.crypto import contact_hash
    from core.references import next_reference

    from .models import AskedQuestion

    data = form.cleaned_data
    email = data.get("email") or ""
    with transaction.atomic():
        question = AskedQuestion.objects.create(
            reference=next_reference("TNY"),
            language=language,
            category=data.get("category"),
            division=division_for(data.get("category")),
            question=data["question"],
            name=data.get("name") or "",
            email=email,
            email_hash=contact_hash(email) if email else "",
        )
        notify_office(question)
    return question


def mark_answered(question, *, user=None):
    """Records that the question has an answer and, once, e-mails it to the asker
    (if they gave an address) in the language they asked in. Call inside the
    transaction that saves the answer."""
    from integrations.email import enqueue_email

    now = timezone.now()
    update = []
    if question.answered_at is None:
        question.answered_at = now
        question.answered_by = user
        update += ["answered_at", "answered_by"]
    if question.email and question.notified_at is None and question.answer.strip():
        enqueue_email(
            [question.email],
            "faq/email/answered",
            {"reference": question.reference, "answer": question.answer},
            language=question.language,
            reference=question,
        )
        question.notified_at = now
        update.append("notified_at")
    if update:
        question.save(update_fields=update)


def publish_question(question, *, category, question_text, short_answer, full_answer="", user=None):
    """Publishes an editor's answer as a new live FAQ entry in the question's
    language and ``category``; marks the question published and answered.

    Only the editor's words go into the entry: never the asker's name, e-mail
    or original text.
    """
    from django.utils.text import slugify
    from wagtail.models import Locale

    from .models import AskedQuestion

    locale = Locale.objects.get(language_code=question.language)
    base = slugify(question_text)[:100] or question.reference.lower()
    slug = base
    number = 2
    while FAQEntry.objects.filter(locale=locale, slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    with transaction.atomic():
        entry = FAQEntry(
            locale=locale,
            category=category,
            question=question_text,
            slug=slug,
            short_answer=short_answer,
            full_answer=full_answer,
            live=True,
        )
        entry.save()
        entry.save_revision(user=user).publish(user=user)
        question.entry = entry
        question.category = category
        if question.division_id is None:
            question.division = division_for(category)
        question.public_question = question_text
        question.status = AskedQuestion.Status.PUBLISHED
        if not question.answer.strip():
            question.answer = short_answer
        question.save(update_fields=["entry", "category", "division", "public_question", "status", "answer"])
        mark_answered(question, user=user)
    return entry


def search_answers(query, terms, locale, limit):
    """Live questions of ``locale`` matching ``query``, for the site search's
    "answers" block (search.services.ANSWERS_HOOK), linked to their own page."""
    from search.services import Answer, highlight, with_fallback

    from .models import FAQIndexPage

    index = FAQIndexPage.objects.live().public().filter(locale=locale).first()
    if index is None:
        return []
    entries = FAQEntry.objects.filter(live=True, locale=locale)
    found, _backend = with_fallback(lambda backend: list(backend.search(query, entries)[:limit]))
    return [
        Answer(title=entry.question, url=index.entry_url(entry), snippet=highlight(entry.short_answer, terms))
        for entry in found
    ]
