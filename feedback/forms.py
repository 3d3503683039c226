"""The public ticket form."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from core.crypto import normalize_phone
from core.publicforms import PublicForm
from core.uploads import CheckedFileField

from .models import TicketType
from .services import NewTicket

MESSAGE_MAX_LENGTH = 5000
ATTACHMENT_FIELDS = ("attachment_1", "attachment_2", "attachment_3")

TYPE_HINTS = {
    TicketType.COMPLAINT: _("Something went wrong with a service or a member of staff."),
    TicketType.ASPIRATION: _("A wish or a proposal for the office's work or policy."),
    TicketType.SUGGESTION: _("An idea to make a service or this website better."),
    TicketType.INFORMATION_REQUEST: _(
        "Ask the information officer (PPID) for a public document or information (Law 14/2008)."
    ),
}


class TypeSelect(forms.RadioSelect):
    option_template_name = "feedback/includes/type_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["hint"] = TYPE_HINTS.get(value, "")
        if option["hint"] and option["attrs"].get("id"):
            option["hint_id"] = option["attrs"]["id"] + "_hint"
            option["attrs"]["aria-describedby"] = option["hint_id"]
        return option


def topic_choices(locale):
    """Grouped choices: services and divisions of ``locale``."""
    from offices.models import Division
    from services.models import ServicePage

    services = ServicePage.objects.live().public().filter(locale=locale).order_by("title")
    divisions = Division.objects.filter(locale=locale)
    groups = [
        (_("A service"), [(f"service-{page.pk}", page.title) for page in services]),
        (
            _("A division of the office"),
            [(f"division-{division.pk}", division.name) for division in divisions],
        ),
    ]
    return [("", _("Not sure / something else"))] + [(label, options) for label, options in groups if options]


class TicketForm(PublicForm):
    type = forms.ChoiceField(
        label=_("What would you like to send?"),
        choices=TicketType.choices,
        widget=TypeSelect,
        error_messages={"required": _("Choose what you would like to send.")},
    )
    topic = forms.ChoiceField(
        label=_("What is it about?"),
        required=False,
        help_text=_("Choosing the service or division helps us pass it to the right people."),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=150,
        help_text=_("A short title, for example “Card not ready after two weeks”."),
        error_messages={"required": _("Enter a subject.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, when and where. At most 5,000 characters."),
        error_messages={"required": _("Enter your message.")},
    )
    attachment_1 = CheckedFileField(label=_("Attachment"), required=False)
    attachment_2 = CheckedFileField(label=_("Second attachment"), required=False)
    attachment_3 = CheckedFileField(label=_("Third attachment"), required=False)
    anonymous = forms.BooleanField(
        label=_("Send anonymously (without my name)"),
        required=False,
        help_text=_(
            "You still get a reference number. To track the ticket or receive the reply you must give an "
            "e-mail address or phone number; without one you cannot track it. Requests for public "
            "information cannot be anonymous."
        ),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("Not needed if you send anonymously."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name, or tick “Send anonymously”.")},
    )
    email = forms.CharField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("Give an e-mail address or a phone number, or both. We send the reference number here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        help_text=_("For example 0812 3456 7890."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    lapor_contact_consent = forms.BooleanField(
        label=_("If this complaint is forwarded to SP4N-LAPOR!, my name and contact may go with it."),
        required=False,
        help_text=_("Without this, a forwarded complaint goes without your name and contact."),
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["topic"].choices = topic_choices(locale)
        if self.is_bound and self.data.get(self.add_prefix("anonymous")):
            # Anonymous: the name is not asked for (and not kept if typed).
            self.fields["name"].required = False

    @property
    def attachment_fields(self):
        return [self[name] for name in ATTACHMENT_FIELDS]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email:
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Enter an e-mail address in the right form, like nama@contoh.id."), code="invalid"
                ) from None
        return email

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone:
            digits = normalize_phone(phone)
            if (
                not phone.replace(" ", "").replace("-", "").lstrip("+").isdigit()
                or not 9 <= len(digits) <= 15
            ):
                raise forms.ValidationError(
                    _("Enter a phone number of 9 to 15 digits, like 0812 3456 7890."), code="invalid"
                )
        return phone

    def clean_topic(self):
        value = self.cleaned_data["topic"]
        self.topic_object = None
        if not value:
            return value
        from offices.models import Division
        from services.models import ServicePage

        kind, _sep, pk = value.partition("-")
        model = {"service": ServicePage, "division": Division}[kind]
        self.topic_object = model.objects.filter(pk=pk).first()
        return value

    def clean(self):
        cleaned = super().clean()
        anonymous = cleaned.get("anonymous")
        ticket_type = cleaned.get("type")
        if ticket_type == TicketType.INFORMATION_REQUEST and anonymous:
            self.add_error(
                "anonymous",
                _("A request for public information needs your name and contact (Law 14/2008): untick this."),
            )
            anonymous = False
        if anonymous:
            cleaned["name"] = ""
        else:
            if not cleaned.get("name") and "name" not in self.errors:
                self.add_error("name", self.fields["name"].error_messages["required"])
            has_contact = cleaned.get("email") or cleaned.get("phone")
            if not has_contact and "email" not in self.errors and "phone" not in self.errors:
                self.add_error(
                    "email",
                    _("Enter an e-mail address or a phone number, so that we can answer you."),
                )
        return cleaned

    def new_ticket(self, language):
        data = self.cleaned_data
        topic = getattr(self, "topic_object", None)
        from offices.models import Division

        return NewTicket(
            type=data["type"],
            subject=data["subject"],
            message=data["message"],
            division=topic if isinstance(topic, Division) else None,
            service=topic if topic is not None and not isinstance(topic, Division) else None,
            anonymous=bool(data.get("anonymous")),
            name=data.get("name", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            lapor_contact_consent=bool(data.get("lapor_contact_consent"))
            and data["type"] == TicketType.COMPLAINT,
            language=language,
            attachments=tuple(data.get(name) for name in ATTACHMENT_FIELDS if data.get(name)),
        )
