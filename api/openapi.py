"""The OpenAPI 3 description of the public API and the open-data downloads.

Written by hand as a Python dict, served at /api/v2/openapi.json, and checked
against real answers by api/tests/test_openapi.py.
"""

from .opendata import DATASETS, LICENCE_NAME, LICENCE_URL

STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
NULLABLE_NUMBER = {"type": "number", "nullable": True}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
NULLABLE_DATE = {"type": "string", "format": "date", "nullable": True}
DATETIME = {"type": "string", "format": "date-time"}
STRINGS = {"type": "array", "items": STRING}
#: StreamField content: a list of blocks, each with a type and a value.
STREAM = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "value", "id"],
        "properties": {"type": STRING, "value": {}, "id": STRING},
    },
}
RICH_TEXT = {"type": "string", "description": "HTML (Wagtail rich text)."}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties, required=None):
    return {"type": "object", "required": list(required or properties), "properties": properties}


PAGE_META = _object(
    {
        "type": STRING,
        "detail_url": STRING,
        "html_url": NULLABLE_STRING,
        "slug": STRING,
        "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
        "locale": STRING,
    }
)
PAGE_DETAIL_META = _object(
    {
        **PAGE_META["properties"],
        "show_in_menus": BOOLEAN,
        "seo_title": STRING,
        "search_description": STRING,
        "parent": {"type": "object", "nullable": True},
        "alias_of": {"type": "object", "nullable": True},
    }
)

DIVISION = _object({"code": STRING, "name": STRING, "short_name": STRING})
DIVISION["nullable"] = True
LEGAL_BASIS = {
    "type": "array",
    "items": _object({"id": INTEGER, "citation": STRING, "title": STRING, "note": STRING, "url": STRING}),
}
DOCUMENT_LINK = {
    "type": "object",
    "nullable": True,
    "required": ["id", "meta"],
    "properties": {
        "id": INTEGER,
        "meta": _object({"type": STRING, "detail_url": STRING, "download_url": STRING}),
    },
}
TAGS = STRINGS

#: The fields of each page type, as ``?type=<name>&fields=*`` or the detail view give them.
PAGE_TYPE_FIELDS = {
    "services.ServicePage": {
        "summary": STRING,
        "audiences": {"type": "array", "items": {"type": "string", "enum": ["g2c", "g2b", "g2g"]}},
        "audience_labels": STRINGS,
        "category": STRING,
        "category_label": STRING,
        "responsible_division": DIVISION,
        "how_to_apply": STRING,
        "how_to_apply_text": STRING,
        "external_system": STRING,
        "external_url": STRING,
        "counter_location": STRING,
        "counter_hours": STREAM,
        "counter_phone": STRING,
        "requirements": STREAM,
        "procedure": STREAM,
        "time_amount": INTEGER,
        "time_unit": STRING,
        "time_note": STRING,
        "time_text": STRING,
        "cost": {"type": "number", "description": "In rupiah; 0 means free of charge."},
        "cost_note": STRING,
        "cost_text": STRING,
        "product": STRING,
        "complaints": RICH_TEXT,
        "legal_basis": LEGAL_BASIS,
        "legal_basis_other": STRING,
        "facilities": RICH_TEXT,
        "staff_competence": RICH_TEXT,
        "internal_supervision": RICH_TEXT,
        "number_of_staff": {"type": "integer", "nullable": True},
        "service_guarantee": RICH_TEXT,
        "security_guarantee": RICH_TEXT,
        "performance_evaluation": RICH_TEXT,
        "blank_forms": STREAM,
    },
    "news.NewsPage": {
        "kind": {"type": "string", "enum": ["news", "announcement"]},
        "date": DATE,
        "summary": STRING,
        "body": STREAM,
        "tags": TAGS,
    },
    "news.EventPage": {
        "kind": STRING,
        "start": DATETIME,
        "end": DATETIME,
        "location_name": STRING,
        "address": STRING,
        "summary": STRING,
        "audience": STRING,
        "how_to_register": RICH_TEXT,
        "registration_url": STRING,
        "body": STREAM,
    },
    "regulations.RegulationPage": {
        "regulation_type": STRING,
        "type_label": STRING,
        "number": STRING,
        "year": INTEGER,
        "citation": STRING,
        "formal_citation": STRING,
        "issuer": STRING,
        "date_enacted": NULLABLE_DATE,
        "status": {"type": "string", "enum": ["in_force", "amended", "revoked"]},
        "status_label": STRING,
        "summary": STRING,
        "body": STREAM,
        "pdf": DOCUMENT_LINK,
        "document_url": STRING,
    },
    "offices.AccessPointPage": {
        "kind": STRING,
        "kind_label": STRING,
        "district": STRING,
        "district_name": STRING,
        "address": STRING,
        "latitude": NULLABLE_NUMBER,
        "longitude": NULLABLE_NUMBER,
        "opening_hours": STREAM,
        "activities": STREAM,
        "phone": STRING,
        "accessibility": STRING,
        "responsible_division": DIVISION,
    },
    "offices.OfficePage": {
        "introduction": STRING,
        "body": STREAM,
        "address": STRING,
        "latitude": NULLABLE_NUMBER,
        "longitude": NULLABLE_NUMBER,
        "opening_hours": STREAM,
        "phone": STRING,
        "email": STRING,
    },
    "home.StandardPage": {"summary": STRING, "body": STREAM},
}


