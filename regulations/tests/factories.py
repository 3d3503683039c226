import factory
import wagtail_factories

from core.tests.factories import DocumentFactory
from regulations.choices import RegulationStatus, RegulationType, RelationKind
from regulations.demo import minimal_pdf
from regulations.models import RegulationIndexPage, RegulationPage, RelatedRegulation


class RegulationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegulationIndexPage

    title = "Regulasi"
    slug = "regulasi"
    intro = "Peraturan yang menjadi dasar layanan dinas."


class RegulationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegulationPage

    title = factory.Sequence(lambda n: f"Pokok bahasan {n}")
    slug = factory.Sequence(lambda n: f"regulasi-{n}")
    regulation_type = RegulationType.PERWALI
    number = factory.Sequence(lambda n: str(100 + n))
    year = 2016
    issuer = "Walikota Palembang"
    status = RegulationStatus.IN_FORCE
    summary = "Ringkasan peraturan."


class RelatedRegulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelatedRegulation

    kind = RelationKind.RELATED


def pdf_document(title="Peraturan Walikota Nomor 44 Tahun 2016", filename="perwali-44-2016.pdf", lines=None):
    """A Wagtail document holding a small real PDF."""
    return DocumentFactory(title=title, file__filename=filename, file__data=minimal_pdf(lines or [title]))
