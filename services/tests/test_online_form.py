"""The online form on a service page: built from the editor's questions, checked field by field."""

import re

import pytest

from integrations.models import OutboxMessage
from services.models import ServiceSubmission
from services.onlineform import SESSION_KEY

from .conftest import ALL_KINDS, pdf_upload, png_bytes, stored_files, valid_answers

pytestmark = pytest.mark.django_db


def test_the_service_page_shows_every_question_and_the_consent(client, online_service):
    html = client.get(online_service.url).content.decode()

    form = html.split('class="application-form"')[1].split("</form>")[0]
    for _kind, name, _extra in ALL_KINDS:
        assert f'name="{name}"' in form
    assert 'name="consent"' in form and 'enctype="multipart/form-data"' in form
    assert 'type="date"' in form and 'type="tel"' in form and 'type="email"' in form
    assert 'accept="application/pdf,image/png"' in form


def test_a_valid_application_is_stored_and_the_confirmation_shows_its_reference(
    client, online_service, apply
):
    response = apply(online_service)

    submission = ServiceSubmission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == online_service.url + "apply/done/"
    assert submission.reference not in response["Location"]
    done = client.get(response["Location"])
    assert submission.reference in done.content.decode()
    assert re.fullmatch(r"LYN-\d{4}-\d{6}", submission.reference)
    assert client.session[SESSION_KEY]["reference"] == submission.reference


def test_the_confirmation_without_a_submission_in_the_session_goes_back_to_the_service(
    client, online_service
):
    response = client.get(online_service.url + "apply/done/?reference=LYN-2026-000001")

    assert response.status_code == 302 and response["Location"] == online_service.url


@pytest.mark.parametrize(
    "name, bad_value",
    [
        ("full_name", ""),
        ("story", ""),
        ("email", "not-an-address"),
        ("phone", "12ab"),
        ("birth_date", "17 Agustus"),
        ("trade", "Memasak"),
        ("workers", "500"),
        ("nik", "1234"),
    ],
)
def test_each_kind_of_question_refuses_a_bad_answer_with_a_message_beside_it(
    online_service, apply, name, bad_value
):
    response = apply(online_service, valid_answers(**{name: bad_value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{name}_error"' in html
    assert f'href="#id_{name}"' in html.split('class="error-summary"')[1]  # and in the summary at the top
    assert html.count('class="field__error"') == 1
    assert not ServiceSubmission.objects.exists()


def test_a_missing_file_and_missing_consent_are_refused_beside_their_fields(online_service, apply):
    response = apply(online_service, valid_answers(consent=None), files={})

    html = response.content.decode()
    assert 'id="id_ktp_error"' in html and 'id="id_consent_error"' in html


def test_typed_answers_are_kept_and_the_page_says_to_choose_files_again(online_service, apply, client):
    client.get("/en/")  # nothing special: the Indonesian page keeps the values whatever the language
    response = apply(online_service, valid_answers(nik="1234"))

    html = response.content.decode()
    assert 'value="Siti Aminah"' in html and "Saya ingin ikut pelatihan." in html
    assert 'value="1990-08-17"' in html
    assert 'class="banner banner--warning"' in html  # "choose your files again"


@pytest.mark.parametrize(
    "upload, expected",
    [
        (("big.pdf", b"%PDF-1.4\n" + b"0" * 3000), "file_too_large"),
        (("ktp.pdf", b"MZ\x90\x00 this is an executable"), "file_type"),
        (("ktp.png", b"%PDF-1.4 not a png but allowed? no: jpeg not allowed"), None),
    ],
)
def test_an_oversize_or_wrong_type_upload_is_refused_before_anything_is_stored(
    online_service, apply, settings, upload, expected
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.PUBLIC_UPLOAD_MAX_BYTES = 2048
    name, content = upload
    if expected is None:  # a JPEG where only PDF and PNG are accepted
        import io

        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "JPEG")
        name, content = "ktp.png", buffer.getvalue()
    response = apply(online_service, files={"ktp": SimpleUploadedFile(name, content)})

    assert 'id="id_ktp_error"' in response.content.decode()
    assert not ServiceSubmission.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert stored_files() == []


def test_an_accepted_png_is_stored_privately_with_its_detected_type(online_service, apply):
    from django.core.files.uploadedfile import SimpleUploadedFile

    apply(online_service, files={"ktp": SimpleUploadedFile("foto.jpg", png_bytes())})

    attachment = ServiceSubmission.objects.get().attachments.get()
    assert attachment.detected_type == "png"
    assert stored_files() == [attachment.file.name]
    assert "foto" not in attachment.file.name


def test_too_many_applications_from_one_address_are_refused_with_429(online_service, apply, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"service_submission": (1, 3600), "default": (20, 3600)}
    assert apply(online_service).status_code == 302

    refused = apply(online_service, files={"ktp": pdf_upload()})

    assert refused.status_code == 429
    assert ServiceSubmission.objects.count() == 1


def test_a_get_to_the_apply_address_goes_back_to_the_form(client, online_service):
    response = client.get(online_service.url + "apply/")

    assert response.status_code == 302 and response["Location"].endswith("#how-to-apply")


def test_a_service_without_an_online_form_has_no_apply_address(client, directory):
    from .factories import ServicePageFactory

    counter = ServicePageFactory(parent=directory)

    assert client.post(counter.url + "apply/", {}).status_code == 404
