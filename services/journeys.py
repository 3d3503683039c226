"""Journeys: services chained step by step. Plain functions, no HTTP.

A step points at a service page; it is shown in the journey's language and
only when that version is live and public. Steps left out are not counted,
so "Step 2 of 3" always matches what the reader can follow.
"""

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
    from .models import ServicePage

    raw = list(journey.steps.select_related("service").order_by("sort_order", "pk"))
    shown = {
        page.translation_key: page
        for page in standard.in_locale([step.service for step in raw], journey.locale, ServicePage)
    }
    steps = []
    for step in raw:
        page = shown.get(step.service.translation_key)
        if page is not None:
            steps.append(Step(number=len(steps) + 1, service=page, explanation=step.explanation))
    return steps


def positions_for(service_page):
    """Every live, public journey of the page's language that includes it, with
    the step number and the neighbouring services."""
    from .models import JourneyPage, JourneyStep

    journey_ids = JourneyStep.objects.filter(
        service__translation_key=service_page.translation_key
    ).values_list("journey_id", flat=True)
    journeys = (
        JourneyPage.objects.filter(pk__in=journey_ids, locale_id=service_page.locale_id)
        .live()
        .public()
        .order_by("title", "pk")
    )
    positions = []
    for journey in journeys:
        steps = journey_steps(journey)
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
