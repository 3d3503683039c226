import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.tests.factories import body
from news import services
from news.models import EventPage
from news.tests.factories import EventIndexPageFactory, EventPageFactory
from news.tests.helpers import json_ld_of

pytestmark = pytest.mark.django_db

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def agenda(homes, translate):
    page = EventIndexPageFactory(parent=homes.id, intro="Kegiatan Disnaker Kota Palembang.")
    translate(page, title="Events", slug="events", intro="Events of the Palembang manpower office.")
    return page


def job_fair(agenda, **fields):
    start = datetime.datetime(2099, 3, 10, 8, 0, tzinfo=JAKARTA)
    defaults = {
        "slug": "bursa-kerja",
        "title": "Bursa Kerja Kota Palembang",
        "kind": EventPage.JOB_FAIR,
        "start": start,
        "end": start + 7 * HOUR,
        "location_name": "Palembang Indah Mall",
        "address": "Jl. Letkol Iskandar No. 18\nPalembang 30125",
        "summary": "Empat puluh perusahaan membuka lowongan.",
        "audience": "Pencari kerja lulusan SMA/SMK dan perguruan tinggi",
        "how_to_register": "<p>Daftar melalui Karirhub.</p>",
        "registration_url": "https://karirhub.kemnaker.go.id/",
        "body": body(("paragraph", "<p>Bawa daftar riwayat hidup.</p>")),
    }
    return EventPageFactory(parent=agenda, **{**defaults, **fields})


def test_event_page_shows_its_fields_in_indonesian(client, agenda):
    job_fair(agenda)

    text = client.get("/id/agenda/bursa-kerja/").text

    assert text.count("<h1") == 1 and "Bursa Kerja Kota Palembang</h1>" in text
    assert '<strong class="tag tag--green">' in text
    assert '<time datetime="2099-03-10T08:00:00+07:00">' in text
    assert '<time datetime="2099-03-10T15:00:00+07:00">15.00 WIB</time>' in text
    assert "Palembang Indah Mall<br>Jl. Letkol Iskandar No. 18<br>Palembang 30125" in text
    assert "Pencari kerja lulusan SMA/SMK dan perguruan tinggi" in text
    assert "Daftar melalui Karirhub." in text
    assert 'href="https://karirhub.kemnaker.go.id/"' in text and "karirhub.kemnaker.go.id." in text
    assert "Empat puluh perusahaan membuka lowongan." in text
    assert "Bawa daftar riwayat hidup." in text
    assert 'href="http://localhost/id/agenda/feed/ical/"' in text


def test_event_page_shows_its_fields_in_english(client, agenda, translate):
    event = job_fair(agenda)
    translate(
        event,
        title="Palembang Job Fair",
        slug="job-fair",
        summary="Forty employers with vacancies.",
        audience="Job seekers with a school or university diploma",
        how_to_register="<p>Register on Karirhub.</p>",
        body=body(("paragraph", "<p>Bring your CV.</p>")),
    )

    text = client.get("/en/events/job-fair/").text

    assert "Palembang Job Fair</h1>" in text
    assert '<strong class="tag tag--green">Job fair</strong>' in text
    assert ">Tuesday, 10 March 2099, 08.00</time>" in text
    assert "Palembang Indah Mall" in text
    assert "Job seekers with a school or university diploma" in text
    assert "Register on Karirhub." in text and "Bring your CV." in text
    assert "Forty employers with vacancies." in text


def test_past_event_says_it_has_ended_and_offers_no_registration(client, agenda):
    start = timezone.now() - 3 * DAY
    job_fair(agenda, start=start, end=start + HOUR)

    text = client.get("/id/agenda/bursa-kerja/").text

    assert '<strong class="tag tag--grey">' in text
    assert 'href="https://karirhub.kemnaker.go.id/"' not in text


def test_event_index_renders_in_both_languages(client, agenda, translate):
    translate(job_fair(agenda), title="Palembang Job Fair", slug="job-fair")

    id_text = client.get("/id/agenda/").text
    en_text = client.get("/en/events/").text

    assert "Kegiatan Disnaker Kota Palembang." in id_text
    assert 'href="/id/agenda/bursa-kerja/"' in id_text and "Palembang Job Fair" not in id_text
    assert "10 Maret 2099, 08.00 WIB · Palembang Indah Mall" in id_text
    assert "Events of the Palembang manpower office." in en_text
    assert 'href="/en/events/job-fair/"' in en_text and "Bursa Kerja Kota Palembang" not in en_text
    assert '<link rel="alternate" type="text/calendar"' in en_text
    assert 'href="http://localhost/en/events/feed/ical/"' in en_text


