import factory
from django.utils import timezone

from pagefeedback.models import PageFeedback


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    """A vote on ``page``; ``created_at`` defaults to now."""

    class Meta:
        model = PageFeedback

    page = None
    translation_key = factory.LazyAttribute(lambda vote: vote.page.translation_key)
    locale = factory.LazyAttribute(lambda vote: vote.page.locale)
    helpful = True
    comment = ""
    created_at = factory.LazyFunction(timezone.now)
    voter_key = factory.Sequence(lambda n: f"voter-{n}")
