"""Bad parameters are answered with a 400 and a JSON message, never a 500."""

import pytest

BAD_PARAMETERS = [
    "/api/v2/pages/?foo=bar",
    "/api/v2/pages/?fields=nonexistent",
    "/api/v2/pages/?fields=title(",
    "/api/v2/pages/?type=nope.Nope",
    "/api/v2/pages/?type=services",
    "/api/v2/pages/?type=auth.User",
    "/api/v2/pages/?offset=-1",
    "/api/v2/pages/?offset=abc",
    "/api/v2/pages/?offset=99999999999999999999999",
    "/api/v2/pages/?limit=1000",
    "/api/v2/pages/?limit=abc",
    "/api/v2/pages/?limit=%EF%BC%95",
    "/api/v2/pages/?limit=-5",
    "/api/v2/pages/?locale=xx",
    "/api/v2/pages/?order=nonexistent",
    "/api/v2/pages/?order=random&offset=2",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?child_of=999999",
    "/api/v2/pages/?descendant_of=abc",
    "/api/v2/pages/?ancestor_of=abc",
    "/api/v2/pages/?translation_of=abc",
    "/api/v2/pages/?type=news.NewsPage&date=yesterday",
    "/api/v2/pages/?type=services.ServicePage&cost=abc",
    "/api/v2/pages/?type=services.ServicePage&time_amount=abc",
    "/api/v2/pages/?type=services.ServicePage&for_citizens=maybe",
    "/api/v2/pages/?type=news.EventPage&start=soon",
    "/api/v2/pages/?type=regulations.RegulationPage&year=abc",
    "/api/v2/pages/?type=regulations.RegulationPage&pdf=abc",
    "/api/v2/pages/?title=%00",
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/?search_operator=xor&search=a",
    "/api/v2/pages/?rich_text_format=xml",
    "/api/v2/pages/?format=xml",
    "/api/v2/pages/?type=news.NewsPage&fields=tags(title)",
    "/api/v2/pages/find/?id=abc",
    "/api/v2/images/?foo=1",
    "/api/v2/images/?limit=1000",
    "/api/v2/images/?width=abc",
    "/api/v2/documents/?offset=-3",
    "/api/v2/documents/?id=abc",
]


@pytest.mark.parametrize("url", BAD_PARAMETERS)
def test_bad_parameter_is_a_400_with_a_json_message(client, site, url):
    response = client.get(url)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/99999/",
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/pages/find/?html_path=/nope/",
        "/api/v2/images/99999/",
        "/api/v2/documents/99999/",
        "/opendata/nope.csv",
    ],
)
def test_missing_item_is_a_json_404_not_a_redirect_to_a_language(client, site, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response.json()["message"]


def test_limit_above_the_cap_is_refused_not_capped(client, site, settings):
    """Wagtail refuses limit > WAGTAILAPI_LIMIT_MAX (50) with a 400; it does not cap."""
    assert settings.WAGTAILAPI_LIMIT_MAX == 50

    assert client.get("/api/v2/pages/", {"limit": 50}).status_code == 200
    response = client.get("/api/v2/pages/", {"limit": 1000})
    assert response.status_code == 400
    assert response.json() == {"message": "limit cannot be higher than 50"}


def test_default_page_size_is_twenty(client, site):
    from services.tests.factories import ServicePageFactory

    directory = site["service"].get_parent()
    for _ in range(25):
        ServicePageFactory(parent=directory)

    data = client.get("/api/v2/pages/").json()

    assert data["meta"]["total_count"] > 25
    assert len(data["items"]) == 20
