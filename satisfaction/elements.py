"""The nine elements of the public satisfaction survey (Permenpan RB 14/2017).

Each element is asked as one question with four answers scored 1 (worst) to 4
(best), in the regulation's order. The Indonesian wording is the regulation's
sample questionnaire; the English is its translation (English is the source
language of the interface, the Indonesian catalogue holds the official text).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SCORES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Element:
    number: int
    field: str
    name: str
    question: str
    answers: tuple  # the four answers, for scores 1, 2, 3 and 4
    required_message: str

    @property
    def choices(self):
        return list(zip(SCORES, self.answers, strict=True))


ELEMENTS = (
    Element(
        1,
        "requirements",
        _("Requirements"),
        _("How well do the requirements of this service match the service itself?"),
        (_("Not appropriate"), _("Somewhat appropriate"), _("Appropriate"), _("Very appropriate")),
        _("Choose how well the requirements match the service"),
    ),
    Element(
        2,
        "procedure",
        _("System, mechanism and procedure"),
        _("How easy was the procedure of this service to follow?"),
        (_("Not easy"), _("Somewhat easy"), _("Easy"), _("Very easy")),
        _("Choose how easy the procedure was"),
    ),
    Element(
        3,
        "time_taken",
        _("Time to complete"),
        _("How quickly was the service delivered?"),
        (_("Not fast"), _("Somewhat fast"), _("Fast"), _("Very fast")),
        _("Choose how quickly the service was delivered"),
    ),
    Element(
        4,
        "cost",
        _("Cost or fee"),
        _("How fair was the cost or fee of this service?"),
        (_("Very expensive"), _("Fairly expensive"), _("Cheap"), _("Free of charge")),
        _("Choose how fair the cost was"),
    ),
    Element(
        5,
        "product",
        _("Product of the service"),
        _("How well does what you received match the product stated in the service standard?"),
        (_("Not appropriate"), _("Somewhat appropriate"), _("Appropriate"), _("Very appropriate")),
        _("Choose how well what you received matches the service standard"),
    ),
    Element(
        6,
        "staff_competence",
        _("Staff competence"),
        _("How competent were the staff who served you?"),
        (_("Not competent"), _("Somewhat competent"), _("Competent"), _("Very competent")),
        _("Choose how competent the staff were"),
    ),
    Element(
        7,
        "staff_behaviour",
        _("Staff behaviour"),
        _("How polite and friendly were the staff who served you?"),
        (
            _("Not polite and friendly"),
            _("Somewhat polite and friendly"),
            _("Polite and friendly"),
            _("Very polite and friendly"),
        ),
        _("Choose how polite and friendly the staff were"),
    ),
    Element(
        8,
        "complaint_handling",
        _("Handling of complaints, suggestions and input"),
        _("How are complaints, suggestions and input from service users handled?"),
        (
            _("There is no channel"),
            _("There is a channel but it does not work"),
            _("It works, but not fully"),
            _("Well managed"),
        ),
        _("Choose how complaints are handled"),
    ),
    Element(
        9,
        "facilities",
        _("Facilities"),
        _("How good are the facilities and infrastructure of the service?"),
        (_("Inadequate"), _("Adequate"), _("Good"), _("Very good")),
        _("Choose how good the facilities are"),
    ),
)

FIELDS = tuple(element.field for element in ELEMENTS)
BY_FIELD = {element.field: element for element in ELEMENTS}
