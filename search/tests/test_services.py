"""The search rules, without HTTP, on the database backend (SQLite or PostgreSQL)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from search import services
from search.models import SearchQueryStat, SynonymGroup

from .factories import NewsIndexPageFactory, guide

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def titles(outcome):
    return [result.title for result in outcome.results]


@pytest.fixture
def id_locale(homes):
    return Locale.objects.get(language_code="id")


@pytest.fixture
def en_locale(homes):
    return Locale.objects.get(language_code="en")


# --- Query text ----------------------------------------------------------------------------


def test_clean_query_drops_nul_and_control_characters():
    assert services.clean_query("kartu\x00 kuning\x07\n") == "kartu kuning"


def test_clean_query_caps_length():
    assert len(services.clean_query("a" * 10_000)) == services.MAX_QUERY_LENGTH


def test_clean_query_ignores_non_strings():
    assert services.clean_query(None) == ""


def test_query_terms_keep_abbreviations_and_drop_punctuation():
    assert services.query_terms("Syarat AK/I, K3 & PHK!") == ["syarat", "ak/i", "k3", "phk"]


def test_query_terms_of_sql_and_markup_are_plain_words():
    assert services.query_terms("' OR 1=1 --") == ["or", "1"]
    assert services.query_terms("<script>alert(1)</script>") == ["script", "alert", "1"]


def test_query_terms_are_capped():
    assert len(services.query_terms(" ".join(f"kata{n}" for n in range(50)))) == services.MAX_TERMS


def test_expand_synonyms_replaces_the_phrase_with_each_alternative(db):
    SynonymGroup.objects.create(terms="kartu kuning, AK/I, kartu pencari kerja")

    variants = services.expand_synonyms(["syarat", "kartu", "kuning"])

    assert variants == [
        ("syarat", "kartu", "kuning"),
        ("syarat", "ak/i"),
        ("syarat", "kartu", "pencari", "kerja"),
    ]


def test_expand_synonyms_leaves_other_queries_alone(db):
    SynonymGroup.objects.create(terms="kartu kuning, AK/I")

    assert services.expand_synonyms(["pelatihan", "las"]) == [("pelatihan", "las")]


def test_synonym_changes_apply_at_once(db):
    group = SynonymGroup.objects.create(terms="phk, pemutusan hubungan kerja")
    assert len(services.expand_synonyms(["phk"])) == 2

    group.delete()

    assert services.expand_synonyms(["phk"]) == [("phk",)]


def test_highlight_marks_query_words_and_escapes_the_text():
    html = services.highlight("Pelatihan <las> & kartu", ["pelatihan", "kartu"])

    assert html == "<mark>Pelatihan</mark> &lt;las&gt; &amp; <mark>kartu</mark>"


def test_highlight_marks_a_synonym_phrase_only_where_its_words_follow_each_other():
    html = services.highlight("Kartu pencari kerja; kerja keras", ["kartu", "pencari kerja"])

    assert html == "<mark>Kartu</mark> <mark>pencari kerja</mark>; kerja keras"


def test_highlight_never_breaks_an_entity():
    assert services.highlight("Tom's & lt", ["lt", "amp", "x27"]) == "Tom&#x27;s &amp; <mark>lt</mark>"


def test_loggable_query_masks_identity_numbers_phones_and_emails():
    text = services.loggable_query("NIK 1671012345678901 hp 0812-3456-7890 a.b@mail.id Kartu")

    assert text == "nik [number] hp [number] [email] kartu"


def test_loggable_query_is_capped():
    assert len(services.loggable_query("kata " * 100)) <= services.MAX_LOGGED_LENGTH


# --- Finding pages -------------------------------------------------------------------------


def test_search_finds_live_pages_of_the_active_language_only(homes, id_locale, en_locale, translate):
    page = guide(homes.id, "Pelatihan las", summary="Pelatihan di BLK.", slug="pelatihan-las")
    translate(page, title="Welding training", slug="welding-training", summary="Training at the centre.")

    assert titles(services.run_search("pelatihan las", locale=id_locale)) == ["Pelatihan las"]
    assert titles(services.run_search("welding", locale=en_locale)) == ["Welding training"]
    assert titles(services.run_search("welding", locale=id_locale)) == []


def test_drafts_never_appear(homes, id_locale):
    guide(homes.id, "Lowongan kerja", slug="lowongan")
    guide(homes.id, "Lowongan rahasia", slug="lowongan-draf", live=False)

    assert titles(services.run_search("lowongan", locale=id_locale)) == ["Lowongan kerja"]


def test_private_pages_and_their_children_never_appear(homes, id_locale):
    guide(homes.id, "Lowongan umum", slug="lowongan-umum")
    private = guide(homes.id, "Lowongan internal", slug="internal")
    guide(private, "Lowongan pegawai", slug="pegawai")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name="Pegawai")[0])

    assert titles(services.run_search("lowongan", locale=id_locale)) == ["Lowongan umum"]


def test_title_match_ranks_above_body_match(homes, id_locale):
    guide(homes.id, "Informasi umum", text="Bursa kerja diadakan setiap tahun.", slug="umum")
    guide(homes.id, "Bursa kerja", text="Acara tahunan.", slug="bursa")

    assert titles(services.run_search("bursa kerja", locale=id_locale))[0] == "Bursa kerja"


def test_synonyms_find_pages_that_use_another_term(homes, id_locale):
    SynonymGroup.objects.create(terms="kartu kuning, AK/I, kartu pencari kerja")
    guide(homes.id, "Kartu pencari kerja", summary="Cara membuat kartu.", slug="ak1")

    assert titles(services.run_search("kartu kuning", locale=id_locale)) == ["Kartu pencari kerja"]


def test_search_type_counts_and_filter(homes, id_locale):
    guide(homes.id, "Jadwal pelatihan", slug="jadwal")
    NewsIndexPageFactory(parent=homes.id, title="Berita pelatihan", slug="berita")

    everything = services.run_search("pelatihan", locale=id_locale)
    news_only = services.run_search("pelatihan", locale=id_locale, page_type="news.newsindexpage")

    counts = {item.key: item.count for item in everything.type_counts}
    assert counts == {"home.standardpage": 1, "news.newsindexpage": 1}
    assert everything.total == 2
    assert titles(news_only) == ["Berita pelatihan"]
    assert news_only.selected_type == "news.newsindexpage"
    assert news_only.all_count == 2


@pytest.mark.parametrize("page_type", ["nope.nope", "wagtailcore", "a.b.c", "auth.user"])
def test_unknown_type_filter_is_ignored(homes, id_locale, page_type):
    guide(homes.id, "Jadwal pelatihan", slug="jadwal")

    outcome = services.run_search("pelatihan", locale=id_locale, page_type=page_type)

    assert titles(outcome) == ["Jadwal pelatihan"]
    assert outcome.selected_type == ""


@pytest.mark.parametrize("number, expected", [("abc", 1), (-1, 1), (0, 1), (2, 2), (99999, 3)])
def test_page_numbers_out_of_range_give_a_real_page(homes, id_locale, number, expected):
    for n in range(5):
        guide(homes.id, f"Pelatihan {n}", slug=f"pelatihan-{n}")

    outcome = services.run_search("pelatihan", locale=id_locale, page_number=number, per_page=2)

    assert outcome.page_obj.number == expected
    assert outcome.total == 5
    assert len(outcome.results) == (1 if expected == 3 else 2)


def test_snippet_is_the_summary_with_query_words_marked(homes, id_locale):
    guide(homes.id, "Pelatihan las", summary="Daftar pelatihan <gratis> di BLK.", slug="las")

    result = services.run_search("pelatihan", locale=id_locale).results[0]

    assert result.snippet == "Daftar <mark>pelatihan</mark> &lt;gratis&gt; di BLK."


def test_snippet_prefers_the_search_description(homes, id_locale):
    guide(homes.id, "Pelatihan", summary="Ringkasan.", search_description="Deskripsi pencarian.", slug="p")

    assert services.run_search("pelatihan", locale=id_locale).results[0].snippet == "Deskripsi pencarian."


def test_all_words_first_then_any_word(homes, id_locale):
    guide(homes.id, "Pelatihan menjahit", slug="jahit")

    outcome = services.run_search("pelatihan robotika", locale=id_locale)

    assert titles(outcome) == ["Pelatihan menjahit"]
    assert outcome.partial


def test_misspelt_query_gets_a_suggestion_from_titles(homes, id_locale):
    guide(homes.id, "Pelatihan las", slug="las")

    outcome = services.run_search("pelatiahn", locale=id_locale)

    assert outcome.suggestion == "pelatihan"


def test_query_of_symbols_only_searches_nothing(homes, id_locale):
    guide(homes.id, "Pelatihan", slug="p")

    outcome = services.run_search("!!! ??? ---", locale=id_locale)

    assert outcome.terms == [] and outcome.results == []


# --- Editors' picks ------------------------------------------------------------------------


def promote(query, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def test_promoted_page_comes_first_marked_recommended_and_once(homes, id_locale):
    guide(homes.id, "Kartu kuning: syarat", slug="syarat")
    picked = guide(homes.id, "Layanan kartu pencari kerja", slug="layanan-ak1")
    promote("kartu kuning", picked, description="Daftar kartu kuning di sini.")

    outcome = services.run_search("Kartu  Kuning", locale=id_locale)

    assert [result.title for result in outcome.promotions] == ["Layanan kartu pencari kerja"]
    assert outcome.promotions[0].recommended
    assert "Layanan kartu pencari kerja" not in titles(outcome)
    assert "<mark>kartu</mark>" in outcome.promotions[0].snippet


def test_promoted_pages_count_in_their_type_and_follow_the_type_filter(homes, id_locale):
    guide(homes.id, "Jadwal pelatihan", slug="jadwal")
    NewsIndexPageFactory(parent=homes.id, title="Berita pelatihan", slug="berita")
    picked = guide(homes.id, "Daftar pelatihan", slug="daftar")
    promote("pelatihan", picked)

    everything = services.run_search("pelatihan", locale=id_locale)
    news_only = services.run_search("pelatihan", locale=id_locale, page_type="news.newsindexpage")

    assert {item.key: item.count for item in everything.type_counts} == {
        "home.standardpage": 2,
        "news.newsindexpage": 1,
    }
    assert everything.all_count == everything.found_count == 3
    assert news_only.promotions == [] and news_only.found_count == 1


def test_promoted_page_of_another_language_gives_its_translation(homes, en_locale, translate):
    picked = guide(homes.id, "Lowongan kerja", slug="lowongan")
    translate(picked, title="Job vacancies", slug="vacancies")
    promote("jobs", picked)

    outcome = services.run_search("jobs", locale=en_locale)

    assert [result.title for result in outcome.promotions] == ["Job vacancies"]


def test_promoted_draft_or_private_page_is_not_shown(homes, id_locale):
    draft = guide(homes.id, "Draf", slug="draf", live=False)
    private = guide(homes.id, "Rahasia", slug="rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    promote("phk", draft)
    promote("phk", private)
    promote("phk", external_link_url="https://www.lapor.go.id/", external_link_text="SP4N-LAPOR!")

    outcome = services.run_search("phk", locale=id_locale)

    assert [result.title for result in outcome.promotions] == ["SP4N-LAPOR!"]


# --- Suggestions ---------------------------------------------------------------------------


def test_suggest_gives_titles_and_urls_of_live_public_pages_in_the_language(homes, id_locale, translate):
    page = guide(homes.id, "Kartu kuning", slug="kartu-kuning")
    translate(page, title="Job-seeker card", slug="job-seeker-card")
    guide(homes.id, "Kartu rahasia", slug="kartu-rahasia", live=False)

    assert services.suggest("kartu ku", locale=id_locale) == [
        {"title": "Kartu kuning", "url": "/id/kartu-kuning/"}
    ]


def test_suggest_gives_at_most_eight(homes, id_locale):
    for n in range(12):
        guide(homes.id, f"Pelatihan {n}", slug=f"pelatihan-{n}")

    assert len(services.suggest("pelat", locale=id_locale)) == 8


@pytest.mark.parametrize("query", ["", "a", "\x00", "' OR 1=1 --"[:1], "<>"])
def test_suggest_ignores_too_short_or_empty_input(homes, id_locale, query):
    assert services.suggest(query, locale=id_locale) == []


# --- What people search for ----------------------------------------------------------------


def test_record_search_counts_per_query_language_and_day():
    services.record_search("Kartu  Kuning", "id", 3)
    services.record_search("kartu kuning", "id", 2)
    services.record_search("kartu kuning", "en", 0)

    stat = SearchQueryStat.objects.get(query="kartu kuning", language_code="id")
    assert (stat.hits, stat.results, stat.date) == (2, 2, timezone.localdate())
    assert SearchQueryStat.objects.count() == 2


def test_recorded_searches_keep_no_personal_data():
    services.record_search("nik 1671012345678901", "id", 0)

    assert list(SearchQueryStat.objects.values_list("query", flat=True)) == ["nik [number]"]
    assert {f.name for f in SearchQueryStat._meta.get_fields()} == {
        "id",
        "query",
        "language_code",
        "date",
        "hits",
        "results",
    }


def test_query_report_lists_top_and_zero_result_queries_of_the_last_30_days():
    today = timezone.localdate()
    SearchQueryStat.objects.create(query="lowongan", language_code="id", date=today, hits=5, results=9)
    SearchQueryStat.objects.create(query="kartu emas", language_code="id", date=today, hits=2, results=0)
    SearchQueryStat.objects.create(
        query="kuno", language_code="id", date=today - timedelta(days=31), hits=50, results=0
    )
    SearchQueryStat.objects.create(query="jobs", language_code="en", date=today, hits=1, results=1)

    report = services.query_report("id")

    assert report["top"] == [{"query": "lowongan", "searches": 5}, {"query": "kartu emas", "searches": 2}]
    assert report["zero"] == [{"query": "kartu emas", "searches": 2}]


# --- PostgreSQL ----------------------------------------------------------------------------


@on_postgresql
def test_postgresql_stems_each_language_with_its_own_configuration(homes, id_locale, en_locale, translate):
    page = guide(homes.id, "Informasi latihan kerja", summary="Jadwal latihan.", slug="latihan")
    translate(page, title="Trainings for job seekers", summary="Schedules.", slug="trainings")

    # Indonesian stemming: "berlatih" → "latih"; English stemming: "training" → "train".
    assert titles(services.run_search("berlatih", locale=id_locale)) == ["Informasi latihan kerja"]
    assert titles(services.run_search("training", locale=en_locale)) == ["Trainings for job seekers"]


@on_postgresql
def test_postgresql_index_uses_the_page_language_configuration(homes, translate):
    from wagtail.search.models import IndexEntry

    page = guide(homes.id, "Pelatihan kerja", slug="pelatihan-kerja")
    english = translate(page, title="Trainings", slug="trainings")

    id_title = str(IndexEntry.objects.get(object_id=str(page.pk)).title)
    en_title = str(IndexEntry.objects.get(object_id=str(english.pk)).title)
    assert "'latih'" in id_title
    assert "'train'" in en_title


@on_postgresql
def test_postgresql_trigram_offers_similar_titles_for_a_misspelt_query(homes, id_locale):
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    services._has_trigram.cache_clear()
    guide(homes.id, "Bursa kerja Palembang", slug="bursa")

    outcome = services.run_search("bursaa kerjaa", locale=id_locale)

    assert outcome.similar
    assert titles(outcome) == ["Bursa kerja Palembang"]


@on_postgresql
def test_postgresql_index_table_has_a_gin_index_on_title_and_body(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_indexentry_title_body_gin'")
        (definition,) = cursor.fetchone()

    assert "USING gin" in definition
    assert "(title || body)" in definition


def test_a_search_runs_a_handful_of_queries(homes, id_locale, django_assert_max_num_queries):
    for n in range(15):
        guide(homes.id, f"Pelatihan {n}", summary="Pelatihan kerja.", slug=f"pelatihan-{n}")
    services.run_search("pelatihan", locale=id_locale)  # warm the caches

    with django_assert_max_num_queries(7):
        outcome = services.run_search("pelatihan", locale=id_locale)

    assert len(outcome.results) == services.PER_PAGE


def test_only_public_content_is_indexed():
    """Forms, tickets and submissions hold personal data: no such model may be indexed.
    Pages (filtered to live, public and the language when searched), documents, images and
    the FAQ's published questions and answers are the only indexed content."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.search.index import get_indexed_models

    others = [
        model._meta.label
        for model in get_indexed_models()
        if not issubclass(model, Page) and model not in (get_document_model(), get_image_model())
    ]
    assert others == ["faq.FAQEntry"]


def test_suggestions_never_offer_drafts_or_private_pages(homes, id_locale):
    guide(homes.id, "Kartu umum", slug="kartu-umum")
    guide(homes.id, "Kartu draf", slug="kartu-draf", live=False)
    private = guide(homes.id, "Kartu rahasia", slug="kartu-rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert [item["title"] for item in services.suggest("kartu", locale=id_locale)] == ["Kartu umum"]
