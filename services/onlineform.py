"""A service's online form, built from the questions editors define, and its two views.

``build_form(page)`` turns the page's ServiceFormField rows into a Django form
(a PublicForm: honeypot, start time, consent). ``apply_view`` takes the POST
to ``<service>/apply/``; the confirmation at ``<service>/apply/done/`` reads the
reference from the session, never from the URL.
"""

import re

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.crypto import normalize_phone
from core.identity import NIKField
from core.publicforms import PublicForm, rate_limit
from core.uploads import CheckedFileField

from .choices import FieldKind

SESSION_KEY = "services:submitted"
RATE_LIMIT_SCOPE = "service_submission"
#: Above this many choices a list becomes a drop-down instead of radio buttons.
RADIO_LIMIT = 5
#: Names the form itself uses; a question never takes them.
RESERVED = {"website", "started", "consent", "csrfmiddlewaretoken"}


def field_key(field):
    """The answer's key: the editor's name, else one made from the question."""
    key = (field.name or "").strip() or slugify(field.label or "")
    key = re.sub(r"[^a-z0-9_]", "_", key.lower().replace("-", "_")).strip("_")
    return key or f"question_{field.sort_order or 0}"


def service_fields(page):
    """``(key, field)`` for each question of the page, keys made unique."""
    seen = set()
    result = []
    for field in page.form_fields.all():
        key = base = field_key(field)
        if key in RESERVED:
            key = base = f"{base}_answer"
        number = 2
        while key in seen:
            key = f"{base}_{number}"
            number += 1
        seen.add(key)
        result.append((key, field))
    return result


class PhoneField(forms.CharField):
    default_error_messages = {
        "invalid": _("Enter a phone number with 9 to 15 digits, for example 0812 3456 7890."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
        return attrs

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if not re.fullmatch(r"\+?[\d\s().-]+", value) or not 9 <= len(normalize_phone(value)) <= 15:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def make_field(field):
    """The Django form field for one question."""
    kind = field.kind
    common = {"label": field.label, "required": field.required}
    if field.help_text:
        common["help_text"] = field.help_text
    required_message = _("Answer “%(question)s”.") % {"question": field.label}
    if kind == FieldKind.TEXTAREA:
        result = forms.CharField(
            max_length=field.max_length or 4000, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    elif kind == FieldKind.EMAIL:
        result = forms.EmailField(
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            **common,
        )
    elif kind == FieldKind.PHONE:
        result = PhoneField(**common)
    elif kind == FieldKind.DATE:
        common.setdefault("help_text", _("For example 2026-08-17."))
        result = forms.DateField(
            widget=DateInput(), input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"], **common
        )
    elif kind == FieldKind.CHOICE:
        choices = [(choice, choice) for choice in field.choice_list]
        if len(choices) > RADIO_LIMIT:
            result = forms.ChoiceField(choices=[("", _("Choose…"))] + choices, **common)
        else:
            result = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        required_message = _("Choose an answer to “%(question)s”.") % {"question": field.label}
    elif kind == FieldKind.NUMBER:
        result = forms.IntegerField(
            min_value=field.min_value,
            max_value=field.max_value,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            **common,
        )
    elif kind == FieldKind.NIK:
        result = NIKField(**common)
    elif kind == FieldKind.FILE:
        result = CheckedFileField(
            allowed_types=field.allowed_file_types, max_bytes=field.max_file_bytes, **common
        )
        required_message = _("Choose a file for “%(question)s”.") % {"question": field.label}
    else:
        result = forms.CharField(max_length=field.max_length or 200, **common)
    result.error_messages["required"] = required_message
    result.service_kind = kind
    return result


class ApplicationForm(PublicForm):
    """Base of every service's form; ``service_fields`` lists ``(key, question)``."""

    service_fields = ()

    @property
    def has_files(self):
        return any(field.kind == FieldKind.FILE for _key, field in self.service_fields)


def build_form(page):
    """The form class for ``page``'s questions, in their order."""
    fields = service_fields(page)
    attrs = {key: make_field(field) for key, field in fields}
    attrs["service_fields"] = tuple(fields)
    return type("ServiceApplicationForm", (ApplicationForm,), attrs)


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def apply_view(page, request):
    from . import submissions

    if not page.accepts_applications:
        raise Http404
    if request.method != "POST":
        return redirect(page.url + "#how-to-apply")
    form_class = build_form(page)
    form = form_class(request.POST, request.FILES)
    limit = rate_limit(request, RATE_LIMIT_SCOPE)
    if limit.exceeded:
        form.full_clean()
        form.add_error(None, limit.message)
        response = page.render(request, context_overrides={"online_form": form})
        response.status_code = 429
        return _no_store(response)
    if form.is_valid():
        submission = submissions.submit(page, form, language=page.locale.language_code, request=request)
        request.session[SESSION_KEY] = {
            "reference": submission.reference,
            "page": page.pk,
            "email": bool(submission.applicant_email),
        }
        return redirect(page.url + page.reverse_subpage("apply_done"))
    return _no_store(page.render(request, context_overrides={"online_form": form}))


def done_view(page, request):
    submitted = request.session.get(SESSION_KEY)
    if not submitted or submitted.get("page") != page.pk:
        return redirect(page.url)
    directory = page.directory_page()
    tracking_url = directory.tracking_url() if hasattr(directory, "tracking_url") else ""
    response = page.render(
        request,
        template="services/apply_done.html",
        context_overrides={
            "reference": submitted["reference"],
            "email_sent": submitted.get("email", False),
            "tracking_url": tracking_url,
        },
    )
    return _no_store(response)
