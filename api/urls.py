"""Routes of the api app; config/urls.py mounts them at /api/v2/ (with
``views.openapi_json`` at /api/v2/openapi.json) and /opendata/."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from . import views

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.PagesAPIViewSet)
api_router.register_endpoint("images", views.ImagesAPIViewSet)
api_router.register_endpoint("documents", views.DocumentsAPIViewSet)

opendata_patterns = [
    path("<slug:name>.csv", views.dataset_csv, name="opendata_csv"),
    path("<slug:name>.json", views.dataset_json, name="opendata_json"),
]