def schema_name(page_type):
    return page_type.split(".")[1]


def _page(meta, extra=None):
    return _object({"id": INTEGER, "meta": meta, "title": STRING, **(extra or {})})


def components():
    schemas = {
        "Error": _object({"message": STRING}),
        "PageMeta": PAGE_META,
        "PageDetailMeta": PAGE_DETAIL_META,
        "PageListItem": _page(ref("PageMeta")),
        "PageListing": _object(
            {
                "meta": _object({"total_count": INTEGER}),
                "items": {"type": "array", "items": ref("PageListItem")},
            }
        ),
        "PageDetail": _page(ref("PageDetailMeta")),
        "ImageListing": _object(
            {
                "meta": _object({"total_count": INTEGER}),
                "items": {"type": "array", "items": ref("Image")},
            }
        ),
        "Image": _object(
            {
                "id": INTEGER,
                "meta": _object(
                    {"type": STRING, "detail_url": STRING, "tags": STRINGS, "download_url": STRING}
                ),
                "title": STRING,
            }
        ),
        "DocumentListing": _object(
            {
                "meta": _object({"total_count": INTEGER}),
                "items": {"type": "array", "items": ref("Document")},
            }
        ),
        "Document": _object(
            {
                "id": INTEGER,
                "meta": _object(
                    {"type": STRING, "detail_url": STRING, "tags": STRINGS, "download_url": STRING}
                ),
                "title": STRING,
            }
        ),
    }
    for page_type, fields in PAGE_TYPE_FIELDS.items():
        name = schema_name(page_type)
        schemas[name] = _page(ref("PageDetailMeta"), fields)
        schemas[f"{name}ListItem"] = _page(ref("PageMeta"), fields)
        schemas[f"{name}Listing"] = _object(
            {
                "meta": _object({"total_count": INTEGER}),
                "items": {"type": "array", "items": ref(f"{name}ListItem")},
            }
        )
    for dataset in DATASETS.values():
        row = {column: STRING for column in dataset.columns}
        row.update(id=INTEGER)
        if dataset.name == "services":
            row.update(audiences=STRINGS, cost=NUMBER, time_amount=INTEGER)
        if dataset.name == "regulations":
            row.update(year=INTEGER)
        schemas[f"{dataset.name.capitalize()}Dataset"] = _object(
            {
                "dataset": STRING,
                "title": STRING,
                "publisher": STRING,
                "licence": _object({"name": STRING, "url": STRING}),
                "columns": {"type": "array", "items": {"type": "string", "enum": list(dataset.columns)}},
                "items": {"type": "array", "items": _object(row)},
            }
        )
    return schemas


