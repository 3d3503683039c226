from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.publicforms import PublicForm

from .elements import ELEMENTS
from .models import COMMENT_MAX_LENGTH


class SurveyForm(PublicForm):
    """The nine questions of the survey, each answered 1 to 4, and an optional comment."""

    requires_consent = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        for element in ELEMENTS:
            fields[element.field] = forms.TypedChoiceField(
                label=element.question,
                help_text=format_lazy(
                    _("Element {number} of 9: {name}"), number=element.number, name=element.name
                ),
                choices=element.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": element.required_message,
                    "invalid_choice": _("Choose one of the four answers"),
                },
            )
        fields["comment"] = forms.CharField(
            label=_("Anything else you would like to tell us?"),
            help_text=_(
                "Optional. Do not type your name, telephone number, NIK, e-mail address or other "
                "personal data: the comment is read by staff without knowing who wrote it."
            ),
            required=False,
            max_length=COMMENT_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={
                "max_length": _(
                    "The comment must be %(limit_value)d characters or fewer (it has %(show_value)d)"
                )
            },
        )
        # The questions first, the guard fields of PublicForm after them.
        guard = {name: field for name, field in self.fields.items() if name not in fields}
        self.fields = {**fields, **guard}

    @property
    def score_fields(self):
        return [self[element.field] for element in ELEMENTS]

    def scores(self):
        return {element.field: self.cleaned_data[element.field] for element in ELEMENTS}
