"""Alert banners: when and where they show, and how loudly."""

import re

import pytest
from django.utils import timezone

from core.models import AlertBanner
from core.tests.factories import AlertBannerFactory
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(homes, translate):
    """/id/layanan/ (English /en/services/) with a child /id/layanan/kartu/,
    and an unrelated section /id/berita/."""
    page = StandardPageFactory(parent=homes.id, slug="layanan", title="Layanan")
    translate(page, title="Services", slug="services")
    StandardPageFactory(parent=page, slug="kartu", title="Kartu kuning")
    StandardPageFactory(parent=homes.id, slug="berita", title="Berita")
    return page


def _banners(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return re.findall(
        r'<div class="banner banner--(\w+)" role="(\w+)"[^>]*>.*?<p class="banner__text">(.*?)</p>',
        response.text,
        re.S,
    )


def _messages(client, path):
    return [message.strip() for _kind, _role, message in _banners(client, path)]


def test_active_site_wide_banner_shows_on_every_page(client, homes, section):
    AlertBannerFactory(locale=homes.id.locale, message="Layanan tutup 17 Agustus")

    for path in ("/id/", "/id/layanan/", "/id/layanan/kartu/", "/id/berita/"):
        assert _messages(client, path) == ["Layanan tutup 17 Agustus"], path


def test_future_and_expired_banners_do_not_show(client, homes):
    now = timezone.now()
    AlertBannerFactory(
        locale=homes.id.locale, message="Belum mulai", starts_at=now + timezone.timedelta(days=1)
    )
    AlertBannerFactory(
        locale=homes.id.locale,
        message="Sudah lewat",
        starts_at=now - timezone.timedelta(days=2),
        ends_at=now - timezone.timedelta(minutes=1),
    )
    AlertBannerFactory(
        locale=homes.id.locale,
        message="Sedang berlaku",
        starts_at=now - timezone.timedelta(days=2),
        ends_at=now + timezone.timedelta(days=1),
    )

    assert _messages(client, "/id/") == ["Sedang berlaku"]


def test_banner_shows_only_in_its_own_language(client, homes):
    AlertBannerFactory(locale=homes.id.locale, message="Hanya bahasa Indonesia")

    assert _messages(client, "/id/") == ["Hanya bahasa Indonesia"]
    assert _messages(client, "/en/") == []


def test_section_banner_shows_on_that_section_and_its_descendants_only(client, homes, section):
    AlertBannerFactory(locale=homes.id.locale, section=section, message="Antrean kartu kuning panjang")

    assert _messages(client, "/id/layanan/") == ["Antrean kartu kuning panjang"]
    assert _messages(client, "/id/layanan/kartu/") == ["Antrean kartu kuning panjang"]
    assert _messages(client, "/id/") == []
    assert _messages(client, "/id/berita/") == []


def test_section_banner_shows_on_the_english_translation_of_that_section(client, homes, section):
    banner = AlertBannerFactory(locale=homes.id.locale, section=section, message="Antrean panjang")
    english = banner.copy_for_translation(homes.en.locale)
    english.message = "Long queues"
    english.save()

    assert _messages(client, "/en/services/") == ["Long queues"]
    assert _messages(client, "/en/") == []


def test_urgent_banner_is_announced_at_once_and_the_others_politely(client, homes):
    AlertBannerFactory(locale=homes.id.locale, message="Gedung ditutup", severity=AlertBanner.URGENT)
    AlertBannerFactory(locale=homes.id.locale, message="Jadwal baru", severity=AlertBanner.ANNOUNCEMENT)

    banners = {message.strip(): (kind, role) for kind, role, message in _banners(client, "/id/")}

    assert banners == {"Gedung ditutup": ("urgent", "alert"), "Jadwal baru": ("announcement", "status")}


def test_banner_links_to_its_page(client, homes, section):
    AlertBannerFactory(locale=homes.id.locale, message="Lihat jadwal", link_page=section)

    text = client.get("/id/").text

    assert '<a class="banner__link" href="/id/layanan/">' in text
