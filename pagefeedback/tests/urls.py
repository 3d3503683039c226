"""The project's URLs with page feedback mounted as config/urls.py will mount it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as project_urlpatterns

urlpatterns = (
    i18n_patterns(path("page-feedback/", include("pagefeedback.urls")), prefix_default_language=True)
    + project_urlpatterns
)