def test_event_index_shows_upcoming_soonest_first_then_past_most_recent_first(client, agenda):
    now = timezone.now()
    EventPageFactory(parent=agenda, title="Nanti sekali", start=now + 20 * DAY, end=now + 21 * DAY)
    EventPageFactory(parent=agenda, title="Segera", start=now + 2 * DAY, end=now + 3 * DAY)
    EventPageFactory(parent=agenda, title="Sedang berlangsung", start=now - DAY, end=now + DAY)
    EventPageFactory(parent=agenda, title="Lalu sekali", start=now - 30 * DAY, end=now - 29 * DAY)
    EventPageFactory(parent=agenda, title="Baru lewat", start=now - 3 * DAY, end=now - 2 * DAY)

    text = client.get("/id/agenda/").text
    upcoming, past = text.split('id="past-heading"')

    order = [upcoming.index(title) for title in ("Sedang berlangsung", "Segera", "Nanti sekali")]
    assert order == sorted(order)
    assert "Lalu sekali" not in upcoming and "Baru lewat" not in upcoming
    assert past.index("Baru lewat") < past.index("Lalu sekali")


@pytest.mark.parametrize(
    ("end_offset", "upcoming"),
    [
        (datetime.timedelta(0), True),
        (datetime.timedelta(seconds=1), True),
        (-datetime.timedelta(seconds=1), False),
    ],
)
def test_upcoming_and_past_split_at_the_end_time(agenda, end_offset, upcoming):
    now = datetime.datetime(2027, 1, 15, 12, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(parent=agenda, start=now - 2 * HOUR, end=now + end_offset)
    events = services.events_for_index(agenda)

    assert (event in services.upcoming_events(events, now)) is upcoming
    assert (event in services.past_events(events, now)) is not upcoming


def test_past_events_are_paginated_ten_per_page(client, agenda):
    now = timezone.now()
    for number in range(11):
        start = now - (number + 2) * DAY
        EventPageFactory(parent=agenda, title=f"Kegiatan lampau {number:02d}", start=start, end=start + HOUR)
    EventPageFactory(parent=agenda, title="Kegiatan mendatang", start=now + DAY, end=now + 2 * DAY)

    first = client.get("/id/agenda/").text
    second = client.get("/id/agenda/?page=2").text

    assert "Kegiatan lampau 09" in first and "Kegiatan lampau 10" not in first
    assert "Kegiatan lampau 10" in second and "Kegiatan lampau 09" not in second
    assert "Kegiatan mendatang" in first and "Kegiatan mendatang" in second


@pytest.mark.parametrize("query", ["?page=abc", "?page=-1", "?page=99999"])
def test_event_index_survives_odd_page_values(client, agenda, query):
    start = timezone.now() - 5 * DAY
    EventPageFactory(parent=agenda, title="Kegiatan lampau", start=start, end=start + HOUR)

    response = client.get(f"/id/agenda/{query}")

    assert response.status_code == 200
    assert "Kegiatan lampau" in response.text


def test_drafts_and_private_events_never_listed(client, agenda):
    EventPageFactory(parent=agenda, title="Kegiatan terbit")
    EventPageFactory(parent=agenda, title="Kegiatan draf", live=False)
    private = EventPageFactory(parent=agenda, title="Kegiatan rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    text = client.get("/id/agenda/").text

    assert "Kegiatan terbit" in text
    assert "Kegiatan draf" not in text and "Kegiatan rahasia" not in text


def test_event_ending_before_it_starts_is_refused(agenda):
    start = datetime.datetime(2099, 3, 10, 8, 0, tzinfo=JAKARTA)

    with pytest.raises(ValidationError) as error:
        EventPageFactory(parent=agenda, start=start, end=start - HOUR)

    assert error.value.message_dict["end"] == ["Kegiatan tidak boleh berakhir sebelum dimulai."]
    assert not EventPage.objects.exists()


def test_event_ending_when_it_starts_is_accepted(agenda):
    start = datetime.datetime(2099, 3, 10, 8, 0, tzinfo=JAKARTA)

    EventPageFactory(parent=agenda, start=start, end=start)

    assert EventPage.objects.count() == 1


def test_admin_form_shows_the_end_before_start_error_on_the_end_field(agenda):
    form_class = EventPage.get_edit_handler().get_form_class()
    data = {
        "title": "Sesi informasi",
        "slug": "sesi-informasi",
        "kind": EventPage.INFORMATION_SESSION,
        "start": "2099-03-10 10:00",
        "end": "2099-03-10 09:00",
        "location_name": "Aula Disnaker",
        "summary": "Sesi informasi.",
        "body-count": "0",
    }
    form = form_class(data, instance=EventPage(), parent_page=agenda, for_user=None)

    assert not form.is_valid()
    assert form.errors["end"] == ["Kegiatan tidak boleh berakhir sebelum dimulai."]


def test_event_json_ld_has_the_required_properties(client, agenda):
    job_fair(agenda)

    event = json_ld_of(client.get("/id/agenda/bursa-kerja/").text, "Event")

    assert event["name"] == "Bursa Kerja Kota Palembang"
    assert event["startDate"] == "2099-03-10T08:00:00+07:00"
    assert event["endDate"] == "2099-03-10T15:00:00+07:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["name"] == "Palembang Indah Mall"
    assert event["location"]["address"]["streetAddress"] == "Jl. Letkol Iskandar No. 18, Palembang 30125"
    assert event["organizer"]["@type"] == "GovernmentOrganization"
    assert event["organizer"]["name"] == "Dinas Tenaga Kerja Kota Palembang"
    assert event["inLanguage"] == "id"
    assert event["url"] == "http://localhost/id/agenda/bursa-kerja/"
