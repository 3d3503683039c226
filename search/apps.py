from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_unpublished

        from . import indexing, services
        from .models import SynonymGroup

        page_unpublished.connect(indexing.remove_unpublished_page, dispatch_uid="search_page_unpublished")
        post_save.connect(
            indexing.remove_restricted_pages,
            sender=PageViewRestriction,
            dispatch_uid="search_page_restricted",
        )
        post_delete.connect(
            indexing.restore_unrestricted_pages,
            sender=PageViewRestriction,
            dispatch_uid="search_page_unrestricted",
        )

        post_save.connect(services.forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
        post_delete.connect(
            services.forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted"
        )
