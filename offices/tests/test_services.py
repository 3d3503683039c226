"""The offices app's rules, without HTTP."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from core.models import SiteSettings
from offices import schema, services
from offices.choices import COMMUNITY_CENTRE, INTERNET_KIOSK, OFFICE_COUNTER
from offices.models import AccessPointPage, OfficePage
from offices.tests.factories import (
    AccessPointIndexPageFactory,
    AccessPointPageFactory,
    DivisionFactory,
    OfficePageFactory,
    hours,
    translate_division,
)

# --- Filters -------------------------------------------------------------------


def test_clean_filters_keeps_known_kind_and_district():
    assert services.clean_filters(QueryDict("kind=internet_kiosk&district=sukarami")) == {
        "kind": "internet_kiosk",
        "district": "sukarami",
    }


@pytest.mark.parametrize(
    "params",
    [
        QueryDict("kind=zzz&district=%3Cscript%3Ealert(1)%3C/script%3E"),
        QueryDict("kind=&district="),
        QueryDict("kind=INTERNET_KIOSK&district=Sukarami"),
        {"kind": ["internet_kiosk"], "district": None},
        {},
    ],
)
def test_clean_filters_ignores_unknown_values(params):
    assert services.clean_filters(params) == {"kind": "", "district": ""}


@pytest.fixture
def directory(homes):
    index = AccessPointIndexPageFactory(parent=homes.id)
    AccessPointPageFactory(parent=index, title="Loket kantor", kind=OFFICE_COUNTER, district="bukit-kecil")
    AccessPointPageFactory(
        parent=index, title="Kios perpustakaan", kind=INTERNET_KIOSK, district="ilir-timur-i"
    )
    AccessPointPageFactory(parent=index, title="Kios Sukarami", kind=INTERNET_KIOSK, district="sukarami")
    AccessPointPageFactory(parent=index, title="Balai warga", kind=COMMUNITY_CENTRE, district="sukarami")
    return index


def _titles(queryset):
    return sorted(page.title for page in queryset)


def test_filter_by_kind(directory):
    found, filters = services.filter_access_points(
        services.access_points_in(directory), QueryDict("kind=internet_kiosk")
    )
    assert _titles(found) == ["Kios Sukarami", "Kios perpustakaan"]
    assert filters == {"kind": "internet_kiosk", "district": ""}


def test_filter_by_district(directory):
    found, _filters = services.filter_access_points(
        services.access_points_in(directory), QueryDict("district=sukarami")
    )
    assert _titles(found) == ["Balai warga", "Kios Sukarami"]


def test_filter_by_kind_and_district_combined(directory):
    found, _filters = services.filter_access_points(
        services.access_points_in(directory), QueryDict("kind=internet_kiosk&district=sukarami")
    )
    assert _titles(found) == ["Kios Sukarami"]


def test_unknown_filter_values_leave_the_list_whole(directory):
    found, _filters = services.filter_access_points(
        services.access_points_in(directory), QueryDict("kind=zzz&district=nowhere")
    )
    assert found.count() == 4


def test_access_points_in_leaves_out_drafts_private_pages_and_other_languages(directory, translate):
    AccessPointPageFactory(parent=directory, title="Draf", live=False)
    private = AccessPointPageFactory(parent=directory, title="Rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english_index = translate(directory, title="Access points", slug="access-points")

    assert _titles(services.access_points_in(directory)) == [
        "Balai warga",
        "Kios Sukarami",
        "Kios perpustakaan",
        "Loket kantor",
    ]
    assert services.access_points_in(english_index).count() == 0


# --- Contact, coordinates, map ------------------------------------------------------


def _settings(**fields):
    settings = SiteSettings.load()
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def test_office_contact_prefers_the_page_values(homes):
    settings = _settings(phone="(0711) 000 000", email="umum@palembang.go.id")
    page = OfficePageFactory(parent=homes.id, phone="(0711) 352 301", email="profil@palembang.go.id")

    contact = services.office_contact(page, settings)

    assert contact.phone == "(0711) 352 301"
    assert contact.email == "profil@palembang.go.id"


def test_office_contact_falls_back_to_site_settings(homes):
    settings = _settings(
        phone="(0711) 000 000",
        email="umum@palembang.go.id",
        address="Jl. Umum 1",
        latitude=Decimal("-2.1"),
        longitude=Decimal("104.1"),
        opening_hours=hours((0, 3, "07:30:00", "15:00:00")),
    )
    page = OfficePageFactory(
        parent=homes.id, phone="", email="", address="", latitude=None, longitude=None, opening_hours="[]"
    )

    contact = services.office_contact(OfficePage.objects.get(pk=page.pk), settings)

    assert contact.phone == "(0711) 000 000"
    assert contact.email == "umum@palembang.go.id"
    assert contact.address == "Jl. Umum 1"
    assert (contact.latitude, contact.longitude) == (Decimal("-2.1"), Decimal("104.1"))
    assert len(contact.opening_hours) == 1


def test_map_url_points_openstreetmap_at_the_coordinates():
    url = services.map_url(Decimal("-2.990934"), Decimal("104.756554"))

    assert url == "https://www.openstreetmap.org/?mlat=-2.990934&mlon=104.756554#map=17/-2.990934/104.756554"


def test_coordinates_are_written_with_a_dot_in_indonesian_too():
    with translation.override("id"):
        assert services.coordinates_text(Decimal("-2.980000"), Decimal("104.750000")) == "-2.98, 104.75"


@pytest.mark.parametrize(
    "latitude, longitude", [(None, Decimal("104.7")), (Decimal("-2.9"), None), ("x", "y")]
)
def test_no_map_link_without_both_coordinates(latitude, longitude):
    assert services.map_url(latitude, longitude) == ""
    assert services.coordinates_text(latitude, longitude) == ""


# --- Opening hours ---------------------------------------------------------------


def _hours_value(*runs):
    return AccessPointPage._meta.get_field("opening_hours").to_python(hours(*runs))


def test_day_range_wraps_past_sunday():
    assert services.day_range(0, 4) == [0, 1, 2, 3, 4]
    assert services.day_range(5, 0) == [5, 6, 0]
    assert services.day_range(2, 2) == [2]


def test_hours_summary_uses_the_active_language():
    value = _hours_value((0, 3, "08:00:00", "16:00:00"), (4, 4, "08:00:00", "16:30:00"))

    with translation.override("en"):
        assert services.hours_summary(value) == "Monday–Thursday 08.00–16.00; Friday 08.00–16.30"
    with translation.override("id"):
        assert services.hours_summary(value) == "Senin–Kamis 08.00–16.00; Jumat 08.00–16.30"


def test_opening_hours_specification_lists_schema_org_days():
    value = _hours_value((0, 4, "08:00:00", "16:00:00"), (5, 5, "08:00:00", "12:00:00"))

    specification = schema.opening_hours_specification(value)

    assert specification[0]["dayOfWeek"] == [
        "https://schema.org/Monday",
        "https://schema.org/Tuesday",
        "https://schema.org/Wednesday",
        "https://schema.org/Thursday",
        "https://schema.org/Friday",
    ]
    assert (specification[0]["opens"], specification[0]["closes"]) == ("08:00", "16:00")
    assert specification[1]["dayOfWeek"] == ["https://schema.org/Saturday"]
    assert specification[1]["closes"] == "12:00"


# --- Divisions ---------------------------------------------------------------


def test_divisions_for_a_language_come_in_sort_order(homes):
    DivisionFactory(name="Bidang Penempatan", sort_order=3)
    DivisionFactory(name="Sekretariat", sort_order=1)
    DivisionFactory(name="Bidang Pelatihan", sort_order=2)

    names = [division.name for division in services.divisions_for(Locale.get_default())]

    assert names == ["Sekretariat", "Bidang Pelatihan", "Bidang Penempatan"]


def test_divisions_in_english_use_the_translation_and_fall_back_to_the_original(homes):
    secretariat = DivisionFactory(name="Sekretariat", sort_order=1)
    DivisionFactory(name="Bidang Pelatihan dan Produktivitas", sort_order=2)
    translate_division(secretariat, name="Secretariat")

    english = services.divisions_for(Locale.objects.get(language_code="en"))

    assert [division.name for division in english] == ["Secretariat", "Bidang Pelatihan dan Produktivitas"]
    assert [division.locale.language_code for division in english] == ["en", "id"]


# --- Where notices go ----------------------------------------------------------


@pytest.mark.django_db
def test_notices_go_to_the_divisions_email_address(settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["dialog@disnaker.example"]
    division = DivisionFactory(email="bidang-penempatan@disnaker.example")

    assert services.notify_addresses(division) == ["bidang-penempatan@disnaker.example"]


@pytest.mark.django_db
def test_notices_for_a_division_without_an_address_go_to_the_general_addresses(settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["dialog@disnaker.example", "kepala@disnaker.example"]

    assert services.notify_addresses(DivisionFactory()) == [
        "dialog@disnaker.example",
        "kepala@disnaker.example",
    ]


def test_notices_without_a_division_go_to_the_general_addresses(settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["dialog@disnaker.example"]

    assert services.notify_addresses(None) == ["dialog@disnaker.example"]


@pytest.mark.django_db
def test_a_translation_not_yet_synchronised_uses_the_address_of_its_source(homes, settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["dialog@disnaker.example"]
    division = DivisionFactory(name="Sekretariat")
    english = translate_division(division, name="Secretariat")
    division.email = "sekretariat@disnaker.example"
    division.save()

    assert services.notify_addresses(english) == ["sekretariat@disnaker.example"]


def test_the_divisions_email_address_is_the_same_in_every_language():
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    from offices.models import Division

    [email] = [field for field in get_translatable_fields(Division) if field.field_name == "email"]
    assert isinstance(email, SynchronizedField)
