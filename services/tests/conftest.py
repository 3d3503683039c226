import json
import re

import pytest

from services.tests.factories import ServiceIndexPageFactory

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def directory(homes):
    """The Indonesian service directory under the home page."""
    return ServiceIndexPageFactory(parent=homes.id)


@pytest.fixture
def directory_en(directory, translate):
    return translate(directory, title="Services", slug="services", intro="All our services.")


@pytest.fixture
def english(translate):
    """``english(service, slug)``: a published English translation of a service page."""

    def _english(page, slug, **fields):
        fields.setdefault("title", f"English {page.title}")
        fields.setdefault("summary", "An English summary.")
        return translate(page, slug=slug, **fields)

    return _english


def json_ld(response):
    """Every schema.org object printed on the page."""
    objects = []
    for text in LD_JSON.findall(response.content.decode()):
        data = json.loads(text)
        objects.extend(data if isinstance(data, list) else [data])
    return objects


# --- Online forms, submissions and back-ends ----------------------------------------------

import io  # noqa: E402

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from integrations.tests.conftest import StubServer  # noqa: E402
from services.tests.factories import (  # noqa: E402
    OnlineServicePageFactory,
    ServiceFormFieldFactory,
    TransactionBackendFactory,
)

SECRET = "a-test-signing-secret-of-at-least-32-chars"
#: A NIK that passes the checks: Palembang (1671), born 17-08-1990, serial 0001.
NIK = "1671011708900001"
EMAIL = "siti.aminah@example.org"
PHONE = "0812 3456 7890"

#: (kind, name, extra) of the "every kind" form.
ALL_KINDS = [
    ("text", "full_name", {}),
    ("textarea", "story", {}),
    ("email", "email", {}),
    ("phone", "phone", {}),
    ("date", "birth_date", {}),
    ("choice", "trade", {"choices": "Las\nMenjahit\nOtomotif"}),
    ("number", "workers", {"min_value": 1, "max_value": 100}),
    ("nik", "nik", {}),
    ("file", "ktp", {"file_types": "pdf,png"}),
]


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_upload(name="ktp-siti.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def valid_answers(**overrides):
    data = {
        "full_name": "Siti Aminah",
        "story": "Saya ingin ikut pelatihan.",
        "email": EMAIL,
        "phone": PHONE,
        "birth_date": "1990-08-17",
        "trade": "Las",
        "workers": "3",
        "nik": NIK,
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def stub():
    server = StubServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def fast_retries(settings):
    settings.INTEGRATION_MAX_ATTEMPTS = 5
    settings.INTEGRATION_RETRY_BASE_SECONDS = 10
    settings.INTEGRATION_RETRY_CAP_SECONDS = 40
    settings.PUBLIC_FORM_MIN_SECONDS = 0


@pytest.fixture
def backend(stub, fast_retries):
    """A transaction back-end answering on a real HTTP server on 127.0.0.1."""
    return TransactionBackendFactory(slug="blk", endpoint_url=stub.url("/hook"), signing_secret=SECRET)


@pytest.fixture
def online_service(directory, backend):
    """An Indonesian service whose form asks one question of every kind."""
    service = OnlineServicePageFactory(
        parent=directory, slug="pelatihan", title="Pelatihan kerja", transaction_backend=backend
    )
    for order, (kind, name, extra) in enumerate(ALL_KINDS):
        ServiceFormFieldFactory(
            page=service, kind=kind, name=name, label=f"Soal {name}", sort_order=order, **extra
        )
    return service


@pytest.fixture
def apply(client):
    """``apply(service, data, files)``: POST the service's form like a browser; returns the response."""

    def _apply(service, data=None, files=None, **kwargs):
        from services.onlineform import build_form

        form = build_form(service)()
        payload = {"started": form.initial["started"], **(data if data is not None else valid_answers())}
        if files is None:
            files = {"ktp": pdf_upload()}
        payload.update(files)
        return client.post(service.url + "apply/", payload, **kwargs)

    return _apply


def attachment_storage():
    from services.models import SubmissionAttachment

    return SubmissionAttachment._meta.get_field("file").storage


def stored_files():
    """Every file in the attachments' (private) storage."""
    storage, found, folders = attachment_storage(), [], ["services"]
    while folders:
        folder = folders.pop()
        try:
            dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        found += [f"{folder}/{name}" for name in files]
        folders += [f"{folder}/{name}" for name in dirs]
    return found
