"""The figures of a period report, for the whole office or one division.

``build_report(period, division=None)`` returns a ``reports.report.Report``
with six sections, in this order and with these keys: "applications",
"satisfaction", "tickets", "faq", "page_usefulness", "searches". Each section
comes from a plain function of a ``Scope`` (the period, the division and the
moment the figures are taken), tested without HTTP. Labels are translated
when the report is built: build it inside ``translation.override("id")`` for
an Indonesian report.

How things are counted:

* **The cut-off.** States (the status of an application or a ticket, whether a
  ticket is overdue) are taken at the end of the period, or now while the period
  is still running, from the records' history, so a report on a past period gives
  the same figures whenever it is printed.
* **A division counts in all its languages** (its ``translation_key``):
  - applications and satisfaction answers: those of the services whose responsible
    division it is;
  - tickets: those assigned to it; a ticket not assigned to anyone counts for the
    division of its topic;
  - FAQ entries: those linked to at least one of its services, and those in a
    category of the division (``FAQCategory.division``); an entry and its
    translations count as one. The whole office shows every entry;
  - pages: the division's sections (``governance.DivisionSection``) and every page
    below them, in every language;
  - searches belong to the whole office: a division report says so and shows none.
* **Durations** are calendar days with one decimal (half up). The median is the
  usual one (the mean of the two middle values for an even count); the 90th
  percentile uses the nearest-rank method (see ``nearest_rank``).

The number of SQL queries does not grow with the number of records: every
section groups in the database or reads each table once.
"""

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, F, Max, Min, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext

from .periods import office_timezone
from .report import Chart, Figure, Report, Section, Table

SECTION_KEYS = ("applications", "satisfaction", "tickets", "faq", "page_usefulness", "searches")
#: Bars in a chart at most (the table beside it lists every row).
CHART_BARS = 15
#: Queries listed per language in the search tables.
SEARCH_ROWS = 20
SECONDS_PER_DAY = 86400


# --- Arithmetic --------------------------------------------------------------------------


def nearest_rank(values, percent):
    """The ``percent``-th percentile by the nearest-rank method: the value at rank
    ⌈percent/100 × n⌉ (counting from 1) of the values sorted from small to large,
    i.e. the smallest value with at least ``percent`` % of the values at or below it.
    Always one of the values. None for no values.

    E.g. P90 of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]: rank ⌈0.9 × 10⌉ = 9, value 9."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(Decimal(percent) / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values):
    """The median (mean of the two middle values for an even count); None for no values."""
    values = list(values)
    return statistics.median(values) if values else None


def one_decimal(value):
    """``value`` rounded half up to one decimal, as a float; None stays None."""
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def days_between(earlier, later):
    """Calendar days from one moment to another, unrounded."""
    return (later - earlier).total_seconds() / SECONDS_PER_DAY


def percent(part, whole):
    """``part`` of ``whole`` in per cent with one decimal; None when ``whole`` is 0."""
    if not whole:
        return None
    return one_decimal(Decimal(part) * 100 / Decimal(whole))


def _bars(title, rows, unit=""):
    """A chart of ``(label, value)`` pairs, leaving out rows without a value."""
    pairs = [(str(label), float(value)) for label, value in rows if value is not None][:CHART_BARS]
    return Chart(
        title=title, labels=[label for label, _v in pairs], values=[value for _l, value in pairs], unit=unit
    )


# --- What the report covers --------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The period and division of a report, and the moment its states are taken."""

    period: object  # reports.periods.Period
    division: object  # offices.Division or None
    start: datetime  # aware, included
    end: datetime  # aware, excluded
    cutoff: datetime  # the end of the period, or now while it runs
    generated_at: datetime

    @property
    def cutoff_date(self):
        """The office's date at the cut-off: a ticket due before it and unanswered is overdue."""
        return timezone.localtime(self.cutoff, office_timezone()).date()

    @property
    def division_key(self):
        return self.division.translation_key if self.division is not None else None


def scope_for(period, division=None, now=None):
    now = now or timezone.now()
    start, end = period.bounds()
    return Scope(period, division, start, end, min(now, end), now)


def _division_services(scope):
    """Translation keys of the division's services (a subquery, no query of its own)."""
    from services.models import ServicePage

    return ServicePage.objects.filter(division__translation_key=scope.division_key).values("translation_key")


