import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.tests.factories import body
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Berita dan Pengumuman"
    slug = "berita"
    intro = "Kabar terbaru dari Disnaker."


class NewsPageFactory(wagtail_factories.PageFactory):
    """``tags=["Pelatihan", ...]`` sets the topics."""

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Berita nomor {n}")
    slug = factory.Sequence(lambda n: f"berita-{n}")
    kind = NewsPage.NEWS
    date = factory.LazyFunction(timezone.localdate)
    summary = factory.LazyAttribute(lambda page: f"Ringkasan {page.title}.")
    body = factory.LazyFunction(lambda: body(("paragraph", "<p>Isi berita.</p>")))

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.set(extracted)
            if create:
                obj.save()


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = "agenda"
    intro = "Kegiatan Disnaker."


def _in_days(days, hour=8):
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(wagtail_factories.PageFactory):
    """Starts in a week at 08.00 Jakarta time and lasts seven hours by default."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Kegiatan nomor {n}")
    slug = factory.Sequence(lambda n: f"kegiatan-{n}")
    kind = EventPage.JOB_FAIR
    start = factory.LazyFunction(lambda: _in_days(7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=7))
    location_name = "Gedung Serbaguna Disnaker"
    address = "Jl. Merdeka No. 1\nPalembang"
    summary = factory.LazyAttribute(lambda event: f"Ringkasan {event.title}.")
    audience = "Pencari kerja"
    how_to_register = "<p>Datang langsung dengan membawa KTP.</p>"
    registration_url = ""
    body = factory.LazyFunction(lambda: body(("paragraph", "<p>Isi kegiatan.</p>")))
