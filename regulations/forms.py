"""The library's filter form: a GET form that only renders the choices.

The values are read by ``filters.parse_filters``; the form is built unbound
with those values as ``initial``, so a bad value never shows as an error.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchInput(forms.TextInput):
    input_type = "search"


class RegulationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Number or subject"),
        required=False,
        max_length=100,
        help_text=_('For example "44/2016", "perwali 44" or "ketenagakerjaan".'),
        widget=SearchInput(attrs={"autocomplete": "off"}),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types"))] + list(options.types)
        self.fields["year"].choices = [("", _("All years"))] + [(str(y), str(y)) for y in options.years]
