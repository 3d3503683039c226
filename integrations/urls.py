"""Mounted by config/urls.py only when DEBUG or INTEGRATION_DEV_BACKEND is on."""

from django.urls import path

from . import views

app_name = "integrations"

urlpatterns = [
    path("dev-backend/<slug:name>/", views.dev_backend, name="dev_backend"),
]
