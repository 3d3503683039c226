from django import forms
from django.utils.translation import gettext_lazy as _

from core.crypto import normalize_phone


class PersonForm(forms.Form):
    """Who the request is about: the e-mail address or phone number they gave
    on the site's forms (either or both). Sent by POST only, never in a URL."""

    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        help_text=_("Written any way: 0812…, +62 812… and 62812… are the same number."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and len(normalize_phone(phone)) < 6:
            raise forms.ValidationError(_("Enter a phone number, e.g. 0812 3456 7890."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Enter an e-mail address or a phone number."))
        return cleaned
