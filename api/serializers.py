"""Computed fields of the public API, keyed by page model and field name.

The page models only name their fields (``api_fields``); the values that need
work (a division in the page's language, the legal bases of a service, a text
worded in the page's language) are produced here and plugged in by
``api.views.PagesAPIViewSet.get_field_serializer_overrides``.
"""

from django.utils import translation
from django.utils.functional import Promise
from rest_framework import serializers


def _in_page_language(page, function):
    with translation.override(page.locale.language_code):
        value = function()
        if callable(value):
            value = value()
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return str(value) if isinstance(value, Promise) else value


class PageLanguageText(serializers.Field):
    """A text worded in the page's own language, e.g. "15 menit" or "15 minutes"."""

    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        value = _in_page_language(page, lambda: getattr(page, self.attribute))
        if isinstance(value, list):
            return value
        return "" if value is None else str(value)


class Number(serializers.Field):
    """A decimal field as a JSON number (or null), not as a string."""

    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        value = getattr(page, self.attribute)
        return None if value is None else float(value)


class ResponsibleDivision(serializers.Field):
    """``{"code", "name", "short_name"}`` of the responsible division, or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        division = page.responsible_division
        if division is None:
            return None
        return {"code": division.code, "name": division.name, "short_name": division.short_name}


class LegalBasis(serializers.Field):
    """The regulations a service rests on, live and public in its language, as citations."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        result = []
        for link in page.legal_basis_regulations():
            regulation = link["regulation"]
            result.append(
                {
                    "id": regulation.id,
                    "citation": _in_page_language(regulation, lambda r=regulation: r.citation),
                    "title": regulation.title,
                    "note": link["note"],
                    "url": regulation.get_full_url(request),
                }
            )
        return result


class DocumentUrl(serializers.Field):
    """The absolute address of a page's document (the regulation's PDF), or ""."""

    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        document = getattr(page, self.attribute)
        if document is None:
            return ""
        request = self.context.get("request")
        return request.build_absolute_uri(document.url) if request else document.url


def field_overrides():
    """``{model: {field name: serializer field}}`` for the page types of the API."""
    from home.models import StandardPage  # noqa: F401  (no computed fields)
    from offices.models import AccessPointPage, OfficePage
    from regulations.models import RegulationPage
    from services.models import ServicePage

    return {
        ServicePage: {
            "audience_labels": PageLanguageText("audience_labels"),
            "category_label": PageLanguageText("get_category_display"),
            "cost": Number("cost"),
            "cost_text": PageLanguageText("cost_text"),
            "time_text": PageLanguageText("time_text"),
            "how_to_apply_text": PageLanguageText("how_to_apply_text"),
            "responsible_division": ResponsibleDivision(),
            "legal_basis": LegalBasis(),
        },
        RegulationPage: {
            "type_label": PageLanguageText("get_regulation_type_display"),
            "citation": PageLanguageText("citation"),
            "status_label": PageLanguageText("get_status_display"),
            "document_url": DocumentUrl("pdf"),
        },
        AccessPointPage: {
            "kind_label": PageLanguageText("get_kind_display"),
            "latitude": Number("latitude"),
            "longitude": Number("longitude"),
            "responsible_division": ResponsibleDivision(),
        },
        OfficePage: {
            "latitude": Number("latitude"),
            "longitude": Number("longitude"),
        },
    }
