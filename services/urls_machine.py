"""The machine endpoints without language prefixes, as a urlconf of their own.

Only used by ``views._not_found`` so that LocaleMiddleware leaves a JSON 404
alone (see there); it resolves the same views at the same paths."""

from django.urls import include, path

urlpatterns = [path("services/", include("services.urls"))]
