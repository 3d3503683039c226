"""The project's URLs plus the development back-end, as config/urls.py mounts it under DEBUG."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("integrations/", include("integrations.urls")), *project_urlpatterns]
