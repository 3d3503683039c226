"""System checks for INTEGRATION_DESTINATIONS."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


@checks.register()
def check_destinations(app_configs, **kwargs):
    errors = []
    for name, options in getattr(settings, "INTEGRATION_DESTINATIONS", {}).items():
        path = options.get("ADAPTER", "integrations.adapters.HttpJsonAdapter")
        try:
            import_string(path)(name, options)
        except ImportError:
            errors.append(
                checks.Error(
                    f"Destination {name!r}: adapter {path!r} cannot be imported.", id="integrations.E001"
                )
            )
        except ImproperlyConfigured as exc:
            errors.append(checks.Error(f"{exc}", id="integrations.E002"))
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_stand_ins(app_configs, **kwargs):
    return [
        checks.Warning(
            f"Destination {name!r} uses the logging stand-in: its messages are not sent anywhere.",
            hint=f"Set INTEGRATION_{name.upper()}_URL and INTEGRATION_{name.upper()}_SECRET.",
            id="integrations.W001",
        )
        for name, options in getattr(settings, "INTEGRATION_DESTINATIONS", {}).items()
        if options.get("ADAPTER", "").endswith(".LoggingAdapter")
    ]
