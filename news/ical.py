"""The iCalendar (RFC 5545) feed of an events index, written by hand.

``build_calendar`` turns plain ``CalendarEvent`` values into the text of a
VCALENDAR; ``calendar_for_index`` feeds it the live, public events of one
language. Neither needs a request, so both are tested without HTTP.

The rules followed (RFC 5545 section numbers in brackets): lines end with CRLF
and are folded so that no line is longer than 75 octets, continuation lines
starting with one space (3.1); TEXT values escape backslash, semicolon, comma
and newline (3.3.11); times are written in UTC with a trailing "Z" (3.3.5), so
no VTIMEZONE is needed; every VEVENT has a UID that stays the same between
downloads and a DTSTAMP (3.6.1).
"""

import datetime
import html
import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
PRODID = "-//Dinas Tenaga Kerja Kota Palembang//Agenda//ID"
REFRESH_INTERVAL = "PT6H"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    last_modified: datetime.datetime | None = None
    categories: tuple[str, ...] = ()


def escape_text(value):
    """A TEXT value: backslash, semicolon and comma escaped, newlines as ``\\n``."""
    value = str(value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line):
    """``line`` split into physical lines of at most 75 octets of UTF-8, joined
    by CRLF and a space; a multi-byte character is never cut in two."""
    parts, current, size = [], [], 0
    limit = MAX_LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def format_utc(value):
    """A DATE-TIME in UTC ("form #2"): 20270115T010000Z."""
    if value.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware.")
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, stamp):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{format_utc(stamp)}",
        f"DTSTART:{format_utc(event.start)}",
        f"DTEND:{format_utc(event.end)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(category) for category in event.categories))
    if event.url:
        # A URI value, not TEXT: it is not escaped, only stripped of line breaks.
        lines.append("URL:" + re.sub(r"[\r\n]", "", event.url))
    if event.last_modified:
        lines.append(f"LAST-MODIFIED:{format_utc(event.last_modified)}")
    lines.append("END:VEVENT")
    return lines


def build_calendar(events, *, name, stamp, description=""):
    """The whole iCalendar text for ``events``, every line folded and ended with CRLF."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    if description:
        lines += [f"DESCRIPTION:{escape_text(description)}", f"X-WR-CALDESC:{escape_text(description)}"]
    lines += [f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}", f"X-PUBLISHED-TTL:{REFRESH_INTERVAL}"]
    for event in events:
        lines += event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def rich_text_to_plain(value):
    """Editor rich text as plain text, one line per paragraph or list item."""
    text = re.sub(r"<br\s*/?>|</(p|li|h[1-6])>", "\n", value or "")
    text = html.unescape(strip_tags(text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def event_from_page(page, host):
    """The ``CalendarEvent`` of an ``EventPage``; its UID is the same in every download."""
    url = page.get_full_url() or ""
    description = [page.summary]
    if page.audience:
        description.append(gettext("Who it is for: %(audience)s") % {"audience": page.audience})
    how_to_register = rich_text_to_plain(page.how_to_register)
    if how_to_register:
        description.append(gettext("How to register: %(steps)s") % {"steps": how_to_register})
    if page.registration_url:
        description.append(gettext("Register online: %(url)s") % {"url": page.registration_url})
    if url:
        description.append(gettext("More information: %(url)s") % {"url": url})
    location = ", ".join(
        part for part in [page.location_name, *(line.strip() for line in page.address.splitlines())] if part
    )
    return CalendarEvent(
        uid=f"{page.translation_key}@{host}",
        start=page.start,
        end=page.end,
        summary=page.title,
        location=location,
        description="\n\n".join(description),
        url=url,
        last_modified=page.last_published_at,
        categories=(str(page.get_kind_display()),),
    )


def calendar_for_index(index_page, now):
    """The iCalendar text of the live, public events under ``index_page``, in its language."""
    from .services import events_for_index

    site = index_page.get_site()
    host = site.hostname if site else "localhost"
    with translation.override(index_page.locale.language_code):
        events = [
            event_from_page(page, host) for page in events_for_index(index_page).order_by("start", "pk")
        ]
        return build_calendar(events, name=index_page.title, stamp=now, description=index_page.intro)
