from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale


class DivisionSectionForm(WagtailAdminModelForm):
    """Divisions are offered once, in the default language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("division")
        if field is not None:
            field.queryset = field.queryset.filter(locale=Locale.get_default())
