"""Helpers for tests that commit to the database (browser tests with a live server)."""


def ensure_wagtail_roots():
    """A transactional test elsewhere may have flushed the database, taking the
    root page and root collection that Wagtail's migrations create, and leaving
    this process's content-type cache pointing at rows that are gone."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    ContentType.objects.clear_cache()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="id")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
