"""pytest: `make test`. PostgreSQL when DATABASE_URL is set (CI), else SQLite."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# The database search backend, as in production, unless ELASTICSEARCH_URL is set (then
# base.py makes Elasticsearch the default, the database backend its fallback).
if not env("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {"default": SEARCH_DATABASE_BACKEND}  # noqa: F405
# Admin tests log in with force_login; security/tests turn the second factor on.
SECURITY_TWO_FACTOR_REQUIRED = False
# Each test sees what it just created; the page-cache tests turn it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
# Forms may be sent at once in tests; the timing tests set their own minimum.
PUBLIC_FORM_MIN_SECONDS = 0
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
