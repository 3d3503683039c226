"""Small readers for what the news pages and feeds produce."""

import json
import re
import xml.etree.ElementTree as ET

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_of(html, schema_type):
    """The schema.org object of ``schema_type`` printed in the page's ld+json script."""
    match = JSON_LD.search(html)
    assert match, "the page has no ld+json script"
    objects = json.loads(match.group(1))
    found = [obj for obj in objects if obj.get("@type") == schema_type]
    assert len(found) == 1, f"expected one {schema_type} in {objects}"
    return found[0]


def unfold(calendar):
    """Content lines of an iCalendar text, folded lines joined again (RFC 5545, 3.1)."""
    return calendar.replace("\r\n ", "").split("\r\n")


def parse_xml(content):
    """A feed parsed with the standard library: the XML is our own response, not untrusted input."""
    return ET.fromstring(content)  # noqa: S314
