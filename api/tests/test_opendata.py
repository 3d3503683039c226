"""Open data: exactly the documented columns, only live public pages, CSV and JSON that parse."""

import csv
import io
import json

import pytest

from api import opendata

SERVICE_COLUMNS = [
    "id",
    "language",
    "name",
    "summary",
    "audiences",
    "category",
    "cost",
    "time_amount",
    "time_unit",
    "how_to_apply",
    "division",
    "url",
]
REGULATION_COLUMNS = [
    "id",
    "language",
    "type",
    "number",
    "year",
    "title",
    "citation",
    "issuer",
    "date_enacted",
    "status",
    "url",
    "document_url",
]


def test_service_rows_have_exactly_the_documented_columns(site):
    rows = opendata.service_rows()

    assert list(opendata.SERVICES.columns) == SERVICE_COLUMNS
    assert rows
    assert all(list(row) == SERVICE_COLUMNS for row in rows)


def test_regulation_rows_have_exactly_the_documented_columns(site):
    rows = opendata.regulation_rows()

    assert list(opendata.REGULATIONS.columns) == REGULATION_COLUMNS
    assert rows
    assert all(list(row) == REGULATION_COLUMNS for row in rows)


def test_service_rows_hold_only_live_public_services_in_both_languages(site):
    rows = opendata.service_rows()

    assert {row["id"] for row in rows} == {site["service"].id, site["service_en"].id}
    by_language = {row["language"]: row for row in rows}
    assert by_language["id"]["name"] == "Kartu Pencari Kerja (AK/I)"
    assert by_language["en"]["name"] == "Job-seeker card (AK/I)"
    assert by_language["id"] | {"url": None} == {
        "id": site["service"].id,
        "language": "id",
        "name": "Kartu Pencari Kerja (AK/I)",
        "summary": "Ringkasan layanan uji.",
        "audiences": ["g2c"],
        "category": "job-seekers",
        "cost": 0.0,
        "time_amount": 15,
        "time_unit": "minutes",
        "how_to_apply": "counter",
        "division": "Bidang Penempatan Tenaga Kerja",
        "url": None,
    }
    assert by_language["id"]["url"].endswith("/id/layanan/kartu-kuning/")


def test_regulation_rows_hold_the_citation_status_and_document(site):
    from regulations.tests.factories import RegulationPageFactory

    RegulationPageFactory(parent=site["regulation"].get_parent(), live=False)
    rows = opendata.regulation_rows()

    assert {row["id"] for row in rows} == {site["regulation"].id, site["regulation_en"].id}
    row = next(row for row in rows if row["language"] == "id")
    assert (row["type"], row["number"], row["year"], row["status"]) == ("Perwali", "44", 2016, "in_force")
    assert row["citation"] == "Perwali No. 44/2016"
    assert row["title"] == "Penyelenggaraan Pelayanan Publik"
    assert row["document_url"].endswith(".pdf")


def test_csv_is_utf8_with_bom_and_a_header_row(site):
    content = opendata.to_csv(opendata.SERVICES)

    assert content.startswith(b"\xef\xbb\xbf")
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    header, *rows = list(reader)
    assert header == SERVICE_COLUMNS
    assert len(rows) == 2


def test_csv_joins_lists_with_semicolons(site):
    service = site["service"]
    service.for_businesses = True
    service.save_revision().publish()

    rows = list(csv.DictReader(io.StringIO(opendata.to_csv(opendata.SERVICES).decode("utf-8-sig"))))

    assert next(row for row in rows if row["id"] == str(service.id))["audiences"] == "g2c;g2b"


def test_json_names_the_licence_and_its_columns(site):
    data = json.loads(opendata.to_json(opendata.REGULATIONS))

    assert data["licence"] == {
        "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["columns"] == REGULATION_COLUMNS
    assert all(list(item) == REGULATION_COLUMNS for item in data["items"])


@pytest.mark.parametrize(
    ("name", "columns"), [("services", SERVICE_COLUMNS), ("regulations", REGULATION_COLUMNS)]
)
def test_csv_download_is_an_attachment_that_parses(client, site, name, columns):
    response = client.get(f"/opendata/{name}.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows
    assert list(rows[0]) == columns
    assert all(row["url"].startswith("http://localhost/") for row in rows)


@pytest.mark.parametrize(
    ("name", "columns"), [("services", SERVICE_COLUMNS), ("regulations", REGULATION_COLUMNS)]
)
def test_json_download_is_an_attachment_that_parses(client, site, name, columns):
    response = client.get(f"/opendata/{name}.json")

    assert response["Content-Disposition"] == f'attachment; filename="{name}.json"'
    data = json.loads(response.content)
    assert data["columns"] == columns
    assert {item["language"] for item in data["items"]} == {"id", "en"}


def test_private_and_draft_services_are_not_in_the_download(client, site):
    content = client.get("/opendata/services.csv").content.decode("utf-8-sig")

    assert "Layanan rahasia" not in content
    assert "Layanan draf" not in content
    assert "Kartu Pencari Kerja (AK/I)" in content
