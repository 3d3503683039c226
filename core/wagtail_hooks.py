from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import pagecache
from .models import AlertBanner, NavigationMenu, PublicHoliday

register_snippet(NavigationMenu)
register_snippet(AlertBanner)
register_snippet(PublicHoliday)

# The page cache: mark what may be stored; anything published changes the generation.
hooks.register("before_serve_page", pagecache.mark_cacheable)
