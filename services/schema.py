"""schema.org data of a service: a GovernmentService (plain function, no HTTP)."""

from django.utils import translation

from . import standard
from .choices import AUDIENCE_SCHEMA_TYPES, Audience, Category, HowToApply


def _one_line(text):
    return " ".join((text or "").split())


def government_service(page, request, office):
    """The GovernmentService of ``page``; ``office`` is core.models.SiteSettings."""
    with translation.override(page.locale.language_code):
        category = str(Category(page.category).label) if page.category in Category.values else ""
        audiences = [
            {"@type": AUDIENCE_SCHEMA_TYPES[code], "audienceType": str(Audience(code).label)}
            for code in page.audiences
        ]
    provider = {"@type": "GovernmentOrganization", "name": office.office_name}
    home = page.get_ancestors().filter(depth=2).first()
    if home is not None:
        provider["url"] = home.get_full_url(request)
    division = page.responsible_division
    if division is not None:
        provider["department"] = {"@type": "GovernmentOrganization", "name": division.name}

    channel = {"@type": "ServiceChannel", "name": str(_channel_name(page))}
    if page.how_to_apply == HowToApply.EXTERNAL and page.external_url:
        channel["serviceUrl"] = page.external_url
        channel["name"] = page.external_system or channel["name"]
    else:
        channel["serviceUrl"] = page.get_full_url(request)
    phone = page.counter_phone or office.phone
    if phone:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": phone}
    if page.counter_location:
        channel["serviceLocation"] = {
            "@type": "Place",
            "name": _one_line(page.counter_location),
            "address": {"@type": "PostalAddress", "addressLocality": "Palembang", "addressCountry": "ID"},
        }

    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "serviceType": category,
        "provider": provider,
        "areaServed": {"@type": "City", "name": "Palembang"},
        "audience": audiences,
        "offers": {
            "@type": "Offer",
            "price": standard.price_text(page.cost),
            "priceCurrency": "IDR",
        },
        "availableChannel": [channel],
    }
    if page.product:
        data["serviceOutput"] = {"@type": "Thing", "name": _one_line(page.product)}
    return data


def _channel_name(page):
    with translation.override(page.locale.language_code):
        return str(HowToApply(page.how_to_apply).label) if page.how_to_apply in HowToApply.values else ""