def localized_titles(model, keys, field="title"):
    """``{translation_key: text}`` of ``model`` rows, in the active language where one
    exists, else in the site's default language, else any (one query)."""
    keys = [key for key in keys if key]
    if not keys:
        return {}
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    default = settings.LANGUAGE_CODE
    found = {}
    rows = model.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", field
    )
    for key, language, text in rows.order_by("pk"):
        rank = 0 if language == active else 1 if language == default else 2
        if key not in found or rank < found[key][0]:
            found[key] = (rank, text)
    return {key: text for key, (_rank, text) in found.items()}


def _status_at_cutoff(history, current, updated_at, cutoff, initial):
    """The last status recorded before the cut-off. Without history: the current
    status when nothing changed since the cut-off, else the first status."""
    if history:
        return history[-1]
    return current if updated_at < cutoff else initial


def _sorted_rows(groups):
    return sorted(groups.items(), key=lambda item: (item[1].casefold(), str(item[0])))


# --- Applications ------------------------------------------------------------------------


def applications_section(scope):
    """Applications received in the period by service and by their status at the
    cut-off; processing time of the applications finished in the period."""
    from services.choices import SubmissionStatus
    from services.models import ServicePage, ServiceSubmission, SubmissionStatusEvent

    final = [SubmissionStatus.COMPLETED, SubmissionStatus.REJECTED]
    in_scope = ServiceSubmission.objects.all()
    if scope.division is not None:
        in_scope = in_scope.filter(service__division__translation_key=scope.division_key)

    received_in_period = in_scope.filter(created_at__gte=scope.start, created_at__lt=scope.end)
    received = list(
        received_in_period.values("pk", "service__translation_key", "service_title", "status", "updated_at")
    )
    history = defaultdict(list)
    events = SubmissionStatusEvent.objects.filter(
        submission__in=received_in_period.values("pk"), created_at__lt=scope.cutoff
    ).order_by("created_at", "pk")
    for submission_id, status in events.values_list("submission_id", "status"):
        history[submission_id].append(status)

    # The first final status of each application, kept when it falls in the period.
    finished = list(
        SubmissionStatusEvent.objects.filter(status__in=final, submission__in=in_scope.values("pk"))
        .values("submission_id", "submission__created_at", "submission__service__translation_key")
        .annotate(first_final=Min("created_at"), title=Max("submission__service_title"))
        .filter(first_final__gte=scope.start, first_final__lt=scope.end)
        .order_by()
    )

    def group_key(key, title):
        return key or f"title:{title}"

    titles = localized_titles(
        ServicePage,
        {row["service__translation_key"] for row in received}
        | {row["submission__service__translation_key"] for row in finished},
    )
    names = {}
    counts = defaultdict(Counter)
    for row in received:
        key = group_key(row["service__translation_key"], row["service_title"])
        names[key] = titles.get(row["service__translation_key"]) or row["service_title"]
        status = _status_at_cutoff(
            history[row["pk"]], row["status"], row["updated_at"], scope.cutoff, SubmissionStatus.SUBMITTED
        )
        counts[key][status] += 1
    durations = defaultdict(list)
    for row in finished:
        key = group_key(row["submission__service__translation_key"], row["title"])
        names.setdefault(key, titles.get(row["submission__service__translation_key"]) or row["title"])
        durations[key].append(days_between(row["submission__created_at"], row["first_final"]))

    statuses = list(SubmissionStatus)
    status_rows, time_rows = [], []
    totals = Counter()
    for key, name in _sorted_rows(names):
        if counts[key]:
            totals.update(counts[key])
            status_rows.append([name] + [counts[key][status] for status in statuses] + [counts[key].total()])
        times = durations[key]
        if times:
            time_rows.append(
                [name, len(times), one_decimal(median(times)), one_decimal(nearest_rank(times, 90))]
            )
    all_times = [days for times in durations.values() for days in times]
    overall_median = one_decimal(median(all_times))
    overall_p90 = one_decimal(nearest_rank(all_times, 90))
    if status_rows:
        status_rows.append(
            [gettext("All services")] + [totals[status] for status in statuses] + [totals.total()]
        )
    if time_rows:
        time_rows.append([gettext("All services"), len(all_times), overall_median, overall_p90])

    days = gettext("days")
    return Section(
        key="applications",
        title=gettext("Applications"),
        note=gettext(
            "Applications received in the period, by their status at its end (or now, while it runs). "
            "Processing time: from sending to the first “Completed” or “Rejected”, for the applications "
            "finished in the period; 90th percentile by the nearest-rank method."
        ),
        figures=[
            Figure(gettext("Applications received"), totals.total()),
            Figure(gettext("Applications finished"), len(all_times)),
            Figure(gettext("Median processing time"), overall_median, days),
            Figure(gettext("Processing time, 90th percentile"), overall_p90, days),
        ],
        charts=[
            _bars(
                gettext("Applications received per service"),
                [(row[0], row[-1]) for row in status_rows[:-1]],
            ),
            _bars(
                gettext("Median processing time per service"),
                [(row[0], row[2]) for row in time_rows[:-1]],
                days,
            ),
        ],
        tables=[
            Table(
                gettext("Applications by service and status"),
                [gettext("Service")] + [str(status.label) for status in statuses] + [gettext("Total")],
                status_rows,
                gettext("No applications were received in this period."),
            ),
            Table(
                gettext("Processing time by service"),
                [
                    gettext("Service"),
                    gettext("Finished"),
                    gettext("Median (days)"),
                    gettext("90th percentile (days)"),
                ],
                time_rows,
                gettext("No applications were finished in this period."),
            ),
        ],
    )


