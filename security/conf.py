"""The security app's settings, with their defaults (each may be set in config/settings)."""

from django.conf import settings

# The public pages: nothing but the site's own files, no inline script or style.
CSP_PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Wagtail's admin (and Django's) still need inline scripts and styles, blob: images
# (image uploads) and framing by itself (the preview panel).
CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
CROSS_ORIGIN_OPENER_POLICY = "same-origin"
REFERRER_POLICY = "strict-origin-when-cross-origin"


def get(name):
    """settings.SECURITY_<name>, or this module's default."""
    return getattr(settings, f"SECURITY_{name}", globals()[name])


LOGIN_MAX_FAILURES = 5
LOGIN_LOCKOUT_SECONDS = 900
LOGIN_PATHS = ("/admin/login/", "/django-admin/login/")
TWO_FACTOR_REQUIRED = True
TWO_FACTOR_EXEMPT_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",  # the icons, which the 2FA pages themselves load
    "/django-admin/login/",
    "/django-admin/logout/",
)
# Signed-in sessions end after this many seconds without a request (0: never).
SESSION_IDLE_SECONDS = 30 * 60
