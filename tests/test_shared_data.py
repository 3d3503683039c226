"""Shared test data (tests/shared_data.py): a test that shares the bilingual site finds it
exactly as if it had been built inside the test. These hold with sharing off
(SHARED_TEST_DATA=0) too, where every test builds its own."""

import pytest
from django.core.cache import cache
from wagtail.models import Page
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from home.models import HomePage

pytestmark = pytest.mark.django_db


def shared_layers(shared_data):
    return [built.layer.name for built in shared_data.stack]


def test_a_test_gets_its_own_copy_of_the_shared_objects(homes, shared_data):
    for built in shared_data.stack:
        assert homes.id is not built.world[0].id
    assert homes.id.pk == HomePage.objects.get(locale__language_code="id").pk


# The next two run in this order: the first changes the site, the second must not see it.


def test_a_test_may_change_the_site_in_memory_and_in_the_database(homes):
    homes.id.title = "Diubah oleh tes"
    homes.id.save()
    homes.id.add_child(instance=HomePage(title="Halaman tambahan", slug="tambahan"))

    assert HomePage.objects.get(pk=homes.id.pk).title == "Diubah oleh tes"


def test_the_next_test_finds_the_site_as_it_was_built(homes):
    assert homes.id.title == "Beranda Disnaker"
    assert HomePage.objects.get(pk=homes.id.pk).title == "Beranda Disnaker"
    assert not Page.objects.filter(slug="tambahan").exists()


def test_the_cache_holds_what_building_the_site_put_there(homes):
    # The autouse _empty_cache empties it before the test; building the site inside the
    # test caches the site root paths, and so must handing over the shared site.
    assert cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)


@pytest.fixture
def _site_renamed(settings):
    """A fixture set up before ``homes`` that is not on the list of harmless ones."""
    settings.WAGTAIL_SITE_NAME = "Situs uji"


def test_a_fixture_not_known_to_be_harmless_makes_the_test_build_its_own_site(
    _site_renamed, homes, shared_data
):
    assert "homes" not in shared_layers(shared_data)
    assert homes.id.get_site().site_name == "Situs uji"
