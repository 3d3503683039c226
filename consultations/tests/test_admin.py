import pytest

from consultations.models import ConsultationComment
from consultations.tests.factories import ConsultationCommentFactory

QUEUE = "/admin/consultation-comments/"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("moderator", "m@example.com", "secret-password-123")
    client.force_login(user)
    return client


def listing(response):
    html = response.content.decode()
    start = html.index('<table class="listing')
    return html[start : html.index("</table>", start)]


def test_the_queue_filters_by_status(admin_client, consultation):
    waiting = ConsultationCommentFactory(consultation=consultation)
    done = ConsultationCommentFactory(consultation=consultation, status="approved")

    html = listing(admin_client.get(QUEUE + "?status=pending"))

    assert f"/edit/{waiting.pk}/" in html
    assert f"/edit/{done.pk}/" not in html


def test_a_moderator_approves_and_replies(admin_client, client, consultation):
    comment = ConsultationCommentFactory(consultation=consultation, comment="Tolong perjelas pasal 4.")

    response = admin_client.post(
        QUEUE + f"edit/{comment.pk}/", {"status": "approved", "reply": "Pasal 4 sudah kami perjelas."}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == ConsultationComment.APPROVED
    assert comment.moderated_at is not None and comment.replied_at is not None
    html = client.get(consultation.url).content.decode()
    assert "Tolong perjelas pasal 4." in html
    assert "Pasal 4 sudah kami perjelas." in html


def test_moderators_cannot_change_what_the_public_wrote(admin_client, consultation):
    comment = ConsultationCommentFactory(consultation=consultation, comment="Asli")

    admin_client.post(QUEUE + f"edit/{comment.pk}/", {"status": "approved", "reply": "", "comment": "Diubah"})

    comment.refresh_from_db()
    assert comment.comment == "Asli"


def test_the_queue_needs_permission(client, django_user_model, consultation):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", "e@example.com", "secret-password-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(QUEUE).status_code in (302, 403)
