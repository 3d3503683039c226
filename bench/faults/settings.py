"""Settings for the fault scripts: production-like (DEBUG off, the error pages visitors
see, the production rate limits of public forms), served over plain HTTP on loopback.

Differences from production, each for a reason: no minimum time to fill a form (the
scripts fill it at once), plain static storage (no collectstatic), e-mail to memory.
The database, the cache, Elasticsearch, the page cache and the proxy count come from the
environment the scripts give gunicorn (bench/faults/harness.py)."""

import os

from config.settings.base import *  # noqa: F403

SECRET_KEY = "bench-faults-only-key"  # noqa: S105 - a local script, never served
DEBUG = False
ALLOWED_HOSTS = ["*"]
PUBLIC_FORM_MIN_SECONDS = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# The scripts' own process seeds the demo content with its tasks (reference index, search
# index) run at once, so that none is left queued for the worker a scenario starts.
if os.environ.get("FAULTS_SEEDING") == "1":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
