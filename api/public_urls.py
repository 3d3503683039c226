"""The API's routes on their own, without the language-prefixed site.

An API 404 is answered with this URLconf on the request (``api.http.finish``), so that
Django's LocaleMiddleware does not redirect /api/v2/pages/999/ to /id/api/v2/pages/999/
(which the site's catch-all page route would accept) and the client gets the JSON 404.
"""

from django.urls import include, path

from . import urls, views

urlpatterns = [
    path("api/v2/openapi.json", views.openapi_json),
    path("api/v2/", urls.api_router.urls),
    path("opendata/", include(urls.opendata_patterns)),
]
