"""The project's URLs with the survey mounted as satisfaction/urls.py expects:
``path("survey/", include("satisfaction.urls"))`` inside i18n_patterns. conftest.py uses
it only while config/urls.py does not include satisfaction.urls yet."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config import urls as project_urls

urlpatterns = [
    *i18n_patterns(path("survey/", include("satisfaction.urls")), prefix_default_language=True),
    *project_urls.urlpatterns,
]
