"""Demo content (seed_demo): survey answers for a few demo services over two quarters.

Each answer belongs to a demo invitation (reference DEMO-SKM-…), found again by
its reference, so running the seed twice adds nothing. The scores come from a
seeded random generator around a profile per service, so every run gives the
same, believable figures (for example a free, quick card scores high on cost
and time; mediation lower on time).
"""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from .elements import FIELDS
from .models import SurveyInvitation, SurveyResponse
from .services import quarter_bounds

#: slug of the demo service → the usual score (1 to 4) of each of the nine elements.
PROFILES = {
    "kartu-pencari-kerja-ak1": (3.4, 3.3, 3.5, 4.0, 3.4, 3.3, 3.5, 3.0, 3.1),
    "pendaftaran-pelatihan-berbasis-kompetensi": (3.2, 3.0, 2.9, 3.9, 3.3, 3.6, 3.4, 2.9, 3.0),
    "pengesahan-peraturan-perusahaan": (3.0, 2.9, 2.8, 3.8, 3.1, 3.3, 3.2, 2.8, 3.1),
    "mediasi-perselisihan-hubungan-industrial": (3.0, 2.7, 2.5, 3.9, 2.9, 3.3, 3.1, 2.9, 2.8),
}
COMMENTS = [
    "Petugas ramah dan cepat.",
    "Antrean pagi cukup panjang, mohon tambah loket.",
    "Ruang tunggu nyaman.",
    "Informasi persyaratan di situs sudah jelas.",
    "",
    "",
    "",
]
PER_QUARTER = 14


def _quarters(today):
    """The current quarter (up to today) and the one before it."""
    quarter = (today.month - 1) // 3 + 1
    current = quarter_bounds(today.year, quarter)
    previous = quarter_bounds(today.year, quarter - 1) if quarter > 1 else quarter_bounds(today.year - 1, 4)
    return [previous, (current[0], today)]


def _score(rng, usual):
    return max(1, min(4, round(rng.gauss(usual, 0.55))))


def seed(homes):
    """Create or refresh this app's demo content; safe to run again."""
    from services.models import ServicePage

    default = Locale.get_default()
    pages = {page.slug: page for page in ServicePage.objects.filter(locale=default, slug__in=PROFILES)}
    today = timezone.localdate()
    with transaction.atomic():
        for number, (slug, profile) in enumerate(PROFILES.items(), start=1):
            page = pages.get(slug)
            if page is None:
                continue
            rng = random.Random(f"skm-{slug}")  # noqa: S311 (demo figures, not security)
            for quarter_number, (start, end) in enumerate(_quarters(today), start=1):
                days = max((end - start).days, 1)
                for index in range(PER_QUARTER):
                    reference = f"DEMO-SKM-{number:02d}{quarter_number}{index + 1:03d}"
                    day = start + timedelta(days=rng.randrange(days))
                    when = timezone.make_aware(
                        datetime.combine(day, time(9 + rng.randrange(7), rng.randrange(60)))
                    )
                    values = {field: _score(rng, usual) for field, usual in zip(FIELDS, profile, strict=True)}
                    comment = rng.choice(COMMENTS)
                    language = "en" if index % 5 == 4 else "id"
                    invitation, _created = SurveyInvitation.objects.update_or_create(
                        reference=reference,
                        defaults={
                            "service": page,
                            "service_key": page.translation_key,
                            "service_title": page.title,
                            "language": language,
                            "created_at": when - timedelta(days=1),
                            "expires_at": when + timedelta(days=59),
                            "completed_at": when,
                        },
                    )
                    SurveyResponse.objects.update_or_create(
                        invitation=invitation,
                        defaults={
                            "service": page,
                            "service_key": page.translation_key,
                            "service_title": page.title,
                            "language": language,
                            "comment": comment,
                            "submitted_at": when,
                            **values,
                        },
                    )
