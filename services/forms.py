"""The directory's filter form: a GET form that only renders the choices.

The values are read by ``filters.parse_filters``; the form is built unbound
with those values as ``initial``, so a bad value never shows as an error.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Audience, Category
from .filters import LETTERS


class SearchInput(forms.TextInput):
    input_type = "search"


class ServiceFilterForm(forms.Form):
    # Every filter may be left at "all": no `required` attribute in the HTML.
    use_required_attribute = False

    q = forms.CharField(
        label=_("Name or description"),
        required=False,
        max_length=100,
        help_text=_("For example “kartu kuning”, “pelatihan” or “PKWT”."),
        widget=SearchInput(attrs={"autocomplete": "off"}),
    )
    audience = forms.ChoiceField(label=_("For"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    division = forms.ChoiceField(label=_("Responsible division"), required=False)
    letter = forms.ChoiceField(label=_("Name starts with"), required=False)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", _("Everyone"))] + list(Audience.choices)
        self.fields["category"].choices = [("", _("All categories"))] + list(Category.choices)
        self.fields["division"].choices = [("", _("All divisions"))] + list(options.divisions)
        self.fields["letter"].choices = [("", _("Any letter"))] + [(letter, letter) for letter in LETTERS]
