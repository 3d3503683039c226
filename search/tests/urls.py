"""The project's URLs with the search app mounted as search/urls.py expects:
``path("search/", include("search.urls"))``. conftest.py uses it only while
config/urls.py still routes search/ to the view alone."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config import urls as project_urls

urlpatterns = [
    *i18n_patterns(path("search/", include("search.urls")), prefix_default_language=True),
    *project_urls.urlpatterns,
]
