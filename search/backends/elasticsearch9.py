"""Elasticsearch 9 with analyzers for Indonesian and English.

Wagtail puts every page of every language into one index (one per root model), and its
mapping gives text fields the index's ``default`` analyzer. A field cannot switch analyzer
by the page's locale, so the default analyzer here reads both languages: Indonesian and
English stop words are dropped, then the Indonesian stemmer (``pelatihan`` → ``latih``,
``dilaksanakan`` → ``laksana``) and a light English stemmer (``trainings`` → ``training``)
run in turn. Index and query go through the same chain, and every search is filtered by
locale, so a stem shared by the two languages never mixes them. ``indonesian_text`` and
``english_text`` are defined too, for fields that know their language (``es_extra``).

Synonyms are not an analyzer filter: editors' ``SynonymGroup`` snippets expand the query
before it reaches any backend (``search.services.build_query``), so a change applies at
once, without re-indexing.
"""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.utils import deep_update

ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "indonesian_stop": {"type": "stop", "stopwords": "_indonesian_"},
                "indonesian_stemmer": {"type": "stemmer", "language": "indonesian"},
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_possessive": {"type": "stemmer", "language": "possessive_english"},
                "english_light_stemmer": {"type": "stemmer", "language": "light_english"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive",
                        "lowercase",
                        "asciifolding",
                        "indonesian_stop",
                        "english_stop",
                        "indonesian_stemmer",
                        "english_light_stemmer",
                    ],
                },
                "indonesian_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "indonesian_stop", "indonesian_stemmer"],
                },
                "english_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive",
                        "lowercase",
                        "asciifolding",
                        "english_stop",
                        "english_light_stemmer",
                    ],
                },
            },
        }
    }
}


class BilingualElasticsearch9SearchBackend(Elasticsearch9SearchBackend):
    settings = deep_update(
        deep_update({}, Elasticsearch9SearchBackend.settings),
        ANALYSIS,
    )


SearchBackend = BilingualElasticsearch9SearchBackend
