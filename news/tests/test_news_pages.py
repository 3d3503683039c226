import datetime

import pytest
import wagtail_factories
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.tests.factories import body
from news.models import NewsPage
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from news.tests.helpers import json_ld_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 10, 1)


@pytest.fixture
def index(homes, translate):
    page = NewsIndexPageFactory(parent=homes.id, intro="Kabar terbaru dari Disnaker.")
    translate(page, title="News and announcements", slug="news", intro="The latest from Disnaker.")
    return page


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_news_index_lists_its_items_in_each_language(client, index, translate):
    item = NewsPageFactory(parent=index, title="Bursa kerja dibuka", slug="bursa")
    translate(item, title="Job fair opens", slug="job-fair", summary="Come and meet employers.")

    id_text = client.get("/id/berita/").text
    en_text = client.get("/en/news/").text

    assert "Berita dan Pengumuman" in id_text and "Kabar terbaru dari Disnaker." in id_text
    assert 'href="/id/berita/bursa/"' in id_text and "Bursa kerja dibuka" in id_text
    assert "Job fair opens" not in id_text
    assert "News and announcements" in en_text and "The latest from Disnaker." in en_text
    assert 'href="/en/news/job-fair/"' in en_text and "Come and meet employers." in en_text
    assert "Bursa kerja dibuka" not in en_text


def test_news_index_links_its_feeds_in_head_and_page(client, index, translate):
    text = client.get("/id/berita/").text
    head = text.split("</head>")[0]

    assert (
        '<link rel="alternate" type="application/rss+xml" title="Berita dan Pengumuman (RSS)" '
        'href="http://localhost/id/berita/feed/rss/">' in head
    )
    assert 'type="application/atom+xml"' in head and 'href="http://localhost/id/berita/feed/atom/"' in head
    body_html = text.split("<body")[1]
    assert 'href="http://localhost/id/berita/feed/rss/"' in body_html
    assert 'href="http://localhost/id/berita/feed/atom/"' in body_html
    assert 'href="http://localhost/en/news/feed/rss/"' in client.get("/en/news/").text


def test_news_page_shows_its_fields_in_indonesian(client, index):
    NewsPageFactory(
        parent=index,
        slug="wlkp",
        title="Batas lapor WLKP",
        kind=NewsPage.ANNOUNCEMENT,
        date=DAY,
        summary="Perusahaan wajib melapor.",
        body=body(("paragraph", "<p>Lapor melalui wajiblapor.kemnaker.go.id.</p>")),
        tags=["Perusahaan", "WLKP"],
    )

    response = client.get("/id/berita/wlkp/")
    text = response.text

    assert response.status_code == 200
    assert text.count("<h1") == 1 and "Batas lapor WLKP</h1>" in text
    assert '<time datetime="2026-10-01">1 Oktober 2026</time>' in text
    assert '<strong class="tag tag--yellow">' in text
    assert "Perusahaan wajib melapor." in text
    assert "Lapor melalui wajiblapor.kemnaker.go.id." in text
    assert 'href="/id/berita/?tag=perusahaan">Perusahaan</a>' in text
    assert 'href="/id/berita/?tag=wlkp">WLKP</a>' in text


def test_news_page_shows_its_fields_in_english(client, index, translate):
    item = NewsPageFactory(parent=index, slug="bursa", kind=NewsPage.NEWS, date=DAY)
    english = translate(
        item,
        title="Job fair at the city hall",
        slug="job-fair",
        summary="Forty employers take part.",
        body=body(("paragraph", "<p>Bring your job-seeker card.</p>")),
    )
    english.tags.set(["Job fairs"])
    english.save_revision().publish()

    text = client.get("/en/news/job-fair/").text

    assert "Job fair at the city hall</h1>" in text
    assert '<time datetime="2026-10-01">1 October 2026</time>' in text
    assert '<strong class="tag tag--blue">News</strong>' in text
    assert "Forty employers take part." in text and "Bring your job-seeker card." in text
    assert 'href="/en/news/?tag=job-fairs">Job fairs</a>' in text


def test_news_listing_is_newest_first_ten_per_page(client, index):
    for day in range(12):
        NewsPageFactory(parent=index, title=f"Kabar hari {day:02d}", date=DAY + datetime.timedelta(days=day))

    first = client.get("/id/berita/").text
    second = client.get("/id/berita/?page=2").text

    first_titles = [f"Kabar hari {day:02d}" for day in range(11, 1, -1)]
    positions = [first.index(title) for title in first_titles]
    assert positions == sorted(positions)
    assert "Kabar hari 01" not in first and "Kabar hari 00" not in first
    assert second.index("Kabar hari 01") < second.index("Kabar hari 00")
    assert "Kabar hari 02" not in second
    assert ">12 " in first.split('class="listing__count"')[1][:40]


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=-1", "?page=99999", "?kind=nonsense", "?tag=unknown", "?kind=&tag="]
)
def test_news_listing_survives_odd_query_values(client, index, query):
    NewsPageFactory(parent=index, title="Satu-satunya berita")

    response = client.get(f"/id/berita/{query}")

    assert response.status_code == 200
    assert "Satu-satunya berita" in response.text