def _parameter(name, description, schema=STRING):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


PAGING = [
    _parameter("limit", "Items per answer, 1 to 50 (default 20). More than 50 is a 400.", INTEGER),
    _parameter("offset", "Items to skip (at most 100000).", INTEGER),
    _parameter("fields", "Extra fields, comma-separated, `*` for all, `-name` to drop one."),
    _parameter("order", "A field name, `-field` for descending, or `random`."),
    _parameter("search", "Full-text search."),
]


def _json(schema_ref, description):
    return {"description": description, "content": {"application/json": {"schema": ref(schema_ref)}}}


ERRORS = {
    "400": _json("Error", "A bad parameter: the message says which."),
}
NOT_FOUND = {"404": _json("Error", "No such item, or not public.")}


def _listing(summary, listing, parameters):
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {"200": _json(listing, "A page of the listing."), **ERRORS},
        }
    }


def _detail(summary, schema):
    return {
        "get": {
            "summary": summary,
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": INTEGER}],
            "responses": {"200": _json(schema, "The item."), **NOT_FOUND},
        }
    }


def _download(dataset):
    return {
        "get": {
            "summary": f"Open data: {dataset.title} ({LICENCE_NAME})",
            "responses": {
                "200": {
                    "description": str(dataset.description),
                    "content": {
                        "application/json": {"schema": ref(f"{dataset.name.capitalize()}Dataset")},
                    },
                }
            },
        }
    }


def _download_csv(dataset):
    return {
        "get": {
            "summary": f"Open data: {dataset.title} as CSV (UTF-8 with BOM, header row)",
            "responses": {
                "200": {
                    "description": "Columns: " + ", ".join(dataset.columns),
                    "content": {"text/csv": {"schema": STRING}},
                }
            },
        }
    }


def description(request=None):
    """The OpenAPI 3.0 document; server address from the request when there is one."""
    page_types = ", ".join(PAGE_TYPE_FIELDS)
    paths = {
        "/api/v2/pages/": _listing(
            "Live public pages",
            "PageListing",
            [
                _parameter(
                    "type", f"One page type, e.g. services.ServicePage. Types with fields: {page_types}."
                ),
                _parameter("locale", "Language: id or en.", {"type": "string", "enum": ["id", "en"]}),
                _parameter("child_of", "Pages whose parent has this id.", INTEGER),
                _parameter("descendant_of", "Pages under the page with this id.", INTEGER),
                _parameter("translation_of", "Translations of the page with this id.", INTEGER),
                *PAGING,
            ],
        ),
        "/api/v2/pages/{id}/": _detail("One live public page, with every field of its type", "PageDetail"),
        "/api/v2/images/": _listing("Images", "ImageListing", PAGING),
        "/api/v2/images/{id}/": _detail("One image", "Image"),
        "/api/v2/documents/": _listing("Documents", "DocumentListing", PAGING),
        "/api/v2/documents/{id}/": _detail("One document", "Document"),
    }
    for dataset in DATASETS.values():
        paths[f"/opendata/{dataset.name}.json"] = _download(dataset)
        paths[f"/opendata/{dataset.name}.csv"] = _download_csv(dataset)
    servers = [{"url": request.build_absolute_uri("/").rstrip("/")}] if request is not None else []
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Dinas Tenaga Kerja Kota Palembang: public API",
            "version": "2",
            "description": (
                "Read-only (GET, HEAD, OPTIONS), open to every origin (CORS), cached for five minutes "
                "(ETag, conditional GET). Page types and their fields: see the components "
                "<Type> (detail) and <Type>Listing (`/api/v2/pages/?type=app.Type&fields=*`)."
            ),
            "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        },
        "servers": servers,
        "paths": paths,
        "components": {"schemas": components()},
    }
