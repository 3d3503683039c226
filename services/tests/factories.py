import json

import factory
import wagtail_factories

from services.choices import Category, HowToApply, TimeUnit
from services.models import (
    JourneyPage,
    JourneyStep,
    RelatedService,
    ServiceFormField,
    ServiceIndexPage,
    ServiceLegalBasis,
    ServicePage,
)


def requirements(*items):
    """Requirements StreamField JSON from ``(item, note)`` pairs."""
    return json.dumps(
        [{"type": "requirement", "value": {"item": item, "note": note}} for item, note in items]
    )


def steps(*pairs):
    """Procedure StreamField JSON from ``(title, html)`` pairs."""
    return json.dumps([{"type": "step", "value": {"title": title, "text": text}} for title, text in pairs])


def hours(*runs):
    """Opening hours StreamField JSON from ``(first_day, last_day, "08:00:00", "16:00:00")`` tuples."""
    return json.dumps(
        [
            {
                "type": "hours",
                "value": {"first_day": str(first), "last_day": str(last), "opens": opens, "closes": closes},
            }
            for first, last, opens, closes in runs
        ]
    )


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ServiceIndexPage

    title = "Layanan"
    slug = "layanan"
    intro = "Semua layanan dinas."
    pledge = "<p>Kami sanggup menyelenggarakan pelayanan sesuai standar.</p>"


class ServicePageFactory(wagtail_factories.PageFactory):
    """A complete counter-only service standard for citizens, free of charge."""

    class Meta:
        model = ServicePage

    title = factory.Sequence(lambda n: f"Layanan uji {n}")
    slug = factory.Sequence(lambda n: f"layanan-uji-{n}")
    summary = "Ringkasan layanan uji."
    for_citizens = True
    category = Category.JOB_SEEKERS
    how_to_apply = HowToApply.COUNTER
    counter_location = "Loket 3, lantai 1, Kantor Disnaker"
    requirements = factory.LazyFunction(
        lambda: requirements(("KTP asli", "Dibawa saat datang"), ("Pas foto", ""))
    )
    procedure = factory.LazyFunction(
        lambda: steps(
            ("Datang ke loket", "<p>Ambil nomor antrean.</p>"), ("Serahkan berkas", "<p>Tunggu.</p>")
        )
    )
    time_amount = 15
    time_unit = TimeUnit.MINUTES
    time_note = "setelah berkas lengkap"
    cost = 0
    product = "Kartu tanda bukti"
    facilities = "<p>Ruang tunggu ber-AC.</p>"
    staff_competence = "<p>Petugas terlatih.</p>"
    internal_supervision = "<p>Diawasi Kepala Bidang.</p>"
    number_of_staff = 3
    service_guarantee = "<p>Selesai tepat waktu.</p>"
    security_guarantee = "<p>Data dijaga kerahasiaannya.</p>"
    performance_evaluation = "<p>Dievaluasi tiap tiga bulan.</p>"


class JourneyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = JourneyPage

    title = factory.Sequence(lambda n: f"Perjalanan {n}")
    slug = factory.Sequence(lambda n: f"perjalanan-{n}")
    intro = "Langkah demi langkah."


class JourneyStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JourneyStep

    explanation = "Langkah berikutnya."
    sort_order = factory.Sequence(lambda n: n)


class ServiceLegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceLegalBasis

    sort_order = factory.Sequence(lambda n: n)


class RelatedServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelatedService

    sort_order = factory.Sequence(lambda n: n)


class TransactionBackendFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "integrations.TransactionBackend"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Back-end {n}")
    slug = factory.Sequence(lambda n: f"backend-{n}")
    endpoint_url = "http://127.0.0.1:9/hook"
    signing_secret = "a-test-signing-secret-of-at-least-32-chars"
    timeout_seconds = 2


class ServiceFormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceFormField

    label = factory.Sequence(lambda n: f"Pertanyaan {n}")
    kind = "text"
    required = True
    sort_order = factory.Sequence(lambda n: n)


class OnlineServicePageFactory(ServicePageFactory):
    """A service with an online form (questions added by the caller) and a back-end."""

    how_to_apply = HowToApply.ONLINE_FORM
    transaction_backend = factory.SubFactory(TransactionBackendFactory)
