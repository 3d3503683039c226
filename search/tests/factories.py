import factory
import wagtail_factories

from home.tests.factories import StandardPageFactory, body
from news.models import NewsIndexPage

__all__ = ["NewsIndexPageFactory", "StandardPageFactory", "body", "guide"]


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = factory.Sequence(lambda n: f"Berita {n}")
    intro = ""


def guide(parent, title, summary="", text="Isi halaman.", **fields):
    """A live information page whose body is one paragraph of ``text``."""
    return StandardPageFactory(
        parent=parent, title=title, summary=summary, body=body(("paragraph", f"<p>{text}</p>")), **fields
    )
