"""A fixed data set for the period report of October 2026, with its expected figures.

``build_dataset(homes)`` (``homes``: the root conftest's fixture, the bilingual
site) makes it with the apps' factories and returns a namespace with the two
divisions, their services and pages. Build the report with
``build_report(PERIOD, division, now=NOW)``: the period is October 2026, the
figures are taken on 15 November 2026, so the cut-off is the end of October
(1 November 00:00, Asia/Jakarta). Every section also has records before and
after October, which must not count.

Divisions: A "Bidang Penempatan" (code "penempatan", with an English
translation "Placement Division") and B "Bidang Pelatihan" ("pelatihan").
Services: S1 "Kartu pencari kerja (AK/I)" (A, English "Job-seeker card
(AK/I)"), S2 "Penempatan tenaga kerja" (A), S3 "Pelatihan berbasis
kompetensi" (B). Sections: A runs the page "Penempatan" (child "Bursa kerja",
English "Job fair"), B runs "Pelatihan" (child "Pelatihan las"). FAQ: q1
(linked to S1), q2 (linked to S3), q3 (in the FAQ category of A).

Expected figures (the arithmetic is in the comments of ``build_dataset``):

=========================  ==============  ===============  ===============
                           Whole office    Division A       Division B
=========================  ==============  ===============  ===============
Applications received      11              9                2
  by status at cut-off     1 submitted, 1 received, 1 in process,
                           1 more documents needed, 6 completed, 1 rejected
                           (A: 1/0/1/1/5/1; B: 0/1/0/0/1/0)
Applications finished      8               7                1
Median processing (days)   4.0             3.0              20.0
P90 processing (days)      20.0            9.0              20.0
  S1: 6 finished, median 4.0, P90 9.0; S2: 1, 2.5, 2.5; S3: 1, 20.0, 20.0
Survey answers             6               4                2
IKM                        88.43 (A)       82.64 (B)        100.00 (A)
Tickets received           8               6                1
  complaint/aspiration/suggestion/information request
                           4/1/2/1         3/1/1/1          1/0/0/0
  received/in process/answered/closed at cut-off
                           3/1/3/1         2/1/2/1          0/0/1/0
Median first response      2.8 days        2.0 days         3.5 days
Answered within deadline   50.0 %          40.0 %           100.0 %
Overdue at cut-off         3               3                0
  ADU-2026-000100 (35 days), ASP-2026-000003 (8), ADU-2026-000005 (5)
FAQ votes / helpful        9 / 55.6 %      7 / 57.1 %       2 / 50.0 %
Page answers / useful      10 / 60.0 %     4 / 75.0 %       4 / 25.0 %
Searches                   21              (none: note)     (none: note)
=========================  ==============  ===============  ===============
"""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from wagtail.models import Locale

from core.demo import upsert_translation
from faq.models import Vote
from faq.tests.factories import FAQCategoryFactory, FAQEntryFactory, FAQEntryServiceFactory, VoteFactory
from feedback.models import FeedbackTicket, TicketEvent, TicketStatus, TicketType
from feedback.tests.factories import FeedbackTicketFactory
from governance.models import DivisionSection
from home.tests.factories import StandardPageFactory
from offices.tests.factories import DivisionFactory
from pagefeedback.tests.factories import PageFeedbackFactory
from reports.periods import Period
from satisfaction.tests.factories import SurveyResponseFactory, scores
from search.models import SearchQueryStat
from services.choices import SubmissionStatus
from services.models import ServiceSubmission, SubmissionStatusEvent
from services.tests.factories import ServiceIndexPageFactory, ServicePageFactory

JAKARTA = ZoneInfo("Asia/Jakarta")
PERIOD = Period.month(2026, 10)
NOW = datetime(2026, 11, 15, 10, 0, tzinfo=JAKARTA)
#: "Today" for Period.parse in tests that use the data set.
TODAY = NOW.date()

