import pytest
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory, body

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_indonesian_and_english(client, homes):
    id_response = client.get("/id/")
    en_response = client.get("/en/")

    assert id_response.status_code == 200
    assert "Beranda Disnaker" in id_response.text
    assert '<html lang="id">' in id_response.text
    assert en_response.status_code == 200
    assert "Disnaker home" in en_response.text
    assert '<html lang="en">' in en_response.text


def test_root_redirects_to_indonesian(client, homes):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/id/"


def test_home_page_shows_featured_links(client, homes):
    guide = StandardPageFactory(parent=homes.id, title="Panduan kartu kuning", slug="panduan")
    homes.id.featured_links = body(
        ("link", {"page": guide.pk, "url": "", "title": "", "description": "Cara membuat"})
    )
    homes.id.save_revision().publish()

    response = client.get("/id/")

    assert 'href="/id/panduan/"' in response.text
    assert "Panduan kartu kuning" in response.text
    assert "Cara membuat" in response.text


def test_home_page_shows_office_contact_and_hours(client, homes):
    from core.models import SiteSettings

    settings = SiteSettings.load()
    settings.phone = "(0711) 352 301"
    settings.opening_hours = [
        {
            "type": "hours",
            "value": {"first_day": "0", "last_day": "4", "opens": "08:00:00", "closes": "16:00:00"},
        }
    ]
    settings.save()

    id_text = client.get("/id/").text
    en_text = client.get("/en/").text

    assert "(0711) 352 301" in id_text
    assert "Monday–Friday" in en_text
    assert '<time datetime="08:00">08.00</time>' in en_text


STANDARD_BODY = body(
    ("heading", {"text": "Persyaratan", "level": "h2"}),
    ("paragraph", "<p>Bawa KTP asli.</p>"),
    ("callout", {"kind": "warning", "title": "Perhatian", "text": "<p>Layanan gratis.</p>"}),
    ("steps", {"steps": [{"title": "Daftar", "text": "<p>Isi formulir.</p>"}]}),
    ("accordion", {"items": [{"title": "Berapa lama?", "content": "<p>15 menit.</p>"}]}),
    (
        "table",
        {
            "caption": "Jadwal",
            "table": {"data": [["Hari", "Jam"], ["Senin", "08.00"]], "first_row_is_table_header": True},
        },
    ),
)


def test_standard_page_renders_every_body_block(client, homes):
    StandardPageFactory(parent=homes.id, slug="info", title="Info kartu", body=STANDARD_BODY)

    text = client.get("/id/info/").text

    assert '<h2 class="heading">Persyaratan</h2>' in text
    assert "Bawa KTP asli." in text
    assert "callout--warning" in text and "Layanan gratis." in text
    assert '<ol class="steps">' in text and "Isi formulir." in text
    assert '<details class="accordion__section"' in text and "15 menit." in text
    assert '<caption class="table__caption">Jadwal</caption>' in text
    assert '<th scope="col">Hari</th>' in text and "<td>Senin</td>" in text


def test_standard_page_renders_in_english_translation(client, homes, translate):
    page = StandardPageFactory(parent=homes.id, slug="info", title="Info kartu", body=STANDARD_BODY)
    translate(page, title="Card information", slug="card-info", summary="About the card")

    response = client.get("/en/card-info/")

    assert response.status_code == 200
    assert "Card information" in response.text
    assert "About the card" in response.text


def test_standard_page_shows_last_updated(client, homes):
    page = StandardPageFactory(parent=homes.id, slug="info")
    page.save_revision().publish()

    assert "last-updated" in client.get("/id/info/").text


def test_standard_page_lists_only_live_public_children(client, homes):
    parent = StandardPageFactory(parent=homes.id, slug="panduan")
    StandardPageFactory(parent=parent, title="Panduan terbit", slug="terbit")
    StandardPageFactory(parent=parent, title="Panduan draf", slug="draf", live=False)
    private = StandardPageFactory(parent=parent, title="Panduan rahasia", slug="rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    text = client.get("/id/panduan/").text

    assert "Panduan terbit" in text
    assert "Panduan draf" not in text
    assert "Panduan rahasia" not in text


def test_image_block_refuses_missing_alt_text():
    from django.core.exceptions import ValidationError

    from core.blocks import AccessibleImageBlock
    from core.tests.factories import ImageFactory

    block = AccessibleImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": ImageFactory().pk, "alt_text": "", "caption": ""}))


def test_image_block_renders_webp_srcset_with_size_and_lazy_loading(homes):
    from core.blocks import AccessibleImageBlock
    from core.tests.factories import ImageFactory

    block = AccessibleImageBlock()
    value = block.to_python(
        {"image": ImageFactory(width=1600, height=900).pk, "alt_text": "Gedung Disnaker", "caption": ""}
    )
    html = block.render(value)

    assert 'alt="Gedung Disnaker"' in html
    assert "image/webp" in html
    assert "srcset=" in html
    assert 'loading="lazy"' in html
    assert 'width="' in html and 'height="' in html


def test_document_block_shows_file_type_and_size(homes):
    from core.blocks import DocumentLinkBlock
    from core.tests.factories import DocumentFactory

    document = DocumentFactory(
        title="Formulir AK/I", file__filename="formulir.pdf", file__data=b"%PDF-1.4" + b"0" * 2048
    )
    block = DocumentLinkBlock()
    html = block.render(block.to_python({"document": document.pk, "title": ""}))

    assert "Formulir AK/I" in html
    assert document.file_extension.upper() in html
    assert "bytes" in html or "KB" in html
