import datetime
import zoneinfo

import pytest
from wagtail.models import Locale, PageViewRestriction

from news.ical import CalendarEvent, build_calendar, calendar_for_index, escape_text, fold
from news.tests.factories import EventIndexPageFactory, EventPageFactory
from news.tests.helpers import unfold

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
STAMP = datetime.datetime(2026, 11, 28, 6, 30, tzinfo=datetime.UTC)
START = datetime.datetime(2027, 1, 15, 8, 0, tzinfo=JAKARTA)


def test_escape_text_escapes_backslash_semicolon_comma_and_newlines():
    assert escape_text('C:\\data; a, b\nnext\r\nlast "q"') == 'C:\\\\data\\; a\\, b\\nnext\\nlast "q"'


def test_fold_keeps_every_line_within_75_octets_and_unfolds_to_the_original():
    line = "DESCRIPTION:" + "Pelatihan menjahit di UPTD BLKP Palembang — gratis ✓ " * 6

    folded = fold(line)

    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert all(part.startswith(" ") for part in folded.split("\r\n")[1:])
    assert folded.replace("\r\n ", "") == line


def test_fold_leaves_short_lines_alone():
    assert fold("SUMMARY:Bursa kerja") == "SUMMARY:Bursa kerja"


def test_calendar_uses_crlf_everywhere_and_no_line_over_75_octets():
    event = CalendarEvent(
        uid="abc@localhost",
        start=START,
        end=START + datetime.timedelta(hours=7),
        summary="Job fair, Palembang; " * 10,
        description="Line one\nLine two " + "é" * 80,
        location="Gedung Serbaguna, Jl. Merdeka No. 1",
        url="http://localhost/en/events/job-fair/",
    )

    text = build_calendar([event], name="Agenda", stamp=STAMP)
    raw = text.encode("utf-8")

    assert raw.endswith(b"\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)


def test_calendar_writes_times_in_utc_and_escapes_text():
    event = CalendarEvent(
        uid="abc@localhost",
        start=START,
        end=START + datetime.timedelta(hours=7),
        summary="Bursa kerja, hari 1; kota\\Palembang",
        location="Gedung A\nLantai 2",
    )

    lines = unfold(build_calendar([event], name="Agenda", stamp=STAMP))

    assert "DTSTART:20270115T010000Z" in lines
    assert "DTEND:20270115T080000Z" in lines
    assert "DTSTAMP:20261128T063000Z" in lines
    assert "SUMMARY:Bursa kerja\\, hari 1\\; kota\\\\Palembang" in lines
    assert "LOCATION:Gedung A\\nLantai 2" in lines


def test_calendar_refuses_naive_times():
    event = CalendarEvent(uid="x@y", start=datetime.datetime(2027, 1, 1), end=START, summary="x")

    with pytest.raises(ValueError):
        build_calendar([event], name="Agenda", stamp=STAMP)


@pytest.fixture
def agenda(homes, translate):
    page = EventIndexPageFactory(parent=homes.id)
    translate(page, title="Events", slug="events", intro="Events of the office.")
    return page


def vevents(lines):
    """Each VEVENT as a dict of property name (parameters dropped) to value."""
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _sep, value = line.partition(":")
            current[name.split(";")[0]] = value
    return events


@pytest.mark.django_db
def test_calendar_has_one_vevent_per_live_public_event_of_its_language(agenda, translate):
    shown = EventPageFactory(parent=agenda, title="Bursa kerja", start=START, end=START.replace(hour=15))
    translate(shown, title="Job fair", slug="job-fair")
    EventPageFactory(parent=agenda, title="Draf", live=False)
    private = EventPageFactory(parent=agenda, title="Rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    indonesian = vevents(unfold(calendar_for_index(agenda, now=STAMP)))
    english_agenda = agenda.get_translation(Locale.objects.get(language_code="en")).specific
    english = vevents(unfold(calendar_for_index(english_agenda, now=STAMP)))

    assert [event["SUMMARY"] for event in indonesian] == ["Bursa kerja"]
    assert [event["SUMMARY"] for event in english] == ["Job fair"]
    event = indonesian[0]
    assert event["UID"] == f"{shown.translation_key}@localhost"
    assert event["DTSTART"] == "20270115T010000Z"
    assert event["DTEND"] == "20270115T080000Z"
    assert event["DTSTAMP"] == "20261128T063000Z"
    assert event["URL"] == "http://localhost/id/agenda/" + shown.slug + "/"
    assert event["LOCATION"] == "Gedung Serbaguna Disnaker\\, Jl. Merdeka No. 1\\, Palembang"
    assert "Datang langsung dengan membawa KTP." in event["DESCRIPTION"]
    assert english[0]["URL"] == "http://localhost/en/events/job-fair/"


@pytest.mark.django_db
def test_calendar_uid_is_stable_between_downloads(agenda):
    EventPageFactory(parent=agenda)

    first = vevents(unfold(calendar_for_index(agenda, now=STAMP)))
    later = vevents(unfold(calendar_for_index(agenda, now=STAMP + datetime.timedelta(days=1))))

    assert first[0]["UID"] == later[0]["UID"]


@pytest.mark.django_db
def test_calendar_escapes_editor_text(agenda):
    EventPageFactory(parent=agenda, title="Info; gaji, lembur \\ cuti", summary="Baris satu\nbaris dua")

    event = vevents(unfold(calendar_for_index(agenda, now=STAMP)))[0]

    assert event["SUMMARY"] == "Info\\; gaji\\, lembur \\\\ cuti"
    assert event["DESCRIPTION"].startswith("Baris satu\\nbaris dua\\n\\n")


@pytest.mark.django_db
def test_ical_feed_is_served_as_text_calendar(client, agenda):
    EventPageFactory(parent=agenda, title="Bursa kerja")

    response = client.get("/id/agenda/feed/ical/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\nSUMMARY:Bursa kerja\r\n" in response.content
    assert response.content.count(b"\n") == response.content.count(b"\r\n")
    assert max(len(line) for line in response.content.split(b"\r\n")) <= 75
