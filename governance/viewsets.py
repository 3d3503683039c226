"""Division sections in the admin (Settings → Division sections): administrators
decide which pages each division runs; saving re-syncs its permissions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import DivisionSectionForm
from .models import DivisionSection


class DivisionSectionViewSet(ModelViewSet):
    model = DivisionSection
    icon = "folder-open-inverse"
    menu_label = _("Division sections")
    add_to_settings_menu = True
    list_filter = ["division"]
    edit_handler = ObjectList(
        [FieldPanel("division"), FieldPanel("page")], base_form_class=DivisionSectionForm
    )

    @property
    def columns(self):
        return [
            TitleColumn("division", label=_("Division"), url_name=self.get_url_name("edit")),
            Column(
                "page",
                label=_("Section page"),
                accessor=lambda section: section.page.get_admin_display_title(),
            ),
        ]


division_section_viewset = DivisionSectionViewSet("division_sections")
