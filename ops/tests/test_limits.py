"""Oversized bodies, unreadable forms and floods of form posts: refused with the right status,
a page saying why in the visitor's language, and nothing stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory

from core.uploads import private_storage
from feedback.models import FeedbackTicket
from feedback.tests.conftest import PDF
from feedback.tests.factories import FeedbackPageFactory
from integrations.models import OutboxMessage
from ops.limits import is_public_path

pytestmark = pytest.mark.django_db

FORM_EN = "/en/feedback/"
FORM_ID = "/id/pengaduan/"


@pytest.fixture
def feedback_pages(homes, translate):
    page = FeedbackPageFactory(parent=homes.id)
    translate(page, title="Feedback and complaints", slug="feedback")
    return page


@pytest.fixture
def csrf_client():
    """A browser's view: the CSRF check runs, and it is what reads the form first."""
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    return client


def ticket(**fields):
    data = {
        "type": "complaint",
        "subject": "Card not ready",
        "message": "I registered two weeks ago and the card is still not ready.",
        "name": "Rina Wulandari",
        "email": "rina@example.id",
        "consent": "on",
        "website": "",
        "started": "",
    }
    data.update(fields)
    return data


def post_with_token(client, url, data, **extra):
    """GET the form (for the CSRF cookie and token), then POST it like a browser."""
    client.get(url)
    token = client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, **extra)


_BEFORE = None


def _held():
    return (
        FeedbackTicket.objects.count(),
        OutboxMessage.objects.count(),
        private_storage().listdir(""),
    )


@pytest.fixture(autouse=True)
def _held_before(db):
    """What the database and private storage held before the test's request: earlier
    transactional tests in the run may leave rows behind, and a refusal must add none."""
    global _BEFORE
    _BEFORE = _held()


def nothing_stored():
    return _held() == _BEFORE


# Oversized bodies: 413


def test_a_body_over_the_limit_gets_413_with_a_page_saying_so(client, feedback_pages, settings):
    settings.REQUEST_BODY_MAX_BYTES = 20_000
    settings.PUBLIC_UPLOAD_MAX_BYTES = 10_000
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * 30_000, "application/pdf")

    response = client.post(FORM_EN, ticket(attachment_1=big))

    assert response.status_code == 413
    text = response.content.decode()
    assert '<html lang="en">' in text
    assert "What you sent is too large" in text
    assert "at most 19.5\xa0KB in one form, and at most 9.8\xa0KB for each file" in text
    assert f'href="{FORM_EN}"' in text
    assert response["Cache-Control"] == "private, no-store"


def test_a_body_over_the_limit_stores_nothing(client, feedback_pages, settings):
    settings.REQUEST_BODY_MAX_BYTES = 20_000
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * 30_000, "application/pdf")

    client.post(FORM_EN, ticket(attachment_1=big))

    assert nothing_stored()


def test_a_body_over_the_limit_is_refused_before_the_database_is_touched(
    client, feedback_pages, settings, django_assert_num_queries
):
    settings.REQUEST_BODY_MAX_BYTES = 20_000
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * 30_000, "application/pdf")

    with django_assert_num_queries(0):
        assert client.post(FORM_EN, ticket(attachment_1=big)).status_code == 413


def test_the_413_page_speaks_indonesian_on_indonesian_pages(client, feedback_pages, settings):
    settings.REQUEST_BODY_MAX_BYTES = 20_000
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * 30_000, "application/pdf")

    response = client.post(FORM_ID, ticket(attachment_1=big))

    assert response.status_code == 413
    text = response.content.decode()
    assert '<html lang="id">' in text
    assert "Kiriman Anda terlalu besar" in text


def test_a_body_under_the_limit_goes_through(client, feedback_pages, settings):
    settings.REQUEST_BODY_MAX_BYTES = 200_000
    small = SimpleUploadedFile("scan.pdf", PDF, "application/pdf")

    response = client.post(FORM_EN, ticket(attachment_1=small))

    assert response.status_code in {200, 302}
    assert response.status_code != 413


def test_form_fields_over_the_memory_limit_get_413_not_400(csrf_client, feedback_pages, settings):
    # Django raises RequestDataTooBig when the CSRF check reads the form, and answers 400.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000

    response = post_with_token(csrf_client, FORM_EN, ticket(message="x" * 3_000))

    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert nothing_stored()


def test_too_many_fields_get_400_with_a_page_saying_the_form_could_not_be_read(
    csrf_client, feedback_pages, settings
):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    extra = {f"field_{number}": "x" for number in range(30)}

    response = post_with_token(csrf_client, FORM_EN, ticket(**extra))

    assert response.status_code == 400
    text = response.content.decode()
    assert "The form could not be read" in text
    assert "more fields or files than this site accepts" in text
    assert nothing_stored()


