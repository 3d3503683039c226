import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from core.crypto import contact_hash
from feedback.models import FeedbackPage, FeedbackTicket, PublishedTicket, TicketStatus, TicketType
from offices.models import Division


class FeedbackPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FeedbackPage

    title = "Pengaduan dan saran"
    slug = "pengaduan"
    intro = "<p>Sampaikan pengaduan, aspirasi atau saran Anda.</p>"


class DivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Division

    name = factory.Sequence(lambda n: f"Bidang Uji {n}")
    short_name = factory.Sequence(lambda n: f"Uji {n}")
    code = factory.Sequence(lambda n: f"uji-{n}")


class FeedbackTicketFactory(factory.django.DjangoModelFactory):
    """A complaint received today from a named person with an e-mail address."""

    class Meta:
        model = FeedbackTicket

    reference = factory.Sequence(lambda n: f"ADU-2026-{n + 1:06d}")
    type = TicketType.COMPLAINT
    subject = "Kartu kuning belum jadi"
    message = "Saya mendaftar dua minggu lalu dan kartu belum jadi."
    name = "Siti Aminah"
    email = "siti@example.id"
    phone = "081234567890"
    email_hash = factory.LazyAttribute(lambda ticket: contact_hash(ticket.email))
    phone_hash = factory.LazyAttribute(lambda ticket: contact_hash(ticket.phone))
    language = "id"
    status = TicketStatus.RECEIVED
    received_at = factory.LazyFunction(timezone.now)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


class PublishedTicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublishedTicket

    type = TicketType.COMPLAINT
    title = "Antrean loket terlalu panjang"
    what_you_told_us = "Antrean di loket kartu kuning sangat panjang pada hari Senin."
    what_we_did = "Kami membuka loket tambahan setiap Senin pagi."
    received_on = factory.LazyFunction(timezone.localdate)
    live = True
    locale = factory.LazyFunction(Locale.get_default)
