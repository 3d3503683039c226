"""The two ways delivery runs: the django-tasks task (db_worker) and the command."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from integrations import outbox
from integrations.models import OutboxMessage
from integrations.tasks import deliver_due_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)  # db_worker closes the connection between tasks
def test_the_commit_queues_one_task_that_db_worker_runs(destination, stub, database_tasks):
    with transaction.atomic():
        messages = [outbox.enqueue(destination, "submission.created", {"n": n}) for n in range(3)]
    with transaction.atomic():
        messages.append(outbox.enqueue(destination, "submission.created", {"n": 3}))
    # Four messages, two commits, one waiting run: it will see them all.
    assert DBTaskResult.objects.filter(task_path=deliver_due_messages.module_path).count() == 1
    assert stub.requests == []  # queued, not yet run
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
    assert len(stub.requests) == 4
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxMessage.Status.DELIVERED}


def test_a_retry_schedules_one_deferred_run_at_the_next_attempt(destination, stub, database_tasks):
    stub.default = (503, {}, 0)
    first = outbox.enqueue(destination, "x", {"n": 1})
    second = outbox.enqueue(destination, "x", {"n": 2})
    deliver_due_messages.call()
    deliver_due_messages.call()  # a second run does not pile up another scheduled task
    scheduled = DBTaskResult.objects.filter(task_path=deliver_due_messages.module_path)
    assert scheduled.count() == 1
    earliest = min(
        OutboxMessage.objects.filter(pk__in=[first.pk, second.pk]).values_list("next_attempt_at", flat=True)
    )
    assert scheduled.get().run_after == earliest


def test_deliver_outbox_once_reports_what_it_did(destination, stub, capsys):
    stub.respond(200, 400)
    outbox.enqueue(destination, "x", {"n": 1})
    outbox.enqueue(destination, "x", {"n": 2})
    call_command("deliver_outbox")
    assert capsys.readouterr().out.strip() == "dead: 1, delivered: 1"
    call_command("deliver_outbox")
    assert capsys.readouterr().out.strip() == "nothing due"
