"""schema.org for a consultation: the page about a draft that is not in force.

Comments are never included (they may carry names)."""


def consultation_json_ld(page, request):
    draft = {
        "@type": "Legislation",
        "name": page.title,
        "legislationLegalForce": "https://schema.org/NotInForce",
        "legislationJurisdiction": "Kota Palembang",
    }
    if page.draft_document:
        draft["encoding"] = {
            "@type": "MediaObject",
            "name": page.draft_document.title,
            "contentUrl": request.build_absolute_uri(page.draft_document.url),
        }
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "about": draft,
        "temporalCoverage": f"{page.opens_on.isoformat()}/{page.closes_on.isoformat()}",
    }
