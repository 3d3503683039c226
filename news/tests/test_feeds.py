import datetime

import pytest
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from news.tests.helpers import parse_xml

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = datetime.date(2026, 10, 1)


@pytest.fixture
def index(homes, translate):
    page = NewsIndexPageFactory(parent=homes.id)
    translate(page, title="News and announcements", slug="news", intro="The latest from Disnaker.")
    return page


@pytest.fixture
def items(index, translate):
    """One Indonesian item translated into English, a draft and a private item."""
    shown = NewsPageFactory(
        parent=index,
        slug="bursa",
        title="Bursa kerja dibuka",
        summary="Empat puluh perusahaan hadir.",
        kind=NewsPage.ANNOUNCEMENT,
        date=DAY,
        tags=["Bursa kerja"],
    )
    english = translate(shown, title="Job fair opens", slug="job-fair", summary="Forty employers attend.")
    english.tags.set(["Job fairs"])
    english.save_revision().publish()
    NewsPageFactory(parent=index, title="Berita draf", live=False)
    private = NewsPageFactory(parent=index, title="Berita rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return shown


def test_rss_feed_lists_live_public_items_of_its_language(client, items):
    response = client.get("/id/berita/feed/rss/")
    channel = parse_xml(response.content).find("channel")
    entries = channel.findall("item")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert channel.findtext("language") == "id"
    assert channel.findtext("link") == "http://localhost/id/berita/"
    assert [entry.findtext("title") for entry in entries] == ["Bursa kerja dibuka"]
    entry = entries[0]
    assert entry.findtext("link") == "http://localhost/id/berita/bursa/"
    assert entry.findtext("description") == "Empat puluh perusahaan hadir."
    assert entry.findtext("pubDate") == "Thu, 01 Oct 2026 00:00:00 +0700"
    assert [category.text for category in entry.findall("category")] == ["Bursa kerja"]


def test_rss_feed_of_english_index_lists_english_items_only(client, items):
    channel = parse_xml(client.get("/en/news/feed/rss/").content).find("channel")
    entries = channel.findall("item")

    assert channel.findtext("language") == "en"
    assert [entry.findtext("title") for entry in entries] == ["Job fair opens"]
    assert entries[0].findtext("link") == "http://localhost/en/news/job-fair/"
    assert [category.text for category in entries[0].findall("category")] == ["Job fairs"]


def test_atom_feed_lists_live_public_items_of_its_language(client, items):
    response = client.get("/en/news/feed/atom/")
    feed = parse_xml(response.content)
    entries = feed.findall(f"{ATOM}entry")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(f"{ATOM}subtitle") == "The latest from Disnaker."
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Job fair opens"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == "http://localhost/en/news/job-fair/"
    assert entry.findtext(f"{ATOM}summary") == "Forty employers attend."
    assert entry.findtext(f"{ATOM}published") == "2026-10-01T00:00:00+07:00"
    assert entry.findtext(f"{ATOM}updated")
    assert [category.get("term") for category in entry.findall(f"{ATOM}category")] == ["Job fairs"]


def test_atom_feed_of_indonesian_index_hides_drafts_and_private_items(client, items):
    feed = parse_xml(client.get("/id/berita/feed/atom/").content)

    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]

    assert titles == ["Bursa kerja dibuka"]


def test_feeds_list_items_newest_first(client, index):
    NewsPageFactory(parent=index, title="Lama", date=DAY)
    NewsPageFactory(parent=index, title="Baru", date=DAY + datetime.timedelta(days=3))

    channel = parse_xml(client.get("/id/berita/feed/rss/").content).find("channel")

    assert [entry.findtext("title") for entry in channel.findall("item")] == ["Baru", "Lama"]


def test_feed_of_a_private_index_is_not_served(client, index):
    NewsPageFactory(parent=index, title="Berita")
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/id/berita/feed/rss/")

    assert response.status_code == 302
    assert b"Berita" not in response.content
