"""The django-tasks entry point: `manage.py db_worker` runs it."""

from django_tasks import task

from . import outbox


@task()
def deliver_due_messages(limit=None):
    """Deliver what is due, then schedule the next run: at once if this run
    stopped at its limit with more due, else (on a backend that can defer,
    such as the database backend) for the earliest waiting retry."""
    limit = limit or outbox.setting("INTEGRATION_BATCH_SIZE")
    counts = outbox.deliver_due(limit)
    if sum(counts.values()) >= limit and outbox.due_ids(1):
        outbox.schedule_delivery()
    else:
        follow_up = outbox.next_retry_at()
        if follow_up is not None:
            outbox.schedule_delivery(run_after=follow_up)
    return counts