#: The satisfaction module's hand-computed example: element sums 12, 14, 12, 15,
#: 13, 14, 14, 12, 13 = 119 over 4 answers × 9 elements; 119 / 36 × 25 = 82.64 (B).
IKM_EXAMPLE = [
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
    (3, 3, 3, 3, 3, 3, 3, 3, 3),
    (3, 4, 2, 4, 3, 3, 4, 2, 3),
    (2, 3, 3, 4, 3, 4, 3, 3, 3),
]


def at(month, day, hour=9, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=JAKARTA)


def application(service, reference, sent, *steps):
    """An application sent at ``sent`` whose status then went through ``steps``
    (``(status, moment)`` pairs); the times are written after saving because
    the models stamp them themselves."""
    status = steps[-1][0] if steps else SubmissionStatus.SUBMITTED
    submission = ServiceSubmission.objects.create(
        reference=reference, service=service, service_title=service.title, language="id", status=status
    )
    history = [(SubmissionStatus.SUBMITTED, sent), *steps]
    for event_status, moment in history:
        event = SubmissionStatusEvent.objects.create(
            submission=submission, status=event_status, source=SubmissionStatusEvent.Source.SITE
        )
        SubmissionStatusEvent.objects.filter(pk=event.pk).update(created_at=moment)
    ServiceSubmission.objects.filter(pk=submission.pk).update(created_at=sent, updated_at=history[-1][1])
    return submission


def ticket(reference, ticket_type, received, due, *events, division=None, assigned=None, topic=None):
    """A ticket and its history: ``events`` are ``(kind, to_status, moment)``."""
    to_statuses = [to_status for _kind, to_status, _moment in events if to_status]
    made = FeedbackTicketFactory(
        reference=reference,
        type=ticket_type,
        received_at=received,
        due_date=due,
        status=to_statuses[-1] if to_statuses else TicketStatus.RECEIVED,
        division=topic if topic is not None else division,
        assigned_division=division,
    )
    TicketEvent.objects.create(
        ticket=made, kind=TicketEvent.Kind.CREATED, to_status="received", created_at=received
    )
    for kind, to_status, moment in events:
        TicketEvent.objects.create(ticket=made, kind=kind, to_status=to_status, created_at=moment)
    last = events[-1][2] if events else received
    FeedbackTicket.objects.filter(pk=made.pk).update(updated_at=last)
    return made


REPLY, STATUS = TicketEvent.Kind.REPLY, TicketEvent.Kind.STATUS
ANSWERED, CLOSED, IN_PROCESS = TicketStatus.ANSWERED, TicketStatus.CLOSED, TicketStatus.IN_PROCESS


def votes(entry, moment, yes=0, no=0, counted=True):
    made = [VoteFactory(entry=entry, helpful=True, counted=counted) for _ in range(yes)]
    made += [VoteFactory(entry=entry, helpful=False, counted=counted) for _ in range(no)]
    Vote.objects.filter(pk__in=[vote.pk for vote in made]).update(created_at=moment, updated_at=moment)


def page_votes(page, moment, yes=0, no=0):
    for helpful, count in ((True, yes), (False, no)):
        for _ in range(count):
            PageFeedbackFactory(page=page, helpful=helpful, created_at=moment)


