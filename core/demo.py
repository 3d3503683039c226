"""Building blocks for ``manage.py seed_demo``: idempotent, bilingual pages.

Each app that has demo content offers ``<app>/demo.py`` with a function
``seed(homes)`` taking the ``DemoHomes`` below; ``seed_demo`` calls them in order.
Pages are found again by slug under their parent, so running twice changes
nothing but the content.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Page, Site


@dataclass
class DemoHomes:
    id: Page
    en: Page

    @property
    def locales(self):
        return self.id.locale, self.en.locale


def ensure_locales():
    return tuple(Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def upsert_child(parent, model, slug, **fields):
    """Create or update the ``model`` page at ``slug`` under ``parent``, then publish it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
    return publish(page)


def upsert_translation(page, locale, **fields):
    """The translation of ``page`` into ``locale`` with ``fields`` set, published.

    Its parent must already be translated; callers go from the top down.
    """
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def upsert_bilingual(parent_id, model, slug, id_fields, en_fields, **shared):
    """An Indonesian page and its English translation; returns both."""
    page_id = upsert_child(parent_id, model, slug, **shared, **id_fields)
    page_en = upsert_translation(page_id, Locale.objects.get(language_code="en"), **shared, **en_fields)
    return page_id, page_en


def ensure_site(home_model, id_fields, en_fields):
    """The Indonesian home page as the default site's root, with its English
    translation; Wagtail's placeholder welcome page is removed."""
    locale_id, locale_en = ensure_locales()
    root = Page.get_first_root_node()
    home = root.get_children().type(home_model).filter(locale=locale_id).first()
    if home is None:
        home = home_model(slug="beranda", locale=locale_id, **id_fields)
        root.add_child(instance=home)
    else:
        home = home.specific
        for name, value in id_fields.items():
            setattr(home, name, value)
    home = publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # Only a new site gets the local host name: a live site keeps its own.
        site = Site(is_default_site=True, hostname="localhost", port=80)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    for placeholder in root.get_children().exclude(translation_key=home.translation_key):
        if placeholder.specific_class is Page:
            placeholder.delete()
    home_en = upsert_translation(home, locale_en, **en_fields)
    return DemoHomes(id=home, en=home_en)


def stream(*blocks):
    """StreamField content from ``(block_type, value)`` pairs in raw JSON form."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])
