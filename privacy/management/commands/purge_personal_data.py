"""Remove the personal data of records closed longer ago than the retention
period (PERSONAL_DATA_RETENTION_DAYS), keeping the statistics. Safe to run
again (e.g. nightly from cron): a second run finds nothing and says so."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext

from privacy import services


class Command(BaseCommand):
    help = (
        "Remove the personal data of tickets, applications, questions and comments "
        "closed longer ago than the retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what is due without changing anything."
        )

    def handle(self, *args, dry_run=False, **options):
        result = services.purge_expired(dry_run=dry_run)
        self.stdout.write(
            gettext("Retention period: %(days)s days; records closed before %(cutoff)s are due.")
            % {
                "days": services.retention_days(),
                "cutoff": timezone.localtime(result.cutoff).strftime("%Y-%m-%d %H:%M"),
            }
        )
        if result.nothing_due:
            self.stdout.write(gettext("Nothing is due: no personal data was removed."))
            return
        for label, count in result.lines():
            if count:
                self.stdout.write(f"{label}: {count}")
        if dry_run:
            self.stdout.write(gettext("Dry run: nothing was changed."))
        else:
            self.stdout.write(self.style.SUCCESS(gettext("Personal data removed; the statistics are kept.")))
