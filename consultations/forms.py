from django import forms
from django.utils.translation import gettext_lazy as _

from core.publicforms import PublicForm

from .models import COMMENT_MAX_LENGTH

NAME_MAX_LENGTH = 120
ORGANISATION_MAX_LENGTH = 200
SECTION_MAX_LENGTH = 200


def _too_long():
    return _("Keep it to %(limit_value)d characters or fewer (you typed %(show_value)d).")


class CommentForm(PublicForm):
    """A comment on a draft. Only the comment is required; the name is shown
    only when the commenter asks, the e-mail address never."""

    section = forms.CharField(
        label=_("Which part of the draft is your comment about?"),
        required=False,
        max_length=SECTION_MAX_LENGTH,
        error_messages={"max_length": _too_long()},
    )
    comment = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your comment."), "max_length": _too_long()},
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=NAME_MAX_LENGTH,
        error_messages={"max_length": _too_long()},
    )
    show_name = forms.BooleanField(
        label=_("Show my name (and organisation) with my comment"),
        required=False,
        help_text=_("If you leave this unticked, your comment is shown without your name."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=254,
        help_text=_("Only if you want the office to be able to contact you. Never shown on the site."),
        error_messages={
            "invalid": _("Enter an e-mail address like nama@contoh.id."),
            "max_length": _too_long(),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=ORGANISATION_MAX_LENGTH,
        help_text=_("A company, union, association or institution you speak for, if any."),
        error_messages={"max_length": _too_long()},
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].help_text = _("At most %(max)d characters.") % {"max": COMMENT_MAX_LENGTH}
        if sections:
            self.fields["section"] = forms.ChoiceField(
                label=self.fields["section"].label,
                required=False,
                choices=[("", _("The draft as a whole"))] + [(section, section) for section in sections],
                error_messages={"invalid_choice": _("Choose a part of the draft from the list.")},
            )
        # The order people fill it in, the consent box last.
        order = ["section", "comment", "name", "show_name", "organisation", "email"]
        self.order_fields(order + [name for name in self.fields if name not in order])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_name") and not cleaned.get("name", "").strip():
            self.add_error("name", _("Give your name, or untick “Show my name”."))
        return cleaned
