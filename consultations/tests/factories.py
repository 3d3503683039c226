import datetime

import factory
import wagtail_factories

from consultations.models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from consultations.services import jakarta_today
from home.tests.factories import body


def days_from_today(days):
    return jakarta_today() + datetime.timedelta(days=days)


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConsultationIndexPage

    title = "Konsultasi Publik"
    slug = "konsultasi-publik"
    intro = "Rancangan yang terbuka untuk masukan masyarakat."


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """Open by default: opened a week ago, closes in a week (Palembang dates)."""

    class Meta:
        model = ConsultationPage

    title = factory.Sequence(lambda n: f"Rancangan peraturan nomor {n}")
    slug = factory.Sequence(lambda n: f"rancangan-{n}")
    summary = "Rancangan Peraturan Wali Kota tentang penyelenggaraan bursa kerja."
    body = factory.LazyFunction(lambda: body(("paragraph", "<p>Latar belakang rancangan.</p>")))
    opens_on = factory.LazyFunction(lambda: days_from_today(-7))
    closes_on = factory.LazyFunction(lambda: days_from_today(7))
    draft_sections = ""
    responses_summary = ""

    class Params:
        closed = factory.Trait(
            opens_on=factory.LazyFunction(lambda: days_from_today(-40)),
            closes_on=factory.LazyFunction(lambda: days_from_today(-10)),
        )
        upcoming = factory.Trait(
            opens_on=factory.LazyFunction(lambda: days_from_today(5)),
            closes_on=factory.LazyFunction(lambda: days_from_today(35)),
        )


class ConsultationCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationComment

    consultation = None
    comment = factory.Sequence(lambda n: f"Masukan nomor {n} untuk rancangan ini.")
    status = ConsultationComment.PENDING
