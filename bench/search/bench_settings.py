"""Settings for the search benchmark: production-like (DEBUG off, no query logging),
with any host allowed for the test client and tasks run at once."""

from config.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-key"  # noqa: S105 - a local benchmark, never served
DEBUG = False
ALLOWED_HOSTS = ["*"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Plain static storage (no collectstatic needed); the rest as in base.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The project's URLs with search/urls.py mounted (the suggestion endpoint), whether or not
# config/urls.py includes it yet.
ROOT_URLCONF = "search.tests.urls"
