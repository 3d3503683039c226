"""Mounted at the site root, outside the language prefix: /healthz, /readyz and the page
the reverse proxy shows for a body it refused as too large (deploy/nginx.conf.example)."""

from django.urls import path

from . import limits, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("request-too-large", limits.request_too_large_view, name="request_too_large"),
]
