from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The styled 404, in the language of the URL the visitor asked for."""
    return render(request, "404.html", {"request_path": request.path}, status=404)


def server_error(request):
    """The 500 page must render even when the database is what failed, so its
    template touches no model and no context processor."""
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))
