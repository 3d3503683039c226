"""The results page, the suggestion endpoint and the admin report, through HTTP."""

import json
import logging
import socket

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from search.models import SearchQueryStat, SynonymGroup

from .factories import NewsIndexPageFactory, guide

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Results page --------------------------------------------------------------------------


def test_results_page_lists_matching_pages_with_marked_snippets(client, homes):
    guide(homes.id, "Pelatihan las", summary="Daftar pelatihan las di BLK.", slug="pelatihan-las")

    response = client.get("/id/search/", {"q": "pelatihan"})

    assert response.status_code == 200
    assert 'href="/id/pelatihan-las/"' in response.text
    assert "Daftar <mark>pelatihan</mark> las di BLK." in response.text
    assert "1 hasil untuk “pelatihan”" in response.text


def test_results_page_speaks_the_request_language(client, homes, translate):
    page = guide(homes.id, "Pelatihan las", slug="pelatihan-las")
    translate(page, title="Welding training", slug="welding-training")

    text = client.get("/en/search/", {"q": "welding"}).text

    assert 'href="/en/welding-training/"' in text
    assert "/id/pelatihan-las/" not in text


def test_type_filters_are_links_with_counts_that_work_without_javascript(client, homes):
    guide(homes.id, "Jadwal pelatihan", slug="jadwal")
    NewsIndexPageFactory(parent=homes.id, title="Berita pelatihan", slug="berita")

    everything = client.get("/id/search/", {"q": "pelatihan"}).text
    filtered = client.get("/id/search/", {"q": "pelatihan", "type": "news.newsindexpage"}).text

    assert '<a href="?q=pelatihan&amp;type=news.newsindexpage">' in everything
    assert "(2)" in everything
    assert "/id/berita/" in filtered and "/id/jadwal/" not in filtered
    assert '<a href="?q=pelatihan">' in filtered  # back to all results


def test_results_are_paginated_keeping_the_query(client, homes):
    for n in range(12):
        guide(homes.id, f"Lowongan {n}", slug=f"lowongan-{n}")

    first = client.get("/id/search/", {"q": "lowongan"}).text
    second = client.get("/id/search/", {"q": "lowongan", "page": 2}).text

    assert 'href="?q=lowongan&amp;page=2"' in first
    assert first.count('class="card__link"') == 10
    assert second.count('class="card__link"') == 2


def test_promoted_results_come_first_marked_recommended(client, homes):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    guide(homes.id, "Lowongan kerja Januari", slug="januari")
    picked = guide(homes.id, "Bursa kerja dan lowongan", slug="bursa")
    SearchPromotion.objects.create(query=Query.get("lowongan"), page=picked)

    text = client.get("/id/search/", {"q": "lowongan"}).text

    assert "Disarankan" in text
    assert text.index("/id/bursa/") < text.index("/id/januari/")
    assert text.count('href="/id/bursa/"') == 1


def test_no_results_page_helps(client, homes):
    guide(homes.id, "Layanan", slug="layanan", show_in_menus=True)
    guide(homes.id, "Tanya jawab", slug="tanya-jawab")

    response = client.get("/id/search/", {"q": "zzyzx"})

    assert response.status_code == 200
    assert "Tidak ada hasil untuk “zzyzx”" in response.text
    assert "memeriksa ejaan" in response.text
    assert 'href="/id/layanan/"' in response.text
    assert 'href="/id/tanya-jawab/"' in response.text


def test_no_results_page_suggests_a_spelling(client, homes):
    guide(homes.id, "Pelatihan las", slug="las")

    text = client.get("/id/search/", {"q": "pelatiahn"}).text

    assert 'Apakah maksud Anda <a href="/id/search/?q=pelatihan">pelatihan</a>?' in text


def test_synonym_group_applies_to_the_results_page(client, homes):
    SynonymGroup.objects.create(terms="phk, pemutusan hubungan kerja")
    guide(homes.id, "Lapor pemutusan hubungan kerja", slug="lapor-phk")

    assert 'href="/id/lapor-phk/"' in client.get("/id/search/", {"q": "PHK"}).text


BAD_QUERIES = {
    "empty": "",
    "spaces": "   ",
    "very long": "kartu " * 2000,
    "nul bytes": "kartu\x00kuning\x00",
    "binary": "\x00\x01\x02\xff\xfe\ud7ff",
    "sql": "' OR 1=1 --",
    "sql drop": "'; DROP TABLE wagtailcore_page; --",
    "markup": "<script>alert(1)</script>",
    "fts syntax": '"kartu* AND (kuning OR NEAR(',
    "tsquery syntax": "kartu & | ! :* <-> kuning",
}