def test_too_many_files_get_400_with_the_same_page(csrf_client, feedback_pages, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    files = {f"attachment_{n}": SimpleUploadedFile(f"{n}.pdf", PDF, "application/pdf") for n in (1, 2, 3)}

    response = post_with_token(csrf_client, FORM_EN, ticket(**files))

    assert response.status_code == 400
    assert "The form could not be read" in response.content.decode()
    assert nothing_stored()


def test_other_bad_requests_keep_django_s_400(rf):
    from django.core.exceptions import SuspiciousOperation

    from ops.limits import bad_request

    response = bad_request(rf.get("/en/"), SuspiciousOperation("odd"))

    assert response.status_code == 400
    assert b"could not be read" not in response.content


# What the proxy shows for a body it refused (nginx: error_page 413 /request-too-large)


def test_the_proxy_s_413_page_speaks_the_language_of_the_refused_url(client):
    response = client.get("/request-too-large", HTTP_X_ORIGINAL_URI="/en/feedback/?type=complaint")

    assert response.status_code == 413
    text = response.content.decode()
    assert '<html lang="en">' in text and "What you sent is too large" in text
    assert 'href="/en/feedback/"' in text


def test_the_proxy_s_413_page_in_indonesian(client):
    response = client.get("/request-too-large", HTTP_X_ORIGINAL_URI="/id/pengaduan/")

    assert '<html lang="id">' in response.content.decode()
    assert "Kiriman Anda terlalu besar" in response.content.decode()


def test_the_proxy_s_413_page_never_links_off_site(client):
    response = client.get("/request-too-large", HTTP_X_ORIGINAL_URI="//evil.example/en/")

    text = response.content.decode()
    assert "evil.example" not in text
    assert 'href="/id/"' in text


# Floods of form posts: 429


@pytest.fixture
def flood_limit(settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "any_form": (3, 60)}


def test_form_posts_over_the_flood_limit_get_429_with_retry_after(client, feedback_pages, flood_limit):
    for _ in range(3):
        assert client.post(FORM_EN, {"subject": ""}).status_code != 429

    response = client.post(FORM_EN, {"subject": ""})

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    text = response.content.decode()
    assert "Too many requests" in text
    assert "Please wait 1 minute and try again." in text


def test_a_flood_is_refused_before_the_body_is_read_or_the_database_touched(
    client, feedback_pages, flood_limit, django_assert_num_queries
):
    for _ in range(3):
        client.post(FORM_EN, {"subject": ""})

    with django_assert_num_queries(0):
        response = client.post(FORM_EN, ticket())

    assert response.status_code == 429
    assert not FeedbackTicket.objects.exists()


def test_a_flood_from_one_address_does_not_stop_another_address(client, feedback_pages, flood_limit):
    for _ in range(4):
        client.post(FORM_EN, {"subject": ""}, REMOTE_ADDR="10.1.1.1")

    other = client.post(FORM_EN, {"subject": ""}, REMOTE_ADDR="10.2.2.2")

    assert other.status_code == 200


def test_reading_pages_is_not_counted_as_form_posts(client, feedback_pages, flood_limit):
    for _ in range(10):
        client.get(FORM_EN)

    assert client.post(FORM_EN, {"subject": ""}).status_code == 200


def test_scripts_posting_with_fetch_get_the_json_they_read(client, feedback_pages, flood_limit):
    for _ in range(3):
        client.post(FORM_EN, {"subject": ""})

    response = client.post(FORM_EN, {"subject": ""}, HTTP_ACCEPT="application/json")

    assert response.status_code == 429
    assert response.json()["ok"] is False
    assert "Please wait 1 minute" in response.json()["message"]


def test_the_admin_is_not_counted_as_public_form_posts(client, homes, flood_limit):
    statuses = [
        client.post("/django-admin/login/", {"username": "x", "password": "y"}).status_code for _ in range(5)
    ]

    assert 429 not in statuses


@pytest.mark.parametrize(
    ("path", "public"),
    [
        ("/id/pengaduan/", True),
        ("/en/feedback/track/", True),
        ("/admin/pages/3/edit/", False),
        ("/api/v2/pages/", False),
        ("/services/callback/", False),
        ("/identity/", False),
    ],
)
def test_public_paths_are_those_under_a_language_prefix(path, public):
    assert is_public_path(RequestFactory().post(path)) is public
