"""The developer page explains the API, the open data and the feeds in both languages."""

import pytest

from news.tests.factories import EventIndexPageFactory, NewsIndexPageFactory


@pytest.mark.parametrize("language", ["id", "en"])
def test_developer_page_shows_examples_licence_and_links(client, homes, language):
    response = client.get(f"/{language}/developers/")

    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'curl "http://localhost/api/v2/pages/?type=services.ServicePage&amp;locale=id' in html
    assert 'curl "http://localhost/api/v2/pages/?type=services.ServicePage&amp;locale=en' in html
    assert "type=news.NewsPage&amp;locale=en" in html
    assert 'href="http://localhost/api/v2/openapi.json"' in html
    assert 'href="http://localhost/opendata/services.csv"' in html
    assert 'href="http://localhost/opendata/regulations.json"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html


def test_developer_page_links_the_feeds_of_its_language(client, homes):
    news = NewsIndexPageFactory(parent=homes.id)
    EventIndexPageFactory(parent=homes.id)

    html = client.get("/id/developers/").content.decode()

    assert news.feed_links()["rss"] in html
    assert news.feed_links()["atom"] in html
    assert "/id/agenda/feed/ical/" in html
