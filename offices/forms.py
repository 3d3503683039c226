from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ACCESS_POINT_KINDS, DISTRICTS


class AccessPointFilterForm(forms.Form):
    """The directory's GET filter form. Never bound: ``services.clean_filters``
    decides which values count, and the form only shows them."""

    # Both filters may be left at "all"; no `required` attribute in the HTML.
    use_required_attribute = False

    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds"))] + ACCESS_POINT_KINDS)
    district = forms.ChoiceField(
        label=_("District (kecamatan)"), choices=[("", _("All districts"))] + DISTRICTS
    )
