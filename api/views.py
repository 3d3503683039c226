"""The public, read-only API (Wagtail API v2), its OpenAPI description, the open-data
downloads and the developer page."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Locale, Page

from . import openapi, opendata
from .http import finish, public_read

#: Offsets beyond this are refused: no listing is that long, and a huge number
#: would overflow the database's integer.
MAX_OFFSET = 100_000


class CheckedFieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's ``?field=value`` filter, with values checked against the field first, so
    ``?date=yesterday`` or ``?cost=abc`` is a 400 rather than a database error (500)."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if getattr(field, "many_to_many", False) or getattr(field, "one_to_many", False):
                continue
            if field.is_relation:
                field = field.target_field
            try:
                field.to_python(value)
            except (ValidationError, ValueError, TypeError) as exc:
                raise BadRequestError(
                    f"field filter error: '{value}' is not a valid value for {name}"
                ) from exc
        return super().filter_queryset(request, queryset, view)


class ReadOnlyAPIMixin:
    """GET, HEAD and OPTIONS only; JSON only; CORS, caching and conditional GET;
    bad paging parameters answered with a 400."""

    http_method_names = ["get", "head", "options"]
    renderer_classes = [JSONRenderer]
    # Anonymous for everyone: answers must not depend on a session.
    authentication_classes = []
    permission_classes = []

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in ("offset", "limit"):
            value = self.request.GET.get(name)
            if value is None:
                continue
            if not value.isascii() or not value.isdigit():
                raise BadRequestError(f"{name} must be a positive integer")
        if int(self.request.GET.get("offset") or 0) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if any("\x00" in value for value in self.request.GET.values()):
            raise BadRequestError("null characters are not allowed in parameters")

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as exc:
            raise BadRequestError("format must be json") from exc

    def find_object(self, queryset, request):
        try:
            return super().find_object(queryset, request)
        except (ValueError, ValidationError) as exc:
            raise BadRequestError("id must be a positive integer") from exc

    def last_modified(self):
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        last_modified = self.last_modified() if response.status_code == 200 else None
        return finish(request, response, last_modified=last_modified)


class PagesAPIViewSet(ReadOnlyAPIMixin, WagtailPagesAPIViewSet):
    """Live pages that anyone may see: pages behind a view restriction (password, login,
    groups) are left out whoever asks, so a cached public answer never holds them."""

    filter_backends = [CheckedFieldsFilter] + WagtailPagesAPIViewSet.filter_backends[1:]

    def get_base_queryset(self):
        """Wagtail's ``get_public_pages_queryset`` without asking the session about view
        restrictions (which would add ``Vary: Cookie``): restricted pages are simply out."""
        queryset = Page.objects.all().live().public()
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as exc:
            raise BadRequestError(str(exc)) from exc
        if not site:
            return queryset.none()
        in_site = queryset.descendant_of(site.root_page, inclusive=True)
        for translation in site.root_page.get_translations():
            in_site |= queryset.descendant_of(translation, inclusive=True)
        return in_site

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        locale = self.request.GET.get("locale")
        if locale is not None and not Locale.objects.filter(language_code=locale).exists():
            codes = ", ".join(
                Locale.objects.order_by("language_code").values_list("language_code", flat=True)
            )
            raise BadRequestError(f"locale must be one of: {codes}")

    def last_modified(self):
        if self.action == "detail_view":
            return self.get_object().last_published_at
        return None

    @classmethod
    def get_field_serializer_overrides(cls, model):
        from .serializers import field_overrides

        overrides = dict(super().get_field_serializer_overrides(model))
        overrides.update(field_overrides().get(model, {}))
        return overrides


class ImagesAPIViewSet(ReadOnlyAPIMixin, WagtailImagesAPIViewSet):
    filter_backends = [CheckedFieldsFilter] + WagtailImagesAPIViewSet.filter_backends[1:]


class DocumentsAPIViewSet(ReadOnlyAPIMixin, WagtailDocumentsAPIViewSet):
    filter_backends = [CheckedFieldsFilter] + WagtailDocumentsAPIViewSet.filter_backends[1:]


@public_read
def openapi_json(request):
    return JsonResponse(openapi.description(request), json_dumps_params={"ensure_ascii": False})


def _download(filename, content, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license"'
    return response


@public_read
def dataset_csv(request, name):
    dataset = opendata.DATASETS.get(name)
    if dataset is None:
        return JsonResponse({"message": "no such dataset"}, status=404)
    return _download(f"{name}.csv", opendata.to_csv(dataset, request), "text/csv; charset=utf-8")


@public_read
def dataset_json(request, name):
    dataset = opendata.DATASETS.get(name)
    if dataset is None:
        return JsonResponse({"message": "no such dataset"}, status=404)
    return _download(f"{name}.json", opendata.to_json(dataset, request), "application/json; charset=utf-8")


def developers(request):
    """How other institutions use the API, the open data and the feeds (both languages)."""
    return render(
        request,
        "api/developers.html",
        {
            "base_url": request.build_absolute_uri("/").rstrip("/"),
            "language": get_language(),
            "datasets": [opendata.DATASETS[name] for name in opendata.DATASETS],
            "licence_url": opendata.LICENCE_URL,
            "licence_name": opendata.LICENCE_NAME,
            "feeds": opendata.feed_links(request),
        },
    )
