from wagtail.snippets.models import register_snippet

from .models import AlertBanner, NavigationMenu

register_snippet(NavigationMenu)
register_snippet(AlertBanner)
