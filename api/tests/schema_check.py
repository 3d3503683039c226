"""A minimal checker for the parts of JSON Schema (OpenAPI 3.0 flavour) that api/openapi.py
uses: $ref, type, nullable, enum, required, properties, items. jsonschema is not installed."""

import datetime

TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
}


def resolve(schema, document):
    while "$ref" in schema:
        path = schema["$ref"].removeprefix("#/").split("/")
        schema = document
        for part in path:
            schema = schema[part]
    return schema


def errors(value, schema, document, where="$"):
    """Every way ``value`` fails ``schema``, as readable strings (empty: it conforms)."""
    schema = resolve(schema, document)
    if value is None:
        return [] if schema.get("nullable") or not schema else [f"{where}: null is not allowed"]
    found = []
    kind = schema.get("type")
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{where}: {value!r} is not an integer"]
    elif kind == "number":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return [f"{where}: {value!r} is not a number"]
    elif kind is not None and not isinstance(value, TYPES[kind]):
        return [f"{where}: {value!r} is not of type {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if kind == "string" and schema.get("format") == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            found.append(f"{where}: {value!r} is not a date")
    if kind == "string" and schema.get("format") == "date-time":
        try:
            datetime.datetime.fromisoformat(value)
        except ValueError:
            found.append(f"{where}: {value!r} is not a date-time")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{where}: {name!r} is missing")
        for name, subschema in schema.get("properties", {}).items():
            if name in value:
                found.extend(errors(value[name], subschema, document, f"{where}.{name}"))
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found.extend(errors(item, schema["items"], document, f"{where}[{index}]"))
    return found