# --- Satisfaction (IKM) ------------------------------------------------------------------


def satisfaction_section(scope):
    """The satisfaction index (IKM, Permenpan RB 14/2017) per service, of the answers
    given in the period; a service and its translations count as one."""
    from satisfaction.elements import FIELDS
    from satisfaction.models import SurveyResponse
    from satisfaction.services import ikm_from_sums
    from services.models import ServicePage

    responses = SurveyResponse.objects.filter(submitted_at__gte=scope.start, submitted_at__lt=scope.end)
    if scope.division is not None:
        responses = responses.filter(service_key__in=_division_services(scope))
    rows = list(
        responses.order_by()
        .values("service_key")
        .annotate(n=Count("pk"), last_title=Max("service_title"), **{f: Sum(f) for f in FIELDS})
    )
    titles = localized_titles(ServicePage, {row["service_key"] for row in rows})
    results = []
    totals = dict.fromkeys(FIELDS, 0)
    count = 0
    for row in rows:
        title = titles.get(row["service_key"]) or row["last_title"] or gettext("Unknown service")
        sums = {field: row[field] or 0 for field in FIELDS}
        results.append((title, ikm_from_sums(row["n"], sums)))
        count += row["n"]
        for field in FIELDS:
            totals[field] += sums[field]
    results.sort(key=lambda item: item[0].casefold())
    overall = ikm_from_sums(count, totals)

    def ikm_row(title, result):
        index = float(result.index) if result.index is not None else None
        return [title, result.count, index, str(result.grade or ""), str(result.grade_label)]

    table_rows = [ikm_row(title, result) for title, result in results]
    if table_rows:
        table_rows.append(ikm_row(gettext("All services"), overall))
    return Section(
        key="satisfaction",
        title=gettext("Satisfaction index (IKM)"),
        note=gettext(
            "Public satisfaction survey answers given in the period (Permenpan RB 14/2017): "
            "index from 25 to 100; grades A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99."
        ),
        figures=[
            Figure(gettext("Survey answers"), overall.count),
            Figure(
                gettext("Satisfaction index (IKM)"),
                float(overall.index) if overall.index is not None else None,
            ),
            Figure(gettext("Grade"), f"{overall.grade} ({overall.grade_label})" if overall.grade else None),
        ],
        charts=[
            _bars(gettext("Satisfaction index per service"), [(row[0], row[2]) for row in table_rows[:-1]])
        ],
        tables=[
            Table(
                gettext("Satisfaction index per service"),
                [
                    gettext("Service"),
                    gettext("Answers"),
                    gettext("IKM"),
                    gettext("Grade"),
                    gettext("Quality"),
                ],
                table_rows,
                gettext("No survey answers were given in this period."),
            )
        ],
    )


# --- Tickets -----------------------------------------------------------------------------


def _tickets_in_scope(scope):
    from feedback.models import FeedbackTicket

    tickets = FeedbackTicket.objects.all()
    if scope.division is not None:
        key = scope.division_key
        tickets = tickets.filter(
            Q(assigned_division__translation_key=key)
            | Q(assigned_division__isnull=True, division__translation_key=key)
        )
    return tickets


