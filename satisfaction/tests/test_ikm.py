"""The satisfaction index (IKM) of Permenpan RB 14/2017, computed without HTTP."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from satisfaction import services
from satisfaction.models import SurveyResponse
from satisfaction.services import Grade, grade_for, ikm, ikm_by_service

from .factories import SurveyResponseFactory, scores

pytestmark = pytest.mark.django_db

#: Four respondents, hand-computed. Element means (NRR): U1 3.00, U2 3.50, U3 3.00,
#: U4 3.75, U5 3.25, U6 3.50, U7 3.50, U8 3.00, U9 3.25; their sum 29.75;
#: 29.75 / 9 = 3.30556; × 25 = 82.64, grade B (good).
EXAMPLE = [
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
    (3, 3, 3, 3, 3, 3, 3, 3, 3),
    (3, 4, 2, 4, 3, 3, 4, 2, 3),
    (2, 3, 3, 4, 3, 4, 3, 3, 3),
]


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 10, 0))


def test_hand_computed_example_gives_element_means_index_and_grade(db):
    for row in EXAMPLE:
        SurveyResponseFactory(**scores(*row))

    result = ikm(SurveyResponse.objects.all())

    assert result.count == 4
    assert [item.mean for item in result.means] == [
        Decimal(x) for x in ("3.00", "3.50", "3.00", "3.75", "3.25", "3.50", "3.50", "3.00", "3.25")
    ]
    assert result.index == Decimal("82.64")
    assert result.grade == Grade.B
    assert str(result.grade_label) == "Baik"  # Indonesian is active


def test_a_list_of_responses_gives_the_same_index_as_a_queryset(db):
    for row in EXAMPLE:
        SurveyResponseFactory(**scores(*row))

    assert ikm(list(SurveyResponse.objects.all())) == ikm(SurveyResponse.objects.all())


def test_every_answer_best_gives_100_and_every_answer_worst_gives_25():
    best = ikm([SurveyResponse(**scores(4))])
    worst = ikm([SurveyResponse(**scores(1))])

    assert (best.index, best.grade) == (Decimal("100.00"), Grade.A)
    assert (worst.index, worst.grade) == (Decimal("25.00"), Grade.D)


def test_no_responses_give_no_index_and_no_grade():
    result = ikm([])

    assert (result.count, result.index, result.grade) == (0, None, None)
    assert all(item.mean is None for item in result.means)


@pytest.mark.parametrize(
    "index, grade",
    [
        ("100", Grade.A),
        ("88.31", Grade.A),
        ("88.30", Grade.B),
        ("76.61", Grade.B),
        ("76.60", Grade.C),
        ("65.00", Grade.C),
        ("64.99", Grade.D),
        ("25.00", Grade.D),
    ],
)
def test_grade_boundaries_follow_the_regulation(index, grade):
    assert grade_for(Decimal(index)) == grade


def test_an_index_is_graded_after_rounding_to_two_decimals():
    assert grade_for(Decimal("88.305")) == Grade.A
    assert grade_for(Decimal("88.304")) == Grade.B


def test_responses_on_the_english_and_the_indonesian_page_count_for_one_service(service, service_en):
    SurveyResponseFactory(service=service, **scores(4))
    SurveyResponseFactory(service=service_en, language="en", **scores(2))

    (row,) = ikm_by_service(date(2000, 1, 1), date(2100, 12, 31))

    assert row.service_key == service.translation_key
    assert row.result.count == 2
    assert row.result.index == Decimal("75.00")


def test_each_service_gets_its_own_index(service, directory):
    from services.tests.factories import ServicePageFactory

    other = ServicePageFactory(parent=directory, title="Mediasi perselisihan")
    SurveyResponseFactory(service=service, **scores(4))
    SurveyResponseFactory(service=other, **scores(1))

    rows = ikm_by_service(date(2000, 1, 1), date(2100, 12, 31))

    assert [(row.title, row.result.index) for row in rows] == [
        ("Kartu pencari kerja (AK/I)", Decimal("100.00")),
        ("Mediasi perselisihan", Decimal("25.00")),
    ]


def test_the_period_includes_its_first_and_last_day_only(service):
    SurveyResponseFactory(service=service, submitted_at=at(2026, 3, 31), **scores(1))
    SurveyResponseFactory(service=service, submitted_at=at(2026, 4, 1), **scores(4))
    SurveyResponseFactory(service=service, submitted_at=at(2026, 6, 30), **scores(4))
    SurveyResponseFactory(service=service, submitted_at=at(2026, 7, 1), **scores(1))

    (row,) = ikm_by_service(*services.quarter_bounds(2026, 2))

    assert (row.result.count, row.result.index) == (2, Decimal("100.00"))


def test_a_deleted_service_keeps_its_title_in_the_index(service):
    SurveyResponseFactory(service=service, **scores(3))
    service.delete()

    (row,) = ikm_by_service(date(2000, 1, 1), date(2100, 12, 31))

    assert (row.title, row.page, row.result.count) == ("Kartu pencari kerja (AK/I)", None, 1)


def test_quarters_cover_the_whole_year():
    assert services.quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert services.quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
