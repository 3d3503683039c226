"""Production: gunicorn behind a TLS-terminating proxy."""

from security.conf import CSP_PUBLIC

from .base import *  # noqa: F403
from .base import env_bool, env_list, require_env

SECRET_KEY = require_env("SECRET_KEY")
# Personal data at rest needs keys of its own, kept apart from SECRET_KEY.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS") or require_env("FIELD_ENCRYPTION_KEYS")
FIELD_HASH_KEY = require_env("FIELD_HASH_KEY")
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 8
EMAIL_TIMEOUT = 10
SECURITY_CSP_PUBLIC = {**CSP_PUBLIC, "upgrade-insecure-requests": True}
