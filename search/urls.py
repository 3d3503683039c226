"""Mounted under each language prefix: /id/search/ and /en/search/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.suggest, name="search_suggest"),
]
