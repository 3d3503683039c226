"""Send a status update from the development back-end, as a real back-end would."""

from django.core.management.base import BaseCommand, CommandError

from core.references import normalize_reference
from integrations.models import DevReceivedMessage
from integrations.views import STATUS_CHOICES, StatusUpdateError, send_status_update


class Command(BaseCommand):
    help = (
        "Send a signed status callback for an application the development back-end received, "
        "e.g. `dev_backend_status LYN-2026-000001 completed --message 'Ready at counter 3'`."
    )

    def add_arguments(self, parser):
        parser.add_argument("reference")
        parser.add_argument("status", choices=[code for code, _label in STATUS_CHOICES])
        parser.add_argument("--message", default="", help="Shown to the applicant on the tracking page.")

    def handle(self, *args, reference, status, message, **options):
        reference = normalize_reference(reference)
        received = (
            DevReceivedMessage.objects.filter(payload__reference=reference).order_by("-received_at").first()
        )
        if received is None:
            raise CommandError(f"The development back-end has received nothing for {reference}.")
        try:
            http_status, answer = send_status_update(received, status, message)
        except StatusUpdateError as exc:
            raise CommandError(str(exc)) from exc
        if not 200 <= http_status < 300:
            raise CommandError(f"The site answered HTTP {http_status}: {answer.get('error', '')}")
        self.stdout.write(f"{reference}: {status} ({answer.get('status', http_status)})")
