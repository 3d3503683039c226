"""The lookup hash of the e-mail address of comments sent before it existed."""

from django.db import migrations


def backfill(apps, schema_editor):
    from core.crypto import contact_hash

    ConsultationComment = apps.get_model("consultations", "ConsultationComment")
    for comment in ConsultationComment.objects.filter(email_hash="").exclude(email="").iterator():
        ConsultationComment.objects.filter(pk=comment.pk).update(email_hash=contact_hash(comment.email))


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_comment_email_hash_and_purge"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
