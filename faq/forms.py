from django import forms
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.publicforms import PublicForm

from .models import (
    ASKED_QUESTION_MAX_LENGTH,
    ASKER_EMAIL_MAX_LENGTH,
    ASKER_NAME_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    SHORT_ANSWER_MAX_LENGTH,
    VOTE_COMMENT_MAX_LENGTH,
    FAQCategory,
)
from .services import QUERY_MAX_LENGTH

ASKED_QUESTION_MIN_LENGTH = 10


class FAQSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Filter the questions"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        help_text=_("Type a word, e.g. “kartu kuning” or “pelatihan”."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "data-faq-filter": ""}),
    )


class VoteForm(forms.Form):
    """Not a PublicForm: the buttons sit under every answer; the rate limit
    and one vote per visitor protect it."""

    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Choose Yes or No.")},
    )
    comment = forms.CharField(
        label=_("What could be better? (optional)"),
        required=False,
        max_length=VOTE_COMMENT_MAX_LENGTH,
        help_text=_("Do not type personal details such as your name, NIK, telephone or e-mail."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "Keep the comment to %(limit_value)d characters or fewer (it has %(show_value)d)."
            )
        },
    )


class AskForm(PublicForm):
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": ASKED_QUESTION_MAX_LENGTH}),
        error_messages={"required": _("Type your question.")},
    )
    category = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=FAQCategory.objects.none(),
        required=False,
        empty_label=_("I don't know"),
        error_messages={"invalid_choice": _("Choose a topic from the list.")},
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=ASKER_NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "max_length": _("Keep your name to %(limit_value)d characters or fewer (it has %(show_value)d).")
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=ASKER_EMAIL_MAX_LENGTH,
        help_text=_("Only if you want us to tell you when your question is answered."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an e-mail address like name@example.com."),
            "max_length": _("An e-mail address has at most %(limit_value)d characters."),
        },
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        categories = FAQCategory.objects.all()
        if locale is not None:
            categories = categories.filter(locale=locale)
        self.fields["category"].queryset = categories
        self.fields["question"].help_text = gettext(
            "One question, in your own words. Do not include your NIK or other personal details. "
            "At most %(limit)d characters."
        ) % {"limit": ASKED_QUESTION_MAX_LENGTH}
        # Messages naming the limits, in the visitor's language.
        self.fields["question"].validators = [
            MinLengthValidator(
                ASKED_QUESTION_MIN_LENGTH,
                message=_("Write at least %(limit_value)d characters so we understand the question."),
            ),
            MaxLengthValidator(
                ASKED_QUESTION_MAX_LENGTH,
                message=_(
                    "Keep the question to %(limit_value)d characters or fewer (it has %(show_value)d)."
                ),
            ),
        ]

    def clean_question(self):
        return self.cleaned_data["question"].strip()

    def clean_name(self):
        return " ".join(self.cleaned_data.get("name", "").split())


class PublishForm(forms.Form):
    """The editor's answer as a new FAQ entry (admin)."""

    category = forms.ModelChoiceField(label=_("Category"), queryset=FAQCategory.objects.none())
    question = forms.CharField(
        label=_("Question as published"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("Rewrite it as one clear question, without any personal details."),
    )
    short_answer = forms.CharField(
        label=_("Short answer"),
        max_length=SHORT_ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The direct answer in one to three sentences."),
    )
    full_answer = forms.CharField(
        label=_("Full answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The detail; you can add links and lists in the entry afterwards."),
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        categories = FAQCategory.objects.all()
        if locale is not None:
            categories = categories.filter(locale=locale)
        self.fields["category"].queryset = categories
