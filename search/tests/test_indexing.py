"""Only live, public pages are ever in the search index (the index itself, not the results)."""

import pytest
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from .factories import guide

pytestmark = pytest.mark.django_db


def indexed(page):
    return IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_a_published_page_is_indexed(homes):
    assert indexed(guide(homes.id, "Pelatihan las", slug="pelatihan-las"))


def test_a_draft_that_was_never_published_is_not_indexed(homes):
    page = guide(homes.id, "Rancangan pengumuman", slug="rancangan", live=False)
    page.save()

    assert not indexed(page)


def test_an_unpublished_page_leaves_the_index(homes):
    page = guide(homes.id, "Pengumuman lama", slug="lama")
    page.unpublish()

    assert not indexed(page)


def test_a_page_put_behind_a_password_leaves_the_index_with_its_children(homes):
    parent = guide(homes.id, "Internal", slug="internal")
    child = guide(parent, "Catatan rapat", slug="catatan")
    PageViewRestriction.objects.create(page=parent, restriction_type="password", password="rahasia")

    assert not indexed(parent)
    assert not indexed(child)


def test_a_lifted_restriction_puts_the_pages_back(homes):
    parent = guide(homes.id, "Internal", slug="internal")
    restriction = PageViewRestriction.objects.create(page=parent, restriction_type="password", password="x")
    restriction.delete()

    assert indexed(parent)


def test_rebuilding_the_index_skips_drafts_and_private_pages(homes):
    from django.core.management import call_command

    public = guide(homes.id, "Terbuka", slug="terbuka")
    draft = guide(homes.id, "Draf", slug="draf", live=False)
    private = guide(homes.id, "Tertutup", slug="tertutup")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    call_command("update_index", stdout=open("/dev/null", "w"))

    assert indexed(public) and not indexed(draft) and not indexed(private)
