# PublishedTicket becomes translatable: its language field becomes a locale.
# Each existing summary gets the locale of its language (created if missing)
# and a translation key of its own.

import uuid

import django.db.models.deletion
from django.db import migrations, models


def language_to_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    PublishedTicket = apps.get_model("feedback", "PublishedTicket")
    locales = {}
    for published in PublishedTicket.objects.all():
        code = published.language or "id"
        if code not in locales:
            locales[code], _created = Locale.objects.get_or_create(language_code=code)
        published.locale = locales[code]
        published.translation_key = uuid.uuid4()
        published.save(update_fields=["locale", "translation_key"])


def locale_to_language(apps, schema_editor):
    PublishedTicket = apps.get_model("feedback", "PublishedTicket")
    for published in PublishedTicket.objects.select_related("locale"):
        published.language = published.locale.language_code
        published.save(update_fields=["language"])


class Migration(migrations.Migration):

    dependencies = [
        ("feedback", "0002_ticket_personal_data_purged_at"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedticket",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="publishedticket",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(language_to_locale, locale_to_language),
        migrations.AlterField(
            model_name="publishedticket",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="publishedticket",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="publishedticket",
            unique_together={("translation_key", "locale")},
        ),
        migrations.RemoveField(
            model_name="publishedticket",
            name="language",
        ),
    ]