def build_dataset(homes):
    english = Locale.objects.get(language_code="en")

    # --- Divisions, services, sections -----------------------------------------------
    division_a = DivisionFactory(name="Bidang Penempatan", short_name="Penempatan", code="penempatan")
    division_a_en = DivisionFactory(
        name="Placement Division",
        code="penempatan",
        locale=english,
        translation_key=division_a.translation_key,
        sort_order=division_a.sort_order,
    )
    division_b = DivisionFactory(name="Bidang Pelatihan", short_name="Pelatihan", code="pelatihan")
    directory = ServiceIndexPageFactory(parent=homes.id)
    s1 = ServicePageFactory(
        parent=directory, title="Kartu pencari kerja (AK/I)", slug="kartu-pencari-kerja", division=division_a
    )
    s2 = ServicePageFactory(
        parent=directory, title="Penempatan tenaga kerja", slug="penempatan-tenaga-kerja", division=division_a
    )
    s3 = ServicePageFactory(
        parent=directory,
        title="Pelatihan berbasis kompetensi",
        slug="pelatihan-kompetensi",
        division=division_b,
    )
    upsert_translation(directory, english, title="Services", slug="services")
    s1_en = upsert_translation(
        s1, english, title="Job-seeker card (AK/I)", slug="job-seeker-card", summary="The card."
    )
    section_a = StandardPageFactory(parent=homes.id, title="Penempatan", slug="penempatan")
    section_b = StandardPageFactory(parent=homes.id, title="Pelatihan", slug="pelatihan")
    page_a = StandardPageFactory(parent=section_a, title="Bursa kerja", slug="bursa-kerja")
    page_b = StandardPageFactory(parent=section_b, title="Pelatihan las", slug="pelatihan-las")
    upsert_translation(section_a, english, title="Placement", slug="placement")
    page_a_en = upsert_translation(page_a, english, title="Job fair", slug="job-fair")
    DivisionSection.objects.create(division=division_a, page=section_a)
    DivisionSection.objects.create(division=division_b, page=section_b)

    # --- Applications ----------------------------------------------------------------
    done, rejected = SubmissionStatus.COMPLETED, SubmissionStatus.REJECTED
    # S1, finished in October: 1, 2, 3, 5, 9 days (sent in October) and 8 days
    # (sent 25 September, completed 3 October: finished in the period, not received in it).
    # Sorted 1, 2, 3, 5, 8, 9: median (3 + 5) / 2 = 4.0; P90 rank ⌈0.9 × 6⌉ = 6 → 9.0.
    application(s1, "LYN-2026-000100", at(9, 25), (done, at(10, 3)))
    application(s1, "LYN-2026-000001", at(10, 1), (done, at(10, 2)))
    application(s1, "LYN-2026-000002", at(10, 2), (done, at(10, 4)))
    application(s1, "LYN-2026-000003", at(10, 5), (rejected, at(10, 8)))
    application(s1, "LYN-2026-000004", at(10, 6), (done, at(10, 11)))
    application(
        s1, "LYN-2026-000005", at(10, 10), (SubmissionStatus.RECEIVED, at(10, 12)), (done, at(10, 19))
    )
    application(s1, "LYN-2026-000006", at(10, 20), (SubmissionStatus.IN_PROCESS, at(10, 21)))
    # Completed on 3 November: "submitted" at the cut-off, not finished in October.
    application(s1, "LYN-2026-000007", at(10, 28), (done, at(11, 3)))
    # S2: 2.5 days (8:00 on the 14th to 20:00 on the 16th), and one waiting for documents.
    application(s2, "LYN-2026-000008", at(10, 14, 8), (done, at(10, 16, 20)))
    application(
        s2, "LYN-2026-000009", at(10, 30, 10), (SubmissionStatus.MORE_DOCUMENTS_NEEDED, at(10, 31, 10))
    )
    # Division A finished: 1, 2, 2.5, 3, 5, 8, 9 → median 3.0 (4th of 7); P90 rank ⌈6.3⌉ = 7 → 9.0.
    # S3 (B): 20 days, and one received. Sent in November: not counted.
    application(s3, "LYN-2026-000010", at(10, 7), (done, at(10, 27)))
    application(s3, "LYN-2026-000011", at(10, 15), (SubmissionStatus.RECEIVED, at(10, 16)))
    application(s3, "LYN-2026-000012", at(11, 2))
    # Whole office finished: 1, 2, 2.5, 3, 5, 8, 9, 20 → median (3 + 5) / 2 = 4.0;
    # P90 rank ⌈7.2⌉ = 8 → 20.0. Received: 7 (S1) + 2 (S2) + 2 (S3) = 11.

    # --- Satisfaction ------------------------------------------------------------------
    # S1: the example, one answer given on the English page (same service): 82.64, B.
    for number, row in enumerate(IKM_EXAMPLE):
        page = s1_en if number == 0 else s1
        SurveyResponseFactory(service=page, submitted_at=at(10, 10 + number), **scores(*row))
    SurveyResponseFactory(service=s1, submitted_at=at(9, 30), **scores(1))  # September: not counted
    # S3: two answers of 4 everywhere: 100.00, A. Whole office: (119 + 72) / (6 × 9) × 25
    # = 191 / 54 × 25 = 88.4259… → 88.43, A (from 88.31).
    SurveyResponseFactory(service=s3, submitted_at=at(10, 20), **scores(4))
    SurveyResponseFactory(service=s3, submitted_at=at(10, 21), **scores(4))

    # --- Tickets (cut-off date 1 November) -----------------------------------------------
    # Division A. First responses: 2.0, 10.0 and 2.0 days → median 2.0.
    # Counted for the deadline (answered, or due before 1 November): ADU-1, ADU-2, ASP-3,
    # ADU-5, SRN-6 = 5; answered by the due date: ADU-1, SRN-6 → 2 / 5 = 40.0 %.
    ticket(
        "ADU-2026-000001",
        TicketType.COMPLAINT,
        at(10, 1, 10),
        date(2026, 10, 8),
        (REPLY, ANSWERED, at(10, 3, 10)),
        (STATUS, CLOSED, at(10, 5, 10)),
        division=division_a,
    )
    ticket(
        "ADU-2026-000002",
        TicketType.COMPLAINT,
        at(10, 6, 10),
        date(2026, 10, 13),
        (REPLY, ANSWERED, at(10, 16, 10)),  # late: after the 13th
        division=division_a,
    )
    # Overdue at the cut-off: 1 November − 24 October = 8 days.
    ticket(
        "ASP-2026-000003",
        TicketType.ASPIRATION,
        at(10, 10, 10),
        date(2026, 10, 24),
        (STATUS, IN_PROCESS, at(10, 12, 10)),
        division=division_a,
    )
    # Assigned to the English version of division A: counts for A. Not yet due.
    ticket(
        "PPID-2026-000004",
        TicketType.INFORMATION_REQUEST,
        at(10, 27, 10),
        date(2026, 11, 10),
        division=division_a_en,
    )
    # Answered on 3 November: still "received" and 5 days overdue at the cut-off.
    ticket(
        "ADU-2026-000005",
        TicketType.COMPLAINT,
        at(10, 20, 10),
        date(2026, 10, 27),
        (REPLY, ANSWERED, at(11, 3, 10)),
        division=division_a,
    )
    # Assigned to nobody: counts for its topic's division, A.
    ticket(
        "SRN-2026-000006",
        TicketType.SUGGESTION,
        at(10, 15, 10),
        date(2026, 10, 29),
        (REPLY, ANSWERED, at(10, 17, 10)),
        topic=division_a,
    )
    # Received in September, still in process: overdue 1 November − 27 September = 35 days.
    ticket(
        "ADU-2026-000100",
        TicketType.COMPLAINT,
        at(9, 20, 10),
        date(2026, 9, 27),
        (STATUS, IN_PROCESS, at(9, 22, 10)),
        division=division_a,
    )
    # Received in September and closed then: in no figure of October.
    ticket(
        "ADU-2026-000101",
        TicketType.COMPLAINT,
        at(9, 10, 10),
        date(2026, 9, 17),
        (REPLY, ANSWERED, at(9, 12, 10)),
        (STATUS, CLOSED, at(9, 14, 10)),
        division=division_a,
    )
    # Received in November: not counted.
    ticket("ADU-2026-000102", TicketType.COMPLAINT, at(11, 5, 10), date(2026, 11, 12), division=division_a)
    # Division B: answered after 3.5 days (10:00 on the 2nd to 22:00 on the 5th), on time: 100.0 %.
    ticket(
        "ADU-2026-000007",
        TicketType.COMPLAINT,
        at(10, 2, 10),
        date(2026, 10, 9),
        (REPLY, ANSWERED, at(10, 5, 22)),
        division=division_b,
    )
    # No division: whole office only; not yet due.
    ticket("SRN-2026-000008", TicketType.SUGGESTION, at(10, 25, 10), date(2026, 11, 8))
    # Whole office: 8 received; first responses 2, 2, 3.5, 10 → median (2 + 3.5) / 2 = 2.75
    # → 2.8; deadline 3 on time of 6 counted = 50.0 %; overdue 3.

    # --- FAQ ---------------------------------------------------------------------------
    category = FAQCategoryFactory(name="Kartu kuning", slug="kartu-kuning")
    category_en = FAQCategoryFactory(
        name="Job-seeker card",
        slug="job-seeker-card",
        locale=english,
        translation_key=category.translation_key,
    )
    q1 = FAQEntryFactory(question="Bagaimana cara membuat kartu kuning?", category=category)
    q1_en = FAQEntryFactory(
        question="How do I get a job-seeker card?", category=category_en, translation_key=q1.translation_key
    )
    q2 = FAQEntryFactory(question="Kapan jadwal pelatihan dibuka?", category=category)
    # A category of division A: its questions count for A without a linked service.
    category_a = FAQCategoryFactory(name="Penempatan", slug="penempatan", division=division_a)
    q3 = FAQEntryFactory(question="Apakah semua layanan gratis?", category=category_a)
    FAQEntryServiceFactory(entry=q1, service=s1)
    FAQEntryServiceFactory(entry=q2, service=s3)
    # q1 (A): 3 yes 1 no, plus 1 yes on its English version → 4 yes 1 no = 80.0 %.
    votes(q1, at(10, 5), yes=3, no=1)
    votes(q1_en, at(10, 6), yes=1)
    votes(q1, at(9, 5), no=1)  # September: not counted
    # q2 (B): 1 yes 1 no = 50.0 %; a vote the FAQ does not count (too many from one address).
    votes(q2, at(10, 7), yes=1, no=1)
    votes(q2, at(10, 8), no=1, counted=False)
    # q3 (no service, category of A): 0 yes 2 no = 0.0 %. A: q1 and q3, 4 / 7 = 57.1 %.
    # Office: 5 / 9 = 55.6 %.
    votes(q3, at(10, 9), no=2)

    # --- Page usefulness ---------------------------------------------------------------
    # "Bursa kerja" (A): 2 yes, and on "Job fair" 1 yes 1 no → 3 / 4 = 75.0 %.
    page_votes(page_a, at(10, 3), yes=2)
    page_votes(page_a_en, at(10, 4), yes=1, no=1)
    page_votes(page_a, at(9, 3), no=1)  # September: not counted
    # "Pelatihan las" (B): 1 / 4 = 25.0 %. The home page (whole office only): 2 / 2.
    page_votes(page_b, at(10, 5), yes=1, no=3)
    page_votes(homes.id, at(10, 6), yes=2)
    # Office: 6 / 10 = 60.0 %.

    # --- Searches ----------------------------------------------------------------------
    # October: kartu kuning 5 + 3 = 8, lowongan kerja 6, bpjs ketenagakerjaan 2 (found
    # nothing), job fair 4, visa 1 (found nothing): 21 searches.
    for query, language, day, hits, results in (
        ("kartu kuning", "id", date(2026, 10, 3), 5, 4),
        ("kartu kuning", "id", date(2026, 10, 10), 3, 4),
        ("lowongan kerja", "id", date(2026, 10, 5), 6, 10),
        ("bpjs ketenagakerjaan", "id", date(2026, 10, 7), 2, 0),
        ("job fair", "en", date(2026, 10, 12), 4, 2),
        ("visa", "en", date(2026, 10, 20), 1, 0),
        ("kartu kuning", "id", date(2026, 9, 30), 100, 4),  # September
        ("kartu kuning", "id", date(2026, 11, 1), 50, 4),  # November
    ):
        SearchQueryStat.objects.create(
            query=query, language_code=language, date=day, hits=hits, results=results
        )

    return SimpleNamespace(
        homes=homes,
        division_a=division_a,
        division_a_en=division_a_en,
        division_b=division_b,
        services=(s1, s2, s3),
        s1_en=s1_en,
        sections=(section_a, section_b),
        pages=(page_a, page_b),
        questions=(q1, q2, q3),
    )
