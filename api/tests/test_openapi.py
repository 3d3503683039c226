"""The live API answers as api/openapi.py describes it: every documented path and status."""

import pytest

from api.openapi import PAGE_TYPE_FIELDS, schema_name
from api.tests.schema_check import errors


@pytest.fixture
def document(client, site):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()


def response_schema(document, path, status, media="application/json"):
    return document["paths"][path]["get"]["responses"][str(status)]["content"][media]["schema"]


def conforms(document, schema, data):
    assert errors(data, schema, document) == []


def test_description_is_openapi_3_with_licence(document):
    assert document["openapi"].startswith("3.")
    assert document["info"]["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert document["servers"] == [{"url": "http://localhost"}]


def test_checker_reports_a_mismatch(document):
    """The checker is not vacuous: a listing without total_count, or a wrong type, fails."""
    schema = response_schema(document, "/api/v2/pages/", 200)

    assert errors({"meta": {}, "items": []}, schema, document)
    assert errors({"meta": {"total_count": "1"}, "items": []}, schema, document)
    assert errors({"meta": {"total_count": 1}, "items": [{"id": 1}]}, schema, document)


def test_every_documented_path_is_served(client, site, document):
    ids = {"pages": site["service"].id, "images": None, "documents": site["regulation"].pdf_id}
    for path in document["paths"]:
        if "{id}" in path:
            kind = path.split("/")[3]
            if ids[kind] is None:
                continue
            path = path.replace("{id}", str(ids[kind]))
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_listings_match_their_schema(client, document, path):
    data = client.get(path).json()

    conforms(document, response_schema(document, path, 200), data)


def test_page_detail_matches_its_schema(client, site, document):
    data = client.get(f"/api/v2/pages/{site['service'].id}/").json()

    conforms(document, response_schema(document, "/api/v2/pages/{id}/", 200), data)


def test_document_detail_matches_its_schema(client, site, document):
    data = client.get(f"/api/v2/documents/{site['regulation'].pdf_id}/").json()

    conforms(document, response_schema(document, "/api/v2/documents/{id}/", 200), data)


def test_image_listing_with_an_image_matches_its_schema(client, site, document):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Logo", file=get_test_image_file())
    listing = client.get("/api/v2/images/").json()
    detail = client.get(f"/api/v2/images/{image.id}/").json()

    assert listing["meta"]["total_count"] == 1
    conforms(document, response_schema(document, "/api/v2/images/", 200), listing)
    conforms(document, response_schema(document, "/api/v2/images/{id}/", 200), detail)


@pytest.mark.parametrize("page_type", list(PAGE_TYPE_FIELDS))
def test_each_page_type_detail_matches_its_component(client, site, document, page_type):
    from django.apps import apps

    model = apps.get_model(page_type)
    page = model.objects.live().public().first()
    assert page is not None, page_type
    data = client.get(f"/api/v2/pages/{page.id}/").json()

    schema = document["components"]["schemas"][schema_name(page_type)]
    conforms(document, schema, data)
    assert set(PAGE_TYPE_FIELDS[page_type]) <= set(data)


@pytest.mark.parametrize("page_type", list(PAGE_TYPE_FIELDS))
def test_each_page_type_listing_with_all_fields_matches_its_component(client, site, document, page_type):
    data = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"}).json()

    assert data["items"]
    conforms(document, document["components"]["schemas"][f"{schema_name(page_type)}Listing"], data)


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_documented_400_matches_the_error_schema(client, site, document, path):
    response = client.get(path, {"limit": 1000})

    assert response.status_code == 400
    conforms(document, response_schema(document, path, 400), response.json())


@pytest.mark.parametrize("path", ["/api/v2/pages/{id}/", "/api/v2/images/{id}/", "/api/v2/documents/{id}/"])
def test_documented_404_matches_the_error_schema(client, site, document, path):
    response = client.get(path.replace("{id}", "99999"))

    assert response.status_code == 404
    conforms(document, response_schema(document, path, 404), response.json())


@pytest.mark.parametrize("name", ["services", "regulations"])
def test_open_data_json_matches_its_schema(client, site, document, name):
    path = f"/opendata/{name}.json"
    data = client.get(path).json()

    assert data["items"]
    conforms(document, response_schema(document, path, 200), data)


def test_documented_parameters_are_accepted(client, site, document):
    """Every query parameter the description names is one the API knows (no 400 for it)."""
    samples = {"type": "services.ServicePage", "locale": "en", "child_of": site["service"].get_parent().id}
    samples.update(descendant_of=site["homes"].id.id, translation_of=site["service"].id)
    samples.update(limit=5, offset=0, fields="*", order="title", search="kartu")
    for path, item in document["paths"].items():
        for parameter in item["get"].get("parameters", []):
            if parameter["in"] != "query":
                continue
            params = {parameter["name"]: samples[parameter["name"]]}
            if parameter["name"] == "fields" and "pages" in path:
                params["type"] = "services.ServicePage"
            response = client.get(path, params)
            assert response.status_code == 200, (path, params, response.content[:200])
