from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Division


class DivisionViewSet(SnippetViewSet):
    model = Division
    icon = "group"
    menu_label = _("Divisions")
    list_display = ["name", "short_name", "code", "head_title", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(DivisionViewSet)
