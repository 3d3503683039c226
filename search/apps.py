from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import services
        from .models import SynonymGroup

        post_save.connect(services.forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
        post_delete.connect(
            services.forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted"
        )
