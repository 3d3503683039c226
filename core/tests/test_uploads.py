import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from core.uploads import CheckedFileField, detect_type

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_pdf_is_recognised_by_its_content_whatever_its_name():
    assert detect_type(upload("scan.jpg", PDF)) == "pdf"


def test_a_real_png_is_recognised():
    assert detect_type(upload("x.bin", png_bytes())) == "png"


def test_a_file_that_only_starts_like_a_png_is_not_an_image():
    assert detect_type(upload("x.png", b"\x89PNG\r\n\x1a\n" + b"not really")) is None


def test_an_executable_named_pdf_is_refused():
    field = CheckedFileField(allowed_types=("pdf",))
    with translation.override("en"), pytest.raises(forms.ValidationError) as error:
        field.clean(upload("ktp.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf"))
    assert error.value.code == "file_type"


def test_a_file_over_the_limit_is_refused_and_the_message_names_the_limit(settings):
    settings.PUBLIC_UPLOAD_MAX_BYTES = 1024
    field = CheckedFileField(allowed_types=("pdf",))
    with translation.override("en"), pytest.raises(forms.ValidationError) as error:
        field.clean(upload("big.pdf", PDF + b"0" * 2048))
    assert error.value.code == "file_too_large"
    assert "1.0\xa0KB" in error.value.messages[0]


def test_a_field_limit_cannot_exceed_the_site_limit(settings):
    settings.PUBLIC_UPLOAD_MAX_BYTES = 1000
    assert CheckedFileField(max_bytes=5000).max_bytes == 1000


def test_an_accepted_file_carries_its_detected_type():
    cleaned = CheckedFileField(allowed_types=("pdf", "png")).clean(upload("foto", png_bytes()))
    assert cleaned.detected_type == "png"
    assert cleaned.content_type_detected == "image/png"
