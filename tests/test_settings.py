"""The settings modules, each imported fresh in a subprocess with a chosen environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

#: Variables the settings read; each test starts without any of them.
SETTINGS_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "SECRET_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "FIELD_HASH_KEY",
    "PRIVATE_MEDIA_ROOT",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_INDEX_PREFIX",
    "REDIS_URL",
    "EMAIL_BACKEND",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "SECURE_SSL_REDIRECT",
    "INTEGRATION_SERVICES_URL",
    "INTEGRATION_SERVICES_SECRET",
    "INTEGRATION_LAPOR_URL",
    "INTEGRATION_LAPOR_SECRET",
    # Set by the browser tests' conftest for Playwright; a deployment never has it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run(args, **env):
    """``sys.executable`` (the venv's python) in the project folder, with only ``env`` set."""
    environment = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=600
    )


def read_settings(module, expression, **env):
    """The JSON value of ``expression`` (over ``settings``) under ``module``."""
    code = f"import json; from django.conf import settings; print(json.dumps({expression}, default=str))"
    result = run(["-c", code], **{**env, "DJANGO_SETTINGS_MODULE": module})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def production_env(tmp_path, **env):
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": "aGVyZS1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE=",
        "FIELD_HASH_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "disnaker.palembang.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        **env,
    }


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run(["-c", "import config.settings.production"])

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("variable", ["FIELD_ENCRYPTION_KEYS", "FIELD_HASH_KEY"])
def test_production_settings_refuse_to_start_without_the_personal_data_keys(tmp_path, variable):
    env = production_env(tmp_path)
    del env[variable]

    result = run(["-c", "import django; django.setup()"], **env)

    assert result.returncode != 0
    assert variable in result.stderr.splitlines()[-1]


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    # A real deployment also names the back-ends that service forms and
    # complaints are forwarded to; without them the integrations app warns.
    destinations = {}
    for name in ("SERVICES", "LAPOR"):
        destinations[f"INTEGRATION_{name}_URL"] = f"https://{name.lower()}.example.org/inbox"
        destinations[f"INTEGRATION_{name}_SECRET"] = secrets.token_hex(32)
    env = production_env(tmp_path, **destinations)

    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_development_settings_need_nothing_installed():
    database, email_backend, debug = read_settings(
        "config.settings.dev", '[settings.DATABASES["default"], settings.EMAIL_BACKEND, settings.DEBUG]'
    )

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert email_backend == "django.core.mail.backends.console.EmailBackend"
    assert debug is True


def test_database_url_selects_the_database():
    engine, name, host, max_age = read_settings(
        "config.settings.dev",
        '[settings.DATABASES["default"][key] for key in ("ENGINE", "NAME", "HOST", "CONN_MAX_AGE")]',
        DATABASE_URL="postgres://disnaker@db.example:5432/disnaker",
        DATABASE_CONN_MAX_AGE="0",
    )

    assert (engine, name, host, max_age) == ("django.db.backends.postgresql", "disnaker", "db.example", 0)


@pytest.mark.parametrize("module", ["config.settings.dev", "config.settings.production"])
def test_redis_url_selects_the_redis_cache_and_no_url_local_memory(module, tmp_path):
    env = production_env(tmp_path) if module.endswith("production") else {}

    with_redis = read_settings(module, 'settings.CACHES["default"]', REDIS_URL="redis://cache:6379/1", **env)
    without = read_settings(module, 'settings.CACHES["default"]', **env)

    assert with_redis["BACKEND"] == "core.cache.TolerantRedisCache"
    assert with_redis["LOCATION"] == "redis://cache:6379/1"
    assert without["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


#: The classes (with their bases) of the default search backend, as Wagtail builds it.
DEFAULT_SEARCH_BACKEND_CLASSES = (
    "__import__('django').setup() or "
    "[f'{c.__module__}.{c.__name__}' for c in type(__import__('wagtail.search.backends', fromlist=['x'])"
    ".get_search_backend('default')).__mro__]"
)


@pytest.mark.parametrize("module", ["config.settings.dev", "config.settings.production"])
def test_elasticsearch_url_selects_elasticsearch_and_no_url_the_database(module, tmp_path):
    env = production_env(tmp_path) if module.endswith("production") else {}
    es = {"ELASTICSEARCH_URL": "http://search:9200"}

    with_search = read_settings(module, 'settings.WAGTAILSEARCH_BACKENDS["default"]', **es, **env)
    with_search_classes = read_settings(module, DEFAULT_SEARCH_BACKEND_CLASSES, **es, **env)
    without_classes = read_settings(module, DEFAULT_SEARCH_BACKEND_CLASSES, **env)

    assert with_search["BACKEND"].endswith(".elasticsearch9")
    assert with_search["URLS"] == ["http://search:9200"]
    assert with_search["INDEX_PREFIX"] == "disnaker_"
    assert any(name.endswith(".elasticsearch9.Elasticsearch9SearchBackend") for name in with_search_classes)
    assert any(".backends.database." in name for name in without_classes)
    assert not any("elasticsearch" in name for name in without_classes)


def test_production_serves_compressed_fingerprinted_static_files(tmp_path):
    values = read_settings(
        "config.settings.production",
        '[settings.STORAGES["staticfiles"]["BACKEND"], settings.DEBUG, settings.SECURE_SSL_REDIRECT,'
        ' "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE]',
        **production_env(tmp_path),
    )

    assert values == ["whitenoise.storage.CompressedManifestStaticFilesStorage", False, True, True]


def test_seed_demo_under_production_settings_creates_no_user(tmp_path):
    env = production_env(tmp_path)
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
        result = run(["manage.py", *command], **env)
        assert result.returncode == 0, result.stdout + result.stderr
    assert "password" not in result.stdout.lower()

    count_users = "from django.contrib.auth import get_user_model; print(get_user_model().objects.count())"
    count = run(["manage.py", "shell", "-c", count_users], **env)

    assert count.returncode == 0, count.stderr
    assert count.stdout.split()[-1] == "0"
