from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = _("FAQ")

    def ready(self):
        from core import pagecache

        from .services import VOTE_COOKIE

        # The questions page marks the answers this visitor voted on.
        pagecache.personal_cookie(VOTE_COOKIE)
