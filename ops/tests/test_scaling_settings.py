"""The settings that switch on a CDN, an Elasticsearch cluster and the request limits, each
read from the environment by config/settings/base.py in a fresh subprocess."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

#: Variables these tests set; each starts without any of them.
VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "FRONTEND_CACHE_PURGE_URL",
    "FRONTEND_CACHE_SECONDS",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFRONT_DISTRIBUTION_ID",
    "PUBLIC_UPLOAD_MAX_BYTES",
    "PUBLIC_UPLOAD_MAX_FILES",
    "REQUEST_BODY_MAX_BYTES",
}


def run(args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    environment.update({"DJANGO_SETTINGS_MODULE": "config.settings.test", **env})
    return subprocess.run(  # noqa: S603 -- the venv's python with fixed arguments
        [sys.executable, *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=300
    )


def setting(expression, **env):
    code = f"import json; from django.conf import settings; print(json.dumps({expression}, default=str))"
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_cdn_nothing_is_purged_or_shared():
    assert setting("[settings.WAGTAILFRONTENDCACHE, settings.FRONTEND_CACHE_SECONDS]") == [{}, 0]


def test_a_purge_url_per_caching_proxy():
    backends = setting(
        "settings.WAGTAILFRONTENDCACHE",
        FRONTEND_CACHE_PURGE_URL="http://10.0.0.10:8081, http://10.0.0.20:8081",
    )

    assert backends == {
        "http0": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://10.0.0.10:8081",
        },
        "http1": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://10.0.0.20:8081",
        },
    }


def test_with_a_cdn_pages_are_shared_for_five_minutes_unless_set():
    assert setting("settings.FRONTEND_CACHE_SECONDS", FRONTEND_CACHE_PURGE_URL="http://cache:8081") == 300
    assert (
        setting(
            "settings.FRONTEND_CACHE_SECONDS",
            FRONTEND_CACHE_PURGE_URL="http://c",
            FRONTEND_CACHE_SECONDS="60",
        )
        == 60
    )


def test_translated_urls_are_purged_as_they_are():
    assert setting("settings.WAGTAILFRONTENDCACHE_LANGUAGES") == []


def test_cloudflare_takes_the_zone_and_a_token():
    backend = setting(
        "settings.WAGTAILFRONTENDCACHE['cloudflare']",
        CLOUDFLARE_ZONE_ID="zone123",
        CLOUDFLARE_API_TOKEN="tok",
    )

    assert backend == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": "tok",
        "ZONEID": "zone123",
    }


def test_cloudflare_without_a_token_refuses_to_start():
    result = run(["-c", "import django; django.setup()"], CLOUDFLARE_ZONE_ID="zone123")

    assert result.returncode != 0
    assert "CLOUDFLARE_API_TOKEN" in result.stderr.splitlines()[-1]


@pytest.mark.skipif(importlib.util.find_spec("boto3") is not None, reason="boto3 is installed here")
def test_cloudfront_without_boto3_fails_the_system_check():
    result = run(["manage.py", "check"], CLOUDFRONT_DISTRIBUTION_ID="E123EXAMPLE")

    assert result.returncode != 0
    assert "ops.E001" in result.stderr


def test_an_elasticsearch_cluster_is_a_comma_separated_list():
    urls = setting(
        "settings.WAGTAILSEARCH_BACKENDS['default']['URLS']",
        ELASTICSEARCH_URL="http://es1:9200,http://es2:9200",
    )

    assert urls == ["http://es1:9200", "http://es2:9200"]


def test_the_body_limit_is_five_files_at_the_largest_size_plus_one_mebibyte():
    assert setting("settings.REQUEST_BODY_MAX_BYTES") == 5 * 5 * 1024 * 1024 + 1024 * 1024


def test_the_body_limit_follows_the_upload_limit():
    limit = setting("settings.REQUEST_BODY_MAX_BYTES", PUBLIC_UPLOAD_MAX_BYTES=str(10 * 1024 * 1024))

    assert limit == 5 * 10 * 1024 * 1024 + 1024 * 1024


def test_the_body_limit_always_fits_an_editor_s_document():
    limit = setting("settings.REQUEST_BODY_MAX_BYTES", PUBLIC_UPLOAD_MAX_BYTES="1000")

    assert limit == 20 * 1024 * 1024 + 1024 * 1024
