from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import urls as api_urls
from api import views as api_views
from core import views as core_views
from core.sitemaps import PageSitemap


def sitemap_view(request):
    return sitemap(request, {"pages": PageSitemap(request)}, template_name="core/sitemap.xml")


urlpatterns = [
    # Liveness and readiness probes for load balancers (ops app).
    path("", include("ops.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True)),
    path("i18n/", include("django.conf.urls.i18n")),
    # The public read-only API and open data for other institutions (api app).
    path("api/v2/openapi.json", api_views.openapi_json, name="api_openapi"),
    path("api/v2/", api_urls.api_router.urls),
    path("opendata/", include(api_urls.opendata_patterns)),
    # Signed status callbacks from the transaction back-ends (services app).
    path("services/", include("services.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The development transaction back-end: receives signed messages locally.
if settings.DEBUG or settings.INTEGRATION_DEV_BACKEND:
    urlpatterns += [path("integrations/", include("integrations.urls"))]

# Every public page lives under its language prefix: /id/… and /en/….
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("styleguide/", core_views.styleguide, name="styleguide"),
    path("developers/", api_views.developers, name="developers"),
    path("survey/", include("satisfaction.urls")),
    path("page-feedback/", include("pagefeedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Bodies Django could not read: 413 when too large, 400 with a reason (ops.limits).
handler400 = "ops.limits.bad_request"
handler404 = "core.views.page_not_found"
# 503 with Retry-After when the database is unreachable, else the styled 500 (ops/errors.py).
handler500 = "ops.errors.server_error"
