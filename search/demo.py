"""Demo synonyms and an editor's pick (``seed(homes)``, after the other apps' pages)."""

from wagtail.models import Page

from .models import SynonymGroup, split_terms

SYNONYM_GROUPS = [
    "kartu kuning, AK/I, AK1, kartu AK1, kartu pencari kerja, kartu tanda bukti pendaftaran pencari kerja, "
    "yellow card, job-seeker card",
    "PHK, pemutusan hubungan kerja, layoff, dismissal",
    "lowongan, lowongan kerja, loker, vacancy, job vacancy",
    "bursa kerja, job fair",
    "BLK, UPTD BLKP, balai latihan kerja, vocational training centre",
    "WLKP, wajib lapor ketenagakerjaan, company manpower reporting",
    "PKWT, perjanjian kerja waktu tertentu, fixed-term contract",
    "PMI, pekerja migran Indonesia, TKI, migrant worker",
    "perwali, peraturan walikota, mayor regulation",
]

#: (query, slug of the Indonesian page): the page, or its translation, comes first.
PROMOTIONS = [
    ("kartu kuning", "cara-membuat-kartu-pencari-kerja"),
    ("yellow card", "cara-membuat-kartu-pencari-kerja"),
]


def seed(homes):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    existing = {tuple(group.term_list[:1]): group for group in SynonymGroup.objects.all()}
    for terms in SYNONYM_GROUPS:
        group = existing.get(tuple(split_terms(terms)[:1])) or SynonymGroup()
        group.terms = terms
        group.full_clean()
        group.save()
    for query, slug in PROMOTIONS:
        page = Page.objects.filter(slug=slug, locale=homes.id.locale).first()
        if page is not None:
            SearchPromotion.objects.get_or_create(query=Query.get(query), page=page)
