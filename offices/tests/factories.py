import json

import factory
import wagtail_factories
from wagtail.models import Locale

from offices.choices import OFFICE_COUNTER
from offices.models import AccessPointIndexPage, AccessPointPage, Division, OfficePage


def hours(*runs):
    """Opening hours StreamField JSON from ``(first_day, last_day, "08:00", "16:00")`` tuples."""
    return json.dumps(
        [
            {
                "type": "hours",
                "value": {"first_day": str(first), "last_day": str(last), "opens": opens, "closes": closes},
            }
            for first, last, opens, closes in runs
        ]
    )


def items(*texts):
    """The "what you can do there" StreamField JSON."""
    return json.dumps([{"type": "item", "value": text} for text in texts])


class DivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Division

    name = factory.Sequence(lambda n: f"Bidang Uji {n}")
    short_name = ""
    code = factory.Sequence(lambda n: f"bidang-{n}")
    responsibilities = "<p>Menangani urusan bidang.</p>"
    head_title = "Kepala Bidang"
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.LazyFunction(Locale.get_default)


def translate_division(division, **fields):
    """The English version of ``division``, the way editors and the demo make it."""
    english = division.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(english, name, value)
    english.save()
    return english


class OfficePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OfficePage

    title = "Profil Dinas"
    slug = "profil"
    introduction = "Dinas Tenaga Kerja melayani pencari kerja dan perusahaan."
    body = factory.LazyFunction(
        lambda: json.dumps([{"type": "paragraph", "value": "<p>Visi: tenaga kerja yang kompeten.</p>"}])
    )
    address = "Jl. Merdeka No. 1\nPalembang 30131"
    latitude = "-2.990934"
    longitude = "104.756554"
    phone = "(0711) 352 301"
    email = "profil@palembang.go.id"
    opening_hours = factory.LazyFunction(lambda: hours((0, 4, "08:00:00", "16:00:00")))


class AccessPointIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccessPointIndexPage

    title = "Titik Layanan"
    slug = "titik-layanan"
    intro = "Tempat Anda dapat menjangkau layanan kami."


class AccessPointPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccessPointPage

    title = factory.Sequence(lambda n: f"Titik layanan {n}")
    slug = factory.Sequence(lambda n: f"titik-{n}")
    kind = OFFICE_COUNTER
    address = "Jl. Merdeka No. 1\nKelurahan 22 Ilir"
    district = "bukit-kecil"
    latitude = "-2.990934"
    longitude = "104.756554"
    opening_hours = factory.LazyFunction(lambda: hours((0, 4, "08:00:00", "15:00:00")))
    activities = factory.LazyFunction(lambda: items("Membuat kartu pencari kerja (AK/I)"))
    phone = "(0711) 352 302"
    accessibility = "Pintu masuk tanpa tangga."