def _ticket_histories(ticket_ids, cutoff):
    """``({ticket_id: [statuses]}, {ticket_id: first response})`` before the cut-off.
    A response is a public reply, or a change to "answered" (a reply given another way)."""
    from feedback.models import TicketEvent, TicketStatus

    statuses, responses = defaultdict(list), {}
    events = (
        TicketEvent.objects.filter(ticket__in=ticket_ids, created_at__lt=cutoff)
        .order_by("created_at", "pk")
        .values_list("ticket_id", "kind", "to_status", "created_at")
    )
    for ticket_id, kind, to_status, created_at in events:
        if to_status:
            statuses[ticket_id].append(to_status)
        is_response = kind == TicketEvent.Kind.REPLY or (
            kind == TicketEvent.Kind.STATUS and to_status == TicketStatus.ANSWERED
        )
        if is_response and ticket_id not in responses:
            responses[ticket_id] = created_at
    return statuses, responses


def tickets_section(scope):
    """Tickets received in the period by type and by status at the cut-off; time to
    the first response; the share answered by the deadline; tickets overdue at the
    cut-off (whenever received). No personal data: references, types and dates only."""
    from feedback.models import TicketStatus, TicketType
    from feedback.services import OPEN_STATUSES

    zone = office_timezone()
    tickets = _tickets_in_scope(scope)
    fields = ("pk", "reference", "type", "status", "updated_at", "received_at", "due_date")
    in_period = Q(received_at__gte=scope.start, received_at__lt=scope.end)
    # Overdue at the cut-off: due before its date and open then. A ticket closed
    # before the cut-off and untouched since cannot have been open at it.
    maybe_overdue = (
        Q(received_at__lt=scope.cutoff, due_date__lt=scope.cutoff_date)
        & (Q(status__in=OPEN_STATUSES) | Q(updated_at__gte=scope.cutoff))
        & ~in_period
    )
    received = list(tickets.filter(in_period).values(*fields))
    candidates = list(tickets.filter(maybe_overdue).values(*fields))
    statuses, responses = _ticket_histories(
        tickets.filter(in_period | maybe_overdue).values("pk"), scope.cutoff
    )

    def status_of(row):
        return _status_at_cutoff(
            statuses[row["pk"]], row["status"], row["updated_at"], scope.cutoff, TicketStatus.RECEIVED
        )

    by_type = defaultdict(Counter)
    waits = defaultdict(list)
    due, on_time = Counter(), Counter()
    for row in received:
        by_type[row["type"]][status_of(row)] += 1
        answered = responses.get(row["pk"])
        if answered is not None:
            waits[row["type"]].append(days_between(row["received_at"], answered))
        # Counted for the deadline once answered, or once the deadline has passed unanswered.
        if answered is not None or row["due_date"] < scope.cutoff_date:
            due[row["type"]] += 1
            if answered is not None and timezone.localtime(answered, zone).date() <= row["due_date"]:
                on_time[row["type"]] += 1

    overdue = []
    for row in received + candidates:
        status = status_of(row)
        if status in OPEN_STATUSES and row["due_date"] < scope.cutoff_date:
            overdue.append(
                [
                    row["reference"],
                    str(TicketType(row["type"]).label),
                    timezone.localtime(row["received_at"], zone).date(),
                    row["due_date"],
                    (scope.cutoff_date - row["due_date"]).days,
                    str(TicketStatus(status).label),
                ]
            )
    overdue.sort(key=lambda row: (-row[4], row[0]))

    statuses_order = list(TicketStatus)
    types = [ticket_type for ticket_type in TicketType if by_type[ticket_type]]
    type_rows, response_rows = [], []
    totals = Counter()
    for ticket_type in types:
        counts = by_type[ticket_type]
        totals.update(counts)
        label = str(ticket_type.label)
        type_rows.append([label] + [counts[status] for status in statuses_order] + [counts.total()])
        response_rows.append(
            [
                label,
                counts.total(),
                len(waits[ticket_type]),
                one_decimal(median(waits[ticket_type])),
                percent(on_time[ticket_type], due[ticket_type]),
            ]
        )
    all_waits = [days for values in waits.values() for days in values]
    overall_median = one_decimal(median(all_waits))
    overall_on_time = percent(on_time.total(), due.total())
    if type_rows:
        type_rows.append(
            [gettext("All types")] + [totals[status] for status in statuses_order] + [totals.total()]
        )
        response_rows.append(
            [gettext("All types"), totals.total(), len(all_waits), overall_median, overall_on_time]
        )

    days = gettext("days")
    return Section(
        key="tickets",
        title=gettext("Complaints, aspirations, suggestions and information requests"),
        note=gettext(
            "Tickets received in the period, by their status at its end (or now, while it runs). "
            "Response: the first public reply or the change to “Answered”. Answered within the "
            "deadline: answered on or before the due date, out of the tickets answered or past their "
            "due date. Overdue: still open after the due date at the end of the period, whenever received."
        ),
        figures=[
            Figure(gettext("Tickets received"), totals.total()),
            Figure(gettext("Median time to first response"), overall_median, days),
            Figure(gettext("Answered within the deadline"), overall_on_time, "%"),
            Figure(gettext("Overdue at the end of the period"), len(overdue)),
        ],
        charts=[_bars(gettext("Tickets received per type"), [(row[0], row[-1]) for row in type_rows[:-1]])],
        tables=[
            Table(
                gettext("Tickets by type and status"),
                [gettext("Type")] + [str(status.label) for status in statuses_order] + [gettext("Total")],
                type_rows,
                gettext("No tickets were received in this period."),
            ),
            Table(
                gettext("Responses by type"),
                [
                    gettext("Type"),
                    gettext("Received"),
                    gettext("Answered"),
                    gettext("Median days to first response"),
                    gettext("Answered within the deadline (%)"),
                ],
                response_rows,
                gettext("No tickets were received in this period."),
            ),
            Table(
                gettext("Overdue tickets"),
                [
                    gettext("Reference"),
                    gettext("Type"),
                    gettext("Received"),
                    gettext("Deadline"),
                    gettext("Days overdue"),
                    gettext("Status"),
                ],
                overdue,
                gettext("No ticket was overdue at the end of the period."),
            ),
        ],
    )


