"""Development only: the TOTP key of an admin user, and the code valid now.

    manage.py show_totp admin

Creates a confirmed device when the user has none, so the development admin can
sign in without a phone: run it again when asked for a code. Refuses unless DEBUG is on.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security.totp import DEVICE_NAME, config_url, confirmed_device, current_code, secret


class Command(BaseCommand):
    help = "Development only: print an admin user's TOTP key and the current code."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("show_totp prints secrets: it runs only with DEBUG on (development).")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        device = confirmed_device(user)
        if device is None:
            device = user.totpdevice_set.create(name=DEVICE_NAME, confirmed=True)
        self.stdout.write(f"2FA for {username}: key {secret(device)}  (otpauth: {config_url(device)})")
        self.stdout.write(
            f"2FA code now: {current_code(device)}  (valid ~30 s; run `manage.py show_totp {username}` again)"
        )
