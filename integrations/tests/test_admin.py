import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from integrations import outbox
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db

NIK = "1671014404900002"


@pytest.fixture
def messages(destination):
    dead = outbox.enqueue(destination, "ticket.forward", {"nik": NIK})
    OutboxMessage.objects.filter(pk=dead.pk).update(status=OutboxMessage.Status.DEAD, last_error="HTTP 422")
    delivered = outbox.enqueue(destination, "submission.created", {"nik": NIK})
    OutboxMessage.objects.filter(pk=delivered.pk).update(status=OutboxMessage.Status.DELIVERED)
    return {"dead": dead, "delivered": delivered}


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client


@pytest.fixture
def viewer_client(client, django_user_model):
    """An editor with only the "view" permission on the outbox."""
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "pw-for-tests-only")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outboxmessage"),
    )
    client.force_login(user)
    return client


def test_the_list_filters_dead_letters_and_never_shows_the_payload(admin_client, messages):
    everything = admin_client.get(reverse("outbox:index"))
    dead = admin_client.get(reverse("outbox:index"), {"status": "dead"})
    assert everything.status_code == dead.status_code == 200
    assert b"ticket.forward" in everything.content and b"submission.created" in everything.content
    assert b"ticket.forward" in dead.content and b"submission.created" not in dead.content
    assert b"HTTP 422" in dead.content
    assert NIK.encode() not in everything.content


def test_the_inspect_view_shows_metadata_and_a_retry_button_for_a_dead_letter(admin_client, messages):
    response = admin_client.get(reverse("outbox:inspect", args=[messages["dead"].pk]))
    assert response.status_code == 200
    assert messages["dead"].idempotency_key.encode() in response.content
    assert reverse("outbox:retry", args=[messages["dead"].pk]).encode() in response.content
    assert NIK.encode() not in response.content
    delivered = admin_client.get(reverse("outbox:inspect", args=[messages["delivered"].pk]))
    assert reverse("outbox:retry", args=[messages["delivered"].pk]).encode() not in delivered.content


def test_retry_now_resets_a_dead_letter_to_pending(admin_client, messages):
    dead = messages["dead"]
    response = admin_client.post(reverse("outbox:retry", args=[dead.pk]))
    assert response.status_code == 302
    dead.refresh_from_db()
    assert (dead.status, dead.attempts, dead.last_error) == (OutboxMessage.Status.PENDING, 0, "")


def test_retry_needs_a_post(admin_client, messages):
    assert admin_client.get(reverse("outbox:retry", args=[messages["dead"].pk])).status_code == 405


def test_nobody_can_add_edit_or_delete_messages_not_even_a_superuser(admin_client, messages):
    pk = messages["dead"].pk
    for url in [
        reverse("outbox:add"),
        reverse("outbox:edit", args=[pk]),
        reverse("outbox:delete", args=[pk]),
    ]:
        assert admin_client.get(url).status_code != 200
        admin_client.post(url, {"kind": "changed"})
    assert OutboxMessage.objects.count() == 2
    assert OutboxMessage.objects.get(pk=pk).kind == "ticket.forward"


def test_a_viewer_sees_the_list_but_cannot_retry(viewer_client, messages):
    dead = messages["dead"]
    assert viewer_client.get(reverse("outbox:index")).status_code == 200
    inspect = viewer_client.get(reverse("outbox:inspect", args=[dead.pk]))
    assert inspect.status_code == 200
    assert reverse("outbox:retry", args=[dead.pk]).encode() not in inspect.content
    viewer_client.post(reverse("outbox:retry", args=[dead.pk]))
    dead.refresh_from_db()
    assert dead.status == OutboxMessage.Status.DEAD
