"""Mounted under each language prefix: ``path("survey/", include("satisfaction.urls"))``
in ``i18n_patterns`` gives /id/survey/<token>/ and /en/survey/<token>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:token>/", views.survey, name="satisfaction_survey"),
]
