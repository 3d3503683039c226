"""Keep the search index to live, public pages as pages change state.

Wagtail indexes a page when it is saved and BasePage.get_indexed_objects()
admits only live, public pages; but a page that leaves that set (unpublished,
or put behind a view restriction) would keep its old index entry. These
handlers take it out, and put pages back when a restriction is lifted.
"""

from modelsearch.index import insert_or_update_object, remove_object
from wagtail.models import Page


def _indexable_pages(page):
    return Page.objects.descendant_of(page, inclusive=True).specific()


def remove_unpublished_page(sender, instance, **kwargs):
    remove_object(instance.specific)


def remove_restricted_pages(sender, instance, **kwargs):
    for page in _indexable_pages(instance.page):
        remove_object(page)


def restore_unrestricted_pages(sender, instance, **kwargs):
    for page in _indexable_pages(instance.page):
        insert_or_update_object(page)
