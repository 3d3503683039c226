import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from feedback.tests.factories import FeedbackPageFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def _public_forms(settings):
    """No minimum fill time (the timing test sets its own), a private storage in
    memory, and an empty rate-limit cache for every test."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    if "private" not in settings.STORAGES:
        settings.STORAGES = {
            **settings.STORAGES,
            "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        }
    settings.DIALOGUE_NOTIFY_EMAILS = ["dialog@disnaker.example"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def feedback_page(homes):
    return FeedbackPageFactory(parent=homes.id)


@pytest.fixture
def feedback_page_en(feedback_page, translate):
    return translate(feedback_page, title="Feedback and complaints", slug="feedback")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("petugas", "petugas@example.org", "pw-for-tests-only")
