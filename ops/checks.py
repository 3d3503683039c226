"""System checks for the front-end cache settings."""

import importlib.util

from django.conf import settings
from django.core.checks import Error, register

from .frontendcache import CLOUDFRONT


@register()
def cloudfront_needs_boto3(app_configs=None, **kwargs):
    """CloudFront is purged through boto3, which requirements.txt does not install: without
    it every purge would fail in the worker, long after the deploy."""
    backends = (getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}).values()
    cloudfront = any(config.get("BACKEND") == CLOUDFRONT for config in backends)
    if cloudfront and not importlib.util.find_spec("boto3"):
        return [
            Error(
                "CLOUDFRONT_DISTRIBUTION_ID is set but boto3 is not installed.",
                hint="pip install boto3 (and give it AWS credentials), or unset CLOUDFRONT_DISTRIBUTION_ID.",
                id="ops.E001",
            )
        ]
    return []
