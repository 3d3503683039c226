import pytest

from faq import services
from faq.tests.factories import FAQEntryFactory, votes

pytestmark = pytest.mark.django_db


def test_wilson_lower_bound_prefers_many_good_votes_over_one():
    assert services.wilson_lower_bound(45, 5) > services.wilson_lower_bound(1, 0)
    assert services.wilson_lower_bound(1, 0) == pytest.approx(0.2065, abs=1e-3)
    assert services.wilson_lower_bound(45, 5) == pytest.approx(0.7864, abs=1e-3)
    assert services.wilson_lower_bound(0, 0) == 0


def test_within_a_category_most_helpful_first(category):
    lucky = FAQEntryFactory(category=category, question="A lucky one?")
    tried = FAQEntryFactory(category=category, question="B well tried?")
    unvoted = FAQEntryFactory(category=category, question="C no votes?")
    votes(lucky, 1, 0)
    votes(tried, 45, 5)

    assert services.ordered_entries(category.entries.all()) == [tried, lucky, unvoted]


def test_pinned_entries_come_first_in_their_order(category):
    tried = FAQEntryFactory(category=category, question="Well tried?")
    votes(tried, 45, 5)
    second = FAQEntryFactory(category=category, question="Pinned second?", pinned_order=2)
    first = FAQEntryFactory(category=category, question="Pinned first?", pinned_order=1)

    assert services.ordered_entries(category.entries.all()) == [first, second, tried]


def test_categories_in_their_sort_order(homes):
    from faq.tests.factories import FAQCategoryFactory

    late = FAQEntryFactory(category=FAQCategoryFactory(sort_order=20))
    early = FAQEntryFactory(category=FAQCategoryFactory(sort_order=10))

    groups = services.group_by_category(services.ordered_entries(late.__class__.objects.all()))

    assert [group.entries for group in groups] == [[early], [late]]


def test_uncounted_votes_do_not_change_the_order(category):
    from faq.tests.factories import VoteFactory

    entry = FAQEntryFactory(category=category)
    VoteFactory(entry=entry, helpful=True, counted=False)

    assert (entry.yes_count, entry.no_count) == (0, 0)
