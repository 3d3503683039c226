"""When questions already dealt with were closed: the latest of their answer
time and their last edit in the admin (Wagtail's log), else when they arrived."""

from django.db import migrations

CLOSED_STATUSES = ("answered", "published", "rejected")


def backfill(apps, schema_editor):
    AskedQuestion = apps.get_model("faq", "AskedQuestion")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="faq", model="askedquestion").first()
    questions = AskedQuestion.objects.filter(status__in=CLOSED_STATUSES, closed_at__isnull=True)
    for question in questions.only("pk", "created_at", "answered_at").iterator():
        moments = [question.answered_at]
        if content_type is not None:
            last_edit = (
                ModelLogEntry.objects.filter(content_type=content_type, object_id=str(question.pk))
                .order_by("-timestamp")
                .values_list("timestamp", flat=True)
                .first()
            )
            moments.append(last_edit)
        moments = [moment for moment in moments if moment is not None]
        closed_at = max(moments) if moments else question.created_at
        AskedQuestion.objects.filter(pk=question.pk).update(closed_at=closed_at)


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0002_asked_question_division_and_closing"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
