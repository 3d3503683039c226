from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from services.demo import DEV_SERVER_URL, point_dev_backend_at

# Apps with demo content, in the order their pages may refer to each other.
SEEDERS = [
    "regulations.demo",
    "offices.demo",
    "services.demo",
    "satisfaction.demo",
    "faq.demo",
    "feedback.demo",
    "consultations.demo",
    "news.demo",
    "home.demo",
    "search.demo",
    # Last: it votes on pages the others made.
    "pagefeedback.demo",
]


class Command(BaseCommand):
    help = "Create or refresh the bilingual demo content. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=DEV_SERVER_URL,
            help="Where the development server runs (`make run` passes its HOST and PORT): "
            f"the demo transaction back-end is reached there. Default: {DEV_SERVER_URL}",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        from home.demo import seed_home

        base_url = options["base_url"].rstrip("/")
        homes = seed_home()
        for path in SEEDERS:
            import_module(path).seed(homes)
            self.stdout.write(f"seeded {path}")
        point_dev_backend_at(base_url)
        # Division editors and moderators, their sections and approval workflows.
        call_command("setup_roles", stdout=self.stdout)
        admin = getattr(settings, "DEMO_ADMIN", None)
        if admin:
            self._ensure_demo_admin(admin, base_url)

    def _ensure_demo_admin(self, admin, base_url):
        """Only the development settings define DEMO_ADMIN; production never
        gets a known password."""
        User = get_user_model()
        user, _created = User.objects.get_or_create(
            username=admin["username"], defaults={"is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(admin["password"])
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {base_url}/admin/  user {admin['username']}  password {admin['password']}"
            )
        )
        if apps.is_installed("security"):
            # The admin asks for a second factor: the key for an authenticator app, and today's code.
            call_command("show_totp", admin["username"], stdout=self.stdout)
