from django import forms
from django.utils.translation import gettext_lazy as _

from core.publicforms import PublicForm

from .models import COMMENT_MAX_LENGTH
from .services import pages_taking_feedback

YES, NO = "yes", "no"


def comment_warning():
    return _(
        "Do not type personal details such as your name, NIK, telephone number or e-mail "
        "address: we cannot reply here. At most %(max)d characters."
    ) % {"max": COMMENT_MAX_LENGTH}


class PageFeedbackForm(PublicForm):
    """One answer about one page, with an optional comment for "no".

    The honeypot applies; the signed start time does not: the widget sits on
    pages that may be cached for any time, so a stamp in it would be stale,
    and answering Yes is one click, which no "minimum time to fill" fits.
    CSRF, the rate limit and one vote per visitor, page and day guard it.
    """

    requires_consent = False
    requires_start_time = False

    page = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(
        label=_("Is this page useful?"),
        choices=[(YES, _("Yes")), (NO, _("No"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    comment = forms.CharField(
        label=_("What was wrong?"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Keep it to %(limit_value)d characters or fewer (you typed %(show_value)d)."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].help_text = comment_warning()

    def clean_page(self):
        page = pages_taking_feedback().filter(pk=self.cleaned_data["page"]).first()
        if page is None:
            raise forms.ValidationError(_("This page cannot take feedback."), code="page")
        return page.specific

    @property
    def helpful(self):
        return self.cleaned_data["answer"] == YES
