"""Mounted by config/urls.py only when DEBUG or INTEGRATION_DEV_BACKEND is on."""

from django.urls import path

from . import views

app_name = "integrations"

urlpatterns = [
    path("dev-backend/", views.dev_backend_messages, name="dev_backend_messages"),
    path(
        "dev-backend/messages/<int:pk>/status/", views.dev_backend_send_status, name="dev_backend_send_status"
    ),
    path("dev-backend/<slug:name>/", views.dev_backend, name="dev_backend"),
]
