"""Until the lead adds the security app to config/settings, these tests install it
(with django-otp and the middleware) for their own run only; once the settings carry
it, this does nothing."""

import pytest
from django.apps import AppConfig, apps
from django.conf import settings

APPS = ["django_otp", "django_otp.plugins.otp_totp", "security"]
MIDDLEWARE_AFTER = {
    "django.middleware.security.SecurityMiddleware": ["security.middleware.SecurityHeadersMiddleware"],
    "django.contrib.messages.middleware.MessageMiddleware": [
        "django_otp.middleware.OTPMiddleware",
        "security.middleware.IdleSessionMiddleware",
        "security.middleware.LoginLockoutMiddleware",
        "security.middleware.TwoFactorRequiredMiddleware",
    ],
}


def _install_missing_apps():
    """Adds the apps to the already loaded registry (apps.populate cannot run twice:
    Wagtail's ready() methods refuse), before the test database is created."""
    missing = [entry for entry in APPS if entry not in settings.INSTALLED_APPS]
    if not missing:
        return
    configs = [AppConfig.create(entry) for entry in missing]
    for config in configs:
        config.apps = apps
        config.models = apps.all_models[config.label]
        apps.app_configs[config.label] = config
    for config in configs:
        config.import_models()
    apps.clear_cache()
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, *missing]
    for config in configs:
        config.ready()
    import security.wagtail_hooks  # noqa: F401  (registers the admin URLs)


_install_missing_apps()


def with_security_middleware(middleware):
    if "security.middleware.SecurityHeadersMiddleware" in middleware:
        return list(middleware)
    result = []
    for name in middleware:
        result.append(name)
        result.extend(MIDDLEWARE_AFTER.get(name, []))
    return result


# For the whole run (the live server of the browser tests loads its middleware once).
settings.MIDDLEWARE = with_security_middleware(settings.MIDDLEWARE)


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    """config.settings.test may turn 2FA off for the other apps' admin tests; here it is on."""
    settings.SECURITY_TWO_FACTOR_REQUIRED = True
