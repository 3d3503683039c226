import factory

from satisfaction.elements import FIELDS
from satisfaction.models import SurveyInvitation, SurveyResponse


class SurveyInvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation; pass ``service`` (a ServicePage) to tie it to a service."""

    class Meta:
        model = SurveyInvitation

    reference = factory.Sequence(lambda n: f"LYN-2026-{n + 1:06d}")
    service = None
    service_key = factory.LazyAttribute(lambda o: o.service.translation_key if o.service else None)
    service_title = factory.LazyAttribute(lambda o: o.service.title if o.service else "Layanan uji")
    language = "id"


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    """A response scoring 3 on every element unless told otherwise; pass ``service``."""

    class Meta:
        model = SurveyResponse

    service = None
    service_key = factory.LazyAttribute(lambda o: o.service.translation_key if o.service else None)
    service_title = factory.LazyAttribute(lambda o: o.service.title if o.service else "Layanan uji")
    language = "id"
    requirements = 3
    procedure = 3
    time_taken = 3
    cost = 3
    product = 3
    staff_competence = 3
    staff_behaviour = 3
    complaint_handling = 3
    facilities = 3


def scores(*values):
    """The nine scores as a dict from nine values, or one value for all nine."""
    if len(values) == 1:
        values = values * len(FIELDS)
    return dict(zip(FIELDS, values, strict=True))
