"""schema.org objects for the office profile and the access points.

Properties are placed where schema.org defines them: an organisation has an
address, departments and contact points; the place it works from (a
GovernmentOffice, which is both an Organization and a Place) has geo
coordinates and opening hours.
"""

from django.utils.html import strip_tags

from .services import coordinate, day_range, opening_hours_rows, time_text

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

CITY = "Palembang"
REGION = "Sumatera Selatan"
COUNTRY = "ID"


def postal_address(address):
    lines = [line.strip(" ,") for line in (address or "").splitlines() if line.strip(" ,")]
    return {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(lines),
        "addressLocality": CITY,
        "addressRegion": REGION,
        "addressCountry": COUNTRY,
    }


def geo(latitude, longitude):
    lat, lon = coordinate(latitude), coordinate(longitude)
    if lat is None or lon is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(lat), "longitude": float(lon)}


def opening_hours_specification(opening_hours):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in day_range(first, last)],
            "opens": time_text(opens, ":"),
            "closes": time_text(closes, ":"),
        }
        for first, last, opens, closes in opening_hours_rows(opening_hours)
    ]


def _plain(html):
    return " ".join(strip_tags(html or "").split())


def _place(place_type, *, name, url, address, latitude, longitude, opening_hours, phone="", email=""):
    place = {"@type": place_type, "name": name, "url": url}
    if address:
        place["address"] = postal_address(address)
    coordinates = geo(latitude, longitude)
    if coordinates:
        place["geo"] = coordinates
    hours = opening_hours_specification(opening_hours)
    if hours:
        place["openingHoursSpecification"] = hours
    if phone:
        place["telephone"] = phone
    if email:
        place["email"] = email
    return place


def department(division):
    entry = {"@type": "GovernmentOrganization", "name": division.name, "identifier": division.code}
    if division.short_name:
        entry["alternateName"] = division.short_name
    if division.responsibilities:
        entry["description"] = _plain(division.responsibilities)
    return entry


def government_organization(*, name, url, description, contact, divisions):
    """The office as a GovernmentOrganization: address, contact and departments
    here, and the office building (with geo and hours) as its ``location``."""
    organization = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": name,
        "url": url,
    }
    if description:
        organization["description"] = description
    if contact.address:
        organization["address"] = postal_address(contact.address)
    if contact.phone:
        organization["telephone"] = contact.phone
    if contact.email:
        organization["email"] = contact.email
    organization["location"] = _place(
        "GovernmentOffice",
        name=name,
        url=url,
        address=contact.address,
        latitude=contact.latitude,
        longitude=contact.longitude,
        opening_hours=contact.opening_hours,
        phone=contact.phone,
        email=contact.email,
    )
    if divisions:
        organization["department"] = [department(division) for division in divisions]
    return organization


def access_point(page, *, url, office_name):
    """An access point as a GovernmentOffice run by the office."""
    place = {
        "@context": "https://schema.org",
        **_place(
            "GovernmentOffice",
            name=page.title,
            url=url,
            address=page.address,
            latitude=page.latitude,
            longitude=page.longitude,
            opening_hours=page.opening_hours,
            phone=page.phone,
        ),
    }
    place["description"] = page.search_description or str(page.get_kind_display())
    place["parentOrganization"] = {"@type": "GovernmentOrganization", "name": office_name}
    place["publicAccess"] = True
    return place
