"""Production settings plus the security app, for the Observatory bench.

Once config/settings/base.py carries the security app and its middleware, this adds nothing.
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import INSTALLED_APPS, MIDDLEWARE

for _app in ("django_otp", "django_otp.plugins.otp_totp", "security"):
    if _app not in INSTALLED_APPS:
        INSTALLED_APPS = [*INSTALLED_APPS, _app]

if "security.middleware.SecurityHeadersMiddleware" not in MIDDLEWARE:
    _after = {
        "django.middleware.security.SecurityMiddleware": ["security.middleware.SecurityHeadersMiddleware"],
        "django.contrib.messages.middleware.MessageMiddleware": [
            "django_otp.middleware.OTPMiddleware",
            "security.middleware.IdleSessionMiddleware",
            "security.middleware.LoginLockoutMiddleware",
            "security.middleware.TwoFactorRequiredMiddleware",
        ],
    }
    MIDDLEWARE = [name for entry in MIDDLEWARE for name in (entry, *_after.get(entry, []))]

# The production public policy (upgrade-insecure-requests), as config/settings/production.py should set it.
from security.conf import CSP_PUBLIC as _CSP_PUBLIC  # noqa: E402

SECURITY_CSP_PUBLIC = globals().get("SECURITY_CSP_PUBLIC", {**_CSP_PUBLIC, "upgrade-insecure-requests": True})
