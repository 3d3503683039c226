"""The site's URLs with the probes mounted as config/urls.py will mount them."""

from django.urls import include, path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("", include("ops.urls"))] + site_urlpatterns
