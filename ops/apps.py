from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Probes for load balancers and orchestrators: /healthz and /readyz."""

    name = "ops"
    verbose_name = "Operations"
