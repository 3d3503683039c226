"""Mounted inside i18n_patterns as ``page-feedback/`` (config/urls.py)."""

from django.urls import path

from . import views

app_name = "pagefeedback"

urlpatterns = [
    path("", views.vote, name="vote"),
    path("token/", views.token, name="token"),
]
