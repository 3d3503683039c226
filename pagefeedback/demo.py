"""Demo content: a few answers to "Is this page useful?" on a few pages.

Votes are keyed "demo-…" so running the seed again replaces them, and their
times are counted back from now so every window of the report has some.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from .models import PageFeedback

# (days ago, useful, comment) per page, by position among the home page's live children.
VOTES = [
    (1, True, ""),
    (2, True, ""),
    (5, False, "Jam buka loket tidak dicantumkan."),
    (12, True, ""),
    (25, False, ""),
    (40, True, ""),
    (75, False, "Formulirnya tidak bisa diunduh."),
    (150, True, ""),
]


def seed(homes):
    pages = [homes.id, *Page.objects.child_of(homes.id).live().order_by("path")[:3]]
    english = homes.en
    now = timezone.now()
    keep = []
    for page_number, page in enumerate(pages):
        for vote_number, (days, helpful, comment) in enumerate(VOTES[page_number:]):
            target = english if page_number == 0 and vote_number % 3 == 0 else page
            key = f"demo-{page_number}-{vote_number}"
            keep.append(key)
            PageFeedback.objects.update_or_create(
                voter_key=key,
                defaults={
                    "page": target,
                    "translation_key": target.translation_key,
                    "locale_id": target.locale_id,
                    "helpful": helpful,
                    "comment": comment,
                    "created_at": now - datetime.timedelta(days=days, hours=vote_number),
                },
            )
    PageFeedback.objects.filter(voter_key__startswith="demo-").exclude(voter_key__in=keep).delete()