# --- Votes: FAQ helpfulness and page usefulness -----------------------------------------


def _vote_rows(groups, titles, fallback):
    """Table rows ``[title, yes, no, share of yes]``, most votes first."""
    rows = [
        [
            titles.get(row["key"]) or fallback,
            row["yes"],
            row["no"],
            percent(row["yes"], row["yes"] + row["no"]),
        ]
        for row in groups
    ]
    rows.sort(key=lambda row: (-(row[1] + row[2]), row[0].casefold()))
    return rows


def faq_section(scope):
    """Votes on "Was this answer helpful?" cast in the period (their latest answer counts),
    per entry, its translations together. Only the votes the FAQ itself counts."""
    from faq.models import FAQEntry, Vote

    votes = Vote.objects.filter(counted=True, updated_at__gte=scope.start, updated_at__lt=scope.end)
    if scope.division is not None:
        linked = FAQEntry.objects.filter(
            Q(related_services__service__translation_key__in=_division_services(scope))
            | Q(category__division__translation_key=scope.division_key)
        ).values("translation_key")
        votes = votes.filter(entry__translation_key__in=linked)
    groups = list(
        votes.order_by()
        .values(key=F("entry__translation_key"))
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    titles = localized_titles(FAQEntry, {row["key"] for row in groups}, field="question")
    rows = _vote_rows(groups, titles, gettext("Deleted question"))
    yes, no = sum(row[1] for row in rows), sum(row[2] for row in rows)
    return Section(
        key="faq",
        title=gettext("FAQ helpfulness"),
        note=gettext(
            "Answers to “Was this answer helpful?” given in the period. A division's questions are "
            "those linked to its services or in its categories."
        ),
        figures=[
            Figure(gettext("Votes"), yes + no),
            Figure(gettext("Found the answer helpful"), percent(yes, yes + no), "%"),
        ],
        charts=[_bars(gettext("Share helpful per question"), [(row[0], row[3]) for row in rows], "%")],
        tables=[
            Table(
                gettext("Helpfulness per question"),
                [gettext("Question"), gettext("Helpful"), gettext("Not helpful"), gettext("Helpful (%)")],
                rows,
                gettext("No votes on questions in this period."),
            )
        ],
    )


def _division_page_keys(scope):
    """Translation keys of the division's section pages and every page below them."""
    from wagtail.models import Page

    from governance.models import DivisionSection

    section_keys = DivisionSection.objects.filter(division__translation_key=scope.division_key).values(
        "page__translation_key"
    )
    roots = list(Page.objects.filter(translation_key__in=section_keys).values_list("path", flat=True))
    if not roots:
        return Page.objects.none().values("translation_key")
    below = Q()
    for path in roots:
        below |= Q(path__startswith=path)
    return Page.objects.filter(below).values("translation_key")


def page_usefulness_section(scope):
    """Answers to "Is this page useful?" given in the period, per page, its translations together."""
    from wagtail.models import Page

    from pagefeedback.models import PageFeedback

    votes = PageFeedback.objects.filter(created_at__gte=scope.start, created_at__lt=scope.end)
    if scope.division is not None:
        votes = votes.filter(translation_key__in=_division_page_keys(scope))
    groups = list(
        votes.order_by()
        .values(key=F("translation_key"))
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    titles = localized_titles(Page, {row["key"] for row in groups})
    rows = _vote_rows(groups, titles, gettext("Deleted page"))
    yes, no = sum(row[1] for row in rows), sum(row[2] for row in rows)
    return Section(
        key="page_usefulness",
        title=gettext("Page usefulness"),
        note=gettext(
            "Answers to “Is this page useful?” given in the period. A division's pages are its "
            "sections and every page below them."
        ),
        figures=[
            Figure(gettext("Answers"), yes + no),
            Figure(gettext("Found the page useful"), percent(yes, yes + no), "%"),
        ],
        charts=[_bars(gettext("Share useful per page"), [(row[0], row[3]) for row in rows], "%")],
        tables=[
            Table(
                gettext("Usefulness per page"),
                [gettext("Page"), gettext("Useful"), gettext("Not useful"), gettext("Useful (%)")],
                rows,
                gettext("No answers on pages in this period."),
            )
        ],
    )


# --- Searches ----------------------------------------------------------------------------


def _query_rows(stats):
    """``[query, searches]``, the most searched first."""
    rows = stats.values("query").annotate(searches=Sum("hits")).order_by("-searches", "query")
    return [[row["query"], row["searches"]] for row in rows[:SEARCH_ROWS]]


def searches_section(scope):
    """The most searched queries and those that found nothing, per language, over the
    period's days. A division report has none: searches are not tied to a division."""
    from search.models import SearchQueryStat

    title = gettext("Site searches")
    if scope.division is not None:
        return Section(
            key="searches",
            title=title,
            note=gettext("Searches are counted for the whole office only; see the whole-office report."),
        )
    stats = SearchQueryStat.objects.filter(date__gte=scope.period.start, date__lt=scope.period.end)
    total = stats.aggregate(total=Sum("hits"))["total"] or 0
    columns = [gettext("Query"), gettext("Searches")]
    charts, tables = [], []
    for code, language in settings.LANGUAGES:
        top = _query_rows(stats.filter(language_code=code))
        zero = _query_rows(stats.filter(language_code=code, results=0))
        top_title = gettext("Most searched (%(language)s)") % {"language": language}
        charts.append(_bars(top_title, top[:10]))
        tables.append(Table(top_title, columns, top, gettext("No searches in this period.")))
        tables.append(
            Table(
                gettext("Found nothing (%(language)s)") % {"language": language},
                columns,
                zero,
                gettext("Every search found something."),
            )
        )
    return Section(
        key="searches",
        title=title,
        note=gettext(
            "Searches on the site over the period's days; a query counts as found nothing when its "
            "latest search of a day found nothing."
        ),
        figures=[Figure(gettext("Searches"), total)],
        charts=charts,
        tables=tables,
    )


# --- The report --------------------------------------------------------------------------

SECTIONS = (
    applications_section,
    satisfaction_section,
    tickets_section,
    faq_section,
    page_usefulness_section,
    searches_section,
)


def build_report(period, division=None, *, now=None):
    """The report on ``period`` for ``division`` (an offices.Division, any language) or,
    with None, the whole office. Labels are in the active language."""
    scope = scope_for(period, division, now)
    return Report(
        period=period,
        division=division,
        generated_at=scope.generated_at,
        sections=[section(scope) for section in SECTIONS],
    )
