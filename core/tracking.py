"""Finding one's own record by its reference number and the contact given.

The reference alone is never enough: it is printed on papers and shared. A
wrong pair and an unknown reference look the same to the visitor, so the form
cannot be used to learn which references exist.
"""

import hmac

from django import forms
from django.utils.translation import gettext_lazy as _

from .crypto import contact_hash
from .publicforms import PublicForm
from .references import normalize_reference


class TrackingForm(PublicForm):
    requires_consent = False

    reference = forms.CharField(
        label=_("Reference number"),
        max_length=30,
        help_text=_("As shown on your confirmation, for example LYN-2026-000123."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label=_("The e-mail address or phone number you gave"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_reference(self):
        return normalize_reference(self.cleaned_data["reference"])


NOT_FOUND_MESSAGE = _(
    "We found nothing for that reference number and contact. Check both against your confirmation "
    "and try again."
)


def find_tracked(queryset, reference, contact):
    """The record with this reference whose e-mail or phone hash matches the
    contact, else None."""
    wanted = contact_hash(contact)
    if not wanted:
        return None
    record = queryset.filter(reference=normalize_reference(reference)).first()
    if record is None:
        return None
    for stored in (record.email_hash, record.phone_hash):
        if stored and hmac.compare_digest(stored, wanted):
            return record
    return None
