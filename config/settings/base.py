"""Settings shared by every environment.

The environment is read here and only here (see ``env`` below); the
dev/test/production modules change defaults, never read variables themselves.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, one capability each.
    "core",
    "home",
    "news",
    "regulations",
    "offices",
    "services",
    "satisfaction",
    "faq",
    "feedback",
    "pagefeedback",
    "consultations",
    "governance",
    "search",
    "integrations",
    "api",
    "ops",
    "security",
    "reports",
    "privacy",
    # Wagtail and friends.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # Purges pages from a CDN or caching proxy when published (WAGTAILFRONTENDCACHE).
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (strict on public pages, looser under /admin/) and friends.
    "security.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML; static files are pre-compressed by WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    # Lets a CDN keep anonymous pages without forms (ops.frontendcache). Keep it outside
    # (above) the page cache, session and CSRF middleware: it reads the cookies they set.
    "ops.frontendcache.SharedCacheMiddleware",
    # Anonymous page views from the cache (core.pagecache): a visitor without a session
    # is answered here, before the session, locale, CSRF and staff middleware (what they
    # add to a page is stored with it); the security headers above still apply.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, but a 404 outside /id/ and /en/ stays a 404 unless a page is there (core/middleware.py).
    "core.middleware.LocaleMiddleware",
    # Oversized bodies (413) and floods of form posts (429), refused before the body is
    # read; after the locale, so the refusal speaks the visitor's language (ops.limits).
    "ops.limits.RequestLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff: a TOTP second factor, a lock-out after failed logins, idle sessions end.
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.IdleSessionMiddleware",
    "security.middleware.LoginLockoutMiddleware",
    "security.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The site and the page a path leads to, remembered per cache generation (core.routing).
    "core.routing.RoutingMemoMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/disnaker; an SQLite
# file next to manage.py when unset, so a newcomer needs nothing installed.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Survives Redis going away: every call then acts as a miss (core/cache.py).
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "disnaker",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Seconds an anonymous page view is kept in the cache (core.pagecache); 0 turns it off.
# Publishing anything makes every cached page stale at once.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
# Seconds a miss waits for another request already rendering the same page (the first
# views after a publish) and is then served its result, instead of rendering the page
# too; also how long the claim of a request that died while rendering lasts. 0: every
# miss renders.
PAGE_CACHE_RENDER_WAIT_SECONDS = float(env("PAGE_CACHE_RENDER_WAIT_SECONDS", "5"))

# A CDN or caching proxy in front of the site (ops.frontendcache, docs/scaling.md): pages
# are purged from it when published, and anonymous pages without forms say
# "s-maxage=FRONTEND_CACHE_SECONDS" so it may keep them. Any of:
#   FRONTEND_CACHE_PURGE_URL: Varnish or nginx taking HTTP PURGE (comma-separated for several);
#   CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN (a token allowed to purge that zone);
#   CLOUDFRONT_DISTRIBUTION_ID (needs boto3; AWS credentials as boto3 finds them).
WAGTAILFRONTENDCACHE = {
    f"http{number}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL"))
}
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": require_env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# Each URL is purged as it is: translations have slugs of their own (/id/berita/…,
# /en/news/…), so swapping the language prefix would name pages that do not exist;
# ops.frontendcache purges the translations themselves.
WAGTAILFRONTENDCACHE_LANGUAGES = []
FRONTEND_CACHE_SECONDS = int(env("FRONTEND_CACHE_SECONDS", "300" if WAGTAILFRONTENDCACHE else "0"))
# Seconds the header, menus and footer are kept per page and language (core.fragments),
# under the same generation as the page cache; 0 renders them on every view.
FRAGMENT_CACHE_SECONDS = int(env("FRAGMENT_CACHE_SECONDS", "600"))

# Search; `manage.py update_index` rebuilds every configured index.
# Wagtail's database backend by default: PostgreSQL full-text search with a text-search
# configuration per language (search.backends.database), SQLite FTS5 under `make run`.
# With ELASTICSEARCH_URL set, Elasticsearch 9 answers and the database index is kept up to
# date beside it, so searches fall back to it when Elasticsearch cannot be reached.
SEARCH_DATABASE_BACKEND = {
    "BACKEND": "search.backends.database",
    "SEARCH_CONFIG": "indonesian",
    "SEARCH_CONFIGS": {"id": "indonesian", "en": "english"},
}
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            # Comma-separated for a cluster: the client spreads requests over the nodes.
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "disnaker_"),
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
        },
        "database": SEARCH_DATABASE_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": SEARCH_DATABASE_BACKEND}
# After Elasticsearch fails, searches go to the database backend for this long
# before Elasticsearch is tried again (search.services.with_fallback).
SEARCH_BACKEND_RETRY_SECONDS = int(env("SEARCH_BACKEND_RETRY_SECONDS", "30"))

# Background work (e-mail, forwarding) runs through django-tasks with the
# database backend: no broker to operate. `manage.py db_worker` runs tasks.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Disnaker Kota Palembang <noreply@disnaker.palembang.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


# Outgoing messages (integrations app): every destination names its adapter.
# INTEGRATION_<NAME>_URL and _SECRET set one up; without a URL it uses the
# logging stand-in, which `manage.py check --deploy` reports.
def integration_destination(name):
    prefix = f"INTEGRATION_{name.upper()}_"
    if not env(prefix + "URL"):
        return {"ADAPTER": "integrations.adapters.LoggingAdapter"}
    return {
        "ADAPTER": "integrations.adapters.HttpJsonAdapter",
        "URL": env(prefix + "URL"),
        "SECRET": env(prefix + "SECRET", ""),
        "TIMEOUT": float(env(prefix + "TIMEOUT", "10")),
        "CONNECT_TIMEOUT": float(env(prefix + "CONNECT_TIMEOUT", "5")),
    }


INTEGRATION_DESTINATIONS = {
    "services": integration_destination("services"),  # transaction back-end: service submissions
    "lapor": integration_destination("lapor"),  # SP4N-LAPOR!: complaint tickets
    "email": {"ADAPTER": "integrations.adapters.EmailAdapter", "TIMEOUT": 10},  # notification e-mails
}
INTEGRATION_MAX_ATTEMPTS = int(env("INTEGRATION_MAX_ATTEMPTS", "16"))
INTEGRATION_RETRY_BASE_SECONDS = float(env("INTEGRATION_RETRY_BASE_SECONDS", "30"))
INTEGRATION_RETRY_CAP_SECONDS = float(env("INTEGRATION_RETRY_CAP_SECONDS", "3600"))
INTEGRATION_LEASE_SECONDS = int(env("INTEGRATION_LEASE_SECONDS", "300"))
INTEGRATION_BATCH_SIZE = int(env("INTEGRATION_BATCH_SIZE", "100"))
INTEGRATION_SIGNATURE_MAX_AGE = int(env("INTEGRATION_SIGNATURE_MAX_AGE", "300"))
# Mounts integrations/dev-backend/<name>/ when DEBUG is off (e.g. on a staging host).
INTEGRATION_DEV_BACKEND = env_bool("INTEGRATION_DEV_BACKEND")

# Admin hardening and HTTP security (security app). The Content-Security-Policies,
# SECURITY_CSP_PUBLIC and SECURITY_CSP_ADMIN, default to those in security/conf.py.
SECURITY_LOGIN_MAX_FAILURES = 5
SECURITY_LOGIN_LOCKOUT_SECONDS = 900
SECURITY_SESSION_IDLE_SECONDS = 30 * 60
OTP_TOTP_ISSUER = "Disnaker Kota Palembang"

# Who hears of new tickets, questions and consultation comments (besides a
# ticket's division): comma-separated addresses.
DIALOGUE_NOTIFY_EMAILS = env_list("DIALOGUE_NOTIFY_EMAILS")
# Working days to answer a ticket, by type. Requests for public information
# (PPID) are fixed by Law 14/2008: 10 working days, extendable once by 7.
TICKET_RESPONSE_WORKING_DAYS = {"complaint": 5, "aspiration": 10, "suggestion": 10}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian first: the default language, served under /id/; English under /en/.
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Fingerprinted files (every {% static %} address) never change: WhiteNoise marks them
# immutable for ten years whatever this says. This is for the few addresses without a
# fingerprint (/favicon.ico leads to one), which may change under the same name.
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Uploads from the public (service applications, tickets): private storage,
# outside MEDIA_ROOT and without a URL; staff download them through
# permission-checked views. One limit, used by the check and by its message.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}
PUBLIC_UPLOAD_MAX_BYTES = int(env("PUBLIC_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))

# Personal data at rest: Fernet keys (the first encrypts, all decrypt, so keys
# can be rotated) and the key of the hashes used for lookups (NIK, contact).
# Derived from SECRET_KEY unless set; production requires both (production.py).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
FIELD_HASH_KEY = env("FIELD_HASH_KEY")
# Days after a ticket, application, question or comment is closed before
# `manage.py purge_personal_data` removes its personal data (privacy app).
PERSONAL_DATA_RETENTION_DAYS = int(env("PERSONAL_DATA_RETENTION_DAYS", "730"))

# Public forms: a honeypot, a minimum time to fill, and per-address rate
# limits as (requests, window in seconds) per scope; the message a visitor
# sees names the same window.
PUBLIC_FORM_MIN_SECONDS = 3
PUBLIC_FORM_MAX_AGE_SECONDS = 24 * 3600
PUBLIC_FORM_RATE_LIMITS = {
    "default": (20, 3600),
    # Every form post from one address, whichever form: a flood is refused before the
    # body is read (ops.limits); each form's own limit below still applies.
    "any_form": (30, 60),
    "service_submission": (10, 3600),
    "ticket": (5, 3600),
    "tracking": (10, 900),
    "faq_vote": (60, 3600),
    "faq_question": (5, 3600),
    "page_feedback": (60, 3600),
    "consultation_comment": (10, 3600),
    "survey": (10, 3600),
}
# How many proxies in front of the site append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

WAGTAIL_SITE_NAME = "Dinas Tenaga Kerja Kota Palembang"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx", "ods", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Request limits (ops.limits; deploy/nginx.conf.example sets the same in the proxy).
# The largest body a request may have: a public form with PUBLIC_UPLOAD_MAX_FILES files at
# the largest size each (5 × 5 MB), or an editor's document upload, plus 1 MiB for the
# other fields; 26 MiB by default. Larger ones get 413 before they are read.
PUBLIC_UPLOAD_MAX_FILES = int(env("PUBLIC_UPLOAD_MAX_FILES", "5"))
_LARGEST_UPLOADS = max(PUBLIC_UPLOAD_MAX_FILES * PUBLIC_UPLOAD_MAX_BYTES, WAGTAILDOCS_MAX_UPLOAD_SIZE)
REQUEST_BODY_MAX_BYTES = int(env("REQUEST_BODY_MAX_BYTES", str(_LARGEST_UPLOADS + 1024 * 1024)))
# The fields of a form, files aside (Django's default, 2.5 MiB, stated): the longest
# admin page is a fraction of it. More gives 413 (RequestDataTooBig, ops.limits).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploaded files above 1 MiB are spooled to a temporary file rather than kept in memory,
# so many uploads at once do not grow the workers.
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
# Files in one request: the longest public form asks for a few; editors upload one at a time.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "jpeg": "webp", "png": "webp", "gif": "webp"}
# No calls to Gravatar or to Wagtail's update check from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_HITS_MAX_AGE = 90
# The public API (api app): at most 50 items per request.
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
