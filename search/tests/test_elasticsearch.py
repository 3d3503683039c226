"""Elasticsearch 9: run with ELASTICSEARCH_URL set, e.g.
``ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest search -rs``.
Each test builds its own index (prefix ``test_search_helper_``) and deletes it afterwards."""

import os
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page

from search import services
from search.models import SynonymGroup

from .factories import guide

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch to test"
    ),
]

BACKENDS = {
    "default": {
        "BACKEND": "search.backends.elasticsearch9",
        "URLS": [ELASTICSEARCH_URL or "http://127.0.0.1:9200"],
        "INDEX_PREFIX": "test_search_helper_",
        "TIMEOUT": 10,
    },
    "database": settings.SEARCH_DATABASE_BACKEND,
}


@pytest.fixture
def elasticsearch(homes):
    """Elasticsearch as the default backend; ``index()`` rebuilds and refreshes it."""
    with override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS):
        services._backend.cache_clear()

        def index():
            call_command("update_index", backend_name="default", stdout=StringIO())
            services._backend("default").get_index_for_model(Page).refresh()

        index()  # the index and its analyzers exist before the test saves pages
        yield index
        es = services._backend("default").es
        # Elasticsearch 8+ refuses wildcard deletes by default: name each index.
        for name in es.indices.get(index="test_search_helper_*"):
            es.indices.delete(index=name)
        services._backend.cache_clear()


def titles(outcome):
    return [result.title for result in outcome.results]


def test_elasticsearch_answers_with_indonesian_stemming(homes, elasticsearch):
    guide(homes.id, "Pelatihan las", summary="Latihan las listrik.", slug="las")
    guide(homes.id, "Lowongan kerja", slug="lowongan")
    elasticsearch()

    outcome = services.run_search("melatih", locale=Locale.objects.get(language_code="id"))

    assert outcome.backend == "default"
    assert titles(outcome) == ["Pelatihan las"]


def test_elasticsearch_answers_english_pages_with_english_stemming(homes, translate, elasticsearch):
    page = guide(homes.id, "Pelatihan", slug="pelatihan")
    translate(page, title="Trainings", slug="trainings")
    elasticsearch()

    outcome = services.run_search("training", locale=Locale.objects.get(language_code="en"))

    assert titles(outcome) == ["Trainings"]


def test_elasticsearch_title_outranks_body(homes, elasticsearch):
    guide(homes.id, "Informasi", text="Bursa kerja setiap tahun.", slug="info")
    guide(homes.id, "Bursa kerja", slug="bursa")
    elasticsearch()

    outcome = services.run_search("bursa kerja", locale=Locale.objects.get(language_code="id"))

    assert titles(outcome)[0] == "Bursa kerja"


def test_elasticsearch_applies_synonyms(homes, elasticsearch):
    SynonymGroup.objects.create(terms="phk, pemutusan hubungan kerja")
    guide(homes.id, "Lapor pemutusan hubungan kerja", slug="lapor")
    elasticsearch()

    outcome = services.run_search("phk", locale=Locale.objects.get(language_code="id"))

    assert titles(outcome) == ["Lapor pemutusan hubungan kerja"]


def test_elasticsearch_tolerates_typos(homes, elasticsearch):
    guide(homes.id, "Pelatihan menjahit", slug="jahit")
    elasticsearch()

    outcome = services.run_search("menjahitt", locale=Locale.objects.get(language_code="id"))

    assert outcome.similar
    assert titles(outcome) == ["Pelatihan menjahit"]


def test_elasticsearch_never_returns_drafts_or_other_languages(homes, translate, elasticsearch):
    page = guide(homes.id, "Kartu kuning", slug="kartu")
    translate(page, title="Kartu kuning card", slug="card")
    guide(homes.id, "Kartu rahasia", slug="rahasia", live=False)
    elasticsearch()

    outcome = services.run_search("kartu", locale=Locale.objects.get(language_code="id"))

    assert titles(outcome) == ["Kartu kuning"]


def test_elasticsearch_autocomplete(homes, elasticsearch):
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")
    elasticsearch()

    suggestions = services.suggest("kartu ku", locale=Locale.objects.get(language_code="id"))

    assert suggestions == [{"title": "Kartu kuning", "url": "/id/kartu-kuning/"}]
