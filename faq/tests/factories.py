import factory
import wagtail_factories
from wagtail.models import Locale

from faq.models import AskedQuestion, FAQCategory, FAQEntry, FAQEntryService, FAQIndexPage, Vote


def locale(code="id"):
    return Locale.objects.get(language_code=code)


class FAQIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FAQIndexPage

    title = "Tanya jawab"
    slug = "tanya-jawab"
    intro = "Jawaban atas pertanyaan yang sering diajukan."


class FAQCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQCategory

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    locale = factory.LazyFunction(locale)
    sort_order = 10


class FAQEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQEntry

    question = factory.Sequence(lambda n: f"Pertanyaan uji nomor {n}?")
    slug = factory.Sequence(lambda n: f"pertanyaan-{n}")
    category = factory.SubFactory(FAQCategoryFactory)
    locale = factory.LazyAttribute(lambda entry: entry.category.locale)
    short_answer = "Jawaban singkat."
    full_answer = "<p>Jawaban lengkap.</p>"
    live = True


class FAQEntryServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQEntryService

    entry = factory.SubFactory(FAQEntryFactory)


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    entry = factory.SubFactory(FAQEntryFactory)
    voter = factory.Sequence(lambda n: f"voter-{n}")
    address = factory.Sequence(lambda n: f"address-{n}")
    helpful = True


class AskedQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AskedQuestion

    reference = factory.Sequence(lambda n: f"TNY-2026-{n + 1:06d}")
    language = "id"
    question = "Apakah pembuatan kartu kuning dipungut biaya?"
    name = "Siti Aminah"
    email = "siti@example.com"
    email_hash = factory.LazyAttribute(lambda q: __import__("core.crypto").crypto.contact_hash(q.email))


def votes(entry, yes, no):
    """``yes`` helpful and ``no`` unhelpful votes from distinct visitors."""
    for _ in range(yes):
        VoteFactory(entry=entry, helpful=True)
    for _ in range(no):
        VoteFactory(entry=entry, helpful=False)
