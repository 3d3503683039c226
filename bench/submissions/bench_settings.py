"""Settings for the submissions benchmark: production-like (DEBUG off), served over plain
HTTP on loopback, with the abuse limits of public forms lifted so that one address may send
hundreds of applications (the limits themselves are tested in core/tests)."""

from config.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-key"  # noqa: S105 - a local benchmark, never served
DEBUG = False
ALLOWED_HOSTS = ["*"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
PUBLIC_FORM_MIN_SECONDS = 0
PUBLIC_FORM_RATE_LIMITS = {"default": (10**9, 3600)}
PAGE_CACHE_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": STORAGES["private"],  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Confirmation e-mails still go through the outbox, to memory instead of an SMTP server.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
