from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Probes for load balancers and orchestrators (/healthz, /readyz), request limits,
    and purging the front-end cache."""

    name = "ops"
    verbose_name = "Operations"

    def ready(self):
        from . import checks, frontendcache  # noqa: F401 -- checks registers itself

        frontendcache.connect_signals()
