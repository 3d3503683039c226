"""Rules of one regulation's page: its related regulations and its schema.org data."""

import mimetypes

from wagtail.models import Page

from .choices import INDONESIAN_NAMES, LEGAL_FORCE, RelationKind


def related_groups(page):
    """The page's related regulations grouped by relation kind, in the order
    of ``RelationKind``: ``[{"kind", "label", "regulations"}]``.

    Links are made to a regulation in any language (a translation copies the
    links of its original); each is shown as the regulation's live, public
    version in the page's own language, and left out when there is none.
    """
    links = list(page.related_regulations.all())
    target_ids = {link.target_id for link in links if link.target_id}
    if not target_ids:
        return []
    keys = dict(Page.objects.filter(pk__in=target_ids).values_list("pk", "translation_key"))
    shown = {
        regulation.translation_key: regulation
        for regulation in type(page)
        .objects.filter(translation_key__in=set(keys.values()), locale_id=page.locale_id)
        .exclude(translation_key=page.translation_key)
        .live()
        .public()
    }
    grouped = {}
    for link in links:
        regulation = shown.get(keys.get(link.target_id))
        if regulation is not None and regulation not in grouped.setdefault(link.kind, []):
            grouped[link.kind].append(regulation)
    return [
        {"kind": kind, "label": label, "regulations": grouped[kind]}
        for kind, label in RelationKind.choices
        if grouped.get(kind)
    ]


def absolute_url(url, page, request=None):
    if request is not None:
        return request.build_absolute_uri(url)
    site = page.get_site()
    return f"{site.root_url}{url}" if site else url


def legislation_json_ld(page, request=None):
    """schema.org ``Legislation`` for one regulation. The legal text is in
    Indonesian whatever the page's language, hence ``inLanguage: "id"``."""
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": page.title,
        "alternateName": page.formal_citation,
        "legislationIdentifier": page.formal_citation,
        "legislationType": INDONESIAN_NAMES.get(page.regulation_type, page.regulation_type),
        "legislationDate": page.date_enacted.isoformat() if page.date_enacted else str(page.year),
        "legislationLegalForce": LEGAL_FORCE[page.status],
        "legislationPassedBy": {"@type": "Organization", "name": page.issuer},
        "inLanguage": "id",
        "url": page.get_full_url(request),
    }
    if page.summary:
        data["description"] = page.summary
    if page.pdf_id and page.pdf is not None:
        document = page.pdf
        data["encoding"] = {
            "@type": "MediaObject",
            "name": document.title,
            "contentUrl": absolute_url(document.url, page, request),
            "encodingFormat": mimetypes.guess_type(document.filename)[0] or "application/octet-stream",
            "inLanguage": "id",
        }
    changes = [
        {"@type": "Legislation", "name": regulation.formal_citation, "url": regulation.get_full_url(request)}
        for group in page.related_regulation_groups
        if group["kind"] in (RelationKind.AMENDS, RelationKind.REVOKES)
        for regulation in group["regulations"]
    ]
    if changes:
        data["legislationChanges"] = changes
    return data
