"""Journeys: services chained step by step. Plain functions, no HTTP.

A step points at a service page; it is shown in the journey's language and
only when that version is live and public. Steps left out are not counted,
so "Step 2 of 3" always matches what the reader can follow.
"""

from collections import defaultdict
from dataclasses import dataclass

from . import standard


@dataclass(frozen=True)
class Step:
    number: int
    service: object  # a ServicePage in the journey's language
    explanation: str

    @property
    def title(self):
        return self.service.title

    @property
    def text(self):
        return self.explanation or self.service.summary


@dataclass(frozen=True)
class JourneyPosition:
    """Where a service stands in one journey."""

    journey: object
    number: int
    total: int
    previous: object | None
    next: object | None


def journey_steps(journey):
    """The steps of ``journey`` whose service is live and public in its language, numbered from 1."""
    raw = list(journey.steps.select_related("service").order_by("sort_order", "pk"))
    return _numbered_steps(raw, journey.locale)[journey.pk]


def _numbered_steps(raw, locale):
    """``{journey_id: [Step, ...]}`` for the raw steps of one or more journeys of ``locale``:
    one query for the services, however many journeys and steps."""
    from .models import ServicePage

    shown = {
        page.translation_key: page
        for page in standard.in_locale([step.service for step in raw], locale, ServicePage)
    }
    by_journey = defaultdict(list)
    for step in raw:
        page = shown.get(step.service.translation_key)
        if page is not None:
            steps = by_journey[step.journey_id]
            steps.append(Step(number=len(steps) + 1, service=page, explanation=step.explanation))
    return by_journey


def positions_for(service_page):
    """Every live, public journey of the page's language that includes it, with
    the step number and the neighbouring services. A fixed number of queries,
    however many journeys include the page (tests/test_query_budgets.py)."""
    from .models import JourneyPage, JourneyStep

    journey_ids = JourneyStep.objects.filter(
        service__translation_key=service_page.translation_key
    ).values_list("journey_id", flat=True)
    journeys = list(
        JourneyPage.objects.filter(pk__in=journey_ids, locale_id=service_page.locale_id)
        .live()
        .public()
        .order_by("title", "pk")
    )
    if not journeys:
        return []
    raw = list(
        JourneyStep.objects.filter(journey__in=journeys)
        .select_related("service")
        .order_by("sort_order", "pk")
    )
    steps_by_journey = _numbered_steps(raw, service_page.locale)
    positions = []
    for journey in journeys:
        steps = steps_by_journey[journey.pk]
        for index, step in enumerate(steps):
            if step.service.translation_key == service_page.translation_key:
                positions.append(
                    JourneyPosition(
                        journey=journey,
                        number=step.number,
                        total=len(steps),
                        previous=steps[index - 1].service if index > 0 else None,
                        next=steps[index + 1].service if index + 1 < len(steps) else None,
                    )
                )
                break
    return positions