@pytest.mark.parametrize("query", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_bad_queries_give_a_normal_page_and_never_echo_markup(client, homes, query):
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")

    response = client.get("/id/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "\x00" not in response.text
    assert 'class="page-title"' in response.text


def test_markup_query_is_shown_escaped(client, homes):
    text = client.get("/id/search/", {"q": "<script>alert(1)</script>"}).text

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_empty_query_shows_a_hint(client, homes):
    text = client.get("/id/search/").text

    assert "Ketik apa yang Anda cari" in text


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1e9", "\x00", "2.5"])
def test_out_of_range_page_numbers_give_a_normal_page(client, homes, page):
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")

    response = client.get("/id/search/", {"q": "kartu", "page": page})

    assert response.status_code == 200
    assert 'href="/id/kartu-kuning/"' in response.text


def test_results_page_is_not_cached_by_shared_caches(client, homes):
    response = client.get("/id/search/", {"q": "kartu"})

    assert "private" in response["Cache-Control"]


def test_results_page_records_the_query_on_the_first_view_only(client, homes):
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")

    client.get("/id/search/", {"q": "Kartu Kuning"})
    client.get("/id/search/", {"q": "Kartu Kuning", "page": 2})
    client.get("/id/search/", {"q": "tidak ada"})
    client.get("/id/search/", {"q": ""})

    assert dict(SearchQueryStat.objects.values_list("query", "results")) == {
        "kartu kuning": 1,
        "tidak ada": 0,
    }
    assert SearchQueryStat.objects.get(query="kartu kuning").language_code == "id"


# --- Elasticsearch unreachable -------------------------------------------------------------


def test_unreachable_elasticsearch_falls_back_to_the_database_with_a_warning(client, homes, caplog):
    guide(homes.id, "Pelatihan las", slug="pelatihan-las")
    unreachable = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "search_helper_fallback_",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        },
        "database": settings.SEARCH_DATABASE_BACKEND,
    }

    with override_settings(WAGTAILSEARCH_BACKENDS=unreachable), caplog.at_level(logging.WARNING, "search"):
        response = client.get("/id/search/", {"q": "pelatihan"})
        suggestions = client.get(reverse("search_suggest"), {"q": "pelat"})

    assert response.status_code == 200
    assert 'href="/id/pelatihan-las/"' in response.text
    assert suggestions.json()["results"] == [{"title": "Pelatihan las", "url": "/id/pelatihan-las/"}]
    warnings = [record for record in caplog.records if record.name == "search.services"]
    assert warnings and all(record.levelno == logging.WARNING for record in warnings)
    assert "database" in warnings[0].getMessage()


def test_after_a_failure_elasticsearch_is_skipped_for_a_while_then_tried_again(homes, settings):
    from search.services import BACKEND_DOWN_KEY, with_fallback

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "search_helper_fallback_",
        },
        "database": settings.SEARCH_DATABASE_BACKEND,
    }
    tried = []

    def run(backend):
        tried.append(type(backend).__module__)
        if "elasticsearch" in type(backend).__module__:
            raise ConnectionError("no answer")
        return "answer"

    first = with_fallback(run)
    second = with_fallback(run)
    cache.delete(BACKEND_DOWN_KEY)  # the retry period is over
    with_fallback(run)

    assert first == second == ("answer", "database")
    assert ["elasticsearch" in module for module in tried] == [True, False, False, True, False]


# --- Suggestions ---------------------------------------------------------------------------


def test_suggest_endpoint_returns_titles_and_urls_with_a_cache_header(client, homes, translate):
    page = guide(homes.id, "Kartu kuning", slug="kartu-kuning")
    translate(page, title="Job-seeker card", slug="job-seeker-card")

    id_response = client.get("/id/search/suggest/", {"q": "kartu"})
    en_response = client.get("/en/search/suggest/", {"q": "job"})

    assert id_response["Content-Type"] == "application/json"
    assert "max-age=300" in id_response["Cache-Control"]
    assert json.loads(id_response.content)["results"] == [
        {"title": "Kartu kuning", "url": "/id/kartu-kuning/"}
    ]
    assert en_response.json()["results"] == [{"title": "Job-seeker card", "url": "/en/job-seeker-card/"}]


@pytest.mark.parametrize("query", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_suggest_endpoint_survives_bad_input(client, homes, query):
    response = client.get("/id/search/suggest/", {"q": query})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


# --- Admin ---------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "x" * 12)
    client.force_login(user)
    return client


def test_admin_report_shows_top_and_zero_result_queries_per_language(admin_client, homes):
    from django.utils import timezone

    today = timezone.localdate()
    SearchQueryStat.objects.create(query="lowongan", language_code="id", date=today, hits=7, results=4)
    SearchQueryStat.objects.create(query="kartu emas", language_code="id", date=today, hits=3, results=0)
    SearchQueryStat.objects.create(query="vacancies", language_code="en", date=today, hits=2, results=0)

    response = admin_client.get(reverse("search_query_report"))

    assert response.status_code == 200
    text = response.content.decode()
    assert "<td>lowongan</td><td>7</td>" in text
    assert "<td>kartu emas</td><td>3</td>" in text
    assert "<td>vacancies</td><td>2</td>" in text
    assert text.index("Bahasa Indonesia") < text.index("vacancies")


def test_admin_report_is_in_the_reports_menu(admin_client, homes):
    text = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("search_query_report") in text


def test_admin_report_needs_permission(client, homes, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("moderator", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get(reverse("search_query_report")).status_code in (302, 403)


def test_editors_manage_synonym_groups_as_snippets(admin_client, homes):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    group = SynonymGroup.objects.create(terms="kartu kuning, AK/I")
    edit_url = AdminURLFinder().get_edit_url(group)

    response = admin_client.post(edit_url, {"terms": "Kartu kuning, AK/I,  kartu AK1 , kartu kuning"})

    group.refresh_from_db()
    assert response.status_code == 302
    assert group.terms == "kartu kuning, ak/i, kartu ak1"


def test_synonym_group_needs_two_terms(admin_client, homes):
    from django.urls import reverse as url

    response = admin_client.post(url("wagtailsnippets_search_synonymgroup:add"), {"terms": "sendiri"})

    assert response.status_code == 200
    assert not SynonymGroup.objects.exists()