def test_news_listing_filters_by_kind(client, index):
    NewsPageFactory(parent=index, title="Berita biasa", kind=NewsPage.NEWS)
    NewsPageFactory(parent=index, title="Pengumuman resmi", kind=NewsPage.ANNOUNCEMENT)

    text = client.get("/id/berita/?kind=announcement").text

    assert "Pengumuman resmi" in text
    assert "Berita biasa" not in text
    assert '<option value="announcement" selected>' in text


def test_news_listing_filters_by_topic(client, index):
    NewsPageFactory(parent=index, title="Pelatihan las", tags=["Pelatihan"])
    NewsPageFactory(parent=index, title="Upah minimum", tags=["Pengupahan"])

    text = client.get("/id/berita/?tag=pelatihan").text

    assert "Pelatihan las" in text
    assert "Upah minimum" not in text
    assert '<option value="pelatihan" selected>Pelatihan</option>' in text
    assert '<option value="pengupahan">Pengupahan</option>' in text


def test_news_listing_ignores_unknown_filter_values(client, index):
    NewsPageFactory(parent=index, title="Berita biasa", kind=NewsPage.NEWS, tags=["Pelatihan"])
    NewsPageFactory(parent=index, title="Pengumuman resmi", kind=NewsPage.ANNOUNCEMENT)

    text = client.get("/id/berita/?kind=rumor&tag=tidak-ada").text

    assert "Berita biasa" in text and "Pengumuman resmi" in text
    assert "field--error" not in text


def test_news_filter_form_works_without_javascript(client, index):
    text = client.get("/id/berita/").text
    form = text.split('<form class="filter-form"')[1].split("</form>")[0]

    assert 'method="get"' in form and 'action="/id/berita/"' in form
    assert '<label class="field__label" for="id_kind">' in form
    assert '<label class="field__label" for="id_tag">' in form
    assert 'type="submit"' in form


def test_drafts_and_private_items_never_listed(client, index):
    NewsPageFactory(parent=index, title="Berita terbit")
    NewsPageFactory(parent=index, title="Berita draf", live=False)
    make_private(NewsPageFactory(parent=index, title="Berita rahasia"))

    listing = client.get("/id/berita/").text
    home = client.get("/id/").text

    assert "Berita terbit" in listing and "Berita terbit" in home
    for hidden in ("Berita draf", "Berita rahasia"):
        assert hidden not in listing
        assert hidden not in home


def test_topics_of_hidden_items_are_not_offered(client, index):
    NewsPageFactory(parent=index, title="Berita draf", live=False, tags=["Rahasia negara"])

    assert "Rahasia negara" not in client.get("/id/berita/").text


def test_home_page_latest_news_links_to_the_index(client, index):
    NewsPageFactory(parent=index, title="Berita terbaru", date=DAY)

    text = client.get("/id/").text

    assert "Berita terbaru" in text
    assert 'href="/id/berita/"' in text


def test_news_article_json_ld_has_the_required_properties(client, index):
    from core.models import SiteSettings

    settings = SiteSettings.load()
    settings.office_name = "Disnaker Palembang"
    settings.save()
    item = NewsPageFactory(parent=index, slug="umk", title="UMK ditetapkan", date=DAY)
    item.save_revision().publish()
    item.refresh_from_db()

    article = json_ld_of(client.get("/id/berita/umk/").text, "NewsArticle")

    assert article["headline"] == "UMK ditetapkan"
    assert article["datePublished"] == "2026-10-01"
    # The site's clock is Jakarta's: near midnight UTC the dates differ.
    assert article["dateModified"].startswith(str(timezone.localtime(item.last_published_at).date()))
    assert article["inLanguage"] == "id"
    assert article["publisher"] == {
        "@type": "GovernmentOrganization",
        "name": "Disnaker Palembang",
        "url": "http://localhost/id/",
    }
    assert article["mainEntityOfPage"] == "http://localhost/id/berita/umk/"
    assert "image" not in article


def test_news_article_json_ld_names_the_social_image(client, index):
    image = wagtail_factories.ImageFactory()
    NewsPageFactory(parent=index, slug="umk", social_image=image)

    article = json_ld_of(client.get("/id/berita/umk/").text, "NewsArticle")

    assert article["image"][0].startswith("http")
    assert ".jpg" in article["image"][0] or ".jpeg" in article["image"][0]
