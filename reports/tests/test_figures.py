"""The figures of the period report on the fixed data set (dataset.py), hand-computed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from reports.figures import (
    SECTION_KEYS,
    applications_section,
    build_report,
    faq_section,
    median,
    nearest_rank,
    one_decimal,
    page_usefulness_section,
    satisfaction_section,
    scope_for,
    searches_section,
    tickets_section,
)

from .dataset import NOW, PERIOD, at, build_dataset, ticket

pytestmark = pytest.mark.django_db


def figures(section):
    return {figure.label: figure.value for figure in section.figures}


def table(section, title):
    return next(table for table in section.tables if table.title == title)


def rows_by_first_cell(table):
    return {row[0]: row[1:] for row in table.rows}


def english(section_function, division=None):
    with translation.override("en"):
        return section_function(scope_for(PERIOD, division, NOW))


# --- Arithmetic ---------------------------------------------------------------------------


def test_nearest_rank_p90_of_one_to_ten_is_nine():
    # Rank ⌈0.9 × 10⌉ = 9 → the 9th smallest value.
    assert nearest_rank(range(1, 11), 90) == 9


def test_nearest_rank_p90_of_seven_values_is_the_largest():
    # Rank ⌈0.9 × 7⌉ = ⌈6.3⌉ = 7.
    assert nearest_rank([9, 1, 3, 2.5, 5, 8, 2], 90) == 9


def test_nearest_rank_of_one_value_is_that_value_and_of_none_is_none():
    assert nearest_rank([4.5], 90) == 4.5
    assert nearest_rank([], 90) is None


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert median([1, 2, 3, 5, 8, 9]) == 4
    assert median([1, 2, 2.5, 3, 5, 8, 9]) == 3
    assert median([]) is None


def test_one_decimal_rounds_half_up():
    assert one_decimal(2.75) == 2.8
    assert one_decimal(2.25) == 2.3
    assert one_decimal(None) is None


# --- The report ---------------------------------------------------------------------------


def test_the_report_has_the_six_sections_in_order(dataset):
    report = build_report(PERIOD, now=NOW)

    assert [section.key for section in report.sections] == list(SECTION_KEYS)
    assert report.period == PERIOD and report.division is None and report.generated_at == NOW


def test_built_inside_indonesian_the_labels_are_indonesian(dataset):
    with translation.override("id"):
        report = build_report(PERIOD, now=NOW)

    assert report.section("applications").title == "Permohonan"
    assert report.division_label == "Seluruh dinas"


# --- Applications ---------------------------------------------------------------------------


def test_applications_of_the_whole_office_count_received_and_finished(dataset):
    section = english(applications_section)

    assert figures(section) == {
        "Applications received": 11,  # 7 (S1) + 2 (S2) + 2 (S3)
        "Applications finished": 8,
        "Median processing time": 4.0,  # 1, 2, 2.5, 3, 5, 8, 9, 20 → (3 + 5) / 2
        "Processing time, 90th percentile": 20.0,  # rank ⌈7.2⌉ = 8
    }


def test_applications_by_service_and_status_take_the_status_at_the_end_of_the_period(dataset):
    section = english(applications_section)

    statuses = table(section, "Applications by service and status")
    assert statuses.columns == [
        "Service",
        "Submitted",
        "Received",
        "In process",
        "More documents needed",
        "Completed",
        "Rejected",
        "Total",
    ]
    assert rows_by_first_cell(statuses) == {
        # LYN-7 was completed on 3 November: "submitted" at the end of October.
        "Job-seeker card (AK/I)": [1, 0, 1, 0, 4, 1, 7],
        "Pelatihan berbasis kompetensi": [0, 1, 0, 0, 1, 0, 2],
        "Penempatan tenaga kerja": [0, 0, 0, 1, 1, 0, 2],
        "All services": [1, 1, 1, 1, 6, 1, 11],
    }


def test_processing_time_per_service_has_median_and_nearest_rank_p90(dataset):
    section = english(applications_section)

    assert rows_by_first_cell(table(section, "Processing time by service")) == {
        # 1, 2, 3, 5, 8, 9 days: median (3 + 5) / 2 = 4.0; P90 rank ⌈5.4⌉ = 6 → 9.0.
        "Job-seeker card (AK/I)": [6, 4.0, 9.0],
        "Pelatihan berbasis kompetensi": [1, 20.0, 20.0],
        "Penempatan tenaga kerja": [1, 2.5, 2.5],
        "All services": [8, 4.0, 20.0],
    }


def test_applications_of_division_a_give_median_3_and_p90_9(dataset):
    section = english(applications_section, dataset.division_a)

    # 1, 2, 2.5, 3, 5, 8, 9: median the 4th = 3.0; P90 rank ⌈6.3⌉ = 7 → 9.0.
    assert figures(section)["Median processing time"] == 3.0
    assert figures(section)["Processing time, 90th percentile"] == 9.0
    assert figures(section)["Applications received"] == 9


def test_applications_of_division_a_leave_out_division_b(dataset):
    section = english(applications_section, dataset.division_a)

    services = {row[0] for row in table(section, "Applications by service and status").rows}
    assert services == {"Job-seeker card (AK/I)", "Penempatan tenaga kerja", "All services"}


def test_applications_charts_carry_every_service_label_and_value(dataset):
    section = english(applications_section)

    received = section.charts[0]
    assert list(zip(received.labels, received.values, strict=True)) == [
        ("Job-seeker card (AK/I)", 7),
        ("Pelatihan berbasis kompetensi", 2),
        ("Penempatan tenaga kerja", 2),
    ]
    assert section.charts[1].unit == "days"


# --- Satisfaction ------------------------------------------------------------------------


def test_satisfaction_index_per_service_and_for_the_office(dataset):
    section = english(satisfaction_section)

    assert rows_by_first_cell(table(section, "Satisfaction index per service")) == {
        # The English answer counts for the same service.
        "Job-seeker card (AK/I)": [4, 82.64, "B", "Good"],
        "Pelatihan berbasis kompetensi": [2, 100.0, "A", "Very good"],
        # 191 / 54 × 25 = 88.43.
        "All services": [6, 88.43, "A", "Very good"],
    }
    assert figures(section)["Satisfaction index (IKM)"] == 88.43


def test_satisfaction_of_division_b_has_only_its_service(dataset):
    section = english(satisfaction_section, dataset.division_b)

    assert figures(section) == {
        "Survey answers": 2,
        "Satisfaction index (IKM)": 100.0,
        "Grade": "A (Very good)",
    }


# --- Tickets -----------------------------------------------------------------------------


def test_tickets_of_the_whole_office_headline_figures(dataset):
    section = english(tickets_section)

    assert figures(section) == {
        "Tickets received": 8,
        "Median time to first response": 2.8,  # 2, 2, 3.5, 10 → 2.75, half up
        "Answered within the deadline": 50.0,  # 3 of 6
        "Overdue at the end of the period": 3,
    }


def test_tickets_by_type_and_status_at_the_end_of_the_period(dataset):
    section = english(tickets_section)

    assert rows_by_first_cell(table(section, "Tickets by type and status")) == {
        # received, in process, answered, closed, total
        "Complaint": [1, 0, 2, 1, 4],  # ADU-5 answered only on 3 November
        "Aspiration": [0, 1, 0, 0, 1],
        "Suggestion": [1, 0, 1, 0, 2],
        "Request for public information (PPID)": [1, 0, 0, 0, 1],
        "All types": [3, 1, 3, 1, 8],
    }


def test_tickets_of_division_a_count_its_english_version_and_unassigned_topics(dataset):
    section = english(tickets_section, dataset.division_a)

    assert figures(section) == {
        "Tickets received": 6,
        "Median time to first response": 2.0,  # 2, 2, 10
        "Answered within the deadline": 40.0,  # 2 of 5
        "Overdue at the end of the period": 3,
    }
    types = rows_by_first_cell(table(section, "Tickets by type and status"))
    assert types["Request for public information (PPID)"] == [
        1,
        0,
        0,
        0,
        1,
    ]  # assigned to "Placement Division"
    assert types["Suggestion"] == [0, 0, 1, 0, 1]  # SRN-6, topic A, assigned to nobody


def test_tickets_of_division_b_leave_out_division_a(dataset):
    section = english(tickets_section, dataset.division_b)

    assert figures(section) == {
        "Tickets received": 1,
        "Median time to first response": 3.5,
        "Answered within the deadline": 100.0,
        "Overdue at the end of the period": 0,
    }


def test_the_overdue_list_has_reference_type_dates_and_days_and_no_personal_data(dataset):
    section = english(tickets_section)

    overdue = table(section, "Overdue tickets")
    assert overdue.columns == ["Reference", "Type", "Received", "Deadline", "Days overdue", "Status"]
    assert [(row[0], row[4], row[5]) for row in overdue.rows] == [
        ("ADU-2026-000100", 35, "In process"),  # 1 November − 27 September
        ("ASP-2026-000003", 8, "In process"),  # 1 November − 24 October
        ("ADU-2026-000005", 5, "Received"),  # 1 November − 27 October
    ]
    text = repr(overdue.rows)
    assert "Siti" not in text and "example.id" not in text and "0812" not in text


def test_responses_by_type_give_median_and_share_within_deadline(dataset):
    section = english(tickets_section)

    assert rows_by_first_cell(table(section, "Responses by type")) == {
        # received, answered, median days, within deadline %
        "Complaint": [4, 3, 3.5, 50.0],  # 2, 3.5, 10; on time ADU-1, ADU-7 of ADU-1, 2, 5, 7
        "Aspiration": [1, 0, None, 0.0],  # ASP-3 past its deadline, unanswered
        "Suggestion": [2, 1, 2.0, 100.0],  # SRN-8 not yet due
        "Request for public information (PPID)": [1, 0, None, None],  # not yet due
        "All types": [8, 4, 2.8, 50.0],
    }


# --- FAQ and pages -------------------------------------------------------------------------


def test_faq_helpfulness_per_question_counts_translations_together(dataset):
    section = english(faq_section)

    assert table(section, "Helpfulness per question").rows == [
        ["How do I get a job-seeker card?", 4, 1, 80.0],
        ["Apakah semua layanan gratis?", 0, 2, 0.0],  # 2 votes, tied: by title
        ["Kapan jadwal pelatihan dibuka?", 1, 1, 50.0],  # the uncounted vote left out
    ]
    assert figures(section) == {"Votes": 9, "Found the answer helpful": 55.6}  # 5 / 9


def test_faq_of_a_division_has_the_questions_linked_to_its_services_or_in_its_categories(dataset):
    section = english(faq_section, dataset.division_a)

    assert [row[0] for row in section.tables[0].rows] == [
        "How do I get a job-seeker card?",  # linked to S1
        "Apakah semua layanan gratis?",  # in the category of A
    ]
    assert figures(section) == {"Votes": 7, "Found the answer helpful": 57.1}  # 4 / 7


def test_faq_of_division_b_leaves_out_division_a(dataset):
    section = english(faq_section, dataset.division_b)

    assert [row[0] for row in section.tables[0].rows] == ["Kapan jadwal pelatihan dibuka?"]
    assert figures(section) == {"Votes": 2, "Found the answer helpful": 50.0}


def test_page_usefulness_per_page_counts_translations_together(dataset):
    section = english(page_usefulness_section)

    assert table(section, "Usefulness per page").rows == [
        ["Job fair", 3, 1, 75.0],
        ["Pelatihan las", 1, 3, 25.0],
        ["Disnaker home", 2, 0, 100.0],
    ]
    assert figures(section) == {"Answers": 10, "Found the page useful": 60.0}


def test_page_usefulness_of_a_division_has_the_pages_of_its_sections(dataset):
    assert figures(english(page_usefulness_section, dataset.division_a)) == {
        "Answers": 4,
        "Found the page useful": 75.0,
    }
    assert [row[0] for row in english(page_usefulness_section, dataset.division_b).tables[0].rows] == [
        "Pelatihan las"
    ]


# --- Searches ------------------------------------------------------------------------------


def test_searches_list_top_and_zero_result_queries_per_language(dataset):
    section = english(searches_section)

    assert figures(section) == {"Searches": 21}
    tables = {table.title: table.rows for table in section.tables}
    assert tables["Most searched (Bahasa Indonesia)"] == [
        ["kartu kuning", 8],
        ["lowongan kerja", 6],
        ["bpjs ketenagakerjaan", 2],
    ]
    assert tables["Found nothing (Bahasa Indonesia)"] == [["bpjs ketenagakerjaan", 2]]
    assert tables["Most searched (English)"] == [["job fair", 4], ["visa", 1]]
    assert tables["Found nothing (English)"] == [["visa", 1]]


def test_a_division_report_has_no_searches_but_a_note(dataset):
    section = english(searches_section, dataset.division_a)

    assert (section.figures, section.charts, section.tables) == ([], [], [])
    assert "whole office" in section.note


# --- Division isolation and cost ----------------------------------------------------------------


def test_the_two_divisions_add_up_to_the_office_minus_what_has_no_division(dataset):
    with translation.override("en"):
        office = build_report(PERIOD, now=NOW)
        a = build_report(PERIOD, dataset.division_a, now=NOW)
        b = build_report(PERIOD, dataset.division_b, now=NOW)

    def received(report):
        return figures(report.section("applications"))["Applications received"]

    assert received(a) + received(b) == received(office)
    # One ticket has no division: SRN-8.
    tickets = [figures(report.section("tickets"))["Tickets received"] for report in (office, a, b)]
    assert tickets == [8, 6, 1]


def test_a_division_given_in_english_gives_the_same_figures(dataset):
    with translation.override("en"):
        indonesian = build_report(PERIOD, dataset.division_a, now=NOW)
        english_version = build_report(PERIOD, dataset.division_a_en, now=NOW)

    assert indonesian.sections == english_version.sections


def _more_rows(dataset):
    """More of everything in October, for the query count."""
    from faq.tests.factories import VoteFactory
    from pagefeedback.tests.factories import PageFeedbackFactory
    from satisfaction.tests.factories import SurveyResponseFactory

    from .dataset import application

    s1, s2, s3 = dataset.services
    for number in range(10):
        application(s2, f"LYN-2026-0009{number:02d}", at(10, 3), ("completed", at(10, 4 + number)))
        ticket(
            f"ADU-2026-0009{number:02d}",
            "complaint",
            at(10, 3, 10),
            at(10, 10).date(),
            division=dataset.division_b,
        )
        SurveyResponseFactory(service=s3, submitted_at=at(10, 3))
        VoteFactory(entry=dataset.questions[number % 3])
        PageFeedbackFactory(page=dataset.pages[number % 2], created_at=at(10, 3))


@pytest.mark.parametrize("division", [None, "division_a"])
def test_the_number_of_queries_does_not_grow_with_the_rows(dataset, division):
    division = getattr(dataset, division) if division else None
    with CaptureQueriesContext(connection) as before:
        build_report(PERIOD, division, now=NOW)
    _more_rows(dataset)
    with CaptureQueriesContext(connection) as after:
        build_report(PERIOD, division, now=NOW)

    assert len(after) == len(before)
    assert len(before) <= 25


def test_an_empty_period_gives_empty_tables_with_their_messages(homes):
    from reports.periods import Period

    with translation.override("en"):
        report = build_report(Period.month(2026, 1), now=NOW)

    applications = report.section("applications")
    assert figures(applications)["Applications received"] == 0
    assert figures(applications)["Median processing time"] is None
    assert applications.tables[0].rows == [] and applications.tables[0].empty_message
    assert all(not chart.values for section in report.sections for chart in section.charts)


def test_build_dataset_is_importable_without_pytest_fixtures(homes):
    namespace = build_dataset(homes)

    assert namespace.division_a.code == "penempatan"
